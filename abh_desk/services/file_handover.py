"""Abgabe: a person's file handed to another authority as xdomea ``Abgabe.Abgabe.0401`` — the
person moved, and the authority of the new place takes over (Zuständigkeitswechsel, § 3 VwVfG and
the Land's rules; the new authority asks for the file).

The whole file leaves: master data, titles, every case with checklist, deadlines, grants, card
orders and handovers, the letters as their stored PDFs, the documents that came from elsewhere.
Then every case here is closed as ``abgegeben`` with the receiving authority and the day, its open
deadlines are lifted, the move is recorded as the retention event ``wegzug`` and the transmission
is logged: who, to whom, what, when (a transmission of personal data).

Not handed over while something is still this office's to finish, because the receiving authority
could not finish it: a rejection notice not yet sent (draft, hearing, review, approved), an objection
or lawsuit still pending against a notice of this office, a grant waiting for a team lead's
approval, an eAT card ordered here and not yet handed over or returned.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from abh_desk.domain.case_flow import CaseAction
from abh_desk.domain.enums import CardStatus, CaseStatus, DeadlineStatus, LetterKind, LetterStatus
from abh_desk.domain.text import clean_text
from abh_desk.error_texts import Label
from abh_desk.errors import NotFound, ValidationError
from abh_desk.services.case_access import require_case_access, require_person_access
from abh_desk.services.case_status import move
from abh_desk.services.context import ServiceContext
from abh_desk.services.deadlines import close_deadline
from abh_desk.services.file_record import build_file_record, check_target, commit_and_place
from abh_desk.services.office import read_office_settings
from abh_desk.xdomea import container, handover
from abh_desk.xdomea.model import Parties
from abh_desk.xdomea.xml import new_id
from models import CardOrder, Case, Deadline, FileTransfer, Grant, Letter, Person, RetentionEvent

MAX_RECIPIENT = 200
MAX_NOTE = 1000
UNSENT_NOTICE = frozenset(
    {LetterStatus.DRAFT, LetterStatus.HEARING, LetterStatus.IN_REVIEW, LetterStatus.RETURNED, LetterStatus.APPROVED}
)
OPEN_CARD = frozenset({CardStatus.ORDERED, CardStatus.ARRIVED, CardStatus.NOTIFIED})


class HandoverBlocked(ValidationError):
    """Something in the file is still this office's to finish; the reasons name the cases."""

    code = "abgabe_nicht_moeglich"

    def __init__(self, reasons: list[str]) -> None:
        super().__init__("file_handover.blocked", field="abgabe", reasons=reasons, reasons_text=" ".join(reasons))
        self.reasons = reasons


@dataclass(frozen=True)
class HandoverSummary:
    """What would leave (for the dialog before the hand-over) and what stands in the way."""

    person_id: int
    name: str
    cases: tuple[str, ...]
    letters: int
    documents: int
    blockers: tuple[str, ...]
    handed_over: str
    """Where the file went already ("an … am …"), or empty."""


@dataclass(frozen=True)
class HandoverResult:
    path: Path
    process_id: str
    cases: tuple[str, ...]
    letters: int
    documents: int
    size: int


def _blockers(session: Session, person_id: int) -> list[str]:
    reasons = []
    cases = session.scalars(select(Case).where(Case.person_id == person_id).order_by(Case.id)).all()
    for case in cases:
        letters = session.scalars(
            select(Letter).where(Letter.case_id == case.id, Letter.kind == LetterKind.REJECTION.value)
        ).all()
        for letter in letters:
            status = LetterStatus(letter.status)
            if status in UNSENT_NOTICE:
                reasons.append(
                    f"Vorgang {case.file_number}: ein Ablehnungsbescheid ist noch nicht versandt – erst versenden "
                    "oder verwerfen."
                )
            elif status == LetterStatus.CONTESTED and not letter.remedy_outcome:
                reasons.append(
                    f"Vorgang {case.file_number}: über den Rechtsbehelf gegen den Bescheid ist noch nicht "
                    "entschieden – das Verfahren führt diese Behörde zu Ende."
                )
        pending = session.scalar(select(Grant.id).where(Grant.case_id == case.id, Grant.status == "zur_pruefung"))
        if pending is not None:
            reasons.append(f"Vorgang {case.file_number}: eine Bewilligung wartet auf die Freigabe der Teamleitung.")
        card = session.scalar(
            select(CardOrder.id).where(CardOrder.case_id == case.id, CardOrder.status.in_([s.value for s in OPEN_CARD]))
        )
        if card is not None:
            reasons.append(
                f"Vorgang {case.file_number}: eine eAT-Karte ist bestellt oder liegt hier – erst aushändigen oder "
                "zurücksenden."
            )
    return reasons


def _previous_handover(session: Session, person_id: int) -> str:
    row = session.scalars(
        select(FileTransfer)
        .where(FileTransfer.person_id == person_id, FileTransfer.direction == "abgabe")
        .order_by(FileTransfer.id.desc())
        .limit(1)
    ).first()
    return f"an {row.counterpart} am {row.transferred_on:%d.%m.%Y}" if row else ""


def _person(session: Session, person_id: int) -> Person:
    person = session.get(Person, person_id)
    if person is None:
        raise NotFound("shared.person_not_found", person_id=person_id)
    return person


def _require_access(session: Session, ctx: ServiceContext, person_id: int, today: date) -> list[Case]:
    """Every case of the file: a caseworker hands over only a file whose every case they may open."""
    require_person_access(session, ctx.actor, person_id, today)
    cases = list(session.scalars(select(Case).where(Case.person_id == person_id).order_by(Case.id)))
    for case in cases:
        require_case_access(session, ctx.actor, case, today)
    return cases


def handover_summary(ctx: ServiceContext, person_id: int) -> HandoverSummary:
    with ctx.db.read() as session:
        person = _person(session, person_id)
        cases = _require_access(session, ctx, person_id, ctx.today())
        case_ids = [c.id for c in cases]
        letters = session.scalars(select(Letter.id).where(Letter.case_id.in_(case_ids), Letter.pdf.is_not(None)))
        from models import CaseDocument

        documents = session.scalars(select(CaseDocument.id).where(CaseDocument.person_id == person_id))
        return HandoverSummary(
            person_id=person_id,
            name=f"{person.family_name}, {person.given_names}".rstrip(", "),
            cases=tuple(c.file_number for c in cases),
            letters=len(list(letters)),
            documents=len(list(documents)),
            blockers=tuple(_blockers(session, person_id)),
            handed_over=_previous_handover(session, person_id),
        )


def hand_over(ctx: ServiceContext, person_id: int, recipient: str, target: Path, note: str = "") -> HandoverResult:
    """Write the file as an xdomea 0401 package to ``target`` and close it here (one transaction:
    the package is in place only when the database says the file left, and the other way round)."""
    recipient = clean_text(recipient, "an", Label("file_handover.label_recipient"), MAX_RECIPIENT)
    if not recipient:
        raise ValidationError("file_handover.recipient_missing", field="an")
    note = clean_text(note, "hinweis", Label("file_handover.label_note"), MAX_NOTE)
    target = Path(target)
    check_target(target)
    with ctx.unit_of_work() as uow:
        session = uow.session
        person = _person(session, person_id)
        cases = _require_access(session, ctx, person_id, uow.today)
        if not cases:
            raise ValidationError("file_handover.no_case", field="abgabe")
        if all(c.status == CaseStatus.HANDED_OVER.value for c in cases):
            raise ValidationError(
                "file_handover.already_handed_over", field="abgabe", handover=_previous_handover(session, person_id)
            )
        reasons = _blockers(session, person_id)
        if reasons:
            raise HandoverBlocked(reasons=reasons)
        settings = read_office_settings(session)
        if recipient.casefold() == settings.authority_name.casefold():
            raise ValidationError("file_handover.recipient_is_this_office", field="an")
        record, files = build_file_record(session, ctx.catalogue, person)
        parties = Parties(new_id(), settings.authority_name, recipient)
        message = handover.handover_message(parties, uow.now, [record], note)
        package = container.pack(parties.process_id, "0401", message, files)
        letters = sum(1 for d in record.all_documents() if "letter" in d.data)
        documents = len(record.all_documents()) - letters
        reason = f"Akte abgegeben an {recipient} am {uow.today:%d.%m.%Y} (Zuständigkeitswechsel)"
        for case in cases:
            if case.status == CaseStatus.HANDED_OVER.value:
                continue
            move(uow, case, CaseAction.HAND_OVER, an=recipient)
            case.outcome_note = reason
            for deadline in session.scalars(
                select(Deadline).where(Deadline.case_id == case.id, Deadline.status == DeadlineStatus.OPEN.value)
            ):
                close_deadline(uow, deadline, reason, DeadlineStatus.CANCELLED)
        session.add(RetentionEvent(person_id=person_id, kind="wegzug", occurred_on=uow.today))
        summary: dict[str, Any] = {
            "vorgaenge": [c.file_number for c in cases],
            "schreiben": letters,
            "dokumente": documents,
            "titel": len(record.data["titles"]),
            "paket": container.package_name(parties.process_id, "0401"),
        }
        session.add(
            FileTransfer(
                direction="abgabe",
                person_id=person_id,
                process_id=parties.process_id,
                file_uuid=record.id,
                counterpart=recipient,
                transferred_on=uow.today,
                user_id=ctx.actor.user_id,
                summary_json=json.dumps(summary, ensure_ascii=False),
            )
        )
        session.flush()
        uow.audit(
            "akte_abgegeben", "person", person_id, data=summary, an=recipient, prozess=parties.process_id,
            hinweis=note or None,
        )  # fmt: skip
        commit_and_place(uow, target, package)
    return HandoverResult(target, parties.process_id, tuple(summary["vorgaenge"]), letters, documents, len(package))


def read_receipt(ctx: ServiceContext, data: bytes) -> list[str]:
    """The receiving authority's receipt (``Abgabe.ImportBestaetigen.0402``, the XML or its package):
    recorded with the hand-over it answers and logged. Returns one German line per file."""
    from abh_desk.services.file_intake import message_of
    from abh_desk.xdomea.xml import MessageError, message_kind, parse

    root = parse(message_of(data), "Die Importbestätigung")
    if message_kind(root) != "0402":
        raise MessageError("file_handover.not_a_receipt")
    parties, results = handover.read_results(root, "AbgegebenesObjekt", "Importbestätigung (0402)")
    lines = []
    with ctx.unit_of_work() as uow:
        rows = {
            row.file_uuid: row
            for row in uow.session.scalars(
                select(FileTransfer).where(
                    FileTransfer.process_id == parties.process_id, FileTransfer.direction == "abgabe"
                )
            )
        }
        if not rows:
            raise MessageError("file_handover.receipt_without_handover", process_id=parties.process_id)
        for result in results:
            row = rows.get(result.object_id)
            if row is None:
                raise MessageError("shared.receipt_names_other_file", object_id=result.object_id)
            row.confirmed_on = uow.today
            row.confirmation = "übernommen" if result.success else "abgelehnt: " + "; ".join(result.errors)
            uow.audit("abgabe_bestaetigt", "person", row.person_id, prozess=parties.process_id,
                      erfolgreich=result.success, fehler=list(result.errors) or None)  # fmt: skip
            state = "übernommen" if result.success else "NICHT übernommen: " + "; ".join(result.errors)
            lines.append(f"{row.counterpart}: Akte {state}")
        uow.commit()
    return lines
