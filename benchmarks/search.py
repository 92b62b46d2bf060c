"""Counter search (Suche am Schalter): ``search_person_ids`` against the same query in raw SQL.

Inputs are drawn from the database with a fixed seed: 3–5 letter prefixes of real folded family
names, full birth dates (TT.MM.JJJJ) and Aktenzeichen of real cases. The raw baseline is the SQL
of ``persons._ids_query`` written by hand and run on a bare DB-API connection (the floor); both
use the same LIMIT, and every input's ids are compared. The service's plan is that of the SQL it
sends (``persons.search_statement``: it runs a prepared statement on a bare connection, which
SQLAlchemy's statement events do not see).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from random import Random
from typing import Any

from abh_desk.services.persons import MAX_RESULT_IDS, search_person_ids, search_statement
from benchmarks.database import SEED, Opened
from benchmarks.harness import MS, Figure, Plan, Spec, Target, measure

RUNS = 200
LIMIT = 1000
TARGET = Target(p95_ns=30 * MS, ratio=2.0)

NAME_SQL = (
    "SELECT id FROM persons WHERE family_name_key >= ? AND family_name_key < ? "
    "ORDER BY family_name_key, given_names_key, id LIMIT ?"
)
DATE_SQL = (
    "SELECT id FROM persons WHERE birth_year = ? AND birth_month = ? AND birth_day = ? "
    "ORDER BY birth_year, birth_month, birth_day, id LIMIT ?"
)
FILE_NUMBER_SQL = (
    "SELECT id FROM persons WHERE id IN (SELECT anon_1.id FROM (SELECT id FROM persons WHERE passport_number = ? "
    "UNION SELECT person_id AS id FROM cases WHERE file_number = ?) AS anon_1) ORDER BY family_name_key, id LIMIT ?"
)

# (text typed at the counter, parameters of the raw SQL without the LIMIT)
Query = tuple[str, tuple[Any, ...]]


def _name_queries(opened: Opened) -> list[Query]:
    rng = Random(SEED)
    keys = [row[0] for row in opened.raw.sample("persons", "family_name_key", RUNS, rng)]
    prefixes = [key[: rng.randint(3, 5)] for key in keys]
    return [(prefix.lower(), (prefix, prefix + "\x7f")) for prefix in prefixes]


def _date_queries(opened: Opened) -> list[Query]:
    columns = "birth_day, birth_month, birth_year"
    rows = opened.raw.sample("persons", columns, RUNS, Random(SEED), "birth_day IS NOT NULL")
    return [(f"{d:02d}.{m:02d}.{y}", (y, m, d)) for d, m, y in rows]


def _file_number_queries(opened: Opened) -> list[Query]:
    numbers = [row[0] for row in opened.raw.sample("cases", "file_number", RUNS, Random(SEED))]
    return [(n, ("".join(ch for ch in n.upper() if ch.isalnum()), n.upper())) for n in numbers]


def _search_figure(
    opened: Opened, spec_id: str, title: str, sql: str, queries: Sequence[Query], limit: int = LIMIT
) -> Figure:
    ctx, raw = opened.ctx, opened.raw

    def service(query: Query) -> list[int]:
        return search_person_ids(ctx, query[0], limit=limit)

    def floor(query: Query) -> list[int]:
        return [row[0] for row in raw.rows(sql, (*query[1], limit))]

    stats, baseline = measure(service, queries, floor, warmup=20)
    used = queries[: stats.runs]
    floor_ids = [floor(q) for q in used]
    differ = sum(service(q) != ids for q, ids in zip(used, floor_ids, strict=True))
    sizes = sorted(len(ids) for ids in floor_ids)
    note = f"limit {limit:,}; {sizes[len(sizes) // 2]:,} ids (median), up to {sizes[-1]:,}"
    if differ:
        note += f"; RESULTS DIFFER for {differ} inputs"
    first = queries[0]
    plans = [
        Plan(f"{title}: raw, e.g. {first[0]!r}", sql, tuple(raw.explain(sql, (*first[1], limit)))),
    ]
    if (sent := search_statement(ctx, first[0], limit)) is not None:
        plans.append(Plan(f"{title} (SQL sent by the service)", sent[0], tuple(raw.explain_captured(sent))))
    if any(plan.lines != plans[0].lines for plan in plans[1:]):
        note += "; PLAN DIFFERS between the raw SQL and the service's SQL"
    return Figure(spec_id, title, stats, baseline=baseline, baseline_label="raw SQL", target=TARGET, note=note,
                  plans=tuple(plans))  # fmt: skip


def _spec(spec_id: str, title: str, sql: str, queries: Callable[[Opened], list[Query]], limit: int = LIMIT) -> Spec:
    return Spec(spec_id, lambda opened: _search_figure(opened, spec_id, title, sql, queries(opened), limit))


FIGURES = (
    _spec("suche.name", "Search: name prefix (3–5 letters)", NAME_SQL, _name_queries),
    _spec("suche.datum", "Search: birth date TT.MM.JJJJ", DATE_SQL, _date_queries),
    _spec("suche.az", "Search: Aktenzeichen", FILE_NUMBER_SQL, _file_number_queries),
    _spec("suche.name_ui", "Search: name prefix, UI limit 1,000,000", NAME_SQL, _name_queries, MAX_RESULT_IDS),
)
