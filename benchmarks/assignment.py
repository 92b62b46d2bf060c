"""Zuständigkeit: routing a million family names, and the rebalancing preview over all open cases.

Routing uses the ``Router`` of the example rule file (Singen) on the family names of the database
(repeated up to 1,000,000), folding each name on every call; the baseline is a bare loop calling
``name.upper()`` on the same list. The preview (``preview_rebalance``) is one grouped SQL query;
its baseline is that very statement, captured and run on the raw connection.
"""

from __future__ import annotations

from math import ceil

from abh_desk.domain.assignment import Router
from abh_desk.domain.enums import OPEN_CASE_STATUSES
from abh_desk.domain.rule_files import EXAMPLE_RULES, load_rule_file
from abh_desk.services.assignment import RuleRow, preview_rebalance
from benchmarks.database import Opened
from benchmarks.harness import Figure, Plan, Spec, measure
from benchmarks.raw import Captured, captured_statements

NAMES = 1_000_000
ROUTING_RUNS = 5
PREVIEW_RUNS = 10

#: Edited rule sets for the preview, one area each; the first moves H–I from Schweiger to Rudolf.
VARIANTS: tuple[tuple[str, dict[str, str]], ...] = (
    ("allgemein", {"schaeuble": "A–B, D–G", "rudolf": "C, H–I", "schweiger": "J–N", "keller": "O–Z"}),
    ("allgemein", {"schaeuble": "A–B, D–G", "rudolf": "C", "schweiger": "H–L", "keller": "M–Z"}),
    ("allgemein", {"schaeuble": "D–G", "rudolf": "A–C", "schweiger": "H–N", "keller": "O–Z"}),
    ("asyl", {"dietrich": "A–L", "lossau": "Ala–Alz, M–Z"}),
    ("allgemein", {"schaeuble": "A–B, D–G", "rudolf": "C", "schweiger": "H–P", "keller": "Q–Z"}),
)
OPEN_SQL = (
    "SELECT areas.code, count(*) FROM cases JOIN areas ON areas.id = cases.area_id "
    f"WHERE cases.status IN ({', '.join(repr(s.value) for s in sorted(OPEN_CASE_STATUSES))}) GROUP BY areas.code"
)


def routing(opened: Opened) -> Figure:
    names = [row[0] for row in opened.raw.rows("SELECT family_name FROM persons ORDER BY id")]
    names = (names * ceil(NAMES / len(names)))[:NAMES]
    halves = (("allgemein", names[: NAMES // 2]), ("asyl", names[NAMES // 2 :]))
    router = Router(load_rule_file(EXAMPLE_RULES).rules)

    def route_all(_run: int) -> None:
        route = router.route
        for area, part in halves:
            for name in part:
                route(area, name)

    def upper_all(_run: int) -> None:
        for name in names:
            name.upper()

    stats, baseline = measure(route_all, range(ROUTING_RUNS), upper_all, warmup=1)
    return Figure(
        "zustaendigkeit.routing", f"Routing {NAMES:,} family names", stats, unit="s", baseline=baseline,
        baseline_label="loop of name.upper()",
        note=f"{NAMES / stats.median_ns * 1e9:,.0f} names/s; half 'allgemein', half 'asyl'",
    )  # fmt: skip


def _rows(variant: tuple[str, dict[str, str]]) -> list[RuleRow]:
    area, ranges = variant
    return [RuleRow(area, user, letters) for user, letters in ranges.items()]


def rebalance_preview(opened: Opened) -> Figure:
    ctx, raw = opened.ctx, opened.raw
    grouped: dict[int, Captured] = {}
    for n, variant in enumerate(VARIANTS):  # capture the grouped statement of every variant
        with captured_statements(ctx.db.engine) as statements:
            preview_rebalance(ctx, _rows(variant))
        grouped[n] = next(s for s in statements if "GROUP BY" in s[0])
    runs = [n % len(VARIANTS) for n in range(PREVIEW_RUNS)]
    stats, baseline = measure(
        lambda n: preview_rebalance(ctx, _rows(VARIANTS[n])), runs, lambda n: raw.rows_captured(grouped[n]), warmup=1
    )
    open_cases = dict(raw.rows(OPEN_SQL))
    moved = sum(m.count for m in preview_rebalance(ctx, _rows(VARIANTS[0])))
    plan = Plan("Rebalancing preview: the grouped query", grouped[0][0], tuple(raw.explain_captured(grouped[0])))
    scanned = ", ".join(f"{area} {count:,}" for area, count in sorted(open_cases.items()))
    return Figure(
        "zustaendigkeit.vorschau", "Rebalancing preview (one grouped query)", stats, unit="s", baseline=baseline,
        baseline_label="same SQL, raw",
        note=f"open cases scanned per edited area: {scanned}; H–I → Rudolf moves {moved:,}", plans=(plan,),
    )  # fmt: skip


FIGURES = (
    Spec("zustaendigkeit.routing", routing, per_backend=False),
    Spec("zustaendigkeit.vorschau", rebalance_preview),
)
