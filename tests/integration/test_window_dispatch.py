"""``abh-desk`` and ``abh-desk --db URL`` open the window without the command line's modules
(issue 21: they import SQLAlchemy and every service before the sign-in window could appear); the
errors the command reports in German are reported so on that way too."""

from __future__ import annotations

import errno

import pytest

import main


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        ([], (True, None)),
        (["--db", "sqlite:////tmp/a.sqlite3"], (True, "sqlite:////tmp/a.sqlite3")),
        (["--db=postgresql://abh@server/abh"], (True, "postgresql://abh@server/abh")),
        (["--db", "sqlite:////tmp/a.sqlite3", "demo", "--personen", "50"], (False, None)),
        (["wiederherstellen", "/tmp/sicherung.abhsich"], (False, None)),
        (["--db", "--help"], (False, None)),
        (["--help"], (False, None)),
        (["--anmelden", "osswald"], (False, None)),
    ],
)
def test_only_the_window_alone_skips_the_command_line(argv: list[str], expected: tuple[bool, str | None]) -> None:
    assert main.window_only(argv) == expected


def test_the_window_way_reports_a_full_disk_in_german(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def full(_url: str | None) -> int:
        raise OSError(errno.ENOSPC, "No space left on device", "/home/abh/.local/share/abh-desk")

    monkeypatch.setattr(main, "start_gui", full)
    monkeypatch.setattr("sys.argv", ["abh-desk", "--db", "sqlite:////tmp/a.sqlite3"])
    assert main.main() == 1
    assert capsys.readouterr().err == (
        "Fehler (/home/abh/.local/share/abh-desk): kein Platz mehr auf dem Datenträger; es wurde nichts gespeichert.\n"
    )
