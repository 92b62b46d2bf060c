"""A caseworker drowning in work, as the issue found her at 150,000 persons: 1,228 deadlines
overdue, 113 due today, 397 this week and 40 later — written in one insert."""

from __future__ import annotations

from datetime import date, timedelta

from sqlalchemy import insert, select

from abh_desk.domain.enums import DeadlineKind, DeadlineStatus, Role
from abh_desk.services.cases import open_case
from abh_desk.services.context import Actor, ServiceContext
from abh_desk.services.persons import PersonInput, create_person
from abh_desk.services.worklists import NEXT_WEEKS, OVERDUE, THIS_WEEK, TODAY
from models import Case, Deadline, User

BUSY_DAY = date(2026, 11, 25)  # a Wednesday: this week runs on to Sunday the 29th
COUNTS = {OVERDUE: 1_228, TODAY: 113, THIS_WEEK: 397, NEXT_WEEKS: 40}
DAY = BUSY_DAY


def busy_caseworker(ctx: ServiceContext) -> ServiceContext:
    """Frau Schweiger (H–N) with 1,228 overdue, 113 due today, 397 this week and 40 later."""
    person = create_person(ctx, PersonInput("Haddad", "Rania", "01.01.1990", nationality="SYR"))
    case_id = open_case(ctx, person.id, "99010019001008", applied_on=DAY - timedelta(days=400)).id
    with ctx.db.read() as session:
        case = session.get(Case, case_id)
        assert case is not None
        owner, area = case.owner_id, case.area_id
        user = session.scalars(select(User).where(User.id == owner)).one()
    due = {
        OVERDUE: [DAY - timedelta(days=1 + n % 300) for n in range(COUNTS[OVERDUE])],
        TODAY: [DAY] * COUNTS[TODAY],
        THIS_WEEK: [DAY + timedelta(days=1 + n % 4) for n in range(COUNTS[THIS_WEEK])],
        NEXT_WEEKS: [DAY + timedelta(days=5 + n) for n in range(COUNTS[NEXT_WEEKS])],
    }
    rows = [
        {
            "case_id": case_id, "owner_id": owner, "area_id": area, "kind": DeadlineKind.FOLLOW_UP.value,
            "event_date": day, "nominal_date": day, "due_date": day, "status": DeadlineStatus.OPEN.value,
            "source_event": "Wiedervorlage gesetzt", "created_at": ctx.now(), "version": 1,
        }
        for days in due.values()
        for day in days
    ]  # fmt: skip
    with ctx.unit_of_work() as uow:
        uow.session.execute(insert(Deadline), rows)
        uow.commit()
    return ctx.as_user(Actor(user.id, user.username, Role(user.role)))
