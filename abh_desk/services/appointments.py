"""Termine as use cases: the next free slots of the responsible caseworker, booking, rebooking,
cancelling, the counter's day (check-in, no-show, walk-ins with a waiting number), a caseworker's
week, and what the administration sets (hours, absences, slot lengths).

Who is responsible: the case's owner where a case is named, otherwise the caseworker the surname
ranges give for the procedure's area (``services.assignment``). On a day the owner is away (an
absence, or a Vertretung entered for that day) the deputy of ``assignment.active_deputy`` takes
the appointment; without one, the day has no slot.

Double booking: the service checks the caseworker's occupied units first (the usual case gets a
precise message), and the database refuses the second of two bookings made at the same moment on
two workstations (``models.appointments``: one row per occupied unit under a primary key). Either
way the loser is told at once in German and offered the next free slots (``SlotTaken.params``).
"""

from __future__ import annotations

import functools
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from sqlalchemy import and_, delete, func, or_, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, aliased

from abh_desk.clock import OFFICE_ZONE
from abh_desk.domain.appointments import (
    CARD_PICKUP,
    HORIZON_DAYS,
    PURPOSE_NAMES,
    WALK_IN,
    WEEKDAY_NAMES,
    AppointmentError,
    Calendar,
    Interval,
    Slot,
    SlotTaken,
    WeekHours,
    check_minutes,
    check_slot,
    clock_text,
    format_hours,
    free_starts,
    local_minute,
    parse_hours,
    slot_minutes,
    waiting_minutes,
)
from abh_desk.domain.birth_dates import PartialDate
from abh_desk.domain.deadlines_calendar import WorkingDays, german_date
from abh_desk.domain.enums import OPEN_CASE_STATUSES, CardStatus, Role
from abh_desk.domain.text import clean_text
from abh_desk.errors import ConfigurationError, DomainError, NotFound, PermissionDenied, ValidationError
from abh_desk.services.assignment import active_deputy, load_router
from abh_desk.services.context import ServiceContext, UnitOfWork
from abh_desk.services.office import read_office_settings
from abh_desk.services.read_log import note_read
from models import (
    Absence,
    Appointment,
    AppointmentLength,
    AppointmentUnit,
    Area,
    CardOrder,
    Case,
    CaseworkerCalendar,
    Deputy,
    Person,
    User,
)

BOOKED = "gebucht"
WAITING = "wartet"
DONE = "erledigt"
NO_SHOW = "nicht_erschienen"
CANCELLED = "abgesagt"
STATUS_LABELS = {
    BOOKED: "gebucht",
    WAITING: "wartet",
    DONE: "erledigt",
    NO_SHOW: "nicht erschienen",
    CANCELLED: "abgesagt",
}
MAX_REASON = 500
#: How many days one query of occupied units covers while searching.
_CHUNK_DAYS = 14


# --- rows ------------------------------------------------------------------------------------


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


@dataclass(frozen=True)
class AppointmentRow:
    id: int
    day: date
    start: int
    minutes: int
    status: str
    person_id: int
    person_name: str
    birth: str
    case_id: int | None
    file_number: str | None
    purpose: str
    purpose_name: str
    caseworker: str | None
    caseworker_name: str
    room: str
    walk_in: bool
    waiting_number: int | None
    arrived_at: datetime | None
    waited_minutes: int | None
    note: str | None
    reason: str | None
    version: int

    @property
    def status_label(self) -> str:
        return STATUS_LABELS.get(self.status, self.status)

    @property
    def time_text(self) -> str:
        if self.walk_in:
            return f"Nr. {self.waiting_number}"
        return f"{clock_text(self.start)}–{clock_text(self.start + self.minutes)}"

    @property
    def slot(self) -> Slot:
        return Slot(self.day, self.start, self.minutes)


@dataclass(frozen=True)
class DayList:
    day: date
    rows: tuple[AppointmentRow, ...]

    @property
    def waiting(self) -> tuple[AppointmentRow, ...]:
        return tuple(r for r in self.rows if r.status == WAITING)


# --- access ----------------------------------------------------------------------------------


def _require_staff(ctx: ServiceContext) -> None:
    """Booking and the counter's day are the work of every member of staff (the phone, the counter)."""
    if ctx.actor.role not in (Role.CASEWORKER, Role.TEAM_LEAD, Role.ADMIN):
        raise PermissionDenied("Termine vergeben nur Mitarbeiterinnen und Mitarbeiter der Behörde.")


def _require_self_or_lead(ctx: ServiceContext, username: str, what: str) -> None:
    if ctx.actor.username != username and ctx.actor.role not in (Role.TEAM_LEAD, Role.ADMIN):
        raise PermissionDenied(f"{what} anderer tragen nur Teamleitung und Administration ein.")


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
        raise ConfigurationError(
            "Für Termine fehlen lesbare Sprechzeiten: bitte in den Behördeneinstellungen „appointment_hours“ "
            f"setzen, z. B. „Mo-Fr 08:00-12:00“ ({exc.message})",
            field="appointment_hours",
        ) from exc
    if not any(hours):
        raise ConfigurationError(
            "Für Termine fehlen die Sprechzeiten: bitte in den Behördeneinstellungen „appointment_hours“ setzen.",
            field="appointment_hours",
        )
    return Calendar(hours, _working_days(settings.land, settings.local_holidays))


def _own_hours(session: Session, user_ids: Iterable[int]) -> dict[int, tuple[WeekHours | None, str]]:
    ids = list(set(user_ids))
    rows = session.execute(
        select(CaseworkerCalendar.user_id, CaseworkerCalendar.hours, CaseworkerCalendar.room).where(
            CaseworkerCalendar.user_id.in_(ids)
        )
    ).all()
    found = {uid: (_hours(text) if text.strip() else None, room) for uid, text, room in rows}
    return {uid: found.get(uid, (None, "")) for uid in ids}


def _local_now(ctx: ServiceContext) -> datetime:
    return ctx.now().astimezone(OFFICE_ZONE).replace(tzinfo=None)


class _Presence:
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


def _names(session: Session) -> dict[int, str]:
    return dict(session.execute(select(User.id, User.display_name)).all())


def _busy(
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


def _search(
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
    presence = _Presence(session, [owner], first, end)
    deputies = {d for rows in presence.deputies.values() for _, _, d in rows}
    if deputies:
        presence = _Presence(session, [owner, *deputies], first, end)
    people = [owner, *deputies]
    users: dict[int, tuple[str, str]] = {
        uid: (username, display)
        for uid, username, display in session.execute(
            select(User.id, User.username, User.display_name).where(User.id.in_(people))
        )
    }
    names = {uid: display for uid, (_u, display) in users.items()}
    own = _own_hours(session, people)
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
            busy = _busy(session, serving.values(), first, last, skip)
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


def _person(session: Session, person_id: int) -> Person:
    person = session.get(Person, person_id)
    if person is None:
        raise NotFound(f"Person {person_id} gibt es nicht.")
    return person


def _case_by(session: Session, case_id: int | None, person_id: int) -> Case | None:
    if case_id is None:
        return None
    case = session.get(Case, case_id)
    if case is None:
        raise NotFound(f"Vorgang {case_id} gibt es nicht.")
    if case.person_id != person_id:
        raise ValidationError(f"Der Vorgang {case.file_number} gehört zu einer anderen Person.", field="vorgang")
    return case


def find_case(ctx: ServiceContext, file_number: str) -> tuple[int, int]:
    """(person id, case id) of an Aktenzeichen."""
    with ctx.db.read() as session:
        row = session.execute(select(Case.person_id, Case.id).where(Case.file_number == file_number.strip())).first()
    if row is None:
        raise NotFound(f"Einen Vorgang {file_number} gibt es nicht.")
    return int(row[0]), int(row[1])


def purpose_name(ctx: ServiceContext, purpose: str) -> str:
    if purpose in PURPOSE_NAMES:
        return PURPOSE_NAMES[purpose]
    return ctx.catalogue.name_of(purpose) if purpose in ctx.catalogue else purpose


def _lengths(session: Session) -> dict[str, int]:
    return dict(session.execute(select(AppointmentLength.purpose, AppointmentLength.minutes)).all())


def _what(
    ctx: ServiceContext, session: Session, person: Person, purpose: str | None, case: Case | None
) -> tuple[str, int, int]:
    """(purpose, minutes, responsible user id) of an appointment."""
    purpose = purpose or (case.procedure_key if case is not None else None)
    if not purpose:
        raise ValidationError("Bitte das Anliegen (Verfahren) oder den Vorgang angeben.", field="anliegen")
    procedure = None
    if purpose == CARD_PICKUP:
        if case is None:
            raise ValidationError("Für die Abholung der Karte bitte den Vorgang angeben.", field="vorgang")
    elif purpose not in ctx.catalogue:
        raise ValidationError(f"Ein Verfahren „{purpose}“ gibt es im Katalog nicht.", field="anliegen")
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
            f"Für „{person.family_name}“ ist niemand zuständig (keine Buchstabenregel); "
            "bitte die Zuständigkeit ergänzen.",
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
    _require_staff(ctx)
    now = _local_now(ctx)
    start = max(after, now) if after is not None else now
    with ctx.db.read() as session:
        person = _person(session, person_id)
        case = _case_by(session, case_id, person_id)
        purpose, minutes, owner = _what(ctx, session, person, purpose, case)
        calendar = office_calendar(session)
        slots = _search(session, calendar, owner, minutes, start, count)
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


def _serving_for(session: Session, owner: int, day: date) -> tuple[User | None, str | None]:
    """Who takes the owner's appointment on ``day`` (``assignment.active_deputy`` while away), or why nobody."""
    names = _names(session)
    presence = _Presence(session, [owner], day, day)
    why = presence.away(owner, day, names)
    if why is None:
        return session.get(User, owner), None
    deputy = active_deputy(session, owner, day)
    if deputy is not None and _Presence(session, [deputy.id], day, day).away(deputy.id, day, names) is None:
        return deputy, None
    return None, why


def _check(ctx: ServiceContext, session: Session, owner: int, slot: Slot, skip: int | None = None) -> tuple[User, str]:
    """The caseworker who takes ``slot`` and their room, or the ``AppointmentError`` saying why not."""
    calendar = office_calendar(session)
    owner_user = session.get(User, owner)
    assert owner_user is not None
    who, why = _serving_for(session, owner, slot.day)
    serving = who or owner_user
    own, room = _own_hours(session, [serving.id])[serving.id]
    busy = _busy(session, [serving.id], slot.day, slot.day, skip).get((serving.id, slot.day), set())
    check_slot(slot, calendar, own, _local_now(ctx), who=serving.display_name, away=why, busy=busy)
    return serving, room


def _taken(ctx: ServiceContext, owner: int, slot: Slot, message: str | None = None) -> SlotTaken:
    """The loser's message: taken, and the next free slots after it."""
    with ctx.db.read() as session:
        name = session.scalar(select(User.display_name).where(User.id == owner))
        after = max(slot.starts_at(), _local_now(ctx))
        nexts = _search(session, office_calendar(session), owner, slot.minutes, after, 3)
    text = message or f"{slot} ist inzwischen an einem anderen Arbeitsplatz vergeben worden; es wurde nichts gebucht."
    if nexts:
        text += " Nächste freie Termine: " + "; ".join(str(s) for s in nexts) + "."
    return SlotTaken(text, field="zeit", next_free=nexts, owner=name)


@dataclass
class _Target:
    """The caseworker and slot a booking aims at, once known (for the loser's message)."""

    owner: int | None = None
    slot: Slot | None = None


@contextmanager
def _refused_when_taken(ctx: ServiceContext, done: str) -> Iterator[_Target]:
    """A slot found taken — by the service's check, or by the database key when another workstation
    committed first — becomes the loser's ``SlotTaken`` with the next free slots; nothing was ``done``."""
    target = _Target()
    try:
        yield target
    except SlotTaken:
        assert target.owner is not None and target.slot is not None
        raise _taken(
            ctx, target.owner, target.slot, f"{target.slot} ist schon vergeben; es wurde nichts {done}."
        ) from None
    except IntegrityError:
        if target.owner is None or target.slot is None:
            raise
        raise _taken(ctx, target.owner, target.slot) from None


def _units(appointment: Appointment, caseworker_id: int, slot: Slot) -> list[AppointmentUnit]:
    return [
        AppointmentUnit(caseworker_id=caseworker_id, day=slot.day, minute=m, appointment_id=appointment.id)
        for m in slot.units()
    ]


def _slot_text(slot: Slot) -> str:
    return f"{german_date(slot.day)} {clock_text(slot.start)}–{clock_text(slot.end)}"


def book(
    ctx: ServiceContext,
    person_id: int,
    day: date,
    start: int,
    purpose: str | None = None,
    case_id: int | None = None,
    note: str | None = None,
) -> AppointmentRow:
    """Book the slot at ``start`` (minutes after midnight, local) on ``day`` with the responsible
    caseworker (or deputy). Refused with an ``AppointmentError`` (nothing booked); a slot taken in the
    meantime raises ``SlotTaken`` with the next free slots."""
    _require_staff(ctx)
    note = clean_text(note or "", "notiz", "Die Notiz", MAX_REASON) or None
    with _refused_when_taken(ctx, "gebucht") as target, ctx.unit_of_work() as uow:
        session = uow.session
        person = _person(session, person_id)
        case = _case_by(session, case_id, person_id)
        purpose, minutes, owner = _what(ctx, session, person, purpose, case)
        slot = Slot(day, start, minutes)
        target.owner, target.slot = owner, slot
        serving, _room = _check(ctx, session, owner, slot)
        row = Appointment(
            person_id=person.id,
            case_id=case.id if case else None,
            purpose=purpose,
            caseworker_id=serving.id,
            owner_id=owner,
            day=day,
            start_minute=start,
            minutes=minutes,
            status=BOOKED,
            walk_in=False,
            note=note,
            booked_by_id=ctx.actor.user_id,
        )
        session.add(row)
        session.flush()
        session.add_all(_units(row, serving.id, slot))
        session.flush()
        uow.audit(
            "termin_gebucht",
            "appointment",
            row.id,
            case_id=row.case_id,
            person_id=person.id,
            termin=_slot_text(slot),
            anliegen=purpose,
            sachbearbeitung=serving.display_name,
        )
        uow.commit()
        appointment_id = row.id
    return get_appointment(ctx, appointment_id)


def _load(session: Session, appointment_id: int) -> Appointment:
    row = session.get(Appointment, appointment_id)
    if row is None:
        raise NotFound(f"Termin {appointment_id} gibt es nicht.")
    return row


def _reason(reason: str, what: str) -> str:
    text = clean_text(reason or "", "grund", "Der Grund", MAX_REASON)
    if not text:
        raise ValidationError(f"Bitte einen Grund für {what} angeben.", field="grund")
    return text


def _expect(row: Appointment, *states: str, what: str) -> None:
    if row.status not in states:
        raise AppointmentError(
            f"Der Termin ist {STATUS_LABELS.get(row.status, row.status)}; {what} geht nicht mehr.", field="status"
        )


def rebook(ctx: ServiceContext, appointment_id: int, day: date, start: int, reason: str) -> AppointmentRow:
    """Move a booked appointment to another slot (the deputy takes it where the owner is away then)."""
    _require_staff(ctx)
    reason = _reason(reason, "die Umbuchung")
    with _refused_when_taken(ctx, "umgebucht") as target, ctx.unit_of_work() as uow:
        session = uow.session
        row = _load(session, appointment_id)
        _expect(row, BOOKED, what="eine Umbuchung")
        owner = row.owner_id or row.caseworker_id
        assert owner is not None
        old = Slot(row.day, row.start_minute, row.minutes)
        slot = Slot(day, start, row.minutes)
        target.owner, target.slot = owner, slot
        serving, _room = _check(ctx, session, owner, slot, skip=row.id)
        session.execute(delete(AppointmentUnit).where(AppointmentUnit.appointment_id == row.id))
        row.day, row.start_minute, row.caseworker_id, row.reason = day, start, serving.id, reason
        session.flush()
        session.add_all(_units(row, serving.id, slot))
        session.flush()
        uow.audit(
            "termin_umgebucht",
            "appointment",
            row.id,
            case_id=row.case_id,
            person_id=row.person_id,
            alt=_slot_text(old),
            neu=_slot_text(slot),
            sachbearbeitung=serving.display_name,
            grund=reason,
        )
        uow.commit()
    return get_appointment(ctx, appointment_id)


def _step(
    ctx: ServiceContext, appointment_id: int, action: str, states: Sequence[str], what: str, **changes: object
) -> AppointmentRow:
    _require_staff(ctx)
    with ctx.unit_of_work() as uow:
        row = _load(uow.session, appointment_id)
        _expect(row, *states, what=what)
        _apply(uow, row, action, changes)
        uow.commit()
    return get_appointment(ctx, appointment_id)


def _apply(uow: UnitOfWork, row: Appointment, action: str, changes: dict[str, object]) -> None:
    old = row.status
    for key, value in changes.items():
        setattr(row, key, value)
    if row.status in (CANCELLED,):
        uow.session.execute(delete(AppointmentUnit).where(AppointmentUnit.appointment_id == row.id))
    uow.audit(
        action,
        "appointment",
        row.id,
        case_id=row.case_id,
        person_id=row.person_id,
        termin=_slot_text(Slot(row.day, row.start_minute, row.minutes)) if not row.walk_in else None,
        alt=old,
        neu=row.status,
        grund=row.reason if row.status == CANCELLED else None,
    )


def cancel(ctx: ServiceContext, appointment_id: int, reason: str) -> AppointmentRow:
    """Absage (by the person or the office), with its reason; the slot is free again."""
    return _step(
        ctx,
        appointment_id,
        "termin_abgesagt",
        (BOOKED,),
        "eine Absage",
        status=CANCELLED,
        reason=_reason(reason, "die Absage"),
    )


def check_in(ctx: ServiceContext, appointment_id: int) -> AppointmentRow:
    """The person has arrived and waits (only on the appointment's day)."""
    with ctx.db.read() as session:
        day = _load(session, appointment_id).day
    if day != ctx.today():
        raise AppointmentError(
            f"Der Termin ist am {german_date(day)}, nicht heute; bitte umbuchen oder als Vorsprache aufnehmen.",
            field="datum",
        )
    return _step(
        ctx, appointment_id, "termin_angekommen", (BOOKED,), "die Ankunft", status=WAITING, arrived_at=ctx.now()
    )


def no_show(ctx: ServiceContext, appointment_id: int) -> AppointmentRow:
    """Nicht erschienen: only on or after the appointment's day."""
    with ctx.db.read() as session:
        day = _load(session, appointment_id).day
    if day > ctx.today():
        raise AppointmentError(f"Der Termin ist erst am {german_date(day)}.", field="datum")
    return _step(ctx, appointment_id, "termin_nicht_erschienen", (BOOKED,), "„nicht erschienen“", status=NO_SHOW)


def finish(ctx: ServiceContext, appointment_id: int) -> AppointmentRow:
    """Aufgerufen und erledigt: the waiting ends."""
    return _step(ctx, appointment_id, "termin_erledigt", (WAITING,), "der Abschluss", status=DONE, done_at=ctx.now())


def walk_in(
    ctx: ServiceContext, person_id: int, purpose: str | None = None, case_id: int | None = None, note: str | None = None
) -> AppointmentRow:
    """Vorsprache ohne Termin: today's next waiting number; the responsible caseworker where the
    purpose names one (else the counter calls the person)."""
    _require_staff(ctx)
    note = clean_text(note or "", "notiz", "Die Notiz", MAX_REASON) or None
    for _attempt in range(5):
        try:
            with ctx.unit_of_work() as uow:
                session = uow.session
                person = _person(session, person_id)
                case = _case_by(session, case_id, person_id)
                owner: int | None = None
                serving: User | None = None
                key = purpose or (case.procedure_key if case else None) or WALK_IN
                if key != WALK_IN:
                    key, _minutes, owner = _what(ctx, session, person, key, case)
                    serving, _why = _serving_for(session, owner, uow.today)
                number = (
                    session.scalar(select(func.max(Appointment.waiting_number)).where(Appointment.day == uow.today))
                    or 0
                ) + 1
                local = uow.now.astimezone(OFFICE_ZONE)
                row = Appointment(
                    person_id=person.id,
                    case_id=case.id if case else None,
                    purpose=key,
                    caseworker_id=serving.id if serving else None,
                    owner_id=owner,
                    day=uow.today,
                    start_minute=local.hour * 60 + local.minute,
                    minutes=0,
                    status=WAITING,
                    walk_in=True,
                    waiting_number=number,
                    arrived_at=uow.now,
                    note=note,
                    booked_by_id=ctx.actor.user_id,
                )
                session.add(row)
                session.flush()
                uow.audit(
                    "vorsprache_aufgenommen",
                    "appointment",
                    row.id,
                    case_id=row.case_id,
                    person_id=person.id,
                    wartenummer=number,
                    anliegen=key,
                )
                uow.commit()
                return get_appointment(ctx, row.id)
        except IntegrityError:
            continue  # another workstation drew the same number: draw again
    raise AppointmentError("Die Wartenummer konnte nicht vergeben werden; bitte noch einmal versuchen.")


# --- lists -----------------------------------------------------------------------------------


def _rows(ctx: ServiceContext, session: Session, where: list[object], order: Sequence[object]) -> list[AppointmentRow]:
    """The rows as plain columns (no ORM objects: the office's day has a thousand and more)."""
    worker = aliased(User)
    a = Appointment
    query = (
        select(
            a.id,
            a.day,
            a.start_minute,
            a.minutes,
            a.status,
            a.person_id,
            Person.family_name,
            Person.given_names,
            Person.birth_year,
            Person.birth_month,
            Person.birth_day,
            a.case_id,
            Case.file_number,
            a.purpose,
            worker.username,
            worker.display_name,
            CaseworkerCalendar.room,
            a.walk_in,
            a.waiting_number,
            a.arrived_at,
            a.done_at,
            a.note,
            a.reason,
            a.version,
        )
        .join(Person, Person.id == a.person_id)
        .outerjoin(Case, Case.id == a.case_id)
        .outerjoin(worker, worker.id == a.caseworker_id)
        .outerjoin(CaseworkerCalendar, CaseworkerCalendar.user_id == a.caseworker_id)
        .where(*where)  # type: ignore[arg-type]
        .order_by(*order)  # type: ignore[arg-type]
    )
    now = ctx.now()
    names: dict[str, str] = {}
    result = []
    for (
        aid, day, start, minutes, status, person_id, family, given, year, month, mday, case_id, file_number, purpose,
        username, display, room, walk_in, number, arrived, done, note, reason, version,
    ) in session.execute(query):  # fmt: skip
        if purpose not in names:
            names[purpose] = purpose_name(ctx, purpose)
        result.append(
            AppointmentRow(
                aid,
                day,
                start,
                minutes,
                status,
                person_id,
                f"{family}, {given}".rstrip(", "),
                str(PartialDate(year, month, mday)) if year is not None else "",
                case_id,
                file_number,
                purpose,
                names[purpose],
                username,
                display or "Empfang",
                room or "",
                walk_in,
                number,
                arrived,
                waiting_minutes(arrived, done or now) if arrived is not None else None,
                note,
                reason,
                version,
            )
        )
    return result


def get_appointment(ctx: ServiceContext, appointment_id: int) -> AppointmentRow:
    with ctx.db.read() as session:
        rows = _rows(ctx, session, [Appointment.id == appointment_id], [])
    if not rows:
        raise NotFound(f"Termin {appointment_id} gibt es nicht.")
    return rows[0]


def _user_id(session: Session, username: str) -> int:
    uid = session.scalar(select(User.id).where(User.username == username))
    if uid is None:
        raise NotFound(f"Benutzer „{username}“ gibt es nicht.")
    return int(uid)


def day_list(ctx: ServiceContext, day: date | None = None, caseworker: str | None = None) -> DayList:
    """The counter's day: every appointment and walk-in of ``day`` (default today), of the whole
    office or one caseworker, in time order, cancelled ones left out."""
    _require_staff(ctx)
    day = day or ctx.today()
    with ctx.db.read() as session:
        where: list[object] = [Appointment.day == day, Appointment.status != CANCELLED]
        if caseworker:
            uid = _user_id(session, caseworker)
            where.append(
                or_(Appointment.caseworker_id == uid, and_(Appointment.walk_in, Appointment.caseworker_id.is_(None)))
            )
        rows = _rows(ctx, session, where, [Appointment.start_minute, Appointment.waiting_number])
    note_read(ctx, "termine_gelesen", "appointments", tag=day.isoformat(), sachbearbeitung=caseworker, zeilen=len(rows))
    return DayList(day, tuple(rows))


def week(ctx: ServiceContext, caseworker: str, monday: date) -> list[AppointmentRow]:
    """A caseworker's appointments from ``monday`` for seven days (not the cancelled)."""
    _require_staff(ctx)
    with ctx.db.read() as session:
        uid = _user_id(session, caseworker)
        rows = _rows(
            ctx,
            session,
            [
                Appointment.caseworker_id == uid,
                Appointment.day.between(monday, monday + timedelta(days=6)),
                Appointment.status != CANCELLED,
                Appointment.walk_in.is_(False),
            ],
            [Appointment.day, Appointment.start_minute],
        )
    note_read(
        ctx, "termine_gelesen", "appointments", woche=monday.isoformat(), sachbearbeitung=caseworker, zeilen=len(rows)
    )
    return rows


def staff_choices(ctx: ServiceContext) -> list[tuple[str, str]]:
    """(username, display name) of the active caseworkers and team leads."""
    with ctx.db.read() as session:
        return [
            (u, n)
            for u, n in session.execute(
                select(User.username, User.display_name)
                .where(User.active.is_(True), User.role.in_([Role.CASEWORKER.value, Role.TEAM_LEAD.value]))
                .order_by(User.display_name)
            )
        ]


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
    _require_self_or_lead(ctx, username, "Sprechzeiten")
    text = format_hours(parse_hours(hours)) if hours.strip() else ""
    room = clean_text(room, "raum", "Der Raum", 40)
    with ctx.unit_of_work() as uow:
        uid = _user_id(uow.session, username)
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
    _require_self_or_lead(ctx, username, "Abwesenheiten")
    if valid_until < valid_from:
        raise ValidationError("Die Abwesenheit endet vor ihrem Beginn.", field="bis")
    reason = _reason(reason, "die Abwesenheit")
    with ctx.unit_of_work() as uow:
        uid = _user_id(uow.session, username)
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
        raise PermissionDenied("Termindauern legt die Administration fest.")
    if purpose != CARD_PICKUP and purpose not in ctx.catalogue:
        raise ValidationError(f"Ein Verfahren „{purpose}“ gibt es im Katalog nicht.", field="anliegen")
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


@dataclass(frozen=True)
class WeekDay:
    day: date
    hours: tuple[Interval, ...]
    """The times the caseworker takes appointments that day (empty: closed or away)."""
    closed: str | None
    """Why there are no appointments: a holiday, no Sprechzeiten, an absence."""


@dataclass(frozen=True)
class WeekView:
    caseworker: str
    caseworker_name: str
    monday: date
    days: tuple[WeekDay, ...]
    rows: tuple[AppointmentRow, ...]


def week_view(ctx: ServiceContext, caseworker: str, monday: date, days: int = 5) -> WeekView:
    """A caseworker's week for the window: each day's hours (or why there are none) and the appointments."""
    rows = week(ctx, caseworker, monday)
    with ctx.db.read() as session:
        uid = _user_id(session, caseworker)
        name = str(session.scalar(select(User.display_name).where(User.id == uid)))
        calendar = office_calendar(session)
        own = _own_hours(session, [uid])[uid][0]
        last = monday + timedelta(days=days - 1)
        presence = _Presence(session, [uid], monday, last)
        names = _names(session)
        shown = []
        for offset in range(days):
            day = monday + timedelta(days=offset)
            closed = calendar.closed_reason(day) or presence.away(uid, day, names)
            shown.append(WeekDay(day, () if closed else calendar.hours(day, own), closed))
    return WeekView(caseworker, name, monday, tuple(shown), tuple(rows))


@dataclass(frozen=True)
class Choice:
    """One line of the booking dialog's „Anliegen“: a case of the person, the pickup of a card that
    waits for them, or a procedure of the catalogue (a new application)."""

    label: str
    purpose: str
    case_id: int | None


def booking_choices(ctx: ServiceContext, person_id: int) -> list[Choice]:
    """The person's open cases first, then a card waiting for pickup, then every procedure offered today."""
    _require_staff(ctx)
    open_states = [s.value for s in OPEN_CASE_STATUSES]
    waiting = [s.value for s in (CardStatus.ARRIVED, CardStatus.NOTIFIED)]
    with ctx.db.read() as session:
        _person(session, person_id)
        cases = session.execute(
            select(Case.id, Case.file_number, Case.procedure_key)
            .where(Case.person_id == person_id, Case.status.in_(open_states))
            .order_by(Case.applied_on.desc())
        ).all()
        cards = session.execute(
            select(Case.id, Case.file_number)
            .join(CardOrder, CardOrder.case_id == Case.id)
            .where(Case.person_id == person_id, CardOrder.status.in_(waiting))
        ).all()
    choices = [Choice(f"{az} – {purpose_name(ctx, key)}", key, cid) for cid, az, key in cases]
    choices += [Choice(f"{az} – {PURPOSE_NAMES[CARD_PICKUP]}", CARD_PICKUP, cid) for cid, az in cards]
    choices += [Choice(p.name, p.key, None) for p in ctx.catalogue.offered(ctx.today())]
    return choices


def proposed_slot(
    ctx: ServiceContext, session: Session, person: Person, purpose: str, case: Case | None, after: date
) -> str:
    """The next free slot as a letter proposes it („Montag, 07.12.2026, 08:00 Uhr bei Frau Schäuble,
    Zimmer 1.04“), from ``after`` on; empty where none can be proposed (no hours set, nobody responsible,
    nothing free). A proposal, not a booking: the letter asks the person to confirm it."""
    try:
        purpose, minutes, owner = _what(ctx, session, person, purpose, case)
        slots = _search(session, office_calendar(session), owner, minutes, datetime.combine(after, time(0)), 1)
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
