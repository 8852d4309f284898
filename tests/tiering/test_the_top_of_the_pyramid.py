"""Rule T1: the customers of the highest positive value are VIP, however many tie there."""

from __future__ import annotations

from decimal import Decimal

import polars as pl
import pytest

from custrel import frames
from custrel.tiering import (
    Tier,
    TierAction,
    TierCuts,
    TierMode,
    TierPolicy,
    tier_action,
    tier_portfolio,
)

V, M, OR, S = Tier.VIP, Tier.MAJOR, Tier.ORDINARY, Tier.SMALL
VALUE_SHARE = TierPolicy(mode=TierMode.VALUE_SHARE)


def _ranked(*values: int) -> dict[str, int]:
    return {f"c-{i:03d}": v for i, v in enumerate(values)}


@pytest.mark.parametrize(
    ("values", "policy", "tiers"),
    [
        pytest.param({}, TierPolicy(), [], id="empty portfolio: no tiers"),
        pytest.param(_ranked(1), TierPolicy(), [V], id="one customer worth 1: VIP"),
        pytest.param(_ranked(0), TierPolicy(), [S], id="one customer worth 0: small"),
        pytest.param(_ranked(-1), TierPolicy(), [S], id="one customer worth -1: small"),
        pytest.param(_ranked(5, 5), TierPolicy(), [V, V], id="two tied: both VIP"),
        pytest.param(_ranked(5, 4), TierPolicy(), [V, S], id="two distinct: VIP, small"),
        pytest.param(_ranked(5, 5, 5), TierPolicy(), [V, V, V], id="all equal: all VIP"),
        pytest.param(_ranked(0, 0, 0), TierPolicy(), [S, S, S], id="all worth 0: all small"),
        pytest.param(_ranked(0, 0, -2), TierPolicy(), [S, S, S], id="top worth 0: small"),
        pytest.param(_ranked(1, 1, 0), TierPolicy(), [V, V, S], id="top worth 1 tied: VIP"),
        pytest.param(
            _ranked(3, 3, 2, 1), TierPolicy(), [V, V, S, S], id="top tie, then the places"
        ),
        pytest.param(
            _ranked(3, 2, 2, 1), TierPolicy(), [V, S, S, S], id="a lower tie keeps its rule"
        ),
        pytest.param(
            _ranked(4, 4, 3, 2, 1, 1), TierPolicy(), [V, V, OR, S, S, S], id="top tie, ordinary"
        ),
        pytest.param(_ranked(9, 9, 1), VALUE_SHARE, [V, V, S], id="value share: top tie VIP"),
        pytest.param(_ranked(4, 4, 4), VALUE_SHARE, [V, V, V], id="value share: all equal"),
    ],
)
def test_rule_t1_the_highest_positive_value_is_vip(
    values: dict[str, int], policy: TierPolicy, tiers: list[Tier]
) -> None:
    """Rule T1 at each boundary: 0 and below stay small, the top block is VIP, ties tie."""
    assert list(tier_portfolio(values, policy=policy).values()) == tiers
    if values:
        cuts = TierCuts.from_values(values, policy=policy)
        assert [cuts.tier_of(v) for v in values.values()] == tiers


@pytest.mark.parametrize("tied", [2, 3, 99, 100])
def test_rule_t1_a_tie_at_the_top_of_100_is_all_vip_and_the_rest_keep_their_places(
    tied: int,
) -> None:
    """Rule T1: the top block is VIP; below it, major or better still ends at place 20."""
    values = _ranked(*([500] * tied), *range(100 - tied, 0, -1))
    tiers = list(tier_portfolio(values).values())
    assert tiers[:tied] == [V] * tied
    assert tiers[tied:20] == [M] * max(0, 20 - tied)
    assert tiers[max(tied, 20) : 50] == [OR] * max(0, 50 - max(tied, 20))
    assert tiers[max(tied, 50) :] == [S] * (100 - max(tied, 50))


def test_rule_t1_t4_an_all_equal_portfolio_is_not_priced_out() -> None:
    """Rule T1 (decision): all equal and positive, everyone gets the key-customer treatment."""
    tiers = tier_portfolio({f"c-{i}": Decimal("250.00") for i in range(40)})
    actions = {tier_action(t, upgradeable=False) for t in tiers.values()}
    assert actions == {TierAction.DEDICATED_TEAM}


def test_rule_t1_the_frame_twin_puts_a_tied_top_in_vip() -> None:
    """Rule T1 on dataframes: the same as :func:`tier_portfolio`, cuts included."""
    tied = pl.DataFrame({"value": [100, 100, *range(98, 0, -1)]})
    assert frames.tier_frame(tied)["tier"].to_list()[:3] == ["vip", "vip", "major"]
    cuts = frames.tier_cuts_frame(tied)
    assert (cuts.vip, cuts.major, cuts.ordinary) == (Decimal(100), Decimal(81), Decimal(51))
    equal = pl.DataFrame({"value": [7, 7, 7]})
    assert frames.tier_frame(equal)["tier"].to_list() == ["vip", "vip", "vip"]
    nothing = pl.DataFrame({"value": [0, 0, -1]})
    assert frames.tier_frame(nothing)["tier"].to_list() == ["small", "small", "small"]
    assert frames.tier_cuts_frame(nothing) == TierCuts.from_values(_ranked(0, 0, -1))
