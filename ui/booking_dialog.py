"""Booking an appointment (the phone or e-mail request): the person is known, the „Anliegen“ is the
person's open case (first) or a procedure; the next free slots of the responsible caseworker (or the
deputy) are proposed with the first selected, so Enter books it — Strg+T, Enter. A slot taken on
another workstation in the meantime is said at once and the next free ones are shown instead.
The same dialog rebooks an appointment (with a reason). A small person picker serves the counter's
page (booking and walk-ins without the person search)."""

from __future__ import annotations

from datetime import date, datetime, time

from PySide6.QtCore import QDate, QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListView,
    QListWidget,
    QListWidgetItem,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionComboBox,
    QVBoxLayout,
    QWidget,
)

from abh_desk.domain.appointments import SlotTaken
from abh_desk.services import appointment_hours as appt_hours
from abh_desk.services import appointment_lists as appt_lists
from abh_desk.services import appointments as appts
from abh_desk.services.context import ServiceContext
from abh_desk.services.persons import PersonSummary, search_persons
from ui.live_updates import own_window
from ui.messages import error_text
from ui.tasks import TaskRunner
from ui.widgets import message_label

SLOTS_SHOWN = 12


class BookingDialog(QDialog):
    """``rebook``: the appointment to move (its purpose fixed, a reason asked)."""

    sig_booked = Signal(object)

    def __init__(
        self,
        ctx: ServiceContext,
        runner: TaskRunner,
        person_id: int,
        person_name: str,
        parent: QWidget | None = None,
        rebook: appt_lists.AppointmentRow | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx, self.runner, self.person_id, self.rebooking = own_window(self, ctx), runner, person_id, rebook
        self.booked: appt_lists.AppointmentRow | None = None
        self.offer: appt_hours.Offer | None = None
        self._busy = False
        self._generation = 0
        title = self.tr("Rebook appointment") if rebook else self.tr("Book an appointment")
        self.setWindowTitle(f"{title} – {person_name}")
        self.purpose = QComboBox()
        self.purpose.setMinimumContentsLength(40)
        self.purpose.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        # A procedure's name is long ("Aufenthaltserlaubnis nach Anerkennung im Asylverfahren (…)"):
        # in the list it wraps instead of being cut in the middle; the box's full text is said
        # below it where the box cuts it off (at 640 pixels it did), and in its tool tip.
        concerns = QListView()
        concerns.setWordWrap(True)
        concerns.setTextElideMode(Qt.TextElideMode.ElideNone)
        concerns.setSpacing(2)
        self.purpose.setView(concerns)
        self.purpose.setItemDelegate(QStyledItemDelegate(self.purpose))
        self.concern = QLabel()
        self.concern.setWordWrap(True)
        self.concern.setTextFormat(Qt.TextFormat.PlainText)
        self.concern.setStyleSheet("color: #404040;")
        self.concern.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.concern.hide()
        self.purpose.currentIndexChanged.connect(lambda _i: self._show_concern())
        self.purpose.installEventFilter(self)
        self.after = QDateEdit()
        self.after.setCalendarPopup(True)
        self.after.setDisplayFormat("dd.MM.yyyy")
        today = ctx.today()
        self.after.setDate(QDate(today.year, today.month, today.day))
        self.reason = QLineEdit()
        self.reason.setPlaceholderText(self.tr("Why the appointment moves"))
        self.who = QLabel()
        self.who.setStyleSheet("font-weight: 600;")
        self.slots = QListWidget()
        self.slots.setMinimumHeight(220)
        self.error = message_label()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.book_button = self.buttons.addButton(
            self.tr("&Rebook (Enter)") if rebook else self.tr("&Book (Enter)"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.book_button.setAutoDefault(False)
        form = QFormLayout()
        form.addRow(self.tr("&Concern:"), self.purpose)
        form.addRow("", self.concern)
        form.addRow(self.tr("&From:"), self.after)
        if rebook:
            form.addRow(self.tr("R&eason:"), self.reason)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.who)
        layout.addWidget(self.slots, 1)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.buttons.rejected.connect(self.reject)
        self.book_button.clicked.connect(self.book)
        self.slots.activated.connect(lambda _index: self.book())
        self.purpose.currentIndexChanged.connect(lambda _i: self.reload())
        self.after.dateChanged.connect(lambda _d: self.reload())
        if rebook is not None:
            self.purpose.addItem(rebook.purpose_name, (rebook.purpose, rebook.case_id))
            self.purpose.setEnabled(False)
            self._show_concern()
            self.reload()
        else:
            self._load_choices()

    def _show_concern(self) -> None:
        """The chosen concern in full under the box, only where the box cannot show all of it."""
        text = self.purpose.currentText()
        option = QStyleOptionComboBox()
        self.purpose.initStyleOption(option)
        field = self.purpose.style().subControlRect(
            QStyle.ComplexControl.CC_ComboBox, option, QStyle.SubControl.SC_ComboBoxEditField, self.purpose
        )
        cut = self.purpose.fontMetrics().horizontalAdvance(text) > field.width()
        self.concern.setText(text if cut else "")
        if cut:  # the form layout gave the wrapped label the height of a narrow one (a gap below)
            self.concern.setFixedHeight(self.concern.heightForWidth(self.purpose.width()))
        self.concern.setVisible(cut)
        self.purpose.setToolTip(text)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.purpose and event.type() == QEvent.Type.Resize:
            self._show_concern()
        return super().eventFilter(watched, event)

    def _load_choices(self) -> None:
        ctx, pid = self.ctx, self.person_id

        def done(choices: list[appt_lists.Choice]) -> None:
            self.purpose.blockSignals(True)
            for choice in choices:
                self.purpose.addItem(choice.label, (choice.purpose, choice.case_id))
                self.purpose.setItemData(self.purpose.count() - 1, choice.label, Qt.ItemDataRole.ToolTipRole)
            if choices and choices[0].case_id is None:
                # No open case and no card waiting: the concern is asked, not guessed (an Enter
                # booked the catalogue's first procedure for whoever called).
                self.purpose.setCurrentIndex(-1)
                self.purpose.setPlaceholderText(self.tr("Please choose the concern"))
                self.purpose.setFocus()
            self.purpose.blockSignals(False)
            self._show_concern()
            self.reload()

        self.runner.run(lambda: appt_lists.booking_choices(ctx, pid), done, self._failed, owner=self)

    def reload(self) -> None:
        data = self.purpose.currentData()
        if data is None:
            return
        self.error.clear()
        purpose, case_id = data
        picked = self.after.date().toPython()
        after = datetime.combine(picked, time(0)) if isinstance(picked, date) else None
        ctx, pid = self.ctx, self.person_id
        self._generation += 1
        generation = self._generation

        def done(offer: appt_hours.Offer) -> None:
            if generation == self._generation:
                self.error.clear()
                self.show_offer(offer)

        self.runner.run(
            lambda: appt_hours.free_slots(ctx, pid, purpose, case_id, after, SLOTS_SHOWN),
            done,
            self._failed,
            owner=self,
        )

    def show_offer(self, offer: appt_hours.Offer, slots: tuple[appt_hours.FreeSlot, ...] | None = None) -> None:
        self.offer = offer
        self.who.setText(
            self.tr("Responsible: %1 · %2 minutes").replace("%1", offer.owner_name).replace("%2", str(offer.minutes))
        )
        self.slots.clear()
        for slot in slots if slots is not None else offer.slots:
            item = QListWidgetItem(str(slot))
            item.setData(Qt.ItemDataRole.UserRole, slot)
            self.slots.addItem(item)
        if self.slots.count():
            self.slots.setCurrentRow(0)
            if not (self.rebooking and not self.reason.text().strip()):
                self.slots.setFocus()
        else:
            self.error.setText(self.tr("No free appointment in the coming months."))
            self.error.show()

    def selected(self) -> appt_hours.FreeSlot | None:
        item = self.slots.currentItem()
        slot = item.data(Qt.ItemDataRole.UserRole) if item is not None else None
        return slot if isinstance(slot, appt_hours.FreeSlot) else None

    def book(self) -> None:
        slot = self.selected()
        data = self.purpose.currentData()
        if data is None:
            self.error.setText(self.tr("Please choose the concern first."))
            self.purpose.setFocus()
            return
        if slot is None or self._busy:
            return
        purpose, case_id = data
        ctx, pid, old = self.ctx, self.person_id, self.rebooking
        reason = self.reason.text()
        self._busy = True
        self.book_button.setEnabled(False)

        def work() -> appt_lists.AppointmentRow:
            if old is not None:
                return appts.rebook(ctx, old.id, slot.day, slot.start, reason)
            return appts.book(ctx, pid, slot.day, slot.start, purpose, case_id)

        self.runner.run(work, self._booked, self._failed, owner=self)

    def _booked(self, row: appt_lists.AppointmentRow) -> None:
        self.booked = row
        self.sig_booked.emit(row)
        self.accept()

    def _failed(self, exc: Exception) -> None:
        self._busy = False
        self.book_button.setEnabled(True)
        self.error.setText(error_text(exc))
        self.error.show()
        if isinstance(exc, SlotTaken) and self.offer is not None:
            self.show_offer(self.offer, tuple(exc.params.get("next_free") or ()))

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Enter books the selected slot from anywhere in the dialog (the list answers it itself)."""
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            if not self.slots.hasFocus():
                self.book()
            event.accept()
            return
        super().keyPressEvent(event)


class PersonPicker(QDialog):
    """Type a name (or Aktenzeichen, birth date), Enter takes the first hit or the selected one."""

    def __init__(self, ctx: ServiceContext, runner: TaskRunner, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.runner = own_window(self, ctx), runner
        self.picked: PersonSummary | None = None
        self._generation = 0
        self._take_first = False
        self.setWindowTitle(title)
        self.field = QLineEdit()
        self.field.setPlaceholderText(self.tr("Name, date of birth or file number – Enter takes the first"))
        self.hits = QListWidget()
        self.error = message_label()
        layout = QVBoxLayout(self)
        layout.addWidget(self.field)
        layout.addWidget(self.hits, 1)
        layout.addWidget(self.error)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(200)
        self._timer.timeout.connect(self.search)
        self.field.textChanged.connect(lambda _t: self._timer.start())
        self.hits.activated.connect(lambda _i: self.take())
        self.resize(520, 360)

    def search(self) -> None:
        ctx, text = self.ctx, self.field.text()
        self._generation += 1
        generation = self._generation

        def done(rows: list[PersonSummary]) -> None:
            if generation != self._generation:
                return
            self.hits.clear()
            for row in rows:
                item = QListWidgetItem(f"{row.family_name}, {row.given_names} · {row.birth_date} · {row.nationality}")
                item.setData(Qt.ItemDataRole.UserRole, row)
                self.hits.addItem(item)
            if rows:
                self.hits.setCurrentRow(0)
            if self._take_first:
                self._take_first = False
                self.take()

        if len(text.strip()) < 2:
            self.hits.clear()
            return
        self.runner.run(
            lambda: search_persons(ctx, text, limit=50), done, lambda e: self.error.setText(str(e)), owner=self
        )

    def take(self) -> None:
        item = self.hits.currentItem()
        if item is None:
            return
        self.picked = item.data(Qt.ItemDataRole.UserRole)
        self.accept()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            if self._timer.isActive():
                self._timer.stop()
                self._take_first = True
                self.search()
            elif not self.hits.hasFocus():
                self.take()
            event.accept()
            return
        if event.key() == Qt.Key.Key_Down and self.field.hasFocus():
            self.hits.setFocus()
        super().keyPressEvent(event)
