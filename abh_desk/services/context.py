"""What every service call needs: the database, the catalogue, and who is acting.

Services are functions ``f(ctx, ...)`` returning frozen dataclasses. Writing services open a
``UnitOfWork``: leaving it without ``commit()`` rolls everything back, so a failed save leaves the
database as it was.
"""

from __future__ import annotations

import dataclasses
import json
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from types import TracebackType
from typing import Any

from sqlalchemy import Connection, event, func, select
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from abh_desk import audit_chain, audit_key, change_watch, pg_sessions
from abh_desk.clock import SYSTEM_CLOCK, Clock, FixedClock, office_day
from abh_desk.domain.catalogue import Catalogue
from abh_desk.domain.enums import Role
from abh_desk.errors import StaleRecord
from abh_desk.progress import NO_PROGRESS as NO_PROGRESS
from abh_desk.progress import Progress as Progress
from abh_desk.services.read_log import ReadLog, not_yet_written
from abh_desk.storage import Database

# Columns a new row gets the transaction's moment in, when the service did not set them.
STAMPED_ON_INSERT = ("created_at", "updated_at", "occurred_at", "granted_at", "recorded_at")


@dataclass(frozen=True)
class Actor:
    """The signed-in user (or the system, for batch work)."""

    user_id: int | None
    username: str
    role: Role
    server_session: str | None = dataclasses.field(default=None, compare=False, repr=False)
    """The token of the user's sign-in session on a PostgreSQL server (``abh_desk.pg_sessions``):
    held in memory only, set in every writing transaction; None on SQLite and the owner's login."""


SYSTEM = Actor(None, "system", Role.ADMIN)


@dataclass(frozen=True)
class ServiceContext:
    """The database, the catalogue, who is acting, and the one clock every "today" and "now" of
    a service call comes from (``abh_desk.clock``)."""

    db: Database
    catalogue: Catalogue
    actor: Actor = SYSTEM
    clock: Clock = SYSTEM_CLOCK
    reads: ReadLog = dataclasses.field(default_factory=ReadLog, compare=False, repr=False)
    """Reads of personal data noted, not yet in the audit trail (``services.read_log``); shared by
    every context made from this one."""
    origin: str | None = dataclasses.field(default=None, compare=False)
    """Which window acts through this context (``in_window``): the windows told of a change
    (``change_watch.listen_here``) know whether they made it themselves."""

    def as_user(self, actor: Actor) -> ServiceContext:
        return dataclasses.replace(self, actor=actor)

    def in_window(self, origin: str) -> ServiceContext:
        """This context for one window: its changes are told to the others as made by ``origin``."""
        return dataclasses.replace(self, origin=origin)

    def today(self) -> date:
        """The office's day now (Europe/Berlin)."""
        return self.clock.today()

    def now(self) -> datetime:
        """Now, aware, in UTC."""
        return self.clock.now()

    def frozen(self) -> ServiceContext:
        """This context with its clock stopped at now: a call made of several services sees one
        day throughout, even when it runs across midnight."""
        return dataclasses.replace(self, clock=FixedClock(self.now()))

    def unit_of_work(self) -> UnitOfWork:
        return UnitOfWork(self)


class UnitOfWork:
    """One transaction. ``with ctx.unit_of_work() as uow: ...; uow.commit()``.

    Audit entries are collected and appended to the hash chain at ``commit()``, in the same
    transaction as the change (``abh_desk.audit_chain``); a rollback drops them with the change."""

    session: Session

    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx
        self._events: list[dict[str, Any]] = []
        # One moment for the whole transaction: every log entry and time stamp it writes.
        self.now = ctx.now()
        self.today = office_day(self.now)

    def __enter__(self) -> UnitOfWork:
        self.session = self.ctx.db.write_sessions()
        event.listen(self.session, "after_soft_rollback", self._forget_events)
        event.listen(self.session, "before_flush", self._stamp)
        event.listen(self.session, "after_begin", self._use_server_session)
        return self

    def _use_server_session(self, _session: Session, _transaction: object, connection: Connection) -> None:
        """The signed-in user's server session for the transaction (PostgreSQL's four-eyes triggers);
        one statement, only where there is one."""
        token = self.ctx.actor.server_session
        if token is not None:
            connection.execute(select(func.set_config(pg_sessions.SETTING, token, True)))

    def _stamp(self, session: Session, _context: object, _instances: object) -> None:
        """Time stamps of new and changed rows come from the context's clock (the mappings have no
        wall-clock defaults): ``created_at`` and the like once, ``updated_at`` on every change."""
        for row in session.new:
            for name in STAMPED_ON_INSERT:
                if hasattr(row, name) and getattr(row, name) is None:
                    setattr(row, name, self.now)
        for row in session.dirty:
            if hasattr(row, "updated_at") and session.is_modified(row, include_collections=False):
                row.updated_at = self.now

    def _begin(self) -> None:
        """Collected entries belong to the session's transaction: begin one, so a rollback (which
        forgets them) is a real one even before any SQL ran."""
        if not self.session.in_transaction():
            self.session.begin()

    def _forget_events(self, _session: Session, _previous: object) -> None:
        self._events = []

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.session.rollback()
        self.session.close()
        refused = pg_sessions.refusal(exc)
        if refused is not None:  # the server's four-eyes triggers said no: in German, nothing saved
            raise refused from exc

    def commit(self) -> None:
        """Commit the change and its audit entries, and before them the reads this context noted
        (``services.read_log``); where the commit fails, the reads stay noted. Where the commit's
        outcome is unknown (the server committed, the connection broke before it said so), they are
        noted with the first entry they were written as, and left out at the next commit if the
        trail holds it."""
        appended = None
        written: tuple[int, int] | None = None
        committing = False
        db = self.ctx.db
        reads = self.ctx.reads.drain()
        events: list[dict[str, Any]] = []
        changed: list[dict[str, Any]] = []
        try:
            if any(n.written_as is not None for n in reads):
                self._begin()  # under the chain's lock: the commit in doubt has ended one way or the other
                audit_chain.lock_chain(self.session, db.backend, audit_chain.chain_of(db))
                reads = not_yet_written(self.session, reads)
            events = [
                audit_row(n.occurred_at, n.user_id, n.action, n.entity, n.entity_id, n.case_id, n.details)
                for n in reads
            ] + self._events
            if events:
                self._begin()
                self.session.flush()
                changed = [e for e in events if not e["action"].endswith(READ_SUFFIX)]
                if changed:
                    # A change, not only reads: the other windows are told at commit. Asked for before
                    # the chain's lock is taken, so it costs nothing while the lock is held.
                    change_watch.announce(self.session, db, changed)
                appended = audit_chain.append(
                    self.session,
                    db.backend,
                    events,
                    audit_chain.read_anchor(db),
                    audit_chain.chain_of(db),
                    audit_key.key_of(db),
                )
                # Noted as this workstation's before the commit: the notification arrives with it.
                written = (appended.head.id - len(events) + 1, appended.head.id)
                change_watch.remember_written(db, *written)
            committing = True
            self.session.commit()
            if appended is not None and appended.locked_at is not None and audit_chain.lock_times is not None:
                audit_chain.lock_times.holds.append((time.perf_counter() - appended.locked_at) * 1000)
        except StaleDataError as exc:
            if written is not None:
                change_watch.forget_written(self.ctx.db, *written)
            # Another workstation saved a record of this transaction since it was read here (the
            # services check versions first; this is the race between check and write).
            self.session.rollback()
            self.ctx.reads.put_back(reads, _first_entry(events) if committing else None)
            raise StaleRecord("context.changed_at_once") from exc
        except BaseException:
            if written is not None:  # not committed (or not known to be): not this workstation's change
                change_watch.forget_written(self.ctx.db, *written)
            self.ctx.reads.put_back(reads, _first_entry(events) if committing and reads else None)
            raise
        self._events = []
        if appended is not None:
            audit_chain.remember(self.ctx.db, appended, self.now)
        # The open windows of this program hear of it now, not when another workstation would.
        change_watch.tell_here(db, changed, self.ctx.origin)

    def audit(
        self,
        action: str,
        entity: str,
        entity_id: int | None,
        case_id: int | None = None,
        data: Mapping[str, Any] | None = None,
        **payload: Any,
    ) -> None:
        """Log who did what, in this same transaction (old and new values go into the payload)."""
        self._begin()
        self._events.append(self._event(action, entity, entity_id, case_id, {**(data or {}), **payload}))

    def audit_many(self, action: str, entity: str, events: Sequence[tuple[int, int | None, Mapping[str, Any]]]) -> None:
        """Many log entries at once (entity id, case id, payload), written in one bulk insert at commit."""
        self._begin()
        self._events.extend(
            self._event(action, entity, entity_id, case_id, payload) for entity_id, case_id, payload in events
        )

    def _event(
        self,
        action: str,
        entity: str,
        entity_id: int | None,
        case_id: int | None,
        payload: Mapping[str, Any],
    ) -> dict[str, Any]:
        return audit_row(self.now, self.ctx.actor.user_id, action, entity, entity_id, case_id, payload)


def _first_entry(events: Sequence[Mapping[str, Any]]) -> tuple[int, str] | None:
    """The id and chain hash the first entry of a commit got (the reads come first)."""
    if not events or "chain_hash" not in events[0]:
        return None
    return int(events[0]["id"]), str(events[0]["chain_hash"])


READ_SUFFIX = "_gelesen"
"""The ending of every read entry's action (``services.read_log``): a read is no change."""


def audit_row(
    occurred_at: datetime,
    user_id: int | None,
    action: str,
    entity: str,
    entity_id: int | None,
    case_id: int | None,
    payload: Mapping[str, Any],
) -> dict[str, Any]:
    """An audit entry as ``audit_chain.append`` takes it (it sets the id and the chain hash)."""
    payload_json = json.dumps(dict(payload), ensure_ascii=False, sort_keys=True, default=str)
    return {
        "occurred_at": occurred_at,
        "user_id": user_id,
        "action": action,
        "entity": entity,
        "entity_id": entity_id,
        "case_id": case_id,
        "payload_json": payload_json,
        "payload_hash": audit_chain.payload_hash(payload_json),
    }
