"""Who sees which case, on SQLite and PostgreSQL: the caseworker theirs and their deputised
colleagues', shared ones, the team lead the area's, the administration all; any other case only
with a reason, logged and valid for the day — for reading and for changing alike."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from sqlalchemy import select

from abh_desk.clock import FixedClock
from abh_desk.domain.enums import Role
from abh_desk.errors import PermissionDenied, ValidationError
from abh_desk.services.assignment import set_deputy
from abh_desk.services.auth import create_user
from abh_desk.services.case_access import ReasonRequired, open_with_reason, share_case
from abh_desk.services.case_file import get_case_file, mark_received
from abh_desk.services.cases import open_case
from abh_desk.services.context import Actor, ServiceContext
from abh_desk.services.persons import PersonInput, create_person
from models import AuditEvent, Case, Person, User

TODAY = date(2026, 11, 21)


@pytest.fixture
def office(ctx: ServiceContext) -> tuple[int, dict[str, ServiceContext]]:
    create_user(ctx, "lead", "Frau Leitung", Role.TEAM_LEAD, area="allgemein")
    create_user(ctx, "asyllead", "Herr Asyl", Role.TEAM_LEAD, area="asyl")
    person = create_person(ctx, PersonInput("Haddad", "Rania", "01.01.1990", nationality="SYR"))
    case_id = open_case(ctx, person.id, "99010019001008", applied_on=TODAY).id
    with ctx.db.read() as session:
        users = {u.username: u for u in session.scalars(select(User))}
        owner = session.scalar(select(User.username).join(Case, Case.owner_id == User.id).where(Case.id == case_id))
    assert owner == "schweiger"  # H is Frau Schweiger's letter in Singen's table
    return case_id, {name: ctx.as_user(Actor(u.id, name, Role(u.role))) for name, u in users.items()}


def test_the_owner_deputy_area_lead_and_administration_open_it(
    ctx: ServiceContext, office: tuple[int, dict[str, ServiceContext]], clock: FixedClock
) -> None:
    case_id, users = office
    assert get_case_file(users["schweiger"], case_id).access == "zuständig"
    assert get_case_file(users["lead"], case_id).access == "Teamleitung"
    assert get_case_file(ctx, case_id).access == "Administration"
    with pytest.raises(ReasonRequired, match="nicht zu Ihren Zuständigkeiten"):
        get_case_file(users["keller"], case_id)
    with pytest.raises(ReasonRequired):
        get_case_file(users["asyllead"], case_id)
    set_deputy(users["schweiger"], "schweiger", "keller", TODAY, TODAY + timedelta(days=7))
    assert get_case_file(users["keller"], case_id).access == "Vertretung"
    clock.move_to(TODAY + timedelta(days=8))
    with pytest.raises(ReasonRequired):  # the absence is over
        get_case_file(users["keller"], case_id)


def test_another_case_opens_with_a_logged_reason_for_that_day_only(
    ctx: ServiceContext, office: tuple[int, dict[str, ServiceContext]], clock: FixedClock
) -> None:
    case_id, users = office
    clerk = users["rudolf"]
    file = get_case_file(ctx, case_id)
    with pytest.raises(ReasonRequired):  # changing needs access too
        mark_received(clerk, file.checklist[0].id)
    with pytest.raises(ValidationError, match="mindestens 10 Zeichen"):
        open_with_reason(clerk, case_id, "weil")
    open_with_reason(clerk, case_id, "Vorsprache am Schalter, Frau Schweiger krank")
    assert get_case_file(clerk, case_id).access == "mit Begründung"
    mark_received(clerk, file.checklist[0].id)
    clock.move_to(TODAY + timedelta(days=1))
    with pytest.raises(ReasonRequired):
        get_case_file(clerk, case_id)
    with ctx.db.read() as session:
        event = session.scalars(select(AuditEvent).where(AuditEvent.action == "zugriff_mit_begruendung")).one()
    assert event.user_id == clerk.actor.user_id and "Schalter" in (event.payload_json or "")


def test_sharing_is_for_the_responsible_and_lasts_until_the_day_given(
    ctx: ServiceContext, office: tuple[int, dict[str, ServiceContext]], clock: FixedClock
) -> None:
    case_id, users = office
    with pytest.raises(PermissionDenied, match="Teilen darf"):
        share_case(users["keller"], case_id, "rudolf", TODAY + timedelta(days=3), "Bitte Unterlagen prüfen")
    share_case(users["schweiger"], case_id, "keller", TODAY + timedelta(days=3), "Bitte Unterlagen prüfen")
    clock.move_to(TODAY + timedelta(days=3))
    assert get_case_file(users["keller"], case_id).access == "geteilt"
    clock.move_to(TODAY + timedelta(days=4))
    with pytest.raises(ReasonRequired):
        get_case_file(users["keller"], case_id)
    with pytest.raises(ValidationError, match="Benutzer „niemand“"):
        share_case(users["lead"], case_id, "niemand", clock.today(), "Bitte Unterlagen prüfen")


def test_letters_cards_and_drafts_of_the_case_need_access_too(
    ctx: ServiceContext, office: tuple[int, dict[str, ServiceContext]]
) -> None:
    from abh_desk.services.cards import case_cards, order_card
    from abh_desk.services.case_letters import create_missing_documents_letter, letter_pdf, reprint
    from abh_desk.services.rejections import new_draft

    case_id, users = office
    with ctx.unit_of_work() as uow:  # a postal address, so that letters can be written
        case = uow.session.get(Case, case_id)
        person = uow.session.get(Person, case.person_id) if case else None
        assert person is not None
        person.street, person.postcode, person.city = "Hauptstraße 1", "78224", "Singen"
        uow.commit()
    letter = create_missing_documents_letter(users["schweiger"], case_id)
    other = users["rudolf"]
    for call in (
        lambda: create_missing_documents_letter(other, case_id),
        lambda: letter_pdf(other, letter.id),
        lambda: reprint(other, letter.id),
        lambda: order_card(other, case_id, TODAY),
        lambda: case_cards(other, case_id),
        lambda: new_draft(other, case_id),
    ):
        with pytest.raises(ReasonRequired):
            call()
    assert letter_pdf(users["schweiger"], letter.id).startswith(b"%PDF")
