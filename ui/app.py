"""Starting the window: QApplication, translations (German by default), database, main window."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator
from PySide6.QtWidgets import QApplication, QMessageBox

from abh_desk.bootstrap import open_context
from abh_desk.config import load_settings
from abh_desk.errors import DomainError
from ui.main_window import MainWindow

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
    try:
        settings = load_settings()
        install_translators(app, settings.language)
        ctx = open_context(db_url)
    except DomainError as exc:
        QMessageBox.critical(None, "ABH Desk", exc.message)
        return 2
    window = MainWindow(ctx)
    window.show()
    window.focus_search()
    return app.exec()
