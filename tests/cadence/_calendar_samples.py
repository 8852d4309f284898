"""A day, a calendar, and the loose lists of a national holiday and its make-up day, shared by
the working-day, calendar and occasion tests.
"""

from datetime import date

from custrel.cadence import WorkCalendar

D = date(2026, 11, 20)  # a Friday
CAL = WorkCalendar(name="ACME", covers=[2026])


# Rule C4: a week of national holidays and its make-up working day
NATIONAL_DAY = [date(2026, 10, d) for d in range(1, 8)]
MAKE_UP = [date(2026, 10, 10)]
