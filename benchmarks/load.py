"""Many workstations on one PostgreSQL server (issue 21): prints figures; not part of the test suite.

    .venv/bin/python -m benchmarks.load [--arbeitsplaetze 10 50 100 200] [--sekunden 20] [--personen 20000]
                                        [--postgres URL]

Each workstation is a process of its own (forked from this one after the imports, before any
connection), with its own connection pool and a signed-in demo user — caseworkers, team leads and
the administration in the proportions of an office. For ``--sekunden`` every workstation runs a mix
of what a day at the office does, each call timed:

- ``suche``: the counter search (3–5 letters of a real family name) and the first page of hits,
- ``akte``: opening a person's file (writes its read entry),
- ``haken``: ticking a missing document of one of the user's own cases (a stale save is refused and
  counted, never lost: two workstations may pick the same line),
- ``fristen``: the user's worklist,
- ``bescheid``: a caseworker drafts a rejection without hearing and submits it; a team lead
  approves the oldest one waiting (with its PDF),
- ``karte``: the counter hands over a card that has arrived.

Live changes (``--live``, the default): every workstation also listens as its window does (a thread
with ``change_watch.ChangeWatcher`` and ``live_changes.changes_since``), and a pulse process changes a
person once a second; each workstation notes how long after the pulse's commit it had read that
change — the delay a window shows another workstation's change with.

Afterwards: errors (must be 0), stale saves refused, lost updates (every checklist line's version
must have moved by exactly the ticks that succeeded on it), and the audit chain is verified. Without
``--postgres`` a throw-away server is started on 127.0.0.1 (``tests.support.pgserver``) with enough
connections for the largest run. Clients and server share this machine's cores: at some N the
machine, not the design, is the limit — the load average and the server's lock waits say which.
"""

from __future__ import annotations

import argparse
import multiprocessing
import os
import random
import statistics
import sys
import threading
import time
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Any

from sqlalchemy import func, select, text

from abh_desk import audit_chain, migrate
from abh_desk.change_watch import ChangeWatcher
from abh_desk.clock import FixedClock
from abh_desk.demo.office import fill_demo_office
from abh_desk.demo.users import DEMO_PASSWORD
from abh_desk.domain.cards import RecipientKind
from abh_desk.domain.catalogue import load_catalogue
from abh_desk.domain.enums import CaseStatus, ChecklistStatus, Role
from abh_desk.errors import DomainError, StaleRecord
from abh_desk.services import read_log
from abh_desk.services.auth import sign_in
from abh_desk.services.card_handover import HandoverInput, hand_over, handover_form
from abh_desk.services.card_list import waiting_cards
from abh_desk.services.case_file import get_case_file, mark_received
from abh_desk.services.caselists import Scope, case_ids
from abh_desk.services.context import ServiceContext
from abh_desk.services.live_changes import changes_from_notes, changes_since, newest_entry
from abh_desk.services.notice_review import approve, review_queue, submit_for_review
from abh_desk.services.notices import notice_view
from abh_desk.services.persons import (
    get_person_file,
    person_input,
    person_rows,
    search_person_ids,
    update_person,
)
from abh_desk.services.rejections import RefusalGround, RejectionDraft, draft_rejection, waive_hearing
from abh_desk.services.worklists import WorkScope, worklist
from abh_desk.storage import Database
from models import Case, ChecklistItem, Person, User

TODAY = date(2026, 11, 23)
SEARCH_P95_LIMIT_MS = 50.0
#: The operations and how often a workstation does each (weights).
MIX = {"suche": 40, "akte": 20, "haken": 15, "fristen": 10, "bescheid": 8, "karte": 7}
FINDINGS = "Nach Aktenlage und Anhörung nicht ersichtlich; von der Person nicht vorgetragen."


@dataclass
class Result:
    """What one workstation measured (sent back to the parent)."""

    user: str
    times: dict[str, list[float]] = field(default_factory=lambda: defaultdict(list))
    errors: list[str] = field(default_factory=list)
    stale: int = 0
    refused: Counter[str] = field(default_factory=Counter)
    ticks: Counter[int] = field(default_factory=Counter)  # checklist item id → successful ticks
    live: list[float] = field(default_factory=list)  # ms from a pulse's commit until this workstation read it
    lock_waits: list[float] = field(default_factory=list)  # ms each append waited for the chain's lock
    lock_holds: list[float] = field(default_factory=list)  # ms from the lock granted to the commit done
    pulses_missed: int = 0
    listen_errors: list[str] = field(default_factory=list)  # the listener's connection failed (it retried)


def _users(db: Database) -> list[tuple[str, Role]]:
    with db.read() as session:
        rows = session.execute(
            select(User.username, User.role).where(User.active.is_(True), User.password_hash.is_not(None))
        ).all()
    return [(name, Role(role)) for name, role in rows]


def _prefixes(db: Database, rng: random.Random) -> list[str]:
    with db.read() as session:
        keys = list(session.scalars(select(Person.family_name_key).limit(5000)))
    return [key[: rng.randint(3, 5)].lower() for key in rng.sample(keys, min(500, len(keys)))]


MAX_PULSES = 4_000


@dataclass
class Pulses:
    """Shared between the processes: the pulse's audit ids and commit times (wall clock, seconds)."""

    count: Any
    ids: Any
    times: Any

    @staticmethod
    def new(context: Any) -> Pulses:
        return Pulses(context.Value("i", 0), context.Array("q", MAX_PULSES), context.Array("d", MAX_PULSES))


class Listener:
    """A workstation's window listening for changes (as ``ui.live_updates`` does, without Qt)."""

    def __init__(self, ctx: ServiceContext, pulses: Pulses, result: Result, pulse_person: int) -> None:
        self.ctx, self.pulses, self.result, self.pulse_person = ctx, pulses, result, pulse_person
        self.stop = threading.Event()
        self.seen = 0  # pulses before this one are accounted for
        self.thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        self.seen = self.pulses.count.value
        while not self.stop.is_set():
            try:
                self._listen()
            except Exception as exc:  # as the window does: note it and listen anew (a connection timed out)
                self.result.listen_errors.append(f"{type(exc).__name__}: {str(exc)[:120]}")
                self.stop.wait(1.0)

    def _listen(self) -> None:
        watcher = ChangeWatcher(self.ctx.db)
        last = newest_entry(self.ctx)
        try:
            while not self.stop.is_set():
                if watcher.wait(0.5):
                    if self.ctx.db.backend == "postgresql":  # what the window does (ui.live_updates)
                        batch = changes_from_notes(self.ctx, watcher.take_notes())
                    else:
                        batch = changes_since(self.ctx, last)
                        last = batch.last_id
                    now = time.time()
                    if batch.touches("person", self.pulse_person):
                        while self.seen < self.pulses.count.value and self.pulses.times[self.seen] > 0:
                            self.result.live.append((now - self.pulses.times[self.seen]) * 1000)
                            self.seen += 1
        finally:
            watcher.close()

    def finish(self) -> None:
        self.stop.set()
        self.thread.join(5)
        self.result.pulses_missed = max(0, self.pulses.count.value - self.seen - 2)  # the last two may be in flight


def _pulse_person(db: Database) -> int:
    """The person the pulse changes: the first one."""
    with db.read() as session:
        return int(session.scalar(select(Person.id).order_by(Person.id).limit(1)) or 0)


def _pulse(url: str, seconds: float, start: Any, pulses: Pulses) -> None:
    """Another workstation changing a person once a second (the change every window must see)."""
    db = Database(url)
    db.chain_name = "last-puls"
    base = ServiceContext(db, load_catalogue(), clock=FixedClock(TODAY))
    with db.read() as session:
        admin = session.scalar(select(User.username).where(User.role == Role.ADMIN.value).limit(1))
    person_id = _pulse_person(db)
    assert admin is not None and person_id
    ctx = base.as_user(sign_in(base, admin, DEMO_PASSWORD).actor)
    start.wait()
    end = time.monotonic() + seconds
    n = 0
    while time.monotonic() < end and n < MAX_PULSES:
        person = get_person_file(ctx, person_id).person
        data = replace(person_input(person), city="Singen" if person.city != "Singen" else "Konstanz")
        update_person(ctx, person_id, person.version, data)
        pulses.times[n] = time.time()  # right after the commit (the notification leaves with it)
        pulses.ids[n] = db.written_here[-1][1]
        n += 1
        pulses.count.value = n
        time.sleep(1.0)
    db.dispose()


class Workstation:
    def __init__(self, url: str, user: str, seed: int) -> None:
        self.db = Database(url)
        self.db.chain_name = f"last-{seed}"  # every simulated workstation appends to a chain of its own
        base = ServiceContext(self.db, load_catalogue(), clock=FixedClock(TODAY))
        self.ctx = base.as_user(sign_in(base, user, DEMO_PASSWORD).actor)
        self.rng = random.Random(seed)
        self.prefixes = _prefixes(self.db, self.rng)
        with self.db.read() as session:
            self.max_person = session.scalar(select(Person.id).order_by(Person.id.desc()).limit(1)) or 1
        self.own_cases = case_ids(self.ctx, Scope.MINE)
        self.result = Result(user)

    def suche(self) -> None:
        ids = search_person_ids(self.ctx, self.rng.choice(self.prefixes), limit=1000)
        person_rows(self.ctx, ids[:100])

    def akte(self) -> None:
        get_person_file(self.ctx, self.rng.randint(1, self.max_person))

    def haken(self) -> None:
        if not self.own_cases:
            return
        case_id = self.rng.choice(self.own_cases)
        file = get_case_file(self.ctx, case_id)
        if not file.overview.status.is_open:
            return
        missing = [
            line for line in file.checklist if line.status == ChecklistStatus.MISSING and not line.authority_check
        ]
        if missing:
            line = self.rng.choice(missing)
            mark_received(self.ctx, line.id, expected_version=line.version)
            self.result.ticks[line.id] += 1

    def fristen(self) -> None:
        worklist(self.ctx, WorkScope.MINE)

    def bescheid(self) -> None:
        if self.ctx.actor.role == Role.TEAM_LEAD:
            queue = review_queue(self.ctx)
            if queue:
                oldest = queue[0]
                approve(self.ctx, oldest.letter_id, oldest.version)
            return
        if not self.own_cases:
            return
        case_id = self.rng.choice(self.own_cases)
        draft = RejectionDraft(
            (RefusalGround("lebensunterhalt", "Das Einkommen reicht nicht."),),
            "Antrag geprüft.",
            finding_deportation_bars=FINDINGS,
            finding_child_welfare=FINDINGS,
            finding_family_ties=FINDINGS,
            finding_health=FINDINGS,
        )
        letter_id = draft_rejection(self.ctx, case_id, draft)
        version = notice_view(self.ctx, letter_id).version
        waive_hearing(self.ctx, letter_id, version, "Die Person hat sich bereits schriftlich geäußert.")
        submit_for_review(self.ctx, letter_id, notice_view(self.ctx, letter_id).version)

    def karte(self) -> None:
        cards = waiting_cards(self.ctx)
        if cards:
            form = handover_form(self.ctx, self.rng.choice(cards[:50]).card_id)
            given = HandoverInput(card_serial=form.card_serial, fee_paid=form.fee_cents is not None)
            if form.minor:  # a child's card goes to a parent, who shows an identity document
                given = replace(
                    given,
                    recipient_kind=RecipientKind.CUSTODIAN,
                    recipient_name="Elternteil Mustermann",
                    recipient_id_number="Personalausweis L01X00T47",
                )
            hand_over(self.ctx, form.card_id, form.version, given)

    def run(self, seconds: float) -> Result:
        operations: dict[str, Callable[[], None]] = {name: getattr(self, name) for name in MIX}
        names, weights = list(MIX), list(MIX.values())
        end = time.monotonic() + seconds
        while time.monotonic() < end:
            name = self.rng.choices(names, weights)[0]
            started = time.perf_counter()
            try:
                operations[name]()
            except StaleRecord:
                self.result.stale += 1
                self.result.refused[f"{name}: stale"] += 1
            except DomainError as exc:  # a rule said no (a second draft, nobody else to approve …)
                self.result.refused[f"{name}: {exc.message[:90]}"] += 1
            except Exception as exc:
                self.result.errors.append(f"{name}: {type(exc).__name__}: {str(exc)[:200]}")
            self.result.times[name].append((time.perf_counter() - started) * 1000)
        read_log.flush(self.ctx)
        self.db.dispose()
        if audit_chain.lock_times is not None:
            self.result.lock_waits = audit_chain.lock_times.waits
            self.result.lock_holds = audit_chain.lock_times.holds
        return self.result


def _workstation(
    url: str, user: str, seed: int, seconds: float, start: Any, queue: Any, gate: Any, ready: Any, pulses: Pulses | None
) -> None:
    station = None
    try:
        with gate:  # two sign-ins at a time: each argon2 check takes 64 MiB for a moment
            station = Workstation(url, user, seed)
    except Exception as exc:
        queue.put(Result(user, errors=[f"start: {type(exc).__name__}: {exc}"]))
    finally:
        with ready.get_lock():
            ready.value += 1
    if station is None:
        return
    listener = Listener(station.ctx, pulses, station.result, _pulse_person(station.db)) if pulses is not None else None
    if listener is not None:
        listener.thread.start()
    start.wait()
    audit_chain.lock_times = audit_chain.LockTimes()  # this process's appends, from the start on
    try:
        result = station.run(seconds)
        if listener is not None:
            listener.finish()
        queue.put(result)
    except Exception as exc:
        queue.put(Result(user, errors=[f"run: {type(exc).__name__}: {exc}"]))


def _versions(db: Database) -> dict[int, int]:
    with db.read() as session:
        return dict(session.execute(select(ChecklistItem.id, ChecklistItem.version)).all())


def _percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def run_load(
    url: str, stations: int, seconds: float, users: list[tuple[str, Role]], live: bool = True
) -> dict[str, Any]:
    db = Database(url)
    before = _versions(db)
    db.dispose()
    by_role = {role: [name for name, r in users if r == role] for role in Role}
    # An office: seven caseworkers to two leads to one administrator.
    pattern = [Role.CASEWORKER] * 7 + [Role.TEAM_LEAD] * 2 + [Role.ADMIN]
    chosen = [by_role[pattern[i % len(pattern)]][i % len(by_role[pattern[i % len(pattern)]])] for i in range(stations)]
    context = multiprocessing.get_context("fork")
    start, queue, gate, ready = context.Event(), context.Queue(), context.Semaphore(2), context.Value("i", 0)
    pulses = Pulses.new(context) if live else None
    processes = [
        context.Process(target=_workstation, args=(url, user, 1000 + i, seconds, start, queue, gate, ready, pulses))
        for i, user in enumerate(chosen)
    ]
    pulse = context.Process(target=_pulse, args=(url, seconds, start, pulses)) if pulses is not None else None
    began = time.monotonic()
    for process in processes:
        process.start()
    while ready.value < stations and time.monotonic() - began < 600:  # all connected and signed in
        time.sleep(0.2)
    if pulse is not None:
        pulse.start()
    load_before = os.getloadavg()[0]
    start.set()
    results = [queue.get(timeout=seconds + 600) for _ in processes]
    for process in processes:
        process.join(timeout=60)
    if pulse is not None:
        pulse.join(timeout=60)
    wall = time.monotonic() - began
    db = Database(url)
    after = _versions(db)
    ticks: Counter[int] = Counter()
    for result in results:
        ticks.update(result.ticks)
    lost = sum(1 for item, n in ticks.items() if after.get(item, 0) - before.get(item, 0) != n)
    report = audit_chain.verify(db, None)
    with db.read() as session:
        lock_waits = session.execute(
            text("SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock'")
        ).scalar_one()
    db.dispose()
    times: dict[str, list[float]] = defaultdict(list)
    for result in results:
        for name, values in result.times.items():
            times[name].extend(values)
    refused: Counter[str] = Counter()
    for result in results:
        refused.update(result.refused)
    live_ms = [ms for result in results for ms in result.live]
    waits = [ms for result in results for ms in result.lock_waits]
    holds = [ms for result in results for ms in result.lock_holds]
    return {
        "chain_lock": {
            name: (len(values), statistics.median(values), _percentile(values, 0.95), sum(values) / 1000)
            for name, values in (("wait", waits), ("hold", holds))
            if values
        },
        "live": (len(live_ms), statistics.median(live_ms), _percentile(live_ms, 0.95), max(live_ms))
        if live_ms
        else None,
        "pulses": pulses.count.value if pulses is not None else 0,
        "live_missed": sum(r.pulses_missed for r in results),
        "listen_errors": [e for r in results for e in r.listen_errors],
        "stations": stations,
        "seconds": seconds,
        "wall": wall,
        "load": (load_before, os.getloadavg()[0]),
        "ops": {
            name: (
                len(values),
                statistics.median(values),
                _percentile(values, 0.95),
                _percentile(values, 0.99),
                len(values) / seconds,
            )
            for name, values in sorted(times.items())
        },
        "errors": [e for result in results for e in result.errors],
        "stale": sum(r.stale for r in results),
        "refused": refused,
        "lost": lost,
        "chain_ok": report.first_break is None,
        "chain_entries": report.count,
        "lock_waits_after": lock_waits,
    }


def _print(figures: dict[str, Any]) -> None:
    print(
        f"\n### {figures['stations']} workstations, {figures['seconds']:.0f} s "
        f"(load average {figures['load'][0]:.1f} → {figures['load'][1]:.1f})\n"
    )
    print("| operation | calls | median ms | p95 ms | p99 ms | per second |")
    print("|---|---:|---:|---:|---:|---:|")
    for name, (count, median, p95, p99, rate) in figures["ops"].items():
        print(f"| {name} | {count:,} | {median:.1f} | {p95:.1f} | {p99:.1f} | {rate:.1f} |")
    total = sum(v[0] for v in figures["ops"].values()) / figures["seconds"]
    print(
        f"\nall: {total:.0f} operations/s; errors {len(figures['errors'])}; stale saves refused "
        f"{figures['stale']}; lost updates {figures['lost']}; audit chain "
        f"{'verified' if figures['chain_ok'] else 'BROKEN'} ({figures['chain_entries']:,} entries); "
        f"refused by a rule: {dict(figures['refused']) or 'none'}"
    )
    for name, (count, median, p95, total) in figures["chain_lock"].items():
        what = "waited for" if name == "wait" else "held (lock granted → commit done)"
        print(
            f"chain lock {what}: {count:,} appends, median {median:.1f} ms, p95 {p95:.1f} ms, "
            f"{total:.1f} s in all ({total / figures['seconds']:.2f} per second of the run)"
        )
    if figures["live"]:
        count, median, p95, worst = figures["live"]
        print(
            f"live: {figures['pulses']} changes seen {count:,} times by the other workstations, "
            f"median {median:.0f} ms, p95 {p95:.0f} ms, max {worst:.0f} ms from commit to read; "
            f"not seen: {figures['live_missed']}; listener connections failed and retried: "
            f"{len(figures['listen_errors'])}"
        )
    for error in figures["errors"][:10]:
        print(f"- error: {error}")
    sys.stdout.flush()


def _prepare(url: str, persons: int) -> None:
    db = Database(url)
    migrate.upgrade(db)
    ctx = ServiceContext(db, load_catalogue(), clock=FixedClock(TODAY))
    print(f"Demo office with {persons:,} persons …", file=sys.stderr, flush=True)
    fill_demo_office(ctx, persons, 1, only_if_empty=True)
    with db.engine.begin() as connection:
        connection.execute(text("ANALYZE"))
    # The demo's cases that may still be ticked: open ones (the mix needs some on every desk).
    with db.read() as session:
        open_cases = session.scalar(
            select(func.count()).select_from(Case).where(Case.status.in_([s.value for s in CaseStatus if s.is_open]))
        )
    print(f"… {open_cases:,} open cases.", file=sys.stderr, flush=True)
    db.dispose()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.load", description=__doc__)
    parser.add_argument("--arbeitsplaetze", type=int, nargs="+", default=[10, 50, 100, 200])
    parser.add_argument("--sekunden", type=float, default=20.0)
    parser.add_argument("--personen", type=int, default=20_000)
    parser.add_argument("--postgres", metavar="URL", help="an empty database on a server; default: a throw-away one")
    parser.add_argument("--ohne-live", action="store_true", help="the workstations do not listen for changes")
    args = parser.parse_args(argv)
    server = None
    url = args.postgres
    if not url:
        from tests.support.pgserver import PostgresServer

        server = PostgresServer(max_connections=max(args.arbeitsplaetze) * 4 + 20)
        admin = server.start()
        from sqlalchemy import create_engine

        engine = create_engine(admin, isolation_level="AUTOCOMMIT")
        with engine.connect() as connection:
            connection.execute(text("CREATE DATABASE abh_last"))
        engine.dispose()
        url = admin.rsplit("/", 1)[0] + "/abh_last"
    try:
        _prepare(url, args.personen)
        db = Database(url)
        users = _users(db)
        db.dispose()
        print("# Load: workstations on one PostgreSQL server\n")
        who = ", ".join(f"{n} ({r.value})" for n, r in users)
        print(f"{args.personen:,} persons; users {who}; cores {os.cpu_count()}")
        limit = None
        for stations in args.arbeitsplaetze:
            figures = run_load(url, stations, args.sekunden, users, live=not args.ohne_live)
            _print(figures)
            search = figures["ops"].get("suche")
            if limit is None and search and search[2] > SEARCH_P95_LIMIT_MS:
                limit = stations
        print(
            f"\nCounter search p95 above {SEARCH_P95_LIMIT_MS:.0f} ms from "
            + (f"{limit} workstations on." if limit else "none of the runs.")
        )
    finally:
        if server is not None:
            server.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
