"""custrel.io: JSON Lines and CSV readers and writers, and policy files."""

import json
import pathlib
from datetime import UTC, datetime, timedelta, timezone
from decimal import Decimal
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from custrel import io
from custrel.errors import InvalidInputError, PolicyError
from custrel.io import _cells
from custrel.models import (
    Complaint,
    ContactEvent,
    CustomerProfile,
    Opportunity,
    Purchase,
)
from tests._samples import build

DOCS = pathlib.Path(__file__).parent.parent.parent / "docs"
HEAD = '{"customer_id": "c-1", "at": "2026-11-02T09:30:00+08:00", "product": "tea", '
EVENT_MODELS = [ContactEvent, Purchase, Complaint, Opportunity, CustomerProfile]


def read(cls: type[Any], path: pathlib.Path, **kwargs: Any) -> tuple[list[Any], list[io.BadRecord]]:
    reader = io.read_csv if path.suffix == ".csv" else io.read_jsonl
    records = reader(cls, path, **kwargs)
    return list(records), records.problems


def messages(problems: list[io.BadRecord]) -> list[str]:
    return [f"{p.line} {e}" for p in problems for e in p.errors]


@pytest.mark.parametrize("cls", EVENT_MODELS)
@settings(max_examples=25)
@given(data=st.data())
def test_written_records_read_back_equal(
    cls: type[Any], data: st.DataObject, tmp_path_factory: pytest.TempPathFactory
) -> None:
    """The documented CSV form and JSON Lines both round-trip every model."""
    records = data.draw(st.lists(st.from_type(cls), max_size=4))
    folder = tmp_path_factory.mktemp("round")
    assert io.write_csv(cls, folder / "x.csv", records) == len(records)
    assert io.write_jsonl(folder / "x.jsonl", records) == len(records)
    for name in ("x.csv", "x.jsonl"):
        back, problems = read(cls, folder / name)
        assert problems == []
        assert back == records


def test_csv_cells_are_read_as_documented(tmp_path: pathlib.Path) -> None:
    path = tmp_path / "purchases.csv"
    path.write_text(
        "\ufeffproduct,customer_id,at,amount,refund,quantity\n"
        "tea,c-1,2026-11-02T09:30:00+08:00,12.50,YES,\n"
        "\n"
        "tea,c-2,2026-11-02T09:30:00Z,3,0,4\n",
        encoding="utf-8",
    )
    back, problems = read(Purchase, path)
    assert problems == []
    assert [(p.amount, p.refund, p.quantity) for p in back] == [
        (Decimal("12.50"), True, 1),
        (Decimal(3), False, 4),
    ]


def test_csv_enum_by_value_or_name_and_lists(tmp_path: pathlib.Path) -> None:
    path = tmp_path / "profiles.csv"
    path.write_text(
        "customer_id,created_on,tags,person.name,person.gender,person.occasions\n"
        "c-1,2026-01-05,tea; vip ;,Wang Fang,FEMALE,"
        '"[{""kind"": ""birthday"", ""on"": ""1990-02-28""}]"\n',
        encoding="utf-8",
    )
    [profile], problems = read(CustomerProfile, path)
    assert problems == []
    assert profile.tags == {"tea", "vip"}
    assert profile.person is not None
    assert profile.person.gender is not None
    assert profile.person.gender.value == "female"
    assert len(profile.person.occasions) == 1


def test_naive_times_take_the_zone_given(tmp_path: pathlib.Path) -> None:
    shanghai = timezone(timedelta(hours=8))
    csv_path = tmp_path / "complaints.csv"
    csv_path.write_text("customer_id,at,severity\nc-1,2026-11-02 09:30,serious\n")
    jsonl_path = tmp_path / "complaints.jsonl"
    jsonl_path.write_text(
        '{"customer_id": "c-1", "at": "2026-11-02T09:30", "severity": "serious"}\n'
    )
    for path in (csv_path, jsonl_path):
        [complaint], problems = read(Complaint, path, tz=shanghai)
        assert problems == []
        assert complaint.at == datetime(2026, 11, 2, 1, 30, tzinfo=UTC)


@pytest.mark.parametrize(
    ("row", "expected"),
    [
        ("c-1,2026-11-02 09:30,tea,1,9", "at: expected an ISO 8601 time with a UTC offset"),
        ("c-1,yesterday,tea,1,9", "at: expected a time with the year first"),
        ("c-1,11/02/2026 09:30,tea,1,9", "at: expected a time with the year first"),
        ("c-1,2026-11-02T09:30Z,tea,1,9 yuan", "amount: expected an amount such as 1234.50"),
        ("c-1,2026-11-02T09:30Z,tea,1,-9", "amount: expected a finite Decimal or int >= 0"),
        ("c-1,2026-11-02T09:30Z,,1,9", "product: expected a value: the field is required"),
        ("c-1,2026-11-02T09:30Z,tea,1", "record: expected 5 cells, as in the header"),
    ],
)
def test_each_bad_csv_row_is_reported_and_reading_goes_on(
    tmp_path: pathlib.Path, row: str, expected: str
) -> None:
    path = tmp_path / "purchases.csv"
    path.write_text(
        f"customer_id,at,product,quantity,amount\n{row}\nc-2,2026-11-02T09:30Z,tea,1,9\n"
    )
    back, problems = read(Purchase, path)
    assert [p.customer_id for p in back] == ["c-2"]
    assert len(problems) == 1
    assert messages(problems)[0].startswith(f"2 {expected}")


def test_bad_optional_cells_are_left_empty_and_reported_with_their_line(
    tmp_path: pathlib.Path,
) -> None:
    """Only a wrong required cell refuses a record: a typo in a detail keeps the customer."""
    path = tmp_path / "contacts.csv"
    path.write_text(
        "customer_id,at,channel,direction,reached\nc-1,2026-11-02T09:30Z,fax,inbound,maybe\n"
    )
    [event], problems = read(ContactEvent, path)
    assert event.reached is None
    assert [(p.line, p.kept, p.customer_id) for p in problems] == [(2, True, "c-1")]
    assert [str(p) for p in problems] == [
        f"{path}:2: left empty: reached: expected true or false (yes/no, 是/否), got str 'maybe'"
    ]
    path = tmp_path / "profiles.csv"
    path.write_text(
        "customer_id,created_on,person.name,person.occasions,person.age,person.contact.mobile\n"
        "c-1,2026-01-05,Wang,[oops,-3,138 0013 8000 ext 12\n"
    )
    [profile], problems = read(CustomerProfile, path)
    assert profile.person is not None
    assert (profile.person.name, profile.person.occasions, profile.person.age) == ("Wang", (), None)
    assert profile.person.contact.mobile is None
    found = messages(problems)
    assert found[0].startswith("2 person.occasions: expected a JSON list of Occasion")
    assert sorted(found[1:]) == [
        "2 person.age: expected an int in 0..150 or None, got int -3",
        (
            "2 person.contact.mobile: expected a phone number of 5 to 20 digits (spaces, '+', '-', "
            "'()' allowed) or None, got str '1******************2'"
        ),
    ]


def test_a_bad_quantity_is_left_empty_in_jsonl_too(tmp_path: pathlib.Path) -> None:
    path = tmp_path / "purchases.jsonl"
    path.write_text(HEAD + '"amount": "9", "quantity": 2.5}\n')
    [purchase], problems = read(Purchase, path)
    assert purchase.quantity == 1
    assert [(p.kept, str(e)) for p in problems for e in p.errors] == [
        (True, "quantity: expected an int >= 0, got Decimal Decimal('2.5')")
    ]


def test_a_record_refused_for_a_required_field_lists_its_optional_errors_too(
    tmp_path: pathlib.Path,
) -> None:
    path = tmp_path / "purchases.csv"
    path.write_text("customer_id,at,product,quantity,amount\nc-1,2026-11-02T09:30Z,tea,x,-9\n")
    back, problems = read(Purchase, path)
    assert back == []
    assert [(p.kept, p.customer_id) for p in problems] == [(False, "c-1")]
    assert [e.field for e in problems[0].errors] == ["quantity", "amount"]


def test_personal_values_are_masked(tmp_path: pathlib.Path) -> None:
    path = tmp_path / "profiles.csv"
    path.write_text(
        "customer_id,created_on,person.name,person.birthday\nc-1,2026-01-05,Wang,1988-13-01\n"
    )
    [message] = messages(read(CustomerProfile, path)[1])
    assert "1988-13-01" not in message
    assert message.startswith("2 person.birthday: expected")


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        ("customer_id,at,product,amout", "amount: expected a column: the field is required"),
        ("customer_id,at,product", "amount: expected a column: the field is required"),
        ("customer_id,at,product,amount,amount", "amount: expected one column only"),
    ],
)
def test_a_bad_header_is_reported_once(tmp_path: pathlib.Path, header: str, expected: str) -> None:
    path = tmp_path / "purchases.csv"
    path.write_text(f"{header}\nc-1,2026-11-02T09:30Z,tea,9\nc-2,2026-11-02T09:30Z,tea,9\n")
    back, problems = read(Purchase, path)
    assert back == []
    assert len(problems) == 1
    assert problems[0].line == 1
    assert any(m.startswith(f"1 {expected}") for m in messages(problems))


def test_an_empty_csv_file_has_no_records(tmp_path: pathlib.Path) -> None:
    path = tmp_path / "purchases.csv"
    path.write_text("")
    assert read(Purchase, path) == ([], [])


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        (
            '{"customer_id": "c-1", "at": ',
            "record: expected a JSON object (Expecting value at column 31), got str '{",
        ),
        ("[1, 2]", "record: expected a JSON object with the fields of Purchase, got list (hidden)"),
        (
            HEAD + '"amount": "9", "colour": "red"}',
            "colour: expected one of the fields of Purchase",
        ),
        (
            '{"customer_id": "c-1", "at": "2026-11-02T09:30:00", "product": "tea", "amount": "9"}',
            "at: expected an ISO 8601 time with a UTC offset",
        ),
        (
            HEAD + '"amount": NaN}',
            "amount: expected a finite Decimal or int >= 0, got float nan",
        ),
    ],
)
def test_each_bad_json_line_is_reported_and_reading_goes_on(
    tmp_path: pathlib.Path, line: str, expected: str
) -> None:
    good = HEAD.replace("c-1", "c-2") + '"amount": 12.5}'
    path = tmp_path / "purchases.jsonl"
    path.write_text(f"{good}\n\n{line}\n{good}\n")
    back, problems = read(Purchase, path)
    assert [p.amount for p in back] == [Decimal("12.5")] * 2
    assert [p.line for p in problems] == [3]
    assert any(m.startswith(f"3 {expected}") for m in messages(problems)), messages(problems)


def test_strict_stops_at_the_first_bad_record_naming_file_and_line(tmp_path: pathlib.Path) -> None:
    path = tmp_path / "opportunities.jsonl"
    path.write_text('{"customer_id": "c-1", "need": "urgent", "status": "potential"}\n')
    with pytest.raises(InvalidInputError) as caught:
        list(io.read_jsonl(Opportunity, path, strict=True))
    assert str(caught.value).startswith(f"{path}:1: need: expected one of")


def test_on_bad_takes_the_bad_records_and_line_follows_the_good(tmp_path: pathlib.Path) -> None:
    path = tmp_path / "opportunities.jsonl"
    path.write_text(
        '{"customer_id": "c-1", "need": "urgent", "status": "potential"}\n'
        '{"customer_id": "c-1", "need": "none", "status": "potential"}\n'
    )
    seen: list[io.BadRecord] = []
    records = io.read_jsonl(Opportunity, path, on_bad=seen.append)
    assert [o.need.value for o in records] == ["none"]
    assert (records.line, records.good, records.bad, records.problems) == (2, 1, 1, [])
    assert str(seen[0]).startswith(f"{path}:1: need: expected one of")


def test_a_missing_file_raises_when_read(tmp_path: pathlib.Path) -> None:
    records = io.read_csv(Purchase, tmp_path / "nowhere.csv")
    with pytest.raises(FileNotFoundError):
        next(records)


def test_csv_columns_and_writers_refuse_what_is_not_a_model(tmp_path: pathlib.Path) -> None:
    with pytest.raises(InvalidInputError, match="cls: expected a custrel model class"):
        io.csv_columns(dict)
    with pytest.raises(InvalidInputError, match=r"records\[0\]: expected a Purchase"):
        io.write_csv(Purchase, tmp_path / "x.csv", [build(Complaint)])


# Policies ---------------------------------------------------------------------------------


def test_the_documented_example_covers_every_policy_and_loads() -> None:
    path = DOCS / "policies.toml"
    policies = io.load_policies(path)
    text = path.read_text(encoding="utf-8")
    for section in io.Policies().fingerprints():
        assert f"[{section}]" in text
        for key in getattr(io.Policies(), section).to_dict():
            assert key in text, (section, key)
    assert policies.tiers.shares == (
        Decimal("0.01"),
        Decimal("0.19"),
        Decimal("0.30"),
        Decimal("0.50"),
    )


def test_json_policies_read_numbers_exactly(tmp_path: pathlib.Path) -> None:
    path = tmp_path / "policies.json"
    path.write_text(json.dumps({"lifecycle": {"growth": 0.25}, "service": {"reach_share": 0.3}}))
    policies = io.load_policies(path)
    assert policies.lifecycle.growth == Decimal("0.25")
    assert policies.service.reach_share == Decimal("0.3")
    assert policies.grading == io.Policies().grading


@pytest.mark.parametrize(
    ("name", "text", "expected"),
    [
        ("p.toml", "[tiers\n", "expected a TOML document"),
        ("p.json", "{", "expected a JSON document"),
        ("p.yaml", "tiers: {}", "expected a .toml or .json file"),
        ("p.json", "[1]", "expected a table of policies"),
        ("p.toml", "[tier]\nshares = [1]\n", "tier: expected one of the policies (grading, "),
        ("p.toml", "tiers = 3\n", "tiers: expected a table of the policy's fields"),
        (
            "p.toml",
            "[grading]\nhorizons = 3\n[pool]\nfirst_contact_days = 0\n",
            "2 invalid fields:",
        ),
    ],
)
def test_bad_policy_files_are_refused(
    tmp_path: pathlib.Path, name: str, text: str, expected: str
) -> None:
    path = tmp_path / name
    path.write_text(text)
    with pytest.raises(PolicyError) as caught:
        io.load_policies(path)
    assert expected in str(caught.value)


def test_policy_errors_name_the_section(tmp_path: pathlib.Path) -> None:
    path = tmp_path / "p.toml"
    path.write_text("[tiers]\nshares = [0.05, 0.15, 0.30, 0.60]\n")
    with pytest.raises(PolicyError) as caught:
        io.load_policies(path)
    assert caught.value.field == "tiers.shares"


@pytest.mark.parametrize(
    ("name", "text", "expected"),
    [
        ("p.toml", "[tiers]\nx = 1e5555555555555555559\n", "numbers Python can read"),
        ("p.toml", "[tiers]\nx = " + "9" * 5000 + "\n", "numbers Python can read"),
        ("p.toml", "x = " + "[" * 100_000, "nesting a few hundred deep"),
        ("p.json", '{"tiers": {"x": 1e5555555555555555559}}', "past Decimal's range"),
        ("p.json", '{"tiers": {"x": ' + "9" * 5000 + "}}", "more than 30 digits"),
        ("p.json", "[" * 100_000, "nesting deeper"),
    ],
    ids=[
        "toml-exponent",
        "toml-long-int",
        "toml-deep",
        "json-exponent",
        "json-long-int",
        "json-deep",
    ],
)
def test_policy_files_past_the_parsers_limits_are_refused(
    tmp_path: pathlib.Path, name: str, text: str, expected: str
) -> None:
    """Found by fuzzing loads: InvalidOperation, ValueError and RecursionError escaped."""
    path = tmp_path / name
    path.write_text(text)
    with pytest.raises(PolicyError, match=expected):
        io.load_policies(path)


# Files that are not UTF-8, and rows the csv module refuses --------------------------------

GOOD_ROW = b"c-1,2026-11-02T09:30Z,tea,9\n"
CSV_HEADER = b"customer_id,at,product,amount\n"


@pytest.mark.parametrize(
    ("encoding", "prefix"),
    [
        ("utf-8", b""),
        ("utf-8", b"\xef\xbb\xbf"),
        ("gb18030", b""),
        ("gbk", b""),
        ("utf-16-le", b"\xff\xfe"),
        ("utf-16-be", b"\xfe\xff"),
    ],
)
@pytest.mark.parametrize("suffix", [".csv", ".jsonl"])
def test_each_encoding_of_real_exports_is_found_without_an_option(
    tmp_path: pathlib.Path, encoding: str, prefix: bytes, suffix: str
) -> None:
    """UTF-8 with or without BOM, GB18030/GBK, and UTF-16 with BOM (tab-separated)."""
    if suffix == ".csv":
        sep = "\t" if encoding.startswith("utf-16") else ","
        text = sep.join(["客户编号", "时间", "产品", "金额"]) + "\n"
        text += sep.join(["c-1", "2026-11-02T09:30Z", "王芳的茶", "9"]) + "\n"
    else:
        text = '{"customer_id": "c-1", "at": "2026-11-02T09:30Z", "product": "王芳的茶", '
        text += '"amount": 9}\n'
    path = tmp_path / f"purchases{suffix}"
    path.write_bytes(prefix + text.encode(encoding))
    reader = io.read_csv if suffix == ".csv" else io.read_jsonl
    records = reader(Purchase, path)
    assert [p.product for p in records] == ["王芳的茶"]
    assert records.problems == []
    assert records.encoding == {"gbk": "gb18030", "utf-16-le": "utf-16", "utf-16-be": "utf-16"}.get(
        encoding, "utf-8-sig" if prefix else encoding
    )


def test_a_gbk_name_whose_bytes_are_valid_utf8_is_not_read_as_mojibake(
    tmp_path: pathlib.Path,
) -> None:
    """One byte not UTF-8 anywhere makes the whole file GB18030: no line is half read."""
    lucky = "浣犲ソ"  # its GBK bytes are the UTF-8 of "你好"
    assert lucky.encode("gbk").decode("utf-8") == "你好"
    path = tmp_path / "purchases.csv"
    rows = f"c-1,2026-11-02T09:30Z,{lucky},9\nc-2,2026-11-02T09:30Z,王芳,9\n"
    path.write_bytes(f"客户编号,时间,产品,金额\n{rows}".encode("gbk"))
    assert [p.product for p in io.read_csv(Purchase, path)] == [lucky, "王芳"]


@pytest.mark.parametrize("suffix", [".csv", ".jsonl"])
def test_a_file_valid_in_no_encoding_is_refused_whole_in_one_message(
    tmp_path: pathlib.Path, suffix: str
) -> None:
    path = tmp_path / f"purchases{suffix}"
    body = CSV_HEADER + GOOD_ROW if suffix == ".csv" else (HEAD + '"amount": 9}\n').encode()
    path.write_bytes(body + b"c-2,\x80\xff\n" + body)
    records = (io.read_csv if suffix == ".csv" else io.read_jsonl)(Purchase, path)
    assert list(records) == []
    assert records.refused is not None
    line = 3 if suffix == ".csv" else 2
    assert [str(p) for p in records.problems] == [
        (
            f"{path}:1: file: expected text in UTF-8 (byte 0x80 on line {line} is not) or GB18030"
            f" (byte 0x80 on line {line} is not), got other bytes; the file is not read; save it"
            " as UTF-8, or give its encoding with --encoding at the command line, encoding= in"
            " Python"
        )
    ]


def test_a_forced_encoding_is_the_only_one_tried(tmp_path: pathlib.Path) -> None:
    path = tmp_path / "purchases.csv"
    path.write_bytes("customer_id,at,product,amount\nc-1,2026-11-02T09:30Z,茶,9\n".encode("gbk"))
    assert [p.product for p in io.read_csv(Purchase, path, encoding="GBK")] == ["茶"]
    records = io.read_csv(Purchase, path, encoding="utf-8")
    assert list(records) == []
    [message] = messages(records.problems)
    assert message.startswith("1 file: expected text in UTF-8 (byte 0xb2 on line 2 is not), got")
    with pytest.raises(InvalidInputError, match="encoding: expected an encoding such as utf-8"):
        io.read_jsonl(Purchase, path, encoding="klingon")


@pytest.mark.parametrize("suffix", [".csv", ".jsonl"])
def test_a_file_that_changes_after_its_encoding_was_found_is_refused_from_there(
    tmp_path: pathlib.Path, monkeypatch: pytest.MonkeyPatch, suffix: str
) -> None:
    """A file being written while it is read: never mojibake, never a UnicodeDecodeError."""
    monkeypatch.setattr("custrel.io._records._detect", lambda *_: "utf-8")
    path = tmp_path / f"purchases{suffix}"
    if suffix == ".csv":
        path.write_bytes(CSV_HEADER + GOOD_ROW + b"c-2,2026-11-02T09:30Z,t\xe9a,9\n" + GOOD_ROW)
    else:
        good = (HEAD + '"amount": 12.5}\n').encode()
        path.write_bytes(good + b'{"customer_id": "W\xe1ng"}\n' + good)
    records = (io.read_csv if suffix == ".csv" else io.read_jsonl)(Purchase, path)
    assert list(records) == []  # text is decoded ahead of the records
    byte = "e9" if suffix == ".csv" else "e1"
    assert [str(p) for p in records.problems] == [
        (
            f"{path}:1: file: expected text in UTF-8, as the file was when reading began,"
            f" got byte 0x{byte}; the file changed while it was read; the rest of it is not read"
        )
    ]
    assert records.refused is not None


def test_a_csv_cell_past_the_field_size_limit_is_bad_and_reading_goes_on(
    tmp_path: pathlib.Path,
) -> None:
    """csv.Error ("field larger than field limit") escaped the reader."""
    path = tmp_path / "purchases.csv"
    huge = b"c-2,2026-11-02T09:30Z," + b"t" * 200_000 + b",9\n"
    path.write_bytes(CSV_HEADER + GOOD_ROW + huge + GOOD_ROW)
    back, problems = read(Purchase, path)
    assert [p.customer_id for p in back] == ["c-1", "c-1"]
    assert [p.line for p in problems] == [3]
    [message] = messages(problems)
    assert message.startswith("3 record: expected a CSV row (field larger than field limit")
    assert message.endswith("got text it cannot read")


def test_a_csv_header_past_the_field_size_limit_is_reported_at_line_1(
    tmp_path: pathlib.Path,
) -> None:
    path = tmp_path / "purchases.csv"
    path.write_bytes(b"x" * 200_000 + b"\n" + GOOD_ROW)
    back, problems = read(Purchase, path)
    assert back == []
    assert [p.line for p in problems] == [1]
    with pytest.raises(InvalidInputError, match=r"purchases\.csv:1: record: expected a CSV row"):
        list(io.read_csv(Purchase, path, strict=True))


@pytest.mark.parametrize(
    ("name", "bom", "offset"),
    [("p.toml", b"", 19), ("p.json", b"", 19), ("p.toml", b"\xef\xbb\xbf", 22)],
)
def test_a_policy_file_that_is_not_utf8_is_refused(
    tmp_path: pathlib.Path, name: str, bom: bytes, offset: int
) -> None:
    """The byte is counted from the start of the file, byte-order mark included."""
    path = tmp_path / name
    path.write_bytes(bom + b'[tiers]\n# secret W\xe1ng\n{"tiers": {}}')
    with pytest.raises(PolicyError) as caught:
        io.load_policies(path)
    assert str(caught.value) == (
        f"{path}: expected a file in UTF-8, got byte 0xe1 at byte {offset}; save the file as UTF-8"
    )


def test_a_policy_file_with_a_byte_order_mark_is_read(tmp_path: pathlib.Path) -> None:
    path = tmp_path / "p.toml"
    path.write_bytes(b"\xef\xbb\xbf[tiers]\nshares = [0.05, 0.15, 0.30, 0.50]\n")
    assert io.load_policies(path).tiers.shares[0] == Decimal("0.05")


@pytest.mark.parametrize(
    "line",
    [
        HEAD.replace("c-1", "c-\\udcff") + '"amount": 9}',
        HEAD + '"amount": 9, "\\ud800": 1}',
        HEAD.replace("tea", "tea \\ude00\\ud83d") + '"amount": 9}',
    ],
    ids=["value", "key", "pair-reversed"],
)
def test_a_json_escape_of_a_lone_surrogate_is_bad(tmp_path: pathlib.Path, line: str) -> None:
    """Not text: a report or a file written with such an id raised UnicodeEncodeError."""
    good = HEAD.replace("tea", "tea \\ud83d\\ude00") + '"amount": 12.5}'
    path = tmp_path / "purchases.jsonl"
    path.write_text(f"{good}\n{line}\n{good}\n")
    back, problems = read(Purchase, path)
    assert [p.product for p in back] == ["tea \U0001f600"] * 2
    [message] = messages(problems)
    assert message.startswith(
        "2 record: expected JSON whose \\u escapes are text (a surrogate \\ud800 to \\udfff is "
        "not), got str '{"
    )


def test_a_csv_json_cell_with_a_lone_surrogate_is_left_empty(tmp_path: pathlib.Path) -> None:
    path = tmp_path / "profiles.csv"
    path.write_text(
        "customer_id,created_on,tags\n"
        'c-1,2026-01-05,"[""tea"", ""\\udcff""]"\n'
        'c-2,2026-01-05,"[""tea"", ""\\ud83d\\ude00""]"\n'
    )
    back, problems = read(CustomerProfile, path)
    assert [p.tags for p in back] == [frozenset(), {"tea", "\U0001f600"}]
    [message] = messages(problems)
    assert message.startswith("2 tags: expected JSON whose \\u escapes are text")


@pytest.mark.parametrize(
    ("length", "expected"),
    [
        (100, "2 record: expected a JSON object (Expecting value at column 1)"),
        (101, "2 record: expected a line of at most 100 characters, got a line of more than 100"),
    ],
)
def test_a_jsonl_line_past_the_limit_is_bad_and_reading_goes_on(
    tmp_path: pathlib.Path, monkeypatch: pytest.MonkeyPatch, length: int, expected: str
) -> None:
    """A line is read up to the limit only (10,000,000 characters), then read past in parts."""
    monkeypatch.setattr(_cells, "_MAX_LINE", 100)
    good = HEAD + '"amount": 12.5}'
    path = tmp_path / "purchases.jsonl"
    path.write_text(f"{good}\n{'x' * length}\n{good}\n{'y' * 250}")
    back, problems = read(Purchase, path)
    assert [p.amount for p in back] == [Decimal("12.5")] * 2
    assert [p.line for p in problems] == [2, 4]
    assert messages(problems)[0].startswith(expected)
    assert messages(problems)[1].startswith("4 record: expected a line of at most 100 characters")


def test_a_cell_of_a_kind_no_model_has_yet_is_passed_on_as_text() -> None:
    column = _cells._Column("n", ("n",), float, personal=False)
    assert _cells._cell("1.5", column, None) == "1.5"
