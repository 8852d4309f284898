"""Loading every family's policy from one TOML or JSON file."""

from __future__ import annotations

import json
import pathlib
import tomllib
from decimal import Decimal
from typing import TYPE_CHECKING, Any

import attrs

from custrel.cadence import (
    DEFAULT_CADENCE,
    DEFAULT_POOL,
    DEFAULT_RECORD_WORKFLOW,
    CadencePolicy,
    PoolPolicy,
    RecordWorkflowPolicy,
)
from custrel.cadence._named import CALENDAR_NAMES, checked_calendar_name
from custrel.errors import InvalidInputError, PolicyError, _Described
from custrel.grading import DEFAULT_GRADING, GradingPolicy
from custrel.io._records import _SAVE_AS_UTF8, _Path
from custrel.lifecycle import DEFAULT_LIFECYCLE, LifecyclePolicy
from custrel.loyalty import DEFAULT_LOYALTY, DEFAULT_SATISFACTION, LoyaltyPolicy, SatisfactionPolicy
from custrel.serialize._json import _parse_json
from custrel.service import DEFAULT_SERVICE, ServicePolicy
from custrel.tiering import DEFAULT_RFM_SEGMENTS, DEFAULT_TIERS, RfmSegmentPolicy, TierPolicy

if TYPE_CHECKING:
    from collections.abc import Mapping

__all__ = ["Policies", "load_policies"]


# Policies ---------------------------------------------------------------------------------


def _calendar_name(value: object) -> str | None:
    """A working calendar's name, normalised (``"DE"``, ``"china"``), or None for none."""
    if value is None:
        return None
    try:
        return checked_calendar_name(value)  # type: ignore[arg-type]
    except InvalidInputError:
        raise PolicyError("Policies.calendar", value, CALENDAR_NAMES) from None


@attrs.frozen(kw_only=True)
class Policies:
    """Every policy a portfolio is judged by, the rule book's unless a file says otherwise.

    :func:`load_policies` reads one from a file; each section of the file is named as
    a field here.

    Args:
        grading: Grade horizons (rules G1, G2).
        cadence: Follow-up cadences (rule C1).
        pool: The customer pool (rule C3).
        record_workflow: Record and minutes deadlines (rule C4).
        tiers: Pyramid shares (rule T2).
        rfm_segments: Named RFM segments (rule T1).
        lifecycle: Stages and churn signals (rules L1-L4).
        loyalty: Loyalty score weights (rule Y1).
        satisfaction: Satisfaction index weights (rule Y4).
        service: Complaint handling (rules S1-S3).
        calendar: The working calendar, by name (rule C4): ``"china"``, ``"weekends"``,
            a country code such as ``"DE"`` (python-holidays), or ``None`` (the file's
            ``"none"``, the default) for no calendar. A name, not the calendar: the
            command line builds it (``custrel.cadence._named.calendar_named``).

    >>> from custrel.io import Policies
    >>> Policies().fingerprints()["tiers"] == Policies().tiers.fingerprint()
    True
    """

    grading: GradingPolicy = DEFAULT_GRADING
    cadence: CadencePolicy = DEFAULT_CADENCE
    pool: PoolPolicy = DEFAULT_POOL
    record_workflow: RecordWorkflowPolicy = DEFAULT_RECORD_WORKFLOW
    tiers: TierPolicy = DEFAULT_TIERS
    rfm_segments: RfmSegmentPolicy = DEFAULT_RFM_SEGMENTS
    lifecycle: LifecyclePolicy = DEFAULT_LIFECYCLE
    loyalty: LoyaltyPolicy = DEFAULT_LOYALTY
    satisfaction: SatisfactionPolicy = DEFAULT_SATISFACTION
    service: ServicePolicy = DEFAULT_SERVICE
    calendar: str | None = attrs.field(default=None, converter=_calendar_name)

    def fingerprints(self) -> dict[str, str]:
        """Each policy's :meth:`fingerprint`, by section name.

        With a working calendar, its name too, under ``"calendar"`` (the days it holds
        depend on the installed data packages, named in the calendar's own name).

        Returns:
            Section name to fingerprint, in the order of the fields.

        >>> from custrel.io import Policies
        >>> Policies(calendar="China").fingerprints()["calendar"]
        'china'
        """
        found = {section: getattr(self, section).fingerprint() for section in _SECTIONS}
        if self.calendar is not None:
            found[_CALENDAR] = self.calendar
        return found


_CALENDAR = "calendar"
_SECTIONS: Mapping[str, attrs.Attribute[Any]] = {
    field.name: field for field in attrs.fields(Policies) if field.name != _CALENDAR
}


def _policy_data(path: pathlib.Path) -> object:
    try:  # not utf-8-sig: its error would count bytes from after the byte-order mark
        text = path.read_bytes().decode("utf-8").removeprefix("\ufeff")
    except UnicodeDecodeError as exc:
        raise PolicyError(
            str(path),
            _Described(f"byte 0x{exc.object[exc.start]:02x} at byte {exc.start + 1}"),
            "a file in UTF-8",
            hint=_SAVE_AS_UTF8,
        ) from None
    if path.suffix.lower() == ".toml":
        try:
            return tomllib.loads(text, parse_float=Decimal)
        except tomllib.TOMLDecodeError as exc:
            raise PolicyError(str(path), text, f"a TOML document ({exc})", personal=True) from None
        except (ValueError, ArithmeticError, RecursionError):
            # tomllib's own limits: a 5,000-digit integer, 1e5555555555555555559, deep arrays
            raise PolicyError(
                str(path),
                text,
                "a TOML document with numbers Python can read and nesting a few hundred deep",
                personal=True,
            ) from None
    if path.suffix.lower() == ".json":
        try:
            return _parse_json(text)
        except json.JSONDecodeError as exc:
            raise PolicyError(
                str(path),
                text,
                f"a JSON document ({exc.msg} at line {exc.lineno})",
                personal=True,
            ) from None
    raise PolicyError(str(path), path.suffix, "a .toml or .json file")


_CALENDAR_HINT = 'a top-level key before the first section, such as calendar = "china"'


def load_policies(path: _Path, /) -> Policies:
    r"""Read a TOML or JSON file holding any of the policies; the rest keep the defaults.

    Each policy is a section (a TOML table, a JSON object) named as a field of
    :class:`Policies` and read by that policy's ``from_dict``: missing keys keep the
    rule book's values, unknown keys are refused. The top-level key ``calendar`` names
    the working calendar (rule C4): ``calendar = "china"``, ``"weekends"``, ``"none"``
    or a country code such as ``"DE"``. Numbers are read exactly as
    decimals, so ``shares = [0.01, 0.19, 0.30, 0.50]`` means exactly those shares.
    docs/policies.md shows a complete file.

    Args:
        path: A ``.toml`` or ``.json`` file.

    Returns:
        The policies.

    Raises:
        PolicyError: If the file is not UTF-8, not TOML or JSON, names an unknown
            section or calendar, or a policy is wrong (its fields named
            ``section.field``).
        CustrelError: If the calendar named needs an optional package not installed.
        OSError: If the file cannot be read.

    >>> import pathlib, tempfile
    >>> from custrel.io import load_policies
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "policies.toml"
    >>> _ = path.write_text("[tiers]\nshares = [0.05, 0.15, 0.30, 0.50]\n")
    >>> load_policies(path).tiers.shares
    (Decimal('0.05'), Decimal('0.15'), Decimal('0.30'), Decimal('0.50'))
    >>> _ = path.write_text("[tiers]\nshares = [0.05, 0.15, 0.30, 0.60]\n")
    >>> load_policies(path)
    Traceback (most recent call last):
    ...
    custrel.errors.PolicyError: tiers.shares: expected shares summing to exactly 1, got tuple (Decimal('0.05'), ...
    """  # noqa: E501 - a doctest output line
    file = pathlib.Path(path)
    data = _policy_data(file)
    if not isinstance(data, dict):
        raise PolicyError(str(file), data, "a table of policies")
    problems: list[InvalidInputError] = []
    chosen: dict[str, object] = {}
    for section, body in data.items():
        if section == _CALENDAR:
            try:
                chosen[_CALENDAR] = checked_calendar_name(body)
            except InvalidInputError:
                problems.append(
                    PolicyError(f"{file}: {_CALENDAR}", body, CALENDAR_NAMES, hint=_CALENDAR_HINT)
                )
            continue
        field = _SECTIONS.get(section)
        if field is None:
            problems.append(
                PolicyError(
                    section,
                    section,
                    f"one of the policies ({', '.join(_SECTIONS)})",
                    hint="unknown sections are refused so that a typo never goes unnoticed",
                )
            )
            continue
        if not isinstance(body, dict):
            problems.append(PolicyError(section, body, "a table of the policy's fields"))
            continue
        try:
            policy: type[Any] = type(field.default)
            chosen[section] = policy.from_dict(body)
        except PolicyError as exc:
            problems.extend(
                PolicyError(f"{section}.{e.field}", e.value, e.expected, hint=e.hint)
                for e in exc.errors
            )
    if problems:
        raise PolicyError.several(problems)
    return Policies(**chosen)  # type: ignore[arg-type]
