"""The office's day at midnight and across the end of summer time, on the services: a deadline
turns overdue and an access grant ends at midnight in Singen, whatever zone the workstation's
clock is set to; log entries keep the moment in UTC."""

from __future__ import annotations

import time
from collections.abc import Iterator
from datetime import date, datetime, timedelta, timezone

import pytest
from sqlalchemy import select

from abh_desk.clock import FixedClock
from abh_desk.domain.enums import Role
from abh_desk.services.case_access import ReasonRequired, open_with_reason, share_case
from abh_desk.services.case_file import get_case_file
from abh_desk.services.cases import open_case
from abh_desk.services.context import Actor, ServiceContext
from abh_desk.services.deadlines import set_follow_up
from abh_desk.services.persons import PersonInput, create_person
from abh_desk.services.worklists import WorkScope, worklist
from models import AuditEvent, User

TODAY = date(2026, 10, 20)
GENERAL = "99010019001008"


@pytest.fixture(params=["UTC", "Pacific/Kiritimati", "America/Los_Angeles"])
def workstation_zone(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    """The workstation's own time zone (UTC+0, UTC+14, UTC−7/−8): it must not matter."""
    monkeypatch.setenv("TZ", request.param)
    time.tzset()
    yield request.param
    monkeypatch.undo()
    time.tzset()


@pytest.fixture
def office(ctx: ServiceContext) -> tuple[int, dict[str, ServiceContext]]:
    """A case of Frau Schweiger (H), and a context for every user."""
    person = create_person(ctx, PersonInput("Haddad", "Rania", "01.01.1990", nationality="SYR"))
    case_id = open_case(ctx, person.id, GENERAL, applied_on=TODAY).id
    with ctx.db.read() as session:
        users = {u.username: u for u in session.scalars(select(User))}
    return case_id, {name: ctx.as_user(Actor(u.id, name, Role(u.role))) for name, u in users.items()}


def _due_groups(ctx: ServiceContext) -> tuple[int, int]:
    work = worklist(ctx, WorkScope.MINE)
    return len(work.due_today), len(work.overdue)


def test_a_deadline_is_due_until_midnight_in_singen(
    office: tuple[int, dict[str, ServiceContext]], clock: FixedClock, workstation_zone: str
) -> None:
    case_id, users = office
    owner = users["schweiger"]
    set_follow_up(owner, case_id, date(2026, 11, 23), "Unterlagen nachfragen")
    clock.move_to(datetime(2026, 11, 23, 22, 59, tzinfo=timezone.utc))  # 23:59 in Singen (CET)
    assert owner.today() == date(2026, 11, 23)
    assert _due_groups(owner) == (1, 0)
    clock.advance(timedelta(minutes=2))  # 00:01 on the 24th in Singen; in UTC still the 23rd
    assert _due_groups(owner) == (0, 1)


def test_a_days_access_ends_at_midnight_of_summer_time(
    office: tuple[int, dict[str, ServiceContext]], clock: FixedClock, workstation_zone: str
) -> None:
    case_id, users = office
    clerk = users["rudolf"]
    clock.move_to(datetime(2026, 10, 24, 21, 30, tzinfo=timezone.utc))  # Sat 23:30 CEST
    open_with_reason(clerk, case_id, "Vorsprache am Schalter, Frau Schweiger krank")
    assert get_case_file(clerk, case_id).access == "mit Begründung"
    clock.advance(timedelta(minutes=30))  # Sun 00:00 CEST — 22:00 UTC, still Saturday in UTC
    with pytest.raises(ReasonRequired):
        get_case_file(clerk, case_id)
    with clerk.db.read() as session:
        logged = session.scalars(select(AuditEvent).where(AuditEvent.action == "zugriff_mit_begruendung")).one()
    assert logged.occurred_at == datetime(2026, 10, 24, 21, 30, tzinfo=timezone.utc)  # stored in UTC


def test_a_share_until_the_day_summer_time_ends_lasts_its_25_hours(
    office: tuple[int, dict[str, ServiceContext]], clock: FixedClock, workstation_zone: str
) -> None:
    case_id, users = office
    share_case(users["schweiger"], case_id, "keller", date(2026, 10, 25), "Bitte Unterlagen prüfen")
    keller = users["keller"]
    clock.move_to(datetime(2026, 10, 24, 22, 0, tzinfo=timezone.utc))  # Sun 25.10. 00:00 CEST
    assert get_case_file(keller, case_id).access == "geteilt"
    clock.move_to(datetime(2026, 10, 25, 22, 59, tzinfo=timezone.utc))  # Sun 23:59 CET, 25 hours later
    assert get_case_file(keller, case_id).access == "geteilt"
    clock.advance(timedelta(minutes=1))  # Mon 26.10. 00:00 CET
    with pytest.raises(ReasonRequired):
        get_case_file(keller, case_id)
