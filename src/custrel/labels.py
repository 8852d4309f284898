"""English and Chinese display labels for every custrel enum.

Stored values (``Channel.VISIT == "visit"``) never change; labels are for people and
may be reworded. Labels are keyed by the enum's class name and value, so this module
imports no rule module and any module may use it.

>>> from custrel.labels import label
>>> from custrel.models import Need
>>> label(Need.EXPLICIT, "en"), label(Need.EXPLICIT, "zh")
('explicit need', '明显需求')
"""

from __future__ import annotations

import enum
from typing import Literal

from custrel.errors import InvalidInputError

__all__ = ["LANGUAGES", "Language", "label"]

Language = Literal["en", "zh"]
"""A language custrel has labels in."""

LANGUAGES: tuple[Language, ...] = ("en", "zh")
"""The languages custrel has labels in, English first."""

_LABELS: dict[str, dict[str, tuple[str, str]]] = {
    # models: rule P3, P5 ----------------------------------------------------------------
    "Channel": {
        "phone": ("phone", "电话"),
        "email": ("e-mail", "电子邮件"),
        "fax": ("fax", "传真"),
        "post": ("post", "信函"),
        "website": ("website", "网站"),
        "visit": ("visit", "拜访"),
        "meeting": ("meeting or event", "会议活动"),
        "social": ("social media", "社交媒体"),
        "chat": ("online chat", "在线聊天"),
        "sms": ("SMS", "短信"),
    },
    "Touch": {
        "outbound": ("our contact", "我方联系"),
        "inbound": ("customer's contact", "客户来电来访"),
        "purchase": ("purchase", "购买"),
    },
    "Direction": {
        "inbound": ("inbound", "客户来访"),
        "outbound": ("outbound", "主动联系"),
    },
    "Gender": {
        "female": ("female", "女"),
        "male": ("male", "男"),
        "other": ("other", "其他"),
    },
    "Relation": {
        "spouse": ("spouse", "配偶"),
        "child": ("child", "子女"),
        "parent": ("parent", "父母"),
        "sibling": ("sibling", "兄弟姐妹"),
        "other": ("other relative", "其他亲属"),
    },
    # rule C2 ----------------------------------------------------------------------------
    "OccasionKind": {
        "birthday": ("birthday", "生日"),
        "wedding_anniversary": ("wedding anniversary", "结婚纪念日"),
        "wedding": ("wedding", "婚礼"),
        "child_wedding": ("child's wedding", "子女婚礼"),
        "funeral": ("funeral", "丧事"),
        "company_anniversary": ("company anniversary", "公司周年"),
        "other": ("other occasion", "其他纪念日"),
    },
    "Calendar": {
        "gregorian": ("Gregorian calendar", "公历"),
        "lunar": ("lunar calendar", "农历"),
    },
    # rule C1 ----------------------------------------------------------------------------
    "Cadence": {
        "daily": ("daily", "日志：每天"),
        "weekly": ("weekly", "周志：每周至少一次"),
        "semimonthly": ("every 15 days", "半月志：每15天"),
        "monthly": ("every 30 days", "月志：每30天"),
        "yearly": ("yearly", "年志：每年至少一次"),
    },
    # rule C3 ----------------------------------------------------------------------------
    "PoolReason": {
        "no_first_contact": ("not contacted in time", "未按时首次联系"),
        "no_follow_up": ("not followed up in time", "未按时跟进"),
        "hard_cap": ("held too long without a deal", "超过最长保有期"),
        "closed": ("deal closed: stays with the owner", "已成交：不退回公海"),
    },
    # rule G2 ----------------------------------------------------------------------------
    "Need": {
        "explicit": ("explicit need", "明显需求"),
        "potential": ("potential need", "潜在需求"),
        "none": ("no need", "无需求"),
    },
    "DealStatus": {
        "closed": ("closed", "已成交"),
        "negotiating": ("negotiating", "正在谈判"),
        "potential": ("potential", "潜在"),
    },
    # rule G1 ----------------------------------------------------------------------------
    "Grade": {
        "A": ("A: deal within one month", "A级：一个月内可成交"),
        "B": ("B: deal within three months", "B级：三个月内可成交"),
        "C": ("C: deal within six months", "C级：六个月内可成交"),
        "D": ("D: potential need or distant deal", "D级：潜在需求或超过半年才成交"),
        "E": ("E: no open need", "E级：暂无需求"),
    },
    # rule G2 ----------------------------------------------------------------------------
    "Urgency": {
        "urgent": ("urgent: within a week", "紧急：一周内"),
        "fairly_urgent": ("fairly urgent: within a month", "较紧急：一个月内"),
        "not_urgent": ("not urgent: within three months", "不紧急：三个月内"),
        "potential": ("potential: beyond three months", "潜在：三个月以上"),
    },
    # rule G3 ----------------------------------------------------------------------------
    "DemandGrade": {
        "A": ("A: large and urgent need", "A类：需求量大且紧迫"),
        "B": ("B: ordinary need", "B类：一般需求，有意向"),
        "C": ("C: potential need", "C类：潜在需求"),
    },
    # rule C4 ----------------------------------------------------------------------------
    "RecordStep": {
        "record_entered": (
            "record reviewed and entered in the CRM",
            "经理审核后录入客户关系管理系统",
        ),
        "record_forwarded": ("record sent to marketing", "指定专人发送市场营销部"),
        "minutes_written": ("meeting minutes written", "编写会谈纪要"),
        "minutes_reviewed": ("minutes reviewed by the department manager", "部门经理审阅"),
        "minutes_sent": ("minutes sent to the customer", "提交客户"),
        "receipt_confirmed": ("customer confirmed receipt", "确认客户收到"),
    },
    "Weekday": {
        "monday": ("Monday", "星期一"),
        "tuesday": ("Tuesday", "星期二"),
        "wednesday": ("Wednesday", "星期三"),
        "thursday": ("Thursday", "星期四"),
        "friday": ("Friday", "星期五"),
        "saturday": ("Saturday", "星期六"),
        "sunday": ("Sunday", "星期日"),
    },
    "Beyond": {
        "refuse": ("refuse days past the years covered", "超出覆盖年份的日期报错"),
        "weekends": ("weekends only past the years covered", "超出覆盖年份只按周末计算"),
        "provisional": (
            "provisional past the years covered: by rule, flagged",
            "超出覆盖年份按规定暂定并标注",
        ),
    },
    # rule T2 ----------------------------------------------------------------------------
    "Tier": {
        "vip": ("VIP customer", "VIP客户"),
        "major": ("major customer", "重要客户"),
        "ordinary": ("ordinary customer", "普通客户"),
        "small": ("small customer", "小客户"),
    },
    # rules T1, T3 -----------------------------------------------------------------------
    "ValueMeasure": {
        "amount": ("sales minus refunds", "销售额（扣除退款）"),
        "profit": ("profit", "利润"),
    },
    "TierMode": {
        "head_count": ("by head count", "按客户数"),
        "value_share": ("by share of value", "按价值占比"),
    },
    # rule T4 ----------------------------------------------------------------------------
    "TierAction": {
        "dedicated_team": ("dedicated service team", "专门服务团队"),
        "raise_tier": ("raise to a higher tier", "提升客户层级"),
        "cut_service_cost": ("cut service cost", "降低服务成本"),
        "nurture": ("nurture", "重点培养"),
        "price_out": ("raise service price or cut cost", "提高服务价格或降低成本"),
        "let_go": ("let go", "淘汰"),
    },
    # rule T5 ----------------------------------------------------------------------------
    "WinBack": {
        "at_all_costs": ("win back at all costs", "极力挽回"),
        "as_hard_as_reasonable": ("win back as hard as reasonable", "尽力挽回"),
        "as_opportunity_allows": ("win back as opportunity allows", "见机行事"),
        "give_up": ("give up", "彻底放弃"),
    },
    # rule T6 ----------------------------------------------------------------------------
    "CustomerCount": {
        "many": ("many customers", "客户多"),
        "medium": ("a medium number of customers", "客户数量中等"),
        "few": ("few customers", "客户少"),
    },
    "Margin": {
        "low": ("low margin", "低边际利润"),
        "medium": ("medium margin", "中等边际利润"),
        "high": ("high margin", "高边际利润"),
    },
    "Relationship": {
        "basic": ("basic", "基本型"),
        "reactive": ("reactive", "被动型"),
        "accountable": ("accountable", "负责型"),
        "proactive": ("proactive", "能动型"),
        "partnership": ("partnership", "伙伴型"),
    },
    # rules Y1-Y6 (loyalty) ------------------------------------------------------------------
    "LoyaltyMeasure": {
        "repeat_purchases": ("repeat purchases", "重复购买次数"),
        "choosing_days": ("time spent choosing", "挑选时间"),
        "price_sensitivity": ("price sensitivity", "价格敏感度"),
        "competitor_interest": ("interest in competitors", "对竞争品牌的兴趣"),
        "quality_tolerance": ("tolerance of quality problems", "对质量问题的承受能力"),
        "spend": ("spend", "购买费用"),
    },
    "LoyaltyKind": {
        "monopoly": ("monopoly loyalty", "垄断忠诚"),
        "inertia": ("inertia loyalty", "惰性忠诚"),
        "price": ("price loyalty", "价格忠诚"),
        "incentive": ("incentive loyalty", "激励忠诚"),
        "premium": ("premium loyalty", "超值忠诚"),
    },
    "LoyaltyQuadrant": {
        "true": ("true loyalty", "真正忠诚"),
        "latent": ("latent loyalty", "潜在忠诚"),
        "spurious": ("spurious loyalty", "虚假忠诚"),
        "none": ("no loyalty", "不忠诚"),
    },
    "SatisfactionBand": {
        "least": ("least satisfied", "最不满意"),
        "middle": ("neither end", "中间"),
        "most": ("most satisfied", "最满意"),
    },
    # rule S2 ----------------------------------------------------------------------------
    "Severity": {
        "serious": ("serious complaint", "重大投诉"),
        "ordinary": ("ordinary complaint", "一般投诉"),
    },
    # rules L1-L4 --------------------------------------------------------------------------
    "Stage": {
        "prospect": ("prospect", "潜在客户"),
        "new": ("new customer", "新客户"),
        "active": ("active customer", "活跃客户"),
        "growing": ("growing customer", "成长客户"),
        "at_risk": ("at risk of churn", "流失风险客户"),
        "lapsed": ("lapsed customer", "流失客户"),
        "won_back": ("won back", "挽回客户"),
    },
    # rule L3 ----------------------------------------------------------------------------
    "ChurnSignal": {
        "frequency_drop": ("fewer purchases", "购买频次下降"),
        "spend_drop": ("less spend", "消费金额下降"),
        "complaint_rise": ("more complaints", "投诉增加"),
        "overdue_repurchase": ("repurchase overdue", "逾期未复购"),
    },
    # rules S1, S2 -------------------------------------------------------------------------
    "ComplaintStep": {
        "listen": ("listen and acknowledge", "聆听、认同"),
        "record": ("record and judge", "记录要点、判断是否成立"),
        "remedy": ("propose and carry out a remedy", "提出并实施解决方案"),
        "follow_up": ("follow up", "跟踪服务"),
    },
    "Handler": {
        "general_manager": ("general manager", "总经理"),
        "service_department": ("service department", "服务部门"),
    },
    "Notice": {
        "written": ("in writing", "书面函告"),
        "written_or_phone": ("in writing or by phone", "书面或电话通知"),
    },
}


def label(member: enum.Enum, lang: Language = "en", /) -> str:
    """The display label of an enum member in English (``"en"``) or Chinese (``"zh"``).

    Args:
        member: A member of any custrel enum.
        lang: ``"en"`` or ``"zh"``.

    Returns:
        The label.

    Raises:
        InvalidInputError: If ``lang`` is not a supported language or ``member`` is not
            a member of a custrel enum.

    >>> from custrel.labels import label
    >>> from custrel.models import Channel
    >>> label(Channel.VISIT, "zh")
    '拜访'
    >>> label(Channel.VISIT, "fr")
    Traceback (most recent call last):
    ...
    custrel.errors.InvalidInputError: lang: expected one of 'en', 'zh', got str 'fr'
    """
    if lang not in LANGUAGES:
        raise InvalidInputError("lang", lang, "one of 'en', 'zh'")
    given: object = member
    table = None
    if isinstance(given, enum.Enum) and type(given).__module__.startswith("custrel."):
        table = _LABELS.get(type(given).__name__)
    if table is None or member.value not in table:
        raise InvalidInputError("member", member, "a member of a custrel enum")
    english, chinese = table[member.value]
    return english if lang == "en" else chinese
