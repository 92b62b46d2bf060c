"""Reads of personal data in the audit trail (domain.md §11; issue 24, part 5): who saw what.

A person's file is logged in the transaction that reads it (``persons.get_person_file``): where
that entry cannot be written, the file is not shown. Everything else that shows personal data — a
search with its text and how many it found, a case file, a notice, a letter, a list of deadlines,
cases, cards or notices under review — is noted in the context's read log (``ServiceContext.reads``)
without a write of its own. The notes go into the audit trail, chained like every entry, with the
next change that context commits (``UnitOfWork.commit``) or by ``flush``: the window flushes every
``FLUSH_SECONDS``, at the idle lock and when it closes; the command line before it prints what
its command found; a log that reaches ``MAX_PENDING`` notes flushes at once. So the counter search stays
a read — no write transaction, no wait for the writer lock, per keystroke.

The price, said plainly: what a killed process had noted but not yet flushed (at most
``FLUSH_SECONDS`` of reading) is lost with it. The same read repeated at once (the case window
reloading after each tick) is counted on one note (``anzahl``), not written again.

A commit whose outcome is unknown — the server committed, then the connection broke before the
program heard so — puts its notes back with the first entry they were written as (id and chain
hash, which no other entry has). The next commit looks that entry up (under the chain's lock, when
the commit in doubt has ended) and leaves out the notes the trail holds already: never written twice.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from models import AuditEvent

if TYPE_CHECKING:
    from abh_desk.services.context import ServiceContext

FLUSH_SECONDS = 20
MAX_PENDING = 500


@dataclass
class ReadNote:
    occurred_at: datetime
    user_id: int | None
    action: str
    entity: str
    entity_id: int | None
    case_id: int | None
    payload: dict[str, Any]
    count: int = 1
    written_as: tuple[int, str] | None = None
    """Put back from a commit whose outcome is unknown: the first entry of that commit (id, hash)."""

    @property
    def details(self) -> dict[str, Any]:
        return {**self.payload, "anzahl": self.count} if self.count > 1 else self.payload

    def same_read(self, other: ReadNote) -> bool:
        if self.written_as is not None:  # perhaps written already: its count must not grow
            return False
        return (self.user_id, self.action, self.entity, self.entity_id, self.case_id, self.payload) == (
            other.user_id,
            other.action,
            other.entity,
            other.entity_id,
            other.case_id,
            other.payload,
        )


class ReadLog:
    """The reads a context noted and has not yet written (shared by the contexts made from it).
    Thread-safe: the window's worker thread notes, a timer's task flushes."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._notes: list[ReadNote] = []

    def __len__(self) -> int:
        with self._lock:
            return len(self._notes)

    def add(self, note: ReadNote) -> int:
        with self._lock:
            if self._notes and self._notes[-1].same_read(note):
                self._notes[-1].count += 1
            else:
                self._notes.append(note)
            return len(self._notes)

    def drain(self) -> list[ReadNote]:
        """The notes, oldest first; the log is empty after."""
        with self._lock:
            notes, self._notes = self._notes, []
        return notes

    def put_back(self, notes: list[ReadNote], written_as: tuple[int, str] | None = None) -> None:
        """The notes of a commit that failed: noted again, before anything noted since.
        ``written_as``: the commit's outcome is unknown; its first entry, to look up before writing
        again (without: notes still in doubt from an earlier commit keep theirs)."""
        if written_as is not None:
            for note in notes:
                note.written_as = written_as
        with self._lock:
            self._notes[:0] = notes


def not_yet_written(session: Session, notes: list[ReadNote]) -> list[ReadNote]:
    """``notes`` without those of a commit in doubt that did commit (the trail holds its first entry)."""
    committed = set()
    for marker in {n.written_as for n in notes if n.written_as is not None}:
        entry_id, chain_hash = marker
        found = session.scalar(
            select(AuditEvent.id).where(AuditEvent.id == entry_id, AuditEvent.chain_hash == chain_hash)
        )
        if found is not None:
            committed.add(marker)
    kept = [n for n in notes if n.written_as not in committed]
    for note in kept:
        note.written_as = None
    return kept


def note_read(
    ctx: ServiceContext,
    action: str,
    entity: str,
    entity_id: int | None = None,
    case_id: int | None = None,
    **payload: Any,
) -> None:
    """Note that the acting user was shown personal data (``action`` ends in ``_gelesen``, so that
    change histories leave it out: ``changes.last_change``)."""
    assert action.endswith("_gelesen"), action
    note = ReadNote(ctx.now(), ctx.actor.user_id, action, entity, entity_id, case_id, payload)
    if ctx.reads.add(note) >= MAX_PENDING:
        flush(ctx)


def flush(ctx: ServiceContext) -> int:
    """Write the noted reads into the audit trail now (one transaction); returns how many."""
    pending = len(ctx.reads)
    if pending:
        with ctx.unit_of_work() as uow:
            uow.commit()
    return pending
