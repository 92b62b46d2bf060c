"""Worklists of deadlines — overdue, today, this week, the next eight weeks — for the signed-in
caseworker (with the colleagues they deputise for), an area, or the whole team; and the titles
that expire within eight weeks with no application filed."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from enum import StrEnum
from typing import Any

from sqlalchemy import ColumnElement, and_, exists, func, select, true
from sqlalchemy.orm import Session, aliased

from abh_desk.domain.enums import OPEN_CASE_STATUSES, DeadlineKind, DeadlineStatus, Role
from abh_desk.errors import NotFound
from abh_desk.services.assignment import visible_owners
from abh_desk.services.context import ServiceContext
from abh_desk.services.deadlines import KIND_LABELS
from abh_desk.services.read_log import note_read
from abh_desk.services.reminder_letters import LETTER_ARRIVES
from models import Area, Case, Deadline, Person, ResidenceTitle, User

HORIZON = timedelta(weeks=8)
FIRST_ROWS = 100
"""Rows of each group fetched with the counts; the rest a page at a time (``worklist_ids``, ``worklist_rows``)."""
OVERDUE, TODAY, THIS_WEEK, NEXT_WEEKS = GROUPS = range(4)
GROUP_LABELS = ("Überfällig", "Heute", "Diese Woche", "Nächste acht Wochen")


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
    """The groups counted in full, and the first rows of each (``limit`` per group)."""

    today: date
    overdue: list[WorklistRow] = field(default_factory=list)
    due_today: list[WorklistRow] = field(default_factory=list)
    this_week: list[WorklistRow] = field(default_factory=list)
    next_weeks: list[WorklistRow] = field(default_factory=list)
    counts: dict[int, int] = field(default_factory=dict)
    """Deadlines per group in full (each row list stops at ``limit``)."""
    limit: int = FIRST_ROWS

    def count(self, group: int) -> int:
        return self.counts.get(group, 0)

    def rows(self, group: int) -> list[WorklistRow]:
        return (self.overdue, self.due_today, self.this_week, self.next_weeks)[group]

    def cut(self, group: int) -> bool:
        """The group has more deadlines than its rows here show."""
        return len(self.rows(group)) < self.count(group)

    @property
    def truncated(self) -> bool:
        return any(self.cut(group) for group in GROUPS)

    @property
    def total(self) -> int:
        return sum(self.counts.values())

    @property
    def groups(self) -> list[tuple[str, list[WorklistRow]]]:
        return [(GROUP_LABELS[group], self.rows(group)) for group in GROUPS]


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


def _week_end(today: date) -> date:
    return today + timedelta(days=6 - today.weekday())


def _in_group(group: int, today: date) -> tuple[ColumnElement[bool], ...]:
    """Open deadlines of one group: before today, today, the rest of this week, up to eight weeks."""
    due = Deadline.due_date
    bounds = {
        OVERDUE: (due < today,),
        TODAY: (due == today,),
        THIS_WEEK: (due > today, due <= _week_end(today)),
        NEXT_WEEKS: (due > _week_end(today), due <= today + HORIZON),
    }[group]
    return (Deadline.status == DeadlineStatus.OPEN.value, *bounds)


def _row_columns() -> Any:  # a Select of the row's ten columns
    return (
        select(
            Deadline.id,
            Deadline.case_id,
            Case.person_id,
            Case.file_number,
            Person.family_name,
            Person.given_names,
            Deadline.kind,
            Deadline.due_date,
            User.display_name,
            Deadline.note,
        )
        .join(Case, Case.id == Deadline.case_id)
        .join(Person, Person.id == Case.person_id)
        .outerjoin(User, User.id == Case.owner_id)
    )


def _row(values: Any) -> WorklistRow:
    d_id, case_id, person_id, file_number, family, given, kind, due_date, owner, note = values
    return WorklistRow(
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


def worklist(
    ctx: ServiceContext,
    scope: WorkScope = WorkScope.MINE,
    area: str | None = None,
    username: str | None = None,
    limit: int = FIRST_ROWS,
) -> Worklist:
    """Open deadlines due up to eight weeks ahead, in four groups: each counted in full, and the
    first ``limit`` of each by due date — today's deadlines show however many are overdue. The
    rest of a group comes a page at a time (``worklist_ids``, ``worklist_rows``)."""
    today = ctx.today()
    due = Deadline.due_date
    result = Worklist(today, limit=limit)
    with ctx.db.read() as session:
        condition = _scope_condition(session, ctx, scope, today, area, username)
        # Each group counted by its own range of the index, with the very condition its rows are
        # fetched with: no grouping or sorting of the deadlines at all.
        counted = session.execute(
            select(*(select(func.count()).where(condition, *_in_group(g, today)).scalar_subquery() for g in GROUPS))
        ).one()
        result.counts.update({group: int(n) for group, n in zip(GROUPS, counted, strict=True) if n})
        for group in GROUPS:
            if result.count(group) and limit > 0:
                stmt = _row_columns().where(condition, *_in_group(group, today)).order_by(due, Deadline.id)
                result.rows(group).extend(_row(values) for values in session.execute(stmt.limit(limit)))
    shown = sum(len(result.rows(group)) for group in GROUPS)
    if shown:  # counts alone (limit 0: the start page's tiles) show no one
        note_read(ctx, "fristenliste_gelesen", "fristen", liste=_list_name(scope, area, username), zeilen=shown)
    return result


def worklist_ids(
    ctx: ServiceContext,
    group: int,
    scope: WorkScope = WorkScope.MINE,
    area: str | None = None,
    username: str | None = None,
) -> list[int]:
    """Every deadline of one group, by due date: the ids, cheap even for a hundred thousand (the
    table fetches the rows of the pages it shows with ``worklist_rows``)."""
    today = ctx.today()
    with ctx.db.read() as session:
        condition = _scope_condition(session, ctx, scope, today, area, username)
        stmt = select(Deadline.id).where(condition, *_in_group(group, today))
        ids = list(session.scalars(stmt.order_by(Deadline.due_date, Deadline.id)))
    note_read(
        ctx, "fristenliste_gelesen", "fristen", liste=_list_name(scope, area, username), gruppe=group, zeilen=len(ids)
    )
    return ids


def _list_name(scope: WorkScope, area: str | None, username: str | None) -> str:
    return ":".join(part for part in (scope.value, area or "", username or "") if part)


def worklist_rows(ctx: ServiceContext, ids: list[int]) -> list[WorklistRow]:
    """The rows of ``ids``, in the order given (one query)."""
    if not ids:
        return []
    with ctx.db.read() as session:
        rows = {values[0]: _row(values) for values in session.execute(_row_columns().where(Deadline.id.in_(ids)))}
    return [rows[i] for i in ids if i in rows]


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
    reminder letter): no later title of the person, no open case of the person, not reminded yet,
    and not ending before a letter posted today would arrive."""
    today = ctx.today()
    later = aliased(ResidenceTitle)
    open_case = aliased(Case)
    stmt = (
        select(ResidenceTitle, Person, Case.file_number)
        .join(Person, Person.id == ResidenceTitle.person_id)
        .outerjoin(Case, Case.id == ResidenceTitle.case_id)
        .where(
            ResidenceTitle.valid_until > today + LETTER_ARRIVES,
            ResidenceTitle.valid_until <= today + timedelta(weeks=weeks),
            ResidenceTitle.reminded_on.is_(None),
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
        titles = [
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
    note_read(ctx, "ablaufliste_gelesen", "titel", wochen=weeks, bereich=area, zeilen=len(titles))
    return titles
