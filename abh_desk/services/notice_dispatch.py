"""After approval: dispatch (posting date and way → Bekanntgabe → the objection or lawsuit
deadline), finality when that deadline passes unused, and an objection or lawsuit with its outcome."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import select

from abh_desk.clock import office_day
from abh_desk.domain.case_flow import CaseAction
from abh_desk.domain.deadlines import DISPATCH_METHOD_LABELS, DispatchMethod
from abh_desk.domain.enums import CaseStatus, DeadlineKind, DeadlineStatus, LetterKind, LetterStatus
from abh_desk.domain.notice_flow import (
    OUTCOME_LABELS,
    REMEDY_LABELS,
    NoticeAction,
    RemedyKind,
    RemedyOutcome,
    outcome_status,
)
from abh_desk.domain.text import clean_text
from abh_desk.error_texts import Label
from abh_desk.errors import ValidationError
from abh_desk.services.case_status import move
from abh_desk.services.context import ServiceContext, UnitOfWork
from abh_desk.services.deadlines import close_deadline, upsert_computed
from abh_desk.services.notice_review import check_addressees
from abh_desk.services.notices import load_notice, step
from abh_desk.services.office import read_office_settings
from abh_desk.services.remedy_rows import require_usable_remedy
from letters.remedies import load_remedies
from models import Case, Deadline, Letter


@dataclass(frozen=True)
class Dispatched:
    notification_date: date
    deadline_due: date
    remedy: str


def dispatch(
    ctx: ServiceContext,
    letter_id: int,
    version: int,
    posted_on: date,
    method: DispatchMethod = DispatchMethod.POST,
    delivered_on: date | None = None,
) -> Dispatched:
    """Versand of an approved notice: the case is rejected, the remedy period runs from Bekanntgabe."""
    today = ctx.today()
    if posted_on > today:
        raise ValidationError("notice_dispatch.posted_in_future", field="versandt_am")
    if method == DispatchMethod.PZU:
        if delivered_on is None:
            raise ValidationError("notice_dispatch.delivery_date_missing", field="zugestellt_am")
        if not posted_on <= delivered_on <= today:
            raise ValidationError("notice_dispatch.delivery_date_out_of_range", field="zugestellt_am")
    elif delivered_on is not None:
        raise ValidationError("notice_dispatch.delivery_date_without_pzu", field="zugestellt_am")
    with ctx.unit_of_work() as uow:
        letter = load_notice(uow, letter_id, version)
        require_usable_remedy(uow.session)
        approved_on = office_day(letter.reviewed_at) if letter.reviewed_at is not None else None
        if approved_on is not None and posted_on < approved_on:
            raise ValidationError(
                "notice_dispatch.posted_before_approval", field="versandt_am", approved_on=approved_on
            )
        check_addressees(uow, letter, posted_on)  # the representation on the day it leaves the house
        step(
            uow,
            letter,
            NoticeAction.DISPATCH,
            am=posted_on.isoformat(),
            art=DISPATCH_METHOD_LABELS[method],
            details=f"{DISPATCH_METHOD_LABELS[method]} am {posted_on:%d.%m.%Y}",
        )
        case = uow.session.get(Case, letter.case_id)
        assert case is not None
        deadline, computed = upsert_computed(
            uow,
            case,
            DeadlineKind.REMEDY_PERIOD,
            posted_on,
            f"Ablehnungsbescheid versandt am {posted_on:%d.%m.%Y}",
            letter_id=letter.id,
            method=method,
            delivered_on=delivered_on,
        )
        assert computed.notification is not None
        _check_addressees_when_made_known(uow, letter, posted_on, computed.notification.legal_day)
        letter.posted_on, letter.dispatch_method, letter.delivered_on = posted_on, method.value, delivered_on
        letter.notification_date = computed.notification.legal_day
        if case.status != CaseStatus.REJECTED.value:
            move(uow, case, CaseAction.REJECT, versandt_am=posted_on.isoformat())  # the one rule of case_flow
            case.decided_on = posted_on
        remedy = _remedy_kind(uow, letter)
        uow.commit()
        return Dispatched(computed.notification.legal_day, deadline.due_date, REMEDY_LABELS[remedy])


def _check_addressees_when_made_known(uow: UnitOfWork, letter: Letter, posted_on: date, made_known: date) -> None:
    """The addressees must still be the right ones on the day the notice is made known (§ 41 Abs. 2
    VwVfG: by post the fourth day after posting). A minor who comes of age in between is no longer
    represented by her parents when the notice reaches them (§ 80 Abs. 1 AufenthG, § 1626 BGB), and a
    notice to her herself would have been sent while she was a minor: by post it cannot go that week."""
    if made_known == posted_on:
        return
    try:
        check_addressees(uow, letter, made_known)
    except ValidationError as exc:
        if exc.key != "notice_addressing.now_of_age":
            raise
        raise ValidationError(
            "notice_dispatch.of_age_before_made_known", field="versandt_am", posted_on=posted_on, made_known=made_known
        ) from exc


def _remedy_kind(uow: UnitOfWork, letter: Letter) -> RemedyKind:
    """The remedy the notice's Rechtsbehelfsbelehrung names (the office's Land, the EU/ARB exception)."""
    data = json.loads(letter.data_json)
    land = read_office_settings(uow.session).land
    remedy = load_remedies().remedy_for(land, eu_or_arb_exception=bool(data.get("eu_or_arb_exception")))
    return RemedyKind(remedy.kind)


def _remedy_deadline_of(uow: UnitOfWork, letter: Letter) -> Deadline | None:
    return uow.session.scalar(
        select(Deadline)
        .where(Deadline.letter_id == letter.id, Deadline.kind == DeadlineKind.REMEDY_PERIOD.value)
        .order_by(Deadline.id.desc())
    )


@dataclass(frozen=True)
class RegisteredNotice:
    """A line of the register of rejection notices (``abh-desk bescheide``)."""

    file_number: str
    status: LetterStatus
    created_on: date
    remedy_until: date | None  # the end of the objection or lawsuit period, once it was sent


def notice_register(ctx: ServiceContext) -> list[RegisteredNotice]:
    """Every rejection notice of the office, oldest first, with its remedy period once sent."""
    with ctx.db.read() as session:
        rows = session.execute(
            select(Case.file_number, Letter.status, Letter.created_at, Deadline.due_date)
            .join(Case, Case.id == Letter.case_id)
            .outerjoin(
                Deadline,
                (Deadline.letter_id == Letter.id) & (Deadline.kind == DeadlineKind.REMEDY_PERIOD.value),
            )
            .where(Letter.kind == LetterKind.REJECTION.value)
            .order_by(Letter.created_at, Letter.id)
        ).all()
    return [
        RegisteredNotice(number, LetterStatus(status), office_day(created), due)
        for number, status, created, due in rows
    ]


def finalize_due_notices(ctx: ServiceContext) -> int:
    """Bestandskraft: sent notices whose remedy period ended before today without an objection or
    lawsuit become final; their deadline is done. Returns how many. Safe to run at any time."""
    today = ctx.today()
    with ctx.unit_of_work() as uow:
        due = uow.session.execute(
            select(Letter, Deadline)
            .join(Deadline, Deadline.letter_id == Letter.id)
            .where(
                Letter.kind == LetterKind.REJECTION.value,
                Letter.status == LetterStatus.SENT.value,
                Deadline.kind == DeadlineKind.REMEDY_PERIOD.value,
                Deadline.status == DeadlineStatus.OPEN.value,
                Deadline.due_date < today,
            )
        ).all()
        for letter, deadline in due:
            step(uow, letter, NoticeAction.MARK_FINAL, details=f"Frist bis {deadline.due_date:%d.%m.%Y} ungenutzt")
            letter.final_on = deadline.due_date + timedelta(days=1)
            close_deadline(uow, deadline, "abgelaufen ohne Rechtsbehelf; Bescheid bestandskräftig")
        uow.commit()
        return len(due)


def record_remedy(
    ctx: ServiceContext, letter_id: int, version: int, received_on: date, kind: RemedyKind | None = None
) -> bool:
    """Widerspruch or Klage received; returns whether it came in time (a late one is recorded too)."""
    with ctx.unit_of_work() as uow:
        letter = load_notice(uow, letter_id, version)
        if received_on > uow.today:
            raise ValidationError("notice_dispatch.remedy_in_future", field="eingang")
        if letter.posted_on is not None and received_on < letter.posted_on:
            raise ValidationError("notice_dispatch.remedy_before_dispatch", field="eingang")
        kind = kind or _remedy_kind(uow, letter)
        deadline = _remedy_deadline_of(uow, letter)
        in_time = deadline is None or received_on <= deadline.due_date
        step(
            uow,
            letter,
            NoticeAction.RECORD_REMEDY,
            art=REMEDY_LABELS[kind],
            am=received_on.isoformat(),
            details=f"{REMEDY_LABELS[kind]} vom {received_on:%d.%m.%Y}" + ("" if in_time else " (verspätet)"),
        )
        letter.remedy_kind, letter.remedy_received_on = kind.value, received_on
        if not in_time and deadline is not None and letter.final_on is None:
            # Out of time: the notice became final when the period ended, whether or not the
            # start-up run had marked it yet; the late remedy is still recorded and dealt with.
            letter.final_on = deadline.due_date + timedelta(days=1)
        if deadline is not None and deadline.status == DeadlineStatus.OPEN.value:
            close_deadline(uow, deadline, f"{REMEDY_LABELS[kind]} am {received_on:%d.%m.%Y} eingegangen")
        uow.commit()
        return in_time


def decide_remedy(
    ctx: ServiceContext, letter_id: int, version: int, outcome: RemedyOutcome, on: date, note: str = ""
) -> LetterStatus:
    """Abhilfe, Weiterleitung, Rücknahme or decision; returns where the notice stands now."""
    note = clean_text(note, "notiz", Label("shared.label_note"), 2_000, multiline=True)
    with ctx.unit_of_work() as uow:
        letter = load_notice(uow, letter_id, version)
        if on > uow.today:
            raise ValidationError("shared.decision_in_future", field="am")
        if letter.remedy_received_on is not None and on < letter.remedy_received_on:
            raise ValidationError("notice_dispatch.decision_before_remedy", field="am")
        target = outcome_status(outcome)
        step(
            uow,
            letter,
            NoticeAction.DECIDE_REMEDY,
            to=target,
            ergebnis=outcome.value,
            am=on.isoformat(),
            details=f"{OUTCOME_LABELS[outcome]} am {on:%d.%m.%Y}" + (f": {note}" if note else ""),
        )
        letter.remedy_outcome, letter.remedy_outcome_on = outcome.value, on
        if target == LetterStatus.FINAL and letter.final_on is None:
            letter.final_on = on  # a notice final before (a late remedy) keeps its day
        if target == LetterStatus.LIFTED:
            case = uow.session.get(Case, letter.case_id)
            assert case is not None
            if case.status == CaseStatus.REJECTED.value:  # a case closed meanwhile stays closed
                move(uow, case, CaseAction.REOPEN, grund=OUTCOME_LABELS[outcome])
                case.decided_on = None
        uow.commit()
        return target
