"""Rules Y4-Y6: satisfaction refuses bad input, message by message, naming the field and the
value.
"""

from collections.abc import Callable
from typing import Any

import pytest

from custrel.errors import InvalidInputError, PolicyError
from custrel.loyalty import (
    LoyaltyMeasures,
    LoyaltyPolicy,
    SatisfactionMeasures,
    SatisfactionPolicy,
    TotalCustomerCost,
    TotalCustomerValue,
    delivered_value,
    satisfaction,
    satisfaction_bands,
    satisfaction_index,
)
from tests._refusal_samples import Refusal, _, assert_refused
from tests._values import D

NO_SATISFACTION_WEIGHT = dict.fromkeys(
    (
        "reputation_weight",
        "awareness_weight",
        "return_weight",
        "complaint_weight",
        "amount_weight",
        "price_weight",
    ),
    0,
)

SATISFACTION: list[Any] = [
    pytest.param(
        lambda: satisfaction(_(float("nan")), 5),
        Refusal(
            InvalidInputError,
            "experience",
            ("experience: expected a finite number, got float nan; a ratio must be finite"),
            "a ratio must be finite",
        ),
        id="experience_float_nan",
    ),
    pytest.param(
        lambda: satisfaction(5, _(True)),
        Refusal(
            InvalidInputError,
            "expectation",
            (
                "expectation: expected a finite number, got bool True; True and False are "
                "not numbers"
            ),
            "True and False are not numbers",
        ),
        id="expectation_bool",
    ),
    pytest.param(
        lambda: satisfaction(5, _("5")),
        Refusal(
            InvalidInputError,
            "expectation",
            "expectation: expected a finite number, got str '5'",
        ),
        id="expectation_string",
    ),
    pytest.param(
        lambda: satisfaction(D("NaN"), 5),
        Refusal(
            InvalidInputError,
            "experience",
            (
                "experience: expected a finite number, got Decimal Decimal('NaN'); a ratio "
                "must be finite"
            ),
            "a ratio must be finite",
        ),
        id="experience_nan",
    ),
    pytest.param(
        lambda: satisfaction(11, 7),
        Refusal(
            InvalidInputError,
            "experience",
            "experience: expected a rating in 0..10, got int 11",
        ),
        id="experience_above_scale",
    ),
    pytest.param(
        lambda: satisfaction(5, 0, low=1, high=5),
        Refusal(
            InvalidInputError,
            "expectation",
            "expectation: expected a rating in 1..5, got int 0",
        ),
        id="expectation_below_scale",
    ),
    pytest.param(
        lambda: satisfaction(5, 5, low=_(float("-inf"))),
        Refusal(
            InvalidInputError,
            "low",
            "low: expected a finite number, got float -inf; a ratio must be finite",
            "a ratio must be finite",
        ),
        id="low_float_infinite",
    ),
    pytest.param(
        lambda: satisfaction(5, 5, high=D("Infinity")),
        Refusal(
            InvalidInputError,
            "high",
            (
                "high: expected a finite number, got Decimal Decimal('Infinity'); a ratio "
                "must be finite"
            ),
            "a ratio must be finite",
        ),
        id="high_infinite",
    ),
    pytest.param(
        lambda: satisfaction(5, 5, low=5, high=5),
        Refusal(
            InvalidInputError,
            "high",
            "high: expected a value above low (5), got int 5",
        ),
        id="high_equal_to_low",
    ),
    pytest.param(
        lambda: satisfaction(5, 5, low=D("7.5"), high=D("2.5")),
        Refusal(
            InvalidInputError,
            "high",
            "high: expected a value above low (7.5), got Decimal Decimal('2.5')",
        ),
        id="high_below_low",
    ),
    pytest.param(
        lambda: SatisfactionMeasures(reputation=2),
        Refusal(
            InvalidInputError,
            "SatisfactionMeasures.reputation",
            (
                "SatisfactionMeasures.reputation: expected a finite number in 0..1 or "
                "None, got Decimal Decimal('2')"
            ),
        ),
        id="measures_reputation_above_one",
    ),
    pytest.param(
        lambda: SatisfactionMeasures(awareness=_(float("nan"))),
        Refusal(
            InvalidInputError,
            "SatisfactionMeasures.awareness",
            (
                "SatisfactionMeasures.awareness: expected a finite number in 0..1 or None, "
                "got float nan; a ratio must be finite"
            ),
            "a ratio must be finite",
        ),
        id="measures_awareness_float_nan",
    ),
    pytest.param(
        lambda: SatisfactionMeasures(return_rate=-1),
        Refusal(
            InvalidInputError,
            "SatisfactionMeasures.return_rate",
            (
                "SatisfactionMeasures.return_rate: expected a finite number in 0..1 or "
                "None, got Decimal Decimal('-1')"
            ),
        ),
        id="measures_return_rate_negative",
    ),
    pytest.param(
        lambda: SatisfactionMeasures(complaint_rate=_("0.1")),
        Refusal(
            InvalidInputError,
            "SatisfactionMeasures.complaint_rate",
            (
                "SatisfactionMeasures.complaint_rate: expected a finite number in 0..1 or "
                "None, got str '0.1'"
            ),
        ),
        id="measures_complaint_rate_string",
    ),
    pytest.param(
        lambda: SatisfactionMeasures(purchase_amount=-1),
        Refusal(
            InvalidInputError,
            "SatisfactionMeasures.purchase_amount",
            (
                "SatisfactionMeasures.purchase_amount: expected a finite Decimal or int >= "
                "0 or None, got Decimal Decimal('-1')"
            ),
        ),
        id="measures_purchase_amount_negative",
    ),
    pytest.param(
        lambda: SatisfactionMeasures(price_sensitivity=_(False)),
        Refusal(
            InvalidInputError,
            "SatisfactionMeasures.price_sensitivity",
            (
                "SatisfactionMeasures.price_sensitivity: expected a finite number in 0..1 "
                "or None, got bool False; True and False are not numbers"
            ),
            "True and False are not numbers",
        ),
        id="measures_price_sensitivity_bool",
    ),
    pytest.param(
        lambda: SatisfactionPolicy(awareness_weight=-1),
        Refusal(
            PolicyError,
            "SatisfactionPolicy.awareness_weight",
            (
                "SatisfactionPolicy.awareness_weight: expected a finite number >= 0, got "
                "Decimal Decimal('-1')"
            ),
        ),
        id="policy_weight_negative",
    ),
    pytest.param(
        lambda: SatisfactionPolicy(price_weight=_(float("inf"))),
        Refusal(
            PolicyError,
            "SatisfactionPolicy.price_weight",
            (
                "SatisfactionPolicy.price_weight: expected a finite number >= 0, got float "
                "inf; a ratio must be finite"
            ),
            "a ratio must be finite",
        ),
        id="policy_weight_float_infinite",
    ),
    pytest.param(
        lambda: SatisfactionPolicy(**NO_SATISFACTION_WEIGHT),
        Refusal(
            PolicyError,
            "SatisfactionPolicy.reputation_weight",
            (
                "SatisfactionPolicy.reputation_weight: expected at least one weight above "
                "0, got Decimal Decimal('0'); every weight of the policy is 0"
            ),
            "every weight of the policy is 0",
        ),
        id="policy_every_weight_zero",
    ),
    pytest.param(
        lambda: SatisfactionPolicy(amount_full=0),
        Refusal(
            PolicyError,
            "SatisfactionPolicy.amount_full",
            (
                "SatisfactionPolicy.amount_full: expected a finite Decimal or int > 0, got "
                "Decimal Decimal('0')"
            ),
        ),
        id="policy_amount_full_zero",
    ),
    pytest.param(
        lambda: satisfaction_index(_(LoyaltyMeasures(spend=1))),
        Refusal(
            InvalidInputError,
            "measures",
            (
                "measures: expected a SatisfactionMeasures, got LoyaltyMeasures "
                "LoyaltyMeasures(repeat_purchases=None, choosing_days=None..."
            ),
        ),
        id="index_not_measures",
    ),
    pytest.param(
        lambda: satisfaction_index(SatisfactionMeasures(awareness=1), policy=_(LoyaltyPolicy())),
        Refusal(
            InvalidInputError,
            "policy",
            (
                "policy: expected a SatisfactionPolicy, got LoyaltyPolicy "
                "LoyaltyPolicy(repeat_weight=Decimal('1'), choosing_weight..."
            ),
        ),
        id="index_policy_wrong",
    ),
    pytest.param(
        lambda: satisfaction_index(SatisfactionMeasures()),
        Refusal(
            InvalidInputError,
            "measures",
            (
                "measures: expected at least one known measure whose weight is above 0, got "
                "SatisfactionMeasures SatisfactionMeasures(reputation=None, awareness=None, "
                "ret..."
            ),
        ),
        id="index_nothing_known",
    ),
    pytest.param(
        lambda: satisfaction_index(
            SatisfactionMeasures(awareness=1), policy=SatisfactionPolicy(awareness_weight=0)
        ),
        Refusal(
            InvalidInputError,
            "measures",
            (
                "measures: expected at least one known measure whose weight is above 0, got "
                "SatisfactionMeasures SatisfactionMeasures(reputation=None, "
                "awareness=Decimal('..."
            ),
        ),
        id="index_only_weightless_known",
    ),
    pytest.param(
        lambda: satisfaction_bands({}, share=D(0)),
        Refusal(
            InvalidInputError,
            "share",
            (
                "share: expected a finite number above 0 and at most 0.5, got Decimal "
                "Decimal('0'); e.g. 0.15"
            ),
            "e.g. 0.15",
        ),
        id="bands_share_zero",
    ),
    pytest.param(
        lambda: satisfaction_bands({}, share=D("0.51")),
        Refusal(
            InvalidInputError,
            "share",
            (
                "share: expected a finite number above 0 and at most 0.5, got Decimal "
                "Decimal('0.51'); e.g. 0.15"
            ),
            "e.g. 0.15",
        ),
        id="bands_share_above_half",
    ),
    pytest.param(
        lambda: satisfaction_bands({}, share=_(0.51)),
        Refusal(
            InvalidInputError,
            "share",
            ("share: expected a finite number above 0 and at most 0.5, got float 0.51; e.g. 0.15"),
            "e.g. 0.15",
        ),
        id="bands_share_float_above_half",
    ),
    pytest.param(
        lambda: satisfaction_bands(_([("c-1", 5)])),
        Refusal(
            InvalidInputError,
            "values",
            ("values: expected a mapping of customer id to satisfaction, got list [('c-1', 5)]"),
        ),
        id="bands_values_not_a_mapping",
    ),
    pytest.param(
        lambda: satisfaction_bands(_({"": 5})),
        Refusal(
            InvalidInputError,
            "values key",
            "values key: expected a non-blank string, got str ''",
        ),
        id="bands_key_blank",
    ),
    pytest.param(
        lambda: satisfaction_bands(_({1: 5})),
        Refusal(
            InvalidInputError,
            "values key",
            "values key: expected a non-blank string, got int 1",
        ),
        id="bands_key_not_a_string",
    ),
    pytest.param(
        lambda: satisfaction_bands(_({"c-1": float("nan")})),
        Refusal(
            InvalidInputError,
            "values['c-1']",
            ("values['c-1']: expected a finite number, got float nan; a ratio must be finite"),
            "a ratio must be finite",
        ),
        id="bands_value_float_nan",
    ),
    pytest.param(
        lambda: satisfaction_bands(_({"c-1": 5, "c-2": None})),
        Refusal(
            InvalidInputError,
            "values['c-2']",
            "values['c-2']: expected a finite number, got NoneType None",
        ),
        id="bands_value_none",
    ),
    pytest.param(
        lambda: TotalCustomerValue(product=-1),
        Refusal(
            InvalidInputError,
            "TotalCustomerValue.product",
            (
                "TotalCustomerValue.product: expected a finite Decimal or int >= 0, got "
                "Decimal Decimal('-1')"
            ),
        ),
        id="value_part_negative",
    ),
    pytest.param(
        lambda: TotalCustomerValue(image=_(2.5)),
        Refusal(
            InvalidInputError,
            "TotalCustomerValue.image",
            (
                "TotalCustomerValue.image: expected a finite Decimal or int >= 0, got float "
                "2.5; pass Decimal('2.5'); floats cannot hold money exactly"
            ),
            "pass Decimal('2.5'); floats cannot hold money exactly",
        ),
        id="value_part_float",
    ),
    pytest.param(
        lambda: TotalCustomerCost(time=_(1.5)),
        Refusal(
            InvalidInputError,
            "TotalCustomerCost.time",
            (
                "TotalCustomerCost.time: expected a finite Decimal or int >= 0, got float "
                "1.5; pass Decimal('1.5'); floats cannot hold money exactly"
            ),
            "pass Decimal('1.5'); floats cannot hold money exactly",
        ),
        id="cost_part_float",
    ),
    pytest.param(
        lambda: TotalCustomerCost(money=_("699")),
        Refusal(
            InvalidInputError,
            "TotalCustomerCost.money",
            ("TotalCustomerCost.money: expected a finite Decimal or int >= 0, got str '699'"),
        ),
        id="cost_part_string",
    ),
    pytest.param(
        lambda: delivered_value(_(TotalCustomerCost(money=1)), _(TotalCustomerValue(product=1))),
        Refusal(
            InvalidInputError,
            "value",
            (
                "value: expected a TotalCustomerValue, got TotalCustomerCost "
                "TotalCustomerCost(money=Decimal('1'), time=Decimal('0'), ..."
            ),
        ),
        id="delivered_value_swapped",
    ),
    pytest.param(
        lambda: delivered_value(TotalCustomerValue(), _(TotalCustomerValue())),
        Refusal(
            InvalidInputError,
            "cost",
            (
                "cost: expected a TotalCustomerCost, got TotalCustomerValue "
                "TotalCustomerValue(product=Decimal('0'), service=Decimal(..."
            ),
        ),
        id="delivered_value_cost_wrong",
    ),
    pytest.param(
        lambda: delivered_value(_(None), TotalCustomerCost()),
        Refusal(
            InvalidInputError,
            "value",
            "value: expected a TotalCustomerValue, got NoneType None",
        ),
        id="delivered_value_value_none",
    ),
]


@pytest.mark.parametrize(("call", "refusal"), SATISFACTION)
def test_y4_y6_satisfaction_refuses_bad_input_naming_field_and_value(
    call: Callable[[], object], refusal: Refusal
) -> None:
    assert_refused(call, refusal)
