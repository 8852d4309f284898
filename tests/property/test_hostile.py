"""Hostile input: whatever a client sends, only custrel errors escape (issue 15).

Every class in ``custrel.__all__`` that loads from data gets generated documents of
roughly the right shape with hostile values (huge and negative numbers, NaN, dates at
the ends of the calendar, bools for ints, non-string keys, ...), and the rules get
the objects that load. Any exception that is not a ``CustrelError`` fails the test.
"""

import contextlib
import inspect
import json
import pathlib
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from typing import Any, cast

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import custrel
from custrel import (
    Complaint,
    ContactEvent,
    CustomerProfile,
    CustrelError,
    GradingPolicy,
    LifecyclePolicy,
    Opportunity,
    Organization,
    PolicyError,
    PoolPolicy,
    Purchase,
    TierPolicy,
    io,
)
from custrel._policy import Policy
from tests.property._hostile import LOADABLE, documents

# A modest number of documents per class: there are fifty classes.
_FEW = settings(max_examples=min(settings().max_examples, 40))


def _json_text(document: object) -> str:
    """The document as JSON, where JSON can say it (Decimal as a number)."""
    return json.dumps(document, default=str)


@pytest.mark.parametrize("cls", LOADABLE, ids=lambda cls: cls.__name__)
@_FEW
@given(data=st.data())
def test_from_dict_raises_only_custrel_errors(cls: type[Any], data: st.DataObject) -> None:
    document = data.draw(documents(cls))
    expected = PolicyError if issubclass(cls, Policy) else CustrelError
    try:
        loaded = custrel.from_dict(cls, document)
    except expected:
        return
    assert type(loaded) is cls
    # what loads can be written out and read back: no lone surrogate, no dict for a date
    assert custrel.loads(cls, custrel.dumps(loaded).encode()) == loaded


@pytest.mark.parametrize("cls", LOADABLE, ids=lambda cls: cls.__name__)
@_FEW
@given(data=st.data())
def test_loads_raises_only_custrel_errors(cls: type[Any], data: st.DataObject) -> None:
    document = data.draw(documents(cls))
    try:
        text = _json_text(document)
    except (TypeError, ValueError):  # keys JSON cannot hold; from_dict covers them
        return
    expected = PolicyError if issubclass(cls, Policy) else CustrelError
    with contextlib.suppress(expected):
        custrel.loads(cls, text)


def _loaded(cls: type[Any], document: object) -> Any:
    try:
        return custrel.from_dict(cls, document)
    except CustrelError:
        return None


_AS_OF = st.dates()  # the whole calendar, 0001-01-01 to 9999-12-31
_AT = datetime(2026, 11, 2, 9, 30, tzinfo=UTC)


@_FEW
@given(documents(Opportunity), documents(GradingPolicy), _AS_OF)
def test_grade_raises_only_custrel_errors(deal: object, policy: object, as_of: date) -> None:
    opportunity = _loaded(Opportunity, deal) or Opportunity(
        customer_id="c-1", need=custrel.Need.EXPLICIT, status=custrel.DealStatus.POTENTIAL
    )
    grading = _loaded(GradingPolicy, policy) or GradingPolicy()
    with contextlib.suppress(CustrelError):
        assert custrel.grade(opportunity, as_of=as_of, policy=grading) in custrel.Grade


@_FEW
@given(documents(PoolPolicy), _AS_OF, _AS_OF, st.lists(_AS_OF, max_size=3))
def test_pool_status_raises_only_custrel_errors(
    policy: object, taken_on: date, as_of: date, follow_ups: list[date]
) -> None:
    pool = _loaded(PoolPolicy, policy) or PoolPolicy()
    with contextlib.suppress(CustrelError):
        custrel.pool_status(taken_on, follow_ups, as_of=as_of, policy=pool)


@_FEW
@given(st.lists(documents(Purchase), max_size=4), documents(LifecyclePolicy), _AS_OF)
def test_purchase_rules_raise_only_custrel_errors(
    rows: list[object], policy: object, as_of: date
) -> None:
    purchases = [p for p in (_loaded(Purchase, row) for row in rows) if p is not None]
    lifecycle = _loaded(LifecyclePolicy, policy) or LifecyclePolicy()
    for rule in (
        lambda: custrel.lifecycle_stage(purchases, as_of=as_of, policy=lifecycle),
        lambda: custrel.churn_signals(purchases, as_of=as_of, policy=lifecycle),
        lambda: custrel.rfm_scores(purchases, as_of=as_of),
        lambda: custrel.portfolio_values(purchases, as_of=as_of),
    ):
        with contextlib.suppress(CustrelError):
            rule()


@_FEW
@given(
    st.dictionaries(st.text(max_size=3), st.integers() | st.decimals(), max_size=5),
    documents(TierPolicy),
)
def test_tiering_raises_only_custrel_errors(values: dict[str, Any], policy: object) -> None:
    tiers = _loaded(TierPolicy, policy) or TierPolicy()
    with contextlib.suppress(CustrelError):
        custrel.tier_portfolio(values, policy=tiers)


@_FEW
@given(_AS_OF, st.integers() | st.sampled_from([10**9, -(10**9), 10**30]))
def test_add_working_days_raises_only_custrel_errors(start: date, n: int) -> None:
    with contextlib.suppress(CustrelError):
        custrel.add_working_days(start, n)


@_FEW
@given(documents(Complaint), documents(custrel.ServicePolicy))
def test_route_complaint_raises_only_custrel_errors(complaint: object, policy: object) -> None:
    loaded = _loaded(Complaint, complaint)
    service = _loaded(custrel.ServicePolicy, policy) or custrel.ServicePolicy()
    if loaded is None:
        return
    with contextlib.suppress(CustrelError):
        custrel.route_complaint(loaded, policy=service)


# The inputs that found a bug, kept as examples -----------------------------------------


def _deep(depth: int) -> str:
    return "[" * depth + "]" * depth


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1" * 5000, "an integer of more than 30 digits"),
        ('{"name": "x", "age": ' + "9" * 4301 + "}", "an integer of more than 30 digits"),
        (_deep(100_000), "nesting deeper than a few hundred levels"),
        ("x" * 10_000_001, "at most 10,000,000 characters"),
        (b"\xff", "a JSON document"),
        ('{"name": ', "a JSON document"),
    ],
    ids=["huge-int", "huge-int-field", "deep", "long", "not-utf8", "truncated"],
)
def test_loads_refuses_hostile_text(text: str | bytes, expected: str) -> None:
    with pytest.raises(custrel.InvalidInputError, match=expected):
        custrel.loads(custrel.Person, text)


def test_loads_refuses_what_is_not_text() -> None:
    with pytest.raises(custrel.InvalidInputError, match="str or bytes"):
        custrel.loads(custrel.Person, None)  # type: ignore[arg-type]


def test_malformed_json_is_never_echoed() -> None:
    with pytest.raises(custrel.InvalidInputError) as info:
        custrel.loads(custrel.Person, '{"name": "Wang Fang", "mobile": 13800138000')
    assert "13800138000" not in str(info.value)
    assert "Wang" not in str(info.value)
    assert "13800138000" not in repr(info.value.value)


@pytest.mark.parametrize(
    "document", [{1: 2}, {None: "x"}, {("a",): 1}, {1: 2, "name": "x"}], ids=repr
)
def test_non_string_keys_are_refused(document: dict[Any, Any]) -> None:
    with pytest.raises(custrel.InvalidInputError, match="a field name"):
        custrel.from_dict(custrel.Person, document)


def test_wrong_length_of_a_fixed_tuple_is_named() -> None:
    with pytest.raises(PolicyError, match=r"shares: expected a list of exactly 4 items"):
        TierPolicy.from_dict({"shares": [0.05]})


def test_a_policy_loaded_through_loads_raises_policy_error() -> None:
    with pytest.raises(PolicyError):
        custrel.loads(TierPolicy, '{"mode": "nonsense"}')


@pytest.mark.parametrize(
    ("cls", "document", "expected"),
    [
        (PoolPolicy, {"first_contact_days": 10**9}, r"in 1\.\.36600"),
        (PoolPolicy, {"hard_cap_days": 10**9}, r"in 1\.\.36600"),
        (GradingPolicy, {"overdue_grace": {"years": 20_000}}, "at most 100 years"),
        (
            GradingPolicy,
            {"horizons": [{"months": 1}, {"months": 3}, {"years": 20_000}]},
            "at most 100 years",
        ),
        (LifecyclePolicy, {"new_days": 10**9}, r"in 1\.\.36600"),
        (custrel.ServicePolicy, {"visit_days": 10**9}, r"in 0\.\.36600"),
    ],
    ids=["first-contact", "hard-cap", "grace", "horizon", "lifecycle", "service"],
)
def test_policy_numbers_that_would_overflow_a_date_are_refused(
    cls: type[Any], document: dict[str, Any], expected: str
) -> None:
    with pytest.raises(PolicyError, match=expected):
        cls.from_dict(document)


@pytest.mark.parametrize(
    "amount", ["1E+999999", "1E+15", "-1E+999999", "NaN", "Infinity", "sNaN"], ids=str
)
def test_money_out_of_range_is_refused(amount: str) -> None:
    row = {"customer_id": "c-1", "at": "2026-11-02T00:00:00+00:00", "product": "tea"}
    with pytest.raises(custrel.InvalidInputError, match="amount"):
        custrel.from_dict(Purchase, {**row, "amount": amount})


def test_money_just_below_the_bound_is_taken() -> None:
    row = {"customer_id": "c-1", "at": "2026-11-02T00:00:00+00:00", "product": "tea"}
    amount = custrel.from_dict(Purchase, {**row, "amount": "999999999999999.99"}).amount
    assert amount == Decimal("999999999999999.99")


@pytest.mark.parametrize("as_of", [date.max, date.min, date(9000, 1, 1), date(999, 12, 31)])
def test_days_at_the_ends_of_the_calendar_are_refused(as_of: date) -> None:
    deal = Opportunity(
        customer_id="c-1", need=custrel.Need.EXPLICIT, status=custrel.DealStatus.POTENTIAL
    )
    with pytest.raises(custrel.InvalidInputError, match="a date from 1000-01-01 to 8999-12-31"):
        custrel.grade(deal, as_of=as_of)


@pytest.mark.parametrize("as_of", [date(8999, 12, 31), date(1000, 1, 1)])
def test_days_at_the_bounds_are_graded(as_of: date) -> None:
    deal = Opportunity(
        customer_id="c-1", need=custrel.Need.EXPLICIT, status=custrel.DealStatus.POTENTIAL
    )
    assert custrel.grade(deal, as_of=as_of) in custrel.Grade


def test_pool_status_with_the_longest_policy_at_the_last_day() -> None:
    policy = PoolPolicy(first_contact_days=36_600, follow_up_days=36_600, warning_days=36_600)
    status = custrel.pool_status(date(8999, 12, 31), [], as_of=date(8999, 12, 31), policy=policy)
    assert status.returns_on == date(9100, 3, 18)  # the day after taken + 36,600 days


@pytest.mark.parametrize("flag", [True, False])
def test_a_bool_is_not_a_count(flag: bool) -> None:
    with pytest.raises(PolicyError, match="first_contact_days"):
        PoolPolicy.from_dict({"first_contact_days": flag})


@pytest.mark.parametrize("start", [date.max, date(9999, 12, 24), date.min], ids=str)
def test_a_working_day_count_from_the_ends_of_the_calendar_is_refused(start: date) -> None:
    with pytest.raises(custrel.InvalidInputError) as info:
        custrel.add_working_days(start, 10)
    assert info.value.field == "start"


@pytest.mark.parametrize(
    ("cls", "document", "field"),
    [
        (
            custrel.TierCuts,
            {"vip": "NaN", "major": 5, "ordinary": 1, "customers": 3, "policy_fingerprint": "f"},
            "vip",
        ),
        (
            custrel.TierCuts,
            {"vip": 9, "major": 5, "ordinary": 1, "customers": True, "policy_fingerprint": "f"},
            "customers",
        ),
        (
            custrel.RfmScore,
            {"recency_days": -1, "frequency": 1, "monetary": "1", "r": 1, "f": 1, "m": 1},
            "recency_days",
        ),
        (
            custrel.RfmScore,
            {"recency_days": 1, "frequency": 1, "monetary": "1", "r": 0, "f": 1, "m": 101},
            "r",
        ),
        (
            custrel.ValueIndicators,
            {
                "transactions": -2,
                "total_amount": "1E+999999",
                "refunded": "0",
                "total_profit": None,
                "average_amount": None,
                "largest_amount": None,
                "first_purchase": None,
                "last_purchase": None,
                "tenure_days": None,
                "average_interval_days": float("nan"),
            },
            "transactions",
        ),
    ],
    ids=["cuts-nan", "cuts-bool", "rfm-negative", "rfm-bins", "indicators"],
)
def test_result_classes_validate_what_they_load(
    cls: type[Any], document: dict[str, Any], field: str
) -> None:
    with pytest.raises(custrel.InvalidInputError) as info:
        custrel.from_dict(cls, document)
    assert info.value.field == field


def test_every_problem_of_a_result_class_is_reported() -> None:
    with pytest.raises(custrel.InvalidInputError) as info:
        custrel.from_dict(
            custrel.RfmScore,
            {"recency_days": -1, "frequency": -1, "monetary": "NaN", "r": 0, "f": 0, "m": 0},
        )
    assert {e.field for e in info.value.errors} == {
        "recency_days",
        "frequency",
        "monetary",
        "r",
        "f",
        "m",
    }


# Documents of the results of the rules that load, and a bad value for each field.
_RESULTS: dict[type[Any], dict[str, Any]] = {
    custrel.AgendaItem: {
        "customer_id": "c-1",
        "grade": "B",
        "due": "2026-11-17",
        "days_overdue": 5,
    },
    custrel.FollowUp: {
        "on": "2026-11-22",
        "grade": "A",
        "cadence": "daily",
        "next_due": "2026-11-23",
    },
    custrel.PoolStatus: {
        "returns_on": "2026-12-06",
        "reason": "no_follow_up",
        "warn_from": "2026-12-03",
        "warning": False,
        "returned": False,
    },
    custrel.StepDue: {"step": "minutes_sent", "due": "2026-11-24", "done_on": None, "late": False},
    custrel.ChurnWindow: {
        "start": "2026-08-25",
        "end": "2026-11-22",
        "occasions": 0,
        "spend": "0",
        "complaints": 0,
    },
    custrel.ComplaintEstimate: {
        "voiced": 12,
        "estimated_total": 40,
        "unvoiced": 28,
        "reach_share": "0.3",
    },
    custrel.NpsInterval: {
        "score": "20",
        "low": "4.80",
        "high": "33.72",
        "confidence": "0.95",
        "answers": 100,
        "promoters": 40,
        "passives": 40,
        "detractors": 20,
        "small_sample": False,
    },
}

_BAD_FIELDS: list[tuple[type[Any], str, object]] = [
    (custrel.AgendaItem, "customer_id", " "),
    (custrel.AgendaItem, "grade", "Z"),
    (custrel.AgendaItem, "due", "2026-02-30"),
    (custrel.AgendaItem, "days_overdue", -1),
    (custrel.FollowUp, "on", "0999-12-31"),
    (custrel.FollowUp, "grade", 1),
    (custrel.FollowUp, "cadence", {"days": 0}),
    (custrel.FollowUp, "cadence", {"years": 101}),
    (custrel.FollowUp, "cadence", {"days": -1}),
    (custrel.FollowUp, "next_due", 20261123),
    (custrel.PoolStatus, "returns_on", {"day": 6}),
    (custrel.PoolStatus, "reason", "open"),
    (custrel.PoolStatus, "warn_from", 3),
    (custrel.PoolStatus, "warning", "yes"),
    (custrel.PoolStatus, "returned", 0),
    (custrel.StepDue, "step", "minutes_lost"),
    (custrel.StepDue, "due", None),
    (custrel.StepDue, "done_on", "0999-01-01"),
    (custrel.StepDue, "late", None),
    (custrel.ChurnWindow, "start", None),
    (custrel.ChurnWindow, "end", 7),
    (custrel.ChurnWindow, "occasions", -1),
    (custrel.ChurnWindow, "spend", "NaN"),
    (custrel.ChurnWindow, "complaints", True),
    (custrel.ComplaintEstimate, "voiced", -1),
    (custrel.ComplaintEstimate, "estimated_total", 10**30),
    (custrel.ComplaintEstimate, "unvoiced", 1.5),
    (custrel.ComplaintEstimate, "reach_share", "0"),
    (custrel.ComplaintEstimate, "reach_share", 0.3),
    (custrel.NpsInterval, "score", "100.01"),
    (custrel.NpsInterval, "low", "-Infinity"),
    (custrel.NpsInterval, "high", "1E+999999"),
    (custrel.NpsInterval, "confidence", "1"),
    (custrel.NpsInterval, "answers", 0),
    (custrel.NpsInterval, "promoters", -1),
    (custrel.NpsInterval, "passives", True),
    (custrel.NpsInterval, "detractors", 20.0),
    (custrel.NpsInterval, "small_sample", "no"),
]


@pytest.mark.parametrize(
    ("cls", "field", "bad"),
    _BAD_FIELDS,
    ids=[f"{cls.__name__}.{field}={bad!r}" for cls, field, bad in _BAD_FIELDS],
)
def test_rule_results_validate_every_field_they_load(
    cls: type[Any], field: str, bad: object
) -> None:
    with pytest.raises(custrel.InvalidInputError) as info:
        custrel.from_dict(cls, {**_RESULTS[cls], field: bad})
    assert [e.field for e in info.value.errors] == [field]


@pytest.mark.parametrize("cls", list(_RESULTS), ids=lambda cls: cls.__name__)
def test_rule_results_that_are_valid_load_and_round_trip(cls: type[Any]) -> None:
    loaded = custrel.from_dict(cls, _RESULTS[cls])
    assert custrel.loads(cls, custrel.dumps(loaded)) == loaded
    assert attrs.evolve(loaded) == loaded


_DISAGREEING: list[tuple[type[Any], dict[str, Any], str]] = [
    (custrel.PoolStatus, {"returns_on": None}, "returns_on"),
    (custrel.PoolStatus, {"warn_from": None}, "warn_from"),
    (custrel.PoolStatus, {"reason": "closed"}, "returns_on"),
    (
        custrel.PoolStatus,
        {"reason": "closed", "returns_on": None, "warn_from": None, "warning": True},
        "warning",
    ),
    (
        custrel.PoolStatus,
        {"reason": "closed", "returns_on": None, "warn_from": None, "returned": True},
        "returned",
    ),
    (custrel.PoolStatus, {"warning": True, "returned": True}, "warning"),
    (custrel.PoolStatus, {"warn_from": "2026-12-07"}, "warn_from"),
    (custrel.StepDue, {"late": True}, "late"),
    (custrel.StepDue, {"done_on": "2026-11-24", "late": True}, "late"),
    (custrel.StepDue, {"done_on": "2026-11-25"}, "late"),
    (custrel.ChurnWindow, {"end": "2026-08-24"}, "end"),
    (custrel.ComplaintEstimate, {"unvoiced": 27}, "unvoiced"),
    (custrel.NpsInterval, {"answers": 99}, "answers"),
    (custrel.NpsInterval, {"low": "33.73"}, "low"),
]


@pytest.mark.parametrize(
    ("cls", "changes", "field"),
    _DISAGREEING,
    ids=[f"{cls.__name__}-{'-'.join(changes)}" for cls, changes, _ in _DISAGREEING],
)
def test_rule_results_refuse_fields_that_disagree(
    cls: type[Any], changes: dict[str, Any], field: str
) -> None:
    with pytest.raises(custrel.InvalidInputError) as info:
        custrel.from_dict(cls, {**_RESULTS[cls], **changes})
    assert info.value.field == field


def test_consistent_rule_results_load() -> None:
    closed = {"returns_on": None, "reason": "closed", "warn_from": None}
    done_late = {"done_on": "2026-11-25", "late": True}
    status = custrel.from_dict(custrel.PoolStatus, {**_RESULTS[custrel.PoolStatus], **closed})
    step = custrel.from_dict(custrel.StepDue, {**_RESULTS[custrel.StepDue], **done_late})
    assert (status.reason, step.late) == (custrel.PoolReason.CLOSED, True)


@pytest.mark.parametrize(
    ("cls", "bad"),
    [
        (custrel.AgendaItem, {"customer_id": "", "days_overdue": -1}),
        (custrel.FollowUp, {"on": "0999-12-31", "cadence": {"days": 0}}),
        (custrel.PoolStatus, {"returns_on": 6, "warning": "yes"}),
        (custrel.StepDue, {"due": 24, "late": None}),
        (custrel.ChurnWindow, {"occasions": -1, "spend": "Infinity"}),
        (custrel.ComplaintEstimate, {"voiced": -1, "reach_share": "2"}),
        (custrel.NpsInterval, {"score": "-101", "answers": 0}),
    ],
    ids=lambda value: value.__name__ if isinstance(value, type) else "",
)
def test_every_problem_of_a_rule_result_is_reported(cls: type[Any], bad: dict[str, Any]) -> None:
    with pytest.raises(custrel.InvalidInputError) as info:
        custrel.from_dict(cls, {**_RESULTS[cls], **bad})
    assert {e.field for e in info.value.errors} == set(bad)


_DEAL = Opportunity(
    customer_id="c-1", need=custrel.Need.POTENTIAL, status=custrel.DealStatus.POTENTIAL
)


@pytest.mark.parametrize("day", [date(1000, 1, 1), date(8999, 12, 31)], ids=str)
def test_rule_results_at_the_ends_of_the_calendar_load_back(day: date) -> None:
    """Due days and windows a rule counts to may pass the bounds of the days it takes."""
    policy = PoolPolicy(first_contact_days=36_600, follow_up_days=36_600, warning_days=36_600)
    why = custrel.explain_stage([], as_of=day)
    results = [
        custrel.follow_up(_DEAL, day),
        custrel.pool_status(day, [], as_of=day, policy=policy),
        *custrel.record_steps(day),
        *custrel.minutes_steps(day, done={custrel.RecordStep.MINUTES_WRITTEN: day}),
        why.recent,
        why.prior,
    ]
    for result in results:
        assert custrel.loads(type(result), custrel.dumps(result)) == result


@pytest.mark.parametrize("name", ["Zhang San", "  "], ids=["good-then-bad", "blank"])
def test_a_personal_list_is_masked_whichever_check_refuses_it(name: str) -> None:
    with pytest.raises(custrel.InvalidInputError) as info:
        custrel.from_dict(custrel.Person, {"name": "x", "key_connections": [name, "  ", 7]})
    assert "Zhang" not in str(info.value)
    assert all(e.personal for e in info.value.errors)


@pytest.mark.parametrize(
    "values",
    [
        {"a": Decimal("9E+999999"), "b": Decimal("9E+999999")},
        {"a": 10**4000},
        {"a": Decimal("1E+15"), "b": 1},
        {"a": 10**15},
    ],
    ids=["decimal-overflow", "long-int", "decimal-at-bound", "int-at-bound"],
)
def test_tier_values_past_the_money_bound_are_refused(values: dict[str, Any]) -> None:
    policy = TierPolicy(mode=custrel.TierMode.VALUE_SHARE)  # sums: decimal.Overflow before
    with pytest.raises(custrel.InvalidInputError, match="at most 15 digits"):
        custrel.tier_portfolio(values, policy=policy)


def test_tier_values_just_below_the_bound_are_tiered() -> None:
    values: dict[str, Decimal | int] = {"a": Decimal("999999999999999.99"), "b": 10**15 - 1, "c": 0}
    tiers = custrel.tier_portfolio(values, policy=TierPolicy(mode=custrel.TierMode.VALUE_SHARE))
    assert set(tiers) == {"a", "b", "c"}


def test_explain_tier_refuses_an_unhashable_customer_id() -> None:
    with pytest.raises(custrel.InvalidInputError, match="customer_id"):
        custrel.explain_tier({1: 2}, values={"a": 1})  # type: ignore[arg-type]


def test_assign_balanced_refuses_current_that_is_not_a_mapping() -> None:
    with pytest.raises(custrel.InvalidInputError, match="current"):
        custrel.assign_balanced(["l-1"], {"a": 1}, current=5)  # type: ignore[arg-type]


# Every public function, with hostile arguments --------------------------------------

_ODD_ARGUMENTS = st.sampled_from(
    [
        None,
        True,
        -1,
        0,
        10**9,
        10**30,
        Decimal("NaN"),
        Decimal("1E+14"),
        Decimal("1E-30"),
        float("nan"),
        float("inf"),
        1.5,
        "",
        "x",
        "A",
        date.max,
        date.min,
        date(8999, 12, 31),
        datetime.max.replace(tzinfo=UTC),
        datetime(8999, 12, 31, 23, tzinfo=UTC),
        timedelta.max,
        timedelta(days=-1),
        [],
        {},
        {"a": Decimal("1E+14"), "b": 10**9},
        {"a": -1},
        ["a", "a"],
        [date.max],
        {1: 2},
        object(),
    ]
)
_FUNCTIONS = [
    obj
    for obj in (getattr(custrel, name) for name in custrel.__all__)
    if inspect.isfunction(obj) or inspect.isbuiltin(obj)
]


@pytest.mark.parametrize("function", _FUNCTIONS, ids=lambda f: f.__name__)
@_FEW
@given(data=st.data())
def test_public_functions_raise_only_custrel_errors(
    function: Callable[..., object], data: st.DataObject
) -> None:
    args: list[object] = []
    kwargs: dict[str, object] = {}
    for parameter in inspect.signature(function).parameters.values():
        if parameter.default is not inspect.Parameter.empty and data.draw(st.booleans()):
            continue
        value = data.draw(_ODD_ARGUMENTS, label=parameter.name)
        if parameter.kind is inspect.Parameter.KEYWORD_ONLY:
            kwargs[parameter.name] = value
        else:
            args.append(value)
    with contextlib.suppress(CustrelError):
        function(*args, **kwargs)


@pytest.mark.parametrize(
    "text",
    ["55555555555E5555555555555555559", '{"amount": 1e99999999999999999999}', "1." + "5" * 200],
    ids=["fuzz-exponent", "exponent-in-field", "long-fraction"],
)
def test_numbers_past_decimals_range_are_refused(text: str) -> None:
    """The first crash atheris found: Decimal() raised InvalidOperation inside json."""
    with pytest.raises(custrel.InvalidInputError, match="past Decimal's range"):
        custrel.loads(Purchase, text)


# Hostile files given to the custrel.io readers ----------------------------------------

_FILE_MODELS = [Purchase, ContactEvent, Complaint, Opportunity, CustomerProfile, Organization]
_FILE_PIECES = st.sampled_from(
    [
        b"\n",
        b"\r\n",
        b"\r",
        b",",
        b'"',
        b'""',
        b"\x00",
        b"\xff",
        b"\xc3",  # the first byte of a two-byte character, alone
        b"\xed\xa0\x80",  # a surrogate encoded as UTF-8: not UTF-8
        b"\xef\xbb\xbf",  # a byte-order mark, here or in the middle
        b"\xe6\x9d\x8e",  # a Chinese character
        b"{",
        b"}",
        b"[",
        b'"customer_id": "c-1", ',
        b'"\\udcff"',
        b'"\\ud83d\\ude00"',
        b"9" * 40,
        b"1e99999999999",
        b"2026-11-02T09:30:00+08:00",
        b"true",
        b"null",
        b"x" * 140_000,  # past csv.field_size_limit()
    ]
)


def _hostile_file(cls: type[Any], form: str) -> st.SearchStrategy[bytes]:
    """Arbitrary bytes, or a plausible start (a header, a record) followed by pieces."""
    start = (
        ",".join(io.csv_columns(cls)).encode() + b"\n"
        if form == "csv"
        else b'{"customer_id": "c-1"}\n'
    )
    pieces = st.lists(_FILE_PIECES | st.binary(max_size=30), max_size=25).map(b"".join)
    return st.binary(max_size=300) | st.tuples(st.sampled_from([start, b""]), pieces).map(b"".join)


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> pathlib.Path:
    return tmp_path_factory.mktemp("hostile-files")


@pytest.mark.parametrize("form", ["csv", "jsonl"])
@pytest.mark.parametrize("cls", _FILE_MODELS, ids=lambda cls: cls.__name__)
@settings(max_examples=min(settings().max_examples, 25))
@given(data=st.data())
def test_readers_only_report_bad_records(
    cls: type[Any], form: str, data: st.DataObject, folder: pathlib.Path
) -> None:
    """Whatever a file holds, a reader yields records and reports the rest, never raising.

    With ``strict=True`` only an ``InvalidInputError`` escapes. What is read and what is
    reported can be written out as UTF-8 (a report of the command line).
    """
    path = folder / f"{cls.__name__}.{form}"
    content = data.draw(_hostile_file(cls, form), label="content")
    path.write_bytes(content)
    reader = io.read_csv if form == "csv" else io.read_jsonl
    records = reader(cls, path)
    read = list(records)
    assert len(read) == records.good
    assert len(records.problems) == records.bad
    lines = content.count(b"\n") + content.count(b"\r") + 1
    assert all(1 <= bad.line <= lines for bad in records.problems)
    for bad in records.problems:
        str(bad).encode("utf-8")
    io.write_jsonl(folder / "out.jsonl", read)
    with contextlib.suppress(custrel.InvalidInputError):
        list(reader(cls, path, strict=True))


@settings(max_examples=min(settings().max_examples, 25))
@given(
    suffix=st.sampled_from([".toml", ".json"]),
    content=st.binary(max_size=200)
    | st.lists(_FILE_PIECES | st.sampled_from([b"[tiers]\n", b"shares = ", b"="]), max_size=12).map(
        b"".join
    ),
)
def test_load_policies_raises_only_policy_errors(
    suffix: str, content: bytes, folder: pathlib.Path
) -> None:
    path = folder / f"policies{suffix}"
    path.write_bytes(content)
    with contextlib.suppress(PolicyError):
        io.load_policies(path)


@pytest.mark.parametrize(
    ("make", "field"),
    [
        (lambda t: Purchase(customer_id=t, at=_AT, product="tea", amount=1), "customer_id"),
        (lambda t: Purchase(customer_id="c-1", at=_AT, product=t, amount=1), "product"),
        (lambda t: custrel.Person(name=t), "name"),
        (lambda t: custrel.Person(name="Wang", key_connections=[t]), "key_connections[0]"),
        (lambda t: custrel.Person(name="Wang", education=t), "education"),
        (
            lambda t: ContactEvent(
                customer_id="c-1",
                at=_AT,
                channel=custrel.Channel.VISIT,
                direction=custrel.Direction.OUTBOUND,
                summary=t,
            ),
            "summary",
        ),
        # the rules' own fast paths for plain ids (cadence agenda, tiering's value maps)
        (lambda t: custrel.agenda([(t, custrel.Grade.A, None)], as_of=_AT.date()), "id"),
        (lambda t: custrel.tier_portfolio({"c-1": Decimal(1), t: Decimal(2)}), "values key"),
        (lambda t: custrel.tier_portfolio({t: 1, "c-1": cast("int", "2")}), "values key"),
    ],
    ids=[
        "identifier",
        "product",
        "name",
        "hidden-list",
        "personal",
        "free-text",
        "agenda-id",
        "tier-key-fast",
        "tier-key-slow",
    ],
)
@pytest.mark.parametrize("text", ["c\udcff", "\ud800", "茶\udfff叶"], ids=["low", "high", "cjk"])
def test_a_lone_surrogate_is_refused(make: Callable[[str], object], field: str, text: str) -> None:
    with pytest.raises(custrel.InvalidInputError, match="of valid Unicode") as caught:
        make(text)
    assert caught.value.field.endswith(field)
    position = text.index(next(ch for ch in text if "\ud800" <= ch <= "\udfff")) + 1
    assert f"character {position} is a lone surrogate" in caught.value.hint
    str(caught.value).encode()  # the message itself can be written anywhere


def test_a_lone_surrogate_escape_in_json_is_refused_and_a_pair_is_text() -> None:
    with pytest.raises(CustrelError, match="U\\+DCFF"):
        custrel.loads(custrel.Person, '{"name": "Wang\\udcff"}')
    person = custrel.loads(custrel.Person, '{"name": "Wang \\ud83d\\ude00"}')
    assert person.name == "Wang \U0001f600"


def test_a_masked_field_keeps_its_value_out_of_the_surrogate_hint() -> None:
    with pytest.raises(custrel.InvalidInputError) as caught:
        custrel.ContactPoints(email="wang\udcff@example.cn")
    assert "wang" not in str(caught.value)
    assert "character 5 is a lone surrogate, U+DCFF" in caught.value.hint
