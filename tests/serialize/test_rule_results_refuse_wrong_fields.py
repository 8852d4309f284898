"""Rule results and explanations check what they hold, as data from outside must be: each wrong
field is refused by name.
"""

from datetime import date
from typing import Any

import attrs
import pytest
from dateutil.relativedelta import relativedelta

import custrel
from custrel.errors import InvalidInputError
from custrel.grading import GradingPolicy
from custrel.lifecycle import Stage
from custrel.loyalty import LoyaltyMeasure, LoyaltyMeasures, explain_loyalty
from custrel.models import Relation
from tests._values import D
from tests.serialize._refused_results import _REFUSED
from tests.serialize._rule_results import (
    ACTIVE,
    BIRTHDAY,
    BOUND,
    CUSTOMER_STAGE,
    LAPSED,
    PART,
    SERIOUS,
    TIER_WHY,
    WEDDING,
)


@pytest.mark.parametrize(
    ("result", "changes", "message"),
    _REFUSED,
    ids=[
        f"{type(result).__name__}-{'-'.join(changes)}-{index}"
        for index, (result, changes, _) in enumerate(_REFUSED)
    ],
)
def test_a_wrong_field_is_refused_by_name(
    result: Any, changes: dict[str, Any], message: str
) -> None:
    with pytest.raises(InvalidInputError) as caught:
        attrs.evolve(result, **changes)
    assert str(caught.value) == message


def test_a_masked_original_never_shows() -> None:
    with pytest.raises(InvalidInputError) as caught:
        custrel.from_dict(
            custrel.UpcomingOccasion,
            {**custrel.to_dict(BIRTHDAY), "original": "0999-02-28"},
        )
    assert str(caught.value) == (
        "original: expected a date from 1000-01-01 to 8999-12-31, got date (hidden)"
    )
    assert caught.value.personal


@pytest.mark.parametrize(
    ("result", "changes", "fields"),
    [
        (BOUND, {"as_of": "someday", "a_until": 5}, {"as_of", "a_until"}),
        (SERIOUS, {"handler": "boss", "visit_by": None}, {"handler", "visit_by"}),
        (ACTIVE, {"days_silent": -1, "horizon_days": 0}, {"days_silent", "horizon_days"}),
        (PART, {"points": "2", "weight": "-1"}, {"points", "weight"}),
        (TIER_WHY, {"rank": 0, "share_above": "2"}, {"rank", "share_above"}),
        (BIRTHDAY, {"kind": "party", "number": -1}, {"kind", "number"}),
    ],
    ids=lambda value: type(value).__name__ if attrs.has(type(value)) else "",
)
def test_every_wrong_field_of_a_document_is_reported(
    result: Any, changes: dict[str, Any], fields: set[str]
) -> None:
    with pytest.raises(InvalidInputError) as caught:
        custrel.from_dict(type(result), {**custrel.to_dict(result), **changes})
    assert {error.field for error in caught.value.errors} == fields


@pytest.mark.parametrize(
    ("result", "changes"),
    [
        (CUSTOMER_STAGE, {"stage": Stage.LAPSED, "highest": Stage.NEW}),
        (CUSTOMER_STAGE, {"stage": Stage.WON_BACK, "highest": Stage.GROWING}),
        (CUSTOMER_STAGE, {"stage": Stage.PROSPECT, "highest": Stage.PROSPECT}),
        (CUSTOMER_STAGE, {"stage": Stage.NEW, "highest": Stage.NEW}),
        (ACTIVE, {"median_interval_days": D("30.5")}),
        (ACTIVE, {"days_silent": 180}),
        (LAPSED, {"days_silent": 181}),
        (ACTIVE, {"median_interval_days": D(1)}),
        (ACTIVE, {"median_interval_days": D(10**9)}),
        (ACTIVE, {"median_interval_days": None}),
        (PART, {"points": D(0), "weight": D(1), "contribution": D(0)}),
        (TIER_WHY, {"rank": 1, "tied": 3, "share_above": D(0)}),
        (TIER_WHY, {"share_above": D(1)}),
        (WEDDING, {"relation": Relation.SPOUSE, "whose": "self"}),
    ],
    ids=lambda value: type(value).__name__ if attrs.has(type(value)) else "",
)
def test_results_at_the_edges_of_their_promises_are_taken(
    result: Any, changes: dict[str, Any]
) -> None:
    changed = attrs.evolve(result, **changes)
    assert custrel.loads(type(changed), custrel.dumps(changed)) == changed


def test_a_loyalty_explanation_of_every_measure_misses_none() -> None:
    every = explain_loyalty(
        LoyaltyMeasures(
            repeat_purchases=3,
            choosing_days=2,
            price_sensitivity=D("0.5"),
            competitor_interest=D("0.5"),
            quality_tolerance=D("0.5"),
            spend=100,
        )
    )
    assert every.missing == ()
    with pytest.raises(InvalidInputError) as caught:
        attrs.evolve(every, missing=(LoyaltyMeasure.SPEND,))
    assert str(caught.value) == (
        "LoyaltyExplanation.missing: expected the measures without a contribution, in order"
        " (none), got tuple (<LoyaltyMeasure.SPEND: 'spend'>,)"
    )


@pytest.mark.parametrize("day", [date(1000, 1, 1), date(8999, 12, 31)], ids=str)
def test_cut_offs_past_the_bounds_of_a_day_given_load(day: date) -> None:
    """A cut-off up to 100 years from ``as_of`` may pass 1000-01-01 or 8999-12-31."""
    century = relativedelta(years=100)
    far = GradingPolicy(
        horizons=(relativedelta(months=1), relativedelta(months=3), century),
        overdue_grace=century,
    )
    bound = far.at(day)
    assert custrel.loads(type(bound), custrel.dumps(bound)) == bound
