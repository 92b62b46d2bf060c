"""Letters kept with their case (Schreiben): the PDF, the data it was made from, who made it and
when. A re-print renders the stored data again and must give the very same bytes."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from abh_desk.clock import office_day
from abh_desk.domain.case_flow import CaseAction, check
from abh_desk.domain.enums import LETTER_KIND_LABELS, CaseStatus, DeadlineKind, DeadlineStatus, LetterKind, LetterStatus
from abh_desk.domain.notice_flow import STATUS_LABELS
from abh_desk.errors import ConfigurationError, NotFound, ValidationError
from abh_desk.services.case_access import readable_case, require_case_access
from abh_desk.services.case_status import missing_documents, move
from abh_desk.services.context import ServiceContext, UnitOfWork
from abh_desk.services.deadlines import add_follow_up, close_deadline
from abh_desk.services.letterhead import office_letterhead
from abh_desk.services.read_log import note_read
from abh_desk.services.textblocks import office_textblocks
from letters.data import Address, HandoverRecordData, InfoBlock, LetterData, Letterhead, MissingDocumentsData
from letters.serialize import from_json, to_json
from models import Case, Deadline, Letter, Person, User

DEFAULT_REPLY_WEEKS = 4


@dataclass(frozen=True)
class LetterRow:
    id: int
    kind: LetterKind
    kind_label: str
    status: str
    status_label: str
    created_at: datetime
    created_by: str
    sha256: str


def render_letter(kind: LetterKind, data: LetterData | HandoverRecordData, session: Session) -> bytes:
    """The letter from the office's text blocks (as edited by the administration, or as shipped)."""
    from letters.render import RENDERERS  # reportlab loads with the first letter, not at program start

    return RENDERERS[kind.value](data, blocks=office_textblocks(session))


def recipient(person: Person) -> tuple[Address, str]:
    """The address block and salutation for a person; refused without a postal address."""
    if not (person.street and person.postcode and person.city):
        raise ValidationError(
            "case_letters.no_address",
            family_name=person.family_name,
            given_names=person.given_names,
            field="anschrift",
        )
    name = f"{person.given_names} {person.family_name}".strip()
    if person.sex == "w":
        line, salutation = f"Frau {name}", f"Sehr geehrte Frau {person.family_name},"
    elif person.sex == "m":
        line, salutation = f"Herrn {name}", f"Sehr geehrter Herr {person.family_name},"
    else:
        line, salutation = name, f"Guten Tag {name},"
    return Address((line, person.street, f"{person.postcode} {person.city}")), salutation


def named(person: Person) -> str:
    """The person as a line names them, "Frau Hương Nguyễn" or "Herr Łukasz Wiśniewski" (the address
    field's "Herrn" is addressed to him; the line under a notice's subject says whom it concerns)."""
    name = f"{person.given_names} {person.family_name}".strip()
    return {"w": f"Frau {name}", "m": f"Herr {name}"}.get(person.sex or "", name)


def info_block(head: Letterhead, file_number: str, owner: User | None, today: date) -> InfoBlock:
    """Aktenzeichen, the caseworker with phone and e-mail (or the department's), and the date."""
    return InfoBlock(
        file_number=file_number,
        caseworker=owner.display_name if owner else head.department,
        phone=owner.phone if owner and owner.phone else head.phone,
        date=today,
        email=(owner.email or "") if owner else "",
    )


def case_info(uow: UnitOfWork, case: Case, today: date) -> InfoBlock:
    owner = uow.session.get(User, case.owner_id) if case.owner_id else None
    return info_block(office_letterhead(uow.session), case.file_number, owner, today)


def store_letter(
    uow: UnitOfWork,
    case: Case,
    kind: LetterKind,
    data: LetterData | HandoverRecordData,
    status: LetterStatus,
    pdf: bytes | None = None,
) -> Letter:
    """Keep the letter with its case (``pdf``: already rendered from ``data`` with the office's text blocks)."""
    pdf = pdf if pdf is not None else render_letter(kind, data, uow.session)
    letter = Letter(
        case_id=case.id,
        kind=kind.value,
        status=status.value,
        data_json=to_json(data),
        pdf=pdf,
        pdf_sha256=hashlib.sha256(pdf).hexdigest(),
        created_by_id=uow.ctx.actor.user_id,
    )
    uow.session.add(letter)
    uow.session.flush()
    uow.audit(
        "schreiben_erstellt",
        "letter",
        letter.id,
        case_id=case.id,
        art=LETTER_KIND_LABELS[kind],
        sha256=letter.pdf_sha256,
    )
    return letter


def create_missing_documents_letter(ctx: ServiceContext, case_id: int, due: date | None = None) -> LetterRow:
    """Nachforderung: the documents still missing on the case's checklist, with a date. The case then
    waits for them, with one follow-up on that date. Asking again for exactly the documents the last
    Nachforderung asked for (the case still waiting) is refused: that letter is already there."""
    today = ctx.today()
    due = due or today + timedelta(weeks=DEFAULT_REPLY_WEEKS)
    with ctx.unit_of_work() as uow:
        case = uow.session.get(Case, case_id)
        person = uow.session.get(Person, case.person_id) if case else None
        if case is None or person is None:
            raise NotFound("shared.case_not_found", case_id=case_id)
        require_case_access(uow.session, ctx.actor, case, today)
        check(CaseAction.REQUEST_DOCUMENTS, CaseStatus(case.status))
        # Read inside this transaction: what the letter demands is what the checklist says now.
        missing = tuple(missing_documents(uow.session, case, today))
        if not missing:
            raise ValidationError("case_letters.nothing_missing", field="unterlagen")
        earlier = uow.session.scalars(
            select(Letter)
            .where(Letter.case_id == case.id, Letter.kind == LetterKind.MISSING_DOCUMENTS.value)
            .order_by(Letter.created_at.desc(), Letter.id.desc())
            .limit(1)
        ).first()
        if earlier is not None and case.status == CaseStatus.WAITING_FOR_DOCUMENTS.value:
            asked = json.loads(earlier.data_json)
            if tuple(asked.get("documents", ())) == missing:
                raise ValidationError(
                    "case_letters.same_request",
                    sent_on=office_day(earlier.created_at),
                    due=date.fromisoformat(asked["due"]),
                    field="unterlagen",
                    letter_id=earlier.id,
                )
        applied_for = ctx.catalogue.name_of(case.procedure_key)
        # A minor's Mitwirkung (§ 82 AufenthG) is her representatives' to give (§ 80 Abs. 4 AufenthG).
        from abh_desk.services.notice_addressing import sendable_recipient  # it builds on this module

        addressed = sendable_recipient(uow.session, person, today)
        data = MissingDocumentsData(
            letterhead=office_letterhead(uow.session),
            address=addressed.address,
            info=case_info(uow, case, today),
            salutation=addressed.salutation,
            represented=addressed.represented,
            draft=False,
            application_date=case.applied_on,
            applied_for=applied_for,
            documents=missing,
            due=due,
        )
        letter = store_letter(uow, case, LetterKind.MISSING_DOCUMENTS, data, LetterStatus.SENT)
        # The case now waits for the documents: its state says so and it comes up again on the date —
        # once: the follow-up of an earlier Nachforderung is replaced by this one.
        move(uow, case, CaseAction.REQUEST_DOCUMENTS, unterlagen=len(missing))
        for follow_up in uow.session.scalars(
            select(Deadline).where(
                Deadline.case_id == case.id,
                Deadline.kind == DeadlineKind.FOLLOW_UP.value,
                Deadline.status == DeadlineStatus.OPEN.value,
                Deadline.source_event.startswith("Nachforderung"),
            )
        ):
            close_deadline(uow, follow_up, f"ersetzt durch die Nachforderung vom {today:%d.%m.%Y}")
        add_follow_up(uow, case, due, "", f"Nachforderung: Unterlagen bis {due:%d.%m.%Y}", today)
        uow.commit()
        return _row(letter, ctx.actor.username)


def _row(letter: Letter, who: str) -> LetterRow:
    kind, status = LetterKind(letter.kind), LetterStatus(letter.status)
    return LetterRow(
        letter.id,
        kind,
        LETTER_KIND_LABELS[kind],
        status.value,
        STATUS_LABELS[status] if kind == LetterKind.REJECTION else "",
        letter.created_at,
        who,
        letter.pdf_sha256 or "",
    )


def case_letters(ctx: ServiceContext, case_id: int) -> list[LetterRow]:
    with ctx.db.read() as session:
        readable_case(session, ctx.actor, case_id, ctx.today())
        rows = session.execute(
            select(Letter, User.display_name)
            .outerjoin(User, User.id == Letter.created_by_id)
            .where(Letter.case_id == case_id)
            .order_by(Letter.created_at.desc(), Letter.id.desc())
        ).all()
        return [_row(letter, who or "System") for letter, who in rows]


def letter_pdf(ctx: ServiceContext, letter_id: int) -> bytes:
    with ctx.db.read() as session:
        letter = session.get(Letter, letter_id)
        if letter is None or letter.pdf is None:
            raise NotFound("case_letters.no_such_letter", letter_id=letter_id)
        _require_letter_access(session, ctx, letter)
        note_read(ctx, "schreiben_gelesen", "schreiben", letter.id, letter.case_id, art=letter.kind)
        return letter.pdf


def _require_letter_access(session: Session, ctx: ServiceContext, letter: Letter) -> None:
    case = session.get(Case, letter.case_id)
    assert case is not None
    require_case_access(session, ctx.actor, case, ctx.today())


def reprint(ctx: ServiceContext, letter_id: int) -> bytes:
    """Render the stored data again; the result must be byte-identical to the stored PDF."""
    with ctx.db.read() as session:
        letter = session.get(Letter, letter_id)
        if letter is None:
            raise NotFound("case_letters.no_such_letter", letter_id=letter_id)
        _require_letter_access(session, ctx, letter)
        note_read(ctx, "schreiben_gelesen", "schreiben", letter.id, letter.case_id, art=letter.kind, nachdruck=True)
        kind, data_json, sha = LetterKind(letter.kind), letter.data_json, letter.pdf_sha256
        pdf = render_letter(kind, from_json(kind.value, data_json), session)
    if hashlib.sha256(pdf).hexdigest() != sha:
        raise ConfigurationError("case_letters.reprint_differs")
    return pdf
