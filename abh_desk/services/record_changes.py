"""What changed a record since a user loaded it: the stored values now and who saved them when —
so that a stale save is answered with "reload or compare", never with a silent overwrite."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from datetime import datetime

from sqlalchemy import select

from abh_desk.errors import NotFound
from abh_desk.services.context import ServiceContext
from abh_desk.services.persons import PersonDetail, PersonInput, person_detail, person_input
from models import AuditEvent, Person, User


@dataclass(frozen=True)
class LastChange:
    who: str
    when: datetime | None
    fields: tuple[str, ...]  # the changed fields as the log names them


@dataclass(frozen=True)
class FieldDifference:
    field: str
    mine: str
    stored: str


@dataclass(frozen=True)
class StoredPerson:
    detail: PersonDetail
    change: LastChange
    differences: tuple[FieldDifference, ...]


def last_change(ctx: ServiceContext, entity: str, entity_id: int) -> LastChange:
    with ctx.db.read() as session:
        row = session.execute(
            select(AuditEvent, User.display_name)
            .outerjoin(User, User.id == AuditEvent.user_id)
            .where(
                AuditEvent.entity == entity,
                AuditEvent.entity_id == entity_id,
                AuditEvent.action.endswith("_geaendert", autoescape=True),
            )
            .order_by(AuditEvent.id.desc())
            .limit(1)
        ).first()
    if row is None:
        return LastChange("unbekannt", None, ())
    event, who = row
    payload = json.loads(event.payload_json or "{}")
    return LastChange(who or "System", event.occurred_at, tuple(sorted(payload)))


def compare_person(ctx: ServiceContext, person_id: int, mine: PersonInput) -> StoredPerson:
    """The person as stored now, who changed it last, and where the user's input differs from it."""
    with ctx.db.read() as session:
        person = session.get(Person, person_id)
        if person is None:
            raise NotFound(f"Person {person_id} gibt es nicht (mehr).")
        detail = person_detail(person)
    stored = asdict(person_input(detail))
    differences = tuple(
        FieldDifference(field, str(value), str(stored[field]))
        for field, value in asdict(mine).items()
        if str(value).strip() != str(stored[field]).strip()
    )
    return StoredPerson(detail, last_change(ctx, "person", person_id), differences)
