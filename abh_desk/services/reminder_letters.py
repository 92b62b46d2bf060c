"""Reminder letters (Erinnerungen) for titles that expire soon: one PDF per letter and one combined
PDF for the post room, made in the background with progress and cancel.

Each letter is a letter of its case (Schreiben) and leaves a trace: the title is marked reminded and
leaves the list of expiring titles, its expiry reminder deadline is done. The combined PDF is
returned, not kept (the single letters are)."""

from __future__ import annotations

import contextlib
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from abh_desk.domain.catalogue import DEFAULT_REMINDER_WEEKS
from abh_desk.domain.deadlines_calendar import WorkingDays
from abh_desk.domain.enums import DeadlineKind, DeadlineStatus, LetterKind, LetterStatus
from abh_desk.errors import NotFound, ValidationError
from abh_desk.services.appointment_hours import proposed_slot
from abh_desk.services.assignment import load_router
from abh_desk.services.case_access import readable_case
from abh_desk.services.case_letters import info_block, recipient, store_letter
from abh_desk.services.context import NO_PROGRESS, Progress, ServiceContext, UnitOfWork
from abh_desk.services.deadlines import close_deadline
from abh_desk.services.letterhead import office_letterhead
from abh_desk.services.office import read_office_settings
from abh_desk.services.textblocks import office_textblocks
from letters.data import ReminderData
from models import Case, Deadline, Person, ResidenceTitle, User

MAX_BATCH = 5_000
GENERAL_AREA = "allgemein"
#: A letter posted today counts as delivered on the fourth day (§ 41 Abs. 2 VwVfG): a title that
#: ends by then would be reminded after the fact.
LETTER_ARRIVES = timedelta(days=4)


def _reminder_weeks(ctx: ServiceContext, case: Case | None) -> int:
    """How many weeks ahead the procedure reminds (catalogue), eight by default (seeds)."""
    if case is not None:
        with contextlib.suppress(NotFound):
            return ctx.catalogue.get(case.procedure_key).reminder_weeks
    return DEFAULT_REMINDER_WEEKS


def _case_for_kind(session: Session, person_id: int, kind: str, ctx: ServiceContext) -> Case | None:
    """The person's latest case for a title of this kind; no other case's Aktenzeichen stands on it."""
    for case in session.scalars(select(Case).where(Case.person_id == person_id).order_by(Case.applied_on.desc())):
        with contextlib.suppress(NotFound):
            if ctx.catalogue.get(case.procedure_key).title_kind == kind:
                return case
    return None


@dataclass(frozen=True)
class ReminderBatch:
    combined: bytes
    """All letters in one PDF, each starting on a new sheet (for printing)."""
    letters: tuple[tuple[str, bytes], ...]
    """(file name, PDF) of each single letter: the Aktenzeichen names it, never the person."""


def reminder_of_case(ctx: ServiceContext, case_id: int) -> bytes:
    """The reminder for the person of the case: for the limited title that runs longest."""
    with ctx.db.read() as session:
        case = readable_case(session, ctx.actor, case_id, ctx.today())
        title_id = session.scalar(
            select(ResidenceTitle.id)
            .where(ResidenceTitle.person_id == case.person_id, ResidenceTitle.valid_until.is_not(None))
            .order_by(ResidenceTitle.valid_until.desc(), ResidenceTitle.id.desc())
        )
    if title_id is None:
        raise ValidationError("reminder_letters.no_limited_title")
    return reminder_batch(ctx, [title_id]).letters[0][1]


def reminder_batch(ctx: ServiceContext, title_ids: Sequence[int], progress: Progress = NO_PROGRESS) -> ReminderBatch:
    """A reminder per title (apply for the extension before it expires). Each letter is kept with its
    case (the title's, or the person's latest), the title is marked reminded — it leaves the list of
    expiring titles — and its expiry reminder deadline is done. Cancelling (``progress``) rolls all of
    it back; nothing is returned."""
    if not title_ids:
        raise ValidationError("reminder_letters.nothing_chosen", field="auswahl")
    if len(title_ids) > MAX_BATCH:
        raise ValidationError("reminder_letters.too_many", field="auswahl", max_batch=MAX_BATCH)
    today = ctx.today()
    with ctx.unit_of_work() as uow:
        session = uow.session
        head = office_letterhead(session)
        rows = session.execute(
            select(ResidenceTitle, Person, Case, User)
            .join(Person, Person.id == ResidenceTitle.person_id)
            .outerjoin(Case, Case.id == ResidenceTitle.case_id)
            .outerjoin(User, User.id == Case.owner_id)
            .where(ResidenceTitle.id.in_(title_ids))
            .order_by(Person.family_name_key, Person.given_names_key)
        ).all()
        router = load_router(session)
        settings = read_office_settings(session)
        calendar = WorkingDays(settings.land, settings.local_holidays)
        letters: list[tuple[str, ReminderData, ResidenceTitle, Case | None]] = []
        skipped = []
        for title, person, case, owner in rows:
            name = f"{person.family_name}, {person.given_names}"
            if title.valid_until is None or not (person.street and person.postcode and person.city):
                skipped.append(f"{name} (ohne Anschrift oder Ablaufdatum)")
                continue
            if title.reminded_on is not None:
                skipped.append(f"{name} (bereits erinnert am {title.reminded_on:%d.%m.%Y})")
                continue
            if title.valid_until <= today + LETTER_ARRIVES:
                skipped.append(f"{name} (läuft am {title.valid_until:%d.%m.%Y} ab: ein Brief käme zu spät)")
                continue
            weeks = _reminder_weeks(ctx, case)
            if title.valid_until > today + timedelta(weeks=weeks):  # never months or years ahead
                skipped.append(
                    f"{name} (läuft erst am {title.valid_until:%d.%m.%Y} ab: erinnert wird {weeks} Wochen vorher)"
                )
                continue
            address, salutation = recipient(person)
            if case is None:  # a title from before this program: the case that applied for this kind
                case = _case_for_kind(session, person.id, title.kind, ctx)
                owner = session.get(User, case.owner_id) if case and case.owner_id else owner
            if owner is None:  # no case at all: whoever the letter ranges name for the general area
                username = router.route(GENERAL_AREA, person.family_name)
                owner = session.scalar(select(User).where(User.username == username)) if username else None
            file_number = case.file_number if case else f"P-{person.id}"
            letters.append(
                (
                    f"erinnerung-{file_number}-t{title.id}.pdf",
                    ReminderData(
                        letterhead=head,
                        address=address,
                        info=info_block(head, file_number, owner, today),
                        salutation=salutation,
                        draft=False,
                        title=f"{title.kind} nach {title.legal_basis}",
                        expires=title.valid_until,
                        weeks_ahead=weeks,
                        closed_on_expiry=calendar.non_working_reason(title.valid_until) or "",
                        last_open_day=(
                            None
                            if calendar.is_working_day(title.valid_until)
                            else calendar.previous_working_day(title.valid_until)
                        ),
                        offered_slot=(
                            proposed_slot(ctx, session, person, case.procedure_key, case, today + LETTER_ARRIVES)
                            if case is not None
                            else ""
                        ),
                    ),
                    title,
                    case,
                )
            )
        if skipped:
            raise ValidationError(
                "reminder_letters.skipped",
                field="auswahl",
                skipped="; ".join(skipped[:10]) + (" …" if len(skipped) > 10 else ""),
            )
        from letters.render import render_batch, render_reminder  # reportlab: only when letters are made

        blocks = office_textblocks(session)
        total = len(letters) + 1
        singles = []
        for done, (name, data, reminded, of_case) in enumerate(letters):
            progress.check()
            pdf = render_reminder(data, blocks=blocks)
            singles.append((name, pdf))
            _leave_a_trace(uow, reminded, of_case, data, pdf)
            progress.report(done + 1, total)
        progress.check()
        combined = render_batch([data for _name, data, _title, _case in letters], blocks=blocks)
        progress.report(total, total)
        uow.commit()
        return ReminderBatch(combined, tuple(singles))


def _leave_a_trace(uow: UnitOfWork, title: ResidenceTitle, case: Case | None, data: ReminderData, pdf: bytes) -> None:
    """The letter kept with the case, the title marked reminded, its expiry reminder done, all logged."""
    today = uow.today
    assert title.valid_until is not None
    if case is not None:
        store_letter(uow, case, LetterKind.EXPIRY_REMINDER, data, LetterStatus.SENT, pdf=pdf)
    title.reminded_on = today
    for deadline in uow.session.scalars(
        select(Deadline).where(
            Deadline.title_id == title.id,
            Deadline.kind == DeadlineKind.EXPIRY_REMINDER.value,
            Deadline.status == DeadlineStatus.OPEN.value,
        )
    ):
        close_deadline(uow, deadline, f"Erinnerung versandt am {today:%d.%m.%Y}")
    uow.audit(
        "erinnerung_erstellt",
        "residence_title",
        title.id,
        case_id=case.id if case else None,
        ablauf=title.valid_until.isoformat(),
    )
