"""Bescheide: the team lead's queue of rejections to review — age, the case's essentials, the grounds
and the notice itself side by side; approve with one click (Strg+Eingabe) or return with a
comment — and, for the caseworker, their own notices in work, returned ones first with the comment."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QItemSelection, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from abh_desk.domain.enums import Role
from abh_desk.domain.notice_flow import NoticeAction
from abh_desk.services.case_letters import letter_pdf
from abh_desk.services.context import ServiceContext
from abh_desk.services.notice_review import (
    ReviewRow,
    approve,
    check_return_comment,
    my_notices,
    return_to_author,
    review_queue,
)
from abh_desk.services.notices import NoticeView, notice_view
from ui import dialogs
from ui.messages import error_text
from ui.pdf_view import PdfPreview
from ui.rows_model import Column, RowsModel
from ui.tasks import TaskRunner
from ui.widgets import message_label, table_view

OVERDUE = "#f4c7c3"
RETURNED = "#fde9b7"


@dataclass(frozen=True)
class Selected:
    row: ReviewRow
    view: NoticeView
    pdf: bytes | None


class ReviewPage(QWidget):
    sig_open_case = Signal(int)
    sig_open_notice = Signal(int, int)  # case id, letter id
    sig_message = Signal(str)

    QUEUE, MINE = "queue", "mine"

    def __init__(self, ctx: ServiceContext, runner: TaskRunner) -> None:
        super().__init__()
        self.ctx, self.runner = ctx, runner
        self.selected: Selected | None = None
        self.scope = QComboBox()
        if ctx.actor.role == Role.TEAM_LEAD:
            self.scope.addItem(self.tr("Waiting for my review"), self.QUEUE)
        self.scope.addItem(self.tr("My notices in work"), self.MINE)
        self.summary = QLabel()
        self.summary.setStyleSheet("font-weight: 600;")
        self._keep: int | None = None  # the notice to keep selected through a background refresh
        self.rows = RowsModel[ReviewRow](
            [
                Column(self.tr("Waiting"), self._age, lambda r: OVERDUE if r.overdue else None),
                Column(self.tr("State"), lambda r: r.status_label, lambda r: RETURNED if r.comment else None),
                Column(self.tr("File number"), lambda r: r.file_number),
                Column(self.tr("Person"), lambda r: r.person_name),
                Column(self.tr("Procedure"), lambda r: r.procedure),
                Column(self.tr("Grounds"), lambda r: r.grounds),
                Column(self.tr("Caseworker"), lambda r: r.author),
                Column(self.tr("Hearing"), lambda r: r.hearing),
            ]
        )
        self.table = table_view(self.rows, (70, 95, 125, 150, 190, 190, 110))
        self.details = message_label("color: #222;")
        self.details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.details.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.preview = PdfPreview()
        self.approve_button = QPushButton(self.tr("Approve (Ctrl+Enter)"))
        self.approve_button.setStyleSheet("font-weight: 600;")
        self.return_button = QPushButton(self.tr("Return with comment…"))
        self.open_button = QPushButton(self.tr("Open notice"))
        self.message = message_label()

        top = QHBoxLayout()
        top.addWidget(self.scope)
        top.addWidget(self.summary, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.approve_button)
        buttons.addWidget(self.return_button)
        buttons.addStretch(1)
        buttons.addWidget(self.open_button)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.table, 3)
        left_layout.addWidget(self.details, 2)
        left_layout.addLayout(buttons)
        left_layout.addWidget(self.message)
        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(self.preview)
        splitter.setSizes([640, 560])
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(splitter, 1)

        self.scope.currentIndexChanged.connect(self.reload)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.table.activated.connect(lambda _index: self.open_notice())
        self.approve_button.clicked.connect(self.approve)
        self.return_button.clicked.connect(self.return_to_author)
        self.open_button.clicked.connect(self.open_notice)
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(keys), self).activated.connect(self.approve_by_keys)
        self._show_selected(None)

    def _age(self, row: ReviewRow) -> str:
        if row.age_days <= 0:
            return self.tr("today")
        return self.tr("%n day(s)", "", row.age_days)

    # --- data --------------------------------------------------------------------------------

    def reload(self) -> None:
        self._keep = None
        self._load()

    def refresh(self) -> None:
        """Load again in the background (another workstation changed a notice): the notice selected
        stays selected where it is still listed, and the focus stays where the user has it."""
        index = self.table.currentIndex()
        self._keep = self.rows.row(index.row()).letter_id if index.isValid() else None
        self._load()

    def _load(self) -> None:
        ctx, scope = self.ctx, self.scope.currentData()
        work = (lambda: review_queue(ctx)) if scope == self.QUEUE else (lambda: my_notices(ctx))
        self.runner.run(work, self._loaded, self._failed, owner=self)

    def _loaded(self, rows: list[ReviewRow]) -> None:
        keep, self._keep = self._keep, None
        self.rows.set_rows(rows)
        overdue = sum(row.overdue for row in rows)
        if self.scope.currentData() == self.QUEUE:
            text = self.tr("%1 waiting, %2 of them longer than three days")
        else:
            text = self.tr("%1 in work, %2 waiting too long for review")
        self.summary.setText(text.replace("%1", str(len(rows))).replace("%2", str(overdue)))
        kept = [n for n, row in enumerate(rows) if keep is not None and row.letter_id == keep]
        if kept:
            self.table.selectRow(kept[0])
        elif rows:
            self.table.selectRow(0)
            if keep is None:  # a reload the user asked for (the page opened): the keyboard goes on here
                self.table.setFocus()
        else:
            self._show_selected(None)

    def _selection_changed(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        index = self.table.currentIndex()
        if not index.isValid():
            self._show_selected(None)
            return
        row = self.rows.row(index.row())
        ctx = self.ctx
        self.runner.run(
            lambda: Selected(row, notice_view(ctx, row.letter_id), letter_pdf(ctx, row.letter_id)),
            self._show_selected,
            self._failed,
            owner=self,
        )

    def _show_selected(self, selected: Selected | None) -> None:
        self.selected = selected
        self.preview.show_pdf(selected.pdf if selected else None)
        queue = self.scope.currentData() == self.QUEUE
        actions = selected.view.actions if selected is not None else frozenset()
        self.approve_button.setVisible(queue)
        self.return_button.setVisible(queue)
        # Only what the rules allow this lead for this notice (not their own, not one they edited).
        self.approve_button.setEnabled(queue and NoticeAction.APPROVE in actions)
        self.return_button.setEnabled(queue and NoticeAction.RETURN in actions)
        self.open_button.setEnabled(selected is not None)
        if selected is None:
            self.details.setText(self.tr("No notice chosen."))
            return
        data = selected.view.data
        lines = [
            f"{selected.row.file_number} · {selected.row.person_name} · {selected.row.procedure}",
            self.tr("Grounds: %1").replace("%1", selected.row.grounds),
        ]
        represented = data.get("represented")
        if represented:  # a minor's notice: to whom it is made known, as the letter says it
            recipients = ", ".join(data["address"]["lines"][:-2])
            lines.insert(
                1,
                self.tr("Goes to: %1 (%2)")
                .replace("%1", recipients)
                .replace("%2", f"{represented['role']} von {represented['name']}"),
            )
        for ground in data.get("grounds", []):
            if ground.get("details"):
                lines.append(f"   – {ground['details']}")
        if not selected.view.duty_to_leave:
            lines.append(
                self.tr("Keeps a valid title (%1): refusal and fee only, no departure ordered").replace(
                    "%1", str(data.get("current_title", ""))
                )
            )
        else:
            lines.append(
                self.tr("Period to leave: %1 days, target state %2")
                .replace("%1", str(data.get("exit_period_days")))
                .replace("%2", str(data.get("target_state")))
            )
        lines.append(self.tr("Fee: %1").replace("%1", selected.view.fee_text))
        lines.append(self.tr("Hearing: %1").replace("%1", selected.row.hearing))
        if selected.row.comment:
            lines.append(self.tr("Comment at the last return: %1").replace("%1", selected.row.comment))
        changes = selected.view.changes_since_return
        if changes:
            lines.append(self.tr("Changed since it was returned:"))
            lines += [f"   • {c.label}: {c.before} → {c.after}" for c in changes]
        self.details.setText("\n".join(lines))

    # --- steps -------------------------------------------------------------------------------

    def approve(self) -> None:
        selected = self.selected
        if selected is None or self.scope.currentData() != self.QUEUE:
            return
        ctx, row = self.ctx, selected.row
        self.runner.run(
            lambda: approve(ctx, row.letter_id, selected.view.version),
            lambda _r: self._done(row, self.tr("Approved: %1")),
            self._failed,
            owner=self,
        )

    def approve_by_keys(self) -> None:
        """Strg+Enter approves only after a yes: a key pressed by mistake releases no notice."""
        selected = self.selected
        if selected is None or self.scope.currentData() != self.QUEUE or not self.approve_button.isEnabled():
            return
        question = (
            self.tr("Approve the rejection notice %1 for %2? It gets its final text and can be sent.")
            .replace("%1", selected.row.file_number)
            .replace("%2", selected.row.person_name)
        )
        if dialogs.ask_yes_no(self, self.tr("Approve"), question):
            self.approve()

    def return_to_author(self) -> None:
        selected = self.selected
        if selected is None or self.scope.currentData() != self.QUEUE:
            return
        comment = dialogs.ask_long_text(
            self, self.tr("Return"), self.tr("What should the caseworker change?"), check=check_return_comment
        )
        if comment is None:
            return
        ctx, row = self.ctx, selected.row
        self.runner.run(
            lambda: return_to_author(ctx, row.letter_id, selected.view.version, comment),
            lambda _r: self._done(row, self.tr("Returned: %1")),
            self._failed,
            owner=self,
        )

    def _done(self, row: ReviewRow, text: str) -> None:
        self.message.setText("")
        self.sig_message.emit(text.replace("%1", f"{row.file_number} ({row.person_name})"))
        self.reload()

    def open_notice(self) -> None:
        if self.selected is not None:
            self.sig_open_notice.emit(self.selected.row.case_id, self.selected.row.letter_id)

    def _failed(self, exc: Exception) -> None:
        self.message.setText(error_text(exc))
