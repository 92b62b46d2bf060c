"""The one place where the screens ask the user for a file name or a confirmation, so that tests
can answer instead of a person (Picard's dialog service does the same)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog, QInputDialog, QWidget


def ask_save_path(parent: QWidget | None, title: str, suggested: str, filter_text: str = "PDF (*.pdf)") -> Path | None:
    name, _filter = QFileDialog.getSaveFileName(parent, title, str(Path.home() / suggested), filter_text)
    return Path(name) if name else None


def ask_text(parent: QWidget | None, title: str, label: str) -> str | None:
    """A line of text from the user; None when cancelled."""
    text, accepted = QInputDialog.getText(parent, title, label)
    return text if accepted else None


def ask_choice(parent: QWidget | None, title: str, label: str, items: list[str], current: int = 0) -> str | None:
    item, accepted = QInputDialog.getItem(parent, title, label, items, current, False)
    return item if accepted else None


def show_pdf(parent: QWidget | None, path: Path) -> None:
    """Open a PDF in the workstation's viewer (to print it there)."""
    QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))
