"""The rejection notice window: the editor (grounds, facts, periods) on the left, the notice as it
will print (PDF preview) and its history on the right, and the next steps as buttons. Which buttons
show follows from what the services allow this user now; the services check every step again."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from abh_desk.domain.deadlines import DISPATCH_METHOD_LABELS, DispatchMethod
from abh_desk.domain.enums import LetterStatus
from abh_desk.domain.money import amount_text, euro, parse_amount
from abh_desk.domain.notice_flow import OUTCOME_LABELS, NoticeAction, RemedyOutcome
from abh_desk.errors import DomainError, ValidationError
from abh_desk.services.case_letters import letter_pdf
from abh_desk.services.context import ServiceContext
from abh_desk.services.fees import FeeView, refusal_fee
from abh_desk.services.live_changes import ChangeBatch
from abh_desk.services.notice_dispatch import decide_remedy, dispatch, record_remedy
from abh_desk.services.notice_review import approve, check_return_comment, return_to_author, submit_for_review
from abh_desk.services.notices import NOTICE_ENTITY, NoticeStep, NoticeView, notice_view
from abh_desk.services.rejections import (
    MAX_ENTRY_BAN_MONTHS_ABS_5A_5B,
    RefusalGround,
    RejectionDraft,
    check_waiver_reason,
    draft_of,
    draft_rejection,
    new_draft,
    record_statement,
    refusal_grounds,
    send_hearing,
    update_rejection,
    waive_hearing,
)
from abh_desk.services.stay import DecisionStatus, decision_status
from ui import dialogs
from ui.dispatch_dialog import DispatchDialog
from ui.live_updates import ChangedElsewhereBar, follow_changes
from ui.messages import error_text, spoken
from ui.pdf_view import PdfPreview
from ui.printing import print_pdf
from ui.rows_model import Column, RowsModel
from ui.tasks import TaskRunner
from ui.widgets import FitScrollArea, fit_on_screen, message_label, moment_text, table_view

#: The item role holding a ground's short title (the case-details box names it).
GROUND_TITLE = Qt.ItemDataRole.UserRole + 1


@dataclass(frozen=True)
class Loaded:
    view: NoticeView | None
    draft: RejectionDraft
    pdf: bytes | None
    grounds: list[tuple[str, str, str]]
    stay: DecisionStatus
    fee: FeeView


class NoticeDialog(QDialog):
    """A rejection notice: draft, hearing, review, approval, dispatch. The other screens hear of
    each step through ``ui.live_updates.ChangeHub``, not from this window."""

    def __init__(
        self,
        ctx: ServiceContext,
        case_id: int,
        letter_id: int | None = None,
        runner: TaskRunner | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx, self.case_id, self.letter_id = follow_changes(self, ctx, self._changed), case_id, letter_id
        self.runner = runner or TaskRunner(self)
        self.view: NoticeView | None = None
        self.details: dict[str, str] = {}
        self.first_load = True  # a new draft's first load puts the keyboard on the grounds
        self.stay: DecisionStatus | None = None  # the person's status on the day; known once loaded
        self.setWindowTitle(self.tr("Rejection notice"))
        fit_on_screen(self, 1280, 820)

        self.status = QLabel()
        self.status.setStyleSheet("font-size: 15px; font-weight: 600;")
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.status.setWordWrap(True)
        self.review_box = QGroupBox(self.tr("Returned by the team lead"))
        self.review_text = message_label("color: #5a3b00;")
        review_layout = QVBoxLayout(self.review_box)
        review_layout.addWidget(self.review_text)
        self.review_box.setStyleSheet("QGroupBox { background: #fff4d6; }")
        # A minor's notice without (fitting) legal representatives: written, never sent — and why.
        self.addressing_box = QGroupBox(self.tr("This notice cannot go out yet"))
        self.addressing_text = message_label("color: #7a1010;")
        QVBoxLayout(self.addressing_box).addWidget(self.addressing_text)
        self.addressing_box.setStyleSheet("QGroupBox { background: #fbe3e1; }")
        self.addressing_box.setVisible(False)

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.addWidget(self.status)
        self.changed_bar = ChangedElsewhereBar()
        self.changed_bar.sig_reload.connect(self.reload)
        left_layout.addWidget(self.changed_bar)
        left_layout.addWidget(self.review_box)
        left_layout.addWidget(self.addressing_box)
        left_layout.addWidget(FitScrollArea(self._editor()), 1)  # scrolls where the screen is low
        left_layout.addLayout(self._buttons())
        self.message = message_label()
        left_layout.addWidget(self.message)

        self.preview = PdfPreview()
        self.steps = RowsModel[NoticeStep](
            [
                Column(self.tr("When"), lambda s: moment_text(s.when)),
                Column(self.tr("Who"), lambda s: s.who),
                Column(self.tr("Step"), lambda s: s.what),
                Column(self.tr("Details"), lambda s: s.details),
            ]
        )
        right = QSplitter(Qt.Orientation.Vertical)
        right.addWidget(self.preview)
        right.addWidget(table_view(self.steps, (120, 130, 170)))
        right.setSizes([600, 160])
        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setSizes([560, 720])
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)
        QShortcut(QKeySequence.StandardKey.Save, self).activated.connect(self.save)
        self._fitted = False
        self.reload()

    def _fit_screen(self) -> None:
        """Once the notice is loaded: as large as wanted, but within the screen (while being shown,
        the layout asks for 1,536 pixels for a moment; the tester's screen had 1,400)."""
        if self._fitted:
            return
        self._fitted = True
        fit_on_screen(self, 1280, 820)

    # --- editor ------------------------------------------------------------------------------

    def _editor(self) -> QWidget:
        box = QGroupBox(self.tr("Notice"))
        self.ground_list = QListWidget()
        # A long title wraps onto a second line instead of running out of view behind a scroll bar.
        self.ground_list.setWordWrap(True)
        self.ground_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.ground_list.setResizeMode(QListWidget.ResizeMode.Adjust)
        rows = self.ground_list.fontMetrics().lineSpacing() + 4
        self.ground_list.setMinimumHeight(rows * 6 + 6)  # six grounds in view, also on a 1366×768 screen
        self.ground_list.setMaximumHeight(rows * 9 + 6)
        self.ground_detail = QPlainTextEdit()
        self.ground_detail.setPlaceholderText(self.tr("The facts of this case for the chosen ground"))
        self.ground_detail.setMaximumHeight(80)
        self.ground_detail_label = QLabel(self.tr("Case details for the ground:"))
        self.ground_detail_label.setWordWrap(True)
        self.ground_detail_label.setMaximumWidth(190)
        self.facts = QPlainTextEdit()
        self.facts.setPlaceholderText(self.tr("Facts (Sachverhalt); a blank line starts a new paragraph"))
        self.exit_days = QSpinBox()
        self.exit_days.setRange(7, 30)
        self.exit_days.setSuffix(self.tr(" days"))
        self.target_state = QLineEdit()
        self.fee = QLineEdit()
        self.fee.setPlaceholderText(self.tr("as in the fee schedule"))
        self.fee_basis = QLabel()
        self.fee_basis.setWordWrap(True)
        self.fee_basis.setTextFormat(Qt.TextFormat.PlainText)
        self.benefits = QCheckBox(self.tr("Receives benefits under SGB II, SGB XII or AsylbLG (§ 53 (1) AufenthV)"))
        self.short_extension = QCheckBox(self.tr("Extension for up to three months"))
        self.fee_reason = QLineEdit()
        self.fee_reason.setPlaceholderText(self.tr("only for a lower fee: why (§ 53 (2) AufenthV)"))
        for checkbox in (self.benefits, self.short_extension):
            checkbox.toggled.connect(self._reload_fee)
        self.ban_months = QSpinBox()
        self.ban_months.setRange(0, MAX_ENTRY_BAN_MONTHS_ABS_5A_5B)
        self.ban_months.setSpecialValueText(self.tr("none"))
        self.ban_reasons = QLineEdit()
        self.stay_label = QLabel()
        self.stay_label.setWordWrap(True)
        self.stay_label.setTextFormat(Qt.TextFormat.PlainText)
        # § 59 (1) sentence 1 and § 60 (5), (7) AufenthG: this person's finding on each point.
        self.findings: dict[str, QPlainTextEdit] = {}
        for name, placeholder in (
            ("finding_deportation_bars", self.tr("Bars to deportation (§ 60 (5), (7) AufenthG) for this person")),
            ("finding_child_welfare", self.tr("Children: whose, where they live, what leaving means for them")),
            ("finding_family_ties", self.tr("Family ties in Germany")),
            ("finding_health", self.tr("Health: illness, fitness to travel")),
        ):
            finding = QPlainTextEdit()
            finding.setObjectName(name)
            finding.setPlaceholderText(placeholder)
            finding.setMaximumHeight(48)
            finding.setTabChangesFocus(True)
            self.findings[name] = finding
        self.assessment = QPlainTextEdit()
        self.assessment.setPlaceholderText(self.tr("Further considerations on the deportation threat (optional)"))
        self.assessment.setMaximumHeight(48)
        self.assessment.setTabChangesFocus(True)
        self.eu_exception = QCheckBox(self.tr("EU citizen or rights under ARB 1/80 (objection remains in Hessen)"))
        self.field_messages = {
            name: message_label()
            for name in ("grounds", "facts", "fee", "entry_ban_months", "deportation_assessment", "target_state")
        }
        form = QFormLayout(box)
        self.editor_form = form
        form.addRow(self.tr("Grounds of refusal"), self.ground_list)
        form.addRow("", self.field_messages["grounds"])
        form.addRow(self.ground_detail_label, self.ground_detail)
        form.addRow(self.tr("Facts"), self.facts)
        form.addRow("", self.field_messages["facts"])
        form.addRow(self.tr("Residence status"), self.stay_label)
        form.addRow(self.tr("Period to leave"), self.exit_days)
        form.addRow(self.tr("Target state"), self.target_state)
        form.addRow("", self.field_messages["target_state"])
        for name, label in (
            ("finding_deportation_bars", self.tr("Bars to deportation")),
            ("finding_child_welfare", self.tr("Best interests of children")),
            ("finding_family_ties", self.tr("Family ties")),
            ("finding_health", self.tr("State of health")),
        ):
            form.addRow(label, self.findings[name])
        form.addRow(self.tr("Further considerations"), self.assessment)
        form.addRow("", self.field_messages["deportation_assessment"])
        form.addRow(self.tr("Fee (EUR)"), self.fee)
        form.addRow("", self.fee_basis)
        form.addRow("", self.benefits)
        form.addRow("", self.short_extension)
        form.addRow(self.tr("Reason for a lower fee"), self.fee_reason)
        form.addRow("", self.field_messages["fee"])
        form.addRow(self.tr("Entry ban (months)"), self.ban_months)
        form.addRow(self.tr("Reasons for its length"), self.ban_reasons)
        form.addRow("", self.field_messages["entry_ban_months"])
        form.addRow("", self.eu_exception)
        self.ground_list.currentItemChanged.connect(self._ground_selected)
        self.ground_list.itemChanged.connect(self._ground_ticked)
        self.ground_detail.setEnabled(False)  # it belongs to the highlighted ground; none yet
        self.ground_detail.textChanged.connect(self._detail_edited)
        self.editor_box = box
        return box

    def _show_fee(self, fee: FeeView) -> None:
        """The fee the AufenthV sets for this refusal; the field stays empty to charge it."""
        amount = amount_text(fee.cents)
        self.fee.setPlaceholderText(amount)
        self.fee_basis.setText(self.tr("Fee schedule: %1 (%2)").replace("%1", euro(fee.cents)).replace("%2", fee.basis))

    def _reload_fee(self) -> None:
        ctx, case_id = self.ctx, self.case_id
        benefits, short = self.benefits.isChecked(), self.short_extension.isChecked()
        self.runner.run(lambda: refusal_fee(ctx, case_id, benefits, short), self._show_fee, self.show_error, owner=self)

    def _ground_selected(self, current: QListWidgetItem | None, _previous: QListWidgetItem | None) -> None:
        key = current.data(Qt.ItemDataRole.UserRole) if current else None
        title = current.data(GROUND_TITLE) if current else None  # the box says whose details it holds
        self.ground_detail_label.setText(
            self.tr("Case details for „%1“:").replace("%1", title) if title else self.tr("Case details for the ground:")
        )
        self.ground_detail.blockSignals(True)
        self.ground_detail.setPlainText(self.details.get(key, "") if key else "")
        self.ground_detail.blockSignals(False)
        self.ground_detail.setEnabled(key is not None and self.editor_box.isEnabled())

    def _ground_ticked(self, item: QListWidgetItem) -> None:
        """Ticking a ground highlights it, so the case details typed next are its own."""
        if item.checkState() == Qt.CheckState.Checked and self.ground_list.currentItem() is not item:
            self.ground_list.setCurrentItem(item)
            self.ground_detail.setFocus()

    def _detail_edited(self) -> None:
        item = self.ground_list.currentItem()
        if item is not None:
            self.details[item.data(Qt.ItemDataRole.UserRole)] = self.ground_detail.toPlainText()

    def _buttons(self) -> QVBoxLayout:
        self.buttons: dict[NoticeAction | str, QPushButton] = {
            "save": QPushButton(self.tr("&Save draft")),
            NoticeAction.SEND_HEARING: QPushButton(self.tr("Send &hearing letter")),
            NoticeAction.WAIVE_HEARING: QPushButton(self.tr("&No hearing…")),
            NoticeAction.RECORD_STATEMENT: QPushButton(self.tr("S&tatement received…")),
            NoticeAction.SUBMIT: QPushButton(self.tr("Su&bmit for review")),
            NoticeAction.APPROVE: QPushButton(self.tr("&Approve")),
            NoticeAction.RETURN: QPushButton(self.tr("Return with co&mment…")),
            NoticeAction.DISPATCH: QPushButton(self.tr("&Dispatched…")),
            NoticeAction.RECORD_REMEDY: QPushButton(self.tr("&Objection or lawsuit received…")),
            NoticeAction.DECIDE_REMEDY: QPushButton(self.tr("Out&come of the remedy…")),
            "pdf": QPushButton(self.tr("Save &PDF…")),
            "print": QPushButton(self.tr("Pr&int…")),
        }
        handlers = {
            "save": self.save,
            NoticeAction.SEND_HEARING: self.send_hearing,
            NoticeAction.WAIVE_HEARING: self.waive_hearing,
            NoticeAction.RECORD_STATEMENT: self.record_statement,
            NoticeAction.SUBMIT: self.submit,
            NoticeAction.APPROVE: self.approve,
            NoticeAction.RETURN: self.return_to_author,
            NoticeAction.DISPATCH: self.dispatch,
            NoticeAction.RECORD_REMEDY: self.record_remedy,
            NoticeAction.DECIDE_REMEDY: self.decide_remedy,
            "pdf": self.save_pdf,
            "print": self.print_notice,
        }
        for key, button in self.buttons.items():
            button.clicked.connect(handlers[key])
            button.setObjectName(str(key))
        self.buttons[NoticeAction.APPROVE].setStyleSheet("font-weight: 600;")
        rows = QVBoxLayout()
        first, second = QHBoxLayout(), QHBoxLayout()
        for key in ("save", NoticeAction.SEND_HEARING, NoticeAction.WAIVE_HEARING, NoticeAction.RECORD_STATEMENT):
            first.addWidget(self.buttons[key])
        first.addStretch(1)
        for key in (
            NoticeAction.SUBMIT,
            NoticeAction.APPROVE,
            NoticeAction.RETURN,
            NoticeAction.DISPATCH,
            NoticeAction.RECORD_REMEDY,
            NoticeAction.DECIDE_REMEDY,
        ):
            second.addWidget(self.buttons[key])
        second.addStretch(1)
        second.addWidget(self.buttons["pdf"])
        second.addWidget(self.buttons["print"])
        rows.addLayout(first)
        rows.addLayout(second)
        return rows

    # --- data --------------------------------------------------------------------------------

    def reload(self) -> None:
        ctx, case_id, letter_id = self.ctx, self.case_id, self.letter_id

        def work() -> Loaded:
            stay = decision_status(ctx, case_id)
            draft = new_draft(ctx, case_id) if letter_id is None else draft_of(ctx, letter_id)
            fee = refusal_fee(ctx, case_id, draft.benefits, draft.short_extension)
            if letter_id is None:
                return Loaded(None, draft, None, refusal_grounds(ctx), stay, fee)
            return Loaded(
                notice_view(ctx, letter_id), draft, letter_pdf(ctx, letter_id), refusal_grounds(ctx), stay, fee
            )

        self.runner.run(work, self._loaded, self.show_error, owner=self)

    def _keep_cursor(self) -> Callable[[], None]:
        """Where the user is typing, before the editor is filled from the stored draft again; the
        function returned puts the focus and the cursor back (the list of grounds is rebuilt, which
        disables the case details for a moment, and the focus went with them: after Strg+S typing
        on did nothing)."""
        widget = QApplication.focusWidget()
        if widget is None or not self.isAncestorOf(widget):
            return lambda: None
        if isinstance(widget, QPlainTextEdit):
            position = widget.textCursor().position()
        elif isinstance(widget, QLineEdit):
            position = widget.cursorPosition()
        else:
            position = -1

        def restore() -> None:
            if not (widget.isEnabled() and widget.isVisible()):
                return
            if QApplication.focusWidget() is not widget:
                widget.setFocus(Qt.FocusReason.OtherFocusReason)
            if isinstance(widget, QPlainTextEdit) and position >= 0:
                cursor = widget.textCursor()
                cursor.setPosition(min(position, len(widget.toPlainText())))
                widget.setTextCursor(cursor)
            elif isinstance(widget, QLineEdit) and position >= 0:
                widget.setCursorPosition(position)

        return restore

    def _loaded(self, loaded: Loaded) -> None:
        restore_cursor = self._keep_cursor()
        current = self.ground_list.currentItem()
        shown_key = current.data(Qt.ItemDataRole.UserRole) if current is not None else None
        self.view = loaded.view
        draft = loaded.draft
        self.loaded_draft = draft
        self.details = {ground.key: ground.details for ground in draft.grounds}
        chosen = set(self.details)
        self.ground_list.clear()
        for key, title, basis in loaded.grounds:
            item = QListWidgetItem(f"{title} ({basis})")
            item.setToolTip(item.text())
            item.setData(Qt.ItemDataRole.UserRole, key)
            item.setData(GROUND_TITLE, title)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if key in chosen else Qt.CheckState.Unchecked)
            self.ground_list.addItem(item)
        # The ground highlighted before stays so (its case details are where the cursor was), else
        # the first chosen one: its case details show at once.
        keys = [self.ground_list.item(row).data(Qt.ItemDataRole.UserRole) for row in range(self.ground_list.count())]
        shown = shown_key if shown_key in keys else next((key for key in keys if key in chosen), None)
        if shown is not None:
            self.ground_list.setCurrentRow(keys.index(shown))
        self.facts.setPlainText(draft.facts)
        self.exit_days.setValue(draft.exit_period_days)
        self.target_state.setText(draft.target_state)
        self.fee.setText(amount_text(draft.fee_cents))
        for box, value in ((self.benefits, draft.benefits), (self.short_extension, draft.short_extension)):
            box.blockSignals(True)
            box.setChecked(value)
            box.blockSignals(False)
        self.fee_reason.setText(draft.fee_reduction_reason)
        self._show_fee(loaded.fee)
        self.ban_months.setValue(draft.entry_ban_months or 0)
        self.ban_reasons.setText(draft.entry_ban_reasons)
        self.assessment.setPlainText(draft.deportation_assessment)
        for name, finding in self.findings.items():
            finding.setPlainText(getattr(draft, name))
        self.eu_exception.setChecked(draft.eu_or_arb_exception)
        # Departure, deportation threat and entry ban belong in the notice only with a duty to leave.
        self.stay = loaded.stay
        self.stay_label.setText(
            (self.tr("Obliged to leave: departure and deportation are in the notice.") if loaded.stay.duty_to_leave
             else self.tr("Keeps a valid title: the notice refuses and charges its fee, nothing more."))
            + "\n" + loaded.stay.reason
        )  # fmt: skip
        departure = (self.exit_days, self.target_state, *self.findings.values(), self.assessment)
        for widget in (*departure, self.ban_months, self.ban_reasons):
            widget.setVisible(loaded.stay.duty_to_leave)
            label = self.editor_form.labelForField(widget)
            if label is not None:
                label.setVisible(loaded.stay.duty_to_leave)
        unsaved_hint = self.tr("The preview of the notice appears once the draft is saved (Ctrl+S).")
        self.preview.show_pdf(loaded.pdf, unsaved_hint)
        view = loaded.view
        allowed = view.actions if view else frozenset({NoticeAction.EDIT})
        editable = NoticeAction.EDIT in allowed
        self.editor_box.setEnabled(editable)
        self.buttons["save"].setVisible(editable)
        for action in NoticeAction:
            if action in self.buttons:
                self.buttons[action].setVisible(view is not None and action in allowed)
        self.buttons["pdf"].setVisible(view is not None)
        self.buttons["print"].setVisible(view is not None)
        self.steps.set_rows(list(view.steps) if view else [])
        self._show_status(view)
        restore_cursor()
        if self.first_load and view is None and editable:
            # A new draft: the keyboard starts on the grounds (Space ticks one), not on the scroll area.
            if self.ground_list.currentRow() < 0 and self.ground_list.count():
                self.ground_list.setCurrentRow(0)
            self.ground_list.setFocus(Qt.FocusReason.OtherFocusReason)
        self.first_load = False
        QTimer.singleShot(150, self._fit_screen)  # after the layout has settled

    def _show_status(self, view: NoticeView | None) -> None:
        problem = view.addressing_problem if view is not None else None
        self.addressing_text.setText(error_text(problem) if problem is not None else "")
        self.addressing_box.setVisible(problem is not None)
        if view is None:
            self.status.setText(self.tr("New rejection notice (draft)"))
            self.review_box.setVisible(False)
            return
        parts = [
            f"{view.file_number} · {view.person_name}",
            spoken(view.status_label),
            self.tr("by %1").replace("%1", view.author),
        ]
        if view.reviewer:
            parts.append(self.tr("reviewed by %1").replace("%1", view.reviewer))
        self.status.setText("   ·   ".join(parts))
        self.setWindowTitle(self.tr("Rejection notice %1").replace("%1", view.file_number))
        show_review = bool(view.review_comment) and not view.final_pdf
        self.review_box.setVisible(show_review)
        self.review_box.setTitle(
            self.tr("Returned by the team lead")
            if view.status == LetterStatus.RETURNED
            else self.tr("At the last return by the team lead")
        )
        if show_review:
            lines = [view.review_comment]
            if view.changes_since_return:
                lines.append(self.tr("Changed since it was returned:"))
                lines += [f"• {c.label}: {c.before} → {c.after}" for c in view.changes_since_return]
            else:
                lines.append(self.tr("Nothing changed since it was returned."))
            self.review_text.setText("\n".join(lines))

    def _draft(self) -> RejectionDraft | None:
        """The editor's content, or None with the messages shown next to the fields."""
        for label in self.field_messages.values():
            label.setText("")
        grounds = []
        for row in range(self.ground_list.count()):
            item = self.ground_list.item(row)
            if item.checkState() == Qt.CheckState.Checked:
                key = item.data(Qt.ItemDataRole.UserRole)
                grounds.append(RefusalGround(key, self.details.get(key, "").strip()))
        try:
            fee = parse_amount(self.fee.text())
        except ValidationError as exc:
            self.field_messages["fee"].setText(error_text(exc))
            return None
        duty = self.stay is None or self.stay.duty_to_leave
        return RejectionDraft(
            grounds=tuple(grounds),
            facts=self.facts.toPlainText(),
            exit_period_days=self.exit_days.value(),
            target_state=self.target_state.text(),
            fee_cents=fee,
            entry_ban_months=(self.ban_months.value() or None) if duty else None,
            entry_ban_reasons=self.ban_reasons.text() if duty else "",
            eu_or_arb_exception=self.eu_exception.isChecked(),
            deportation_assessment=self.assessment.toPlainText() if duty else "",
            **{name: finding.toPlainText() if duty else "" for name, finding in self.findings.items()},
            benefits=self.benefits.isChecked(),
            short_extension=self.short_extension.isChecked(),
            fee_reduction_reason=self.fee_reason.text(),
        )

    # --- steps -------------------------------------------------------------------------------

    def _after(self, letter_id: int | None = None) -> None:
        if letter_id is not None:
            self.letter_id = letter_id
        self.message.setText("")
        self.reload()

    def _step(self, work: object) -> None:
        assert callable(work)
        self.runner.run(work, lambda _result: self._after(), self.show_error, owner=self)

    def save(self) -> None:
        draft = self._draft()
        if draft is None or (self.view is not None and NoticeAction.EDIT not in self.view.actions):
            return
        ctx, case_id, view = self.ctx, self.case_id, self.view
        if view is None:
            self.runner.run(lambda: draft_rejection(ctx, case_id, draft), self._after, self.show_error, owner=self)
            return
        withdraw = view.status in (LetterStatus.IN_REVIEW, LetterStatus.APPROVED)
        if withdraw:  # a change takes it back from the team lead: never without asking
            question = (
                self.tr(
                    "The team lead is reviewing this notice. Saving takes it back from the review: it becomes a "
                    "draft again and has to be submitted again. Save and take it back?"
                )
                if view.status == LetterStatus.IN_REVIEW
                else self.tr(
                    "This notice is approved. Saving cancels the approval: it becomes a draft again and has to "
                    "be submitted again. Save and cancel the approval?"
                )
            )
            if not dialogs.ask_yes_no(self, self.tr("Rejection notice"), question):
                return

        def saved(_result: object) -> None:
            self._after()
            if withdraw:
                self.message.setText(self.tr("Saved. The notice is a draft again: please submit it for review again."))

        self.runner.run(
            lambda: update_rejection(ctx, view.id, view.version, draft, withdraw_review=withdraw),
            saved,
            self.show_error,
            owner=self,
        )

    def send_hearing(self) -> None:
        view, ctx = self._current(), self.ctx
        if view:
            self._step(lambda: send_hearing(ctx, view.id, view.version))

    def waive_hearing(self) -> None:
        view, ctx = self._current(), self.ctx
        reason = dialogs.ask_long_text(
            self,
            self.tr("No hearing"),
            self.tr("Why can the hearing be dispensed with (§ 28 Abs. 2 VwVfG)?"),
            check=check_waiver_reason,
        )
        if view and reason is not None:
            self._step(lambda: waive_hearing(ctx, view.id, view.version, reason))

    def record_statement(self) -> None:
        view, ctx = self._current(), self.ctx
        received = dialogs.ask_date(self, self.tr("Statement"), self.tr("Statement received on"), self.ctx.today())
        if view and received is not None:
            self._step(lambda: record_statement(ctx, view.id, view.version, received))

    def submit(self) -> None:
        view, ctx = self._current(), self.ctx
        if view:
            self._step(lambda: submit_for_review(ctx, view.id, view.version))

    def approve(self) -> None:
        view, ctx = self._current(), self.ctx
        if view:
            self._step(lambda: approve(ctx, view.id, view.version))

    def return_to_author(self) -> None:
        view, ctx = self._current(), self.ctx
        comment = dialogs.ask_long_text(
            self, self.tr("Return"), self.tr("What should the caseworker change?"), check=check_return_comment
        )
        if view and comment is not None:
            self._step(lambda: return_to_author(ctx, view.id, view.version, comment))

    def dispatch(self) -> None:
        view, ctx = self._current(), self.ctx
        methods = [(method.value, spoken(DISPATCH_METHOD_LABELS[method])) for method in DispatchMethod]
        if view is None:
            return

        def send(posted: date, method: str, delivered: date | None) -> object:
            return dispatch(ctx, view.id, view.version, posted, DispatchMethod(method), delivered)

        # A refused date shows under that date in the still open dialog; once sent it closes.
        dialog = DispatchDialog(self.tr("Dispatch"), self.runner, ctx.today(), methods, send, parent=self)
        dialog.accepted.connect(lambda: self._after())
        dialog.open()

    def record_remedy(self) -> None:
        view, ctx = self._current(), self.ctx
        received = dialogs.ask_date(
            self, self.tr("Remedy"), self.tr("Objection or lawsuit received on"), self.ctx.today()
        )
        if not view or received is None:
            return

        def recorded(in_time: bool) -> None:
            self._after()
            if not in_time:
                self.message.setText(
                    self.tr("Received after the period ended: the notice was already final. Recorded as late.")
                )

        self.runner.run(
            lambda: record_remedy(ctx, view.id, view.version, received), recorded, self.show_error, owner=self
        )

    def decide_remedy(self) -> None:
        view, ctx = self._current(), self.ctx
        labels = {spoken(OUTCOME_LABELS[outcome]): outcome for outcome in RemedyOutcome}
        chosen = dialogs.ask_choice(self, self.tr("Remedy"), self.tr("Outcome"), list(labels))
        if view and chosen is not None:
            self._step(lambda: decide_remedy(ctx, view.id, view.version, labels[chosen], ctx.today()))

    def save_pdf(self) -> None:
        view = self._current()
        if view is None:
            return
        suffix = "" if view.final_pdf else "-entwurf"
        path = dialogs.ask_save_path(self, self.tr("Save notice"), f"bescheid-{view.file_number}{suffix}.pdf")
        if path is None:
            return
        ctx = self.ctx
        self.runner.run(
            lambda: path.write_bytes(letter_pdf(ctx, view.id)), lambda _r: None, self.show_error, owner=self
        )

    def print_notice(self) -> None:
        """Print the notice as stored (a draft prints with ENTWURF across it)."""
        view = self._current()
        if view is None:
            return
        printer = dialogs.ask_printer(self)
        if printer is None:
            return
        ctx = self.ctx
        self.runner.run(
            lambda: letter_pdf(ctx, view.id), lambda pdf: self._print(pdf, printer), self.show_error, owner=self
        )

    def _print(self, pdf: bytes, printer: QPrinter) -> None:
        try:
            pages = print_pdf(pdf, printer)
        except DomainError as exc:
            self.show_error(exc)
            return
        self.message.setText("")
        self.status.setToolTip(self.tr("%n page(s) printed", "", pages))

    def unsaved(self) -> bool:
        """The editor holds changes not saved yet."""
        if not self.editor_box.isEnabled() or getattr(self, "loaded_draft", None) is None:
            return False
        for label in self.field_messages.values():
            label.setText("")
        return self._draft() != self.loaded_draft

    def _changed(self, batch: ChangeBatch) -> None:
        """This notice changed in another window or at another workstation (its own saves it has
        shown already)."""
        letter_id = self.letter_id
        if letter_id is None or batch.origin == self.ctx.origin or not batch.touches(NOTICE_ENTITY, letter_id):
            return
        self.changed_elsewhere(None if batch.here else batch.who_changed(NOTICE_ENTITY, letter_id), batch.here)

    def changed_elsewhere(self, who: str | None, here: bool = False) -> None:
        """Another workstation changed this notice (approved it, returned it, edited it): show it as
        it is now — unless the editor holds unsaved text, which is kept until the user reloads."""
        shown = {name: label.text() for name, label in self.field_messages.items()}
        unsaved = self.unsaved()
        for name, text in shown.items():  # the messages beside the fields stay as they were
            self.field_messages[name].setText(text)
        self.changed_bar.show_change(who, unsaved, here)
        if not unsaved:
            self.reload()

    def reject(self) -> None:
        """Escape or closing the window (Qt's closeEvent calls this): unsaved text is not thrown away
        without asking."""
        if self.unsaved() and not dialogs.ask_yes_no(
            self, self.tr("Rejection notice"), self.tr("Discard the changes that are not saved?")
        ):
            return
        super().reject()

    def _current(self) -> NoticeView | None:
        if self.view is None:
            self.message.setText(self.tr("Please save the draft first."))
        return self.view

    def show_error(self, exc: Exception) -> None:
        text = error_text(exc)
        field = exc.field if isinstance(exc, ValidationError) else None
        target = {"exit_period_days": None, "fee_cents": "fee"}.get(field or "", field)
        if target in self.field_messages:
            self.field_messages[target].setText(text)
        ground = exc.params.get("ground") if isinstance(exc, ValidationError) else None
        for row in range(self.ground_list.count()):  # show the ground that lacks its details
            if ground and self.ground_list.item(row).data(Qt.ItemDataRole.UserRole) == ground:
                self.ground_list.setCurrentRow(row)
        self.message.setText(text)
