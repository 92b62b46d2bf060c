"""The catalogue's proofs the office establishes itself, offer periods and validity by variant,
through the services on SQLite and PostgreSQL (issue 16, part 7): what the authority checks (§ 24
VwVfG) is a list of its own on the case, never in a Nachforderung or the count of missing documents,
and the grant waits for it; § 104c AufenthG is not offered after 31.12.2025; the job search title's
maximum validity follows the case (§ 20 Abs. 1: 6 months, Abs. 3 Nr. 1: 18 after studies here)."""

from __future__ import annotations

import io
import sqlite3
from datetime import date
from pathlib import Path

import pypdf
import pytest
from sqlalchemy import select

from abh_desk import migrate
from abh_desk.domain.case_flow import CaseAction
from abh_desk.domain.enums import ChecklistStatus, Role
from abh_desk.errors import ValidationError
from abh_desk.services.case_file import get_case_file, mark_missing, mark_received, set_facts, waive_document
from abh_desk.services.case_letters import create_missing_documents_letter, letter_pdf
from abh_desk.services.case_status import change_status
from abh_desk.services.cases import open_case
from abh_desk.services.context import Actor, ServiceContext
from abh_desk.services.grants import GrantInput, grant, grant_form
from abh_desk.services.persons import PersonInput, create_person
from abh_desk.storage import Database
from models import AuditEvent, ChecklistItem, User

TODAY = date(2026, 11, 23)  # a Monday
EMPLOYMENT = "SIN-BESCHAEFTIGUNG"
JOB_SEARCH = "SIN-ARBEITSPLATZSUCHE"
STUDIES = "SIN-STUDIUM"
CHANCEN = "MUC-CHANCEN-AUFENTHALTSRECHT"


def _clerk(ctx: ServiceContext) -> ServiceContext:
    with ctx.db.read() as session:
        user = session.scalars(select(User).where(User.username == "schweiger")).one()
        return ctx.as_user(Actor(user.id, user.username, Role(user.role)))


def _case(ctx: ServiceContext, procedure: str, applied_on: date = TODAY) -> int:
    person = create_person(
        ctx,
        PersonInput(
            "Haddad", "Samir", "01.01.1990", nationality="SYR", sex="m",
            street="Hadwigstraße 7", postcode="78224", city="Singen",
        ),
        duplicate_reason="Testperson, bewusst gleich angelegt",
    )  # fmt: skip
    return open_case(ctx, person.id, procedure, applied_on=applied_on).id


def _text(pdf: bytes) -> str:
    return " ".join(page.extract_text() for page in pypdf.PdfReader(io.BytesIO(pdf)).pages)


def test_the_office_checks_are_a_list_of_their_own_never_asked_of_the_applicant(ctx: ServiceContext) -> None:
    clerk = _clerk(ctx)
    case_id = _case(clerk, EMPLOYMENT)
    file = get_case_file(clerk, case_id)
    checks = [line.text for line in file.checks]
    assert checks == [check.text for check in ctx.catalogue.get(EMPLOYMENT).checks] and len(checks) == 2
    assert any("§ 5 Abs. 1 Nr. 2 AufenthG" in text for text in checks)
    assert all(line.status_label == "offen" and line.authority_check for line in file.checks)
    assert not any("Ausweisungsinteresse" in line.text or "Interessen der" in line.text for line in file.checklist)
    assert file.missing == len(file.checklist) and file.open_checks == 2

    # The Nachforderung asks for the documents only.
    mark_received(clerk, file.checklist[0].id)
    row = create_missing_documents_letter(clerk, case_id, due=date(2026, 12, 21))
    text = _text(letter_pdf(clerk, row.id))
    assert file.checklist[1].text[:40] in text
    assert "Ausweisungsinteresse" not in text and "Interessen der Bundesrepublik" not in text

    # Documents complete, checks open: not ready, no grant; the checks are ticked as checks.
    for line in get_case_file(clerk, case_id).checklist:
        if line.status == ChecklistStatus.MISSING:
            mark_received(clerk, line.id)
    assert get_case_file(clerk, case_id).missing == 0
    with pytest.raises(ValidationError, match="2 Prüfungen der Behörde sind noch offen") as refused:
        change_status(clerk, case_id, CaseAction.MARK_READY)
    assert refused.value.field == "pruefungen"
    assert "Prüfungen der Behörde" in grant_form(clerk, case_id).blocked
    first, second = get_case_file(clerk, case_id).checks
    after = mark_received(clerk, first.id)
    assert after.checks[0].status_label == "geprüft" and after.open_checks == 1
    with pytest.raises(ValidationError, match="Eine Prüfung der Behörde ist noch offen") as refused:
        grant(clerk, case_id, None, GrantInput(valid_from=TODAY, valid_until=date(2027, 11, 22)))
    assert refused.value.field == "pruefungen"
    after = waive_document(clerk, second.id, "Zustimmungsfreie Beschäftigung, keine Anfrage nötig.")
    assert after.checks[1].status_label == "entfällt"
    after = mark_missing(clerk, second.id, after.checks[1].version)
    assert after.checks[1].status_label == "offen"
    mark_received(clerk, second.id)
    assert grant_form(clerk, case_id).blocked == ""
    grant(clerk, case_id, None, GrantInput(valid_from=TODAY, valid_until=date(2027, 11, 22)))
    with ctx.db.read() as session:
        actions = list(session.scalars(select(AuditEvent.action).where(AuditEvent.case_id == case_id)))
    assert {"pruefung_erledigt", "pruefung_entfaellt", "pruefung_offen"} <= set(actions)


def test_the_ba_consent_is_obtained_by_the_office_not_brought_by_the_applicant(ctx: ServiceContext) -> None:
    file = get_case_file(ctx, _case(ctx, "LSA-16A-AUSBILDUNG"))
    assert [line.text for line in file.checks] == [
        "Zustimmung der Bundesagentur für Arbeit (§ 39 AufenthG), von der Ausländerbehörde eingeholt"
    ]
    assert not any("Bundesagentur" in line.text for line in file.checklist)


def test_chancen_aufenthaltsrecht_is_not_opened_after_its_end_but_earlier_cases_keep_it(
    ctx: ServiceContext,
) -> None:
    assert CHANCEN not in {entry.key for entry in ctx.catalogue.offered(TODAY)}
    assert CHANCEN in {entry.key for entry in ctx.catalogue.offered(date(2025, 12, 31))}
    with pytest.raises(ValidationError, match=r"nur bis zum 31\.12\.2025 beantragt") as refused:
        _case(ctx, CHANCEN)
    assert refused.value.field == "leistung"
    with pytest.raises(ValidationError, match="nicht mehr möglich"):
        _case(ctx, CHANCEN, applied_on=date(2026, 1, 1))
    earlier = _case(ctx, CHANCEN, applied_on=date(2025, 12, 31))  # applied in time, recorded now
    assert get_case_file(ctx, earlier).overview.procedure_name == "Chancen-Aufenthaltsrecht"


def test_the_job_search_title_runs_6_months_or_18_after_studies_in_germany(ctx: ServiceContext) -> None:
    clerk = _clerk(ctx)
    case_id = _case(clerk, JOB_SEARCH)
    for line in (*(file := get_case_file(clerk, case_id)).checklist, *file.checks):
        mark_received(clerk, line.id)
    facts = dict(get_case_file(clerk, case_id).overview.available_facts)
    assert facts["nach_studium_inland"] == "nur nach einem Studium im Bundesgebiet"
    form = grant_form(clerk, case_id)
    assert form.terms.max_months == 6 and form.valid_until == date(2027, 5, 22)
    with pytest.raises(ValidationError, match=r"^Höchstens 6 Monate: .* bis 22\.05\.2027"):
        grant(clerk, case_id, None, GrantInput(valid_from=TODAY, valid_until=date(2027, 5, 23)))
    set_facts(clerk, case_id, {"nach_studium_inland"})
    form = grant_form(clerk, case_id)
    assert (form.terms.max_months, form.terms.max_basis) == (18, "§ 20 Abs. 3 Nr. 1 AufenthG")
    with pytest.raises(ValidationError, match=r"^Höchstens 18 Monate: .*\(§ 20 Abs\. 3 Nr\. 1 AufenthG\)"):
        grant(clerk, case_id, None, GrantInput(valid_from=TODAY, valid_until=date(2028, 5, 23)))
    result = grant(clerk, case_id, None, GrantInput(valid_from=TODAY, valid_until=date(2028, 5, 22)))
    assert result.grant.valid_until == date(2028, 5, 22)


def test_a_study_applicant_gets_at_most_9_months(ctx: ServiceContext) -> None:
    clerk = _clerk(ctx)
    case_id = _case(clerk, STUDIES)
    assert grant_form(clerk, case_id).terms.max_months == 24
    set_facts(clerk, case_id, {"studienbewerbung"})
    assert (grant_form(clerk, case_id).terms.max_months, grant_form(clerk, case_id).terms.max_basis) == (
        9,
        "§ 17 Abs. 2 AufenthG",
    )
    set_facts(clerk, case_id, {"sprachkurs"})
    assert grant_form(clerk, case_id).terms.max_months == 12


def test_lines_stored_before_become_checks_when_the_database_is_upgraded(tmp_path: Path) -> None:
    """A case opened before the catalogue kept the proofs apart: the migration marks its catalogue
    lines with the earlier wording as checks; a line the caseworker added stays a document."""
    from alembic import command

    path = tmp_path / "alt.sqlite3"
    db = Database(f"sqlite:///{path}")
    config = migrate.alembic_config()
    with db.engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "8db81932bbc2")
    db.dispose()
    rows = [
        (1, "Nachweis, dass kein Ausweisungsinteresse vorliegt", 0),
        (2, "Zustimmung der Bundesagentur für Arbeit (wird in der Regel von der Ausländerbehörde eingeholt)", 0),
        (3, "Gültiger Reisepass", 0),
        (4, "Nachweis, dass kein Ausweisungsinteresse vorliegt", 1),  # added by hand in that case
    ]
    with sqlite3.connect(path) as raw:  # foreign keys are not enforced by this plain connection
        raw.executemany(
            "INSERT INTO checklist_items (case_id, position, text, extra, status, version) "
            "VALUES (1, ?, ?, ?, 'fehlt', 1)",
            rows,
        )
    db = Database(f"sqlite:///{path}")
    migrate.upgrade(db)
    with db.read() as session:
        flags = {item.position: item.authority_check for item in session.scalars(select(ChecklistItem))}
    db.dispose()
    assert flags == {1: True, 2: True, 3: False, 4: False}
