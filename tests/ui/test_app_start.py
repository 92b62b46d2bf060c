"""Starting the window: a second start for the same user and workstation is refused (it would leave
the first, still signed-in session hidden underneath); Ctrl+Q quits from any of the program's windows."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QLockFile, Qt
from PySide6.QtWidgets import QMessageBox

from abh_desk.config import WorkstationSettings, data_dir, save_settings


def test_a_second_start_is_refused_while_the_first_runs(monkeypatch: pytest.MonkeyPatch, qapp) -> None:
    import ui.app
    from ui.login_dialog import LoginDialog

    save_settings(WorkstationSettings())
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda _p, _t, text: shown.append(text))
    monkeypatch.setattr(LoginDialog, "exec", lambda self: LoginDialog.DialogCode.Rejected)
    data_dir().mkdir(parents=True, exist_ok=True)
    first = QLockFile(str(data_dir() / "abh-desk.lock"))
    assert first.tryLock(0)
    try:
        assert ui.app.run(None) == 1
        assert shown == ["ABH Desk läuft auf diesem Arbeitsplatz bereits für Sie."]
    finally:
        first.unlock()
    assert ui.app.run(None) == 0  # once the first has ended, the program starts (and lets go again)
    assert ui.app.run(None) == 0


def test_quit_is_a_shortcut_of_the_whole_program(qtbot, sqlite_ctx) -> None:
    from ui.main_window import MainWindow

    window = MainWindow(sqlite_ctx)
    qtbot.addWidget(window)
    quit_action = next(a for a in window.findChildren(type(window.menuBar().actions()[0])) if a.text() == "&Beenden")
    assert quit_action.shortcutContext() == Qt.ShortcutContext.ApplicationShortcut


def test_the_refused_second_start_speaks_german_before_any_window(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """Issue 23, part 12: the message came in English when it was shown before the translators were
    installed. A fresh interpreter (no translator of the test session) shows what a user sees."""
    import os
    import subprocess
    import sys

    data_dir().mkdir(parents=True, exist_ok=True)
    first = QLockFile(str(data_dir() / "abh-desk.lock"))
    assert first.tryLock(0)
    script = (
        "from PySide6.QtWidgets import QMessageBox\n"
        "QMessageBox.information = staticmethod(lambda _p, _t, text: print(text))\n"
        "import ui.app\n"
        "raise SystemExit(ui.app.run(None))\n"
    )
    try:
        done = subprocess.run(
            [sys.executable, "-c", script],
            capture_output=True,
            text=True,
            env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
            cwd=str(Path(__file__).resolve().parents[2]),
            timeout=60,
        )
    finally:
        first.unlock()
    assert done.returncode == 1, done.stderr
    assert done.stdout.strip() == "ABH Desk läuft auf diesem Arbeitsplatz bereits für Sie."
