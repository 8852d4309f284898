"""Strategies for the policies of every rule family, each valid by construction."""

from __future__ import annotations

import itertools
from datetime import date, timedelta
from decimal import Decimal

from dateutil.relativedelta import relativedelta
from hypothesis import strategies as st

from custrel.cadence import (
    Beyond,
    Cadence,
    CadencePolicy,
    PoolPolicy,
    Touch,
    Weekday,
    WorkCalendar,
)
from custrel.grading import Grade, GradingPolicy
from custrel.lifecycle import LifecyclePolicy
from custrel.models import (
    Channel,
)
from custrel.service import ServicePolicy
from custrel.strategies._scalars import dates
from custrel.tiering import TierMode, TierPolicy

__all__ = [
    "cadence_policies",
    "grading_policies",
    "lifecycle_policies",
    "pool_policies",
    "service_policies",
    "tier_policies",
    "work_calendars",
]


# Grading (rules G1, G2) --------------------------------------------------------------------


@st.composite
def _grading_policy(draw: st.DrawFn) -> GradingPolicy:
    def increasing(high: int) -> tuple[int, int, int]:
        first, second, third = sorted(
            draw(st.lists(st.integers(1, high), min_size=3, max_size=3, unique=True))
        )
        return first, second, third

    months = increasing(24)
    days = increasing(120)
    return GradingPolicy(
        horizons=(
            relativedelta(months=months[0]),
            relativedelta(months=months[1]),
            relativedelta(months=months[2]),
        ),
        overdue_grace=relativedelta(
            months=draw(st.integers(0, 6)), days=draw(st.sampled_from([0, 1, 15]))
        ),
        urgency_horizons=(
            relativedelta(days=days[0]),
            relativedelta(days=days[1]),
            relativedelta(days=days[2]),
        ),
    )


def grading_policies() -> st.SearchStrategy[GradingPolicy]:
    """Valid grading policies: increasing month horizons and day urgency horizons.

    Returns:
        A strategy of :class:`~custrel.grading.GradingPolicy`.

    >>> from hypothesis import find
    >>> from custrel.strategies import grading_policies
    >>> p = find(grading_policies(), lambda p: True)
    >>> months = [h.years * 12 + h.months for h in p.horizons]  # a year holds 12 of them
    >>> months[0] < months[1] < months[2]
    True
    """
    return _grading_policy()


# Tiering (rule T2) --------------------------------------------------------------------------


@st.composite
def _tier_policy(draw: st.DrawFn) -> TierPolicy:
    cuts = sorted(draw(st.lists(st.integers(1, 99), min_size=3, max_size=3, unique=True)))
    bounds = [0, *cuts, 100]
    shares = [Decimal(high - low) / 100 for low, high in itertools.pairwise(bounds)]
    return TierPolicy(
        shares=(shares[0], shares[1], shares[2], shares[3]),
        mode=draw(st.sampled_from(TierMode)),
    )


def tier_policies() -> st.SearchStrategy[TierPolicy]:
    """Valid pyramid policies: four whole-percent shares summing to 1, either mode.

    Returns:
        A strategy of :class:`~custrel.tiering.TierPolicy`.

    >>> from hypothesis import find
    >>> from custrel.strategies import tier_policies
    >>> sum(find(tier_policies(), lambda p: True).shares) == 1
    True
    """
    return _tier_policy()


# Cadence (rules C1, C3) ---------------------------------------------------------------------


def cadence_policies() -> st.SearchStrategy[CadencePolicy]:
    """Valid cadence policies: a named cadence or a period per grade, any touches and channels.

    Returns:
        A strategy of :class:`~custrel.cadence.CadencePolicy`.

    >>> from hypothesis import find
    >>> from custrel.grading import Grade
    >>> from custrel.strategies import cadence_policies
    >>> set(find(cadence_policies(), lambda p: True).cadences) == set(Grade)
    True
    """
    periods = st.builds(
        relativedelta,
        months=st.integers(0, 13),
        days=st.integers(0, 40),
    ).filter(lambda p: p.months or p.days)
    return st.builds(
        CadencePolicy,
        cadences=st.fixed_dictionaries({g: st.sampled_from(Cadence) | periods for g in Grade}),
        touches=st.frozensets(st.sampled_from(Touch), min_size=1),
        outbound=st.frozensets(st.sampled_from(Channel)),
        inbound=st.frozensets(st.sampled_from(Channel)),
        first_contact=st.frozensets(st.sampled_from(Channel)),
        daily_on_working_days=st.booleans(),
    )


def pool_policies() -> st.SearchStrategy[PoolPolicy]:
    """Valid customer-pool policies, in calendar or working days.

    Returns:
        A strategy of :class:`~custrel.cadence.PoolPolicy`.

    >>> from hypothesis import find
    >>> from custrel.strategies import pool_policies
    >>> find(pool_policies(), lambda p: True).first_contact_days >= 1
    True
    """
    return st.builds(
        PoolPolicy,
        first_contact_days=st.integers(1, 30),
        follow_up_days=st.integers(1, 90),
        hard_cap_days=st.none() | st.integers(1, 365),
        warning_days=st.integers(0, 10),
        working_days=st.booleans(),
    )


_WEEKENDS = st.one_of(
    st.just(frozenset({Weekday.SATURDAY, Weekday.SUNDAY})),
    st.just(frozenset({Weekday.FRIDAY, Weekday.SATURDAY})),
    st.frozensets(st.sampled_from(Weekday), max_size=3),
)


@st.composite
def _work_calendar(
    draw: st.DrawFn, first_year: int, last_year: int, beyond: Beyond | None
) -> WorkCalendar:
    weekend = draw(_WEEKENDS)
    fallback = draw(st.sampled_from(Beyond)) if beyond is None else beyond
    if draw(st.integers(0, 9)) == 0:  # the plain week of every year
        return WorkCalendar(name="plain", weekend=weekend, beyond=fallback)
    first = draw(st.integers(first_year, last_year))
    last = draw(st.integers(first, min(last_year, first + 3)))
    days = dates(min_value=date(first, 1, 1), max_value=date(last, 12, 31))
    off = set(draw(st.frozensets(days, max_size=30)))
    if draw(st.booleans()):  # a golden week: a run of days off
        start = draw(days)
        off.update(start + timedelta(days=i) for i in range(draw(st.integers(3, 9))))
    on = draw(st.frozensets(days, max_size=10)) - off
    return WorkCalendar(
        name="generated",
        weekend=weekend,
        covers=range(first, last + 1),
        holidays=frozenset(off),
        workdays=on,
        beyond=fallback,
    )


def work_calendars(
    *, first_year: int = 2020, last_year: int = 2030, beyond: Beyond | None = None
) -> st.SearchStrategy[WorkCalendar]:
    """Working calendars (rule C4): any weekend, holidays, make-up days, a span of years.

    Weekends are Saturday-Sunday, Friday-Saturday or any up to three days; a calendar
    covers up to four consecutive years within the bounds and lists days off (with a
    golden week now and then) and working days in them. About one in ten is the plain
    week of every year.

    Args:
        first_year: The earliest year covered.
        last_year: The latest year covered.
        beyond: The fallback past the covered years; either by default.

    Returns:
        A strategy of :class:`~custrel.cadence.WorkCalendar`.

    >>> from hypothesis import find
    >>> from custrel.cadence import Beyond
    >>> from custrel.strategies import work_calendars
    >>> find(work_calendars(beyond=Beyond.WEEKENDS), lambda c: True).beyond.value
    'weekends'
    """
    return _work_calendar(first_year, last_year, beyond)


# Lifecycle (rules L1-L4) and service (rules S1-S3) -----------------------------------------


def _ratios(low: int, high: int) -> st.SearchStrategy[Decimal]:
    """Decimals with two places in ``low/100 .. high/100``."""
    return st.integers(low, high).map(lambda n: Decimal(n).scaleb(-2))


@st.composite
def _lifecycle_policy(draw: st.DrawFn) -> LifecyclePolicy:
    floor = draw(st.integers(1, 400))
    return LifecyclePolicy(
        new_days=draw(st.integers(1, 400)),
        window_days=draw(st.integers(1, 400)),
        horizon_multiple=draw(_ratios(50, 800)),
        horizon_floor_days=floor,
        horizon_ceiling_days=draw(st.integers(floor, 800)),
        settle_days=draw(st.integers(1, 400)),
        growth=draw(_ratios(1, 300)),
        frequency_drop=draw(_ratios(1, 99)),
        spend_drop=draw(_ratios(1, 99)),
        min_baseline=draw(st.integers(1, 5)),
        overdue_multiple=draw(_ratios(50, 400)),
        overdue_min_days=draw(st.integers(0, 120)),
        complaint_rise=draw(st.integers(1, 3)),
    )


def lifecycle_policies() -> st.SearchStrategy[LifecyclePolicy]:
    """Valid lifecycle policies: any day counts and ratios, the floor below the ceiling.

    Returns:
        A strategy of :class:`~custrel.lifecycle.LifecyclePolicy`.

    >>> from hypothesis import find
    >>> from custrel.strategies import lifecycle_policies
    >>> p = find(lifecycle_policies(), lambda p: True)
    >>> p.horizon_floor_days <= p.horizon_ceiling_days
    True
    """
    return _lifecycle_policy()


def service_policies() -> st.SearchStrategy[ServicePolicy]:
    """Valid complaint-handling policies: any day counts, a reach share from 0.01 to 1.

    Returns:
        A strategy of :class:`~custrel.service.ServicePolicy`.

    >>> from hypothesis import find
    >>> from custrel.strategies import service_policies
    >>> 0 < find(service_policies(), lambda p: True).reach_share <= 1
    True
    """
    return st.builds(
        ServicePolicy,
        escalate_days=st.integers(0, 7),
        serious_visit_days=st.integers(0, 30),
        visit_days=st.integers(0, 60),
        follow_up_days=st.integers(0, 60),
        reach_share=_ratios(1, 100),
    )
