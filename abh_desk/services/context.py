"""What every service call needs: the database, the catalogue, and who is acting.

Services are functions ``f(ctx, ...)`` returning frozen dataclasses. Writing services open a
``UnitOfWork``: leaving it without ``commit()`` rolls everything back, so a failed save leaves the
database as it was.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from types import TracebackType
from typing import Any

from sqlalchemy import insert
from sqlalchemy.orm import Session

from abh_desk.domain.catalogue import Catalogue
from abh_desk.domain.enums import Role
from abh_desk.errors import Cancelled
from abh_desk.storage import Database
from models import AuditEvent
from models.base import utcnow


class Progress:
    """Reports progress of long work and asks whether the user cancelled it.

    The default does nothing; the window passes one that moves a progress bar. ``check`` raises
    ``Cancelled`` so that the unit of work rolls everything back."""

    def report(self, done: int, total: int) -> None:
        pass

    def cancelled(self) -> bool:
        return False

    def check(self) -> None:
        if self.cancelled():
            raise Cancelled("Abgebrochen – es wurde nichts geändert.")


NO_PROGRESS = Progress()


@dataclass(frozen=True)
class Actor:
    """The signed-in user (or the system, for batch work)."""

    user_id: int | None
    username: str
    role: Role


SYSTEM = Actor(None, "system", Role.ADMIN)


@dataclass(frozen=True)
class ServiceContext:
    db: Database
    catalogue: Catalogue
    actor: Actor = SYSTEM

    def as_user(self, actor: Actor) -> ServiceContext:
        return ServiceContext(self.db, self.catalogue, actor)

    def unit_of_work(self) -> UnitOfWork:
        return UnitOfWork(self)


class UnitOfWork:
    """One transaction. ``with ctx.unit_of_work() as uow: ...; uow.commit()``."""

    session: Session

    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

    def __enter__(self) -> UnitOfWork:
        self.session = self.ctx.db.write_sessions()
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.session.rollback()
        self.session.close()

    def commit(self) -> None:
        self.session.commit()

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
        self.session.add(AuditEvent(**self._event(action, entity, entity_id, case_id, {**(data or {}), **payload})))

    def audit_many(self, action: str, entity: str, events: Sequence[tuple[int, int | None, Mapping[str, Any]]]) -> None:
        """Many log entries at once (entity id, case id, payload), written in one bulk insert."""
        if events:
            self.session.flush()
            rows = [self._event(action, entity, entity_id, case_id, payload) for entity_id, case_id, payload in events]
            self.session.execute(insert(AuditEvent), rows)

    def _event(
        self, action: str, entity: str, entity_id: int | None, case_id: int | None, payload: Mapping[str, Any]
    ) -> dict[str, Any]:
        payload_json = json.dumps(dict(payload), ensure_ascii=False, sort_keys=True, default=str)
        return {
            "occurred_at": utcnow(),
            "user_id": self.ctx.actor.user_id,
            "action": action,
            "entity": entity,
            "entity_id": entity_id,
            "case_id": case_id,
            "payload_json": payload_json,
            "payload_hash": hashlib.sha256(payload_json.encode()).hexdigest(),
        }
