"""Worklists of cases: "Meine Fälle" (own and deputised cases) and the team view of an area.

Like the person search, a list is first a list of ids in display order (cheap even for a hundred
thousand cases); the table fetches the rows of the visible pages with ``case_list_rows``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from sqlalchemy import or_, select

from abh_desk.domain.enums import CASE_STATUS_LABELS, OPEN_CASE_STATUSES, CaseStatus, Role
from abh_desk.services.assignment import owners_represented_by, visible_owners
from abh_desk.services.context import ServiceContext
from abh_desk.services.queries import birth_text
from abh_desk.services.read_log import note_read
from models import Area, Case, Person, User


class Scope(StrEnum):
    MINE = "meine"
    TEAM = "team"


@dataclass(frozen=True)
class CaseListRow:
    id: int
    person_id: int
    file_number: str
    person_name: str
    birth_date: str
    procedure_name: str
    status_label: str
    applied_on: date
    owner: str
    deputised: bool
    """True where the signed-in user sees the case as deputy (Vertretung)."""


def case_ids(
    ctx: ServiceContext,
    scope: Scope,
    statuses: frozenset[CaseStatus] = OPEN_CASE_STATUSES,
    owner: str | None = None,
) -> list[int]:
    """Ids of the cases in ``scope`` for the signed-in user, newest application first.

    MINE: cases the user owns, and those of the users they deputise for today.
    TEAM: cases of the user's area (team leads, caseworkers); administrators see every area.
    ``owner`` narrows the team view to one caseworker.
    """
    today = ctx.today()
    actor = ctx.actor
    with ctx.db.read() as session:
        stmt = select(Case.id).where(Case.status.in_([s.value for s in statuses]))
        if scope == Scope.MINE:
            owners = visible_owners(session, actor.user_id, today)
            stmt = stmt.where(Case.owner_id.in_(owners))
        else:
            user = session.get(User, actor.user_id) if actor.user_id else None
            if actor.role != Role.ADMIN and user is not None and user.area_id is not None:
                stmt = stmt.where(Case.area_id == user.area_id)
            if owner:
                stmt = stmt.where(Case.owner_id == select(User.id).where(User.username == owner).scalar_subquery())
        ids = list(session.scalars(stmt.order_by(Case.applied_on.desc(), Case.id.desc())))
    note_read(ctx, "vorgangsliste_gelesen", "vorgaenge", liste=scope.value, sachbearbeitung=owner, zeilen=len(ids))
    return ids


def case_list_rows(ctx: ServiceContext, ids: list[int]) -> list[CaseListRow]:
    """The rows of ``ids`` in the order given (one query)."""
    if not ids:
        return []
    today = ctx.today()
    with ctx.db.read() as session:
        represented = set(owners_represented_by(session, ctx.actor.user_id, today)) if ctx.actor.user_id else set()
        rows = session.execute(
            select(Case, Person, User.display_name)
            .join(Person, Person.id == Case.person_id)
            .outerjoin(User, User.id == Case.owner_id)
            .where(Case.id.in_(ids))
        ).all()
    by_id = {}
    for case, person, owner in rows:
        procedure = ctx.catalogue.name_of(case.procedure_key)
        by_id[case.id] = CaseListRow(
            id=case.id,
            person_id=person.id,
            file_number=case.file_number,
            person_name=f"{person.family_name}, {person.given_names}".rstrip(", "),
            birth_date=birth_text(person),
            procedure_name=procedure,
            status_label=CASE_STATUS_LABELS[CaseStatus(case.status)],
            applied_on=case.applied_on,
            owner=owner or "",
            deputised=case.owner_id in represented,
        )
    return [by_id[i] for i in ids if i in by_id]


def area_caseworkers(ctx: ServiceContext) -> list[tuple[str, str]]:
    """(user name, display name) of the caseworkers the signed-in user's team view can filter by."""
    with ctx.db.read() as session:
        user = session.get(User, ctx.actor.user_id) if ctx.actor.user_id else None
        stmt = select(User.username, User.display_name).where(User.role == Role.CASEWORKER.value)
        if ctx.actor.role != Role.ADMIN and user is not None and user.area_id is not None:
            stmt = stmt.where(or_(User.area_id == user.area_id, User.area_id.is_(None)))
        return [(u, n) for u, n in session.execute(stmt.order_by(User.display_name)).all()]


def area_name(ctx: ServiceContext) -> str:
    with ctx.db.read() as session:
        user = session.get(User, ctx.actor.user_id) if ctx.actor.user_id else None
        if user is None or user.area_id is None or ctx.actor.role == Role.ADMIN:
            return "alle Bereiche"
        return session.scalar(select(Area.name).where(Area.id == user.area_id)) or ""
