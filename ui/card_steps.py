"""The small dialogs of the card's way before and after the counter: order, arrival, notification,
return or destruction. Each runs its service and shows a refusal under the field concerned."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QCheckBox, QComboBox, QLineEdit, QWidget

from abh_desk.domain.cards import NoticeMethod
from abh_desk.domain.enums import CardStatus
from abh_desk.services.card_records import CardInfo
from abh_desk.services.cards import (
    close_card,
    order_card,
    record_arrival,
    record_notification,
)
from abh_desk.services.context import ServiceContext
from ui.form_dialog import FormDialog, date_edit
from ui.tasks import TaskRunner
from ui.widgets import picked_date


class OrderDialog(FormDialog):
    """Bestellung bei der Bundesdruckerei."""

    def __init__(self, ctx: ServiceContext, case_id: int, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__("", runner, parent)
        self.setWindowTitle(self.tr("eAT ordered"))
        self.ctx, self.case_id = ctx, case_id
        self.ordered_on = date_edit(ctx.today())
        self.order_number = QLineEdit()
        self.order_number.setPlaceholderText(self.tr("as given by the Bundesdruckerei"))
        self.add("bestellt_am", self.tr("Ordered on:"), self.ordered_on)
        self.add("bestellnummer", self.tr("Order number:"), self.order_number)
        self.order_number.setFocus()

    def save(self) -> None:
        ctx, case_id = self.ctx, self.case_id
        on, number = picked_date(self.ordered_on.date()), self.order_number.text()
        self.submit(lambda: order_card(ctx, case_id, on, number))


class ArrivalDialog(FormDialog):
    """Eingang der Karte: serial number and the chip checked."""

    def __init__(self, ctx: ServiceContext, card: CardInfo, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__("", runner, parent)
        self.setWindowTitle(self.tr("eAT arrived"))
        self.ctx, self.card = ctx, card
        self.arrived_on = date_edit(card.arrived_on or ctx.today())
        self.serial = QLineEdit(card.card_serial)
        self.serial.setPlaceholderText(self.tr("nine letters and digits, e.g. Y7K2M4T9L"))
        self.chip = QCheckBox(self.tr("Chip checked: data readable and correct"))
        self.chip.setChecked(card.chip_checked)
        self.add("seriennummer", self.tr("Card serial number:"), self.serial)
        self.add("chip", "", self.chip)
        self.add("eingegangen_am", self.tr("Arrived on:"), self.arrived_on)
        self.serial.setFocus()

    def save(self) -> None:
        ctx, card = self.ctx, self.card
        serial, chip, on = self.serial.text(), self.chip.isChecked(), picked_date(self.arrived_on.date())
        self.submit(lambda: record_arrival(ctx, card.id, card.version, serial, chip, on))


class NotifyDialog(FormDialog):
    """Benachrichtigung: the pickup letter, or a note that the holder was phoned or e-mailed."""

    def __init__(self, ctx: ServiceContext, card: CardInfo, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__("", runner, parent)
        self.setWindowTitle(self.tr("Notify the holder"))
        self.ctx, self.card = ctx, card
        self.method = QComboBox()
        self.method.addItem(self.tr("Pickup letter (PDF, kept with the case)"), NoticeMethod.LETTER.value)
        self.method.addItem(self.tr("Phoned"), NoticeMethod.PHONE.value)
        self.method.addItem(self.tr("E-mailed"), NoticeMethod.EMAIL.value)
        self.notified_on = date_edit(ctx.today())
        self.add("wie", self.tr("How:"), self.method)
        self.add("benachrichtigt_am", self.tr("On:"), self.notified_on)

    def save(self) -> None:
        ctx, card = self.ctx, self.card
        method, on = NoticeMethod(self.method.currentData()), picked_date(self.notified_on.date())
        self.submit(lambda: record_notification(ctx, card.id, card.version, method, on))

    @property
    def letter_id(self) -> int | None:
        result: tuple[Any, int | None] | None = self.result_value
        return result[1] if result else None


class CloseDialog(FormDialog):
    """A card never collected (or faulty): returned to the Bundesdruckerei or destroyed."""

    def __init__(
        self,
        ctx: ServiceContext,
        card_id: int,
        version: int | None,
        runner: TaskRunner,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__("", runner, parent)
        self.setWindowTitle(self.tr("Card returned or destroyed"))
        self.ctx, self.card_id, self.version = ctx, card_id, version
        self.outcome = QComboBox()
        self.outcome.addItem(self.tr("Returned to the Bundesdruckerei"), CardStatus.RETURNED.value)
        self.outcome.addItem(self.tr("Destroyed"), CardStatus.DESTROYED.value)
        self.reason = QLineEdit()
        self.reason.setPlaceholderText(self.tr("e.g. not collected for three months despite a reminder"))
        self.on = date_edit(ctx.today())
        self.add("ausgang", self.tr("What happened:"), self.outcome)
        self.add("grund", self.tr("Reason:"), self.reason)
        self.add("am", self.tr("On:"), self.on)

    def save(self) -> None:
        ctx, card_id, version = self.ctx, self.card_id, self.version
        outcome, reason, on = CardStatus(self.outcome.currentData()), self.reason.text(), picked_date(self.on.date())
        self.submit(lambda: close_card(ctx, card_id, version, outcome, reason, on))
