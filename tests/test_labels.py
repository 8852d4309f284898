"""Display labels in English and Chinese for every public enum."""

import enum

import pytest

import custrel
from custrel.errors import InvalidInputError
from custrel.labels import LANGUAGES, Language, label

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


# RFM segments beside lifecycle stages (RFM, decision): one report row shows both ---------------


def _overlap(a: str, b: str) -> bool:
    """Whether either label equals or contains the other, ignoring case."""
    a, b = a.casefold(), b.casefold()
    return a in b or b in a


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize(
    "segment", custrel.DEFAULT_RFM_SEGMENTS.segments, ids=lambda segment: segment.name
)
def test_no_rfm_segment_label_reuses_a_lifecycle_stage_label(
    segment: custrel.RfmSegment, lang: Language
) -> None:
    """A row never reads 潜在客户 beside RFM 流失客户: segment labels name no stage."""
    shown = segment.label_zh if lang == "zh" else segment.label_en
    clashes = [s for s in custrel.Stage if _overlap(shown, label(s, lang))]
    assert clashes == []


def test_the_renamed_rfm_segments_keep_their_stable_names() -> None:
    """Stored segment names do not change with their labels (RFM, decision)."""
    names = {s.name: (s.label_en, s.label_zh) for s in custrel.DEFAULT_RFM_SEGMENTS.segments}
    assert names["new_customers"] == ("Recent one-time buyers", "近期单次购买客户")
    assert names["at_risk"] == ("Fading regulars", "渐疏常客")
    assert names["lost"] == ("Long silent", "久未购买客户")
