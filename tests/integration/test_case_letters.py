"""Letters stored with their case; a re-print is byte-identical — SQLite and PostgreSQL."""

from __future__ import annotations

import io
from datetime import date

import pypdf
import pytest
from sqlalchemy import select

from abh_desk.errors import ConfigurationError, ValidationError
from abh_desk.services.case_file import get_case_file, mark_received
from abh_desk.services.case_letters import case_letters, create_missing_documents_letter, letter_pdf, reprint
from abh_desk.services.cases import open_case
from abh_desk.services.context import ServiceContext
from abh_desk.services.persons import PersonInput, create_person
from models import Letter

TODAY = date(2026, 11, 21)


def _case(ctx: ServiceContext, street: str = "Hadwigstraße 7") -> int:
    person = create_person(
        ctx,
        PersonInput(
            "Nguyễn",
            "Thị Hương",
            "12.03.1994",
            nationality="VNM",
            sex="w",
            street=street,
            postcode="78224",
            city="Singen",
        ),
        duplicate_reason="Testperson, bewusst gleich angelegt",
    )
    return open_case(ctx, person.id, "99010019001008", applied_on=date(2026, 10, 1)).id


def _text(pdf: bytes) -> str:
    return "\n".join(page.extract_text() for page in pypdf.PdfReader(io.BytesIO(pdf)).pages)


def test_missing_documents_letter_lists_exactly_what_is_missing_and_is_stored(ctx: ServiceContext) -> None:
    case_id = _case(ctx)
    file = get_case_file(ctx, case_id)
    mark_received(ctx, file.checklist[0].id)
    row = create_missing_documents_letter(ctx, case_id, due=date(2026, 12, 21))
    assert row.kind_label == "Nachforderung von Unterlagen"
    text = _text(letter_pdf(ctx, row.id))
    assert "Frau Thị Hương Nguyễn" in text and "Sehr geehrte Frau Nguyễn" in text
    assert "21.12.2026" in text
    assert file.checklist[0].text not in text
    for line in file.checklist[1:]:
        assert line.text[:30] in text.replace("\n", " ")
    with ctx.db.read() as session:
        stored = session.scalars(select(Letter)).one()
    assert '"due": "2026-12-21"' in stored.data_json and stored.pdf_sha256 == row.sha256
    assert [r.id for r in case_letters(ctx, case_id)] == [row.id]
    history = next(h for h in get_case_file(ctx, case_id).history if h.action == "Schreiben erstellt")
    assert "Nachforderung" in history.details


def test_a_reprint_is_byte_identical_and_a_tampered_one_is_refused(ctx: ServiceContext) -> None:
    case_id = _case(ctx)
    row = create_missing_documents_letter(ctx, case_id)
    assert reprint(ctx, row.id) == letter_pdf(ctx, row.id)
    with ctx.unit_of_work() as uow:
        letter = uow.session.get(Letter, row.id)
        assert letter is not None
        letter.data_json = letter.data_json.replace("2026-12-19", "2027-01-19")
        uow.commit()
    with pytest.raises(ConfigurationError, match="weicht"):
        reprint(ctx, row.id)


def test_no_letter_without_an_address_or_without_missing_documents(ctx: ServiceContext) -> None:
    case_id = _case(ctx, street="")
    with pytest.raises(ValidationError, match="Anschrift"):
        create_missing_documents_letter(ctx, case_id)
    complete = _case(ctx)
    for line in get_case_file(ctx, complete).checklist:
        mark_received(ctx, line.id)
    with pytest.raises(ValidationError, match="keine Unterlagen"):
        create_missing_documents_letter(ctx, complete)
    with ctx.db.read() as session:
        assert session.scalars(select(Letter)).all() == []


def test_a_missing_documents_letter_sets_the_case_waiting_and_a_follow_up_on_its_date(ctx: ServiceContext) -> None:
    from abh_desk.domain.enums import CaseStatus, DeadlineKind
    from models import Case, Deadline

    case_id = _case(ctx)
    create_missing_documents_letter(ctx, case_id, due=date(2026, 12, 21))
    with ctx.db.read() as session:
        case = session.get(Case, case_id)
        follow_up = session.scalars(select(Deadline).where(Deadline.kind == DeadlineKind.FOLLOW_UP.value)).one()
    assert case is not None and case.status == CaseStatus.WAITING_FOR_DOCUMENTS.value
    assert follow_up.due_date == date(2026, 12, 21) and "Nachforderung" in follow_up.source_event
