"""Übernahme: a person's file taken in from another authority (xdomea ``Abgabe.Abgabe.0401``).

The package is read with every guard (``xdomea.container``, the safe parser, the schema where the
workstation has it) and checked in full before anything is written; then one transaction creates
the person — or, where the person is recorded here already, adds the file to them (never a silent
second person: the same duplicate check as at the counter) — the cases with new Aktenzeichen of
this office, each routed to its caseworker by the surname ranges, their checklists, deadlines,
grants, cards, letters and documents, and the receipt ``Abgabe.ImportBestaetigen.0402``.

A file from another ABH Desk arrives complete (its Fachdaten); from another program, what xdomea
itself carries: the person (Kontakt: name, birth date, address), each Vorgang with its Aktenzeichen
and — in ``Typ`` — the FIM Leistungsschlüssel of the procedure, and the documents.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import select

from abh_desk.domain.enums import (
    CASE_STATUS_LABELS,
    OPEN_CASE_STATUSES,
    CaseStatus,
    ChecklistStatus,
    LetterKind,
    LetterStatus,
    Sex,
)
from abh_desk.domain.file_numbers import FileNumberPattern
from abh_desk.errors import DomainError, FieldErrors, NotFound, ValidationError
from abh_desk.services import documents
from abh_desk.services.assignment import load_router
from abh_desk.services.context import ServiceContext, UnitOfWork
from abh_desk.services.document_content import media_type_of
from abh_desk.services.documents import store_bytes
from abh_desk.services.file_numbers import next_file_number
from abh_desk.services.office import read_office_settings
from abh_desk.services.persons import (
    DERIVED_FIELDS,
    LikelyDuplicate,
    PersonInput,
    PersonSummary,
    _duplicate_ids,
    _validate,
    person_rows_in,
)
from abh_desk.services.row_codec import row_values
from abh_desk.xdomea import container, handover, schema
from abh_desk.xdomea.handover import Handover, ObjectResult
from abh_desk.xdomea.model import CaseRecord, Document, FileRecord, Parties
from abh_desk.xdomea.xml import MessageError, message_kind, parse
from models import (
    Area,
    CardHandover,
    CardOrder,
    Case,
    CaseDocument,
    ChecklistItem,
    Deadline,
    FileTransfer,
    Grant,
    Letter,
    Person,
    ResidenceTitle,
    RetentionEvent,
    User,
)

MAX_PACKAGE_BYTES = 2 * 1024**3
#: Retention events that travel with the file (a move away is the sender's own event).
TRAVELLING_EVENTS = frozenset({"einreisesperre_ende", "tod", "einbuergerung"})
CASE_SKIPPED = frozenset({"file_number", "created_at", "updated_at"})


def message_of(data: bytes) -> bytes:
    """The message XML of a package (a ZIP) or the XML itself."""
    return container.unpack(data).message_xml if data[:2] == b"PK" else data


@dataclass(frozen=True)
class CasePreview:
    file_number: str
    procedure: str
    status: str
    owner: str
    letters: int
    documents: int


@dataclass(frozen=True)
class FilePreview:
    """What taking the file in would create (the import dialog shows it before anything is saved)."""

    object_id: str
    name: str
    birth_date: str
    nationality: str
    cases: tuple[CasePreview, ...]
    titles: int
    duplicates: tuple[PersonSummary, ...]


@dataclass(frozen=True)
class IntakePreview:
    sender: str
    process_id: str
    note: str
    files: tuple[FilePreview, ...]
    complete: bool
    """True when the file comes from ABH Desk with all its Fachdaten; False: only xdomea's own fields."""


@dataclass(frozen=True)
class IntakeResult:
    person_ids: tuple[int, ...]
    file_numbers: tuple[tuple[str, str], ...]
    """(Aktenzeichen at the sender, new Aktenzeichen here) per case."""
    receipt: bytes
    receipt_name: str
    joined: tuple[int, ...] = field(default=())
    """Persons recorded here already whom the file was added to."""


def read_package(data: bytes, schema_path: Path | None) -> Handover:
    """Unpack, (validate), parse: a Handover, or MessageError in German naming the problem."""
    if len(data) > MAX_PACKAGE_BYTES:
        raise MessageError("file_intake.package_too_large")
    package = container.unpack(data)
    if schema_path is not None:
        schema.validate(package.message_xml, schema_path, f"Die Nachricht {package.message_name[:80]}")
    root = parse(package.message_xml, "Die Nachricht")
    if message_kind(root) != "0401":
        raise MessageError("file_intake.not_a_handover")
    return handover.read_handover(root, package.files)


# --- what a record becomes -----------------------------------------------------------------------


def _person_input(record: FileRecord, where: str) -> tuple[PersonInput, dict[str, Any]]:
    master = record.data.get("person")
    if isinstance(master, dict):
        known = set(PersonInput.__dataclass_fields__)
        values = {k: v for k, v in master.items() if k in known}
        if not all(isinstance(v, str) for v in values.values()):
            raise MessageError("file_intake.master_data_malformed", where=where)
        extra = {k: master.get(k) for k in ("birth_name", "phone", "email")}
        if not all(v is None or (isinstance(v, str) and len(v) <= 200) for v in extra.values()):
            raise MessageError("file_intake.master_data_malformed", where=where)
        return PersonInput(**values), extra
    if record.birth_date is None:
        raise MessageError("file_intake.birth_date_missing", where=where)
    return (
        PersonInput(
            family_name=record.family_name,
            given_names=record.given_names,
            birth_date=f"{record.birth_date:%d.%m.%Y}",
            nationality="XXX",  # ungeklärt: xdomea carries no nationality; the caseworker records it
            sex=Sex.UNKNOWN.value,
            street=record.street,
            postcode=record.postcode,
            city=record.city,
        ),
        {},
    )


def _validated_person(record: FileRecord, today: date, where: str) -> tuple[dict[str, object], dict[str, Any]]:
    data, extra = _person_input(record, where)
    try:
        return _validate(data, today), extra
    except FieldErrors as exc:
        raise MessageError("file_intake.master_data_invalid", where=where, error=exc) from None


def _procedure_key(ctx: ServiceContext, case: CaseRecord, where: str) -> str:
    stored = case.data.get("case", {})
    key = stored.get("procedure_key") if isinstance(stored, dict) else None
    key = key or case.procedure_key
    if not isinstance(key, str) or key not in {p.key for p in ctx.catalogue}:
        raise MessageError(
            "file_intake.unknown_procedure",
            where=where,
            case=case.file_number or case.subject or case.id,
            procedure_key=str(key or "")[:40],
        )
    return key


def _case_status(case: CaseRecord, where: str) -> CaseStatus:
    stored = case.data.get("case", {})
    value = stored.get("status") if isinstance(stored, dict) else None
    if value is None:
        return CaseStatus.CLOSED if case.closed is not None else CaseStatus.IN_PROGRESS
    try:
        status = CaseStatus(value)
    except ValueError:
        raise MessageError("file_intake.unknown_case_status", where=where, status=str(value)[:30]) from None
    if status == CaseStatus.HANDED_OVER:
        raise MessageError("file_intake.case_handed_over_at_sender", where=where)
    return status


def preview_intake(ctx: ServiceContext, data: bytes, schema_path: Path | None = None) -> IntakePreview:
    """Read the package and show what taking it in would create; nothing is written."""
    message = read_package(data, schema_path)
    files = []
    with ctx.db.read() as session:
        router = load_router(session)
        names = dict(session.execute(select(User.username, User.display_name)).all())
        for n, record in enumerate(message.records, start=1):
            where = f"Akte {n}"
            values, _extra = _validated_person(record, ctx.today(), where)
            cases = []
            for m, case in enumerate(record.cases, start=1):
                at = f"{where}, Vorgang {m}"
                key = _procedure_key(ctx, case, at)
                owner = router.route(ctx.catalogue.get(key).area, str(values["family_name"]))
                letters = sum(1 for d in case.documents if "letter" in d.data)
                cases.append(
                    CasePreview(
                        case.file_number,
                        ctx.catalogue.name_of(key),
                        CASE_STATUS_LABELS[_case_status(case, at)],
                        names.get(owner or "", owner or "–"),
                        letters,
                        len(case.documents) - letters,
                    )
                )
            duplicates = person_rows_in(session, _duplicate_ids(session, values))
            titles = record.data.get("titles", [])
            files.append(
                FilePreview(
                    record.id,
                    f"{values['family_name']}, {values['given_names']}".rstrip(", "),
                    _birth(values),
                    str(values["nationality"]),
                    tuple(cases),
                    len(titles) if isinstance(titles, list) else 0,
                    tuple(duplicates),
                )
            )
    return IntakePreview(
        message.parties.sender,
        message.parties.process_id,
        message.note,
        tuple(files),
        all("person" in r.data for r in message.records),
    )


def _birth(values: dict[str, object]) -> str:
    parts = [values.get("birth_day"), values.get("birth_month"), values.get("birth_year")]
    return ".".join(f"{p:02d}" if i < 2 else str(p) for i, p in enumerate(parts) if isinstance(p, int))


class IntakeDuplicate(LikelyDuplicate):
    """The person of the file seems recorded here already: add the file to them, or say why not."""

    code = "uebernahme_dublette"


def take_in(
    ctx: ServiceContext,
    data: bytes,
    schema_path: Path | None = None,
    into_person_id: int | None = None,
    duplicate_reason: str | None = None,
) -> IntakeResult:
    """Take the file in, in one transaction. Where the person seems recorded already, the file is
    added to ``into_person_id`` (one of the candidates) or, with ``duplicate_reason``, a second
    person is made (the reason logged); otherwise ``IntakeDuplicate`` names the candidates."""
    message = read_package(data, schema_path)
    if into_person_id is not None and len(message.records) != 1:
        raise ValidationError("file_intake.join_needs_single_file")
    with ctx.unit_of_work() as uow:
        session = uow.session
        settings = read_office_settings(session)
        person_ids, joined, numbers = [], [], []
        for n, record in enumerate(message.records, start=1):
            person, was_there = _person_for(uow, record, f"Akte {n}", into_person_id, duplicate_reason)
            person_ids.append(person.id)
            if was_there:
                joined.append(person.id)
            numbers += _take_in_file(uow, record, person, message.parties.sender, f"Akte {n}")
            session.add(
                FileTransfer(
                    direction="uebernahme",
                    person_id=person.id,
                    process_id=message.parties.process_id,
                    file_uuid=record.id,
                    counterpart=message.parties.sender[:200] or "unbekannt",
                    transferred_on=uow.today,
                    user_id=ctx.actor.user_id,
                    summary_json=json.dumps({"vorgaenge": numbers}, ensure_ascii=False),
                )
            )
        session.flush()
        parties = Parties(message.parties.process_id, settings.authority_name, message.parties.sender or "unbekannt")
        receipt = handover.receipt_message(parties, uow.now, [ObjectResult(r.id, True) for r in message.records])
        uow.commit()
    return IntakeResult(
        tuple(person_ids),
        tuple(numbers),
        receipt,
        f"{parties.process_id}_Abgabe.ImportBestaetigen.0402.xml",
        tuple(joined),
    )


def refusal_receipt(ctx: ServiceContext, data: bytes, error: DomainError) -> tuple[bytes, str] | None:
    """A negative receipt (0402, "Erfolgreich: false" with the reason) for a package that could be read
    far enough to know its process and files; None where it could not."""
    try:
        message = read_package(data, None)
    except DomainError:
        return None
    with ctx.db.read() as session:
        settings = read_office_settings(session)
    parties = Parties(message.parties.process_id, settings.authority_name, message.parties.sender or "unbekannt")
    results = [ObjectResult(r.id, False, (error.text("de")[:1000],)) for r in message.records]
    return (
        handover.receipt_message(parties, ctx.now(), results),
        f"{parties.process_id}_Abgabe.ImportBestaetigen.0402.xml",
    )


def _person_for(
    uow: UnitOfWork, record: FileRecord, where: str, into: int | None, reason: str | None
) -> tuple[Person, bool]:
    session = uow.session
    values, extra = _validated_person(record, uow.today, where)
    similar = _duplicate_ids(session, values)
    if into is not None:
        person = session.get(Person, into)
        if person is None:
            raise NotFound("shared.person_not_found", person_id=into)
        if into not in similar:
            raise ValidationError("file_intake.person_does_not_match", field="person")
        uow.audit("akte_zugeordnet", "person", person.id, akte=record.id)
        return person, True
    if similar and (reason is None or len(reason.strip()) < 10):
        candidates = person_rows_in(session, similar)
        names = "; ".join(f"{c.family_name}, {c.given_names} ({c.birth_date})" for c in candidates[:3])
        raise IntakeDuplicate("file_intake.likely_duplicate", candidates, names=names)
    person = Person(**values, **{k: v for k, v in extra.items() if v})
    session.add(person)
    session.flush()
    logged = {k: v for k, v in values.items() if k not in DERIVED_FIELDS}
    if similar:
        logged |= {"dublette_bestaetigt": reason, "aehnliche_personen": similar}
    uow.audit("person_angelegt", "person", person.id, data=logged | {"uebernommen": True})
    return person, False


def _take_in_file(
    uow: UnitOfWork, record: FileRecord, person: Person, sender: str, where: str
) -> list[tuple[str, str]]:
    session = uow.session
    ctx = uow.ctx
    settings = read_office_settings(session)
    pattern = FileNumberPattern(settings.file_number_pattern)
    router = load_router(session)
    users = dict(session.execute(select(User.username, User.id)).all())
    areas = dict(session.execute(select(Area.code, Area.id)).all())
    origin = f"übernommen von {sender}"[:200]
    case_ids: dict[str, int] = {}
    numbers = []
    pending_titles: list[tuple[Deadline | Grant, str]] = []
    letter_refs: dict[str, Letter] = {}
    hearing_links: list[tuple[Letter, str]] = []
    for m, case_record in enumerate(record.cases, start=1):
        at = f"{where}, Vorgang {m}"
        key = _procedure_key(ctx, case_record, at)
        procedure = ctx.catalogue.get(key)
        status = _case_status(case_record, at)
        area_id = areas.get(procedure.area)
        if area_id is None:
            raise MessageError("file_intake.area_missing", where=at, area=procedure.area)
        owner_name = router.route(procedure.area, person.family_name)
        stored = case_record.data.get("case", {})
        values = row_values(Case, stored, at, CASE_SKIPPED) if stored else {}
        applied_on = values.get("applied_on") or case_record.opened or uow.today
        number = next_file_number(session, pattern, applied_on.year, procedure.area)
        old = case_record.file_number or "ohne Aktenzeichen"
        note = f"Übernommen von {sender} am {uow.today:%d.%m.%Y} (dort Az. {old})."
        values.update(
            file_number=number,
            person_id=person.id,
            procedure_key=key,
            area_id=area_id,
            owner_id=users.get(owner_name) if owner_name else None,
            status=status.value,
            applied_on=applied_on,
            note=f"{values['note']}\n{note}" if values.get("note") else note,
        )
        if status not in OPEN_CASE_STATUSES and values.get("decided_on") is None and case_record.closed:
            values["decided_on"] = case_record.closed
        case = Case(**values)
        session.add(case)
        session.flush()
        if isinstance(stored, dict) and isinstance(stored.get("ref"), str):
            case_ids[stored["ref"]] = case.id
        numbers.append((old, number))
        _rows(uow, case, case_record, at, pending_titles)
        for n, document in enumerate(case_record.documents, start=1):
            _document(uow, person, case, document, f"{at}, Dokument {n}", origin, letter_refs, hearing_links)
        if not case_record.data.get("checklist") and not stored:
            pass  # a foreign case brings no checklist: the documents it names are the file
        uow.audit(
            "vorgang_uebernommen", "case", case.id, case_id=case.id, aktenzeichen=number, bisher=old,
            von=sender, leistung=key, zustaendig=owner_name, stand=status.value,
        )  # fmt: skip
    for n, document in enumerate(record.documents, start=1):
        _document(uow, person, None, document, f"{where}, Dokument {n}", origin, letter_refs, hearing_links)
    for letter, ref in hearing_links:
        hearing = letter_refs.get(ref)
        if hearing is not None:
            letter.hearing_letter_id = hearing.id
    title_ids = _titles(uow, person, record, where, case_ids)
    for row, ref in pending_titles:
        row.title_id = title_ids.get(ref)
    for n, event in enumerate(record.data.get("retention_events", []) or [], start=1):
        values = row_values(RetentionEvent, event, f"{where}, Aufbewahrungsanlass {n}", frozenset({"recorded_at"}))
        if values.get("kind") in TRAVELLING_EVENTS and isinstance(values.get("occurred_on"), date):
            session.add(RetentionEvent(person_id=person.id, kind=values["kind"], occurred_on=values["occurred_on"]))
    uow.audit(
        "akte_uebernommen", "person", person.id, von=sender, akte=record.id,
        vorgaenge=[new for _old, new in numbers], titel=len(title_ids),
    )  # fmt: skip
    return numbers


def _rows(
    uow: UnitOfWork, case: Case, record: CaseRecord, where: str, pending: list[tuple[Deadline | Grant, str]]
) -> None:
    session = uow.session
    for n, item in enumerate(record.data.get("checklist", []) or [], start=1):
        values = row_values(ChecklistItem, item, f"{where}, Unterlage {n}")
        if values.get("status") not in {s.value for s in ChecklistStatus}:
            raise MessageError(
                "file_intake.unknown_checklist_status", where=where, item=n, status=str(values.get("status"))[:20]
            )
        session.add(ChecklistItem(case_id=case.id, **values))
    for n, item in enumerate(record.data.get("deadlines", []) or [], start=1):
        values = row_values(Deadline, item, f"{where}, Frist {n}")
        deadline = Deadline(case_id=case.id, owner_id=case.owner_id, area_id=case.area_id, **values)
        session.add(deadline)
        if isinstance(item, dict) and isinstance(item.get("title_ref"), str):
            pending.append((deadline, item["title_ref"]))
    for n, item in enumerate(record.data.get("grants", []) or [], start=1):
        values = row_values(Grant, item, f"{where}, Bewilligung {n}")
        grant = Grant(case_id=case.id, **values)
        session.add(grant)
        if isinstance(item, dict) and isinstance(item.get("title_ref"), str):
            pending.append((grant, item["title_ref"]))
    for n, item in enumerate(record.data.get("cards", []) or [], start=1):
        values = row_values(CardOrder, item, f"{where}, Karte {n}")
        order = CardOrder(case_id=case.id, **values)
        session.add(order)
        handover_data = item.get("handover") if isinstance(item, dict) else None
        if handover_data:
            session.flush()
            handed = row_values(CardHandover, handover_data, f"{where}, Aushändigung {n}")
            session.add(CardHandover(card_order_id=order.id, user_id=None, **handed))


def _document(
    uow: UnitOfWork,
    person: Person,
    case: Case | None,
    document: Document,
    where: str,
    origin: str,
    letters: dict[str, Letter],
    hearing_links: list[tuple[Letter, str]],
) -> None:
    session = uow.session
    stored = document.data.get("letter")
    if stored and case is not None:
        values = row_values(Letter, stored, where)
        try:
            LetterKind(values.get("kind", "")), LetterStatus(values.get("status", ""))
        except ValueError:
            raise MessageError("file_intake.unknown_letter_kind", where=where) from None
        sha = hashlib.sha256(document.content).hexdigest()
        if values.pop("pdf_sha256", None) not in (None, sha):
            raise MessageError("file_intake.file_altered", where=where, file_name=document.file_name[:80])
        letter = Letter(case_id=case.id, pdf=document.content, pdf_sha256=sha, **values)
        session.add(letter)
        session.flush()
        if isinstance(stored.get("ref"), str):
            letters[stored["ref"]] = letter
        if isinstance(stored.get("hearing_ref"), str):
            hearing_links.append((letter, stored["hearing_ref"]))
        return
    own = document.data.get("document", {})
    values = row_values(CaseDocument, own, where, frozenset({"created_at", "file_name", "sha256"})) if own else {}
    values.setdefault("title", (document.title or document.file_name or "Dokument")[:500])
    values.setdefault("kind", (document.kind or "dokument")[:100])
    values.setdefault("dated_on", document.dated)
    values.setdefault("origin", origin)
    values.pop("size_bytes", None)
    values["media_type"] = media_type_of(document.content[:16])
    stored_document = CaseDocument(
        person_id=person.id,
        case_id=case.id if case is not None else None,
        file_name=document.file_name[:255],
        sha256="",
        **values,
    )
    session.add(stored_document)
    session.flush()
    store_bytes(session, stored_document, document.content)
    uow.audit(
        documents.ADDED,
        documents.ENTITY,
        stored_document.id,
        case_id=stored_document.case_id,
        person=person.id,
        titel=stored_document.title,
        datei=stored_document.file_name,
        herkunft=origin,
        groesse=stored_document.size_bytes,
        sha256=stored_document.sha256,
    )


def _titles(uow: UnitOfWork, person: Person, record: FileRecord, where: str, cases: dict[str, int]) -> dict[str, int]:
    ids = {}
    for n, item in enumerate(record.data.get("titles", []) or [], start=1):
        values = row_values(ResidenceTitle, item, f"{where}, Titel {n}")
        case_ref = item.get("case_ref") if isinstance(item, dict) else None
        title = ResidenceTitle(person_id=person.id, case_id=cases.get(case_ref) if case_ref else None, **values)
        uow.session.add(title)
        uow.session.flush()
        if isinstance(item, dict) and isinstance(item.get("ref"), str):
            ids[item["ref"]] = title.id
    return ids
