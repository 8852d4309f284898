"""custrel.io._vocabulary: Chinese headers and Chinese values of real exports."""

import enum
import pathlib
import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from custrel.io import _vocabulary as v
from custrel.io._cells import _columns
from custrel.labels import label
from custrel.models import (
    Calendar,
    Channel,
    Complaint,
    ContactEvent,
    CustomerProfile,
    DealStatus,
    Direction,
    Gender,
    Need,
    OccasionKind,
    Opportunity,
    Purchase,
    Relation,
    Severity,
)

MODELS: list[type] = [CustomerProfile, Opportunity, ContactEvent, Purchase, Complaint]
VOCABULARIES: list[type[enum.Enum]] = [
    Channel,
    Direction,
    Gender,
    Need,
    DealStatus,
    Severity,
    Relation,
    OccasionKind,
    Calendar,
]
HEADERS = [
    (cls, name, text)
    for cls in MODELS
    for name in [c.name for c in _columns(cls)]
    for text in (name, *v._HEADERS[cls].get(name, ()))
]
MEMBERS = [member for kind in VOCABULARIES for member in kind]


def fullwidth(text: str) -> str:
    """``text`` with every ASCII character but the space in its full-width form."""
    return "".join(chr(ord(c) + 0xFEE0) if "!" <= c <= "~" else c for c in text)


# Headers --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("cls", "header", "expected"),
    [
        (Purchase, "客户编号", "customer_id"),
        (Purchase, "Customer_ID", "customer_id"),
        (Purchase, "Customer ID", "customer_id"),
        (Purchase, "客户编号 ", "customer_id"),
        (Purchase, "\ufeff客户编号", "customer_id"),
        (Purchase, "ＣＵＳＴＯＭＥＲ＿ＩＤ", "customer_id"),  # noqa: RUF001 - full-width on purpose
        (Purchase, "客户ID", "customer_id"),
        (Purchase, "时间", "at"),
        (Purchase, "下单时间", "at"),
        (Purchase, "成交时间", "at"),
        (Purchase, "金额", "amount"),
        (Purchase, "金额(元)", "amount"),
        (Purchase, "金额（元）", "amount"),
        (Purchase, "订单金额", "amount"),
        (Purchase, "商品", "product"),
        (Purchase, "数量", "quantity"),
        (Purchase, "毛利", "profit"),
        (Purchase, "是否退货", "refund"),
        (Purchase, "订单编号", "order_id"),
        (Opportunity, "预计金额", "amount"),
        (Opportunity, "金额", "amount"),
        (Opportunity, "商机状态", "status"),
        (Opportunity, "需求", "need"),
        (Opportunity, "预计成交日期", "expected_close"),
        (ContactEvent, "联系时间", "at"),
        (ContactEvent, "渠道", "channel"),
        (ContactEvent, "联系方式", "channel"),
        (ContactEvent, "联系方向", "direction"),
        (Complaint, "严重程度", "severity"),
        (CustomerProfile, "姓名", "person.name"),
        (CustomerProfile, "联系人", "person.name"),
        (CustomerProfile, "公司名称", "organization.name"),
        (CustomerProfile, "手机号", "person.contact.mobile"),
        (CustomerProfile, "person.contact.mobile", "person.contact.mobile"),
        (CustomerProfile, "Person.Contact.Mobile", "person.contact.mobile"),
        (CustomerProfile, "客户经理", "owner"),
        (CustomerProfile, "建档日期", "created_on"),
        (CustomerProfile, "性别", "person.gender"),
        (CustomerProfile, "生日", "person.birthday"),
        (CustomerProfile, "职务", "person.job_title"),
        (CustomerProfile, "邮箱", "person.contact.email"),
        (CustomerProfile, "E-mail", "person.contact.email"),
        (CustomerProfile, "地址", "person.contact.address"),
    ],
)
def test_a_header_names_its_column(cls: type, header: str, expected: str) -> None:
    assert expected == v._header_field(cls, header)


@pytest.mark.parametrize(
    ("cls", "header"),
    [
        (Purchase, "备注"),
        (Purchase, "金额(万元)"),  # another unit: the value would be read wrong
        (Purchase, "渠道"),  # a header of another model
        (Purchase, ""),
        (CustomerProfile, "客户名称"),  # a person's or an organisation's: left out
        (CustomerProfile, "mobile"),
    ],
)
def test_an_unknown_header_names_no_column(cls: type, header: str) -> None:
    assert v._header_field(cls, header) is None


def test_the_users_mapping_comes_before_the_labels() -> None:
    mapping = {"时间 ": "order_id", "Bemerkung": "product"}
    assert v._header_field(Purchase, "时间", mapping) == "order_id"
    assert v._header_field(Purchase, "BEMERKUNG", mapping) == "product"
    assert v._header_field(Purchase, "金额", mapping) == "amount"


@pytest.mark.parametrize("cls", MODELS)
def test_a_label_names_one_column_of_a_model(cls: type) -> None:
    seen: dict[str, str] = {}
    for name in [c.name for c in _columns(cls)]:
        for text in (name, *v._HEADERS[cls].get(name, ())):
            assert seen.setdefault(v._normal(text), name) == name, text


@pytest.mark.parametrize("cls", MODELS)
def test_the_header_table_names_only_columns_of_its_model(cls: type) -> None:
    assert set(v._HEADERS[cls]) <= {c.name for c in _columns(cls)}


@pytest.mark.parametrize("cls", MODELS)
def test_every_column_has_a_chinese_header_but_the_ones_left_out(cls: type) -> None:
    unlabelled = {c.name for c in _columns(cls)} - set(v._HEADERS[cls])
    assert unlabelled == v._UNLABELLED & {c.name for c in _columns(cls)}


def test_the_models_of_the_header_table_are_the_portfolio_tables() -> None:
    from custrel._cli._reading import TABLES  # noqa: PLC0415 - only this test needs it

    assert set(v._HEADERS) == set(TABLES.values())


def test_a_model_without_chinese_headers_still_reads_its_column_names() -> None:
    from custrel.models import Occasion  # noqa: PLC0415 - only this test needs it

    assert v._header_field(Occasion, "Kind") == "kind"
    assert v._header_field(Occasion, "生日") is None


@given(case=st.integers(0, len(HEADERS) - 1), spaces=st.lists(st.integers(0, 40), max_size=3))
def test_headers_compare_in_any_case_width_and_spacing(case: int, spaces: list[int]) -> None:
    cls, name, text = HEADERS[case]
    spaced = text
    for at in spaces:
        spaced = spaced[:at] + " " + spaced[at:]
    for form in (text.upper(), spaced, fullwidth(text), f" {fullwidth(text.upper())}\t"):
        assert v._header_field(cls, form) == name, form


@given(cls=st.sampled_from(MODELS), header=st.text())
def test_any_header_names_a_column_or_none(cls: type, header: str) -> None:
    found = v._header_field(cls, header)
    assert found is None or found in {c.name for c in _columns(cls)}
    suggested = v._did_you_mean(cls, header)
    assert suggested is None or suggested in {c.name for c in _columns(cls)}


# Did you mean ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("cls", "header", "expected"),
    [
        (Purchase, "custmer_id", "customer_id"),
        (Purchase, "金额a", "amount"),
        (Purchase, "ammount", "amount"),
        (Purchase, "订单编码", "order_id"),
        (Purchase, "备注", None),
        (Purchase, "", None),
        (CustomerProfile, "mobile", "person.contact.mobile"),
        (CustomerProfile, "hobbys", "person.preferences.hobbies"),
        (Opportunity, "金额", "amount"),
    ],
)
def test_did_you_mean_suggests_the_closest_column(
    cls: type, header: str, expected: str | None
) -> None:
    assert expected == v._did_you_mean(cls, header)


# Values ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("kind", "word", "expected"),
    [
        (Channel, "微信", "chat"),
        (Channel, "企业微信", "chat"),
        (Channel, "QQ", "chat"),
        (Channel, "qq", "chat"),
        (Channel, "在线", "chat"),
        (Channel, "电话", "phone"),
        (Channel, "致电", "phone"),
        (Channel, "来电", "phone"),
        (Channel, "拜访", "visit"),
        (Channel, "上门", "visit"),
        (Channel, "面谈", "visit"),
        (Channel, "邮件", "email"),
        (Channel, "电邮", "email"),
        (Channel, "短信", "sms"),
        (Channel, "传真", "fax"),
        (Channel, "信件", "post"),
        (Channel, "官网", "website"),
        (Channel, "展会", "meeting"),
        (Channel, "会议", "meeting"),
        (Channel, "微博", "social"),
        (Channel, "抖音", "social"),
        (Channel, "visit", "visit"),
        (Channel, " VISIT ", "visit"),
        (Channel, "Sms", "sms"),
        (Channel, "飞鸽", None),
        (Direction, "主动联系", "outbound"),
        (Direction, "呼出", "outbound"),
        (Direction, "外呼", "outbound"),
        (Direction, "去电", "outbound"),
        (Direction, "客户来访", "inbound"),
        (Direction, "呼入", "inbound"),
        (Direction, "来电", "inbound"),
        (Gender, "男", "male"),
        (Gender, "女", "female"),
        (Gender, "女士", "female"),
        (Need, "明显需求", "explicit"),
        (Need, "潜在", "potential"),
        (Need, "无需求", "none"),
        (Need, "NONE", "none"),
        (DealStatus, "已成交", "closed"),
        (DealStatus, "谈判中", "negotiating"),
        (DealStatus, "潜在", "potential"),
        (Severity, "重大", "serious"),
        (Severity, "一般", "ordinary"),
        (OccasionKind, "wedding anniversary", "wedding_anniversary"),
        (OccasionKind, "Wedding-Anniversary", "wedding_anniversary"),
        (OccasionKind, "司庆", "company_anniversary"),
        (Calendar, "阴历", "lunar"),
        (Relation, "老公", "spouse"),
    ],
)
def test_a_word_means_its_value(kind: type[enum.Enum], word: str, expected: str | None) -> None:
    assert expected == v._enum_value(kind, word)


def test_a_vocabulary_without_chinese_words_still_reads_values_and_names() -> None:
    class Colour(enum.StrEnum):
        DARK_RED = "dark-red"

    assert v._enum_value(Colour, "DARK_RED") == "dark-red"
    assert v._enum_value(Colour, "dark red") == "dark-red"
    assert v._enum_value(Colour, "红") is None


@pytest.mark.parametrize("kind", VOCABULARIES)
def test_a_word_means_one_value_of_a_vocabulary(kind: type[enum.Enum]) -> None:
    seen: dict[str, str] = {}
    for member in kind:
        for text in (member.name, str(member.value), *v._ENUM_WORDS[kind][member.value]):
            assert seen.setdefault(v._normal(text), member.value) == member.value, text


@pytest.mark.parametrize("kind", VOCABULARIES)
def test_every_word_of_the_index_is_in_normal_form(kind: type[enum.Enum]) -> None:
    """``_enum_value`` looks a cell up as it is first: right only for normal forms."""
    assert all(v._normal(word) == word for word in v._value_index(kind))


def test_the_word_table_covers_every_vocabulary_of_the_models() -> None:
    assert set(v._ENUM_WORDS) == set(VOCABULARIES)


@pytest.mark.parametrize("member", MEMBERS, ids=str)
def test_the_chinese_label_comes_first(member: enum.Enum) -> None:
    assert v._ENUM_WORDS[type(member)][member.value][0] == label(member, "zh")


@given(member=st.sampled_from(MEMBERS))
def test_the_chinese_label_round_trips(member: enum.Enum) -> None:
    assert v._enum_value(type(member), label(member, "zh")) == member.value


@given(member=st.sampled_from(MEMBERS), index=st.integers(0, 20))
def test_words_compare_in_any_case_width_and_spacing(member: enum.Enum, index: int) -> None:
    words = (member.name, str(member.value), *v._ENUM_WORDS[type(member)][member.value])
    word = words[index % len(words)]
    for form in (word.upper(), f" {word} ", fullwidth(word), unicodedata.normalize("NFKD", word)):
        assert v._enum_value(type(member), form) == member.value, form


@given(kind=st.sampled_from(VOCABULARIES), word=st.text())
def test_any_word_means_a_value_or_none(kind: type[enum.Enum], word: str) -> None:
    found = v._enum_value(kind, word)
    assert found is None or found in {m.value for m in kind}


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("true", True),
        ("YES", True),
        ("1", True),
        ("是", True),
        ("有", True),
        ("√", True),
        ("Ｙ", True),  # noqa: RUF001 - full-width on purpose
        ("false", False),
        ("No", False),
        ("0", False),
        ("否", False),
        ("无", False),
        ("×", False),
        ("n", False),
        ("maybe", None),
        ("", None),
    ],
)
def test_a_yes_no_word_means_its_flag(word: str, expected: bool | None) -> None:
    assert expected == v._flag_value(word)


def test_no_word_means_both_yes_and_no() -> None:
    assert v._TRUE_WORDS.isdisjoint(v._FALSE_WORDS)
    assert all(v._normal(w) == w for w in v._TRUE_WORDS | v._FALSE_WORDS)


# Docs -----------------------------------------------------------------------------------


def test_the_docs_show_every_header_in_its_fields_row() -> None:
    lines = v._vocabulary_docs().splitlines()
    for cls, table in v._HEADERS.items():
        section = lines[lines.index(f"#### {cls.__name__}") :]
        for name, labels in table.items():
            assert f"| `{name}` | {', '.join(labels)} |" in section


def test_the_docs_show_every_word_in_its_values_row() -> None:
    lines = v._vocabulary_docs().splitlines()
    for kind, table in v._ENUM_WORDS.items():
        section = lines[lines.index(f"#### {kind.__name__}") :]
        for value, words in table.items():
            assert f"| `{value}` | {', '.join(words)} |" in section


def test_the_docs_show_the_yes_no_words() -> None:
    text = v._vocabulary_docs()
    assert all(f" {w}," in text or f" {w} |" in text for w in v._TRUE_WORDS | v._FALSE_WORDS)


def test_the_command_line_docs_list_every_header_value_and_sheet_name() -> None:
    """docs/cli.md holds the tables generated from the code, and each table's sheet names."""
    from custrel._cli._reading import SHEETS  # noqa: PLC0415 - only this test needs it

    docs = (pathlib.Path(__file__).parent.parent.parent / "docs" / "cli.md").read_text()
    assert v._vocabulary_docs() in docs
    for table, names in SHEETS.items():
        assert f"| `{table}` | {', '.join(f'`{n}`' for n in names)} |" in docs
