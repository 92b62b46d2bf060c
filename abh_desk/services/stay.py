"""The person's residence status on the day of a decision, from the titles the office recorded
(``abh_desk.domain.residence_status``): whether a refusal orders departure, threatens deportation
and may bar re-entry, or refuses and nothing more."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from abh_desk.domain.residence_status import ResidenceStatus, StatusCase, TitleFact, residence_status
from abh_desk.services.case_access import readable_case
from abh_desk.services.context import ServiceContext
from models import Case, ResidenceTitle


def titles_of(session: Session, person_id: int) -> list[TitleFact]:
    return [
        TitleFact(t.kind, t.legal_basis, t.valid_from, t.valid_until)
        for t in session.scalars(select(ResidenceTitle).where(ResidenceTitle.person_id == person_id))
    ]


def status_on(session: Session, case: Case, day: date) -> ResidenceStatus:
    """The status on ``day`` of the person the case is about, for a decision on this case."""
    return residence_status(titles_of(session, case.person_id), case.applied_on, day)


def notice_status_fields(status: ResidenceStatus) -> dict[str, object]:
    """What a rejection notice keeps of the status (``letters.data.RejectionData``)."""
    title = status.title
    held = f"{title.kind} nach {title.legal_basis}" if title and title.legal_basis else (title.kind if title else "")
    return {
        "status_case": status.case.value,
        "current_title": held if status.case is not StatusCase.NO_TITLE else "",
        "current_title_until": title.valid_until if title else None,
        "fiction_basis": status.norm if status.case is StatusCase.FICTION else "",
    }


@dataclass(frozen=True)
class DecisionStatus:
    """For the notice editor: whether departure, deportation threat and entry ban belong in the
    notice, and why (one German sentence naming the norm)."""

    day: date
    duty_to_leave: bool
    case: str
    reason: str


def decision_status(ctx: ServiceContext, case_id: int) -> DecisionStatus:
    today = ctx.today()
    with ctx.db.read() as session:
        case = readable_case(session, ctx.actor, case_id, today)
        status = status_on(session, case, today)
    return DecisionStatus(today, status.duty_to_leave, status.case.value, status.reason)
