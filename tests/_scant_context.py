"""A decimal context that would round almost every intermediate result, for the tests that
results do not depend on it.
"""

import decimal

SCANT = decimal.Context(prec=3, rounding=decimal.ROUND_DOWN)
"""A caller's context that would round almost every intermediate result."""
