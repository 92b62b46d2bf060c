"""The case to its end, on SQLite and PostgreSQL: through its states, the grant recording the
residence title (checked against the catalogue), the old title's reminder ended and the new one's
started, the eAT only after the grant, four eyes where the office wants them, withdrawal and closing."""

from __future__ import annotations

import json
from datetime import date, timedelta

import pytest
from sqlalchemy import select

from abh_desk.clock import FixedClock
from abh_desk.domain.case_flow import CaseAction
from abh_desk.domain.enums import CardStatus, CaseStatus, DeadlineKind, DeadlineStatus, Role, WithdrawalWay
from abh_desk.errors import FieldErrors, PermissionDenied, ValidationError
from abh_desk.services.auth import create_user
from abh_desk.services.card_handover import HandoverInput, hand_over
from abh_desk.services.cards import order_card, record_arrival
from abh_desk.services.case_file import get_case_file, mark_received, waive_document
from abh_desk.services.case_status import change_status, close_case, withdraw
from abh_desk.services.cases import open_case
from abh_desk.services.context import Actor, ServiceContext
from abh_desk.services.grants import (
    GrantInput,
    GrantStatus,
    approve_grant,
    case_decision,
    grant,
    grant_form,
    pending_grants,
    return_grant,
)
from abh_desk.services.office import update_office_settings
from abh_desk.services.persons import PersonInput, create_person, get_person_file
from abh_desk.services.titles import add_title
from models import AuditEvent, CardOrder, Case, Deadline, ResidenceTitle, User

TODAY = date(2026, 11, 23)  # a Monday
QUALIFICATION = "99010019001008"  # § 16d AufenthG, at most 18 months, fee 100 EUR
SERIAL = "Y7K2M4T9L"


def as_user(ctx: ServiceContext, username: str) -> ServiceContext:
    with ctx.db.read() as session:
        user = session.scalars(select(User).where(User.username == username)).one()
        return ctx.as_user(Actor(user.id, user.username, Role(user.role)))


def person_with_title(ctx: ServiceContext, until: date = TODAY + timedelta(weeks=5)) -> tuple[int, int]:
    """Frau Haddad (H: Frau Schweiger), with a § 16d title from an earlier case that ends soon."""
    person = create_person(
        ctx,
        PersonInput(
            "Haddad", "Rania", "01.01.1990", nationality="SYR", sex="w",
            street="Hadwigstraße 7", postcode="78224", city="Singen",
        ),
    )  # fmt: skip
    old_case = open_case(ctx, person.id, QUALIFICATION, applied_on=date(2025, 5, 2)).id
    old_title = add_title(ctx, old_case, "Aufenthaltserlaubnis", "§ 16d AufenthG", date(2025, 6, 1), until)
    with ctx.unit_of_work() as uow:  # that case was decided long ago
        case = uow.session.get(Case, old_case)
        assert case is not None
        case.status, case.decided_on = CaseStatus.CLOSED.value, date(2025, 5, 30)
        uow.commit()
    return person.id, old_title


def receive_all(ctx: ServiceContext, case_id: int) -> None:
    """Every document received and every check of the office (§ 24 VwVfG) done."""
    file = get_case_file(ctx, case_id)
    for line in (*file.checklist, *file.checks):
        mark_received(ctx, line.id)


def test_from_application_to_the_handed_over_card(ctx: ServiceContext) -> None:
    clerk = as_user(ctx, "schweiger")
    person_id, old_title = person_with_title(ctx)
    case_id = open_case(clerk, person_id, QUALIFICATION).id  # the extension, applied before expiry
    assert get_case_file(clerk, case_id).overview.status == CaseStatus.NEW

    with pytest.raises(ValidationError, match="erst nach der Bewilligung"):
        order_card(clerk, case_id)  # no card before the grant
    with pytest.raises(ValidationError, match="Unterlagen fehlen noch") as missing:
        change_status(clerk, case_id, CaseAction.MARK_READY)
    assert missing.value.field == "unterlagen"

    receive_all(clerk, case_id)  # the first document takes the case into work
    change_status(clerk, case_id, CaseAction.MARK_READY)
    assert case_decision(clerk, case_id).status == CaseStatus.READY_FOR_DECISION

    form = grant_form(clerk, case_id)
    assert form.blocked == "" and not form.needs_review
    assert (form.terms.kind, form.terms.legal_basis, form.terms.max_months) == (
        "Aufenthaltserlaubnis",
        "§ 16d AufenthG",
        18,
    )
    assert form.valid_from == TODAY + timedelta(weeks=5, days=1)  # seamless after the old title
    # An extension; the catalogue names only the issue fee for § 16d (seed 000), so that is the fee.
    assert form.extension and (form.fee.cents, form.fee.basis) == (100_00, "Erteilung")
    result = grant(
        clerk,
        case_id,
        form.version,
        GrantInput(
            valid_from=form.valid_from,
            valid_until=form.latest_until(form.valid_from),
            conditions="Erwerbstätigkeit bis zu 20 Stunden je Woche erlaubt.",
        ),
    )
    assert result.in_force and result.grant.status == GrantStatus.GRANTED
    with ctx.db.read() as session:
        case = session.get(Case, case_id)
        assert case is not None and case.status == CaseStatus.GRANTED.value
        assert case.decided_on == TODAY and case.fee_cents == 100_00
        title = session.get(ResidenceTitle, result.grant.title_id)
        assert title is not None and title.case_id == case_id
        assert (title.kind, title.legal_basis) == ("Aufenthaltserlaubnis", "§ 16d AufenthG")
        assert title.valid_until == date(2028, 6, 28)  # 29.12.2026 + 18 months − 1 day
        assert title.conditions == "Erwerbstätigkeit bis zu 20 Stunden je Woche erlaubt."
        reminders = {
            d.title_id: d
            for d in session.scalars(select(Deadline).where(Deadline.kind == DeadlineKind.EXPIRY_REMINDER.value))
        }
    assert reminders[title.id].status == DeadlineStatus.OPEN.value  # the new title's reminder
    assert reminders[title.id].due_date == date(2028, 5, 3)  # eight weeks before it ends
    if old_title in reminders:
        assert reminders[old_title].status != DeadlineStatus.OPEN.value
    history = [(h.action, h.details) for h in get_case_file(clerk, case_id).history]
    assert any(a == "Aufenthaltstitel erteilt" and "Gültig bis: 28.06.2028" in d for a, d in history)
    assert any(a == "Bearbeitungsstand geändert" and "Stand: Entscheidungsreif → Bewilligt" in d for a, d in history)
    newest = get_person_file(clerk, person_id).titles[0]
    assert (newest.kind, newest.valid_until, newest.current) == ("Aufenthaltserlaubnis", date(2028, 6, 28), True)

    card = order_card(clerk, case_id)
    card = record_arrival(clerk, card.id, card.version, SERIAL, True)
    done = hand_over(clerk, card.id, card.version, HandoverInput(card_serial=SERIAL))
    assert done.card.status == CardStatus.HANDED_OVER
    with ctx.db.read() as session:
        title = session.get(ResidenceTitle, result.grant.title_id)
        assert title is not None and title.card_serial == SERIAL  # the card carries the title
    close_case(clerk, case_id, None, "Karte ausgehändigt, Vorgang erledigt")
    decision = case_decision(clerk, case_id)
    assert decision.status == CaseStatus.CLOSED and decision.actions == frozenset()


def test_the_grant_is_refused_where_the_catalogue_or_the_law_says_no(ctx: ServiceContext) -> None:
    clerk = as_user(ctx, "schweiger")
    person_id, _ = person_with_title(ctx)
    case_id = open_case(clerk, person_id, QUALIFICATION).id
    with pytest.raises(ValidationError, match="Unterlagen fehlen noch"):
        grant(clerk, case_id, None, GrantInput(valid_from=TODAY, valid_until=TODAY + timedelta(days=300)))
    receive_all(clerk, case_id)
    with pytest.raises(FieldErrors) as refused:
        grant(
            clerk,
            case_id,
            None,
            GrantInput(
                valid_from=TODAY, valid_until=date(2028, 6, 1), fee_cents=50_00, decided_on=TODAY + timedelta(1)
            ),
        )
    fields = refused.value.by_field()
    assert fields["gueltig_bis"].startswith(
        "Höchstens 18 Monate: ab 23.11.2026 gilt der Titel längstens bis 22.05.2028"
    )
    assert "Datum der Entscheidung liegt in der Zukunft" in fields["entschieden_am"]
    assert "bitte den Grund angeben" in fields["gebuehr_grund"]
    with ctx.db.read() as session:  # nothing saved half
        assert session.get(Case, case_id).status == CaseStatus.IN_PROGRESS.value  # type: ignore[union-attr]
        assert session.scalar(select(ResidenceTitle.id).where(ResidenceTitle.case_id == case_id)) is None

    result = grant(
        clerk,
        case_id,
        None,
        GrantInput(
            valid_from=TODAY,
            valid_until=date(2027, 11, 22),
            fee_cents=0,
            fee_reason="Befreiung nach § 53 Abs. 1 Nr. 8 AufenthV (Bezug von Leistungen nach dem SGB II)",
        ),
    )
    assert result.grant.fee_cents == 0
    with ctx.db.read() as session:
        logged = session.scalars(
            select(AuditEvent.payload_json).where(
                AuditEvent.action == "gebuehr_festgesetzt", AuditEvent.case_id == case_id
            )
        ).one()
    # an extension of the § 16d permit she holds: § 45 Nr. 2 Buchst. b AufenthV, not the issue fee
    assert json.loads(logged)["gebuehr"] == {"alt": "93,00 EUR", "neu": "0,00 EUR"}
    with pytest.raises(ValidationError, match="nicht möglich"):  # decided once
        grant(clerk, case_id, None, GrantInput(valid_from=TODAY, valid_until=date(2027, 11, 22)))


def test_a_settlement_permit_is_unlimited_and_a_duldung_gets_no_card(ctx: ServiceContext) -> None:
    person = create_person(ctx, PersonInput("Aziz", "Omid", "02.02.1988", nationality="AFG"))
    settled = open_case(ctx, person.id, "SIN-NIEDERLASSUNG").id
    receive_all(ctx, settled)
    with pytest.raises(ValidationError, match="unbefristet"):
        grant(ctx, settled, None, GrantInput(valid_from=TODAY, valid_until=date(2030, 1, 1)))
    result = grant(ctx, settled, None, GrantInput(valid_from=TODAY))
    assert result.grant.valid_until is None and result.grant.fee_cents == 113_00
    assert case_decision(ctx, settled).card_refusal is None
    tolerated = open_case(ctx, person.id, "SIN-DULDUNG").id
    receive_all(ctx, tolerated)  # the Duldung has its checklist now (issue 23, part 12)
    grant(ctx, tolerated, None, GrantInput(valid_from=TODAY, valid_until=TODAY + timedelta(days=180)))
    with pytest.raises(ValidationError, match="nicht als eAT-Karte"):
        order_card(ctx, tolerated)


def test_under_four_eyes_a_second_team_lead_approves_or_returns(ctx: ServiceContext) -> None:
    create_user(ctx, "soelter", "Frau Sölter", Role.TEAM_LEAD, area="allgemein")
    update_office_settings(ctx, grant_review="alle")
    clerk, lead = as_user(ctx, "schweiger"), as_user(ctx, "soelter")
    person_id, _ = person_with_title(ctx)
    case_id = open_case(clerk, person_id, QUALIFICATION).id
    receive_all(clerk, case_id)
    assert grant_form(clerk, case_id).needs_review
    submitted = grant(clerk, case_id, None, GrantInput(valid_from=TODAY, valid_until=date(2027, 11, 22)))
    assert not submitted.in_force and submitted.grant.status == GrantStatus.IN_REVIEW
    decision = case_decision(clerk, case_id)
    assert decision.status == CaseStatus.READY_FOR_DECISION and decision.pending is not None
    assert not decision.may_review and CaseAction.GRANT not in decision.actions
    with pytest.raises(ValidationError, match="erst nach der Bewilligung"):
        order_card(clerk, case_id)
    with pytest.raises(PermissionDenied):
        approve_grant(clerk, submitted.grant.id)
    create_user(ctx, "asyllead", "Frau Asyl", Role.TEAM_LEAD, area="asyl")
    with pytest.raises(PermissionDenied, match="Teamleitung des Bereichs"):
        approve_grant(as_user(ctx, "asyllead"), submitted.grant.id)
    (waiting,) = pending_grants(lead)
    assert (waiting.case_id, waiting.proposed_by, waiting.own) == (case_id, "Frau Schweiger", False)
    assert waiting.summary == "Aufenthaltserlaubnis nach § 16d AufenthG, gültig ab 23.11.2026 bis 22.11.2027"
    assert pending_grants(clerk) == []  # only team leads approve

    returned = return_grant(lead, submitted.grant.id, None, "Bitte nur bis zum Ende der Maßnahme (31.07.2027).")
    assert returned.status == GrantStatus.RETURNED and returned.reviewed_by == "Frau Sölter"
    assert case_decision(clerk, case_id).status == CaseStatus.IN_PROGRESS
    again = grant(clerk, case_id, None, GrantInput(valid_from=TODAY, valid_until=date(2027, 7, 31)))
    approved = approve_grant(lead, again.grant.id, again.grant.version)
    assert approved.status == GrantStatus.GRANTED and approved.title_id is not None
    assert case_decision(clerk, case_id).status == CaseStatus.GRANTED
    assert order_card(clerk, case_id).status == CardStatus.ORDERED
    with ctx.db.read() as session:
        actions = list(session.scalars(select(AuditEvent.action).where(AuditEvent.case_id == case_id)))
    assert {"bewilligung_vorgelegt", "bewilligung_zurueckgegeben", "bewilligung_freigegeben"} <= set(actions)


def test_four_eyes_without_a_second_lead_is_said_at_submission(ctx: ServiceContext) -> None:
    create_user(ctx, "soelter", "Frau Sölter", Role.TEAM_LEAD, area="allgemein")
    update_office_settings(ctx, grant_review="unbefristet")
    lead = as_user(ctx, "soelter")
    person = create_person(ctx, PersonInput("Haddad", "Samir", "01.01.1980", nationality="SYR"))
    case_id = open_case(lead, person.id, "SIN-NIEDERLASSUNG").id
    receive_all(lead, case_id)
    with pytest.raises(ValidationError, match="keine andere Teamleitung"):
        grant(lead, case_id, None, GrantInput(valid_from=TODAY))
    assert case_decision(lead, case_id).status == CaseStatus.IN_PROGRESS  # nothing saved half


def test_withdrawal_ends_the_application_and_brings_the_old_reminder_back(
    ctx: ServiceContext, clock: FixedClock
) -> None:
    clerk = as_user(ctx, "schweiger")
    person_id, old_title = person_with_title(ctx, until=TODAY + timedelta(weeks=20))
    case_id = open_case(clerk, person_id, QUALIFICATION).id  # closes the old title's reminder (Fiktion)
    with ctx.db.read() as session:
        reminder = session.scalars(select(Deadline).where(Deadline.title_id == old_title)).one()
        assert reminder.status == DeadlineStatus.DONE.value
    with pytest.raises(ValidationError, match="Zukunft"):
        withdraw(clerk, case_id, None, TODAY + timedelta(days=1), WithdrawalWay.WRITING)
    withdraw(clerk, case_id, None, TODAY, WithdrawalWay.RECORD, "Zieht nach Hamburg")
    decision = case_decision(clerk, case_id)
    assert decision.status == CaseStatus.WITHDRAWN
    assert decision.outcome_note == (
        "Antrag zur Niederschrift bei der Behörde zurückgenommen am 23.11.2026: Zieht nach Hamburg"
    )
    with ctx.db.read() as session:
        open_reminders = session.scalars(
            select(Deadline).where(Deadline.title_id == old_title, Deadline.status == DeadlineStatus.OPEN.value)
        ).all()
        processing = session.scalars(
            select(Deadline.status).where(Deadline.case_id == case_id, Deadline.kind == DeadlineKind.PROCESSING.value)
        ).all()
    assert len(open_reminders) == 1  # the old title again needs the extension applied for
    assert set(processing) <= {DeadlineStatus.CANCELLED.value}
    with pytest.raises(ValidationError, match="nicht möglich"):
        grant(clerk, case_id, None, GrantInput(valid_from=TODAY, valid_until=date(2027, 1, 1)))
    with pytest.raises(ValidationError, match="ändern sich nicht mehr"):
        mark_received(clerk, get_case_file(clerk, case_id).checklist[0].id)


def test_a_case_with_a_card_not_handed_over_stays_open(ctx: ServiceContext) -> None:
    clerk = as_user(ctx, "schweiger")
    person_id, _ = person_with_title(ctx)
    case_id = open_case(clerk, person_id, QUALIFICATION).id
    with pytest.raises(ValidationError, match="warum"):
        close_case(clerk, case_id, None, "  ")
    receive_all(clerk, case_id)
    grant(clerk, case_id, None, GrantInput(valid_from=TODAY, valid_until=date(2027, 11, 22)))
    order_card(clerk, case_id)
    with pytest.raises(ValidationError, match="noch nicht ausgehändigt"):
        close_case(clerk, case_id, None, "erledigt")


def test_a_card_ordered_before_the_grant_is_not_handed_over(ctx: ServiceContext) -> None:
    """Cards from before this rule (or written around it) are stopped at the counter."""
    clerk = as_user(ctx, "schweiger")
    person_id, _ = person_with_title(ctx)
    case_id = open_case(clerk, person_id, QUALIFICATION).id
    with ctx.unit_of_work() as uow:
        card = CardOrder(case_id=case_id, status=CardStatus.ORDERED.value, ordered_on=TODAY, chip_checked=False)
        uow.session.add(card)
        uow.commit()
        card_id = card.id
    arrived = record_arrival(clerk, card_id, None, SERIAL, True)
    with pytest.raises(ValidationError, match="nicht bewilligt"):
        hand_over(clerk, arrived.id, arrived.version, HandoverInput(card_serial=SERIAL))


def test_waiting_for_documents_comes_back_when_the_last_one_is_in(ctx: ServiceContext) -> None:
    from abh_desk.services.case_letters import create_missing_documents_letter

    clerk = as_user(ctx, "schweiger")
    person_id, _ = person_with_title(ctx)
    case_id = open_case(clerk, person_id, QUALIFICATION).id
    create_missing_documents_letter(clerk, case_id)
    assert case_decision(clerk, case_id).status == CaseStatus.WAITING_FOR_DOCUMENTS
    lines = get_case_file(clerk, case_id).checklist
    for line in lines[:-1]:
        mark_received(clerk, line.id)
    assert case_decision(clerk, case_id).status == CaseStatus.WAITING_FOR_DOCUMENTS
    waive_document(clerk, lines[-1].id, "liegt der Behörde aus dem Vorverfahren vor")
    assert case_decision(clerk, case_id).status == CaseStatus.IN_PROGRESS
    with ctx.db.read() as session:
        follow_up = session.scalars(
            select(Deadline).where(Deadline.case_id == case_id, Deadline.kind == DeadlineKind.FOLLOW_UP.value)
        ).one()
    assert follow_up.status == DeadlineStatus.DONE.value and "vollständig" in (follow_up.note or "")


def test_an_administrator_signed_in_does_not_decide_cases(ctx: ServiceContext) -> None:
    create_user(ctx, "osswald", "Herr Osswald", Role.ADMIN)
    admin = as_user(ctx, "osswald")
    person_id, _ = person_with_title(ctx)
    case_id = open_case(ctx, person_id, QUALIFICATION).id
    with pytest.raises(PermissionDenied):
        change_status(admin, case_id, CaseAction.START)
    assert case_decision(admin, case_id).actions == frozenset()


def test_a_title_recorded_without_a_grant_is_shown_with_its_case(ctx: ServiceContext) -> None:
    _person, title_id = person_with_title(ctx, until=date(2027, 5, 31))
    with ctx.db.read() as session:
        old_case = session.get(ResidenceTitle, title_id).case_id  # type: ignore[union-attr]
    assert old_case is not None
    decision = case_decision(ctx, old_case)
    assert decision.grants == ()
    assert decision.recorded_titles == (
        "Aufenthaltserlaubnis nach § 16d AufenthG, gültig ab 01.06.2025 bis 31.05.2027",
    )
