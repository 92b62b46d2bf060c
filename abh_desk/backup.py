"""Backup (Sicherung) and restore (Wiederherstellung) of the SQLite database.

The backup uses SQLite's online backup API in one step: it copies one consistent snapshot while
other workstations' processes keep writing (WAL lets them). The copy is a single file (journal
mode DELETE), checked with ``integrity_check`` before it replaces the target.

A restore first checks the file on a private copy: an SQLite file, intact (``integrity_check``),
an ABH Desk schema this program knows, an unbroken audit chain that is this database's (it agrees
with the live trail, a copy kept aside, or this workstation's anchor), signed with the office's key
from the key's first entry on, and every document of the e-file with the SHA-256 its trail entry
holds. What does not hold is named, and nothing is restored unless the administration gives a
reason (``--trotz-abweichung GRUND``, logged with the findings). It then keeps the current database aside (a backup
next to it) and copies the checked file into the live database with the backup API again, so a
process that still has the database open sees the restored state instead of writing into a
replaced file. The restore is logged in the restored database, and the audit anchor moves to it.

PostgreSQL is backed up with ``pg_dump`` and restored with ``pg_restore`` (README).
"""

from __future__ import annotations

import contextlib
import os
import shutil
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy.exc import DBAPIError

from abh_desk import audit_chain, audit_key, migrate
from abh_desk.clock import SYSTEM_CLOCK, Clock, local_now
from abh_desk.db_checks import sqlite_file
from abh_desk.errors import ConfigurationError, DomainError
from abh_desk.services.context import ServiceContext
from abh_desk.storage import SQLITE_BUSY_TIMEOUT_MS, Database

SQLITE_HEADER = b"SQLite format 3\x00"
REQUIRED_TABLES = frozenset({"alembic_version", "persons", "cases", "audit_events", "users"})


class BackupError(DomainError):
    code = "sicherung"


def sqlite_path(db: Database) -> Path:
    path = sqlite_file(db)
    if path is None:
        raise ConfigurationError("backup.sqlite_only", url=db.display_url)
    return path


def _connect(path: Path) -> sqlite3.Connection:
    return sqlite3.connect(path, timeout=SQLITE_BUSY_TIMEOUT_MS / 1000, isolation_level=None)


def _integrity(connection: sqlite3.Connection) -> str:
    rows = [row[0] for row in connection.execute("PRAGMA integrity_check(20)")]
    return "ok" if rows == ["ok"] else "; ".join(str(r) for r in rows)


def _copy(source: sqlite3.Connection, target_path: Path) -> None:
    """One consistent snapshot of ``source`` into a new single file at ``target_path``."""
    target = _connect(target_path)
    try:
        source.backup(target)  # pages=-1: everything in one step, from one read snapshot
        target.execute("PRAGMA journal_mode=DELETE")
        problem = _integrity(target)
        if problem != "ok":
            raise BackupError("backup.backup_faulty", problem=problem)
    finally:
        target.close()
    with open(target_path, "rb") as handle:
        os.fsync(handle.fileno())


def _fsync_dir(directory: Path) -> None:
    with contextlib.suppress(OSError):  # not possible on Windows; the rename is durable there
        fd = os.open(directory, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def _partial(target: Path) -> Path:
    return target.with_name(f".{target.name}.teil")


def _is_database_file(path: Path) -> bool:
    """A regular file that starts like an SQLite database."""
    if not path.is_file():
        return False
    try:
        with open(path, "rb") as handle:
            return handle.read(len(SQLITE_HEADER)) == SQLITE_HEADER
    except OSError:
        return False


def backup_sqlite(source_path: Path, target: Path, overwrite: bool = False) -> None:
    """Copy the database at ``source_path`` into ``target`` (consistent while others write)."""
    target = target.expanduser().resolve()
    if target == source_path:
        raise BackupError("backup.target_is_database")
    if target.exists() and not overwrite:
        raise BackupError("backup.target_exists", target=target)
    if target.exists() and not _is_database_file(target):
        # --ueberschreiben replaces an earlier backup, never a device, a directory or another file.
        raise BackupError("backup.target_not_a_backup", target=target)
    if not target.parent.is_dir():
        raise BackupError("backup.directory_missing", directory=target.parent)
    partial = _partial(target)
    partial.unlink(missing_ok=True)
    source = _connect(source_path)
    try:
        _copy(source, partial)
        partial.replace(target)
        _fsync_dir(target.parent)
    except sqlite3.Error as exc:
        raise BackupError("backup.backup_failed", detail=exc) from exc
    except OSError as exc:
        raise BackupError("backup.cannot_write", target=target, detail=exc.strerror or exc) from exc
    finally:
        source.close()
        partial.unlink(missing_ok=True)


@dataclass(frozen=True)
class BackupInfo:
    revision: str
    persons: int
    audit_entries: int


def check_backup_file(path: Path, name: str | None = None) -> BackupInfo:
    """Refuse anything that is not an intact ABH Desk database this program can open (``name``:
    the file as the user named it, where ``path`` is a private copy)."""
    name = name or path.name
    try:
        with open(path, "rb") as handle:
            header = handle.read(len(SQLITE_HEADER))
    except FileNotFoundError:
        raise BackupError("backup.file_missing", name=name) from None
    except OSError as exc:
        raise BackupError("backup.unreadable", name=name, detail=exc.strerror or exc) from exc
    if header != SQLITE_HEADER:
        raise BackupError("backup.not_sqlite", name=name)
    connection = _connect(path)
    try:
        problem = _integrity(connection)
        if problem != "ok":
            raise BackupError("backup.damaged", name=name, problem=problem)
        tables = {row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        if not REQUIRED_TABLES.issubset(tables):
            raise BackupError("backup.tables_missing", name=name)
        revision = connection.execute("SELECT version_num FROM alembic_version").fetchone()
        persons = connection.execute("SELECT count(*) FROM persons").fetchone()[0]
        entries = connection.execute("SELECT count(*) FROM audit_events").fetchone()[0]
    except sqlite3.DatabaseError as exc:
        raise BackupError("backup.damaged_or_foreign", name=name, detail=exc) from exc
    finally:
        connection.close()
    from alembic.script import ScriptDirectory  # only when restoring, not at every start

    known = {script.revision for script in ScriptDirectory.from_config(migrate.alembic_config()).walk_revisions()}
    if revision is None or revision[0] not in known:
        if revision is None:
            raise BackupError("backup.revision_empty", name=name)
        raise BackupError("backup.revision_unknown", name=name, revision=revision[0])
    return BackupInfo(revision[0], persons, entries)


@dataclass(frozen=True)
class Restored:
    info: BackupInfo
    previous_kept_at: Path | None
    findings: tuple[str, ...] = ()
    """What the check before the restore found, restored despite it (``--trotz-abweichung``)."""


def _keep_aside(live_path: Path, clock: Clock) -> Path | None:
    """A backup of the current database next to it; a raw copy where it is too damaged for that."""
    if not live_path.exists():
        return None
    stamp = local_now(clock).strftime("%Y%m%d-%H%M%S")
    aside = live_path.with_name(f"{live_path.name}.vor-wiederherstellung-{stamp}")
    number = 1
    while aside.exists():  # two restores within a second: the earlier copy stays
        number += 1
        aside = live_path.with_name(f"{live_path.name}.vor-wiederherstellung-{stamp}-{number}")
    try:
        backup_sqlite(live_path, aside)
    except BackupError:
        for suffix in ("", "-wal"):
            if Path(f"{live_path}{suffix}").exists():
                shutil.copy2(f"{live_path}{suffix}", f"{aside}{suffix}")
    return aside


def restore_sqlite(ctx_db: Database, source: Path, clock: Clock = SYSTEM_CLOCK, deviation: str = "") -> Restored:
    """Check ``source`` and copy it into the live database; the old one is kept aside."""
    live_path = sqlite_path(ctx_db)
    source = source.expanduser().resolve()
    if source == live_path:
        raise BackupError("backup.restore_from_itself")
    checked = live_path.with_name(f".{live_path.name}.wiederherstellung")
    checked.unlink(missing_ok=True)
    try:
        shutil.copyfile(source, checked)
    except FileNotFoundError:
        raise BackupError("backup.file_missing", name=source) from None
    except OSError as exc:
        raise BackupError("backup.unreadable", name=source, detail=exc.strerror or exc) from exc
    try:
        info = check_backup_file(checked, source.name)
        findings = _findings(
            checked, info.revision, live_path, audit_chain.read_anchor(ctx_db), audit_key.key_of(ctx_db)
        )
        if findings and not deviation:
            raise BackupError("backup.deviations", name=source.name, findings=" ".join(findings))
        aside = _keep_aside(live_path, clock)
        _copy_into_live(checked, live_path)
    finally:
        for suffix in ("", "-wal", "-shm", "-journal"):
            Path(f"{checked}{suffix}").unlink(missing_ok=True)
    return Restored(info, aside, tuple(findings))


def _findings(
    path: Path, revision: str, live_path: Path, anchor: audit_chain.ChainHead | None, key: audit_key.AuditKey | None
) -> list[str]:
    """What does not hold in the backup at ``path``: its trail (in itself, its signatures under the
    live database's key, and whether it is this database's: ``_foreign_trail``) and its documents."""
    db = Database(f"sqlite:///{path}")
    try:
        report = audit_chain.verify(db, None, key=key)
        documents = _document_problems(db)
        unprotected = _unprotected(db, revision)
    finally:
        db.dispose()
    found = []
    if unprotected:
        found.append(
            f"in der Sicherung fehlt der Schutz des Protokolls oder ist verändert ({', '.join(unprotected)}): "
            "so wiederhergestellt, ließe sich das Protokoll unbemerkt ändern."
        )
    if report.first_break is not None:
        found.append(
            f"das Protokoll in der Sicherung ist verändert (Eintrag {report.first_break.id}: "
            f"{report.first_break.reason})."
        )
    if report.signature_break is not None:
        found.append(
            f"Eintrag {report.signature_break.id} der Sicherung ist {report.signature_break.reason}"
            + (f"; {report.unsigned} Einträge insgesamt." if report.unsigned > 1 else ".")
        )
    if report.first_break is None and report.head is not None:
        foreign = _foreign_trail(path, report.head, live_path, anchor)
        if foreign is not None:
            found.append(foreign)
    return found + documents


def _unprotected(db: Database, revision: str) -> list[str]:
    """The protecting triggers the backup lacks or has changed — measured against those of its own
    schema revision (a backup of an older version had older ones; ``SQLITE_TRIGGER_HISTORY``)."""
    from alembic.script import ScriptDirectory  # only when restoring

    script = ScriptDirectory.from_config(migrate.alembic_config())
    earlier = {s.revision for s in script.iterate_revisions(revision, "base")}
    expected = audit_chain.sqlite_triggers_at(earlier)
    installed = audit_chain.installed_triggers(db)
    return [name for name, fingerprint in expected.items() if installed.get(name) != fingerprint]


def _document_problems(db: Database) -> list[str]:
    """Every document of the backup's e-file against the SHA-256 its trail entry holds."""
    from abh_desk.services.documents import verify_stored_documents  # only when restoring

    try:
        return [f"E-Akte der Sicherung: {problem}" for problem in verify_stored_documents(db).problems]
    except DBAPIError:  # an older schema without the e-file as it is now: its trail is checked above
        return []


def _foreign_trail(
    path: Path, head: audit_chain.ChainHead, live_path: Path, anchor: audit_chain.ChainHead | None
) -> str | None:
    """Why the backup's trail is not this database's, or None: at the newer one of the two heads
    the older one has, the live database — or one kept aside by an earlier restore, so that a
    restore can be undone — carries the same hash. Where none of them can be read (the live file is
    damaged), the backup must hold this workstation's anchor if it reaches that far. A backup whose
    trail was changed and chained anew holds in itself, and is found so before anything is replaced."""
    report_head = head
    witnesses = [live_path, *sorted(live_path.parent.glob(f"{live_path.name}.vor-wiederherstellung-*"))]
    compared = 0
    for witness in witnesses:
        try:
            same = _same_trail(path, report_head.id, witness)
        except sqlite3.DatabaseError:
            continue  # damaged, or no ABH Desk database: no witness
        if same is None:
            continue
        compared += 1
        if same:
            return None
    if compared == 0:
        if anchor is not None and anchor.id <= report_head.id and _hash_at(path, anchor.id) != anchor.chain_hash:
            return (
                f"Eintrag {anchor.id} der Sicherung hat nicht den Prüfwert, den dieser Arbeitsplatz gemerkt "
                "hat: die Sicherung wurde verändert und neu verkettet."
            )
        return None
    return (
        "das Protokoll der Sicherung passt weder zu dem dieser Datenbank noch zu einer früher beiseite "
        "gelegten: die Sicherung wurde verändert und neu verkettet, oder sie stammt von einer anderen Datenbank."
    )


def _same_trail(backup: Path, backup_head: int, witness: Path) -> bool | None:
    """Whether ``backup`` and ``witness`` agree at the older of their two heads; None where the
    witness has no trail."""
    witness_head = _newest_id(witness)
    if witness_head is None:
        return None
    common = min(backup_head, witness_head)
    found = _hash_at(backup, common)
    return found is not None and found == _hash_at(witness, common)


def _newest_id(path: Path) -> int | None:
    connection = _connect(path)
    try:
        row = connection.execute("SELECT max(id) FROM audit_events").fetchone()
    finally:
        connection.close()
    return None if row is None or row[0] is None else int(row[0])


def _hash_at(path: Path, entry_id: int) -> str | None:
    connection = _connect(path)
    try:
        row = connection.execute("SELECT chain_hash FROM audit_events WHERE id = ?", (entry_id,)).fetchone()
    finally:
        connection.close()
    return None if row is None else str(row[0])


def _copy_into_live(checked: Path, live_path: Path) -> None:
    source = _connect(checked)
    try:
        source.execute("PRAGMA journal_mode=DELETE")
        live = _connect(live_path)
        try:
            source.backup(live)
        finally:
            live.close()
    except sqlite3.Error as exc:
        raise BackupError("backup.restore_failed", detail=exc) from exc
    finally:
        source.close()


def after_restore(ctx: ServiceContext, restored: Restored, source: Path, deviation: str = "") -> None:
    """Bring the restored database to this program's schema, anchor the audit trail on it and log
    the restore there (with the anchor it replaced, and the reason where the backup matched no
    state of this database)."""
    migrate.upgrade(ctx.db)
    before = audit_chain.read_anchor(ctx.db)
    report = audit_chain.verify(ctx.db, None)
    kept = audit_chain.reset_anchor(ctx.db, report.head, ctx.now()) if report.head is not None else None
    with ctx.unit_of_work() as uow:
        uow.audit(
            "datenbank_wiederhergestellt",
            "datenbank",
            None,
            datei=source.name,
            schemastand=restored.info.revision,
            bisherige_datenbank=restored.previous_kept_at.name if restored.previous_kept_at else None,
            bisheriger_anker=f"{before.id}:{before.chain_hash}" if before else None,
            bisherige_ankerdatei_aufbewahrt=kept.name if kept else None,
            trotz_abweichung=deviation or None,
            befunde=list(restored.findings) or None,
        )
        uow.commit()
