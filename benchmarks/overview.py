"""The team lead's overview (``services.overview``: a grouped query per chart) for one area and for
the office, and the statistics of a year (``services.statistics``: seven grouped queries)."""

from __future__ import annotations

from abh_desk.domain.enums import Role
from abh_desk.services.context import Actor, ServiceContext
from abh_desk.services.overview import overview
from abh_desk.services.statistics import year_statistics
from benchmarks.database import TODAY, Opened
from benchmarks.harness import MS, Figure, Spec, Target, measure

RUNS = 20
OVERVIEW_TARGET = Target(p95_ns=1_000 * MS)
STATISTICS_TARGET = Target(p95_ns=2_000 * MS)


def _admin(opened: Opened) -> ServiceContext:
    return opened.ctx.as_user(Actor(None, "benchmark", Role.ADMIN))


def area(opened: Opened) -> Figure:
    areas = [str(c) for (c,) in opened.raw.rows("SELECT code FROM areas ORDER BY id")]
    ctx = _admin(opened)
    stats, _none = measure(lambda code: overview(ctx, code), [areas[n % len(areas)] for n in range(RUNS)], warmup=2)
    sizes = [overview(ctx, code).open_total for code in areas]
    return Figure(
        "uebersicht.bereich", "Overview, one area (all charts)", stats, target=OVERVIEW_TARGET,
        note=f"{min(sizes):,}–{max(sizes):,} open cases per area",
    )  # fmt: skip


def office(opened: Opened) -> Figure:
    ctx = _admin(opened)
    stats, _none = measure(lambda _n: overview(ctx), list(range(RUNS)), warmup=2)
    return Figure(
        "uebersicht.behoerde", "Overview, the whole office (all charts)", stats, target=OVERVIEW_TARGET,
        note=f"{overview(ctx).open_total:,} open cases",
    )  # fmt: skip


def year(opened: Opened) -> Figure:
    ctx = _admin(opened)
    stats, _none = measure(lambda _n: year_statistics(ctx, TODAY.year), list(range(RUNS)), warmup=2)
    applications = year_statistics(ctx, TODAY.year).rows[-1][1][0]
    return Figure(
        "uebersicht.statistik", f"Statistics of a year ({TODAY.year}), the office", stats, target=STATISTICS_TARGET,
        note=f"{applications:,} applications in the year",
    )  # fmt: skip


FIGURES = (Spec("uebersicht.bereich", area), Spec("uebersicht.behoerde", office), Spec("uebersicht.statistik", year))
