"""A small dialog of labelled fields whose save runs a service on the worker thread; a refused save
shows each German message under its field (``ValidationError.field``) and keeps the dialog open."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from typing import Any

from PySide6.QtCore import QDate, QDateTime, Qt, QTime
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from abh_desk.errors import FieldErrors, ValidationError
from ui.messages import error_text
from ui.tasks import TaskRunner
from ui.widgets import fit_on_screen, message_label


def date_edit(value: date) -> QDateEdit:
    edit = QDateEdit(QDate(value.year, value.month, value.day))
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("dd.MM.yyyy")
    return edit


def datetime_edit(value: datetime) -> QDateTimeEdit:
    edit = QDateTimeEdit(QDateTime(QDate(value.year, value.month, value.day), QTime(value.hour, value.minute)))
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("dd.MM.yyyy HH:mm")
    return edit


class FormDialog(QDialog):
    """``add(field, label, widget)`` in tab order, then ``submit(work, done)`` from the OK button."""

    def __init__(self, title: str, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.runner = runner
        self.result_value: Any = None
        self._busy = False
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.errors: dict[str, QLabel] = {}
        self.widgets: dict[str, QWidget] = {}
        self.message = message_label()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setDefault(True)
        # Enter saves, whatever button was created or enabled first.
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setAutoDefault(False)
        self.body = QVBoxLayout(self)
        self.body.addLayout(self.form)
        self.body.addWidget(self.message)
        self.body.addStretch(1)  # spare height below the fields, not between them
        self.body.addWidget(self.buttons)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)

    def add(self, field: str, label: str, widget: QWidget) -> QWidget:
        """A row with its label, and below it a place for that field's error message."""
        error = message_label()
        error.hide()
        holder = QWidget()
        column = QVBoxLayout(holder)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addWidget(widget)
        column.addWidget(error)
        self.form.addRow(label, holder)
        self.errors[field] = error
        self.widgets[field] = widget
        # A message about the field goes once the field is corrected (a typo in the card's serial).
        if isinstance(widget, QLineEdit):
            widget.textEdited.connect(lambda _text: error.hide())
        elif isinstance(widget, QPlainTextEdit):
            widget.textChanged.connect(error.hide)
        elif isinstance(widget, QComboBox):
            widget.currentIndexChanged.connect(lambda _index: error.hide())
        return widget

    def save(self) -> None:
        """Override: collect the fields and call ``submit``."""

    def submit(self, work: Callable[[], Any], done: Callable[[Any], None] | None = None) -> None:
        if self._busy:
            return
        self._busy = True
        self.clear_errors()

        def succeeded(result: Any) -> None:
            self._busy = False
            self.result_value = result
            if done is not None:
                done(result)
            else:
                self.accept()

        def failed(exc: Exception) -> None:
            self._busy = False
            self.show_error(exc)

        self.runner.run(work, succeeded, failed, owner=self)

    def clear_errors(self) -> None:
        for label in self.errors.values():
            label.clear()
            label.hide()
        self.message.clear()

    def show_error(self, exc: Exception) -> None:
        """Each message under its field (the first such field gets the focus); others below the form."""
        errors = exc.errors if isinstance(exc, FieldErrors) else [exc] if isinstance(exc, ValidationError) else []
        unplaced = []
        first: QWidget | None = None
        for error in errors:
            label = self.errors.get(error.field or "")
            if label is None:
                unplaced.append(error_text(error))
                continue
            label.setText(error_text(error))
            label.show()
            if first is None:
                first = self.widgets[error.field or ""]
        if not errors:
            unplaced.append(error_text(exc))
        self.message.setText(" ".join(unplaced))
        fit_on_screen(self, max(self.width(), self.sizeHint().width()))  # room for the messages, within the screen
        if first is not None:
            first.setFocus(Qt.FocusReason.OtherFocusReason)
