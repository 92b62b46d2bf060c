"""The case window's Entscheidung tab: where the case stands, the steps open to this user (take up,
ready for decision, back into work, grant, withdrawal, closing), a grant waiting for a team lead's
approval, and every grant of the case with its title and fee."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QGroupBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from abh_desk.domain.case_flow import CaseAction
from abh_desk.domain.grants import GrantStatus
from abh_desk.services.case_status import change_status
from abh_desk.services.context import ServiceContext
from abh_desk.services.grants import CaseDecision, GrantInfo, approve_grant
from ui import dialogs
from ui.decision_dialogs import CloseCaseDialog, GrantDialog, ReturnGrantDialog, WithdrawDialog
from ui.form_dialog import FormDialog
from ui.messages import error_text, spoken
from ui.rows_model import Column, RowsModel
from ui.tasks import TaskRunner
from ui.widgets import german_date, message_label, moment_text, table_view

GRANT_COLORS = {GrantStatus.GRANTED: "#d9f2d9", GrantStatus.IN_REVIEW: "#fde9b7", GrantStatus.RETURNED: "#f4c7c3"}


class DecisionTab(QWidget):
    sig_changed = Signal()
    """A step was taken: the case window loads the case again."""
    sig_granted = Signal(bool, bool)
    """A grant took effect (True) or went to a team lead (False); and whether an eAT card follows."""

    def __init__(self, ctx: ServiceContext, case_id: int, runner: TaskRunner) -> None:
        super().__init__()
        self.ctx, self.case_id, self.runner = ctx, case_id, runner
        self.decision: CaseDecision | None = None
        self.dialog: FormDialog | None = None
        self.state = QLabel()
        self.state.setStyleSheet("font-size: 14px; font-weight: 600;")
        self.state.setTextFormat(Qt.TextFormat.PlainText)
        self.state.setWordWrap(True)
        self.outcome = QLabel()
        self.outcome.setTextFormat(Qt.TextFormat.PlainText)
        self.outcome.setWordWrap(True)
        self.card_note = QLabel()
        self.card_note.setStyleSheet("color: #555;")
        self.card_note.setWordWrap(True)
        self.message = message_label()
        self.buttons: dict[CaseAction, QPushButton] = {
            CaseAction.START: QPushButton(self.tr("&Take up")),
            CaseAction.MARK_READY: QPushButton(self.tr("&Ready for decision")),
            CaseAction.RESUME: QPushButton(self.tr("Back into &work")),
            CaseAction.GRANT: QPushButton(self.tr("&Grant…")),
            CaseAction.WITHDRAW: QPushButton(self.tr("&Withdrawn by the applicant…")),
            CaseAction.CLOSE: QPushButton(self.tr("C&lose…")),
        }
        steps = QHBoxLayout()
        for action, button in self.buttons.items():
            button.clicked.connect(lambda _checked=False, a=action: self.take(a))
            steps.addWidget(button)
        steps.addStretch(1)
        self.review_box = QGroupBox(self.tr("Grant waiting for a team lead's approval"))
        self.review_text = QLabel()
        self.review_text.setTextFormat(Qt.TextFormat.PlainText)
        self.review_text.setWordWrap(True)
        self.approve_button = QPushButton(self.tr("&Approve"))
        self.return_button = QPushButton(self.tr("Re&turn…"))
        review_buttons = QHBoxLayout()
        review_buttons.addWidget(self.approve_button)
        review_buttons.addWidget(self.return_button)
        review_buttons.addStretch(1)
        review_layout = QVBoxLayout(self.review_box)
        review_layout.addWidget(self.review_text)
        review_layout.addLayout(review_buttons)
        self.approve_button.clicked.connect(self.approve)
        self.return_button.clicked.connect(self.return_pending)
        self.grants = RowsModel[GrantInfo](
            [
                Column(self.tr("State"), lambda g: g.status_label, lambda g: GRANT_COLORS.get(g.status)),
                Column(self.tr("Residence title"), lambda g: f"{g.kind} ({g.legal_basis})" if g.kind else "–"),
                Column(self.tr("Valid from"), lambda g: german_date(g.valid_from)),
                Column(
                    self.tr("Valid until"),
                    lambda g: german_date(g.valid_until) or (self.tr("unlimited") if g.valid_from else ""),
                ),
                Column(self.tr("Fee"), lambda g: g.fee_text),
                Column(self.tr("Proposed"), lambda g: f"{g.proposed_by}, {moment_text(g.proposed_at)}"),
                Column(self.tr("Reviewed"), lambda g: self._reviewed(g)),
                Column(self.tr("Conditions"), lambda g: g.conditions),
            ]
        )
        self.grants_view = table_view(self.grants, (150, 200, 80, 80, 80, 170, 150))
        layout = QVBoxLayout(self)
        layout.addWidget(self.state)
        layout.addWidget(self.outcome)
        layout.addLayout(steps)
        layout.addWidget(self.message)
        layout.addWidget(self.review_box)
        layout.addWidget(QLabel(self.tr("Grants of this case")))
        layout.addWidget(self.grants_view, 1)
        layout.addWidget(self.card_note)

    def _reviewed(self, grant: GrantInfo) -> str:
        if not grant.reviewed_by or grant.reviewed_at is None:
            return ""
        text = f"{grant.reviewed_by}, {moment_text(grant.reviewed_at)}"
        return f"{text}: {grant.review_comment}" if grant.review_comment else text

    def show_decision(self, decision: CaseDecision) -> None:
        self.decision = decision
        state = self.tr("State: %1").replace("%1", spoken(decision.status_label))
        if decision.decided_on:
            state += " · " + self.tr("decided on %1").replace("%1", german_date(decision.decided_on))
        self.state.setText(state)
        outcome = [decision.outcome_note] if decision.outcome_note else []
        outcome += [self.tr("Title of this case: %1").replace("%1", title) for title in decision.recorded_titles]
        self.outcome.setText("\n".join(outcome))
        self.outcome.setVisible(bool(outcome))
        for action, button in self.buttons.items():
            button.setVisible(action in decision.actions)
        self.buttons[CaseAction.GRANT].setText(
            self.tr("Submit the &grant for approval…") if decision.needs_review else self.tr("&Grant…")
        )
        pending = decision.pending
        self.review_box.setVisible(pending is not None)
        if pending is not None:
            lines = [
                self.tr("Submitted by %1 on %2")
                .replace("%1", pending.proposed_by)
                .replace("%2", moment_text(pending.proposed_at)),
                pending.summary,
                self.tr("Fee: %1").replace("%1", pending.fee_text)
                + (f" ({pending.fee_reason})" if pending.fee_reason else ""),
            ]
            if pending.conditions:
                lines.append(self.tr("Conditions: %1").replace("%1", pending.conditions))
            if not decision.may_review:
                lines.append(self.tr("A team lead of the area other than the proposer approves or returns it."))
            self.review_text.setText("\n".join(lines))
        self.approve_button.setVisible(decision.may_review)
        self.return_button.setVisible(decision.may_review)
        self.grants.set_rows(decision.grants)
        self.card_note.setText(
            error_text(decision.card_refusal)
            if decision.card_refusal
            else self.tr("The eAT card can be ordered (tab eAT).")
        )

    # --- steps ------------------------------------------------------------------------------

    def take(self, action: CaseAction) -> FormDialog | None:
        decision = self.decision
        if decision is None:
            return None
        version = decision.version
        if action == CaseAction.GRANT:
            dialog: FormDialog = GrantDialog(self.ctx, self.case_id, self.runner, self)
            dialog.accepted.connect(lambda: self._granted(dialog))
            return self._open(dialog)
        if action == CaseAction.WITHDRAW:
            return self._open(WithdrawDialog(self.ctx, self.case_id, version, self.runner, self))
        if action == CaseAction.CLOSE:
            return self._open(CloseCaseDialog(self.ctx, self.case_id, version, self.runner, self))
        ctx, case_id = self.ctx, self.case_id
        self.message.clear()
        self.runner.run(
            lambda: change_status(ctx, case_id, action, version), lambda _r: self.sig_changed.emit(), self.show_error
        )
        return None

    def _open(self, dialog: FormDialog) -> FormDialog:
        self.dialog = dialog
        dialog.accepted.connect(self.sig_changed)
        dialog.open()
        return dialog

    def _granted(self, dialog: FormDialog) -> None:
        result = getattr(dialog, "granted", None)
        if result is not None:
            self.sig_granted.emit(result.in_force, result.grant.card)

    def approve(self) -> None:
        decision = self.decision
        if decision is None or decision.pending is None:
            return
        pending = decision.pending
        if not dialogs.ask_yes_no(
            self, self.tr("Approve the grant"), self.tr("Approve this grant?\n\n%1").replace("%1", pending.summary)
        ):
            return
        ctx = self.ctx

        def approved(info: GrantInfo) -> None:
            self.sig_changed.emit()
            self.sig_granted.emit(True, info.card)

        self.runner.run(lambda: approve_grant(ctx, pending.id, pending.version), approved, self.show_error)

    def return_pending(self) -> FormDialog | None:
        decision = self.decision
        if decision is None or decision.pending is None:
            return None
        return self._open(ReturnGrantDialog(self.ctx, decision.pending.id, decision.pending.version, self.runner, self))

    def show_error(self, exc: Exception) -> None:
        self.message.setText(error_text(exc))
