"""The fee of a case under the AufenthV (``abh_desk.domain.fees``): the Tatbestand from the title
applied for and the title the person held when applying, adjusted for the outcome, the person's
age on the day of application and benefit receipt."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy.orm import Session

from abh_desk.domain.catalogue import ProcedureType
from abh_desk.domain.checklist import ADULT_AGE
from abh_desk.domain.fees import Fee, FeeFacts, compute_fee, load_fee_schedule, rule_key
from abh_desk.domain.residence_status import StayBasis, residence_status
from abh_desk.errors import NotFound
from abh_desk.services.case_access import require_case_access
from abh_desk.services.context import ServiceContext
from abh_desk.services.queries import person_age
from abh_desk.services.stay import titles_of
from models import Case, Person


def fee_for(procedure: ProcedureType, age: int | None) -> int | None:
    """The catalogue's own amount (procedures that are no title of §§ 44–45 AufenthV, and demo data)."""
    if age is not None and age < ADULT_AGE and procedure.fees.minor_cents is not None:
        return procedure.fees.minor_cents
    return procedure.fees.issue_cents


#: Where the catalogue's own amount applies (no title of §§ 44–45 AufenthV).
GENERAL_BASIS = "§ 69 AufenthG i. V. m. der Aufenthaltsverordnung (AufenthV)"


def fee_of(
    session: Session,
    procedure: ProcedureType,
    person: Person,
    applied_on: date,
    refused: bool,
    benefits: bool = False,
    short_extension: bool = False,
) -> Fee | None:
    """The AufenthV fee of an application, or None where the procedure is no title of §§ 44–45."""
    age = person_age(person, applied_on)
    status = residence_status(titles_of(session, person.id), applied_on, applied_on)
    held = status.title.legal_basis if status.title is not None and status.basis is not StayBasis.NONE else None
    key = rule_key(
        procedure.title_kind, procedure.legal_basis, procedure.key, held, short_extension,
        procedure.max_validity_months, age,
    )  # fmt: skip
    if key is None:
        return None
    return compute_fee(load_fee_schedule().get(key), FeeFacts(age, refused, benefits))


def application_fee(session: Session, procedure: ProcedureType, person: Person, applied_on: date) -> int | None:
    """The fee the case is opened with (granted as applied for): the AufenthV's, else the catalogue's."""
    fee = fee_of(session, procedure, person, applied_on, refused=False)
    return fee.cents if fee is not None else fee_for(procedure, person_age(person, applied_on))


@dataclass(frozen=True)
class FeeView:
    """For the notice editor: the fee a refusal costs this person, and its provisions."""

    cents: int
    basis: str


def refusal_fee(ctx: ServiceContext, case_id: int, benefits: bool = False, short_extension: bool = False) -> FeeView:
    with ctx.db.read() as session:
        case = session.get(Case, case_id)
        person = session.get(Person, case.person_id) if case else None
        if case is None or person is None:
            raise NotFound("shared.case_not_found", case_id=case_id)
        require_case_access(session, ctx.actor, case, ctx.today())
        procedure = ctx.catalogue.get(case.procedure_key)
        return refusal_fee_of(session, procedure, person, case.applied_on, benefits, short_extension)


#: The refusal of a minor's application for a procedure outside §§ 44–45 AufenthV (eAT, travel document,
#: lifting a condition …): the processing fee of § 49 Abs. 2 is the fee of the act, halved for minors by
#: § 50 Abs. 1 Satz 1, which names § 49 Abs. 1 and 2 without exception.
MINOR_REFUSAL_BASIS = "§ 49 Abs. 2, § 50 Abs. 1 Satz 1 AufenthV i. V. m. § 69 AufenthG"


def refusal_fee_of(
    session: Session, procedure: ProcedureType, person: Person, applied_on: date, benefits: bool, short_extension: bool
) -> FeeView:
    fee = fee_of(session, procedure, person, applied_on, True, benefits, short_extension)
    if fee is not None:
        return FeeView(fee.cents, fee.basis)
    age = person_age(person, applied_on)
    if age is not None and age < ADULT_AGE and procedure.fees.issue_cents is not None:
        return FeeView(procedure.fees.issue_cents // 2, MINOR_REFUSAL_BASIS)
    return FeeView(fee_for(procedure, age) or 0, GENERAL_BASIS)
