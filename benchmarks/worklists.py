"""Worklists: "due within eight weeks" for one caseworker and for an area (``services.worklists``).

The baseline sends the same statement by hand: the four group counts over the owner's (or the
area's) open deadlines up to the horizon, joined to the first 100 rows of each group by due date.
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from abh_desk.domain.enums import Role
from abh_desk.services.context import Actor
from abh_desk.services.worklists import FIRST_ROWS, HORIZON, WorkScope, worklist
from benchmarks.database import TODAY, Opened
from benchmarks.harness import MS, Figure, Spec, Target, measure
from benchmarks.raw import RawSql

RUNS = 100
TARGET = Target(p95_ns=50 * MS)
AREA_TARGET = Target(p95_ns=40 * MS)
"""Issue 21: the area worklist p95 ≤ 40 ms at 1M on both databases."""
# As the service: one statement, each group counted by its own index range and its first rows
# fetched by the same condition, the counts joined to the rows.
_BOUNDS = ("due_date < ?", "due_date = ?", "due_date > ? AND due_date <= ?", "due_date > ? AND due_date <= ?")
_COUNTS = "SELECT " + ", ".join(
    f"(SELECT count(*) FROM deadlines WHERE {{column}} = ? AND status = 'offen' AND {bounds}) AS n{group}"
    for group, bounds in enumerate(_BOUNDS)
)
_ROWS = " UNION ALL ".join(
    "SELECT * FROM (SELECT d.id, d.case_id, c.person_id, c.file_number, p.family_name, p.given_names, d.kind, "
    f"d.due_date, u.display_name, d.note, {group} AS grp FROM deadlines d JOIN cases c ON c.id = d.case_id "
    "JOIN persons p ON p.id = c.person_id LEFT JOIN users u ON u.id = c.owner_id "
    f"WHERE d.{{column}} = ? AND d.status = 'offen' AND d.{bounds} ORDER BY d.due_date, d.id LIMIT ?) AS g{group}"
    for group, bounds in enumerate(_BOUNDS)
)
_WORKLIST = (
    f"SELECT * FROM ({_COUNTS}) AS counts LEFT JOIN ({_ROWS}) AS first_rows ON TRUE "
    "ORDER BY first_rows.grp, first_rows.due_date, first_rows.id"
)


def _raw(raw: RawSql, column: str, value: int) -> list[tuple[Any, ...]]:
    day = raw.day
    week_end = TODAY + timedelta(days=6 - TODAY.weekday())
    bounds = ((day(TODAY),), (day(TODAY),), (day(TODAY), day(week_end)), (day(week_end), day(TODAY + HORIZON)))
    counts = [v for group in bounds for v in (value, *group)]
    rows = [v for group in bounds for v in (value, *group, FIRST_ROWS)]
    return raw.rows(_WORKLIST.format(column=column), (*counts, *rows))


def _caseworkers(raw: RawSql) -> list[tuple[int, str]]:
    return [
        (int(i), str(n))
        for i, n in raw.rows("SELECT id, username FROM users WHERE role = 'sachbearbeitung' ORDER BY id")
    ]


def caseworker(opened: Opened) -> Figure:
    workers = _caseworkers(opened.raw)
    inputs = [workers[n % len(workers)] for n in range(RUNS)]
    ctx = opened.ctx

    def call(worker: tuple[int, str]) -> object:
        return worklist(ctx.as_user(Actor(worker[0], worker[1], Role.CASEWORKER)), WorkScope.MINE)

    stats, baseline = measure(call, inputs, lambda w: _raw(opened.raw, "owner_id", w[0]))
    sizes = [
        sum(worklist(ctx.as_user(Actor(i, n, Role.CASEWORKER)), WorkScope.MINE).counts.values()) for i, n in workers
    ]
    return Figure(
        "fristen.sachbearbeitung", "Worklist, one caseworker (8 weeks)", stats, baseline=baseline,
        baseline_label="raw SQL", target=TARGET,
        note=f"{min(sizes):,}–{max(sizes):,} deadlines per caseworker counted, first {FIRST_ROWS:,} per group fetched",
    )  # fmt: skip


def area(opened: Opened) -> Figure:
    areas = [(int(i), str(c)) for i, c in opened.raw.rows("SELECT id, code FROM areas ORDER BY id")]
    inputs = [areas[n % len(areas)] for n in range(RUNS // 2)]
    ctx = opened.ctx
    stats, baseline = measure(
        lambda a: worklist(ctx, WorkScope.AREA, area=a[1]), inputs, lambda a: _raw(opened.raw, "area_id", a[0])
    )
    sizes = [sum(worklist(ctx, WorkScope.AREA, area=c).counts.values()) for _i, c in areas]
    return Figure(
        "fristen.bereich", "Worklist, one area (8 weeks)", stats, baseline=baseline, baseline_label="raw SQL",
        target=AREA_TARGET, note=f"{min(sizes):,}–{max(sizes):,} open deadlines per area counted",
    )  # fmt: skip


FIGURES = (Spec("fristen.sachbearbeitung", caseworker), Spec("fristen.bereich", area))
