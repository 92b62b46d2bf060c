"""The case file window (Vorgangsakte), in tabs: Übersicht, Unterlagen, Entscheidung, Fristen,
Schreiben, eAT, Verlauf — Strg+1 … Strg+7 from the keyboard. The checklist works from the keyboard:
Space ticks received, Entf marks missing again, Strg+W waives with a reason, Strg+N adds a further
document; Strg+P prints the chosen letter."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from abh_desk.domain.enums import ChecklistStatus, LetterKind
from abh_desk.errors import DomainError
from abh_desk.services.case_access import ReasonRequired, open_with_reason, share_case
from abh_desk.services.case_file import (
    CaseFile,
    ChecklistLine,
    HistoryEntry,
    add_document,
    check_document_waiver,
    get_case_file,
    mark_missing,
    mark_received,
    set_facts,
    waive_document,
)
from abh_desk.services.case_letters import LetterRow, case_letters, create_missing_documents_letter, letter_pdf
from abh_desk.services.context import ServiceContext
from abh_desk.services.deadlines import DeadlineInfo
from abh_desk.services.documents import Attached
from abh_desk.services.grants import CaseDecision, case_decision
from abh_desk.services.live_changes import ChangeBatch
from abh_desk.services.rejections import notice_in_work
from ui import dialogs
from ui.card_tab import CardTab
from ui.decision_tab import DecisionTab
from ui.e_file_dialog import EFileDialog
from ui.live_updates import ChangedElsewhereBar, follow_changes
from ui.messages import error_text, spoken
from ui.notice_dialog import NoticeDialog
from ui.pdf_view import PdfPreview
from ui.printing import print_pdf
from ui.rows_model import Column, RowsModel
from ui.scan_intake import ScanIntake
from ui.tasks import TaskRunner
from ui.widgets import (
    fit_on_screen,
    german_date,
    message_label,
    moment_text,
    row_of,
    say_done,
    say_wrong,
    table_view,
)

STATUS_COLORS = {
    ChecklistStatus.MISSING: "#fde9b7",
    ChecklistStatus.RECEIVED: "#d9f2d9",
    ChecklistStatus.WAIVED: "#e6e6e6",
}


class CaseDialog(QDialog):
    def __init__(
        self,
        ctx: ServiceContext,
        case_id: int,
        runner: TaskRunner | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx = follow_changes(self, ctx, self._changed)
        self.case_id = case_id
        self.runner = runner or TaskRunner(self)
        self.file: CaseFile | None = None
        self.pending_message = ""
        self.setWindowTitle(self.tr("Case"))
        fit_on_screen(self, 1000, 680)

        self.header = QLabel()
        self.header.setStyleSheet("font-size: 15px; font-weight: 600;")
        self.header.setTextFormat(Qt.TextFormat.PlainText)
        self.message = message_label()
        self.tabs = QTabWidget()
        self.tabs.addTab(self._overview_tab(), self.tr("Overview"))
        self.tabs.addTab(self._checklist_tab(), self.tr("Documents"))
        self.decision_tab = DecisionTab(ctx, case_id, self.runner)
        self.decision_tab.sig_changed.connect(self.reload)
        self.decision_tab.sig_granted.connect(self._granted)
        self.tabs.addTab(self.decision_tab, self.tr("Decision"))
        self.deadlines = RowsModel[DeadlineInfo](
            [
                Column(self.tr("Deadline"), lambda d: d.kind_label),
                Column(self.tr("Due"), lambda d: german_date(d.due_date)),
                Column(self.tr("Status"), lambda d: d.status_label),
                Column(self.tr("Note"), lambda d: d.note),
            ]
        )
        self.tabs.addTab(table_view(self.deadlines, (200, 100, 100)), self.tr("Deadlines"))
        self.tabs.addTab(self._letters_tab(), self.tr("Letters"))
        self.card_tab = CardTab(ctx, case_id, self.runner)
        self.card_tab.sig_changed.connect(self.reload)
        self.tabs.addTab(self.card_tab, self.tr("eAT"))
        self.history = RowsModel[HistoryEntry](
            [
                Column(self.tr("When"), lambda h: moment_text(h.when)),
                Column(self.tr("Who"), lambda h: h.who),
                Column(self.tr("What"), lambda h: h.action),
                Column(self.tr("Details"), lambda h: h.details),
            ]
        )
        self.history_view = table_view(self.history, (130, 140, 240))
        self.tabs.addTab(self.history_view, self.tr("History"))
        self.deadlines_view = self.tabs.widget(3)
        for number in range(self.tabs.count()):
            # Strg+1 … Strg+7: the tabs from the keyboard, the tab's list or first button focused.
            jump = QShortcut(QKeySequence(f"Ctrl+{number + 1}"), self)
            jump.activated.connect(lambda n=number: self.show_tab(n))
            self.tabs.setTabToolTip(number, self.tr("Ctrl+%1").replace("%1", str(number + 1)))
        self.tabs.currentChanged.connect(lambda _i: self._focus_tab())
        QShortcut(QKeySequence("Ctrl+E"), self).activated.connect(self.open_whole_file)
        self.keys_hint = QLabel(
            self.tr(
                "Ctrl+1 … Ctrl+7: tabs · Documents: Space received, Del missing, Ctrl+W waive · Letters: Alt+M request "
                "missing documents, Ctrl+P print · Esc closes"
            )
        )
        self.keys_hint.setStyleSheet("color: #666;")
        self.keys_hint.setWordWrap(True)
        self.changed_bar = ChangedElsewhereBar()
        self.changed_bar.sig_reload.connect(self.reload)
        layout = QVBoxLayout(self)
        layout.addWidget(self.header)
        layout.addWidget(self.changed_bar)
        layout.addWidget(self.tabs)
        layout.addWidget(self.message)
        layout.addWidget(self.keys_hint)
        self.reload()

    def _placeholder(self, text: str) -> QWidget:
        widget = QWidget()
        layout = QVBoxLayout(widget)
        label = QLabel(text)
        label.setStyleSheet("color: #666;")
        layout.addWidget(label)
        layout.addStretch(1)
        return widget

    def _letters_tab(self) -> QWidget:
        widget = QWidget()
        self.letters = RowsModel[LetterRow](
            [
                Column(self.tr("Letter"), lambda r: r.kind_label),
                Column(self.tr("State"), lambda r: r.status_label),
                Column(self.tr("Made on"), lambda r: moment_text(r.created_at)),
                Column(self.tr("By"), lambda r: r.created_by),
                Column(self.tr("Fingerprint (SHA-256)"), lambda r: r.sha256[:16] + "…"),
            ]
        )
        self.letters_view = table_view(self.letters, (230, 150, 130, 160))
        self.letters_view.doubleClicked.connect(self.open_letter)
        self.missing_letter_button = QPushButton(self.tr("Request &missing documents"))
        self.rejection_button = QPushButton(self.tr("Rejection notice…"))
        self.save_letter_button = QPushButton(self.tr("Save PDF…"))
        self.print_letter_button = QPushButton(self.tr("Print… (Ctrl+P)"))
        buttons = QHBoxLayout()
        buttons.addWidget(self.missing_letter_button)
        buttons.addWidget(self.rejection_button)
        buttons.addStretch(1)
        buttons.addWidget(self.save_letter_button)
        buttons.addWidget(self.print_letter_button)
        self.letter_preview = PdfPreview()
        splitter = QSplitter()
        splitter.addWidget(self.letters_view)
        splitter.addWidget(self.letter_preview)
        splitter.setSizes([520, 460])
        layout = QVBoxLayout(widget)
        layout.addWidget(splitter, 1)
        layout.addLayout(buttons)
        self.letters_view.selectionModel().selectionChanged.connect(lambda *_: self._preview_letter())
        print_shortcut = QShortcut(QKeySequence.StandardKey.Print, widget)
        print_shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        print_shortcut.activated.connect(self.print_letter)
        self.missing_letter_button.clicked.connect(self.request_missing_documents)
        self.save_letter_button.clicked.connect(self.save_letter)
        self.print_letter_button.clicked.connect(self.print_letter)
        self.rejection_button.clicked.connect(self.open_rejection)
        return widget

    def _preview_letter(self) -> None:
        row = self.letters_view.currentIndex().row()
        if not 0 <= row < self.letters.rowCount():
            self.letter_preview.show_pdf(None)
            return
        ctx, letter_id = self.ctx, self.letters.row(row).id
        self.runner.run(lambda: letter_pdf(ctx, letter_id), self.letter_preview.show_pdf, self.show_error, owner=self)

    def print_letter(self) -> None:
        row = self.letters_view.currentIndex().row()
        if not 0 <= row < self.letters.rowCount():
            say_wrong(self.message, self.tr("Please choose a letter."))
            return
        printer = dialogs.ask_printer(self)
        if printer is None:
            return
        ctx, letter_id = self.ctx, self.letters.row(row).id

        def printed(pdf: bytes) -> None:
            try:
                print_pdf(pdf, printer)
            except DomainError as exc:
                self.show_error(exc)

        self.runner.run(lambda: letter_pdf(ctx, letter_id), printed, self.show_error, owner=self)

    def open_rejection(self) -> None:
        """The case's rejection in work, or a new draft."""
        ctx, case_id = self.ctx, self.case_id
        self.runner.run(lambda: notice_in_work(ctx, case_id), self._show_notice, self.show_error, owner=self)

    def open_letter(self) -> None:
        row = self.letters_view.currentIndex().row()
        if 0 <= row < self.letters.rowCount() and self.letters.row(row).kind == LetterKind.REJECTION:
            self._show_notice(self.letters.row(row).id)

    def _show_notice(self, letter_id: int | None) -> None:
        self.notice_dialog = NoticeDialog(self.ctx, self.case_id, letter_id, self.runner, parent=self)
        self.notice_dialog.show()

    def request_missing_documents(self) -> None:
        ctx, case_id = self.ctx, self.case_id
        self.missing_letter_button.setEnabled(False)  # one click, one letter

        def work() -> tuple[CaseFile, list[LetterRow], CaseDecision]:
            create_missing_documents_letter(ctx, case_id)
            return get_case_file(ctx, case_id), case_letters(ctx, case_id), case_decision(ctx, case_id)

        def done(result: tuple[CaseFile, list[LetterRow], CaseDecision]) -> None:
            self.missing_letter_button.setEnabled(True)
            self.letters_view.setCurrentIndex(QModelIndex())  # the new letter (the newest) gets selected
            self._loaded(result)
            self.pending_message = ""
            say_done(self.message, self.tr("Request for the missing documents made; it is selected in the list."))

        def failed(exc: Exception) -> None:
            self.missing_letter_button.setEnabled(True)
            self.show_error(exc)

        self.runner.run(work, done, failed, owner=self)

    def save_letter(self) -> None:
        row = self.letters_view.currentIndex().row()
        if not 0 <= row < self.letters.rowCount():
            say_wrong(self.message, self.tr("Please choose a letter."))
            return
        letter = self.letters.row(row)
        number = self.file.overview.file_number if self.file else str(self.case_id)
        path = dialogs.ask_save_path(self, self.tr("Save letter"), f"{letter.kind.value}-{number}-{letter.id}.pdf")
        if path is None:
            return
        ctx = self.ctx

        def work() -> None:
            path.write_bytes(letter_pdf(ctx, letter.id))  # the stored letter, as it was sent

        self.runner.run(work, lambda _r: self.message.setText(""), self.show_error, owner=self)

    def _overview_tab(self) -> QWidget:
        widget = QWidget()
        self.overview_form = QFormLayout()
        self.fields: dict[str, QLabel] = {}
        for key, label in (
            ("file_number", self.tr("File number")),
            ("person", self.tr("Person")),
            ("procedure", self.tr("Procedure")),
            ("legal_basis", self.tr("Legal basis")),
            ("area", self.tr("Area")),
            ("status", self.tr("Status")),
            ("owner", self.tr("Caseworker")),
            ("deputy", self.tr("Deputy")),
            ("applied_on", self.tr("Applied on")),
            ("decided_on", self.tr("Decided on")),
            ("fee", self.tr("Fee")),
        ):
            value = QLabel()
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.fields[key] = value
            self.overview_form.addRow(label + ":", value)
        self.facts_box = QGroupBox(self.tr("What applies in this case (shows the matching documents)"))
        self.facts_layout = QVBoxLayout(self.facts_box)
        self.fact_boxes: dict[str, QCheckBox] = {}
        self.share_button = QPushButton(self.tr("Share with a colleague…"))
        self.share_button.clicked.connect(self.share)
        layout = QVBoxLayout(widget)
        layout.addLayout(self.overview_form)
        layout.addWidget(self.facts_box)
        layout.addWidget(self.share_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addStretch(1)
        return widget

    def share(self) -> None:
        """Let a colleague open this case until a day (the owner, the deputy, the team lead may)."""
        username = dialogs.ask_text(self, self.tr("Share the case"), self.tr("User name of the colleague:"))
        if not username:
            return
        until = dialogs.ask_date(self, self.tr("Share the case"), self.tr("Until (inclusive):"), self.ctx.today())
        if until is None:
            return
        note = dialogs.ask_text(self, self.tr("Share the case"), self.tr("Why? (logged)"))
        if note is None:
            return
        ctx, case_id = self.ctx, self.case_id

        def shared(_result: object) -> None:
            # Shown once the file (with the new history entry) is loaded again.
            self.pending_message = (
                self.tr("Shared with %1 until %2.").replace("%1", username).replace("%2", german_date(until))
            )
            self.reload()

        self.runner.run(lambda: share_case(ctx, case_id, username, until, note), shared, self.show_error, owner=self)

    def _checklist_tab(self) -> QWidget:
        widget = QWidget()
        self.missing_label = QLabel()
        self.missing_label.setStyleSheet("font-weight: 600;")
        self.checklist = RowsModel[ChecklistLine](
            [
                Column(self.tr("Document"), lambda c: c.text),
                Column(self.tr("Condition"), lambda c: c.condition_label or (self.tr("added") if c.extra else "")),
                Column(self.tr("Status"), lambda c: c.status_label, lambda c: STATUS_COLORS[c.status]),
                Column(self.tr("Received on"), lambda c: german_date(c.received_on)),
                Column(self.tr("Reason for waiver"), lambda c: c.waiver_reason),
                Column(self.tr("Scan"), self._scan_text),
            ]
        )
        self.checklist_view = table_view(self.checklist, (400, 160, 100, 100, 160))
        self.scans = ScanIntake(
            self.ctx, self.case_id, self.runner, self.checklist_view, self.current_line, self.show_error, self
        )
        self.scans.sig_attached.connect(self._scanned)
        self.whole_file_button = QPushButton(self.tr("Whole file (Ctrl+E)"))
        self.whole_file_button.clicked.connect(self.open_whole_file)
        self.received_button = QPushButton(self.tr("Received (Space)"))
        self.missing_button = QPushButton(self.tr("Missing again (Del)"))
        self.waive_button = QPushButton(self.tr("Waive… (Ctrl+W)"))
        self.add_button = QPushButton(self.tr("Further document… (Ctrl+N)"))
        buttons = QHBoxLayout()
        for button in (self.received_button, self.missing_button, self.waive_button, self.add_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        scan_buttons = QHBoxLayout()
        for button in (self.scans.scan_button, self.scans.scanner_button, self.whole_file_button):
            scan_buttons.addWidget(button)
        scan_buttons.addStretch(1)
        layout = QVBoxLayout(widget)
        layout.addWidget(self.missing_label)
        layout.addWidget(self.checklist_view)
        layout.addLayout(buttons)
        layout.addLayout(scan_buttons)
        layout.addWidget(self._checks_box())
        self.received_button.clicked.connect(self.tick_received)
        self.missing_button.clicked.connect(self.tick_missing)
        self.waive_button.clicked.connect(self.waive)
        self.add_button.clicked.connect(self.add_extra)
        for key, slot in (
            (QKeySequence(Qt.Key.Key_Space), self.tick_received),
            (QKeySequence(Qt.Key.Key_Delete), self.tick_missing),
            (QKeySequence("Ctrl+W"), self.waive),
            (QKeySequence("Ctrl+N"), self.add_extra),
            (QKeySequence("Ctrl+S"), self.scans.choose_files),
        ):
            shortcut = QShortcut(key, self.checklist_view)
            shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
            shortcut.activated.connect(slot)
        return widget

    def _checks_box(self) -> QGroupBox:
        """Prüfung durch die Behörde (§ 24 VwVfG): what the office establishes itself, never asked of
        the applicant and not among the missing documents."""
        self.checks_box = QGroupBox(self.tr("Checked by the office (§ 24 VwVfG), not asked of the applicant"))
        self.checks = RowsModel[ChecklistLine](
            [
                Column(self.tr("Check"), lambda c: c.text),
                Column(self.tr("Condition"), lambda c: c.condition_label),
                Column(self.tr("Status"), lambda c: c.status_label, lambda c: STATUS_COLORS[c.status]),
                Column(self.tr("Checked on"), lambda c: german_date(c.received_on)),
                Column(self.tr("Why not applicable"), lambda c: c.waiver_reason),
            ]
        )
        self.checks_view = table_view(self.checks, (420, 180, 100, 100))
        self.checks_view.setMaximumHeight(120)
        self.check_done_button = QPushButton(self.tr("Checked"))
        self.check_open_button = QPushButton(self.tr("Open again"))
        self.check_waive_button = QPushButton(self.tr("Not applicable…"))
        buttons = QHBoxLayout()
        for button in (self.check_done_button, self.check_open_button, self.check_waive_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self.checks_box)
        layout.addWidget(self.checks_view)
        layout.addLayout(buttons)
        self.check_done_button.clicked.connect(lambda: self.tick_received(self.current_check()))
        self.check_open_button.clicked.connect(lambda: self.tick_missing(self.current_check()))
        self.check_waive_button.clicked.connect(lambda: self.waive(self.current_check()))
        for key, slot in (
            (QKeySequence(Qt.Key.Key_Space), lambda: self.tick_received(self.current_check())),
            (QKeySequence(Qt.Key.Key_Delete), lambda: self.tick_missing(self.current_check())),
            (QKeySequence("Ctrl+W"), lambda: self.waive(self.current_check())),
        ):
            shortcut = QShortcut(key, self.checks_view)
            shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
            shortcut.activated.connect(slot)
        self.checks_box.setVisible(False)
        return self.checks_box

    def current_check(self) -> ChecklistLine | None:
        row = self.checks_view.currentIndex().row()
        return self.checks.row(row) if 0 <= row < self.checks.rowCount() else None

    # --- data -------------------------------------------------------------------------------

    def reload(self) -> None:
        ctx, case_id = self.ctx, self.case_id
        self.runner.run(
            lambda: (get_case_file(ctx, case_id), case_letters(ctx, case_id), case_decision(ctx, case_id)),
            self._loaded,
            self._load_failed,
            owner=self,
        )

    def _changed(self, batch: ChangeBatch) -> None:
        """A change to this case made elsewhere — in another window (the notice's, the person's) or
        at another workstation — is shown; its own changes this window has shown already."""
        if batch.origin == self.ctx.origin or not batch.touches_case(self.case_id):
            return
        if batch.here:
            if self.file is not None and not self._answering():
                self.reload()
        else:
            self.changed_elsewhere(batch.who_changed_case(self.case_id))

    def changed_elsewhere(self, who: str | None) -> None:
        """Another workstation changed this case (a document ticked, a card handed over, a notice
        approved): shown anew, and said so. Its actions save at once, so nothing typed is lost. Not
        while it waits for its first load or for an answer (a reason, a comment): it loads after."""
        if self.file is None or self._answering():
            return
        self.changed_bar.show_change(who, unsaved=False)
        self.reload()

    def _answering(self) -> bool:
        """A question of this window is open (a reason, a comment, one of its forms). Another
        window's dialog does not count: the notice window's dispatch dialog is still open when the
        dispatch's change arrives, and the case must show the new remedy period all the same."""
        modal = QApplication.activeModalWidget()
        holder = modal.parentWidget() if modal is not None else None
        return holder is not None and holder.window() is self

    def _load_failed(self, exc: Exception) -> None:
        """A case that is not this user's opens only with a reason (logged); without one it stays shut."""
        if not isinstance(exc, ReasonRequired):
            self.show_error(exc)
            return
        self.tabs.setEnabled(False)
        self.header.setText(self.tr("Not your case"))
        self._ask_reason(error_text(exc))

    def _ask_reason(self, message: str) -> None:
        reason = dialogs.ask_text(
            self, self.tr("Reason for opening"), message + "\n\n" + self.tr("Why do you open this case?")
        )
        if reason is None:
            self.reject()
            return
        ctx, case_id = self.ctx, self.case_id

        def refused(exc: Exception) -> None:  # too short, too long: say so and ask again
            self._ask_reason(error_text(exc))

        self.runner.run(lambda: open_with_reason(ctx, case_id, reason), lambda _r: self.reload(), refused, owner=self)

    def _loaded(self, result: tuple[CaseFile, list[LetterRow], CaseDecision]) -> None:
        self.tabs.setEnabled(True)
        file, letters, decision = result
        self.decision_tab.show_decision(decision)
        self.card_tab.set_order_note(error_text(decision.card_refusal) if decision.card_refusal else "")
        self.card_tab.reload()
        self.letters.set_rows(letters)
        if letters and not self.letters_view.currentIndex().isValid():
            self.letters_view.selectRow(0)  # the newest letter, shown in the preview
        self.show_file(file)

    def show_file(self, file: CaseFile) -> None:
        row = self.checklist_view.currentIndex().row()
        self.file = file
        o = file.overview
        self.setWindowTitle(self.tr("Case %1 – %2").replace("%1", o.file_number).replace("%2", o.person_name))
        access = "" if file.access == "zuständig" else f"   ·   [{file.access}]"
        self.header.setText(f"{o.file_number}   ·   {o.person_name}   ·   {o.procedure_name}{access}")
        values = {
            "file_number": o.file_number,
            "person": f"{o.person_name} (* {o.birth_date})",
            "procedure": f"{o.procedure_name} ({o.procedure_key})",
            "legal_basis": o.legal_basis,
            "area": o.area,
            "status": spoken(o.status_label),
            "owner": o.owner,
            "deputy": o.deputy or "–",
            "applied_on": german_date(o.applied_on),
            "decided_on": german_date(o.decided_on) or "–",
            "fee": o.fee_text,
        }
        for key, value in values.items():
            self.fields[key].setText(value)
        self._show_facts(file)
        self.checklist.set_rows(file.checklist)
        check_row = self.checks_view.currentIndex().row()
        self.checks.set_rows(file.checks)
        self.checks_box.setVisible(bool(file.checks))
        if file.checks:
            self.checks_view.selectRow(min(max(check_row, 0), len(file.checks) - 1))
        self.missing_label.setText(
            self.tr("%1 of %2 documents still missing")
            .replace("%1", str(file.missing))
            .replace("%2", str(len(file.checklist)))
        )
        self.deadlines.set_rows(file.deadlines)
        self.history.set_rows(file.history)
        if file.checklist:
            self.checklist_view.selectRow(min(max(row, 0), len(file.checklist) - 1))
        say_done(self.message, self.pending_message)  # what the last step achieved, or nothing
        self.pending_message = ""
        shown = self.decision_tab.decision
        if shown is not None and shown.status != o.status:  # a tick took the case on (into work, back from waiting)
            ctx, case_id = self.ctx, self.case_id
            self.runner.run(
                lambda: case_decision(ctx, case_id), self.decision_tab.show_decision, self.show_error, owner=self
            )

    def _show_facts(self, file: CaseFile) -> None:
        wanted = dict(file.overview.available_facts)
        if set(wanted) != set(self.fact_boxes):
            for box in self.fact_boxes.values():
                box.deleteLater()
            self.fact_boxes = {}
            for key, label in file.overview.available_facts:
                text = label.removeprefix("nur ").removeprefix("bei ")
                box = QCheckBox(text[:1].upper() + text[1:])
                box.toggled.connect(lambda _on: self._facts_changed())
                self.fact_boxes[key] = box
                self.facts_layout.addWidget(box)
        for key, box in self.fact_boxes.items():
            box.blockSignals(True)
            box.setChecked(key in file.overview.facts)
            box.blockSignals(False)
        self.facts_box.setVisible(bool(self.fact_boxes))

    def _facts_changed(self) -> None:
        facts = {key for key, box in self.fact_boxes.items() if box.isChecked()}
        version = self.file.overview.version if self.file else None
        ctx, case_id = self.ctx, self.case_id
        self.runner.run(lambda: set_facts(ctx, case_id, facts, version), self.show_file, self.show_error, owner=self)

    def current_line(self) -> ChecklistLine | None:
        row = self.checklist_view.currentIndex().row()
        return self.checklist.row(row) if 0 <= row < self.checklist.rowCount() else None

    def tick_received(self, line: ChecklistLine | None = None) -> None:
        line = line or self.current_line()
        if line is not None:
            ctx = self.ctx
            self.runner.run(
                lambda: mark_received(ctx, line.id, None, line.version),
                self.show_file,
                self.show_error,
                owner=self,
            )

    def tick_missing(self, line: ChecklistLine | None = None) -> None:
        line = line or self.current_line()
        if line is not None:
            ctx = self.ctx
            self.runner.run(
                lambda: mark_missing(ctx, line.id, line.version), self.show_file, self.show_error, owner=self
            )

    def waive(self, line: ChecklistLine | None = None) -> None:
        line = line or self.current_line()
        if line is None:
            return
        if line.authority_check:
            title, question = self.tr("Check not applicable"), self.tr("Why does „%1“ not apply here?")
        else:
            title, question = self.tr("Waive document"), self.tr("Reason for waiving „%1“:")
        reason = dialogs.ask_text(self, title, question.replace("%1", line.text), check=check_document_waiver)
        if reason is None:
            return
        ctx = self.ctx
        self.runner.run(
            lambda: waive_document(ctx, line.id, reason, line.version), self.show_file, self.show_error, owner=self
        )

    def _scan_text(self, line: ChecklistLine) -> str:
        return self.tr("%1 file(s)").replace("%1", str(line.documents)) if line.documents else ""

    def _scanned(self, attached: Attached) -> None:
        if attached.case_file is not None:
            self.show_file(attached.case_file)
        say_done(
            self.message,
            self.tr("Stored in the file: %1 (%2, %3 page(s)).")
            .replace("%1", attached.document.title)
            .replace("%2", attached.document.type_label)
            .replace("%3", str(attached.document.page_count)),
        )

    def open_whole_file(self) -> EFileDialog | None:
        if self.file is None:
            return None
        dialog = EFileDialog(self.ctx, self.file.overview.person_id, self.runner, parent=self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()
        return dialog

    def add_extra(self) -> None:
        text = dialogs.ask_text(self, self.tr("Further document"), self.tr("Which document is needed as well?"))
        if text is None:
            return
        ctx, case_id = self.ctx, self.case_id
        self.runner.run(lambda: add_document(ctx, case_id, text), self.show_file, self.show_error, owner=self)

    def show_tab(self, number: int) -> None:
        self.tabs.setCurrentIndex(number)
        self._focus_tab()

    def _focus_tab(self) -> None:
        """The current tab's list (or its first button) gets the focus, so the keyboard goes on there."""
        page = self.tabs.currentWidget()
        target: QWidget | None = {
            self.checklist_view.parentWidget(): self.checklist_view,
            row_of(row_of(self.letters_view)): self.letters_view,
            self.history_view: self.history_view,
            self.deadlines_view: self.deadlines_view,
        }.get(page)
        if target is None and page is not None:
            buttons = [b for b in page.findChildren(QPushButton) if b.isVisible() and b.isEnabled()]
            target = buttons[0] if buttons else page
        if target is not None:
            target.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def _granted(self, in_force: bool, card: bool) -> None:
        if not in_force:
            self.pending_message = self.tr("Submitted to a team lead for approval.")
        elif card:
            self.pending_message = self.tr("Granted. The eAT card can be ordered now (tab eAT, Ctrl+6).")
            self.card_tab.focus_order_when_ready = True
            self.tabs.setCurrentWidget(self.card_tab)
        else:
            self.pending_message = self.tr("Granted.")

    def show_error(self, exc: Exception) -> None:
        say_wrong(self.message, error_text(exc))
