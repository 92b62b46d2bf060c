"""The one place where the screens ask the user for a file name or a confirmation, so that tests
can answer instead of a person (Picard's dialog service does the same)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QThread
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QInputDialog,
    QLineEdit,
    QMessageBox,
    QWidget,
)

from ui.printing import print_pdf
from ui.text_prompt import TextCheck, ask_checked
from ui.widgets import picked_date, qdate


def ask_save_path(parent: QWidget | None, title: str, suggested: str, filter_text: str = "PDF (*.pdf)") -> Path | None:
    name, _filter = QFileDialog.getSaveFileName(parent, title, str(Path.home() / suggested), filter_text)
    return Path(name) if name else None


def ask_open_path(parent: QWidget | None, title: str, filter_text: str) -> Path | None:
    """A file to read (it must exist); None when cancelled."""
    name, _filter = QFileDialog.getOpenFileName(parent, title, str(Path.home()), filter_text)
    return Path(name) if name else None


def ask_folder(parent: QWidget | None, title: str, current: str = "") -> Path | None:
    name = QFileDialog.getExistingDirectory(parent, title, current or str(Path.home()))
    return Path(name) if name else None


def ask_text(parent: QWidget | None, title: str, label: str, check: TextCheck | None = None) -> str | None:
    """A line of text from the user; None when cancelled. With ``check``, a refused text stays in
    the field with the message under it."""
    if check is not None:
        return ask_checked(parent, title, label, check, multiline=False)
    text, accepted = QInputDialog.getText(parent, title, label)
    return text if accepted else None


def ask_choice(parent: QWidget | None, title: str, label: str, items: list[str], current: int = 0) -> str | None:
    item, accepted = QInputDialog.getItem(parent, title, label, items, current, False)
    return item if accepted else None


def ask_printer(parent: QWidget | None) -> QPrinter | None:
    """The printer (and its settings) the user chose; None when cancelled."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    dialog = QPrintDialog(printer, parent)
    return printer if dialog.exec() == QDialog.DialogCode.Accepted else None


def ask_yes_no(parent: QWidget | None, title: str, question: str) -> bool:
    answer = QMessageBox.question(parent, title, question)
    return answer == QMessageBox.StandardButton.Yes


def ask_password(parent: QWidget | None, title: str, question: str) -> str | None:
    """A password, typed hidden; None when cancelled (or when asked off the window's thread)."""
    app = QCoreApplication.instance()
    if app is None or app.thread() is not QThread.currentThread():
        return None
    text, accepted = QInputDialog.getText(parent, title, question, QLineEdit.EchoMode.Password)
    return text if accepted and text else None


def ask_long_text(parent: QWidget | None, title: str, label: str, check: TextCheck | None = None) -> str | None:
    """Several lines of text (a comment, a reason); None when cancelled. With ``check``, a refused
    text stays in the field with the message under it."""
    if check is not None:
        return ask_checked(parent, title, label, check)
    text, accepted = QInputDialog.getMultiLineText(parent, title, label)
    return text if accepted else None


def ask_date(parent: QWidget | None, title: str, label: str, default: date) -> date | None:
    dialog = QDialog(parent)
    dialog.setWindowTitle(title)
    edit = QDateEdit(qdate(default))
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("dd.MM.yyyy")
    form = QFormLayout(dialog)
    form.addRow(label, edit)
    form.addRow(_buttons(dialog))
    return picked_date(edit.date()) if dialog.exec() == QDialog.DialogCode.Accepted else None


def _buttons(dialog: QDialog) -> QDialogButtonBox:
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    return buttons


def print_document(parent: QWidget | None, pdf: bytes) -> int:
    """Ask for a printer and print the PDF on it; the number of pages printed (0 when cancelled)."""
    printer = ask_printer(parent)
    return print_pdf(pdf, printer) if printer is not None else 0
