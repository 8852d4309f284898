"""Rule Y1: the loyalty score refuses bad input, message by message, naming the field and the
value.
"""

from collections.abc import Callable
from typing import Any

import pytest

from custrel.errors import InvalidInputError, PolicyError
from custrel.loyalty import (
    LoyaltyMeasure,
    LoyaltyMeasures,
    LoyaltyPolicy,
    SatisfactionPolicy,
    explain_loyalty,
    loyalty_score,
)
from tests._refusal_samples import AT, Refusal, _, assert_refused, gripe, sale
from tests._values import AS_OF, D

NO_LOYALTY_WEIGHT = dict.fromkeys(
    (
        "repeat_weight",
        "choosing_weight",
        "price_weight",
        "competitor_weight",
        "tolerance_weight",
        "spend_weight",
    ),
    0,
)

LOYALTY_SCORE: list[Any] = [
    pytest.param(
        lambda: LoyaltyMeasures(repeat_purchases=-1),
        Refusal(
            InvalidInputError,
            "LoyaltyMeasures.repeat_purchases",
            "LoyaltyMeasures.repeat_purchases: expected an int >= 0 or None, got int -1",
        ),
        id="repeat_purchases_negative",
    ),
    pytest.param(
        lambda: LoyaltyMeasures(repeat_purchases=_(D(2))),
        Refusal(
            InvalidInputError,
            "LoyaltyMeasures.repeat_purchases",
            (
                "LoyaltyMeasures.repeat_purchases: expected an int >= 0 or None, got "
                "Decimal Decimal('2')"
            ),
        ),
        id="repeat_purchases_decimal",
    ),
    pytest.param(
        lambda: LoyaltyMeasures(choosing_days=-1),
        Refusal(
            InvalidInputError,
            "LoyaltyMeasures.choosing_days",
            (
                "LoyaltyMeasures.choosing_days: expected a finite Decimal or int >= 0 or "
                "None, got Decimal Decimal('-1')"
            ),
        ),
        id="choosing_days_negative",
    ),
    pytest.param(
        lambda: LoyaltyMeasures(choosing_days=_(1.5)),
        Refusal(
            InvalidInputError,
            "LoyaltyMeasures.choosing_days",
            (
                "LoyaltyMeasures.choosing_days: expected a finite Decimal or int >= 0 or "
                "None, got float 1.5; pass Decimal('1.5'); floats cannot hold money exactly"
            ),
            "pass Decimal('1.5'); floats cannot hold money exactly",
        ),
        id="choosing_days_float",
    ),
    pytest.param(
        lambda: LoyaltyMeasures(price_sensitivity=D("1.01")),
        Refusal(
            InvalidInputError,
            "LoyaltyMeasures.price_sensitivity",
            (
                "LoyaltyMeasures.price_sensitivity: expected a finite number in 0..1 or "
                "None, got Decimal Decimal('1.01')"
            ),
        ),
        id="price_sensitivity_above_one",
    ),
    pytest.param(
        lambda: LoyaltyMeasures(competitor_interest=_(float("inf"))),
        Refusal(
            InvalidInputError,
            "LoyaltyMeasures.competitor_interest",
            (
                "LoyaltyMeasures.competitor_interest: expected a finite number in 0..1 or "
                "None, got float inf; a ratio must be finite"
            ),
            "a ratio must be finite",
        ),
        id="competitor_interest_float_infinite",
    ),
    pytest.param(
        lambda: LoyaltyMeasures(quality_tolerance=D("NaN")),
        Refusal(
            InvalidInputError,
            "LoyaltyMeasures.quality_tolerance",
            (
                "LoyaltyMeasures.quality_tolerance: expected a finite number in 0..1 or "
                "None, got Decimal Decimal('NaN'); a ratio must be finite"
            ),
            "a ratio must be finite",
        ),
        id="quality_tolerance_nan",
    ),
    pytest.param(
        lambda: LoyaltyMeasures(spend=_(10.5)),
        Refusal(
            InvalidInputError,
            "LoyaltyMeasures.spend",
            (
                "LoyaltyMeasures.spend: expected a finite Decimal or int or None, got float "
                "10.5; pass Decimal('10.5'); floats cannot hold money exactly"
            ),
            "pass Decimal('10.5'); floats cannot hold money exactly",
        ),
        id="spend_float",
    ),
    pytest.param(
        lambda: LoyaltyMeasures(spend=10**15),
        Refusal(
            InvalidInputError,
            "LoyaltyMeasures.spend",
            (
                "LoyaltyMeasures.spend: expected a finite Decimal or int with at most 15 "
                "digits before the point or None, got Decimal Decimal('1000000000000000')"
            ),
        ),
        id="spend_too_big",
    ),
    pytest.param(
        lambda: LoyaltyMeasures.from_purchases([], as_of=_("2026-03-31")),
        Refusal(
            InvalidInputError,
            "as_of",
            "as_of: expected a date, got str '2026-03-31'",
        ),
        id="from_purchases_as_of_wrong",
    ),
    pytest.param(
        lambda: LoyaltyMeasures.from_purchases([], as_of=_(AT)),
        Refusal(
            InvalidInputError,
            "as_of",
            (
                "as_of: expected a date, got datetime datetime.datetime(2026, 11, 20, 9, 0, "
                "tzinfo=datetime.tim...; pass value.date() for the calendar day"
            ),
            "pass value.date() for the calendar day",
        ),
        id="from_purchases_as_of_datetime",
    ),
    pytest.param(
        lambda: LoyaltyMeasures.from_purchases(_(None), as_of=AS_OF),
        Refusal(
            InvalidInputError,
            "purchases",
            "purchases: expected an iterable of Purchase, got NoneType None",
        ),
        id="from_purchases_not_iterable",
    ),
    pytest.param(
        lambda: LoyaltyMeasures.from_purchases(_("tea"), as_of=AS_OF),
        Refusal(
            InvalidInputError,
            "purchases",
            "purchases: expected an iterable of Purchase, got str 'tea'",
        ),
        id="from_purchases_a_string",
    ),
    pytest.param(
        lambda: LoyaltyMeasures.from_purchases(_([sale(), gripe()]), as_of=AS_OF),
        Refusal(
            InvalidInputError,
            "purchases[1]",
            (
                "purchases[1]: expected a Purchase, got Complaint "
                "Complaint(customer_id='c-1', at=datetime.datetime(2026, 1..."
            ),
        ),
        id="from_purchases_item_wrong",
    ),
    pytest.param(
        lambda: LoyaltyMeasures.from_purchases(
            [sale("c-1"), sale("c-1"), sale("c-2")], as_of=AS_OF
        ),
        Refusal(
            InvalidInputError,
            "purchases[2].customer_id",
            (
                "purchases[2].customer_id: expected the customer of the earlier purchases, "
                "'c-1', got str 'c-2'; measure one customer at a time"
            ),
            "measure one customer at a time",
        ),
        id="from_purchases_two_customers",
    ),
    pytest.param(
        lambda: LoyaltyMeasures().get(_("spend")),
        Refusal(
            InvalidInputError,
            "measure",
            (
                "measure: expected a LoyaltyMeasure ('repeat_purchases', 'choosing_days', "
                "'price_sensitivity', 'competitor_interest', 'quality_tolerance', 'spend'), "
                "got str 'spend'; pass LoyaltyMeasure('spend')"
            ),
            "pass LoyaltyMeasure('spend')",
        ),
        id="get_measure_a_string",
    ),
    pytest.param(
        lambda: LoyaltyPolicy().weight(_("spend")),
        Refusal(
            InvalidInputError,
            "measure",
            (
                "measure: expected a LoyaltyMeasure ('repeat_purchases', 'choosing_days', "
                "'price_sensitivity', 'competitor_interest', 'quality_tolerance', 'spend'), "
                "got str 'spend'; pass LoyaltyMeasure('spend')"
            ),
            "pass LoyaltyMeasure('spend')",
        ),
        id="weight_measure_a_string",
    ),
    pytest.param(
        lambda: LoyaltyPolicy().points(_("spend"), 1),
        Refusal(
            InvalidInputError,
            "measure",
            (
                "measure: expected a LoyaltyMeasure ('repeat_purchases', 'choosing_days', "
                "'price_sensitivity', 'competitor_interest', 'quality_tolerance', 'spend'), "
                "got str 'spend'; pass LoyaltyMeasure('spend')"
            ),
            "pass LoyaltyMeasure('spend')",
        ),
        id="points_measure_a_string",
    ),
    pytest.param(
        lambda: LoyaltyPolicy().points(_(None), 1),
        Refusal(
            InvalidInputError,
            "measure",
            (
                "measure: expected a LoyaltyMeasure ('repeat_purchases', 'choosing_days', "
                "'price_sensitivity', 'competitor_interest', 'quality_tolerance', 'spend'), "
                "got NoneType None"
            ),
        ),
        id="points_measure_none",
    ),
    pytest.param(
        lambda: LoyaltyPolicy().points(LoyaltyMeasure.PRICE_SENSITIVITY, 2),
        Refusal(
            InvalidInputError,
            "LoyaltyMeasures.price_sensitivity",
            (
                "LoyaltyMeasures.price_sensitivity: expected a finite number in 0..1 or "
                "None, got Decimal Decimal('2')"
            ),
        ),
        id="points_value_off_range",
    ),
    pytest.param(
        lambda: LoyaltyPolicy().points(LoyaltyMeasure.SPEND, _(1.5)),
        Refusal(
            InvalidInputError,
            "LoyaltyMeasures.spend",
            (
                "LoyaltyMeasures.spend: expected a finite Decimal or int or None, got float "
                "1.5; pass Decimal('1.5'); floats cannot hold money exactly"
            ),
            "pass Decimal('1.5'); floats cannot hold money exactly",
        ),
        id="points_value_float",
    ),
    pytest.param(
        lambda: LoyaltyPolicy().points(LoyaltyMeasure.SPEND, _(None)),
        Refusal(
            InvalidInputError,
            "LoyaltyMeasures.spend",
            "LoyaltyMeasures.spend: expected a known value, got NoneType None",
        ),
        id="points_value_unknown",
    ),
    pytest.param(
        lambda: LoyaltyPolicy().points(LoyaltyMeasure.REPEAT_PURCHASES, _(None)),
        Refusal(
            InvalidInputError,
            "LoyaltyMeasures.repeat_purchases",
            ("LoyaltyMeasures.repeat_purchases: expected a known value, got NoneType None"),
        ),
        id="points_repeats_unknown",
    ),
    pytest.param(
        lambda: LoyaltyPolicy(spend_weight=-1),
        Refusal(
            PolicyError,
            "LoyaltyPolicy.spend_weight",
            (
                "LoyaltyPolicy.spend_weight: expected a finite number >= 0, got Decimal "
                "Decimal('-1')"
            ),
        ),
        id="policy_weight_negative",
    ),
    pytest.param(
        lambda: LoyaltyPolicy(price_weight=_(True)),
        Refusal(
            PolicyError,
            "LoyaltyPolicy.price_weight",
            (
                "LoyaltyPolicy.price_weight: expected a finite number >= 0, got bool True; "
                "True and False are not numbers"
            ),
            "True and False are not numbers",
        ),
        id="policy_weight_bool",
    ),
    pytest.param(
        lambda: LoyaltyPolicy(repeat_weight=_("1")),
        Refusal(
            PolicyError,
            "LoyaltyPolicy.repeat_weight",
            "LoyaltyPolicy.repeat_weight: expected a finite number >= 0, got str '1'",
        ),
        id="policy_weight_string",
    ),
    pytest.param(
        lambda: LoyaltyPolicy(**NO_LOYALTY_WEIGHT),
        Refusal(
            PolicyError,
            "LoyaltyPolicy.repeat_weight",
            (
                "LoyaltyPolicy.repeat_weight: expected at least one weight above 0, got "
                "Decimal Decimal('0'); every weight of the policy is 0"
            ),
            "every weight of the policy is 0",
        ),
        id="policy_every_weight_zero",
    ),
    pytest.param(
        lambda: LoyaltyPolicy(repeat_full=0),
        Refusal(
            PolicyError,
            "LoyaltyPolicy.repeat_full",
            "LoyaltyPolicy.repeat_full: expected an int >= 1, got int 0",
        ),
        id="policy_repeat_full_zero",
    ),
    pytest.param(
        lambda: LoyaltyPolicy(choosing_days_limit=0),
        Refusal(
            PolicyError,
            "LoyaltyPolicy.choosing_days_limit",
            (
                "LoyaltyPolicy.choosing_days_limit: expected a finite Decimal or int > 0, "
                "got Decimal Decimal('0')"
            ),
        ),
        id="policy_choosing_days_limit_zero",
    ),
    pytest.param(
        lambda: loyalty_score(_({"spend": 1})),
        Refusal(
            InvalidInputError,
            "measures",
            "measures: expected a LoyaltyMeasures, got dict {'spend': 1}",
        ),
        id="score_not_measures",
    ),
    pytest.param(
        lambda: loyalty_score(LoyaltyMeasures(spend=1), policy=_(SatisfactionPolicy())),
        Refusal(
            InvalidInputError,
            "policy",
            (
                "policy: expected a LoyaltyPolicy, got SatisfactionPolicy "
                "SatisfactionPolicy(reputation_weight=Decimal('1'), awaren..."
            ),
        ),
        id="score_policy_wrong",
    ),
    pytest.param(
        lambda: loyalty_score(LoyaltyMeasures()),
        Refusal(
            InvalidInputError,
            "measures",
            (
                "measures: expected at least one known measure whose weight is above 0, got "
                "LoyaltyMeasures LoyaltyMeasures(repeat_purchases=None, "
                "choosing_days=None...; with nothing known there is no loyalty score; leave "
                "the customer unscored"
            ),
            "with nothing known there is no loyalty score; leave the customer unscored",
        ),
        id="score_nothing_known",
    ),
    pytest.param(
        lambda: loyalty_score(LoyaltyMeasures(spend=1), policy=LoyaltyPolicy(spend_weight=0)),
        Refusal(
            InvalidInputError,
            "measures",
            (
                "measures: expected at least one known measure whose weight is above 0, got "
                "LoyaltyMeasures LoyaltyMeasures(repeat_purchases=None, "
                "choosing_days=None...; with nothing known there is no loyalty score; leave "
                "the customer unscored"
            ),
            "with nothing known there is no loyalty score; leave the customer unscored",
        ),
        id="score_only_weightless_known",
    ),
    pytest.param(
        lambda: explain_loyalty(_(None)),
        Refusal(
            InvalidInputError,
            "measures",
            "measures: expected a LoyaltyMeasures, got NoneType None",
        ),
        id="explain_not_measures",
    ),
    pytest.param(
        lambda: explain_loyalty(LoyaltyMeasures(spend=1), policy=_(None)),
        Refusal(
            InvalidInputError,
            "policy",
            "policy: expected a LoyaltyPolicy, got NoneType None",
        ),
        id="explain_policy_wrong",
    ),
    pytest.param(
        lambda: explain_loyalty(LoyaltyMeasures()),
        Refusal(
            InvalidInputError,
            "measures",
            (
                "measures: expected at least one known measure whose weight is above 0, got "
                "LoyaltyMeasures LoyaltyMeasures(repeat_purchases=None, "
                "choosing_days=None...; with nothing known there is no loyalty score; leave "
                "the customer unscored"
            ),
            "with nothing known there is no loyalty score; leave the customer unscored",
        ),
        id="explain_nothing_known",
    ),
]


@pytest.mark.parametrize(("call", "refusal"), LOYALTY_SCORE)
def test_y1_loyalty_score_refuses_bad_input_naming_field_and_value(
    call: Callable[[], object], refusal: Refusal
) -> None:
    assert_refused(call, refusal)
