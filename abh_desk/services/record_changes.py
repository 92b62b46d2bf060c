"""What changed a record since a user loaded it: the stored values now and who saved them when —
so that a stale save is answered with "reload or compare", never with a silent overwrite."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import datetime

from abh_desk.errors import NotFound
from abh_desk.services.changes import last_change
from abh_desk.services.context import ServiceContext
from abh_desk.services.persons import PersonDetail, PersonInput, person_detail, person_input
from abh_desk.services.read_log import note_read
from models import Person


@dataclass(frozen=True)
class LastChange:
    who: str
    when: datetime | None


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


def compare_person(ctx: ServiceContext, person_id: int, mine: PersonInput) -> StoredPerson:
    """The person as stored now, who changed it last, and where the user's input differs from it."""
    with ctx.db.read() as session:
        person = session.get(Person, person_id)
        if person is None:
            raise NotFound("record_changes.person_not_found", person_id=person_id)
        detail = person_detail(person)
        change = last_change(session, "person", person_id)
    stored = asdict(person_input(detail))
    differences = tuple(
        FieldDifference(field, str(value), str(stored[field]))
        for field, value in asdict(mine).items()
        if str(value).strip() != str(stored[field]).strip()
    )
    who, when = change if change is not None else ("unbekannt", None)
    note_read(ctx, "person_gelesen", "person", person_id, anlass="Vergleich mit gespeicherten Daten")
    return StoredPerson(detail, LastChange(who, when), differences)
