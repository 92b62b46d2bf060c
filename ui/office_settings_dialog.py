"""Behördeneinstellungen: what every workstation of the office shares — the letterhead, the Land
(deadlines, Rechtsbehelfsbelehrung), the court, the Aktenzeichen pattern, the eAT periods, the idle
lock. The administration edits them here; each message stands under its field, nothing is saved
half (the service checks all of it and logs old and new values)."""

from __future__ import annotations

from dataclasses import asdict, fields
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from abh_desk.domain.deadlines_calendar import LOCAL_HOLIDAYS
from abh_desk.domain.grants import REVIEW_POLICY_LABELS
from abh_desk.errors import FieldErrors, ValidationError
from abh_desk.services.context import ServiceContext
from abh_desk.services.office import (
    LAENDER,
    OfficeSettings,
    get_office_settings,
    letterhead_problems,
    update_office_settings,
)
from abh_desk.services.remedy_rows import RemedyRowState, confirm_remedy_row, remedy_row_state
from ui import dialogs
from ui.live_updates import own_window
from ui.messages import error_text, spoken
from ui.tasks import TaskRunner
from ui.widgets import fit_on_screen, message_label, moment_text


class OfficeSettingsDialog(QDialog):
    def __init__(self, ctx: ServiceContext, runner: TaskRunner | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = own_window(self, ctx)
        self.runner = runner or TaskRunner(self)
        self.loaded: OfficeSettings | None = None
        self.setWindowTitle(self.tr("Settings of the office"))
        fit_on_screen(self, 960, 760)  # the German labels are long: the values beside them stay readable
        labels = {
            "authority_name": self.tr("Authority"),
            "department": self.tr("Department"),
            "street": self.tr("Street"),
            "postcode_city": self.tr("Postcode and town"),
            "land": self.tr("Land (deadlines, legal remedy)"),
            "local_holidays": self.tr("Holidays at the office's seat only"),
            "phone": self.tr("Phone"),
            "email": self.tr("E-mail"),
            "website": self.tr("Website"),
            "opening_hours": self.tr("Opening hours (separated by ;)"),
            "appointment_hours": self.tr("Appointment hours (e.g. Mo-Fr 08:00-12:00; Do 14:00-18:00)"),
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
            "document_max_mb": self.tr("Largest document in the e-file (MB)"),
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
        land = self.inputs["land"]
        assert isinstance(land, QComboBox)
        land.currentIndexChanged.connect(lambda _index: self._local_choices())
        self._local_choices()
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(form_widget)
        self.message = message_label()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        layout = QVBoxLayout(self)
        layout.addWidget(self._remedy_box())
        layout.addWidget(scroll)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        self.buttons.setEnabled(False)
        self.runner.run(lambda: get_office_settings(ctx), self.show_settings, self.show_error, owner=self)
        self.runner.run(lambda: remedy_row_state(ctx), self.show_remedy, self.show_error, owner=self)

    def _remedy_box(self) -> QGroupBox:
        """The Land's Rechtsbehelfsbelehrung: still to verify (notices stop) or confirmed, and by whom."""
        box = QGroupBox(self.tr("Legal remedy instructions"))
        self.remedy_text = QLabel()
        self.remedy_text.setWordWrap(True)
        self.remedy_text.setTextFormat(Qt.TextFormat.PlainText)
        self.remedy_confirm = QPushButton(self.tr("Confirm as checked …"))
        self.remedy_confirm.clicked.connect(self.confirm_remedy)
        self.remedy_confirm.hide()
        inner = QVBoxLayout(box)
        inner.addWidget(self.remedy_text)
        inner.addWidget(self.remedy_confirm)
        self.remedy_box = box
        return box

    def show_remedy(self, state: RemedyRowState) -> None:
        if not state.to_check:
            text = self.tr("%1: the remedy instructions for this Land are checked and ready for notices.")
            text = text.replace("%1", state.land_name)
            style = ""
        elif state.usable:
            assert state.confirmed_at is not None
            text = (
                self.tr("%1: confirmed by %2 on %3 (%4).")
                .replace("%1", state.land_name)
                .replace("%2", state.confirmed_by)
                .replace("%3", moment_text(state.confirmed_at))
                .replace("%4", state.note)
            )
            style = ""
        else:
            text = (
                self.tr("%1: not yet checked. No notice is approved or sent until it is confirmed. To check: %2")
                .replace("%1", state.land_name)
                .replace("%2", state.to_check)
            )
            style = "QGroupBox { background: #fde7e9; }"
        self.remedy_text.setText(text)
        self.remedy_box.setStyleSheet(style)
        self.remedy_confirm.setVisible(bool(state.to_check) and not state.usable)

    def confirm_remedy(self) -> None:
        note = dialogs.ask_long_text(
            self, self.tr("Confirm the legal remedy"), self.tr("What did you check, against which source?")
        )
        if note is None:
            return
        ctx = self.ctx
        self.runner.run(lambda: confirm_remedy_row(ctx, note), self.show_remedy, self.show_error, owner=self)

    def _input(self, name: str, kind: object) -> QLineEdit | QComboBox | QCheckBox | QSpinBox:
        if name == "land":
            combo = QComboBox()
            for code in LAENDER:
                combo.addItem(code, code)
            return combo
        if name == "local_holidays":
            return QComboBox()  # its choices follow the Land (_local_choices)
        if name == "grant_review":
            combo = QComboBox()
            for policy, label in REVIEW_POLICY_LABELS.items():
                combo.addItem(spoken(label), policy.value)
            return combo
        if kind in (bool, "bool"):
            return QCheckBox()
        if kind in (int, "int"):
            spin = QSpinBox()
            spin.setRange(0, 240)
            return spin
        return QLineEdit()

    def _local_choices(self) -> None:
        """Holidays at the seat that the chosen Land knows (Bavaria: Mariä Himmelfahrt, Augsburg …)."""
        land, local = self.inputs["land"], self.inputs["local_holidays"]
        assert isinstance(land, QComboBox) and isinstance(local, QComboBox)
        chosen = local.currentData()
        local.clear()
        local.addItem(self.tr("none (the Land's holidays)"), "")
        for key, description in LOCAL_HOLIDAYS.get(str(land.currentData()), {}).items():
            local.addItem(description, key)
        local.setCurrentIndex(max(0, local.findData(chosen)))
        local.setEnabled(local.count() > 1)

    def show_settings(self, settings: OfficeSettings) -> None:
        self.loaded = settings
        for name, value in asdict(settings).items():
            widget = self.inputs[name]
            if name == "local_holidays":
                self._local_choices()
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
        if not changes and not letterhead_problems(self.loaded):
            self.accept()
            return
        ctx = self.ctx
        self.buttons.setEnabled(False)
        self.runner.run(
            lambda: update_office_settings(ctx, require_letterhead=True, **changes),
            lambda _s: self.accept(),
            self.show_error,
            owner=self,
        )

    def show_error(self, exc: Exception) -> None:
        self.buttons.setEnabled(self.loaded is not None)
        problems = exc.errors if isinstance(exc, FieldErrors) else [exc] if isinstance(exc, ValidationError) else []
        for problem in problems:
            label = self.errors.get(problem.field or "")
            if label is not None:
                label.setText(error_text(problem))
                label.show()
        text = error_text(exc)
        self.message.setText(self.tr("Nothing was saved: %1").replace("%1", text))
