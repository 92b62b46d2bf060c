"""Without a secure keyring the window asks for the server password in a dialog (once per session,
kept in memory only); the dialog is never opened from the worker thread."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtWidgets import QInputDialog, QLineEdit

from abh_desk import storage
from ui import dialogs


def test_the_window_installs_a_dialog_prompt(monkeypatch: pytest.MonkeyPatch, qapp) -> None:
    import ui.app
    from abh_desk.config import WorkstationSettings, save_settings
    from ui.login_dialog import LoginDialog

    save_settings(WorkstationSettings())
    monkeypatch.setattr(LoginDialog, "exec", lambda self: LoginDialog.DialogCode.Rejected)
    asked: list[tuple[str, object]] = []

    def get_text(_parent, _title, question, echo):
        asked.append((question, echo))
        return "geheim", True

    monkeypatch.setattr(QInputDialog, "getText", get_text)
    try:
        assert ui.app.run(None) == 0
        assert storage._prompt("Passwort für abh@server:") == "geheim"
        assert asked == [("Passwort für abh@server:", QLineEdit.EchoMode.Password)]
        answers: list[str | None] = []
        worker = threading.Thread(target=lambda: answers.append(storage._prompt("Passwort?")))
        worker.start()
        worker.join()
        assert answers == [None] and len(asked) == 1  # no dialog off the window's thread
    finally:
        storage.set_password_prompt(None)


def test_a_cancelled_or_empty_answer_is_no_password(monkeypatch: pytest.MonkeyPatch, qapp) -> None:
    monkeypatch.setattr(QInputDialog, "getText", lambda *a: ("", True))
    assert dialogs.ask_password(None, "ABH Desk", "Passwort?") is None
    monkeypatch.setattr(QInputDialog, "getText", lambda *a: ("x", False))
    assert dialogs.ask_password(None, "ABH Desk", "Passwort?") is None
