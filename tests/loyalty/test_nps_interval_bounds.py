"""Rule Y2: the whole refusals of an NpsInterval, and the ends of the range it accepts."""

import pytest

from custrel.loyalty import NpsInterval
from tests._class_refusals import Refusal, check_refusal
from tests._values import D, untyped

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
