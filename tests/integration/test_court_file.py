"""The file for the court (Aktenvorlage) read back with pypdf: cover and contents, every document
and letter in the file's order, "Seite n von N" on every page, only the chosen cases where asked,
and its contents in the audit trail. On SQLite and PostgreSQL."""

from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader
from sqlalchemy import select

from abh_desk.errors import Cancelled, ValidationError
from abh_desk.services import documents
from abh_desk.services.case_file import get_case_file
from abh_desk.services.case_letters import create_missing_documents_letter
from abh_desk.services.cases import open_case
from abh_desk.services.context import Progress, ServiceContext
from abh_desk.services.court_file import build_court_file
from abh_desk.services.e_file import get_e_file
from abh_desk.services.persons import PersonInput, create_person
from models import AuditEvent
from tests.support import scans

TODAY = date(2026, 11, 21)
PROCEDURE = "99010019001008"


class Recorded(Progress):
    def __init__(self, cancel_after: int | None = None) -> None:
        self.reports: list[tuple[int, int]] = []
        self.cancel_after = cancel_after

    def report(self, done: int, total: int) -> None:
        self.reports.append((done, total))

    def cancelled(self) -> bool:
        return self.cancel_after is not None and len(self.reports) >= self.cancel_after


def _file(ctx: ServiceContext, tmp_path: Path) -> tuple[int, int, int]:
    lan = PersonInput(
        "Nguyễn", "Thị Lan", "05.05.1995", nationality="VNM", street="Hegaustr. 4", postcode="78224", city="Singen"
    )
    person = create_person(ctx, lan).id
    first = open_case(ctx, person, PROCEDURE, applied_on=TODAY).id
    second = open_case(ctx, person, "99010019001013", applied_on=TODAY).id
    item = get_case_file(ctx, first).checklist[0]
    passport = tmp_path / "pass.pdf"
    passport.write_bytes(scans.pdf_bytes(2, label="Reisepass"))
    documents.attach_document(ctx, passport, checklist_item_id=item.id, tick=True, title="Reisepass")
    documents.attach_document(ctx, scans.image(tmp_path / "foto.jpg", "JPEG"), case_id=first, title="Lichtbild")
    documents.attach_document(
        ctx, scans.image(tmp_path / "vertrag.tif", "TIFF", frames=3), case_id=first, title="Arbeitsvertrag"
    )
    create_missing_documents_letter(ctx, first)
    other = tmp_path / "kurs.pdf"
    other.write_bytes(scans.pdf_bytes(1, label="Sprachkurs"))
    documents.attach_document(ctx, other, case_id=second, title="Anmeldung Sprachkurs")
    return person, first, second


def test_the_court_file_has_cover_contents_every_piece_in_order_and_a_number_on_every_page(
    ctx: ServiceContext, tmp_path: Path
) -> None:
    person, _first, _second = _file(ctx, tmp_path)
    file = get_e_file(ctx, person)
    assert [e.title for e in file.entries][:3] == ["Reisepass", "Lichtbild", "Arbeitsvertrag"]
    assert {e.title for e in file.entries} >= {"Nachforderung von Unterlagen", "Anmeldung Sprachkurs"}
    target = tmp_path / "aktenvorlage.pdf"
    progress = Recorded()
    result = build_court_file(ctx, person, target, court_reference="4 K 123/26", progress=progress)
    reader = PdfReader(target)
    pages = [page.extract_text() for page in reader.pages]
    assert result.pages == len(pages) and result.pieces == len(file.entries) == 5
    for number, text in enumerate(pages, start=1):
        assert f"Seite {number} von {len(pages)}" in text, number
    assert "Aktenvorlage" in pages[0] and "§ 99 Abs. 1 VwGO" in pages[0] and "4 K 123/26" in pages[0]
    assert "Nguyễn, Thị Lan" in pages[0]
    with ctx.db.read() as session:
        entry = session.scalars(select(AuditEvent).where(AuditEvent.action == "aktenvorlage_erstellt")).one()
    logged = json.loads(entry.payload_json or "{}")
    assert logged["seiten"] == len(pages) and [c["titel"] for c in logged["inhalt"]] == [e.title for e in file.entries]
    assert all(len(c["sha256"]) == 64 for c in logged["inhalt"])
    ranges = {c["titel"]: tuple(int(n) for n in c["seiten"].split("-")) for c in logged["inhalt"]}
    contents = pages[0].replace("\n", " ")
    for title, (start, end) in ranges.items():  # the table of contents says the same
        assert re.search(re.escape(title) + r".*? " + (f"{start}–{end}" if end > start else str(start)), contents)
    first_page, last_page = ranges["Reisepass"]
    assert last_page - first_page == 1
    assert "Reisepass Seite 1" in pages[first_page - 1] and "Reisepass Seite 2" in pages[last_page - 1]
    assert ranges["Arbeitsvertrag"][1] - ranges["Arbeitsvertrag"][0] == 2  # a page per TIFF frame
    starts = [ranges[e.title][0] for e in file.entries]
    assert starts == sorted(starts)  # the file's order
    assert "fehlende Unterlagen" in pages[ranges["Nachforderung von Unterlagen"][0] - 1]
    assert "Sprachkurs Seite 1" in pages[ranges["Anmeldung Sprachkurs"][0] - 1]
    assert progress.reports[-1][0] == progress.reports[-1][1]


def test_only_the_chosen_cases_and_nothing_left_behind_when_cancelled(ctx: ServiceContext, tmp_path: Path) -> None:
    person, first, second = _file(ctx, tmp_path)
    target = tmp_path / "nur-zweiter.pdf"
    build_court_file(ctx, person, target, case_ids={second})
    text = "\n".join(page.extract_text() for page in PdfReader(target).pages)
    assert "Sprachkurs Seite 1" in text and "Reisepass" not in text and "nur die Vorgänge" in text
    with pytest.raises(ValidationError, match="gibt es schon"):
        build_court_file(ctx, person, target)
    cancelled = tmp_path / "abgebrochen.pdf"
    with pytest.raises(Cancelled):
        build_court_file(ctx, person, cancelled, progress=Recorded(cancel_after=2))
    assert not cancelled.exists() and not list(tmp_path.glob("*.teil"))
    assert first != second


def test_the_court_file_from_the_command_line(
    ctx: ServiceContext, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import io

    from abh_desk.cli import main
    from tests.support.cli_login import sign_in_cli

    _person, first, _second = _file(ctx, tmp_path)
    with ctx.db.read() as session:
        from models import Case

        number = session.get(Case, first).file_number
    sign_in_cli(ctx, monkeypatch)
    target = tmp_path / "gericht.pdf"
    out = io.StringIO()
    url = ctx.db.url.render_as_string(hide_password=False)
    code = main(["--db", url, "aktenvorlage", number, "--ausgabe", str(target), "--nur", number], out=out)
    assert code == 0, out.getvalue()
    assert "4 Stücke" in out.getvalue()  # passport, photo, contract, the Nachforderung of the first case
    assert "Seite 1 von" in PdfReader(target).pages[0].extract_text()
