"""xdomea Abgabe: a person's whole file leaves as a valid ``Abgabe.Abgabe.0401`` package and arrives
complete in another ABH Desk (a second, empty database); the cases close here as handed over, the
transmission is logged; what may not leave yet is named. On SQLite and PostgreSQL."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

import pytest
from sqlalchemy import func, select

from abh_desk.domain.enums import CaseStatus, DeadlineStatus, Role
from abh_desk.errors import PermissionDenied
from abh_desk.services import file_handover, file_intake
from abh_desk.services.case_file import get_case_file, mark_received
from abh_desk.services.case_letters import create_missing_documents_letter
from abh_desk.services.cases import open_case
from abh_desk.services.context import Actor, ServiceContext
from abh_desk.services.deadlines import set_follow_up
from abh_desk.services.example_office import install_example_office
from abh_desk.services.persons import PersonInput, create_person
from abh_desk.services.rejections import RejectionDraft, draft_rejection
from abh_desk.services.retention import record_event
from abh_desk.services.titles import add_title
from abh_desk.storage import Database
from letters.data import RefusalGround
from models import (
    AuditEvent,
    Case,
    ChecklistItem,
    Deadline,
    FileTransfer,
    Letter,
    Person,
    ResidenceTitle,
    RetentionEvent,
    User,
)
from tests.conftest import migrated_sqlite
from tests.support.xdomea import SCHEMA, assert_valid, package_message

TODAY = date(2026, 11, 23)
PROCEDURE = "99010019001008"


def _user(ctx: ServiceContext, name: str) -> ServiceContext:
    with ctx.db.read() as session:
        user = session.scalars(select(User).where(User.username == name)).one()
        return ctx.as_user(Actor(user.id, user.username, Role(user.role)))


def _full_file(ctx: ServiceContext) -> int:
    person = create_person(ctx, PersonInput("Haddad", "Rania", "01.01.1990", "Aleppo", "SYR", "w", "Weg 1", "78224",
                                            "Singen", "N12345678"))  # fmt: skip
    old = open_case(ctx, person.id, PROCEDURE, applied_on=TODAY - timedelta(days=400))
    with ctx.unit_of_work() as uow:
        stored = uow.session.get(Case, old.id)
        assert stored is not None
        stored.status, stored.decided_on = CaseStatus.GRANTED.value, TODAY - timedelta(days=300)
        uow.commit()
    add_title(
        ctx, old.id, "Aufenthaltserlaubnis", "§ 16d AufenthG", TODAY - timedelta(days=300), TODAY + timedelta(days=60)
    )
    case = open_case(ctx, person.id, "99010019001013", applied_on=TODAY - timedelta(days=20))
    owner = _user(ctx, "schweiger")
    mark_received(owner, get_case_file(owner, case.id).checklist[0].id)
    create_missing_documents_letter(owner, case.id)
    set_follow_up(owner, case.id, TODAY + timedelta(days=7), "Nachweis Sprachkurs")
    record_event(ctx, person.id, "einreisesperre_ende", date(2031, 1, 1))
    return person.id


@pytest.fixture
def second_office(tmp_path: Path, sqlite_template: Path, ctx: ServiceContext) -> Iterator[ServiceContext]:
    """Another ABH Desk: an empty database of its own (SQLite; the sending side runs on both)."""
    directory = tmp_path / "konstanz"
    directory.mkdir()
    db = Database(migrated_sqlite(directory, sqlite_template))
    other = ServiceContext(db, ctx.catalogue, clock=ctx.clock)
    install_example_office(other)
    yield other
    db.dispose()


def _snapshot(ctx: ServiceContext, person_id: int) -> dict[str, object]:
    """What must arrive: everything of the file except ids, Aktenzeichen and who did it here."""
    with ctx.db.read() as session:
        person = session.get(Person, person_id)
        assert person is not None
        cases = session.scalars(select(Case).where(Case.person_id == person_id).order_by(Case.applied_on)).all()
        ids = [c.id for c in cases]
        return {
            "person": (person.family_name, person.given_names, person.birth_year, person.birth_month, person.birth_day,
                       person.birth_place, person.nationality, person.sex, person.passport_number, person.city),
            "cases": [(c.procedure_key, c.applied_on, c.decided_on, c.fee_cents) for c in cases],
            "checklist": sorted((i.text, i.status, i.received_on) for i in session.scalars(
                select(ChecklistItem).where(ChecklistItem.case_id.in_(ids)))),
            "deadlines": sorted((d.kind, d.due_date, d.event_date) for d in session.scalars(
                select(Deadline).where(Deadline.case_id.in_(ids)))),
            "letters": sorted((x.kind, x.status, x.pdf_sha256, x.data_json) for x in session.scalars(
                select(Letter).where(Letter.case_id.in_(ids)))),
            "titles": sorted((t.kind, t.legal_basis, t.valid_from, t.valid_until) for t in session.scalars(
                select(ResidenceTitle).where(ResidenceTitle.person_id == person_id))),
            "ban": sorted((e.kind, e.occurred_on) for e in session.scalars(
                select(RetentionEvent).where(RetentionEvent.person_id == person_id, RetentionEvent.kind != "wegzug"))),
        }  # fmt: skip


def test_the_whole_file_leaves_valid_and_arrives_complete(ctx: ServiceContext, second_office: ServiceContext,
                                                         tmp_path: Path) -> None:  # fmt: skip
    person_id = _full_file(ctx)
    before = _snapshot(ctx, person_id)
    with ctx.db.read() as session:
        statuses = [
            c.status for c in session.scalars(select(Case).where(Case.person_id == person_id).order_by(Case.applied_on))
        ]
    target = tmp_path / "abgabe.zip"
    result = file_handover.hand_over(_user(ctx, "schweiger"), person_id, "Landratsamt Konstanz", target, "Umzug")

    name, message, files = package_message(target.read_bytes())
    assert name == f"{result.process_id}_Abgabe.Abgabe.0401.xml"
    assert_valid(message)
    assert len(files) == result.letters == 1 and all(content.startswith(b"%PDF") for content in files.values())
    # No user accounts or workstation paths (the letters themselves name their caseworker, as sent).
    assert b"_by_id" not in message and b"user_id" not in message and str(tmp_path).encode() not in message

    # Here: every case closed as handed over, deadlines lifted, the move recorded, the transmission logged.
    with ctx.db.read() as session:
        cases = session.scalars(select(Case).where(Case.person_id == person_id)).all()
        assert {c.status for c in cases} == {CaseStatus.HANDED_OVER.value}
        assert all("Landratsamt Konstanz am 23.11.2026" in (c.outcome_note or "") for c in cases)
        open_deadlines = select(func.count()).select_from(Deadline).where(
            Deadline.case_id.in_([c.id for c in cases]), Deadline.status == DeadlineStatus.OPEN.value)  # fmt: skip
        assert session.scalar(open_deadlines) == 0
        assert session.scalar(select(RetentionEvent.occurred_on).where(RetentionEvent.kind == "wegzug")) == TODAY
        logged = session.scalars(select(AuditEvent).where(AuditEvent.action == "akte_abgegeben")).one()
        payload = json.loads(logged.payload_json or "{}")
        assert payload["an"] == "Landratsamt Konstanz" and payload["schreiben"] == 1 and len(payload["vorgaenge"]) == 2
        assert logged.user_id is not None and logged.occurred_at is not None
        transfer = session.scalars(select(FileTransfer)).one()
        assert (transfer.direction, transfer.counterpart, transfer.transferred_on) == (
            "abgabe",
            "Landratsamt Konstanz",
            TODAY,
        )

    # There: an empty office takes it in, validated against the published schema.
    preview = file_intake.preview_intake(second_office, target.read_bytes(), SCHEMA)
    assert preview.complete and preview.files[0].name == "Haddad, Rania" and len(preview.files[0].cases) == 2
    assert preview.files[0].duplicates == ()
    taken = file_intake.take_in(second_office, target.read_bytes(), SCHEMA)
    assert_valid(taken.receipt)
    (new_id,) = taken.person_ids
    assert _snapshot(second_office, new_id) == before
    with second_office.db.read() as session:
        arrived = session.scalars(select(Case).where(Case.person_id == new_id).order_by(Case.applied_on)).all()
        assert [c.status for c in arrived] == statuses
        assert all(c.owner_id is not None for c in arrived)  # routed by the surname ranges (H → Schweiger)
        assert all("Übernommen von" in (c.note or "") for c in arrived)
    assert [old for old, _new in taken.file_numbers] == list(result.cases)

    # The sender reads the receipt.
    lines = file_handover.read_receipt(ctx, taken.receipt)
    assert lines == ["Landratsamt Konstanz: Akte übernommen"]
    with ctx.db.read() as session:
        assert session.scalars(select(FileTransfer)).one().confirmed_on == TODAY


def test_taking_the_same_file_in_twice_does_not_make_a_second_person(ctx: ServiceContext, second_office: ServiceContext,
                                                                     tmp_path: Path) -> None:  # fmt: skip
    person_id = _full_file(ctx)
    target = tmp_path / "abgabe.zip"
    file_handover.hand_over(ctx, person_id, "Landratsamt Konstanz", target)
    first = file_intake.take_in(second_office, target.read_bytes())
    with pytest.raises(file_intake.IntakeDuplicate, match="wahrscheinlich schon erfasst: Haddad, Rania") as refused:
        file_intake.take_in(second_office, target.read_bytes())
    assert [c.id for c in refused.value.candidates] == list(first.person_ids)
    joined = file_intake.take_in(second_office, target.read_bytes(), into_person_id=first.person_ids[0])
    assert joined.joined == first.person_ids
    with second_office.db.read() as session:
        assert session.scalar(select(func.count()).select_from(Person)) == 1
        assert session.scalar(select(func.count()).select_from(Case)) == 4


def test_what_is_still_this_offices_to_finish_stops_the_handover(ctx: ServiceContext, tmp_path: Path) -> None:
    person = create_person(
        ctx,
        PersonInput("Haddad", "Omar", "02.02.1991", nationality="SYR", street="Weg 2", postcode="78224", city="Singen"),
    )
    case = open_case(ctx, person.id, PROCEDURE, applied_on=TODAY - timedelta(days=30))
    owner = _user(ctx, "schweiger")
    draft_rejection(owner, case.id, RejectionDraft((RefusalGround("visum", "Einreise ohne Visum."),), "Einreise 2026."))
    summary = file_handover.handover_summary(owner, person.id)
    assert summary.blockers and "Ablehnungsbescheid ist noch nicht versandt" in summary.blockers[0]
    target = tmp_path / "x.zip"
    with pytest.raises(file_handover.HandoverBlocked, match="noch nicht versandt"):
        file_handover.hand_over(owner, person.id, "Stadt Konstanz", target)
    assert not target.exists() and not (tmp_path / "x.zip.teil").exists()
    with ctx.db.read() as session:
        assert session.get(Case, case.id).status != CaseStatus.HANDED_OVER.value  # type: ignore[union-attr]
        assert session.scalar(select(func.count()).select_from(FileTransfer)) == 0


def test_a_caseworker_without_access_hands_nothing_over(ctx: ServiceContext, tmp_path: Path) -> None:
    person = create_person(ctx, PersonInput("Haddad", "Lina", "03.03.1992", nationality="SYR"))
    open_case(ctx, person.id, PROCEDURE)
    with pytest.raises(PermissionDenied):
        file_handover.hand_over(_user(ctx, "rudolf"), person.id, "Stadt Konstanz", tmp_path / "x.zip")
    assert not (tmp_path / "x.zip").exists()
