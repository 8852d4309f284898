"""The refusals of NPS and of loyalty scoring (rules Y1, Y2), by name: (call, error class, field,
whole message, hint).
"""

from custrel.errors import InvalidInputError, PolicyError
from custrel.loyalty import (
    LoyaltyMeasures,
    LoyaltyPolicy,
    SatisfactionMeasures,
    SatisfactionPolicy,
    loyalty_quadrant,
    nps,
    nps_interval,
    satisfaction_bands,
)
from tests._tier_samples import Case
from tests._values import D, untyped

NPS: dict[str, Case] = {
    "answers given as a string": (
        lambda: nps(untyped("10")),
        InvalidInputError,
        "scores",
        "scores: expected an iterable of answers 0..10, got str '10'",
        "",
    ),
    "no answers at all": (
        lambda: nps_interval(untyped(None)),
        InvalidInputError,
        "scores",
        "scores: expected an iterable of answers 0..10, got NoneType None",
        "",
    ),
    "a float answer": (
        lambda: nps(untyped([10, 9.5])),
        InvalidInputError,
        "scores[1]",
        "scores[1]: expected an int in 0..10, got float 9.5; round the answer to a whole number",
        "round the answer to a whole number",
    ),
    "a bool answer": (
        lambda: nps([True]),
        InvalidInputError,
        "scores[0]",
        "scores[0]: expected an int in 0..10, got bool True",
        "",
    ),
    "an answer of 11": (
        lambda: nps([11]),
        InvalidInputError,
        "scores[0]",
        "scores[0]: expected an int in 0..10, got int 11",
        "",
    ),
    "an answer of -1": (
        lambda: nps([7, -1]),
        InvalidInputError,
        "scores[1]",
        "scores[1]: expected an int in 0..10, got int -1",
        "",
    ),
    "an empty survey": (
        lambda: nps([]),
        InvalidInputError,
        "scores",
        "scores: expected at least one answer, got list []",
        "",
    ),
    "a confidence of 1": (
        lambda: nps_interval([10], confidence=D(1)),
        InvalidInputError,
        "confidence",
        (
            "confidence: expected a finite number above 0 and below 1, got Decimal"
            " Decimal('1'); e.g. 0.95"
        ),
        "e.g. 0.95",
    ),
    "a confidence of 0": (
        lambda: nps_interval([10], confidence=D(0)),
        InvalidInputError,
        "confidence",
        (
            "confidence: expected a finite number above 0 and below 1, got Decimal"
            " Decimal('0'); e.g. 0.95"
        ),
        "e.g. 0.95",
    ),
    "a float confidence of 1": (
        lambda: nps_interval([10], confidence=1.0),
        InvalidInputError,
        "confidence",
        "confidence: expected a finite number above 0 and below 1, got float 1.0; e.g. 0.95",
        "e.g. 0.95",
    ),
    "a small-sample bound of 0": (
        lambda: nps_interval([10], small=0),
        InvalidInputError,
        "small",
        "small: expected an int >= 1, got int 0",
        "",
    ),
}

SCORING: dict[str, Case] = {
    "a float attachment above 1": (
        lambda: loyalty_quadrant(1.5, 1),
        InvalidInputError,
        "attachment",
        "attachment: expected a finite number in 0..1, got float 1.5",
        "",
    ),
    "a repeat above 1": (
        lambda: loyalty_quadrant(1, D(2)),
        InvalidInputError,
        "repeat",
        "repeat: expected a finite number in 0..1, got Decimal Decimal('2')",
        "",
    ),
    "a NaN repeat": (
        lambda: loyalty_quadrant(1, D("NaN")),
        InvalidInputError,
        "repeat",
        (
            "repeat: expected a finite number in 0..1, got Decimal Decimal('NaN'); a ratio must"
            " be finite"
        ),
        "a ratio must be finite",
    ),
    "a bool repeat": (
        lambda: loyalty_quadrant(1, False),
        InvalidInputError,
        "repeat",
        "repeat: expected a finite number in 0..1, got bool False; True and False are not numbers",
        "True and False are not numbers",
    ),
    "a threshold above 1": (
        lambda: loyalty_quadrant(1, 1, threshold=D("1.5")),
        InvalidInputError,
        "threshold",
        (
            "threshold: expected a finite number above 0 and at most 1, got Decimal Decimal('1.5');"
            " e.g. 0.5"
        ),
        "e.g. 0.5",
    ),
    "a threshold of 0": (
        lambda: loyalty_quadrant(1, 1, threshold=D(0)),
        InvalidInputError,
        "threshold",
        (
            "threshold: expected a finite number above 0 and at most 1, got Decimal Decimal('0');"
            " e.g. 0.5"
        ),
        "e.g. 0.5",
    ),
    "an int threshold above 1": (
        lambda: loyalty_quadrant(1, 1, threshold=untyped(2)),
        InvalidInputError,
        "threshold",
        "threshold: expected a finite number above 0 and at most 1, got int 2; e.g. 0.5",
        "e.g. 0.5",
    ),
    "a competitor interest above 1": (
        lambda: LoyaltyMeasures(competitor_interest=D("1.01")),
        InvalidInputError,
        "LoyaltyMeasures.competitor_interest",
        (
            "LoyaltyMeasures.competitor_interest: expected a finite number in 0..1 or None,"
            " got Decimal Decimal('1.01')"
        ),
        "",
    ),
    "an infinite float quality tolerance": (
        lambda: LoyaltyMeasures(quality_tolerance=untyped(float("inf"))),
        InvalidInputError,
        "LoyaltyMeasures.quality_tolerance",
        (
            "LoyaltyMeasures.quality_tolerance: expected a finite number in 0..1 or None,"
            " got float inf; a ratio must be finite"
        ),
        "a ratio must be finite",
    ),
    "a negative price sensitivity": (
        lambda: LoyaltyMeasures(price_sensitivity=-1),
        InvalidInputError,
        "LoyaltyMeasures.price_sensitivity",
        (
            "LoyaltyMeasures.price_sensitivity: expected a finite number in 0..1 or None,"
            " got Decimal Decimal('-1')"
        ),
        "",
    ),
    "a reputation above 1": (
        lambda: SatisfactionMeasures(reputation=2),
        InvalidInputError,
        "SatisfactionMeasures.reputation",
        (
            "SatisfactionMeasures.reputation: expected a finite number in 0..1 or None,"
            " got Decimal Decimal('2')"
        ),
        "",
    ),
    "full points at a spend of 0": (
        lambda: LoyaltyPolicy(spend_full=0),
        PolicyError,
        "LoyaltyPolicy.spend_full",
        "LoyaltyPolicy.spend_full: expected a finite Decimal or int > 0, got Decimal Decimal('0')",
        "",
    ),
    "a negative choosing limit": (
        lambda: LoyaltyPolicy(choosing_days_limit=D(-1)),
        PolicyError,
        "LoyaltyPolicy.choosing_days_limit",
        (
            "LoyaltyPolicy.choosing_days_limit: expected a finite Decimal or int > 0,"
            " got Decimal Decimal('-1')"
        ),
        "",
    ),
    "full points at an amount of 0": (
        lambda: SatisfactionPolicy(amount_full=0),
        PolicyError,
        "SatisfactionPolicy.amount_full",
        (
            "SatisfactionPolicy.amount_full: expected a finite Decimal or int > 0,"
            " got Decimal Decimal('0')"
        ),
        "",
    ),
    "a loyalty policy weighing nothing": (
        lambda: LoyaltyPolicy(
            repeat_weight=0,
            choosing_weight=0,
            price_weight=0,
            competitor_weight=0,
            tolerance_weight=0,
            spend_weight=0,
        ),
        PolicyError,
        "LoyaltyPolicy.repeat_weight",
        (
            "LoyaltyPolicy.repeat_weight: expected at least one weight above 0,"
            " got Decimal Decimal('0'); every weight of the policy is 0"
        ),
        "every weight of the policy is 0",
    ),
    "a satisfaction policy weighing nothing": (
        lambda: SatisfactionPolicy(
            reputation_weight=0,
            awareness_weight=0,
            return_weight=0,
            complaint_weight=0,
            amount_weight=0,
            price_weight=0,
        ),
        PolicyError,
        "SatisfactionPolicy.reputation_weight",
        (
            "SatisfactionPolicy.reputation_weight: expected at least one weight above 0,"
            " got Decimal Decimal('0'); every weight of the policy is 0"
        ),
        "every weight of the policy is 0",
    ),
    "a band share above a half": (
        lambda: satisfaction_bands({"a": 1}, share=D("0.51")),
        InvalidInputError,
        "share",
        (
            "share: expected a finite number above 0 and at most 0.5, got Decimal Decimal('0.51');"
            " e.g. 0.15"
        ),
        "e.g. 0.15",
    ),
}
