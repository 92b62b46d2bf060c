"""Start page: my deadlines (overdue, today, this week) and my open cases by status, at a glance."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtWidgets import QGridLayout, QGroupBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from abh_desk.domain.enums import Role
from abh_desk.services.context import ServiceContext
from abh_desk.services.grants import PendingGrant
from abh_desk.services.start_page import StartSummary, start_summary
from abh_desk.services.worklists import OVERDUE, THIS_WEEK, TODAY, WorklistRow
from ui.messages import error_text, spoken
from ui.rows_model import Column, RowsModel
from ui.tasks import TaskRunner
from ui.widgets import german_date, table_view, thousands

TILE = "QLabel {{ background: {bg}; border-radius: 6px; padding: 10px; font-size: 14px; }}"
BUTTON_TILE = (
    "QPushButton {{ background: {bg}; border: 1px solid #d0c6b0; border-radius: 6px; padding: 10px; "
    "font-size: 14px; }} QPushButton:focus {{ border: 2px solid #2a6fb0; }}"
)


class StartPage(QWidget):
    sig_open_case = Signal(int)
    sig_show_deadlines = Signal()
    sig_show_deadline_group = Signal(int)
    """A tile was clicked: Fristen with that group (overdue, today, this week)."""
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
        # The tiles are buttons: each opens its group in Fristen (all of it, however many).
        self.overdue = QPushButton()
        self.due_today = QPushButton()
        self.this_week = QPushButton()
        tiles = QHBoxLayout()
        for group, tile, color in (
            (OVERDUE, self.overdue, "#f4c7c3"),
            (TODAY, self.due_today, "#fde9b7"),
            (THIS_WEEK, self.this_week, "#fff6d6"),
        ):
            tile.setStyleSheet(BUTTON_TILE.format(bg=color))
            tile.clicked.connect(lambda _checked=False, g=group: self.sig_show_deadline_group.emit(g))
            tiles.addWidget(tile, 1)
        self.cut_note = QLabel()
        self.cut_note.setWordWrap(True)
        self.cut_note.setStyleSheet("color: #555;")
        self.cut_note.hide()
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
        deadlines_layout.addWidget(self.cut_note)
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
        side.addWidget(self._grants_box())
        side.addStretch(1)
        row.addLayout(side, 1)
        layout.addLayout(row)
        all_deadlines.clicked.connect(self.sig_show_deadlines)
        all_cases.clicked.connect(self.sig_show_cases)
        reviews_button.clicked.connect(self.sig_show_reviews)
        self.urgent_view.activated.connect(self._open)

    def _grants_box(self) -> QGroupBox:
        """Team leads: grants waiting for their approval (where the office wants four eyes on grants)."""
        self.grants_box = QGroupBox(self.tr("Grants to approve"))
        self.grants = RowsModel[PendingGrant](
            [
                Column(self.tr("File number"), lambda g: g.file_number),
                Column(self.tr("Person"), lambda g: g.person_name),
                Column(self.tr("Submitted by"), lambda g: g.proposed_by),
            ]
        )
        self.grants_view = table_view(self.grants, (130, 150))
        self.grants_view.setMaximumHeight(140)
        self.grants_view.activated.connect(lambda index: self.sig_open_case.emit(self.grants.row(index.row()).case_id))
        column = QVBoxLayout(self.grants_box)
        column.addWidget(self.grants_view)
        self.grants_box.hide()
        return self.grants_box

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
            lambda exc: self.sig_message.emit(error_text(exc)),
            owner=self,
        )

    def show_summary(self, summary: StartSummary) -> None:
        work = summary.worklist
        self.overdue.setText(self.tr("%1\noverdue").replace("%1", thousands(work.count(OVERDUE))))
        self.due_today.setText(self.tr("%1\ndue today").replace("%1", thousands(work.count(TODAY))))
        self.this_week.setText(self.tr("%1\nthis week").replace("%1", thousands(work.count(THIS_WEEK))))
        self.urgent.set_rows([(label, r) for label, rows in work.groups[:3] for r in rows])
        phrases = {
            OVERDUE: self.tr("of %1 overdue the first %2"),
            TODAY: self.tr("of %1 due today the first %2"),
            THIS_WEEK: self.tr("of %1 due this week the first %2"),
        }
        cut = [
            phrase.replace("%1", thousands(work.count(group))).replace("%2", thousands(len(work.rows(group))))
            for group, phrase in phrases.items()
            if work.cut(group)
        ]
        self.cut_note.setText(
            self.tr("Shown: %1. All of them under Deadlines (F6) or by a click on the tile.").replace(
                "%1", "; ".join(cut)
            )
        )
        self.cut_note.setVisible(bool(cut))
        self.grants.set_rows(summary.grants)
        self.grants_box.setTitle(self.tr("Grants to approve: %1").replace("%1", str(len(summary.grants))))
        self.grants_box.setVisible(self.ctx.actor.role == Role.TEAM_LEAD)
        for index, (label, count) in enumerate(summary.cases_by_status):
            if label not in self.case_counts:
                value = QLabel()
                value.setStyleSheet("font-weight: 600;")
                self.case_counts[label] = value
                self.cases_grid.addWidget(QLabel(spoken(label)), index, 0)
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
