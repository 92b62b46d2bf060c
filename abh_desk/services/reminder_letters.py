"""Reminder letters (Erinnerungen) for titles that expire soon: one PDF per letter and one combined
PDF for the post room, made in the background with progress and cancel.

Each letter is logged with its case; the batch itself is returned, not kept (it can be made
again from the same titles)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import select

from abh_desk.errors import ValidationError
from abh_desk.services.assignment import load_router
from abh_desk.services.case_letters import info_block, recipient
from abh_desk.services.context import NO_PROGRESS, Progress, ServiceContext
from abh_desk.services.letterhead import office_letterhead
from abh_desk.services.textblocks import office_textblocks
from letters.data import ReminderData
from models import Case, Person, ResidenceTitle, User

MAX_BATCH = 5_000
GENERAL_AREA = "allgemein"


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
        letters: list[tuple[str, ReminderData]] = []
        skipped = []
        for title, person, case, owner in rows:
            if title.valid_until is None or not (person.street and person.postcode and person.city):
                skipped.append(f"{person.family_name}, {person.given_names}")
                continue
            address, salutation = recipient(person)
            if case is None:  # a title from before this program: the person's latest case speaks for it
                case = session.scalars(
                    select(Case).where(Case.person_id == person.id).order_by(Case.applied_on.desc()).limit(1)
                ).first()
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
