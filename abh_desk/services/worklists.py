"""Worklists of deadlines — overdue, today, this week, the next eight weeks — for the signed-in
caseworker (with the colleagues they deputise for), an area, or the whole team; and the titles
that expire within eight weeks with no application filed."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from enum import StrEnum

from sqlalchemy import ColumnElement, and_, case, exists, func, select, true
from sqlalchemy.orm import Session, aliased

from abh_desk.domain.enums import OPEN_CASE_STATUSES, DeadlineKind, DeadlineStatus, Role
from abh_desk.errors import NotFound
from abh_desk.services.assignment import visible_owners
from abh_desk.services.context import ServiceContext
from abh_desk.services.deadlines import KIND_LABELS
from models import Area, Case, Deadline, Person, ResidenceTitle, User

HORIZON = timedelta(weeks=8)
MAX_ROWS = 1_000
OVERDUE, TODAY, THIS_WEEK, NEXT_WEEKS = range(4)


class WorkScope(StrEnum):
    MINE = "meine"
    AREA = "bereich"
    ALL = "alle"


@dataclass(frozen=True)
class WorklistRow:
    deadline_id: int
    case_id: int
    person_id: int
    file_number: str
    person_name: str
    kind_label: str
    due_date: date
    owner: str
    note: str


@dataclass(frozen=True)
class Worklist:
    today: date
    overdue: list[WorklistRow] = field(default_factory=list)
    due_today: list[WorklistRow] = field(default_factory=list)
    this_week: list[WorklistRow] = field(default_factory=list)
    next_weeks: list[WorklistRow] = field(default_factory=list)
    counts: dict[int, int] = field(default_factory=dict)
    """Deadlines per group in full (the row lists stop at ``MAX_ROWS``)."""

    def count(self, group: int) -> int:
        return self.counts.get(group, 0)

    @property
    def truncated(self) -> bool:
        shown = len(self.overdue) + len(self.due_today) + len(self.this_week) + len(self.next_weeks)
        return shown < sum(self.counts.values())

    @property
    def groups(self) -> list[tuple[str, list[WorklistRow]]]:
        return [
            ("Überfällig", self.overdue),
            ("Heute", self.due_today),
            ("Diese Woche", self.this_week),
            ("Nächste acht Wochen", self.next_weeks),
        ]


def _scope_condition(
    session: Session, ctx: ServiceContext, scope: WorkScope, today: date, area: str | None, username: str | None
) -> ColumnElement[bool]:
    """Which deadlines the worklist covers: the user's (with deputised colleagues), an area's, all."""
    if scope == WorkScope.MINE:
        user_id = ctx.actor.user_id
        if username:
            user_id = session.scalar(select(User.id).where(User.username == username))
            if user_id is None:
                raise NotFound(f"Benutzer „{username}“ gibt es nicht.")
        return Deadline.owner_id.in_(visible_owners(session, user_id, today))
    if scope == WorkScope.AREA:
        if area is None and ctx.actor.user_id is not None:
            user = session.get(User, ctx.actor.user_id)
            area_id = user.area_id if user else None
        else:
            area_id = session.scalar(select(Area.id).where(Area.code == area))
            if area_id is None:
                raise NotFound(f"Bereich „{area}“ gibt es nicht.")
        if area_id is not None:
            return Deadline.area_id == area_id
    return true()


def worklist(
    ctx: ServiceContext,
    scope: WorkScope = WorkScope.MINE,
    area: str | None = None,
    username: str | None = None,
    limit: int = MAX_ROWS,
) -> Worklist:
    """Open deadlines due up to eight weeks ahead, grouped.

    The groups are counted in full; rows are fetched for the first ``limit`` deadlines by due
    date (overdue first), as plain columns — a list longer than that is for the counts, not for
    reading line by line."""
    today = ctx.today()
    week_end = today + timedelta(days=6 - today.weekday())
    due = Deadline.due_date
    bucket = case((due < today, OVERDUE), (due == today, TODAY), (due <= week_end, THIS_WEEK), else_=NEXT_WEEKS).label(
        "bucket"
    )
    open_due = (Deadline.status == DeadlineStatus.OPEN.value, due <= today + HORIZON)
    rows_stmt = (
        select(
            Deadline.id,
            Deadline.case_id,
            Case.person_id,
            Case.file_number,
            Person.family_name,
            Person.given_names,
            Deadline.kind,
            due,
            User.display_name,
            Deadline.note,
        )
        .join(Case, Case.id == Deadline.case_id)
        .join(Person, Person.id == Case.person_id)
        .outerjoin(User, User.id == Case.owner_id)
        .where(*open_due)
        .order_by(due, Deadline.id)
        .limit(limit)
    )
    count_stmt = select(bucket, func.count()).where(*open_due).group_by(bucket)
    result = Worklist(today)
    groups = {
        OVERDUE: result.overdue,
        TODAY: result.due_today,
        THIS_WEEK: result.this_week,
        NEXT_WEEKS: result.next_weeks,
    }
    with ctx.db.read() as session:
        condition = _scope_condition(session, ctx, scope, today, area, username)
        rows_stmt, count_stmt = rows_stmt.where(condition), count_stmt.where(condition)
        result.counts.update({int(b): int(n) for b, n in session.execute(count_stmt).all()})
        for d_id, case_id, person_id, file_number, family, given, kind, due_date, owner, note in session.execute(
            rows_stmt
        ):
            row = WorklistRow(
                d_id,
                case_id,
                person_id,
                file_number,
                f"{family}, {given}".rstrip(", "),
                KIND_LABELS[DeadlineKind(kind)],
                due_date,
                owner or "",
                note or "",
            )
            if due_date < today:
                groups[OVERDUE].append(row)
            elif due_date == today:
                groups[TODAY].append(row)
            elif due_date <= week_end:
                groups[THIS_WEEK].append(row)
            else:
                groups[NEXT_WEEKS].append(row)
    return result


@dataclass(frozen=True)
class ExpiringTitle:
    title_id: int
    person_id: int
    person_name: str
    kind: str
    legal_basis: str
    valid_until: date
    file_number: str


def expiring_titles(ctx: ServiceContext, weeks: int = 8, area: str | None = None) -> list[ExpiringTitle]:
    """Current titles ending within ``weeks`` for which no application is open (candidates for a
    reminder letter): no later title of the person, no open case of the person."""
    today = ctx.today()
    later = aliased(ResidenceTitle)
    open_case = aliased(Case)
    stmt = (
        select(ResidenceTitle, Person, Case.file_number)
        .join(Person, Person.id == ResidenceTitle.person_id)
        .outerjoin(Case, Case.id == ResidenceTitle.case_id)
        .where(
            ResidenceTitle.valid_until >= today,
            ResidenceTitle.valid_until <= today + timedelta(weeks=weeks),
            ~exists().where(
                and_(later.person_id == ResidenceTitle.person_id, later.valid_from > ResidenceTitle.valid_from)
            ),
            ~exists().where(
                and_(
                    open_case.person_id == ResidenceTitle.person_id,
                    open_case.status.in_([s.value for s in OPEN_CASE_STATUSES]),
                )
            ),
        )
        .order_by(ResidenceTitle.valid_until, Person.family_name_key)
    )
    with ctx.db.read() as session:
        if area is not None:
            stmt = stmt.where(Case.area_id == select(Area.id).where(Area.code == area).scalar_subquery())
        elif ctx.actor.role != Role.ADMIN and ctx.actor.user_id is not None:
            user = session.get(User, ctx.actor.user_id)
            if user is not None and user.area_id is not None:
                stmt = stmt.where(Case.area_id == user.area_id)
        return [
            ExpiringTitle(
                t.id,
                p.id,
                f"{p.family_name}, {p.given_names}".rstrip(", "),
                t.kind,
                t.legal_basis,
                t.valid_until or today,
                file_number or "",
            )
            for t, p, file_number in session.execute(stmt)
        ]
