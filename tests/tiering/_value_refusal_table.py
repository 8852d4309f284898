"""The refusals of value indicators, by name: (call, error class, field, whole message, hint)."""

from datetime import date

from custrel.errors import InvalidInputError
from custrel.tiering import ValueIndicators, ValueMeasure, customer_value, portfolio_values
from tests._tier_samples import FLOAT_HINT, Case, sale
from tests._values import AS_OF, D, untyped


def no_sale() -> ValueIndicators:
    return ValueIndicators.from_purchases([], as_of=AS_OF)


VALUE: dict[str, Case] = {
    "indicators as of a string": (
        lambda: ValueIndicators.from_purchases([], as_of=untyped("2026-11-22")),
        InvalidInputError,
        "as_of",
        "as_of: expected a date, got str '2026-11-22'",
        "",
    ),
    "indicators of bytes": (
        lambda: ValueIndicators.from_purchases(untyped(b"x"), as_of=AS_OF),
        InvalidInputError,
        "purchases",
        "purchases: expected an iterable of Purchase, got bytes b'x'",
        "",
    ),
    "indicators of None among purchases": (
        lambda: ValueIndicators.from_purchases(untyped([sale(), None]), as_of=AS_OF),
        InvalidInputError,
        "purchases[1]",
        "purchases[1]: expected a Purchase, got NoneType None",
        "",
    ),
    "indicators of a dict among purchases": (
        lambda: ValueIndicators.from_purchases(untyped([sale(), {"amount": 1}]), as_of=AS_OF),
        InvalidInputError,
        "purchases[1]",
        "purchases[1]: expected a Purchase, got dict {'amount': 1}",
        "",
    ),
    "a portfolio of text among purchases": (
        lambda: portfolio_values(untyped(["tea"]), as_of=AS_OF),
        InvalidInputError,
        "purchases[0]",
        "purchases[0]: expected a Purchase, got str 'tea'",
        "",
    ),
    "the value of something else": (
        lambda: customer_value(untyped(D(1))),
        InvalidInputError,
        "indicators",
        "indicators: expected a ValueIndicators, got Decimal Decimal('1')",
        "",
    ),
    "a measure given as text": (
        lambda: customer_value(no_sale(), measure=untyped("profit")),
        InvalidInputError,
        "measure",
        (
            "measure: expected a ValueMeasure ('amount', 'profit'), got str 'profit';"
            " pass ValueMeasure('profit')"
        ),
        "pass ValueMeasure('profit')",
    ),
    "a value by an unknown profit": (
        lambda: customer_value(
            ValueIndicators.from_purchases([sale()], as_of=AS_OF), measure=ValueMeasure.PROFIT
        ),
        InvalidInputError,
        "indicators.total_profit",
        (
            "indicators.total_profit: expected a known profit on every purchase, to measure value"
            " by profit, got NoneType None; pass measure=ValueMeasure.AMOUNT to rank by sales"
        ),
        "pass measure=ValueMeasure.AMOUNT to rank by sales",
    ),
    "a portfolio measure given as text": (
        lambda: portfolio_values([], as_of=AS_OF, measure=untyped("amount")),
        InvalidInputError,
        "measure",
        (
            "measure: expected a ValueMeasure ('amount', 'profit'), got str 'amount';"
            " pass ValueMeasure('amount')"
        ),
        "pass ValueMeasure('amount')",
    ),
    "customers given as a number": (
        lambda: portfolio_values([], as_of=AS_OF, customers=untyped(5)),
        InvalidInputError,
        "customers",
        "customers: expected an iterable of customer ids, got int 5",
        "",
    ),
    "a customer id that is a number": (
        lambda: portfolio_values([], as_of=AS_OF, customers=untyped([7])),
        InvalidInputError,
        "customers[0]",
        "customers[0]: expected a non-blank string, got int 7",
        "",
    ),
    "a portfolio purchase of an unlisted customer": (
        lambda: portfolio_values([sale()], as_of=AS_OF, customers=["c-2"]),
        InvalidInputError,
        "purchases[0].customer_id",
        "purchases[0].customer_id: expected one of the customers given, got str 'c-1'",
        "",
    ),
    "a portfolio by an unknown profit": (
        lambda: portfolio_values([sale()], as_of=AS_OF, measure=ValueMeasure.PROFIT),
        InvalidInputError,
        "purchases[0].profit",
        (
            "purchases[0].profit: expected a known profit on every purchase, to measure value by"
            " profit, got NoneType None; pass measure=ValueMeasure.AMOUNT to rank by sales"
        ),
        "pass measure=ValueMeasure.AMOUNT to rank by sales",
    ),
    "a measure returning a float": (
        lambda: portfolio_values([sale()], as_of=AS_OF, measure=untyped(lambda _: 1.5)),
        InvalidInputError,
        "measure('c-1')",
        (
            f"measure('c-1'): expected a finite Decimal or int, got float 1.5; pass Decimal('1.5');"
            f" {FLOAT_HINT}"
        ),
        f"pass Decimal('1.5'); {FLOAT_HINT}",
    ),
    "a portfolio as of year 999": (
        lambda: portfolio_values([sale()], as_of=date(999, 1, 1)),
        InvalidInputError,
        "as_of",
        "as_of: expected a date from 1000-01-01 to 8999-12-31, got date datetime.date(999, 1, 1)",
        "",
    ),
    "purchases given as a number": (
        lambda: portfolio_values(untyped(3), as_of=AS_OF),
        InvalidInputError,
        "purchases",
        "purchases: expected an iterable of Purchase, got int 3",
        "",
    ),
}
