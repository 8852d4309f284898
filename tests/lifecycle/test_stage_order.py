"""Rule L1 (decision): lifecycle stages have no order; comparing them raises."""

import operator
from collections.abc import Callable

import pytest
from hypothesis import given
from hypothesis import strategies as st

from custrel.lifecycle import Stage

MESSAGE = (
    "lifecycle stages have no order (rule L1); compare them with ==,"
    " or rank them by an explicit order such as highest_stage's"
)
ORDERS = [operator.lt, operator.le, operator.gt, operator.ge]


def test_max_of_two_stages_raises_instead_of_comparing_alphabetically() -> None:
    """``max(Stage.NEW, Stage.GROWING)`` was ``'new'`` (alphabetical); now it raises."""
    with pytest.raises(TypeError) as raised:
        max(Stage.NEW, Stage.GROWING)
    assert str(raised.value) == MESSAGE


@pytest.mark.parametrize("compare", ORDERS)
@given(left=st.sampled_from(Stage), right=st.sampled_from(Stage))
def test_no_two_stages_compare_for_order(
    compare: Callable[[object, object], bool], left: Stage, right: Stage
) -> None:
    """Every order comparison between stages raises, the same stage included."""
    with pytest.raises(TypeError, match="have no order"):
        compare(left, right)


@pytest.mark.parametrize("compare", ORDERS)
@given(stage=st.sampled_from(Stage), text=st.text())
def test_a_stage_and_a_string_do_not_compare_for_order(
    compare: Callable[[object, object], bool], stage: Stage, text: str
) -> None:
    """On either side of a plain string, a stage still refuses to be ordered."""
    with pytest.raises(TypeError, match="have no order"):
        compare(stage, text)
    with pytest.raises(TypeError, match="have no order"):
        compare(text, stage)


@given(stage=st.sampled_from(Stage))
def test_a_stage_still_equals_its_stored_string(stage: Stage) -> None:
    """The StrEnum values are unchanged: equality and hashing match the string."""
    assert stage == stage.value
    assert hash(stage) == hash(stage.value)
    assert Stage(stage.value) is stage
