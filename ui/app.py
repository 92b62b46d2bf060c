"""Starting the window: QApplication, translations (German by default), database, main window."""

from __future__ import annotations

import sys
from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import QLibraryInfo, QLocale, QLockFile, QTranslator
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox

from abh_desk.bootstrap import open_context
from abh_desk.config import WorkstationSettings, data_dir, load_settings, save_settings
from abh_desk.errors import DomainError
from abh_desk.storage import set_password_prompt
from ui import dialogs
from ui.login_dialog import LoginDialog
from ui.main_window import MainWindow
from ui.tasks import TaskRunner

TRANSLATIONS = Path(__file__).resolve().parent.parent / "resources" / "translations"


def install_translators(app: QApplication, language: str) -> list[QTranslator]:
    """German: our own abh_desk_de.qm and Qt's qtbase_de.qm (standard buttons say "Abbrechen")."""
    translators: list[QTranslator] = []
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
        settings = load_settings()
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
    # Without a secure keyring the server password is asked once per session, in a window, and kept
    # in memory only (abh_desk.storage.session_password).
    set_password_prompt(lambda question: dialogs.ask_password(None, "ABH Desk", question))
    try:
        settings = load_settings()
        from abh_desk.services.workstation_setup import is_first_start

        if is_first_start(db_url):  # a new workstation: ask for the office's settings first
            from ui.first_start_dialog import set_up_workstation

            first = set_up_workstation(runner)
            if first is None:
                return 0
            settings = first
        ctx = open_context(db_url)
    except DomainError as exc:
        QMessageBox.critical(None, "ABH Desk", exc.message)
        return 2
    last_username = settings.last_username
    while True:  # "Abmelden / Benutzer wechseln" comes back here: the next user signs in
        login = LoginDialog(ctx, runner, last_username)
        if login.exec() != QDialog.DialogCode.Accepted or login.signed_in is None:
            return 0
        signed_in = login.signed_in
        last_username = signed_in.actor.username
        save_settings(replace(settings, last_username=last_username))
        window = MainWindow(ctx.as_user(signed_in.actor), runner, signed_in=signed_in)
        window.show()
        window.live.start()  # other workstations' changes, shown as they happen
        window.raise_()
        window.activateWindow()  # the keyboard goes on where the sign-in dialog left off
        code = app.exec()
        if not window.signed_out:
            return code
        window.deleteLater()
