"""The prepared tier explainer gives exactly the explanation of a full pass (rules T1, T2).

``tier_explainer`` ranks a portfolio once and explains each customer with a binary
search; ``_one_pass`` below is the former ``explain_tier``, kept here as the
reference: it looks at every value again for each customer.
"""

from __future__ import annotations

from decimal import Decimal, localcontext
from typing import TYPE_CHECKING

import pytest
from hypothesis import given
from hypothesis import strategies as st

from custrel import _checks as c
from custrel.errors import InvalidInputError
from custrel.labels import label
from custrel.tiering import Tier, TierExplanation, TierMode, TierPolicy, explain_tier
from custrel.tiering._explain import tier_explainer
from custrel.tiering._pyramid import _portfolio, _tier

if TYPE_CHECKING:
    from collections.abc import Mapping


def _one_pass(
    customer_id: str, values: Mapping[str, Decimal | int], policy: TierPolicy
) -> TierExplanation:
    checked, floors = _portfolio(values, policy)
    assert floors is not None
    value = checked[customer_id]
    tier = _tier(value, *floors)
    n = len(checked)
    above = [v for v in checked.values() if v > value]
    tied = sum(1 for v in checked.values() if v == value)
    with localcontext(c.CONTEXT):
        if policy.mode is TierMode.HEAD_COUNT:
            share = Decimal(len(above)) / n
            basis_en, basis_zh = "of customers", "的客户"
        else:
            total = Decimal(sum(checked.values(), Decimal(0)))
            share = Decimal(sum(above, Decimal(0))) / total if total else Decimal(0)
            basis_en, basis_zh = "of the value", "的价值"
    cut = dict(zip((Tier.VIP, Tier.MAJOR, Tier.ORDINARY), floors, strict=True)).get(tier)
    floor = Decimal(
        min(v for v in checked.values() if _tier(v, *floors) is tier) if cut is None else cut
    )
    rank = len(above) + 1
    name_zh = label(tier, "zh")
    if value <= 0:
        reason_en = f"no value ({value}): small, whatever the rank"
        reason_zh = f"无价值（{value}）：{name_zh}，不论排名"
    else:
        upto = dict(zip(Tier, (*policy.cumulative, Decimal(1)), strict=True))[tier]
        mode_en = "head count" if policy.mode is TierMode.HEAD_COUNT else "value"
        mode_zh = "按客户数" if policy.mode is TierMode.HEAD_COUNT else "按价值"
        with localcontext(c.CONTEXT):
            percent, top = f"{share * 100:.0f}%", f"{upto * 100:.0f}%"
        last = rank + tied - 1
        tie_en = f", tied with {tied - 1} more down to rank {last}" if tied > 1 else ""
        tie_zh = f"，与另外{tied - 1}位并列至第{last}名" if tied > 1 else ""
        reason_en = (
            f"rank {rank} of {n} by value{tie_en}, {percent} {basis_en} above: {tier.value}"
            f" (the top {top} by {mode_en}; {tier.value} from {floor})"
        )
        reason_zh = (
            f"按价值排名第{rank}/{n}{tie_zh}，高于该客户{basis_zh}占{percent}：{name_zh}"
            f"（{mode_zh}前{top}；{name_zh}下限 {floor}）"
        )
    return TierExplanation(
        tier=tier,
        rank=rank,
        tied=tied,
        customers=n,
        share_above=share,
        cut=floor,
        reason_en=reason_en,
        reason_zh=reason_zh,
    )


# Money as a portfolio holds it: cents, ints, a few values repeated (ties), 0 and
# losses; 5.0 and 5 both, to see that the cut is written as the pyramid placed it.
_MONEY: st.SearchStrategy[Decimal | int] = st.one_of(
    st.integers(-1_000, 1_000),
    st.decimals(
        min_value=Decimal(-10000),
        max_value=Decimal(10000),
        places=2,
        allow_nan=False,
        allow_infinity=False,
    ),
    st.sampled_from([0, Decimal(0), Decimal("5.0"), Decimal(5), 5, Decimal("0.01")]),
)


@st.composite
def _portfolios(draw: st.DrawFn) -> tuple[dict[str, Decimal | int], TierPolicy]:
    mode = draw(st.sampled_from(TierMode))
    pool: list[Decimal | int] = draw(st.lists(_MONEY, min_size=1, max_size=8))
    chosen: list[Decimal | int] = draw(st.lists(st.sampled_from(pool), min_size=1, max_size=40))
    if mode is TierMode.VALUE_SHARE:  # value share takes no loss
        chosen = [-v if v < 0 else v for v in chosen]
    values = {f"c-{i}": v for i, v in enumerate(chosen)}
    return values, TierPolicy(mode=mode)


@given(_portfolios())
def test_the_prepared_explainer_gives_the_full_pass_explanation(
    portfolio: tuple[dict[str, Decimal | int], TierPolicy],
) -> None:
    values, policy = portfolio
    explain = tier_explainer(values, policy=policy)
    for customer_id in values:
        expected = _one_pass(customer_id, values, policy)
        assert explain(customer_id) == expected
        assert explain_tier(customer_id, values=values, policy=policy) == expected


def test_the_prepared_explainer_refuses_an_empty_portfolio_and_an_unknown_customer() -> None:
    with pytest.raises(InvalidInputError, match="at least one customer"):
        tier_explainer({})
    explain = tier_explainer({"c-1": 1})
    with pytest.raises(InvalidInputError, match="present in values"):
        explain("c-2")
    with pytest.raises(InvalidInputError, match="customer_id"):
        explain(" ")


@pytest.mark.parametrize(
    ("call", "field", "message"),
    [
        (
            lambda: tier_explainer({}),
            "values",
            "values: expected a mapping with at least one customer, got dict {}",
        ),
        (
            lambda: tier_explainer({"c-1": 5})("c-9"),
            "customer_id",
            "customer_id: expected a customer id present in values, got str 'c-9'",
        ),
        (
            lambda: tier_explainer({"c-1": 5})(" "),
            "customer_id",
            "customer_id: expected a non-blank string, got str ' '",
        ),
    ],
)
def test_the_prepared_explainer_refuses_whole(call: object, field: str, message: str) -> None:
    with pytest.raises(InvalidInputError) as info:
        call()  # type: ignore[operator]
    assert (info.value.field, str(info.value)) == (field, message)
    assert info.value.value is not None
