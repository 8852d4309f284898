"""The portfolio rules on your own dataframes: the columnar twin of the object path.

Install the extra: ``pip install "custrel[frames]"`` (it adds `narwhals`_ only). Each
function takes the dataframe you already have — pandas (with pyarrow dtypes), polars
or pyarrow eagerly, a polars LazyFrame, Dask or DuckDB lazily — and returns the same
kind, computed by the same rules and policies as the object functions, row for row:

- :func:`grade_frame`: need, expected close and status → grade and urgency (G1, G2);
- :func:`follow_up_frame`: grade and last follow-up → cadence, due day, days overdue
  (C1), and :func:`agenda_frame`, the k most overdue;
- :func:`value_frame`: purchases → the value indicators of rule T3 per customer, and
  :func:`rfm_frame`: the R, F, M scores and, with a segment policy, the segment;
- :func:`tier_cuts_frame`: the :class:`~custrel.tiering.TierCuts` of a frame of
  values (one global step), and :func:`tier_frame`: each value's tier (T1, T2);
- :func:`stage_frame`: each customer's lifecycle stage (L1-L4).

Column names are keyword arguments whose defaults are the models' field names. Money
is a decimal or integer column (``scale=2`` reads integers as cents); a float money
column is refused with the cast that fixes it. A missing column, a wrong dtype, a null
where a value is required or a naive timestamp raises
:class:`~custrel.errors.InvalidInputError` naming the column (and, for an eager frame,
the first offending row). Nothing reads the clock: ``as_of`` is always an argument.

.. _narwhals: https://narwhals-dev.github.io/narwhals/

>>> from datetime import date
>>> import polars as pl
>>> from custrel.frames import grade_frame
>>> opps = pl.DataFrame({"customer_id": ["c-1", "c-2"], "need": ["explicit", "potential"],
...                      "expected_close": [date(2026, 12, 10), None],
...                      "status": ["negotiating", "potential"]})
>>> grade_frame(opps, as_of=date(2026, 11, 22))["grade"].to_list()
['A', 'D']
"""

from custrel.errors import CustrelError

try:
    import narwhals.stable.v2  # noqa: F401 - the extra is there, or say how to get it
except ImportError:

    class MissingExtraError(CustrelError, ImportError):
        """custrel.frames needs its optional extra."""

    raise MissingExtraError(
        "custrel.frames needs narwhals, which the 'frames' extra installs: "
        "pip install 'custrel[frames]'"
    ) from None


from custrel.frames._cadence import (
    agenda_frame,
    follow_up_frame,
)
from custrel.frames._grading import (
    grade_frame,
)
from custrel.frames._lifecycle import (
    stage_frame,
)
from custrel.frames._rfm import (
    rfm_frame,
)
from custrel.frames._tiering import (
    tier_cuts_frame,
    tier_frame,
)
from custrel.frames._value import (
    value_frame,
)

__all__ = [
    "agenda_frame",
    "follow_up_frame",
    "grade_frame",
    "rfm_frame",
    "stage_frame",
    "tier_cuts_frame",
    "tier_frame",
    "value_frame",
]
