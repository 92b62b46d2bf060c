"""Übersicht for team leads (their area) and the administration (the office): who is drowning and
why, as figures for charts — open cases per caseworker by state, the age of the open cases, new
against closed cases per week, processing times per procedure against the catalogue, overdue
deadlines per caseworker, cards waiting and rejections in review by age.

Every figure is a grouped SQL count (no loop over rows); every bar carries a ``Drill`` whose list
(``drill_ids``) is built from the same condition as the count, so the chart and its list agree.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from enum import StrEnum
from typing import Any

from sqlalchemy import ColumnElement, Integer, case, cast, func, literal, select
from sqlalchemy.orm import Session

from abh_desk.clock import office_time
from abh_desk.domain.cards import WAITING
from abh_desk.domain.enums import CASE_STATUS_LABELS, OPEN_CASE_STATUSES, CaseStatus, DeadlineStatus, LetterKind, Role
from abh_desk.domain.enums import LetterStatus as LS
from abh_desk.error_texts import Label
from abh_desk.errors import NotFound, PermissionDenied
from abh_desk.services.assignment import require_lead
from abh_desk.services.context import ServiceContext
from abh_desk.services.read_log import note_read
from models import Area, CardOrder, Case, Deadline, Letter, User

_OPEN = [s.value for s in OPEN_CASE_STATUSES]
#: States shown per caseworker, in the order a case walks through them.
OPEN_ORDER = (
    CaseStatus.NEW,
    CaseStatus.IN_PROGRESS,
    CaseStatus.WAITING_FOR_DOCUMENTS,
    CaseStatus.READY_FOR_DECISION,
)
#: Closed for "new against closed": decided one way or the other (not handed to another office).
CLOSED_STATUSES = [s.value for s in (CaseStatus.GRANTED, CaseStatus.REJECTED, CaseStatus.WITHDRAWN, CaseStatus.CLOSED)]
#: (from, to) days; to None = open-ended.
CASE_AGE_BUCKETS: tuple[tuple[int, int | None], ...] = ((0, 30), (31, 60), (61, 90), (91, 180), (181, 365), (366, None))
CARD_AGE_BUCKETS: tuple[tuple[int, int | None], ...] = ((0, 13), (14, 27), (28, 55), (56, None))
REVIEW_AGE_BUCKETS: tuple[tuple[int, int | None], ...] = ((0, 2), (3, 7), (8, 14), (15, None))
WEEKS = 52
NOBODY = "ohne Zuständigkeit"


class DrillKind(StrEnum):
    OWNER_STATUS = "offen_nach_stand"
    CASE_AGE = "alter"
    NEW_IN_WEEK = "neu_in_woche"
    CLOSED_IN_WEEK = "erledigt_in_woche"
    PROCEDURE = "verfahren"
    OVERDUE = "ueberfaellig"
    CARDS = "karten"
    REVIEW = "pruefung"


@dataclass(frozen=True)
class Drill:
    """The list behind one bar: its kind, the scope (an area's code, None for the office) and the
    bar's own key — a caseworker (0 = nobody) and a state, a bucket of days, a week, a procedure."""

    kind: DrillKind
    area: str | None
    owner_id: int | None = None
    status: str | None = None
    low: int = 0
    high: int | None = None
    week_start: date | None = None
    procedure_key: str | None = None

    @property
    def lists_deadlines(self) -> bool:
        return self.kind == DrillKind.OVERDUE


@dataclass(frozen=True)
class Bar:
    label: str
    value: float
    drill: Drill


@dataclass(frozen=True)
class OwnerLoad:
    """One caseworker's open cases, by state (OPEN_ORDER)."""

    owner_id: int
    name: str
    by_status: tuple[int, ...]
    oldest_days: int

    @property
    def total(self) -> int:
        return sum(self.by_status)


@dataclass(frozen=True)
class ProcedureTime:
    key: str
    name: str
    cases: int
    median_days: float
    p90_days: float
    expected_days: tuple[int, int] | None
    """The catalogue's processing time (bearbeitungszeit_wochen) in days, where it gives one."""
    drill: Drill


@dataclass(frozen=True)
class OldestCase:
    case_id: int
    file_number: str
    owner: str
    age_days: int


@dataclass(frozen=True)
class Overview:
    today: date
    area: str | None
    area_name: str
    owners: tuple[OwnerLoad, ...]
    status_labels: tuple[str, ...]
    case_ages: tuple[Bar, ...]
    oldest: OldestCase | None
    new_per_week: tuple[Bar, ...]
    closed_per_week: tuple[Bar, ...]
    procedures: tuple[ProcedureTime, ...]
    overdue: tuple[Bar, ...]
    cards: tuple[Bar, ...]
    reviews: tuple[Bar, ...]
    open_total: int = field(default=0)

    def owner_drill(self, owner_id: int, status: CaseStatus) -> Drill:
        return Drill(DrillKind.OWNER_STATUS, self.area, owner_id=owner_id, status=status.value)

    @property
    def busiest(self) -> OwnerLoad | None:
        """The caseworker with the longest backlog (most open cases; the older on a tie)."""
        staffed = [o for o in self.owners if o.owner_id]
        return max(staffed, key=lambda o: (o.total, o.oldest_days), default=None)


def bucket_label(low: int, high: int | None, unit: str = "Tage") -> str:
    return f"über {low - 1} {unit}" if high is None else f"{low}–{high} {unit}"


def days_between(session: Session, later: Any, earlier: Any) -> ColumnElement[int]:
    """Whole days from ``earlier`` to ``later`` (dates), on SQLite and PostgreSQL alike."""
    if session.get_bind().dialect.name == "sqlite":
        return cast(func.julianday(later) - func.julianday(earlier), Integer)
    return cast(later - earlier, Integer)


def scope_area_id(session: Session, ctx: ServiceContext, area: str | None) -> int | None:
    """The scope: the area named (the administration may name any), else the team lead's own area;
    None is the whole office (the administration only)."""
    if area is not None:
        area_id = session.scalar(select(Area.id).where(Area.code == area))
        if area_id is None:
            raise NotFound("shared.area_not_found", area=area)
        if ctx.actor.role != Role.ADMIN:
            own = _own_area(session, ctx)
            if own is not None and own != area_id:
                raise PermissionDenied("overview.area_not_yours", area=area)
        return int(area_id)
    if ctx.actor.role == Role.ADMIN:
        return None
    return _own_area(session, ctx)


def _own_area(session: Session, ctx: ServiceContext) -> int | None:
    user = session.get(User, ctx.actor.user_id) if ctx.actor.user_id else None
    return user.area_id if user is not None else None


def _in_bucket(column: Any, today: date, low: int, high: int | None) -> list[ColumnElement[bool]]:
    """A date column whose age on ``today`` is ``low``..``high`` days."""
    parts = [column <= today - timedelta(days=low)] if low else []  # the first bucket: whatever is newer too
    if high is not None:
        parts.append(column >= today - timedelta(days=high))
    return parts


def _bucket_case(column: Any, today: date, buckets: Sequence[tuple[int, int | None]]) -> Any:
    return case(
        *((column >= today - timedelta(days=high), index) for index, (_low, high) in enumerate(buckets) if high),
        else_=len(buckets) - 1,
    )


def _moment(day: date) -> datetime:
    """The start of ``day`` in the office's zone (submitted_at is a moment)."""
    return office_time(day, time.min)


def _drill_select(session: Session, drill: Drill, today: date, area_id: int | None) -> Any:
    """The rows behind a bar, as ids: cases, or deadlines for OVERDUE. The same conditions count the bars."""
    k = DrillKind
    if drill.kind == k.OVERDUE:
        stmt = select(Deadline.id).where(
            Deadline.status == DeadlineStatus.OPEN.value,
            Deadline.due_date < today,
            Deadline.owner_id.is_(None) if not drill.owner_id else Deadline.owner_id == drill.owner_id,
        )
        if area_id is not None:
            stmt = stmt.where(Deadline.area_id == area_id)
        return stmt.order_by(Deadline.due_date, Deadline.id)
    stmt = select(Case.id)
    if drill.kind == k.OWNER_STATUS:
        owner = Case.owner_id.is_(None) if not drill.owner_id else Case.owner_id == drill.owner_id
        stmt = stmt.where(owner, Case.status == drill.status)
    elif drill.kind == k.CASE_AGE:
        stmt = stmt.where(Case.status.in_(_OPEN), *_in_bucket(Case.applied_on, today, drill.low, drill.high))
    elif drill.kind in (k.NEW_IN_WEEK, k.CLOSED_IN_WEEK):
        assert drill.week_start is not None
        column = Case.applied_on if drill.kind == k.NEW_IN_WEEK else Case.decided_on
        stmt = stmt.where(column >= drill.week_start, column < drill.week_start + timedelta(days=7))
        if drill.kind == k.CLOSED_IN_WEEK:
            stmt = stmt.where(Case.status.in_(CLOSED_STATUSES))
    elif drill.kind == k.PROCEDURE:
        stmt = stmt.where(
            Case.procedure_key == drill.procedure_key,
            Case.status.in_(CLOSED_STATUSES),
            Case.decided_on > today - timedelta(days=365),
            Case.decided_on <= today,
        )
    elif drill.kind == k.CARDS:
        waiting = select(CardOrder.case_id).where(
            CardOrder.status.in_([s.value for s in WAITING]),
            *_in_bucket(CardOrder.arrived_on, today, drill.low, drill.high),
        )
        stmt = stmt.where(Case.id.in_(waiting))
    elif drill.kind == k.REVIEW:
        submitted = Letter.submitted_at
        parts = [submitted < _moment(today - timedelta(days=drill.low - 1))] if drill.low else []
        if drill.high is not None:
            parts.append(submitted >= _moment(today - timedelta(days=drill.high)))
        in_review = select(Letter.case_id).where(
            Letter.kind == LetterKind.REJECTION.value, Letter.status == LS.IN_REVIEW.value, *parts
        )
        stmt = stmt.where(Case.id.in_(in_review))
    if area_id is not None:
        stmt = stmt.where(Case.area_id == area_id)
    return stmt.order_by(Case.applied_on, Case.id)


def drill_ids(ctx: ServiceContext, drill: Drill) -> list[int]:
    """The ids behind one bar, oldest first: case ids (``caselists.case_list_rows``), or deadline
    ids for overdue deadlines (``worklists.worklist_rows``)."""
    require_lead(ctx, Label("overview.label_see_overview"))
    today = ctx.today()
    with ctx.db.read() as session:
        area_id = scope_area_id(session, ctx, drill.area)
        ids = list(session.scalars(_drill_select(session, drill, today, area_id)))
    note_read(
        ctx,
        "fristenliste_gelesen" if drill.lists_deadlines else "vorgangsliste_gelesen",
        "fristen" if drill.lists_deadlines else "vorgaenge",
        liste=f"uebersicht:{drill.kind.value}",
        bereich=drill.area,
        zeilen=len(ids),
    )
    return ids


def percentile(distribution: Sequence[tuple[int, int]], share: float) -> float:
    """The ``share`` percentile (0.5 = median) of values given as sorted (value, count) pairs,
    by the nearest rank; 0 for none."""
    total = sum(n for _v, n in distribution)
    if not total:
        return 0.0
    if share == 0.5 and total % 2 == 0:  # the median of an even count: the mean of the middle two
        return (_rank(distribution, total // 2) + _rank(distribution, total // 2 + 1)) / 2
    return float(_rank(distribution, max(1, -(-int(share * total * 1000) // 1000))))


def _rank(distribution: Sequence[tuple[int, int]], rank: int) -> int:
    seen = 0
    for value, count in distribution:
        seen += count
        if seen >= rank:
            return value
    return distribution[-1][0]


def overview(ctx: ServiceContext, area: str | None = None) -> Overview:
    """The figures of the overview for ``area`` (a team lead: their own; the administration: the
    office when None). One grouped query per chart (and one for the oldest case)."""
    require_lead(ctx, Label("overview.label_see_overview"))
    today = ctx.today()
    with ctx.db.read() as session:
        area_id = scope_area_id(session, ctx, area)
        code = session.scalar(select(Area.code).where(Area.id == area_id)) if area_id is not None else None
        area_name = session.scalar(select(Area.name).where(Area.id == area_id)) if area_id else "alle Bereiche"
        names: dict[int, str] = dict(session.execute(select(User.id, User.display_name)).all())

        def scoped(stmt: Any, column: Any = Case.area_id) -> Any:
            return stmt if area_id is None else stmt.where(column == area_id)

        # Open cases per caseworker, state and age bucket, with the oldest application of each —
        # one scan: the inner query groups by the index's own columns (status, day, area, owner:
        # a few thousand groups, streamed without sorting), the outer one buckets those groups.
        per_day = scoped(
            select(Case.status, Case.applied_on, Case.owner_id, func.count().label("n"))
            .where(Case.status.in_(_OPEN))
            .group_by(Case.status, Case.applied_on, Case.area_id, Case.owner_id)
        ).subquery()
        bucket = _bucket_case(per_day.c.applied_on, today, CASE_AGE_BUCKETS).label("bucket")
        rows = session.execute(
            select(
                per_day.c.owner_id, per_day.c.status, bucket, func.sum(per_day.c.n), func.min(per_day.c.applied_on)
            ).group_by(per_day.c.owner_id, per_day.c.status, bucket)
        ).all()
        loads: dict[int, list[int]] = {}
        oldest_on: dict[int, date] = {}
        counts: dict[int, int] = {}
        for owner_id, status, index, count, first in rows:
            key = owner_id or 0
            loads.setdefault(key, [0] * len(OPEN_ORDER))[OPEN_ORDER.index(CaseStatus(status))] += int(count)
            oldest_on[key] = min(first, oldest_on.get(key, first))
            counts[int(index)] = counts.get(int(index), 0) + int(count)
        owners = tuple(
            sorted(
                (
                    OwnerLoad(k, names.get(k, NOBODY) if k else NOBODY, tuple(v), (today - oldest_on[k]).days)
                    for k, v in loads.items()
                ),
                key=lambda o: (-o.total, o.name),
            )
        )
        ages = tuple(
            Bar(bucket_label(low, high), int(counts.get(i, 0)), Drill(DrillKind.CASE_AGE, code, low=low, high=high))
            for i, (low, high) in enumerate(CASE_AGE_BUCKETS)
        )
        # The oldest open case: the first of its day (the day is known now, so no sort of them all).
        # min(id) grouped by the day, not ORDER BY id LIMIT 1: that made PostgreSQL walk the primary
        # key from the first case on, filtering for the day (0.8 s at 1M).
        first_id = (
            scoped(
                select(func.min(Case.id))
                .where(Case.status.in_(_OPEN), Case.applied_on == min(oldest_on.values()))
                .group_by(Case.applied_on)
            ).scalar_subquery()
            if oldest_on
            else None
        )
        first = (
            session.execute(
                select(Case.id, Case.file_number, Case.owner_id, Case.applied_on).where(Case.id == first_id)
            ).first()
            if first_id is not None
            else None
        )
        oldest = (
            OldestCase(first[0], first[1], names.get(first[2] or 0, NOBODY), (today - first[3]).days) if first else None
        )

        # New and closed cases per week, the last 52 weeks (Monday to Sunday, this week last): counted
        # per day along the date's index, then summed per week. The closed state is a FILTER of the
        # count, not a WHERE: in WHERE it made SQLite walk every closed case ever by status.
        start = today - timedelta(days=today.weekday() + 7 * (WEEKS - 1))
        applied_days = scoped(
            select(Case.applied_on.label("day"), func.count().label("n"))
            .where(Case.applied_on >= start, Case.applied_on <= today)
            .group_by(Case.applied_on)
        ).subquery()
        decided_days = scoped(
            select(Case.decided_on.label("day"), func.count().filter(Case.status.in_(CLOSED_STATUSES)).label("n"))
            .where(Case.decided_on >= start, Case.decided_on <= today)
            .group_by(Case.decided_on)
        ).subquery()
        new = _per_week(session, applied_days, start)
        closed = _per_week(session, decided_days, start)

        def weekly(counted: dict[Any, Any], kind: DrillKind) -> tuple[Bar, ...]:
            bars = []
            for week in range(WEEKS):
                monday = start + timedelta(weeks=week)
                label = f"KW {monday.isocalendar().week:02d}/{monday.isocalendar().year % 100:02d}"
                bars.append(Bar(label, int(counted.get(week, 0)), Drill(kind, code, week_start=monday)))
            return tuple(bars)

        # Processing time per procedure (cases decided in the last 365 days): the distribution of
        # days per procedure is grouped in SQL; median and 90th percentile are read off it.
        took = days_between(session, Case.decided_on, Case.applied_on).label("took")
        closed_count = func.count().filter(Case.status.in_(CLOSED_STATUSES))
        spread = session.execute(
            scoped(
                select(Case.procedure_key, took, closed_count)
                .where(Case.decided_on > today - timedelta(days=365), Case.decided_on <= today)
                .group_by(Case.procedure_key, took)
                .having(closed_count > 0)
                .order_by(Case.procedure_key, took)
            )
        ).all()
        by_procedure: dict[str, list[tuple[int, int]]] = {}
        for key, days, count in spread:
            by_procedure.setdefault(key, []).append((int(days), int(count)))
        procedures = tuple(
            ProcedureTime(
                key,
                ctx.catalogue.name_of(key),
                sum(n for _d, n in dist),
                percentile(dist, 0.5),
                percentile(dist, 0.9),
                _expected_days(ctx, key),
                Drill(DrillKind.PROCEDURE, code, procedure_key=key),
            )
            for key, dist in sorted(by_procedure.items(), key=lambda item: ctx.catalogue.name_of(item[0]))
        )

        # Overdue deadlines per caseworker.
        overdue_rows = session.execute(
            scoped(
                select(Deadline.owner_id, func.count())
                .where(Deadline.status == DeadlineStatus.OPEN.value, Deadline.due_date < today)
                .group_by(Deadline.owner_id),
                Deadline.area_id,
            )
        ).all()
        overdue = tuple(
            sorted(
                (
                    Bar(
                        names.get(owner, NOBODY) if owner else NOBODY,
                        int(n),
                        Drill(DrillKind.OVERDUE, code, owner_id=owner or 0),
                    )
                    for owner, n in overdue_rows
                ),
                key=lambda b: (-b.value, b.label),
            )
        )

        # Cards waiting (cases with a card not handed over), by weeks since arrival.
        card_bucket = _bucket_case(CardOrder.arrived_on, today, CARD_AGE_BUCKETS).label("bucket")
        card_counts = dict(
            session.execute(
                scoped(
                    select(card_bucket, func.count(func.distinct(CardOrder.case_id)))
                    .join(Case, Case.id == CardOrder.case_id)
                    .where(CardOrder.status.in_([s.value for s in WAITING]))
                    .group_by(card_bucket)
                )
            ).all()
        )
        cards = tuple(
            Bar(_weeks_label(low, high), int(card_counts.get(i, 0)), Drill(DrillKind.CARDS, code, low=low, high=high))
            for i, (low, high) in enumerate(CARD_AGE_BUCKETS)
        )

        # Rejections in review (cases with a notice before the team lead), by days since submitted.
        review_bucket = case(
            *(
                (Letter.submitted_at >= _moment(today - timedelta(days=high)), index)
                for index, (_low, high) in enumerate(REVIEW_AGE_BUCKETS)
                if high is not None
            ),
            else_=len(REVIEW_AGE_BUCKETS) - 1,
        ).label("bucket")
        review_counts = dict(
            session.execute(
                scoped(
                    select(review_bucket, func.count(func.distinct(Letter.case_id)))
                    .join(Case, Case.id == Letter.case_id)
                    .where(Letter.kind == LetterKind.REJECTION.value, Letter.status == LS.IN_REVIEW.value)
                    .group_by(review_bucket)
                )
            ).all()
        )
        reviews = tuple(
            Bar(
                bucket_label(low, high),
                int(review_counts.get(i, 0)),
                Drill(DrillKind.REVIEW, code, low=low, high=high),
            )
            for i, (low, high) in enumerate(REVIEW_AGE_BUCKETS)
        )
    result = Overview(
        today=today,
        area=code,
        area_name=area_name or "",
        owners=owners,
        status_labels=tuple(CASE_STATUS_LABELS[s] for s in OPEN_ORDER),
        case_ages=ages,
        oldest=oldest,
        new_per_week=weekly(new, DrillKind.NEW_IN_WEEK),
        closed_per_week=weekly(closed, DrillKind.CLOSED_IN_WEEK),
        procedures=procedures,
        overdue=overdue,
        cards=cards,
        reviews=reviews,
        open_total=sum(o.total for o in owners),
    )
    note_read(ctx, "uebersicht_gelesen", "vorgaenge", bereich=code, zeilen=result.open_total)
    return result


def _per_week(session: Session, days: Any, start: date) -> dict[int, int]:
    """The count per week (0 = the week of ``start``), from a subquery of (day, n)."""
    week = (days_between(session, days.c.day, literal(start)) // 7).label("week")
    return {int(w): int(n) for w, n in session.execute(select(week, func.sum(days.c.n)).group_by(week))}


def _weeks_label(low: int, high: int | None) -> str:
    if high is None:
        return f"ab {low // 7} Wochen"
    return f"{low // 7}–{(high + 1) // 7} Wochen"


def _expected_days(ctx: ServiceContext, key: str) -> tuple[int, int] | None:
    if key not in ctx.catalogue:
        return None
    weeks = ctx.catalogue.get(key).processing_weeks
    return (weeks[0] * 7, weeks[1] * 7) if weeks else None


def scope_choices(ctx: ServiceContext) -> list[tuple[str | None, str]]:
    """(area code, name) the signed-in user may look at: the administration the office (None)
    and every area; a team lead their own area."""
    require_lead(ctx, Label("overview.label_see_overview"))
    with ctx.db.read() as session:
        areas = [(str(c), str(n)) for c, n in session.execute(select(Area.code, Area.name).order_by(Area.name))]
        if ctx.actor.role == Role.ADMIN:
            return [(None, "alle Bereiche"), *areas]
        own = _own_area(session, ctx)
        code = session.scalar(select(Area.code).where(Area.id == own)) if own is not None else None
    return [(c, n) for c, n in areas if c == code] or [(None, "alle Bereiche")]
