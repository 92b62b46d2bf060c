"""A writing process killed with SIGKILL, many times, mid-transaction: nothing acknowledged is lost,
nothing half-written stays, the file stays intact and the audit chain unbroken. And the start checks
that refuse a damaged file or unsafe settings, with a German message."""

from __future__ import annotations

import io
import os
import random
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
from sqlalchemy import event, func, select

from abh_desk import audit_chain, db_checks
from abh_desk.bootstrap import open_context
from abh_desk.cli import main
from abh_desk.demo.deadlines import generate_demo_deadlines
from abh_desk.demo.persons import generate_demo
from abh_desk.errors import ConfigurationError
from abh_desk.services.context import ServiceContext
from abh_desk.services.persons import PersonInput, create_person
from abh_desk.storage import Database
from models import AuditEvent, Person
from tests.support import writer
from tests.support.cli_login import sign_in_cli
from tests.support.writer import BULK_ACTION

ROOT = Path(__file__).resolve().parents[2]
KILLS = 30
BULK = 60


class ForkServer:
    """tests/support/writer.py --forks: starts a writer in milliseconds; the test kills it."""

    def __init__(self, url: str) -> None:
        self.process = subprocess.Popen(
            [sys.executable, "-m", "tests.support.writer", url, "--forks", "--bulk", str(BULK)],
            cwd=ROOT,
            env=writer.environment(url),
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )
        self.lines: list[str] = []
        self._new_line = threading.Condition()
        assert self._next() == "ready"
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    def _next(self) -> str:
        assert self.process.stdout is not None
        return self.process.stdout.readline().strip()

    def _read(self) -> None:
        assert self.process.stdout is not None
        for line in self.process.stdout:
            with self._new_line:
                self.lines.append(line.strip())
                self._new_line.notify_all()

    def _send(self, command: str) -> None:
        assert self.process.stdin is not None
        self.process.stdin.write(command + "\n")
        self.process.stdin.flush()

    def _wait_line(self, predicate: object, start: int) -> int:
        deadline = time.monotonic() + 30
        with self._new_line:
            while True:
                for index in range(start, len(self.lines)):
                    if predicate(self.lines[index]):  # type: ignore[operator]
                        return index
                remaining = deadline - time.monotonic()
                assert remaining > 0, "the fork server did not answer"
                self._new_line.wait(remaining)

    def start(self) -> int:
        mark = len(self.lines)
        self._send("start")
        index = self._wait_line(lambda line: line.startswith("pid "), mark)
        return int(self.lines[index].split()[1])

    def reap(self) -> None:
        mark = len(self.lines)
        self._send("wait")
        self._wait_line(lambda line: line == "reaped", mark)

    def wait_for_acknowledged(self, count: int) -> None:
        deadline = time.monotonic() + 30
        with self._new_line:
            while sum(line.isdigit() for line in self.lines) < count:
                remaining = deadline - time.monotonic()
                assert remaining > 0, "the writer did not commit"
                self._new_line.wait(remaining)

    def acknowledged(self) -> list[int]:
        with self._new_line:
            return [int(line) for line in self.lines if line.isdigit()]

    def stop(self) -> None:
        assert self.process.stdin is not None
        self.process.stdin.close()
        self.process.wait(timeout=10)
        self._reader.join(timeout=10)
        assert self.process.stdout is not None
        self.process.stdout.close()


def _check_after_kill(db: Database, acknowledged: list[int]) -> None:
    if db.backend == "sqlite":
        with sqlite3.connect(str(db_checks.sqlite_file(db))) as connection:
            assert connection.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        connection.close()
    with db.read() as session:
        if db.backend == "postgresql":
            # One snapshot for the three counts: the killed writer's last COMMIT may still be landing
            # on the server, and statement by statement the persons were counted before it and the
            # bulk entries after it ("3480 == 60 * 57", seen under load). A dead SQLite writer
            # commits nothing more.
            session.connection(execution_options={"isolation_level": "REPEATABLE READ"})
        stored = set(session.scalars(select(Person.id).where(Person.family_name == "Schreiber")))
        created = session.scalar(
            select(func.count()).where(AuditEvent.action == "person_angelegt", AuditEvent.entity_id.in_(stored))
        )
        bulk = session.scalar(select(func.count()).where(AuditEvent.action == BULK_ACTION))
    assert set(acknowledged) <= stored, "an acknowledged commit is missing"
    assert created == len(stored) and bulk == BULK * len(stored), "a transaction was left half-written"


def test_killing_a_writer_mid_transaction_loses_nothing_acknowledged(database_url: str) -> None:
    """Each writer is killed at a random moment once it is in full flow: it spends nearly all its
    time inside transactions (61 inserts, then commit), so most kills land mid-transaction, some
    between commit and acknowledgement."""
    db = Database(database_url)
    server = ForkServer(database_url)
    rng = random.Random(20261121)
    try:
        for _ in range(KILLS):
            before = len(server.acknowledged())
            pid = server.start()
            server.wait_for_acknowledged(before + 1)
            time.sleep(rng.uniform(0, 0.08))
            os.kill(pid, signal.SIGKILL)
            server.reap()
            _check_after_kill(db, server.acknowledged())
    finally:
        server.stop()
    assert len(server.acknowledged()) >= KILLS
    report = audit_chain.verify(db, audit_chain.read_anchor(db))
    assert report.first_break is None and report.anchor_problem is None
    db.dispose()


def _sqlite(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path}/abh-desk.sqlite3"


def test_start_refuses_unsafe_sqlite_settings(tmp_path: Path) -> None:
    url = _sqlite(tmp_path)
    open_context(url).db.dispose()
    db = Database(url)

    @event.listens_for(db.engine, "connect")
    def _weaken(dbapi_connection: sqlite3.Connection, _record: object) -> None:
        dbapi_connection.execute("PRAGMA synchronous=NORMAL")
        dbapi_connection.execute("PRAGMA foreign_keys=OFF")

    with pytest.raises(ConfigurationError) as info:
        db_checks.check_sqlite(db, datetime(2026, 11, 21, 9, tzinfo=timezone.utc))
    db.dispose()
    assert "synchronous=FULL (2) (ist: 1)" in info.value.message
    assert "Fremdschlüssel-Prüfung (ist: 0)" in info.value.message
    assert "startet deshalb nicht" in info.value.message


def _damage(path: Path) -> None:
    """Scribble over the inside of the persons table (the file header and schema stay readable)."""
    with sqlite3.connect(path) as connection:
        root = connection.execute("SELECT rootpage FROM sqlite_master WHERE name = 'persons'").fetchone()[0]
        page_size = connection.execute("PRAGMA page_size").fetchone()[0]
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    connection.close()
    with open(path, "r+b") as handle:
        handle.seek((root - 1) * page_size + 8)
        handle.write(os.urandom(page_size // 2))


def test_start_refuses_a_damaged_file_and_wiederherstellen_repairs_it(
    tmp_path: Path, catalogue, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    url = _sqlite(tmp_path)
    ctx = open_context(url)
    for n in range(300):
        letters = "".join(chr(ord("a") + int(d)) for d in str(n))
        create_person(
            ctx, PersonInput("Öztürk", f"Ayşe {letters}", "12.03.1990", nationality="TUR"), "300 Testpersonen"
        )
    ctx.db.dispose()
    sign_in_cli(url, monkeypatch)
    backup_file = tmp_path / "sicherung.sqlite3"
    assert main(["--db", url, "sicherung", str(backup_file)], out=io.StringIO()) == 0
    _damage(tmp_path / "abh-desk.sqlite3")

    with pytest.raises(ConfigurationError) as info:
        open_context(url)
    assert "ist beschädigt" in info.value.message and "abh-desk wiederherstellen DATEI" in info.value.message
    assert main(["--db", url, "suche", "oeztuerk"], out=io.StringIO()) == 2
    assert "ist beschädigt" in capsys.readouterr().err

    out = io.StringIO()
    assert main(["--db", url, "wiederherstellen", str(backup_file)], out=out) == 0, capsys.readouterr().err
    assert "300 Personen" in out.getvalue()
    assert list(tmp_path.glob("abh-desk.sqlite3.vor-wiederherstellung-*"))  # the damaged file, kept
    ctx = open_context(url)
    with ctx.db.read() as session:
        assert session.scalar(select(func.count()).select_from(Person)) == 300
    ctx.db.dispose()


def test_integrity_of_a_large_file_is_checked_once_a_day(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, catalogue
) -> None:
    monkeypatch.setattr(db_checks, "ALWAYS_CHECK_BELOW_BYTES", 0)  # every file counts as large
    checks: list[str] = []
    real_check = db_checks.check_integrity
    monkeypatch.setattr(db_checks, "check_integrity", lambda db: (checks.append(db.display_url), real_check(db)))
    url = _sqlite(tmp_path)
    db = Database(url)
    ServiceContext(db, catalogue)
    first = datetime(2026, 11, 21, 7, 0, tzinfo=timezone.utc)
    db_checks.check_sqlite(db, now=first)
    db_checks.check_sqlite(db, now=first + timedelta(hours=8))
    assert len(checks) == 1
    db_checks.check_sqlite(db, now=first + timedelta(hours=21))
    assert len(checks) == 2
    db.dispose()


def test_the_start_check_gives_the_query_planner_statistics(sqlite_ctx: ServiceContext) -> None:
    # Without sqlite_stat1, SQLite read every open deadline of the office to open one case
    # (close_expiry_reminders at a million persons: 0.7–1.3 s); the start check runs ANALYZE.
    generate_demo(sqlite_ctx, 300, 1)
    generate_demo_deadlines(sqlite_ctx, 1)
    explain = (
        "EXPLAIN QUERY PLAN SELECT deadlines.id FROM deadlines JOIN cases ON cases.id = deadlines.case_id "
        "WHERE cases.person_id = 5 AND deadlines.kind = 'ablauf_erinnerung' AND deadlines.status = 'offen'"
    )
    with sqlite_ctx.db.engine.connect() as connection:
        assert not connection.exec_driver_sql("SELECT name FROM sqlite_master WHERE name = 'sqlite_stat1'").all()
        before = [row[3] for row in connection.exec_driver_sql(explain)]
    db_checks.check_sqlite(sqlite_ctx.db, sqlite_ctx.now())
    with sqlite_ctx.db.engine.connect() as connection:
        tables = {row[0] for row in connection.exec_driver_sql("SELECT tbl FROM sqlite_stat1")}
        after = [row[3] for row in connection.exec_driver_sql(explain)]
    assert {"persons", "cases", "deadlines"} <= tables
    assert "ix_deadlines_status_due" in before[0]
    assert after[0].startswith("SEARCH cases USING COVERING INDEX ix_cases_person_id"), after
