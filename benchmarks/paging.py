"""The result table (Trefferliste): the UI holds all matching ids and fetches rows 100 at a time.

* a page near the top and a page around row 500,000 of all persons ordered by name:
  ``person_rows(ids[k:k + 100])`` — jumping far down loads one page, not the rows before it;
* the first rows shown after typing one letter: ``search_person_ids`` with the UI's limit
  (1,000,000 ids) plus ``person_rows`` of the first page, as the window does.
"""

from __future__ import annotations

from collections.abc import Sequence
from random import Random
from typing import Any

from abh_desk.services.persons import person_rows, search_person_ids
from benchmarks.database import SEED, Opened
from benchmarks.harness import MS, Figure, Plan, Spec, Target, measure
from benchmarks.raw import RawSql, explain_service
from benchmarks.search import NAME_SQL

PAGE = 100
RUNS = 200
FIRST_RUNS = 30
MIDDLE = 500_000
TARGET = Target(p95_ns=50 * MS)
ALL_SQL = "SELECT id FROM persons ORDER BY family_name_key, given_names_key, id"
ROW_COLUMNS = "id, family_name, given_names, birth_year, birth_month, birth_day, nationality, passport_number, city"


def _raw_rows(raw: RawSql, ids: Sequence[int]) -> list[tuple[Any, ...]]:
    found = raw.rows(f"SELECT {ROW_COLUMNS} FROM persons WHERE id IN ({', '.join('?' * len(ids))})", ids)
    by_id = {row[0]: row for row in found}
    return [by_id[i] for i in ids if i in by_id]


def _page_figure(opened: Opened, spec_id: str, middle: bool) -> Figure:
    ctx, raw = opened.ctx, opened.raw
    ids = [row[0] for row in raw.rows(ALL_SQL)]
    start = min(MIDDLE, len(ids) // 2) if middle else 0
    rng = Random(SEED)
    pages = [ids[k : k + PAGE] for k in (start + rng.randrange(1000) for _ in range(RUNS))]
    stats, baseline = measure(lambda page: person_rows(ctx, page), pages, lambda page: _raw_rows(raw, page))
    plans = explain_service(ctx.db.engine, raw, lambda: person_rows(ctx, pages[0]), "Page of rows", lambda _sql: True)
    where = f"rows {start:,}–{start + 1100:,}" if middle else "rows 0–1,100"
    return Figure(spec_id, f"Result table: page of {PAGE} at row {start:,}", stats, baseline=baseline,
                  baseline_label="raw SQL", target=TARGET, note=f"of {len(ids):,} ids ordered by name; {where}",
                  plans=tuple(plans))  # fmt: skip


def _first_rows(opened: Opened) -> Figure:
    ctx, raw = opened.ctx, opened.raw
    rng = Random(SEED)
    letters = [row[0][0].lower() for row in raw.sample("persons", "family_name_key", FIRST_RUNS, rng)]

    def service(letter: str) -> int:
        # What the window does before it shows anything: the first page by a LIMIT query (the full
        # id list follows in the background and is not on the way to the first rows).
        ids = search_person_ids(ctx, letter, PAGE)
        return len(person_rows(ctx, ids))

    def floor(letter: str) -> int:
        key = letter.upper()
        ids = [row[0] for row in raw.rows(NAME_SQL, (key, key + "\x7f", PAGE))]
        return len(_raw_rows(raw, ids))

    stats, baseline = measure(service, letters, floor, warmup=3)
    sizes = sorted(len(search_person_ids(ctx, letter)) for letter in set(letters[: stats.runs]))
    plan = Plan("First rows: one letter, raw", NAME_SQL, tuple(raw.explain(NAME_SQL, ("A", "A\x7f", PAGE))))
    note = (
        f"{len(set(letters[: stats.runs]))} letters matching {sizes[0]:,}–{sizes[-1]:,} persons; "
        f"first page by LIMIT {PAGE}, the full id list follows in the background"
    )
    return Figure("seiten.erste", "First rows after one letter (ids + page)", stats, baseline=baseline,
                  baseline_label="raw SQL", target=TARGET, note=note, plans=(plan,))  # fmt: skip


FIGURES = (
    Spec("seiten.anfang", lambda opened: _page_figure(opened, "seiten.anfang", middle=False)),
    Spec("seiten.mitte", lambda opened: _page_figure(opened, "seiten.mitte", middle=True)),
    Spec("seiten.erste", _first_rows),
)
