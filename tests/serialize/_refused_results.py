"""Grading bounds, grade explanations, complaint routes and stages with one field changed to a
wrong value, then those of loyalty, tiers and occasions, and the whole refusal each must give.
"""

from datetime import UTC, date, datetime
from typing import Any

from custrel.lifecycle import ChurnSignal, ChurnWindow, Stage
from custrel.service import Handler, Notice
from tests._values import D
from tests.serialize._refused_loyalty_tier_occasion_results import LOYALTY_TIER_OCCASION_REFUSED
from tests.serialize._rule_results import (
    _FINGERPRINT,
    ACTIVE,
    AT_RISK,
    BOUND,
    CUSTOMER_STAGE,
    GRADE_WHY,
    LAPSED,
    ORDINARY,
    PROSPECT,
    SERIOUS,
)


def _window(start: date, end: date) -> ChurnWindow:
    return ChurnWindow(start=start, end=end, occasions=0, spend=D(0), complaints=0)


# (a valid result, the fields changed, the whole message)
_REFUSED: list[tuple[object, dict[str, Any], str]] = [
    # BoundGradingPolicy: types, then each cut-off against the policy
    (
        BOUND,
        {"policy": None},
        "BoundGradingPolicy.policy: expected a GradingPolicy, got NoneType None",
    ),
    (
        BOUND,
        {"as_of": "2026-11-22"},
        "BoundGradingPolicy.as_of: expected a date, got str '2026-11-22'",
    ),
    (
        BOUND,
        {"as_of": date(999, 12, 31)},
        (
            "BoundGradingPolicy.as_of: expected a date from 1000-01-01 to 8999-12-31,"
            " got date datetime.date(999, 12, 31)"
        ),
    ),
    (
        BOUND,
        {"a_until": {"day": 22}},
        "BoundGradingPolicy.a_until: expected a date, got dict {'day': 22}",
    ),
    (
        BOUND,
        {"stale_before": date(2026, 10, 21)},
        (
            "BoundGradingPolicy.stale_before: expected as_of - overdue_grace (2026-10-22),"
            " got date datetime.date(2026, 10, 21)"
        ),
    ),
    (
        BOUND,
        {"c_until": date(2027, 5, 23)},
        (
            "BoundGradingPolicy.c_until: expected as_of + horizons[2] (2027-05-22),"
            " got date datetime.date(2027, 5, 23)"
        ),
    ),
    (
        BOUND,
        {"as_of": date(2026, 11, 23)},
        (
            "BoundGradingPolicy.stale_before: expected as_of - overdue_grace (2026-10-23),"
            " got date datetime.date(2026, 10, 22)"
        ),
    ),
    (
        BOUND,
        {"not_urgent_until": date(2027, 2, 21)},
        (
            "BoundGradingPolicy.not_urgent_until: expected as_of + urgency_horizons[2]"
            " (2027-02-22), got date datetime.date(2027, 2, 21)"
        ),
    ),
    # GradeExplanation
    (
        GRADE_WHY,
        {"grade": "D"},
        (
            "GradeExplanation.grade: expected a Grade ('A', 'B', 'C', 'D', 'E'), got str 'D';"
            " pass Grade('D')"
        ),
    ),
    (
        GRADE_WHY,
        {"rules": ["G1"]},
        "GradeExplanation.rules: expected a list or tuple of rule IDs, got list ['G1']",
    ),
    (
        GRADE_WHY,
        {"rules": ("G1", " ")},
        "GradeExplanation.rules[1]: expected a non-blank string, got str ' '",
    ),
    (
        GRADE_WHY,
        {"reason_en": None},
        "GradeExplanation.reason_en: expected a string, got NoneType None",
    ),
    (
        GRADE_WHY,
        {"reason_zh": "D\udcff"},
        (
            "GradeExplanation.reason_zh: expected a string of valid Unicode, got str 'D\\udcff';"
            " character 2 is a lone surrogate, U+DCFF (from an escape such as \\udcff, or from"
            " bytes that are not UTF-8), which no file can hold"
        ),
    ),
    (
        GRADE_WHY,
        {"policy_fingerprint": "92456C1814ACDF0A"},
        (
            f"GradeExplanation.policy_fingerprint: expected {_FINGERPRINT},"
            " got str '92456C1814ACDF0A'"
        ),
    ),
    (
        GRADE_WHY,
        {"policy_fingerprint": 7},
        f"GradeExplanation.policy_fingerprint: expected {_FINGERPRINT}, got int 7",
    ),
    # ComplaintRoute: types, then the route rule S2 gives each severity
    (
        SERIOUS,
        {"severity": "serious"},
        (
            "ComplaintRoute.severity: expected a Severity ('serious', 'ordinary'),"
            " got str 'serious'; pass Severity('serious')"
        ),
    ),
    (
        SERIOUS,
        {"handler": "boss"},
        (
            "ComplaintRoute.handler: expected a Handler ('general_manager',"
            " 'service_department'), got str 'boss'"
        ),
    ),
    (
        SERIOUS,
        {"notice": None},
        (
            "ComplaintRoute.notice: expected a Notice ('written', 'written_or_phone'),"
            " got NoneType None"
        ),
    ),
    (
        SERIOUS,
        {"escalate_by": datetime(2026, 11, 20, tzinfo=UTC)},
        (
            "ComplaintRoute.escalate_by: expected a date or None, got datetime"
            " datetime.datetime(2026, 11, 20, 0, 0, tzinfo=datetime.tim...;"
            " pass value.date() for the calendar day"
        ),
    ),
    (
        SERIOUS,
        {"visit_by": None},
        "ComplaintRoute.visit_by: expected a date, got NoneType None",
    ),
    (
        SERIOUS,
        {"handler": Handler.SERVICE_DEPARTMENT},
        (
            "ComplaintRoute.handler: expected 'general_manager' for a serious complaint"
            " (rule S2), got Handler <Handler.SERVICE_DEPARTMENT: 'service_department'>"
        ),
    ),
    (
        ORDINARY,
        {"handler": Handler.GENERAL_MANAGER},
        (
            "ComplaintRoute.handler: expected 'service_department' for an ordinary complaint"
            " (rule S2), got Handler <Handler.GENERAL_MANAGER: 'general_manager'>"
        ),
    ),
    (
        SERIOUS,
        {"notice": Notice.WRITTEN_OR_PHONE},
        (
            "ComplaintRoute.notice: expected 'written' for a serious complaint (rule S2),"
            " got Notice <Notice.WRITTEN_OR_PHONE: 'written_or_phone'>"
        ),
    ),
    (
        ORDINARY,
        {"notice": Notice.WRITTEN},
        (
            "ComplaintRoute.notice: expected 'written_or_phone' for an ordinary complaint"
            " (rule S2), got Notice <Notice.WRITTEN: 'written'>"
        ),
    ),
    (
        SERIOUS,
        {"escalate_by": None},
        (
            "ComplaintRoute.escalate_by: expected a date for a serious complaint (rule S2),"
            " got NoneType None"
        ),
    ),
    (
        ORDINARY,
        {"escalate_by": date(2026, 11, 20)},
        (
            "ComplaintRoute.escalate_by: expected None for an ordinary complaint (rule S2),"
            " got date datetime.date(2026, 11, 20)"
        ),
    ),
    # CustomerStage: types, then how far the highest stage must be
    (
        CUSTOMER_STAGE,
        {"customer_id": ""},
        "CustomerStage.customer_id: expected a non-blank string, got str ''",
    ),
    (
        CUSTOMER_STAGE,
        {"stage": "at_risk"},
        (
            "CustomerStage.stage: expected a Stage ('prospect', 'new', 'active', 'growing',"
            " 'at_risk', 'lapsed', 'won_back'), got str 'at_risk'; pass Stage('at_risk')"
        ),
    ),
    (
        CUSTOMER_STAGE,
        {"highest": "active"},
        (
            "CustomerStage.highest: expected a Stage ('prospect', 'new', 'active', 'growing',"
            " 'at_risk', 'lapsed', 'won_back'), got str 'active'; pass Stage('active')"
        ),
    ),
    (
        CUSTOMER_STAGE,
        {"highest": Stage.LAPSED},
        (
            "CustomerStage.highest: expected a stage of development: 'prospect', 'new',"
            " 'active' or 'growing', got Stage <Stage.LAPSED: 'lapsed'>"
        ),
    ),
    (
        CUSTOMER_STAGE,
        {"highest": Stage.PROSPECT},
        (
            "CustomerStage.highest: expected 'new', 'active' or 'growing' for stage 'at_risk',"
            " got Stage <Stage.PROSPECT: 'prospect'>"
        ),
    ),
    (
        CUSTOMER_STAGE,
        {"stage": Stage.PROSPECT},
        (
            "CustomerStage.highest: expected 'prospect' for stage 'prospect',"
            " got Stage <Stage.ACTIVE: 'active'>"
        ),
    ),
    (
        CUSTOMER_STAGE,
        {"stage": Stage.LAPSED, "highest": Stage.PROSPECT},
        (
            "CustomerStage.highest: expected 'new', 'active' or 'growing' for stage 'lapsed',"
            " got Stage <Stage.PROSPECT: 'prospect'>"
        ),
    ),
    (
        CUSTOMER_STAGE,
        {"stage": Stage.GROWING},
        (
            "CustomerStage.highest: expected 'growing' for stage 'growing',"
            " got Stage <Stage.ACTIVE: 'active'>"
        ),
    ),
    # StageExplanation: the type and range of each field
    (
        ACTIVE,
        {"stage": None},
        (
            "StageExplanation.stage: expected a Stage ('prospect', 'new', 'active', 'growing',"
            " 'at_risk', 'lapsed', 'won_back'), got NoneType None"
        ),
    ),
    (
        ACTIVE,
        {"highest": Stage.WON_BACK},
        (
            "StageExplanation.highest: expected a stage of development: 'prospect', 'new',"
            " 'active' or 'growing', got Stage <Stage.WON_BACK: 'won_back'>"
        ),
    ),
    (
        ACTIVE,
        {"underlying": 2},
        (
            "StageExplanation.underlying: expected a Stage ('prospect', 'new', 'active',"
            " 'growing', 'at_risk', 'lapsed', 'won_back'), got int 2"
        ),
    ),
    (
        ACTIVE,
        {"signals": ("spend_drop",)},
        (
            "StageExplanation.signals[0]: expected a ChurnSignal ('frequency_drop',"
            " 'spend_drop', 'complaint_rise', 'overdue_repurchase'), got str 'spend_drop';"
            " pass ChurnSignal('spend_drop')"
        ),
    ),
    (
        ACTIVE,
        {"recent": {"start": "2026-08-25"}},
        "StageExplanation.recent: expected a ChurnWindow, got dict {'start': '2026-08-25'}",
    ),
    (
        ACTIVE,
        {"prior": None},
        "StageExplanation.prior: expected a ChurnWindow, got NoneType None",
    ),
    (
        ACTIVE,
        {"days_silent": -1},
        "StageExplanation.days_silent: expected an int >= 0 or None, got int -1",
    ),
    (
        ACTIVE,
        {"median_interval_days": 31},
        (
            "StageExplanation.median_interval_days: expected a Decimal of whole or half days"
            " from 1 to 1,000,000,000, or None, got int 31"
        ),
    ),
    (
        ACTIVE,
        {"median_interval_days": D("NaN")},
        (
            "StageExplanation.median_interval_days: expected a Decimal of whole or half days"
            " from 1 to 1,000,000,000, or None, got Decimal Decimal('NaN')"
        ),
    ),
    (
        ACTIVE,
        {"median_interval_days": D("0.5")},
        (
            "StageExplanation.median_interval_days: expected a Decimal of whole or half days"
            " from 1 to 1,000,000,000, or None, got Decimal Decimal('0.5')"
        ),
    ),
    (
        ACTIVE,
        {"median_interval_days": D("1000000000.5")},
        (
            "StageExplanation.median_interval_days: expected a Decimal of whole or half days"
            " from 1 to 1,000,000,000, or None, got Decimal Decimal('1000000000.5')"
        ),
    ),
    (
        ACTIVE,
        {"median_interval_days": D("30.25")},
        (
            "StageExplanation.median_interval_days: expected a Decimal of whole or half days"
            " from 1 to 1,000,000,000, or None, got Decimal Decimal('30.25')"
        ),
    ),
    (
        ACTIVE,
        {"horizon_days": 0},
        "StageExplanation.horizon_days: expected an int in 1..36600, got int 0",
    ),
    (
        ACTIVE,
        {"rules": ("L1", 4)},
        "StageExplanation.rules[1]: expected a non-blank string, got int 4",
    ),
    (
        ACTIVE,
        {"reason_en": b"active"},
        "StageExplanation.reason_en: expected a string, got bytes b'active'",
    ),
    (
        ACTIVE,
        {"reason_zh": 0},
        "StageExplanation.reason_zh: expected a string, got int 0",
    ),
    (
        ACTIVE,
        {"policy_fingerprint": "ae195b88c58b14e"},
        (
            f"StageExplanation.policy_fingerprint: expected {_FINGERPRINT},"
            " got str 'ae195b88c58b14e'"
        ),
    ),
    # StageExplanation: the stage, the stage underneath and the signals (rule L3)
    (
        AT_RISK,
        {"underlying": Stage.WON_BACK},
        (
            "StageExplanation.underlying: expected 'new', 'active' or 'growing' for stage"
            " 'at_risk', got Stage <Stage.WON_BACK: 'won_back'>"
        ),
    ),
    (
        AT_RISK,
        {"signals": ()},
        (
            "StageExplanation.signals: expected at least one signal for stage 'at_risk',"
            " got tuple ()"
        ),
    ),
    (
        ACTIVE,
        {"underlying": Stage.GROWING},
        (
            "StageExplanation.underlying: expected the stage itself ('active'),"
            " got Stage <Stage.GROWING: 'growing'>"
        ),
    ),
    (
        ACTIVE,
        {"signals": (ChurnSignal.SPEND_DROP,)},
        (
            "StageExplanation.signals: expected no signal for stage 'active': signals make it"
            " 'at_risk', got tuple (<ChurnSignal.SPEND_DROP: 'spend_drop'>,)"
        ),
    ),
    (
        AT_RISK,
        {"signals": (ChurnSignal.SPEND_DROP, ChurnSignal.FREQUENCY_DROP)},
        (
            "StageExplanation.signals: expected each signal at most once, in ChurnSignal order,"
            " got tuple (<ChurnSignal.SPEND_DROP: 'spend_drop'>, <ChurnSignal.FRE..."
        ),
    ),
    (
        AT_RISK,
        {"signals": (ChurnSignal.SPEND_DROP, ChurnSignal.SPEND_DROP)},
        (
            "StageExplanation.signals: expected each signal at most once, in ChurnSignal order,"
            " got tuple (<ChurnSignal.SPEND_DROP: 'spend_drop'>, <ChurnSignal.SPE..."
        ),
    ),
    (
        AT_RISK,
        {"highest": Stage.NEW},
        (
            "StageExplanation.highest: expected at least the stage underneath ('active'),"
            " got Stage <Stage.NEW: 'new'>"
        ),
    ),
    # StageExplanation: the days and the windows
    (
        PROSPECT,
        {"days_silent": 0},
        "StageExplanation.days_silent: expected None for stage 'prospect', got int 0",
    ),
    (
        ACTIVE,
        {"days_silent": None},
        (
            "StageExplanation.days_silent: expected an int >= 0 for stage 'active',"
            " got NoneType None"
        ),
    ),
    (
        ACTIVE,
        {"days_silent": 181},
        (
            "StageExplanation.days_silent: expected at most horizon_days (180) for stage 'active',"
            " got int 181"
        ),
    ),
    (
        AT_RISK,
        {"horizon_days": 112},
        (
            "StageExplanation.days_silent: expected at most horizon_days (112) for stage"
            " 'at_risk', got int 113"
        ),
    ),
    (
        LAPSED,
        {"days_silent": 180},
        (
            "StageExplanation.days_silent: expected more than horizon_days (180) for stage"
            " 'lapsed', got int 180"
        ),
    ),
    (
        PROSPECT,
        {"median_interval_days": D(1)},
        (
            "StageExplanation.median_interval_days: expected None for stage 'prospect': fewer"
            " than two purchase occasions, got Decimal Decimal('1')"
        ),
    ),
    (
        ACTIVE,
        {"prior": _window(date(2026, 5, 26), date(2026, 8, 23))},
        (
            "StageExplanation.prior: expected the window of 90 days that ends the day before"
            " recent starts (2026-08-25), got ChurnWindow ChurnWindow(start=datetime.date(2026,"
            " 5, 26), end=datetim..."
        ),
    ),
    (
        ACTIVE,
        {"prior": _window(date(2026, 5, 28), date(2026, 8, 24))},
        (
            "StageExplanation.prior: expected the window of 90 days that ends the day before"
            " recent starts (2026-08-25), got ChurnWindow ChurnWindow(start=datetime.date(2026,"
            " 5, 28), end=datetim..."
        ),
    ),
    *LOYALTY_TIER_OCCASION_REFUSED,
]
