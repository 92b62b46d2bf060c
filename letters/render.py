"""Render letters to PDF bytes: pure functions of the frozen letter data (issue 6).

Every ``render_*`` first builds the whole text from the text blocks — an unknown or unfilled
placeholder raises before anything is drawn — then lays it out with :mod:`letters.layout`.
The same data gives byte-identical PDFs.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from abh_desk.errors import ValidationError

from . import notices
from .data import (
    HandoverRecordData,
    HearingData,
    InvitationData,
    MissingDocumentsData,
    PickupData,
    RejectionData,
    ReminderData,
)
from .flow import Built
from .handover import handover_record
from .layout import build_pdf
from .remedies import RemedyTable, load_remedies
from .textblocks import TextBlocks, load_textblocks

Letter = RejectionData | HearingData | MissingDocumentsData | ReminderData | PickupData | HandoverRecordData


def render_rejection(
    data: RejectionData, *, blocks: TextBlocks | None = None, remedies: RemedyTable | None = None
) -> bytes:
    """Ablehnungsbescheid with Tenor, Sachverhalt, Begründung, Hinweise and Rechtsbehelfsbelehrung."""
    return _render([notices.rejection(data, blocks or load_textblocks(), remedies or load_remedies())])


def render_hearing(data: HearingData, *, blocks: TextBlocks | None = None) -> bytes:
    """Anhörung (§ 28 VwVfG) with the date by which to comment."""
    return _render([notices.hearing(data, blocks or load_textblocks())])


def render_missing_documents(data: MissingDocumentsData, *, blocks: TextBlocks | None = None) -> bytes:
    """Nachforderung: the missing documents of the case's checklist, with a date."""
    return _render([notices.missing_documents(data, blocks or load_textblocks())])


def render_reminder(data: ReminderData, *, blocks: TextBlocks | None = None) -> bytes:
    """Erinnerung: apply for the extension before the title expires."""
    return _render([notices.reminder(data, blocks or load_textblocks())])


def render_pickup_notice(data: PickupData, *, blocks: TextBlocks | None = None) -> bytes:
    """Abholbenachrichtigung: the eAT is ready to be collected in person."""
    return _render([notices.pickup(data, blocks or load_textblocks())])


def render_invitation(data: InvitationData, *, blocks: TextBlocks | None = None) -> bytes:
    """Einladung zu einem Termin, with the documents still missing and the fee to expect."""
    return _render([notices.invitation(data, blocks or load_textblocks())])


def render_handover_record(data: HandoverRecordData, *, blocks: TextBlocks | None = None) -> bytes:
    """Aushändigungsprotokoll of an eAT with signature lines."""
    return _render([handover_record(data, blocks or load_textblocks())])


def render_batch(
    letters: Sequence[Letter], *, blocks: TextBlocks | None = None, remedies: RemedyTable | None = None
) -> bytes:
    """Many letters (typically reminders) in one PDF; each starts on a new first page and counts its own pages."""
    if not letters:
        raise ValidationError("letters_render.nothing_selected", field="letters")
    blocks = blocks or load_textblocks()
    return _render([_build(letter, blocks, remedies) for letter in letters])


def _build(letter: Letter, blocks: TextBlocks, remedies: RemedyTable | None) -> Built:
    if isinstance(letter, RejectionData):
        return notices.rejection(letter, blocks, remedies or load_remedies())
    if isinstance(letter, HearingData):
        return notices.hearing(letter, blocks)
    if isinstance(letter, MissingDocumentsData):
        return notices.missing_documents(letter, blocks)
    if isinstance(letter, ReminderData):
        return notices.reminder(letter, blocks)
    if isinstance(letter, PickupData):
        return notices.pickup(letter, blocks)
    return handover_record(letter, blocks)


def _render(built: Sequence[Built]) -> bytes:
    authority = built[0].decor.letterhead.name
    subjects = {item.subject for item in built}
    return build_pdf(
        [(item.decor, item.flowables) for item in built],
        title=authority,
        author=authority,
        subject=subjects.pop() if len(subjects) == 1 else "Schreiben",
        created=max(item.date for item in built),
    )


#: Each kind of letter (the values of ``abh_desk.domain.enums.LetterKind``) and its renderer.
RENDERERS: dict[str, Callable[..., bytes]] = {
    "ablehnungsbescheid": render_rejection,
    "anhoerung": render_hearing,
    "nachforderung": render_missing_documents,
    "erinnerung": render_reminder,
    "abholbenachrichtigung": render_pickup_notice,
    "aushaendigungsprotokoll": render_handover_record,
}
