"""Behördeneinstellungen: what every workstation of the office shares — the letterhead, the Land
(deadlines, Rechtsbehelfsbelehrung), the court, the Aktenzeichen pattern, the eAT periods, the idle
lock. The administration edits them here; each message stands under its field, nothing is saved
half (the service checks all of it and logs old and new values)."""

from __future__ import annotations

from dataclasses import asdict, fields
from typing import Any

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from abh_desk.domain.grants import REVIEW_POLICY_LABELS
from abh_desk.errors import DomainError, FieldErrors, ValidationError
from abh_desk.services.context import ServiceContext
from abh_desk.services.office import LAENDER, OfficeSettings, get_office_settings, update_office_settings
from ui.tasks import TaskRunner
from ui.widgets import fit_on_screen, message_label


class OfficeSettingsDialog(QDialog):
    def __init__(self, ctx: ServiceContext, runner: TaskRunner | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.runner = runner or TaskRunner(self)
        self.loaded: OfficeSettings | None = None
        self.setWindowTitle(self.tr("Settings of the office"))
        fit_on_screen(self, 720, 760)
        labels = {
            "authority_name": self.tr("Authority"),
            "department": self.tr("Department"),
            "street": self.tr("Street"),
            "postcode_city": self.tr("Postcode and town"),
            "land": self.tr("Land (deadlines, legal remedy)"),
            "phone": self.tr("Phone"),
            "email": self.tr("E-mail"),
            "website": self.tr("Website"),
            "opening_hours": self.tr("Opening hours (separated by ;)"),
            "court_name": self.tr("Administrative court"),
            "court_address": self.tr("Court's address"),
            "bank_name": self.tr("Bank (fees)"),
            "iban": self.tr("IBAN"),
            "bic": self.tr("BIC"),
            "file_number_pattern": self.tr("File number pattern"),
            "skip_name_particles": self.tr("Letters by surname without particles (van, de, al …)"),
            "card_production_weeks": self.tr("eAT production (weeks)"),
            "card_waiting_weeks": self.tr("eAT overdue after (weeks)"),
            "fees_at_handover": self.tr("Fee is paid when the card is handed over"),
            "idle_lock_minutes": self.tr("Lock the window after idle minutes (0: never)"),
            "grant_review": self.tr("Grants approved by a team lead"),
        }
        self.inputs: dict[str, QLineEdit | QComboBox | QCheckBox | QSpinBox] = {}
        self.errors: dict[str, QLabel] = {}
        form_widget = QWidget()
        form = QFormLayout(form_widget)
        types = {field.name: field.type for field in fields(OfficeSettings)}
        ordered = [name for name in labels if name in types] + [name for name in types if name not in labels]
        for name in ordered:  # letterhead first, then court and bank, then the office's rules
            widget = self._input(name, types[name])
            error = message_label()
            error.hide()
            self.inputs[name], self.errors[name] = widget, error
            form.addRow(labels.get(name, name), widget)
            form.addRow("", error)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(form_widget)
        self.message = message_label()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        layout = QVBoxLayout(self)
        layout.addWidget(scroll)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        self.buttons.setEnabled(False)
        self.runner.run(lambda: get_office_settings(ctx), self.show_settings, self.show_error, owner=self)

    def _input(self, name: str, kind: object) -> QLineEdit | QComboBox | QCheckBox | QSpinBox:
        if name == "land":
            combo = QComboBox()
            for code in LAENDER:
                combo.addItem(code, code)
            return combo
        if name == "grant_review":
            combo = QComboBox()
            for policy, label in REVIEW_POLICY_LABELS.items():
                combo.addItem(label, policy.value)
            return combo
        if kind in (bool, "bool"):
            return QCheckBox()
        if kind in (int, "int"):
            spin = QSpinBox()
            spin.setRange(0, 240)
            return spin
        return QLineEdit()

    def show_settings(self, settings: OfficeSettings) -> None:
        self.loaded = settings
        for name, value in asdict(settings).items():
            widget = self.inputs[name]
            if isinstance(widget, QComboBox):
                widget.setCurrentIndex(max(0, widget.findData(value)))
            elif isinstance(widget, QCheckBox):
                widget.setChecked(bool(value))
            elif isinstance(widget, QSpinBox):
                widget.setValue(int(value))
            else:
                widget.setText(str(value))
        self.buttons.setEnabled(True)

    def values(self) -> dict[str, Any]:
        result: dict[str, Any] = {}
        for name, widget in self.inputs.items():
            if isinstance(widget, QComboBox):
                result[name] = widget.currentData()
            elif isinstance(widget, QCheckBox):
                result[name] = widget.isChecked()
            elif isinstance(widget, QSpinBox):
                result[name] = widget.value()
            else:
                result[name] = widget.text()
        return result

    def save(self) -> None:
        if self.loaded is None:
            return
        old = asdict(self.loaded)
        changes = {name: value for name, value in self.values().items() if value != old[name]}
        for label in self.errors.values():
            label.hide()
        if not changes:
            self.accept()
            return
        ctx = self.ctx
        self.buttons.setEnabled(False)
        self.runner.run(
            lambda: update_office_settings(ctx, **changes), lambda _s: self.accept(), self.show_error, owner=self
        )

    def show_error(self, exc: Exception) -> None:
        self.buttons.setEnabled(self.loaded is not None)
        problems = exc.errors if isinstance(exc, FieldErrors) else [exc] if isinstance(exc, ValidationError) else []
        for problem in problems:
            label = self.errors.get(problem.field or "")
            if label is not None:
                label.setText(problem.message)
                label.show()
        text = exc.message if isinstance(exc, DomainError) else str(exc)
        self.message.setText(self.tr("Nothing was saved: %1").replace("%1", text))
