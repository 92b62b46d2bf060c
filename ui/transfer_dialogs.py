"""Handing a person's file to another authority ("Akte abgeben …") and taking one in ("Akte
übernehmen …"), by xdomea. Thin: the services check, write and log; these dialogs show what will
leave or arrive before anything happens."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QRadioButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from abh_desk.errors import DomainError
from abh_desk.services import file_handover, file_intake
from abh_desk.services.context import ServiceContext
from abh_desk.xdomea.schema import configured_schema
from ui.live_updates import own_window
from ui.messages import error_text
from ui.widgets import fit_on_screen


class HandoverDialog(QDialog):
    """Akte abgeben: to whom, a note, what leaves — refused up front where something is unfinished."""

    sig_handed_over = Signal(object)
    """The HandoverResult, once the package is written and the cases are closed here."""

    def __init__(self, ctx: ServiceContext, person_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.person_id = own_window(self, ctx), person_id
        summary = file_handover.handover_summary(ctx, person_id)
        self.setWindowTitle(self.tr("Hand over the file of %1").replace("%1", summary.name))
        layout = QVBoxLayout(self)
        what = self.tr("%1 cases (%2), %3 letters, %4 further documents leave as one xdomea package (Abgabe 0401).")
        what = (
            what.replace("%1", str(len(summary.cases)))
            .replace("%2", ", ".join(summary.cases))
            .replace("%3", str(summary.letters))
            .replace("%4", str(summary.documents))
        )
        self.what = QLabel(what)
        self.what.setWordWrap(True)
        layout.addWidget(self.what)
        form = QFormLayout()
        self.recipient = QLineEdit()
        self.recipient.setPlaceholderText(self.tr("e.g. Landratsamt Konstanz, Ausländerbehörde"))
        form.addRow(self.tr("Receiving authority"), self.recipient)
        self.note = QPlainTextEdit()
        self.note.setMaximumHeight(80)
        form.addRow(self.tr("Note to them"), self.note)
        layout.addLayout(form)
        after = self.tr(
            "Afterwards every case here is closed as handed over, with the authority and today's date; "
            "the transmission is logged."
        )
        self.after = QLabel(after)
        self.after.setWordWrap(True)
        layout.addWidget(self.after)
        self.problems = QLabel("\n".join(summary.blockers) or summary.handed_over)
        self.problems.setWordWrap(True)
        self.problems.setStyleSheet("color: #a00000;")
        self.problems.setVisible(bool(summary.blockers or summary.handed_over))
        layout.addWidget(self.problems)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.hand_over_button = self.buttons.addButton(self.tr("Hand over …"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.hand_over_button.setEnabled(not summary.blockers)
        self.buttons.accepted.connect(self._hand_over)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.target: Path | None = None
        self.resize(620, 0)
        fit_on_screen(self, 620)

    def choose_target(self) -> Path | None:
        name, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Save the xdomea package"), str(Path.home() / "abgabe.zip"), "xdomea (*.zip)"
        )
        return Path(name) if name else None

    def _hand_over(self) -> None:
        target = self.target or self.choose_target()
        if target is None:
            return
        try:
            result = file_handover.hand_over(
                self.ctx, self.person_id, self.recipient.text(), target, self.note.toPlainText()
            )
        except DomainError as exc:
            self.problems.setText(error_text(exc))
            self.problems.setVisible(True)
            fit_on_screen(self, 620)
            return
        self.sig_handed_over.emit(result)
        self.accept()


class IntakeDialog(QDialog):
    """Akte übernehmen: the package's preview — person, likely duplicates, cases and their new owners."""

    sig_taken_in = Signal(object)
    """The IntakeResult, once the file is saved."""

    def __init__(self, ctx: ServiceContext, data: bytes, source: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.data, self.source = own_window(self, ctx), data, source
        self.schema = configured_schema()
        self.preview = file_intake.preview_intake(ctx, data, self.schema)
        self.setWindowTitle(self.tr("Take in a file from %1").replace("%1", self.preview.sender or "?"))
        layout = QVBoxLayout(self)
        file = self.preview.files[0]
        head = self.tr("%1, born %2, nationality %3; %4 titles").replace("%1", file.name)
        self.person = QLabel(
            head.replace("%2", file.birth_date).replace("%3", file.nationality).replace("%4", str(file.titles))
        )
        layout.addWidget(self.person)
        if len(self.preview.files) > 1:
            layout.addWidget(
                QLabel(
                    self.tr("The package holds %1 files; all are taken in.").replace("%1", str(len(self.preview.files)))
                )
            )
        if not self.preview.complete:
            foreign = QLabel(self.tr("From another program: what xdomea itself carries is taken in."))
            foreign.setWordWrap(True)
            layout.addWidget(foreign)
        self.table = QTableWidget(len(file.cases), 5)
        self.table.setHorizontalHeaderLabels(
            [self.tr("File number there"), self.tr("Procedure"), self.tr("State"), self.tr("Caseworker here"),
             self.tr("Letters/documents")]
        )  # fmt: skip
        for row, case in enumerate(file.cases):
            values = (case.file_number, case.procedure, case.status, case.owner, f"{case.letters}/{case.documents}")
            for column, value in enumerate(values):
                self.table.setItem(row, column, QTableWidgetItem(value))
        self.table.resizeColumnsToContents()
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        layout.addWidget(self.table)
        self.choice = QButtonGroup(self)
        self.join = QRadioButton(self.tr("Add the file to the person recorded here:"))
        self.candidates = QComboBox()
        for candidate in file.duplicates:
            self.candidates.addItem(
                f"{candidate.family_name}, {candidate.given_names} ({candidate.birth_date})", candidate.id
            )
        self.separate = QRadioButton(self.tr("It is another person; reason:"))
        self.reason = QLineEdit()
        for button in (self.join, self.separate):
            self.choice.addButton(button)
        self.join.setChecked(True)
        self.duplicate_box = QWidget()
        box = QFormLayout(self.duplicate_box)
        warning = QLabel(self.tr("This person seems to be recorded here already."))
        warning.setStyleSheet("color: #a00000;")
        box.addRow(warning)
        box.addRow(self.join, self.candidates)
        box.addRow(self.separate, self.reason)
        self.duplicate_box.setVisible(bool(file.duplicates))
        layout.addWidget(self.duplicate_box)
        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #a00000;")
        self.error.setVisible(False)
        layout.addWidget(self.error)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.take_button = self.buttons.addButton(self.tr("Take the file in"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.accepted.connect(self._take_in)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        fit_on_screen(self, 760)

    def _take_in(self) -> None:
        duplicates = bool(self.preview.files[0].duplicates)
        into = self.candidates.currentData() if duplicates and self.join.isChecked() else None
        reason = self.reason.text() if duplicates and self.separate.isChecked() else None
        try:
            result = file_intake.take_in(self.ctx, self.data, self.schema, into, reason)
            receipt = self.source.with_name(result.receipt_name)
            if not receipt.exists():
                receipt.write_bytes(result.receipt)
        except (DomainError, OSError) as exc:
            self.error.setText(error_text(exc))
            self.error.setVisible(True)
            return
        self.sig_taken_in.emit(result)
        self.accept()
