"""Rules T1, T2: the values the pyramid takes, its cuts, the order of tiers, and its independence
of the decimal context.
"""

from collections.abc import Callable, Mapping
from decimal import ROUND_DOWN, ROUND_UP, Decimal, localcontext
from types import MappingProxyType

import pytest

from custrel.errors import InvalidInputError
from custrel.tiering import Tier, TierCuts, TierMode, TierPolicy, retier, tier_portfolio
from tests._tier_samples import QUARTERS, cuts, cuts_with
from tests._values import D


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
            (D(10), D(10), D(10)),
            4,
            id="one block too big for any tier is the top: VIP (rule T1)",
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


@pytest.mark.parametrize("value", [0, D("-0"), D("0.00"), -1])
def test_no_value_is_small_whatever_the_cuts(value: Decimal | int) -> None:
    """Rule T2 (decision): a value of 0 or less is small even under cuts at or below 0."""
    low = cuts_with(vip=D(-5), major=D(-10), ordinary=D(-20))
    assert low.tier_of(value) is Tier.SMALL
    assert retier(value, previous=Tier.SMALL, cuts=low, band=0) is Tier.SMALL
