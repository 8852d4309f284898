"""Rule C4: the record workflow at its edges, and a StepDue whose late flag disagrees with its
days.
"""

from datetime import date

import pytest

from custrel.cadence import RecordStep, StepDue, record_steps
from tests._class_refusals import Refusal, check_refusal
from tests._grading_cadence_samples import FRIDAY, MONDAY
from tests._values import untyped

# rule C4: the record workflow at its edges ----------------------------------------------------

THURSDAY = date(2026, 11, 19)  # a record collected on Thursday is due in the CRM on Monday


@pytest.mark.parametrize(
    ("entered", "late", "forward_due"),
    [
        (THURSDAY, False, FRIDAY),  # entered the day it was collected
        (MONDAY, False, date(2026, 11, 24)),  # entered on the due day: in time
        (date(2026, 11, 24), True, date(2026, 11, 25)),  # a day late
    ],
)
def test_c4_a_step_done_on_its_due_day_is_in_time(
    entered: date, late: bool, forward_due: date
) -> None:
    entry, forward = record_steps(THURSDAY, done={RecordStep.RECORD_ENTERED: entered})
    assert (entry.due, entry.done_on, entry.late) == (MONDAY, entered, late)
    assert (forward.due, forward.done_on, forward.late) == (forward_due, None, False)


# custrel.cadence._records: StepDue (rule C4) ----------------------------------------------------

DUE = date(2026, 11, 24)


def step_due(done_on: date | None, late: bool) -> dict[str, object]:
    return {"step": RecordStep.MINUTES_SENT, "due": DUE, "done_on": done_on, "late": late}


STEP_DUE_REFUSALS = {
    "late though not done": Refusal(
        step_due(None, late=True),
        "StepDue.late",
        True,
        "False: done_on is None",
        "StepDue.late: expected False: done_on is None, got bool True",
    ),
    "not late though done a day after the due day": Refusal(
        step_due(date(2026, 11, 25), late=False),
        "StepDue.late",
        False,
        "True: done_on 2026-11-25 is after due 2026-11-24",
        "StepDue.late: expected True: done_on 2026-11-25 is after due 2026-11-24, got bool False",
    ),
    "late though done on the due day": Refusal(
        step_due(DUE, late=True),
        "StepDue.late",
        True,
        "False: done_on 2026-11-24 is not after due 2026-11-24",
        "StepDue.late: expected False: done_on 2026-11-24 is not after due 2026-11-24,"
        " got bool True",
    ),
    "late though done before the due day": Refusal(
        step_due(date(2026, 11, 2), late=True),
        "StepDue.late",
        True,
        "False: done_on 2026-11-02 is not after due 2026-11-24",
        "StepDue.late: expected False: done_on 2026-11-02 is not after due 2026-11-24,"
        " got bool True",
    ),
}


@pytest.mark.parametrize("refusal", STEP_DUE_REFUSALS.values(), ids=STEP_DUE_REFUSALS.keys())
def test_step_due_refuses_a_wrong_late_flag_rule_c4_with_the_whole_message(
    refusal: Refusal,
) -> None:
    check_refusal(StepDue, refusal)


@pytest.mark.parametrize(
    ("done_on", "late"),
    [(None, False), (DUE, False), (date(2026, 11, 23), False), (date(2026, 11, 25), True)],
)
def test_step_due_accepts_a_late_flag_that_matches_rule_c4(
    done_on: date | None, late: bool
) -> None:
    step = StepDue(**untyped(step_due(done_on, late=late)))
    assert (step.done_on, step.late) == (done_on, late)
