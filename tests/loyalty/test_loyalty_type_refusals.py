"""Rules Y2, Y3: the loyalty types refuse bad input, message by message, naming the field and the
value.
"""

from collections.abc import Callable
from typing import Any

import pytest

from custrel.errors import InvalidInputError
from custrel.loyalty import LoyaltySignals, loyalty_kind, loyalty_quadrant
from tests._refusal_samples import Refusal, _, assert_refused
from tests._values import D

SIGNALS = {
    "has_alternatives": True,
    "avoids_switching": False,
    "price_driven": False,
    "promotion_driven": False,
    "recommends": False,
    "pays_full_price": False,
}

LOYALTY: list[Any] = [
    pytest.param(
        lambda: loyalty_quadrant(_(float("nan")), 1),
        Refusal(
            InvalidInputError,
            "attachment",
            ("attachment: expected a finite number in 0..1, got float nan; a ratio must be finite"),
            "a ratio must be finite",
        ),
        id="quadrant_attachment_float_nan",
    ),
    pytest.param(
        lambda: loyalty_quadrant(2, 1),
        Refusal(
            InvalidInputError,
            "attachment",
            "attachment: expected a finite number in 0..1, got int 2",
        ),
        id="quadrant_attachment_above_one",
    ),
    pytest.param(
        lambda: loyalty_quadrant(1, D("-0.1")),
        Refusal(
            InvalidInputError,
            "repeat",
            "repeat: expected a finite number in 0..1, got Decimal Decimal('-0.1')",
        ),
        id="quadrant_repeat_negative",
    ),
    pytest.param(
        lambda: loyalty_quadrant(1, _(True)),
        Refusal(
            InvalidInputError,
            "repeat",
            (
                "repeat: expected a finite number in 0..1, got bool True; True and False "
                "are not numbers"
            ),
            "True and False are not numbers",
        ),
        id="quadrant_repeat_bool",
    ),
    pytest.param(
        lambda: loyalty_quadrant(1, 1, threshold=D(0)),
        Refusal(
            InvalidInputError,
            "threshold",
            (
                "threshold: expected a finite number above 0 and at most 1, got Decimal "
                "Decimal('0'); e.g. 0.5"
            ),
            "e.g. 0.5",
        ),
        id="quadrant_threshold_zero",
    ),
    pytest.param(
        lambda: loyalty_quadrant(1, 1, threshold=D("1.5")),
        Refusal(
            InvalidInputError,
            "threshold",
            (
                "threshold: expected a finite number above 0 and at most 1, got Decimal "
                "Decimal('1.5'); e.g. 0.5"
            ),
            "e.g. 0.5",
        ),
        id="quadrant_threshold_above_one",
    ),
    pytest.param(
        lambda: loyalty_quadrant(1, 1, threshold=_(1.5)),
        Refusal(
            InvalidInputError,
            "threshold",
            ("threshold: expected a finite number above 0 and at most 1, got float 1.5; e.g. 0.5"),
            "e.g. 0.5",
        ),
        id="quadrant_threshold_float_above_one",
    ),
    pytest.param(
        lambda: loyalty_quadrant(1, 1, threshold=_(2)),
        Refusal(
            InvalidInputError,
            "threshold",
            ("threshold: expected a finite number above 0 and at most 1, got int 2; e.g. 0.5"),
            "e.g. 0.5",
        ),
        id="quadrant_threshold_int",
    ),
    pytest.param(
        lambda: LoyaltySignals(**_({**SIGNALS, "pays_full_price": None})),
        Refusal(
            InvalidInputError,
            "LoyaltySignals.pays_full_price",
            "LoyaltySignals.pays_full_price: expected True or False, got NoneType None",
        ),
        id="signals_flag_none",
    ),
    pytest.param(
        lambda: LoyaltySignals(**_({**SIGNALS, "has_alternatives": 1})),
        Refusal(
            InvalidInputError,
            "LoyaltySignals.has_alternatives",
            "LoyaltySignals.has_alternatives: expected True or False, got int 1",
        ),
        id="signals_flag_int",
    ),
    pytest.param(
        lambda: LoyaltySignals(**_({**SIGNALS, "recommends": "yes"})),
        Refusal(
            InvalidInputError,
            "LoyaltySignals.recommends",
            "LoyaltySignals.recommends: expected True or False, got str 'yes'",
        ),
        id="signals_flag_string",
    ),
    pytest.param(
        lambda: loyalty_kind(_({"has_alternatives": False})),
        Refusal(
            InvalidInputError,
            "signals",
            "signals: expected a LoyaltySignals, got dict {'has_alternatives': False}",
        ),
        id="kind_not_signals",
    ),
    pytest.param(
        lambda: loyalty_kind(_(None)),
        Refusal(
            InvalidInputError,
            "signals",
            "signals: expected a LoyaltySignals, got NoneType None",
        ),
        id="kind_none",
    ),
]


@pytest.mark.parametrize(("call", "refusal"), LOYALTY)
def test_y2_y3_loyalty_types_refuse_bad_input_naming_field_and_value(
    call: Callable[[], object], refusal: Refusal
) -> None:
    assert_refused(call, refusal)
