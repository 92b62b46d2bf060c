"""Termine: opening hours, a caseworker's hours, slot lengths, free slots and the checks of a booking.

Pure rules, no database. Times of day are whole minutes after midnight in the office's zone
(Europe/Berlin): an appointment is a local day and a local time, as the person reads it in the
letter; the conversion to UTC happens only where a point in time is needed (the calendar file).

A booking occupies whole **units** of ``UNIT`` minutes; the database keeps one row per occupied
unit of a caseworker, under a unique key (``models.appointments.AppointmentUnit``), so two
bookings that overlap — of the same length or not — can never both be stored.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable, Iterator, Mapping
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from abh_desk.domain.catalogue import ProcedureType
from abh_desk.domain.deadlines_calendar import WorkingDays, german_date
from abh_desk.error_texts import Label
from abh_desk.errors import ValidationError

#: The grid of the calendar: every booking starts on it and lasts a multiple of it.
UNIT = 5
#: A procedure's appointment without a length of its own (catalogue ``termin_minuten``, office setting).
DEFAULT_MINUTES = 20
#: Settlement permits and the like: more to check at the counter (§§ 9, 9a AufenthG).
UNLIMITED_MINUTES = 30
MIN_MINUTES = 5
MAX_MINUTES = 240
#: Purposes that are no procedure of the catalogue.
CARD_PICKUP = "EAT-ABHOLUNG"
CARD_PICKUP_MINUTES = 10
WALK_IN = "VORSPRACHE"
PURPOSE_NAMES = {
    CARD_PICKUP: Label("domain_appointments.purpose_card_pickup"),
    WALK_IN: Label("domain_appointments.purpose_walk_in"),
}
#: How far ahead the program looks for a free slot.
HORIZON_DAYS = 120

#: An appointment's status (``appointments.status``), and its label.
BOOKED = "gebucht"
WAITING = "wartet"
DONE = "erledigt"
NO_SHOW = "nicht_erschienen"
CANCELLED = "abgesagt"
STATUS_LABELS = {
    BOOKED: Label("domain_appointments.status_booked"),
    WAITING: Label("domain_appointments.status_waiting"),
    DONE: Label("shared.done"),
    NO_SHOW: Label("domain_appointments.status_no_show"),
    CANCELLED: Label("domain_appointments.status_cancelled"),
}

DAY_CODES = ("Mo", "Di", "Mi", "Do", "Fr", "Sa", "So")
WEEKDAY_NAMES = (
    Label("domain_appointments.weekday_monday"),
    Label("domain_appointments.weekday_tuesday"),
    Label("domain_appointments.weekday_wednesday"),
    Label("domain_appointments.weekday_thursday"),
    Label("domain_appointments.weekday_friday"),
    Label("domain_appointments.weekday_saturday"),
    Label("domain_appointments.weekday_sunday"),
)


class AppointmentError(ValidationError):
    """A booking that cannot be made; the message says why in German, nothing was booked."""

    code = "termin_ungueltig"


class SlotInPast(AppointmentError):
    code = "termin_vergangen"


class OfficeClosed(AppointmentError):
    """A holiday, or a weekday without opening hours."""

    code = "termin_geschlossen"


class OutsideHours(AppointmentError):
    code = "termin_ausserhalb"


class CaseworkerAway(AppointmentError):
    code = "termin_abwesend"


class SlotTaken(AppointmentError):
    """The slot overlaps another booking; ``params["next_free"]`` holds the next free slots."""

    code = "termin_belegt"


# --- hours -----------------------------------------------------------------------------------


@dataclass(frozen=True, order=True)
class Interval:
    """From ``start`` to ``end`` (minutes after midnight, end exclusive)."""

    start: int
    end: int

    def __str__(self) -> str:
        return f"{clock_text(self.start)}–{clock_text(self.end)}"


#: Seven tuples of intervals, Monday first.
WeekHours = tuple[tuple[Interval, ...], ...]
CLOSED_WEEK: WeekHours = ((),) * 7

_TIME = r"(\d{1,2})[:.](\d{2})"
_SPAN = re.compile(rf"{_TIME}\s*(?:-|–|bis)\s*{_TIME}")
_DAY = r"(?:Mo|Di|Mi|Do|Fr|Sa|So)\b"
_DAYS = re.compile(rf"^\s*((?:{_DAY}\s*(?:[-–]\s*{_DAY})?\s*,?\s*)+)(.*)$")


def clock_text(minute: int) -> str:
    """„08:30“."""
    return f"{minute // 60:02d}:{minute % 60:02d}"


def _days(text: str) -> list[int]:
    days: list[int] = []
    text = re.sub(r"\s*[-–]\s*", "-", text.strip())
    for part in re.split(r"\s*,\s*|\s+(?=[A-Z])", text):
        if not part:
            continue
        ends = [DAY_CODES.index(p.strip()) for p in re.split(r"[-–]", part)]
        if len(ends) == 2:
            first, last = ends
            if last < first:
                raise ValidationError("domain_appointments.last_day_before_first", field="zeiten", part=part)
            days.extend(range(first, last + 1))
        else:
            days.append(ends[0])
    return days


def parse_hours(text: str, field: str = "zeiten") -> WeekHours:
    """Hours as people write them: „Mo, Di, Fr 08:00–12:00; Do 08:00–12:00, 14:00–18:00“.

    Parts are separated by ``;`` or new lines; each names its days (``Mo``, ``Mo-Fr``, ``Mo, Di``)
    and one or more spans (``8.00–12.00``, ``08:00-12:00``, ``8:00 bis 12:00``). A day named twice,
    an end before its start, a time not on the 5-minute grid are refused with a German message.
    """
    week: list[list[Interval]] = [[] for _ in range(7)]
    named: set[int] = set()
    for raw in re.split(r"[;\n]", text):
        part = raw.strip().rstrip("Uhr").strip()
        if not part:
            continue
        match = _DAYS.match(part)
        if match is None:
            raise ValidationError("domain_appointments.no_weekdays", field=field, part=raw.strip())
        days = _days(match.group(1))
        spans = _SPAN.findall(match.group(2))
        rest = _SPAN.sub("", match.group(2)).replace("und", "").replace(",", "").replace("Uhr", "").strip()
        if not spans or rest:
            raise ValidationError("domain_appointments.no_times", field=field, part=raw.strip())
        intervals = []
        for h1, m1, h2, m2 in spans:
            start, end = int(h1) * 60 + int(m1), int(h2) * 60 + int(m2)
            if not (0 <= start < end <= 24 * 60) or int(m1) >= 60 or int(m2) >= 60:
                raise ValidationError(
                    "domain_appointments.invalid_span", field=field, part=raw.strip(), span=f"{h1}:{m1}–{h2}:{m2}"
                )
            if start % UNIT or end % UNIT:
                raise ValidationError("domain_appointments.times_off_grid", field=field, part=raw.strip(), unit=UNIT)
            intervals.append(Interval(start, end))
        for day in days:
            if day in named:
                raise ValidationError("domain_appointments.day_named_twice", field=field, weekday=WEEKDAY_NAMES[day])
            named.add(day)
            week[day] = _merged(intervals)
    return tuple(tuple(day) for day in week)


def _merged(intervals: Iterable[Interval]) -> list[Interval]:
    result: list[Interval] = []
    for item in sorted(intervals):
        if result and item.start < result[-1].end:
            raise ValidationError(
                "domain_appointments.times_overlap", field="zeiten", first=str(result[-1]), second=str(item)
            )
        if result and item.start == result[-1].end:
            result[-1] = Interval(result[-1].start, item.end)
        else:
            result.append(item)
    return result


def format_hours(week: WeekHours) -> str:
    """The canonical text of ``week`` (parse_hours reads it back), days with equal hours grouped."""
    groups: list[tuple[list[int], tuple[Interval, ...]]] = []
    for day, spans in enumerate(week):
        if not spans:
            continue
        for days, same in groups:
            if same == spans:
                days.append(day)
                break
        else:
            groups.append(([day], spans))
    return "; ".join(
        f"{', '.join(DAY_CODES[d] for d in days)} {', '.join(str(s) for s in spans)}" for days, spans in groups
    )


def intersect(a: Iterable[Interval], b: Iterable[Interval]) -> tuple[Interval, ...]:
    """The times within both."""
    result = []
    for x in a:
        for y in b:
            start, end = max(x.start, y.start), min(x.end, y.end)
            if start < end:
                result.append(Interval(start, end))
    return tuple(sorted(result))


# --- slot lengths ----------------------------------------------------------------------------


def check_minutes(minutes: int, field: str = "minuten") -> int:
    if not isinstance(minutes, int) or not MIN_MINUTES <= minutes <= MAX_MINUTES or minutes % UNIT:
        raise ValidationError(
            "domain_appointments.minutes_out_of_range",
            field=field,
            minimum=MIN_MINUTES,
            maximum=MAX_MINUTES,
            unit=UNIT,
            minutes=minutes,
        )
    return minutes


def slot_minutes(purpose: str, procedure: ProcedureType | None, office: Mapping[str, int]) -> int:
    """How long an appointment of ``purpose`` takes: the office's own length (set by the
    administration) first, then the catalogue's ``termin_minuten``, then the rule: the eAT pickup
    10 minutes, an unlimited title (§§ 9, 9a AufenthG) 30, anything else 20."""
    if purpose in office:
        return office[purpose]
    if purpose == CARD_PICKUP:
        return CARD_PICKUP_MINUTES
    if procedure is not None and procedure.appointment_minutes:
        return procedure.appointment_minutes
    if procedure is not None and procedure.unlimited:
        return UNLIMITED_MINUTES
    return DEFAULT_MINUTES


# --- one day of one caseworker -------------------------------------------------------------------


@dataclass(frozen=True)
class Slot:
    day: date
    start: int
    minutes: int

    @property
    def end(self) -> int:
        return self.start + self.minutes

    def units(self) -> range:
        """The start minutes of the units the slot occupies."""
        return range(self.start, self.end, UNIT)

    def starts_at(self) -> datetime:
        """Naive local date and time (office zone)."""
        return datetime.combine(self.day, time(self.start // 60, self.start % 60))

    def __str__(self) -> str:
        return f"{WEEKDAY_NAMES[self.day.weekday()][:2]}, {german_date(self.day)}, {clock_text(self.start)} Uhr"


def local_minute(moment: datetime) -> int:
    """Minutes after midnight of a local (office zone) datetime."""
    return moment.hour * 60 + moment.minute


@dataclass(frozen=True)
class Calendar:
    """What a day's free time of a caseworker depends on, except the bookings: the office's hours,
    the caseworker's own (None: the office's) and the Land's holidays."""

    office: WeekHours
    holidays: WorkingDays

    def closed_reason(self, day: date) -> str | None:
        """Why the office has no appointments on ``day`` („Ostermontag (Feiertag in BW)“,
        „Mittwoch: keine Sprechzeiten“); None on an open day."""
        name = self.holidays.holiday_name(day)
        if name is not None:
            return f"{name} (Feiertag in {self.holidays.land})"
        if not self.office[day.weekday()]:
            return f"{WEEKDAY_NAMES[day.weekday()]}: keine Sprechzeiten"
        return None

    def hours(self, day: date, own: WeekHours | None) -> tuple[Interval, ...]:
        """The times on ``day`` in which the caseworker takes appointments."""
        if self.closed_reason(day) is not None:
            return ()
        office = self.office[day.weekday()]
        return office if own is None else intersect(office, own[day.weekday()])


def free_starts(hours: Iterable[Interval], busy: Collection[int], minutes: int, not_before: int = 0) -> Iterator[int]:
    """Start minutes of free slots of ``minutes`` within ``hours``, not overlapping ``busy`` units
    and not before ``not_before``; proposals do not overlap each other."""
    for span in hours:
        start = max(span.start, -(-not_before // UNIT) * UNIT)
        while start + minutes <= span.end:
            clash = next((u for u in range(start, start + minutes, UNIT) if u in busy), None)
            if clash is None:
                yield start
                start += minutes
            else:
                start = clash + UNIT


def check_slot(
    slot: Slot,
    calendar: Calendar,
    own: WeekHours | None,
    now: datetime,
    *,
    who: str,
    away: str | None = None,
    busy: Collection[int] = (),
) -> None:
    """Raise the fitting ``AppointmentError`` if ``slot`` cannot be booked for ``who``.

    ``now`` is the local (office zone, naive) moment; ``away`` says why the caseworker is absent
    that day and no deputy takes over (None: present); ``busy`` the units already booked.
    """
    if slot.start % UNIT or slot.minutes % UNIT or slot.minutes <= 0:
        raise AppointmentError("domain_appointments.slot_off_grid", field="zeit", unit=UNIT)
    if slot.starts_at() < now:
        raise SlotInPast("domain_appointments.slot_in_past", field="zeit", slot=str(slot))
    reason = calendar.closed_reason(slot.day)
    if reason is not None:
        raise OfficeClosed("domain_appointments.office_closed", field="datum", day=slot.day, reason=reason)
    if away is not None:
        raise CaseworkerAway("domain_appointments.caseworker_away", field="datum", who=who, day=slot.day, away=away)
    hours = calendar.hours(slot.day, own)
    if not any(h.start <= slot.start and slot.end <= h.end for h in hours):
        told = ", ".join(str(h) for h in hours)
        key = "domain_appointments.outside_hours" if told else "domain_appointments.outside_hours_none"
        raise OutsideHours(
            key,
            field="zeit",
            start=clock_text(slot.start),
            end=clock_text(slot.end),
            who=who,
            day=slot.day,
            hours=told,
        )
    if any(u in busy for u in slot.units()):
        raise SlotTaken("domain_appointments.slot_taken", field="zeit", slot=str(slot), who=who)


def days_from(first: date, count: int = HORIZON_DAYS) -> Iterator[date]:
    for offset in range(count):
        yield first + timedelta(days=offset)


def waiting_minutes(arrived: datetime, until: datetime) -> int:
    """Whole minutes waited (never negative)."""
    return max(0, int((until - arrived).total_seconds() // 60))
