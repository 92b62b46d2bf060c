"""Duplicates and repeats, on SQLite and PostgreSQL: a likely duplicate person and a second open case
of the same procedure are saved only with a reason (logged); the same Nachforderung is not made
twice, and a new one replaces the earlier follow-up."""

from __future__ import annotations

import json
from datetime import date

import pytest
from sqlalchemy import select

from abh_desk.domain.enums import DeadlineKind, DeadlineStatus, LetterKind
from abh_desk.errors import ValidationError
from abh_desk.services.case_file import add_document
from abh_desk.services.case_letters import case_letters, create_missing_documents_letter
from abh_desk.services.cases import RepeatedCase, open_case
from abh_desk.services.context import ServiceContext
from abh_desk.services.persons import LikelyDuplicate, PersonInput, create_person, search_persons
from models import AuditEvent, Deadline

TODAY = date(2026, 11, 23)
ANNA = PersonInput(
    "Müller", "Anna", "12.03.1990", nationality="AUT", sex="w", street="Weg 1", postcode="78224", city="Singen"
)


def logged(ctx: ServiceContext, action: str) -> list[dict[str, object]]:
    with ctx.db.read() as session:
        return [
            json.loads(p or "{}")
            for p in session.scalars(select(AuditEvent.payload_json).where(AuditEvent.action == action))
        ]


def test_a_likely_duplicate_is_saved_only_with_a_reason(ctx: ServiceContext) -> None:
    first = create_person(ctx, ANNA)
    again = PersonInput("Mueller", "Anna Maria", "12.03.1990", nationality="AUT")  # folded: the same
    with pytest.raises(LikelyDuplicate) as refused:
        create_person(ctx, again)
    assert refused.value.field == "dublette" and [c.id for c in refused.value.candidates] == [first.id]
    assert "Müller, Anna (12.03.1990)" in refused.value.message
    with pytest.raises(LikelyDuplicate):
        create_person(ctx, again, duplicate_reason="anders")  # too short to say anything
    assert len(search_persons(ctx, "muller")) == 1  # nothing saved
    second = create_person(ctx, again, duplicate_reason="Andere Person: Cousine, eigener Pass vorgelegt")
    entry = next(e for e in logged(ctx, "person_angelegt") if e.get("dublette_bestaetigt"))
    assert entry["dublette_bestaetigt"] == "Andere Person: Cousine, eigener Pass vorgelegt"
    assert entry["aehnliche_personen"] == [first.id] and second.id != first.id


def test_twins_pass_and_a_known_passport_is_a_duplicate(ctx: ServiceContext) -> None:
    create_person(ctx, PersonInput("Okafor", "Chinedu", "01.01.2010", nationality="NGA", passport_number="A1234567"))
    create_person(ctx, PersonInput("Okafor", "Ada", "01.01.2010", nationality="NGA"))  # the twin sister
    with pytest.raises(LikelyDuplicate, match="Pass A1234567"):
        create_person(
            ctx, PersonInput("Okafor", "Chinedu Emeka", "02.01.2010", nationality="NGA", passport_number="a123 4567")
        )


def test_a_second_open_case_of_the_same_procedure_needs_a_reason(ctx: ServiceContext) -> None:
    person = create_person(ctx, ANNA)
    first = open_case(ctx, person.id, "SIN-VERPFLICHTUNGSERKLAERUNG", applied_on=TODAY)
    with pytest.raises(RepeatedCase) as refused:
        open_case(ctx, person.id, "SIN-VERPFLICHTUNGSERKLAERUNG", applied_on=TODAY)
    assert refused.value.open_cases == [(first.id, first.file_number)]
    assert f"schon offen: Vorgang {first.file_number} (Neu, Antrag vom 23.11.2026)" in refused.value.message
    second = open_case(
        ctx, person.id, "SIN-VERPFLICHTUNGSERKLAERUNG", TODAY, repeat_reason="zweiter Gast: Schwester aus Ghana"
    )
    entry = next(e for e in logged(ctx, "vorgang_angelegt") if e.get("wiederholung"))
    assert entry["wiederholung"] == "zweiter Gast: Schwester aus Ghana"
    assert entry["offen_bereits"] == [first.file_number] and second.id != first.id
    open_case(ctx, person.id, "SIN-STUDIUM", applied_on=TODAY)  # another procedure: no question


def test_the_same_nachforderung_is_not_made_twice(ctx: ServiceContext) -> None:
    person = create_person(ctx, ANNA)
    case_id = open_case(ctx, person.id, "99010019001008", applied_on=TODAY).id
    first = create_missing_documents_letter(ctx, case_id)
    with pytest.raises(ValidationError, match="fordert genau diese Unterlagen an") as refused:
        create_missing_documents_letter(ctx, case_id)  # a second click
    assert refused.value.params["letter_id"] == first.id
    assert [row.kind for row in case_letters(ctx, case_id)] == [LetterKind.MISSING_DOCUMENTS]

    add_document(ctx, case_id, "Meldebescheinigung")  # something new is missing: a new letter
    second = create_missing_documents_letter(ctx, case_id)
    assert second.id != first.id
    with ctx.db.read() as session:
        follow_ups = session.scalars(
            select(Deadline).where(Deadline.case_id == case_id, Deadline.kind == DeadlineKind.FOLLOW_UP.value)
        ).all()
    assert sorted(d.status for d in follow_ups) == [DeadlineStatus.DONE.value, DeadlineStatus.OPEN.value]
    assert any("ersetzt durch die Nachforderung" in (d.note or "") for d in follow_ups)
