"""The refusals of upcoming_occasions (rule C2), word for word: (call, error class, whole
message, field, hint).
"""

from datetime import date, timedelta

import pytest

from custrel.cadence import upcoming_occasions
from custrel.errors import InvalidInputError
from custrel.models import CustomerProfile, Person
from tests.cadence._calendar_samples import D

PROFILE = CustomerProfile(
    customer_id="c-1", person=Person(name="Wang Fang"), created_on=date(2026, 1, 1)
)

OCCASION_REFUSALS = [
    pytest.param(
        lambda: upcoming_occasions("c-1", as_of=D, within=timedelta(days=1)),  # type: ignore[arg-type]
        InvalidInputError,
        "profile: expected a CustomerProfile, got str 'c-1'",
        "profile",
        "",
        id="occ-profile",
    ),
    pytest.param(
        lambda: upcoming_occasions(PROFILE, as_of="2026-11-20", within=timedelta(days=1)),  # type: ignore[arg-type]
        InvalidInputError,
        "as_of: expected a date, got str '2026-11-20'",
        "as_of",
        "",
        id="occ-as_of",
    ),
    pytest.param(
        lambda: upcoming_occasions(PROFILE, as_of=D, within=7),  # type: ignore[arg-type]
        InvalidInputError,
        "within: expected a timedelta of zero or more whole days, got int 7",
        "within",
        "",
        id="occ-within-int",
    ),
    pytest.param(
        lambda: upcoming_occasions(PROFILE, as_of=D, within=timedelta(days=-1)),
        InvalidInputError,
        (
            "within: expected a timedelta of zero or more whole days, got timedelta "
            "datetime.timedelta(days=-1)"
        ),
        "within",
        "",
        id="occ-within-negative",
    ),
    pytest.param(
        lambda: upcoming_occasions(PROFILE, as_of=D, within=timedelta(hours=36)),
        InvalidInputError,
        (
            "within: expected a timedelta of zero or more whole days, got timedelta "
            "datetime.timedelta(days=1, seconds=43200)"
        ),
        "within",
        "",
        id="occ-within-hours",
    ),
    pytest.param(
        lambda: upcoming_occasions(PROFILE, as_of=D, within=timedelta(days=999_999_999)),
        InvalidInputError,
        (
            f"within: expected a window ending by 9999-12-31: at most {(date.max - D).days:,}"
            " days, got timedelta datetime.timedelta(days=999999999)"
        ),
        "within",
        "",
        id="occ-within-past-the-calendar",
    ),
]
