"""What every service call needs: the database, the catalogue, and who is acting.

Services are functions ``f(ctx, ...)`` returning frozen dataclasses. Writing services open a
``UnitOfWork``: leaving it without ``commit()`` rolls everything back, so a failed save leaves the
database as it was.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from dataclasses import dataclass
from types import TracebackType
from typing import Any

from sqlalchemy.orm import Session

from abh_desk.domain.catalogue import Catalogue
from abh_desk.domain.enums import Role
from abh_desk.storage import Database
from models import AuditEvent


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
        payload = {**(data or {}), **payload}
        payload_json = json.dumps(payload, ensure_ascii=False, sort_keys=True, default=str)
        self.session.add(
            AuditEvent(
                user_id=self.ctx.actor.user_id,
                action=action,
                entity=entity,
                entity_id=entity_id,
                case_id=case_id,
                payload_json=payload_json,
                payload_hash=hashlib.sha256(payload_json.encode()).hexdigest(),
            )
        )
