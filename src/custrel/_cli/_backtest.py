"""``custrel backtest``: the lifecycle stages set beside who bought again; private.

Reads the purchases of a portfolio folder (bad records reported and left out), runs
:func:`custrel.backtest_lifecycle` or, with ``--calibrate``, :func:`custrel.calibrate_lifecycle`,
and writes a table for people or CSV / JSON Lines for programs.
"""

from __future__ import annotations

import csv
import json
from typing import TYPE_CHECKING, Any

from custrel._cli import _render
from custrel._cli._reading import reader
from custrel.labels import label
from custrel.lifecycle import backtest_lifecycle, calibrate_lifecycle

if TYPE_CHECKING:
    import pathlib
    from collections.abc import Callable, Mapping
    from datetime import date, tzinfo
    from typing import TextIO

    from custrel import io
    from custrel._cli._reading import Source
    from custrel.labels import Language
    from custrel.lifecycle import (
        BacktestFigures,
        LifecycleBacktest,
        LifecycleCalibration,
        LifecyclePolicy,
    )
    from custrel.models import Purchase

FIELDS = (
    "run",
    "policy",
    "kind",
    "name",
    "customers",
    "bought_again",
    "share",
    "true_positives",
    "false_positives",
    "false_negatives",
    "true_negatives",
    "balanced_accuracy",
    "precision",
    "recall",
)
_RULES = ("lapsed", "at_risk_or_lapsed", "silent_over_90_days", "silent_over_180_days")

TEXT: dict[str, dict[str, str]] = {
    "en": {
        "title": "Lifecycle backtest",
        "staged": "staged on {at}, bought again by {until}",
        "stage": "stage",
        "customers": "customers",
        "bought": "bought again",
        "share": "share",
        "rule": "call: will not buy again",
        "balanced": "balanced accuracy",
        "precision": "precision",
        "recall": "recall",
        "alarms": "false alarms",
        "missed": "missed",
        "undefined": "—",
        "before": "Before: the starting policy",
        "after": "After: the calibrated policy ({tried} tried)",
        "changed": "changed",
        "unchanged": "no policy of the grid did better; the starting policy is kept",
        "written": "policy written to {path}",
        "lapsed": "LAPSED",
        "at_risk_or_lapsed": "AT_RISK or LAPSED",
        "silent_over_90_days": "silent over 90 days",
        "silent_over_180_days": "silent over 180 days",
    },
    "zh": {
        "title": "生命周期回测",
        "staged": "于 {at} 分阶段，统计至 {until} 是否再次购买",
        "stage": "生命周期",
        "customers": "客户数",
        "bought": "再次购买",
        "share": "比例",
        "rule": "判定：不会再次购买",
        "balanced": "平衡准确率",
        "precision": "精确率",
        "recall": "召回率",
        "alarms": "误报",
        "missed": "漏报",
        "undefined": "—",
        "before": "校准前：起始策略",
        "after": "校准后：选出的策略（共试 {tried} 个）",
        "changed": "改动",
        "unchanged": "网格中没有更好的策略，保留起始策略",
        "written": "策略已写入 {path}",
        "lapsed": "流失客户",
        "at_risk_or_lapsed": "流失风险或流失客户",
        "silent_over_90_days": "沉默超过 90 天",
        "silent_over_180_days": "沉默超过 180 天",
    },
}


def read_purchases(
    source: Source,
    *,
    tz: tzinfo | None,
    strict: bool,
    on_bad: Callable[[io.BadRecord], None],
    on_unreadable: Callable[[str], None],
    encoding: str | None = None,
    columns: Mapping[str, str] | None = None,
) -> tuple[list[Purchase], int]:
    """The good purchases of the file, and how many records it held (bad ones too)."""
    records = reader(
        "purchases",
        source,
        tz=tz,
        strict=strict,
        on_bad=on_bad,
        encoding=encoding,
        columns=columns,
    )
    found: list[Purchase] = []
    try:
        found.extend(records)
    except OSError as exc:
        on_unreadable(f"{source.name}: cannot read: {exc.strerror or exc}")
    return found, records.good + records.bad


def run(
    purchases: list[Purchase],
    *,
    at: date,
    until: date,
    policy: LifecyclePolicy,
    calibrate: bool,
) -> tuple[LifecycleBacktest, LifecycleCalibration | None]:
    """The backtest, or the calibration and its backtest after."""
    if calibrate:
        found = calibrate_lifecycle(purchases, at=at, until=until, policy=policy)
        return found.after, found
    return backtest_lifecycle(purchases, at=at, until=until, policy=policy), None


def _cell(value: object) -> str:
    return "" if value is None else str(value)


def _rows(backtest: LifecycleBacktest, run_name: str) -> list[dict[str, Any]]:
    """One row per stage and one per call, as plain data with stable values."""
    common = {"run": run_name, "policy": backtest.policy_fingerprint}
    rows: list[dict[str, Any]] = [
        {
            **common,
            "kind": "stage",
            "name": row.stage.value,
            "customers": row.customers,
            "bought_again": row.bought_again,
            "share": _string(row.share),
            **dict.fromkeys(FIELDS[7:]),
        }
        for row in backtest.stages
    ]
    for rule in _RULES:
        figures: BacktestFigures = getattr(backtest, rule)
        rows.append(
            {
                **common,
                "kind": "rule",
                "name": rule,
                "customers": backtest.customers,
                "bought_again": backtest.bought_again,
                "share": None,
                "true_positives": figures.true_positives,
                "false_positives": figures.false_positives,
                "false_negatives": figures.false_negatives,
                "true_negatives": figures.true_negatives,
                "balanced_accuracy": _string(figures.balanced_accuracy),
                "precision": _string(figures.precision),
                "recall": _string(figures.recall),
            }
        )
    return rows


def _string(value: object) -> str | None:
    return None if value is None else str(value)


def machine_rows(
    backtest: LifecycleBacktest, calibration: LifecycleCalibration | None
) -> list[dict[str, Any]]:
    """Every row to write as CSV or JSON Lines: before and after when calibrating."""
    if calibration is None:
        return _rows(backtest, "backtest")
    return _rows(calibration.before, "before") + _rows(calibration.after, "after")


def write_machine(rows: list[dict[str, Any]], form: str, out: TextIO) -> None:
    """CSV with a header, or one JSON object a line."""
    if form == "jsonl":
        out.writelines(json.dumps(row, ensure_ascii=False) + "\n" for row in rows)
        return
    writer = csv.writer(out)
    writer.writerow(FIELDS)
    writer.writerows([_cell(row[name]) for name in FIELDS] for row in rows)


def _tables(backtest: LifecycleBacktest, lang: Language) -> list[str]:
    t = TEXT[lang]
    stages = _render.table(
        [t["stage"], t["customers"], t["bought"], t["share"]],
        [
            [
                label(row.stage, lang),
                f"{row.customers:,}",
                f"{row.bought_again:,}",
                t["undefined"] if row.share is None else str(row.share),
            ]
            for row in backtest.stages
        ],
    )

    def shown(value: object) -> str:
        return t["undefined"] if value is None else str(value)

    calls = _render.table(
        [t["rule"], t["balanced"], t["precision"], t["recall"], t["alarms"], t["missed"]],
        [
            [
                t[rule],
                shown(f.balanced_accuracy),
                shown(f.precision),
                shown(f.recall),
                f"{f.false_positives:,}",
                f"{f.false_negatives:,}",
            ]
            for rule in _RULES
            for f in (getattr(backtest, rule),)
        ],
    )
    reason = backtest.reason_zh if lang == "zh" else backtest.reason_en
    return [stages, "", calls, "", reason]


def text_report(
    backtest: LifecycleBacktest,
    calibration: LifecycleCalibration | None,
    *,
    lang: Language,
    records: int,
    bad: int,
    output: pathlib.Path | None,
) -> str:
    """The report for people: the header, the stage table, the calls and the reason."""
    t, r = TEXT[lang], _render.TEXT[lang]
    staged = t["staged"].format(at=backtest.at.isoformat(), until=backtest.until.isoformat())
    head = (
        f"{t['title']} — {staged} — {backtest.customers:,} {r['customers']}, "
        f"{records:,} {r['records']} ({bad:,} {r['bad']})"
    )
    if calibration is None:
        parts = [head, f"{r['policies']}: lifecycle {backtest.policy_fingerprint}", ""]
        return "\n".join([*parts, *_tables(backtest, lang)]) + "\n"
    before, after = calibration.before, calibration.after
    parts = [head, "", f"{t['before']} (lifecycle {before.policy_fingerprint})", ""]
    parts += _tables(before, lang)
    parts += [
        "",
        f"{t['after'].format(tried=calibration.tried)} (lifecycle {after.policy_fingerprint})",
    ]
    changed = ", ".join(f"{k} {old} → {new}" for k, (old, new) in calibration.changes().items())
    colon = "：" if lang == "zh" else ": "
    parts.append(f"{t['changed']}{colon}{changed}" if changed else t["unchanged"])
    parts += ["", *_tables(after, lang), "", t["written"].format(path=output)]
    return "\n".join(parts) + "\n"
