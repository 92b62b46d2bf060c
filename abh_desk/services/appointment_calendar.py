"""A caseworker's week as an iCalendar file (RFC 5545, with the ``icalendar`` package) for the
office's mail program: one event per appointment, in the office's zone (Europe/Berlin), with a
stable UID so that importing the week again updates the events instead of doubling them."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from abh_desk.clock import OFFICE_ZONE
from abh_desk.services.appointment_lists import week
from abh_desk.services.context import ServiceContext

PRODID = "-//ABH Desk//Termine//DE"


def week_calendar(ctx: ServiceContext, caseworker: str, monday: date) -> bytes:
    """The appointments of ``caseworker`` in the week from ``monday`` as an .ics file."""
    from icalendar import Calendar, Event  # loaded only for the export

    rows = week(ctx, caseworker, monday)
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", f"Termine {caseworker} ab {monday:%d.%m.%Y}")
    stamp = ctx.now()
    for row in rows:
        start = datetime.combine(row.day, time(row.start // 60, row.start % 60), OFFICE_ZONE)
        event = Event()
        event.add("uid", f"termin-{row.id}@abh-desk")
        event.add("dtstamp", stamp)
        event.add("dtstart", start)
        event.add("dtend", start + timedelta(minutes=row.minutes))
        event.add("summary", f"{row.person_name} – {row.purpose_name}")
        if row.room:
            event.add("location", f"Zimmer {row.room}")
        details = [f"Aktenzeichen {row.file_number}" if row.file_number else "", f"Stand: {row.status_label}"]
        if row.note:
            details.append(row.note)
        event.add("description", "\n".join(d for d in details if d))
        event.add("status", "CONFIRMED")
        calendar.add_component(event)
    calendar.add_missing_timezones()  # the VTIMEZONE of Europe/Berlin that TZID refers to
    return bytes(calendar.to_ical())
