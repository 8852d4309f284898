"""What the command line says of a customer and its policies, in English or Chinese; private.

The words shared by every output a person reads (the table, the HTML page) and by the
CSV and JSON Lines a program reads: why a follow-up is due, how much of a loyalty
score is known, what a last touch was, and which policies a report applied.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from custrel._periods import describe
from custrel.cadence import Cadence
from custrel.io import Policies
from custrel.labels import label

if TYPE_CHECKING:
    from dateutil.relativedelta import relativedelta

    from custrel._cli._portfolio import Customer, Portfolio

__all__ = [
    "POLICY_NAMES",
    "USED_POLICIES",
    "cadence_text",
    "changed_values",
    "loyalty_text",
    "policies_text",
    "touch_text",
    "why_due",
]

# The policies a report applies, in the order they are shown.
USED_POLICIES = ("grading", "cadence", "tiers", "rfm_segments", "lifecycle", "loyalty")

POLICY_NAMES: dict[str, dict[str, str]] = {
    "en": {
        "grading": "grading",
        "cadence": "follow-up cadence",
        "tiers": "value pyramid",
        "rfm_segments": "RFM segments",
        "lifecycle": "lifecycle",
        "loyalty": "loyalty",
    },
    "zh": {
        "grading": "客户分级",
        "cadence": "跟进频率",
        "tiers": "客户金字塔",
        "rfm_segments": "RFM 分群",
        "lifecycle": "生命周期",
        "loyalty": "忠诚度",
    },
}

_WORDS = {
    "en": {
        "last": "last touch {day} ({kind})",
        "never": "no touch yet",
        "due": "due {day}",
        "at_once": "due at once ({day})",
        "provisional": "{year} schedule not published yet: provisional",
        "grade": "grade {grade}",
        "sep": "; ",
        "defaults": "the rule book's defaults",
        "from": "from {file}",
        "differs": "{name}: {values}",
        "same": "every other policy as the rule book",
        "fingerprints": "fingerprints",
        "calendar": "working days: {name}",
    },
    "zh": {
        "last": "上次接触 {day}（{kind}）",
        "never": "尚无接触",
        "due": "应跟进日 {day}",
        "at_once": "应立即跟进（{day}）",
        "provisional": "{year}年放假安排尚未公布：暂定",
        "grade": "{grade}级",
        "sep": "；",
        "defaults": "规则手册的默认值",
        "from": "来自 {file}",
        "differs": "{name}：{values}",
        "same": "其余策略同规则手册",
        "fingerprints": "指纹",
        "calendar": "工作日历：{name}",
    },
}


def cadence_text(cadence: Cadence | relativedelta, lang: str) -> str:
    """A grade's cadence in words: ``weekly`` / ``周志：每周至少一次``, or ``every 10 days``."""
    if isinstance(cadence, Cadence):
        return label(cadence, lang)  # type: ignore[arg-type]
    return f"每{describe(cadence, 'zh')}" if lang == "zh" else f"every {describe(cadence)}"


def touch_text(customer: Customer, lang: str) -> str:
    """The last touch: ``2026-11-10 purchase``, or empty when there was none."""
    touch = customer.last_touch
    if touch is None:
        return ""
    return f"{touch.on.isoformat()} {label(touch.kind, lang)}"  # type: ignore[arg-type]


def loyalty_text(customer: Customer) -> str:
    """``79 · 2/6``: the score and how many of its measures were known (rule Y1)."""
    if customer.loyalty is None:
        return ""
    known, of = customer.loyalty_known
    return f"{customer.loyalty:.0f} · {known}/{of}"


def why_due(customer: Customer, portfolio: Portfolio, lang: str) -> str:
    """Why the next follow-up falls when it does: cadence, last touch, due day (rule C1).

    Empty for a customer without a grade (no opportunity, so no cadence).
    """
    if customer.grade is None or customer.next_due is None:
        return ""
    words = _WORDS[lang]
    cadence = portfolio.policies.cadence.cadences[customer.grade]
    parts = [f"{words['grade'].format(grade=customer.grade.value)} · {cadence_text(cadence, lang)}"]
    day = customer.next_due.isoformat()
    touch = customer.last_touch
    if touch is None:
        parts += [words["never"], words["at_once"].format(day=day)]
    else:
        kind = label(touch.kind, lang)  # type: ignore[arg-type]
        parts += [
            words["last"].format(day=touch.on.isoformat(), kind=kind),
            words["due"].format(day=day),
        ]
    if customer.provisional:
        parts.append(words["provisional"].format(year=customer.next_due.year))
    return words["sep"].join(parts)


def _flat(data: Any, prefix: str = "") -> dict[str, Any]:  # noqa: ANN401 - policy data
    """A policy's data as ``{"cadences.B": "weekly", ...}``: one entry per leaf value."""
    if isinstance(data, dict):
        flat: dict[str, Any] = {}
        for key, value in data.items():
            flat.update(_flat(value, f"{prefix}{key}."))
        return flat
    return {prefix.removesuffix("."): data}


def _shown(value: Any) -> str:  # noqa: ANN401 - policy data
    """A policy value as its file spells it: ``true``, ``[outbound, purchase]``, ``0.5``."""
    if isinstance(value, list):
        return "[" + ", ".join(_shown(v) for v in value) + "]"
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def changed_values(policies: Policies) -> dict[str, list[str]]:
    """Each used policy's values that differ from the rule book's: ``["cadences.B = ..."]``."""
    defaults = Policies()
    changed: dict[str, list[str]] = {}
    for name in USED_POLICIES:
        given = _flat(getattr(policies, name).to_dict())
        default = _flat(getattr(defaults, name).to_dict())
        lines = [
            f"{key} = {_shown(value)}"
            for key, value in given.items()
            if key not in default or default[key] != value
        ]
        if lines:
            changed[name] = lines
    return changed


def policies_text(portfolio: Portfolio, lang: str) -> list[str]:
    """The policies a report applied, in people's words: which file, what differs, fingerprints.

    The keys of changed values are the policy file's own (``cadences.B``), as its
    reader typed them; the policies' names are in the chosen language.
    """
    words, names = _WORDS[lang], POLICY_NAMES[lang]
    colon = "：" if lang == "zh" else ": "
    source = portfolio.policy_file
    lines = [words["defaults"] if source is None else words["from"].format(file=source)]
    changed = changed_values(portfolio.policies)
    lines += [
        words["differs"].format(name=names[name], values=", ".join(values))
        for name, values in changed.items()
    ]
    if changed:
        lines.append(words["same"])
    if portfolio.calendar is not None:
        lines.append(words["calendar"].format(name=portfolio.calendar.name))
    every = portfolio.policies.fingerprints()
    lines.append(
        words["fingerprints"]
        + colon
        + ", ".join(f"{names[name]} {every[name]}" for name in USED_POLICIES)
    )
    return lines
