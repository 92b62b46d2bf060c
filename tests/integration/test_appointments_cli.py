"""``abh-desk termine`` on a demo database: free slots, booking the first with its invitation, the
day, the week as an iCalendar file; bad input gets a German message and exit status 2."""

from __future__ import annotations

from pathlib import Path

import pytest
from icalendar import Calendar
from pypdf import PdfReader
from sqlalchemy import select

from abh_desk.services.context import ServiceContext
from models import Case, Person
from tests.integration.test_cli import run
from tests.support.cli_login import sign_in_cli


def test_termine_frei_buchen_tag_woche(
    tmp_path: Path, sqlite_ctx: ServiceContext, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    url = str(sqlite_ctx.db.url)
    sqlite_ctx.db.dispose()
    assert run("--db", url, "demo", "--personen", "300", "--seed", "2")[0] == 0
    sign_in_cli(url, monkeypatch)
    with sqlite_ctx.db.read() as session:
        file_number = session.scalar(
            select(Case.file_number)
            .join(Person, Person.id == Case.person_id)
            .where(Case.status == "neu", Person.street.is_not(None))
            .order_by(Case.id)
            .limit(1)
        )
    assert file_number is not None
    code, text = run("--db", url, "termine", "frei", "--vorgang", file_number, "--anzahl", "3")
    slots = [line.split("\t") for line in text.splitlines()]
    assert code == 0 and len(slots) == 3 and all(len(s) >= 4 for s in slots)
    letter = tmp_path / "einladung.pdf"
    code, text = run(
        "--db", url, "termine", "buchen", "--vorgang", file_number, "--erster-freier", "--einladung", str(letter)
    )
    assert code == 0 and text.startswith("Termin ") and " gebucht: " in text
    assert "Ihr Termin am" in " ".join(page.extract_text() or "" for page in PdfReader(letter).pages)
    day, time, _minutes, who = slots[0][:4]
    code, text = run("--db", url, "termine", "tag", "--datum", day)
    assert code == 0 and any(file_number in line and time in line for line in text.splitlines())
    username = {"Frau Schäuble": "schaeuble", "Frau Rudolf": "rudolf", "Frau Schweiger": "schweiger",
                "Frau Keller": "keller", "Frau Dietrich": "dietrich", "Frau Lossau": "lossau"}[who]  # fmt: skip
    ics = tmp_path / "woche.ics"
    code, _text = run("--db", url, "termine", "woche", username, "--ab", day, "--ical", str(ics))
    events = Calendar.from_ical(ics.read_bytes()).walk("VEVENT")
    assert code == 0 and any(file_number in str(e.get("description")) for e in events)
    capsys.readouterr()
    code, _ = run(
        "--db", url, "termine", "buchen", "--vorgang", file_number, "--datum", "2020-01-06", "--zeit", "08:00"
    )
    assert code == 2 and "Vergangenheit" in capsys.readouterr().err
    code, _ = run("--db", url, "termine", "buchen", "--vorgang", file_number, "--datum", day, "--zeit", "25:00")
    assert code == 2 and "keine Uhrzeit" in capsys.readouterr().err
    code, _ = run("--db", url, "termine", "buchen", "--vorgang", file_number, "--datum", day, "--zeit", time)
    assert code == 2 and "schon vergeben" in capsys.readouterr().err
