"""Zuständigkeiten: edit the letter ranges of one area, see problems as you type, preview how
many open cases would move from whom to whom, and apply with a reason."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from abh_desk.services.assignment import (
    Move,
    RuleRow,
    RuleSet,
    apply_rule_rows,
    area_choices,
    check_rule_rows,
    current_rule_rows,
    preview_rebalance,
)
from abh_desk.services.context import ServiceContext
from abh_desk.services.staff import UserRow, list_users
from ui import dialogs
from ui.live_updates import own_window
from ui.messages import error_text
from ui.rows_model import Column, RowsModel
from ui.tasks import TaskRunner, run_with_progress
from ui.widgets import fit_on_screen, table_view

CHECK_DELAY_MS = 250


class RulesDialog(QDialog):
    def __init__(
        self,
        ctx: ServiceContext,
        runner: TaskRunner | None = None,
        parent: QWidget | None = None,
        proposal: list[RuleRow] | None = None,
    ) -> None:
        """``proposal``: rows of one area to start from instead of its rules (the overview's
        suggested split), previewed at once and applied only with a reason."""
        super().__init__(parent)
        self.ctx = own_window(self, ctx)
        self.proposal = list(proposal or [])
        self.runner = runner or TaskRunner(self)
        self.setWindowTitle(self.tr("Responsibility by surname letter"))
        fit_on_screen(self, 900, 640)
        self._all_rows: list[RuleRow] = []
        self._areas: list[tuple[str, str]] = []
        self._shown_area = ""
        self._users: list[UserRow] = []
        self._valid = False
        self._check_generation = 0

        self.area = QComboBox()
        self.table = QTableWidget(0, 2)
        self.table.setHorizontalHeaderLabels([self.tr("Caseworker"), self.tr("Letters (e.g. A–B, D–G, Ala–Alz)")])
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.setColumnWidth(0, 260)
        self.add_button = QPushButton(self.tr("Add row"))
        self.remove_button = QPushButton(self.tr("Remove row"))
        self.problems = QLabel()
        self.problems.setWordWrap(True)
        self.problems.setTextFormat(Qt.TextFormat.PlainText)
        self.moves = RowsModel[Move](
            [
                Column(self.tr("From"), lambda m: m.from_user),
                Column(self.tr("To"), lambda m: m.to_user),
                Column(self.tr("Open cases"), lambda m: f"{m.count:,}".replace(",", ".")),
            ]
        )
        self.moves_view = table_view(self.moves, (260, 260))
        self.preview_label = QLabel()
        self.result_label = QLabel()
        self.result_label.setStyleSheet("font-weight: 600;")
        self.reason = QLineEdit()
        self.reason.setPlaceholderText(self.tr("Reason for the change (goes into the log)"))
        self.apply_button = QPushButton(self.tr("Apply and move cases"))
        self.apply_button.setEnabled(False)
        self.close_button = QPushButton(self.tr("Close"))
        self._build_layout()

        self._check_timer = QTimer(self, singleShot=True, interval=CHECK_DELAY_MS)
        self._check_timer.timeout.connect(self.check)
        self.area.currentIndexChanged.connect(lambda _i: self._area_chosen())
        self.table.itemChanged.connect(lambda _item: self._check_timer.start())
        self.add_button.clicked.connect(lambda: self._add_row(RuleRow(self.current_area, "", "")))
        self.remove_button.clicked.connect(self._remove_row)
        self.reason.textChanged.connect(lambda _t: self._update_apply())
        self.apply_button.clicked.connect(self.apply)
        self.close_button.clicked.connect(self.reject)
        self.load()

    def _build_layout(self) -> None:
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Area:")))
        top.addWidget(self.area, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        bottom = QHBoxLayout()
        bottom.addWidget(self.reason, 1)
        bottom.addWidget(self.apply_button)
        bottom.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 3)
        layout.addLayout(buttons)
        layout.addWidget(self.problems)
        layout.addWidget(self.preview_label)
        layout.addWidget(self.moves_view, 2)
        layout.addWidget(self.result_label)
        layout.addLayout(bottom)

    @property
    def current_area(self) -> str:
        return str(self.area.currentData() or "")

    def load(self) -> None:
        ctx = self.ctx

        def loaded(result: tuple[list[RuleRow], list[UserRow], list[tuple[str, str]]]) -> None:
            self._all_rows, self._users, self._areas = result
            proposed, self.proposal = self.proposal, []  # once: after applying, the stored rules are shown
            shown = proposed[0].area if proposed else self._shown_area
            self.area.blockSignals(True)
            self.area.clear()
            for code, name in self._areas:  # every area, also one without ranges yet (a new office)
                self.area.addItem(name, code)
            self.area.setCurrentIndex(max(0, self.area.findData(shown)))
            self.area.blockSignals(False)
            self._show_area(proposed)  # a proposal is shown as typed, not applied: closing asks

        self.runner.run(
            lambda: (current_rule_rows(ctx), list_users(ctx), area_choices(ctx)), loaded, self._error, owner=self
        )

    def stored_rows(self, area: str) -> list[tuple[str, str]]:
        return [(r.username, r.ranges) for r in self._all_rows if r.area == area]

    def unsaved(self) -> bool:
        """The table holds rows not applied yet (for the area shown)."""
        edited = [(r.username, r.ranges.strip()) for r in self.edited_rows()]
        return edited != [(user, ranges.strip()) for user, ranges in self.stored_rows(self._shown_area)]

    def _ask_discard(self) -> bool:
        return not self.unsaved() or dialogs.ask_yes_no(
            self, self.tr("Responsibility by surname letter"), self.tr("Discard the rules that are not applied?")
        )

    def _area_chosen(self) -> None:
        """Another area: rows typed for the shown one are not thrown away without asking."""
        if self.current_area != self._shown_area and not self._ask_discard():
            self.area.blockSignals(True)
            self.area.setCurrentIndex(max(0, self.area.findData(self._shown_area)))
            self.area.blockSignals(False)
            return
        self._show_area()

    def reject(self) -> None:
        """Schließen, Escape or the window's close box: unapplied rows are not lost without asking."""
        if self._ask_discard():
            super().reject()

    def _show_area(self, proposed: list[RuleRow] | None = None) -> None:
        self._shown_area = self.current_area
        self.table.blockSignals(True)
        self.table.setRowCount(0)
        for row in proposed or self._all_rows:
            if row.area == self.current_area:
                self._add_row(row)
        self.table.blockSignals(False)
        self.check()

    def _add_row(self, row: RuleRow) -> None:
        index = self.table.rowCount()
        self.table.insertRow(index)
        users = QComboBox()
        users.addItem("", "")
        for user in self._users:
            users.addItem(user.display_name, user.username)
        users.setCurrentIndex(max(0, users.findData(row.username)))
        users.currentIndexChanged.connect(lambda _i: self._check_timer.start())
        self.table.setCellWidget(index, 0, users)
        self.table.setItem(index, 1, QTableWidgetItem(row.ranges))
        self._check_timer.start()

    def _remove_row(self) -> None:
        row = self.table.currentRow()
        if row >= 0:
            self.table.removeRow(row)
            self._check_timer.start()

    def edited_rows(self) -> list[RuleRow]:
        rows = []
        for index in range(self.table.rowCount()):
            combo = self.table.cellWidget(index, 0)
            item = self.table.item(index, 1)
            username = combo.currentData() if isinstance(combo, QComboBox) else ""
            ranges = item.text() if item is not None else ""
            if username or ranges.strip():
                rows.append(RuleRow(self.current_area, str(username or ""), ranges))
        return rows

    def check(self) -> None:
        """Live validation, then (if valid) the rebalancing preview; both off the GUI thread."""
        self._check_generation += 1
        generation = self._check_generation
        ctx, rows = self.ctx, self.edited_rows()
        self._valid = False
        self._update_apply()

        def checked(result: tuple[RuleSet, list[Move] | None]) -> None:
            if generation != self._check_generation:
                return
            rule_set, moves = result
            self._valid = rule_set.valid
            if rule_set.valid:
                self.problems.setStyleSheet("color: #1b6e20;")
                self.problems.setText(self.tr("The rules cover A–Z without gaps or overlaps."))
            else:
                self.problems.setStyleSheet("color: #a4000f;")
                self.problems.setText("\n".join(rule_set.problems))
            self.moves.set_rows(moves or [])
            total = sum(m.count for m in moves or [])
            self.preview_label.setText(
                self.tr("Preview: %n open case(s) would move.", "", total) if moves is not None else ""
            )
            self._update_apply()

        def work() -> tuple[RuleSet, list[Move] | None]:
            rule_set = check_rule_rows(ctx, rows)
            return rule_set, (preview_rebalance(ctx, rows) if rule_set.valid else None)

        self.runner.run(work, checked, self._error, owner=self)

    def _update_apply(self) -> None:
        self.apply_button.setEnabled(self._valid and bool(self.reason.text().strip()))

    def apply(self) -> None:
        ctx, rows, reason, area = self.ctx, self.edited_rows(), self.reason.text(), self.current_area

        def applied(moves: list[Move]) -> None:
            # Stored now: nothing is unsaved while the rows are read back.
            self._all_rows = [r for r in self._all_rows if r.area != area] + list(rows)
            total = sum(m.count for m in moves)
            self.result_label.setText(self.tr("Applied: %n open case(s) moved.", "", total))
            self.reason.clear()
            self.load()

        self.apply_button.setEnabled(False)
        self.progress = run_with_progress(
            self.runner,
            self,
            self.tr("Moving open cases…"),
            lambda progress: apply_rule_rows(ctx, rows, reason, progress),
            applied,
            self._error,
        )

    def _error(self, exc: Exception) -> None:
        self.problems.setStyleSheet("color: #a4000f;")
        self.problems.setText(error_text(exc))
        self._update_apply()
