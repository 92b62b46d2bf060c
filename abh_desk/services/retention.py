"""Retention (Aufbewahrung): record the events periods run from, preview what is due, delete it.

Deleting a person's file removes the person, their cases with checklist, deadlines, letters and
card orders, their titles and retention events, the e-file's documents with their content, and
erases the personal data (``payload_json``) of every audit entry about them; the entries
themselves stay, so the audit chain holds. A person with an open case is listed but kept. The run
writes one audit entry per deleted file (ids, rule and dates only) and one for the run.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from sqlalchemy import Select, delete, func, or_, select, update
from sqlalchemy.orm import Session

from abh_desk import audit_chain
from abh_desk.domain.enums import OPEN_CASE_STATUSES, Role
from abh_desk.domain.retention import TRIGGERS, Rule, check_event_date, check_trigger, due_on
from abh_desk.error_texts import Label
from abh_desk.errors import NotFound, PermissionDenied
from abh_desk.services.case_access import require_person_access
from abh_desk.services.context import ServiceContext
from abh_desk.services.office import OfficeSettings, read_office_settings
from abh_desk.services.queries import birth_text
from models import (
    Appointment,
    AppointmentUnit,
    ArchiveOffer,
    AuditEvent,
    CardHandover,
    CardOrder,
    Case,
    CaseDocument,
    ChecklistItem,
    Deadline,
    DocumentChunk,
    FileTransfer,
    LegalRepresentative,
    Letter,
    Person,
    ResidenceTitle,
    RetentionEvent,
    RetentionRule,
)

BLOCKED_OPEN_CASE = "offener Vorgang – wird nicht gelöscht, bis er abgeschlossen ist"


@dataclass(frozen=True)
class DueFile:
    """One person's file that a rule makes due for deletion (a line of the preview)."""

    person_id: int
    name: str
    birth_date: str
    rule: Rule
    event_date: date
    due_date: date
    cases: int
    titles: int
    letters: int
    blocked: str = ""
    """Why the file is kept although due: an open case, or the archive (``archive_offers.archive_hold``)."""


@dataclass(frozen=True)
class RunResult:
    deleted: tuple[DueFile, ...]
    kept: tuple[DueFile, ...]
    erased_audit_entries: int


def _rule(row: RetentionRule) -> Rule:
    return Rule(row.key, row.label, row.legal_basis, row.trigger, row.years)


def list_rules(ctx: ServiceContext) -> list[tuple[Rule, bool]]:
    """Every rule of the table with whether it is active."""
    with ctx.db.read() as session:
        return [(_rule(r), r.active) for r in session.scalars(select(RetentionRule).order_by(RetentionRule.key))]


def record_event(ctx: ServiceContext, person_id: int, kind: str, on: date) -> None:
    """Record an event a retention period runs from (end of an entry ban, moving away …)."""
    check_event_date(check_trigger(kind), on, ctx.today())
    with ctx.unit_of_work() as uow:
        if uow.session.get(Person, person_id) is None:
            raise NotFound("shared.person_not_found", person_id=person_id)
        require_person_access(uow.session, ctx.actor, person_id, uow.today)
        event = RetentionEvent(person_id=person_id, kind=kind, occurred_on=on)
        uow.session.add(event)
        uow.session.flush()
        uow.audit("aufbewahrungsanlass", "person", person_id, anlass=TRIGGERS[kind], datum=on.isoformat())
        uow.commit()


def _counts(session: Session, stmt: Select[int, int]) -> dict[int, int]:
    return {person_id: count for person_id, count in session.execute(stmt)}


def due_files(session: Session, today: date, settings: OfficeSettings | None = None) -> list[DueFile]:
    """The due files; where the office offers its files to the archive, what the archive still holds."""
    from abh_desk.services.archive_offers import archive_hold, handed_over

    settings = settings or read_office_settings(session)
    due = _due(session, today)
    if not settings.archive_offer or not due:
        return due
    ids = [f.person_id for f in due]
    offers = {o.person_id: o for o in session.scalars(select(ArchiveOffer).where(ArchiveOffer.person_id.in_(ids)))}
    away = handed_over(session, ids)
    return [
        f
        if f.blocked or f.person_id in away
        else dataclasses.replace(f, blocked=archive_hold(offers.get(f.person_id), settings, today))
        for f in due
    ]


def _due(session: Session, today: date) -> list[DueFile]:
    rules: dict[str, list[Rule]] = {}
    for row in session.scalars(select(RetentionRule).where(RetentionRule.active.is_(True))):
        rules.setdefault(row.trigger, []).append(_rule(row))
    earliest: dict[int, tuple[date, Rule, date]] = {}
    for event in session.scalars(select(RetentionEvent).where(RetentionEvent.kind.in_(rules))):
        for rule in rules[event.kind]:
            due = due_on(rule, event.occurred_on)
            current = earliest.get(event.person_id)
            if due <= today and (current is None or due < current[0]):
                earliest[event.person_id] = (due, rule, event.occurred_on)
    if not earliest:
        return []
    ids = list(earliest)
    people = {p.id: p for p in session.scalars(select(Person).where(Person.id.in_(ids)))}
    cases = _counts(
        session, select(Case.person_id, func.count()).where(Case.person_id.in_(ids)).group_by(Case.person_id)
    )
    open_cases = set(
        session.scalars(
            select(Case.person_id).where(
                Case.person_id.in_(ids), Case.status.in_([s.value for s in OPEN_CASE_STATUSES])
            )
        )
    )
    titles = _counts(
        session,
        select(ResidenceTitle.person_id, func.count())
        .where(ResidenceTitle.person_id.in_(ids))
        .group_by(ResidenceTitle.person_id),
    )
    letters = _counts(
        session,
        select(Case.person_id, func.count())
        .join(Letter, Letter.case_id == Case.id)
        .where(Case.person_id.in_(ids))
        .group_by(Case.person_id),
    )
    result = []
    for person_id, (due, rule, event_date) in sorted(earliest.items(), key=lambda item: (item[1][0], item[0])):
        person = people[person_id]
        result.append(
            DueFile(
                person_id=person_id,
                name=f"{person.family_name}, {person.given_names}".rstrip(", "),
                birth_date=birth_text(person),
                rule=rule,
                event_date=event_date,
                due_date=due,
                cases=cases.get(person_id, 0),
                titles=titles.get(person_id, 0),
                letters=letters.get(person_id, 0),
                blocked=BLOCKED_OPEN_CASE if person_id in open_cases else "",
            )
        )
    return result


def _require_admin(ctx: ServiceContext, what: Label) -> None:
    if ctx.actor.role != Role.ADMIN:
        raise PermissionDenied("retention.admin_only", what=what)


def preview(ctx: ServiceContext) -> list[DueFile]:
    """The files the rules make due on ``today``, with what deleting each would remove."""
    _require_admin(ctx, Label("retention.what_preview"))
    with ctx.unit_of_work() as uow:
        due = due_files(uow.session, uow.today)
        uow.audit("aufbewahrung_vorschau", "aufbewahrung", None, faellig=len(due))
        uow.commit()
    return due


def _delete_file(session: Session, person_id: int) -> int:
    """Delete one person's file; returns how many audit entries had their payload erased."""
    case_ids = list(session.scalars(select(Case.id).where(Case.person_id == person_id)))
    title_ids = list(session.scalars(select(ResidenceTitle.id).where(ResidenceTitle.person_id == person_id)))
    orders = select(CardOrder.id).where(CardOrder.case_id.in_(case_ids))
    session.execute(delete(CardHandover).where(CardHandover.card_order_id.in_(orders)))
    appointments = select(Appointment.id).where(Appointment.person_id == person_id).scalar_subquery()
    session.execute(delete(AppointmentUnit).where(AppointmentUnit.appointment_id.in_(appointments)))
    session.execute(delete(Appointment).where(Appointment.person_id == person_id))
    for model in (CardOrder, Letter, Deadline, ChecklistItem):
        session.execute(delete(model).where(model.case_id.in_(case_ids)))
    session.execute(delete(Deadline).where(Deadline.title_id.in_(title_ids)))
    session.execute(delete(ResidenceTitle).where(ResidenceTitle.person_id == person_id))
    session.execute(delete(LegalRepresentative).where(LegalRepresentative.person_id == person_id))
    session.execute(delete(Case).where(Case.id.in_(case_ids)))
    session.execute(delete(RetentionEvent).where(RetentionEvent.person_id == person_id))
    document_ids = list(session.scalars(select(CaseDocument.id).where(CaseDocument.person_id == person_id)))
    session.execute(delete(DocumentChunk).where(DocumentChunk.document_id.in_(document_ids)))
    session.execute(delete(CaseDocument).where(CaseDocument.person_id == person_id))
    session.execute(delete(FileTransfer).where(FileTransfer.person_id == person_id))
    session.execute(delete(ArchiveOffer).where(ArchiveOffer.person_id == person_id))
    session.execute(delete(Person).where(Person.id == person_id))
    about = or_(
        (AuditEvent.entity == "person") & (AuditEvent.entity_id == person_id),
        (AuditEvent.entity == "case") & AuditEvent.entity_id.in_(case_ids),
        (AuditEvent.entity == "residence_title") & AuditEvent.entity_id.in_(title_ids),
        AuditEvent.case_id.in_(case_ids),
        (AuditEvent.entity == "document") & AuditEvent.entity_id.in_(document_ids),
    )
    erased = session.execute(
        update(AuditEvent)
        .where(about, AuditEvent.payload_json.is_not(None))
        .values(payload_json=None)
        .execution_options(synchronize_session=False)
    )
    return int(erased.rowcount or 0)  # type: ignore[attr-defined]


def run(ctx: ServiceContext, person_ids: Sequence[int]) -> RunResult:
    """Delete the files of ``person_ids`` (as shown in the preview) that are still due and not
    blocked; what became not due since the preview is left alone."""
    _require_admin(ctx, Label("retention.what_delete"))
    wanted = set(person_ids)
    with ctx.unit_of_work() as uow:
        due = [f for f in due_files(uow.session, uow.today) if f.person_id in wanted]
        deleted = tuple(f for f in due if not f.blocked)
        erased = 0
        for file in deleted:
            erased += _delete_file(uow.session, file.person_id)
            uow.audit(
                "akte_geloescht",
                "person",
                file.person_id,
                regel=file.rule.key,
                rechtsgrundlage=file.rule.legal_basis,
                anlass_datum=file.event_date.isoformat(),
                faellig_seit=file.due_date.isoformat(),
                vorgaenge=file.cases,
                titel=file.titles,
                schreiben=file.letters,
            )
        kept = tuple(f for f in due if f.blocked)
        # audit pruefen compares the erased payloads with the sum logged here.
        uow.audit(
            audit_chain.RETENTION_RUN,
            "aufbewahrung",
            None,
            data={"geloescht": len(deleted), "zurueckgestellt": len(kept), audit_chain.RETENTION_ERASED: erased},
        )
        uow.commit()
    return RunResult(deleted, kept, erased)
