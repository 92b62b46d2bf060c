"""Start page: my deadlines (overdue, today, this week) and my open cases by status, at a glance."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtWidgets import QGridLayout, QGroupBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from abh_desk.domain.enums import Role
from abh_desk.services.context import ServiceContext
from abh_desk.services.start_page import StartSummary, start_summary
from abh_desk.services.worklists import WorklistRow
from ui.rows_model import Column, RowsModel
from ui.tasks import TaskRunner
from ui.widgets import german_date, table_view

TILE = "QLabel {{ background: {bg}; border-radius: 6px; padding: 10px; font-size: 14px; }}"


class StartPage(QWidget):
    sig_open_case = Signal(int)
    sig_show_deadlines = Signal()
    sig_show_cases = Signal()
    sig_show_reviews = Signal()
    sig_show_cards = Signal()
    sig_message = Signal(str)

    def __init__(self, ctx: ServiceContext, runner: TaskRunner, greeting: str) -> None:
        super().__init__()
        self.ctx = ctx
        self.runner = runner
        title = QLabel(greeting)
        title.setStyleSheet("font-size: 18px; font-weight: 600;")
        self.overdue = QLabel()
        self.due_today = QLabel()
        self.this_week = QLabel()
        self.overdue.setStyleSheet(TILE.format(bg="#f4c7c3"))
        self.due_today.setStyleSheet(TILE.format(bg="#fde9b7"))
        self.this_week.setStyleSheet(TILE.format(bg="#fff6d6"))
        tiles = QHBoxLayout()
        for tile in (self.overdue, self.due_today, self.this_week):
            tile.setAlignment(Qt.AlignmentFlag.AlignCenter)
            tiles.addWidget(tile, 1)
        self.urgent = RowsModel[tuple[str, WorklistRow]](
            [
                Column(self.tr("When"), lambda r: r[0]),
                Column(self.tr("Due"), lambda r: german_date(r[1].due_date)),
                Column(self.tr("File number"), lambda r: r[1].file_number),
                Column(self.tr("Person"), lambda r: r[1].person_name),
                Column(self.tr("Deadline"), lambda r: r[1].kind_label),
            ]
        )
        self.urgent_view = table_view(self.urgent, (110, 90, 140, 220))
        deadlines_box = QGroupBox(self.tr("My deadlines: overdue, today, this week"))
        deadlines_layout = QVBoxLayout(deadlines_box)
        deadlines_layout.addLayout(tiles)
        deadlines_layout.addWidget(self.urgent_view)
        all_deadlines = QPushButton(self.tr("All deadlines (F6)"))
        deadlines_layout.addWidget(all_deadlines, 0, Qt.AlignmentFlag.AlignRight)
        self.cases_box = QGroupBox(self.tr("My open cases"))
        self.cases_grid = QGridLayout(self.cases_box)
        self.case_counts: dict[str, QLabel] = {}
        all_cases = QPushButton(self.tr("My cases (F7)"))
        self.reviews_box = QGroupBox(self.tr("Rejection notices"))
        self.reviews_label = QLabel()
        self.reviews_label.setWordWrap(True)
        reviews_button = QPushButton(self.tr("Notices (F4)"))
        reviews_layout = QVBoxLayout(self.reviews_box)
        reviews_layout.addWidget(self.reviews_label)
        reviews_layout.addWidget(reviews_button, 0, Qt.AlignmentFlag.AlignRight)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        row = QHBoxLayout()
        row.addWidget(deadlines_box, 3)
        side = QVBoxLayout()
        side.addWidget(self.cases_box)
        side.addWidget(all_cases, 0, Qt.AlignmentFlag.AlignRight)
        side.addWidget(self._cards_box())
        side.addWidget(self.reviews_box)
        side.addStretch(1)
        row.addLayout(side, 1)
        layout.addLayout(row)
        all_deadlines.clicked.connect(self.sig_show_deadlines)
        all_cases.clicked.connect(self.sig_show_cases)
        reviews_button.clicked.connect(self.sig_show_reviews)
        self.urgent_view.activated.connect(self._open)

    def _cards_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("eAT cards at the office"))
        self.cards_label = QLabel()
        self.cards_label.setStyleSheet(TILE.format(bg="#eef2f7"))
        self.cards_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        all_cards = QPushButton(self.tr("Cards (F9)"))
        all_cards.clicked.connect(self.sig_show_cards)
        column = QVBoxLayout(box)
        column.addWidget(self.cards_label)
        column.addWidget(all_cards, 0, Qt.AlignmentFlag.AlignRight)
        return box

    def reload(self) -> None:
        ctx = self.ctx
        self.runner.run(
            lambda: start_summary(ctx),
            self.show_summary,
            lambda exc: self.sig_message.emit(getattr(exc, "message", str(exc))),
            owner=self,
        )

    def show_summary(self, summary: StartSummary) -> None:
        work = summary.worklist
        self.overdue.setText(self.tr("%1\noverdue").replace("%1", str(len(work.overdue))))
        self.due_today.setText(self.tr("%1\ndue today").replace("%1", str(len(work.due_today))))
        self.this_week.setText(self.tr("%1\nthis week").replace("%1", str(len(work.this_week))))
        self.urgent.set_rows([(label, r) for label, rows in work.groups[:3] for r in rows])
        for index, (label, count) in enumerate(summary.cases_by_status):
            if label not in self.case_counts:
                value = QLabel()
                value.setStyleSheet("font-weight: 600;")
                self.case_counts[label] = value
                self.cases_grid.addWidget(QLabel(label), index, 0)
                self.cases_grid.addWidget(value, index, 1, Qt.AlignmentFlag.AlignRight)
            self.case_counts[label].setText(str(count))
        self.cases_box.setTitle(self.tr("My open cases: %1").replace("%1", str(summary.open_cases)))
        reviews = summary.reviews
        lines = []
        if self.ctx.actor.role == Role.TEAM_LEAD:
            lines.append(
                self.tr("%1 waiting for my review, %2 of them overdue")
                .replace("%1", str(reviews.pending))
                .replace("%2", str(reviews.overdue))
            )
        lines.append(self.tr("%1 of my drafts returned to me").replace("%1", str(reviews.returned_to_me)))
        self.reviews_label.setText("\n".join(lines))
        overdue = reviews.overdue > 0 or reviews.returned_to_me > 0
        self.reviews_label.setStyleSheet("color: #a4000f; font-weight: 600;" if overdue else "")
        self.cards_label.setText(
            self.tr("%1 waiting\n%2 overdue")
            .replace("%1", str(summary.cards_waiting))
            .replace("%2", str(summary.cards_overdue))
        )
        self.cards_label.setStyleSheet(TILE.format(bg="#f4c7c3" if summary.cards_overdue else "#eef2f7"))

    def _open(self, index: QModelIndex) -> None:
        self.sig_open_case.emit(self.urgent.row(index.row())[1].case_id)
