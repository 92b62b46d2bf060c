"""Aushändigung at the counter: the card's holder and serial are filled in, the common case is the
default (the holder in person, identity checked with the passport, online-ID off, now), so a
handover takes a few keystrokes: check the serial, Enter. The service checks every field; a refused
handover shows each message under its field. Afterwards the record (Aushändigungsprotokoll) opens
for printing; it is kept with the case."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from abh_desk.clock import OFFICE_ZONE, local_now
from abh_desk.domain.cards import RECIPIENT_LABELS, RecipientKind
from abh_desk.services.card_handover import (
    IDENTITY_CHECKS,
    WITHDRAWN_KINDS,
    HandoverDone,
    HandoverForm,
    HandoverInput,
    WithdrawnDocument,
    hand_over,
    handover_form,
)
from abh_desk.services.context import ServiceContext
from ui import dialogs
from ui.form_dialog import FormDialog, datetime_edit
from ui.live_updates import own_window
from ui.tasks import TaskRunner
from ui.widgets import german_date, picked_moment, row_of


class _KeepEnter(QLineEdit):
    """Enter adds the typed document to the list and does not also hand the card over."""

    def keyPressEvent(self, event: QKeyEvent) -> None:
        super().keyPressEvent(event)
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            event.accept()


class HandoverDialog(FormDialog):
    def __init__(
        self,
        ctx: ServiceContext,
        card_id: int,
        runner: TaskRunner | None = None,
        parent: QWidget | None = None,
        scanned_serial: str = "",
    ) -> None:
        """``scanned_serial``: the serial just scanned from the card to find it; otherwise the clerk
        scans or types it here — the service checks it is this case's card."""
        super().__init__("", runner or TaskRunner(), parent)
        self.scanned_serial = scanned_serial
        self.setWindowTitle(self.tr("Hand over eAT"))
        if runner is None:
            self.runner.setParent(self)
        self.ctx = own_window(self, ctx)
        self.card_id = card_id
        self.form_data: HandoverForm | None = None
        self.done_value: HandoverDone | None = None

        self.header = QLabel()
        self.header.setStyleSheet("font-size: 14px; font-weight: 600;")
        self.header.setTextFormat(Qt.TextFormat.PlainText)
        self.header.setWordWrap(True)
        self.notice = QLabel()
        self.notice.setStyleSheet("color: #7a4b00; font-weight: 600;")
        self.notice.setWordWrap(True)
        self.notice.hide()
        self.body.insertWidget(0, self.header)
        self.body.insertWidget(1, self.notice)

        self.serial = QLineEdit()
        self.recipient = QComboBox()
        for kind in RecipientKind:
            self.recipient.addItem(self._recipient_label(kind), kind.value)
        self.recipient_name = QLineEdit()
        self.recipient_name.setPlaceholderText(self.tr("Name of the agent or custodian"))
        self.recipient_id = QLineEdit()
        self.recipient_id.setPlaceholderText(self.tr("e.g. Personalausweis L01X00T47"))
        self.power_of_attorney = QCheckBox(self.tr("Written power of attorney presented"))
        self.identity = QComboBox()
        self.identity.setEditable(True)
        self.identity.addItems(list(IDENTITY_CHECKS))
        self.identity.setCurrentText(IDENTITY_CHECKS[0])
        self.online_id = QCheckBox(self.tr("Online-ID function switched on"))
        self.withdrawn_kind = QComboBox()
        self.withdrawn_kind.setEditable(True)
        self.withdrawn_kind.addItems(list(WITHDRAWN_KINDS))
        self.withdrawn_serial = _KeepEnter()
        self.withdrawn_serial.setPlaceholderText(self.tr("Number"))
        self.withdrawn_add = QPushButton(self.tr("Add"))
        self.withdrawn_add.setAutoDefault(False)
        self.withdrawn_list = QListWidget()
        self.withdrawn_list.setFixedHeight(58)
        withdrawn = QWidget()
        withdrawn_layout = QVBoxLayout(withdrawn)
        withdrawn_layout.setContentsMargins(0, 0, 0, 0)
        row = QHBoxLayout()
        row.addWidget(self.withdrawn_kind, 2)
        row.addWidget(self.withdrawn_serial, 1)
        row.addWidget(self.withdrawn_add)
        withdrawn_layout.addLayout(row)
        withdrawn_layout.addWidget(self.withdrawn_list)
        withdrawn.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self.supplementary = QCheckBox(self.tr("Supplementary sheet handed over"))
        self.fingerprints = QCheckBox(self.tr("Fingerprints deleted (§ 61a (2) AufenthV)"))
        self.fingerprints.setChecked(True)
        self.fee_paid = QCheckBox()
        self.when = datetime_edit(local_now(ctx.clock))

        self.add("seriennummer", self.tr("Card serial number:"), self.serial)
        self.add("empfang", self.tr("Received by:"), self.recipient)
        self.add("name", self.tr("Name:"), self.recipient_name)
        self.add("ausweis", self.tr("ID document and number:"), self.recipient_id)
        self.add("vollmacht", "", self.power_of_attorney)
        self.add("identitaet", self.tr("Identity checked with:"), self.identity)
        self.add("onlineausweis", "", self.online_id)
        self.add("eingezogen", self.tr("Old documents withdrawn:"), withdrawn)
        self.add("zusatzblatt", "", self.supplementary)
        self.add("fingerabdruecke", "", self.fingerprints)
        self.add("gebuehr", self.tr("Fee:"), self.fee_paid)
        self.add("zeitpunkt", self.tr("Handed over at:"), self.when)
        self.ok_button.setText(self.tr("Hand over and print record"))
        self.ok_button.setEnabled(False)
        self.resize(640, self.sizeHint().height())

        self.recipient.currentIndexChanged.connect(lambda _i: self._recipient_changed())
        self.withdrawn_add.clicked.connect(self.add_withdrawn)
        self.withdrawn_serial.returnPressed.connect(self.add_withdrawn)
        remove = QShortcut(QKeySequence(Qt.Key.Key_Delete), self.withdrawn_list)
        remove.setContext(Qt.ShortcutContext.WidgetShortcut)
        remove.activated.connect(lambda: self.withdrawn_list.takeItem(self.withdrawn_list.currentRow()))
        self._recipient_changed()
        ctx = self.ctx
        self.runner.run(lambda: handover_form(ctx, card_id), self.show_form, self._load_failed, owner=self)

    def _recipient_label(self, kind: RecipientKind) -> str:
        return {
            RecipientKind.HOLDER: self.tr("The holder in person"),
            RecipientKind.AGENT: self.tr("An agent with power of attorney"),
            RecipientKind.CUSTODIAN: self.tr("A custodian (holder is a minor)"),
        }.get(kind, RECIPIENT_LABELS[kind])

    def show_form(self, form: HandoverForm) -> None:
        self.form_data = form
        self.header.setText(
            f"{form.holder_name} (* {form.birth_date}, {form.nationality})\n"
            f"{form.file_number} · {form.title} · " + self.tr("arrived %1").replace("%1", german_date(form.arrived_on))
        )
        self.serial.setText(self.scanned_serial)  # never the expected one: that would check nothing
        self.serial.setPlaceholderText(self.tr("Scan or type the serial on the card"))
        notes = []
        if form.minor:
            self.recipient.setCurrentIndex(self.recipient.findData(RecipientKind.CUSTODIAN.value))
            notes.append(self.tr("The holder is a minor: the card goes to a custodian."))
        self.fee_paid.setVisible(bool(form.fee_cents))
        self.form.setRowVisible(row_of(self.fee_paid), bool(form.fee_cents))
        if form.fee_cents:
            self.fee_paid.setText(self.tr("Fee of %1 paid").replace("%1", form.fee_text))
            notes.append(self.tr("Fee due at handover: %1").replace("%1", form.fee_text))
        self.notice.setText("\n".join(notes))
        self.notice.setVisible(bool(notes))
        self.ok_button.setEnabled(True)
        self.ok_button.setDefault(True)
        self.serial.setFocus()
        self.serial.selectAll()

    def _load_failed(self, exc: Exception) -> None:
        self.show_error(exc)
        self.ok_button.setEnabled(False)

    def _recipient_changed(self) -> None:
        kind = RecipientKind(self.recipient.currentData())
        for widget in (self.recipient_name, self.recipient_id):
            self.form.setRowVisible(row_of(widget), kind != RecipientKind.HOLDER)
        self.form.setRowVisible(row_of(self.power_of_attorney), kind == RecipientKind.AGENT)

    def add_withdrawn(self) -> None:
        kind, serial = self.withdrawn_kind.currentText().strip(), self.withdrawn_serial.text().strip()
        if kind and serial:
            self.withdrawn_list.addItem(f"{kind} · {serial}")
            self.withdrawn_serial.clear()

    def withdrawn(self) -> tuple[WithdrawnDocument, ...]:
        """The listed documents, and one typed but not yet added (so it is not lost)."""
        items = [self.withdrawn_list.item(i).text().split(" · ", 1) for i in range(self.withdrawn_list.count())]
        if self.withdrawn_serial.text().strip():
            items.append([self.withdrawn_kind.currentText().strip(), self.withdrawn_serial.text().strip()])
        return tuple(WithdrawnDocument(kind, serial) for kind, serial in items)

    def given(self) -> HandoverInput:
        kind = RecipientKind(self.recipient.currentData())
        return HandoverInput(
            card_serial=self.serial.text(),
            identity_check=self.identity.currentText(),
            recipient_kind=kind,
            recipient_name=self.recipient_name.text() if kind != RecipientKind.HOLDER else "",
            recipient_id_number=self.recipient_id.text() if kind != RecipientKind.HOLDER else "",
            power_of_attorney=kind == RecipientKind.AGENT and self.power_of_attorney.isChecked(),
            online_id_enabled=self.online_id.isChecked(),
            withdrawn=self.withdrawn(),
            supplementary_sheet=self.supplementary.isChecked(),
            fingerprints_deleted=self.fingerprints.isChecked(),
            fee_paid=self.fee_paid.isChecked(),
            handed_over_at=picked_moment(self.when.dateTime()).replace(tzinfo=OFFICE_ZONE),
        )

    def save(self) -> None:
        if self.form_data is None:
            return
        if self.done_value is not None:
            self.accept()
            return
        ctx, card_id, version, given = self.ctx, self.card_id, self.form_data.version, self.given()
        self.submit(lambda: hand_over(ctx, card_id, version, given), self._handed_over)

    def _handed_over(self, done: HandoverDone) -> None:
        self.done_value = done
        # The record is kept with the case (Schreiben); here it goes straight to the printer for the
        # signatures — from memory, no temporary file with personal data.
        dialogs.print_document(self, done.pdf)
        self.accept()
