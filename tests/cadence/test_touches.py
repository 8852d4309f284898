"""Rule C1 decision: a follow-up is any touch the policy names, contacts and purchases."""

from datetime import UTC, date, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from custrel.cadence import (
    DEFAULT_CADENCE,
    CadencePolicy,
    LastTouch,
    Touch,
    last_follow_up,
    last_touch,
)
from custrel.errors import InvalidInputError, PolicyError
from custrel.models import Channel, ContactEvent, Direction, Purchase
from custrel.strategies import contact_events, purchases
from tests._values import AS_OF


def contact(
    day: date, channel: Channel = Channel.PHONE, direction: Direction = Direction.OUTBOUND
) -> ContactEvent:
    at = datetime(day.year, day.month, day.day, 10, tzinfo=UTC)
    return ContactEvent(customer_id="c-1", at=at, channel=channel, direction=direction)


def bought(day: date, *, refund: bool = False) -> Purchase:
    at = datetime(day.year, day.month, day.day, 15, tzinfo=UTC)
    return Purchase(customer_id="c-1", at=at, product="tea", amount=88, refund=refund)


def test_a_purchase_two_weeks_ago_is_the_last_touch() -> None:
    old_call = contact(AS_OF - timedelta(days=973))
    recent = bought(AS_OF - timedelta(days=14))
    assert last_touch([old_call], [recent], as_of=AS_OF) == LastTouch(
        on=AS_OF - timedelta(days=14), kind=Touch.PURCHASE
    )


def test_a_live_inbound_contact_is_a_touch_and_an_inbound_email_is_not() -> None:
    events = [
        contact(date(2026, 11, 3)),
        contact(date(2026, 11, 9), Channel.PHONE, Direction.INBOUND),
        contact(date(2026, 11, 12), Channel.EMAIL, Direction.INBOUND),
    ]
    assert last_touch(events, as_of=AS_OF) == LastTouch(on=date(2026, 11, 9), kind=Touch.INBOUND)


def test_on_one_day_what_the_salesperson_did_is_named_first() -> None:
    day = date(2026, 11, 9)
    inbound = contact(day, Channel.VISIT, Direction.INBOUND)
    assert last_touch([inbound], [bought(day)], as_of=AS_OF).kind is Touch.INBOUND  # type: ignore[union-attr]
    assert last_touch([inbound, contact(day)], [bought(day)], as_of=AS_OF).kind is Touch.OUTBOUND  # type: ignore[union-attr]
    assert last_touch([], [bought(day), bought(day, refund=True)], as_of=AS_OF) == LastTouch(
        on=day, kind=Touch.PURCHASE
    )


def test_touches_after_as_of_and_of_no_counted_kind_are_ignored() -> None:
    later = AS_OF + timedelta(days=1)
    assert last_touch([contact(later)], [bought(later)], as_of=AS_OF) is None
    assert last_touch([], [], as_of=AS_OF) is None
    contacts_only = CadencePolicy(touches={Touch.OUTBOUND, Touch.INBOUND})
    assert last_touch([], [bought(AS_OF)], as_of=AS_OF, policy=contacts_only) is None
    outbound_only = CadencePolicy(touches=[Touch.OUTBOUND])
    inbound = contact(AS_OF, Channel.PHONE, Direction.INBOUND)
    assert not outbound_only.counts(inbound)
    assert last_follow_up([inbound], as_of=AS_OF, policy=outbound_only) is None
    inbound_only = CadencePolicy(touches=(Touch.INBOUND,))
    assert not inbound_only.counts(contact(AS_OF))
    assert inbound_only.counts(inbound)


def test_the_last_day_of_february_in_a_leap_year() -> None:
    leap = date(2028, 2, 29)
    assert last_touch([], [bought(leap)], as_of=leap) == LastTouch(on=leap, kind=Touch.PURCHASE)
    assert last_touch([], [bought(leap)], as_of=date(2028, 2, 28)) is None


@pytest.mark.parametrize(
    ("call", "field"),
    [
        (lambda: last_touch("calls", as_of=AS_OF), "contacts"),  # type: ignore[arg-type]
        (lambda: last_touch([None], as_of=AS_OF), "contacts[0]"),  # type: ignore[list-item]
        (lambda: last_touch([], "orders", as_of=AS_OF), "purchases"),  # type: ignore[arg-type]
        (lambda: last_touch([], [None], as_of=AS_OF), "purchases[0]"),  # type: ignore[list-item]
        (lambda: last_touch([], as_of="2026-11-22"), "as_of"),  # type: ignore[arg-type]
        (lambda: last_touch([], as_of=AS_OF, policy=None), "policy"),  # type: ignore[arg-type]
        (lambda: LastTouch(on=AS_OF, kind="purchase"), "LastTouch.kind"),  # type: ignore[arg-type]
    ],
)
def test_refuses_bad_input(call: object, field: str) -> None:
    with pytest.raises(InvalidInputError) as info:
        call()  # type: ignore[operator]
    assert info.value.field == field


@pytest.mark.parametrize("touches", ["purchase", {"purchase"}, None])
def test_a_policy_refuses_touches_that_are_not_touches(touches: object) -> None:
    with pytest.raises(PolicyError, match=r"CadencePolicy\.touches"):
        CadencePolicy(touches=touches)  # type: ignore[arg-type]


def test_touches_round_trip_as_data() -> None:
    tuned = CadencePolicy.from_dict({"touches": ["outbound", "purchase"]})
    assert tuned.touches == {Touch.OUTBOUND, Touch.PURCHASE}
    assert CadencePolicy.from_dict(tuned.to_dict()) == tuned
    assert tuned.fingerprint() != DEFAULT_CADENCE.fingerprint()


_HISTORY = {"min_value": date(2026, 1, 1), "max_value": date(2026, 12, 31)}


@given(
    st.lists(contact_events(customer_id="c-1", **_HISTORY), max_size=8),
    st.lists(purchases(customer_id="c-1", **_HISTORY), max_size=8),
    st.randoms(use_true_random=False),
)
def test_the_last_touch_is_the_latest_counted_one_in_any_order(
    contacts: list[ContactEvent], orders: list[Purchase], rnd: object
) -> None:
    found = last_touch(contacts, orders, as_of=AS_OF)
    days = [e.at.date() for e in contacts if DEFAULT_CADENCE.counts(e)]
    days += [p.at.date() for p in orders]
    days = [d for d in days if d <= AS_OF]
    if not days:
        assert found is None
        return
    assert found is not None
    assert found.on == max(days)
    shuffled_contacts, shuffled_orders = list(contacts), list(orders)
    rnd.shuffle(shuffled_contacts)  # type: ignore[attr-defined]
    rnd.shuffle(shuffled_orders)  # type: ignore[attr-defined]
    assert last_touch(shuffled_contacts, shuffled_orders, as_of=AS_OF) == found
    # a purchase never makes the last touch earlier, and the contacts alone never later
    contacts_only = last_follow_up(contacts, as_of=AS_OF)
    assert contacts_only is None or contacts_only <= found.on


@given(
    st.lists(contact_events(customer_id="c-1", **_HISTORY), max_size=8),
    st.lists(purchases(customer_id="c-1", **_HISTORY), max_size=8),
    st.sets(st.sampled_from(Touch), min_size=1),
)
def test_counting_more_kinds_of_touch_never_makes_the_last_one_earlier(
    contacts: list[ContactEvent], orders: list[Purchase], kinds: set[Touch]
) -> None:
    fewer = last_touch(contacts, orders, as_of=AS_OF, policy=CadencePolicy(touches=kinds))
    every = last_touch(contacts, orders, as_of=AS_OF)
    if fewer is not None:
        assert every is not None
        assert every.on >= fewer.on
        assert fewer.kind in kinds


def test_records_of_two_customers_are_refused() -> None:
    other = ContactEvent(
        customer_id="c-2",
        at=datetime(2026, 11, 3, tzinfo=UTC),
        channel=Channel.PHONE,
        direction=Direction.OUTBOUND,
    )
    with pytest.raises(InvalidInputError) as info:
        last_touch([contact(AS_OF), other], as_of=AS_OF)
    assert info.value.field == "contacts[1].customer_id"
    with pytest.raises(InvalidInputError) as info:
        last_touch([other], [bought(AS_OF)], as_of=AS_OF)
    assert info.value.field == "purchases[0].customer_id"
    assert "'c-2'" in str(info.value)


def test_a_policy_where_nothing_counts_is_refused() -> None:
    with pytest.raises(PolicyError, match="at least one kind of touch"):
        CadencePolicy(touches=())
    with pytest.raises(PolicyError, match=r"pass \{Touch.OUTBOUND"):
        CadencePolicy(touches=("outbound",))  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (
            lambda: last_touch("calls", as_of=AS_OF),  # type: ignore[arg-type]
            "contacts: expected an iterable of ContactEvent, got str 'calls'",
        ),
        (
            lambda: last_touch([None], as_of=AS_OF),  # type: ignore[list-item]
            "contacts[0]: expected a ContactEvent, got NoneType None",
        ),
        (
            lambda: last_touch([], "orders", as_of=AS_OF),  # type: ignore[arg-type]
            "purchases: expected an iterable of Purchase, got str 'orders'",
        ),
        (
            lambda: last_touch([], [None], as_of=AS_OF),  # type: ignore[list-item]
            "purchases[0]: expected a Purchase, got NoneType None",
        ),
        (
            lambda: CadencePolicy(touches="purchase"),  # type: ignore[arg-type]
            (
                "CadencePolicy.touches: expected a set of Touch, got str 'purchase'; pass"
                " {Touch.OUTBOUND, Touch('purchase')}"
            ),
        ),
        (
            lambda: CadencePolicy(touches=()),
            (
                "CadencePolicy.touches: expected at least one kind of touch, got frozenset"
                " frozenset(); with none, no customer is ever followed up and all are due at"
                " once"
            ),
        ),
        (
            lambda: last_touch([contact(AS_OF)], [_other_customer()], as_of=AS_OF),
            (
                "purchases[0].customer_id: expected the customer of the first record, 'c-1',"
                " got str 'c-2'; give one customer's contacts and purchases at a time"
            ),
        ),
    ],
)
def test_refusals_say_the_whole_message(call: object, message: str) -> None:
    with pytest.raises((InvalidInputError, PolicyError)) as info:
        call()  # type: ignore[operator]
    assert str(info.value) == message


def _other_customer() -> Purchase:
    return Purchase(
        customer_id="c-2", at=datetime(2026, 11, 3, tzinfo=UTC), product="tea", amount=88
    )
