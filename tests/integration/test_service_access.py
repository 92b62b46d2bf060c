"""Every service that reads or changes a case (or a person's file as a whole) checks who may: a
caseworker without access to the case is refused by each of them, and a new service cannot be
added without being listed here (issue 24, part 4)."""

from __future__ import annotations

import importlib
import inspect
import io
import pkgutil
import tempfile
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

import pytest
from sqlalchemy import select

import abh_desk.services as services
from abh_desk.domain.case_flow import CaseAction
from abh_desk.domain.enums import DeadlineKind, Role
from abh_desk.errors import PermissionDenied
from abh_desk.services.auth import create_user
from abh_desk.services.case_access import ReasonRequired
from abh_desk.services.case_file import get_case_file
from abh_desk.services.case_letters import create_missing_documents_letter
from abh_desk.services.cases import open_case
from abh_desk.services.context import Actor, ServiceContext
from abh_desk.services.persons import PersonInput, create_person
from abh_desk.services.rejections import RejectionDraft, draft_rejection
from abh_desk.services.titles import add_title
from letters.data import RefusalGround
from models import Deadline, User

TODAY = date(2026, 11, 23)
SCOPED = (
    "case_id", "letter_id", "item_id", "deadline_id", "title_id", "person_id", "card_id", "grant_id", "document_id",
    "id",
)  # fmt: skip
#: Services that take such an id without a case check, and why.
EXEMPT = {
    "cases.open_case": "a case is opened for any person at the counter; it goes to its owner",
    "persons.get_person_file": "persons are found and their file opened by everyone at the counter (logged)",
    "persons.update_person": "master data are kept at the counter (logged, version-checked)",
    "representatives.representation": "part of the person's file, open to everyone at the counter (logged)",
    "persons.person_rows": "search results: name, birth date, no case",
    "record_changes.compare_person": "the counter's own edit of the person, compared with the stored one",
    "case_access.open_with_reason": "the way to get access: with a logged reason",
    "card_handover.hand_over": "card logistics are the counter's, for every card of the office",
    "card_handover.handover_form": "card logistics are the counter's, for every card of the office",
    "cards.close_card": "card logistics are the counter's, for every card of the office",
    "cards.record_arrival": "card logistics are the counter's, for every card of the office",
    "cards.record_notification": "card logistics are the counter's, for every card of the office",
    "cards.pickup_reminders": "card logistics are the counter's, for every card of the office",
    "reminder_letters.reminder_batch": "the back office's batch for every title that runs out",
    "caselists.case_list_rows": "rows of the lists whose ids the scope's query returned",
    "retention.run": "administration only (checked there)",
    "worklists.worklist_rows": "rows of the worklist whose ids the scope's query returned",
    "grants.approve_grant": "only a team lead of the case's area, not the proposer (test_grants)",
    "grants.return_grant": "only a team lead of the case's area, not the proposer (test_grants)",
    "e_file.person_of_case": "the command line's look-up of a case's person; what it opens checks access",
    "appointment_hours.free_slots": "the phone: the responsible caseworker's free time for any caller, no case content",
    "appointments.book": "the phone and the counter book for every person of the office (logged); no case content",
    "appointments.walk_in": "the counter gives a waiting number to anyone who comes (logged)",
    "appointment_lists.booking_choices": "the counter's choice of concern: Aktenzeichen and procedure names only",
}


def _scoped_services() -> set[str]:
    found = set()
    for info in pkgutil.iter_modules(services.__path__):
        module = importlib.import_module(f"abh_desk.services.{info.name}")
        for name, function in inspect.getmembers(module, inspect.isfunction):
            if function.__module__ != module.__name__ or name.startswith("_"):
                continue
            parameters = list(inspect.signature(function).parameters)
            if parameters[:1] == ["ctx"] and len(parameters) > 1 and parameters[1].removesuffix("s") in SCOPED:
                found.add(f"{info.name}.{name}")
    return found


@pytest.fixture
def stranger(ctx: ServiceContext) -> tuple[ServiceContext, dict[str, int]]:
    """A case of Frau Schweiger's (H) with a notice, a checklist line, a deadline, a title and a
    letter; and Frau Rudolf (C), who has no access to it."""
    person = create_person(ctx, PersonInput("Haddad", "Rania", "01.01.1990", nationality="SYR", street="Weg 1",
                                            postcode="78224", city="Singen"))  # fmt: skip
    case_id = open_case(ctx, person.id, "99010019001008", applied_on=TODAY - timedelta(days=30)).id
    with ctx.db.read() as session:
        ids = dict(session.execute(select(User.username, User.id)).all())
    owner = ctx.as_user(Actor(ids["schweiger"], "schweiger", Role.CASEWORKER))
    draft = RejectionDraft((RefusalGround("visum", "Einreise ohne Visum."),), "Einreise 2026.")
    letter_id = draft_rejection(owner, case_id, draft)
    item_id = get_case_file(owner, case_id).checklist[0].id
    from abh_desk.services.deadlines import set_follow_up

    deadline_id = set_follow_up(owner, case_id, TODAY + timedelta(days=7), "nachfragen")
    title_id = add_title(owner, case_id, "Aufenthaltserlaubnis", "§ 16d AufenthG", TODAY, TODAY + timedelta(days=300))
    nachforderung = create_missing_documents_letter(owner, case_id).id
    from abh_desk.services.documents import attach_document
    from tests.support.scans import image

    scan = image(Path(tempfile.mkdtemp()) / "pass.png", "PNG")
    document = attach_document(owner, scan, case_id=case_id).document.id
    create_user(ctx, "asyllead", "Frau Asyl", Role.TEAM_LEAD, area="asyl")
    with ctx.db.read() as session:
        lead_id = session.scalar(select(User.id).where(User.username == "asyllead"))
        assert session.scalar(select(Deadline.kind).where(Deadline.id == deadline_id)) == DeadlineKind.FOLLOW_UP.value
    assert lead_id is not None
    refs = {
        "case": case_id, "letter": letter_id, "item": item_id, "deadline": deadline_id, "title": title_id,
        "person": person.id, "nachforderung": nachforderung, "asyllead": lead_id, "document": document,
    }  # fmt: skip
    return ctx.as_user(Actor(ids["rudolf"], "rudolf", Role.CASEWORKER)), refs


def _nowhere() -> Path:
    """Where a refused hand-over would have written its package (it must not get that far)."""
    return Path(tempfile.mkdtemp()) / "abgabe.zip"


def _calls(refs: dict[str, int]) -> dict[str, Callable[[ServiceContext], object]]:
    from abh_desk.services import (
        assignment,
        cards,
        case_access,
        case_file,
        case_letters,
        case_status,
        court_file,
        deadlines,
        documents,
        e_file,
        fees,
        file_handover,
        grants,
        notice_dispatch,
        notice_review,
        notices,
        rejections,
        reminder_letters,
        representatives,
        retention,
        stay,
        titles,
    )  # fmt: skip

    case, letter, item = refs["case"], refs["letter"], refs["item"]
    draft = RejectionDraft((RefusalGround("visum", "x"),), "y")
    return {
        "assignment.reassign_case": lambda c: assignment.reassign_case(c, case, "keller", "Urlaub der Kollegin"),
        "case_access.share_case": lambda c: case_access.share_case(c, case, "keller", TODAY, "Bitte prüfen, danke"),
        "case_file.add_document": lambda c: case_file.add_document(c, case, "Meldebescheinigung"),
        "case_file.get_case_file": lambda c: case_file.get_case_file(c, case),
        "case_file.mark_missing": lambda c: case_file.mark_missing(c, item),
        "case_file.mark_received": lambda c: case_file.mark_received(c, item),
        "case_file.set_facts": lambda c: case_file.set_facts(c, case, set()),
        "case_file.waive_document": lambda c: case_file.waive_document(c, item, "liegt vor"),
        "case_letters.case_letters": lambda c: case_letters.case_letters(c, case),
        "case_letters.create_missing_documents_letter": lambda c: case_letters.create_missing_documents_letter(c, case),
        "case_letters.letter_pdf": lambda c: case_letters.letter_pdf(c, refs["nachforderung"]),
        "case_letters.reprint": lambda c: case_letters.reprint(c, refs["nachforderung"]),
        "cards.case_cards": lambda c: cards.case_cards(c, case),
        "cards.order_card": lambda c: cards.order_card(c, case),
        "case_status.change_status": lambda c: case_status.change_status(c, case, CaseAction.START),
        "case_status.close_case": lambda c: case_status.close_case(c, case, None, "Weggezogen nach Berlin"),
        "case_status.withdraw": lambda c: case_status.withdraw(c, case, None, TODAY, case_status.WithdrawalWay.WRITING),
        "deadlines.case_deadlines": lambda c: deadlines.case_deadlines(c, case),
        "deadlines.complete_deadline": lambda c: deadlines.complete_deadline(c, refs["deadline"], "erledigt"),
        "deadlines.record_dispatch": lambda c: deadlines.record_dispatch(c, case, TODAY),
        "deadlines.record_entry": lambda c: deadlines.record_entry(c, case, TODAY - timedelta(days=20)),
        "deadlines.set_follow_up": lambda c: deadlines.set_follow_up(c, case, TODAY + timedelta(days=3)),
        "fees.refusal_fee": lambda c: fees.refusal_fee(c, case),
        "documents.case_documents": lambda c: documents.case_documents(c, case),
        "documents.read_document": lambda c: documents.read_document(c, refs["document"]),
        "documents.copy_document": lambda c: documents.copy_document(c, refs["document"], io.BytesIO()),
        "documents.remove_document": lambda c: documents.remove_document(c, refs["document"], "falsche Person"),
        "e_file.get_e_file": lambda c: e_file.get_e_file(c, refs["person"]),
        "court_file.build_court_file": lambda c: court_file.build_court_file(
            c, refs["person"], _nowhere().with_suffix(".pdf")
        ),
        "file_handover.hand_over": lambda c: file_handover.hand_over(c, refs["person"], "Stadt Konstanz", _nowhere()),
        "file_handover.handover_summary": lambda c: file_handover.handover_summary(c, refs["person"]),
        "grants.case_decision": lambda c: grants.case_decision(c, case),
        "grants.case_grants": lambda c: grants.case_grants(c, case),
        "grants.grant": lambda c: grants.grant(c, case, None, grants.GrantInput(valid_from=TODAY)),
        "grants.grant_form": lambda c: grants.grant_form(c, case),
        "notice_dispatch.decide_remedy": lambda c: notice_dispatch.decide_remedy(
            c, letter, 1, "zurueckgewiesen", TODAY
        ),  # type: ignore[arg-type]
        "notice_dispatch.dispatch": lambda c: notice_dispatch.dispatch(c, letter, 1, TODAY),
        "notice_dispatch.record_remedy": lambda c: notice_dispatch.record_remedy(c, letter, 1, TODAY),
        "notice_review.approve": lambda c: notice_review.approve(c, letter, 1),
        "notice_review.return_to_author": lambda c: notice_review.return_to_author(c, letter, 1, "Bitte ergänzen"),
        "notice_review.submit_for_review": lambda c: notice_review.submit_for_review(c, letter, 1),
        "notices.notice_view": lambda c: notices.notice_view(c, letter),
        "rejections.draft_of": lambda c: rejections.draft_of(c, letter),
        "rejections.draft_rejection": lambda c: rejections.draft_rejection(c, case, draft),
        "rejections.new_draft": lambda c: rejections.new_draft(c, case),
        "rejections.notice_in_work": lambda c: rejections.notice_in_work(c, case),
        "rejections.record_statement": lambda c: rejections.record_statement(c, letter, 1, TODAY),
        "rejections.send_hearing": lambda c: rejections.send_hearing(c, letter, 1),
        "rejections.update_rejection": lambda c: rejections.update_rejection(c, letter, 1, draft),
        "rejections.waive_hearing": lambda c: rejections.waive_hearing(c, letter, 1, "Verzicht erklärt, schriftlich"),
        "reminder_letters.reminder_of_case": lambda c: reminder_letters.reminder_of_case(c, case),
        "representatives.add_representative": lambda c: representatives.add_representative(
            c,
            refs["person"],
            representatives.RepresentativeInput("vormund", "Vogt", street="A", postcode="78224", city="S"),
        ),
        "retention.record_event": lambda c: retention.record_event(c, refs["person"], "tod", TODAY),
        "stay.decision_status": lambda c: stay.decision_status(c, case),
        "titles.add_title": lambda c: titles.add_title(c, case, "Aufenthaltserlaubnis", "§ 16d AufenthG", TODAY, None),
        "titles.change_validity": lambda c: titles.change_validity(c, refs["title"], TODAY + timedelta(days=30)),
    }


def test_every_service_on_a_case_is_listed_checked_or_exempt_with_its_reason(
    stranger: tuple[ServiceContext, dict[str, int]],
) -> None:
    _rudolf, refs = stranger
    listed = set(_calls(refs)) | set(EXEMPT)
    assert _scoped_services() - listed == set(), "a new service on a case: check access and list it here"
    assert listed - _scoped_services() == set(), "listed here but no longer a service"


def test_a_caseworker_without_access_is_refused_by_each(stranger: tuple[ServiceContext, dict[str, int]]) -> None:
    rudolf, refs = stranger
    passed = []
    for name, call in _calls(refs).items():
        try:
            call(rudolf)
        except (ReasonRequired, PermissionDenied):
            continue
        passed.append(name)
    assert passed == [], "served a caseworker without access to the case"


def test_another_areas_lead_does_not_reassign_the_case(stranger: tuple[ServiceContext, dict[str, int]]) -> None:
    from abh_desk.services.assignment import reassign_case

    rudolf, refs = stranger
    lead = rudolf.as_user(Actor(refs["asyllead"], "asyllead", Role.TEAM_LEAD))
    with pytest.raises(PermissionDenied, match="anderen Bereichs"):
        reassign_case(lead, refs["case"], "keller", "Urlaub der Kollegin")
