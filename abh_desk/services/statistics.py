"""Statistik for the office's reports: per month and for the year — applications, grants, refusals
(and by ground), objections and lawsuits and how they ended, cards handed over, the median
processing time. Each figure is one grouped SQL query over the year's index range; the months are
a CASE over their bounds (the same on SQLite and PostgreSQL, exact for moments in office time)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, time
from typing import Any

from sqlalchemy import case, func, select

from abh_desk.clock import office_time
from abh_desk.domain.enums import CaseStatus, LetterKind
from abh_desk.domain.notice_flow import OUTCOME_LABELS, RemedyKind, RemedyOutcome
from abh_desk.error_texts import Label
from abh_desk.services.assignment import require_lead
from abh_desk.services.context import ServiceContext
from abh_desk.services.overview import CLOSED_STATUSES, days_between, percentile, scope_area_id
from abh_desk.services.rejections import refusal_grounds
from models import Area, CardHandover, CardOrder, Case, Letter

MONTHS = (
    "Januar", "Februar", "März", "April", "Mai", "Juni",
    "Juli", "August", "September", "Oktober", "November", "Dezember",
)  # fmt: skip
Cell = int | float | None


@dataclass(frozen=True)
class Statistics:
    """A table: ``columns`` (the figures) and ``rows`` (twelve months, then the year), each row
    its period's name and one value per column; None where there is nothing to measure."""

    year: int
    area_name: str
    columns: tuple[str, ...]
    rows: tuple[tuple[str, tuple[Cell, ...]], ...]

    def column(self, name: str) -> tuple[Cell, ...]:
        index = self.columns.index(name)
        return tuple(values[index] for _period, values in self.rows)


APPLICATIONS = "Anträge"
GRANTS = "Bewilligungen"
REFUSALS = "Ablehnungen"
OBJECTIONS = "Widersprüche"
LAWSUITS = "Klagen"
CARDS = "Karten ausgehändigt"
MEDIAN = "Bearbeitungszeit Median (Tage)"


def _month(column: Any, year: int, moments: bool = False) -> Any:
    """1..12: the month of ``column`` within ``year`` (rows outside the year are filtered apart)."""
    starts = [date(year, m, 1) for m in range(2, 13)]
    bounds = [office_time(day, time.min) for day in starts] if moments else starts
    return case(*((column < bound, month) for month, bound in enumerate(bounds, start=1)), else_=12).label("month")


def _in_year(column: Any, year: int, moments: bool = False) -> tuple[Any, Any]:
    if moments:
        return column >= office_time(date(year, 1, 1), time.min), column < office_time(date(year + 1, 1, 1), time.min)
    return column >= date(year, 1, 1), column <= date(year, 12, 31)


def _by_month(session: Any, stmt: Any) -> dict[int, tuple[Any, ...]]:
    return {int(row[0]): tuple(row[1:]) for row in session.execute(stmt).all()}


def year_statistics(ctx: ServiceContext, year: int, area: str | None = None) -> Statistics:
    """The statistics of ``year`` for ``area`` (a team lead: their own; the administration: the
    office when None)."""
    require_lead(ctx, Label("statistics.label_see_statistics"))
    grounds = refusal_grounds(ctx)
    outcomes = list(RemedyOutcome)
    with ctx.db.read() as session:
        area_id = scope_area_id(session, ctx, area)
        area_name = session.scalar(select(Area.name).where(Area.id == area_id)) if area_id else "alle Bereiche"

        def scoped(stmt: Any) -> Any:
            return stmt if area_id is None else stmt.where(Case.area_id == area_id)

        # Applications, grants and refusals: counted per day along the date's index (streamed, no
        # sort of the year's cases), then the days summed per month.
        per_day = scoped(
            select(Case.applied_on.label("day"), func.count().label("n"))
            .where(*_in_year(Case.applied_on, year))
            .group_by(Case.applied_on)
        ).subquery()
        month = _month(per_day.c.day, year)
        applied = _by_month(session, select(month, func.sum(per_day.c.n)).group_by(month))
        # Grants and refusals: the cases decided so in the month; the grounds from the refusal
        # notices sent (posted) in the month, each counted for every ground it names.
        per_day = scoped(
            select(
                Case.decided_on.label("day"),
                func.count().filter(Case.status == CaseStatus.GRANTED.value).label("granted"),
                func.count().filter(Case.status == CaseStatus.REJECTED.value).label("refused"),
            )
            # No status in WHERE: it made SQLite walk every granted or refused case ever (by
            # ix_cases_status_applied) instead of the year's range of ix_cases_decided_status.
            .where(*_in_year(Case.decided_on, year))
            .group_by(Case.decided_on)
        ).subquery()
        month = _month(per_day.c.day, year)
        decided = _by_month(
            session, select(month, func.sum(per_day.c.granted), func.sum(per_day.c.refused)).group_by(month)
        )
        month = _month(Letter.posted_on, year)
        by_ground = [
            func.sum(case((Letter.data_json.contains(f'"key": "{key}"', autoescape=True), 1), else_=0))
            for key, _title, _basis in grounds
        ]
        refused = _by_month(
            session,
            scoped(
                select(month, *by_ground)
                .join(Case, Case.id == Letter.case_id)
                .where(Letter.kind == LetterKind.REJECTION.value, *_in_year(Letter.posted_on, year))
                .group_by(month)
            ),
        )
        month = _month(Letter.remedy_received_on, year)
        remedies = _by_month(
            session,
            scoped(
                select(
                    month,
                    func.count().filter(Letter.remedy_kind == RemedyKind.OBJECTION.value),
                    func.count().filter(Letter.remedy_kind == RemedyKind.LAWSUIT.value),
                )
                .join(Case, Case.id == Letter.case_id)
                .where(*_in_year(Letter.remedy_received_on, year))
                .group_by(month)
            ),
        )
        month = _month(Letter.remedy_outcome_on, year)
        ended = _by_month(
            session,
            scoped(
                select(month, *(func.count().filter(Letter.remedy_outcome == o.value) for o in outcomes))
                .join(Case, Case.id == Letter.case_id)
                .where(*_in_year(Letter.remedy_outcome_on, year))
                .group_by(month)
            ),
        )
        month = _month(CardHandover.handed_over_at, year, moments=True)
        handed = _by_month(
            session,
            scoped(
                select(month, func.count())
                .join(CardOrder, CardOrder.id == CardHandover.card_order_id)
                .join(Case, Case.id == CardOrder.case_id)
                .where(*_in_year(CardHandover.handed_over_at, year, moments=True))
                .group_by(month)
            ),
        )
        # Processing times: the distribution of days per month in SQL; medians are read off it.
        # The closed state as a FILTER of the count again (in WHERE: every closed case ever by status).
        month = _month(Case.decided_on, year)
        took = days_between(session, Case.decided_on, Case.applied_on).label("took")
        closed = func.count().filter(Case.status.in_(CLOSED_STATUSES))
        spread: dict[int, list[tuple[int, int]]] = {}
        for m, days, count in session.execute(
            scoped(
                select(month, took, closed)
                .where(*_in_year(Case.decided_on, year))
                .group_by(month, took)
                .having(closed > 0)
                .order_by(month, took)
            )
        ).all():
            spread.setdefault(int(m), []).append((int(days), int(count)))

    columns = (
        APPLICATIONS,
        GRANTS,
        REFUSALS,
        *(f"Ablehnungsgrund: {title}" for _key, title, _basis in grounds),
        OBJECTIONS,
        LAWSUITS,
        *(f"Rechtsbehelf {OUTCOME_LABELS[o]}" for o in outcomes),
        CARDS,
        MEDIAN,
    )

    def counts(month: int) -> list[int]:
        return [
            int(applied.get(month, (0,))[0]),
            *(int(v or 0) for v in decided.get(month, (0, 0))),
            *(int(v or 0) for v in refused.get(month, (0,) * len(grounds))),
            *(int(v or 0) for v in remedies.get(month, (0, 0))),
            *(int(v or 0) for v in ended.get(month, (0,) * len(outcomes))),
            int(handed.get(month, (0,))[0]),
        ]

    def median(distribution: Sequence[tuple[int, int]]) -> float | None:
        return percentile(distribution, 0.5) if distribution else None

    rows: list[tuple[str, tuple[Cell, ...]]] = []
    for m in range(1, 13):
        rows.append((f"{MONTHS[m - 1]} {year}", (*counts(m), median(spread.get(m, [])))))
    totals = [sum(column) for column in zip(*(counts(m) for m in range(1, 13)), strict=True)]
    whole: dict[int, int] = {}
    for distribution in spread.values():
        for days, count in distribution:
            whole[days] = whole.get(days, 0) + count
    rows.append((f"Jahr {year}", (*totals, median(sorted(whole.items())))))
    return Statistics(year, area_name or "", columns, tuple(rows))
