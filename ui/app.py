"""Starting the window: QApplication, translations (German by default), the sign-in window at
once and the database behind it (``ui.startup``), then the main window.

Only PySide6 and light modules are imported here: SQLAlchemy, the models, the services and the
main window load on the database thread while the sign-in window is on screen.
"""

from __future__ import annotations

import sys
from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import QLibraryInfo, QLocale, QLockFile, QTranslator
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox

from abh_desk.config import WorkstationSettings, data_dir, is_first_start, read_settings, save_settings
from abh_desk.errors import DomainError
from ui.login_dialog import LoginDialog
from ui.messages import error_text, set_language
from ui.startup import DatabaseLoad
from ui.tasks import TaskRunner

TRANSLATIONS = Path(__file__).resolve().parent.parent / "resources" / "translations"


def install_translators(app: QApplication, language: str) -> list[QTranslator]:
    """German: our own abh_desk_de.qm and Qt's qtbase_de.qm (standard buttons say "Abbrechen")."""
    translators: list[QTranslator] = []
    set_language(language)  # the services' sentences (ui.messages) speak it too
    if language == "en":
        return translators
    QLocale.setDefault(QLocale(QLocale.Language.German, QLocale.Country.Germany))
    for name, directory in (
        (f"qtbase_{language}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)),
        (f"abh_desk_{language}", str(TRANSLATIONS)),
    ):
        translator = QTranslator(app)
        if translator.load(name, directory):
            app.installTranslator(translator)
            translators.append(translator)
    return translators


def run(db_url: str | None) -> int:
    app = QApplication.instance() or QApplication(sys.argv)
    assert isinstance(app, QApplication)
    app.setApplicationName("ABH Desk")
    app.setOrganizationName("ABH Desk")
    # One window per user and workstation: a second start would leave an earlier, still signed-in
    # session hidden under the new one.
    # The workstation's language first: every message from here on speaks it, the refusal of a
    # second start too (it showed in English when it came before the translators).
    try:
        settings = read_settings()
    except DomainError:
        settings = WorkstationSettings()  # _run reports the broken settings file
    translators = install_translators(app, settings.language)
    data_dir().mkdir(parents=True, exist_ok=True)
    running = QLockFile(str(data_dir() / "abh-desk.lock"))
    if not running.tryLock(100):
        QMessageBox.information(
            None, "ABH Desk", QApplication.translate("app", "ABH Desk is already running for you on this workstation.")
        )
        return 1
    try:
        return _run(app, db_url)
    finally:
        running.unlock()
        for translator in translators:
            app.removeTranslator(translator)


def _run(app: QApplication, db_url: str | None) -> int:
    runner = TaskRunner()
    load = DatabaseLoad(runner, db_url)
    try:
        settings = read_settings()
        if is_first_start(db_url):  # a new workstation: ask for the office's settings first
            from abh_desk.storage import set_password_prompt
            from ui.first_start_dialog import set_up_workstation

            set_password_prompt(load.prompt.ask)
            first = set_up_workstation(runner)
            if first is None:
                return 0
            settings = first
        return _sign_in_loop(app, load, runner, settings)
    except DomainError as exc:
        QMessageBox.critical(None, "ABH Desk", error_text(exc))
        return 2
    finally:
        load.close()  # a password question still open is dropped; the database thread ends
        runner.wait()


def _sign_in_loop(app: QApplication, load: DatabaseLoad, runner: TaskRunner, settings: WorkstationSettings) -> int:
    last_username = settings.last_username
    while True:  # "Abmelden / Benutzer wechseln" comes back here: the next user signs in
        login = LoginDialog(load, runner, last_username)
        load.start_when_painted(login)
        accepted = login.exec() == QDialog.DialogCode.Accepted
        if login.failure is not None:  # the database could not be opened (unreachable, too new, damaged)
            QMessageBox.critical(None, "ABH Desk", login.failure)
            return 2
        if not accepted or login.signed_in is None or load.ctx is None:
            return 0
        signed_in = login.signed_in
        last_username = signed_in.actor.username
        save_settings(replace(settings, last_username=last_username))
        from ui.main_window import MainWindow  # imported by the load already

        window = MainWindow(load.ctx.as_user(signed_in.actor), runner, signed_in=signed_in)
        window.show()
        window.live.start()  # other workstations' changes, shown as they happen
        window.raise_()
        window.activateWindow()  # the keyboard goes on where the sign-in dialog left off
        code = app.exec()
        if not window.signed_out:
            return code
        window.deleteLater()
