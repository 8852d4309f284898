"""Rule C3: a pool status whose fields disagree is refused whole; its return and warning days at
their edges.
"""

from datetime import date
from typing import Any

import pytest

from custrel.cadence import PoolPolicy, PoolReason, PoolStatus, pool_status
from custrel.errors import InvalidInputError

# The customer pool (rule C3) ----------------------------------------------------------------

NOV_20, NOV_23 = date(2026, 11, 20), date(2026, 11, 23)

# (fields of PoolStatus, field, value, expected): each disagreement, refused whole.
POOL_STATUS_REFUSALS: list[tuple[dict[str, Any], str, object, str]] = [
    (
        {"returns_on": NOV_20, "reason": PoolReason.CLOSED, "warn_from": None},
        "PoolStatus.returns_on",
        NOV_20,
        "None when reason is 'closed'",
    ),
    (
        {"returns_on": None, "reason": PoolReason.CLOSED, "warn_from": NOV_20},
        "PoolStatus.warn_from",
        NOV_20,
        "None when reason is 'closed'",
    ),
    (
        {"returns_on": None, "reason": PoolReason.HARD_CAP, "warn_from": NOV_20},
        "PoolStatus.returns_on",
        None,
        "a date (None only when reason is 'closed')",
    ),
    (
        {"returns_on": NOV_20, "reason": PoolReason.NO_FOLLOW_UP, "warn_from": None},
        "PoolStatus.warn_from",
        None,
        "a date (None only when reason is 'closed')",
    ),
    (
        {
            "returns_on": NOV_20,
            "reason": PoolReason.HARD_CAP,
            "warn_from": NOV_20,
            "warning": True,
            "returned": True,
        },
        "PoolStatus.warning",
        True,
        "False when closed or returned",
    ),
    (
        {"returns_on": None, "reason": PoolReason.CLOSED, "warn_from": None, "warning": True},
        "PoolStatus.warning",
        True,
        "False when closed or returned",
    ),
    (
        {"returns_on": None, "reason": PoolReason.CLOSED, "warn_from": None, "returned": True},
        "PoolStatus.returned",
        True,
        "False when closed",
    ),
    (
        {"returns_on": NOV_20, "reason": PoolReason.NO_FIRST_CONTACT, "warn_from": NOV_23},
        "PoolStatus.warn_from",
        NOV_23,
        "a date on or before returns_on (2026-11-20)",
    ),
]


def _show(value: object) -> str:
    return "NoneType None" if value is None else f"{type(value).__name__} {value!r}"


@pytest.mark.parametrize(("fields", "field", "value", "expected"), POOL_STATUS_REFUSALS)
def test_rule_c3_a_pool_status_whose_fields_disagree_is_refused_whole(
    fields: dict[str, Any], field: str, value: object, expected: str
) -> None:
    given = {"warning": False, "returned": False, **fields}
    with pytest.raises(InvalidInputError) as caught:
        PoolStatus(**given)
    assert str(caught.value) == f"{field}: expected {expected}, got {_show(value)}"
    assert (caught.value.field, caught.value.value, caught.value.expected) == (
        field,
        value,
        expected,
    )
    assert caught.value.hint == ""


def test_rule_c3_a_warning_that_starts_on_the_return_day_is_a_valid_status() -> None:
    status = PoolStatus(
        returns_on=NOV_20,
        reason=PoolReason.NO_FOLLOW_UP,
        warn_from=NOV_20,
        warning=False,
        returned=True,
    )
    assert status.warn_from == status.returns_on == NOV_20


def test_rule_c3_no_warning_days_warns_from_the_return_day_itself() -> None:
    status = pool_status(date(2026, 11, 1), [], as_of=NOV_20, policy=PoolPolicy(warning_days=0))
    assert status == PoolStatus(
        returns_on=date(2026, 11, 9),
        reason=PoolReason.NO_FIRST_CONTACT,
        warn_from=date(2026, 11, 9),
        warning=False,
        returned=True,
    )


def test_rule_c3_a_closed_customer_has_no_return_day_and_no_warning_day() -> None:
    status = pool_status(date(2026, 11, 1), [], as_of=NOV_20, closed=True)
    assert status.warn_from is None
    assert status == PoolStatus(
        returns_on=None, reason=PoolReason.CLOSED, warn_from=None, warning=False, returned=False
    )
