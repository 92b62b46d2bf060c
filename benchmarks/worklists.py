"""Worklists: "due within eight weeks" for one caseworker and for an area (``services.worklists``).

The baseline sends the same statements by hand: the group counts over the owner's (or the area's)
open deadlines up to the horizon, and the first 100 rows of each group by due date.
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
# Each group counted by its own index range (as the service does).
_COUNT = "SELECT " + ", ".join(
    "(SELECT count(*) FROM deadlines WHERE {column} = ? AND status = 'offen' AND " + bounds + ")"
    for bounds in ("due_date < ?", "due_date = ?", "due_date > ? AND due_date <= ?", "due_date > ? AND due_date <= ?")
)
_ROWS = (
    "SELECT d.id, d.case_id, c.person_id, c.file_number, p.family_name, p.given_names, d.kind, d.due_date, "
    "u.display_name, d.note FROM deadlines d JOIN cases c ON c.id = d.case_id JOIN persons p ON p.id = c.person_id "
    "LEFT JOIN users u ON u.id = c.owner_id WHERE d.status = 'offen' AND d.due_date > ? AND d.due_date <= ? "
    "AND d.{column} = ? ORDER BY d.due_date, d.id LIMIT ?"
)


def _raw(raw: RawSql, column: str, value: int) -> tuple[Any, ...]:
    week_end = TODAY + timedelta(days=6 - TODAY.weekday())
    day = raw.day
    counts = raw.rows(
        _COUNT.format(column=column),
        (value, day(TODAY), value, day(TODAY), value, day(TODAY), day(week_end), value, day(week_end),
         day(TODAY + HORIZON)),
    )  # fmt: skip
    bounds = (
        (TODAY - timedelta(days=100 * 365), TODAY - timedelta(days=1)),
        (TODAY - timedelta(days=1), TODAY),
        (TODAY, week_end),
        (week_end, TODAY + HORIZON),
    )
    rows = [raw.rows(_ROWS.format(column=column), (day(a), day(b), value, FIRST_ROWS)) for a, b in bounds]
    return counts, rows


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
