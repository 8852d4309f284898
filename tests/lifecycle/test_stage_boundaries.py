"""Rules L1, L3, L4: the boundaries of the stages: median intervals, window edges, overdue
multiples, win-back and the highest stage.
"""

import decimal
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal

import attrs
import pytest

from custrel.lifecycle import (
    ChurnSignal,
    LifecyclePolicy,
    Stage,
    churn_signals,
    explain_stage,
    highest_stage,
    lifecycle_stage,
    portfolio_stages,
)
from custrel.models import Complaint, Purchase, Severity
from tests._values import AS_OF, D

T0 = date(2024, 1, 1)  # day 0 of the histories given as day offsets


def ago(days: int, amount: str = "100.00") -> Purchase:
    """A sale ``days`` before AS_OF."""
    day = AS_OF - timedelta(days=days)
    return Purchase(
        customer_id="c-1",
        product="tea",
        amount=D(amount),
        at=datetime(day.year, day.month, day.day, 10, tzinfo=UTC),
    )


def on(offset: int, amount: str = "100.00") -> Purchase:
    """A sale ``offset`` days after T0."""
    day = T0 + timedelta(days=offset)
    return Purchase(
        customer_id="c-1",
        product="tea",
        amount=D(amount),
        at=datetime(day.year, day.month, day.day, 10, tzinfo=UTC),
    )


def complaint(days: int) -> Complaint:
    day = AS_OF - timedelta(days=days)
    return Complaint(
        customer_id="c-1",
        severity=Severity.ORDINARY,
        at=datetime(day.year, day.month, day.day, 15, tzinfo=UTC),
    )


# The growth and highest-stage boundaries below are about windows, not the one-time
# horizon: with it at 180 days, a second purchase up to 180 days after the first is
# no return from a lapse.
SLOW_ONE_TIME = LifecyclePolicy(one_time_horizon_days=180)


def day(offset: int) -> date:
    return T0 + timedelta(days=offset)


# Rule L4: the median interval is the middle of the sorted gaps (two middles averaged)


def test_l4_median_of_four_gaps_averages_the_two_middle_ones() -> None:
    # occasions 100, 90, 70, 40 and 0 days ago: gaps 10, 20, 30, 40; median (20 + 30) / 2
    why = explain_stage([ago(d) for d in (100, 90, 70, 40, 0)], as_of=AS_OF)
    assert why.median_interval_days == D(25)
    assert why.horizon_days == 180


# Rule L1: GROWING needs a first occasion on or before the prior window's day 1

BASELINE_CASES = [
    # first occasion 179 days ago is day 1 of the window before: a full baseline
    ([ago(179), ago(0, "150.00")], Stage.GROWING),
    # 178 days ago is day 2: no full window before, not growth
    ([ago(178), ago(0, "150.00")], Stage.ACTIVE),
    # spend before of 1.00 (positive, below one) and 1.50 now: growth
    ([ago(179, "1.00"), ago(0, "1.50")], Stage.GROWING),
    ([ago(179, "0.50"), ago(0, "0.75")], Stage.GROWING),
]


@pytest.mark.parametrize(("purchases", "expected"), BASELINE_CASES)
def test_l1_growing_baseline_starts_on_the_prior_windows_first_day(
    purchases: list[Purchase], expected: Stage
) -> None:
    why = explain_stage(purchases, as_of=AS_OF, policy=SLOW_ONE_TIME)
    assert why.underlying is expected
    assert lifecycle_stage(purchases, as_of=AS_OF, policy=SLOW_ONE_TIME) is expected


# Rule L3: the windows are (as_of - 90, as_of] and (as_of - 180, as_of - 90]

WINDOW_SPEND_CASES = [
    (90, D("0"), D("7.00")),  # the recent window's exclusive start is the prior's last day
    (89, D("7.00"), D("0")),
    (180, D("0"), D("0")),  # the prior window's exclusive start counts in neither
    (179, D("0"), D("7.00")),
    (0, D("7.00"), D("0")),  # a purchase on as_of counts
]


@pytest.mark.parametrize(("days", "recent", "prior"), WINDOW_SPEND_CASES)
def test_l3_window_spend_edges(days: int, recent: Decimal, prior: Decimal) -> None:
    why = explain_stage([ago(days, "7.00"), ago(1, "0.00")], as_of=AS_OF)
    assert (why.recent.spend, why.prior.spend) == (recent, prior)


WINDOW_COMPLAINT_CASES = [
    ((0,), 1, 0),  # a complaint on as_of counts
    ((90,), 0, 1),
    ((89,), 1, 0),
    ((180,), 0, 0),
    ((179,), 0, 1),
    ((100, 120, 179), 0, 3),  # every complaint of the window before counts
    ((1, 2, 100, 120), 2, 2),
]


@pytest.mark.parametrize(("days", "recent", "prior"), WINDOW_COMPLAINT_CASES)
def test_l3_window_complaint_edges(days: tuple[int, ...], recent: int, prior: int) -> None:
    why = explain_stage([ago(10)], as_of=AS_OF, complaints=[complaint(d) for d in days])
    assert (why.recent.complaints, why.prior.complaints) == (recent, prior)


def test_l3_two_complaints_before_and_two_now_is_no_rise() -> None:
    history = [ago(d) for d in (10, 40, 70, 100, 130, 160, 190)]
    signals = churn_signals(
        history, as_of=AS_OF, complaints=[complaint(d) for d in (1, 2, 100, 120)]
    )
    assert ChurnSignal.COMPLAINT_RISE not in signals


# Rule L3: overdue repurchase with a fractional overdue multiple


def test_l3_overdue_multiple_one_and_a_half_times_the_median() -> None:
    # median 40 days: overdue after 1.5 x 40 = 60 days; silent 80
    policy = LifecyclePolicy(overdue_multiple=D("1.5"))
    history = [ago(d) for d in (200, 160, 120, 80)]
    assert ChurnSignal.OVERDUE_REPURCHASE in churn_signals(history, as_of=AS_OF, policy=policy)


def test_l3_overdue_days_round_down_exactly() -> None:
    # median 60, multiple just below 1: overdue after 59 whole days, so silent 60 is overdue
    policy = LifecyclePolicy(overdue_multiple=D("0.9999999999999999999"))
    history = [ago(d) for d in (180, 120, 60)]
    assert ChurnSignal.OVERDUE_REPURCHASE in churn_signals(history, as_of=AS_OF, policy=policy)
    assert ChurnSignal.OVERDUE_REPURCHASE not in churn_signals(history, as_of=AS_OF)


# Purchase subclasses are purchases (rule P4)


@attrs.frozen(kw_only=True)
class _Voucher(Purchase):
    pass


def test_p4_purchase_subclass_is_accepted() -> None:
    at = datetime(2026, 11, 20, 10, tzinfo=UTC)
    voucher = _Voucher(customer_id="c-1", product="tea", amount=D("5.00"), at=at)
    assert lifecycle_stage([voucher], as_of=AS_OF) is Stage.NEW
    assert highest_stage([voucher], as_of=AS_OF) is Stage.NEW


# Rule L4: won back


def test_l4_won_back_by_the_occasion_before_the_last() -> None:
    # 500 -> 20 days ago ended a lapse; the purchase 10 days ago is within the settling period
    assert lifecycle_stage([ago(500), ago(20), ago(10)], as_of=AS_OF) is Stage.WON_BACK


# every 100 days (horizon 3 x 100 = 300), then a gap of exactly 300 days: no lapse
EXACT_HORIZON = [on(0), on(100), on(200), on(300), on(600), on(690, "200.00")]
# every 100 days, then a gap of 250 days: more than the 180-day floor, within the horizon
WITHIN_HORIZON = [on(0), on(100), on(200), on(300), on(550), on(640, "200.00")]


def test_l4_gap_exactly_the_horizon_is_no_lapse() -> None:
    why = explain_stage(EXACT_HORIZON, as_of=day(690))
    assert (why.stage, why.underlying, why.highest) == (Stage.GROWING, Stage.GROWING, Stage.GROWING)


# Rule L1, L4: highest stage reached

HIGHEST_CASES = [
    # two occasions, now lapsed: ACTIVE on the second
    ("two occasions", [ago(300), ago(250)], AS_OF, Stage.ACTIVE),
    # a return on the third occasion: ACTIVE on the second, then WON_BACK
    ("active then won back", [on(0), on(50), on(450)], day(460), Stage.ACTIVE),
    # the return day of a lapse that is no lapse (gap == horizon) counts: GROWING 90 days later
    ("gap equal to horizon", EXACT_HORIZON, day(1090), Stage.GROWING),
    ("gap within horizon", WITHIN_HORIZON, day(1040), Stage.GROWING),
    # a return 400 days in, a day exactly settle_days (90) later is still WON_BACK
    ("settle boundary", [on(0), on(400), on(490, "200.00")], day(490), Stage.NEW),
    # two returns: ACTIVE between them; the later return's settling period adds nothing
    (
        "two returns",
        [on(0), on(500), on(600), on(1100), on(1190, "200.00")],
        day(1190),
        Stage.ACTIVE,
    ),
    # WON_BACK on day 400 does not end the look: ACTIVE on day 600, lapsed on as_of
    ("after a return", [on(0), on(400), on(600)], day(966), Stage.ACTIVE),
    # growth measured against the 90 days before the recent window only
    ("three windows", [on(0), on(100), on(200, "150.00")], day(600), Stage.GROWING),
    ("just below growth", [on(0), on(100), on(200, "149.99")], day(600), Stage.ACTIVE),
    # first occasion exactly on the prior window's day 1 of that occasion day
    ("baseline day 1", [on(0), on(179, "150.00")], day(579), Stage.GROWING),
    ("baseline day 2", [on(0), on(178, "150.00")], day(578), Stage.ACTIVE),
    ("below 1.5x", [on(0), on(179, "149.00")], day(579), Stage.ACTIVE),
    # nothing in the window before: no growth from zero
    ("empty prior window", [on(0), on(179), on(180)], day(580), Stage.ACTIVE),
    ("prior below one", [on(0, "0.50"), on(179, "0.75")], day(579), Stage.GROWING),
]


@pytest.mark.parametrize(
    ("purchases", "as_of", "expected"),
    [case[1:] for case in HIGHEST_CASES],
    ids=[case[0] for case in HIGHEST_CASES],
)
def test_l1_l4_highest_stage(purchases: list[Purchase], as_of: date, expected: Stage) -> None:
    assert highest_stage(purchases, as_of=as_of, policy=SLOW_ONE_TIME) is expected
    assert explain_stage(purchases, as_of=as_of, policy=SLOW_ONE_TIME).highest is expected
    ((_, _, highest),) = [
        (s.customer_id, s.stage, s.highest)
        for s in portfolio_stages([("c-1", purchases, [])], as_of=as_of, policy=SLOW_ONE_TIME)
    ]
    assert highest is expected


def test_l1_highest_stage_ignores_the_callers_decimal_context() -> None:
    purchases = [on(0), on(179, "150.00")]
    with decimal.localcontext(decimal.Context(prec=1)):
        assert highest_stage(purchases, as_of=day(579), policy=SLOW_ONE_TIME) is Stage.GROWING
