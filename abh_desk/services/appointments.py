"""Termine as use cases: booking, rebooking, cancelling, and the counter's steps (check-in,
no-show, done, walk-ins with a waiting number). The calendar and the search for free slots are
:mod:`abh_desk.services.appointment_hours`, the day list and the week
:mod:`abh_desk.services.appointment_lists`.

Double booking: the service checks the caseworker's occupied units first (the usual case gets a
precise message), and the database refuses the second of two bookings made at the same moment on
two workstations (``models.appointments``: one row per occupied unit under a primary key). Either
way the loser is told at once in German and offered the next free slots (``SlotTaken.params``).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date

from sqlalchemy import delete, func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from abh_desk.clock import OFFICE_ZONE
from abh_desk.domain.appointments import (
    BOOKED,
    CANCELLED,
    DONE,
    NO_SHOW,
    STATUS_LABELS,
    WAITING,
    WALK_IN,
    AppointmentError,
    Slot,
    SlotTaken,
    check_slot,
    clock_text,
)
from abh_desk.domain.deadlines_calendar import german_date
from abh_desk.domain.text import clean_text
from abh_desk.error_texts import Label
from abh_desk.errors import NotFound
from abh_desk.services.appointment_hours import (
    MAX_REASON,
    busy_units,
    case_of,
    get_person,
    local_now,
    office_calendar,
    own_hours,
    purpose_and_owner,
    reason_text,
    require_staff,
    search_slots,
    serving_for,
)
from abh_desk.services.appointment_lists import AppointmentRow, get_appointment
from abh_desk.services.context import ServiceContext, UnitOfWork
from models import Appointment, AppointmentUnit, User


def _check(ctx: ServiceContext, session: Session, owner: int, slot: Slot, skip: int | None = None) -> tuple[User, str]:
    """The caseworker who takes ``slot`` and their room, or the ``AppointmentError`` saying why not."""
    calendar = office_calendar(session)
    owner_user = session.get(User, owner)
    assert owner_user is not None
    who, why = serving_for(session, owner, slot.day)
    serving = who or owner_user
    own, room = own_hours(session, [serving.id])[serving.id]
    busy = busy_units(session, [serving.id], slot.day, slot.day, skip).get((serving.id, slot.day), set())
    check_slot(slot, calendar, own, local_now(ctx), who=serving.display_name, away=why, busy=busy)
    return serving, room


#: The loser's message by what was not done (None: another workstation committed first) and whether
#: free slots follow.
_TAKEN_KEYS = {
    (None, False): "appointments.taken_elsewhere",
    (None, True): "appointments.taken_elsewhere_next_free",
    ("gebucht", False): "appointments.taken_not_booked",
    ("gebucht", True): "appointments.taken_not_booked_next_free",
    ("umgebucht", False): "appointments.taken_not_rebooked",
    ("umgebucht", True): "appointments.taken_not_rebooked_next_free",
}


def _taken(ctx: ServiceContext, owner: int, slot: Slot, done: str | None = None) -> SlotTaken:
    """The loser's message: taken, and the next free slots after it."""
    with ctx.db.read() as session:
        name = session.scalar(select(User.display_name).where(User.id == owner))
        after = max(slot.starts_at(), local_now(ctx))
        nexts = search_slots(session, office_calendar(session), owner, slot.minutes, after, 3)
    key = _TAKEN_KEYS[(done, bool(nexts))]
    free = "; ".join(str(s) for s in nexts)
    return SlotTaken(key, field="zeit", next_free=nexts, owner=name, slot=slot, free=free)


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
        raise _taken(ctx, target.owner, target.slot, done) from None
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
    require_staff(ctx)
    note = clean_text(note or "", "notiz", Label("shared.label_note"), MAX_REASON) or None
    with _refused_when_taken(ctx, "gebucht") as target, ctx.unit_of_work() as uow:
        session = uow.session
        person = get_person(session, person_id)
        case = case_of(session, case_id, person_id)
        purpose, minutes, owner = purpose_and_owner(ctx, session, person, purpose, case)
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
        raise NotFound("appointments.no_such_appointment", appointment_id=appointment_id)
    return row


def _expect(row: Appointment, *states: str, what: Label) -> None:
    if row.status not in states:
        raise AppointmentError(
            "appointments.no_longer", status=STATUS_LABELS.get(row.status, row.status), what=what, field="status"
        )


def rebook(ctx: ServiceContext, appointment_id: int, day: date, start: int, reason: str) -> AppointmentRow:
    """Move a booked appointment to another slot (the deputy takes it where the owner is away then)."""
    require_staff(ctx)
    reason = reason_text(reason, Label("appointments.label_the_rebooking"))
    with _refused_when_taken(ctx, "umgebucht") as target, ctx.unit_of_work() as uow:
        session = uow.session
        row = _load(session, appointment_id)
        _expect(row, BOOKED, what=Label("appointments.label_a_rebooking"))
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
    ctx: ServiceContext, appointment_id: int, action: str, states: Sequence[str], what: Label, **changes: object
) -> AppointmentRow:
    require_staff(ctx)
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
        Label("appointments.label_a_cancellation"),
        status=CANCELLED,
        reason=reason_text(reason, Label("appointments.label_the_cancellation")),
    )


def check_in(ctx: ServiceContext, appointment_id: int) -> AppointmentRow:
    """The person has arrived and waits (only on the appointment's day)."""
    with ctx.db.read() as session:
        day = _load(session, appointment_id).day
    if day != ctx.today():
        raise AppointmentError(
            "appointments.not_today",
            day=day,
            field="datum",
        )
    return _step(
        ctx,
        appointment_id,
        "termin_angekommen",
        (BOOKED,),
        Label("appointments.label_the_arrival"),
        status=WAITING,
        arrived_at=ctx.now(),
    )


def no_show(ctx: ServiceContext, appointment_id: int) -> AppointmentRow:
    """Nicht erschienen: only on or after the appointment's day."""
    with ctx.db.read() as session:
        day = _load(session, appointment_id).day
    if day > ctx.today():
        raise AppointmentError("appointments.not_yet", day=day, field="datum")
    return _step(
        ctx, appointment_id, "termin_nicht_erschienen", (BOOKED,), Label("appointments.label_no_show"), status=NO_SHOW
    )


def finish(ctx: ServiceContext, appointment_id: int) -> AppointmentRow:
    """Aufgerufen und erledigt: the waiting ends."""
    return _step(
        ctx,
        appointment_id,
        "termin_erledigt",
        (WAITING,),
        Label("appointments.label_the_completion"),
        status=DONE,
        done_at=ctx.now(),
    )


def walk_in(
    ctx: ServiceContext, person_id: int, purpose: str | None = None, case_id: int | None = None, note: str | None = None
) -> AppointmentRow:
    """Vorsprache ohne Termin: today's next waiting number; the responsible caseworker where the
    purpose names one (else the counter calls the person)."""
    require_staff(ctx)
    note = clean_text(note or "", "notiz", Label("shared.label_note"), MAX_REASON) or None
    for _attempt in range(5):
        try:
            with ctx.unit_of_work() as uow:
                session = uow.session
                person = get_person(session, person_id)
                case = case_of(session, case_id, person_id)
                owner: int | None = None
                serving: User | None = None
                key = purpose or (case.procedure_key if case else None) or WALK_IN
                if key != WALK_IN:
                    key, _minutes, owner = purpose_and_owner(ctx, session, person, key, case)
                    serving, _why = serving_for(session, owner, uow.today)
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
    raise AppointmentError("appointments.queue_number_failed")
