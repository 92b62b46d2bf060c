"""The appointment calendar: the office's hours and holidays, each caseworker's own hours and room,
absences and Vertretungen, the search for the next free slots (what the clerk at the phone
proposes, and what a letter proposes), and what the administration sets (hours, absences, slot
lengths). Bookings and the counter's steps are :mod:`abh_desk.services.appointments`.

Who is responsible: the case's owner where a case is named, otherwise the caseworker the surname
ranges give for the procedure's area (``services.assignment``). On a day the owner is away (an
absence, or a Vertretung entered for that day) the deputy of ``assignment.active_deputy`` takes
the appointment; without one, the day has no slot.
"""

from __future__ import annotations

import functools
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from abh_desk.clock import OFFICE_ZONE
from abh_desk.domain.appointments import (
    CARD_PICKUP,
    HORIZON_DAYS,
    PURPOSE_NAMES,
    WEEKDAY_NAMES,
    Calendar,
    Slot,
    WeekHours,
    check_minutes,
    clock_text,
    format_hours,
    free_starts,
    local_minute,
    parse_hours,
    slot_minutes,
)
from abh_desk.domain.deadlines_calendar import WorkingDays, german_date
from abh_desk.domain.enums import Role
from abh_desk.domain.text import clean_text
from abh_desk.error_texts import Label
from abh_desk.errors import ConfigurationError, DomainError, NotFound, PermissionDenied, ValidationError
from abh_desk.services.assignment import active_deputy, load_router
from abh_desk.services.context import ServiceContext
from abh_desk.services.office import read_office_settings
from models import Absence, AppointmentLength, AppointmentUnit, Area, Case, CaseworkerCalendar, Deputy, Person, User

MAX_REASON = 500
#: How many days one query of occupied units covers while searching.
_CHUNK_DAYS = 14


# --- free slots ------------------------------------------------------------------------------


@dataclass(frozen=True)
class FreeSlot:
    day: date
    start: int
    minutes: int
    caseworker: str
    caseworker_name: str
    deputy_for: str | None = None
    """The responsible caseworker's name where a deputy takes the appointment."""

    @property
    def slot(self) -> Slot:
        return Slot(self.day, self.start, self.minutes)

    def __str__(self) -> str:
        who = self.caseworker_name + (f" (Vertretung für {self.deputy_for})" if self.deputy_for else "")
        return f"{self.slot} – {who}"


@dataclass(frozen=True)
class Offer:
    """What the booking dialog shows: who is responsible and their next free slots."""

    person_id: int
    person_name: str
    purpose: str
    purpose_name: str
    case_id: int | None
    file_number: str | None
    minutes: int
    owner: str
    owner_name: str
    slots: tuple[FreeSlot, ...]


# --- access ----------------------------------------------------------------------------------


def require_staff(ctx: ServiceContext) -> None:
    """Booking and the counter's day are the work of every member of staff (the phone, the counter)."""
    if ctx.actor.role not in (Role.CASEWORKER, Role.TEAM_LEAD, Role.ADMIN):
        raise PermissionDenied("appointment_hours.staff_only")


def _require_self_or_lead(ctx: ServiceContext, username: str, key: str) -> None:
    """Only team leads and administrators enter what ``key`` names for others."""
    if ctx.actor.username != username and ctx.actor.role not in (Role.TEAM_LEAD, Role.ADMIN):
        raise PermissionDenied(key)


# --- the calendar ----------------------------------------------------------------------------


@functools.lru_cache(maxsize=8)
def _working_days(land: str, local: str) -> WorkingDays:
    return WorkingDays(land, local)


@functools.lru_cache(maxsize=256)
def _hours(text: str) -> WeekHours:
    return parse_hours(text)


def office_calendar(session: Session) -> Calendar:
    """The office's appointment hours (``appointment_hours``, else the letterhead's Sprechzeiten) and holidays."""
    settings = read_office_settings(session)
    text = settings.appointment_hours or settings.opening_hours
    try:
        hours = _hours(text)
    except ValidationError as exc:
        raise ConfigurationError("appointment_hours.hours_unreadable", field="appointment_hours", error=exc) from exc
    if not any(hours):
        raise ConfigurationError(
            "appointment_hours.hours_missing",
            field="appointment_hours",
        )
    return Calendar(hours, _working_days(settings.land, settings.local_holidays))


def own_hours(session: Session, user_ids: Iterable[int]) -> dict[int, tuple[WeekHours | None, str]]:
    ids = list(set(user_ids))
    rows = session.execute(
        select(CaseworkerCalendar.user_id, CaseworkerCalendar.hours, CaseworkerCalendar.room).where(
            CaseworkerCalendar.user_id.in_(ids)
        )
    ).all()
    found = {uid: (_hours(text) if text.strip() else None, room) for uid, text, room in rows}
    return {uid: found.get(uid, (None, "")) for uid in ids}


def local_now(ctx: ServiceContext) -> datetime:
    return ctx.now().astimezone(OFFICE_ZONE).replace(tzinfo=None)


class Presence:
    """Absences and Vertretungen of some users over some days, loaded at once."""

    def __init__(self, session: Session, user_ids: Iterable[int], first: date, last: date) -> None:
        ids = list(set(user_ids))
        self.absences: dict[int, list[tuple[date, date, str]]] = defaultdict(list)
        for uid, start, end, reason in session.execute(
            select(Absence.user_id, Absence.valid_from, Absence.valid_until, Absence.reason).where(
                Absence.user_id.in_(ids), Absence.valid_from <= last, Absence.valid_until >= first
            )
        ):
            self.absences[uid].append((start, end, reason))
        self.deputies: dict[int, list[tuple[date, date, int]]] = defaultdict(list)
        for uid, deputy, start, end in session.execute(
            select(Deputy.user_id, Deputy.deputy_id, Deputy.valid_from, Deputy.valid_until)
            .where(Deputy.user_id.in_(ids), Deputy.valid_from <= last, Deputy.valid_until >= first)
            .order_by(Deputy.valid_from.desc())
        ):
            self.deputies[uid].append((start, end, deputy))

    def deputy(self, user_id: int, day: date) -> int | None:
        """As ``assignment.active_deputy``: the Vertretung that began last."""
        return next((d for start, end, d in self.deputies.get(user_id, ()) if start <= day <= end), None)

    def away(self, user_id: int, day: date, names: dict[int, str]) -> str | None:
        for start, end, reason in self.absences.get(user_id, ()):
            if start <= day <= end:
                return reason
        deputy = self.deputy(user_id, day)
        if deputy is not None:
            return f"vertreten durch {names.get(deputy, '?')}"
        return None

    def serving(self, owner: int, day: date, names: dict[int, str]) -> tuple[int | None, str | None]:
        """Who takes the owner's appointments on ``day``, or (None, why not)."""
        why = self.away(owner, day, names)
        if why is None:
            return owner, None
        deputy = self.deputy(owner, day)
        if deputy is not None and self.away(deputy, day, names) is None:
            return deputy, None
        return None, why


def display_names(session: Session) -> dict[int, str]:
    return dict(session.execute(select(User.id, User.display_name)).all())


def busy_units(
    session: Session, user_ids: Iterable[int], first: date, last: date, skip: int | None = None
) -> dict[tuple[int, date], set[int]]:
    query = select(AppointmentUnit.caseworker_id, AppointmentUnit.day, AppointmentUnit.minute).where(
        AppointmentUnit.caseworker_id.in_(list(set(user_ids))), AppointmentUnit.day.between(first, last)
    )
    if skip is not None:
        query = query.where(AppointmentUnit.appointment_id != skip)
    busy: dict[tuple[int, date], set[int]] = defaultdict(set)
    for uid, day, minute in session.execute(query):
        busy[(uid, day)].add(minute)
    return busy


def search_slots(
    session: Session,
    calendar: Calendar,
    owner: int,
    minutes: int,
    after: datetime,
    count: int,
    skip: int | None = None,
) -> list[FreeSlot]:
    """The next ``count`` free slots of ``owner`` (or the deputy on days the owner is away) from
    ``after`` (local). Absences, Vertretungen and hours are read once for the whole horizon; the
    occupied units a fortnight first, then in spans twice as long each (a full calendar is read in
    three or four queries, not one per day)."""
    found: list[FreeSlot] = []
    first = after.date()
    end = first + timedelta(days=HORIZON_DAYS)
    presence = Presence(session, [owner], first, end)
    deputies = {d for rows in presence.deputies.values() for _, _, d in rows}
    if deputies:
        presence = Presence(session, [owner, *deputies], first, end)
    people = [owner, *deputies]
    users: dict[int, tuple[str, str]] = {
        uid: (username, display)
        for uid, username, display in session.execute(
            select(User.id, User.username, User.display_name).where(User.id.in_(people))
        )
    }
    names = {uid: display for uid, (_u, display) in users.items()}
    own = own_hours(session, people)
    span = _CHUNK_DAYS
    while first <= end and len(found) < count:
        last = min(first + timedelta(days=span - 1), end)
        serving: dict[date, int] = {}
        day = first
        while day <= last:
            if calendar.closed_reason(day) is None:
                who, _ = presence.serving(owner, day, names)
                if who is not None:
                    serving[day] = who
            day += timedelta(days=1)
        if serving:
            busy = busy_units(session, serving.values(), first, last, skip)
            for day, who in sorted(serving.items()):
                not_before = local_minute(after) if day == after.date() else 0
                for start in free_starts(
                    calendar.hours(day, own[who][0]), busy.get((who, day), ()), minutes, not_before
                ):
                    found.append(
                        FreeSlot(day, start, minutes, users[who][0], names[who], names[owner] if who != owner else None)
                    )
                    if len(found) >= count:
                        return found
        first = last + timedelta(days=1)
        span *= 2
    return found


# --- who and what ----------------------------------------------------------------------------


def get_person(session: Session, person_id: int) -> Person:
    person = session.get(Person, person_id)
    if person is None:
        raise NotFound("shared.person_not_found", person_id=person_id)
    return person


def case_of(session: Session, case_id: int | None, person_id: int) -> Case | None:
    if case_id is None:
        return None
    case = session.get(Case, case_id)
    if case is None:
        raise NotFound("shared.case_not_found", case_id=case_id)
    if case.person_id != person_id:
        raise ValidationError("appointment_hours.case_of_other_person", file_number=case.file_number, field="vorgang")
    return case


def find_case(ctx: ServiceContext, file_number: str) -> tuple[int, int]:
    """(person id, case id) of an Aktenzeichen."""
    with ctx.db.read() as session:
        row = session.execute(select(Case.person_id, Case.id).where(Case.file_number == file_number.strip())).first()
    if row is None:
        raise NotFound("appointment_hours.no_case_with_number", file_number=file_number)
    return int(row[0]), int(row[1])


def purpose_name(ctx: ServiceContext, purpose: str) -> str:
    if purpose in PURPOSE_NAMES:
        return PURPOSE_NAMES[purpose]
    return ctx.catalogue.name_of(purpose) if purpose in ctx.catalogue else purpose


def _lengths(session: Session) -> dict[str, int]:
    return dict(session.execute(select(AppointmentLength.purpose, AppointmentLength.minutes)).all())


def purpose_and_owner(
    ctx: ServiceContext, session: Session, person: Person, purpose: str | None, case: Case | None
) -> tuple[str, int, int]:
    """(purpose, minutes, responsible user id) of an appointment."""
    purpose = purpose or (case.procedure_key if case is not None else None)
    if not purpose:
        raise ValidationError("appointment_hours.purpose_missing", field="anliegen")
    procedure = None
    if purpose == CARD_PICKUP:
        if case is None:
            raise ValidationError("appointment_hours.pickup_needs_case", field="vorgang")
    elif purpose not in ctx.catalogue:
        raise ValidationError("appointment_hours.unknown_procedure", purpose=purpose, field="anliegen")
    else:
        procedure = ctx.catalogue.get(purpose)
    minutes = slot_minutes(purpose, procedure, _lengths(session))
    owner: int | None = case.owner_id if case is not None else None
    if owner is None:
        area = procedure.area if procedure is not None else None
        if case is not None:
            area = session.scalar(select(Area.code).where(Area.id == case.area_id))
        username = load_router(session).route(area or "allgemein", person.family_name)
        owner = session.scalar(select(User.id).where(User.username == username)) if username else None
    if owner is None:
        raise ValidationError(
            "appointment_hours.nobody_responsible",
            family_name=person.family_name,
            field="anliegen",
        )
    return purpose, minutes, owner


def _person_name(person: Person) -> str:
    return f"{person.family_name}, {person.given_names}".rstrip(", ")


def free_slots(
    ctx: ServiceContext,
    person_id: int,
    purpose: str | None = None,
    case_id: int | None = None,
    after: datetime | None = None,
    count: int = 5,
) -> Offer:
    """The next free slots of the responsible caseworker (or their deputy) from ``after`` (local time;
    default now): what the clerk at the phone proposes."""
    require_staff(ctx)
    now = local_now(ctx)
    start = max(after, now) if after is not None else now
    with ctx.db.read() as session:
        person = get_person(session, person_id)
        case = case_of(session, case_id, person_id)
        purpose, minutes, owner = purpose_and_owner(ctx, session, person, purpose, case)
        calendar = office_calendar(session)
        slots = search_slots(session, calendar, owner, minutes, start, count)
        owner_user = session.get(User, owner)
        assert owner_user is not None
        return Offer(
            person.id,
            _person_name(person),
            purpose,
            purpose_name(ctx, purpose),
            case.id if case else None,
            case.file_number if case else None,
            minutes,
            owner_user.username,
            owner_user.display_name,
            tuple(slots),
        )


def serving_for(session: Session, owner: int, day: date) -> tuple[User | None, str | None]:
    """Who takes the owner's appointment on ``day`` (``assignment.active_deputy`` while away), or why nobody."""
    names = display_names(session)
    presence = Presence(session, [owner], day, day)
    why = presence.away(owner, day, names)
    if why is None:
        return session.get(User, owner), None
    deputy = active_deputy(session, owner, day)
    if deputy is not None and Presence(session, [deputy.id], day, day).away(deputy.id, day, names) is None:
        return deputy, None
    return None, why


def reason_text(reason: str, what: Label) -> str:
    text = clean_text(reason or "", "grund", Label("shared.label_reason"), MAX_REASON)
    if not text:
        raise ValidationError("appointment_hours.reason_missing", what=what, field="grund")
    return text


def user_id_of(session: Session, username: str) -> int:
    uid = session.scalar(select(User.id).where(User.username == username))
    if uid is None:
        raise NotFound("shared.no_such_user", username=username)
    return int(uid)


# --- what the administration sets -------------------------------------------------------------


@dataclass(frozen=True)
class CalendarRow:
    username: str
    display_name: str
    hours: str
    room: str


def set_caseworker_calendar(ctx: ServiceContext, username: str, hours: str, room: str = "") -> CalendarRow:
    """A caseworker's own appointment hours (empty: the office's) and room; set by themselves, the
    team lead or the administration."""
    _require_self_or_lead(ctx, username, "appointment_hours.others_hours_lead_only")
    text = format_hours(parse_hours(hours)) if hours.strip() else ""
    room = clean_text(room, "raum", Label("appointment_hours.label_room"), 40)
    with ctx.unit_of_work() as uow:
        uid = user_id_of(uow.session, username)
        row = uow.session.get(CaseworkerCalendar, uid)
        old = (row.hours, row.room) if row else ("", "")
        if row is None:
            row = CaseworkerCalendar(user_id=uid, hours=text, room=room)
            uow.session.add(row)
        else:
            row.hours, row.room = text, room
        uow.audit("sprechzeiten_geaendert", "caseworker_calendar", uid, alt=list(old), neu=[text, room])
        display = uow.session.scalar(select(User.display_name).where(User.id == uid))
        uow.commit()
    return CalendarRow(username, str(display), text, room)


def add_absence(ctx: ServiceContext, username: str, valid_from: date, valid_until: date, reason: str) -> int:
    """An absence (Urlaub, Fortbildung …): its days get no new appointments of this caseworker; the
    Vertretung takes them. Appointments booked before stay and show in the week view for rebooking."""
    _require_self_or_lead(ctx, username, "appointment_hours.others_absences_lead_only")
    if valid_until < valid_from:
        raise ValidationError("appointment_hours.absence_ends_before_start", field="bis")
    reason = reason_text(reason, Label("appointment_hours.label_the_absence"))
    with ctx.unit_of_work() as uow:
        uid = user_id_of(uow.session, username)
        row = Absence(user_id=uid, valid_from=valid_from, valid_until=valid_until, reason=reason[:200])
        uow.session.add(row)
        uow.session.flush()
        uow.audit(
            "abwesenheit_eingetragen",
            "absence",
            row.id,
            benutzer=username,
            von=valid_from.isoformat(),
            bis=valid_until.isoformat(),
            grund=reason,
        )
        uow.commit()
        return row.id


def set_slot_length(ctx: ServiceContext, purpose: str, minutes: int | None) -> int:
    """The office's own slot length of a procedure (None: back to the catalogue's); the administration's."""
    if ctx.actor.role != Role.ADMIN:
        raise PermissionDenied("appointment_hours.lengths_admin_only")
    if purpose != CARD_PICKUP and purpose not in ctx.catalogue:
        raise ValidationError("appointment_hours.unknown_procedure", purpose=purpose, field="anliegen")
    if minutes is not None:
        check_minutes(minutes)
    with ctx.unit_of_work() as uow:
        row = uow.session.get(AppointmentLength, purpose)
        old = row.minutes if row else None
        if minutes is None:
            if row is not None:
                uow.session.delete(row)
        elif row is None:
            uow.session.add(AppointmentLength(purpose=purpose, minutes=minutes))
        else:
            row.minutes = minutes
        uow.audit("termindauer_geaendert", "appointment_length", None, anliegen=purpose, alt=old, neu=minutes)
        uow.commit()
    procedure = ctx.catalogue.get(purpose) if purpose in ctx.catalogue else None
    with ctx.db.read() as session:
        return slot_minutes(purpose, procedure, _lengths(session))


def slot_lengths(ctx: ServiceContext) -> list[tuple[str, str, int, bool]]:
    """(key, name, minutes, set by the office) for the eAT pickup and every procedure."""
    with ctx.db.read() as session:
        own = _lengths(session)
    keys = [CARD_PICKUP, *(p.key for p in ctx.catalogue)]
    return [
        (
            key,
            purpose_name(ctx, key),
            slot_minutes(key, ctx.catalogue.get(key) if key in ctx.catalogue else None, own),
            key in own,
        )
        for key in keys
    ]


def proposed_slot(
    ctx: ServiceContext, session: Session, person: Person, purpose: str, case: Case | None, after: date
) -> str:
    """The next free slot as a letter proposes it („Montag, 07.12.2026, 08:00 Uhr bei Frau Schäuble,
    Zimmer 1.04“), from ``after`` on; empty where none can be proposed (no hours set, nobody responsible,
    nothing free). A proposal, not a booking: the letter asks the person to confirm it."""
    try:
        purpose, minutes, owner = purpose_and_owner(ctx, session, person, purpose, case)
        slots = search_slots(session, office_calendar(session), owner, minutes, datetime.combine(after, time(0)), 1)
    except DomainError:
        return ""
    if not slots:
        return ""
    slot = slots[0]
    room = session.scalar(
        select(CaseworkerCalendar.room)
        .join(User, User.id == CaseworkerCalendar.user_id)
        .where(User.username == slot.caseworker)
    )
    when = f"{WEEKDAY_NAMES[slot.day.weekday()]}, {german_date(slot.day)}, {clock_text(slot.start)} Uhr"
    return f"{when} bei {slot.caseworker_name}" + (f", Zimmer {room}" if room else "")
