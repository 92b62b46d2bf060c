"""Neuer Vorgang: pick the procedure from the searchable catalogue; the caseworker is assigned by
surname letter and the Aktenzeichen is shown at once."""

from __future__ import annotations

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import (
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from abh_desk.services.cases import RepeatedCase, open_case
from abh_desk.services.context import ServiceContext
from abh_desk.services.persons import CaseRow
from ui.live_updates import own_window
from ui.messages import error_text
from ui.tasks import TaskRunner
from ui.widgets import fit_on_screen, message_label, picked_date


class NewCaseDialog(QDialog):
    sig_created = Signal(object)
    """The case was opened (its CaseRow), before the dialog is closed."""
    sig_open_case = Signal(int)
    """The clerk chose the case already open instead of a second one (its id)."""

    def __init__(
        self,
        ctx: ServiceContext,
        person_id: int,
        person_name: str,
        runner: TaskRunner | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = own_window(self, ctx)
        self.person_id = person_id
        self.runner = runner or TaskRunner(self)
        self.created: CaseRow | None = None
        self._creating = False  # one Enter can reach both the list and the dialog's default button
        self.setWindowTitle(self.tr("New case for %1").replace("%1", person_name))
        self.filter = QLineEdit()
        self.filter.setPlaceholderText(self.tr("Search the catalogue: e.g. “blaue karte”, “16a”, “sprachkurs”"))
        self.procedures = QListWidget()
        today = ctx.today()
        self.applied_on = QDateEdit(QDate(today.year, today.month, today.day))
        self.applied_on.setCalendarPopup(True)
        self.applied_on.setDisplayFormat("dd.MM.yyyy")
        self.outcome = QLabel()
        self.outcome.setStyleSheet("font-size: 14px; font-weight: 600; color: #1b6e20;")
        self.outcome.setTextFormat(Qt.TextFormat.PlainText)
        self.message = message_label()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Open case"))
        # A second open case of the same procedure: open that one, or say why (logged).
        self.repeat_reason = QLineEdit()
        self.repeat_reason.setPlaceholderText(
            self.tr("Why a second one? e.g. a second declaration of commitment for another guest")
        )
        self.open_existing_button = QPushButton(self.tr("Open the open case"))
        self.open_existing_button.setAutoDefault(False)
        self.open_existing_button.clicked.connect(self.open_existing)
        self.existing: list[tuple[int, str]] = []
        form = QFormLayout()
        form.addRow(self.tr("Application &received on:"), self.applied_on)  # Alt+E: the date, past the long list
        form.addRow(self.tr("Reason for a second case:"), self.repeat_reason)
        form.addRow("", self.open_existing_button)
        self.form = form
        form.setRowVisible(self.repeat_reason, False)
        form.setRowVisible(self.open_existing_button, False)
        layout = QVBoxLayout(self)
        layout.addWidget(self.filter)
        layout.addWidget(self.procedures)
        layout.addLayout(form)
        layout.addWidget(self.outcome)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        fit_on_screen(self, 720, 560)
        self.filter.textChanged.connect(self.show_procedures)
        self.filter.returnPressed.connect(self.procedures.setFocus)
        self.procedures.itemActivated.connect(lambda _item: self.create_case())
        self.buttons.accepted.connect(self.create_case)
        self.buttons.rejected.connect(self.reject)
        self.show_procedures("")

    def show_procedures(self, text: str) -> None:
        self.procedures.clear()
        entries = self.ctx.catalogue.search(text) if text.strip() else list(self.ctx.catalogue)
        today = self.ctx.today()
        entries = [entry for entry in entries if entry.offered_on(today)]  # § 104c: applications until 31.12.2025
        for entry in entries:
            item = QListWidgetItem(f"{entry.name}  ·  {entry.legal_basis}  ·  {entry.key}")
            item.setData(Qt.ItemDataRole.UserRole, entry.key)
            self.procedures.addItem(item)
        if entries:
            self.procedures.setCurrentRow(0)

    def create_case(self) -> None:
        if self.created is not None:
            self.accept()
            return
        if self._creating:
            return
        item = self.procedures.currentItem()
        if item is None:
            self.message.setText(self.tr("Please choose a procedure."))
            return
        key = str(item.data(Qt.ItemDataRole.UserRole))
        applied = picked_date(self.applied_on.date())
        ctx, person_id = self.ctx, self.person_id
        reason = self.repeat_reason.text() if self.existing else None
        self._creating = True

        def done(row: CaseRow) -> None:
            self._creating = False
            self.created = row
            self.message.clear()
            self.outcome.setText(
                self.tr("File number %1 · caseworker: %2")
                .replace("%1", row.file_number)
                .replace("%2", row.owner or "–")
            )
            self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Show case"))
            self.procedures.setEnabled(False)
            self.filter.setEnabled(False)
            self.applied_on.setEnabled(False)
            self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Close"))
            self.buttons.button(QDialogButtonBox.StandardButton.Ok).setFocus()
            self.sig_created.emit(row)

        def failed(exc: Exception) -> None:
            self._creating = False
            self.message.setText(error_text(exc))
            if isinstance(exc, RepeatedCase):
                self.existing = exc.open_cases
                self.form.setRowVisible(self.repeat_reason, True)
                self.form.setRowVisible(self.open_existing_button, True)
                self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Open a second case"))
                self.repeat_reason.setFocus()

        self.runner.run(lambda: open_case(ctx, person_id, key, applied, reason), done, failed, owner=self)

    def open_existing(self) -> None:
        """The case already open instead of a second one."""
        if self.existing:
            self.sig_open_case.emit(self.existing[0][0])
            self.reject()
