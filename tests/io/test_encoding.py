"""Which encoding a file is in: properties of finding it."""

import codecs
import pathlib
import tempfile

import pytest
from hypothesis import given
from hypothesis import strategies as st

from custrel.errors import InvalidInputError
from custrel.io._encoding import _checked_encoding, _damaged_utf8, _detect, _first_error


def _write(data: bytes) -> pathlib.Path:
    path = pathlib.Path(tempfile.mkdtemp()) / "t.csv"
    path.write_bytes(data)
    return path


def _read(path: pathlib.Path) -> str:
    with path.open(encoding=_detect(path), newline="") as file:
        return file.read()


@given(text=st.text(st.characters(codec="utf-8", exclude_categories=["Cs"])))
def test_text_with_a_byte_order_mark_or_in_utf8_reads_back_exactly(text: str) -> None:
    plain = () if text.startswith("\ufeff") else (text.encode("utf-8"),)  # that is a mark
    for data in (
        *plain,
        codecs.BOM_UTF8 + text.encode("utf-8"),
        codecs.BOM_UTF16_LE + text.encode("utf-16-le"),
        codecs.BOM_UTF16_BE + text.encode("utf-16-be"),
    ):
        path = _write(data)
        assert _read(path) == text


@given(text=st.text(st.characters(codec="gb18030", exclude_categories=["Cs"])))
def test_text_in_gb18030_reads_back_unless_its_bytes_are_also_utf8(text: str) -> None:
    """A file whose GB18030 bytes are all valid UTF-8 cannot be told apart (docs/cli.md)."""
    data = text.encode("gb18030")
    path = _write(data)
    found = _read(path)
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        assert found == text
    else:
        assert found == data.decode("utf-8-sig")


@given(data=st.binary())
def test_any_bytes_are_read_whole_in_one_encoding_or_refused_whole(data: bytes) -> None:
    path = _write(data)
    try:
        encoding = _detect(path)
    except InvalidInputError as exc:
        refused = str(exc)
    else:
        data.decode(encoding)  # the whole file, without an error
        refused = ""
    if not data.startswith((codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        if _decodes(data, "utf-8"):
            assert refused == ""
            assert encoding == "utf-8"
        elif not _decodes(data, "gb18030"):
            assert refused.startswith("file: expected text in UTF-8")


def _decodes(data: bytes, encoding: str) -> bool:
    try:
        data.decode(encoding)
    except UnicodeDecodeError:
        return False
    return True


def test_a_utf8_file_with_a_character_cut_short_is_refused_not_read_as_gb18030() -> None:
    """Its GB18030 reading would be valid, and every name in it mojibake."""
    names = "customer_id,person.name\nc-1,王芳\nc-2,李伟\n".encode()
    cut = names + b"c-3," + "王芳".encode()[:-2] + b"\n"
    cut.decode("gb18030")  # valid there
    with pytest.raises(InvalidInputError) as caught:
        _detect(_write(cut))
    assert str(caught.value) == (
        "file: expected text in UTF-8 (byte 0xe8 on line 4 is not), got UTF-8 with bytes cut or"
        " lost; the file is not read; repair or export it again, or give its encoding with"
        " --encoding at the command line, encoding= in Python"
    )
    assert _detect(_write(cut), "gb18030") == "gb18030"  # forced, it is read as told


@pytest.mark.parametrize("name", ["klingon", "base64", "zlib", "rot13", ""])
def test_only_an_encoding_of_text_may_be_forced(name: str) -> None:
    """base64 passed the check and then open() raised LookupError: a traceback."""
    with pytest.raises(InvalidInputError) as caught:
        _checked_encoding(name)
    assert str(caught.value) == (
        f"encoding: expected an encoding such as utf-8, gb18030 or utf-16, got str {name!r}"
    )
    assert _checked_encoding("GBK") == "gbk"


def test_lines_and_counts_hold_across_the_chunks_a_file_is_read_in(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr("custrel.io._encoding._CHUNK", 3)
    text = "a\nbb\n王芳\nccc\n李伟\n".encode()
    assert _first_error(_write(text + b"\xff\n"), "utf-8") == (6, 0xFF)
    assert _first_error(_write(text), "utf-8") is None
    mostly = _write(text + "王".encode()[:-1] + b"\n")  # 4 good, 1 cut
    assert _damaged_utf8(mostly) is True
    assert _damaged_utf8(_write("王芳".encode("gbk"))) is False
    assert _damaged_utf8(_write("王".encode() + b"\xff\xfe")) is False  # 1 good, 2 bad


def test_an_encoding_forced_is_named_as_python_names_it_in_the_message(
    tmp_path: pathlib.Path,
) -> None:
    path = tmp_path / "t.csv"
    path.write_bytes(b"a\n\xff\n")
    with pytest.raises(InvalidInputError, match=r"expected text in big5 \(byte 0xff on line 2"):
        _detect(path, "big5")
