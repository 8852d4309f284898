"""Following customers up (客户追踪志): cadence, agenda, occasions, working days, pool.

Rules G4 and C1-C6. Each grade has a follow-up cadence (C1); a follow-up re-grades the
customer and restarts the clock (G4); the agenda lists who is due; greetings fall on
important days (C2); new customers are contacted within a week or go back to the pool
(C3); records and minutes are due within two working days (C4); ownership goes to the
first record (C5) and campaign leads are shared by ability (C6).

>>> from datetime import date
>>> from custrel.cadence import next_due
>>> from custrel.grading import Grade
>>> next_due(Grade.B, date(2026, 11, 20), as_of=date(2026, 11, 22))
datetime.date(2026, 11, 27)
"""

from custrel.cadence._agenda import (
    AgendaItem,
    FollowUp,
    agenda,
    follow_up,
)
from custrel.cadence._assignment import Claim, assign_balanced, owner_by_first_record
from custrel.cadence._due import (
    first_contact_day,
    last_follow_up,
    next_due,
)
from custrel.cadence._occasions import UpcomingOccasion, upcoming_occasions
from custrel.cadence._policy import (
    DEFAULT_CADENCE,
    Cadence,
    CadencePolicy,
    Touch,
    cadence_for,
)
from custrel.cadence._pool import (
    DEFAULT_POOL,
    PoolPolicy,
    PoolReason,
    PoolStatus,
    first_contact_deadline,
    needs_reassignment,
    pool_status,
)
from custrel.cadence._records import (
    DEFAULT_RECORD_WORKFLOW,
    RecordStep,
    RecordWorkflowPolicy,
    StepDue,
    minutes_steps,
    record_steps,
)
from custrel.cadence._touches import LastTouch, last_touch
from custrel.cadence._workcalendar import Beyond, Weekday, WorkCalendar
from custrel.cadence._workdays import (
    RECORD_WORKING_DAYS,
    add_working_days,
    is_working_day,
    minutes_deadline,
    record_deadline,
)

__all__ = [
    "DEFAULT_CADENCE",
    "DEFAULT_POOL",
    "DEFAULT_RECORD_WORKFLOW",
    "RECORD_WORKING_DAYS",
    "AgendaItem",
    "Beyond",
    "Cadence",
    "CadencePolicy",
    "Claim",
    "FollowUp",
    "LastTouch",
    "PoolPolicy",
    "PoolReason",
    "PoolStatus",
    "RecordStep",
    "RecordWorkflowPolicy",
    "StepDue",
    "Touch",
    "UpcomingOccasion",
    "Weekday",
    "WorkCalendar",
    "add_working_days",
    "agenda",
    "assign_balanced",
    "cadence_for",
    "first_contact_day",
    "first_contact_deadline",
    "follow_up",
    "is_working_day",
    "last_follow_up",
    "last_touch",
    "minutes_deadline",
    "minutes_steps",
    "needs_reassignment",
    "next_due",
    "owner_by_first_record",
    "pool_status",
    "record_deadline",
    "record_steps",
    "upcoming_occasions",
]
