"""The window part of ``abh-desk selbsttest``: Qt starts, speaks German, and builds a window.

In a bundle this proves that the Qt libraries, the platform plugin and both translations
(ours and Qt's own ``qtbase_de.qm``) were packed; ``main.py`` hands it to the self test.
"""

from __future__ import annotations

import os
import sys

from PySide6.QtCore import QCoreApplication, qVersion
from PySide6.QtWidgets import QApplication

from ui.app import install_translators


class GuiCheckFailed(Exception):
    pass


def check_gui() -> str:
    if not any(os.environ.get(name) for name in ("QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY")):
        os.environ["QT_QPA_PLATFORM"] = "offscreen"  # no screen: Qt would abort the process
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    translators = install_translators(app, "de")
    try:
        context, source = "QPlatformTheme", "Cancel"  # Qt's own text (not in our .ts file)
        cancel = QCoreApplication.translate(context, source)
        if cancel != "Abbrechen":
            raise GuiCheckFailed(f"Qt-Übersetzung qtbase_de.qm fehlt (Cancel → {cancel})")
        from ui.first_start_dialog import FirstStartDialog

        dialog = FirstStartDialog()
        dialog.show()
        app.processEvents()
        title = dialog.windowTitle()
        if not dialog.isVisible() or "Einrichtung" not in title:
            raise GuiCheckFailed(f"das Fenster „{title}“ ist nicht deutsch oder nicht sichtbar")
        dialog.close()
        dialog.deleteLater()
        app.processEvents()
        pages = _check_pdf_rendering()
    finally:
        for translator in translators:
            app.removeTranslator(translator)
    return (
        f"Oberfläche: Qt {qVersion()}, Plattform „{app.platformName()}“, deutsch, Fenster „{title}“ geöffnet, "
        f"Briefvorschau (QtPdf) zeichnet {pages} Seite(n)"
    )


def _check_pdf_rendering() -> int:
    """The letter preview and printing need QtPdf (from the add-ons): a sample letter is drawn."""
    from PySide6.QtCore import QSize

    from abh_desk.selftest import sample_letter_pdf
    from ui.main_window import MainWindow  # noqa: F401 - every window module (and its Qt modules) loads
    from ui.printing import load_pdf

    document = load_pdf(sample_letter_pdf())
    try:
        image = document.render(0, QSize(595, 842))
        inked = not image.isNull() and any(
            image.pixelColor(x, y).alpha() > 0 and image.pixelColor(x, y).lightness() < 128
            for x in range(0, 595, 3)
            for y in range(60, 300, 3)
        )
        if not inked:
            raise GuiCheckFailed("QtPdf zeichnet die Briefvorschau nicht (keine Schrift auf der Seite)")
        return document.pageCount()
    finally:
        document.close()
