"""Opening a case (Vorgang): area from the catalogue, owner by surname letter, Aktenzeichen,
and the document checklist of its procedure."""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from abh_desk.domain.catalogue import DocumentRequirement, ProcedureType
from abh_desk.domain.checklist import applies_by_age
from abh_desk.domain.enums import CASE_STATUS_LABELS, OPEN_CASE_STATUSES, CaseStatus, ChecklistStatus
from abh_desk.domain.file_numbers import FileNumberPattern
from abh_desk.domain.text import clean_text
from abh_desk.error_texts import Label
from abh_desk.errors import ConfigurationError, NotFound, ValidationError
from abh_desk.services.assignment import load_router
from abh_desk.services.context import ServiceContext
from abh_desk.services.deadlines import close_expiry_reminders
from abh_desk.services.fees import application_fee
from abh_desk.services.file_numbers import next_file_number
from abh_desk.services.office import read_office_settings
from abh_desk.services.persons import CaseRow, case_rows
from abh_desk.services.queries import person_age
from models import Area, Case, ChecklistItem, Person, User


def applies(document: DocumentRequirement, age: int | None) -> bool:
    """Whether a document goes onto the case's stored checklist: documents whose condition of age
    is not met are left out; conditions that depend on the case's facts (language course …) are
    stored and shown once the caseworker records the fact (``domain.checklist``)."""
    return applies_by_age(document.condition, age) is not False


def _not_offered_key(procedure: ProcedureType, applied_on: date) -> str:
    """The refusal of an application outside the procedure's time: between, until, or from — "nicht
    mehr" after the window, "noch nicht" before it."""
    too_early = procedure.offered_from is not None and applied_on < procedure.offered_from
    if procedure.offered_from and procedure.offered_until:
        return "cases.offered_between_not_yet" if too_early else "cases.offered_between"
    if procedure.offered_until:
        return "cases.offered_until"
    assert procedure.offered_from is not None
    return "cases.offered_from"


def _area(session: Session, code: str) -> Area:
    area = session.scalar(select(Area).where(Area.code == code).with_for_update(read=True))
    if area is None:
        raise ConfigurationError("cases.area_missing", code=code)
    return area


class RepeatedCase(ValidationError):
    """The person has an open case of the same procedure: a second one only with a reason (logged)."""

    code = "vorgang_doppelt"

    def __init__(self, key: str, /, open_cases: list[tuple[int, str]], **params: Any) -> None:
        super().__init__(key, field="leistung", open_cases=[file_number for _id, file_number in open_cases], **params)
        self.open_cases = open_cases
        """(case id, Aktenzeichen) of the open cases of the same procedure."""


MIN_REPEAT_REASON = 10
MAX_REPEAT_REASON = 500


def open_case(
    ctx: ServiceContext,
    person_id: int,
    procedure_key: str,
    applied_on: date | None = None,
    repeat_reason: str | None = None,
) -> CaseRow:
    """A new case. Where the person already has an open case of the same procedure, a second one
    is refused (``RepeatedCase``) unless ``repeat_reason`` says why (a second Verpflichtungserklärung
    for another guest, say); the reason is logged."""
    procedure = ctx.catalogue.get(procedure_key)
    applied_on = applied_on or ctx.today()
    if not procedure.offered_on(applied_on):
        key = _not_offered_key(procedure, applied_on)
        raise ValidationError(
            key,
            field="leistung",
            name=procedure.name,
            legal_basis=procedure.legal_basis,
            offered_from=procedure.offered_from,
            offered_until=procedure.offered_until,
            applied_on=applied_on,
        )
    reason = (
        clean_text(repeat_reason, "wiederholung", Label("shared.label_reason"), MAX_REPEAT_REASON)
        if repeat_reason
        else ""
    )
    with ctx.unit_of_work() as uow:
        session = uow.session
        person = session.get(Person, person_id)
        if person is None:
            raise NotFound("shared.person_not_found", person_id=person_id)
        same = session.execute(
            select(Case.id, Case.file_number, Case.status, Case.applied_on)
            .where(
                Case.person_id == person.id,
                Case.procedure_key == procedure.key,
                Case.status.in_([s.value for s in OPEN_CASE_STATUSES]),
            )
            .order_by(Case.applied_on, Case.id)
        ).all()
        if same and len(reason) < MIN_REPEAT_REASON:
            first = same[0]
            raise RepeatedCase(
                "cases.already_open",
                [(row.id, row.file_number) for row in same],
                name=procedure.name,
                file_number=first.file_number,
                status=CASE_STATUS_LABELS[CaseStatus(first.status)],
                applied_on=first.applied_on,
                min_length=MIN_REPEAT_REASON,
            )
        area = _area(session, procedure.area)
        owner_name = load_router(session).route(area.code, person.family_name)
        owner = session.scalar(select(User).where(User.username == owner_name)) if owner_name else None
        settings = read_office_settings(session)
        file_number = next_file_number(
            session, FileNumberPattern(settings.file_number_pattern), applied_on.year, area.code
        )
        age = person_age(person, applied_on)
        fee = application_fee(session, procedure, person, applied_on)
        case = Case(
            file_number=file_number,
            person_id=person.id,
            procedure_key=procedure.key,
            area_id=area.id,
            owner_id=owner.id if owner else None,
            status=CaseStatus.NEW.value,
            applied_on=applied_on,
            fee_cents=fee,
        )
        session.add(case)
        session.flush()
        # The applicant's documents, then what the authority establishes itself (§ 24 VwVfG).
        lines = [(d, False) for d in procedure.documents if applies(d, age)]
        lines += [(c, True) for c in procedure.checks if applies(c, age)]
        session.add_all(
            ChecklistItem(
                case_id=case.id,
                position=n,
                text=d.text,
                condition=d.condition,
                authority_check=check,
                status=ChecklistStatus.MISSING.value,
            )
            for n, (d, check) in enumerate(lines, start=1)
        )
        if procedure.title_kind:
            close_expiry_reminders(uow, person.id, f"Antrag vom {applied_on:%d.%m.%Y} gestellt (Vorgang {file_number})")
        uow.audit(
            "vorgang_angelegt",
            "case",
            case.id,
            case_id=case.id,
            aktenzeichen=file_number,
            leistung=procedure.key,
            bereich=area.code,
            zustaendig=owner_name,
            wiederholung=reason or None,
            offen_bereits=[row.file_number for row in same] or None,
        )
        uow.commit()
        return next(row for row in case_rows(ctx, session, person.id, uow.today) if row.id == case.id)
