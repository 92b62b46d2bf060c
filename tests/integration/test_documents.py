"""The e-file's documents through the services, on SQLite and PostgreSQL: each accepted type
attached (one step with the tick), each bad file refused with nothing stored, the content stored in
pieces and read back whole, removal logged with its reason, retention taking documents with their
file, and a document changed in the database found by ``audit pruefen``."""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import func, select, text

from abh_desk.cli import main
from abh_desk.domain.enums import ChecklistStatus
from abh_desk.errors import PermissionDenied, ValidationError
from abh_desk.services import documents, retention
from abh_desk.services.case_file import get_case_file
from abh_desk.services.cases import open_case
from abh_desk.services.context import ServiceContext
from abh_desk.services.document_content import DocumentRefused
from abh_desk.services.office import update_office_settings
from abh_desk.services.persons import PersonInput, create_person
from models import AuditEvent, CaseDocument, DocumentChunk
from tests.support import scans
from tests.support.cli_login import sign_in_cli

TODAY = date(2026, 11, 21)
PROCEDURE = "99010019001008"


def _case(ctx: ServiceContext) -> int:
    person = create_person(ctx, PersonInput("Haddad", "Samir", "02.02.1991", nationality="SYR"))
    return open_case(ctx, person.id, PROCEDURE, applied_on=TODAY).id


def _count(ctx: ServiceContext, model: type) -> int:
    with ctx.db.read() as session:
        return int(session.scalar(select(func.count()).select_from(model)) or 0)


def test_a_scanned_passport_is_attached_and_ticked_in_one_step(ctx: ServiceContext, tmp_path: Path) -> None:
    case_id = _case(ctx)
    item = get_case_file(ctx, case_id).checklist[0]
    scan = tmp_path / "pass.pdf"
    scan.write_bytes(scans.pdf_bytes(2, noise_kb=2500))  # more than two pieces
    attached = documents.attach_document(ctx, scan, checklist_item_id=item.id, tick=True, expected_version=item.version)
    line = next(line for line in attached.case_file.checklist if line.id == item.id)
    assert line.status == ChecklistStatus.RECEIVED and line.received_on == TODAY
    info = attached.document
    assert (info.media_type, info.page_count, info.case_id, info.checklist_item_id) == (
        "application/pdf", 2, case_id, item.id
    )  # fmt: skip
    assert info.size_bytes == scan.stat().st_size and info.title == item.text
    import hashlib

    assert info.sha256 == hashlib.sha256(scan.read_bytes()).hexdigest()
    with ctx.db.read() as session:
        assert session.scalar(select(func.count()).where(DocumentChunk.document_id == info.id)) >= 3
        entry = session.scalars(select(AuditEvent).where(AuditEvent.action == "dokument_hinzugefuegt")).one()
        assert entry.entity_id == info.id and info.sha256 in (entry.payload_json or "")
    assert documents.read_document(ctx, info.id)[1] == scan.read_bytes()
    target = io.BytesIO()
    documents.copy_document(ctx, info.id, target)
    assert target.getvalue() == scan.read_bytes()
    history = [h.action for h in attached.case_file.history]
    assert "Dokument zur Akte genommen" in history and "Unterlage eingegangen" in history


@pytest.mark.parametrize(
    ("name", "kind", "frames", "media_type"),
    [
        ("pass.jpg", "JPEG", 1, "image/jpeg"),
        ("foto.png", "PNG", 1, "image/png"),
        ("scan.tif", "TIFF", 3, "image/tiff"),
        ("SCAN0001", "JPEG", 1, "image/jpeg"),  # a scanner's name without an extension
    ],
)
def test_each_image_type_is_taken_with_its_pages(
    ctx: ServiceContext, tmp_path: Path, name: str, kind: str, frames: int, media_type: str
) -> None:
    case_id = _case(ctx)
    path = scans.image(tmp_path / name, kind, frames=frames)
    info = documents.attach_document(ctx, path, case_id=case_id, title="Meldebescheinigung").document
    assert (info.media_type, info.page_count, info.title, info.checklist_item_id) == (
        media_type, frames, "Meldebescheinigung", None
    )  # fmt: skip
    assert [d.id for d in documents.case_documents(ctx, case_id)] == [info.id]


def _bad_files(tmp_path: Path) -> dict[str, tuple[Path, str]]:
    exe = tmp_path / "pass.pdf"
    exe.write_bytes(b"MZ\x90\x00" + b"\x00" * 4000)
    truncated = tmp_path / "abgebrochen.pdf"
    whole = scans.pdf_bytes(3)
    truncated.write_bytes(whole[: len(whole) // 2])
    empty = tmp_path / "leer.pdf"
    empty.write_bytes(b"")
    jpeg_named_pdf = tmp_path / "foto.pdf"
    jpeg_named_pdf.write_bytes(scans.image(tmp_path / "foto.jpg", "JPEG").read_bytes())
    broken_jpeg = tmp_path / "kaputt.jpg"
    broken_jpeg.write_bytes(scans.image(tmp_path / "ganz.jpg", "JPEG").read_bytes()[:3000])
    word = tmp_path / "antrag.pdf"
    word.write_bytes(b"PK\x03\x04" + b"\x00" * 100)
    return {
        "umbenanntes Programm": (exe, "Windows-Programm"),
        "abgeschnittenes PDF": (truncated, "unvollständig"),
        "0 Byte": (empty, "leer"),
        "Zip-Bombe": (scans.zip_bomb_tiff(tmp_path / "bombe.tif"), "Millionen Bildpunkte"),
        "verschlüsselt": (scans.encrypted_pdf(tmp_path / "geheim.pdf"), "verschlüsselt"),
        "falscher Name": (jpeg_named_pdf, "nicht, was ihr Name sagt"),
        "kaputtes JPEG": (broken_jpeg, "beschädigt"),
        "ZIP": (word, "ZIP-Archiv"),
    }


def test_every_bad_file_is_refused_in_german_and_nothing_is_stored(ctx: ServiceContext, tmp_path: Path) -> None:
    case_id = _case(ctx)
    item = get_case_file(ctx, case_id).checklist[0]
    entries = _count(ctx, AuditEvent)
    for what, (path, message) in _bad_files(tmp_path).items():
        with pytest.raises(DocumentRefused, match=message) as refused:
            documents.attach_document(ctx, path, checklist_item_id=item.id, tick=True)
        assert refused.value.field == "datei", what
    assert _count(ctx, CaseDocument) == 0 and _count(ctx, DocumentChunk) == 0
    assert _count(ctx, AuditEvent) == entries
    assert get_case_file(ctx, case_id).checklist[0].status == ChecklistStatus.MISSING  # not ticked either


def test_the_size_limit_is_the_offices_setting(ctx: ServiceContext, tmp_path: Path) -> None:
    case_id = _case(ctx)
    update_office_settings(ctx, document_max_mb=1)
    big = tmp_path / "gross.pdf"
    big.write_bytes(scans.pdf_bytes(1, noise_kb=1500))
    with pytest.raises(DocumentRefused, match=r"bis 1,0 MB"):
        documents.attach_document(ctx, big, case_id=case_id)
    update_office_settings(ctx, document_max_mb=5)
    assert documents.attach_document(ctx, big, case_id=case_id).document.size_bytes == big.stat().st_size
    with pytest.raises(ValidationError, match="document_max_mb"):
        update_office_settings(ctx, document_max_mb=0)


def test_removal_needs_a_reason_and_is_logged(ctx: ServiceContext, tmp_path: Path) -> None:
    case_id = _case(ctx)
    path = scans.image(tmp_path / "falsch.png", "PNG")
    info = documents.attach_document(ctx, path, case_id=case_id).document
    with pytest.raises(ValidationError, match="Grund"):
        documents.remove_document(ctx, info.id, "  ")
    documents.remove_document(ctx, info.id, "Scan einer anderen Person")
    assert _count(ctx, CaseDocument) == 0 and _count(ctx, DocumentChunk) == 0
    with ctx.db.read() as session:
        entry = session.scalars(select(AuditEvent).where(AuditEvent.action == "dokument_entfernt")).one()
        assert "Scan einer anderen Person" in (entry.payload_json or "") and entry.entity_id == info.id
    assert documents.verify_documents(ctx).ok  # removed with a logged reason: no finding


def test_a_caseworker_without_access_attaches_nothing(ctx: ServiceContext, tmp_path: Path) -> None:
    from abh_desk.domain.enums import Role
    from abh_desk.services.context import Actor
    from models import User

    case_id = _case(ctx)
    with ctx.db.read() as session:
        stranger = session.scalars(select(User).where(User.role == Role.CASEWORKER.value)).all()
    path = scans.image(tmp_path / "pass.png", "PNG")
    refused = 0
    for user in stranger:
        try:
            documents.attach_document(
                ctx.as_user(Actor(user.id, user.username, Role.CASEWORKER)), path, case_id=case_id
            )
        except PermissionDenied:
            refused += 1
    assert refused >= 1
    assert _count(ctx, CaseDocument) == len(stranger) - refused


def test_a_changed_document_is_found_by_the_audit_check(
    ctx: ServiceContext, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    case_id = _case(ctx)
    kept = documents.attach_document(ctx, scans.image(tmp_path / "a.png", "PNG"), case_id=case_id).document
    changed = documents.attach_document(ctx, scans.image(tmp_path / "b.jpg", "JPEG"), case_id=case_id).document
    assert documents.verify_documents(ctx).ok
    sign_in_cli(ctx, monkeypatch)
    out = io.StringIO()
    assert main(["--db", ctx.db.url.render_as_string(hide_password=False), "audit", "pruefen"], out=out) == 0
    assert "E-Akte: 2 Dokumente gegen das Protokoll geprüft." in out.getvalue()

    with ctx.db.engine.begin() as connection:  # someone with database rights swaps the scan's first piece
        connection.execute(
            text("UPDATE document_chunks SET data = :data WHERE document_id = :id AND seq = 0"),
            {"data": scans.image(tmp_path / "c.jpg", "JPEG", text="Fremd").read_bytes(), "id": changed.id},
        )
    report = documents.verify_documents(ctx)
    assert len(report.problems) == 1 and f"Dokument {changed.id}" in report.problems[0]
    assert "verändert" in report.problems[0] and kept.id != changed.id
    out = io.StringIO()
    assert main(["--db", ctx.db.url.render_as_string(hide_password=False), "audit", "pruefen"], out=out) == 1
    assert f"FEHLER: Dokument {changed.id}" in out.getvalue() and "E-Akte ist NICHT unversehrt" in out.getvalue()

    with ctx.db.engine.begin() as connection:  # and one removed without the logged act
        connection.execute(text("DELETE FROM document_chunks WHERE document_id = :id"), {"id": kept.id})
        connection.execute(text("DELETE FROM case_documents WHERE id = :id"), {"id": kept.id})
    assert any("fehlt, ohne dass" in p for p in documents.verify_documents(ctx).problems)


def test_retention_deletes_documents_with_their_file(ctx: ServiceContext, tmp_path: Path) -> None:
    from abh_desk.services.case_status import close_case

    update_office_settings(ctx, archive_offer=False)
    case_id = _case(ctx)
    info = documents.attach_document(ctx, scans.image(tmp_path / "p.png", "PNG"), case_id=case_id).document
    documents.attach_document(ctx, scans.image(tmp_path / "q.png", "PNG"), person_id=info.person_id)
    close_case(ctx, case_id, None, "Antrag hat sich erledigt")
    retention.record_event(ctx, info.person_id, "einreisesperre_ende", date(2014, 3, 1))
    due = retention.preview(ctx)
    assert [f.person_id for f in due] == [info.person_id] and not due[0].blocked
    retention.run(ctx, [info.person_id])
    assert _count(ctx, CaseDocument) == 0 and _count(ctx, DocumentChunk) == 0
    with ctx.db.read() as session:
        added = session.scalars(select(AuditEvent).where(AuditEvent.action == "dokument_hinzugefuegt")).all()
        assert len(added) == 2 and all(e.payload_json is None for e in added)  # the personal data erased
    assert documents.verify_documents(ctx).ok
    out = io.StringIO()
    from abh_desk.cli_safety import check_audit_trail

    assert check_audit_trail(ctx, out) == 0, out.getvalue()
