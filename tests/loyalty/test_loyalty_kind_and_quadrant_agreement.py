"""Rules Y2 and Y3 together: a loyalty type that its quadrant contradicts."""

import attrs
import pytest

from custrel.errors import InvalidInputError
from custrel.loyalty import (
    LoyaltyConflict,
    LoyaltyKind,
    LoyaltyQuadrant,
    loyalty_consistency,
)

K = LoyaltyKind
Q = LoyaltyQuadrant

# Every kind (and no kind) against every quadrant: True where they disagree.
TABLE = [
    (K.MONOPOLY, Q.TRUE, True),
    (K.MONOPOLY, Q.LATENT, False),
    (K.MONOPOLY, Q.SPURIOUS, False),
    (K.MONOPOLY, Q.NONE, False),
    (K.INERTIA, Q.TRUE, True),
    (K.INERTIA, Q.LATENT, False),
    (K.INERTIA, Q.SPURIOUS, False),
    (K.INERTIA, Q.NONE, False),
    (K.PRICE, Q.TRUE, True),
    (K.PRICE, Q.LATENT, False),
    (K.PRICE, Q.SPURIOUS, False),
    (K.PRICE, Q.NONE, False),
    (K.INCENTIVE, Q.TRUE, True),
    (K.INCENTIVE, Q.LATENT, False),
    (K.INCENTIVE, Q.SPURIOUS, False),
    (K.INCENTIVE, Q.NONE, False),
    (K.PREMIUM, Q.TRUE, False),
    (K.PREMIUM, Q.LATENT, False),
    (K.PREMIUM, Q.SPURIOUS, True),
    (K.PREMIUM, Q.NONE, False),
    (None, Q.TRUE, False),
    (None, Q.LATENT, False),
    (None, Q.SPURIOUS, False),
    (None, Q.NONE, False),
]


@pytest.mark.parametrize(("kind", "quadrant", "disagree"), TABLE)
def test_y2_y3_the_weaker_kinds_disagree_with_true_and_premium_with_spurious(
    kind: LoyaltyKind | None, quadrant: LoyaltyQuadrant, disagree: bool
) -> None:
    conflict = loyalty_consistency(kind, quadrant)
    assert (conflict is not None) is disagree
    if conflict is not None:
        assert (conflict.kind, conflict.quadrant, conflict.rules) == (kind, quadrant, ("Y2", "Y3"))


def test_y2_y3_a_weaker_kind_in_true_loyalty_says_why_in_english_and_chinese() -> None:
    conflict = loyalty_consistency(K.PRICE, Q.TRUE)
    assert conflict == LoyaltyConflict(
        kind=K.PRICE,
        quadrant=Q.TRUE,
        rules=("Y2", "Y3"),
        reason_en=(
            "price loyalty (rule Y2) disagrees with true loyalty (rule Y3): rule Y2 counts"
            " price loyalty as low attachment with high repeat buying, rule Y3 finds high"
            " attachment; check the signals or the attachment figure"
        ),
        reason_zh=(
            "价格忠诚（规则Y2）与真正忠诚（规则Y3）矛盾：规则Y2视价格忠诚为低依恋高重复购买，"
            "规则Y3却判定为高依恋；请核对行为信号或依恋度"
        ),
    )


def test_y2_y3_premium_in_spurious_loyalty_says_why_in_english_and_chinese() -> None:
    conflict = loyalty_consistency(K.PREMIUM, Q.SPURIOUS)
    assert conflict is not None
    assert conflict.reason_en == (
        "premium loyalty (rule Y2) disagrees with spurious loyalty (rule Y3): rule Y2 counts"
        " premium loyalty as high attachment with high repeat buying, rule Y3 finds low"
        " attachment; check the signals or the attachment figure"
    )
    assert conflict.reason_zh == (
        "超值忠诚（规则Y2）与虚假忠诚（规则Y3）矛盾：规则Y2视超值忠诚为高依恋高重复购买，"
        "规则Y3却判定为低依恋；请核对行为信号或依恋度"
    )


@pytest.mark.parametrize(
    ("kind", "quadrant", "field"),
    [
        ("premium", Q.TRUE, "kind"),
        (K.PREMIUM, "true", "quadrant"),
        (K.PREMIUM, None, "quadrant"),
        (Q.TRUE, Q.TRUE, "kind"),
    ],
)
def test_y2_y3_consistency_refuses_what_is_not_a_kind_and_a_quadrant(
    kind: object, quadrant: object, field: str
) -> None:
    with pytest.raises(InvalidInputError) as info:
        loyalty_consistency(kind, quadrant)  # type: ignore[arg-type]
    assert info.value.field == field


@pytest.mark.parametrize(("kind", "quadrant"), [(k, q) for k, q, d in TABLE if k and not d])
def test_y2_y3_a_conflict_of_an_agreeing_pair_is_refused(
    kind: LoyaltyKind, quadrant: LoyaltyQuadrant
) -> None:
    with pytest.raises(InvalidInputError) as info:
        LoyaltyConflict(
            kind=kind, quadrant=quadrant, rules=("Y2", "Y3"), reason_en="x", reason_zh="x"
        )
    assert info.value.field == "LoyaltyConflict.quadrant"
    assert info.value.expected == f"a quadrant that disagrees with {kind.value}"


def test_y2_y3_a_conflict_checks_its_fields() -> None:
    conflict = loyalty_consistency(K.INERTIA, Q.TRUE)
    assert conflict is not None
    with pytest.raises(InvalidInputError) as info:
        attrs.evolve(conflict, reason_zh=None)  # type: ignore[arg-type]
    assert info.value.field == "LoyaltyConflict.reason_zh"
