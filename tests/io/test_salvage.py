"""A record with its wrong optional fields left empty; read_excel's refusals of a whole sheet."""

import pathlib
from datetime import date
from typing import Any

import openpyxl
import pytest

from custrel import io
from custrel.errors import CustrelError
from custrel.io import _cells
from custrel.io._salvage import _emptiable, _remove, _remove_all, _salvage
from custrel.models import CustomerProfile, Purchase


@pytest.mark.parametrize(
    ("data", "path", "removed", "left"),
    [
        ({"a": {"b": {"c": 1}}, "d": 2}, ("a", "b", "c"), True, {"d": 2}),
        ({"a": {"b": {"c": 1, "e": 3}}}, ("a", "b", "c"), True, {"a": {"b": {"e": 3}}}),
        ({"a": {"b": 1}}, ("a", "b", "c"), False, {"a": {"b": 1}}),
        ({"a": {}}, ("a", "c"), False, {"a": {}}),
        ({"c": 1}, ("c",), True, {}),
    ],
)
def test_remove_drops_a_value_and_the_objects_it_leaves_empty(
    data: dict[str, Any], path: tuple[str, ...], removed: bool, left: dict[str, Any]
) -> None:
    assert _remove(data, path) is removed
    assert data == left


def test_a_required_field_of_an_optional_part_leaves_the_part_empty() -> None:
    """A blank name with an age: the person goes, the customer stays (both said)."""
    data: dict[str, Any] = {"customer_id": "c-1", "created_on": "2026-01-01"}
    data["person"] = {"name": "", "age": 500}
    record, emptied, refusing = _salvage(CustomerProfile, data, [])
    assert isinstance(record, CustomerProfile)
    assert record.person is None
    assert refusing == []
    said = {e.field: str(e) for e in emptied}
    assert said["person.age"] == "person.age: expected an int in 0..150 or None, got int 500"
    assert said["person.name"].endswith("; so person is left empty as a whole")


def test_a_required_field_of_the_record_itself_refuses_it_with_every_problem() -> None:
    data: dict[str, Any] = {"customer_id": "", "created_on": "2026-01-01"}
    data["person"] = {"name": "Wang", "age": 500}
    record, emptied, refusing = _salvage(CustomerProfile, data, [])
    assert (record, emptied) == (None, [])
    assert sorted(e.field for e in refusing) == ["customer_id", "person.age"]


def test_an_optional_field_left_empty_makes_the_record() -> None:
    data: dict[str, Any] = {"customer_id": "c-1", "created_on": "2026-01-01"}
    data["person"] = {"name": "Wang", "age": 500}
    record, emptied, refusing = _salvage(CustomerProfile, data, [])
    assert isinstance(record, CustomerProfile)
    assert record.created_on == date(2026, 1, 1)
    assert [e.field for e in emptied] == ["person.age"]
    assert refusing == []


def _sheet(path: pathlib.Path, rows: list[list[object]], title: str = "Sheet1") -> None:
    book = openpyxl.Workbook(write_only=True)
    sheet = book.create_sheet(title)
    for row in rows:
        sheet.append(row)
    book.save(path)


def test_read_excel_refuses_a_whole_sheet_it_cannot_read(tmp_path: pathlib.Path) -> None:
    path = tmp_path / "book.xlsx"
    path.write_text("not a workbook")
    records = io.read_excel(Purchase, path)
    assert list(records) == []
    [bad] = records.problems
    assert (bad.path, bad.line, bad.kept) == (str(path), 1, False)
    assert records.refused is not None
    _sheet(path, [["customer_id"]])
    records = io.read_excel(Purchase, path, sheet="购买记录")
    assert list(records) == []
    assert records.problems[0].path == f"{path}[购买记录]"
    assert "Sheet1" in str(records.problems[0])


def test_read_excel_reads_an_empty_sheet_as_no_records(tmp_path: pathlib.Path) -> None:
    path = tmp_path / "book.xlsx"
    _sheet(path, [])
    records = io.read_excel(Purchase, path)
    assert (list(records), records.problems, records.refused) == ([], [], None)


def test_read_excel_without_the_extra_says_how_to_install_it(
    tmp_path: pathlib.Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(__import__("sys").modules, "python_calamine", None)
    with pytest.raises(CustrelError, match=r'pip install "custrel\[excel\]"'):
        io.read_excel(Purchase, tmp_path / "book.xlsx")


def test_what_is_left_empty_for_a_field_that_is_no_column() -> None:
    assert _emptiable(CustomerProfile, "organization.name") == ("organization",)
    assert _emptiable(CustomerProfile, "person.occasions[0].on") == ("person", "occasions")
    assert _emptiable(CustomerProfile, "customer_id.part") is None  # under a required field
    assert _emptiable(CustomerProfile, "nosuch.field") is None


def test_remove_all_takes_a_part_before_its_fields_and_fails_on_what_is_absent() -> None:
    data: dict[str, Any] = {"a": {"b": 1}, "c": 2}
    assert _remove_all(data, [("a", "b"), ("a",)]) is True
    assert data == {"c": 2}
    assert _remove_all(data, [("x",)]) is False
    assert _remove_all(data, [None]) is False


@pytest.mark.parametrize(("cell", "value"), [("{}", {}), ("[1]", [1])])
def test_a_json_cell_of_records_that_is_no_list_of_objects_is_left_to_the_model(
    cell: str, value: object
) -> None:
    [column] = [c for c in _cells._columns(CustomerProfile) if c.name == "person.occasions"]
    assert _cells._cell(cell, column, None) == value
