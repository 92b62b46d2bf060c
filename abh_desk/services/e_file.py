"""The whole e-file of a person in one order (Gesamtakte): the documents taken in (scans,
received files, documents that came from another authority), the letters the office wrote and the
card handover records — by date, then as they were made. Read by the viewer (one window for the
whole file) and by the court file (``court_file``); opening it is logged as a read."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from abh_desk.domain.enums import LETTER_KIND_LABELS, LetterKind
from abh_desk.error_texts import Label
from abh_desk.errors import NotFound
from abh_desk.services.case_access import access_basis, require_case_access, require_person_access
from abh_desk.services.context import ServiceContext
from abh_desk.services.document_content import MEDIA_LABELS, PDF
from abh_desk.services.documents import content_bytes
from abh_desk.services.queries import birth_text
from abh_desk.services.read_log import note_read
from models import Case, CaseDocument, Letter, Person

DOCUMENT, LETTER = "dokument", "schreiben"
#: What a letter is in the list beside a document's media type ("PDF", "JPEG-Bild").
LETTER_KIND = Label("e_file.kind_letter")


@dataclass(frozen=True)
class FileEntry:
    """One piece of the file: a document (``dokument``) or a letter of the office (``schreiben``)."""

    source: str
    id: int
    title: str
    kind: str
    """What it is, in words: "PDF", "JPEG-Bild", "Ablehnungsbescheid", "Aushändigungsprotokoll" …"""
    case_id: int | None
    file_number: str
    dated: date
    created_at: datetime
    media_type: str
    pages: int | None
    """Known for documents; a letter's pages are counted when it is read."""
    sha256: str


@dataclass(frozen=True)
class CaseRef:
    id: int
    file_number: str
    procedure: str


@dataclass(frozen=True)
class EFile:
    person_id: int
    person_name: str
    birth_date: str
    cases: tuple[CaseRef, ...]
    """The person's cases this user may see (the file shows only theirs)."""
    entries: tuple[FileEntry, ...]


def _cases(session: Session, ctx: ServiceContext, person_id: int) -> list[Case]:
    today = ctx.today()
    cases = session.scalars(select(Case).where(Case.person_id == person_id).order_by(Case.applied_on, Case.id))
    return [c for c in cases if access_basis(session, ctx.actor, c, today) is not None]


def read_file(session: Session, ctx: ServiceContext, person_id: int, case_ids: Collection[int] | None = None) -> EFile:
    """The file as the acting user may see it; ``case_ids``: only those cases' pieces (and none of
    the person's loose documents)."""
    person = session.get(Person, person_id)
    if person is None:
        raise NotFound("shared.person_not_found", person_id=person_id)
    require_person_access(session, ctx.actor, person_id, ctx.today())
    cases = _cases(session, ctx, person_id)
    if case_ids is not None:
        cases = [c for c in cases if c.id in case_ids]
    numbers = {c.id: c.file_number for c in cases}
    entries: list[FileEntry] = []
    where = (
        CaseDocument.case_id.in_(numbers)
        if case_ids is not None
        else or_(CaseDocument.case_id.in_(numbers), CaseDocument.case_id.is_(None))
    )
    for d in session.scalars(select(CaseDocument).where(CaseDocument.person_id == person_id, where)):
        entries.append(
            FileEntry(
                DOCUMENT, d.id, d.title, MEDIA_LABELS.get(d.media_type, d.media_type), d.case_id,
                numbers.get(d.case_id or 0, ""), d.dated_on or d.created_at.date(), d.created_at, d.media_type,
                d.page_count, d.sha256,
            )
        )  # fmt: skip
    letters = session.execute(
        select(Letter.id, Letter.kind, Letter.case_id, Letter.created_at, Letter.posted_on, Letter.pdf_sha256).where(
            Letter.case_id.in_(numbers), Letter.pdf.is_not(None)
        )
    )
    for letter_id, kind, case_id, created_at, posted_on, sha in letters:
        label = LETTER_KIND_LABELS.get(LetterKind(kind), kind)
        entries.append(
            FileEntry(
                LETTER, letter_id, label, LETTER_KIND, case_id, numbers[case_id], posted_on or created_at.date(),
                created_at, PDF, None, sha or "",
            )
        )  # fmt: skip
    entries.sort(key=lambda e: (e.dated, e.created_at, e.source, e.id))
    return EFile(
        person_id,
        f"{person.family_name}, {person.given_names}".rstrip(", "),
        birth_text(person),
        tuple(CaseRef(c.id, c.file_number, ctx.catalogue.name_of(c.procedure_key)) for c in cases),
        tuple(entries),
    )


def person_of_case(ctx: ServiceContext, case_id: int) -> int:
    with ctx.db.read() as session:
        person_id = session.scalar(select(Case.person_id).where(Case.id == case_id))
    if person_id is None:
        raise NotFound("shared.case_not_found", case_id=case_id)
    return person_id


def get_e_file(ctx: ServiceContext, person_id: int) -> EFile:
    """The whole file for the viewer; the read is logged (``akte_gelesen``)."""
    with ctx.db.read() as session:
        file = read_file(session, ctx, person_id)
    note_read(ctx, "akte_gelesen", "person", person_id, stuecke=len(file.entries))
    return file


def entry_content(ctx: ServiceContext, source: str, entry_id: int, log_read: bool = True) -> bytes:
    """One piece's content (the viewer shows one at a time); access as for its case or person.
    ``log_read``: False for the viewer's thumbnails (opening the file was logged already)."""
    with ctx.db.read() as session:
        if source == LETTER:
            letter = session.get(Letter, entry_id)
            if letter is None or letter.pdf is None:
                raise NotFound("e_file.letter_not_found", entry_id=entry_id)
            case = session.get(Case, letter.case_id)
            assert case is not None
            require_case_access(session, ctx.actor, case, ctx.today())
            content = bytes(letter.pdf)
            case_id: int | None = case.id
        else:
            document = session.get(CaseDocument, entry_id)
            if document is None:
                raise NotFound("e_file.document_not_found", entry_id=entry_id)
            owner = session.get(Case, document.case_id) if document.case_id else None
            if owner is not None:
                require_case_access(session, ctx.actor, owner, ctx.today())
            else:
                require_person_access(session, ctx.actor, document.person_id, ctx.today())
            content = content_bytes(session, entry_id)
            case_id = document.case_id
    if log_read:
        note_read(ctx, f"{source}_gelesen", "letter" if source == LETTER else "document", entry_id, case_id)
    return content
