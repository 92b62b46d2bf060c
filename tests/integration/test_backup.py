"""Backup and restore: ``abh-desk sicherung`` while another process writes, ``abh-desk
wiederherstellen`` with its checks, and pg_dump/pg_restore for PostgreSQL (as the README says)."""

from __future__ import annotations

import io
import shutil
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from sqlalchemy import create_engine, func, select, text

from abh_desk import audit_chain
from abh_desk.cli import main
from abh_desk.clock import FixedClock
from abh_desk.services import audit_key_setup
from abh_desk.services.context import ServiceContext
from abh_desk.services.persons import PersonInput, create_person, search_persons
from abh_desk.storage import Database
from models import AuditEvent, Person
from tests.conftest import TEST_DAY, drop_pg_database, new_pg_database
from tests.support import writer
from tests.support.cli_login import sign_in_cli
from tests.support.pgserver import libpq_url, tool
from tests.support.writer import BULK_ACTION

ROOT = Path(__file__).resolve().parents[2]
BULK = 40


def run(*argv: str) -> tuple[int, str]:
    out = io.StringIO()
    code = main(list(argv), out=out, clock=FixedClock(TEST_DAY))
    return code, out.getvalue()


class Writer:
    """tests/support/writer.py in its own process; collects the acknowledged ids."""

    def __init__(self, url: str, *options: str) -> None:
        self.process = subprocess.Popen(
            [sys.executable, "-m", "tests.support.writer", url, *options],
            cwd=ROOT,
            env=writer.environment(url),
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        assert self.process.stdout is not None
        assert self.process.stdout.readline().strip() == "ready", self.process.stderr.read()  # type: ignore[union-attr]
        self.ids: list[int] = []
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    def _read(self) -> None:
        assert self.process.stdout is not None
        for line in self.process.stdout:
            self.ids.append(int(line))

    def wait_for(self, count: int, timeout: float = 30) -> None:
        deadline = time.monotonic() + timeout
        while len(self.ids) < count:
            assert self.process.poll() is None, self.process.stderr.read()  # type: ignore[union-attr]
            assert time.monotonic() < deadline, "the writer did not write"
            time.sleep(0.01)

    def stop(self) -> None:
        self.process.terminate()
        self.process.wait(timeout=10)
        self._reader.join(timeout=10)
        for stream in (self.process.stdout, self.process.stderr):
            if stream:
                stream.close()


def _snapshot_counts(path: Path) -> tuple[int, int, int]:
    """Persons, their creation entries, and the bulk entries written with them."""
    with sqlite3.connect(path) as connection:
        persons = connection.execute("SELECT count(*) FROM persons WHERE family_name = 'Schreiber'").fetchone()[0]
        created = connection.execute(
            "SELECT count(*) FROM audit_events WHERE action = 'person_angelegt' AND entity_id IN "
            "(SELECT id FROM persons WHERE family_name = 'Schreiber')"
        ).fetchone()[0]
        bulk = connection.execute("SELECT count(*) FROM audit_events WHERE action = ?", (BULK_ACTION,)).fetchone()[0]
    connection.close()
    return persons, created, bulk


def test_sicherung_copies_a_consistent_state_while_another_process_writes(
    sqlite_ctx: ServiceContext, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    url = str(sqlite_ctx.db.url)
    sign_in_cli(sqlite_ctx, monkeypatch)
    writer = Writer(url, "--bulk", str(BULK))
    backups = []
    try:
        for n in range(5):
            writer.wait_for(3 * (n + 1))
            acknowledged = list(writer.ids)
            target = tmp_path / f"sicherung-{n}.sqlite3"
            code, out = run("--db", url, "sicherung", str(target))
            assert code == 0 and f"Gesichert in {target}" in out
            backups.append((target, acknowledged))
        writer.wait_for(len(writer.ids) + 3)  # still writing after the last backup
    finally:
        writer.stop()
    for target, acknowledged in backups:
        with sqlite3.connect(target) as connection:
            assert connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
            assert connection.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
            ids = {row[0] for row in connection.execute("SELECT id FROM persons WHERE family_name = 'Schreiber'")}
        connection.close()
        assert set(acknowledged) <= ids  # every commit acknowledged before the backup is in it
        persons, created, bulk = _snapshot_counts(target)
        assert persons == created and bulk == BULK * persons  # no transaction cut in half
        db = Database(f"sqlite:///{target}")
        assert audit_chain.verify(db, None).first_break is None
        db.dispose()
    assert len(writer.ids) > len(backups[-1][1])


def test_sicherung_refuses_to_overwrite_unless_asked(
    sqlite_ctx: ServiceContext, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    url = str(sqlite_ctx.db.url)
    sign_in_cli(sqlite_ctx, monkeypatch)
    target = tmp_path / "sicherung.sqlite3"
    target.write_text("wichtig")
    assert run("--db", url, "sicherung", str(target))[0] == 2
    assert "gibt es schon" in capsys.readouterr().err and target.read_text() == "wichtig"
    # --ueberschreiben replaces an earlier backup only, not any file of that name.
    assert run("--db", url, "sicherung", "--ueberschreiben", str(target))[0] == 2
    assert "keine frühere Sicherung" in capsys.readouterr().err and target.read_text() == "wichtig"
    target.unlink()
    assert run("--db", url, "sicherung", str(target))[0] == 0
    assert run("--db", url, "sicherung", "--ueberschreiben", str(target))[0] == 0
    assert run("--db", url, "sicherung", str(tmp_path / "fehlt" / "x.sqlite3"))[0] == 2
    assert "Das Verzeichnis" in capsys.readouterr().err


def _person(ctx: ServiceContext, family: str) -> int:
    return create_person(ctx, PersonInput(family, "Anna", "12.03.1990", nationality="TUR")).id


def _families(db: Database) -> set[str]:
    with db.read() as session:
        return set(session.scalars(select(Person.family_name)))


def test_wiederherstellen_restores_logs_and_keeps_the_old_database_aside(
    sqlite_ctx: ServiceContext, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    url = str(sqlite_ctx.db.url)
    sign_in_cli(sqlite_ctx, monkeypatch)
    _person(sqlite_ctx, "Öztürk")
    _person(sqlite_ctx, "Nguyễn")
    backup_file = tmp_path / "stand.sqlite3"
    assert run("--db", url, "sicherung", str(backup_file))[0] == 0
    _person(sqlite_ctx, "Kovalenko")  # written after the backup
    still_open = sqlite_ctx.db  # another window that keeps its connection open

    code, out = run("--db", url, "wiederherstellen", str(backup_file))

    assert code == 0, out
    assert "Wiederhergestellt aus stand.sqlite3: 2 Personen" in out
    assert _families(still_open) == {"Öztürk", "Nguyễn"}  # the open connection sees the restored state
    aside = next(tmp_path.glob("abh-desk.sqlite3.vor-wiederherstellung-*"))
    assert f"Die bisherige Datenbank liegt unter {aside}" in out
    kept = Database(f"sqlite:///{aside}")
    assert _families(kept) == {"Öztürk", "Nguyễn", "Kovalenko"}
    kept.dispose()
    with still_open.read() as session:
        last = session.scalars(select(AuditEvent).order_by(AuditEvent.id.desc())).first()
    assert last is not None and last.action == "datenbank_wiederhergestellt"
    assert '"datei": "stand.sqlite3"' in (last.payload_json or "")
    code, out = run("--db", url, "audit", "pruefen")  # the anchor moved to the restored chain
    assert code == 0, out
    assert [p.family_name for p in search_persons(sqlite_ctx, "kovalenko")] == []


def _refused(url: str, path: Path, capsys: pytest.CaptureFixture[str]) -> str:
    code, _ = run("--db", url, "wiederherstellen", str(path))
    assert code == 2
    return capsys.readouterr().err


def test_wiederherstellen_refuses_what_is_not_an_intact_abh_desk_backup(
    sqlite_ctx: ServiceContext, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    url = str(sqlite_ctx.db.url)
    sign_in_cli(sqlite_ctx, monkeypatch)
    _person(sqlite_ctx, "Öztürk")
    good = tmp_path / "gut.sqlite3"
    assert run("--db", url, "sicherung", str(good))[0] == 0

    text_file = tmp_path / "notizen.txt"
    text_file.write_text("Dies ist keine Datenbank.\n" * 100)
    assert "notizen.txt ist keine Sicherung von ABH Desk (keine SQLite-Datenbank)" in _refused(url, text_file, capsys)

    other = tmp_path / "fremd.sqlite3"
    with sqlite3.connect(other) as connection:
        connection.execute("CREATE TABLE kunden (id INTEGER PRIMARY KEY, name TEXT)")
    connection.close()
    assert "fremd.sqlite3 ist keine Sicherung von ABH Desk (die Tabellen" in _refused(url, other, capsys)

    newer = tmp_path / "neuer.sqlite3"
    shutil.copyfile(good, newer)
    with sqlite3.connect(newer) as connection:
        connection.execute("UPDATE alembic_version SET version_num = 'ffffffffffff'")
    connection.close()
    assert "Schemastand ffffffffffff, den dieses Programm nicht kennt" in _refused(url, newer, capsys)

    damaged = tmp_path / "kaputt.sqlite3"
    data = bytearray(good.read_bytes())
    page = 4096
    for start in range(2 * page, len(data) - page, 3 * page):  # scribble over every third page
        data[start + 8 : start + 200] = b"\xff" * 192
    damaged.write_bytes(bytes(data))
    message = _refused(url, damaged, capsys)
    assert "kaputt.sqlite3 ist beschädigt" in message and "es wurde nichts wiederhergestellt" in message

    tampered = tmp_path / "veraendert.sqlite3"
    shutil.copyfile(good, tampered)
    with sqlite3.connect(tampered) as connection:
        connection.execute("DROP TRIGGER audit_events_kein_update")
        connection.execute("UPDATE audit_events SET payload_json = replace(payload_json, 'Öztürk', 'Meier')")
    connection.close()
    assert "das Protokoll in der Sicherung ist verändert" in _refused(url, tampered, capsys)

    assert "gibt es nicht" in _refused(url, tmp_path / "fehlt.sqlite3", capsys)
    # Nothing of this touched the database, and nothing was set aside.
    assert _families(sqlite_ctx.db) == {"Öztürk"}
    assert not list(tmp_path.glob("*vor-wiederherstellung*"))


@pytest.mark.postgres
def test_sicherung_of_a_postgresql_database_points_to_pg_dump(
    pg_admin_url: str, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    url = new_pg_database(pg_admin_url)
    try:
        assert run("--db", url, "sicherung", str(tmp_path / "x"))[0] == 2
        assert "pg_dump" in capsys.readouterr().err
    finally:
        drop_pg_database(pg_admin_url, url.rsplit("/", 1)[1])


@pytest.mark.postgres
def test_pg_dump_and_pg_restore_as_the_readme_says(pg_admin_url: str, catalogue, tmp_path: Path) -> None:
    source_url = new_pg_database(pg_admin_url)
    target_url = pg_admin_url.rsplit("/", 1)[0] + "/abh_wiederhergestellt"
    admin = create_engine(pg_admin_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:  # createdb: an empty database
        connection.execute(text("DROP DATABASE IF EXISTS abh_wiederhergestellt"))
        connection.execute(text("CREATE DATABASE abh_wiederhergestellt"))
    admin.dispose()
    dump = tmp_path / "abh.dump"
    try:
        source = Database(source_url)
        ctx = ServiceContext(source, catalogue)
        audit_key_setup.set_up_if_new(ctx)  # a signed trail, whose key is kept under the database's address
        for family in ("Öztürk", "Nguyễn", "Kovalenko"):
            _person(ctx, family)
        key_file = tmp_path / "schluessel.json"
        audit_key_setup.hand_out(ctx, key_file)
        source.dispose()
        # The README's commands: a custom-format dump, restored into an empty database.
        subprocess.run([tool("pg_dump"), "-Fc", "-f", dump, libpq_url(source_url)], check=True, timeout=60)
        subprocess.run(
            [tool("pg_restore"), "--no-owner", "--exit-on-error", "-d", libpq_url(target_url), dump],
            check=True,
            timeout=60,
        )
        restored = Database(target_url)
        assert _families(restored) == {"Öztürk", "Nguyễn", "Kovalenko"}
        report = audit_chain.verify(restored, None)
        assert report.ok and report.count == 5  # chain intact, triggers restored with it
        assert report.signatures == "ohne_schluessel"  # the key is kept under the old address
        rctx = ServiceContext(restored, catalogue)
        with pytest.raises(audit_chain.KeyMissing):
            _person(rctx, "Şahin")
        audit_key_setup.take_over(rctx, key_file)  # README: the key taken over for the new address
        _person(rctx, "Şahin")  # sequences came along: new rows get new ids
        report = audit_chain.verify(restored, None)
        assert report.ok and report.signatures == "geprueft" and report.unsigned == 0
        with restored.read() as session:
            assert session.scalar(select(func.count()).select_from(Person)) == 4
        restored.dispose()
    finally:
        for url in (source_url, target_url):
            drop_pg_database(pg_admin_url, url.rsplit("/", 1)[1])


def test_wiederherstellen_refuses_a_backup_whose_protection_was_removed_before_anything_is_replaced(
    sqlite_ctx: ServiceContext, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Issue 24, part 6: such a backup was restored first and found wanting afterwards."""
    url = str(sqlite_ctx.db.url)
    sign_in_cli(sqlite_ctx, monkeypatch)
    _person(sqlite_ctx, "Öztürk")
    unprotected = tmp_path / "ohne-schutz.sqlite3"
    assert run("--db", url, "sicherung", str(unprotected))[0] == 0
    no_op = tmp_path / "leerer-schutz.sqlite3"
    shutil.copyfile(unprotected, no_op)
    with sqlite3.connect(unprotected) as connection:
        connection.execute("DROP TRIGGER audit_events_kein_delete")
    connection.close()
    with sqlite3.connect(no_op) as connection:  # the right name, doing nothing
        connection.execute("DROP TRIGGER audit_events_kein_update")
        connection.execute("CREATE TRIGGER audit_events_kein_update BEFORE UPDATE ON audit_events BEGIN SELECT 1; END")
    connection.close()
    _person(sqlite_ctx, "Meier")  # the live database has moved on since the backup
    for backup, trigger in ((unprotected, "audit_events_kein_delete"), (no_op, "audit_events_kein_update")):
        message = _refused(url, backup, capsys)
        assert "fehlt der Schutz des Protokolls" in message and trigger in message
        assert "es wurde nichts wiederhergestellt" in message.lower()
        assert _families(sqlite_ctx.db) == {"Öztürk", "Meier"}  # nothing replaced
    code, out = run("--db", url, "wiederherstellen", str(unprotected), "--trotz-abweichung", "Nur diese Sicherung da")
    assert code == 1  # restored on purpose, and said to be unprotected
    assert "Wiederhergestellt aus ohne-schutz.sqlite3: 1 Person," in out
    assert "Trigger audit_events_kein_delete" in out and "NICHT unversehrt" in out


def test_a_backup_of_an_older_version_is_checked_against_the_protection_of_its_own_revision() -> None:
    """The update trigger changed with two migrations: a backup made before them keeps the older
    one, which protected the trail as it was then; the newest is what a new database gets."""
    from abh_desk import audit_chain

    assert audit_chain.sqlite_triggers_at({"38e005c8f2b1"}) == {
        "audit_events_kein_update": audit_chain.SQLITE_TRIGGER_HISTORY[0][2],
        "audit_events_kein_delete": audit_chain.SQLITE_TRIGGER_HISTORY[1][2],
    }
    everything = {revision for revision, _name, _fingerprint in audit_chain.SQLITE_TRIGGER_HISTORY}
    assert audit_chain.sqlite_triggers_at(everything) == audit_chain.TRIGGER_FINGERPRINTS["sqlite"]


def test_wiederherstellen_checks_the_documents_and_signatures_of_the_backup_first(
    sqlite_ctx: ServiceContext, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """More than the trail: a document of the backup's e-file changed, and an entry the forger
    could not sign (the key is not in the database), are named before anything is replaced."""
    from abh_desk.services import documents
    from tests.support import scans

    ctx = sqlite_ctx
    url = str(ctx.db.url)
    sign_in_cli(ctx, monkeypatch)
    person = _person(ctx, "Öztürk")
    scan = tmp_path / "pass.pdf"
    scan.write_bytes(scans.pdf_bytes(1))
    document = documents.attach_document(ctx, scan, person_id=person).document.id
    backup_file = tmp_path / "stand.sqlite3"
    assert run("--db", url, "sicherung", str(backup_file))[0] == 0
    with sqlite3.connect(backup_file) as connection:  # the scan swapped in the backup
        connection.execute("UPDATE document_chunks SET data = ? WHERE document_id = ?", (b"%PDF-falsch", document))
        connection.execute(  # and an entry appended with a correct link, without the key's signature
            "INSERT INTO audit_events (id, occurred_at, action, entity, payload_json, payload_hash, chain_hash, chain) "
            "SELECT id + 1, occurred_at, 'x', 'x', '{}', ?, ?, chain FROM audit_events ORDER BY id DESC LIMIT 1",
            (audit_chain.payload_hash("{}"), "0" * 64),
        )
    connection.close()
    _rechain_last(backup_file)
    before = _families(ctx.db)
    refused = _refused(url, backup_file, capsys)
    assert f"Dokument {document}" in refused and "wurde verändert" in refused
    assert "ohne gültige Signatur" in refused and "--trotz-abweichung" in refused
    assert "ist verändert (Eintrag" not in refused  # the chain itself holds: only the signature tells
    assert _families(ctx.db) == before and not list(tmp_path.glob("*.vor-wiederherstellung-*"))
    # With a reason it is restored, and the findings are in the restored trail.
    code, _ = run("--db", url, "wiederherstellen", str(backup_file), "--trotz-abweichung", "einzige Sicherung")
    assert code == 1  # restored; the check after it finds the same
    with ctx.db.read() as session:
        logged = session.scalars(
            select(AuditEvent.payload_json).where(AuditEvent.action == "datenbank_wiederhergestellt")
        ).all()
    assert f"Dokument {document}" in (logged[-1] or "") and "einzige Sicherung" in (logged[-1] or "")


def _rechain_last(path: Path) -> None:
    """The appended entry gets the hash a correct link gives it (only the signature is missing)."""
    from datetime import datetime, timezone

    connection = sqlite3.connect(path, isolation_level=None)
    connection.row_factory = sqlite3.Row
    try:
        last, before = list(connection.execute("SELECT * FROM audit_events ORDER BY id DESC LIMIT 2"))
        row = dict(last)
        moment = datetime.fromisoformat(row["occurred_at"])
        row["occurred_at"] = moment if moment.tzinfo else moment.replace(tzinfo=timezone.utc)
        (protection,) = connection.execute("SELECT sql FROM sqlite_master WHERE name = 'audit_events_kein_delete'")
        connection.execute("DROP TRIGGER audit_events_kein_delete")
        connection.execute("DELETE FROM audit_events WHERE id = ?", (row["id"],))
        row["chain_hash"] = audit_chain.link(before["chain_hash"], row)
        connection.execute(
            "INSERT INTO audit_events (id, occurred_at, action, entity, payload_json, payload_hash, chain_hash, chain) "
            "VALUES (?, ?, 'x', 'x', '{}', ?, ?, ?)",
            (row["id"], last["occurred_at"], row["payload_hash"], row["chain_hash"], row["chain"]),
        )
        connection.execute(protection[0])
    finally:
        connection.close()
