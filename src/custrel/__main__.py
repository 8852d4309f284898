"""The command line: ``custrel demo``, ``report PORTFOLIO``, ``agenda PORTFOLIO``, ``backtest``.

Also run as ``python -m custrel``. See docs/cli.md for the portfolio layout and every
option. Exit status: 0 when every record was read, 1 when some record or file was bad
(everything else was still processed), 2 for a usage error (a bad option, a missing
portfolio folder, a bad policy file), 130 when interrupted.
"""

from __future__ import annotations

import argparse
import contextlib
import importlib.resources
import os
import pathlib
import sys
import tempfile
import time
import zoneinfo
from datetime import date, timedelta
from typing import TYPE_CHECKING, TextIO

from custrel import io
from custrel._checks import MAX_DAY, MAX_DAYS, MIN_DAY
from custrel._cli import _backtest, _html, _portfolio, _reading, _render
from custrel.cadence._named import calendar_named, default_years
from custrel.errors import CustrelError, InvalidInputError
from custrel.io._encoding import _checked_encoding

if TYPE_CHECKING:
    from collections.abc import Iterator, Sequence
    from datetime import tzinfo

    from custrel.cadence import WorkCalendar
    from custrel.labels import Language
    from custrel.lifecycle import LifecycleBacktest, LifecycleCalibration

__all__ = ["main"]

_SAMPLE = "data/sample"


def _day(text: str) -> date:
    try:
        day = date.fromisoformat(text)
    except ValueError:
        day = None
    if day is None or not MIN_DAY <= day <= MAX_DAY:
        msg = f"expected a date YYYY-MM-DD from {MIN_DAY} to {MAX_DAY}, got {text!r}"
        raise argparse.ArgumentTypeError(msg)
    return day


def _zone(text: str) -> tzinfo:
    try:
        return zoneinfo.ZoneInfo(text)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        msg = f"expected a time zone such as Asia/Shanghai, got {text!r}"
        raise argparse.ArgumentTypeError(msg) from None


def _positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        value = 0
    if value < 1:
        msg = f"expected a whole number of 1 or more, got {text!r}"
        raise argparse.ArgumentTypeError(msg)
    return value


def _days_ahead(text: str) -> int:
    value = _positive(text)
    if value > MAX_DAYS:  # a century, as every period custrel takes
        msg = f"expected a whole number of days from 1 to {MAX_DAYS:,}, got {text!r}"
        raise argparse.ArgumentTypeError(msg)
    return value


def _parser() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--as-of",
        type=_day,
        metavar="DATE",
        help="the reference day (default: the portfolio's, else today)",
    )
    common.add_argument(
        "--lang",
        choices=("en", "zh"),
        default="en",
        help="the language of labels and reasons (default: en)",
    )
    common.add_argument(
        "--policy",
        type=pathlib.Path,
        metavar="FILE",
        help="a TOML or JSON file of policies (docs/policies.md)",
    )
    common.add_argument(
        "--format",
        choices=("table", "csv", "jsonl"),
        default="table",
        help="table for people, csv or jsonl for programs (default: table)",
    )
    common.add_argument(
        "--output",
        type=pathlib.Path,
        metavar="FILE",
        help="write here (atomically) instead of to standard output",
    )
    common.add_argument(
        "--html",
        type=pathlib.Path,
        metavar="FILE",
        help="also write a self-contained HTML report with charts",
    )
    _reading_options(common)
    common.add_argument(
        "--within",
        type=_days_ahead,
        default=30,
        metavar="DAYS",
        help="list occasions this many days ahead (default: 30)",
    )
    common.add_argument("--limit", type=_positive, metavar="N", help="show at most N agenda rows")
    common.add_argument(
        "--sort",
        choices=("grade", "overdue"),
        default="grade",
        help="agenda order: grade (A first), then days overdue, then value;"
        " or overdue (most days first) (default: grade)",
    )
    common.add_argument(
        "--owner",
        action="append",
        metavar="NAME",
        help="list only this salesperson's customers on the agenda (may be repeated)",
    )
    common.add_argument(
        "--calendar",
        metavar="NAME",
        help="working days for daily_on_working_days: china, weekends, none or a"
        " country code such as DE (default: the policy file's, else weekends)",
    )
    common.add_argument(
        "--no-bom",
        dest="bom",
        action="store_false",
        help="CSV without the byte-order mark Excel needs to read UTF-8",
    )
    common.add_argument("--strict", action="store_true", help="stop at the first bad record")
    common.add_argument("--quiet", action="store_true", help="no progress line")
    parser = argparse.ArgumentParser(
        prog="custrel",
        description="Customer-relationship rules on a portfolio of customers.",
        epilog="Exit status: 0 all read, 1 some record or file bad, 2 usage error.",
    )
    from custrel import __version__  # noqa: PLC0415 - the package imports nothing of ours

    parser.add_argument("--version", action="version", version=f"custrel {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    commands.add_parser(
        "demo",
        parents=[common],
        help="today's work on the bundled sample",
        description="Today's follow-ups on the bundled sample portfolio.",
    )
    for name, text in (("report", "one row per customer"), ("agenda", "the follow-ups due")):
        sub = commands.add_parser(name, parents=[common], help=text, description=text)
        sub.add_argument(
            "portfolio",
            type=pathlib.Path,
            metavar="PORTFOLIO",
            help="a folder of JSON Lines, CSV or .xlsx files, or one .xlsx workbook (docs/cli.md)",
        )
    _backtest_parser(commands)
    return parser


def _reading_options(parser: argparse.ArgumentParser) -> None:
    """The options of reading a portfolio's files, shared by every command."""
    parser.add_argument(
        "--tz", type=_zone, metavar="ZONE", help="the zone of timestamps written without an offset"
    )
    parser.add_argument(
        "--encoding",
        type=_encoding,
        metavar="NAME",
        help="the encoding of every CSV and JSON Lines file (default: found per file)",
    )
    parser.add_argument(
        "--columns",
        type=pathlib.Path,
        metavar="FILE",
        help="a JSON file mapping header text to field names (docs/cli.md)",
    )


def _encoding(text: str) -> str:
    try:
        return _checked_encoding(text)
    except InvalidInputError:
        msg = f"expected an encoding such as utf-8, gb18030 or utf-16, got {text!r}"
        raise argparse.ArgumentTypeError(msg) from None


def _backtest_parser(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    text = "how well the lifecycle stages foretold who bought again"
    sub = commands.add_parser("backtest", help=text, description=f"{text} (docs/cli.md)")
    sub.add_argument(
        "portfolio",
        type=pathlib.Path,
        metavar="PORTFOLIO",
        help="a folder with purchases.jsonl, .csv or .xlsx, or a workbook (docs/cli.md)",
    )
    sub.add_argument(
        "--at", type=_day, metavar="DATE", required=True, help="the day to stage customers on"
    )
    sub.add_argument(
        "--until",
        type=_day,
        metavar="DATE",
        required=True,
        help="the last day a purchase counts as buying again (after --at)",
    )
    sub.add_argument(
        "--calibrate",
        action="store_true",
        help="also search the grid of churn horizons; needs --output for the policy",
    )
    sub.add_argument(
        "--output",
        type=pathlib.Path,
        metavar="FILE",
        help="write here (atomically); with --calibrate: the chosen policy as TOML",
    )
    sub.add_argument(
        "--lang", choices=("en", "zh"), default="en", help="the language of labels and reasons"
    )
    sub.add_argument(
        "--policy",
        type=pathlib.Path,
        metavar="FILE",
        help="a TOML or JSON file of policies; its lifecycle policy is the one tested",
    )
    sub.add_argument(
        "--format",
        choices=("table", "csv", "jsonl"),
        default="table",
        help="table for people, csv or jsonl for programs (default: table)",
    )
    _reading_options(sub)
    sub.add_argument("--strict", action="store_true", help="stop at the first bad record")


@contextlib.contextmanager
def _atomic(path: pathlib.Path | None, stdout: TextIO) -> Iterator[TextIO]:
    """Standard output, or a temporary file beside ``path`` renamed onto it when complete."""
    if path is None:
        yield stdout
        return
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    umask = os.umask(0o022)
    os.umask(umask)
    try:
        pathlib.Path(temporary).chmod(0o666 & ~umask)  # an ordinary new file, not mkstemp's 0600
        with os.fdopen(handle, "w", encoding="utf-8", newline="") as out:
            yield out
        pathlib.Path(temporary).replace(path)
    except BaseException:
        pathlib.Path(temporary).unlink(missing_ok=True)
        raise


class _Progress:
    """A progress line on a terminal's standard error, rewritten in place."""

    def __init__(self, stream: TextIO, *, show: bool) -> None:
        self._stream = stream
        self.show = show  # a terminal, not --quiet: clean files are summed up there too
        self._start = time.monotonic()
        self._shown = False

    def __call__(self, records: int, customers: int | None = None) -> None:
        if not self.show:
            return
        elapsed = time.monotonic() - self._start
        rate = records / elapsed if elapsed else 0
        judged = "" if customers is None else f", judged {customers:,} customers"
        self._stream.write(f"\rread {records:,} records ({rate:,.0f}/s){judged}, {elapsed:.1f} s ")
        self._stream.flush()
        self._shown = True

    def clear(self) -> None:
        if self._shown:
            self._stream.write("\r\033[K")
            self._stream.flush()
            self._shown = False


def _work_calendar(name: str | None, policies: io.Policies) -> WorkCalendar | None:
    """The working calendar: ``--calendar``, else the policy file's ``calendar``, else none."""
    years = default_years(date.today())  # noqa: DTZ011 - the command line is the edge that reads the clock
    if name is None:
        return None if policies.calendar is None else calendar_named(policies.calendar, years=years)
    try:
        return calendar_named(name, years=years)
    except InvalidInputError as exc:
        raise InvalidInputError("--calendar", name, exc.expected, hint=exc.hint) from None


def _sample_folder() -> pathlib.Path:
    return pathlib.Path(str(importlib.resources.files("custrel").joinpath(_SAMPLE)))


def _run(
    args: argparse.Namespace, parser: argparse.ArgumentParser, stdout: TextIO, stderr: TextIO
) -> int:
    lang: Language = args.lang
    if args.command == "backtest":
        return _run_backtest(args, parser, stdout, stderr)
    folder = _sample_folder() if args.command == "demo" else args.portfolio
    _check_outputs(args, parser)
    try:
        tables, notices = _reading.find_tables(folder)
        manifest = _reading.read_settings(folder, args.columns)
        as_of = args.as_of or manifest.as_of or date.today()  # noqa: DTZ011 - the command line is the edge that reads the clock
        policies = io.load_policies(args.policy) if args.policy else io.Policies()
        calendar = _work_calendar(args.calendar, policies)
    except (_reading.PortfolioError, CustrelError) as exc:
        parser.error(str(exc))
    except OSError as exc:
        parser.error(f"{exc.filename}: cannot read: {exc.strerror}")
    progress = _Progress(stderr, show=not args.quiet and stderr.isatty())
    failed = False

    def on_bad(record: io.BadRecord) -> None:
        nonlocal failed
        failed = True
        progress.clear()
        stderr.write(f"{record}\n")

    def on_unreadable(message: str) -> None:
        nonlocal failed
        failed = True
        progress.clear()
        stderr.write(f"{message}\n")

    try:
        portfolio = _portfolio.judge_portfolio(
            tables,
            as_of=as_of,
            policies=policies,
            lang=lang,
            within=timedelta(days=args.within),
            tz=args.tz,
            strict=args.strict,
            on_bad=on_bad,
            on_unreadable=on_unreadable,
            progress=progress,
            encoding=args.encoding,
            columns=manifest.columns,
            calendar=calendar,
            order=args.sort,
            owners=None if args.owner is None else frozenset(args.owner),
            policy_file=None if args.policy is None else str(args.policy),
        )
    except InvalidInputError as exc:  # --strict: the first bad record
        progress.clear()
        stderr.write(f"{exc}\n")
        return 1
    progress.clear()
    reading = portfolio.reading
    demo = args.command == "demo"
    stderr.write("".join(f"{line}\n" for line in [*notices, *reading.skip_lines()]))
    for tally in reading.tallies:
        if tally.lost or tally.notices or tally.future or (progress.show and not demo):
            stderr.write(f"{tally.summary(as_of)}\n")
    failed = failed or bool(reading.lost())
    stderr.write("".join(f"{line}\n" for line in _notices(portfolio)))
    if not _emit(args, portfolio, stdout, stderr):
        return 2
    return 1 if failed else 0


def _emit(
    args: argparse.Namespace, portfolio: _portfolio.Portfolio, stdout: TextIO, stderr: TextIO
) -> bool:
    """Write the output and the page; False, said on standard error, if one cannot be."""
    lang: Language = args.lang
    try:
        _write(args, portfolio, stdout, lang)
        if args.html:
            with _atomic(args.html, stdout) as out:
                out.write(
                    _html.page(portfolio, lang=lang, title=_title(args, lang), within=args.within)
                )
    except BrokenPipeError:
        raise
    except OSError as exc:  # a folder removed or made read-only since the check
        stderr.write(f"custrel: {exc.filename}: cannot write: {exc.strerror}\n")
        return False
    return True


def _notices(portfolio: _portfolio.Portfolio) -> list[str]:
    """What the options asked for that had no effect: an owner nobody has, a calendar unused."""
    lines = [f"--owner {owner}: no customer has this owner" for owner in portfolio.unknown_owners()]
    if portfolio.calendar is not None and not portfolio.policies.cadence.daily_on_working_days:
        lines.append(
            f"{portfolio.calendar.name}: the working calendar changes no due day: the cadence"
            " policy's daily_on_working_days is off (set it in the policy file)"
        )
    return lines


def _check_outputs(args: argparse.Namespace, parser: argparse.ArgumentParser) -> None:
    """Refuse, before any reading, an output that cannot be written: no folder, a folder."""
    for option, path in (("--output", args.output), ("--html", args.html)):
        if path is None:
            continue
        if path.is_dir():
            parser.error(f"{option}: expected a file to write, got the folder {path}")
        if not path.parent.is_dir():
            parser.error(f"{option}: expected a file in an existing folder, got {path}")


def _run_backtest(
    args: argparse.Namespace, parser: argparse.ArgumentParser, stdout: TextIO, stderr: TextIO
) -> int:
    if args.until <= args.at:
        parser.error(f"--until: expected a date after --at ({args.at}), got {args.until}")
    if args.calibrate and args.output is None:
        parser.error("--calibrate: expected --output FILE for the chosen policy (TOML)")
    try:
        source = _reading.find_tables(args.portfolio)[0].get("purchases")
        columns = _reading.read_settings(args.portfolio, args.columns).columns
        policies = io.load_policies(args.policy) if args.policy else io.Policies()
    except (_reading.PortfolioError, InvalidInputError) as exc:
        parser.error(str(exc))
    except OSError as exc:
        parser.error(f"{exc.filename}: cannot read: {exc.strerror}")
    if source is None:
        parser.error(
            f"{args.portfolio}: no purchases (expected purchases.jsonl, .csv or .xlsx,"
            " or a workbook sheet 购买记录)"
        )
    failed = False

    def on_problem(problem: object) -> None:
        nonlocal failed
        failed = True
        stderr.write(f"{problem}\n")

    try:
        purchases, records = _backtest.read_purchases(
            source,
            tz=args.tz,
            strict=args.strict,
            on_bad=on_problem,
            on_unreadable=on_problem,
            encoding=args.encoding,
            columns=columns.get("purchases"),
        )
    except InvalidInputError as exc:  # --strict: the first bad record
        stderr.write(f"{exc}\n")
        return 1
    # --at and --until are days custrel takes (_day): the backtest refuses nothing more
    backtest, calibration = _backtest.run(
        purchases, at=args.at, until=args.until, policy=policies.lifecycle, calibrate=args.calibrate
    )
    bad = records - len(purchases)
    _write_backtest(
        args, stdout, backtest=backtest, calibration=calibration, records=records, bad=bad
    )
    return 1 if failed else 0


def _write_backtest(
    args: argparse.Namespace,
    stdout: TextIO,
    *,
    backtest: LifecycleBacktest,
    calibration: LifecycleCalibration | None,
    records: int,
    bad: int,
) -> None:
    """The policy file with --calibrate, and the report (to --output without it)."""
    lang: Language = args.lang
    if calibration is not None:
        with _atomic(args.output, stdout) as out:
            out.write(calibration.to_toml())
    with _atomic(None if args.calibrate else args.output, stdout) as out:
        if args.format == "table":
            out.write(
                _backtest.text_report(
                    backtest, calibration, lang=lang, records=records, bad=bad, output=args.output
                )
            )
        else:
            _backtest.write_machine(_backtest.machine_rows(backtest, calibration), args.format, out)


def _title(args: argparse.Namespace, lang: Language) -> str:
    text = _render.TEXT[lang]
    return text["demo"] if args.command == "demo" else text[args.command]


def _write(
    args: argparse.Namespace, portfolio: _portfolio.Portfolio, stdout: TextIO, lang: Language
) -> None:
    customers = portfolio.customers if args.command == "report" else portfolio.agenda
    shown = customers[: args.limit] if args.limit else customers
    with _atomic(args.output, stdout) as out:
        if args.format == "jsonl":
            _render.write_jsonl(shown, out, portfolio, lang)
            return
        if args.format == "csv":
            _render.write_csv(shown, out, portfolio, lang, bom=args.bom)
            return
        text = _render.TEXT[lang]
        parts = [_render.header(portfolio, _title(args, lang), lang), ""]
        if args.command == "report":
            parts.append(_render.report_table(shown, portfolio, lang))
        else:
            parts += [text["agenda"], _render.agenda_table(shown, portfolio, lang)]
        if len(shown) < len(customers):
            parts.append(text["more"].format(n=len(customers) - len(shown)))
        if args.command != "report":
            parts += ["", _render.occasions_table(portfolio.owned, lang, args.within)]
        parts += ["", _render.summary(portfolio, lang), "", _render.footer(portfolio, lang)]
        out.write("\n".join(parts) + "\n")


def main(
    argv: Sequence[str] | None = None, *, stdout: TextIO | None = None, stderr: TextIO | None = None
) -> int:
    """Run the command line.

    Args:
        argv: The arguments, without the program name (default: ``sys.argv[1:]``).
        stdout: Where results go (default: ``sys.stdout``).
        stderr: Where messages go (default: ``sys.stderr``).

    Returns:
        The exit status: 0, 1 if some record or file was bad, 2 for a usage error.

    >>> from custrel.__main__ import main
    >>> main(["demo", "--format", "csv", "--limit", "1", "--quiet"])
    customer_id,name,grade,tier,stage,...
    0
    """
    out = stdout or sys.stdout
    err = stderr or sys.stderr
    parser = _parser()
    try:
        with contextlib.redirect_stderr(err):
            args = parser.parse_args(argv)
            return _run(args, parser, out, err)
    except SystemExit as exc:  # argparse: usage errors (2), --help and --version (0)
        return exc.code if isinstance(exc.code, int) else 2
    except KeyboardInterrupt:
        err.write(("\r\033[K" if err.isatty() else "") + "custrel: interrupted\n")
        return 130
    except BrokenPipeError:  # the reader went away (custrel ... | head)
        return 0


if __name__ == "__main__":
    sys.exit(main())
