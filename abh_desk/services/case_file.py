"""The case file (Vorgangsakte): overview, document checklist, deadlines, history — and the
checklist work: received, missing again, waived with a reason, an extra document, case facts.

Every change returns the refreshed file, so the window shows the new running count at once.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import func, select

from abh_desk.domain.case_flow import ACTION_LABELS as CASE_ACTIONS
from abh_desk.domain.case_flow import CaseAction
from abh_desk.domain.catalogue import CONDITIONS
from abh_desk.domain.checklist import applies, case_facts
from abh_desk.domain.enums import (
    CASE_STATUS_LABELS,
    CHECK_LABELS,
    CHECKLIST_LABELS,
    DEADLINE_KIND_LABELS,
    CaseStatus,
    ChecklistStatus,
)
from abh_desk.domain.money import euro
from abh_desk.domain.text import clean_text
from abh_desk.error_texts import Label
from abh_desk.errors import NotFound, ValidationError
from abh_desk.services.assignment import active_deputy
from abh_desk.services.case_access import require_case_access
from abh_desk.services.case_status import documents_changed
from abh_desk.services.changes import stale_record
from abh_desk.services.context import ServiceContext, UnitOfWork
from abh_desk.services.deadlines import DeadlineInfo, case_deadlines
from abh_desk.services.queries import birth_text, person_age
from abh_desk.services.read_log import note_read
from models import Area, AuditEvent, Case, CaseDocument, ChecklistItem, Person, User

MAX_TEXT = 500


@dataclass(frozen=True)
class ChecklistLine:
    id: int
    text: str
    condition_label: str
    status: ChecklistStatus
    status_label: str
    received_on: date | None
    waiver_reason: str
    extra: bool
    version: int
    authority_check: bool = False
    """Prüfung durch die Behörde (§ 24 VwVfG), not a document of the applicant."""
    documents: int = 0
    """Scans and files in the e-file for this item."""


@dataclass(frozen=True)
class CaseOverview:
    id: int
    version: int
    file_number: str
    person_id: int
    person_name: str
    birth_date: str
    procedure_key: str
    procedure_name: str
    legal_basis: str
    area: str
    status: CaseStatus
    status_label: str
    owner: str
    deputy: str
    applied_on: date
    decided_on: date | None
    fee_cents: int | None
    fee_text: str
    facts: tuple[str, ...]
    available_facts: tuple[tuple[str, str], ...]
    """(condition key, German label) the caseworker can record for this procedure."""


@dataclass(frozen=True)
class HistoryEntry:
    when: datetime
    who: str
    action: str
    details: str


@dataclass(frozen=True)
class CaseFile:
    overview: CaseOverview
    checklist: tuple[ChecklistLine, ...]
    deadlines: tuple[DeadlineInfo, ...]
    history: tuple[HistoryEntry, ...]
    access: str = "zuständig"
    """Why this user sees the case: zuständig, Vertretung, geteilt, Teamleitung, Administration, mit Begründung."""
    checks: tuple[ChecklistLine, ...] = ()
    """Prüfung durch die Behörde (§ 24 VwVfG): what the caseworker establishes; not in ``missing``."""

    @property
    def missing(self) -> int:
        """Documents the applicant still has to bring (the authority's own checks do not count)."""
        return sum(1 for line in self.checklist if line.status == ChecklistStatus.MISSING)

    @property
    def open_checks(self) -> int:
        return sum(1 for line in self.checks if line.status == ChecklistStatus.MISSING)


#: The history's steps by the audit action logged.
ACTION_LABELS = {
    "vorgang_angelegt": Label("case_file.history_case_opened"),
    "unterlage_eingegangen": Label("case_file.history_document_received"),
    "unterlage_fehlt": Label("case_file.history_document_missing_again"),
    "unterlage_verzichtet": Label("case_file.history_document_waived"),
    "unterlage_hinzugefuegt": Label("case_file.history_document_requested"),
    "pruefung_erledigt": Label("case_file.history_check_done"),
    "pruefung_offen": Label("case_file.history_check_open_again"),
    "pruefung_entfaellt": Label("case_file.history_check_not_applicable"),
    "sachverhalt_geaendert": Label("case_file.history_details_changed"),
    "status_geaendert": Label("case_file.history_status_changed"),
    "vorgang_status": Label("case_file.history_status_changed"),
    "bewilligung_vorgelegt": CASE_ACTIONS[CaseAction.SUBMIT_GRANT],
    "bewilligung_freigegeben": Label("case_file.history_grant_approved"),
    "bewilligung_zurueckgegeben": CASE_ACTIONS[CaseAction.RETURN_GRANT],
    "bewilligung_gegenstandslos": Label("case_file.history_grant_obsolete"),
    "gebuehr_festgesetzt": Label("case_file.history_fee_set"),
    "frist_angelegt": Label("case_file.history_deadline_created"),
    "frist_neu_berechnet": Label("case_file.history_deadline_recalculated"),
    "frist_erledigt": Label("case_file.history_deadline_done"),
    "frist_aufgehoben": Label("case_file.history_deadline_cancelled"),
    "zustaendigkeit_verschoben": Label("case_file.history_responsibility_moved"),
    "vorgang_umverteilt": Label("case_file.history_case_reassigned"),
    "titel_erteilt": Label("case_file.history_title_granted"),
    "titel_geaendert": Label("case_file.history_title_changed"),
    "erinnerung_erstellt": Label("case_file.history_reminder_created"),
    "schreiben_erstellt": Label("case_file.history_letter_created"),
    "eat_bestellt": Label("case_file.history_card_ordered"),
    "eat_eingegangen": Label("case_file.history_card_received"),
    "eat_benachrichtigt": Label("case_file.history_card_notified"),
    "eat_erinnert": Label("case_file.history_card_reminded"),
    "eat_ausgehaendigt": Label("case_file.history_card_handed_over"),
    "eat_zurueckgesandt": Label("case_file.history_card_sent_back"),
    "eat_vernichtet": Label("case_file.history_card_destroyed"),
    "dokument_hinzugefuegt": Label("case_file.history_document_added"),
    "dokument_entfernt": Label("case_file.history_document_removed"),
}


#: Keys of logged values whose plain spelling reads wrong (umlauts, abbreviations).
DETAIL_LABELS = {
    "gueltig_ab": "Gültig ab",
    "gueltig_bis": "Gültig bis",
    "gebuehr": "Gebühr",
    "gebuehr_grund": "Grund der Gebühr",
    "entschieden_am": "Entschieden am",
    "versandt_am": "Versandt am",
    "zustaendig": "Zuständig",
    "art": "Art",
    "faellig": "Fällig",
    "faellig_seit": "Fällig seit",
    "grund": "Grund",
    "bemerkung": "Bemerkung",
}


#: Deadline kinds as logged ("wiedervorlage") → their names.
DEADLINE_KINDS = {kind.value: label for kind, label in DEADLINE_KIND_LABELS.items()}


def _details(payload_json: str | None) -> str:
    if not payload_json:
        return ""
    try:
        payload = json.loads(payload_json)
    except ValueError:
        return ""
    parts = []
    for key, value in payload.items():
        label = DETAIL_LABELS.get(key) or key.replace("_", " ").capitalize()
        if isinstance(value, dict) and set(value) == {"alt", "neu"}:
            parts.append(f"{label}: {_shown(value['alt'])} → {_shown(value['neu'])}")
        elif key == "art" and value in DEADLINE_KINDS:  # the kind's name, never its key ("wiedervorlage")
            parts.append(f"{label}: {DEADLINE_KINDS[value]}")
        elif value not in (None, "", [], {}):
            parts.append(f"{label}: {_shown(value)}")
    return "; ".join(parts)


_ISO_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")


def _shown(value: object) -> str:
    """A logged value as a person reads it: ISO dates as TT.MM.JJJJ, lists joined."""
    if isinstance(value, list):
        return ", ".join(_shown(item) for item in value)
    text = str(value)
    match = _ISO_DATE.match(text)
    return f"{match.group(3)}.{match.group(2)}.{match.group(1)}" if match else text


def get_case_file(ctx: ServiceContext, case_id: int) -> CaseFile:
    today = ctx.today()
    with ctx.db.read() as session:
        row = session.execute(
            select(Case, Person, Area.name, User.display_name)
            .join(Person, Person.id == Case.person_id)
            .join(Area, Area.id == Case.area_id)
            .outerjoin(User, User.id == Case.owner_id)
            .where(Case.id == case_id)
        ).first()
        if row is None:
            raise NotFound("shared.case_not_found", case_id=case_id)
        case, person, area, owner = row
        access = require_case_access(session, ctx.actor, case, today)
        try:
            procedure = ctx.catalogue.get(case.procedure_key)
            name, basis, conditions = procedure.name, procedure.legal_basis, procedure.fact_conditions
        except NotFound:
            name, basis, conditions = case.procedure_key, "", ()
        facts = tuple(json.loads(case.facts_json or "[]"))
        age = person_age(person, today)
        deputy = active_deputy(session, case.owner_id, today) if case.owner_id else None
        items = session.scalars(
            select(ChecklistItem).where(ChecklistItem.case_id == case.id).order_by(ChecklistItem.position)
        ).all()
        scans = {
            item_id: count
            for item_id, count in session.execute(
                select(CaseDocument.checklist_item_id, func.count())
                .where(CaseDocument.case_id == case.id, CaseDocument.checklist_item_id.is_not(None))
                .group_by(CaseDocument.checklist_item_id)
            )
        }
        lines = [
            (
                i.authority_check,
                ChecklistLine(
                    i.id,
                    i.text,
                    CONDITIONS.get(i.condition, i.condition) if i.condition else "",
                    ChecklistStatus(i.status),
                    (CHECK_LABELS if i.authority_check else CHECKLIST_LABELS)[ChecklistStatus(i.status)],
                    i.received_on,
                    i.waiver_reason or "",
                    i.extra,
                    i.version,
                    i.authority_check,
                    scans.get(i.id, 0),
                ),
            )
            for i in items
            if i.extra or applies(i.condition, age, facts)
        ]
        checklist = tuple(line for check, line in lines if not check)
        checks = tuple(line for check, line in lines if check)
        events = session.execute(
            select(AuditEvent, User.display_name)
            .outerjoin(User, User.id == AuditEvent.user_id)
            .where(AuditEvent.case_id == case.id)
            .order_by(AuditEvent.occurred_at.desc(), AuditEvent.id.desc())
        ).all()
        history = tuple(
            HistoryEntry(
                e.occurred_at, who or "System", ACTION_LABELS.get(e.action, e.action), _details(e.payload_json)
            )
            for e, who in events
            if not e.action.endswith("_gelesen")  # reads are in the audit trail, not the case's history
        )
        overview = CaseOverview(
            id=case.id,
            version=case.version,
            file_number=case.file_number,
            person_id=person.id,
            person_name=f"{person.family_name}, {person.given_names}".rstrip(", "),
            birth_date=birth_text(person),
            procedure_key=case.procedure_key,
            procedure_name=name,
            legal_basis=basis,
            area=area,
            status=CaseStatus(case.status),
            status_label=CASE_STATUS_LABELS[CaseStatus(case.status)],
            owner=owner or "",
            deputy=deputy.display_name if deputy else "",
            applied_on=case.applied_on,
            decided_on=case.decided_on,
            fee_cents=case.fee_cents,
            fee_text=euro(case.fee_cents) if case.fee_cents is not None else "–",
            facts=facts,
            available_facts=tuple((k, CONDITIONS.get(k, k)) for k in case_facts(conditions)),
        )
    note_read(ctx, "vorgang_gelesen", "vorgang", case_id, case_id)
    return CaseFile(overview, checklist, tuple(case_deadlines(ctx, case_id)), history, access, checks)


def open_item(uow: UnitOfWork, item_id: int, expected_version: int | None) -> tuple[ChecklistItem, Case]:
    """A checklist item to change, with its case: access checked, its version, the case still open."""
    item = uow.session.get(ChecklistItem, item_id)
    if item is None:
        raise NotFound("case_file.no_such_item", item_id=item_id)
    case = uow.session.get(Case, item.case_id)
    assert case is not None
    require_case_access(uow.session, uow.ctx.actor, case, uow.today)
    if expected_version is not None and item.version != expected_version:
        raise stale_record(uow.session, Label("case_file.stale_item"), "checklist_item", item_id, item_id=item_id)
    if not CaseStatus(case.status).is_open:
        raise ValidationError(
            "case_file.case_closed",
            status=CASE_STATUS_LABELS[CaseStatus(case.status)].lower(),
            field="status",
        )
    return item, case


def mark_received(
    ctx: ServiceContext,
    item_id: int,
    on: date | None = None,
    expected_version: int | None = None,
) -> CaseFile:
    """Tick a document as received (date defaults to today; not in the future). A document received
    already keeps its day: ticking it again is refused, only a date given on purpose corrects it."""
    ctx = ctx.frozen()
    today = ctx.today()
    given = on
    on = on or today
    if on > today:
        raise ValidationError("shared.received_in_future", field="eingang")
    with ctx.unit_of_work() as uow:
        item, case = open_item(uow, item_id, expected_version)
        earlier = item.received_on if item.status == ChecklistStatus.RECEIVED.value else None
        if earlier is not None and (given is None or given == earlier):
            raise ValidationError(
                "case_file.received_already",
                earlier=earlier,
                field="eingang",
            )
        receive_item(uow, item, case, on)
        uow.commit()
        case_id = item.case_id
    return get_case_file(ctx, case_id)


def receive_item(uow: UnitOfWork, item: ChecklistItem, case: Case, on: date) -> None:
    """The item counts as received on ``on`` (logged); the case's state follows its checklist."""
    item.status, item.received_on, item.waiver_reason = ChecklistStatus.RECEIVED.value, on, None
    documents_changed(uow, case)
    uow.audit(
        "pruefung_erledigt" if item.authority_check else "unterlage_eingegangen",
        "checklist_item",
        item.id,
        case_id=item.case_id,
        unterlage=item.text,
        eingang=on.isoformat(),
    )


def mark_missing(ctx: ServiceContext, item_id: int, expected_version: int | None = None) -> CaseFile:
    with ctx.unit_of_work() as uow:
        item, case = open_item(uow, item_id, expected_version)
        item.status, item.received_on, item.waiver_reason = ChecklistStatus.MISSING.value, None, None
        documents_changed(uow, case)
        action = "pruefung_offen" if item.authority_check else "unterlage_fehlt"
        uow.audit(action, "checklist_item", item.id, case_id=item.case_id, unterlage=item.text)
        uow.commit()
        case_id = item.case_id
    return get_case_file(ctx, case_id)


def check_document_waiver(reason: str) -> str:
    """The reason for waiving a document, as stored; ValidationError when empty or too long."""
    reason = clean_text(reason, "grund", Label("shared.label_reason"), MAX_TEXT)
    if not reason:
        raise ValidationError("case_file.waiver_reason_missing", field="grund")
    return reason


def waive_document(ctx: ServiceContext, item_id: int, reason: str, expected_version: int | None = None) -> CaseFile:
    """Verzicht: the document is not needed in this case, for the reason given (logged)."""
    reason = check_document_waiver(reason)
    with ctx.unit_of_work() as uow:
        item, case = open_item(uow, item_id, expected_version)
        item.status, item.received_on, item.waiver_reason = ChecklistStatus.WAIVED.value, None, reason
        documents_changed(uow, case)
        action = "pruefung_entfaellt" if item.authority_check else "unterlage_verzichtet"
        uow.audit(action, "checklist_item", item.id, case_id=item.case_id, unterlage=item.text, grund=reason)
        uow.commit()
        case_id = item.case_id
    return get_case_file(ctx, case_id)


def add_document(ctx: ServiceContext, case_id: int, text: str) -> CaseFile:
    """A further document asked for in this case only."""
    text = clean_text(text, "unterlage", Label("case_file.label_document_name"), MAX_TEXT)
    if not text:
        raise ValidationError("case_file.name_the_document", field="unterlage")
    with ctx.unit_of_work() as uow:
        case = uow.session.get(Case, case_id)
        if case is None:
            raise NotFound("shared.case_not_found", case_id=case_id)
        require_case_access(uow.session, ctx.actor, case, uow.today)
        if not CaseStatus(case.status).is_open:
            raise ValidationError("case_file.case_not_open", field="status")
        last = uow.session.scalar(
            select(ChecklistItem.position)
            .where(ChecklistItem.case_id == case_id)
            .order_by(ChecklistItem.position.desc())
            .limit(1)
        )
        item = ChecklistItem(
            case_id=case_id, position=(last or 0) + 1, text=text, extra=True, status=ChecklistStatus.MISSING.value
        )
        uow.session.add(item)
        uow.session.flush()
        uow.audit("unterlage_hinzugefuegt", "checklist_item", item.id, case_id=case_id, unterlage=text)
        uow.commit()
    return get_case_file(ctx, case_id)


def set_facts(ctx: ServiceContext, case_id: int, facts: set[str], expected_version: int | None = None) -> CaseFile:
    """Record which conditions hold (language course, visa required …): their documents appear."""
    unknown = facts - set(CONDITIONS)
    if unknown:
        raise ValidationError("case_file.unknown_facts", unknown=", ".join(sorted(unknown)), field="angaben")
    with ctx.unit_of_work() as uow:
        case = uow.session.get(Case, case_id)
        if case is None:
            raise NotFound("shared.case_not_found", case_id=case_id)
        require_case_access(uow.session, ctx.actor, case, uow.today)
        if expected_version is not None and case.version != expected_version:
            raise stale_record(uow.session, Label("case_status.stale_case"), "case", case_id, case_id=case_id)
        old = json.loads(case.facts_json or "[]")
        new = sorted(facts)
        if old != new:
            case.facts_json = json.dumps(new)
            uow.audit(
                "sachverhalt_geaendert",
                "case",
                case.id,
                case_id=case.id,
                angaben={
                    "alt": ", ".join(CONDITIONS.get(f, f) for f in old) or "keine",
                    "neu": ", ".join(CONDITIONS.get(f, f) for f in new) or "keine",
                },
            )
            if CaseStatus(case.status).is_open:
                documents_changed(uow, case, ticked=False)
            uow.commit()
    return get_case_file(ctx, case_id)
