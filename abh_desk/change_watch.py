"""Waiting for changes other workstations commit — without reading the tables (issue 21).

PostgreSQL: every transaction that logs a change sends ``NOTIFY abh_desk_aenderungen`` at its
commit (``announce``, called by the unit of work), and the watcher ``LISTEN``s on a connection of
its own. SQLite: ``PRAGMA data_version`` on a connection of the watcher's own changes whenever
another connection committed — a counter in the database's shared memory, no table is read.

Either way the watcher only says *that* something may have changed; what changed is read from the
audit trail afterwards (``services.live_changes.changes_since``), where every change is logged.

Within this program (issue 22, part 9) the unit of work tells the windows itself: after each
commit it calls the listeners registered with ``listen_here`` with the same list of changes the
notification carries, and which window acted (``ServiceContext.origin``). Every open screen hears
of a change the same way, whether it was made in another of its windows or at another workstation.
"""

from __future__ import annotations

import json
import logging
import sqlite3
import threading
import time
from collections.abc import Callable, Mapping, Sequence
from typing import Any

from sqlalchemy import text
from sqlalchemy.orm import Session

from abh_desk.storage import Change, Database

log = logging.getLogger(__name__)

CHANNEL = "abh_desk_aenderungen"
CHECK_SECONDS = 60.0
"""How often the listening PostgreSQL connection is checked with a statement."""
SQLITE_INTERVAL = 0.25
"""Seconds between two looks at SQLite's change counter (a few microseconds each)."""


_written_lock = threading.Lock()


def remember_written(db: Database, first_id: int, last_id: int) -> None:
    """The unit of work notes the ids of the entries committed through ``db`` (first..last)."""
    with _written_lock:
        db.written_here.append((first_id, last_id))


def forget_written(db: Database, first_id: int, last_id: int) -> None:
    """The transaction of those ids did not commit after all."""
    with _written_lock:
        if (first_id, last_id) in db.written_here:
            db.written_here.remove((first_id, last_id))


def written_here(db: Database, entry_id: int) -> bool:
    """True for an entry committed through ``db`` — by this workstation, whose window has shown
    that change already."""
    with _written_lock:
        return any(first <= entry_id <= last for first, last in db.written_here)


def changes_of(events: Sequence[Mapping[str, Any]]) -> list[Change]:
    """What a window is told of the audit entries ``events`` (``Change``: no personal data)."""
    return [(e["entity"], e["entity_id"], e["case_id"], e["user_id"], e["action"]) for e in events]


Listener = Callable[[list[Change], str | None], None]


def listen_here(db: Database, listener: Listener) -> None:
    """``listener(changes, origin)`` is called after every commit through ``db`` that changed
    something (reads are not changes), on the committing thread: keep it short."""
    with _written_lock:
        db.listeners_here.append(listener)


def stop_listening_here(db: Database, listener: Listener) -> None:
    with _written_lock:
        if listener in db.listeners_here:
            db.listeners_here.remove(listener)


def tell_here(db: Database, events: Sequence[Mapping[str, Any]], origin: str | None) -> None:
    """The unit of work committed ``events``: tell this program's listeners. A listener that fails
    is logged; the change is committed all the same and the caller is not troubled with it."""
    with _written_lock:
        listeners = list(db.listeners_here)
    if not listeners or not events:
        return
    changes = changes_of(events)
    for listener in listeners:
        try:
            listener(changes, origin)
        except Exception:
            log.exception("Ein Fenster konnte von einer Änderung nicht unterrichtet werden")


MAX_PAYLOAD = 7_000
"""PostgreSQL takes up to 8,000 bytes; a bigger change (a batch job) is announced as "everything"."""


def announce(session: Session, db: Database, events: Sequence[Mapping[str, Any]]) -> None:
    """Tell the listening workstations, at this transaction's commit, what changed: entity, record,
    case, user and action of each entry (no personal data), and which program did it (``db.token``).

    PostgreSQL delivers the notification only if the transaction commits, in commit order — with a
    chain per workstation the audit ids no longer are. On SQLite there is nothing to do: the commit
    itself moves the counter, and ids follow the one chain."""
    if db.backend != "postgresql":
        return
    changes = changes_of(events)
    payload = json.dumps({"von": db.token, "e": changes}, separators=(",", ":"), ensure_ascii=False)
    if len(payload.encode("utf-8")) > MAX_PAYLOAD:
        payload = json.dumps({"von": db.token, "alles": True})
    session.execute(text("SELECT pg_notify(:channel, :payload)"), {"channel": CHANNEL, "payload": payload})


class ChangeWatcher:
    """``wait(timeout)`` returns True when another connection may have committed a change.

    Use from one thread only (the watcher's); ``close()`` from that thread, too."""

    def __init__(self, db: Database) -> None:
        self.backend = db.backend
        self._sqlite: sqlite3.Connection | None = None
        self._pg: Any = None
        self._pg_driver: Any = None
        self._version: int | None = None
        self._checked = 0.0
        self.notes: list[str] = []
        if db.backend == "sqlite":
            database = db.url.database
            if not database:
                raise ValueError("SQLite ohne Datei: keine Änderungen anderer Verbindungen möglich")
            self._sqlite = sqlite3.connect(database, timeout=1.0, check_same_thread=False)
            self._version = self._data_version()
        else:
            self._pg = db.engine.raw_connection()
            try:
                self._pg_driver = self._pg.driver_connection
                self._pg_driver.autocommit = True
                self._pg_driver.execute(f"LISTEN {CHANNEL}")
            except BaseException:
                self._pg.invalidate()  # never back into the pool in autocommit
                raise
            self._checked = time.monotonic()

    def _data_version(self) -> int:
        assert self._sqlite is not None
        return int(self._sqlite.execute("PRAGMA data_version").fetchone()[0])

    def wait(self, timeout: float) -> bool:
        """Block up to ``timeout`` seconds; True as soon as a change was committed elsewhere."""
        if self._sqlite is not None:
            deadline = time.monotonic() + timeout
            while True:
                version = self._data_version()
                if version != self._version:
                    self._version = version
                    return True
                left = deadline - time.monotonic()
                if left <= 0:
                    return False
                time.sleep(min(SQLITE_INTERVAL, left))
        if time.monotonic() - self._checked > CHECK_SECONDS:
            # A connection dropped without a word (a firewall's idle timeout) would wait forever;
            # a statement now and then finds it, and the caller listens anew.
            self._pg_driver.execute("SELECT 1")
            self._checked = time.monotonic()
        got = False
        for note in self._pg_driver.notifies(timeout=timeout, stop_after=1):
            self.notes.append(note.payload)
            got = True
        if got:  # what arrived meanwhile comes with it
            for note in self._pg_driver.notifies(timeout=0.0):
                self.notes.append(note.payload)
        return got

    def take_notes(self) -> list[str]:
        """PostgreSQL: the notifications' payloads received since the last call (``announce``)."""
        notes, self.notes = self.notes, []
        return notes

    def close(self) -> None:
        if self._sqlite is not None:
            self._sqlite.close()
            self._sqlite = None
        if self._pg is not None:
            # A connection that listens is not given back to the pool for others.
            self._pg.invalidate()
            self._pg = None
