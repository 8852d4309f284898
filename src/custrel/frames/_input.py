"""The column checks every frame function shares: required columns, dtypes, nulls and ranges."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, TypeVar, cast

import narwhals.stable.v2 as nw

from custrel import _checks as c
from custrel.errors import InvalidInputError

if TYPE_CHECKING:
    from collections.abc import Iterable


FrameT = TypeVar("FrameT")
"""Any dataframe narwhals knows; each function returns the kind it was given."""

_Expr = Any  # a narwhals expression (its class is private to narwhals)
_CHECK_DAY = c.day()
_SATURDAY = 6  # narwhals numbers weekdays 1 (Monday) to 7 (Sunday)
_MAX_SCALE = 18
_FLOAT_HINT = (
    "floats cannot hold money exactly; cast the column to a decimal type such as "
    "Decimal(18, 2) (polars: pl.col({name!r}).cast(pl.Decimal(18, 2)); pyarrow: "
    "pa.decimal128(18, 2); pandas: pd.ArrowDtype(pa.decimal128(18, 2))), or to integer "
    "minor units with scale=2"
)
_PANDAS_HINT = "use pyarrow dtypes: df.convert_dtypes(dtype_backend='pyarrow')"


# Reading the caller's frame --------------------------------------------------------------


class _Input:
    """The caller's frame, its schema and how to give the result back in its kind."""

    def __init__(self, native: object, name: str) -> None:
        try:
            frame = nw.from_native(native)  # type: ignore[call-overload]
        except TypeError:
            raise InvalidInputError(
                name, native, "a dataframe (pandas, polars, pyarrow, Dask, DuckDB, ...)"
            ) from None
        self.name = name
        self.native = native
        self.eager: Any = frame if isinstance(frame, nw.DataFrame) else None
        self.lazy: Any = frame.lazy() if self.eager is not None else frame
        self.schema = dict(self.lazy.collect_schema())
        self.pandas = frame.implementation is nw.Implementation.PANDAS
        self.dask = frame.implementation is nw.Implementation.DASK

    def give_back(self, result: Any) -> Any:  # noqa: ANN401 - the caller's own frame type
        """The result in the kind of frame the caller gave."""
        if self.eager is not None:
            return result.collect().to_native()
        return result.to_native()

    def _field(self, column: str) -> str:
        return f"{self.name}[{column!r}]"

    def dtype(self, column: str) -> Any:  # noqa: ANN401 - a narwhals dtype
        """The column's dtype, or an error naming the column if it is missing."""
        if column not in self.schema:
            raise InvalidInputError(
                self._field(column),
                sorted(self.schema),
                f"a column {column!r}",
                hint="name the column with the matching keyword argument",
            )
        return self.schema[column]

    def _native_arrow(self, column: str) -> bool:
        return not self.pandas or str(getattr(self.native, "dtypes", {})[column]).endswith(
            "[pyarrow]"
        )

    def first_bad_row(self, column: str, bad: _Expr) -> tuple[int, object]:
        """The first row where ``bad`` holds and its value, on an eager frame that has one."""
        found = (
            self.eager.with_row_index("__row").filter(bad).select("__row", column).head(1).rows()
        )
        return found[0][0], found[0][1]

    def required(self, column: str) -> None:
        """Refuse nulls in a required column (on an eager frame, naming the first row)."""
        if self.eager is None or not self.eager[column].null_count():
            return  # a null count is metadata in Arrow and polars: no pass when none
        row, _ = self.first_bad_row(column, nw.col(column).is_null())
        raise InvalidInputError(f"{self._field(column)}[{row}]", None, "a value")

    def text(self, column: str, *, allowed: Iterable[str] | None = None) -> None:
        """A string column with no null (and only ``allowed`` values, if given)."""
        dtype = self.dtype(column)
        if dtype != nw.String:
            raise InvalidInputError(self._field(column), dtype, "a string column")
        self.required(column)
        if allowed is None or self.eager is None:
            return
        values = sorted(allowed)
        seen = self.eager[column].unique()  # a handful of values: cheaper than a row scan
        if seen.is_in(values).all():
            return
        row, value = self.first_bad_row(column, ~nw.col(column).is_in(values))
        raise InvalidInputError(f"{self._field(column)}[{row}]", value, f"one of {values}")

    def day(self, column: str, *, optional: bool = False) -> None:
        """A date column (nulls allowed when ``optional``)."""
        dtype = self.dtype(column)
        if dtype != nw.Date or not self._native_arrow(column):
            raise InvalidInputError(
                self._field(column), dtype, "a date column", hint=_PANDAS_HINT * self.pandas
            )
        if not optional:
            self.required(column)

    def instant(self, column: str) -> _Expr:
        """An aware timestamp or a date column; the expression of its calendar day."""
        dtype = self.dtype(column)
        if dtype == nw.Date:
            self.day(column)
            return nw.col(column)
        if dtype != nw.Datetime:
            raise InvalidInputError(
                self._field(column), dtype, "a timezone-aware timestamp or a date column"
            )
        if dtype.time_zone is None:
            raise InvalidInputError(
                self._field(column),
                dtype,
                "a timezone-aware timestamp column",
                hint="naive timestamps are ambiguous; give the column its time zone",
            )
        if not self._native_arrow(column):
            raise InvalidInputError(
                self._field(column), dtype, "a pyarrow-backed timestamp", hint=_PANDAS_HINT
            )
        self.required(column)
        return nw.col(column).dt.date()  # the calendar day in the column's time zone

    def money(self, column: str, *, optional: bool = False) -> int:
        """A decimal or integer money column; its decimal scale (0 for integers)."""
        dtype = self.dtype(column)
        if dtype.is_float():
            raise InvalidInputError(
                self._field(column),
                dtype,
                "a decimal or integer column",
                hint=_FLOAT_HINT.format(name=column),
            )
        if not (dtype.is_integer() or dtype.is_decimal()):
            raise InvalidInputError(
                self._field(column),
                dtype,
                "a decimal or integer column",
                hint=_PANDAS_HINT * (self.pandas and dtype == nw.Object),
            )
        if not optional:
            self.required(column)
        return int(dtype.scale) if dtype.is_decimal() else 0

    def flag(self, column: str) -> None:
        """A boolean column with no null."""
        dtype = self.dtype(column)
        if dtype != nw.Boolean:
            raise InvalidInputError(self._field(column), dtype, "a boolean column")
        self.required(column)


def _check_scale(scale: object) -> int:
    c.count(0, _MAX_SCALE)("scale", scale)
    return cast("int", scale)


def _minor(column: str, scale: int, *, dask: bool = False) -> _Expr:
    """Money as integer minor units (exact): a decimal of scale s times 10^s."""
    if scale == 0:
        return nw.col(column).cast(nw.Int64)
    if dask:  # Dask casts to no decimal type: exact below 2**53 minor units
        return (nw.col(column).cast(nw.Float64) * 10**scale).round(0).cast(nw.Int64)
    narrow = nw.col(column).cast(nw.Decimal(18, scale))  # room for the product in 38 digits
    return (narrow * nw.lit(10**scale)).cast(nw.Int64)
