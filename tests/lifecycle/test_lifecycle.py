"""Lifecycle stages and churn signals (rules L1-L4): the boundaries, one by one."""

from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta, timezone
from decimal import Decimal
from typing import Any

import pytest

from custrel.errors import InvalidInputError, PolicyError
from custrel.lifecycle import (
    DEFAULT_LIFECYCLE,
    ChurnSignal,
    CustomerStage,
    LifecyclePolicy,
    Stage,
    churn_signals,
    explain_stage,
    highest_stage,
    lifecycle_stage,
    portfolio_stages,
    stage_counts,
)
from custrel.models import Complaint, Purchase, Severity

AS_OF = date(2026, 11, 22)


def sale(
    day: date | int,
    amount: Decimal | int = 100,
    *,
    refund: bool = False,
    cid: str = "c-1",
) -> Purchase:
    """A sale (or refund) at noon UTC; an int is days before AS_OF."""
    when = AS_OF - timedelta(days=day) if isinstance(day, int) else day
    return Purchase(
        customer_id=cid,
        at=datetime(when.year, when.month, when.day, 12, tzinfo=UTC),
        product="tea",
        amount=amount,
        refund=refund,
    )


def complaint(days_ago: int, cid: str = "c-1") -> Complaint:
    when = AS_OF - timedelta(days=days_ago)
    return Complaint(
        customer_id=cid,
        at=datetime(when.year, when.month, when.day, 9, tzinfo=UTC),
        severity=Severity.ORDINARY,
    )


def steady(amount: int = 100) -> list[Purchase]:
    """Every 30 days for half a year, last 10 days ago: three occasions in each window."""
    return [sale(d, amount) for d in (10, 40, 70, 100, 130, 160, 190)]


# rule L2: prospects -----------------------------------------------------------------------------


def test_no_purchase_is_a_prospect() -> None:
    assert lifecycle_stage([], as_of=AS_OF) is Stage.PROSPECT


def test_refunds_alone_are_no_purchase() -> None:
    assert lifecycle_stage([sale(5, refund=True)], as_of=AS_OF) is Stage.PROSPECT


def test_a_purchase_after_as_of_is_ignored() -> None:
    assert lifecycle_stage([sale(-1)], as_of=AS_OF) is Stage.PROSPECT


# rule L1: new customers, the 90-day edge -------------------------------------------------------


@pytest.mark.parametrize(
    ("days_ago", "expected"),
    [
        (0, Stage.NEW),
        (89, Stage.NEW),
        (90, Stage.NEW),  # exactly at the edge: still new
        (91, Stage.LAPSED),  # past the one-time horizon: lapsed, never active
        (180, Stage.LAPSED),
        (181, Stage.LAPSED),
    ],
)
def test_one_purchase_by_age(days_ago: int, expected: Stage) -> None:
    assert lifecycle_stage([sale(days_ago)], as_of=AS_OF) is expected


def test_several_sales_on_one_day_are_one_occasion() -> None:
    assert lifecycle_stage([sale(3), sale(3, 50), sale(3, 7)], as_of=AS_OF) is Stage.NEW


def test_a_refund_is_not_a_repeat_purchase() -> None:
    assert lifecycle_stage([sale(30), sale(3, 20, refund=True)], as_of=AS_OF) is Stage.NEW


def test_29_february_counts_90_days_to_29_may() -> None:
    bought = [sale(date(2024, 2, 29))]
    assert lifecycle_stage(bought, as_of=date(2024, 5, 29)) is Stage.NEW
    assert lifecycle_stage(bought, as_of=date(2024, 5, 30)) is Stage.LAPSED


def test_each_record_counts_on_its_own_local_day() -> None:
    """At a month end, 23:30 in New York is already 1 February in UTC; still 31 January."""
    evening = Purchase(
        customer_id="c-1",
        at=datetime(2026, 1, 31, 23, 30, tzinfo=timezone(timedelta(hours=-5))),
        product="tea",
        amount=10,
    )
    morning = Purchase(
        customer_id="c-1",
        at=datetime(2026, 2, 1, 0, 30, tzinfo=timezone(timedelta(hours=8))),
        product="tea",
        amount=10,
    )
    assert lifecycle_stage([evening], as_of=date(2026, 1, 31)) is Stage.NEW
    assert lifecycle_stage([morning], as_of=date(2026, 1, 31)) is Stage.PROSPECT


# rule L4: the churn horizon ---------------------------------------------------------------------


def rhythm(interval: int, silent: int, occasions: int = 4) -> list[Purchase]:
    """Occasions every ``interval`` days, the last ``silent`` days before AS_OF."""
    return [sale(silent + k * interval) for k in range(occasions)]


@pytest.mark.parametrize(
    ("interval", "horizon"),
    [
        (10, 180),  # 3 x 10 = 30: the floor
        (60, 180),  # 3 x 60 = 180: exactly the floor
        (70, 210),  # 3 x 70 = 210: the customer's own rhythm
        (121, 363),
        (122, 365),  # 366: the ceiling
        (200, 365),  # 600: the ceiling
    ],
)
def test_horizon_is_three_median_intervals_within_floor_and_ceiling(
    interval: int, horizon: int
) -> None:
    assert explain_stage(rhythm(interval, 1), as_of=AS_OF).horizon_days == horizon
    assert lifecycle_stage(rhythm(interval, horizon), as_of=AS_OF) is not Stage.LAPSED
    assert lifecycle_stage(rhythm(interval, horizon + 1), as_of=AS_OF) is Stage.LAPSED


def test_horizon_is_rounded_down_to_whole_days() -> None:
    """Intervals 61 and 62: median 61.5, times 3 is 184.5, so 184 days."""
    history = [sale(d) for d in (1, 62, 124)]
    why = explain_stage(history, as_of=AS_OF)
    assert why.median_interval_days == Decimal("61.5")
    assert why.horizon_days == 184


def test_median_interval_of_an_odd_count() -> None:
    history = [sale(d) for d in (1, 11, 31, 91)]  # intervals 10, 20, 60
    assert explain_stage(history, as_of=AS_OF).median_interval_days == 20


def test_a_later_silence_keeps_a_lapsed_customer_lapsed() -> None:
    history = rhythm(30, 200)
    for later in range(0, 400, 50):
        assert lifecycle_stage(history, as_of=AS_OF + timedelta(days=later)) is Stage.LAPSED


# rule L4: won back -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("returned", "expected"),
    # 91 days on, the lapse no longer stretches the horizon: overdue, so AT_RISK
    [(0, Stage.WON_BACK), (90, Stage.WON_BACK), (91, Stage.AT_RISK)],
)
def test_won_back_for_the_settling_period(returned: int, expected: Stage) -> None:
    history = [sale(returned + 400), sale(returned)]
    assert lifecycle_stage(history, as_of=AS_OF) is expected


def test_a_gap_within_the_customers_own_horizon_is_no_lapse() -> None:
    """Intervals of 100 days give a 300-day horizon: a 200-day gap is not a lapse."""
    history = [sale(d) for d in (10, 210, 310, 410, 510)]
    assert lifecycle_stage(history, as_of=AS_OF) is Stage.ACTIVE


def test_short_gaps_in_the_settling_period_are_no_lapse() -> None:
    assert lifecycle_stage([sale(5), sale(20), sale(35)], as_of=AS_OF) is Stage.ACTIVE


def test_won_back_ignores_signals() -> None:
    history = [sale(500), sale(10)]
    assert lifecycle_stage(history, as_of=AS_OF, complaints=[complaint(1)]) is Stage.WON_BACK


# rule L1: growing ------------------------------------------------------------------------------


def test_steady_customer_is_active() -> None:
    assert lifecycle_stage(steady(), as_of=AS_OF) is Stage.ACTIVE


def test_no_growth_while_the_relationship_ramps_up() -> None:
    """Three occasions now against two before is no growth while the first is recent."""
    history = [sale(d) for d in (10, 40, 70, 100, 130)]
    assert explain_stage(history, as_of=AS_OF).prior.spend == 200
    assert lifecycle_stage(history, as_of=AS_OF) is Stage.ACTIVE


@pytest.mark.parametrize(
    ("recent_extra", "expected"),
    [
        (Decimal("149.99"), Stage.ACTIVE),
        (Decimal(150), Stage.GROWING),  # exactly 1.5 times the window before
        (Decimal(500), Stage.GROWING),
    ],
)
def test_growing_when_recent_spend_is_half_as_much_again(
    recent_extra: Decimal, expected: Stage
) -> None:
    history = [*steady(), sale(10, recent_extra)]
    assert lifecycle_stage(history, as_of=AS_OF) is expected


def test_refunds_lower_the_spend_that_growth_compares() -> None:
    history = [*steady(), sale(10, 150), sale(5, 1, refund=True)]
    assert lifecycle_stage(history, as_of=AS_OF) is Stage.ACTIVE


def test_no_growth_without_spend_before() -> None:
    history = [sale(5, 1000), sale(35, 1000)]
    assert explain_stage(history, as_of=AS_OF).prior.spend == 0
    assert lifecycle_stage(history, as_of=AS_OF) is Stage.ACTIVE


# rule L3: churn signals ------------------------------------------------------------------------


def test_steady_customer_shows_no_signal() -> None:
    assert churn_signals(steady(), as_of=AS_OF) == ()


def test_frequency_and_spend_drop() -> None:
    history = [sale(d) for d in (10, 100, 130, 160)]  # 1 occasion now, 3 before
    assert churn_signals(history, as_of=AS_OF) == (
        ChurnSignal.FREQUENCY_DROP,
        ChurnSignal.SPEND_DROP,
    )
    assert lifecycle_stage(history, as_of=AS_OF) is Stage.AT_RISK


@pytest.mark.parametrize(
    ("recent", "dropped"),
    [(Decimal("150.00"), True), (Decimal("150.01"), False)],
)
def test_spend_drop_at_half(recent: Decimal, dropped: bool) -> None:
    history = [sale(10, recent), sale(40, 0), sale(70, 0), *steady()[3:]]
    found = ChurnSignal.SPEND_DROP in churn_signals(history, as_of=AS_OF)
    assert found is dropped


def test_one_purchase_before_is_no_baseline_for_a_drop() -> None:
    history = [sale(10), sale(100, 5000)]
    assert churn_signals(history, as_of=AS_OF) == ()


@pytest.mark.parametrize(
    ("silent", "overdue"),
    [(30, False), (31, True)],
)
def test_overdue_repurchase_past_the_usual_interval(silent: int, overdue: bool) -> None:
    """Every 20 days usually: overdue once silent past max(1 x 20, 30) days."""
    history = rhythm(20, silent, occasions=3)
    assert (ChurnSignal.OVERDUE_REPURCHASE in churn_signals(history, as_of=AS_OF)) is overdue


@pytest.mark.parametrize(
    ("complaints", "rise"),
    [
        ([], False),
        ([complaint(1)], True),
        ([complaint(100)], False),  # only in the window before
        ([complaint(1), complaint(100)], False),  # as many as before
        ([complaint(1), complaint(2), complaint(100)], True),
        ([complaint(-1)], False),  # after as_of
        ([complaint(1), complaint(300)], True),  # before both windows: not counted
    ],
)
def test_complaint_rise(complaints: list[Complaint], rise: bool) -> None:
    found = churn_signals(steady(), as_of=AS_OF, complaints=complaints)
    assert (ChurnSignal.COMPLAINT_RISE in found) is rise
    stage = lifecycle_stage(steady(), as_of=AS_OF, complaints=complaints)
    assert (stage is Stage.AT_RISK) is rise


def test_signals_do_not_change_a_new_customer() -> None:
    assert lifecycle_stage([sale(5)], as_of=AS_OF, complaints=[complaint(1)]) is Stage.NEW
    assert churn_signals([sale(5)], as_of=AS_OF, complaints=[complaint(1)]) == (
        ChurnSignal.COMPLAINT_RISE,
    )


def test_a_prospect_can_complain() -> None:
    assert churn_signals([], as_of=AS_OF, complaints=[complaint(1)]) == (
        ChurnSignal.COMPLAINT_RISE,
    )


def test_growing_with_signals_is_at_risk() -> None:
    history = [*steady(), sale(10, 500)]
    why = explain_stage(history, as_of=AS_OF, complaints=[complaint(1)])
    assert (why.stage, why.underlying, why.highest) == (Stage.AT_RISK, Stage.GROWING, Stage.GROWING)
    assert why.reason_zh == "成长客户出现流失预警（投诉增加）：流失风险客户"


def test_a_custom_policy_moves_the_thresholds() -> None:
    policy = LifecyclePolicy(
        new_days=30, horizon_floor_days=45, horizon_ceiling_days=60, one_time_horizon_days=45
    )
    assert lifecycle_stage([sale(31)], as_of=AS_OF, policy=policy) is Stage.AT_RISK
    assert lifecycle_stage([sale(46)], as_of=AS_OF, policy=policy) is Stage.LAPSED


# Highest stage reached -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("history", "expected"),
    [
        ([], Stage.PROSPECT),
        ([sale(5)], Stage.NEW),
        ([sale(400)], Stage.NEW),  # lapsed now, never more than new
        # won back, then at risk (an active customer, overdue) before lapsing again
        ([sale(900), sale(400)], Stage.ACTIVE),
        ([sale(900), sale(400), sale(300)], Stage.ACTIVE),  # after settling it was active
        (steady(), Stage.ACTIVE),
        ([*steady(), sale(10, 500)], Stage.GROWING),
        ([sale(d) for d in (700, 640, 610, 580, 550)] + [sale(520, 900)], Stage.GROWING),
    ],
)
def test_highest_stage(history: list[Purchase], expected: Stage) -> None:
    assert highest_stage(history, as_of=AS_OF) is expected
    assert explain_stage(history, as_of=AS_OF).highest is expected


def test_highest_stage_is_read_on_past_occasions() -> None:
    """Growing back then (a big order after two small ones), lapsed now."""
    history = [sale(d) for d in (700, 640, 610, 580, 550)] + [sale(520, 900)]
    assert lifecycle_stage(history, as_of=AS_OF) is Stage.LAPSED
    assert highest_stage(history, as_of=AS_OF) is Stage.GROWING


# Explanations ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("history", "complaints", "stage", "english"),
    [
        ([], [], Stage.PROSPECT, "no purchase yet: a prospect to develop"),
        ([sale(5)], [], Stage.NEW, "one purchase 5 days ago, within 90 days: new"),
        (steady(), [], Stage.ACTIVE, "buying within the churn horizon of 180 days"),
        ([*steady(), sale(10, 500)], [], Stage.GROWING, "at least 1.5x the window before"),
        (steady(), [complaint(1)], Stage.AT_RISK, "active but showing warning signals"),
        ([sale(400)], [], Stage.LAPSED, "silent for 400 days, past the churn horizon of 90"),
        ([sale(500), sale(10)], [], Stage.WON_BACK, "bought again after lapsing"),
    ],
)
def test_explain_stage_says_why(
    history: list[Purchase], complaints: list[Complaint], stage: Stage, english: str
) -> None:
    why = explain_stage(history, as_of=AS_OF, complaints=complaints)
    assert why.stage is stage
    assert why.stage is lifecycle_stage(history, as_of=AS_OF, complaints=complaints)
    assert english in why.reason_en
    assert why.reason_zh
    assert why.rules == ("L1", "L2", "L3", "L4")
    assert why.policy_fingerprint == DEFAULT_LIFECYCLE.fingerprint()


def test_explain_stage_reports_the_windows() -> None:
    why = explain_stage(steady(), as_of=AS_OF, complaints=[complaint(100)])
    assert (why.recent.start, why.recent.end) == (date(2026, 8, 25), AS_OF)
    assert (why.prior.start, why.prior.end) == (date(2026, 5, 27), date(2026, 8, 24))
    assert (why.recent.occasions, why.recent.spend, why.recent.complaints) == (3, Decimal(300), 0)
    assert (why.prior.occasions, why.prior.spend, why.prior.complaints) == (3, Decimal(300), 1)
    assert (why.days_silent, why.median_interval_days) == (10, Decimal(30))


def test_explain_stage_of_a_prospect_has_no_silence() -> None:
    why = explain_stage([], as_of=AS_OF)
    assert (why.days_silent, why.median_interval_days, why.horizon_days) == (None, None, 180)


# Portfolio -------------------------------------------------------------------------------------


def portfolio() -> list[tuple[str, list[Purchase], list[Complaint]]]:
    return [
        ("c-1", steady(), []),
        ("c-2", [sale(5, cid="c-2")], []),
        ("c-3", [], []),
        ("c-4", [sale(400, cid="c-4")], []),
        ("c-5", steady(), [complaint(1, "c-5")]),
    ]


def test_portfolio_stages_stream_in_input_order() -> None:
    customers = [(cid, [attr_id(p, cid) for p in ps], cs) for cid, ps, cs in portfolio()]
    stages = list(portfolio_stages(iter(customers), as_of=AS_OF))
    assert [s.customer_id for s in stages] == ["c-1", "c-2", "c-3", "c-4", "c-5"]
    assert stages[3] == CustomerStage(customer_id="c-4", stage=Stage.LAPSED, highest=Stage.NEW)
    assert stages[4].stage is Stage.AT_RISK


def attr_id(purchase: Purchase, cid: str) -> Purchase:
    return Purchase(
        customer_id=cid, at=purchase.at, product=purchase.product, amount=purchase.amount
    )


def test_stage_counts_cover_every_stage() -> None:
    customers = [(cid, [attr_id(p, cid) for p in ps], cs) for cid, ps, cs in portfolio()]
    counts = stage_counts(customers, as_of=AS_OF)
    assert list(counts) == list(Stage)
    assert counts == {
        Stage.PROSPECT: 1,
        Stage.NEW: 1,
        Stage.ACTIVE: 1,
        Stage.GROWING: 0,
        Stage.AT_RISK: 1,
        Stage.LAPSED: 1,
        Stage.WON_BACK: 0,
    }


# Bad input -------------------------------------------------------------------------------------


def _(value: object) -> Any:
    """A wrong value, passed on purpose."""
    return value


@pytest.mark.parametrize(
    ("call", "field"),
    [
        (lambda: lifecycle_stage(_("purchases"), as_of=AS_OF), "purchases"),
        (lambda: lifecycle_stage([sale(1), _("tea")], as_of=AS_OF), "purchases[1]"),
        (
            lambda: lifecycle_stage([sale(1), sale(2, cid="c-2")], as_of=AS_OF),
            "purchases[1].customer_id",
        ),
        (lambda: lifecycle_stage([], as_of=datetime(2026, 11, 22, tzinfo=UTC)), "as_of"),
        (lambda: lifecycle_stage([], as_of=_("2026-11-22")), "as_of"),
        (lambda: lifecycle_stage([], as_of=AS_OF, policy=_({"new_days": 3})), "policy"),
        (lambda: lifecycle_stage([], as_of=AS_OF, complaints=_("late")), "complaints"),
        (lambda: churn_signals([], as_of=AS_OF, complaints=[_(sale(1))]), "complaints[0]"),
        (
            lambda: churn_signals([sale(1)], as_of=AS_OF, complaints=[complaint(1, "c-9")]),
            "complaints[0].customer_id",
        ),
        (lambda: highest_stage([sale(1), _(None)], as_of=AS_OF), "purchases[1]"),
        (lambda: explain_stage([], as_of=_(None)), "as_of"),
        (lambda: portfolio_stages(_("c-1"), as_of=AS_OF), "customers"),  # at once
        (lambda: portfolio_stages([], as_of=_("2026-11-22")), "as_of"),
        (lambda: list(portfolio_stages([_(("c-1", []))], as_of=AS_OF)), "customers[0]"),
        (lambda: list(portfolio_stages([(" ", [], [])], as_of=AS_OF)), "customers[0][0]"),
        (
            lambda: list(portfolio_stages([("c-2", [sale(1)], [])], as_of=AS_OF)),
            "customers[0].purchases[0].customer_id",
        ),
        (lambda: stage_counts([("c-1", _("p"), [])], as_of=AS_OF), "customers[0].purchases"),
    ],
)
def test_bad_arguments_are_refused(call: Callable[[], object], field: str) -> None:
    with pytest.raises(InvalidInputError) as info:
        call()
    assert info.value.field == field


def test_mixed_customers_error_names_both() -> None:
    with pytest.raises(InvalidInputError, match="the same customer as the rest of the history"):
        lifecycle_stage([sale(1), sale(2, cid="c-2")], as_of=AS_OF)


def test_naive_datetimes_cannot_even_make_a_purchase() -> None:
    with pytest.raises(InvalidInputError, match="timezone-aware"):
        Purchase(customer_id="c-1", at=datetime(2026, 1, 1), product="tea", amount=1)  # noqa: DTZ001


# Policy ----------------------------------------------------------------------------------------


def test_policy_round_trips_and_fingerprints() -> None:
    data = DEFAULT_LIFECYCLE.to_dict()
    assert LifecyclePolicy.from_dict(data) == DEFAULT_LIFECYCLE
    assert LifecyclePolicy(horizon_multiple=3).fingerprint() == DEFAULT_LIFECYCLE.fingerprint()
    assert LifecyclePolicy(growth=Decimal("0.50")).fingerprint() == DEFAULT_LIFECYCLE.fingerprint()
    assert LifecyclePolicy(new_days=60).fingerprint() != DEFAULT_LIFECYCLE.fingerprint()


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("new_days", 0),
        ("window_days", "90"),
        ("horizon_multiple", 0),
        ("horizon_multiple", float("nan")),
        ("growth", -0.5),
        ("horizon_multiple", Decimal("NaN")),
        ("growth", Decimal(-1)),
        ("frequency_drop", 1),
        ("spend_drop", Decimal(0)),
        ("min_baseline", 0),
        ("overdue_min_days", -1),
        ("complaint_rise", True),
        ("horizon_ceiling_days", 179),
    ],
)
def test_bad_policies_are_refused(field: str, value: object) -> None:
    with pytest.raises(PolicyError) as info:
        LifecyclePolicy(**{field: value})  # type: ignore[arg-type]
    assert info.value.field == f"LifecyclePolicy.{field}"


def test_from_dict_refuses_unknown_keys() -> None:
    with pytest.raises(PolicyError, match="window: expected one of the fields"):
        LifecyclePolicy.from_dict({"window": 90})
