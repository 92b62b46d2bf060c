"""Termine (F3): the counter's day and a caseworker's week.

Day: today's appointments and walk-ins of the whole office or one caseworker, in time order, with
who is waiting and how long (refreshed every 30 seconds). From the keyboard: Enter opens the person;
in German Alt+A angekommen, Alt+N nicht erschienen, Alt+E erledigt, Alt+O Vorsprache (waiting
number), Alt+C buchen, Alt+U umbuchen, Alt+G absagen, Alt+L Einladung (letters the main window's
tabs and menus do not use). PageUp/PageDown the day before/after.
Week: one caseworker's Monday to Friday on a 10-minute grid; closed times grey, appointments
coloured; arrows move, Enter on an appointment opens the person."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta

from PySide6.QtCore import QDate, Qt, QTimer, Signal
from PySide6.QtGui import QBrush, QColor, QHideEvent, QKeyEvent, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from abh_desk.domain.appointments import BOOKED, DONE, NO_SHOW, WAITING, WEEKDAY_NAMES, clock_text
from abh_desk.services import appointment_lists as appt_lists
from abh_desk.services import appointments as appts
from abh_desk.services.context import ServiceContext
from ui import dialogs
from ui.booking_dialog import BookingDialog, PersonPicker
from ui.messages import error_text, spoken
from ui.rows_model import Column, RowsModel
from ui.tasks import TaskRunner
from ui.widgets import table_view

WAITING_COLOR = "#fff2b3"
LONG_WAIT_COLOR = "#f4c7c3"
DONE_COLOR = "#e0e0e0"
BOOKED_COLOR = "#cfe2f3"
CLOSED_COLOR = "#eeeeee"
LONG_WAIT_MINUTES = 30
GRID = 10
REFRESH_MS = 30_000


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


class AppointmentsPage(QWidget):
    sig_open_person = Signal(int)
    sig_message = Signal(str)

    def __init__(self, ctx: ServiceContext, runner: TaskRunner) -> None:
        super().__init__()
        self.ctx, self.runner = ctx, runner
        self.dialog: QWidget | None = None
        self._generation = 0
        self.day_field = QDateEdit()
        self.day_field.setCalendarPopup(True)
        self.day_field.setDisplayFormat("ddd, dd.MM.yyyy")
        self.day_field.setDate(_qdate(ctx.today()))
        self.who = QComboBox()
        self.who.addItem(self.tr("Whole office"), None)
        self.summary = QLabel()
        self.summary.setStyleSheet("font-weight: 600;")
        self.rows = RowsModel[appt_lists.AppointmentRow](
            [
                Column(self.tr("Time / No."), lambda r: r.time_text),
                Column(self.tr("State"), lambda r: r.status_label, self._color),
                Column(self.tr("Waiting"), self._waited, self._color),
                Column(self.tr("Person"), lambda r: r.person_name),
                Column(self.tr("Born"), lambda r: r.birth),
                Column(self.tr("File number"), lambda r: r.file_number or ""),
                Column(self.tr("Caseworker"), lambda r: r.caseworker_name),
                Column(self.tr("Room"), lambda r: r.room),
                Column(self.tr("Concern"), lambda r: r.purpose_name),
            ],
            muted=lambda r: r.status in (DONE, NO_SHOW),
        )
        self.view = table_view(self.rows, (90, 110, 80, 200, 90, 140, 130, 60))
        self.arrived_button = QPushButton(self.tr("&Arrived"))
        self.no_show_button = QPushButton(self.tr("&No-show"))
        self.done_button = QPushButton(self.tr("Don&e"))
        self.walk_in_button = QPushButton(self.tr("Walk-&in…"))
        self.book_button = QPushButton(self.tr("Boo&k…"))
        self.rebook_button = QPushButton(self.tr("Re&schedule…"))
        self.cancel_button = QPushButton(self.tr("Cancel appoint&ment…"))
        self.letter_button = QPushButton(self.tr("Invitation &letter…"))
        day_page = QWidget()
        buttons = QHBoxLayout()
        for button in (self.arrived_button, self.no_show_button, self.done_button, self.walk_in_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        for button in (self.book_button, self.rebook_button, self.cancel_button, self.letter_button):
            buttons.addWidget(button)
        day_layout = QVBoxLayout(day_page)
        day_layout.setContentsMargins(0, 0, 0, 0)
        day_layout.addWidget(self.summary)
        day_layout.addWidget(self.view, 1)
        day_layout.addLayout(buttons)
        self.week = WeekTable()
        self.week_title = QLabel()
        self.week_title.setStyleSheet("font-weight: 600;")
        week_page = QWidget()
        week_layout = QVBoxLayout(week_page)
        week_layout.setContentsMargins(0, 0, 0, 0)
        week_layout.addWidget(self.week_title)
        week_layout.addWidget(self.week, 1)
        self.views = QTabWidget()
        self.views.addTab(day_page, self.tr("Day at the counter"))
        self.views.addTab(week_page, self.tr("Week of a caseworker"))
        top = QHBoxLayout()
        day_label = QLabel(self.tr("Day:"))
        who_label = QLabel(self.tr("Caseworker:"))
        top.addWidget(day_label)
        top.addWidget(self.day_field)
        top.addWidget(who_label)
        top.addWidget(self.who, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.views, 1)
        self.refresh = QTimer(self)
        self.refresh.setInterval(REFRESH_MS)
        self.refresh.timeout.connect(self._auto_reload)
        self.day_field.dateChanged.connect(lambda _d: self.reload())
        self.who.currentIndexChanged.connect(lambda _i: self.reload())
        self.views.currentChanged.connect(lambda _i: self.reload())
        self.view.activated.connect(lambda index: self.open_person(index.row()))
        self.week.sig_open_person.connect(self.sig_open_person)
        self.arrived_button.clicked.connect(lambda: self.step(appts.check_in))
        self.no_show_button.clicked.connect(lambda: self.step(appts.no_show))
        self.done_button.clicked.connect(lambda: self.step(appts.finish))
        self.walk_in_button.clicked.connect(self.walk_in)
        self.book_button.clicked.connect(self.book)
        self.rebook_button.clicked.connect(self.rebook)
        self.cancel_button.clicked.connect(self.cancel)
        self.letter_button.clicked.connect(self.save_letter)
        self._staff_loaded = False

    # --- loading -------------------------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.refresh.start()

    def hideEvent(self, event: QHideEvent) -> None:
        super().hideEvent(event)
        self.refresh.stop()

    def _auto_reload(self) -> None:
        if self.isVisible() and self.views.currentIndex() == 0:
            self.reload()

    def day(self) -> date:
        value = self.day_field.date().toPython()
        assert isinstance(value, date)
        return value

    def caseworker(self) -> str | None:
        data = self.who.currentData()
        return str(data) if data else None

    def reload(self) -> None:
        if not self._staff_loaded:
            self._staff_loaded = True
            ctx = self.ctx
            self.runner.run(lambda: appt_lists.staff_choices(ctx), self._fill_staff, self._error, owner=self)
            return
        if self.views.currentIndex() == 1:
            self._reload_week()
            return
        ctx, day, who = self.ctx, self.day(), self.caseworker()
        self._generation += 1
        generation = self._generation

        def done(listing: appt_lists.DayList) -> None:
            if generation == self._generation:
                self.show_day(listing)

        self.runner.run(lambda: appt_lists.day_list(ctx, day, who), done, self._error, owner=self)

    def _fill_staff(self, staff: list[tuple[str, str]]) -> None:
        self.who.blockSignals(True)
        for username, name in staff:
            self.who.addItem(name, username)
        self.who.blockSignals(False)
        self.reload()

    def show_day(self, listing: appt_lists.DayList) -> None:
        current = self.view.currentIndex().row()
        keep = self.rows.row(current).id if 0 <= current < self.rows.rowCount() else None
        self.rows.set_rows(list(listing.rows))
        waiting = listing.waiting
        longest = max((r.waited_minutes or 0 for r in waiting), default=0)
        text = self.tr("%n appointment(s) and walk-in(s)", "", len(listing.rows))
        text += " · " + self.tr("%n waiting", "", len(waiting))
        if waiting:
            text += " · " + self.tr("longest wait %1 min").replace("%1", str(longest))
        self.summary.setText(f"{spoken(WEEKDAY_NAMES[listing.day.weekday()])}, {listing.day:%d.%m.%Y}: {text}")
        if listing.rows:
            again = next((i for i, r in enumerate(listing.rows) if r.id == keep), 0)
            self.view.selectRow(again)

    def _reload_week(self) -> None:
        who = self.caseworker() or (
            self.ctx.actor.username if self.who.findData(self.ctx.actor.username) >= 0 else None
        )
        if who is None and self.who.count() > 1:
            who = str(self.who.itemData(1))
        if who is None:
            self.week_title.setText(self.tr("Please choose a caseworker."))
            return
        ctx, day = self.ctx, self.day()
        monday = day - timedelta(days=day.weekday())
        self.runner.run(lambda: appt_lists.week_view(ctx, who, monday), self.show_week, self._error, owner=self)

    def show_week(self, week: appt_lists.WeekView) -> None:
        self.week_title.setText(
            self.tr("%1 · week from %2 · %n appointment(s)", "", len(week.rows))
            .replace("%1", week.caseworker_name)
            .replace("%2", f"{week.monday:%d.%m.%Y}")
        )
        self.week.show_week(week)

    # --- steps ---------------------------------------------------------------------------

    def current(self) -> appt_lists.AppointmentRow | None:
        row = self.view.currentIndex().row()
        return self.rows.row(row) if 0 <= row < self.rows.rowCount() else None

    def open_person(self, row: int) -> None:
        if 0 <= row < self.rows.rowCount():
            self.sig_open_person.emit(self.rows.row(row).person_id)

    def step(self, action: Callable[[ServiceContext, int], appt_lists.AppointmentRow]) -> None:
        chosen = self.current()
        if chosen is None:
            return
        ctx = self.ctx

        def done(row: appt_lists.AppointmentRow) -> None:
            self.sig_message.emit(f"{row.person_name}: {spoken(row.status_label)}")
            self.reload()

        self.runner.run(lambda: action(ctx, chosen.id), done, self._error, owner=self)

    def walk_in(self) -> PersonPicker:
        picker = PersonPicker(self.ctx, self.runner, self.tr("Walk-in: who is at the counter?"), self)
        ctx = self.ctx

        def picked() -> None:
            if picker.picked is None:
                return
            pid = picker.picked.id

            def done(row: appt_lists.AppointmentRow) -> None:
                self.sig_message.emit(
                    self.tr("Waiting number %1: %2")
                    .replace("%1", str(row.waiting_number))
                    .replace("%2", row.person_name)
                )
                self.day_field.setDate(_qdate(row.day))
                self.reload()

            self.runner.run(lambda: appts.walk_in(ctx, pid), done, self._error, owner=self)

        picker.accepted.connect(picked)
        self.dialog = picker
        picker.open()
        return picker

    def book(self) -> PersonPicker:
        picker = PersonPicker(self.ctx, self.runner, self.tr("Book: for whom?"), self)

        def picked() -> None:
            if picker.picked is not None:
                person = picker.picked
                self.book_for(person.id, f"{person.family_name}, {person.given_names}")

        picker.accepted.connect(picked)
        self.dialog = picker
        picker.open()
        return picker

    def book_for(self, person_id: int, name: str) -> BookingDialog:
        dialog = BookingDialog(self.ctx, self.runner, person_id, name, self)
        dialog.sig_booked.connect(self._booked)
        self.dialog = dialog
        dialog.open()
        return dialog

    def _booked(self, row: appt_lists.AppointmentRow) -> None:
        self.sig_message.emit(
            self.tr("Booked: %1 with %2 – %3")
            .replace("%1", str(row.slot))
            .replace("%2", row.caseworker_name)
            .replace("%3", row.person_name)
        )
        self.reload()

    def rebook(self) -> BookingDialog | None:
        chosen = self.current()
        if chosen is None or chosen.status != BOOKED:
            self.sig_message.emit(self.tr("Only a booked appointment can be rebooked."))
            return None
        dialog = BookingDialog(self.ctx, self.runner, chosen.person_id, chosen.person_name, self, rebook=chosen)
        dialog.sig_booked.connect(self._booked)
        self.dialog = dialog
        dialog.open()
        return dialog

    def cancel(self) -> None:
        chosen = self.current()
        if chosen is None:
            return
        reason = dialogs.ask_text(
            self,
            self.tr("Cancel appointment"),
            self.tr("Why is the appointment %1 cancelled?").replace("%1", str(chosen.slot)),
        )
        if reason is None:
            return
        ctx = self.ctx
        self.runner.run(lambda: appts.cancel(ctx, chosen.id, reason), lambda _r: self.reload(), self._error, owner=self)

    def save_letter(self) -> None:
        chosen = self.current()
        if chosen is None:
            return
        path = dialogs.ask_save_path(self, self.tr("Save the invitation"), f"einladung-{chosen.id}.pdf")
        if path is None:
            return
        ctx = self.ctx

        def work() -> None:
            from abh_desk.services.appointment_letters import invitation_pdf

            path.write_bytes(invitation_pdf(ctx, chosen.id))

        self.runner.run(
            work,
            lambda _r: self.sig_message.emit(self.tr("Invitation saved: %1").replace("%1", str(path))),
            self._error,
            owner=self,
        )

    def _error(self, exc: Exception) -> None:
        self.sig_message.emit(error_text(exc))

    @staticmethod
    def _waited(row: appt_lists.AppointmentRow) -> str:
        if row.waited_minutes is None or row.status != WAITING:  # done: arrival to end, no waiting
            return ""
        return f"{row.waited_minutes} min"

    @staticmethod
    def _color(row: appt_lists.AppointmentRow) -> str | None:
        if row.status == WAITING:
            return LONG_WAIT_COLOR if (row.waited_minutes or 0) >= LONG_WAIT_MINUTES else WAITING_COLOR
        return None

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """PageUp/PageDown: the day before/after."""
        if event.key() in (Qt.Key.Key_PageUp, Qt.Key.Key_PageDown) and not self.view.hasFocus():
            step = -1 if event.key() == Qt.Key.Key_PageUp else 1
            self.day_field.setDate(self.day_field.date().addDays(step))
            return
        super().keyPressEvent(event)


class WeekTable(QTableWidget):
    """Monday to Friday on a 10-minute grid; Enter on an appointment opens its person."""

    sig_open_person = Signal(int)

    def __init__(self) -> None:
        super().__init__()
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setTabKeyNavigation(False)
        self.horizontalHeader().setStretchLastSection(False)
        self.horizontalHeader().setDefaultSectionSize(200)
        self.verticalHeader().setDefaultSectionSize(22)
        self.cellActivated.connect(self._open)

    def show_week(self, week: appt_lists.WeekView) -> None:
        spans = [h for d in week.days for h in d.hours]
        first = min((h.start for h in spans), default=8 * 60)
        last = max((h.end for h in spans), default=12 * 60)
        for row in week.rows:
            first, last = min(first, row.start), max(last, row.start + max(row.minutes, GRID))
        first -= first % GRID
        times = list(range(first, last, GRID))
        self.clear()
        self.setRowCount(len(times))
        self.setColumnCount(len(week.days))
        self.setHorizontalHeaderLabels(
            [
                f"{spoken(WEEKDAY_NAMES[d.day.weekday()])} {d.day:%d.%m.}" + (f"\n{d.closed}" if d.closed else "")
                for d in week.days
            ]
        )
        self.setVerticalHeaderLabels([clock_text(t) for t in times])
        closed = QBrush(QColor(CLOSED_COLOR))
        for column, day in enumerate(week.days):
            for index, minute in enumerate(times):
                item = QTableWidgetItem("")
                if not any(h.start <= minute < h.end for h in day.hours):
                    item.setBackground(closed)
                self.setItem(index, column, item)
        booked = QBrush(QColor(BOOKED_COLOR))
        done = QBrush(QColor(DONE_COLOR))
        columns = {d.day: i for i, d in enumerate(week.days)}
        for appointment in week.rows:
            at = columns.get(appointment.day)
            if at is None:
                continue
            for index, minute in enumerate(times):
                cell = self.item(index, at)
                if cell is not None and appointment.start <= minute < appointment.start + max(
                    appointment.minutes, GRID
                ):
                    item = cell
                    if minute == appointment.start - appointment.start % GRID:
                        item.setText(f"{clock_text(appointment.start)} {appointment.person_name}")
                        item.setToolTip(f"{appointment.purpose_name}\n{appointment.file_number or ''}")
                    item.setData(Qt.ItemDataRole.UserRole, appointment.person_id)
                    item.setBackground(done if appointment.status in (DONE, NO_SHOW) else booked)
        if times:
            self.setCurrentCell(0, 0)

    def _open(self, row: int, column: int) -> None:
        item = self.item(row, column)
        person = item.data(Qt.ItemDataRole.UserRole) if item is not None else None
        if person:
            self.sig_open_person.emit(int(person))

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self._open(self.currentRow(), self.currentColumn())
            event.accept()
            return
        super().keyPressEvent(event)
