"""Worklists of deadlines — overdue, today, this week, the next eight weeks — for the signed-in
caseworker (with the colleagues they deputise for), an area, or the whole team; and the titles
that expire within eight weeks with no application filed."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from enum import StrEnum
from functools import cache
from typing import Any

from sqlalchemy import (
    BindParameter,
    ColumnElement,
    ScalarSelect,
    Select,
    and_,
    bindparam,
    exists,
    func,
    literal_column,
    select,
    true,
    union_all,
)
from sqlalchemy.orm import Session, aliased

from abh_desk.domain.enums import DEADLINE_KIND_LABELS, OPEN_CASE_STATUSES, DeadlineKind, DeadlineStatus, Role
from abh_desk.error_texts import Label
from abh_desk.errors import NotFound
from abh_desk.services.assignment import visible_owners
from abh_desk.services.context import ServiceContext
from abh_desk.services.read_log import note_read
from abh_desk.services.reminder_letters import LETTER_ARRIVES
from models import Area, Case, Deadline, Person, ResidenceTitle, User

HORIZON = timedelta(weeks=8)
FIRST_ROWS = 100
"""Rows of each group fetched with the counts; the rest a page at a time (``worklist_ids``, ``worklist_rows``)."""
OVERDUE, TODAY, THIS_WEEK, NEXT_WEEKS = GROUPS = range(4)
GROUP_LABELS = (
    Label("worklists.group_overdue"),
    Label("worklists.group_today"),
    Label("worklists.group_this_week"),
    Label("worklists.group_next_eight_weeks"),
)


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


class _Kind(StrEnum):
    """The shape of a worklist's scope condition; its values come as parameters (``_Scope.params``)."""

    OWNERS = "owners"
    AREA = "area"
    OWN_AREA = "own_area"
    ALL = "all"


@dataclass(frozen=True)
class _Scope:
    """Which deadlines a worklist covers: the user's (with deputised colleagues), an area's, all."""

    kind: _Kind
    params: dict[str, Any] = field(default_factory=dict)
    area_code: str | None = None

    @property
    def checks_area(self) -> bool:
        return self.kind in (_Kind.AREA, _Kind.OWN_AREA)

    def without_area(self) -> _Scope:
        """The scope when its area does not exist: an unknown area is an error; a user without an
        area of their own sees the whole office."""
        if self.kind == _Kind.OWN_AREA:
            return _Scope(_Kind.ALL)
        raise NotFound("shared.area_not_found", area=self.area_code)


def _area_id(kind: _Kind) -> ScalarSelect[Any]:
    """The area's id, looked up inside the statement that reads the deadlines (no round trip of its
    own): NULL where there is none."""
    if kind == _Kind.OWN_AREA:
        return select(User.area_id).where(User.id == bindparam("user")).scalar_subquery()
    return select(Area.id).where(Area.code == bindparam("area")).scalar_subquery()


def _condition(kind: _Kind) -> ColumnElement[bool]:
    if kind == _Kind.OWNERS:
        return Deadline.owner_id.in_(bindparam("owners", expanding=True))
    if kind in (_Kind.AREA, _Kind.OWN_AREA):
        return Deadline.area_id == _area_id(kind)
    return true()


def _scope(
    session: Session, ctx: ServiceContext, scope: WorkScope, today: date, area: str | None, username: str | None
) -> _Scope:
    if scope == WorkScope.MINE:
        user_id = ctx.actor.user_id
        if username:
            user_id = session.scalar(select(User.id).where(User.username == username))
            if user_id is None:
                raise NotFound("shared.no_such_user", username=username)
        return _Scope(_Kind.OWNERS, {"owners": visible_owners(session, user_id, today)})
    if scope == WorkScope.AREA:
        if area is None and ctx.actor.user_id is not None:
            return _Scope(_Kind.OWN_AREA, {"user": ctx.actor.user_id})
        return _Scope(_Kind.AREA, {"area": area}, area_code=area)
    return _Scope(_Kind.ALL)


def _checked_scope(
    session: Session, ctx: ServiceContext, scope: WorkScope, today: date, area: str | None, username: str | None
) -> _Scope:
    """The scope, with its area looked up first (a statement of its own)."""
    where = _scope(session, ctx, scope, today, area, username)
    if where.checks_area and session.scalar(select(_area_id(where.kind)), where.params) is None:
        where = where.without_area()
    return where


def _week_end(today: date) -> date:
    return today + timedelta(days=6 - today.weekday())


def _days(today: date) -> dict[str, date]:
    """The parameters of ``_in_group``."""
    return {"today": today, "week_end": _week_end(today), "horizon": today + HORIZON}


def _in_group(group: int) -> tuple[ColumnElement[bool], ...]:
    """Open deadlines of one group: before today, today, the rest of this week, up to eight weeks
    (the days as parameters: ``_days``)."""
    due = Deadline.due_date
    today: BindParameter[date] = bindparam("today")
    week_end: BindParameter[date] = bindparam("week_end")
    bounds = {
        OVERDUE: (due < today,),
        TODAY: (due == today,),
        THIS_WEEK: (due > today, due <= week_end),
        NEXT_WEEKS: (due > week_end, due <= bindparam("horizon")),
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


_ROW_WIDTH = 10


def _row(values: Any) -> WorklistRow:
    d_id, case_id, person_id, file_number, family, given, kind, due_date, owner, note = values
    return WorklistRow(
        d_id,
        case_id,
        person_id,
        file_number,
        f"{family}, {given}".rstrip(", "),
        DEADLINE_KIND_LABELS[DeadlineKind(kind)],
        due_date,
        owner or "",
        note or "",
    )


@cache
def _counts_and_first_rows(kind: _Kind, rows: bool) -> Select[Any]:
    """One statement — one round trip, one snapshot — for the whole worklist: a row of the four
    counts (and the area's id, where the scope names one), joined to the first ``limit`` rows of each
    group. Each group is counted by its own range of the owner's or area's index, with the very
    condition its rows are fetched with: no grouping or sorting of the deadlines at all. Built once
    per shape, its values as parameters: building it anew took more time than the database needs
    for most of a worklist."""
    condition = _condition(kind)
    head = [select(func.count()).where(condition, *_in_group(g)).scalar_subquery().label(f"n{g}") for g in GROUPS]
    if kind in (_Kind.AREA, _Kind.OWN_AREA):
        head.append(_area_id(kind).label("area_id"))
    counts = select(*head).subquery("counts")
    if not rows:
        return select(counts)
    groups = [
        _row_columns()
        .add_columns(literal_column(str(g)).label("grp"))
        .where(condition, *_in_group(g))
        .order_by(Deadline.due_date, Deadline.id)
        .limit(bindparam("limit"))
        .subquery(f"g{g}")
        for g in GROUPS
    ]
    first = union_all(*(select(group) for group in groups)).subquery("first_rows")
    return (
        select(counts, first)
        .select_from(counts.outerjoin(first, true()))
        .order_by(first.c.grp, first.c.due_date, first.c.id)
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
    result = Worklist(today, limit=limit)
    with ctx.db.read_statements() as session:
        where = _scope(session, ctx, scope, today, area, username)
        days = {**_days(today), "limit": limit}
        read = session.connection().execute  # Core rows: the ORM's row handling cost more than the tuples
        found = read(_counts_and_first_rows(where.kind, limit > 0), {**days, **where.params}).all()
        if where.checks_area and found[0].area_id is None:  # no such area (or the user has none)
            where = where.without_area()
            found = read(_counts_and_first_rows(where.kind, limit > 0), {**days, **where.params}).all()
    counts = len(GROUPS)
    result.counts.update({group: int(n) for group, n in zip(GROUPS, found[0][:counts], strict=True) if n})
    columns = counts + where.checks_area
    for values in found if limit > 0 else ():
        if values.grp is not None:  # None: no rows at all (the counts come joined to nothing)
            result.rows(values.grp).append(_row(values[columns : columns + _ROW_WIDTH]))
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
    with ctx.db.read_statements() as session:
        where = _checked_scope(session, ctx, scope, today, area, username)
        stmt = select(Deadline.id).where(_condition(where.kind), *_in_group(group))
        ids = list(session.scalars(stmt.order_by(Deadline.due_date, Deadline.id), {**_days(today), **where.params}))
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
    with ctx.db.read_statements() as session:
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
