"""Reminder letters in a batch: one PDF per letter and one combined; cancelling leaves no trace."""

from __future__ import annotations

import io
from datetime import date, timedelta

import pypdf
import pytest
from sqlalchemy import func, select

from abh_desk.errors import Cancelled, ValidationError
from abh_desk.services.cases import open_case
from abh_desk.services.context import Progress, ServiceContext
from abh_desk.services.persons import PersonInput, create_person
from abh_desk.services.reminder_letters import reminder_batch
from abh_desk.services.titles import add_title
from models import AuditEvent

TODAY = date(2026, 11, 21)


class CancelAfter(Progress):
    def __init__(self, letters: int) -> None:
        self.letters, self.reports = letters, []

    def report(self, done: int, total: int) -> None:
        self.reports.append((done, total))

    def cancelled(self) -> bool:
        return len(self.reports) >= self.letters


def _titles(ctx: ServiceContext, count: int) -> list[int]:
    ids = []
    for number in range(count):
        person = create_person(
            ctx,
            PersonInput(
                f"Petrović{chr(97 + number)}", "Ana", "02.02.1990", nationality="SRB", sex="w",
                street="Hauptstraße 1", postcode="78224", city="Singen",
            ),
        )  # fmt: skip
        case = open_case(ctx, person.id, "99010019001008", applied_on=TODAY - timedelta(days=400))
        title = add_title(ctx, case.id, "Aufenthaltserlaubnis", "§ 16d AufenthG", TODAY - timedelta(days=300),
                          TODAY + timedelta(weeks=5))  # fmt: skip
        ids.append(title)
    return ids


def _log_entries(ctx: ServiceContext) -> int:
    with ctx.db.read() as session:
        return session.scalar(select(func.count()).where(AuditEvent.action == "erinnerung_erstellt")) or 0


def test_each_letter_alone_and_all_together(ctx: ServiceContext) -> None:
    ids = _titles(ctx, 3)
    progress = CancelAfter(letters=99)
    batch = reminder_batch(ctx, ids, progress)
    assert progress.reports[-1] == (4, 4) and len(progress.reports) == 4
    assert len(batch.letters) == 3 and len({name for name, _pdf in batch.letters}) == 3
    combined = pypdf.PdfReader(io.BytesIO(batch.combined))
    singles = [pypdf.PdfReader(io.BytesIO(pdf)) for _name, pdf in batch.letters]
    assert len(combined.pages) == sum(len(single.pages) for single in singles)
    for (name, _pdf), single in zip(batch.letters, singles, strict=True):
        assert name.startswith("erinnerung-ABH-") and "Petrović" not in name
        assert "ENTWURF" not in single.pages[0].extract_text()
    assert _log_entries(ctx) == 3


def test_cancelling_rolls_back_every_log_entry(ctx: ServiceContext) -> None:
    ids = _titles(ctx, 3)
    with pytest.raises(Cancelled):
        reminder_batch(ctx, ids, CancelAfter(letters=2))
    assert _log_entries(ctx) == 0


def _one(ctx: ServiceContext, family: str, valid_until: date, procedure: str = "99010019001008") -> int:
    person = create_person(
        ctx,
        PersonInput(family, "Ana", "02.02.1990", nationality="SRB", sex="w", street="Hauptstraße 1",
                    postcode="78224", city="Singen"),
    )  # fmt: skip
    case = open_case(ctx, person.id, procedure, applied_on=TODAY - timedelta(days=400))
    return add_title(ctx, case.id, "Aufenthaltserlaubnis", "§ 16d AufenthG", TODAY - timedelta(days=300), valid_until)


def _text(pdf: bytes) -> str:
    return " ".join(page.extract_text() for page in pypdf.PdfReader(io.BytesIO(pdf)).pages).replace("\n", " ")


def test_no_reminder_years_ahead_nor_for_a_title_already_run_out(ctx: ServiceContext) -> None:
    due = _one(ctx, "Babić", TODAY + timedelta(weeks=4))
    for family, valid_until in (
        ("Kovač", TODAY + timedelta(days=3 * 365)),
        ("Kovačić", TODAY),
        ("Kovačević", TODAY - timedelta(days=10)),
    ):
        early_or_late = _one(ctx, family, valid_until)
        with pytest.raises(ValidationError, match="Kein Schreiben für") as refused:
            reminder_batch(ctx, [due, early_or_late])
        assert f"läuft{' erst' if valid_until > TODAY else ''} am {valid_until:%d.%m.%Y} ab" in refused.value.message
    assert _log_entries(ctx) == 0  # nothing half: not even the due one was logged
    assert len(reminder_batch(ctx, [due]).letters) == 1


def test_the_reminder_names_the_last_open_day_when_the_title_expires_on_a_closed_day(ctx: ServiceContext) -> None:
    sunday, friday = date(2027, 1, 3), date(2027, 1, 1)  # 1 January is a holiday: the last open day is 31.12.
    working = date(2027, 1, 5)
    closed = reminder_batch(ctx, [_one(ctx, "Babić", sunday)]).letters[0][1]
    open_day = reminder_batch(ctx, [_one(ctx, "Horvat", working)]).letters[0][1]
    assert "Am Tag des Ablaufs, dem 03.01.2027 (Sonntag), ist unsere Behörde geschlossen" in _text(closed)
    assert "spätestens am 31.12.2026" in _text(closed) and friday.weekday() == 4
    assert "geschlossen" not in _text(open_day)


def test_a_title_from_before_the_program_takes_the_aktenzeichen_of_a_case_for_its_kind(ctx: ServiceContext) -> None:
    from models import ResidenceTitle

    person = create_person(
        ctx,
        PersonInput("Jovanović", "Mila", "02.02.1990", nationality="SRB", sex="w", street="Hauptstraße 1",
                    postcode="78224", city="Singen"),
    )  # fmt: skip
    permit = open_case(ctx, person.id, "SIN-BESCHAEFTIGUNG", applied_on=TODAY - timedelta(days=500))
    other = open_case(ctx, person.id, "SIN-VERPFLICHTUNGSERKLAERUNG", applied_on=TODAY - timedelta(days=20))
    with ctx.unit_of_work() as uow:  # recorded without a case, as data taken over from an older system
        title = ResidenceTitle(person_id=person.id, case_id=None, kind="Aufenthaltserlaubnis",
                               legal_basis="§ 18b AufenthG", valid_from=TODAY - timedelta(days=700),
                               valid_until=TODAY + timedelta(weeks=6))  # fmt: skip
        uow.session.add(title)
        uow.commit()
        title_id = title.id
    name, pdf = reminder_batch(ctx, [title_id]).letters[0]
    assert permit.file_number in name and permit.file_number in _text(pdf)
    assert other.file_number not in _text(pdf)


def test_a_sent_reminder_is_a_letter_of_the_case_and_takes_the_title_off_the_list(ctx: ServiceContext) -> None:
    from abh_desk.domain.enums import DeadlineKind, DeadlineStatus, LetterKind
    from abh_desk.errors import ValidationError
    from abh_desk.services.case_letters import case_letters, reprint
    from abh_desk.services.worklists import expiring_titles
    from models import Case, Deadline, ResidenceTitle

    ids = _titles(ctx, 2)
    with ctx.unit_of_work() as uow:  # their cases are decided: the titles wait for an extension
        for case in uow.session.scalars(select(Case)):
            case.status = "bewilligt"
        uow.commit()
    assert {t.title_id for t in expiring_titles(ctx)} == set(ids)
    batch = reminder_batch(ctx, ids)
    assert len(batch.letters) == 2
    assert expiring_titles(ctx) == []  # not listed again tomorrow
    with ctx.db.read() as session:
        titles = session.scalars(select(ResidenceTitle).where(ResidenceTitle.id.in_(ids))).all()
        assert {t.reminded_on for t in titles} == {TODAY}
        deadlines = session.scalars(
            select(Deadline).where(Deadline.title_id.in_(ids), Deadline.kind == DeadlineKind.EXPIRY_REMINDER.value)
        ).all()
        case_ids = [t.case_id for t in titles]
    assert deadlines and all(
        d.status == DeadlineStatus.DONE.value and "Erinnerung versandt" in (d.note or "") for d in deadlines
    )
    for case_id in case_ids:
        (letter,) = [row for row in case_letters(ctx, case_id) if row.kind == LetterKind.EXPIRY_REMINDER]
        assert letter.kind_label == "Erinnerung an die Verlängerung"
        assert reprint(ctx, letter.id).startswith(b"%PDF")  # kept as it was sent
    with pytest.raises(ValidationError, match=r"bereits erinnert am 21\.11\.2026"):
        reminder_batch(ctx, ids[:1])


def test_a_title_ending_before_a_letter_arrives_gets_none(ctx: ServiceContext) -> None:
    from abh_desk.errors import ValidationError
    from abh_desk.services.titles import change_validity
    from abh_desk.services.worklists import expiring_titles
    from models import Case

    today_title, soon_title, later = _titles(ctx, 3)
    with ctx.unit_of_work() as uow:
        for case in uow.session.scalars(select(Case)):
            case.status = "bewilligt"
        uow.commit()
    change_validity(ctx, today_title, TODAY)
    change_validity(ctx, soon_title, TODAY + timedelta(days=4))  # the letter counts as delivered then
    assert [t.title_id for t in expiring_titles(ctx)] == [later]
    with pytest.raises(ValidationError, match="ein Brief käme zu spät"):
        reminder_batch(ctx, [today_title])
