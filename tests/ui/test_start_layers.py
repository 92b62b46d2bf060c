"""Issue 21, the start: the sign-in window comes first, with only PySide6 and the translators
loaded; SQLAlchemy, the models, the services, the schema check and the connection load behind
it while the user types. A user faster than the loading is signed in as soon as it is done; a
database that cannot be opened ends in a German message, never a traceback.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QMessageBox
from pytestqt.qtbot import QtBot
from sqlalchemy import text

from abh_desk.clock import FixedClock
from abh_desk.demo.users import DEMO_PASSWORD, ensure_demo_users
from abh_desk.services.context import ServiceContext
from abh_desk.storage import Database
from tests.conftest import migrated_sqlite
from ui.login_dialog import LoginDialog
from ui.startup import DatabaseLoad
from ui.tasks import TaskRunner

ROOT = Path(__file__).resolve().parents[2]
#: Modules that must not be loaded when the sign-in window appears (each costs 20–220 ms at start).
HEAVY = (
    "sqlalchemy",
    "alembic",
    "models",
    "argon2",
    "reportlab",
    "abh_desk.storage",
    "abh_desk.bootstrap",
    "abh_desk.services",
    "abh_desk.cli",
    "ui.main_window",
    "ui.first_start_dialog",
    "PySide6.QtCharts",
    "PySide6.QtPdf",
)

#: ``abh-desk --db URL`` in a fresh interpreter (``main.main``, as the command starts); prints which
#: heavy modules were loaded when the sign-in window was shown and once the database was open.
START = r"""
import json, os, sys
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication

HEAVY = json.loads(sys.argv[1])
app = QApplication(sys.argv[:1])
seen = {}


def heavy():
    return [name for name in HEAVY if any(m == name or m.startswith(name + ".") for m in sys.modules)]


class Watch(QObject):
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Show and type(watched).__name__ == "LoginDialog" and not seen:
            seen["shown"] = heavy()
            seen["title"] = watched.windowTitle()

            def opened():
                if watched.load.ready or watched.load.failure:
                    seen["opened"] = heavy()
                    seen["failure"] = watched.load.failure
                    print(json.dumps(seen), flush=True)
                    os._exit(0)

            self.timer = QTimer()
            self.timer.timeout.connect(opened)
            self.timer.start(20)
        return False


watch = Watch()
app.installEventFilter(watch)
sys.argv = ["abh-desk", "--db", sys.argv[2]]
import main

sys.exit(f"ended without a sign-in window: {main.main()}")
"""


def test_the_sign_in_window_appears_before_the_database_layer_is_imported(
    tmp_path: Path, sqlite_template: Path
) -> None:
    """Fails when someone puts a heavy import back on the way to the sign-in window (main.py, the
    command's dispatch, ui.app, the sign-in dialog and what they import at module level)."""
    url = migrated_sqlite(tmp_path, sqlite_template)
    done = subprocess.run(
        [sys.executable, "-c", START, json.dumps(HEAVY), url],
        capture_output=True,
        text=True,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        cwd=str(ROOT),
        timeout=300,
    )
    assert done.returncode == 0, done.stderr
    seen = json.loads(done.stdout.strip().splitlines()[-1])
    assert seen["title"] == "ABH Desk – Anmeldung"  # the translators are in
    assert seen["shown"] == []
    assert seen["failure"] is None
    # Behind the sign-in, not never: the database layer and the main window are there afterwards.
    assert {"sqlalchemy", "models", "abh_desk.services", "abh_desk.bootstrap", "ui.main_window"} <= set(seen["opened"])


def _office(tmp_path: Path, sqlite_template: Path, clock: FixedClock) -> str:
    from abh_desk.domain.catalogue import load_catalogue
    from abh_desk.services.example_office import install_example_office

    url = migrated_sqlite(tmp_path, sqlite_template)
    db = Database(url)
    ctx = ServiceContext(db, load_catalogue(), clock=clock)
    install_example_office(ctx)
    ensure_demo_users(ctx)
    db.dispose()
    return url


@pytest.mark.parametrize(
    ("password", "message"), [(DEMO_PASSWORD, ""), ("falsch-falsch", "Benutzername oder Passwort falsch.")]
)
def test_a_user_faster_than_the_database_is_signed_in_as_soon_as_it_is_open(
    qtbot: QtBot, tmp_path: Path, sqlite_template: Path, clock: FixedClock, password: str, message: str
) -> None:
    url = _office(tmp_path, sqlite_template, clock)
    runner = TaskRunner()
    load = DatabaseLoad(runner, url, clock=clock)
    dialog = LoginDialog(load, runner, "schweiger")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.password, password)
    qtbot.keyClick(dialog.password, Qt.Key.Key_Return)  # before the database is even being opened
    assert dialog.status.isVisible() and dialog.status.text() == "Verbindung wird hergestellt …"
    assert not dialog.sign_in_button.isEnabled() and not dialog.password.isEnabled()
    assert dialog.buttons.button(QDialogButtonBox.StandardButton.Cancel).isEnabled()  # one can still give up
    assert dialog.signed_in is None and dialog.message.text() == ""
    load.start()
    try:
        if message:  # a wrong password is said once the database could check it
            qtbot.waitUntil(lambda: dialog.message.text() == message, timeout=30_000)
            assert dialog.password.isEnabled() and dialog.password.text() == "" and dialog.signed_in is None
        else:
            qtbot.waitUntil(lambda: dialog.signed_in is not None, timeout=30_000)
            assert dialog.result() == LoginDialog.DialogCode.Accepted
            assert dialog.signed_in is not None
            assert (dialog.signed_in.display_name, dialog.signed_in.role_label) == ("Frau Schweiger", "Sachbearbeitung")
        assert not dialog.status.isVisible()
    finally:
        runner.wait()
        if load.ctx is not None:
            load.ctx.db.dispose()


def _damaged(tmp_path: Path, _template: Path) -> str:
    path = tmp_path / "kaputt.sqlite3"
    path.write_bytes(b"Das ist keine Datenbank. " * 400)
    return f"sqlite:///{path}"


def _too_new(tmp_path: Path, template: Path) -> str:
    url = migrated_sqlite(tmp_path, template)
    db = Database(url)
    with db.engine.begin() as connection:
        connection.execute(text("UPDATE alembic_version SET version_num = 'f0f0f0f0f0f0'"))
    db.dispose()
    return url


def _unreachable(_tmp_path: Path, _template: Path) -> str:
    return "postgresql+psycopg://abh@127.0.0.1:1/abh"


def _unexpected(tmp_path: Path, template: Path) -> str:
    return migrated_sqlite(tmp_path, template)


class _SignInAtOnce(QObject):
    """The user types and presses Anmelden the moment the sign-in window is shown."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Show and isinstance(watched, LoginDialog):
            watched.username.setText("schweiger")
            watched.password.setText(DEMO_PASSWORD)
            watched.attempt()
            QTimer.singleShot(60_000, watched.reject)  # never a stuck test
        return False


@pytest.mark.parametrize(
    ("database", "message"),
    [
        (_damaged, "kaputt.sqlite3 ist keine lesbare Datenbank (file is not a database). Ist die Datei beschädigt, "
         "spielt „abh-desk wiederherstellen DATEI“ die letzte Sicherung zurück."),
        (_too_new, "den dieses Programm nicht kennt. Vermutlich wurde sie mit einer neueren Version von ABH Desk "
         "angelegt: bitte dieses Programm aktualisieren."),
        (_unreachable, "ist nicht erreichbar"),
        (_unexpected, "Die Datenbank konnte nicht geöffnet werden: Festplatte klemmt"),
    ],
    ids=["damaged", "schema-too-new", "unreachable", "unexpected"],
)  # fmt: skip
def test_a_database_that_cannot_be_opened_is_said_in_german(
    monkeypatch: pytest.MonkeyPatch, qapp: QApplication, tmp_path: Path, sqlite_template: Path, database, message
) -> None:  # type: ignore[no-untyped-def]
    """The real start (``ui.app.run``, the modal sign-in window): the load fails behind it while
    the user already waits to be signed in; the window closes and the message box says why."""
    import ui.app

    if database is _unexpected:

        def broken(*_args: object, **_kwargs: object) -> None:
            raise OSError("Festplatte klemmt")

        monkeypatch.setattr("abh_desk.bootstrap.open_context", broken)
    url = database(tmp_path, sqlite_template)
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "critical", lambda _parent, _title, text: shown.append(text))
    watch = _SignInAtOnce()
    qapp.installEventFilter(watch)
    try:
        assert ui.app.run(url) == 2
    finally:
        qapp.removeEventFilter(watch)
    assert len(shown) == 1 and message in shown[0], shown
    assert "Traceback" not in shown[0]
