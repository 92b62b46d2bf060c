"""Start checks of the SQLite file: its settings always, its integrity once a day.

The settings (WAL, ``synchronous=FULL``, foreign keys) are what make a killed process or a power
cut lose nothing that was acknowledged; where the file system does not allow them (e.g. WAL on a
read-only or unusual file system) the program refuses to start rather than run unsafely.

``PRAGMA quick_check`` reads the whole file: 3 to 10 s at a million persons (1.1 GB). It runs at
every start while the file is small, otherwise at the first start of the day on this workstation
(the time of the last clean check is kept in the data directory). With it, the query planner's
statistics are refreshed (``refresh_statistics``).
"""

from __future__ import annotations

import json
from datetime import datetime, timedelta
from pathlib import Path

from sqlalchemy import text
from sqlalchemy.exc import DBAPIError

from abh_desk.config import data_dir
from abh_desk.errors import ConfigurationError
from abh_desk.storage import Database

EXPECTED = {"journal_mode": "wal", "synchronous": 2, "foreign_keys": 1}
LABELS = {
    "journal_mode": "Journal-Modus WAL",
    "synchronous": "synchronous=FULL (2)",
    "foreign_keys": "Fremdschlüssel-Prüfung",
}
ALWAYS_CHECK_BELOW_BYTES = 256 * 1024 * 1024
CHECK_EVERY = timedelta(hours=20)
STATE_FILE = "integritaet.json"
#: Rows per index that ANALYZE samples.
ANALYSIS_LIMIT = 1000


def check_settings(db: Database) -> None:
    pragmas = db.sqlite_pragmas()
    wrong = [f"{LABELS[name]} (ist: {pragmas[name]})" for name, wanted in EXPECTED.items() if pragmas[name] != wanted]
    if wrong:
        raise ConfigurationError("db_checks.unsafe_settings", url=db.display_url, settings=", ".join(wrong))


def _state_path() -> Path:
    return data_dir() / STATE_FILE


def _last_clean_check(key: str) -> datetime | None:
    try:
        value = json.loads(_state_path().read_text(encoding="utf-8")).get(key)
        return datetime.fromisoformat(value) if isinstance(value, str) else None
    except (OSError, ValueError, AttributeError):
        return None


def _remember_clean_check(key: str, when: datetime) -> None:
    path = _state_path()
    try:
        state = json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}
        if not isinstance(state, dict):
            state = {}
        state[key] = when.isoformat(timespec="seconds")
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(f"{path.name}.tmp")
        tmp.write_text(json.dumps(state, indent=1), encoding="utf-8")
        tmp.replace(path)
    except (OSError, ValueError):
        pass  # the check runs again next time


def sqlite_file(db: Database) -> Path | None:
    """The SQLite database file, where ``db`` is one (not in memory)."""
    name = db.url.database
    if db.backend != "sqlite" or not name or name == ":memory:" or name.startswith("file:"):
        return None
    return Path(name).expanduser().resolve()


def integrity_due(db: Database, now: datetime) -> bool:
    path = sqlite_file(db)
    try:
        size = path.stat().st_size if path else 0
    except OSError:
        return True
    last = _last_clean_check(db.display_url)
    return size < ALWAYS_CHECK_BELOW_BYTES or last is None or now - last >= CHECK_EVERY


def check_integrity(db: Database) -> None:
    try:
        with db.engine.connect() as connection:
            rows = [str(row[0]) for row in connection.execute(text("PRAGMA quick_check(10)"))]
    except DBAPIError as exc:  # damage where SQLite cannot even walk the file
        rows = [str(exc.orig)]
    if rows != ["ok"]:
        raise ConfigurationError("db_checks.damaged", path=sqlite_file(db), problems="; ".join(rows))


def check_length(db: Database) -> None:
    """A file shorter than its pages (cut off by a full disk or a broken copy) is refused at once;
    the full integrity check runs only from time to time. Pages still in the WAL are not counted."""
    path = sqlite_file(db)
    if path is None or not path.exists() or Path(f"{path}-wal").exists():
        return
    with db.engine.connect() as connection:
        pages = int(connection.exec_driver_sql("PRAGMA page_count").scalar() or 0)
        size = int(connection.exec_driver_sql("PRAGMA page_size").scalar() or 0)
    length, expected = path.stat().st_size, pages * size
    if length < expected:
        raise ConfigurationError("db_checks.truncated", path=path, length=_bytes(length), expected=_bytes(expected))


def _bytes(count: int) -> str:
    return f"{count:,}".replace(",", ".")


def check_sqlite(db: Database, now: datetime) -> None:
    """The start checks; a German ``ConfigurationError`` where the file must not be used. ``now``
    (from the clock) decides whether the full integrity check is due."""
    if db.backend != "sqlite":
        return
    check_length(db)
    check_settings(db)
    if integrity_due(db, now):
        check_integrity(db)
        refresh_statistics(db)
        _remember_clean_check(db.display_url, now)


def refresh_statistics(db: Database) -> None:
    """``ANALYZE`` on a sample (``analysis_limit``; 30 ms at a million persons): the row counts the
    query planner needs. Without them SQLite guessed that the open deadlines were as few as a
    person's cases and read every open deadline to open one case (0.7–1.3 s at a million persons;
    BENCHMARKS.md). Runs with the integrity check; a busy database skips it until next time."""
    try:
        with db.engine.execution_options(sqlite_begin="IMMEDIATE").connect() as connection:
            connection.exec_driver_sql(f"PRAGMA analysis_limit={ANALYSIS_LIMIT}")
            connection.exec_driver_sql("ANALYZE")
            connection.commit()
    except DBAPIError:
        pass
