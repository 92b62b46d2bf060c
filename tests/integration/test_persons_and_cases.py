"""Persons and cases through the services, on a real SQLite file and a real PostgreSQL server."""

from concurrent.futures import ThreadPoolExecutor
from datetime import date

import pytest
from sqlalchemy import func, select

from abh_desk.domain.enums import CaseStatus, ChecklistStatus
from abh_desk.errors import FieldErrors, NotFound, StaleRecord, ValidationError
from abh_desk.services.cases import open_case
from abh_desk.services.context import ServiceContext
from abh_desk.services.office import get_office_settings, update_office_settings
from abh_desk.services.persons import (
    PersonInput,
    create_person,
    get_person_file,
    search_person_ids,
    search_persons,
    update_person,
)
from models import AuditEvent, Case, ChecklistItem, Person

TODAY = date(2026, 11, 21)


def _person(ctx: ServiceContext, family: str, given: str = "Anna", birth: str = "12.03.1990", **extra: str) -> int:
    data = PersonInput(
        family_name=family, given_names=given, birth_date=birth, nationality=extra.pop("nationality", "TUR"), **extra
    )
    return create_person(ctx, data, duplicate_reason="Testpersonen gleichen sich").id


def _count(ctx: ServiceContext, model: type) -> int:
    with ctx.db.read() as session:
        return int(session.scalar(select(func.count()).select_from(model)) or 0)


def test_folded_name_search_finds_every_spelling(ctx: ServiceContext) -> None:
    for family in ("Müller", "Mueller", "Muller", "Möller", "Şahin"):
        _person(ctx, family)
    found = {row.family_name for row in search_persons(ctx, "mueller")}
    assert found == {"Müller", "Mueller", "Muller"}
    assert {row.family_name for row in search_persons(ctx, "Mü")} == {"Müller", "Mueller", "Muller"}
    assert [row.family_name for row in search_persons(ctx, "sahin")] == ["Şahin"]


def test_search_by_birth_date_full_and_partial(ctx: ServiceContext) -> None:
    a = _person(ctx, "Nguyễn", "Thị Hương", "01.02.1985", nationality="VNM")
    b = _person(ctx, "Trần", "Văn", "00.00.1985", nationality="VNM")
    _person(ctx, "Lê", "Minh", "01.02.1986", nationality="VNM")
    assert search_person_ids(ctx, "01.02.1985") == [a]
    assert set(search_person_ids(ctx, "1985")) == {a, b}
    assert search_persons(ctx, "1985")[0].birth_date in ("01.02.1985", "00.00.1985")


def test_search_by_passport_number_and_file_number(ctx: ServiceContext) -> None:
    pid = _person(ctx, "Kovalenko", "Olena", passport_number="fx 123-4567", nationality="UKR")
    other = _person(ctx, "Bondarenko", "Ihor", nationality="UKR")
    case = open_case(ctx, other, "99010019001008", applied_on=TODAY)
    assert search_person_ids(ctx, "FX1234567") == [pid]
    assert search_person_ids(ctx, case.file_number.lower()) == [other]


def test_invalid_person_is_refused_with_every_field_named_and_nothing_saved(ctx: ServiceContext) -> None:
    bad = PersonInput(
        family_name="Иванов", given_names="Anna\u202e", birth_date="31.02.1990", nationality="QQQ", postcode="12"
    )
    with pytest.raises(FieldErrors) as info:
        create_person(ctx, bad)
    fields = info.value.by_field()
    assert set(fields) >= {"familienname", "vornamen", "geburtsdatum", "staatsangehoerigkeit", "plz"}
    assert "lateinischen Form" in fields["familienname"]
    assert _count(ctx, Person) == 0
    with ctx.db.read() as session:  # only what the fixture set up (the trail's key, areas, Singen's office)
        actions = set(session.scalars(select(AuditEvent.action)))
    assert actions == {
        "protokoll_schluessel_eingerichtet",
        "bereiche_angelegt",
        "zustaendigkeit_geaendert",
        "beispielbehoerde_eingerichtet",
    }


def test_update_detects_a_stale_version_and_logs_old_and_new(ctx: ServiceContext) -> None:
    pid = _person(ctx, "Öztürk", "Ayşe")
    person = get_person_file(ctx, pid).person
    changed = update_person(
        ctx, pid, person.version, PersonInput("Öztürk-Yılmaz", "Ayşe", "12.03.1990", nationality="TUR")
    )
    assert changed.family_name == "Öztürk-Yılmaz" and changed.version == person.version + 1
    with pytest.raises(StaleRecord):
        update_person(ctx, pid, person.version, PersonInput("Öztürk", "Ayşe", "12.03.1990", nationality="TUR"))
    assert get_person_file(ctx, pid).person.family_name == "Öztürk-Yılmaz"
    with ctx.db.read() as session:
        event = session.scalars(select(AuditEvent).where(AuditEvent.action == "person_geaendert")).one()
    assert '"alt": "Öztürk"' in (event.payload_json or "") and "Öztürk-Yılmaz" in (event.payload_json or "")


def test_open_case_routes_numbers_and_builds_the_checklist(ctx: ServiceContext) -> None:
    pid = _person(ctx, "Çelik", "Emre")
    row = open_case(ctx, pid, "99010019001008", applied_on=TODAY)
    assert row.file_number == "ABH-2026-000001"
    assert row.owner == "Frau Rudolf"  # C in "allgemein", Singen's table
    assert row.status == CaseStatus.NEW
    second = open_case(ctx, pid, "99010019001008", applied_on=TODAY, repeat_reason="ein zweiter Antrag")
    assert second.file_number == "ABH-2026-000002"
    with ctx.db.read() as session:
        case = session.get(Case, row.id)
        assert case is not None and case.fee_cents == 10000
        items = session.scalars(
            select(ChecklistItem).where(ChecklistItem.case_id == row.id).order_by(ChecklistItem.position)
        ).all()
    texts = [i.text for i in items]
    procedure = ctx.catalogue.get("99010019001008")
    assert texts == [d.text for d in procedure.documents if d.condition != "minderjaehrig"]
    assert all(i.status == ChecklistStatus.MISSING for i in items)
    assert [c.file_number for c in get_person_file(ctx, pid).cases] == [second.file_number, row.file_number]


def test_asylum_procedure_goes_to_the_asylum_area_prefix_rule(ctx: ServiceContext) -> None:
    pid = _person(ctx, "Alizadeh", "Reza", nationality="AFG")
    asylum_key = next(p.key for p in ctx.catalogue.offered(TODAY) if p.area == "asyl")
    assert open_case(ctx, pid, asylum_key, applied_on=TODAY).owner == "Frau Lossau"


def test_minor_gets_the_minor_fee_and_minor_documents(ctx: ServiceContext) -> None:
    pid = _person(ctx, "Popescu", "Ana", "01.06.2012", nationality="ROU")
    row = open_case(ctx, pid, "99010019001013", applied_on=TODAY)
    procedure = ctx.catalogue.get("99010019001013")
    with ctx.db.read() as session:
        case = session.get(Case, row.id)
        texts = set(session.scalars(select(ChecklistItem.text).where(ChecklistItem.case_id == row.id)))
    minor_docs = {d.text for d in procedure.documents if d.condition == "minderjaehrig"}
    assert minor_docs and minor_docs <= texts
    assert case is not None and case.fee_cents == procedure.fees.minor_cents


def test_office_pattern_is_used_and_validated(ctx: ServiceContext) -> None:
    update_office_settings(ctx, file_number_pattern="{bereich}/{jahr2}/{nummer:04d}")
    pid = _person(ctx, "Haidari", "Ali", nationality="AFG")
    assert open_case(ctx, pid, "99010019001008", applied_on=TODAY).file_number == "ALLGEMEIN/26/0001"
    with pytest.raises(Exception, match="nummer"):
        update_office_settings(ctx, file_number_pattern="{jahr}")
    assert get_office_settings(ctx).file_number_pattern == "{bereich}/{jahr2}/{nummer:04d}"


def test_unknown_procedure_or_person_is_refused(ctx: ServiceContext) -> None:
    pid = _person(ctx, "Okafor", "Chinedu", nationality="NGA")
    with pytest.raises(NotFound, match="Unbekannte Leistung"):
        open_case(ctx, pid, "GIBT-ES-NICHT", applied_on=TODAY)
    with pytest.raises(NotFound):
        open_case(ctx, 999_999, "99010019001008", applied_on=TODAY)
    assert _count(ctx, Case) == 0


def test_file_numbers_stay_unique_when_workstations_race(ctx: ServiceContext) -> None:
    ids = [_person(ctx, f"Sharma{chr(65 + i)}", "Priya", nationality="IND") for i in range(8)]
    with ThreadPoolExecutor(max_workers=4) as pool:
        rows = list(pool.map(lambda pid: open_case(ctx, pid, "99010019001008", TODAY, "drei Anträge"), ids * 3))
    numbers = [r.file_number for r in rows]
    assert len(set(numbers)) == len(numbers) == 24
    assert sorted(numbers)[-1] == "ABH-2026-000024"


def test_search_takes_percent_underscore_and_backslash_literally(ctx: ServiceContext) -> None:
    """No LIKE anywhere: an Aktenzeichen with %, _ and \\ is found exactly, never by pattern."""
    update_office_settings(ctx, file_number_pattern="A\\_{jahr}%{nummer:04d}")
    pid = _person(ctx, "Müller")
    _person(ctx, "Maler")
    number = open_case(ctx, pid, "99010019001008", applied_on=TODAY).file_number
    assert number == "A\\_2026%0001"
    assert search_person_ids(ctx, number) == [pid]
    assert search_person_ids(ctx, number.lower()) == [pid]
    for near in ("A\\_2026%000_", "A\\_2026%%", "A\\%2026%0001", "A_2026%0001", "A\\_2026_0001", "A\\\\_2026%0001"):
        assert search_person_ids(ctx, near) == [], near
    for text in ("M%", "M_ller", "M\\"):
        with pytest.raises(ValidationError, match="Platzhalter gibt es in der Suche nicht"):
            search_person_ids(ctx, text)


def test_search_leaves_the_pooled_connection_as_it_found_it(ctx: ServiceContext) -> None:
    # The search runs a prepared statement on a bare connection (PostgreSQL: in autocommit for
    # that one statement). The same pooled connection must then roll back a failed change again.
    pid = _person(ctx, "Kovalenko", "Olena", nationality="UKR")
    assert search_person_ids(ctx, "kovalenko") == [pid]
    with pytest.raises(RuntimeError), ctx.unit_of_work() as uow:
        uow.session.get_one(Person, pid).city = "Nirgendwo"
        uow.session.flush()
        raise RuntimeError("abgebrochen")
    assert search_persons(ctx, "kovalenko")[0].city == ""
    assert search_person_ids(ctx, "kovalenko olena") == [pid]


def test_search_errors_are_reported_as_database_errors(ctx: ServiceContext) -> None:
    from sqlalchemy.exc import DBAPIError

    from abh_desk.storage import PreparedRead

    broken = PreparedRead(select(Person.id).where(Person.id == 1).where(func.no_such_function(Person.id) == 1))
    with pytest.raises(DBAPIError):
        ctx.db.fetch(broken, {})
    _person(ctx, "Bondarenko", "Ihor", nationality="UKR")
    assert len(search_person_ids(ctx, "bondarenko")) == 1
