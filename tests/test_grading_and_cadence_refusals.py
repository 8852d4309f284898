"""Rule P7: grading, cadence, the pool, records and assignment refuse bad input naming the field,
the expectation and the value.
"""

from collections.abc import Callable

import pytest

from custrel.errors import InvalidInputError
from tests.cadence._assignment_refusal_table import ASSIGNMENT_ERRORS
from tests.cadence._cadence_refusal_table import CADENCE_ERRORS
from tests.cadence._pool_record_refusal_table import POOL_ERRORS, RECORD_ERRORS
from tests.grading._refusal_table import GRADING_ERRORS


@pytest.mark.parametrize(
    ("call", "kind", "message", "field", "hint"),
    GRADING_ERRORS + CADENCE_ERRORS + POOL_ERRORS + RECORD_ERRORS + ASSIGNMENT_ERRORS,
)
def test_bad_input_is_refused_with_field_expectation_and_value(
    call: Callable[[], object],
    kind: type[InvalidInputError],
    message: str,
    field: str,
    hint: str,
) -> None:
    """Rule P7: the message names the field, what was expected and the value given."""
    with pytest.raises(InvalidInputError) as caught:
        call()
    assert type(caught.value) is kind
    assert str(caught.value) == message
    assert caught.value.field == field
    assert caught.value.hint == hint
