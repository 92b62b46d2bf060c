"""Aussonderung: files whose retention period ended are offered to the public archive before they
are deleted, as the Land's archive law requires of every public office (Anbietungspflicht; the
office setting ``archive_offer``). The steps, each logged:

1. ``offer_due_files``: an ``Aussonderung.Anbieteverzeichnis.0501`` of the due files (metadata only)
2. ``read_evaluation``: the archive's ``Aussonderung.Bewertungsverzeichnis.0502`` — archive or destroy
3. ``transfer_to_archive``: the files to be archived, complete with their PDFs, as
   ``Aussonderung.Aussonderung.0503``
4. ``read_archive_receipt``: the archive's ``Aussonderung.AussonderungImportBestaetigen.0506``

The retention run deletes a file only once the archive released it: evaluated "destroy", or taken
in and confirmed; where the archive does not answer within ``archive_answer_months``, as
``archive_no_answer`` says (delete, or keep waiting). A file handed over to another authority is not
offered here: the file lives on there, and that authority offers it when its period ends.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from dateutil.relativedelta import relativedelta
from sqlalchemy import select
from sqlalchemy.orm import Session

from abh_desk.domain.enums import Role
from abh_desk.errors import PermissionDenied, ValidationError
from abh_desk.services.context import ServiceContext
from abh_desk.services.file_intake import message_of
from abh_desk.services.file_record import build_file_record, check_target, commit_and_place
from abh_desk.services.office import OfficeSettings, read_office_settings
from abh_desk.xdomea import archive, container
from abh_desk.xdomea.model import Parties, Retention
from abh_desk.xdomea.xml import MessageError, message_kind, new_id, parse
from models import ArchiveOffer, FileTransfer, Person

ARCHIVE, DESTROY = "archivieren", "vernichten"


@dataclass(frozen=True)
class ArchiveStep:
    """What a step wrote or read: the file it wrote (if any) and one German line per file."""

    path: Path | None
    process_id: str
    lines: tuple[str, ...]


def _require_admin(ctx: ServiceContext) -> None:
    if ctx.actor.role != Role.ADMIN:
        raise PermissionDenied("archive_offers.admin_only")


def handed_over(session: Session, person_ids: list[int]) -> set[int]:
    return set(
        session.scalars(
            select(FileTransfer.person_id).where(
                FileTransfer.person_id.in_(person_ids), FileTransfer.direction == "abgabe"
            )
        )
    )


def archive_hold(offer: ArchiveOffer | None, settings: OfficeSettings, today: date) -> str:
    """Why the archive keeps a due file from deletion, or "" where it released it."""
    if offer is None:
        return "noch nicht dem Archiv angeboten (Anbietung vor der Löschung, Landesarchivgesetz)"
    if offer.decision == DESTROY or offer.archived_on is not None:
        return ""
    if offer.decision == ARCHIVE:
        if offer.transferred_on is None:
            return "vom Archiv als archivwürdig bewertet – erst an das Archiv abgeben"
        return f"an das Archiv abgegeben am {offer.transferred_on:%d.%m.%Y} – die Übernahmebestätigung fehlt"
    if offer.answer_due > today:
        return (
            f"dem Archiv angeboten am {offer.offered_on:%d.%m.%Y} – Bewertung erwartet bis {offer.answer_due:%d.%m.%Y}"
        )
    if settings.archive_no_answer == "warten":
        return f"dem Archiv angeboten am {offer.offered_on:%d.%m.%Y} – keine Bewertung, es wird weiter gewartet"
    return ""


def offer_due_files(ctx: ServiceContext, target: Path) -> ArchiveStep:
    """The Anbieteverzeichnis of every due file not yet offered (nor kept for an open case, nor handed over)."""
    from abh_desk.services.retention import due_files

    _require_admin(ctx)
    with ctx.unit_of_work() as uow:
        session = uow.session
        settings = read_office_settings(session)
        if not settings.archive_offer:
            raise ValidationError("archive_offers.offers_nothing")
        due = [f for f in due_files(session, uow.today, settings) if not f.blocked.startswith("offener Vorgang")]
        offered = set(session.scalars(select(ArchiveOffer.person_id)))
        away = handed_over(session, [f.person_id for f in due])
        due = [f for f in due if f.person_id not in offered and f.person_id not in away]
        if not due:
            raise ValidationError("archive_offers.nothing_due", field="anbieten")
        parties = Parties(new_id(), settings.authority_name, settings.archive_name)
        records = []
        for file in due:
            person = session.get(Person, file.person_id)
            assert person is not None
            record, _files = build_file_record(
                session, ctx.catalogue, person, retention=Retention(file.rule.years, file.due_date)
            )
            records.append(record)
            session.add(
                ArchiveOffer(
                    person_id=person.id,
                    file_uuid=record.id,
                    offer_process_id=parties.process_id,
                    offered_on=uow.today,
                    answer_due=uow.today + relativedelta(months=settings.archive_answer_months),
                )
            )
            uow.audit("archiv_angeboten", "person", person.id, archiv=settings.archive_name,
                      prozess=parties.process_id, akte=record.id, regel=file.rule.key)  # fmt: skip
        session.flush()
        check_target(target)
        commit_and_place(uow, target, archive.offer_message(parties, uow.now, records))
    return ArchiveStep(target, parties.process_id, tuple(f"{f.name} ({f.birth_date}): angeboten" for f in due))


def read_evaluation(ctx: ServiceContext, data: bytes) -> ArchiveStep:
    """The archive's Bewertungsverzeichnis: per offered file archive (A) or destroy (V). All or nothing."""
    _require_admin(ctx)
    root = parse(message_of(data), "Das Bewertungsverzeichnis")
    if message_kind(root) != "0502":
        raise MessageError("archive_offers.not_an_evaluation")
    evaluation = archive.read_evaluation(root)
    lines = []
    with ctx.unit_of_work() as uow:
        for object_id, decision in evaluation.decisions.items():
            offer = uow.session.scalar(select(ArchiveOffer).where(ArchiveOffer.file_uuid == object_id))
            if offer is None:
                raise MessageError("archive_offers.evaluated_not_offered", object_id=object_id)
            if offer.archived_on is not None or offer.transferred_on is not None:
                raise MessageError("archive_offers.already_transferred", object_id=object_id)
            offer.decision = ARCHIVE if decision == archive.ARCHIVE else DESTROY
            offer.decided_on = uow.today
            uow.audit("archiv_bewertet", "person", offer.person_id, akte=object_id, bewertung=offer.decision,
                      prozess=evaluation.parties.process_id)  # fmt: skip
            lines.append(f"Akte {object_id}: {offer.decision}")
        uow.commit()
    return ArchiveStep(None, evaluation.parties.process_id, tuple(lines))


def transfer_to_archive(ctx: ServiceContext, target: Path) -> ArchiveStep:
    """The files the archive evaluated as worth keeping, complete, as one 0503 package."""
    _require_admin(ctx)
    with ctx.unit_of_work() as uow:
        session = uow.session
        settings = read_office_settings(session)
        offers = session.scalars(
            select(ArchiveOffer).where(ArchiveOffer.decision == ARCHIVE, ArchiveOffer.transferred_on.is_(None))
        ).all()
        if not offers:
            raise ValidationError("archive_offers.nothing_to_hand_over", field="aussondern")
        parties = Parties(new_id(), settings.authority_name, settings.archive_name)
        records, files, lines = [], {}, []
        for offer in offers:
            person = session.get(Person, offer.person_id)
            assert person is not None
            record, its_files = build_file_record(session, ctx.catalogue, person, file_id=offer.file_uuid)
            records.append(record)
            files.update(its_files)
            offer.transfer_process_id, offer.transferred_on = parties.process_id, uow.today
            uow.audit("archiv_abgegeben", "person", person.id, archiv=settings.archive_name,
                      prozess=parties.process_id, akte=offer.file_uuid, dokumente=len(its_files))  # fmt: skip
            lines.append(f"{person.family_name}, {person.given_names}: an das Archiv abgegeben")
        package = container.pack(parties.process_id, "0503", archive.transfer_message(parties, uow.now, records), files)
        check_target(target)
        commit_and_place(uow, target, package)
    return ArchiveStep(target, parties.process_id, tuple(lines))


def read_archive_receipt(ctx: ServiceContext, data: bytes) -> ArchiveStep:
    """The archive's confirmation (0506): what it took in is released for deletion here; what it
    could not take in goes back to "evaluated, to be handed over"."""
    _require_admin(ctx)
    root = parse(message_of(data), "Die Übernahmebestätigung")
    if message_kind(root) != "0506":
        raise MessageError("archive_offers.not_a_receipt")
    parties, results = archive.read_archive_receipt(root)
    lines = []
    with ctx.unit_of_work() as uow:
        for result in results:
            offer = uow.session.scalar(select(ArchiveOffer).where(ArchiveOffer.file_uuid == result.object_id))
            if offer is None or offer.transferred_on is None:
                raise MessageError("shared.receipt_names_other_file", object_id=result.object_id)
            if result.success:
                offer.archived_on, offer.archive_reference = uow.today, result.archive_reference[:200] or None
                lines.append(f"Akte {result.object_id}: vom Archiv übernommen {result.archive_reference}".rstrip())
            else:
                offer.transferred_on, offer.transfer_process_id = None, None
                lines.append(f"Akte {result.object_id}: NICHT übernommen – {'; '.join(result.errors)}")
            uow.audit("archiv_bestaetigt", "person", offer.person_id, akte=result.object_id,
                      erfolgreich=result.success, archivkennung=result.archive_reference or None,
                      fehler=list(result.errors) or None, prozess=parties.process_id)  # fmt: skip
        uow.commit()
    return ArchiveStep(None, parties.process_id, tuple(lines))
