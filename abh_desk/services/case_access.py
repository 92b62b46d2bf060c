"""Who sees which case (issue #9): a caseworker the cases of their letter ranges, of those they
deputise for today, and those shared with them; a team lead the cases of their area; the
administration every case. Any other case opens only with a recorded reason, logged and valid for
that day. Persons themselves stay findable for everyone at the counter; this is about case files.
The eAT card's logistics — arrival, pickup notice, handover at the counter, return — are done for
every card of the office by whoever is at the counter or in the back office; ordering a card and
reading a case's cards belong to the case file.

The services call ``require_case_access`` before showing or changing a case, so the rule holds
for every caller, not only for the window.
"""

from __future__ import annotations

from datetime import date, timedelta

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from abh_desk.domain.enums import Role
from abh_desk.error_texts import Label
from abh_desk.errors import NotFound, PermissionDenied, ValidationError
from abh_desk.services.assignment import visible_owners
from abh_desk.services.context import Actor, ServiceContext
from models import Case, CaseAccess, User

SHARED, WITH_REASON = "geteilt", "begruendet"
MIN_REASON = 10
MAX_REASON = 500
MAX_SHARE_DAYS = 366


class ReasonRequired(PermissionDenied):
    """The case is not this user's: it opens with a reason, which is logged."""

    code = "begruendung_noetig"


def access_basis(session: Session, actor: Actor, case: Case, today: date) -> str | None:
    """Why this user may open the case ("zuständig", "Vertretung", …), or None."""
    if actor.user_id is None or actor.role == Role.ADMIN:
        return "Administration"
    if case.owner_id is not None and case.owner_id == actor.user_id:
        return "zuständig"
    if case.owner_id is not None and case.owner_id in visible_owners(session, actor.user_id, today):
        return "Vertretung"
    if leads_area(session, actor, case.area_id):
        return "Teamleitung"
    granted = session.scalar(
        select(CaseAccess.kind)
        .where(
            CaseAccess.case_id == case.id,
            CaseAccess.user_id == actor.user_id,
            or_(CaseAccess.valid_until.is_(None), CaseAccess.valid_until >= today),
        )
        .order_by(CaseAccess.kind.desc())  # "geteilt" before "begruendet"
        .limit(1)
    )
    return {SHARED: "geteilt", WITH_REASON: "mit Begründung"}.get(granted or "")


def lead_scope(session: Session, actor: Actor) -> tuple[bool, int | None]:
    """(is a team lead, the area they lead — None for a lead of every area)."""
    if actor.role != Role.TEAM_LEAD or actor.user_id is None:
        return False, None
    return True, session.scalar(select(User.area_id).where(User.id == actor.user_id))


def leads_area(session: Session, actor: Actor, area_id: int) -> bool:
    """A team lead sees and reviews the cases of their own area (a lead without one: every area)."""
    is_lead, scope = lead_scope(session, actor)
    return is_lead and scope in (None, area_id)


def require_case_access(session: Session, actor: Actor, case: Case, today: date) -> str:
    """Why the actor may open the case on ``today`` (the calling service's day), or ReasonRequired."""
    basis = access_basis(session, actor, case, today)
    if basis is None:
        raise ReasonRequired(
            "case_access.not_yours",
            file_number=case.file_number,
            case_id=case.id,
        )
    return basis


def require_person_access(session: Session, actor: Actor, person_id: int, today: date) -> None:
    """For steps on the person's file as a whole (a title, a retention event): the administration,
    or a user with access to one of the person's cases. Finding the person stays open to all."""
    if actor.user_id is None or actor.role == Role.ADMIN:
        return
    cases = session.scalars(select(Case).where(Case.person_id == person_id))
    if not any(access_basis(session, actor, case, today) for case in cases):
        raise PermissionDenied("case_access.person_not_yours")


def readable_case(session: Session, actor: Actor, case_id: int, today: date) -> Case:
    """The case, once ``actor`` may see it on ``today`` (``require_case_access``)."""
    case = _case(session, case_id)
    require_case_access(session, actor, case, today)
    return case


def _case(session: Session, case_id: int) -> Case:
    case = session.get(Case, case_id)
    if case is None:
        raise NotFound("shared.case_not_found", case_id=case_id)
    return case


def _reason(reason: str) -> str:
    reason = " ".join(reason.split())
    if len(reason) < MIN_REASON:
        raise ValidationError(
            "case_access.reason_missing",
            min_length=MIN_REASON,
            field="grund",
        )
    if len(reason) > MAX_REASON:
        raise ValidationError(
            "domain_text.too_long", field="grund", label=Label("shared.label_reason"), max_length=MAX_REASON
        )
    return reason


def open_with_reason(ctx: ServiceContext, case_id: int, reason: str) -> None:
    """Record why this user opens a case that is not theirs (valid for today) and log it."""
    today = ctx.today()
    reason = _reason(reason)
    with ctx.unit_of_work() as uow:
        case = _case(uow.session, case_id)
        uow.session.add(
            CaseAccess(
                case_id=case.id,
                user_id=ctx.actor.user_id,
                kind=WITH_REASON,
                reason=reason,
                granted_by_id=ctx.actor.user_id,
                valid_until=today,
            )
        )
        uow.audit("zugriff_mit_begruendung", "case", case.id, case_id=case.id, grund=reason)
        uow.commit()


def share_case(ctx: ServiceContext, case_id: int, username: str, until: date, note: str) -> None:
    """Share a case with a colleague until a day: the owner (or their deputy), the area's team lead
    or the administration may; logged."""
    today = ctx.today()
    note = _reason(note)
    if not today <= until <= today + timedelta(days=MAX_SHARE_DAYS):
        raise ValidationError("case_access.share_within_a_year", field="bis")
    with ctx.unit_of_work() as uow:
        case = _case(uow.session, case_id)
        basis = access_basis(uow.session, ctx.actor, case, today)
        if basis not in ("zuständig", "Vertretung", "Teamleitung", "Administration"):
            raise PermissionDenied("case_access.who_may_share")
        user = uow.session.scalar(select(User).where(User.username == username.strip().lower(), User.active))
        if user is None:
            raise ValidationError("shared.no_such_user", username=username, field="benutzer")
        uow.session.add(
            CaseAccess(
                case_id=case.id,
                user_id=user.id,
                kind=SHARED,
                reason=note,
                granted_by_id=ctx.actor.user_id,
                valid_until=until,
            )
        )
        uow.audit(
            "vorgang_geteilt", "case", case.id, case_id=case.id, mit=user.username, bis=until.isoformat(), grund=note
        )
        uow.commit()
