"""The abh-desk command, in-process and as the installed entry point."""

from __future__ import annotations

import io
import os
import subprocess
import sys
from pathlib import Path

import pytest

from abh_desk.cli import main
from abh_desk.clock import FixedClock
from abh_desk.services.context import ServiceContext
from abh_desk.services.persons import PersonInput, create_person
from tests.conftest import TEST_DAY
from tests.support.cli_login import sign_in_cli

ROOT = Path(__file__).resolve().parents[2]


def run(*argv: str) -> tuple[int, str]:
    out = io.StringIO()
    code = main(list(argv), out=out, clock=FixedClock(TEST_DAY))
    return code, out.getvalue()


def test_katalog_lists_every_entry_one_per_line(catalogue) -> None:
    code, text = run("katalog")
    lines = text.splitlines()
    assert code == 0 and len(lines) == len(catalogue) >= 25
    assert "99010019001008\tAufenthaltserlaubnis zur Durchführung einer Qualifizierungsmaßnahme" in lines


def test_katalog_key_prints_the_entry_and_its_documents(catalogue) -> None:
    code, text = run("katalog", "99010019001008")
    lines = text.splitlines()
    assert code == 0
    assert lines[0].startswith("99010019001008\t")
    assert "Rechtsgrundlage: § 16d AufenthG" in lines
    start = lines.index("Erforderliche Unterlagen:")
    documents = [line.removeprefix("- ") for line in lines[start + 1 :]]
    assert [d.split(" (nur")[0] for d in documents] == [d.text for d in catalogue.get("99010019001008").documents]
    assert any("Reisepass" in d for d in documents)


def test_katalog_key_prints_the_office_checks_the_variants_and_the_offer_period() -> None:
    code, text = run("katalog", "SIN-ARBEITSPLATZSUCHE")
    lines = text.splitlines()
    assert code == 0 and "Höchstgeltungsdauer: 6 Monate" in lines
    assert "  nur nach einem Studium im Bundesgebiet: 18 Monate (§ 20 Abs. 3 Nr. 1 AufenthG)" in lines
    checks = lines.index("Prüfung durch die Behörde (§ 24 VwVfG, keine Unterlage der antragstellenden Person):")
    documents = lines[lines.index("Erforderliche Unterlagen:") : checks]
    assert not any("Ausweisungsinteresse" in line for line in documents)
    assert lines[checks + 1].startswith("- Kein Ausweisungsinteresse (§ 5 Abs. 1 Nr. 2 AufenthG)")
    code, text = run("katalog", "MUC-CHANCEN-AUFENTHALTSRECHT")
    assert code == 0 and "Anträge nur bis 31.12.2025" in text.splitlines()


def test_unknown_catalogue_key_is_a_german_error(capsys: pytest.CaptureFixture[str]) -> None:
    code, _ = run("katalog", "4711")
    assert code == 2
    assert "Unbekannte Leistung: 4711" in capsys.readouterr().err


def test_suche_finds_folded_names_dates_and_file_numbers(
    sqlite_ctx: ServiceContext, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    url = str(sqlite_ctx.db.url)
    sign_in_cli(sqlite_ctx, monkeypatch)
    for family, given in (("Müller", "Anna"), ("Mueller", "Jonas"), ("Şahin", "Ayşe")):
        create_person(
            sqlite_ctx,
            PersonInput(
                family, given, "12.03.1990", nationality="TUR", passport_number="U1234567" if family == "Şahin" else ""
            ),
        )
    sqlite_ctx.db.dispose()
    code, text = run("--db", url, "suche", "mueller")
    assert code == 0
    assert sorted(line.split("\t")[0] for line in text.splitlines()) == ["Mueller, Jonas", "Müller, Anna"]
    code, text = run("--db", url, "suche", "u1234567")
    assert code == 0 and text.startswith("Şahin, Ayşe\t12.03.1990\tTUR")
    code, text = run("--db", url, "suche", "nobody")
    assert code == 1 and text == ""
    assert "Keine Treffer" in capsys.readouterr().err


def test_db_upgrade_creates_the_schema_and_status_reports_sqlite_settings(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path}/neu.sqlite3"
    code, text = run("--db", url, "db", "upgrade")
    assert code == 0 and "Schema leer →" in text
    code, text = run("--db", url, "db", "status")
    assert code == 0
    assert "journal_mode: wal" in text and "synchronous: 2" in text and "foreign_keys: 1" in text


def test_entry_point_reports_user_errors_in_german_without_traceback(tmp_path: Path) -> None:
    executable = Path(sys.executable).with_name("abh-desk")
    assert executable.exists(), "abh-desk entry point not installed (pip install -e .)"
    env = {**os.environ, "ABH_DESK_DATA_DIR": str(tmp_path), "ABH_DESK_CONFIG_DIR": str(tmp_path)}
    result = subprocess.run(
        [str(executable), "--db", "postgresql://abh@127.0.0.1:1/abh", "suche", "x"],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    )
    assert result.returncode == 2
    assert result.stderr.startswith("Fehler: Die Datenbank") and "nicht erreichbar" in result.stderr
    assert "Traceback" not in result.stderr
    result = subprocess.run([str(executable), "katalog"], capture_output=True, text=True, env=env, timeout=60)
    assert result.returncode == 0 and "99010019001013" in result.stdout


def test_usage_errors_are_german(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as info:
        main(["demo"])
    assert info.value.code == 2
    assert "Fehler: Folgende Angaben fehlen: --personen" in capsys.readouterr().err
    with pytest.raises(SystemExit):
        main(["demo", "--personen", "viele"])
    assert "„viele“ ist keine ganze Zahl" in capsys.readouterr().err


SINGEN = ROOT / "resources" / "assignment" / "singen.toml"


def test_zustaendigkeit_with_the_singen_rule_file(capsys: pytest.CaptureFixture[str]) -> None:
    code, text = run("zustaendigkeit", "--regeln", str(SINGEN), "--bereich", "asyl", "Alizadeh", "Aziz", "Al-Hassan")
    assert code == 0
    assert text.splitlines() == ["Alizadeh\tFrau Lossau", "Aziz\tFrau Dietrich", "Al-Hassan\tFrau Lossau"]


def test_zustaendigkeit_uses_the_database_rules_without_a_file(
    sqlite_ctx: ServiceContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    url = str(sqlite_ctx.db.url)
    sign_in_cli(sqlite_ctx, monkeypatch)
    sqlite_ctx.db.dispose()
    code, text = run("--db", url, "zustaendigkeit", "--bereich", "allgemein", "Çelik", "Öztürk")
    assert code == 0 and text.splitlines() == ["Çelik\tFrau Rudolf", "Öztürk\tFrau Keller"]


def test_zustaendigkeit_refuses_bad_names_unknown_areas_and_broken_files(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, text = run("zustaendigkeit", "--regeln", str(SINGEN), "--bereich", "asyl", "--", "Aziz", "---", "Иванов", " ")
    err = capsys.readouterr().err
    assert code == 2 and text.splitlines() == ["Aziz\tFrau Dietrich"]
    assert "„---“: muss mindestens einen Buchstaben enthalten" in err
    assert "lateinischen Form" in err and "Leerer Name: Bitte angeben" in err

    code, _ = run("zustaendigkeit", "--regeln", str(SINGEN), "--bereich", "humanitaer", "Aziz")
    assert code == 2 and "Bereich „humanitaer“ steht nicht in singen.toml" in capsys.readouterr().err

    gap = tmp_path / "luecke.toml"
    gap.write_text(
        SINGEN.read_text(encoding="utf-8").replace('buchstaben = "C"', 'buchstaben = "C–D"'), encoding="utf-8"
    )
    code, _ = run("zustaendigkeit", "--regeln", str(gap), "--bereich", "allgemein", "Aziz")
    assert code == 2 and "überschneiden sich bei D" in capsys.readouterr().err

    broken = tmp_path / "kaputt.toml"
    broken.write_text("[[bereich]]\ncode = \n", encoding="utf-8")
    code, _ = run("zustaendigkeit", "--regeln", str(broken), "--bereich", "asyl", "Aziz")
    assert code == 2 and "kaputt.toml" in capsys.readouterr().err


@pytest.mark.parametrize(
    "argv,expected",
    [
        (["bekanntgabe", "--aufgabe", "2025-06-02", "--land", "BW"], "2025-06-06"),
        (["bekanntgabe", "--aufgabe", "2024-12-30", "--land", "BY"], "2025-01-02"),
        (["widerspruch", "--bekanntgabe", "2025-01-31", "--land", "BW"], "2025-02-28"),
        (["widerspruch", "--bekanntgabe", "2025-05-19", "--land", "NW"], "2025-06-20"),
        (["widerspruch", "--bekanntgabe", "2025-05-19", "--land", "HH"], "2025-06-19"),
        (["widerspruch", "--bekanntgabe", "2025-06-06", "--land", "BE"], "2025-07-07"),
        (["widerspruch", "--bekanntgabe", "2025-01-31", "--land", "NI", "--ohne-rechtsbehelfsbelehrung"], "2026-02-02"),
        (["erinnerung", "--ablauf", "2026-03-01"], "2026-01-04"),
        (["erinnerung", "--ablauf", "2026-03-01", "--wochen", "12"], "2025-12-07"),
    ],
)
def test_frist_prints_exactly_one_iso_date(argv: list[str], expected: str) -> None:
    assert run("frist", *argv) == (0, expected + "\n")


@pytest.mark.parametrize(
    "argv,message",
    [
        (["widerspruch", "--bekanntgabe", "2025-02-30", "--land", "BW"], "kein gültiges Datum"),
        (["widerspruch", "--bekanntgabe", "2025-02-03", "--land", "XY"], "Unbekanntes Land „XY“"),
        (["erinnerung", "--ablauf", "2026-03-01", "--wochen", "0"], "--wochen"),
    ],
)
def test_frist_refuses_impossible_dates_and_unknown_laender(
    argv: list[str], message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run("frist", *argv) == (2, "")
    assert message in capsys.readouterr().err


def test_einstellungen_shows_sets_and_validates_office_settings(
    sqlite_ctx: ServiceContext, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    url = str(sqlite_ctx.db.url)
    sign_in_cli(sqlite_ctx, monkeypatch)
    sqlite_ctx.db.dispose()
    code, text = run("--db", url, "einstellungen", "land=BY", "skip_name_particles=ja", "court_name=VG München")
    assert code == 0
    assert {"land=BY", "skip_name_particles=ja", "court_name=VG München"} <= set(text.splitlines())
    code, _ = run("--db", url, "einstellungen", "land=XX")
    assert code == 2 and "Land „XX“ unbekannt" in capsys.readouterr().err
    code, _ = run("--db", url, "einstellungen", "farbe=blau")
    assert code == 2 and "SCHLÜSSEL=WERT" in capsys.readouterr().err
    assert "land=BY" in run("--db", url, "einstellungen")[1].splitlines()


def test_fristen_prints_the_worklist_and_refuses_unknown_users(
    sqlite_ctx: ServiceContext, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from datetime import date

    from abh_desk.services.cases import open_case
    from abh_desk.services.deadlines import set_follow_up

    person = create_person(sqlite_ctx, PersonInput("Haddad", "Lina", "01.01.1990", nationality="SYR"))
    case = open_case(sqlite_ctx, person.id, "99010019001008", applied_on=date(2026, 11, 1))
    set_follow_up(sqlite_ctx, case.id, date(2026, 11, 25))  # the test clock stands on 21.11.2026
    url = str(sqlite_ctx.db.url)
    sign_in_cli(sqlite_ctx, monkeypatch)
    sqlite_ctx.db.dispose()
    code, text = run("--db", url, "fristen", "--benutzer", "schweiger", "--stichtag", "2026-11-21")
    assert code == 0
    assert text.splitlines() == [
        f"Nächste acht Wochen\t2026-11-25\t{case.file_number}\tHaddad, Lina\tWiedervorlage\tFrau Schweiger"
    ]
    code, text = run("--db", url, "fristen", "--bereich", "allgemein", "--stichtag", "2026-11-24")
    assert code == 0 and text.startswith("Diese Woche\t2026-11-25")
    code, _ = run("--db", url, "fristen", "--benutzer", "niemand")
    assert code == 2 and "Benutzer „niemand“ gibt es nicht" in capsys.readouterr().err


def test_the_help_and_choice_errors_are_german(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["--help"])
    help_text = capsys.readouterr().out
    assert help_text.startswith("Aufruf: abh-desk") and "diese Hilfe zeigen und beenden" in help_text
    assert "usage" not in help_text and "options" not in help_text
    with pytest.raises(SystemExit) as exit_info:
        main(["fristen"])
    assert exit_info.value.code == 2
    assert "Eine dieser Angaben ist nötig: --benutzer --bereich --alle" in capsys.readouterr().err
