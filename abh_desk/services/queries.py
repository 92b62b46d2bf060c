"""Lookups several services share: a case, a card (locked) and its open pickup deadline inside a
unit of work; a person's name, birth date and age, a case's title and the title its grant created.
Here so that no service imports another as its helper library."""

from __future__ import annotations

from datetime import date

from sqlalchemy import and_, select
from sqlalchemy.orm import Session

from abh_desk.domain.birth_dates import PartialDate
from abh_desk.domain.enums import DeadlineKind, DeadlineStatus
from abh_desk.domain.grants import GrantStatus
from abh_desk.error_texts import Label
from abh_desk.errors import NotFound
from abh_desk.services.case_access import require_case_access
from abh_desk.services.changes import stale_record
from abh_desk.services.context import ServiceContext, UnitOfWork
from models import CardOrder, Case, Deadline, Grant, Person, ResidenceTitle


def load_case(uow: UnitOfWork, case_id: int, casework: bool = False) -> Case:
    """The card's case. ``casework``: a step of the case file itself (ordering the card), which
    needs access to the case; the card's logistics (arrival, notice, handover, return) are the
    counter's and back office's, for every card of the office."""
    case = uow.session.get(Case, case_id)
    if case is None:
        raise NotFound("shared.case_not_found", case_id=case_id)
    if casework:
        require_case_access(uow.session, uow.ctx.actor, case, uow.today)
    return case


def load_card(uow: UnitOfWork, card_id: int, version: int | None) -> CardOrder:
    """The card, locked for this transaction (on PostgreSQL two counters handing over the same card
    at once: the second waits, then finds it changed — a stale record, never a duplicate handover)."""
    card = uow.session.get(CardOrder, card_id, with_for_update=True)
    if card is None:
        raise NotFound("shared.no_such_card", card_id=card_id)
    if version is not None and card.version != version:
        raise stale_record(uow.session, Label("queries.stale_card"), "card_order", card_id, card_id=card_id)
    return card


def open_waiting(uow: UnitOfWork, case_id: int) -> list[Deadline]:
    return list(
        uow.session.scalars(
            select(Deadline).where(
                Deadline.case_id == case_id,
                Deadline.kind == DeadlineKind.CARD_WAITING.value,
                Deadline.status == DeadlineStatus.OPEN.value,
            )
        )
    )


def holder_name(person: Person) -> str:
    return f"{person.given_names} {person.family_name}".strip()


def title_of(ctx: ServiceContext, case: Case) -> str:
    """ "Aufenthaltserlaubnis nach § 16a AufenthG" from the catalogue (the procedure's name otherwise)."""
    try:
        procedure = ctx.catalogue.get(case.procedure_key)
    except NotFound:
        return case.procedure_key
    if procedure.title_kind and procedure.legal_basis:
        return f"{procedure.title_kind} nach {procedure.legal_basis}"
    return procedure.name


def birth_text(person: Person) -> str:
    if person.birth_year is None:
        return ""
    return str(PartialDate(person.birth_year, person.birth_month, person.birth_day))


def person_age(person: Person, on: date) -> int | None:
    if person.birth_year is None:
        return None
    return PartialDate(person.birth_year, person.birth_month, person.birth_day).age_on(on)


def granted_title_of(session: Session, case_id: int) -> ResidenceTitle | None:
    """The title the case's grant created (the newest, if it was granted more than once)."""
    return session.scalars(
        select(ResidenceTitle)
        .join(Grant, and_(Grant.title_id == ResidenceTitle.id, Grant.status == GrantStatus.GRANTED.value))
        .where(Grant.case_id == case_id)
        .order_by(Grant.id.desc())
        .limit(1)
    ).first()
