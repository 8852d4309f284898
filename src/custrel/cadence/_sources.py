"""Where working calendars come from: optional packages and files; private (rule C4)."""

from __future__ import annotations

import importlib
import json
import tomllib
from decimal import Decimal
from importlib.metadata import PackageNotFoundError, version
from typing import TYPE_CHECKING, Any

from custrel import _checks as c
from custrel.errors import CustrelError, InvalidInputError

if TYPE_CHECKING:
    from collections.abc import Iterable
    from pathlib import Path

__all__ = ["import_extra", "package_version", "read_document", "wanted_years"]


def read_document(file: Path) -> object:
    """The TOML or JSON document in ``file``: floats as Decimal, no NaN or Infinity."""
    text = file.read_text(encoding="utf-8")
    if file.suffix.lower() == ".toml":
        try:
            return tomllib.loads(text)
        except tomllib.TOMLDecodeError as exc:
            raise InvalidInputError(str(file), text, f"a TOML document ({exc})") from None
    if file.suffix.lower() == ".json":
        try:
            return json.loads(text, parse_float=Decimal, parse_constant=_no_constant)
        except (json.JSONDecodeError, ValueError) as exc:
            raise InvalidInputError(str(file), text, f"a JSON document ({exc})") from None
    raise InvalidInputError("path", str(file), "a .toml or .json file")


def _no_constant(name: str) -> Any:  # noqa: ANN401 - json's parse_constant hook
    msg = f"{name} is not a number"
    raise ValueError(msg)


def import_extra(module: str, extra: str) -> Any:  # noqa: ANN401 - an untyped optional package
    try:
        return importlib.import_module(module)
    except ImportError:
        msg = f'this calendar needs the {extra} extra: pip install "custrel[{extra}]"'
        raise CustrelError(msg) from None


def package_version(distribution: str) -> str:
    try:
        return version(distribution)
    except PackageNotFoundError:  # pragma: no cover - imported, so installed
        return "unknown version"


def wanted_years(years: Iterable[int], known: range) -> frozenset[int]:
    c.iterable("years", years, "years (ints)")
    wanted = frozenset(years)
    check = c.count(known.start, known.stop - 1)
    for year in sorted(wanted, key=repr):
        check(f"years[{year!r}]", year)
    return wanted
