"""How soon a window sees another workstation's change (issue 21): prints figures; not a test.

    .venv/bin/python -m benchmarks.live [--aenderungen 40] [--postgres URL|auto] [--ohne-sqlite]

Two workstations on one database — two ``Database`` objects, each with its own connections, as two
programs have: one changes a person every 0.3 s (``update_person``), the other listens as its window
does (``ChangeWatcher`` in a thread of its own, then ``changes_since``). Measured: from the moment
the change's commit returned to the moment the listener had read it — on SQLite by the change counter
(``PRAGMA data_version``, looked at every 0.25 s), on PostgreSQL by LISTEN/NOTIFY.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import threading
import time
from dataclasses import replace
from datetime import date
from pathlib import Path

from abh_desk import migrate
from abh_desk.change_watch import ChangeWatcher
from abh_desk.clock import FixedClock
from abh_desk.domain.catalogue import load_catalogue
from abh_desk.services.context import ServiceContext
from abh_desk.services.example_office import install_example_office
from abh_desk.services.live_changes import changes_since, newest_entry
from abh_desk.services.persons import PersonInput, create_person, get_person_file, person_input, update_person
from abh_desk.storage import Database

TODAY = date(2026, 11, 23)


def measure(url: str, changes: int) -> list[float]:
    """Milliseconds from each change's commit to the other workstation having read it."""
    first, second = Database(url), Database(url)
    migrate.upgrade(first)
    writer = ServiceContext(first, load_catalogue(), clock=FixedClock(TODAY))
    install_example_office(writer)
    listener = ServiceContext(second, writer.catalogue, writer.actor, writer.clock)
    person_id = create_person(writer, PersonInput("Öztürk", "Ayşe", "12.03.1990", nationality="TUR")).id
    committed: dict[int, float] = {}  # audit id of the change → when its commit returned
    seen: list[float] = []
    stop = threading.Event()
    ready = threading.Event()

    def listen() -> None:
        watcher = ChangeWatcher(second)
        last = newest_entry(listener)
        ready.set()
        try:
            while not stop.is_set():
                if watcher.wait(0.5):
                    batch = changes_since(listener, last)
                    now = time.perf_counter()
                    last = batch.last_id
                    for entry_id in [i for i in committed if i <= last]:
                        seen.append((now - committed.pop(entry_id)) * 1000)
        finally:
            watcher.close()

    thread = threading.Thread(target=listen)
    thread.start()
    ready.wait()
    for n in range(changes):
        person = get_person_file(writer, person_id).person
        update_person(writer, person_id, person.version, replace(person_input(person), city=f"Singen {n}"))
        committed[first.written_here[-1][1]] = time.perf_counter()
        time.sleep(0.3)
    time.sleep(1.0)
    stop.set()
    thread.join()
    first.dispose()
    second.dispose()
    return seen


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.live", description=__doc__)
    parser.add_argument("--aenderungen", type=int, default=40)
    parser.add_argument("--postgres", metavar="URL|auto", help="an empty database, or auto: a throw-away server")
    parser.add_argument("--ohne-sqlite", action="store_true")
    args = parser.parse_args(argv)
    runs: list[tuple[str, str]] = []
    server = None
    with tempfile.TemporaryDirectory() as folder:
        if not args.ohne_sqlite:
            runs.append(("SQLite (data_version)", f"sqlite:///{Path(folder) / 'live.sqlite3'}"))
        if args.postgres == "auto":
            from sqlalchemy import create_engine, text

            from tests.support.pgserver import PostgresServer

            server = PostgresServer()
            admin = server.start()
            engine = create_engine(admin, isolation_level="AUTOCOMMIT")
            with engine.connect() as connection:
                connection.execute(text("CREATE DATABASE abh_live"))
            engine.dispose()
            runs.append(("PostgreSQL (LISTEN/NOTIFY)", admin.rsplit("/", 1)[0] + "/abh_live"))
        elif args.postgres:
            runs.append(("PostgreSQL (LISTEN/NOTIFY)", args.postgres))
        try:
            print("| database | changes seen | median ms | p95 ms | max ms |")
            print("|---|---:|---:|---:|---:|")
            for name, url in runs:
                seen = sorted(measure(url, args.aenderungen))
                p95 = seen[min(len(seen) - 1, int(0.95 * len(seen)))] if seen else float("nan")
                print(
                    f"| {name} | {len(seen)} of {args.aenderungen} | {statistics.median(seen):.0f} | {p95:.0f} "
                    f"| {max(seen):.0f} |",
                    flush=True,
                )
        finally:
            if server is not None:
                server.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
