"""Every refusal of the working-day counts, calendars, occasions, tier actions and grading
horizons, word for word.

Each call names the field, what was expected, the value given and the hint.
"""

from collections.abc import Callable

import pytest

from custrel.errors import InvalidInputError
from tests.cadence._occasion_refusal_table import OCCASION_REFUSALS
from tests.cadence._working_calendar_refusal_table import WORKING_CALENDAR_REFUSALS
from tests.grading._horizon_refusal_table import HORIZON_REFUSALS
from tests.tiering._tier_action_refusal_table import TIER_ACTION_REFUSALS

# Every refusal, word for word -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("call", "kind", "message", "field", "hint"),
    WORKING_CALENDAR_REFUSALS + TIER_ACTION_REFUSALS + OCCASION_REFUSALS + HORIZON_REFUSALS,
)
def test_refusals_name_the_field_the_expectation_the_value_and_the_hint(
    call: Callable[[], object], kind: type[InvalidInputError], message: str, field: str, hint: str
) -> None:
    with pytest.raises(kind) as caught:
        call()
    assert type(caught.value) is kind
    assert str(caught.value) == message
    assert caught.value.field == field
    assert caught.value.hint == hint
