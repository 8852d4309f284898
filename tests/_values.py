"""Small values many test modules share: ``D`` for Decimal, the usual as-of day, and ``untyped``."""

from datetime import date
from decimal import Decimal
from typing import Any

D = Decimal
AS_OF = date(2026, 11, 22)


def untyped(value: object) -> Any:
    """``value``, hidden from the type checker: these calls pass the wrong type on purpose."""
    return value
