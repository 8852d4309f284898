# TEMPORARY local stub (not committed): the helper's branch brings the real module.
from custrel.cadence._workcalendar import WorkCalendar
from custrel.errors import InvalidInputError


def calendar_named(text: str) -> WorkCalendar | None:
    if text == "none":
        return None
    if text == "weekends":
        return WorkCalendar(name="weekends")
    if text == "china":
        return WorkCalendar.china()
    raise InvalidInputError("calendar", text, "china, weekends, none")
