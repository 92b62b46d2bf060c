"""Stored deadlines follow their inputs; worklists show them — on SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from sqlalchemy import select

from abh_desk.domain.deadlines import DispatchMethod
from abh_desk.domain.enums import CaseStatus, DeadlineKind, DeadlineStatus, Role
from abh_desk.errors import ValidationError
from abh_desk.services.cases import open_case
from abh_desk.services.context import Actor, ServiceContext
from abh_desk.services.deadlines import case_deadlines, complete_deadline, record_dispatch, record_entry, set_follow_up
from abh_desk.services.office import update_office_settings
from abh_desk.services.persons import PersonInput, create_person
from abh_desk.services.titles import add_title, change_validity
from abh_desk.services.worklists import WorkScope, expiring_titles, worklist
from models import AuditEvent, Case, Deadline, User

TODAY = date(2026, 11, 21)  # a Saturday
QUALIFICATION = "99010019001008"


def _case(ctx: ServiceContext, family: str = "Haddad") -> tuple[int, int]:
    person = create_person(ctx, PersonInput(family, "Lina", "01.01.1990", nationality="SYR"))
    return person.id, open_case(ctx, person.id, QUALIFICATION, applied_on=TODAY - timedelta(days=400)).id


def _deadlines(ctx: ServiceContext, case_id: int) -> list[Deadline]:
    with ctx.db.read() as session:
        return list(session.scalars(select(Deadline).where(Deadline.case_id == case_id).order_by(Deadline.id)))


def _as(ctx: ServiceContext, username: str) -> ServiceContext:
    with ctx.db.read() as session:
        user = session.scalars(select(User).where(User.username == username)).one()
    return ctx.as_user(Actor(user.id, user.username, Role(user.role)))


def test_dispatch_creates_the_objection_deadline_and_a_correction_moves_it(ctx: ServiceContext) -> None:
    _, case_id = _case(ctx)
    # posted Mon 02.06.2025 → Bekanntgabe Fri 06.06.2025 → ends Mon 07.07.2025 (domain.md §6)
    assert record_dispatch(ctx, case_id, date(2025, 6, 2)) == date(2025, 7, 7)
    # the posting date was wrong: Mon 19.05.2025 → Bekanntgabe Fri 23.05. → 23.06.2025 (Mon)
    assert record_dispatch(ctx, case_id, date(2025, 5, 19)) == date(2025, 6, 23)
    rows = _deadlines(ctx, case_id)
    assert len(rows) == 1 and rows[0].due_date == date(2025, 6, 23) and rows[0].event_date == date(2025, 5, 19)
    assert "Bekanntgabe" in (rows[0].note or "")
    with ctx.db.read() as session:
        event = session.scalars(select(AuditEvent).where(AuditEvent.action == "frist_neu_berechnet")).one()
    assert '"alt": "2025-07-07"' in (event.payload_json or "") and '"neu": "2025-06-23"' in (event.payload_json or "")


def test_dispatch_follows_the_office_land_and_the_way_of_delivery(ctx: ServiceContext) -> None:
    _, case_id = _case(ctx)
    update_office_settings(ctx, land="NW")
    # PZU delivered Mon 19.05.2025 → nominal Thu 19.06.2025 (Fronleichnam in NW) → Fri 20.06.2025
    assert record_dispatch(ctx, case_id, date(2025, 5, 16), DispatchMethod.PZU, date(2025, 5, 19)) == date(2025, 6, 20)
    update_office_settings(ctx, land="HH")
    assert record_dispatch(ctx, case_id, date(2025, 5, 16), DispatchMethod.PZU, date(2025, 5, 19)) == date(2025, 6, 19)
    with pytest.raises(ValidationError, match="Zustelldatum"):
        record_dispatch(ctx, case_id, date(2025, 5, 16), DispatchMethod.PZU)
    # without a correct Rechtsbehelfsbelehrung the period is one year
    assert record_dispatch(
        ctx, case_id, date(2025, 1, 27), DispatchMethod.PERSONAL, instructions_correct=False
    ) == date(2026, 1, 27)


def test_title_reminder_follows_the_expiry_and_an_application_closes_it(ctx: ServiceContext) -> None:
    person_id, case_id = _case(ctx)
    title_id = add_title(ctx, case_id, "Aufenthaltserlaubnis", "§ 16d AufenthG", date(2025, 6, 1), date(2027, 1, 31))
    (reminder,) = _deadlines(ctx, case_id)
    assert (reminder.kind, reminder.due_date) == (
        DeadlineKind.EXPIRY_REMINDER,
        date(2026, 12, 6),
    )  # a Sunday, not moved
    change_validity(ctx, title_id, date(2027, 3, 31))
    (reminder,) = _deadlines(ctx, case_id)
    assert reminder.due_date == date(2027, 2, 3)
    with ctx.unit_of_work() as uow:
        uow.session.get(Case, case_id).status = CaseStatus.GRANTED.value  # type: ignore[union-attr]
        uow.commit()
    open_case(ctx, person_id, QUALIFICATION, applied_on=TODAY)  # the extension application
    (reminder,) = _deadlines(ctx, case_id)
    assert reminder.status == DeadlineStatus.DONE and "Antrag vom 21.11.2026" in (reminder.note or "")
    change_validity(ctx, title_id, None)
    assert [d.status for d in _deadlines(ctx, case_id)] == [DeadlineStatus.DONE]


def test_follow_up_entry_and_completion(ctx: ServiceContext) -> None:
    _, case_id = _case(ctx)
    with pytest.raises(ValidationError):
        set_follow_up(ctx, case_id, TODAY - timedelta(days=1))
    follow_up = set_follow_up(ctx, case_id, TODAY + timedelta(days=3), "Pass nachreichen")
    assert record_entry(ctx, case_id, date(2026, 10, 1)) == date(2026, 12, 29)
    infos = case_deadlines(ctx, case_id)
    assert [(i.kind_label, i.due_date) for i in infos] == [
        ("Wiedervorlage", TODAY + timedelta(days=3)),
        ("Ende visumfreier Aufenthalt", date(2026, 12, 29)),
    ]
    with pytest.raises(ValidationError, match="wodurch"):
        complete_deadline(ctx, follow_up, " ")
    complete_deadline(ctx, follow_up, "Pass liegt vor")
    with pytest.raises(ValidationError, match="bereits"):
        complete_deadline(ctx, follow_up, "nochmal")
    assert case_deadlines(ctx, case_id)[0].status_label == "erledigt"


def test_worklists_group_by_due_date_and_filter_by_owner_and_area(ctx: ServiceContext) -> None:
    from abh_desk.demo.users import ensure_demo_users

    ensure_demo_users(ctx)
    _, haddad = _case(ctx, "Haddad")  # H → Frau Schweiger
    _, keller_case = _case(ctx, "Öztürk")  # O → Frau Keller
    for case_id, days in ((haddad, -2), (haddad, 0), (haddad, 1), (haddad, 30), (haddad, 70), (keller_case, 5)):
        with ctx.unit_of_work() as uow:
            on = TODAY + timedelta(days=days)
            uow.session.add(
                Deadline(
                    case_id=case_id,
                    owner_id=uow.session.get(Case, case_id).owner_id,  # type: ignore[union-attr]
                    area_id=uow.session.get(Case, case_id).area_id,  # type: ignore[union-attr]
                    kind=DeadlineKind.FOLLOW_UP.value,
                    event_date=on,
                    nominal_date=on,
                    due_date=on,
                    status=DeadlineStatus.OPEN.value,
                    source_event="Test",
                )
            )
            uow.commit()
    mine = worklist(_as(ctx, "schweiger"), WorkScope.MINE)
    assert [len(rows) for _, rows in mine.groups] == [1, 1, 1, 1]  # Sat: "this week" is Sunday; 70 days is too far
    assert mine.this_week[0].due_date == TODAY + timedelta(days=1)
    assert worklist(_as(ctx, "keller"), WorkScope.MINE).next_weeks[0].file_number.startswith("ABH-")
    area = worklist(_as(ctx, "soelter"), WorkScope.AREA)
    assert sum(len(rows) for _, rows in area.groups) == 5
    assert sum(len(r) for _, r in worklist(ctx, WorkScope.AREA, area="asyl").groups) == 0


def test_expiring_titles_without_application(ctx: ServiceContext) -> None:
    person_id, case_id = _case(ctx)
    with ctx.unit_of_work() as uow:
        uow.session.get(Case, case_id).status = CaseStatus.GRANTED.value  # type: ignore[union-attr]
        uow.commit()
    add_title(ctx, case_id, "Aufenthaltserlaubnis", "§ 16d AufenthG", date(2025, 1, 1), TODAY + timedelta(weeks=6))
    assert [t.person_id for t in expiring_titles(ctx)] == [person_id]
    open_case(ctx, person_id, QUALIFICATION, applied_on=TODAY)
    assert expiring_titles(ctx) == []


def test_deadlines_follow_their_case_to_a_new_owner(ctx: ServiceContext) -> None:
    from abh_desk.demo.users import ensure_demo_users
    from abh_desk.services.assignment import RuleRow, apply_rule_rows, reassign_case

    ensure_demo_users(ctx)
    _, case_id = _case(ctx, "Haddad")
    set_follow_up(ctx, case_id, TODAY + timedelta(days=2))
    assert len(worklist(_as(ctx, "schweiger"), WorkScope.MINE).next_weeks) == 1
    reassign_case(ctx, case_id, "keller", "Sprache")
    assert worklist(_as(ctx, "schweiger"), WorkScope.MINE).next_weeks == []
    assert len(worklist(_as(ctx, "keller"), WorkScope.MINE).next_weeks) == 1
    reassign_case(ctx, case_id, "schweiger", "zurück")
    apply_rule_rows(
        ctx,
        [
            RuleRow("allgemein", "schaeuble", "A–B, D–G"),
            RuleRow("allgemein", "rudolf", "C, H–I"),
            RuleRow("allgemein", "schweiger", "J–N"),
            RuleRow("allgemein", "keller", "O–Z"),
        ],
        "Neuverteilung",
    )
    assert [r.owner for r in worklist(_as(ctx, "rudolf"), WorkScope.MINE).next_weeks] == ["Frau Rudolf"]
    with ctx.db.read() as session:
        owners = session.execute(select(Deadline.owner_id, Case.owner_id).join(Case, Case.id == Deadline.case_id)).all()
    assert all(d == c for d, c in owners)
