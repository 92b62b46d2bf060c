"""Karten: the cards not yet handed over, the longest waiting first, overdue ones in red. At the
counter: type a name, Aktenzeichen or card serial, Enter opens the handover for the first hit.
For the team: several cards selected → pickup reminder letters as one PDF; a card never collected
is recorded as returned or destroyed."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from abh_desk.domain.cards import normalize_serial
from abh_desk.services.card_list import WaitingCard, waiting_cards, waiting_count
from abh_desk.services.cards import pickup_reminders
from abh_desk.services.context import ServiceContext
from ui import dialogs
from ui.card_steps import CloseDialog
from ui.form_dialog import FormDialog
from ui.handover_dialog import HandoverDialog
from ui.messages import error_text, spoken
from ui.rows_model import Column, RowsModel
from ui.tasks import TaskRunner
from ui.widgets import german_date, table_view, thousands

OVERDUE_COLOR = "#f4c7c3"


class CardsPage(QWidget):
    sig_open_case = Signal(int)
    sig_message = Signal(str)

    def __init__(self, ctx: ServiceContext, runner: TaskRunner) -> None:
        super().__init__()
        self.ctx, self.runner = ctx, runner
        self.dialog: FormDialog | None = None
        self._open_first = False
        self._generation = 0
        self.search_field = QLineEdit()
        self.search_field.setPlaceholderText(self.tr("Name, file number or card serial – Enter hands over"))
        self.search_field.setClearButtonEnabled(True)
        self.overdue_only = QCheckBox(self.tr("Only overdue"))
        self.summary = QLabel()
        self.summary.setStyleSheet("font-weight: 600;")
        self.rows = RowsModel[WaitingCard](
            [
                Column(self.tr("Waiting"), self._age, self._color),
                Column(self.tr("Arrived"), lambda r: german_date(r.arrived_on)),
                Column(self.tr("Person"), lambda r: r.person_name),
                Column(self.tr("Born"), lambda r: r.birth_date),
                Column(self.tr("File number"), lambda r: r.file_number),
                Column(self.tr("Card serial"), lambda r: r.card_serial),
                Column(self.tr("Notified"), lambda r: f"{german_date(r.notified_on)} {spoken(r.notified_how)}".strip()),
                Column(self.tr("Caseworker"), lambda r: r.owner),
            ]
        )
        self.view = table_view(self.rows, (120, 90, 220, 90, 150, 100, 230))
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.handover_button = QPushButton(self.tr("Hand over… (Enter)"))
        self.case_button = QPushButton(self.tr("Show the case"))
        self.reminder_button = QPushButton(self.tr("Pickup reminders for the selection…"))
        self.close_button = QPushButton(self.tr("Returned/destroyed…"))
        self.refresh_button = QPushButton(self.tr("Refresh"))
        top = QHBoxLayout()
        top.addWidget(self.search_field, 1)
        top.addWidget(self.overdue_only)
        top.addWidget(self.refresh_button)
        buttons = QHBoxLayout()
        for button in (self.handover_button, self.case_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.reminder_button)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.summary)
        layout.addWidget(self.view, 1)
        layout.addLayout(buttons)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(200)
        self._timer.timeout.connect(self.reload)
        self.search_field.textChanged.connect(lambda _t: self._timer.start())
        self.search_field.returnPressed.connect(self._enter)
        self.overdue_only.toggled.connect(lambda _on: self.reload())
        self.refresh_button.clicked.connect(self.reload)
        self.view.activated.connect(lambda index: self.hand_over(index.row()))
        self.handover_button.clicked.connect(lambda: self.hand_over(self.view.currentIndex().row()))
        self.case_button.clicked.connect(self._open_case)
        self.reminder_button.clicked.connect(self.write_reminders)
        self.close_button.clicked.connect(self.close_card)

    def _age(self, row: WaitingCard) -> str:
        weeks, days = divmod(row.age_days, 7)
        if not weeks:
            return self.tr("%n day(s)", "", days)
        return self.tr("%n week(s)", "", weeks) + (" " + self.tr("%n day(s)", "", days) if days else "")

    @staticmethod
    def _color(row: WaitingCard) -> str | None:
        return OVERDUE_COLOR if row.overdue else None

    def focus_search(self) -> None:
        self.search_field.setFocus()
        self.search_field.selectAll()

    def reload(self) -> None:
        ctx, text, overdue = self.ctx, self.search_field.text(), self.overdue_only.isChecked()
        self._generation += 1
        generation = self._generation

        def done(result: tuple[list[WaitingCard], tuple[int, int]]) -> None:
            if generation == self._generation:  # an older search's answer is dropped
                self.show_rows(*result)

        self.runner.run(
            lambda: (waiting_cards(ctx, text, overdue), waiting_count(ctx, text, overdue)),
            done,
            self._error,
            owner=self,
        )

    def show_rows(self, rows: list[WaitingCard], counts: tuple[int, int] | None = None) -> None:
        self.rows.set_rows(rows)
        total, overdue = counts if counts is not None else (len(rows), sum(1 for r in rows if r.overdue))
        text = self.tr("%n card(s) not yet handed over", "", total) + " · " + self.tr("%n overdue", "", overdue)
        if len(rows) < total:
            text += " · " + self.tr("the %1 waiting longest shown").replace("%1", thousands(len(rows)))
        self.summary.setText(text)
        if rows:
            self.view.selectRow(0)
        if self._open_first:
            self._open_first = False
            if rows:
                self.hand_over(0)

    def _enter(self) -> None:
        """Enter in the search field: hand over the first hit (after the search has run)."""
        if self._timer.isActive():
            self._timer.stop()
            self._open_first = True
            self.reload()
        elif self.rows.rowCount():
            self.hand_over(0)

    def selected(self) -> list[WaitingCard]:
        rows = sorted({index.row() for index in self.view.selectionModel().selectedRows()})
        return [self.rows.row(r) for r in rows]

    def hand_over(self, row: int) -> HandoverDialog | None:
        if not 0 <= row < self.rows.rowCount():
            return None
        card = self.rows.row(row)
        typed = normalize_serial(self.search_field.text())
        scanned = card.card_serial if card.card_serial and typed == card.card_serial else ""
        dialog = HandoverDialog(self.ctx, card.card_id, self.runner, self, scanned_serial=scanned)
        dialog.accepted.connect(lambda: self._handed_over(card))
        self.dialog = dialog
        dialog.open()
        return dialog

    def _handed_over(self, card: WaitingCard) -> None:
        self.sig_message.emit(
            self.tr("Card %1 handed over to %2; record kept with case %3")
            .replace("%1", card.card_serial)
            .replace("%2", card.person_name)
            .replace("%3", card.file_number)
        )
        self.search_field.clear()
        self._timer.stop()
        self.reload()
        QTimer.singleShot(0, self.focus_search)  # after the closing dialog gave the focus back

    def _open_case(self) -> None:
        row = self.view.currentIndex().row()
        if 0 <= row < self.rows.rowCount():
            self.sig_open_case.emit(self.rows.row(row).case_id)

    def close_card(self) -> CloseDialog | None:
        row = self.view.currentIndex().row()
        if not 0 <= row < self.rows.rowCount():
            return None
        card = self.rows.row(row)
        dialog = CloseDialog(self.ctx, card.card_id, card.version, self.runner, self)
        dialog.accepted.connect(self.reload)
        self.dialog = dialog
        dialog.open()
        return dialog

    def write_reminders(self) -> None:
        cards = self.selected()
        if not cards:
            self.sig_message.emit(self.tr("Please select the cards first."))
            return
        path = dialogs.ask_save_path(
            self, self.tr("Save pickup reminders"), f"abholung-{self.ctx.today():%Y-%m-%d}.pdf"
        )
        if path is None:
            return
        ctx, ids = self.ctx, [c.card_id for c in cards]

        def work() -> int:
            path.write_bytes(pickup_reminders(ctx, ids))
            return len(ids)

        def done(count: int) -> None:
            self.sig_message.emit(self.tr("%n pickup letter(s) saved to %1", "", count).replace("%1", str(path)))
            self.reload()

        self.runner.run(work, done, self._error, owner=self)

    def _error(self, exc: Exception) -> None:
        self.sig_message.emit(error_text(exc))

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Down from the search field moves into the list."""
        if event.key() == Qt.Key.Key_Down and self.search_field.hasFocus():
            self.view.setFocus()
        super().keyPressEvent(event)
