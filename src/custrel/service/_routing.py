"""Routing a complaint by severity (rule S2): who handles it, how the customer is told, when."""

from __future__ import annotations

import enum
from datetime import date, timedelta
from decimal import Decimal

import attrs

from custrel import _checks as c
from custrel._policy import Policy
from custrel.errors import InvalidInputError
from custrel.models import Complaint, Severity

__all__ = [
    "DEFAULT_SERVICE",
    "ComplaintRoute",
    "Handler",
    "Notice",
    "ServicePolicy",
    "complaint_follow_up_due",
    "route_complaint",
]


# rule S2 ------------------------------------------------------------------------------------


class Handler(enum.StrEnum):
    """Who handles a complaint (rule S2).

    >>> from custrel.service import Handler
    >>> Handler.GENERAL_MANAGER.value
    'general_manager'
    """

    GENERAL_MANAGER = "general_manager"  # serious: to the general manager at once (总经理)
    SERVICE_DEPARTMENT = "service_department"  # ordinary: the service department (服务部门)


class Notice(enum.StrEnum):
    """How the customer is told the outcome (rule S2).

    >>> from custrel.service import Notice
    >>> [n.value for n in Notice]
    ['written', 'written_or_phone']
    """

    WRITTEN = "written"  # serious: by letter (函告)
    WRITTEN_OR_PHONE = "written_or_phone"  # ordinary: in writing or by phone (书面或电话)


_MAX_ESTIMATE = 10**30 - 1


def _estimate(name: str, value: object) -> None:
    """An estimated count of complaints: an ``int`` >= 0 of at most 30 digits.

    An estimate is ``voiced / reach_share``, so a small share takes it past the count
    bound (a billion); 30 digits is the longest integer ``custrel.loads`` reads back.
    """
    if not isinstance(value, int) or isinstance(value, bool) or not 0 <= value <= _MAX_ESTIMATE:
        raise InvalidInputError(name, value, "an int >= 0 of at most 30 digits")


_LEAST_SHARE = Decimal("0.01")


_POLICY_SHARE = c.fraction(_LEAST_SHARE, 1)  # rule S3's decision; a float is taken exactly


def _share(name: str, value: object) -> None:
    """A reach share from 0.01 to 1 (rule S3's decision), as a result records it: a ``Decimal``.

    Below a hundredth one voiced complaint would stand for more than a hundred, and a
    share such as 1E-999999 would make a million-digit estimate.
    """
    expected = "a Decimal from 0.01 to 1"
    if isinstance(value, float):
        raise InvalidInputError(name, value, expected, hint=f"pass Decimal({str(value)!r})")
    if not isinstance(value, Decimal) or not value.is_finite() or not _LEAST_SHARE <= value <= 1:
        raise InvalidInputError(name, value, expected)


@attrs.frozen(kw_only=True, cache_hash=True)
class ServicePolicy(Policy):
    """The day counts of complaint handling (rules S1-S3), in calendar days.

    The texts give the order and the routing but no day counts; these defaults are
    custrel's decisions (docs/rules.md).

    Args:
        escalate_days: A serious complaint reaches the general manager within this many
            days of being received (rule S2: at once), 0 (the same day) by default.
        serious_visit_days: The business head or a designated person visits the
            customer within this many days of a serious complaint (rule S2), 3 by
            default ...
        visit_days: ... and of an ordinary one, 7 by default.
        follow_up_days: The follow-up (rule S1's last step) is due this many days after
            the remedy, 7 by default.
        reach_share: The share of complaints that reach the service staff (rule S3),
            0.3 by default, from 0.01 to 1; a ``float`` is taken as the decimal it is
            written as (``0.3`` is ``Decimal('0.3')``).

    Raises:
        PolicyError: If a value is out of range.

    >>> from custrel.service import ServicePolicy
    >>> ServicePolicy().visit_days, ServicePolicy().reach_share
    (7, Decimal('0.3'))
    >>> ServicePolicy(reach_share=0.25).reach_share
    Decimal('0.25')
    >>> ServicePolicy(reach_share=0)
    Traceback (most recent call last):
    ...
    custrel.errors.PolicyError: ServicePolicy.reach_share: expected a finite number in 0.01..1, got Decimal Decimal('0')
    """  # noqa: E501 - a doctest output line

    escalate_days: int = attrs.field(default=0, validator=c.policy(c.days(0)))  # rule S2
    serious_visit_days: int = attrs.field(default=3, validator=c.policy(c.days(0)))  # rule S2
    visit_days: int = attrs.field(default=7, validator=c.policy(c.days(0)))  # rule S2
    follow_up_days: int = attrs.field(default=7, validator=c.policy(c.days(0)))  # rule S1
    reach_share: Decimal = attrs.field(  # rule S3: about 30 % reach the service staff
        default=Decimal("0.3"), converter=c.to_ratio, validator=c.policy(_POLICY_SHARE)
    )


DEFAULT_SERVICE = ServicePolicy()
"""Serious complaints escalated the same day and visited within 3 days, ordinary within 7."""


_CHECK_DUE = c.day(bounded=False)  # counted from a day up to 8999-12-31, it may be later
_CHECK_DUE_OR_NONE = c.day(optional=True, bounded=False)


def _check_policy(policy: object) -> ServicePolicy:
    if not isinstance(policy, ServicePolicy):
        raise InvalidInputError("policy", policy, "a ServicePolicy")
    return policy


def _check_complaint(complaint: object) -> Complaint:
    if not isinstance(complaint, Complaint):
        raise InvalidInputError("complaint", complaint, "a Complaint")
    return complaint


@attrs.frozen(kw_only=True)
class ComplaintRoute:
    """Where a complaint goes and what is due for it (rule S2).

    Args:
        severity: The complaint's severity.
        handler: Who handles it.
        notice: How the customer is told the outcome.
        escalate_by: For a serious complaint, the last day to put it before the general
            manager; ``None`` for an ordinary one.
        visit_by: The last day for the visit by the business head or a designated
            person (every complaint, however small, is visited).

    Its days may lie after 8999-12-31: they are counted from the day the complaint
    was received.

    Raises:
        InvalidInputError: If a field has the wrong type, or the handler, the notice or
            ``escalate_by`` is not the one rule S2 gives the severity.

    >>> from datetime import datetime, timezone
    >>> from custrel.models import Complaint, Severity
    >>> from custrel.service import Handler, route_complaint
    >>> route = route_complaint(Complaint(customer_id="c-1", severity=Severity.ORDINARY,
    ...                                   at=datetime(2026, 11, 20, tzinfo=timezone.utc)))
    >>> route.notice, route.escalate_by, route.visit_by
    (<Notice.WRITTEN_OR_PHONE: 'written_or_phone'>, None, datetime.date(2026, 11, 27))
    >>> import attrs
    >>> attrs.evolve(route, handler=Handler.GENERAL_MANAGER)
    Traceback (most recent call last):
    ...
    custrel.errors.InvalidInputError: ComplaintRoute.handler: expected 'service_department' for an ordinary complaint (rule S2), got Handler <Handler.GENERAL_MANAGER: 'general_manager'>
    """  # noqa: E501 - a doctest output line

    severity: Severity = attrs.field(validator=c.checked(c.member(Severity)))
    handler: Handler = attrs.field(validator=c.checked(c.member(Handler)))
    notice: Notice = attrs.field(validator=c.checked(c.member(Notice)))
    escalate_by: date | None = attrs.field(validator=c.checked(_CHECK_DUE_OR_NONE))
    visit_by: date = attrs.field(validator=c.checked(_CHECK_DUE))

    def __attrs_post_init__(self) -> None:
        """Check that the route is the one rule S2 gives the complaint's severity."""
        serious = self.severity is Severity.SERIOUS
        kind = "a serious" if serious else "an ordinary"
        handler = Handler.GENERAL_MANAGER if serious else Handler.SERVICE_DEPARTMENT
        if self.handler is not handler:
            raise InvalidInputError(
                "ComplaintRoute.handler",
                self.handler,
                f"{handler.value!r} for {kind} complaint (rule S2)",
            )
        notice = Notice.WRITTEN if serious else Notice.WRITTEN_OR_PHONE
        if self.notice is not notice:
            raise InvalidInputError(
                "ComplaintRoute.notice",
                self.notice,
                f"{notice.value!r} for {kind} complaint (rule S2)",
            )
        if (self.escalate_by is None) is serious:
            raise InvalidInputError(
                "ComplaintRoute.escalate_by",
                self.escalate_by,
                f"{'a date' if serious else 'None'} for {kind} complaint (rule S2)",
            )


def route_complaint(
    complaint: Complaint, /, *, policy: ServicePolicy = DEFAULT_SERVICE
) -> ComplaintRoute:
    """Route a complaint by its severity and set its due dates (rule S2).

    A serious complaint (重大) goes to the general manager at once (``escalate_days``
    after it is received, the same day by default) and the customer is told the outcome
    by letter; an ordinary one (一般) is handled by the service department, which tells
    the customer in writing or by phone. Either way the business head or a designated
    person visits the customer: within ``serious_visit_days`` or ``visit_days``. Days
    count from the complaint's own local calendar day.

    Args:
        complaint: The complaint.
        policy: The day counts; custrel's defaults unless given.

    Returns:
        The route.

    Raises:
        InvalidInputError: If an argument has the wrong type.

    >>> from datetime import datetime, timezone
    >>> from custrel.models import Complaint, Severity
    >>> route_complaint(Complaint(customer_id="c-1", severity=Severity.SERIOUS,
    ...                           at=datetime(2026, 2, 27, tzinfo=timezone.utc))).visit_by
    datetime.date(2026, 3, 2)
    >>> route_complaint("c-1")
    Traceback (most recent call last):
    ...
    custrel.errors.InvalidInputError: complaint: expected a Complaint, got str 'c-1'
    """
    complaint = _check_complaint(complaint)
    policy = _check_policy(policy)
    received = complaint.at.date()
    # counted from a checked complaint and policy: the validators are for data from outside
    if complaint.severity is Severity.SERIOUS:
        return c.unchecked(
            ComplaintRoute,
            severity=complaint.severity,
            handler=Handler.GENERAL_MANAGER,
            notice=Notice.WRITTEN,
            escalate_by=received + timedelta(days=policy.escalate_days),
            visit_by=received + timedelta(days=policy.serious_visit_days),
        )
    return c.unchecked(
        ComplaintRoute,
        severity=complaint.severity,
        handler=Handler.SERVICE_DEPARTMENT,
        notice=Notice.WRITTEN_OR_PHONE,
        escalate_by=None,
        visit_by=received + timedelta(days=policy.visit_days),
    )


def complaint_follow_up_due(
    complaint: Complaint, /, *, policy: ServicePolicy = DEFAULT_SERVICE
) -> date | None:
    """When the follow-up of a remedied complaint is due (rule S1, last step).

    The remedy is done when the complaint is resolved (``Complaint.resolved_at``); the
    follow-up is due ``follow_up_days`` after that day.

    Args:
        complaint: The complaint.
        policy: The day counts; custrel's defaults unless given.

    Returns:
        The last day for the follow-up, or ``None`` while there is no remedy yet.

    Raises:
        InvalidInputError: If an argument has the wrong type.

    >>> from datetime import datetime, timezone
    >>> from custrel.models import Complaint, Severity
    >>> at = datetime(2026, 11, 20, tzinfo=timezone.utc)
    >>> complaint_follow_up_due(Complaint(customer_id="c-1", severity=Severity.ORDINARY,
    ...                                   at=at, resolved_at=at.replace(day=24)))
    datetime.date(2026, 12, 1)
    """
    complaint = _check_complaint(complaint)
    policy = _check_policy(policy)
    if complaint.resolved_at is None:
        return None
    return complaint.resolved_at.date() + timedelta(days=policy.follow_up_days)
