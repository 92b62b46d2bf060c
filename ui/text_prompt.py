"""A small dialog asking for a reason or a comment that keeps what was typed when it is refused:
the message stands under the field, the text stays, the dialog stays open (issue 23, part 10).
From the keyboard: Tab leaves a text of several lines for the buttons, Ctrl+Enter confirms."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from abh_desk.errors import DomainError
from ui.messages import error_text
from ui.widgets import message_label

#: Checks the text as the service will (a pure function: no database); raises DomainError.
TextCheck = Callable[[str], object]


class TextPrompt(QDialog):
    def __init__(
        self,
        parent: QWidget | None,
        title: str,
        label: str,
        check: TextCheck | None = None,
        multiline: bool = True,
        text: str = "",
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.check = check
        self.label = QLabel(label)
        self.label.setWordWrap(True)
        self.field: QPlainTextEdit | QLineEdit = QPlainTextEdit(text) if multiline else QLineEdit(text)
        if isinstance(self.field, QPlainTextEdit):
            # Enter starts a new line there: Tab goes on to OK, Ctrl+Enter confirms (never a tab character).
            self.field.setTabChangesFocus(True)
            self.field.installEventFilter(self)
        self.label.setBuddy(self.field)
        self.error = message_label()
        self.error.hide()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.label)
        layout.addWidget(self.field)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        if multiline:
            self.resize(480, 260)
        self.field.setFocus()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            watched is self.field
            and isinstance(event, QKeyEvent)
            and event.type() == QEvent.Type.KeyPress
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            and event.modifiers() & Qt.KeyboardModifier.ControlModifier
        ):
            self.accept()
            return True
        return super().eventFilter(watched, event)

    def text(self) -> str:
        return self.field.toPlainText() if isinstance(self.field, QPlainTextEdit) else self.field.text()

    def accept(self) -> None:
        """OK: only a text the check lets pass closes the dialog; otherwise its message shows."""
        if self.check is not None:
            try:
                self.check(self.text())
            except DomainError as exc:
                self.error.setText(error_text(exc))
                self.error.show()
                self.field.setFocus()
                return
        super().accept()


def ask_checked(
    parent: QWidget | None,
    title: str,
    label: str,
    check: TextCheck | None = None,
    multiline: bool = True,
) -> str | None:
    prompt = TextPrompt(parent, title, label, check, multiline)
    return prompt.text() if prompt.exec() == QDialog.DialogCode.Accepted else None
