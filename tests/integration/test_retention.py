"""Retention: the rule table, recording the events periods run from, a preview that deletes nothing,
and a logged run that deletes exactly the due files and erases their personal data from the audit
trail without breaking the chain. On SQLite and PostgreSQL."""

from __future__ import annotations

import io
from datetime import date

import pytest
from sqlalchemy import func, select

from abh_desk import audit_chain
from abh_desk.cli import main
from abh_desk.domain.enums import CaseStatus, Role
from abh_desk.errors import NotFound, PermissionDenied, ValidationError
from abh_desk.services import retention
from abh_desk.services.cases import open_case
from abh_desk.services.context import Actor, ServiceContext
from abh_desk.services.deadlines import set_follow_up
from abh_desk.services.office import update_office_settings
from abh_desk.services.persons import PersonInput, create_person, get_person_file
from abh_desk.services.titles import add_title
from models import AuditEvent, Case, ChecklistItem, Deadline, Person, ResidenceTitle, RetentionEvent
from tests.support.cli_login import sign_in_cli

TODAY = date(2026, 11, 21)
PROCEDURE = "99010019001008"


@pytest.fixture(autouse=True)
def no_archive_offer(ctx: ServiceContext) -> None:
    """Deletion as such; the offer to the archive before it is tests/integration/test_xdomea_archive.py."""
    update_office_settings(ctx, archive_offer=False)


def _person(ctx: ServiceContext, family: str) -> int:
    return create_person(ctx, PersonInput(family, "Ayşe", "12.03.1990", nationality="TUR")).id


def _file_with_everything(ctx: ServiceContext, family: str, status: CaseStatus = CaseStatus.CLOSED) -> int:
    pid = _person(ctx, family)
    case = open_case(ctx, pid, PROCEDURE, applied_on=date(2013, 5, 2))
    add_title(ctx, case.id, "Aufenthaltserlaubnis", "§ 16d AufenthG", date(2013, 6, 1), date(2014, 6, 1))
    set_follow_up(ctx, case.id, date(2026, 12, 1), "Wiedervorlage")
    get_person_file(ctx, pid)  # a read entry with the person's id
    with ctx.unit_of_work() as uow:
        stored = uow.session.get(Case, case.id)
        assert stored is not None
        stored.status = status.value
        uow.audit("status_geaendert", "case", case.id, case_id=case.id, status={"alt": "neu", "neu": status.value})
        uow.commit()
    return pid


def _count(ctx: ServiceContext, model: type, **where: object) -> int:
    with ctx.db.read() as session:
        stmt = select(func.count()).select_from(model)
        for name, value in where.items():
            stmt = stmt.where(getattr(model, name) == value)
        return int(session.scalar(stmt) or 0)


def test_the_rule_table_holds_the_rule_of_the_handbook(ctx: ServiceContext) -> None:
    rules = retention.list_rules(ctx)
    assert [(r.key, r.trigger, r.years, r.legal_basis, active) for r, active in rules] == [
        ("ausweisung_abschiebung", "einreisesperre_ende", 10, "§ 91 Abs. 1 AufenthG", True)
    ]


def test_recording_an_event_checks_kind_date_and_person(ctx: ServiceContext) -> None:
    pid = _person(ctx, "Öztürk")
    with pytest.raises(ValidationError, match="Anlass „ausreise“ gibt es nicht; möglich: einreisesperre_ende"):
        retention.record_event(ctx, pid, "ausreise", date(2020, 1, 1))
    with pytest.raises(ValidationError, match="Tod: das Datum liegt in der Zukunft"):
        retention.record_event(ctx, pid, "tod", date(2027, 1, 1))
    with pytest.raises(NotFound):
        retention.record_event(ctx, pid + 99, "tod", date(2020, 1, 1))
    retention.record_event(ctx, pid, "einreisesperre_ende", date(2031, 1, 1))  # a ban ends ahead
    assert _count(ctx, RetentionEvent) == 1


def test_preview_lists_what_is_due_and_deletes_nothing(ctx: ServiceContext) -> None:
    due = _file_with_everything(ctx, "Öztürk")
    later = _file_with_everything(ctx, "Nguyễn")
    held = _file_with_everything(ctx, "Kovalenko", status=CaseStatus.IN_PROGRESS)
    for pid, ban_end in ((due, date(2014, 3, 1)), (later, date(2020, 1, 1)), (held, date(2015, 1, 1))):
        retention.record_event(ctx, pid, "einreisesperre_ende", ban_end)
    persons_before = _count(ctx, Person)

    files = retention.preview(ctx)

    assert [(f.person_id, f.due_date, bool(f.blocked)) for f in files] == [
        (due, date(2024, 3, 1), False),
        (held, date(2025, 1, 1), True),
    ]
    first = files[0]
    assert (first.name, first.cases, first.titles, first.rule.key) == ("Öztürk, Ayşe", 1, 1, "ausweisung_abschiebung")
    assert "offener Vorgang" in files[1].blocked
    assert _count(ctx, Person) == persons_before
    assert _count(ctx, AuditEvent, action="aufbewahrung_vorschau") == 1


def test_the_run_deletes_the_due_file_and_erases_its_personal_data_from_the_audit_trail(ctx: ServiceContext) -> None:
    due = _file_with_everything(ctx, "Öztürk")
    kept = _file_with_everything(ctx, "Nguyễn")
    retention.record_event(ctx, due, "einreisesperre_ende", date(2014, 3, 1))
    with ctx.db.read() as session:
        case_ids = list(session.scalars(select(Case.id).where(Case.person_id == due)))
        about_due = list(
            session.scalars(
                select(AuditEvent.id).where(
                    ((AuditEvent.entity == "person") & (AuditEvent.entity_id == due)) | AuditEvent.case_id.in_(case_ids)
                )
            )
        )
    entries_before = _count(ctx, AuditEvent)

    result = retention.run(ctx, [f.person_id for f in retention.preview(ctx)])

    assert [f.person_id for f in result.deleted] == [due] and result.kept == ()
    assert _count(ctx, Person, id=due) == 0 and _count(ctx, Person, id=kept) == 1
    assert _count(ctx, Case, person_id=due) == 0 and _count(ctx, ResidenceTitle, person_id=due) == 0
    assert _count(ctx, ChecklistItem, case_id=case_ids[0]) == 0 and _count(ctx, Deadline, case_id=case_ids[0]) == 0
    assert _count(ctx, RetentionEvent) == 0
    assert _count(ctx, Case, person_id=kept) == 1  # the other file is untouched
    with ctx.db.read() as session:
        erased = session.execute(select(AuditEvent).where(AuditEvent.id.in_(about_due))).scalars().all()
        log = session.scalars(select(AuditEvent).where(AuditEvent.id > max(about_due)).order_by(AuditEvent.id)).all()
        kept_payloads = session.scalars(
            select(AuditEvent.payload_json).where(AuditEvent.entity == "person", AuditEvent.entity_id == kept)
        ).all()
    assert len(erased) == len(about_due) >= 6  # the entries stay …
    assert all(e.payload_json is None for e in erased)  # … without their personal data
    assert result.erased_audit_entries >= len(about_due)
    assert any("Nguyễn" in (p or "") for p in kept_payloads)
    deleted_entry = next(e for e in log if e.action == "akte_geloescht")
    assert deleted_entry.entity_id == due and "Öztürk" not in (deleted_entry.payload_json or "")
    assert '"regel": "ausweisung_abschiebung"' in (deleted_entry.payload_json or "")
    assert log[-1].action == "aufbewahrung_lauf" and _count(ctx, AuditEvent) > entries_before
    report = audit_chain.verify(ctx.db, audit_chain.read_anchor(ctx.db))
    assert report.ok, report
    assert report.erased == report.erased_logged == result.erased_audit_entries


def test_only_the_administration_previews_and_deletes(ctx: ServiceContext) -> None:
    lead = ctx.as_user(Actor(None, "soelter", Role.TEAM_LEAD))
    with pytest.raises(PermissionDenied, match="nur die Administration"):
        retention.preview(lead)
    with pytest.raises(PermissionDenied, match="nur die Administration"):
        retention.run(lead, [1])


def test_the_command(database_url: str, ctx: ServiceContext, monkeypatch: pytest.MonkeyPatch) -> None:
    sign_in_cli(ctx, monkeypatch)
    pid = _file_with_everything(ctx, "Öztürk")

    def run(*argv: str) -> tuple[int, str]:
        out = io.StringIO()
        return main(["--db", database_url, "aufbewahrung", *argv], out=out), out.getvalue()

    code, text = run("--regeln")
    assert code == 0 and text.startswith("ausweisung_abschiebung\t10 Jahre ab Ende der Einreisesperre\t§ 91")
    assert run("--anlass", str(pid), "einreisesperre_ende", "2014-03-01")[0] == 0
    code, text = run("--vorschau", "--stichtag", "2026-11-21")
    assert code == 0 and f"Person {pid}\tÖztürk, Ayşe (12.03.1990)" in text
    assert "1 Akte zum Löschen fällig, 0 zurückgestellt. Nichts wurde gelöscht." in text
    code, text = run("--ausfuehren", "--stichtag", "2026-11-21")
    assert code == 0 and "1 Akte gelöscht, 0 zurückgestellt" in text
    assert _count(ctx, Person, id=pid) == 0
    assert run("--vorschau", "--stichtag", "2026-11-21")[1].startswith("0 Akten zum Löschen fällig")
    out = io.StringIO()
    assert main(["--db", database_url, "audit", "pruefen"], out=out) == 0
    assert "Einträge ohne Inhalt, alle durch protokollierte Aufbewahrungsläufe gelöscht" in out.getvalue()
