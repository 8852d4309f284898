"""Chinese headers and Chinese values in real exports: the tables and their look-ups.

A CSV header cell may be a field's dotted name (``customer_id``,
``person.contact.mobile``) or one of its Chinese labels (``客户编号``, ``手机``), and an
enum cell a stored value, a member name or a Chinese word (``微信`` is ``chat``).
Text compares after NFKC normalisation and case folding, with spaces, ``_``, ``-``,
zero-width characters and a trailing ``(元)`` unit left out, so ``Customer ID``,
``客户编号 `` and ``金额（元）`` match, as do full-width letters and digits.

>>> from custrel.models import Channel, Purchase
>>> _header_field(Purchase, "金额（元）"), _enum_value(Channel, "微信")
('amount', 'chat')
"""

from __future__ import annotations

import difflib
import functools
import re
import unicodedata
from typing import TYPE_CHECKING

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

if TYPE_CHECKING:
    import enum
    from collections.abc import Mapping

__all__: list[str] = []


# Normalisation --------------------------------------------------------------------------

_IGNORED = re.compile(r"[\s_\-\u200b\u200c\u200d\u2060\ufeff]+")
_UNIT = re.compile(r"\((?:元|人民币|rmb|cny)\)$")  # a unit that does not change the value


def _normal(text: str, /) -> str:
    """``text`` as compared: NFKC, case-folded, without spaces, ``_``, ``-`` or a ``(元)``."""
    folded = unicodedata.normalize("NFKC", unicodedata.normalize("NFKC", text).casefold())
    return _UNIT.sub("", _IGNORED.sub("", folded))


def _words(table: Mapping[str, str], /) -> dict[str, tuple[str, ...]]:
    """A table written as ``{"field": "label synonym ..."}`` as tuples of labels."""
    return {name: tuple(words.split()) for name, words in table.items()}


# Headers --------------------------------------------------------------------------------

_CUSTOMER_ID = "客户编号 客户ID 客户代码 客户号 客户编码 会员编号 会员号"

_HEADERS: dict[type, dict[str, tuple[str, ...]]] = {
    CustomerProfile: _words(
        {
            "customer_id": _CUSTOMER_ID,
            "person.name": "姓名 联系人 客户姓名 联系人姓名 名字",
            "person.gender": "性别",
            "person.birthday": "生日 出生日期",
            "person.age": "年龄",
            "person.job_title": "职务 职位 头衔",
            "person.years_in_post": "任职年限 在职年限 任职年数",
            "person.is_key_decision_maker": "是否关键决策人 关键决策人 决策人",
            "person.contact.phone": "电话 联系电话 固定电话 座机",
            "person.contact.mobile": "手机 手机号 手机号码 移动电话",
            "person.contact.fax": "传真 传真号",
            "person.contact.email": "邮箱 电子邮箱 电子邮件 邮件 Email",
            "person.contact.address": "地址 联系地址 家庭住址 住址",
            "person.contact.postcode": "邮编 邮政编码",
            "person.contact.website": "个人网站 个人主页",
            "person.household.married": "婚否 是否已婚 已婚",
            "person.household.has_children": "是否有子女 有无子女 有子女",
            "person.household.income_band": "收入 收入水平 家庭收入 收入区间",
            "person.household.owns_car": "是否有车 有无车辆 有车",
            "person.household.owns_house": "是否有房 有无住房 有房",
            "person.household.family": "家庭成员",
            "person.preferences.preferred_channel": "偏好渠道 首选联系方式 偏好联系方式",
            "person.preferences.shopping_places": "购物场所 常去购物场所",
            "person.preferences.preferred_brands": "喜好品牌 偏好品牌",
            "person.preferences.average_spending": "平均消费 平均消费额 消费水平",
            "person.preferences.hobbies": "爱好 兴趣爱好",
            "person.preferences.blood_type": "血型",
            "person.preferences.favourite_colour": "喜欢的颜色 喜好颜色",
            "person.preferences.dietary_habits": "饮食习惯",
            "person.how_we_met": "结识方式 认识途径 客户来源 来源",
            "person.key_connections": "重要关系人 关键人脉",
            "person.current_concerns": "当前关注 近期关注",
            "person.occasions": "纪念日 重要纪念日",
            "person.education": "学历 教育程度",
            "person.personality": "性格",
            "person.ability": "能力",
            "person.started_business_on": "创业时间 创业日期",
            "organization.name": "公司名称 单位名称 企业名称 公司 单位 企业 公司名",
            "organization.contact.phone": "公司电话 单位电话 办公电话",
            "organization.contact.fax": "公司传真 单位传真",
            "organization.contact.email": "公司邮箱 单位邮箱 企业邮箱",
            "organization.contact.address": "公司地址 单位地址 办公地址",
            "organization.contact.postcode": "公司邮编 单位邮编",
            "organization.contact.website": "网站 公司网站 网址 官网",
            "organization.ownership": "所有制 企业性质 公司性质 所有制形式",
            "organization.industry": "行业 所属行业",
            "organization.main_products": "主营产品 主要产品",
            "organization.headcount": "员工人数 员工数 职工人数",
            "organization.last_year_output": "上年产值 去年产值",
            "organization.service_area": "服务区域 经营区域",
            "organization.sales_capacity": "销售能力",
            "organization.development_potential": "发展潜力",
            "organization.scale": "规模 企业规模 公司规模",
            "organization.credit_standing": "信用状况 信用等级 资信",
            "organization.legal_representative": "法定代表人 法人代表 法人",
            "organization.owners": "所有者 股东",
            "organization.managers": "管理者 主要管理人员",
            "organization.assets": "资产 总资产 资产总额",
            "organization.cooperation_attitude": "合作态度",
            "organization.trade_terms": "交易条件 结算方式",
            "organization.credit_problems": "信用问题",
            "owner": "负责人 客户经理 销售 销售员 业务员 归属人 跟进人",
            "tags": "标签 客户标签",
            "created_on": "建档日期 创建日期 创建时间 录入日期",
            "verified_on": "核实日期 最近核实日期 核对日期",
        }
    ),
    Opportunity: _words(
        {
            "customer_id": _CUSTOMER_ID,
            "need": "需求 需求状况 需求状态",
            "expected_close": "预计成交日期 预计成交时间 预计签约日期",
            "amount": "预计金额 金额 可成交额度 预计成交金额 商机金额",
            "status": "状态 商机状态 成交状况 成交状态",
        }
    ),
    ContactEvent: _words(
        {
            "customer_id": _CUSTOMER_ID,
            "at": "时间 联系时间 日期 联系日期 沟通时间",
            "channel": "渠道 联系方式 沟通渠道 沟通方式",
            "direction": "方向 联系方向 发起方",
            "summary": "内容 沟通内容 联系内容 摘要 记录",
            "outcome": "结果 沟通结果 联系结果",
            "by": "跟进人 经办人 销售 负责人 业务员",
            "reached": "是否接通 接通 是否联系上 联系上",
        }
    ),
    Purchase: _words(
        {
            "customer_id": _CUSTOMER_ID,
            "at": "时间 购买时间 下单时间 日期 购买日期 成交时间 下单日期",
            "product": "产品 商品 产品名称 商品名称 品名",
            "quantity": "数量 购买数量 件数",
            "amount": "金额 销售额 成交金额 订单金额 实付金额 付款金额",
            "profit": "利润 毛利 毛利润",
            "refund": "退货 退款 是否退货 是否退款",
            "order_id": "订单号 订单编号 单号",
        }
    ),
    Complaint: _words(
        {
            "customer_id": _CUSTOMER_ID,
            "at": "时间 投诉时间 日期 投诉日期 受理时间",
            "severity": "严重程度 投诉级别 级别 等级",
            "summary": "内容 投诉内容 摘要 问题描述",
            "stands": "是否成立 成立",
            "resolved_at": "解决时间 结案时间 处理完成时间",
        }
    ),
}
"""Each portfolio model's columns and their Chinese headers, the main label first."""

# Columns nobody fills in by hand in a Chinese export, left without a Chinese header.
_UNLABELLED = frozenset({"organization.contact.mobile"})


@functools.lru_cache(maxsize=64)
def _header_index(cls: type, /) -> tuple[dict[str, str], tuple[str, ...]]:
    """The normal form of every column name and label of ``cls``, and the column names."""
    # Imported here, so that custrel.io._cells may import this module without a cycle.
    from custrel.io._cells import _columns  # noqa: PLC0415

    names = tuple(column.name for column in _columns(cls))
    index: dict[str, str] = {}
    for name, labels in _HEADERS.get(cls, {}).items():
        index.update(dict.fromkeys(map(_normal, labels), name))
    index.update((_normal(name), name) for name in names)  # a column name wins
    return index, names


def _header_field(cls: type, header: str, mapping: Mapping[str, str] | None = None) -> str | None:
    """The column (dotted name) a header cell names for model ``cls``, or None if unknown.

    The user's ``mapping`` (header text to field name) comes first, then the column
    names, then the Chinese labels, all compared in their normal form.

    >>> from custrel.models import Purchase
    >>> _header_field(Purchase, " 购买时间"), _header_field(Purchase, "备注")
    ('at', None)
    """
    key = _normal(header)
    for text, name in (mapping or {}).items():
        if _normal(text) == key:
            return name
    return _header_index(cls)[0].get(key)


def _did_you_mean(cls: type, header: str) -> str | None:
    """The column a header not known for ``cls`` probably means, or None when none is close.

    >>> from custrel.models import Purchase
    >>> _did_you_mean(Purchase, "custmer_id"), _did_you_mean(Purchase, "备注")
    ('customer_id', None)
    """
    index, names = _header_index(cls)
    candidates = dict(index)
    for name in names:  # a leaf name alone ("mobile") suggests its first column
        candidates.setdefault(_normal(name.rpartition(".")[2]), name)
    close = difflib.get_close_matches(_normal(header), candidates, n=1, cutoff=0.75)
    return candidates[close[0]] if close else None


# Values ---------------------------------------------------------------------------------

_TRUE_WORDS = frozenset({"true", "yes", "1", "y", "是", "有", "对", "√", "✓", "✔"})
"""The words of a yes/no cell that mean yes, in normal form."""
_FALSE_WORDS = frozenset({"false", "no", "0", "n", "否", "无", "没有", "不是", "错", "×", "✗"})
"""The words of a yes/no cell that mean no, in normal form."""


def _flag_value(word: str, /) -> bool | None:
    """Whether a yes/no cell says yes (True) or no (False); None when it says neither.

    >>> _flag_value(" 是 "), _flag_value("NO"), _flag_value("maybe")
    (True, False, None)
    """
    # Most cells are already in normal form ("false", "是"): looked up without normalising,
    # which would cost more than the rest of reading the cell (the words are all normal).
    key = word if word in _TRUE_WORDS or word in _FALSE_WORDS else _normal(word)
    if key in _TRUE_WORDS:
        return True
    return False if key in _FALSE_WORDS else None


# Synonyms beyond the zh label of custrel.labels, which always comes first.
_SYNONYMS: dict[type[enum.Enum], dict[str, str]] = {
    Channel: {
        "phone": "电话 致电 来电 去电 打电话 电话联系 座机 手机",
        "email": "邮件 电邮 邮箱 Email",
        "fax": "传真",
        "post": "信件 邮寄 书信 寄信",
        "website": "官网 网页",
        "visit": "上门 面谈 上门拜访 面访 走访 来访 见面",
        "meeting": "会议 展会 活动 研讨会",
        "social": "微博 抖音 小红书 朋友圈",
        "chat": "微信 企业微信 QQ 在线 在线客服 钉钉 聊天",
        "sms": "短消息",
    },
    Direction: {
        "inbound": "呼入 来电 来访 客户主动 被动",
        "outbound": "呼出 外呼 去电 拜访 回访 主动",
    },
    Gender: {"female": "女性 女士", "male": "男性 先生", "other": "其它"},
    Need: {
        "explicit": "明确需求 有需求 明显",
        "potential": "潜在",
        "none": "没有需求 无",
    },
    DealStatus: {
        "closed": "成交 已签约 签约 赢单",
        "negotiating": "谈判中 谈判 洽谈中 商谈中",
        "potential": "潜在商机",
    },
    Severity: {"serious": "重大 严重 严重投诉", "ordinary": "一般 普通 轻微"},
    Relation: {
        "spouse": "妻子 丈夫 老婆 老公 爱人",
        "child": "儿子 女儿 孩子",
        "parent": "父亲 母亲",
        "sibling": "兄弟 姐妹 哥哥 弟弟 姐姐 妹妹",
        "other": "其他 亲属",
    },
    OccasionKind: {
        "birthday": "",
        "wedding_anniversary": "",
        "wedding": "结婚",
        "child_wedding": "子女结婚",
        "funeral": "葬礼 白事",
        "company_anniversary": "公司周年庆 周年庆 司庆",
        "other": "其他 纪念日",
    },
    Calendar: {"gregorian": "阳历 新历", "lunar": "阴历 旧历"},
}

_ENUM_WORDS: dict[type[enum.Enum], dict[str, tuple[str, ...]]] = {
    kind: {
        member.value: tuple(
            dict.fromkeys((label(member, "zh"), *synonyms.get(member.value, "").split()))
        )
        for member in kind
    }
    for kind, synonyms in _SYNONYMS.items()
}
"""Each vocabulary's values and the Chinese words that mean them, the label first."""


@functools.lru_cache(maxsize=64)
def _value_index(kind: type[enum.Enum], /) -> dict[str, str]:
    """The normal form of every value, member name and Chinese word of ``kind``."""
    index: dict[str, str] = {}
    for value, words in _ENUM_WORDS.get(kind, {}).items():
        index.update(dict.fromkeys(map(_normal, words), value))
    for member in kind:
        index[_normal(member.name)] = index[_normal(str(member.value))] = member.value
    return index


def _enum_value(kind: type[enum.Enum], word: str) -> str | None:
    """The stored value a cell word means in vocabulary ``kind``, or None if unknown.

    The value itself or the member name in any case, or a Chinese word.

    >>> from custrel.models import Direction
    >>> _enum_value(Direction, "OUTBOUND"), _enum_value(Direction, "呼入")
    ('outbound', 'inbound')
    """
    index = _value_index(kind)
    found = index.get(word)  # most cells are already in normal form ("visit", "微信")
    return index.get(_normal(word)) if found is None else found


# Docs -----------------------------------------------------------------------------------


def _row(*cells: str) -> str:
    return "| " + " | ".join(cells) + " |"


def _vocabulary_docs() -> str:
    """The Markdown of docs/cli.md's tables: Chinese headers, then Chinese values."""
    lines = [
        "### Chinese headers",
        "",
        "A CSV header may be the field's name or one of its Chinese headers. Headers",
        "compare after NFKC normalisation and case folding, without spaces, `_` or `-`",
        "(`Customer ID` is `customer_id`; full-width letters are read as letters); a",
        "trailing unit `(元)`, `(人民币)`, `(RMB)` or `(CNY)` is left out (`金额（元）` is",
        "`金额`), any other unit is not (`金额(万元)` is not a known header).",
    ]
    for cls, table in _HEADERS.items():
        lines += ["", f"#### {cls.__name__}", "", _row("field", "Chinese headers")]
        lines.append(_row("---", "---"))
        lines += [_row(f"`{name}`", ", ".join(labels)) for name, labels in table.items()]
    lines += [
        "",
        "### Chinese values",
        "",
        "Every value is also accepted as its name in any case or as one of its Chinese",
        "words, compared the same way.",
    ]
    for kind, table in _ENUM_WORDS.items():
        lines += ["", f"#### {kind.__name__}", "", _row("value", "Chinese words")]
        lines.append(_row("---", "---"))
        lines += [_row(f"`{value}`", ", ".join(words)) for value, words in table.items()]
    lines += ["", "#### Yes/no", "", _row("value", "words"), _row("---", "---")]
    lines.append(_row("`true`", ", ".join(sorted(_TRUE_WORDS))))
    lines.append(_row("`false`", ", ".join(sorted(_FALSE_WORDS))))
    return "\n".join(lines) + "\n"
