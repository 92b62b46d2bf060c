"""The e-file's documents (Dokumente der E-Akte): attach a scan or a received file to a checklist
item or to the case — ticking the item in the same step where asked —, read one back, remove one
with a logged reason, and check every stored document against the hash the audit trail holds.

A document's content lies in ``document_chunks`` in pieces of ``CHUNK_SIZE``, written and read one
piece at a time, hashed (SHA-256) as it is written. The hash goes into the audit entry
``dokument_hinzugefuegt``; ``verify_documents`` (run by ``abh-desk audit pruefen``) recomputes
each document's hash from its pieces and compares, so a document changed in the database is found.
"""

from __future__ import annotations

import hashlib
import io
import json
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import BinaryIO

from sqlalchemy import delete, func, insert, select
from sqlalchemy.orm import Session

from abh_desk.domain.enums import CaseStatus, ChecklistStatus, Role
from abh_desk.domain.text import clean_text
from abh_desk.error_texts import Label
from abh_desk.errors import NotFound, ValidationError
from abh_desk.services.case_access import require_case_access, require_person_access
from abh_desk.services.case_file import CaseFile, get_case_file, open_item, receive_item
from abh_desk.services.context import ServiceContext, UnitOfWork
from abh_desk.services.document_content import MEDIA_LABELS, inspect_file
from abh_desk.services.office import read_office_settings
from abh_desk.services.read_log import note_read
from abh_desk.storage import Database
from models import AuditEvent, Case, CaseDocument, ChecklistItem, DocumentChunk, User

CHUNK_SIZE = 1024 * 1024
ADDED, REMOVED = "dokument_hinzugefuegt", "dokument_entfernt"
ENTITY = "document"
ORIGIN_COUNTER = "Eingang"
MAX_TITLE = 500
MIN_REASON = 5


@dataclass(frozen=True)
class DocumentInfo:
    id: int
    person_id: int
    case_id: int | None
    file_number: str
    checklist_item_id: int | None
    title: str
    kind: str
    file_name: str
    media_type: str
    size_bytes: int
    page_count: int
    sha256: str
    origin: str
    added_by: str
    created_at: datetime
    dated_on: date | None

    @property
    def type_label(self) -> str:
        return MEDIA_LABELS.get(self.media_type, self.media_type)


@dataclass(frozen=True)
class Attached:
    document: DocumentInfo
    case_file: CaseFile | None
    """The case file after the step (the ticked item), where the document went to a case."""


def max_document_bytes(session: Session) -> int:
    return read_office_settings(session).document_max_mb * 1_000_000


def document_info(session: Session, document: CaseDocument) -> DocumentInfo:
    file_number = session.scalar(select(Case.file_number).where(Case.id == document.case_id))
    added_by = session.scalar(select(User.display_name).where(User.id == document.added_by_id)) or ""
    return _info(document, file_number or "", added_by)


def _info(document: CaseDocument, file_number: str, added_by: str) -> DocumentInfo:
    return DocumentInfo(
        document.id, document.person_id, document.case_id, file_number, document.checklist_item_id, document.title,
        document.kind, document.file_name, document.media_type, document.size_bytes, document.page_count,
        document.sha256, document.origin, added_by, document.created_at, document.dated_on,
    )  # fmt: skip


# --- the content in pieces ---------------------------------------------------------------------


def write_content(session: Session, document: CaseDocument, stream: BinaryIO) -> tuple[str, int]:
    """Store ``stream`` as ``document``'s pieces (one in memory at a time); its SHA-256 and size."""
    digest, size, seq = hashlib.sha256(), 0, 0
    while piece := stream.read(CHUNK_SIZE):
        digest.update(piece)
        size += len(piece)
        # Core insert: the session keeps no copy of the piece until commit.
        session.execute(insert(DocumentChunk), {"document_id": document.id, "seq": seq, "data": piece})
        seq += 1
    return digest.hexdigest(), size


def store_bytes(session: Session, document: CaseDocument, content: bytes) -> None:
    """A document whose content is at hand already (taken in with an xdomea package)."""
    document.sha256, document.size_bytes = write_content(session, document, io.BytesIO(content))


def iter_content(session: Session, document_id: int) -> Iterator[bytes]:
    """The pieces of a document in order, each read on its own (bounded memory on both databases)."""
    pieces = session.scalar(select(func.count()).where(DocumentChunk.document_id == document_id)) or 0
    for seq in range(pieces):
        yield bytes(
            session.scalar(
                select(DocumentChunk.data).where(DocumentChunk.document_id == document_id, DocumentChunk.seq == seq)
            )
            or b""
        )


def content_bytes(session: Session, document_id: int) -> bytes:
    return b"".join(iter_content(session, document_id))


def content_hash(session: Session, document_id: int) -> str:
    digest = hashlib.sha256()
    for piece in iter_content(session, document_id):
        digest.update(piece)
    return digest.hexdigest()


# --- attaching ---------------------------------------------------------------------------------


def attach_document(
    ctx: ServiceContext,
    path: Path,
    *,
    case_id: int | None = None,
    person_id: int | None = None,
    checklist_item_id: int | None = None,
    title: str = "",
    tick: bool = False,
    expected_version: int | None = None,
) -> Attached:
    """Take the file at ``path`` into the e-file: to a checklist item (its case and person), to a case,
    or to the person alone. ``tick``: the item counts as received today in the same transaction.
    The file is checked by content first (``document_content.inspect_file``); a refused file leaves
    nothing behind."""
    ctx = ctx.frozen()
    title = clean_text(title, "titel", Label("documents.label_title"), MAX_TITLE)
    with ctx.unit_of_work() as uow:
        session = uow.session
        item, case = _target(uow, case_id, person_id, checklist_item_id, expected_version, tick)
        if case is not None:
            person_id = case.person_id
        assert person_id is not None
        inspected = inspect_file(path, max_document_bytes(session))
        document = CaseDocument(
            person_id=person_id,
            case_id=case.id if case else None,
            checklist_item_id=item.id if item else None,
            title=title or (item.text[:MAX_TITLE] if item else path.stem[:MAX_TITLE]) or "Dokument",
            kind="scan",
            file_name=path.name[:255],
            media_type=inspected.media_type,
            size_bytes=inspected.size_bytes,
            page_count=inspected.page_count,
            sha256="",
            dated_on=uow.today,
            origin=ORIGIN_COUNTER,
            added_by_id=ctx.actor.user_id,
        )
        session.add(document)
        session.flush()
        with path.open("rb") as stream:
            document.sha256, size = write_content(session, document, stream)
        if size != inspected.size_bytes:
            raise ValidationError(
                "documents.changed_while_read",
                name=path.name,
                field="datei",
            )
        if item is not None and case is not None and tick and item.status != ChecklistStatus.RECEIVED.value:
            receive_item(uow, item, case, uow.today)  # a line received already keeps its day
        uow.audit(
            ADDED,
            ENTITY,
            document.id,
            case_id=document.case_id,
            person=person_id,
            unterlage=item.text if item else None,
            titel=document.title,
            datei=document.file_name,
            typ=inspected.label,
            groesse=inspected.size_bytes,
            seiten=inspected.page_count,
            sha256=document.sha256,
        )
        uow.commit()
        with ctx.db.read() as reading:
            info = document_info(reading, reading.get(CaseDocument, document.id) or document)
    return Attached(info, get_case_file(ctx, case.id) if case is not None else None)


def _target(
    uow: UnitOfWork,
    case_id: int | None,
    person_id: int | None,
    item_id: int | None,
    expected_version: int | None,
    tick: bool,
) -> tuple[ChecklistItem | None, Case | None]:
    session = uow.session
    if item_id is not None:
        if tick:
            item, case = open_item(uow, item_id, expected_version)
        else:
            found = session.get(ChecklistItem, item_id)
            if found is None:
                raise NotFound("case_file.no_such_item", item_id=item_id)
            owner = session.get(Case, found.case_id)
            assert owner is not None
            item, case = found, owner
            require_case_access(session, uow.ctx.actor, case, uow.today)
        if case_id is not None and case_id != case.id:
            raise ValidationError("documents.item_of_other_case", field="unterlage")
        return item, case
    if case_id is not None:
        chosen = session.get(Case, case_id)
        if chosen is None:
            raise NotFound("shared.case_not_found", case_id=case_id)
        require_case_access(session, uow.ctx.actor, chosen, uow.today)
        return None, chosen
    if person_id is None:
        raise ValidationError("documents.owner_missing")
    require_person_access(session, uow.ctx.actor, person_id, uow.today)
    return None, None


# --- reading and removing ----------------------------------------------------------------------


def _readable(session: Session, ctx: ServiceContext, document_id: int) -> CaseDocument:
    document = session.get(CaseDocument, document_id)
    if document is None:
        raise NotFound("documents.no_such_document", document_id=document_id)
    if document.case_id is not None:
        case = session.get(Case, document.case_id)
        assert case is not None
        require_case_access(session, ctx.actor, case, ctx.today())
    else:
        require_person_access(session, ctx.actor, document.person_id, ctx.today())
    return document


def read_document(ctx: ServiceContext, document_id: int) -> tuple[DocumentInfo, bytes]:
    """One document and its content (the viewer shows one at a time)."""
    with ctx.db.read() as session:
        document = _readable(session, ctx, document_id)
        info = document_info(session, document)
        content = content_bytes(session, document_id)
    note_read(ctx, "dokument_gelesen", ENTITY, document_id, info.case_id)
    return info, content


def copy_document(ctx: ServiceContext, document_id: int, target: BinaryIO) -> DocumentInfo:
    """Write a document's content to ``target`` piece by piece."""
    with ctx.db.read() as session:
        document = _readable(session, ctx, document_id)
        info = document_info(session, document)
        for piece in iter_content(session, document_id):
            target.write(piece)
    note_read(ctx, "dokument_gelesen", ENTITY, document_id, info.case_id)
    return info


def case_documents(ctx: ServiceContext, case_id: int) -> list[DocumentInfo]:
    """The documents of a case, newest last (for the checklist: which item has its scan)."""
    with ctx.db.read() as session:
        case = session.get(Case, case_id)
        if case is None:
            raise NotFound("shared.case_not_found", case_id=case_id)
        require_case_access(session, ctx.actor, case, ctx.today())
        rows = session.execute(
            select(CaseDocument, User.display_name)
            .outerjoin(User, User.id == CaseDocument.added_by_id)
            .where(CaseDocument.case_id == case_id)
            .order_by(CaseDocument.created_at, CaseDocument.id)
        ).all()
        return [_info(d, case.file_number, who or "") for d, who in rows]


def remove_document(ctx: ServiceContext, document_id: int, reason: str) -> None:
    """Remove a document from the e-file (a wrong person's scan, a duplicate): a logged act with a
    reason; the content is deleted with it."""
    reason = clean_text(reason, "grund", Label("shared.label_reason"), 500)
    if len(reason) < MIN_REASON:
        raise ValidationError("documents.removal_reason_missing", field="grund")
    with ctx.unit_of_work() as uow:
        document = _readable(uow.session, ctx, document_id)
        if document.case_id is not None:
            case = uow.session.get(Case, document.case_id)
            assert case is not None
            if not CaseStatus(case.status).is_open and ctx.actor.role != Role.ADMIN:
                raise ValidationError("documents.case_closed_admin_only", field="status")
        logged = {"titel": document.title, "datei": document.file_name, "sha256": document.sha256}
        case_id, person_id = document.case_id, document.person_id
        uow.session.execute(delete(DocumentChunk).where(DocumentChunk.document_id == document_id))
        uow.session.delete(document)
        uow.audit(REMOVED, ENTITY, document_id, case_id=case_id, data=logged, person=person_id, grund=reason)
        uow.commit()


# --- the check against the audit trail -----------------------------------------------------------


@dataclass(frozen=True)
class DocumentReport:
    checked: int
    problems: tuple[str, ...]

    @property
    def ok(self) -> bool:
        return not self.problems


def verify_documents(ctx: ServiceContext) -> DocumentReport:
    """Recompute every document's SHA-256 from its pieces and compare it with the hash its audit
    entry holds; name documents without an entry and entries whose document is gone unlogged."""
    return verify_stored_documents(ctx.db)


def verify_stored_documents(db: Database) -> DocumentReport:
    """``verify_documents`` on any opened database (a backup before it is restored, too)."""
    problems: list[str] = []
    with db.read() as session:
        logged: dict[int, str | None] = {}
        for entity_id, payload in session.execute(
            select(AuditEvent.entity_id, AuditEvent.payload_json).where(
                AuditEvent.action == ADDED, AuditEvent.entity == ENTITY, AuditEvent.entity_id.is_not(None)
            )
        ):
            logged[entity_id or 0] = _logged_hash(payload)
        removed = set(
            session.scalars(
                select(AuditEvent.entity_id).where(AuditEvent.action == REMOVED, AuditEvent.entity == ENTITY)
            )
        )
        ids = list(session.scalars(select(CaseDocument.id).order_by(CaseDocument.id)))
        for document_id in ids:
            document = session.get(CaseDocument, document_id)
            assert document is not None
            actual = content_hash(session, document_id)
            session.expunge(document)
            where = f"Dokument {document_id} ({document.title[:60]})"
            if document_id not in logged:
                problems.append(f"{where} steht nicht im Protokoll (nachträglich eingefügt?).")
            elif logged[document_id] is None:
                problems.append(f"{where}: sein Protokolleintrag hat keinen Inhalt mehr, das Dokument ist noch da.")
            elif actual != logged[document_id]:
                problems.append(f"{where} wurde verändert: sein Inhalt passt nicht zur Prüfsumme im Protokoll.")
            elif actual != document.sha256:
                problems.append(f"{where}: die gespeicherte Prüfsumme wurde verändert.")
        present = set(ids)
        for document_id, digest in sorted(logged.items()):
            if document_id not in present and document_id not in removed and digest is not None:
                problems.append(f"Dokument {document_id} fehlt, ohne dass seine Entfernung protokolliert ist.")
    return DocumentReport(len(ids), tuple(problems))


def _logged_hash(payload_json: str | None) -> str | None:
    if payload_json is None:
        return None  # erased by a retention run with the person's file
    try:
        value = json.loads(payload_json).get("sha256")
    except (ValueError, AttributeError):
        return ""
    return value if isinstance(value, str) else ""
