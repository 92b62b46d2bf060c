"""Reminder letters in a batch: one PDF per letter and one combined; cancelling leaves no trace."""

from __future__ import annotations

import io
from datetime import date, timedelta

import pypdf
import pytest
from sqlalchemy import func, select

from abh_desk.errors import Cancelled
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
