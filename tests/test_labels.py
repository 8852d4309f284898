"""Display labels in English and Chinese for every public enum."""

import enum

import pytest

import custrel
from custrel.errors import InvalidInputError
from custrel.labels import LANGUAGES, label

PUBLIC_ENUMS = [
    obj
    for name in custrel.__all__
    if isinstance(obj := getattr(custrel, name), type) and issubclass(obj, enum.Enum)
]
MEMBERS = [member for kind in PUBLIC_ENUMS for member in kind]


def test_public_enums_are_found() -> None:
    assert custrel.Channel in PUBLIC_ENUMS
    assert custrel.Grade in PUBLIC_ENUMS


@pytest.mark.parametrize("member", MEMBERS, ids=lambda m: f"{type(m).__name__}.{m.name}")
def test_every_member_has_two_distinct_non_blank_labels(member: enum.Enum) -> None:
    english, chinese = (label(member, lang) for lang in LANGUAGES)
    assert english.strip()
    assert chinese.strip()
    assert english != chinese


@pytest.mark.parametrize("kind", PUBLIC_ENUMS, ids=lambda k: k.__name__)
def test_values_are_stable_strings(kind: type[enum.Enum]) -> None:
    assert all(isinstance(m, str) and str.__eq__(m, m.value) for m in kind)


def test_english_is_the_default() -> None:
    assert label(custrel.Severity.SERIOUS) == "serious complaint"
    assert label(custrel.Severity.SERIOUS, "zh") == "重大投诉"


def test_unknown_language_is_refused() -> None:
    with pytest.raises(InvalidInputError, match="lang: expected one of 'en', 'zh'"):
        label(custrel.Channel.SMS, "de")  # type: ignore[arg-type]


class Channel(enum.StrEnum):
    """Not custrel's, though it has the same name."""

    SMS = "sms"


@pytest.mark.parametrize("member", [Channel.SMS, "sms", None])
def test_only_custrel_enum_members_have_labels(member: object) -> None:
    with pytest.raises(InvalidInputError, match="member: expected a member of a custrel enum"):
        label(member, "en")  # type: ignore[arg-type]
