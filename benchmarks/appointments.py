"""Termine: a year of appointments for 60 caseworkers on the benchmark database, then the next free
slots of a caseworker (``appointments.free_slots``, as the booking dialog asks them) and the
office's day list (``appointments.day_list``, the counter's page).

The year is written when the figure starts and removed when it ends, so the database the other
figures read stays as the generator built it: 60 caseworkers of their own (``bench_termine_NN``,
one open case each, which makes them responsible), from half a year back to half a year ahead,
under Singen's hours (20 hours a week): the past and the next four weeks 95 % booked, later weeks
less and less (the known waiting time for an appointment) — about 130,000 appointments and half a
million occupied 5-minute units. The baselines send the service's main query by hand.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, datetime, time, timedelta, timezone
from random import Random
from typing import Any

from sqlalchemy import delete, insert, select

from abh_desk.domain.appointments import BOOKED, CARD_PICKUP, DONE, Slot, free_starts, parse_hours
from abh_desk.domain.enums import Role
from abh_desk.services import appointment_hours as appt_hours
from abh_desk.services import appointment_lists as appt_lists
from abh_desk.services.context import Actor, ServiceContext
from benchmarks.database import SEED, TODAY, Opened
from benchmarks.harness import MS, Figure, Spec, Target, measure
from models import Appointment, AppointmentUnit, Area, Case, User

CASEWORKERS = 60
RUNS = 200
TARGET = Target(p95_ns=50 * MS)
PREFIX = "bench_termine_"
HOURS = "Mo, Di, Fr 08:00–12:00; Do 08:00–12:00, 14:00–18:00"
LENGTHS = (20, 20, 20, 30, 10)


def _share(day: date) -> float:
    """How full a day is: the past and the next four weeks 95 %, then less and less."""
    ahead = (day - TODAY).days
    if ahead <= 28:
        return 0.95
    return max(0.2, 0.95 - (ahead - 28) / 200)


@contextmanager
def _year(opened: Opened) -> Iterator[tuple[list[tuple[int, int]], int, int]]:
    """Write the year (users, cases, appointments, units); yield the (caseworker id, case id) pairs and
    how many appointments and units were written; remove it all afterwards."""
    db = opened.ctx.db
    rng = Random(SEED)
    now = datetime(TODAY.year, TODAY.month, TODAY.day, 9, tzinfo=timezone.utc)
    week = parse_hours(HOURS)
    with db.engine.begin() as connection:
        area = connection.scalar(select(Area.id).where(Area.code == "allgemein"))
        low = connection.execute(select(Case.person_id).order_by(Case.person_id).limit(1)).scalar()
        high = connection.execute(select(Case.person_id).order_by(Case.person_id.desc()).limit(1)).scalar()
        assert low is not None and high is not None
        users = [
            {"username": f"{PREFIX}{n:02d}", "display_name": f"Termin-Sachbearbeitung {n:02d}",
             "role": Role.CASEWORKER.value, "area_id": area, "active": True, "failed_logins": 0,
             "created_at": now, "version": 1}
            for n in range(1, CASEWORKERS + 1)
        ]  # fmt: skip
        connection.execute(insert(User), users)
        ids = list(connection.scalars(select(User.id).where(User.username.startswith(PREFIX)).order_by(User.id)))
        cases = [
            {"file_number": f"BENCH-TERMIN-{n:03d}", "person_id": rng.randint(low, high),
             "procedure_key": "99010019001008", "area_id": area, "owner_id": uid, "status": "neu",
             "applied_on": TODAY, "facts_json": "[]",
             "created_at": now, "updated_at": now, "version": 1}
            for n, uid in enumerate(ids)
        ]  # fmt: skip
        connection.execute(insert(Case), cases)
        case_ids = list(connection.scalars(select(Case.id).where(Case.file_number.startswith("BENCH-TERMIN-"))))
        pairs = list(zip(ids, sorted(case_ids), strict=True))
        next_id = (connection.scalar(select(Appointment.id).order_by(Appointment.id.desc()).limit(1)) or 0) + 1
        rows: list[dict[str, Any]] = []
        units: list[dict[str, Any]] = []
        day = TODAY - timedelta(days=182)
        while day <= TODAY + timedelta(days=182):
            hours = week[day.weekday()]
            for uid in ids:
                taken: set[int] = set()
                share = _share(day)
                for start in list(free_starts(hours, taken, 10)):
                    if rng.random() > share or start in taken:
                        continue
                    minutes = rng.choice(LENGTHS)
                    slot = Slot(day, start, minutes)
                    if any(u in taken for u in slot.units()) or not any(
                        h.start <= start and slot.end <= h.end for h in hours
                    ):
                        continue
                    taken.update(slot.units())
                    status = DONE if day < TODAY else BOOKED
                    rows.append(
                        {"id": next_id, "person_id": rng.randint(low, high), "case_id": None,
                         "purpose": CARD_PICKUP if minutes == 10 else "99010019001008", "caseworker_id": uid,
                         "owner_id": uid, "day": day, "start_minute": start, "minutes": minutes, "status": status,
                         "walk_in": False, "created_at": now, "updated_at": now, "version": 1}
                    )  # fmt: skip
                    units.extend(
                        {"caseworker_id": uid, "day": day, "minute": m, "appointment_id": next_id} for m in slot.units()
                    )
                    next_id += 1
            day += timedelta(days=1)
        for chunk in range(0, len(rows), 20_000):
            connection.execute(insert(Appointment), rows[chunk : chunk + 20_000])
        for chunk in range(0, len(units), 50_000):
            connection.execute(insert(AppointmentUnit), units[chunk : chunk + 50_000])
    with db.engine.connect() as connection:  # planner statistics, as after a year of work
        connection.exec_driver_sql("ANALYZE appointments")
        connection.exec_driver_sql("ANALYZE appointment_units")
        connection.commit()
    try:
        yield pairs, len(rows), len(units)
    finally:
        with db.engine.begin() as connection:
            connection.execute(delete(AppointmentUnit).where(AppointmentUnit.caseworker_id.in_(ids)))
            connection.execute(delete(Appointment).where(Appointment.caseworker_id.in_(ids)))
            connection.execute(delete(Case).where(Case.id.in_(case_ids)))
            connection.execute(delete(User).where(User.id.in_(ids)))


def _clerk(opened: Opened) -> ServiceContext:
    return opened.ctx.as_user(Actor(None, "benchmark", Role.ADMIN))


_BUSY = "SELECT caseworker_id, day, minute FROM appointment_units WHERE caseworker_id = ? AND day BETWEEN ? AND ?"
_DAY = (
    "SELECT a.id, a.start_minute, a.status, p.family_name, p.given_names, c.file_number, u.display_name "
    "FROM appointments a JOIN persons p ON p.id = a.person_id LEFT JOIN cases c ON c.id = a.case_id "
    "LEFT JOIN users u ON u.id = a.caseworker_id WHERE a.day = ? AND a.status != 'abgesagt' "
    "ORDER BY a.start_minute, a.waiting_number"
)


def next_free(opened: Opened) -> Figure:
    with _year(opened) as (pairs, written, units):
        rng = Random(SEED)
        ctx = _clerk(opened)
        with ctx.db.read() as session:
            persons = {
                cid: pid
                for cid, pid in session.execute(
                    select(Case.id, Case.person_id).where(Case.id.in_([c for _u, c in pairs]))
                )
            }
        inputs = []
        for n in range(RUNS):
            uid, case_id = pairs[n % len(pairs)]
            ahead = rng.choice((0, 0, 0, 7, 30, 90))
            inputs.append((uid, case_id, datetime.combine(TODAY + timedelta(days=ahead), time(0))))

        def call(item: tuple[int, int, datetime]) -> object:
            _uid, case_id, after = item
            return appt_hours.free_slots(ctx, persons[case_id], None, case_id, after, 5)

        raw = opened.raw

        def baseline(item: tuple[int, int, datetime]) -> object:
            uid, _case, after = item
            first = after.date()
            return raw.rows(_BUSY, (uid, raw.day(first), raw.day(first + timedelta(days=13))))

        stats, base = measure(call, inputs, baseline)
        firsts = [call(i).slots[0].day for i in inputs[:20]]  # type: ignore[attr-defined]
    wait = max((d - TODAY).days for d in firsts)
    return Figure(
        "termine.frei", "Next free slots of a caseworker (5)", stats, baseline=base,
        baseline_label="raw SQL (one fortnight's units)", target=TARGET,
        note=f"{written:,} appointments, {units:,} occupied units, {CASEWORKERS} caseworkers; "
        f"first free up to {wait} days ahead",
    )  # fmt: skip


def day_list(opened: Opened) -> Figure:
    with _year(opened) as (_pairs, _written, _units):
        rng = Random(SEED)
        ctx = _clerk(opened)
        days: list[date] = []
        while len(days) < RUNS // 2:
            day = TODAY + timedelta(days=rng.randint(-180, 180))
            if parse_hours(HOURS)[day.weekday()]:
                days.append(day)
        raw = opened.raw
        stats, base = measure(lambda d: appt_lists.day_list(ctx, d), days, lambda d: raw.rows(_DAY, (raw.day(d),)))
        sizes = [len(appt_lists.day_list(ctx, d).rows) for d in days[:10]]
    return Figure(
        "termine.tag", "The office's day list (all caseworkers)", stats, baseline=base, baseline_label="raw SQL",
        target=TARGET, note=f"{min(sizes):,}–{max(sizes):,} appointments a day",
    )  # fmt: skip


FIGURES = (Spec("termine.frei", next_free), Spec("termine.tag", day_list))
