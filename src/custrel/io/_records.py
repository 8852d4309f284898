"""What a reader returns: the records it read and each bad record with its file, line and field."""

from __future__ import annotations

import os
import pathlib
from typing import TYPE_CHECKING, Generic, TypeVar

import attrs

from custrel.errors import InvalidInputError
from custrel.io._encoding import _changed, _detect
from custrel.serialize._json import MAX_TEXT

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator
    from typing import TextIO

__all__ = ["BadRecord", "Records"]


_T = TypeVar("_T")
_Path = str | os.PathLike[str]
_SAVE_AS_UTF8 = "save the file as UTF-8"
_MAX_LINE = MAX_TEXT  # characters in a JSON Lines record, as custrel.loads takes in a document
# JSON can escape half of a UTF-16 pair alone ("\\udcff"): not text (LONE_SURROGATE).
_NO_LONE_SURROGATE = "JSON whose \\u escapes are text (a surrogate \\ud800 to \\udfff is not)"


@attrs.frozen(kw_only=True)
class BadRecord:
    """A record that could not be read, and why.

    A record is either refused (``kept`` false: no model was made of it) or kept
    with the optional fields named by ``errors`` left empty (``kept`` true: a typo in
    a birthday does not lose the customer).

    Args:
        path: The file, as given to the reader (a workbook's sheet as ``book.xlsx[sheet]``).
        line: The line the record starts on (1 is the first line of the file; in a
            workbook, the row).
        errors: One error per wrong field; personal values are masked in their text.
        kept: Whether the record was read with those fields left empty.
        customer_id: The record's customer, when its ``customer_id`` could be read.

    >>> from custrel.errors import InvalidInputError
    >>> from custrel.io import BadRecord
    >>> bad = BadRecord(path="purchases.csv", line=7,
    ...                 errors=(InvalidInputError("amount", "x", "a decimal number"),))
    >>> print(bad)
    purchases.csv:7: amount: expected a decimal number, got str 'x'
    >>> print(BadRecord(path="profiles.csv", line=5, kept=True,
    ...                 errors=(InvalidInputError("person.age", "x", "an integer"),)))
    profiles.csv:5: left empty: person.age: expected an integer, got str 'x'
    """

    path: str
    line: int
    errors: tuple[InvalidInputError, ...]
    kept: bool = False
    customer_id: str | None = None

    def __str__(self) -> str:
        """One line per wrong field: ``file:line: field: what is wrong``."""
        kept = "left empty: " if self.kept else ""
        return "\n".join(f"{self.path}:{self.line}: {kept}{error}" for error in self.errors)


class Records(Generic[_T]):
    r"""The models of a file, read as they are iterated (once), with its bad records.

    Returned by :func:`read_jsonl` and :func:`read_csv`. The file is opened when
    iteration starts and closed when it ends; a file that cannot be opened raises
    :class:`OSError` then.

    Attributes:
        path: The file.
        good: How many records were read so far (including those with a field left
            empty).
        line: The line the last record read starts on.
        bad: How many records were refused so far (a file refused whole counts one).
        emptied: How many records were read with some optional field left empty.
        problems: The refused records and those read with a field left empty
            (:attr:`BadRecord.kept`), when no ``on_bad`` callback takes them.
        notices: What was read past without loss of a record: each header column
            that is not a field (``备注: not a field of Purchase; ignored``).
        encoding: The encoding the file was read in (``utf-8``, ``gb18030``,
            ``utf-16``), once reading has started; ``None`` for a workbook.
        refused: Why the whole file was refused (its header, its encoding), if it was.

    >>> import pathlib, tempfile
    >>> from custrel.io import read_jsonl
    >>> from custrel.models import Opportunity
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "opportunities.jsonl"
    >>> _ = path.write_text('{"customer_id": "c-1", "need": "potential", "status": "potential"}\n')
    >>> records = read_jsonl(Opportunity, path)
    >>> [o.need.value for o in records], records.good, records.bad
    (['potential'], 1, 0)
    """

    def __init__(
        self,
        path: _Path,
        rows: Callable[[Records[_T]], Iterator[_T]],
        on_bad: Callable[[BadRecord], None] | None,
        *,
        strict: bool,
    ) -> None:
        self.path = os.fspath(path)
        self.good = 0
        self.line = 0
        self.bad = 0
        self.emptied = 0
        self.problems: list[BadRecord] = []
        self.notices: list[str] = []
        self.encoding: str | None = None
        self.refused: str | None = None
        self._on_bad = on_bad
        self._strict = strict
        self._rows = rows(self)

    def __iter__(self) -> Iterator[_T]:
        """The records, one at a time."""
        return self

    def __next__(self) -> _T:
        """The next good record."""
        record = next(self._rows)
        self.good += 1
        return record

    def _refuse_file(self, line: int, error: InvalidInputError) -> None:
        """Report the whole file refused, at ``line``, for ``error``."""
        self.refused = str(error)
        self._report(line, error)

    def _report(
        self,
        line: int,
        error: InvalidInputError,
        *,
        kept: bool = False,
        customer_id: str | None = None,
    ) -> None:
        bad = BadRecord(
            path=self.path, line=line, errors=error.errors, kept=kept, customer_id=customer_id
        )
        if kept:
            self.emptied += 1
            self._pass_on(bad)
            return
        if self._strict:
            raise InvalidInputError.several(
                [
                    InvalidInputError(
                        f"{bad.path}:{line}: {e.field}",
                        e.value,
                        e.expected,
                        hint=e.hint,
                        personal=e.personal,
                    )
                    for e in bad.errors
                ]
            )
        self.bad += 1
        self._pass_on(bad)

    def _pass_on(self, bad: BadRecord) -> None:
        if self._on_bad is None:
            self.problems.append(bad)
        else:
            self._on_bad(bad)


def _decoded(
    path: _Path,
    forced: str | None,
    records: Records[_T],
    read: Callable[[TextIO], Iterator[_T]],
    *,
    newline: str | None = None,
) -> Iterator[_T]:
    """The records ``read`` finds in a text file, opened in the encoding found for it.

    A file valid in no encoding tried is refused whole; one that stops being valid
    while it is read (it is being written) is refused from there on.
    """
    try:
        records.encoding = _detect(path, forced)
    except InvalidInputError as exc:
        records._refuse_file(1, exc)  # noqa: SLF001
        return
    try:
        with pathlib.Path(path).open(encoding=records.encoding, newline=newline) as text:
            yield from read(text)
    except UnicodeDecodeError as exc:
        records._refuse_file(records.line + 1, _changed(records.encoding, exc))  # noqa: SLF001
