"""Reminder letters (Erinnerungen) for titles that expire soon: one PDF per letter and one combined
PDF for the post room, made in the background with progress and cancel.

Each letter is logged with its case; the batch itself is returned, not kept (it can be made
again from the same titles)."""

from __future__ import annotations

import contextlib
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from abh_desk.domain.catalogue import DEFAULT_REMINDER_WEEKS
from abh_desk.domain.deadlines_calendar import WorkingDays
from abh_desk.errors import NotFound, ValidationError
from abh_desk.services.assignment import load_router
from abh_desk.services.case_letters import info_block, recipient
from abh_desk.services.context import NO_PROGRESS, Progress, ServiceContext
from abh_desk.services.letterhead import office_letterhead
from abh_desk.services.office import read_office_settings
from abh_desk.services.textblocks import office_textblocks
from letters.data import ReminderData
from models import Case, Person, ResidenceTitle, User

MAX_BATCH = 5_000
GENERAL_AREA = "allgemein"


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


def reminder_batch(ctx: ServiceContext, title_ids: Sequence[int], progress: Progress = NO_PROGRESS) -> ReminderBatch:
    """A reminder per title (apply for the extension before it expires). Cancelling (``progress``)
    rolls the log entries back; nothing is returned."""
    if not title_ids:
        raise ValidationError("Bitte mindestens einen Titel auswählen.", field="auswahl")
    if len(title_ids) > MAX_BATCH:
        raise ValidationError(f"Höchstens {MAX_BATCH} Erinnerungen auf einmal.", field="auswahl")
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
        letters: list[tuple[str, ReminderData]] = []
        skipped, not_due = [], []
        for title, person, case, owner in rows:
            name = f"{person.family_name}, {person.given_names}"
            if title.valid_until is None or not (person.street and person.postcode and person.city):
                skipped.append(name)
                continue
            weeks = _reminder_weeks(ctx, case)
            if not today < title.valid_until <= today + timedelta(weeks=weeks):
                # expired or expiring today: too late for a letter; months ahead: too early for one
                not_due.append(f"{name} (gültig bis {title.valid_until:%d.%m.%Y})")
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
                    ),
                )
            )
            uow.audit(
                "erinnerung_erstellt",
                "residence_title",
                title.id,
                case_id=case.id if case else None,
                ablauf=title.valid_until.isoformat(),
            )
        if skipped:
            raise ValidationError(
                "Ohne Anschrift oder Ablaufdatum kein Schreiben: "
                + "; ".join(skipped[:10])
                + (" …" if len(skipped) > 10 else ""),
                field="auswahl",
            )
        if not_due:
            raise ValidationError(
                "Eine Erinnerung gibt es nur für Titel, die in den nächsten Wochen ablaufen, nicht für abgelaufene "
                "oder erst später ablaufende: " + "; ".join(not_due[:10]) + (" …" if len(not_due) > 10 else ""),
                field="auswahl",
            )
        from letters.render import render_batch, render_reminder  # reportlab: only when letters are made

        blocks = office_textblocks(session)
        total = len(letters) + 1
        singles = []
        for done, (name, data) in enumerate(letters):
            progress.check()
            singles.append((name, render_reminder(data, blocks=blocks)))
            progress.report(done + 1, total)
        progress.check()
        combined = render_batch([data for _name, data in letters], blocks=blocks)
        progress.report(total, total)
        uow.commit()
        return ReminderBatch(combined, tuple(singles))
