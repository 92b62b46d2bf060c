"""Stored deadlines (Fristen): created from events, recomputed when an input is corrected,
closed when the duty is fulfilled — every step logged. The engine is ``domain.deadlines``."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from typing import Any

from sqlalchemy import select

from abh_desk.domain.deadlines import ComputedDeadline, DeadlineContext, DispatchMethod, compute
from abh_desk.domain.enums import DEADLINE_KIND_LABELS, DEADLINE_STATUS_LABELS, DeadlineKind, DeadlineStatus
from abh_desk.domain.text import clean_text
from abh_desk.error_texts import Label
from abh_desk.errors import NotFound, ValidationError
from abh_desk.services.case_access import readable_case, require_case_access
from abh_desk.services.context import ServiceContext, UnitOfWork
from abh_desk.services.office import read_office_settings
from models import Case, Deadline, ResidenceTitle

#: A note on a Wiedervorlage, or what fulfilled a deadline.
MAX_NOTE = 2_000


def deadline_context(uow: UnitOfWork, case: Case | None = None, **overrides: Any) -> DeadlineContext:
    """The engine's context for this office (its Land) and, where given, the case's procedure."""
    settings = read_office_settings(uow.session)
    base = DeadlineContext.for_land(settings.land, local=settings.local_holidays)
    if case is not None:
        try:
            procedure = uow.ctx.catalogue.get(case.procedure_key)
            base = replace(base, reminder_weeks=procedure.reminder_weeks, processing_weeks=procedure.processing_weeks)
        except NotFound:
            pass
    return replace(base, **overrides)


def upsert_deadline(
    uow: UnitOfWork,
    case: Case,
    kind: DeadlineKind,
    event: date,
    source_event: str,
    title_id: int | None = None,
    **overrides: Any,
) -> Deadline:
    """Create the deadline, or recompute the open one of the same kind (and title) for the case.

    A changed due date is logged with the old and the new date."""
    return upsert_computed(uow, case, kind, event, source_event, title_id, **overrides)[0]


def upsert_computed(
    uow: UnitOfWork,
    case: Case,
    kind: DeadlineKind,
    event: date,
    source_event: str,
    title_id: int | None = None,
    letter_id: int | None = None,
    **overrides: Any,
) -> tuple[Deadline, ComputedDeadline]:
    """``upsert_deadline``, also handing back the engine's result (its Bekanntgabe, for instance).
    A deadline started by a letter (``letter_id``) is that letter's: another letter's is left alone."""
    computed: ComputedDeadline = compute(kind, event, deadline_context(uow, case, **overrides))
    existing = uow.session.scalar(
        select(Deadline).where(
            Deadline.case_id == case.id,
            Deadline.kind == kind.value,
            Deadline.status == DeadlineStatus.OPEN.value,
            Deadline.title_id.is_(None) if title_id is None else Deadline.title_id == title_id,
            Deadline.letter_id.is_(None) if letter_id is None else Deadline.letter_id == letter_id,
        )
    )
    if existing is not None:
        old_due = existing.due_date
        existing.event_date, existing.nominal_date, existing.due_date = event, computed.nominal, computed.due
        existing.note, existing.source_event = computed.note, source_event
        if old_due != computed.due:
            uow.audit(
                "frist_neu_berechnet",
                "deadline",
                existing.id,
                case_id=case.id,
                art=kind.value,
                alt=old_due.isoformat(),
                neu=computed.due.isoformat(),
                anlass=source_event,
            )
        return existing, computed
    deadline = Deadline(
        case_id=case.id,
        owner_id=case.owner_id,
        area_id=case.area_id,
        title_id=title_id,
        letter_id=letter_id,
        kind=kind.value,
        event_date=event,
        nominal_date=computed.nominal,
        due_date=computed.due,
        status=DeadlineStatus.OPEN.value,
        source_event=source_event,
        note=computed.note,
    )
    uow.session.add(deadline)
    uow.session.flush()
    uow.audit(
        "frist_angelegt",
        "deadline",
        deadline.id,
        case_id=case.id,
        art=kind.value,
        faellig=computed.due.isoformat(),
        anlass=source_event,
    )
    return deadline, computed


def close_deadline(
    uow: UnitOfWork, deadline: Deadline, reason: str, status: DeadlineStatus = DeadlineStatus.DONE
) -> None:
    if deadline.status != DeadlineStatus.OPEN.value:
        raise ValidationError("deadlines.already_closed", field="frist")
    deadline.status = status.value
    deadline.closed_at = uow.now
    deadline.note = f"{deadline.note or ''} {DEADLINE_STATUS_LABELS[status].capitalize()}: {reason}".strip()
    uow.audit(
        "frist_erledigt" if status == DeadlineStatus.DONE else "frist_aufgehoben",
        "deadline",
        deadline.id,
        case_id=deadline.case_id,
        grund=reason,
    )


def close_expiry_reminders(uow: UnitOfWork, person_id: int, reason: str) -> int:
    """An application for a title before expiry (Fiktionswirkung, § 81 Abs. 4 AufenthG) fulfils the
    person's open expiry reminders."""
    reminders = uow.session.scalars(
        select(Deadline)
        .join(Case, Case.id == Deadline.case_id)
        .where(
            Case.person_id == person_id,
            Deadline.kind == DeadlineKind.EXPIRY_REMINDER.value,
            Deadline.status == DeadlineStatus.OPEN.value,
        )
    ).all()
    for reminder in reminders:
        close_deadline(uow, reminder, reason)
    return len(reminders)


def _case(uow: UnitOfWork, case_id: int) -> Case:
    case = uow.session.get(Case, case_id)
    if case is None:
        raise NotFound("shared.case_not_found", case_id=case_id)
    return case


def _own_case(uow: UnitOfWork, case_id: int) -> Case:
    """The case, for a step of the signed-in user: only with access to it (case_access)."""
    case = _case(uow, case_id)
    require_case_access(uow.session, uow.ctx.actor, case, uow.today)
    return case


def set_follow_up(ctx: ServiceContext, case_id: int, on: date, note: str = "") -> int:
    """Wiedervorlage: a date the caseworker sets by hand (not in the past)."""
    note = clean_text(note, "notiz", Label("shared.label_note"), MAX_NOTE, multiline=True)
    with ctx.unit_of_work() as uow:
        deadline = add_follow_up(uow, _own_case(uow, case_id), on, note, "Wiedervorlage gesetzt")
        uow.commit()
        return deadline.id


def add_follow_up(
    uow: UnitOfWork, case: Case, on: date, note: str, source_event: str, today: date | None = None
) -> Deadline:
    """A Wiedervorlage of the case on ``on``, in the caller's transaction (logged). ``today`` is the
    transaction's day unless the caller records one set earlier (demo data)."""
    deadline = Deadline(
        case_id=case.id,
        owner_id=case.owner_id,
        area_id=case.area_id,
        kind=DeadlineKind.FOLLOW_UP.value,
        event_date=on,
        nominal_date=on,
        due_date=compute(DeadlineKind.FOLLOW_UP, on, deadline_context(uow, case, today=today or uow.today)).due,
        status=DeadlineStatus.OPEN.value,
        source_event=source_event,
        note=note.strip() or None,
    )
    uow.session.add(deadline)
    uow.session.flush()
    uow.audit("frist_angelegt", "deadline", deadline.id, case_id=case.id, art="wiedervorlage", faellig=on.isoformat())
    return deadline


def record_dispatch(
    ctx: ServiceContext,
    case_id: int,
    dispatched_on: date,
    method: DispatchMethod = DispatchMethod.POST,
    delivered_on: date | None = None,
    instructions_correct: bool = True,
) -> date:
    """A notice left the house: the objection (or lawsuit) period runs from its Bekanntgabe.

    Calling it again with a corrected date recomputes the open deadline; returns its due date."""
    if method == DispatchMethod.PZU and delivered_on is None:
        raise ValidationError("deadlines.delivery_date_missing", field="zugestellt")
    with ctx.unit_of_work() as uow:
        case = _own_case(uow, case_id)
        deadline = upsert_deadline(
            uow,
            case,
            DeadlineKind.REMEDY_PERIOD,
            dispatched_on,
            f"Versand am {dispatched_on:%d.%m.%Y}",
            method=method,
            delivered_on=delivered_on,
            instructions_correct=instructions_correct,
        )
        uow.commit()
        return deadline.due_date


def record_entry(ctx: ServiceContext, case_id: int, entry: date) -> date:
    """Visa-free entry: the 90-day stay ends on the returned date (stored as a deadline)."""
    with ctx.unit_of_work() as uow:
        case = _own_case(uow, case_id)
        case.entry_date = entry
        deadline = upsert_deadline(uow, case, DeadlineKind.VISA_FREE_STAY, entry, f"Einreise am {entry:%d.%m.%Y}")
        uow.commit()
        return deadline.due_date


def sync_title_reminder(uow: UnitOfWork, title: ResidenceTitle) -> Deadline | None:
    """Create or recompute the expiry reminder of a title that belongs to a case; a title without
    expiry (Niederlassungserlaubnis) cancels an open one."""
    if title.case_id is None:
        return None
    case = _case(uow, title.case_id)
    if title.valid_until is None:
        for reminder in uow.session.scalars(
            select(Deadline).where(Deadline.title_id == title.id, Deadline.status == DeadlineStatus.OPEN.value)
        ):
            close_deadline(uow, reminder, "Titel ist unbefristet", DeadlineStatus.CANCELLED)
        return None
    return upsert_deadline(
        uow,
        case,
        DeadlineKind.EXPIRY_REMINDER,
        title.valid_until,
        f"{title.kind} gültig bis {title.valid_until:%d.%m.%Y}",
        title_id=title.id,
    )


def complete_deadline(ctx: ServiceContext, deadline_id: int, reason: str) -> None:
    reason = clean_text(reason, "grund", Label("shared.label_reason"), MAX_NOTE)
    if not reason:
        raise ValidationError("deadlines.done_how_missing", field="grund")
    with ctx.unit_of_work() as uow:
        deadline = uow.session.get(Deadline, deadline_id)
        if deadline is None:
            raise NotFound("deadlines.no_such_deadline", deadline_id=deadline_id)
        _own_case(uow, deadline.case_id)
        close_deadline(uow, deadline, reason)
        uow.commit()


@dataclass(frozen=True)
class DeadlineInfo:
    id: int
    kind_label: str
    due_date: date
    status_label: str
    note: str


def case_deadlines(ctx: ServiceContext, case_id: int) -> list[DeadlineInfo]:
    with ctx.db.read() as session:
        readable_case(session, ctx.actor, case_id, ctx.today())
        rows = session.scalars(select(Deadline).where(Deadline.case_id == case_id).order_by(Deadline.due_date))
        return [
            DeadlineInfo(
                d.id,
                DEADLINE_KIND_LABELS[DeadlineKind(d.kind)],
                d.due_date,
                DEADLINE_STATUS_LABELS[DeadlineStatus(d.status)],
                d.note or "",
            )
            for d in rows
        ]
