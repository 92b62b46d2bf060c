"""A person's whole file read from the database as an xdomea ``FileRecord``: master data, titles,
retention events; each case with its checklist, deadlines, grants, card orders and handovers; its
letters (the stored PDFs) and the documents that came with the file from another office.
Shared by the hand-over (Abgabe) and the archive (Aussonderung)."""

from __future__ import annotations

import os
import re
from dataclasses import asdict
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from abh_desk.domain.catalogue import Catalogue
from abh_desk.domain.enums import LETTER_KIND_LABELS, OPEN_CASE_STATUSES, CaseStatus, LetterKind
from abh_desk.errors import ValidationError
from abh_desk.services.context import UnitOfWork
from abh_desk.services.documents import content_bytes
from abh_desk.services.persons import person_detail, person_input
from abh_desk.services.queries import birth_text
from abh_desk.services.row_codec import row_data
from abh_desk.xdomea.model import CaseRecord, Document, FileRecord, Retention
from abh_desk.xdomea.xml import new_id
from models import (
    Area,
    CardHandover,
    CardOrder,
    Case,
    CaseDocument,
    ChecklistItem,
    Deadline,
    Grant,
    Letter,
    Person,
    ResidenceTitle,
    RetentionEvent,
)

FORMAT_VERSION = 1


def file_subject(person: Person) -> str:
    return f"Ausländerakte {person.family_name}, {person.given_names} (geb. {birth_text(person)})".replace(",  (", " (")


def _slug(text: str) -> str:
    return re.sub(r"[^A-Za-z0-9]+", "-", text).strip("-").lower()[:40] or "dokument"


def build_file_record(
    session: Session,
    catalogue: Catalogue,
    person: Person,
    file_id: str | None = None,
    retention: Retention | None = None,
) -> tuple[FileRecord, dict[str, bytes]]:
    """The record and the package's files by name (the PDFs, ``{uuid}_{name}.pdf``)."""
    files: dict[str, bytes] = {}

    def document(title: str, kind: str, content: bytes, data: dict[str, Any], **dates: object) -> Document:
        doc_id = new_id()
        name = f"{doc_id}_{_slug(title)}.pdf"
        files[name] = content
        return Document(doc_id, title, kind, name, content, data=data, **dates)  # type: ignore[arg-type]

    cases = session.scalars(select(Case).where(Case.person_id == person.id).order_by(Case.applied_on, Case.id)).all()
    areas = dict(session.execute(select(Area.id, Area.code)).all())
    records = []
    for case in cases:
        letters = session.scalars(select(Letter).where(Letter.case_id == case.id).order_by(Letter.id)).all()
        docs = []
        for letter in letters:
            if letter.pdf is None:
                continue
            kind = LetterKind(letter.kind)
            data = {"letter": row_data(letter) | {"ref": f"letter-{letter.id}",
                                                  "hearing_ref": f"letter-{letter.hearing_letter_id}"
                                                  if letter.hearing_letter_id else None}}  # fmt: skip
            docs.append(
                document(
                    LETTER_KIND_LABELS[kind], kind.value, letter.pdf, data,
                    dated=letter.created_at.date(), posted=letter.posted_on,
                )
            )  # fmt: skip
        for stored in _documents(session, person.id, case.id):
            docs.append(document(stored.title, stored.kind, content_bytes(session, stored.id),
                                 {"document": row_data(stored)}, dated=stored.dated_on))  # fmt: skip
        cards = []
        for order in session.scalars(select(CardOrder).where(CardOrder.case_id == case.id).order_by(CardOrder.id)):
            handover = session.scalar(select(CardHandover).where(CardHandover.card_order_id == order.id))
            cards.append(row_data(order) | {"handover": row_data(handover) if handover else None})
        grants = [
            row_data(g) | {"title_ref": f"title-{g.title_id}" if g.title_id else None}
            for g in session.scalars(select(Grant).where(Grant.case_id == case.id).order_by(Grant.id))
        ]
        deadlines = [
            row_data(d) | {"title_ref": f"title-{d.title_id}" if d.title_id else None}
            for d in session.scalars(select(Deadline).where(Deadline.case_id == case.id).order_by(Deadline.id))
        ]
        checklist = [
            row_data(i)
            for i in session.scalars(
                select(ChecklistItem).where(ChecklistItem.case_id == case.id).order_by(ChecklistItem.position)
            )
        ]
        status = CaseStatus(case.status)
        records.append(
            CaseRecord(
                id=new_id(),
                file_number=case.file_number,
                subject=catalogue.name_of(case.procedure_key),
                procedure_key=case.procedure_key,
                opened=case.applied_on,
                closed=None if status in OPEN_CASE_STATUSES else (case.decided_on or case.updated_at.date()),
                documents=tuple(docs),
                data={
                    "case": row_data(case) | {"area": areas.get(case.area_id, ""), "ref": f"case-{case.id}"},
                    "checklist": checklist,
                    "deadlines": deadlines,
                    "grants": grants,
                    "cards": cards,
                },
            )
        )
    titles = [
        row_data(t) | {"ref": f"title-{t.id}", "case_ref": f"case-{t.case_id}" if t.case_id else None}
        for t in session.scalars(
            select(ResidenceTitle).where(ResidenceTitle.person_id == person.id).order_by(ResidenceTitle.id)
        )
    ]
    events = [
        row_data(e)
        for e in session.scalars(
            select(RetentionEvent).where(RetentionEvent.person_id == person.id).order_by(RetentionEvent.id)
        )
    ]
    loose = [
        document(d.title, d.kind, content_bytes(session, d.id), {"document": row_data(d)}, dated=d.dated_on)
        for d in _documents(session, person.id, None)
    ]
    full_birth = (
        date(person.birth_year, person.birth_month, person.birth_day)
        if person.birth_year and person.birth_month and person.birth_day
        else None  # xs:date has no partial date: the Fachdaten keep it
    )
    master = asdict(person_input(person_detail(person))) | {
        "birth_name": person.birth_name,
        "phone": person.phone,
        "email": person.email,
    }
    record = FileRecord(
        id=file_id or new_id(),
        subject=file_subject(person),
        family_name=person.family_name,
        given_names=person.given_names,
        birth_date=full_birth,
        street=person.street or "",
        postcode=person.postcode or "",
        city=person.city or "",
        cases=tuple(records),
        documents=tuple(loose),
        data={"format": FORMAT_VERSION, "person": master, "titles": titles, "retention_events": events},
        retention=retention,
    )
    return record, files


def _documents(session: Session, person_id: int, case_id: int | None) -> list[CaseDocument]:
    where = CaseDocument.case_id.is_(None) if case_id is None else CaseDocument.case_id == case_id
    return list(
        session.scalars(
            select(CaseDocument).where(CaseDocument.person_id == person_id, where).order_by(CaseDocument.id)
        )
    )


def check_target(target: Path) -> None:
    """A package is written to a new file in a folder that exists (never over another file)."""
    if target.exists():
        raise ValidationError("file_record.target_exists", field="ausgabe", file_name=target.name)
    if not target.parent.is_dir():
        raise ValidationError("file_record.folder_missing", field="ausgabe", folder=str(target.parent))


def commit_and_place(uow: UnitOfWork, target: Path, data: bytes) -> None:
    """Write ``data`` beside ``target``, commit ``uow``, and only then move the file into place: a
    failed commit leaves no package, and a package exists only for what was committed."""
    partial = target.with_name(target.name + ".teil")
    partial.write_bytes(data)
    try:
        uow.commit()
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    os.replace(partial, target)
