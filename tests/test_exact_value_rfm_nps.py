"""Whole error messages and edge cases of the pyramid, RFM, value, NPS and scoring rules.

The other test files match a part of each message; these tables pin the whole text,
the field and the hint of every refusal (rule P7: a message names the field, what was
expected and the value given), and the boundaries the rule book draws.
"""

import pathlib
from collections.abc import Callable, Mapping
from datetime import UTC, date, datetime, timedelta
from decimal import ROUND_DOWN, ROUND_HALF_UP, ROUND_UP, Decimal, localcontext
from types import MappingProxyType
from typing import Any

import pytest

from custrel import io
from custrel._cli import _portfolio, _sample
from custrel.errors import InvalidInputError, PolicyError
from custrel.loyalty import (
    LoyaltyMeasures,
    LoyaltyPolicy,
    LoyaltyQuadrant,
    SatisfactionMeasures,
    SatisfactionPolicy,
    loyalty_quadrant,
    loyalty_score,
    nps,
    nps_interval,
    satisfaction_bands,
    satisfaction_index,
)
from custrel.models import Purchase
from custrel.tiering import (
    RfmBox,
    RfmScore,
    RfmSegment,
    RfmSegmentPolicy,
    Tier,
    TierCuts,
    TierMode,
    TierPolicy,
    ValueIndicators,
    ValueMeasure,
    customer_value,
    portfolio_values,
    retier,
    rfm_scores,
    rfm_segment,
    tier_portfolio,
)

AS_OF = date(2026, 11, 22)
D = Decimal


def untyped(value: object) -> Any:
    """``value``, hidden from the type checker: these calls pass the wrong type on purpose."""
    return value


def sale(customer: str = "c-1", amount: int = 5) -> Purchase:
    return Purchase(
        customer_id=customer,
        at=datetime(2026, 11, 1, 12, tzinfo=UTC),
        product="tea",
        amount=Decimal(amount),
    )


def box(r: tuple[int, int], f: tuple[int, int], m: tuple[int, int]) -> RfmBox:
    return RfmBox(r=r, f=f, m=m)


def segment(name: str, *boxes: RfmBox) -> RfmSegment:
    return RfmSegment(name=name, label_en=name.title(), label_zh=name, boxes=boxes)


def cuts() -> TierCuts:
    return TierCuts.from_values({"a": 3, "b": 2, "c": 1})


def no_sale() -> ValueIndicators:
    return ValueIndicators.from_purchases([], as_of=AS_OF)


def score(r: int = 1) -> RfmScore:
    return RfmScore(recency_days=None, frequency=0, monetary=D(0), r=r, f=1, m=1)


SQUARE = segment("all", box((1, 2), (1, 2), (1, 2)))
FLOAT_HINT = "floats cannot hold money exactly"
TIERS = "('vip', 'major', 'ordinary', 'small')"
RANGE = "a score range (low, high) with 1 <= low <= high"


def cuts_with(**fields: object) -> TierCuts:
    given: dict[str, Any] = {
        "vip": None,
        "major": None,
        "ordinary": None,
        "customers": 1,
        "policy_fingerprint": "f",
    }
    return TierCuts(**{**given, **fields})


def too_many_boxes() -> RfmSegmentPolicy:
    rows = tuple(box((r, r), (1, 100), (1, 100)) for r in range(1, 101))
    return RfmSegmentPolicy(
        bins=100, segments=(segment("a", *rows), segment("b", *[box((1, 1), (1, 1), (1, 1))] * 101))
    )


# (call, error class, field, whole message, hint)
Case = tuple[Callable[[], object], type[InvalidInputError], str, str, str]

PYRAMID: dict[str, Case] = {
    "shares not a tuple": (
        lambda: TierPolicy(shares=untyped([D(1)])),
        PolicyError,
        "TierPolicy.shares",
        (
            "TierPolicy.shares: expected four shares (VIP, major, ordinary, small),"
            " got list [Decimal('1')]"
        ),
        "",
    ),
    "three shares": (
        lambda: TierPolicy(shares=untyped((D("0.5"), D("0.25"), D("0.25")))),
        PolicyError,
        "TierPolicy.shares",
        (
            "TierPolicy.shares: expected four shares (VIP, major, ordinary, small),"
            " got tuple (Decimal('0.5'), Decimal('0.25'), Decimal('0.25'))"
        ),
        "",
    ),
    "a float share": (
        lambda: TierPolicy(shares=untyped((D("0.5"), 0.25, D("0.2"), D("0.05")))),
        PolicyError,
        "TierPolicy.shares[1]",
        "TierPolicy.shares[1]: expected a Decimal share > 0, got float 0.25; e.g. Decimal('0.01')",
        "e.g. Decimal('0.01')",
    ),
    "a zero share": (
        lambda: TierPolicy(shares=(D("0.5"), D("0.5"), D(0), D(0))),
        PolicyError,
        "TierPolicy.shares[2]",
        (
            "TierPolicy.shares[2]: expected a Decimal share > 0, got Decimal Decimal('0');"
            " e.g. Decimal('0.01')"
        ),
        "e.g. Decimal('0.01')",
    ),
    "a NaN share": (
        lambda: TierPolicy(shares=(D("0.5"), D("0.5"), D("NaN"), D(0))),
        PolicyError,
        "TierPolicy.shares[2]",
        (
            "TierPolicy.shares[2]: expected a Decimal share > 0, got Decimal Decimal('NaN');"
            " e.g. Decimal('0.01')"
        ),
        "e.g. Decimal('0.01')",
    ),
    "shares not summing to 1": (
        lambda: TierPolicy(shares=(D("0.1"), D("0.2"), D("0.3"), D("0.3"))),
        PolicyError,
        "TierPolicy.shares",
        (
            "TierPolicy.shares: expected shares summing to exactly 1, got tuple"
            " (Decimal('0.1'), Decimal('0.2'), Decimal('0.3'), Decimal(..."
        ),
        "",
    ),
    "a mode given as text": (
        lambda: TierPolicy(mode=untyped("value_share")),
        PolicyError,
        "TierPolicy.mode",
        (
            "TierPolicy.mode: expected a TierMode ('head_count', 'value_share'),"
            " got str 'value_share'; pass TierMode('value_share')"
        ),
        "pass TierMode('value_share')",
    ),
    "values not a mapping": (
        lambda: tier_portfolio(untyped([1, 2])),
        InvalidInputError,
        "values",
        "values: expected a mapping of customer id to value, got list [1, 2]",
        "",
    ),
    "a blank customer id": (
        lambda: tier_portfolio({" ": 1}),
        InvalidInputError,
        "values key",
        "values key: expected a non-blank string, got str ' '",
        "",
    ),
    "a customer id that is not text": (
        lambda: tier_portfolio(untyped({1: 1})),
        InvalidInputError,
        "values key",
        "values key: expected a non-blank string, got int 1",
        "",
    ),
    "a float value": (
        lambda: tier_portfolio(untyped({"a": 1.5})),
        InvalidInputError,
        "values['a']",
        (
            f"values['a']: expected a finite Decimal or int, got float 1.5; pass Decimal('1.5');"
            f" {FLOAT_HINT}"
        ),
        f"pass Decimal('1.5'); {FLOAT_HINT}",
    ),
    "a NaN value": (
        lambda: tier_portfolio({"a": D("NaN")}),
        InvalidInputError,
        "values['a']",
        "values['a']: expected a finite Decimal or int, got Decimal Decimal('NaN')",
        "",
    ),
    "a value of 16 digits": (
        lambda: tier_portfolio({"a": 10**15}),
        InvalidInputError,
        "values['a']",
        (
            "values['a']: expected a finite Decimal or int with at most 15 digits before the"
            " point, got Decimal Decimal('1000000000000000')"
        ),
        "",
    ),
    "a policy that is not a TierPolicy": (
        lambda: tier_portfolio({"a": 1}, policy=untyped("x")),
        InvalidInputError,
        "policy",
        "policy: expected a TierPolicy, got str 'x'",
        "",
    ),
    "a negative value by value share": (
        lambda: tier_portfolio({"a": 1, "b": -1}, policy=TierPolicy(mode=TierMode.VALUE_SHARE)),
        InvalidInputError,
        "values['b']",
        "values['b']: expected a value >= 0 in value-share mode, got int -1",
        "",
    ),
    "cuts of no customer": (
        lambda: TierCuts.from_values({}),
        InvalidInputError,
        "values",
        "values: expected at least one customer, got dict {}",
        "",
    ),
    "cuts with no policy": (
        lambda: TierCuts.from_values({"a": 1}, policy=untyped(None)),
        InvalidInputError,
        "policy",
        "policy: expected a TierPolicy, got NoneType None",
        "",
    ),
    "a float VIP cut": (
        lambda: cuts_with(vip=1.5),
        InvalidInputError,
        "TierCuts.vip",
        (
            "TierCuts.vip: expected a finite Decimal or int or None, got float 1.5;"
            f" pass Decimal('1.5'); {FLOAT_HINT}"
        ),
        f"pass Decimal('1.5'); {FLOAT_HINT}",
    ),
    "a major cut given as text": (
        lambda: cuts_with(major="1"),
        InvalidInputError,
        "TierCuts.major",
        "TierCuts.major: expected a finite Decimal or int or None, got str '1'",
        "",
    ),
    "an infinite ordinary cut": (
        lambda: cuts_with(ordinary=D("Infinity")),
        InvalidInputError,
        "TierCuts.ordinary",
        (
            "TierCuts.ordinary: expected a finite Decimal or int or None,"
            " got Decimal Decimal('Infinity')"
        ),
        "",
    ),
    "cuts of zero customers": (
        lambda: cuts_with(customers=0),
        InvalidInputError,
        "TierCuts.customers",
        "TierCuts.customers: expected an int >= 1, got int 0",
        "",
    ),
    "cuts without a fingerprint": (
        lambda: cuts_with(policy_fingerprint=""),
        InvalidInputError,
        "TierCuts.policy_fingerprint",
        "TierCuts.policy_fingerprint: expected a non-blank string, got str ''",
        "",
    ),
    "the tier of a float": (
        lambda: cuts().tier_of(untyped(2.5)),
        InvalidInputError,
        "value",
        (
            f"value: expected a finite Decimal or int, got float 2.5; pass Decimal('2.5');"
            f" {FLOAT_HINT}"
        ),
        f"pass Decimal('2.5'); {FLOAT_HINT}",
    ),
    "the tier of NaN": (
        lambda: cuts().tier_of(D("NaN")),
        InvalidInputError,
        "value",
        "value: expected a finite Decimal or int, got Decimal Decimal('NaN')",
        "",
    ),
    "the least value of a tier given as text": (
        lambda: cuts().least_value(untyped("vip")),
        InvalidInputError,
        "tier",
        f"tier: expected a Tier {TIERS}, got str 'vip'; pass Tier('vip')",
        "pass Tier('vip')",
    ),
    "retier without cuts": (
        lambda: retier(1, previous=None, cuts=untyped({"vip": 1}), band=0),
        InvalidInputError,
        "cuts",
        "cuts: expected a TierCuts, got dict {'vip': 1}",
        "",
    ),
    "retier from a tier given as text": (
        lambda: retier(1, previous=untyped("vip"), cuts=cuts(), band=0),
        InvalidInputError,
        "previous",
        f"previous: expected a Tier {TIERS} or None, got str 'vip'; pass Tier('vip')",
        "pass Tier('vip')",
    ),
    "a negative band": (
        lambda: retier(1, previous=None, cuts=cuts(), band=-1),
        InvalidInputError,
        "band",
        "band: expected a finite Decimal or int >= 0, got Decimal Decimal('-1')",
        "",
    ),
    "a float band": (
        lambda: retier(1, previous=None, cuts=cuts(), band=untyped(0.5)),
        InvalidInputError,
        "band",
        (
            "band: expected a finite Decimal or int >= 0, got float 0.5; pass Decimal('0.5');"
            f" {FLOAT_HINT}"
        ),
        f"pass Decimal('0.5'); {FLOAT_HINT}",
    ),
    "retier no value": (
        lambda: retier(untyped(None), previous=Tier.VIP, cuts=cuts(), band=1),
        InvalidInputError,
        "value",
        "value: expected a finite Decimal or int, got NoneType None",
        "",
    ),
}

RFM: dict[str, Case] = {
    "scores as of a datetime": (
        lambda: rfm_scores([], as_of=untyped(datetime(2026, 1, 1, tzinfo=UTC))),
        InvalidInputError,
        "as_of",
        (
            "as_of: expected a date, got datetime datetime.datetime(2026, 1, 1, 0, 0,"
            " tzinfo=datetime.timez...; pass value.date() for the calendar day"
        ),
        "pass value.date() for the calendar day",
    ),
    "zero bins": (
        lambda: rfm_scores([], as_of=AS_OF, bins=0),
        InvalidInputError,
        "bins",
        "bins: expected an int in 1..100, got int 0",
        "",
    ),
    "101 bins": (
        lambda: rfm_scores([], as_of=AS_OF, bins=101),
        InvalidInputError,
        "bins",
        "bins: expected an int in 1..100, got int 101",
        "",
    ),
    "customers given as one string": (
        lambda: rfm_scores([], as_of=AS_OF, customers="abc"),
        InvalidInputError,
        "customers",
        "customers: expected an iterable of customer ids, got str 'abc'",
        "",
    ),
    "a blank customer": (
        lambda: rfm_scores([], as_of=AS_OF, customers=["a", ""]),
        InvalidInputError,
        "customers[1]",
        "customers[1]: expected a non-blank string, got str ''",
        "",
    ),
    "purchases given as one string": (
        lambda: rfm_scores(untyped("p"), as_of=AS_OF),
        InvalidInputError,
        "purchases",
        "purchases: expected an iterable of Purchase, got str 'p'",
        "",
    ),
    "a purchase that is not a Purchase": (
        lambda: rfm_scores(untyped([sale(), "x"]), as_of=AS_OF),
        InvalidInputError,
        "purchases[1]",
        "purchases[1]: expected a Purchase, got str 'x'",
        "",
    ),
    "a purchase of an unlisted customer": (
        lambda: rfm_scores([sale()], as_of=AS_OF, customers=["c-2"]),
        InvalidInputError,
        "purchases[0].customer_id",
        "purchases[0].customer_id: expected one of the customers given, got str 'c-1'",
        "",
    ),
    "a negative recency": (
        lambda: RfmScore(recency_days=-1, frequency=0, monetary=D(0), r=1, f=1, m=1),
        InvalidInputError,
        "RfmScore.recency_days",
        "RfmScore.recency_days: expected an int >= 0 or None, got int -1",
        "",
    ),
    "no frequency": (
        lambda: RfmScore(recency_days=None, frequency=untyped(None), monetary=D(0), r=1, f=1, m=1),
        InvalidInputError,
        "RfmScore.frequency",
        "RfmScore.frequency: expected an int >= 0, got NoneType None",
        "",
    ),
    "an int monetary": (
        lambda: RfmScore(recency_days=None, frequency=0, monetary=untyped(1), r=1, f=1, m=1),
        InvalidInputError,
        "RfmScore.monetary",
        "RfmScore.monetary: expected a finite Decimal or int, got int 1",
        "",
    ),
    "an R score of 0": (
        lambda: RfmScore(recency_days=None, frequency=0, monetary=D(0), r=0, f=1, m=1),
        InvalidInputError,
        "RfmScore.r",
        "RfmScore.r: expected an int in 1..100, got int 0",
        "",
    ),
    "an F score of 101": (
        lambda: RfmScore(recency_days=None, frequency=0, monetary=D(0), r=1, f=101, m=1),
        InvalidInputError,
        "RfmScore.f",
        "RfmScore.f: expected an int in 1..100, got int 101",
        "",
    ),
    "a bool M score": (
        lambda: RfmScore(recency_days=None, frequency=0, monetary=D(0), r=1, f=1, m=True),
        InvalidInputError,
        "RfmScore.m",
        "RfmScore.m: expected an int in 1..100, got bool True",
        "",
    ),
    "an R range given as a list": (
        lambda: RfmBox(r=untyped([1, 2]), f=(1, 2), m=(1, 2)),
        InvalidInputError,
        "RfmBox.r",
        f"RfmBox.r: expected {RANGE}, got list [1, 2]",
        "",
    ),
    "an F range upside down": (
        lambda: box((1, 2), (2, 1), (1, 2)),
        InvalidInputError,
        "RfmBox.f",
        f"RfmBox.f: expected {RANGE}, got tuple (2, 1)",
        "",
    ),
    "an M range from 0": (
        lambda: box((1, 2), (1, 2), (0, 2)),
        InvalidInputError,
        "RfmBox.m",
        f"RfmBox.m: expected {RANGE}, got tuple (0, 2)",
        "",
    ),
    "a range of three scores": (
        lambda: RfmBox(r=untyped((1, 2, 3)), f=(1, 2), m=(1, 2)),
        InvalidInputError,
        "RfmBox.r",
        f"RfmBox.r: expected {RANGE}, got tuple (1, 2, 3)",
        "",
    ),
    "a range from a bool": (
        lambda: box((True, 2), (1, 2), (1, 2)),
        InvalidInputError,
        "RfmBox.r",
        f"RfmBox.r: expected {RANGE}, got tuple (True, 2)",
        "",
    ),
    "a segment without a name": (
        lambda: RfmSegment(name="", label_en="A", label_zh="A", boxes=(SQUARE.boxes)),
        InvalidInputError,
        "RfmSegment.name",
        "RfmSegment.name: expected a non-blank string, got str ''",
        "",
    ),
    "a blank English label": (
        lambda: RfmSegment(name="a", label_en=" ", label_zh="A", boxes=SQUARE.boxes),
        InvalidInputError,
        "RfmSegment.label_en",
        "RfmSegment.label_en: expected a non-blank string, got str ' '",
        "",
    ),
    "no Chinese label": (
        lambda: RfmSegment(name="a", label_en="A", label_zh=untyped(None), boxes=SQUARE.boxes),
        InvalidInputError,
        "RfmSegment.label_zh",
        "RfmSegment.label_zh: expected a non-blank string, got NoneType None",
        "",
    ),
    "one box not in a tuple": (
        lambda: RfmSegment(name="a", label_en="A", label_zh="A", boxes=untyped(SQUARE.boxes[0])),
        InvalidInputError,
        "RfmSegment.boxes",
        (
            "RfmSegment.boxes: expected a list or tuple of RfmBox,"
            " got RfmBox RfmBox(r=(1, 2), f=(1, 2), m=(1, 2))"
        ),
        "",
    ),
    "a box that is not an RfmBox": (
        lambda: RfmSegment(
            name="a", label_en="A", label_zh="A", boxes=untyped((*SQUARE.boxes, "x"))
        ),
        InvalidInputError,
        "RfmSegment.boxes[1]",
        "RfmSegment.boxes[1]: expected a RfmBox, got str 'x'",
        "",
    ),
    "a segment map of 0 bins": (
        lambda: RfmSegmentPolicy(bins=0, segments=(SQUARE,)),
        PolicyError,
        "RfmSegmentPolicy.bins",
        "RfmSegmentPolicy.bins: expected an int in 1..100, got int 0",
        "",
    ),
    "one segment not in a tuple": (
        lambda: RfmSegmentPolicy(bins=2, segments=untyped(SQUARE)),
        PolicyError,
        "RfmSegmentPolicy.segments",
        (
            "RfmSegmentPolicy.segments: expected a list or tuple of RfmSegment, got RfmSegment"
            " RfmSegment(name='all', label_en='All', label_zh='all', bo..."
        ),
        "",
    ),
    "a segment that is not an RfmSegment": (
        lambda: RfmSegmentPolicy(bins=2, segments=untyped((SQUARE, SQUARE.boxes[0]))),
        PolicyError,
        "RfmSegmentPolicy.segments[1]",
        (
            "RfmSegmentPolicy.segments[1]: expected a RfmSegment,"
            " got RfmBox RfmBox(r=(1, 2), f=(1, 2), m=(1, 2))"
        ),
        "",
    ),
    "no segment": (
        lambda: RfmSegmentPolicy(bins=2, segments=()),
        PolicyError,
        "RfmSegmentPolicy.segments",
        "RfmSegmentPolicy.segments: expected at least one segment, names unique, got list []",
        "",
    ),
    "a name twice": (
        lambda: RfmSegmentPolicy(bins=2, segments=(SQUARE, SQUARE)),
        PolicyError,
        "RfmSegmentPolicy.segments",
        (
            "RfmSegmentPolicy.segments: expected at least one segment, names unique,"
            " got list ['all', 'all']"
        ),
        "",
    ),
    "a range past the bins": (
        lambda: RfmSegmentPolicy(bins=1, segments=(SQUARE,)),
        PolicyError,
        "RfmSegmentPolicy.segments['all']",
        "RfmSegmentPolicy.segments['all']: expected score ranges within 1..1, got tuple (1, 2)",
        "",
    ),
    "more than 200 boxes": (
        too_many_boxes,
        PolicyError,
        "RfmSegmentPolicy.segments",
        "RfmSegmentPolicy.segments: expected at most 200 boxes in all, got int 201",
        "",
    ),
    "the whole cube twice": (
        lambda: RfmSegmentPolicy(
            bins=3,
            segments=(
                segment("a", box((1, 3), (1, 3), (1, 3))),
                segment("b", box((1, 3), (1, 3), (1, 3))),
            ),
        ),
        PolicyError,
        "RfmSegmentPolicy.segments",
        (
            "RfmSegmentPolicy.segments: expected every (R, F, M) cell covered once only,"
            " got list [\"(1, 1, 1) in 'a' and 'b'\"]"
        ),
        "",
    ),
    "boxes sharing a corner inside the cube": (
        lambda: RfmSegmentPolicy(
            bins=3,
            segments=(
                segment("a", box((1, 2), (2, 3), (1, 3))),
                segment("b", box((2, 3), (1, 3), (3, 3))),
            ),
        ),
        PolicyError,
        "RfmSegmentPolicy.segments",
        (
            "RfmSegmentPolicy.segments: expected every (R, F, M) cell covered once only,"
            " got list [\"(2, 2, 3) in 'a' and 'b'\"]"
        ),
        "",
    ),
    "a cube with cells left over": (
        lambda: RfmSegmentPolicy(bins=3, segments=(SQUARE,)),
        PolicyError,
        "RfmSegmentPolicy.segments",
        (
            "RfmSegmentPolicy.segments: expected every (R, F, M) cell covered,"
            " got list [(1, 1, 3), (1, 2, 3), (1, 3, 1)]"
        ),
        "",
    ),
    "a cube missing its last cell": (
        lambda: RfmSegmentPolicy(
            bins=2,
            segments=(
                segment("a", box((1, 1), (1, 2), (1, 2)), box((2, 2), (1, 1), (1, 2))),
                segment("b", box((2, 2), (2, 2), (1, 1))),
            ),
        ),
        PolicyError,
        "RfmSegmentPolicy.segments",
        "RfmSegmentPolicy.segments: expected every (R, F, M) cell covered, got list [(2, 2, 2)]",
        "",
    ),
    "a cube missing its middle": (
        lambda: RfmSegmentPolicy(
            bins=3,
            segments=(
                segment("a", box((1, 3), (1, 3), (1, 1)), box((1, 3), (1, 3), (3, 3))),
                segment("b", box((2, 3), (1, 3), (2, 2)), box((1, 1), (2, 3), (2, 2))),
            ),
        ),
        PolicyError,
        "RfmSegmentPolicy.segments",
        "RfmSegmentPolicy.segments: expected every (R, F, M) cell covered, got list [(1, 1, 2)]",
        "",
    ),
    "a segment of something else": (
        lambda: rfm_segment(untyped((1, 1, 1))),
        InvalidInputError,
        "score",
        "score: expected an RfmScore, got tuple (1, 1, 1)",
        "",
    ),
    "a segment by no policy": (
        lambda: rfm_segment(score(), policy=untyped(None)),
        InvalidInputError,
        "policy",
        "policy: expected an RfmSegmentPolicy, got NoneType None",
        "",
    ),
    "a score past the policy's bins": (
        lambda: rfm_segment(score(r=6)),
        InvalidInputError,
        "score",
        "score: expected scores from 1 to 5, the policy's bins, got tuple (6, 1, 1)",
        "",
    ),
}

VALUE: dict[str, Case] = {
    "indicators as of a string": (
        lambda: ValueIndicators.from_purchases([], as_of=untyped("2026-11-22")),
        InvalidInputError,
        "as_of",
        "as_of: expected a date, got str '2026-11-22'",
        "",
    ),
    "indicators of bytes": (
        lambda: ValueIndicators.from_purchases(untyped(b"x"), as_of=AS_OF),
        InvalidInputError,
        "purchases",
        "purchases: expected an iterable of Purchase, got bytes b'x'",
        "",
    ),
    "indicators of None among purchases": (
        lambda: ValueIndicators.from_purchases(untyped([sale(), None]), as_of=AS_OF),
        InvalidInputError,
        "purchases[1]",
        "purchases[1]: expected a Purchase, got NoneType None",
        "",
    ),
    "indicators of a dict among purchases": (
        lambda: ValueIndicators.from_purchases(untyped([sale(), {"amount": 1}]), as_of=AS_OF),
        InvalidInputError,
        "purchases[1]",
        "purchases[1]: expected a Purchase, got dict {'amount': 1}",
        "",
    ),
    "a portfolio of text among purchases": (
        lambda: portfolio_values(untyped(["tea"]), as_of=AS_OF),
        InvalidInputError,
        "purchases[0]",
        "purchases[0]: expected a Purchase, got str 'tea'",
        "",
    ),
    "the value of something else": (
        lambda: customer_value(untyped(D(1))),
        InvalidInputError,
        "indicators",
        "indicators: expected a ValueIndicators, got Decimal Decimal('1')",
        "",
    ),
    "a measure given as text": (
        lambda: customer_value(no_sale(), measure=untyped("profit")),
        InvalidInputError,
        "measure",
        (
            "measure: expected a ValueMeasure ('amount', 'profit'), got str 'profit';"
            " pass ValueMeasure('profit')"
        ),
        "pass ValueMeasure('profit')",
    ),
    "a value by an unknown profit": (
        lambda: customer_value(
            ValueIndicators.from_purchases([sale()], as_of=AS_OF), measure=ValueMeasure.PROFIT
        ),
        InvalidInputError,
        "indicators.total_profit",
        (
            "indicators.total_profit: expected a known profit on every purchase, to measure value"
            " by profit, got NoneType None; pass measure=ValueMeasure.AMOUNT to rank by sales"
        ),
        "pass measure=ValueMeasure.AMOUNT to rank by sales",
    ),
    "a portfolio measure given as text": (
        lambda: portfolio_values([], as_of=AS_OF, measure=untyped("amount")),
        InvalidInputError,
        "measure",
        (
            "measure: expected a ValueMeasure ('amount', 'profit'), got str 'amount';"
            " pass ValueMeasure('amount')"
        ),
        "pass ValueMeasure('amount')",
    ),
    "customers given as a number": (
        lambda: portfolio_values([], as_of=AS_OF, customers=untyped(5)),
        InvalidInputError,
        "customers",
        "customers: expected an iterable of customer ids, got int 5",
        "",
    ),
    "a customer id that is a number": (
        lambda: portfolio_values([], as_of=AS_OF, customers=untyped([7])),
        InvalidInputError,
        "customers[0]",
        "customers[0]: expected a non-blank string, got int 7",
        "",
    ),
    "a portfolio purchase of an unlisted customer": (
        lambda: portfolio_values([sale()], as_of=AS_OF, customers=["c-2"]),
        InvalidInputError,
        "purchases[0].customer_id",
        "purchases[0].customer_id: expected one of the customers given, got str 'c-1'",
        "",
    ),
    "a portfolio by an unknown profit": (
        lambda: portfolio_values([sale()], as_of=AS_OF, measure=ValueMeasure.PROFIT),
        InvalidInputError,
        "purchases[0].profit",
        (
            "purchases[0].profit: expected a known profit on every purchase, to measure value by"
            " profit, got NoneType None; pass measure=ValueMeasure.AMOUNT to rank by sales"
        ),
        "pass measure=ValueMeasure.AMOUNT to rank by sales",
    ),
    "a measure returning a float": (
        lambda: portfolio_values([sale()], as_of=AS_OF, measure=untyped(lambda _: 1.5)),
        InvalidInputError,
        "measure('c-1')",
        (
            f"measure('c-1'): expected a finite Decimal or int, got float 1.5; pass Decimal('1.5');"
            f" {FLOAT_HINT}"
        ),
        f"pass Decimal('1.5'); {FLOAT_HINT}",
    ),
    "a portfolio as of year 999": (
        lambda: portfolio_values([sale()], as_of=date(999, 1, 1)),
        InvalidInputError,
        "as_of",
        "as_of: expected a date from 1000-01-01 to 8999-12-31, got date datetime.date(999, 1, 1)",
        "",
    ),
    "purchases given as a number": (
        lambda: portfolio_values(untyped(3), as_of=AS_OF),
        InvalidInputError,
        "purchases",
        "purchases: expected an iterable of Purchase, got int 3",
        "",
    ),
}

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
            "confidence: expected a Decimal above 0 and below 1, got Decimal Decimal('1');"
            " e.g. Decimal('0.95')"
        ),
        "e.g. Decimal('0.95')",
    ),
    "a confidence of 0": (
        lambda: nps_interval([10], confidence=D(0)),
        InvalidInputError,
        "confidence",
        (
            "confidence: expected a Decimal above 0 and below 1, got Decimal Decimal('0');"
            " e.g. Decimal('0.95')"
        ),
        "e.g. Decimal('0.95')",
    ),
    "a float confidence": (
        lambda: nps_interval([10], confidence=untyped(0.9)),
        InvalidInputError,
        "confidence",
        "confidence: expected a Decimal above 0 and below 1, got float 0.9; e.g. Decimal('0.95')",
        "e.g. Decimal('0.95')",
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
    "a float attachment": (
        lambda: loyalty_quadrant(untyped(0.8), 1),
        InvalidInputError,
        "attachment",
        (
            "attachment: expected a Decimal or int in 0..1, got float 0.8; pass Decimal('0.8');"
            " floats are refused so scores stay exact"
        ),
        "pass Decimal('0.8'); floats are refused so scores stay exact",
    ),
    "a repeat above 1": (
        lambda: loyalty_quadrant(1, D(2)),
        InvalidInputError,
        "repeat",
        "repeat: expected a Decimal or int in 0..1, got Decimal Decimal('2')",
        "",
    ),
    "a NaN repeat": (
        lambda: loyalty_quadrant(1, D("NaN")),
        InvalidInputError,
        "repeat",
        "repeat: expected a Decimal or int in 0..1, got Decimal Decimal('NaN')",
        "",
    ),
    "a bool repeat": (
        lambda: loyalty_quadrant(1, False),
        InvalidInputError,
        "repeat",
        "repeat: expected a Decimal or int in 0..1, got bool False",
        "",
    ),
    "a threshold above 1": (
        lambda: loyalty_quadrant(1, 1, threshold=D("1.5")),
        InvalidInputError,
        "threshold",
        (
            "threshold: expected a Decimal above 0 and at most 1, got Decimal Decimal('1.5');"
            " e.g. Decimal('0.5')"
        ),
        "e.g. Decimal('0.5')",
    ),
    "a threshold of 0": (
        lambda: loyalty_quadrant(1, 1, threshold=D(0)),
        InvalidInputError,
        "threshold",
        (
            "threshold: expected a Decimal above 0 and at most 1, got Decimal Decimal('0');"
            " e.g. Decimal('0.5')"
        ),
        "e.g. Decimal('0.5')",
    ),
    "an int threshold": (
        lambda: loyalty_quadrant(1, 1, threshold=untyped(1)),
        InvalidInputError,
        "threshold",
        "threshold: expected a Decimal above 0 and at most 1, got int 1; e.g. Decimal('0.5')",
        "e.g. Decimal('0.5')",
    ),
    "a competitor interest above 1": (
        lambda: LoyaltyMeasures(competitor_interest=D("1.01")),
        InvalidInputError,
        "LoyaltyMeasures.competitor_interest",
        (
            "LoyaltyMeasures.competitor_interest: expected a Decimal or int in 0..1 or None,"
            " got Decimal Decimal('1.01')"
        ),
        "",
    ),
    "a float quality tolerance": (
        lambda: LoyaltyMeasures(quality_tolerance=untyped(0.5)),
        InvalidInputError,
        "LoyaltyMeasures.quality_tolerance",
        (
            "LoyaltyMeasures.quality_tolerance: expected a Decimal or int in 0..1 or None,"
            " got float 0.5; pass Decimal('0.5'); floats are refused so scores stay exact"
        ),
        "pass Decimal('0.5'); floats are refused so scores stay exact",
    ),
    "a negative price sensitivity": (
        lambda: LoyaltyMeasures(price_sensitivity=-1),
        InvalidInputError,
        "LoyaltyMeasures.price_sensitivity",
        (
            "LoyaltyMeasures.price_sensitivity: expected a Decimal or int in 0..1 or None,"
            " got Decimal Decimal('-1')"
        ),
        "",
    ),
    "a reputation above 1": (
        lambda: SatisfactionMeasures(reputation=2),
        InvalidInputError,
        "SatisfactionMeasures.reputation",
        (
            "SatisfactionMeasures.reputation: expected a Decimal or int in 0..1 or None,"
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
            "share: expected a Decimal above 0 and at most 0.5, got Decimal Decimal('0.51');"
            " e.g. Decimal('0.15')"
        ),
        "e.g. Decimal('0.15')",
    ),
}


def _params(table: dict[str, Case]) -> list[Any]:
    return [pytest.param(*case, id=name) for name, case in table.items()]


@pytest.mark.parametrize(
    ("call", "kind", "field", "message", "hint"),
    _params(PYRAMID) + _params(RFM) + _params(VALUE) + _params(NPS) + _params(SCORING),
)
def test_a_refusal_names_field_expectation_value_and_hint(
    call: Callable[[], object],
    kind: type[InvalidInputError],
    field: str,
    message: str,
    hint: str,
) -> None:
    with pytest.raises(kind) as caught:
        call()
    assert type(caught.value) is kind
    assert str(caught.value) == message
    assert caught.value.field == field
    assert caught.value.hint == hint


def test_an_overlap_is_shown_by_the_first_three_shared_cells() -> None:
    a = segment("a", box((1, 3), (1, 1), (1, 3)), box((2, 3), (1, 3), (2, 2)))
    b = segment("b", box((1, 3), (1, 3), (2, 3)))
    c = segment("c", box((3, 3), (3, 3), (3, 3)))
    with pytest.raises(PolicyError) as caught:
        RfmSegmentPolicy(bins=3, segments=(a, b, c))
    assert caught.value.value == [
        "(2, 1, 2) in 'a' and 'a'",
        "(1, 1, 2) in 'a' and 'b'",
        "(2, 1, 2) in 'a' and 'b'",
    ]


@pytest.mark.parametrize(
    ("segments", "missing"),
    [
        pytest.param((SQUARE,), [(1, 1, 3), (1, 2, 3), (1, 3, 1)], id="beyond a square"),
        pytest.param(
            (segment("a", box((1, 3), (1, 3), (2, 3))),),
            [(1, 1, 1), (1, 2, 1), (1, 3, 1)],
            id="the bottom layer",
        ),
        pytest.param(
            (segment("a", box((1, 1), (1, 3), (1, 3)), box((2, 3), (1, 3), (1, 1))),),
            [(2, 1, 2), (2, 1, 3), (2, 2, 2)],
            id="two layers of a corner",
        ),
        pytest.param(
            (segment("a", box((1, 3), (1, 3), (1, 2))),),
            [(1, 1, 3), (1, 2, 3), (1, 3, 3)],
            id="the top layer",
        ),
    ],
)
def test_an_uncovered_map_is_shown_by_its_first_three_missing_cells(
    segments: tuple[RfmSegment, ...], missing: list[tuple[int, int, int]]
) -> None:
    with pytest.raises(PolicyError) as caught:
        RfmSegmentPolicy(bins=3, segments=segments)
    assert caught.value.value == missing


@pytest.mark.parametrize("tier", list(Tier))
def test_a_tier_is_neither_better_nor_worse_than_itself(tier: Tier) -> None:
    same = Tier(tier.value)
    assert (tier < same, tier > same, tier <= same, tier >= same) == (False, False, True, True)


def test_tiers_sort_best_first() -> None:
    assert sorted([Tier.SMALL, Tier.VIP, Tier.ORDINARY, Tier.MAJOR, Tier.VIP]) == [
        Tier.VIP,
        Tier.VIP,
        Tier.MAJOR,
        Tier.ORDINARY,
        Tier.SMALL,
    ]


@pytest.mark.parametrize(
    ("small", "answers", "flagged"),
    [
        pytest.param(1, 1, False, id="the least bound, one answer"),
        pytest.param(2, 1, True, id="one answer below 2"),
        pytest.param(30, 29, True, id="29 answers below the default 30"),
        pytest.param(30, 30, False, id="30 answers at the default 30"),
    ],
)
def test_the_small_sample_flag_is_fewer_answers_than_the_bound(
    small: int, answers: int, flagged: bool
) -> None:
    assert nps_interval([9] * answers, small=small).small_sample is flagged


SURVEYS = [
    [10] * 40 + [8] * 40 + [3] * 20,
    [0] * 7 + [9] * 3,
    [10, 10, 10],
    [10, 9, 0, 8, 8, 8, 8],
]


@pytest.mark.parametrize(
    ("prec", "rounding"), [pytest.param(3, ROUND_DOWN, id="3 digits"), (28, ROUND_UP)]
)
@pytest.mark.parametrize("survey", SURVEYS)
def test_an_nps_does_not_depend_on_the_callers_decimal_context(
    survey: list[int], prec: int, rounding: str
) -> None:
    for confidence in (D("0.8"), D("0.95"), D("0.99")):
        expected = nps_interval(survey, confidence=confidence)
        with localcontext(prec=prec, rounding=rounding):
            assert nps_interval(survey, confidence=confidence) == expected
            assert nps(survey) == expected.score


def test_an_nps_interval_reads_as_in_the_docs() -> None:
    r = nps_interval([0] * 7 + [9] * 3, confidence=D("0.8"))
    assert (r.score, r.low, r.high) == (D(-40), D("-68.68"), D("-0.04"))
    assert (r.answers, r.promoters, r.passives, r.detractors) == (10, 3, 0, 7)


@pytest.mark.parametrize(
    ("attachment", "repeat", "threshold", "quadrant"),
    [
        pytest.param(D(1), D(1), D(1), LoyaltyQuadrant.TRUE, id="both at a threshold of 1"),
        pytest.param(D("0.99"), D(1), D(1), LoyaltyQuadrant.SPURIOUS, id="attachment below 1"),
        pytest.param(D(0), D(0), D("0.01"), LoyaltyQuadrant.NONE, id="both 0"),
        pytest.param(1, 0, D("0.5"), LoyaltyQuadrant.LATENT, id="the ends of the scale, as int"),
    ],
)
def test_shares_take_the_ends_of_0_to_1_and_a_threshold_of_1(
    attachment: Decimal | int, repeat: Decimal | int, threshold: Decimal, quadrant: LoyaltyQuadrant
) -> None:
    assert loyalty_quadrant(attachment, repeat, threshold=threshold) is quadrant


def test_a_band_share_may_be_a_half() -> None:
    bands = satisfaction_bands({"a": 1, "b": 2}, share=D("0.5"))
    assert [band.value for band in bands.values()] == ["least", "most"]


@pytest.mark.parametrize(
    ("tolerance", "expected"),
    [
        pytest.param("0.12345", "12.34", id="a half cent rounds to the even 4"),
        pytest.param("0.12355", "12.36", id="a half cent rounds to the even 6"),
        pytest.param("0.123451", "12.35", id="just above a half cent rounds up"),
    ],
)
def test_a_loyalty_score_rounds_half_cents_to_even_in_any_decimal_context(
    tolerance: str, expected: str
) -> None:
    measures = LoyaltyMeasures(quality_tolerance=D(tolerance))
    assert loyalty_score(measures) == D(expected)
    for prec, rounding in ((3, ROUND_DOWN), (28, ROUND_UP), (40, ROUND_HALF_UP)):
        with localcontext(prec=prec, rounding=rounding):
            assert str(loyalty_score(measures)) == expected


@pytest.mark.parametrize(
    ("loyal", "satisfied"),
    [
        pytest.param(
            LoyaltyMeasures(repeat_purchases=1, choosing_days=7, spend=D(3333)),
            SatisfactionMeasures(reputation=D("0.7"), purchase_amount=D(3333)),
            id="ratios",
        ),
        pytest.param(
            LoyaltyMeasures(price_sensitivity=D("0.123456"), competitor_interest=D("0.3")),
            SatisfactionMeasures(complaint_rate=D("0.123456"), price_sensitivity=D("0.3")),
            id="shares counted against",
        ),
    ],
)
def test_weighted_scores_do_not_depend_on_the_callers_decimal_context(
    loyal: LoyaltyMeasures, satisfied: SatisfactionMeasures
) -> None:
    """The loyalty rules compute in one fixed decimal context (rules Y1, Y4)."""
    expected = (loyalty_score(loyal), satisfaction_index(satisfied))
    for prec, rounding in ((3, ROUND_UP), (3, ROUND_DOWN), (50, ROUND_HALF_UP)):
        with localcontext(prec=prec, rounding=rounding):
            assert (loyalty_score(loyal), satisfaction_index(satisfied)) == expected


def test_an_nps_is_exact_to_28_significant_digits() -> None:
    assert str(nps([10, 9, 0])) == "33.33333333333333333333333333"
    assert str(nps([10, 0, 0, 8, 8, 8])) == "-16.66666666666666666666666667"
    with localcontext(prec=50, rounding=ROUND_DOWN):
        assert str(nps([10, 0, 0, 8, 8, 8])) == "-16.66666666666666666666666667"


# rules T1, T2: the pyramid's values and cuts ------------------------------------------------

LIMIT = 10**15

ACCEPTED_VALUES = [
    pytest.param(LIMIT - 1, id="the largest int"),
    pytest.param(-(LIMIT - 1), id="the most negative int"),
    pytest.param(D(LIMIT - 1), id="the largest whole Decimal"),
    pytest.param(D(-(LIMIT - 1)), id="the most negative whole Decimal"),
    pytest.param(D("999999999999999.999"), id="15 digits before the point and 3 after"),
    pytest.param(D("-0"), id="minus zero"),
    pytest.param(D("0E+20"), id="zero with a large exponent"),
    pytest.param(D("1E-30"), id="a tiny positive value"),
]


@pytest.mark.parametrize("value", ACCEPTED_VALUES)
@pytest.mark.parametrize(
    "shape",
    [
        pytest.param(lambda v: {"a": v}, id="alone"),
        pytest.param(lambda v: {"a": v, "b": D(1)}, id="beside a Decimal"),
        pytest.param(lambda v: {"a": v, "b": 1}, id="beside an int"),
        pytest.param(lambda v: MappingProxyType({"a": v}), id="in a read-only mapping"),
    ],
)
def test_values_of_up_to_15_digits_before_the_point_are_tiered(
    value: Decimal | int, shape: Callable[[Decimal | int], Mapping[str, Decimal | int]]
) -> None:
    values = shape(value)
    tier = tier_portfolio(values)["a"]
    assert tier is TierCuts.from_values(values).tier_of(value)
    best = value > 0 and all(value >= other for other in values.values())
    assert tier is (Tier.VIP if best else Tier.SMALL)  # one or two customers: VIP or small


@pytest.mark.parametrize(
    "value",
    [
        pytest.param(LIMIT, id="int 10**15"),
        pytest.param(-LIMIT, id="int -10**15"),
        pytest.param(D(LIMIT), id="Decimal 10**15"),
        pytest.param(D(-LIMIT), id="Decimal -10**15"),
        pytest.param(D("-1E+15"), id="Decimal -1E+15"),
    ],
)
@pytest.mark.parametrize(
    "shape",
    [
        pytest.param(lambda v: {"a": v}, id="alone"),
        pytest.param(lambda v: {"b": D(1), "a": v}, id="after a Decimal"),
        pytest.param(lambda v: {"b": 1, "a": v}, id="after an int"),
        pytest.param(lambda v: MappingProxyType({"a": v}), id="in a read-only mapping"),
    ],
)
def test_values_of_16_digits_are_refused(
    value: Decimal | int, shape: Callable[[Decimal | int], Mapping[str, Decimal | int]]
) -> None:
    with pytest.raises(InvalidInputError) as caught:
        tier_portfolio(shape(value))
    assert str(caught.value) == (
        "values['a']: expected a finite Decimal or int with at most 15 digits before the point,"
        f" got Decimal {D(value)!r}"
    )
    if isinstance(value, int):  # a Decimal that is finite goes to tier_of unchecked
        with pytest.raises(InvalidInputError) as caught:
            cuts().tier_of(value)
        assert caught.value.field == "value"


@pytest.mark.parametrize(
    "values",
    [
        pytest.param({"": D(1)}, id="empty, Decimal"),
        pytest.param({"": 1}, id="empty, int"),
        pytest.param({"\t": D(1)}, id="a tab, Decimal"),
        pytest.param({"b": D(2), " \n": 1}, id="blank after a good id"),
        pytest.param(MappingProxyType({"": D(1)}), id="empty, read-only mapping"),
    ],
)
def test_a_blank_customer_id_is_refused(values: Mapping[str, Decimal | int]) -> None:
    key = next(k for k in values if not k.strip())
    with pytest.raises(InvalidInputError) as caught:
        tier_portfolio(values)
    assert str(caught.value) == f"values key: expected a non-blank string, got str {key!r}"


@pytest.mark.parametrize(
    ("value", "tier"),
    [
        (100, Tier.VIP),
        (D("99.99"), Tier.MAJOR),
        (81, Tier.MAJOR),
        (D("80.99"), Tier.ORDINARY),
        (51, Tier.ORDINARY),
        (D("50.99"), Tier.SMALL),
        (D("0.01"), Tier.SMALL),
        (0, Tier.SMALL),
        (-1, Tier.SMALL),
        (10**14, Tier.VIP),
    ],
)
def test_a_value_takes_the_best_tier_whose_cut_it_reaches(value: Decimal | int, tier: Tier) -> None:
    hundred = TierCuts.from_values({f"c-{i}": i for i in range(1, 101)})
    assert (hundred.vip, hundred.major, hundred.ordinary) == (D(100), D(81), D(51))
    assert hundred.tier_of(value) is tier


def test_the_least_value_of_each_tier() -> None:
    hundred = TierCuts.from_values({f"c-{i}": i for i in range(1, 101)})
    assert [hundred.least_value(t) for t in Tier] == [D(100), D(81), D(51), None]


QUARTERS = (D("0.25"), D("0.25"), D("0.25"), D("0.25"))


@pytest.mark.parametrize(
    ("values", "mode", "floors", "customers"),
    [
        pytest.param(
            {"a": 5, "b": 4, "c": 4, "d": 1},
            TierMode.HEAD_COUNT,
            (D(5), D(5), D(4)),
            4,
            id="a block of two does not fit the second place",
        ),
        pytest.param(
            {"a": 50, "b": 30, "c": 10, "d": 5, "e": 5},
            TierMode.VALUE_SHARE,
            (D(50), D(50), D(30)),
            5,
            id="half the value in one customer",
        ),
        pytest.param(
            {"a": 10, "b": 10, "c": 10, "d": 10},
            TierMode.VALUE_SHARE,
            (None, None, None),
            4,
            id="one block too big for any tier",
        ),
        pytest.param(
            {"a": 40, "b": 30, "c": 20, "d": 10},
            TierMode.VALUE_SHARE,
            (D(40), D(30), D(20)),
            4,
            id="value shares falling one to a tier",
        ),
        pytest.param(
            {"a": 0, "b": -1},
            TierMode.HEAD_COUNT,
            (None, None, None),
            2,
            id="no positive value",
        ),
        pytest.param(
            {"a": 3, "b": 0, "c": 0, "d": 0},
            TierMode.HEAD_COUNT,
            (D(3), D(3), D(3)),
            4,
            id="zeros are never above small",
        ),
    ],
)
def test_cuts_place_a_block_of_equal_values_where_its_last_member_falls(
    values: dict[str, int], mode: TierMode, floors: tuple[Decimal | None, ...], customers: int
) -> None:
    policy = TierPolicy(shares=QUARTERS, mode=mode)
    found = TierCuts.from_values(values, policy=policy)
    assert (found.vip, found.major, found.ordinary) == floors
    assert found.customers == customers
    assert found.policy_fingerprint == policy.fingerprint()
    tiers = tier_portfolio(values, policy=policy)
    assert tiers == {cid: found.tier_of(value) for cid, value in values.items()}


@pytest.mark.parametrize("mode", list(TierMode))
def test_the_pyramid_does_not_depend_on_the_callers_decimal_context(mode: TierMode) -> None:
    values = {f"c-{i}": D(i * 7919 % 10007) / 7 for i in range(12345)}
    expected = tier_portfolio(values, policy=TierPolicy(mode=mode))
    cut = TierCuts.from_values(values, policy=TierPolicy(mode=mode))
    for rounding in (ROUND_DOWN, ROUND_UP):
        with localcontext(prec=3, rounding=rounding):
            assert tier_portfolio(values, policy=TierPolicy(mode=mode)) == expected
            assert TierCuts.from_values(values, policy=TierPolicy(mode=mode)) == cut


# rules T3 and RFM: worked examples -----------------------------------------------------------


def line(
    day: int,
    amount: int,
    customer: str = "c-1",
    *,
    order: str | None = None,
    profit: int | None = None,
    refund: bool = False,
) -> Purchase:
    return Purchase(
        customer_id=customer,
        at=datetime(2026, 11, day, 12, tzinfo=UTC),
        product="tea",
        amount=D(amount),
        profit=None if profit is None else D(profit),
        order_id=order,
        refund=refund,
    )


HISTORY = [
    line(10, 100, order="o-1", profit=20),
    line(5, 50, order="o-1", profit=10),  # the same order, an earlier line
    line(15, 30, profit=6),
    line(16, 40, profit=8, refund=True),
    line(23, 1000, profit=200),  # the day after as_of
    line(22, 10, profit=2),  # on as_of
    line(20, 5, "c-2", order="o-1", profit=1),  # another customer's order o-1
]


def test_value_indicators_of_orders_refunds_and_the_reference_day() -> None:
    v = ValueIndicators.from_purchases(HISTORY, as_of=AS_OF)
    assert (v.transactions, v.total_amount, v.refunded, v.total_profit) == (4, D(155), D(40), D(31))
    assert (v.average_amount, v.largest_amount) == (D("48.75"), D(150))
    assert (v.first_purchase, v.last_purchase) == (date(2026, 11, 5), date(2026, 11, 22))
    assert v.tenure_days == 17
    assert v.average_interval_days == pytest.approx(17 / 3)


def test_portfolio_values_by_profit_and_by_amount() -> None:
    assert portfolio_values(HISTORY, as_of=AS_OF, measure=ValueMeasure.PROFIT) == {
        "c-1": D(30),
        "c-2": D(1),
    }
    assert portfolio_values(HISTORY, as_of=AS_OF) == {"c-1": D(150), "c-2": D(5)}
    assert portfolio_values(
        HISTORY, as_of=AS_OF, measure=lambda v: D(v.transactions), customers=["c-3", "c-1", "c-2"]
    ) == {"c-3": D(0), "c-1": D(3), "c-2": D(1)}


def test_a_profit_unknown_after_the_reference_day_does_not_count() -> None:
    late = [line(1, 10, profit=1), line(23, 10)]
    assert portfolio_values(late, as_of=AS_OF, measure=ValueMeasure.PROFIT) == {"c-1": D(1)}
    known = ValueIndicators.from_purchases(late, as_of=AS_OF)
    assert customer_value(known, measure=ValueMeasure.PROFIT) == D(1)


def test_rfm_scores_of_a_worked_portfolio() -> None:
    purchases = [
        line(21, 100, "a", order="x"),
        line(18, 50, "a", order="x"),  # order x is on the 18th, its earliest line
        line(23, 999, "a"),  # after as_of
        line(20, 20, "b"),
        line(10, 20, "b"),
        line(22, 10, "c"),
        line(22, 30, "c", refund=True),
        line(1, 5, "d", refund=True),
    ]
    scores = rfm_scores(purchases, as_of=AS_OF, customers=["a", "b", "c", "d", "e"])
    assert {cid: (s.recency_days, s.frequency, s.monetary) for cid, s in scores.items()} == {
        "a": (4, 1, D(150)),
        "b": (2, 2, D(40)),
        "c": (0, 1, D(-20)),
        "d": (None, 0, D(-5)),
        "e": (None, 0, D(0)),
    }
    assert {cid: s.cell for cid, s in scores.items()} == {
        "a": (3, 3, 5),
        "b": (4, 5, 4),
        "c": (5, 3, 1),
        "d": (1, 1, 1),
        "e": (1, 1, 1),
    }
    assert rfm_segment(scores["b"]).name == "champions"
    assert rfm_segment(scores["a"]).name == "loyal"


@pytest.mark.parametrize(
    ("bins", "cells"),
    [
        (1, [(1, 1, 1)] * 4),
        (2, [(1, 1, 1), (1, 1, 1), (2, 2, 2), (2, 2, 2)]),
        (4, [(1, 1, 1), (2, 1, 2), (3, 3, 3), (4, 4, 4)]),
        (100, [(1, 1, 1), (26, 1, 26), (51, 51, 51), (76, 76, 76)]),
    ],
)
def test_rfm_scores_are_one_plus_bins_times_the_worse_share(
    bins: int, cells: list[tuple[int, int, int]]
) -> None:
    purchases = [
        line(1, 10, "w"),
        line(2, 20, "x"),
        line(3, 30, "y"),
        line(3, 30, "y"),
        line(4, 40, "z"),
        line(4, 40, "z"),
        line(4, 40, "z"),
    ]
    scores = rfm_scores(purchases, as_of=AS_OF, bins=bins)
    assert [s.cell for s in scores.values()] == cells


# the command line's portfolio folder -------------------------------------------------------


def test_find_tables_takes_each_table_as_jsonl_or_csv(tmp_path: pathlib.Path) -> None:
    for name in ("purchases.csv", "profiles.jsonl", "notes.txt", "complaints.json"):
        (tmp_path / name).write_text("")
    assert _portfolio.find_tables(tmp_path) == {
        "profiles": tmp_path / "profiles.jsonl",
        "purchases": tmp_path / "purchases.csv",
    }


def _no_permission(_: object) -> object:
    raise PermissionError


@pytest.mark.parametrize(
    ("setup", "message"),
    [
        pytest.param(lambda _: None, "{folder}: no such folder", id="no folder"),
        pytest.param(lambda folder: folder.write_text(""), "{folder}: not a folder", id="a file"),
        pytest.param(
            lambda folder: [folder.mkdir(), (folder / "a.jsonl").write_text("")],
            "{folder}: no portfolio files (expected profiles.jsonl, opportunities.jsonl,"
            " contacts.jsonl, purchases.jsonl, complaints.jsonl, or .csv)",
            id="no table",
        ),
        pytest.param(
            lambda folder: [
                folder.mkdir(),
                (folder / "contacts.csv").write_text(""),
                (folder / "contacts.jsonl").write_text(""),
            ],
            "{folder}: both contacts.jsonl and contacts.csv; keep one",
            id="a table twice",
        ),
    ],
)
def test_a_folder_that_is_no_portfolio_is_a_usage_error(
    tmp_path: pathlib.Path, setup: Callable[[pathlib.Path], object], message: str
) -> None:
    folder = tmp_path / "portfolio"
    setup(folder)
    with pytest.raises(_portfolio.PortfolioError) as caught:
        _portfolio.find_tables(folder)
    assert str(caught.value) == message.format(folder=folder)


def test_a_folder_that_cannot_be_read_is_a_usage_error(
    tmp_path: pathlib.Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("os.scandir", _no_permission)
    with pytest.raises(_portfolio.PortfolioError) as caught:
        _portfolio.find_tables(tmp_path)
    assert str(caught.value) == f"{tmp_path}: cannot read the folder: permission denied"


def test_a_manifest_gives_the_reference_day(tmp_path: pathlib.Path) -> None:
    assert _portfolio.manifest_as_of(tmp_path) is None
    (tmp_path / "portfolio.json").mkdir()
    assert _portfolio.manifest_as_of(tmp_path) is None  # a folder is not a manifest
    (tmp_path / "portfolio.json").rmdir()
    (tmp_path / "portfolio.json").write_text('{"as_of": "2026-11-22"}')
    assert _portfolio.manifest_as_of(tmp_path) == AS_OF


@pytest.mark.parametrize(
    "text",
    [
        '{"as_of": "soon"}',
        '{"as_of": "2026-11-22", "by": "me"}',
        '{"on": "2026-11-22"}',
        '["2026-11-22"]',
        '{"as_of": 20261122}',
        "{",
        b"\xff".decode("latin-1"),
    ],
)
def test_a_malformed_manifest_is_a_usage_error(tmp_path: pathlib.Path, text: str) -> None:
    path = tmp_path / "portfolio.json"
    path.write_text(text, encoding="latin-1")
    with pytest.raises(_portfolio.PortfolioError) as caught:
        _portfolio.manifest_as_of(tmp_path)
    assert str(caught.value) == f'{path}: expected {{"as_of": "YYYY-MM-DD"}}'


@pytest.fixture
def stray_records(tmp_path: pathlib.Path) -> dict[str, pathlib.Path]:
    """Three customers, one profile given twice and a purchase of a customer with none."""
    _sample.write_portfolio(tmp_path, 3, seed=7, as_of=AS_OF, events=2)
    for table, old, new in (("profiles", "", ""), ("purchases", "c-00001", "c-00009")):
        path = tmp_path / f"{table}.jsonl"
        lines = path.read_text(encoding="utf-8").splitlines()
        lines.append(lines[0].replace(old, new) if old else lines[0])
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return _portfolio.find_tables(tmp_path)


def judge(tables: dict[str, pathlib.Path], *, strict: bool, bad: list[Any]) -> Any:
    return _portfolio.judge_portfolio(
        tables,
        as_of=AS_OF,
        policies=io.Policies(),
        lang="en",
        within=timedelta(days=30),
        tz=None,
        strict=strict,
        on_bad=bad.append,
        on_unreadable=bad.append,
    )


def test_records_of_unprofiled_customers_and_second_profiles_are_bad(
    stray_records: dict[str, pathlib.Path],
) -> None:
    bad: list[io.BadRecord] = []
    portfolio = judge(stray_records, strict=False, bad=bad)
    assert [(b.path, b.line, [str(e) for e in b.errors]) for b in bad] == [
        (
            str(stray_records["profiles"]),
            4,
            [
                (
                    "customer_id: expected one profile per customer (this one is read already),"
                    " got str 'c-00001'"
                )
            ],
        ),
        (
            str(stray_records["purchases"]),
            4,
            ["customer_id: expected a customer of profiles.jsonl, got str 'c-00009'"],
        ),
    ]
    assert (portfolio.records, portfolio.bad) == (11, 2)
    assert [(c.customer_id, c.counts, c.tier) for c in portfolio.customers] == [
        ("c-00001", (1, 0, 1, 0), Tier.SMALL),
        ("c-00002", (0, 0, 1, 0), Tier.SMALL),
        ("c-00003", (2, 0, 1, 0), Tier.VIP),
    ]
    assert portfolio.values == {"c-00001": D(1194), "c-00002": D(1194), "c-00003": D(5200)}
    first = portfolio.customers[0]
    assert portfolio.tier_reason(first, "en").startswith("rank 2 of 3 by value, tied with 1 more")
    assert portfolio.tier_reason(first, "zh").startswith("按价值排名第2/3")


def test_strict_reading_stops_at_the_first_stray_record(
    stray_records: dict[str, pathlib.Path],
) -> None:
    bad: list[io.BadRecord] = []
    with pytest.raises(InvalidInputError) as caught:
        judge(stray_records, strict=True, bad=bad)
    where = f"{stray_records['profiles']}:4: customer_id"
    assert str(caught.value) == (
        f"{where}: expected one profile per customer (this one is read already), got str 'c-00001'"
    )
    assert caught.value.field == where
    assert bad == []


def test_without_profiles_every_customer_with_records_is_judged(
    stray_records: dict[str, pathlib.Path],
) -> None:
    tables = {table: path for table, path in stray_records.items() if table != "profiles"}
    bad: list[io.BadRecord] = []
    portfolio = judge(tables, strict=True, bad=bad)
    assert bad == []
    assert [c.customer_id for c in portfolio.customers] == [
        "c-00001",
        "c-00002",
        "c-00003",
        "c-00009",
    ]
    assert portfolio.records == 7


def test_a_tier_reason_follows_the_portfolios_own_tier_policy(tmp_path: pathlib.Path) -> None:
    _sample.write_portfolio(tmp_path, 3, seed=7, as_of=AS_OF, events=2)
    problems: list[object] = []
    portfolio = _portfolio.judge_portfolio(
        _portfolio.find_tables(tmp_path),
        as_of=AS_OF,
        policies=io.Policies(tiers=TierPolicy(shares=QUARTERS)),
        lang="en",
        within=timedelta(days=30),
        tz=None,
        strict=True,
        on_bad=problems.append,
        on_unreadable=problems.append,
    )
    assert problems == []
    assert [portfolio.tier_reason(c, "en") for c in portfolio.customers] == [
        (
            "rank 2 of 3 by value, tied with 1 more down to rank 3, 33% of customers above:"
            " ordinary (the top 75% by head count; ordinary from 1194)"
        ),
    ] * 2 + [
        (
            "rank 1 of 3 by value, 0% of customers above:"
            " vip (the top 25% by head count; vip from 5200)"
        )
    ]


@pytest.mark.parametrize(
    ("r", "f", "m", "cells"),
    [
        ((2, 3), (1, 1), (4, 5), [(2, 1, 4), (2, 1, 5), (3, 1, 4), (3, 1, 5)]),
        ((1, 1), (2, 3), (1, 1), [(1, 2, 1), (1, 3, 1)]),
        ((5, 5), (5, 5), (5, 5), [(5, 5, 5)]),
    ],
)
def test_the_cells_of_a_box_in_r_f_m_order(
    r: tuple[int, int], f: tuple[int, int], m: tuple[int, int], cells: list[tuple[int, int, int]]
) -> None:
    assert list(box(r, f, m).cells()) == cells


def test_the_default_segment_boxes_hold_125_cells() -> None:
    from custrel.tiering import DEFAULT_RFM_SEGMENTS  # noqa: PLC0415 - beside its only use

    cells = [cell for s in DEFAULT_RFM_SEGMENTS.segments for b in s.boxes for cell in b.cells()]
    assert sorted(cells) == [
        (r, f, m) for r in range(1, 6) for f in range(1, 6) for m in range(1, 6)
    ]


def test_a_segment_map_may_hold_200_boxes() -> None:
    halves = [(1, 50), (51, 100)]
    rows = [box((r, r), f, (1, 100)) for r in range(1, 101) for f in halves]
    policy = RfmSegmentPolicy(
        bins=100, segments=(segment("low", *rows[:150]), segment("high", *rows[150:]))
    )
    assert sum(len(s.boxes) for s in policy.segments) == 200


def test_boxes_touching_at_the_edge_of_a_range_overlap() -> None:
    side = segment("side", box((3, 3), (1, 3), (1, 3)))
    row = segment("row", box((1, 3), (1, 1), (1, 1)))
    with pytest.raises(PolicyError) as caught:
        RfmSegmentPolicy(bins=3, segments=(side, row))
    assert caught.value.value == ["(3, 1, 1) in 'side' and 'row'"]


def test_refunds_add_up() -> None:
    refunds = [line(2, 40, refund=True), line(3, 15, refund=True), line(1, 100)]
    v = ValueIndicators.from_purchases(refunds, as_of=AS_OF)
    assert (v.refunded, v.total_amount, v.transactions) == (D(55), D(45), 1)


@pytest.mark.parametrize("value", [0, D("-0"), D("0.00"), -1])
def test_no_value_is_small_whatever_the_cuts(value: Decimal | int) -> None:
    """Rule T2 (decision): a value of 0 or less is small even under cuts at or below 0."""
    low = cuts_with(vip=D(-5), major=D(-10), ordinary=D(-20))
    assert low.tier_of(value) is Tier.SMALL
    assert retier(value, previous=Tier.SMALL, cuts=low, band=0) is Tier.SMALL


def test_a_policy_weighing_nothing_shows_the_first_weight_as_given() -> None:
    with pytest.raises(PolicyError) as caught:
        LoyaltyPolicy(
            repeat_weight=D("0.0"),
            choosing_weight=0,
            price_weight=0,
            competitor_weight=0,
            tolerance_weight=0,
            spend_weight=D("0.00"),
        )
    assert str(caught.value) == (
        "LoyaltyPolicy.repeat_weight: expected at least one weight above 0,"
        " got Decimal Decimal('0.0'); every weight of the policy is 0"
    )


@pytest.mark.parametrize(
    ("days", "interval"),
    [([1], None), ([1, 11], 10.0), ([1, 11, 4], 5.0), ([3, 3], 0.0)],
)
def test_the_average_interval_needs_two_orders(days: list[int], interval: float | None) -> None:
    v = ValueIndicators.from_purchases([line(day, 10) for day in days], as_of=AS_OF)
    assert v.average_interval_days == interval
