"""Stages compare by standing, not alphabetically (rules L1, L4, decision)."""

from __future__ import annotations

import pytest

from custrel.lifecycle import Stage

STANDING = [
    Stage.PROSPECT,
    Stage.LAPSED,
    Stage.AT_RISK,
    Stage.NEW,
    Stage.WON_BACK,
    Stage.ACTIVE,
    Stage.GROWING,
]


def test_sorted_stages_run_from_no_relationship_to_a_growing_one() -> None:
    assert sorted(Stage) == STANDING
    assert sorted(Stage, reverse=True) == STANDING[::-1]


def test_the_development_path_keeps_its_order() -> None:
    """Rule L1: PROSPECT < NEW < ACTIVE < GROWING, as highest_stage measures it."""
    assert Stage.PROSPECT < Stage.NEW < Stage.ACTIVE < Stage.GROWING


@pytest.mark.parametrize(
    ("a", "b", "best"),
    [
        pytest.param(Stage.NEW, Stage.GROWING, Stage.GROWING, id="new < growing"),
        pytest.param(Stage.ACTIVE, Stage.NEW, Stage.ACTIVE, id="new < active"),
        pytest.param(Stage.AT_RISK, Stage.NEW, Stage.NEW, id="at risk < new"),
        pytest.param(Stage.LAPSED, Stage.AT_RISK, Stage.AT_RISK, id="lapsed < at risk"),
        pytest.param(Stage.PROSPECT, Stage.LAPSED, Stage.LAPSED, id="prospect < lapsed"),
        pytest.param(Stage.WON_BACK, Stage.NEW, Stage.WON_BACK, id="new < won back"),
        pytest.param(Stage.WON_BACK, Stage.ACTIVE, Stage.ACTIVE, id="won back < active"),
        pytest.param(Stage.GROWING, Stage.GROWING, Stage.GROWING, id="equal"),
    ],
)
def test_max_and_min_follow_the_order_of_standing(a: Stage, b: Stage, best: Stage) -> None:
    worst = b if best is a else a
    assert (max(a, b), max(b, a)) == (best, best)
    assert (min(a, b), min(b, a)) == (worst, worst)


def test_values_are_unchanged_and_still_equal_their_strings() -> None:
    assert [s.value for s in Stage] == [
        "prospect",
        "new",
        "active",
        "growing",
        "at_risk",
        "lapsed",
        "won_back",
    ]
    stored: str = "new"
    assert stored == Stage.NEW
    by_text: dict[str, int] = {Stage.NEW: 1}
    assert by_text[stored] == 1


@pytest.mark.parametrize(
    ("compare", "operator"),
    [
        pytest.param(lambda: Stage.NEW < "z", "<", id="<"),
        pytest.param(lambda: Stage.NEW <= "z", "<=", id="<="),
        pytest.param(lambda: Stage.NEW > "a", ">", id=">"),
        pytest.param(lambda: Stage.NEW >= "a", ">=", id=">="),
        pytest.param(lambda: Stage.NEW < 1, "<", id="an int"),
    ],
)
def test_a_stage_never_compares_with_a_plain_value(compare: object, operator: str) -> None:
    """Rule L1 (decision): the alphabetical answer of ``str`` is refused, not given."""
    with pytest.raises(TypeError) as info:
        compare()  # type: ignore[operator]
    assert str(info.value).startswith(f"'{operator}' not supported between instances of 'Stage'")
