"""A day, a calendar, a profile and loose holiday lists shared by the calendar and occasion
tests.
"""

from datetime import date

from custrel.cadence import (
    WorkCalendar,
)

D = date(2026, 11, 20)  # a Friday
CAL = WorkCalendar(name="ACME", covers=[2026])


# Rule C4: the deadlines honour both loose lists ----------------------------------------------

NATIONAL_DAY = [date(2026, 10, d) for d in range(1, 8)]
MAKE_UP = [date(2026, 10, 10)]
