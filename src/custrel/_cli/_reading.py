"""Where a portfolio's tables are, how each is read, and what reading it lost; private.

A portfolio is a folder of ``<table>.jsonl``, ``<table>.csv`` or ``<table>.xlsx``
files, or one workbook with a sheet per table (named in English or Chinese). Each
file's reading is tallied (records read, kept, refused, read with a field left empty,
skipped with their customer, dated after the reference day) so that the command line
can say, per file and at the top of every output, what did not make it in.
"""

from __future__ import annotations

import json
import os
import unicodedata
from datetime import date
from typing import TYPE_CHECKING, Any

import attrs

from custrel import io
from custrel.errors import CustrelError, InvalidInputError
from custrel.io._cells import _columns
from custrel.io._encoding import _name
from custrel.io._excel import _calamine, _sheet_names
from custrel.models import Complaint, ContactEvent, CustomerProfile, Opportunity, Purchase

if TYPE_CHECKING:
    import pathlib
    from collections.abc import Callable, Mapping
    from datetime import tzinfo

MANIFEST = "portfolio.json"
# The tables of a portfolio, in reading order, with the model of each.
TABLES: dict[str, type] = {
    "profiles": CustomerProfile,
    "opportunities": Opportunity,
    "contacts": ContactEvent,
    "purchases": Purchase,
    "complaints": Complaint,
}
# The names a workbook's sheet may have for each table, besides the table's own.
SHEETS: dict[str, tuple[str, ...]] = {
    "profiles": ("客户", "客户资料", "客户档案", "客户信息", "客户列表"),
    "opportunities": ("商机", "销售机会", "机会"),
    "contacts": ("联系记录", "跟进记录", "联系", "拜访记录", "沟通记录"),
    "purchases": ("购买记录", "订单", "销售记录", "购买", "交易记录", "订单记录"),
    "complaints": ("投诉", "投诉记录"),
}
_FORMS = ("jsonl", "csv", "xlsx")
PROGRESS_EVERY = 5000  # records read, or customers judged, between progress reports
_EXPECTED_MANIFEST = '{"as_of": "YYYY-MM-DD", "columns": {...}} (both optional)'


class PortfolioError(CustrelError):
    """The portfolio cannot be read at all (a usage error of the command line)."""


@attrs.frozen
class Source:
    """Where one table is: a file, or a sheet of a workbook."""

    path: pathlib.Path
    sheet: str | None = None

    @property
    def name(self) -> str:
        """How messages name it: ``purchases.csv``, ``book.xlsx[购买记录]``."""
        return str(self.path) if self.sheet is None else f"{self.path}[{self.sheet}]"


def _sheet_table(sheet: str) -> str | None:
    key = unicodedata.normalize("NFKC", sheet).strip().casefold()
    for table, names in SHEETS.items():
        if key == table or key in names:
            return table
    return None


def _workbook_tables(path: pathlib.Path) -> tuple[dict[str, Source], list[str]]:
    """The tables of a workbook's sheets, and a notice for each sheet that is none."""
    try:
        names = _sheet_names(path)
    except CustrelError as exc:  # not a workbook, or the excel extra is missing
        raise PortfolioError(str(exc)) from None
    found: dict[str, Source] = {}
    notices = []
    for sheet in names:
        table = _sheet_table(sheet)
        if table is None:
            notices.append(f"{path}[{sheet}]: not a table of a portfolio; ignored")
        elif table in found:
            msg = f"{path}: sheets {found[table].sheet} and {sheet} are both {table}; keep one"
            raise PortfolioError(msg)
        else:
            found[table] = Source(path, sheet)
    if not found:
        expected = ", ".join(f"{t} ({names[0]})" for t, names in SHEETS.items())
        msg = f"{path}: no sheet is a table of a portfolio (expected {expected})"
        raise PortfolioError(msg)
    return {t: found[t] for t in TABLES if t in found}, notices


def find_tables(where: pathlib.Path) -> tuple[dict[str, Source], list[str]]:
    """The portfolio's tables, and notices about what is not one of them.

    ``where`` is a folder of ``<table>.jsonl``, ``.csv`` or ``.xlsx`` files, or one
    ``.xlsx`` workbook with a sheet per table.
    """
    if where.suffix.lower() == ".xlsx" and where.is_file():
        return _workbook_tables(where)
    return _folder_tables(where), []


def _names(where: pathlib.Path) -> list[str]:
    """The names in a portfolio folder, sorted."""
    try:
        return sorted(entry.name for entry in os.scandir(where))
    except FileNotFoundError:
        raise PortfolioError(f"{where}: no such folder") from None
    except NotADirectoryError:
        raise PortfolioError(f"{where}: not a folder (nor an .xlsx workbook)") from None
    except PermissionError:
        raise PortfolioError(f"{where}: cannot read the folder: permission denied") from None


def _folder_tables(where: pathlib.Path) -> dict[str, Source]:
    """The tables of a portfolio folder: a file per table, its name in any case."""
    names = _names(where)
    by_key: dict[str, list[str]] = {}  # Purchases.CSV is purchases.csv, as Windows has it
    for name in names:
        by_key.setdefault(name.casefold(), []).append(name)
    found: dict[str, Source] = {}
    for table in TABLES:
        given = [n for form in _FORMS for n in by_key.get(f"{table}.{form}", [])]
        if len(given) > 1:
            raise PortfolioError(f"{where}: both {' and '.join(given)}; keep one")
        if given:
            found[table] = Source(where / given[0])
    if not found:
        expected = ", ".join(f"{t}.jsonl" for t in TABLES)
        books = [n for n in names if n.casefold().endswith(".xlsx")]
        also = f"; to read the workbook {books[0]}, give it as PORTFOLIO" if books else ""
        raise PortfolioError(
            f"{where}: no portfolio files (expected {expected}, or .csv, or .xlsx){also}"
        )
    if any(s.path.suffix.lower() == ".xlsx" for s in found.values()):
        try:
            _calamine()
        except CustrelError as exc:
            raise PortfolioError(f"{where}: {exc}") from None
    return found


@attrs.frozen
class Manifest:
    """What a portfolio's ``portfolio.json`` says: its reference day and column names."""

    as_of: date | None = None
    columns: dict[str, dict[str, str]] = attrs.field(factory=dict)


def _columns_by_table(data: object, where: str) -> dict[str, dict[str, str]]:
    """A ``columns`` mapping by table: ``{"单号": "order_id", "purchases": {...}}``.

    A header mapped to a field name applies to every table with that field; a table's
    own section applies to it alone, before the shared names.
    """
    if not isinstance(data, dict):
        msg = f'{where}: expected an object of header to field ({{"单号": "order_id"}})'
        raise PortfolioError(msg)
    shared = {k: v for k, v in data.items() if not isinstance(v, dict)}
    by_table: dict[str, dict[str, str]] = {}
    for table, cls in TABLES.items():
        fields = {c.name for c in _columns(cls)}
        own = data.get(table, {})
        by_table[table] = {
            **{h: f for h, f in shared.items() if isinstance(f, str) and f in fields},
            **own,
        }
        for header, field in own.items():
            if not isinstance(field, str) or field not in fields:
                name = cls.__name__
                msg = f"{where}: {table}.{header}: expected a field of {name}, got {field!r}"
                raise PortfolioError(msg)
    every = {c.name for cls in TABLES.values() for c in _columns(cls)}
    for header, field in shared.items():
        if not isinstance(field, str) or field not in every:
            msg = f"{where}: {header}: expected a field name or a table's section, got {field!r}"
            raise PortfolioError(msg)
    unknown = [k for k, v in data.items() if isinstance(v, dict) and k not in TABLES]
    if unknown:
        msg = f"{where}: {unknown[0]}: expected a table ({', '.join(TABLES)}) for a section"
        raise PortfolioError(msg)
    return by_table


def read_manifest(where: pathlib.Path) -> Manifest:
    """The ``portfolio.json`` of a portfolio folder, if it has one."""
    path = where / MANIFEST
    if not path.is_file():
        return Manifest()
    try:
        data = json.loads(path.read_text(encoding="utf-8-sig"))  # Notepad writes a BOM
        if not isinstance(data, dict) or not set(data) <= {"as_of", "columns"}:
            raise TypeError  # noqa: TRY301 - one message for every malformed manifest
        as_of = None if "as_of" not in data else _day(data["as_of"])
    except (ValueError, TypeError, OSError):
        raise PortfolioError(f"{path}: expected {_EXPECTED_MANIFEST}") from None
    return Manifest(as_of, _columns_by_table(data.get("columns", {}), f"{path}: columns"))


def _day(text: object) -> date:
    if not isinstance(text, str):
        raise TypeError
    return date.fromisoformat(text)


def read_columns(path: pathlib.Path) -> dict[str, dict[str, str]]:
    """A ``--columns`` file: a JSON object as the ``columns`` of ``portfolio.json``."""
    try:
        data = json.loads(path.read_text(encoding="utf-8-sig"))  # Notepad writes a BOM
    except (OSError, ValueError) as exc:
        reason = exc.strerror if isinstance(exc, OSError) else "not JSON"
        raise PortfolioError(f"{path}: cannot read: {reason}") from None
    return _columns_by_table(data, str(path))


def read_settings(where: pathlib.Path, columns: pathlib.Path | None) -> Manifest:
    """A portfolio's manifest (a workbook has none), its columns from ``--columns`` if given."""
    manifest = read_manifest(where)
    if columns is None:
        return manifest
    return Manifest(manifest.as_of, read_columns(columns))


def reader(
    table: str,
    source: Source,
    *,
    tz: tzinfo | None,
    strict: bool,
    on_bad: Callable[[io.BadRecord], None],
    encoding: str | None = None,
    columns: Mapping[str, str] | None = None,
) -> io.Records[Any]:
    """The records of one table."""
    cls = TABLES[table]
    suffix = source.path.suffix.lower()
    if suffix == ".xlsx":
        return io.read_excel(
            cls,
            source.path,
            sheet=source.sheet,
            tz=tz,
            strict=strict,
            on_bad=on_bad,
            columns=columns,
        )
    if suffix == ".csv":
        return io.read_csv(
            cls,
            source.path,
            tz=tz,
            strict=strict,
            on_bad=on_bad,
            encoding=encoding,
            columns=columns,
        )
    return io.read_jsonl(cls, source.path, tz=tz, strict=strict, on_bad=on_bad, encoding=encoding)


@attrs.define
class Tally:
    """What reading one table gave and lost."""

    name: str
    records: int = 0  # every record of the file: kept, refused and skipped
    refused: int = 0
    emptied: int = 0
    skipped: int = 0
    future: int = 0
    encoding: str | None = None
    notices: list[str] = attrs.field(factory=list)
    refused_file: bool = False
    unreadable: bool = False

    @property
    def kept(self) -> int:
        """Records read into the portfolio (those with a field left empty too)."""
        return self.records - self.refused - self.skipped

    @property
    def lost(self) -> bool:
        """Whether anything of the file did not make it in whole."""
        return bool(
            self.refused or self.emptied or self.skipped or self.refused_file or self.unreadable
        )

    def summary(self, as_of: date) -> str:
        """The file's block on standard error: one line, then its notices indented."""
        encoding = f" ({_name(self.encoding)})" if self.encoding else ""
        if self.unreadable or self.refused_file:
            head = f"{self.name}{encoding}: not read (see above); none of its records is counted"
        elif not self.lost:
            head = f"{self.name}{encoding}: {_count(self.records)}, all read"
        else:
            parts = [f"{self.kept:,} kept"]
            if self.emptied:
                parts.append(f"{self.emptied:,} of them with a field left empty")
            parts += [f"{self.refused:,} refused", f"{self.skipped:,} skipped"]
            head = f"{self.name}{encoding}: {_count(self.records)}: {', '.join(parts)}"
        if self.future:
            verb = "is" if self.future == 1 else "are"
            head += (
                f"; {self.future:,} dated after the reference day {as_of.isoformat()} {verb}"
                " kept but not counted by any rule (check --as-of and the time zone)"
            )
        return "\n".join([head, *(f"  {notice}" for notice in self.notices)])


def _count(n: int) -> str:
    return f"{n:,} record" if n == 1 else f"{n:,} records"


def dated_after(record: object, as_of: date) -> bool:
    """Whether a record happened after the reference day (rules leave it out)."""
    at = getattr(record, "at", None)
    if at is not None:
        return bool(at.date() > as_of)
    created = getattr(record, "created_on", None)
    return created is not None and created > as_of


@attrs.define
class Reading:
    """What reading a whole portfolio gave: its customers, and each file's tally."""

    tallies: list[Tally] = attrs.field(factory=list)
    notices: list[str] = attrs.field(factory=list)  # about the portfolio, not one file
    known: set[str] = attrs.field(factory=set)
    # customer -> [records skipped, why, the first skipped record's place]
    skips: dict[str, list[Any]] = attrs.field(factory=dict)

    @property
    def records(self) -> int:
        """Every record of every file."""
        return sum(t.records for t in self.tallies)

    def lost(self) -> dict[str, int]:
        """What did not make it in, by kind; empty when nothing was lost."""
        counts = {
            "refused": sum(t.refused for t in self.tallies),
            "emptied": sum(t.emptied for t in self.tallies),
            "skipped": sum(t.skipped for t in self.tallies),
            "files": sum(t.refused_file or t.unreadable for t in self.tallies),
        }
        return {kind: n for kind, n in counts.items() if n}

    def skip_lines(self) -> list[str]:
        """One line per customer whose records were skipped."""
        lines = []
        for cid, (n, why, first) in self.skips.items():
            lines.append(f"{_count(n)} of {cid} skipped: {why} (the first at {first})")
        return lines


def read_tables(  # noqa: C901 - one pass over the tables, read top to bottom
    sources: dict[str, Source],
    keep: Callable[[str, int, object], None],
    *,
    as_of: date,
    tz: tzinfo | None,
    strict: bool,
    on_bad: Callable[[io.BadRecord], None],
    on_unreadable: Callable[[str], None],
    progress: Callable[[int, int | None], None] | None = None,
    encoding: str | None = None,
    columns: Mapping[str, Mapping[str, str]] | None = None,
) -> Reading:
    """Read every table, handing each record to ``keep(customer_id, table index, record)``.

    A second profile of a customer is refused. The records of a customer whose profile
    was refused, or who has none while the portfolio has profiles, are skipped and
    counted per customer (with ``strict``, the first one stops reading).
    """
    reading = Reading()
    order = list(TABLES)
    profiled: set[str] = set()
    refused_profiles: dict[str, str] = {}
    listed = False  # a profiles file was read: it lists the customers
    kept = 0
    for table, source in sources.items():
        tally = Tally(source.name)
        reading.tallies.append(tally)

        def count(bad: io.BadRecord, table: str = table, tally: Tally = tally) -> None:
            if not bad.kept:
                tally.records += 1
                if table == "profiles" and bad.customer_id is not None:
                    refused_profiles.setdefault(bad.customer_id, f"{bad.path}:{bad.line}")
            on_bad(bad)

        records = reader(
            table,
            source,
            tz=tz,
            strict=strict,
            on_bad=count,
            encoding=encoding,
            columns=(columns or {}).get(table),
        )
        index = order.index(table)
        try:
            for record in records:
                tally.records += 1
                cid = record.customer_id
                if table == "profiles":
                    if cid in profiled:
                        tally.refused += 1
                        on_bad(_second_profile(records, cid, strict=strict))
                        continue
                    profiled.add(cid)
                elif listed and cid not in profiled:
                    profiles = sources["profiles"].name
                    _skip(
                        reading,
                        tally,
                        cid,
                        records,
                        refused_profiles=refused_profiles,
                        profiles=profiles,
                        strict=strict,
                    )
                    continue
                tally.future += dated_after(record, as_of)
                reading.known.add(cid)
                keep(cid, index, record)
                kept += 1
                if progress is not None and kept % PROGRESS_EVERY == 0:
                    progress(reading.records, None)
        except OSError as exc:
            tally.unreadable = True
            on_unreadable(f"{source.name}: cannot read: {exc.strerror or exc}")
        tally.refused += records.bad - (records.refused is not None)
        tally.emptied = records.emptied
        tally.encoding = records.encoding
        tally.refused_file = records.refused is not None
        tally.notices = records.notices
        listed = listed or (table == "profiles" and not (tally.refused_file or tally.unreadable))
    return reading


def _second_profile(records: io.Records[Any], cid: str, *, strict: bool) -> io.BadRecord:
    problem = "one profile per customer (this one is read already)"
    if strict:
        raise InvalidInputError(f"{records.path}:{records.line}: customer_id", cid, problem)
    error = InvalidInputError("customer_id", cid, problem)
    return io.BadRecord(path=records.path, line=records.line, errors=(error,), customer_id=cid)


def _skip(
    reading: Reading,
    tally: Tally,
    cid: str,
    records: io.Records[Any],
    *,
    refused_profiles: dict[str, str],
    profiles: str,
    strict: bool,
) -> None:
    """Skip a record of a customer without a profile read, counted per customer."""
    where = refused_profiles.get(cid)
    table = profiles
    if strict:
        raise InvalidInputError(
            f"{records.path}:{records.line}: customer_id", cid, f"a customer of {table}"
        )
    why = f"its profile at {where} was refused" if where is not None else f"no profile in {table}"
    tally.skipped += 1
    entry = reading.skips.setdefault(cid, [0, why, f"{records.path}:{records.line}"])
    entry[0] += 1
