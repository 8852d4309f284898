"""Rule C4 in a policy file: the top-level key ``calendar`` names the working calendar."""

import sys
from pathlib import Path

import pytest

from custrel import io
from custrel.errors import CustrelError, PolicyError

DOCS = Path(__file__).resolve().parents[2] / "docs"


def _load(tmp_path: Path, text: str, name: str = "rules.toml") -> io.Policies:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return io.load_policies(path)


@pytest.mark.parametrize(
    ("text", "calendar"),
    [
        ('calendar = "china"\n', "china"),
        ('calendar = "CN"\n', "china"),
        ('calendar = "weekends"\n', "weekends"),
        ('calendar = "de"\n', "DE"),
        ('calendar = "none"\n', None),
        ("[tiers]\n", None),
    ],
)
def test_c4_the_calendar_key_is_read_and_normalised(
    tmp_path: Path, text: str, calendar: str | None
) -> None:
    assert _load(tmp_path, text).calendar == calendar


def test_c4_the_calendar_key_sits_beside_the_sections(tmp_path: Path) -> None:
    policies = _load(tmp_path, 'calendar = "HK"\n[pool]\nfirst_contact_days = 5\n')
    assert (policies.calendar, policies.pool.first_contact_days) == ("HK", 5)


def test_c4_a_json_file_names_a_calendar_too(tmp_path: Path) -> None:
    assert _load(tmp_path, '{"calendar": "US"}', "rules.json").calendar == "US"


@pytest.mark.parametrize(
    "text",
    ['calendar = "mars"\n', "calendar = 86\n", '[calendar]\nname = "china"\n'],
)
def test_c4_a_bad_calendar_names_the_file_key_value_and_choices(tmp_path: Path, text: str) -> None:
    with pytest.raises(PolicyError) as info:
        _load(tmp_path, text)
    message = str(info.value)
    assert info.value.field == f"{tmp_path / 'rules.toml'}: calendar"
    assert "china, weekends, none or a country code such as DE" in message


def test_c4_a_bad_calendar_is_reported_with_the_other_problems(tmp_path: Path) -> None:
    with pytest.raises(PolicyError) as info:
        _load(tmp_path, 'calendar = "mars"\n[tier]\n')
    assert len(info.value.errors) == 2


def test_c4_a_calendar_needing_a_missing_package_says_which_extra(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "holidays", None)
    with pytest.raises(CustrelError, match=r"custrel\[holidays\]"):
        _load(tmp_path, 'calendar = "DE"\n')


def test_c4_policies_built_in_code_check_the_calendar() -> None:
    assert io.Policies(calendar=" China ").calendar == "china"
    with pytest.raises(PolicyError) as info:
        io.Policies(calendar="mars")
    assert info.value.field == "Policies.calendar"


def test_c4_the_calendar_changes_no_policy_fingerprint() -> None:
    """Existing fingerprints stay; the calendar's name is added beside them when set."""
    plain = io.Policies().fingerprints()
    named = io.Policies(calendar="weekends").fingerprints()
    assert "calendar" not in plain
    assert named == {**plain, "calendar": "weekends"}


def test_c4_the_documented_file_names_no_calendar() -> None:
    assert io.load_policies(DOCS / "policies.toml").calendar is None
    assert 'calendar = "china"' in (DOCS / "policies.toml").read_text(encoding="utf-8")
