"""Rule S3: a ComplaintEstimate's whole refusals, the estimates it accepts, and its independence
of the decimal context.
"""

import decimal

import pytest

from custrel.service import ComplaintEstimate, estimate_complaints
from tests._class_refusals import Refusal, check_refusal
from tests._scant_context import SCANT
from tests._values import D, untyped


def test_s3_estimate_does_not_depend_on_the_callers_decimal_context() -> None:
    """12,345 voiced at 30 %: 41,150 in all, 28,805 never voiced."""
    with decimal.localcontext(SCANT):
        estimate = estimate_complaints(12_345)
    assert (estimate.estimated_total, estimate.unvoiced) == (41_150, 28_805)


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
