"""The case window's eAT tab: the card's way step by step (order, arrival, notification, handover,
or return/destruction), every card of the case with its dates, and the chosen card's handover."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from abh_desk.domain.enums import CardStatus
from abh_desk.services.card_records import CardInfo
from abh_desk.services.cards import case_cards
from abh_desk.services.case_letters import letter_pdf
from abh_desk.services.context import ServiceContext
from ui import dialogs
from ui.card_steps import ArrivalDialog, CloseDialog, NotifyDialog, OrderDialog
from ui.form_dialog import FormDialog
from ui.handover_dialog import HandoverDialog
from ui.messages import error_text, spoken
from ui.rows_model import Column, RowsModel
from ui.tasks import TaskRunner
from ui.widgets import german_date, message_label, moment_text, table_view

STATUS_COLORS = {CardStatus.HANDED_OVER: "#d9f2d9", CardStatus.RETURNED: "#e6e6e6", CardStatus.DESTROYED: "#e6e6e6"}
OVERDUE_COLOR = "#f4c7c3"


class CardTab(QWidget):
    sig_changed = Signal()
    """A step was recorded: the owner reloads the case (and this tab with it)."""

    def __init__(self, ctx: ServiceContext, case_id: int, runner: TaskRunner) -> None:
        super().__init__()
        self.ctx, self.case_id, self.runner = ctx, case_id, runner
        self.dialog: FormDialog | None = None
        self.order_note: str | None = None
        """Why no card may be ordered for the case now ("" when one may: the case is granted; None
        until the case is loaded)."""
        self.focus_order_when_ready = False
        self.summary = QLabel()
        self.summary.setStyleSheet("font-weight: 600;")
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.cards = RowsModel[CardInfo](
            [
                Column(self.tr("Status"), lambda c: c.status_label, lambda c: self._color(c)),
                Column(self.tr("Ordered"), lambda c: german_date(c.ordered_on)),
                Column(self.tr("Order no."), lambda c: c.order_number),
                Column(self.tr("Expected"), lambda c: german_date(c.expected_on)),
                Column(self.tr("Arrived"), lambda c: german_date(c.arrived_on)),
                Column(self.tr("Serial"), lambda c: c.card_serial),
                Column(self.tr("Notified"), lambda c: f"{german_date(c.notified_on)} {spoken(c.notified_how)}".strip()),
                Column(self.tr("Closed"), lambda c: german_date(c.closed_on)),
            ]
        )
        self.view = table_view(self.cards, (110, 90, 110, 90, 90, 100, 220))
        self.details = QLabel()
        self.details.setTextFormat(Qt.TextFormat.PlainText)
        self.details.setWordWrap(True)
        self.details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.message = message_label()
        self.order_button = QPushButton(self.tr("Ordered…"))
        self.arrival_button = QPushButton(self.tr("Arrived…"))
        self.notify_button = QPushButton(self.tr("Notify…"))
        self.handover_button = QPushButton(self.tr("Hand over…"))
        self.close_button = QPushButton(self.tr("Returned/destroyed…"))
        buttons = QHBoxLayout()
        for button in (
            self.order_button,
            self.arrival_button,
            self.notify_button,
            self.handover_button,
            self.close_button,
        ):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.details)
        layout.addWidget(self.message)
        layout.addLayout(buttons)
        self.order_button.clicked.connect(self.order)
        self.arrival_button.clicked.connect(self.arrival)
        self.notify_button.clicked.connect(self.notify)
        self.handover_button.clicked.connect(self.hand_over)
        self.close_button.clicked.connect(self.close_card)
        self.view.selectionModel().currentRowChanged.connect(lambda *_: self._show_details())
        self.show_cards([])

    def _color(self, card: CardInfo) -> str | None:
        if card.overdue_from is not None and card.overdue_from <= self.ctx.today():
            return OVERDUE_COLOR
        return STATUS_COLORS.get(card.status)

    # --- data -------------------------------------------------------------------------------

    def reload(self) -> None:
        ctx, case_id = self.ctx, self.case_id
        self.runner.run(lambda: case_cards(ctx, case_id), self.show_cards, self.show_error, owner=self)

    def show_cards(self, cards: list[CardInfo]) -> None:
        self.cards.set_rows(cards)
        current = self.current()
        if cards:
            self.view.selectRow(0)
        if current is None:
            self.summary.setText(self.order_note or self.tr("No card ordered for this case yet."))
        else:
            self.summary.setText(self._summary(current))
        closed = current is None or current.status in STATUS_COLORS
        self.order_button.setEnabled(closed and self.order_note == "")
        self.order_button.setToolTip(self.order_note or "")
        if self.focus_order_when_ready and self.order_button.isEnabled():
            self.focus_order_when_ready = False
            self.order_button.setFocus()
        self.arrival_button.setEnabled(
            current is not None and current.status in (CardStatus.ORDERED, CardStatus.ARRIVED)
        )
        self.notify_button.setEnabled(current is not None and current.waiting)
        self.handover_button.setEnabled(current is not None and current.waiting)
        self.close_button.setEnabled(not closed)
        self._show_details()

    def set_order_note(self, note: str) -> None:
        self.order_note = note

    def current(self) -> CardInfo | None:
        """The case's newest card (the one the buttons work on)."""
        return self.cards.row(0) if self.cards.rowCount() else None

    def _summary(self, card: CardInfo) -> str:
        text = self.tr("Current card: %1").replace("%1", spoken(card.status_label))
        if card.card_serial:
            text += " · " + self.tr("serial %1").replace("%1", card.card_serial)
        if card.status == CardStatus.ORDERED and card.expected_on:
            text += " · " + self.tr("expected %1").replace("%1", german_date(card.expected_on))
        if card.overdue_from:
            text += " · " + self.tr("not collected from %1").replace("%1", german_date(card.overdue_from))
        return text

    def _show_details(self) -> None:
        row = self.view.currentIndex().row()
        card = self.cards.row(row) if 0 <= row < self.cards.rowCount() else None
        if card is None:
            self.details.clear()
            return
        h = card.handover
        if h is None:
            self.details.setText(self.tr("Closed: %1").replace("%1", card.closed_reason) if card.closed_reason else "")
            return
        lines = [
            self.tr("Handed over %1 by %2 to %3")
            .replace("%1", moment_text(h.handed_over_at))
            .replace("%2", h.caseworker)
            .replace("%3", f"{h.recipient_name} ({spoken(h.recipient_label)})"),
            self.tr("Identity checked with: %1").replace("%1", h.identity_check),
            self.tr("Online-ID: %1").replace("%1", self.tr("on") if h.online_id_enabled else self.tr("off")),
            self.tr("Withdrawn: %1").replace(
                "%1", "; ".join(f"{d.kind} {d.serial}" for d in h.withdrawn) or self.tr("none")
            ),
            self.tr("Supplementary sheet: %1").replace(
                "%1", self.tr("yes") if h.supplementary_sheet else self.tr("no")
            ),
        ]
        if h.recipient_id_number:
            lines.insert(1, self.tr("ID document: %1").replace("%1", h.recipient_id_number))
        if h.fingerprints_deleted_at:
            lines.append(self.tr("Fingerprints deleted: %1").replace("%1", moment_text(h.fingerprints_deleted_at)))
        self.details.setText("\n".join(lines))

    # --- steps ------------------------------------------------------------------------------

    def _open(self, dialog: FormDialog) -> FormDialog:
        self.dialog = dialog
        dialog.accepted.connect(self._step_done)
        dialog.open()
        return dialog

    def _step_done(self) -> None:
        self.sig_changed.emit()

    def order(self) -> FormDialog:
        return self._open(OrderDialog(self.ctx, self.case_id, self.runner, self))

    def arrival(self) -> FormDialog | None:
        card = self.current()
        return self._open(ArrivalDialog(self.ctx, card, self.runner, self)) if card else None

    def notify(self) -> FormDialog | None:
        card = self.current()
        if card is None:
            return None
        dialog = NotifyDialog(self.ctx, card, self.runner, self)
        dialog.accepted.connect(lambda: self._save_notice(dialog))
        return self._open(dialog)

    def _save_notice(self, dialog: NotifyDialog) -> None:
        letter_id = dialog.letter_id
        if letter_id is None:
            return
        path = dialogs.ask_save_path(self, self.tr("Save pickup letter"), f"abholbenachrichtigung-{letter_id}.pdf")
        if path is not None:
            ctx = self.ctx
            self.runner.run(lambda: path.write_bytes(letter_pdf(ctx, letter_id)), lambda _r: None, self.show_error)

    def hand_over(self) -> FormDialog | None:
        card = self.current()
        if card is None:
            return None
        return self._open(HandoverDialog(self.ctx, card.id, self.runner, self))

    def close_card(self) -> FormDialog | None:
        card = self.current()
        if card is None:
            return None
        return self._open(CloseDialog(self.ctx, card.id, card.version, self.runner, self))

    def show_error(self, exc: Exception) -> None:
        self.message.setText(error_text(exc))
