"""The case's state (Bearbeitungsstand), changed only through the one rule of ``domain.case_flow``:
the steps a caseworker takes by hand (take up, ready for decision, back into work), the
applicant's withdrawal and closing with a reason. Every change is logged with the old and the new
state; the grant itself is ``services.grants``.
"""

from __future__ import annotations

import json
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from abh_desk.domain.case_flow import ACTION_LABELS, CaseAction, check
from abh_desk.domain.checklist import applies
from abh_desk.domain.enums import (
    CASE_STATUS_LABELS,
    OPEN_CASE_STATUSES,
    WITHDRAWAL_LABELS,
    CardStatus,
    CaseStatus,
    ChecklistStatus,
    DeadlineKind,
    DeadlineStatus,
    LetterKind,
    LetterStatus,
    Role,
    WithdrawalWay,
)
from abh_desk.domain.grants import GrantStatus
from abh_desk.domain.text import clean_text
from abh_desk.error_texts import Label
from abh_desk.errors import NotFound, PermissionDenied, ValidationError
from abh_desk.services.case_access import require_case_access
from abh_desk.services.changes import stale_record
from abh_desk.services.context import Actor, ServiceContext, UnitOfWork
from abh_desk.services.deadlines import close_deadline, sync_title_reminder
from abh_desk.services.queries import person_age
from models import CardOrder, Case, ChecklistItem, Deadline, Grant, Letter, Person, ResidenceTitle

MAX_NOTE = 2_000
#: Deadlines that end with the application: its processing time, a hearing, the Fiktionsbescheinigung,
#: the caseworker's follow-ups. The 90 days after a visa-free entry run on regardless.
ENDS_WITH_APPLICATION = (
    DeadlineKind.PROCESSING,
    DeadlineKind.HEARING,
    DeadlineKind.FICTION_CERTIFICATE,
    DeadlineKind.FOLLOW_UP,
)
#: A rejection that still runs: sent with its remedy period open, or contested.
UNSETTLED_REJECTION = (LetterStatus.SENT, LetterStatus.CONTESTED)


def require_casework(actor: Actor) -> None:
    """Casework steps are for caseworkers and team leads (and the system, for ``abh-desk``)."""
    if actor.user_id is not None and actor.role not in (Role.CASEWORKER, Role.TEAM_LEAD):
        raise PermissionDenied("case_status.casework_only")


def move(uow: UnitOfWork, case: Case, action: CaseAction, **details: Any) -> CaseStatus:
    """Take ``action`` on the case (after ``case_flow.check``) and log the change of state."""
    before = CaseStatus(case.status)
    after = check(action, before)
    if after != before:
        case.status = after.value
        uow.audit(
            "vorgang_status",
            "case",
            case.id,
            case_id=case.id,
            schritt=ACTION_LABELS[action],
            stand={"alt": CASE_STATUS_LABELS[before], "neu": CASE_STATUS_LABELS[after]},
            **{k: v for k, v in details.items() if v not in (None, "")},
        )
    return after


def load_case(uow: UnitOfWork, case_id: int, expected_version: int | None = None) -> Case:
    """The case for a casework step: it exists, this user may work on it, nobody saved it meanwhile."""
    case = uow.session.get(Case, case_id)
    if case is None:
        raise NotFound("shared.case_not_found", case_id=case_id)
    require_case_access(uow.session, uow.ctx.actor, case, uow.today)
    require_casework(uow.ctx.actor)
    if expected_version is not None and case.version != expected_version:
        raise stale_record(uow.session, Label("case_status.stale_case"), "case", case_id, case_id=case_id)
    return case


def find_case(ctx: ServiceContext, file_number: str) -> int:
    """The id of the case with this Aktenzeichen (upper or lower case as typed)."""
    text = file_number.strip().upper()
    with ctx.db.read() as session:
        case_id = session.scalar(select(Case.id).where(Case.file_number == text))
    if case_id is None:
        raise NotFound("case_status.no_such_file_number", file_number=file_number.strip())
    return int(case_id)


def missing_documents(session: Session, case: Case, today: date) -> list[str]:
    """The documents of the case's checklist that apply and are still missing, in order: what the
    applicant is asked for. What the authority checks itself is not among them (``open_checks``)."""
    return _open_lines(session, case, today, authority_check=False)


def open_checks(session: Session, case: Case, today: date) -> list[str]:
    """Prüfung durch die Behörde (§ 24 VwVfG): the conditions that apply and are not yet checked."""
    return _open_lines(session, case, today, authority_check=True)


def _open_lines(session: Session, case: Case, today: date, *, authority_check: bool) -> list[str]:
    person = session.get(Person, case.person_id)
    age = person_age(person, today) if person else None
    facts = json.loads(case.facts_json or "[]")
    return [
        item.text
        for item in session.scalars(
            select(ChecklistItem)
            .where(
                ChecklistItem.case_id == case.id,
                ChecklistItem.status == ChecklistStatus.MISSING.value,
                ChecklistItem.authority_check.is_(authority_check),
            )
            .order_by(ChecklistItem.position)
        )
        if item.extra or applies(item.condition, age, facts)
    ]


def open_checks_message(open_: list[str], what: Label | str) -> ValidationError:
    shown = "; ".join(f"„{text}“" for text in open_[:3]) + (" …" if len(open_) > 3 else "")
    key = "case_status.one_check_open" if len(open_) == 1 else "case_status.checks_open"
    return ValidationError(key, field="pruefungen", open_checks=len(open_), shown=shown, what=what)


def missing_message(missing: list[str], what: Label | str) -> ValidationError:
    shown = "; ".join(f"„{text}“" for text in missing[:3]) + (" …" if len(missing) > 3 else "")
    key = "case_status.one_document_missing" if len(missing) == 1 else "case_status.documents_missing"
    return ValidationError(key, field="unterlagen", missing=len(missing), shown=shown, what=what)


def change_status(ctx: ServiceContext, case_id: int, action: CaseAction, expected_version: int | None = None) -> None:
    """Bearbeitung aufnehmen, Entscheidungsreif, Wieder in Bearbeitung: the steps that need nothing
    but the rule (and, for "entscheidungsreif", a complete checklist)."""
    if action not in (CaseAction.START, CaseAction.MARK_READY, CaseAction.RESUME):
        raise ValidationError("case_status.own_step", action=ACTION_LABELS[action], field="status")
    with ctx.unit_of_work() as uow:
        case = load_case(uow, case_id, expected_version)
        check(action, CaseStatus(case.status))
        if action == CaseAction.MARK_READY:
            missing = missing_documents(uow.session, case, uow.today)
            if missing:
                raise missing_message(missing, Label("domain_enums.case_status_ready_for_decision"))
            checks = open_checks(uow.session, case, uow.today)
            if checks:
                raise open_checks_message(checks, Label("domain_enums.case_status_ready_for_decision"))
        if action == CaseAction.RESUME and pending_grant(uow.session, case.id) is not None:
            raise ValidationError(
                "case_status.grant_awaits_release",
                field="status",
            )
        move(uow, case, action)
        uow.commit()


def pending_grant(session: Session, case_id: int) -> Grant | None:
    return session.scalar(select(Grant).where(Grant.case_id == case_id, Grant.status == GrantStatus.IN_REVIEW.value))


def end_application(uow: UnitOfWork, case: Case, reason: str) -> None:
    """What ends with an application that is withdrawn or closed undecided: its deadlines, a grant
    waiting for approval — and the Fiktion of § 81 Abs. 4 AufenthG, so the title the person holds
    gets its expiry reminder again."""
    for deadline in uow.session.scalars(
        select(Deadline).where(
            Deadline.case_id == case.id,
            Deadline.status == DeadlineStatus.OPEN.value,
            Deadline.kind.in_([k.value for k in ENDS_WITH_APPLICATION]),
        )
    ):
        close_deadline(uow, deadline, reason, DeadlineStatus.CANCELLED)
    waiting = pending_grant(uow.session, case.id)
    if waiting is not None:
        waiting.status = GrantStatus.OBSOLETE.value
        uow.audit("bewilligung_gegenstandslos", "grant", waiting.id, case_id=case.id, grund=reason)
    other_open = uow.session.scalar(
        select(Case.id).where(
            Case.person_id == case.person_id,
            Case.id != case.id,
            Case.status.in_([s.value for s in OPEN_CASE_STATUSES]),
        )
    )
    if other_open is None:
        current = uow.session.scalars(
            select(ResidenceTitle)
            .where(ResidenceTitle.person_id == case.person_id)
            .order_by(ResidenceTitle.valid_from.desc(), ResidenceTitle.id.desc())
            .limit(1)
        ).first()
        if current is not None and current.valid_until is not None and current.valid_until >= uow.today:
            sync_title_reminder(uow, current)


def withdraw(
    ctx: ServiceContext,
    case_id: int,
    expected_version: int | None,
    received_on: date,
    way: WithdrawalWay,
    note: str = "",
) -> None:
    """Antragsrücknahme: the applicant withdrew the application (received on, how); the case ends
    without a decision, and what belonged to the application ends with it."""
    note = clean_text(note, "notiz", Label("shared.label_note"), MAX_NOTE, multiline=True)
    with ctx.unit_of_work() as uow:
        case = load_case(uow, case_id, expected_version)
        check(CaseAction.WITHDRAW, CaseStatus(case.status))
        if received_on > uow.today:
            raise ValidationError("case_status.withdrawal_in_future", field="eingang")
        if received_on < case.applied_on:
            raise ValidationError(
                "case_status.withdrawal_before_application",
                applied_on=case.applied_on,
                field="eingang",
            )
        how = WITHDRAWAL_LABELS[way]
        outcome = f"Antrag {how} zurückgenommen am {received_on:%d.%m.%Y}" + (f": {note}" if note else "")
        case.decided_on, case.outcome_note = received_on, outcome
        end_application(uow, case, f"Antrag zurückgenommen am {received_on:%d.%m.%Y}")
        move(uow, case, CaseAction.WITHDRAW, eingang=received_on.isoformat(), wie=how, notiz=note)
        uow.commit()


def close_case(ctx: ServiceContext, case_id: int, expected_version: int | None, reason: str) -> None:
    """Abschließen: an open case without a decision (moved away, died, nothing left to decide), or a
    decided one whose file is done. A card not yet handed over or a rejection still open to a
    remedy keeps the case open."""
    reason = clean_text(reason, "grund", Label("shared.label_reason"), MAX_NOTE, multiline=True)
    if not reason:
        raise ValidationError("case_status.close_reason_missing", field="grund")
    with ctx.unit_of_work() as uow:
        case = load_case(uow, case_id, expected_version)
        before = CaseStatus(case.status)
        check(CaseAction.CLOSE, before)
        open_card = uow.session.scalar(
            select(CardOrder.id).where(
                CardOrder.case_id == case.id,
                CardOrder.status.in_([CardStatus.ORDERED.value, CardStatus.ARRIVED.value, CardStatus.NOTIFIED.value]),
            )
        )
        if open_card is not None:
            raise ValidationError(
                "case_status.card_not_handed_over",
                field="status",
            )
        rejection = uow.session.scalar(
            select(Letter.status).where(
                Letter.case_id == case.id,
                Letter.kind == LetterKind.REJECTION.value,
                Letter.status.in_([s.value for s in UNSETTLED_REJECTION]),
            )
        )
        if rejection is not None:
            raise ValidationError(
                "case_status.rejection_not_final",
                field="status",
            )
        if before.is_open:
            case.decided_on = uow.today
            end_application(uow, case, f"Vorgang abgeschlossen: {reason}")
        case.outcome_note = reason if before.is_open else f"{case.outcome_note or ''}\n{reason}".strip()
        move(uow, case, CaseAction.CLOSE, grund=reason)
        uow.commit()


def documents_changed(uow: UnitOfWork, case: Case, ticked: bool = True) -> None:
    """After the checklist changed: a new case whose documents are ticked is being worked on, and a
    case waiting for documents is back in work once none is missing (its Nachforderung's follow-up
    is done). ``ticked``: a document was ticked (not only a fact recorded)."""
    status = CaseStatus(case.status)
    if status == CaseStatus.NEW and ticked:
        move(uow, case, CaseAction.START)
    elif status == CaseStatus.WAITING_FOR_DOCUMENTS and not missing_documents(uow.session, case, uow.today):
        for deadline in uow.session.scalars(
            select(Deadline).where(
                Deadline.case_id == case.id,
                Deadline.kind == DeadlineKind.FOLLOW_UP.value,
                Deadline.status == DeadlineStatus.OPEN.value,
                Deadline.source_event.startswith("Nachforderung"),
            )
        ):
            close_deadline(uow, deadline, "Unterlagen vollständig eingegangen")
        move(uow, case, CaseAction.DOCUMENTS_COMPLETE)
