"""Two workstations on one database (two engines on one SQLite file, two PostgreSQL connections):
a save based on an outdated version is refused and says who changed the record and when; nothing
is overwritten silently, nothing half-saved."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Mapper

from abh_desk.clock import OFFICE_ZONE
from abh_desk.errors import StaleRecord
from abh_desk.services.case_access import open_with_reason
from abh_desk.services.case_file import get_case_file, mark_received, set_facts
from abh_desk.services.cases import open_case
from abh_desk.services.context import ServiceContext
from abh_desk.services.persons import PersonInput, create_person, get_person_file, update_person
from models import Base, ChecklistItem, Person, User

TODAY = date(2026, 11, 21)
PROCEDURE = "99010019001008"


def _display_name(ctx: ServiceContext, username: str) -> str:
    with ctx.db.read() as session:
        return str(session.scalar(select(User.display_name).where(User.username == username)))


def _input(city: str) -> PersonInput:
    return PersonInput("Öztürk", "Ayşe", "12.03.1990", nationality="TUR", city=city)


def test_a_stale_person_save_names_who_changed_it_and_when(
    workstations: tuple[ServiceContext, ServiceContext],
) -> None:
    schaeuble, keller = workstations
    pid = create_person(schaeuble, _input("Singen")).id
    seen_by_keller = get_person_file(keller, pid).person
    seen_by_schaeuble = get_person_file(schaeuble, pid).person
    assert seen_by_keller.version == seen_by_schaeuble.version == 1

    saved = update_person(schaeuble, pid, 1, _input("Konstanz"))
    with pytest.raises(StaleRecord) as info:
        update_person(keller, pid, seen_by_keller.version, _input("Radolfzell"))

    name = _display_name(schaeuble, "schaeuble")
    message = info.value.message
    assert message.startswith(f"Die Stammdaten wurden inzwischen von {name} am ")
    changed_at = info.value.params["changed_at"].astimezone(OFFICE_ZONE)  # the office reads German time
    assert f"am {changed_at:%d.%m.%Y} um {changed_at:%H:%M} Uhr geändert" in message
    assert "Bitte neu laden" in message and "nichts gespeichert" in message
    assert get_person_file(keller, pid).person.city == "Konstanz" and saved.version == 2
    # After reloading, the second workstation's save goes through.
    assert update_person(keller, pid, 2, _input("Radolfzell")).city == "Radolfzell"


def test_stale_checklist_and_case_saves_are_refused_with_who_and_when(
    workstations: tuple[ServiceContext, ServiceContext],
) -> None:
    schaeuble, keller = workstations
    pid = create_person(schaeuble, _input("Singen")).id
    case = open_case(schaeuble, pid, PROCEDURE, applied_on=TODAY)  # Ö: Herr Keller's case
    open_with_reason(schaeuble, case.id, "Vorsprache am Schalter, Herr Keller im Termin")
    file = get_case_file(keller, case.id)
    line = file.checklist[0]

    mark_received(schaeuble, line.id, on=TODAY, expected_version=line.version)
    with pytest.raises(StaleRecord) as info:
        mark_received(keller, line.id, on=TODAY, expected_version=line.version)
    assert f"Die Unterlage wurde inzwischen von {_display_name(keller, 'schaeuble')} am " in info.value.message

    file = get_case_file(keller, case.id)  # the tick took the case into work: both load it again
    fact = file.overview.available_facts[0][0]
    set_facts(schaeuble, case.id, {fact}, expected_version=file.overview.version)
    with pytest.raises(StaleRecord) as info:
        set_facts(keller, case.id, set(), expected_version=file.overview.version)
    assert f"Der Vorgang wurde inzwischen von {_display_name(keller, 'schaeuble')} am " in info.value.message
    assert get_case_file(keller, case.id).overview.facts == (fact,)


@pytest.mark.postgres
def test_a_race_between_check_and_write_is_a_stale_record_too(
    workstations: tuple[ServiceContext, ServiceContext], database_url: str
) -> None:
    """PostgreSQL lets both transactions read version 1; the second UPDATE then finds no row with
    that version. (On SQLite, BEGIN IMMEDIATE lets one writer in at a time, so this cannot happen.)"""
    if not database_url.startswith("postgresql"):
        pytest.skip("only PostgreSQL runs two writing transactions at once")
    schaeuble, keller = workstations
    pid = create_person(schaeuble, _input("Singen")).id
    with keller.unit_of_work() as uow:
        person = uow.session.get(Person, pid)
        assert person is not None and person.version == 1
        update_person(schaeuble, pid, 1, _input("Konstanz"))  # commits meanwhile
        person.city = "Radolfzell"
        uow.audit("person_geaendert", "person", pid, city={"alt": "Singen", "neu": "Radolfzell"})
        with pytest.raises(StaleRecord, match="gleichzeitig an einem anderen Arbeitsplatz"):
            uow.commit()
    assert get_person_file(keller, pid).person.city == "Konstanz"


# Tables without a version: written once and never edited, or replaced as a whole under a lock.
UNVERSIONED = {
    "audit_events": "append-only",
    "card_handovers": "written once at the handover",
    "areas": "created from the rule file",
    "assignment_rules": "replaced as a whole, under a lock on the areas",
    "deputies": "created and removed, not edited",
    "file_number_counters": "incremented in the database (ON CONFLICT DO UPDATE SET last_value = last_value + n)",
    "office_settings": "each key written alone; a change applies on top of the current values",
    "retention_events": "recorded once, deleted with the person",
    "case_access": "granted once (shared or with a reason), never edited",
    "access_tokens": "issued once; revoking sets a time stamp, using it one (single UPDATEs, as sign-ins do)",
    "case_documents": "taken in once (scanned, received, or with a file from another authority), never edited; "
    "removing one is a logged delete",
    "document_chunks": "written once with their document, deleted with it",
    "appointment_units": "inserted and deleted with their appointment, never edited; the key refuses a double booking",
    "absences": "entered once, never edited",
    "appointment_lengths": "one value per procedure, each written alone (as the office settings)",
    "caseworker_calendars": "a caseworker's hours and room, written as a whole (as the office settings)",
}


def test_every_editable_table_is_versioned() -> None:
    mappers: list[Mapper[object]] = list(Base.registry.mappers)
    missing = [
        m.local_table.name  # type: ignore[attr-defined]
        for m in mappers
        if m.version_id_col is None and m.local_table.name not in UNVERSIONED  # type: ignore[attr-defined]
    ]
    assert missing == []
    assert {m.local_table.name for m in mappers} >= set(UNVERSIONED)  # type: ignore[attr-defined]
    assert ChecklistItem.__mapper__.version_id_col is not None
