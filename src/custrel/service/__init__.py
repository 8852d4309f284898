"""Complaint handling (rules S1-S3: 客户投诉处理).

A complaint is handled in four steps, in order (S1); it is routed by severity, to the
general manager or to the service department, and every complaint is visited (S2);
and since only about 30 % of complaints ever reach the service staff, the complaints
heard are a fraction of those felt (S3).

>>> from datetime import datetime, timezone
>>> from custrel.models import Complaint, Severity
>>> from custrel.service import route_complaint
>>> route = route_complaint(Complaint(customer_id="c-1", severity=Severity.SERIOUS,
...                                   at=datetime(2026, 11, 20, 9, tzinfo=timezone.utc)))
>>> route.handler, route.notice, route.visit_by
(<Handler.GENERAL_MANAGER: 'general_manager'>, <Notice.WRITTEN: 'written'>, datetime.date(2026, 11, 23))
"""  # noqa: E501 - a doctest output line

from custrel.service._estimates import (
    ComplaintEstimate,
    estimate_complaints,
)
from custrel.service._routing import (
    DEFAULT_SERVICE,
    ComplaintRoute,
    Handler,
    Notice,
    ServicePolicy,
    complaint_follow_up_due,
    route_complaint,
)
from custrel.service._steps import (
    ComplaintStep,
    next_complaint_step,
    take_complaint_step,
)

__all__ = [
    "DEFAULT_SERVICE",
    "ComplaintEstimate",
    "ComplaintRoute",
    "ComplaintStep",
    "Handler",
    "Notice",
    "ServicePolicy",
    "complaint_follow_up_due",
    "estimate_complaints",
    "next_complaint_step",
    "route_complaint",
    "take_complaint_step",
]
