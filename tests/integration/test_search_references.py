"""The counter search, on SQLite and PostgreSQL: passport numbers of letters only, and an
Aktenzeichen typed in part — its running number, with or without the year."""

from __future__ import annotations

from datetime import date

from abh_desk.services.cases import open_case
from abh_desk.services.context import ServiceContext
from abh_desk.services.office import update_office_settings
from abh_desk.services.persons import PersonInput, create_person, search_person_ids, search_persons
from models import FileNumberCounter

TODAY = date(2026, 11, 23)


def test_a_passport_number_of_letters_only_is_found(ctx: ServiceContext) -> None:
    holder = create_person(
        ctx, PersonInput("Tran", "Minh", "01.01.1990", nationality="VNM", passport_number="UYCEQWYAK")
    )
    create_person(ctx, PersonInput("Uycek", "Ali", "01.01.1980", nationality="TUR"))  # a name starting alike
    assert search_person_ids(ctx, "UYCEQWYAK") == [holder.id]
    assert search_person_ids(ctx, "uyceqwyak") == [holder.id]
    assert [p.family_name for p in search_persons(ctx, "uycek")] == ["Uycek"]  # names still found by prefix
    assert search_person_ids(ctx, "UYCE")[0] != holder.id  # four letters: a name, not a passport


def test_an_aktenzeichen_is_found_by_its_running_number(ctx: ServiceContext) -> None:
    person = create_person(ctx, PersonInput("Haddad", "Rania", "01.01.1990", nationality="SYR"))
    other = create_person(ctx, PersonInput("Okafor", "Ada", "01.01.1990", nationality="NGA"))
    with ctx.unit_of_work() as uow:  # 549 cases this year already
        uow.session.add(FileNumberCounter(scope="2026", last_value=549))
        uow.session.add(FileNumberCounter(scope="2025", last_value=900))
        uow.commit()
    case = open_case(ctx, person.id, "99010019001008", applied_on=TODAY)
    assert case.file_number == "ABH-2026-000550"
    open_case(ctx, other.id, "99010019001008", applied_on=TODAY)  # 551
    for typed in ("ABH-2026-000550", "abh-2026-000550", "000550", "550", "2026-550", "2026/000550"):
        assert search_person_ids(ctx, typed) == [person.id], typed
    assert search_person_ids(ctx, "2025-550") == []  # that year's 550 is nobody's here
    assert search_person_ids(ctx, "9999") == []


def test_a_pattern_with_the_area_is_followed(ctx: ServiceContext) -> None:
    update_office_settings(ctx, file_number_pattern="{bereich}/{jahr2}/{nummer:04d}")
    person = create_person(ctx, PersonInput("Aziz", "Omid", "02.02.1988", nationality="AFG"))
    case = open_case(ctx, person.id, "SIN-SCHUTZSTATUS", applied_on=TODAY)
    assert case.file_number == "ASYL/26/0001"
    assert search_person_ids(ctx, "1") == [person.id]
    assert search_person_ids(ctx, "0001") == [person.id]
