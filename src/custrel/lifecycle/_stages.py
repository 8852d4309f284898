"""One customer's stage, churn signals and highest stage reached (rules L1-L4)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from custrel.lifecycle._history import _History
from custrel.lifecycle._policy import DEFAULT_LIFECYCLE, ChurnSignal, LifecyclePolicy, Stage, _bind

if TYPE_CHECKING:
    from collections.abc import Iterable
    from datetime import date

    from custrel.models import Complaint, Purchase

__all__ = ["churn_signals", "highest_stage", "lifecycle_stage"]


def lifecycle_stage(
    purchases: Iterable[Purchase],
    /,
    *,
    as_of: date,
    complaints: Iterable[Complaint] = (),
    policy: LifecyclePolicy = DEFAULT_LIFECYCLE,
) -> Stage:
    """One customer's lifecycle stage on ``as_of`` (rules L1-L4).

    The first case that applies wins:

    1. No sale on or before ``as_of``: PROSPECT (rule L2). Refunds alone are no sale.
    2. Silent (days since the last purchase occasion) longer than the churn horizon:
       LAPSED (rule L4). With one occasion the horizon is ``one_time_horizon_days``;
       otherwise ``horizon_multiple`` times the median interval between occasions,
       lapses left out, rounded down to whole days and kept within the floor and the
       ceiling; with no interval left it is the floor.
    3. One occasion: NEW (rule L1), AT_RISK once its repurchase is overdue (only
       when the one-time horizon is longer than ``new_days``).
    4. An occasion within the last ``settle_days`` ended a lapse (the gap before it was
       longer than the horizon in force then, so the customer was LAPSED): WON_BACK.
    5. Net spend in the recent window at least (1 + ``growth``) times a positive net
       spend in the window before, for a customer who was already buying when that
       window began (their first occasion on or before its first day): GROWING;
       otherwise ACTIVE (rule L1).
    6. An ACTIVE or GROWING customer with any :func:`churn_signals`: AT_RISK (rule L3).
    7. Silence never improves standing (rules L1, L4): with nothing bought since the
       last occasion, a stage above the one shown on an earlier day of that silence
       keeps the one shown (a WON_BACK customer settles into ACTIVE); see
       :func:`~custrel.lifecycle.explain_stage` for ``held_since``.

    Args:
        purchases: One customer's purchases and refunds, in any order.
        as_of: The reference day; later records are ignored.
        complaints: The same customer's complaints (rule L3).
        policy: The thresholds; the calibrated defaults unless given.

    Returns:
        The stage.

    Raises:
        InvalidInputError: If an argument has the wrong type, or the records belong to
            more than one customer.

    >>> from datetime import date, datetime, timezone
    >>> from custrel.models import Purchase
    >>> def sale(day):
    ...     return Purchase(customer_id="c-1", product="tea", amount=100,
    ...                     at=datetime.combine(day, datetime.min.time(), timezone.utc))
    >>> monthly = [sale(date(2026, m, 1)) for m in range(1, 12)]
    >>> lifecycle_stage(monthly, as_of=date(2026, 11, 22))
    <Stage.ACTIVE: 'active'>
    >>> lifecycle_stage(monthly[:8], as_of=date(2026, 11, 22))   # 113 days silent
    <Stage.AT_RISK: 'at_risk'>
    >>> lifecycle_stage(monthly[:4], as_of=date(2026, 11, 22))   # past the 180-day floor
    <Stage.LAPSED: 'lapsed'>
    """
    return _History(purchases, complaints, _bind(policy, as_of)).now().stage


def churn_signals(
    purchases: Iterable[Purchase],
    /,
    *,
    as_of: date,
    complaints: Iterable[Complaint] = (),
    policy: LifecyclePolicy = DEFAULT_LIFECYCLE,
) -> tuple[ChurnSignal, ...]:
    """The churn warning signals of one customer on ``as_of`` (rule L3).

    The recent window is the ``window_days`` days ending on ``as_of``; the window before
    it is the ``window_days`` days before that. Each signal compares the two:

    - FREQUENCY_DROP: the window before had at least ``min_baseline`` purchase
      occasions, and the recent one at most (1 - ``frequency_drop``) times as many.
    - SPEND_DROP: the same baseline, and recent net spend at most (1 - ``spend_drop``)
      times the net spend before.
    - COMPLAINT_RISE: more complaints in the recent window than before, and at least
      ``complaint_rise`` of them.
    - OVERDUE_REPURCHASE: the days since the last occasion exceed ``overdue_multiple``
      times the median interval and ``overdue_min_days``; with one occasion, they exceed
      ``new_days`` (a new customer who did not come back).

    Signals are reported whatever the stage; only an ACTIVE or GROWING customer turns
    AT_RISK for them.

    Args:
        purchases: One customer's purchases and refunds, in any order.
        as_of: The reference day; later records are ignored.
        complaints: The same customer's complaints.
        policy: The thresholds; the calibrated defaults unless given.

    Returns:
        The signals found, in the order of :class:`ChurnSignal`.

    Raises:
        InvalidInputError: As :func:`lifecycle_stage`.

    >>> from datetime import date, datetime, timezone
    >>> from custrel.models import Complaint, Purchase, Severity
    >>> at = datetime(2026, 11, 1, tzinfo=timezone.utc)
    >>> churn_signals([Purchase(customer_id="c-1", at=at, product="tea", amount=100)],
    ...               complaints=[Complaint(customer_id="c-1", at=at,
    ...                                     severity=Severity.ORDINARY)],
    ...               as_of=date(2026, 11, 22))
    (<ChurnSignal.COMPLAINT_RISE: 'complaint_rise'>,)
    """
    history = _History(purchases, complaints, _bind(policy, as_of))
    return history.signals(history.bound.as_of_ord, len(history.days) - 1)


def highest_stage(
    purchases: Iterable[Purchase],
    /,
    *,
    as_of: date,
    policy: LifecyclePolicy = DEFAULT_LIFECYCLE,
) -> Stage:
    """The furthest stage of development a customer has reached by ``as_of`` (rule L1).

    Development runs PROSPECT < NEW < ACTIVE < GROWING, so the answer is always one of
    these four. The stage is looked at as shown on every day up to ``as_of`` (every day
    it could change, silences included), before warning signals (an AT_RISK customer
    counts as the customer underneath); days spent WON_BACK or LAPSED add nothing. So
    it never falls as ``as_of`` advances.
    So a dashboard can show "was GROWING, now AT_RISK", which forward-only lifecycle
    properties lose.

    Args:
        purchases: One customer's purchases and refunds, in any order.
        as_of: The reference day; later records are ignored.
        policy: The thresholds; the calibrated defaults unless given.

    Returns:
        PROSPECT, NEW, ACTIVE or GROWING.

    Raises:
        InvalidInputError: As :func:`lifecycle_stage`.

    >>> from datetime import date, datetime, timezone
    >>> from custrel.models import Purchase
    >>> def sale(day, amount):
    ...     return Purchase(customer_id="c-1", product="tea", amount=amount,
    ...                     at=datetime.combine(day, datetime.min.time(), timezone.utc))
    >>> history = [sale(date(2024, 11, 1), 100), sale(date(2025, 1, 10), 100),
    ...            sale(date(2025, 3, 10), 100), sale(date(2025, 5, 10), 900)]
    >>> highest_stage(history, as_of=date(2026, 11, 22))
    <Stage.GROWING: 'growing'>
    >>> lifecycle_stage(history, as_of=date(2026, 11, 22))
    <Stage.LAPSED: 'lapsed'>
    """
    return _History(purchases, (), _bind(policy, as_of)).highest()
