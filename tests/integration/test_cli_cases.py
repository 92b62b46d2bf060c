"""``abh-desk vorgang``: a case's state, grant and history on the command line, and its steps."""

from __future__ import annotations

import io

import pytest

from abh_desk.cli import main
from abh_desk.clock import FixedClock
from abh_desk.services.case_file import get_case_file, mark_received
from abh_desk.services.cases import open_case
from abh_desk.services.context import ServiceContext
from abh_desk.services.persons import PersonInput, create_person
from tests.conftest import TEST_DAY
from tests.support.cli_login import owner_of, sign_in_cli


def run(ctx: ServiceContext, *argv: str) -> tuple[int, str]:
    out = io.StringIO()
    code = main(["--db", str(ctx.db.url), *argv], out=out, clock=FixedClock(TEST_DAY))
    return code, out.getvalue()


def test_a_case_from_open_to_granted_and_closed(
    sqlite_ctx: ServiceContext, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    person = create_person(sqlite_ctx, PersonInput("Okafor", "Chinedu", "01.01.1985", nationality="NGA"))
    case = open_case(sqlite_ctx, person.id, "99010019001008", applied_on=TEST_DAY)
    sign_in_cli(sqlite_ctx, monkeypatch, owner_of(sqlite_ctx, case.id))
    code, text = run(sqlite_ctx, "vorgang", case.file_number.lower())
    assert code == 0
    assert text.splitlines()[:2] == [
        f"{case.file_number}\tOkafor, Chinedu\tAufenthaltserlaubnis zur Durchführung einer Qualifizierungsmaßnahme",
        "Stand: Neu",
    ]
    assert "Mögliche Schritte: aufnehmen, entscheidungsreif, bewilligen, zuruecknehmen, abschliessen" in text
    assert "eAT: Eine eAT-Karte wird erst nach der Bewilligung bestellt" in text

    code, _ = run(sqlite_ctx, "vorgang", case.file_number, "bewilligen", "--gueltig-bis", "2028-05-20")
    assert code == 2 and "Unterlagen fehlen noch" in capsys.readouterr().err
    for line in get_case_file(sqlite_ctx, case.id).checklist:
        mark_received(sqlite_ctx, line.id)
    code, _ = run(sqlite_ctx, "vorgang", case.file_number, "bewilligen", "--gueltig-bis", "2028-05-21")
    assert code == 2
    assert "längstens bis 20.05.2028" in capsys.readouterr().err
    code, text = run(
        sqlite_ctx, "vorgang", case.file_number, "--verlauf", "bewilligen", "--gueltig-bis", "2028-05-20",
        "--nebenbestimmungen", "Erwerbstätigkeit nur im Rahmen der Maßnahme erlaubt.",
    )  # fmt: skip
    assert code == 0
    assert "Stand: Bewilligt (entschieden am 21.11.2026)" in text
    assert (
        "Bewilligung (erteilt): Aufenthaltserlaubnis nach § 16d AufenthG, gültig ab 21.11.2026 bis 20.05.2028; "
        "Gebühr 100,00 EUR" in text
    )
    assert "Nebenbestimmungen: Erwerbstätigkeit nur im Rahmen der Maßnahme erlaubt." in text
    assert "\tAufenthaltstitel erteilt\t" in text and "Stand: In Bearbeitung → Bewilligt" in text
    code, text = run(sqlite_ctx, "vorgang", case.file_number, "abschliessen", "--grund", "Titel ausgehändigt")
    assert code == 0 and "Stand: Abgeschlossen" in text and "Mögliche Schritte: keine" in text


def test_withdrawal_and_unknown_file_numbers(
    sqlite_ctx: ServiceContext, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    person = create_person(sqlite_ctx, PersonInput("Okafor", "Ada", "01.01.1990", nationality="NGA"))
    case = open_case(sqlite_ctx, person.id, "SIN-STUDIUM", applied_on=TEST_DAY)
    sign_in_cli(sqlite_ctx, monkeypatch, owner_of(sqlite_ctx, case.id))
    code, text = run(
        sqlite_ctx, "vorgang", case.file_number, "zuruecknehmen", "--am", "2026-11-21", "--wie", "schriftlich"
    )
    assert code == 0 and "Stand: Zurückgenommen (entschieden am 21.11.2026)" in text
    assert "Ergebnis: Antrag schriftlich zurückgenommen am 21.11.2026" in text
    code, _ = run(sqlite_ctx, "vorgang", "ABH-1999-000001")
    assert code == 2 and "Aktenzeichen „ABH-1999-000001“ gibt es nicht" in capsys.readouterr().err
