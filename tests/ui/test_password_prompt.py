"""Without a secure keyring the window asks for the server password in a dialog (once per session,
kept in memory only). The connection is opened on the database thread behind the sign-in window
(issue 21), so the question travels to the window's thread and the dialog is shown there; once the
program ends, a question still open is answered with nothing instead of waiting for ever."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from PySide6.QtWidgets import QInputDialog, QLineEdit
from pytestqt.qtbot import QtBot

from abh_desk import storage
from abh_desk.clock import FixedClock
from tests.conftest import migrated_sqlite
from ui import dialogs
from ui.startup import DatabaseLoad
from ui.tasks import TaskRunner


def _ask_on_a_worker(question: str) -> list[str | None]:
    answers: list[str | None] = []
    worker = threading.Thread(target=lambda: answers.append(storage._prompt(question)))
    worker.start()
    return answers


def test_the_database_thread_asks_in_a_dialog_on_the_windows_thread(
    monkeypatch: pytest.MonkeyPatch, qtbot: QtBot, tmp_path: Path, sqlite_template: Path, clock: FixedClock
) -> None:
    asked: list[tuple[str, object, bool]] = []

    def get_text(_parent, _title, question, echo):  # type: ignore[no-untyped-def]
        asked.append((question, echo, threading.current_thread() is threading.main_thread()))
        return "geheim", True

    monkeypatch.setattr(QInputDialog, "getText", get_text)
    runner = TaskRunner()
    load = DatabaseLoad(runner, migrated_sqlite(tmp_path, sqlite_template), clock=clock)
    try:
        load.start()  # installs the window's prompt, then opens the database
        qtbot.waitUntil(lambda: load.ready, timeout=30_000)
        answers = _ask_on_a_worker("Passwort für abh@server:")
        qtbot.waitUntil(lambda: bool(answers))
        assert answers == ["geheim"]
        assert asked == [("Passwort für abh@server:", QLineEdit.EchoMode.Password, True)]
        assert storage._prompt("Passwort?") == "geheim"  # on the window's thread: asked directly

        load.close()  # the program ends: nobody is asked any more
        late = _ask_on_a_worker("Passwort?")
        qtbot.waitUntil(lambda: bool(late))
        assert late == [None] and len(asked) == 2
    finally:
        storage.set_password_prompt(None)
        runner.wait()
        if load.ctx is not None:
            load.ctx.db.dispose()


def test_a_cancelled_or_empty_answer_is_no_password(monkeypatch: pytest.MonkeyPatch, qapp) -> None:
    monkeypatch.setattr(QInputDialog, "getText", lambda *a: ("", True))
    assert dialogs.ask_password(None, "ABH Desk", "Passwort?") is None
    monkeypatch.setattr(QInputDialog, "getText", lambda *a: ("x", False))
    assert dialogs.ask_password(None, "ABH Desk", "Passwort?") is None
