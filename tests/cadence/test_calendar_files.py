"""Rule C4: working calendars read from TOML and JSON files, and the whole message for each
broken file.
"""

import io
from pathlib import Path

import pytest

from custrel.cadence import WorkCalendar
from custrel.errors import InvalidInputError, PolicyError

# Rule C4: calendars from files ----------------------------------------------------------------


def test_c4_from_file_refuses_a_broken_toml_file(tmp_path: Path) -> None:
    path = tmp_path / "acme.toml"
    path.write_text("name = ", encoding="utf-8")
    with pytest.raises(InvalidInputError) as caught:
        WorkCalendar.from_file(path)
    assert str(caught.value) == (
        f"{path}: expected a TOML document (Invalid value (at end of document)), got str 'name = '"
    )
    assert caught.value.field == str(path)
    assert caught.value.value == "name = "


def test_c4_from_file_refuses_a_broken_json_file(tmp_path: Path) -> None:
    path = tmp_path / "acme.json"
    path.write_text('{"name": ', encoding="utf-8")
    with pytest.raises(InvalidInputError) as caught:
        WorkCalendar.from_file(path)
    assert str(caught.value) == (
        f"{path}: expected a JSON document (Expecting value: line 1 column 10 (char 9)),"
        " got str '{\"name\": '"
    )
    assert caught.value.field == str(path)
    assert caught.value.value == '{"name": '


def test_c4_from_file_refuses_nan_in_json(tmp_path: Path) -> None:
    path = tmp_path / "acme.json"
    path.write_text('{"covers": [NaN]}', encoding="utf-8")
    with pytest.raises(InvalidInputError) as caught:
        WorkCalendar.from_file(path)
    assert str(caught.value) == (
        f"{path}: expected a JSON document (NaN is not a number), got str '{{\"covers\": [NaN]}}'"
    )


def test_c4_from_file_takes_only_toml_or_json(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    path = Path("acme.yaml")
    path.write_text("name: ACME", encoding="utf-8")
    with pytest.raises(InvalidInputError) as caught:
        WorkCalendar.from_file(path)
    assert str(caught.value) == "path: expected a .toml or .json file, got str 'acme.yaml'"
    assert caught.value.field == "path"
    assert caught.value.value == str(path)


def test_c4_from_file_wants_an_object(tmp_path: Path) -> None:
    path = tmp_path / "acme.json"
    path.write_text("[2026]", encoding="utf-8")
    with pytest.raises(InvalidInputError) as caught:
        WorkCalendar.from_file(path)
    assert str(caught.value) == (
        f"{path}: expected an object with the calendar's fields, got list [2026]"
    )
    assert caught.value.field == str(path)
    assert caught.value.value == [2026]


def test_c4_from_file_reads_json_numbers_with_a_point_as_decimals(tmp_path: Path) -> None:
    path = tmp_path / "bad.json"
    path.write_text('{"covers": [2027.0]}', encoding="utf-8")
    with pytest.raises(PolicyError) as caught:
        WorkCalendar.from_file(path)
    assert str(caught.value) == (
        "bad.json: covers: expected an int in 1..9999, got Decimal Decimal('2027.0')"
    )


def test_c4_from_file_prefixes_every_problem_with_the_file_name(tmp_path: Path) -> None:
    path = tmp_path / "bad.toml"
    path.write_text('name = " "\ncovers = [0]\n', encoding="utf-8")
    with pytest.raises(PolicyError) as caught:
        WorkCalendar.from_file(path)
    assert [e.field for e in caught.value.errors] == ["bad.toml: name", "bad.toml: covers"]


def test_c4_from_file_reads_utf8_whatever_the_locale(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "beijing.toml"
    path.write_text('name = "北京"\ncovers = [2027]\n', encoding="utf-8")

    def latin1_locale(encoding: str | None, stacklevel: int = 2) -> str:  # noqa: ARG001
        return encoding if encoding is not None else "latin-1"

    monkeypatch.setattr(io, "text_encoding", latin1_locale)
    assert WorkCalendar.from_file(path).name == "北京"
