"""The invitation to an appointment (Einladung, DIN 5008 like the other letters): date, time, room,
caseworker; the documents to bring — the case's checklist lines still missing, conditional ones only
where they apply (``case_status.missing_documents``), or without a case the catalogue's documents that
apply by age; and the fee to expect (the case's fee, else ``fees.application_fee``: § 69 AufenthG
with §§ 44 ff. AufenthV, or the catalogue's amount)."""

from __future__ import annotations

from dataclasses import replace

from sqlalchemy import select

from abh_desk.domain.appointments import BOOKED, CARD_PICKUP, WALK_IN, clock_text
from abh_desk.domain.checklist import applies
from abh_desk.errors import NotFound, ValidationError
from abh_desk.services.appointment_hours import purpose_name
from abh_desk.services.case_access import require_case_access
from abh_desk.services.case_letters import info_block, recipient
from abh_desk.services.case_status import missing_documents
from abh_desk.services.context import ServiceContext
from abh_desk.services.fees import GENERAL_BASIS, application_fee, fee_of
from abh_desk.services.letterhead import office_letterhead
from abh_desk.services.office import read_office_settings
from abh_desk.services.queries import person_age
from abh_desk.services.textblocks import office_textblocks
from letters.data import InvitationData
from models import Appointment, Case, CaseworkerCalendar, Person, User


def invitation_data(ctx: ServiceContext, appointment_id: int) -> InvitationData:
    """The letter's data, read in one transaction (logged as a read of the case where there is one)."""
    today = ctx.today()
    with ctx.db.read() as session:
        row = session.get(Appointment, appointment_id)
        if row is None:
            raise NotFound("appointments.no_such_appointment", appointment_id=appointment_id)
        if row.walk_in or row.purpose == WALK_IN:
            raise ValidationError("appointment_letters.walk_in_no_invitation", field="termin")
        if row.status != BOOKED:
            raise ValidationError("appointment_letters.booked_only", field="termin")
        person = session.get(Person, row.person_id)
        assert person is not None
        case = session.get(Case, row.case_id) if row.case_id else None
        worker = session.get(User, row.caseworker_id) if row.caseworker_id else None
        room = session.scalar(select(CaseworkerCalendar.room).where(CaseworkerCalendar.user_id == row.caseworker_id))
        procedure = ctx.catalogue.get(row.purpose) if row.purpose in ctx.catalogue else None
        fee_cents: int | None = None
        basis = ""
        if case is not None:
            require_case_access(session, ctx.actor, case, today)
            documents = tuple(missing_documents(session, case, today)) if row.purpose != CARD_PICKUP else ()
            if row.purpose == CARD_PICKUP:
                fee_cents = case.fee_cents if read_office_settings(session).fees_at_handover else None
            else:
                fee_cents = case.fee_cents
            if fee_cents and procedure is not None:
                fee = fee_of(session, procedure, person, case.applied_on, refused=False)
                basis = fee.basis if fee is not None and fee.cents == fee_cents else GENERAL_BASIS
        elif procedure is not None:
            age = person_age(person, today)
            documents = tuple(
                d.text for d in procedure.documents if d.condition is None or applies(d.condition, age, ())
            )
            fee_cents = application_fee(session, procedure, person, today)
            fee = fee_of(session, procedure, person, today, refused=False)
            basis = fee.basis if fee is not None else GENERAL_BASIS
        else:
            documents = ()
        address, salutation = recipient(person)
        head = office_letterhead(session)
        info = info_block(head, case.file_number if case else f"Termin {row.id}", worker, today)
        if room:
            info = replace(info, room=room)
        return InvitationData(
            letterhead=head,
            address=address,
            info=info,
            salutation=salutation,
            draft=False,
            day=row.day,
            start=clock_text(row.start_minute),
            end=clock_text(row.start_minute + row.minutes),
            room=room or "",
            caseworker=worker.display_name if worker else head.department,
            purpose=purpose_name(ctx, row.purpose),
            documents=documents,
            fee_cents=fee_cents or None,
            fee_basis=basis,
        )


def invitation_pdf(ctx: ServiceContext, appointment_id: int) -> bytes:
    """The invitation as PDF, with the office's text blocks; its making is logged."""
    from letters.render import render_invitation  # reportlab loads with the first letter

    data = invitation_data(ctx, appointment_id)
    with ctx.unit_of_work() as uow:
        blocks = office_textblocks(uow.session)
        pdf = render_invitation(data, blocks=blocks)
        row = uow.session.get(Appointment, appointment_id)
        assert row is not None
        uow.audit(
            "einladung_erstellt",
            "appointment",
            appointment_id,
            case_id=row.case_id,
            person_id=row.person_id,
            unterlagen=len(data.documents),
        )
        uow.commit()
    return pdf
