"""Appointments for the demo office, so that the Termine page shows a day at the counter: for every
caseworker with letter ranges, today and the next three weeks about two thirds of the free slots
booked with their own open cases; of today's passed ones most done, some not shown up, a few
waiting; and three walk-ins with waiting numbers. Deterministic per seed; a database that has
appointments already gets none."""

from __future__ import annotations

import random
from collections import defaultdict
from datetime import timedelta

from sqlalchemy import func, select

from abh_desk.clock import OFFICE_ZONE
from abh_desk.domain.appointments import BOOKED, DONE, NO_SHOW, WAITING, WALK_IN, Slot, free_starts, slot_minutes
from abh_desk.domain.enums import OPEN_CASE_STATUSES
from abh_desk.services.appointment_hours import Presence, display_names, office_calendar
from abh_desk.services.context import ServiceContext
from models import Appointment, AppointmentUnit, AssignmentRule, Case, CaseworkerCalendar

DAYS_AHEAD = 21
BOOKED_SHARE = 0.65
#: Demo rooms of Singen's caseworkers (invented).
ROOMS = ("1.04", "1.05", "1.07", "1.08", "2.11", "2.14", "2.15")


def generate_demo_appointments(ctx: ServiceContext, seed: int = 1) -> int:
    """Book the demo office's appointments; returns how many were written."""
    rng = random.Random(seed)
    with ctx.unit_of_work() as uow:
        session = uow.session
        if session.scalar(select(func.count()).select_from(Appointment)):
            return 0
        calendar = office_calendar(session)
        owners = sorted(set(session.scalars(select(AssignmentRule.user_id))))
        open_states = [s.value for s in OPEN_CASE_STATUSES]
        cases: dict[int, list[tuple[int, int, str]]] = defaultdict(list)
        for case_id, person_id, case_owner, key in session.execute(
            select(Case.id, Case.person_id, Case.owner_id, Case.procedure_key)
            .where(Case.owner_id.in_(owners), Case.status.in_(open_states))
            .order_by(Case.id)
        ):
            if case_owner is not None:
                cases[case_owner].append((case_id, person_id, key))
        for index, owner in enumerate(owners):
            if session.get(CaseworkerCalendar, owner) is None:
                session.add(CaseworkerCalendar(user_id=owner, hours="", room=ROOMS[index % len(ROOMS)]))
        now = uow.now.astimezone(OFFICE_ZONE)
        minute_now = now.hour * 60 + now.minute
        today = now.date()
        written = 0
        presence = Presence(session, owners, today, today + timedelta(days=DAYS_AHEAD))
        names = display_names(session)
        for owner in owners:
            mine = cases.get(owner)
            if not mine:
                continue
            for offset in range(DAYS_AHEAD):
                day = today + timedelta(days=offset)
                if presence.away(owner, day, names) is not None:
                    continue  # on leave or represented: the deputy's own calendar stays as it is
                taken: set[int] = set()
                for start in list(free_starts(calendar.hours(day, None), taken, 20)):
                    if rng.random() > BOOKED_SHARE:
                        continue
                    case_id, person_id, key = rng.choice(mine)
                    procedure = ctx.catalogue.get(key) if key in ctx.catalogue else None
                    minutes = slot_minutes(key, procedure, {})
                    slot = Slot(day, start, minutes)
                    if any(u in taken for u in slot.units()) or not any(
                        h.start <= start and slot.end <= h.end for h in calendar.hours(day, None)
                    ):
                        continue
                    status, arrived, done = BOOKED, None, None
                    if day == today and slot.end <= minute_now:
                        status = NO_SHOW if rng.random() < 0.12 else DONE
                    elif day == today and start <= minute_now + 20 and rng.random() < 0.7:
                        status = WAITING
                    if status in (DONE, WAITING):
                        arrived = uow.now - timedelta(minutes=max(0, minute_now - start) + rng.randint(2, 12))
                        done = uow.now - timedelta(minutes=max(0, minute_now - slot.end)) if status == DONE else None
                    row = Appointment(
                        person_id=person_id, case_id=case_id, purpose=key, caseworker_id=owner, owner_id=owner,
                        day=day, start_minute=start, minutes=minutes, status=status, walk_in=False,
                        arrived_at=arrived, done_at=done,
                    )  # fmt: skip
                    session.add(row)
                    session.flush()
                    session.add_all(
                        AppointmentUnit(caseworker_id=owner, day=day, minute=m, appointment_id=row.id)
                        for m in slot.units()
                    )
                    taken.update(slot.units())
                    written += 1
        if calendar.hours(today, None) and cases:
            people = [c for rows in cases.values() for c in rows]
            for number in range(1, 4):
                _case_id, person_id, _key = rng.choice(people)
                session.add(
                    Appointment(
                        person_id=person_id,
                        purpose=WALK_IN,
                        day=today,
                        start_minute=max(0, minute_now - 10 * number),
                        minutes=0,
                        status=WAITING,
                        walk_in=True,
                        waiting_number=number,
                        arrived_at=uow.now - timedelta(minutes=12 * (4 - number)),
                    )
                )
                written += 1
        uow.audit("demo_termine_angelegt", "appointments", None, termine=written)
        uow.commit()
        return written
