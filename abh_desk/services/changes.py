"""Who changed a record last, and when - for the message of a stale save (optimistic locking).

Every change writes an audit entry in its own transaction, so the newest entry of a record (reads
left out) names the user and the time of the change the stale save ran into.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from abh_desk.clock import OFFICE_ZONE
from abh_desk.error_texts import Label
from abh_desk.errors import StaleRecord
from models import AuditEvent, User


def last_change(session: Session, entity: str, entity_id: int) -> tuple[str, datetime] | None:
    """(display name, time) of the newest change of ``entity`` ``entity_id``; None where none is logged."""
    row = session.execute(
        select(User.display_name, AuditEvent.user_id, AuditEvent.occurred_at)
        .outerjoin(User, User.id == AuditEvent.user_id)
        .where(
            AuditEvent.entity == entity,
            AuditEvent.entity_id == entity_id,
            AuditEvent.action.not_like("%\\_gelesen", escape="\\"),
        )
        .order_by(AuditEvent.id.desc())
        .limit(1)
    ).first()
    if row is None:
        return None
    name = row.display_name or ("der Stapelverarbeitung (System)" if row.user_id is None else f"Benutzer {row.user_id}")
    return name, row.occurred_at


def stale_record(session: Session, subject: Label | str, entity: str, entity_id: int, **params: Any) -> StaleRecord:
    """The error for a save based on an outdated version. ``subject`` starts the sentence and carries
    its verb: a Label of the caller's file ("Der Vorgang wurde" / "The case was"), or a German text
    not yet moved there ("Die Stammdaten wurden")."""
    change = last_change(session, entity, entity_id)
    if change is None:
        return StaleRecord("changes.changed_elsewhere", subject=subject, **params)
    name, when = change
    return StaleRecord(
        "changes.changed_by",
        subject=subject,
        changed_by=name,
        changed_at=when,
        local=when.astimezone(OFFICE_ZONE),
        **params,
    )
