"""Whole refusals and boundaries of the NPS interval, the workflow steps and rule S3.

Written against the survivors of a mutation run over ``custrel.loyalty._nps``,
``custrel.cadence._records`` and ``custrel.service``: each table pins the whole message, the
field, the value and the hint of a refusal, and each boundary test a value just inside
a range that a changed comparison would refuse.
"""

from datetime import date
from decimal import Decimal
from typing import Any, NamedTuple

import pytest

from custrel.cadence import RecordStep, StepDue
from custrel.errors import InvalidInputError
from custrel.loyalty import NpsInterval
from custrel.service import ComplaintEstimate

D = Decimal


def untyped(value: object) -> Any:
    """``value``, hidden from the type checker: these calls pass the wrong type on purpose."""
    return value


class Refusal(NamedTuple):
    """A bad set of fields, and the whole refusal it must give."""

    fields: dict[str, object]
    field: str
    value: object
    expected: str
    message: str


def check_refusal(cls: type[object], refusal: Refusal) -> None:
    with pytest.raises(InvalidInputError) as caught:
        cls(**refusal.fields)
    exc = caught.value
    assert type(exc) is InvalidInputError
    assert str(exc) == refusal.message
    assert exc.field == refusal.field
    assert exc.value == refusal.value
    assert type(exc.value) is type(refusal.value)
    assert exc.expected == refusal.expected
    assert exc.hint == ""
    assert exc.errors == (exc,)


# custrel.loyalty._nps: NpsInterval (the NPS of rule Y2's premium loyalty) ---------------------


def interval(**changes: object) -> dict[str, object]:
    """The fields of a consistent NpsInterval (3 answers), with ``changes``."""
    fields: dict[str, object] = {
        "score": D(0),
        "low": D("-50"),
        "high": D("50"),
        "confidence": D("0.95"),
        "answers": 3,
        "promoters": 1,
        "passives": 1,
        "detractors": 1,
        "small_sample": True,
    }
    fields.update(changes)
    return fields


NPS_INTERVAL_REFUSALS = {
    "a score above 100": Refusal(
        interval(score=D("100.01")),
        "NpsInterval.score",
        D("100.01"),
        "a Decimal in -100..100",
        "NpsInterval.score: expected a Decimal in -100..100, got Decimal Decimal('100.01')",
    ),
    "a low end below -100": Refusal(
        interval(low=D("-100.01")),
        "NpsInterval.low",
        D("-100.01"),
        "a Decimal in -100..100",
        "NpsInterval.low: expected a Decimal in -100..100, got Decimal Decimal('-100.01')",
    ),
    "a high end above 100": Refusal(
        interval(high=D(101)),
        "NpsInterval.high",
        D(101),
        "a Decimal in -100..100",
        "NpsInterval.high: expected a Decimal in -100..100, got Decimal Decimal('101')",
    ),
    "counts that do not add up to the answers": Refusal(
        interval(answers=3, promoters=1, passives=0, detractors=1),
        "NpsInterval.answers",
        3,
        "promoters + passives + detractors (2)",
        "NpsInterval.answers: expected promoters + passives + detractors (2), got int 3",
    ),
    "a low end above the high end": Refusal(
        interval(low=D("30"), high=D("20")),
        "NpsInterval.low",
        D("30"),
        "a value at most high (20)",
        "NpsInterval.low: expected a value at most high (20), got Decimal Decimal('30')",
    ),
    "a low end a cent above the high end": Refusal(
        interval(low=D("-15.17"), high=D("-15.18")),
        "NpsInterval.low",
        D("-15.17"),
        "a value at most high (-15.18)",
        "NpsInterval.low: expected a value at most high (-15.18), got Decimal Decimal('-15.17')",
    ),
}


@pytest.mark.parametrize(
    "refusal", NPS_INTERVAL_REFUSALS.values(), ids=NPS_INTERVAL_REFUSALS.keys()
)
def test_nps_interval_refusals_rule_y2_give_the_whole_message(refusal: Refusal) -> None:
    check_refusal(NpsInterval, refusal)


@pytest.mark.parametrize(
    "changes",
    [
        {"score": D(-100), "low": D(-100), "high": D(-100)},  # every answer a detractor
        {"score": D(100), "low": D(100), "high": D(100)},  # every answer a promoter
        {"score": D(-100), "low": D("-100.00"), "high": D("100.00")},
        {"score": D(100), "low": D("-15.18"), "high": D("100.00")},  # as nps_interval([10]*3)
        {"low": D("20"), "high": D("20")},  # a zero-width interval: low equal to high
        {"low": D("-0.01"), "high": D("-0.01")},
    ],
)
def test_nps_interval_accepts_the_ends_of_the_range_rule_y2(changes: dict[str, object]) -> None:
    fields = interval(**changes)
    result = NpsInterval(**untyped(fields))
    assert (result.score, result.low, result.high) == (
        fields["score"],
        fields["low"],
        fields["high"],
    )


# custrel.cadence._records: StepDue (rule C4) ----------------------------------------------------

DUE = date(2026, 11, 24)


def step_due(done_on: date | None, late: bool) -> dict[str, object]:
    return {"step": RecordStep.MINUTES_SENT, "due": DUE, "done_on": done_on, "late": late}


STEP_DUE_REFUSALS = {
    "late though not done": Refusal(
        step_due(None, late=True),
        "StepDue.late",
        True,
        "False: done_on is None",
        "StepDue.late: expected False: done_on is None, got bool True",
    ),
    "not late though done a day after the due day": Refusal(
        step_due(date(2026, 11, 25), late=False),
        "StepDue.late",
        False,
        "True: done_on 2026-11-25 is after due 2026-11-24",
        "StepDue.late: expected True: done_on 2026-11-25 is after due 2026-11-24, got bool False",
    ),
    "late though done on the due day": Refusal(
        step_due(DUE, late=True),
        "StepDue.late",
        True,
        "False: done_on 2026-11-24 is not after due 2026-11-24",
        "StepDue.late: expected False: done_on 2026-11-24 is not after due 2026-11-24,"
        " got bool True",
    ),
    "late though done before the due day": Refusal(
        step_due(date(2026, 11, 2), late=True),
        "StepDue.late",
        True,
        "False: done_on 2026-11-02 is not after due 2026-11-24",
        "StepDue.late: expected False: done_on 2026-11-02 is not after due 2026-11-24,"
        " got bool True",
    ),
}


@pytest.mark.parametrize("refusal", STEP_DUE_REFUSALS.values(), ids=STEP_DUE_REFUSALS.keys())
def test_step_due_refuses_a_wrong_late_flag_rule_c4_with_the_whole_message(
    refusal: Refusal,
) -> None:
    check_refusal(StepDue, refusal)


@pytest.mark.parametrize(
    ("done_on", "late"),
    [(None, False), (DUE, False), (date(2026, 11, 23), False), (date(2026, 11, 25), True)],
)
def test_step_due_accepts_a_late_flag_that_matches_rule_c4(
    done_on: date | None, late: bool
) -> None:
    step = StepDue(**untyped(step_due(done_on, late=late)))
    assert (step.done_on, step.late) == (done_on, late)


# custrel.service: ComplaintEstimate (rule S3) ---------------------------------------------

MAX_ESTIMATE = 10**30 - 1


def estimate(voiced: object, total: object, unvoiced: object) -> dict[str, object]:
    return {
        "voiced": voiced,
        "estimated_total": total,
        "unvoiced": unvoiced,
        "reach_share": D("0.3"),
    }


ESTIMATE_EXPECTED = "an int >= 0 of at most 30 digits"

COMPLAINT_ESTIMATE_REFUSALS = {
    "an unvoiced count that is not the estimate less the voiced": Refusal(
        estimate(12, 40, 30),
        "ComplaintEstimate.unvoiced",
        30,
        "estimated_total - voiced (28)",
        "ComplaintEstimate.unvoiced: expected estimated_total - voiced (28), got int 30",
    ),
    "an unvoiced count of the estimate plus the voiced": Refusal(
        estimate(5, 20, 25),
        "ComplaintEstimate.unvoiced",
        25,
        "estimated_total - voiced (15)",
        "ComplaintEstimate.unvoiced: expected estimated_total - voiced (15), got int 25",
    ),
    "a negative estimate": Refusal(
        estimate(0, -1, 0),
        "ComplaintEstimate.estimated_total",
        -1,
        ESTIMATE_EXPECTED,
        f"ComplaintEstimate.estimated_total: expected {ESTIMATE_EXPECTED}, got int -1",
    ),
    "an estimate of 31 digits": Refusal(
        estimate(0, 10**30, 10**30),
        "ComplaintEstimate.estimated_total",
        10**30,
        ESTIMATE_EXPECTED,
        f"ComplaintEstimate.estimated_total: expected {ESTIMATE_EXPECTED}, got int {10**30}",
    ),
    "a bool estimate": Refusal(
        estimate(1, True, 0),  # True - 1 == 0: only the type check refuses it
        "ComplaintEstimate.estimated_total",
        True,
        ESTIMATE_EXPECTED,
        f"ComplaintEstimate.estimated_total: expected {ESTIMATE_EXPECTED}, got bool True",
    ),
    "a string estimate": Refusal(
        estimate(0, "40", 0),
        "ComplaintEstimate.estimated_total",
        "40",
        ESTIMATE_EXPECTED,
        f"ComplaintEstimate.estimated_total: expected {ESTIMATE_EXPECTED}, got str '40'",
    ),
    "a float unvoiced count": Refusal(
        estimate(0, 0, 0.0),
        "ComplaintEstimate.unvoiced",
        0.0,
        ESTIMATE_EXPECTED,
        f"ComplaintEstimate.unvoiced: expected {ESTIMATE_EXPECTED}, got float 0.0",
    ),
    "a negative unvoiced count": Refusal(
        estimate(3, 2, -1),
        "ComplaintEstimate.unvoiced",
        -1,
        ESTIMATE_EXPECTED,
        f"ComplaintEstimate.unvoiced: expected {ESTIMATE_EXPECTED}, got int -1",
    ),
}


@pytest.mark.parametrize(
    "refusal", COMPLAINT_ESTIMATE_REFUSALS.values(), ids=COMPLAINT_ESTIMATE_REFUSALS.keys()
)
def test_complaint_estimate_refusals_rule_s3_give_the_whole_message(refusal: Refusal) -> None:
    check_refusal(ComplaintEstimate, refusal)


@pytest.mark.parametrize(
    ("voiced", "total"),
    [
        (0, 0),  # nothing heard: an estimate of 0
        (0, MAX_ESTIMATE),  # the longest estimate custrel.loads reads back
        (10**9, MAX_ESTIMATE),
        (12, 40),
    ],
)
def test_complaint_estimate_accepts_estimates_from_0_to_30_digits_rule_s3(
    voiced: int, total: int
) -> None:
    result = ComplaintEstimate(**untyped(estimate(voiced, total, total - voiced)))
    assert (result.voiced, result.estimated_total, result.unvoiced) == (
        voiced,
        total,
        total - voiced,
    )
