"""The benchmark database: N demo persons, built once with the demo generator and reused.

Reproducible: seed 1 and a fixed ``today``. The cache key names the persons count, the schema
revision (Alembic head) and the generator's version, so a database made by an older schema or
generator is never reused. SQLite files live in ``benchmarks/data/`` (git-ignored) with a small
JSON of how long they took to build; on PostgreSQL the database is named after the key and its
build time is kept as the database's comment. A half-built database is never reused: it is built
under another name and renamed when complete.
"""

from __future__ import annotations

import hashlib
import json
import sys
import time
from dataclasses import asdict, dataclass
from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from random import Random

from sqlalchemy import func, select, text

from abh_desk import db_checks, migrate
from abh_desk.clock import FixedClock
from abh_desk.demo.deadlines import generate_demo_deadlines
from abh_desk.demo.persons import generate_demo
from abh_desk.domain.catalogue import load_catalogue
from abh_desk.services.cases import open_case
from abh_desk.services.context import ServiceContext
from abh_desk.storage import Database, parse_url
from benchmarks.harness import machine
from benchmarks.raw import RawSql
from models import Case, Person

DATA = Path(__file__).resolve().parent / "data"
ROOT = Path(__file__).resolve().parents[1]
SEED = 1
TODAY = date(2026, 11, 21)
#: Bump when the way this module builds the data changes (the generator's own files are hashed).
DATA_VERSION = 2
#: Persons given this many cases in all after the demo data (the person-file figure opens them).
BUSY_PERSONS = 50
BUSY_CASES = 20
#: What decides the generated rows besides seed and count: the generator, its name pools (code and data), the
#: catalogue it draws procedures from and the rule file that routes the cases.
GENERATOR_INPUTS = (
    "abh_desk/demo/persons.py",
    "abh_desk/demo/deadlines.py",
    "abh_desk/demo/names.py",
    "resources/demo",
    "resources/catalogue",
    "resources/assignment",
)


@dataclass(frozen=True)
class BuildInfo:
    persons: int
    titles: int
    cases: int
    checklist_items: int
    seconds: float
    analyze_seconds: float
    built_at: str
    cpu: str


@dataclass
class Opened:
    """One benchmark database, opened for the services and for the raw baselines."""

    backend: str
    key: str
    ctx: ServiceContext
    raw: RawSql
    build: BuildInfo
    built_now: bool

    def close(self) -> None:
        self.raw.close()
        self.ctx.db.dispose()


def generator_version() -> str:
    digest = hashlib.sha256()
    for name in GENERATOR_INPUTS:
        path = ROOT / name
        for file in sorted(path.rglob("*")) if path.is_dir() else [path]:
            if file.is_file():
                digest.update(str(file.relative_to(ROOT)).encode() + b"\0" + file.read_bytes())
    return f"v{DATA_VERSION}_{digest.hexdigest()[:8]}"


def cache_key(persons: int) -> str:
    return f"abh_bench_p{persons}_r{migrate.head_revision()}_g{generator_version()}".lower()


def _context(db: Database) -> ServiceContext:
    """The services on the benchmark's fixed day, so the figures do not drift with the calendar."""
    return ServiceContext(db, load_catalogue(), clock=FixedClock(TODAY))


def _progress(done: int, total: int) -> None:
    if done == total or done % max(total // 10, 1) == 0:
        print(f"  … {done:,} / {total:,} Personen", file=sys.stderr, flush=True)


def _generate(db: Database, persons: int) -> BuildInfo:
    migrate.upgrade(db)
    print(f"Building {db.display_url} with {persons:,} persons (seed {SEED}, today {TODAY}) …", file=sys.stderr)
    ctx = _context(db)
    started = time.perf_counter()
    summary = generate_demo(ctx, persons, SEED, _progress)
    deadlines = generate_demo_deadlines(ctx, SEED)
    print(f"  … {deadlines:,} deadlines", file=sys.stderr, flush=True)
    # Planner statistics before opening cases one by one: without them SQLite reads every open
    # deadline for each case (db_checks.refresh_statistics).
    if db.backend == "sqlite":
        db_checks.refresh_statistics(db)
    else:
        with db.engine.connect() as connection:
            connection.exec_driver_sql("ANALYZE")
            connection.commit()
    added = _busy_files(ctx, min(BUSY_PERSONS, persons))
    return BuildInfo(
        summary.persons, summary.titles, summary.cases + added, summary.checklist_items,
        round(time.perf_counter() - started, 1), 0.0,
        datetime.now(timezone.utc).isoformat(timespec="seconds"), machine()["CPU"],
    )  # fmt: skip


def _busy_files(ctx: ServiceContext, count: int) -> int:
    """Give ``count`` persons (drawn with the seed) ``BUSY_CASES`` cases each, opened through the
    service as at the counter: the demo gives a person at most four, an office sees files with 20."""
    rng = Random(SEED)
    procedures = sorted(p.key for p in ctx.catalogue)
    with ctx.db.read() as session:
        ids = list(session.scalars(select(Person.id).order_by(Person.id)))
        chosen = rng.sample(ids, count)
        have = dict(session.execute(select(Case.person_id, func.count()).where(Case.person_id.in_(chosen))
                                    .group_by(Case.person_id)).tuples().all())  # fmt: skip
    added = 0
    for person_id in chosen:
        for _case in range(BUSY_CASES - have.get(person_id, 0)):
            applied = TODAY - timedelta(days=rng.randrange(3650))
            # Only what the catalogue offered that day (the Chancen-Aufenthaltsrecht ended with 2025).
            offered = [key for key in procedures if ctx.catalogue.get(key).offered_on(applied)]
            open_case(ctx, person_id, rng.choice(offered), applied, repeat_reason="Benchmark: 20 Vorgänge je Person")
            added += 1
    print(f"  … {added:,} cases for {count} persons with {BUSY_CASES} cases each", file=sys.stderr, flush=True)
    return added


def open_sqlite(persons: int) -> Opened:
    key = cache_key(persons)
    path, info_path = DATA / f"{key}.sqlite3", DATA / f"{key}.json"
    built_now = not (path.exists() and info_path.exists())
    if built_now:
        DATA.mkdir(exist_ok=True)
        for stale in DATA.glob(f"abh_bench_p{persons}_*"):
            print(f"Removing stale benchmark database {stale.name}", file=sys.stderr)
            stale.unlink()
        partial = DATA / f"{key}.bau.sqlite3"
        db = Database(f"sqlite:///{partial}")
        info = _generate(db, persons)
        with db.engine.connect() as connection:
            connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
        db.dispose()
        partial.rename(path)
        info_path.write_text(json.dumps(asdict(info), indent=2) + "\n")
    info = BuildInfo(**json.loads(info_path.read_text()))
    db = Database(f"sqlite:///{path}")
    # The planner statistics, as the program's start check refreshes them (PostgreSQL: VACUUM ANALYZE).
    db_checks.refresh_statistics(db)
    return Opened("SQLite", key, _context(db), RawSql.sqlite(path), info, built_now)


def open_postgresql(server_url: str, persons: int) -> Opened:
    """The database named after the cache key on the server at ``server_url``; built there if missing."""
    key = cache_key(persons)
    server = Database(server_url)
    admin = server.engine.execution_options(isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        comment = connection.execute(
            text("SELECT shobj_description(oid, 'pg_database') FROM pg_database WHERE datname = :name"), {"name": key}
        ).first()
    built_now = comment is None
    url = parse_url(server.engine.url.render_as_string(hide_password=False))
    if built_now:
        partial = f"{key}_bau"
        with admin.connect() as connection:
            connection.exec_driver_sql(f'DROP DATABASE IF EXISTS "{partial}"')
            connection.exec_driver_sql(f'CREATE DATABASE "{partial}"')
        db = Database(url.set(database=partial).render_as_string(hide_password=False))
        info = _generate(db, persons)
        db.dispose()
        raw = RawSql.postgresql(url.set(database=partial))
        started = time.perf_counter()
        raw.connection.execute("VACUUM (ANALYZE)")  # what autovacuum does on a server in use
        raw.close()
        info = BuildInfo(**{**asdict(info), "analyze_seconds": round(time.perf_counter() - started, 1)})
        note = json.dumps(asdict(info)).replace("'", "''")
        with admin.connect() as connection:
            connection.exec_driver_sql(f'ALTER DATABASE "{partial}" RENAME TO "{key}"')
            connection.exec_driver_sql(f"COMMENT ON DATABASE \"{key}\" IS '{note}'")
    else:
        assert comment is not None
        info = BuildInfo(**json.loads(comment[0]))
    server.dispose()
    db = Database(url.set(database=key).render_as_string(hide_password=False))
    raw = RawSql.postgresql(db.engine.url)
    return Opened("PostgreSQL", key, _context(db), raw, info, built_now)
