"""``abh-desk selbsttest`` from the source tree: every step passes, and a failing step is named."""

from __future__ import annotations

import io
import os
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import qVersion

from abh_desk import selftest
from abh_desk.cli import main
from abh_desk.clock import FixedClock
from tests.conftest import TEST_DAY


def run(*argv: str) -> tuple[int, list[str]]:
    out = io.StringIO()
    code = main(list(argv), out=out, clock=FixedClock(TEST_DAY))
    return code, out.getvalue().splitlines()


def test_every_step_passes_and_says_what_it_checked() -> None:
    code, lines = run("selbsttest")
    assert code == 0
    assert all(line.startswith("OK   ") for line in lines[:-1])
    assert "Schemastand" in lines[0]
    assert lines[1].startswith("OK   Zuständigkeit: „Nguyễn“ → Frau Schweiger")
    assert "argon2id" in lines[2]
    assert "Widerspruchsfrist bis 05.06.2026 (verschoben: Fronleichnam (Feiertag in BW))" in lines[3]
    assert "PDF erzeugt und gelesen" in lines[4]
    assert lines[-1] == "Selbsttest bestanden."


def test_a_wrong_result_names_its_step_and_stops(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(selftest, "EXPECTED_DUE", date(2026, 6, 4))
    code, lines = run("selbsttest")
    assert code == 1
    assert lines[-1] == (
        "FEHLER im Schritt „Frist“: Widerspruchsfrist 05.06.2026 (Fronleichnam (Feiertag in BW)), "
        "erwartet 04.06.2026 wegen Fronleichnam"
    )
    assert not any("Schreiben" in line for line in lines)


def test_a_missing_file_fails_the_step_that_reads_it(monkeypatch: pytest.MonkeyPatch, tmp_path) -> None:
    """As in a bundle that lacks a resource: the letter's text blocks are not where they should be."""
    import letters.textblocks

    monkeypatch.setattr(letters.textblocks, "DEFAULT_PATH", tmp_path / "fehlt.toml")
    out = io.StringIO()
    code = selftest.run_selftest(out)
    text = out.getvalue()
    assert code == 1
    assert "FEHLER im Schritt „Schreiben“" in text and "fehlt.toml" in text
    assert "Traceback" in text  # an unexpected error keeps its traceback for the administrator


def test_the_window_check_runs_last(monkeypatch: pytest.MonkeyPatch) -> None:
    out = io.StringIO()
    assert selftest.run_selftest(out, gui_check=lambda: "Oberfläche: geprüft") == 0
    assert out.getvalue().splitlines()[-2] == "OK   Oberfläche: geprüft"

    def broken() -> str:
        raise RuntimeError("kein Qt")

    out = io.StringIO()
    assert selftest.run_selftest(out, gui_check=broken) == 1
    assert "FEHLER im Schritt „Oberfläche“: kein Qt" in out.getvalue()


def test_the_installed_command_checks_the_window_too(tmp_path) -> None:
    """The entry point (main.py) hands the window check in: Qt starts offscreen and speaks German."""
    executable = Path(sys.executable).with_name("abh-desk")
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "ABH_DESK_DATA_DIR": str(tmp_path),
        "ABH_DESK_CONFIG_DIR": str(tmp_path),
    }
    result = subprocess.run([str(executable), "selbsttest"], capture_output=True, text=True, env=env, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr
    lines = result.stdout.splitlines()
    assert lines[-2] == (
        "OK   Oberfläche: Qt " + qVersion() + ", Plattform „offscreen“, deutsch, "
        "Fenster „ABH Desk – Einrichtung des Arbeitsplatzes“ geöffnet, Briefvorschau (QtPdf) zeichnet 1 Seite(n)"
    )
