"""Appointments as the window and the command line list them: one appointment, the counter's day,
a caseworker's week with that week's hours, the staff to choose from, and what a person can book
(„Anliegen“). The rows are plain columns, never ORM objects."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlalchemy import and_, or_, select
from sqlalchemy.orm import Session, aliased

from abh_desk.domain.appointments import (
    CANCELLED,
    CARD_PICKUP,
    PURPOSE_NAMES,
    STATUS_LABELS,
    WAITING,
    Interval,
    Slot,
    clock_text,
    waiting_minutes,
)
from abh_desk.domain.birth_dates import PartialDate
from abh_desk.domain.enums import OPEN_CASE_STATUSES, CardStatus, Role
from abh_desk.errors import NotFound
from abh_desk.services.appointment_hours import (
    Presence,
    display_names,
    get_person,
    office_calendar,
    own_hours,
    purpose_name,
    require_staff,
    user_id_of,
)
from abh_desk.services.context import ServiceContext
from abh_desk.services.read_log import note_read
from models import Appointment, CardOrder, Case, CaseworkerCalendar, Person, User


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
        raise NotFound("appointments.no_such_appointment", appointment_id=appointment_id)
    return rows[0]


def day_list(ctx: ServiceContext, day: date | None = None, caseworker: str | None = None) -> DayList:
    """The counter's day: every appointment and walk-in of ``day`` (default today), of the whole
    office or one caseworker, in time order, cancelled ones left out."""
    require_staff(ctx)
    day = day or ctx.today()
    with ctx.db.read() as session:
        where: list[object] = [Appointment.day == day, Appointment.status != CANCELLED]
        if caseworker:
            uid = user_id_of(session, caseworker)
            where.append(
                or_(Appointment.caseworker_id == uid, and_(Appointment.walk_in, Appointment.caseworker_id.is_(None)))
            )
        rows = _rows(ctx, session, where, [Appointment.start_minute, Appointment.waiting_number])
    note_read(ctx, "termine_gelesen", "appointments", tag=day.isoformat(), sachbearbeitung=caseworker, zeilen=len(rows))
    return DayList(day, tuple(rows))


def week(ctx: ServiceContext, caseworker: str, monday: date) -> list[AppointmentRow]:
    """A caseworker's appointments from ``monday`` for seven days (not the cancelled)."""
    require_staff(ctx)
    with ctx.db.read() as session:
        uid = user_id_of(session, caseworker)
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
        uid = user_id_of(session, caseworker)
        name = str(session.scalar(select(User.display_name).where(User.id == uid)))
        calendar = office_calendar(session)
        own = own_hours(session, [uid])[uid][0]
        last = monday + timedelta(days=days - 1)
        presence = Presence(session, [uid], monday, last)
        names = display_names(session)
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
    require_staff(ctx)
    open_states = [s.value for s in OPEN_CASE_STATUSES]
    waiting = [s.value for s in (CardStatus.ARRIVED, CardStatus.NOTIFIED)]
    with ctx.db.read() as session:
        get_person(session, person_id)
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
