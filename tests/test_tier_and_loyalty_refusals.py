"""The pyramid, RFM, value, NPS and scoring refuse bad input naming the field, the expectation,
the value and the hint.
"""

from collections.abc import Callable
from typing import Any

import pytest

from custrel.errors import InvalidInputError
from tests._tier_samples import Case
from tests.loyalty._nps_scoring_refusal_table import NPS, SCORING
from tests.tiering._pyramid_refusal_table import PYRAMID
from tests.tiering._rfm_refusal_table import RFM
from tests.tiering._value_refusal_table import VALUE


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
