"""Opening a person's file (Akte): ``get_person_file`` for the persons with the most cases.

The baseline sends the same statements by hand: the person, the titles, the cases with their
owner's name, and the active deputy of each owner.
"""

from __future__ import annotations

from random import Random
from typing import Any

from abh_desk.services.persons import get_person_file
from benchmarks.database import SEED, TODAY, Opened
from benchmarks.harness import MS, Figure, Plan, Spec, Target, measure
from benchmarks.raw import RawSql, explain_service

RUNS = 200
TARGET = Target(p95_ns=50 * MS)

BUSIEST_SQL = "SELECT person_id, count(*) AS n FROM cases GROUP BY person_id ORDER BY n DESC, person_id LIMIT ?"
PERSON_SQL = "SELECT * FROM persons WHERE id = ?"
TITLES_SQL = "SELECT * FROM residence_titles WHERE person_id = ? ORDER BY valid_from DESC, id DESC"
CASES_SQL = (
    "SELECT cases.owner_id, cases.*, users.display_name FROM cases LEFT OUTER JOIN users ON users.id = cases.owner_id "
    "WHERE cases.person_id = ? ORDER BY cases.applied_on DESC, cases.id DESC"
)
DEPUTY_SQL = (
    "SELECT users.* FROM users JOIN deputies ON deputies.deputy_id = users.id "
    "WHERE deputies.user_id = ? AND deputies.valid_from <= ? AND deputies.valid_until >= ? "
    "ORDER BY deputies.valid_from DESC LIMIT 1"
)


def busiest_persons(raw: RawSql, count: int) -> tuple[list[int], int]:
    """``count`` persons (drawn with the seed) among those with the most cases, and that number."""
    rows = raw.rows(BUSIEST_SQL, (count * 20,))
    most = rows[0][1]
    candidates = [person_id for person_id, n in rows if n == most] or [rows[0][0]]
    rng = Random(SEED)
    return [rng.choice(candidates) for _ in range(count)], most


def _raw_file(raw: RawSql, person_id: int) -> tuple[Any, ...]:
    today = raw.day(TODAY)
    person = raw.rows(PERSON_SQL, (person_id,))
    titles = raw.rows(TITLES_SQL, (person_id,))
    cases = raw.rows(CASES_SQL, (person_id,))
    owners = {row[0] for row in cases if row[0] is not None}
    deputies = [raw.rows(DEPUTY_SQL, (owner, today, today)) for owner in sorted(owners)]
    return person, titles, cases, deputies


def person_file(opened: Opened) -> Figure:
    ctx, raw = opened.ctx, opened.raw
    person_ids, most = busiest_persons(raw, RUNS)
    stats, baseline = measure(lambda pid: get_person_file(ctx, pid), person_ids, lambda pid: _raw_file(raw, pid))
    sizes = sorted(len(get_person_file(ctx, pid).titles) for pid in person_ids[: stats.runs])
    first = person_ids[0]
    plans: list[Plan] = [
        Plan("Person file: cases of a person (raw)", CASES_SQL, tuple(raw.explain(CASES_SQL, (first,)))),
        *explain_service(
            ctx.db.engine, raw, lambda: get_person_file(ctx, first), "Person file", lambda sql: "person_id" in sql
        ),
    ]
    return Figure(
        "akte", "Open person file (most cases)", stats, baseline=baseline, baseline_label="same SQL, raw",
        target=TARGET, note=f"{most} cases, up to {sizes[-1]} titles per person", plans=tuple(plans),
    )  # fmt: skip


FIGURES = (Spec("akte", person_file),)
