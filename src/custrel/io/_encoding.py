"""Which encoding a text file is in: a byte-order mark, else UTF-8, else GB18030.

A file is read in one encoding or refused whole: before the first record is read, the
whole file is decoded once (in chunks, so in constant memory) and the first encoding
it is valid in is chosen. So a file is never read half in one encoding, and a GBK
name whose bytes happen to be valid UTF-8 cannot be accepted as mojibake: one byte
anywhere in the file that is not UTF-8 makes the whole file GB18030.
"""

from __future__ import annotations

import codecs
import pathlib
from typing import TYPE_CHECKING

from custrel.errors import InvalidInputError, _Described

if TYPE_CHECKING:
    import os

__all__: list[str] = []

_CHUNK = 1 << 20  # bytes decoded at a time while checking a file
# Byte-order marks, longest first: a UTF-32 mark begins with the UTF-16 one.
_MARKS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# Tried in turn on a file without a byte-order mark (GB18030 covers GBK and GB2312).
_GUESSES = ("utf-8", "gb18030")
_NAMES = {"utf-8-sig": "UTF-8", "utf-8": "UTF-8", "utf-16": "UTF-16", "gb18030": "GB18030"}
_FORCE_HINT = "give its encoding with --encoding at the command line, encoding= in Python"


def _name(encoding: str) -> str:
    """How people write an encoding's name (``UTF-8``, ``GB18030``)."""
    return _NAMES.get(encoding, encoding)


def _first_error(path: pathlib.Path, encoding: str) -> tuple[int, int] | None:
    """The line and byte of the first thing in the file not valid in ``encoding``, or None."""
    decoder = codecs.getincrementaldecoder(encoding)()
    line = 1
    with path.open("rb") as file:
        while True:
            chunk = file.read(_CHUNK)
            try:
                text = decoder.decode(chunk, final=not chunk)
            except UnicodeDecodeError as exc:  # exc.object: what was left of before, then chunk
                good = exc.object[: exc.start].decode(encoding, "replace")
                return line + good.count("\n"), exc.object[exc.start]
            if not chunk:
                return None
            line += text.count("\n")


def _damaged_utf8(path: pathlib.Path) -> bool:
    """Whether a file that is not valid UTF-8 is still mostly UTF-8 (a few bytes cut or lost).

    Its characters beyond ASCII then decode as UTF-8 more often than not, which GBK
    text almost never does (about one Chinese character in fifty happens to). Reading
    such a file as GB18030 would turn every name in it into mojibake.
    """
    decoder = codecs.getincrementaldecoder("utf-8")("replace")
    good = bad = 0
    with path.open("rb") as file:
        while chunk := file.read(_CHUNK):
            text = decoder.decode(chunk)
            lost = text.count("\ufffd")
            bad += lost
            good += len(text) - len(text.encode("ascii", "ignore")) - lost
    bad += decoder.decode(b"", final=True).count("\ufffd")
    return good > bad


def _checked_encoding(name: str) -> str:
    """The codec name of an encoding of text a caller forces, or an error naming it.

    Codecs of bytes to bytes (``base64``, ``zlib``) or text to text (``rot13``) are no
    encodings of text: :func:`open` refuses them.
    """
    try:
        info: codecs.CodecInfo | None = codecs.lookup(name)
    except (LookupError, TypeError, ValueError):
        info = None
    if info is None or not info._is_text_encoding:  # noqa: SLF001 - the flag open() reads
        raise InvalidInputError("encoding", name, "an encoding such as utf-8, gb18030 or utf-16")
    return info.name


def _detect(path: str | os.PathLike[str], forced: str | None = None) -> str:
    """The encoding to read ``path`` in, checked against the whole file.

    Args:
        path: The file.
        forced: An encoding the caller gives; only it is tried.

    Returns:
        A codec name for :func:`open`.

    Raises:
        InvalidInputError: If the file is valid in none of the encodings tried (field
            ``file``, the value described, never echoed: it may be personal data), or
            ``forced`` is not an encoding.
        OSError: If the file cannot be read.
    """
    file = pathlib.Path(path)
    if forced is not None:
        tried: tuple[str, ...] = (_checked_encoding(forced),)
    else:
        with file.open("rb") as handle:
            head = handle.read(4)
        marked = next((enc for mark, enc in _MARKS if head.startswith(mark)), None)
        tried = (marked,) if marked is not None else _GUESSES
    where = []
    for encoding in tried:
        error = _first_error(file, encoding)
        if error is None:
            return encoding
        line, byte = error
        where.append(f"{_name(encoding)} (byte 0x{byte:02x} on line {line} is not)")
        if encoding == "utf-8" and forced is None and _damaged_utf8(file):
            raise InvalidInputError(
                "file",
                _Described("UTF-8 with bytes cut or lost"),
                f"text in {where[0]}",
                hint=f"the file is not read; repair or export it again, or {_FORCE_HINT}",
            )
    raise InvalidInputError(
        "file",
        _Described("other bytes"),
        f"text in {' or '.join(where)}",
        hint=f"the file is not read; save it as UTF-8, or {_FORCE_HINT}",
    )


def _changed(encoding: str, error: UnicodeDecodeError) -> InvalidInputError:
    """The problem of a file found valid in ``encoding`` that no longer is.

    The file changed while it was read (it is being written): the rest is not read.
    Text is decoded ahead of the records, so the byte may lie some lines further on.
    """
    return InvalidInputError(
        "file",
        _Described(f"byte 0x{error.object[error.start]:02x}"),
        f"text in {_name(encoding)}, as the file was when reading began",
        hint="the file changed while it was read; the rest of it is not read",
    )
