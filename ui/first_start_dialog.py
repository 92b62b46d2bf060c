"""Erster Start: where this workstation keeps its data, the office's settings, the first administrator.

Page one chooses the database — this computer (an SQLite file), the office's PostgreSQL server,
or the demo office — and connects in the background; page two asks for the office's settings
(kept as they are, and only shown, when the server already has them) and, where the database has
no administrator yet, for one. The work is done by ``abh_desk.services.workstation_setup`` (the demo
office by ``abh_desk.demo.office``).
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from abh_desk.clock import SYSTEM_CLOCK, Clock
from abh_desk.config import WorkstationSettings
from abh_desk.demo.office import DEMO_PERSONS, set_up_demo
from abh_desk.domain.deadlines_calendar import LAENDER
from abh_desk.errors import FieldErrors, ValidationError
from abh_desk.services.context import Progress, ServiceContext
from abh_desk.services.office import OfficeSettings
from abh_desk.services.workstation_setup import (
    KEY_FILE,
    SERVER,
    STANDALONE,
    Administrator,
    DatabaseChoice,
    SetupState,
    connect,
    default_sqlite_path,
    finish,
)
from ui import dialogs
from ui.messages import error_text
from ui.tasks import TaskRunner, run_with_progress
from ui.widgets import FitScrollArea, fit_later, fit_on_screen, message_label

DEMO = "demo"
NOTE_STYLE = "color: #555;"


class FirstStartDialog(QDialog):
    """Einrichtung des Arbeitsplatzes. After ``exec()`` is accepted, ``settings`` holds what was written."""

    def __init__(
        self,
        runner: TaskRunner | None = None,
        demo_persons: int = DEMO_PERSONS,
        parent: QWidget | None = None,
        clock: Clock = SYSTEM_CLOCK,
    ) -> None:
        super().__init__(parent)
        self.clock = clock
        self.runner = runner or TaskRunner(self)
        self.demo_persons = demo_persons
        self.settings: WorkstationSettings | None = None
        self.ctx: ServiceContext | None = None
        self.state: SetupState | None = None
        self.choice = DatabaseChoice()
        self.errors: dict[str, QLabel] = {}
        self.setWindowTitle(self.tr("ABH Desk – Setting up this workstation"))
        self.pages = QStackedWidget()
        self.pages.addWidget(self._database_page())
        self.pages.addWidget(self._office_page())
        self.message = message_label()
        self.status = self._note("")
        self.back = QPushButton(self.tr("Back"))
        self.next = QPushButton(self.tr("Next"))
        self.next.setDefault(True)
        self.cancel = QPushButton(self.tr("Cancel"))
        buttons = QHBoxLayout()
        buttons.addWidget(self.back)
        buttons.addStretch(1)
        buttons.addWidget(self.next)
        buttons.addWidget(self.cancel)
        layout = QVBoxLayout(self)
        # The pages scroll where the screen is too low for them (the office page with its messages
        # on a 1366×768 screen); the buttons below stay in view.
        layout.addWidget(FitScrollArea(self.pages), 1)
        layout.addWidget(self.status)
        layout.addWidget(self.message)
        layout.addLayout(buttons)
        self.back.clicked.connect(self.go_back)
        self.next.clicked.connect(self.go_on)
        self.cancel.clicked.connect(self.reject)
        self.setMinimumWidth(620)
        self.status.hide()
        self._show_page(0)

    # --- building ------------------------------------------------------------------------------

    def _field(self, grid: QGridLayout, key: str, label: str, widget: QWidget) -> None:
        row = grid.rowCount()
        caption = QLabel(label)
        caption.setBuddy(widget)
        error = message_label()
        error.hide()
        self.errors[key] = error
        grid.addWidget(caption, row, 0)
        grid.addWidget(widget, row, 1)
        grid.addWidget(error, row + 1, 1)

    def _note(self, text: str) -> QLabel:
        label = QLabel(text)
        label.setWordWrap(True)
        label.setStyleSheet(NOTE_STYLE)
        return label

    def _database_page(self) -> QWidget:
        page = QWidget()
        intro = QLabel(self.tr("This workstation is not set up yet. Where shall ABH Desk keep its data?"))
        intro.setWordWrap(True)
        self.standalone = QRadioButton(self.tr("&Standalone: a database file on this computer"))
        self.server = QRadioButton(self.tr("Office &server (PostgreSQL), shared by several workstations"))
        self.demo = QRadioButton(
            self.tr("&Demo: try the program at once with %1 invented persons").replace(
                "%1", f"{self.demo_persons:,}".replace(",", ".")
            )
        )
        self.mode = QButtonGroup(self)
        for button in (self.standalone, self.server, self.demo):
            self.mode.addButton(button)
        self.standalone.setChecked(True)
        self.sqlite_path = QLineEdit(str(default_sqlite_path()))
        self.server_url = QLineEdit()
        self.server_url.setPlaceholderText("postgresql://abh@server/abh")
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.key_file = QLineEdit()
        self.key_file.setPlaceholderText(self.tr("only where the office's audit trail is signed"))
        self.choose_key = QPushButton(self.tr("Choose…"))
        self.choose_key.clicked.connect(self.choose_key_file)
        key_row = QWidget()
        key_layout = QHBoxLayout(key_row)
        key_layout.setContentsMargins(0, 0, 0, 0)
        key_layout.addWidget(self.key_file, 1)
        key_layout.addWidget(self.choose_key)
        key_row.setFocusProxy(self.key_file)  # Alt+K (the caption's buddy) goes into the field
        standalone_grid = QGridLayout()
        self._field(standalone_grid, "sqlite_path", self.tr("Database &file:"), self.sqlite_path)
        server_grid = QGridLayout()
        self._field(server_grid, "server_url", self.tr("Server &address:"), self.server_url)
        self._field(server_grid, "password_server", self.tr("Pass&word:"), self.password)
        self._field(server_grid, KEY_FILE, self.tr("Audit &key:"), key_row)
        server_note = self._note(
            self.tr(
                "The connection is tested before anything is saved. The password is kept in the "
                "operating system's keyring, never in a file."
            )
        )
        key_note = self._note(
            self.tr(
                "Audit key: where the office's audit trail is signed, the file handed out on a workstation that "
                "has the key (abh-desk audit schluessel ausgeben). It is checked against the trail before it is "
                "kept in the keyring; delete the file afterwards."
            )
        )
        layout = QVBoxLayout(page)
        layout.addWidget(intro)
        layout.addWidget(self.standalone)
        layout.addLayout(_indented(standalone_grid))
        layout.addWidget(self.server)
        layout.addLayout(_indented(server_grid))
        layout.addLayout(_indented(server_note))
        layout.addLayout(_indented(key_note))
        layout.addWidget(self.demo)
        layout.addLayout(
            _indented(self._note(self.tr("Sign in as osswald (administrator) with the password abh-demo.")))
        )
        layout.addStretch(1)
        self.mode.buttonToggled.connect(lambda _b, _on: self._mode_changed())
        self._mode_changed()
        return page

    def _office_page(self) -> QWidget:
        page = QWidget()
        self.office_note = self._note("")
        self.authority_name = QLineEdit()
        self.authority_name.setPlaceholderText(self.tr("e.g. Stadt Singen (Hohentwiel)"))
        self.street = QLineEdit()
        self.postcode_city = QLineEdit()
        self.postcode_city.setPlaceholderText(self.tr("e.g. 78224 Singen (Hohentwiel)"))
        self.land = QComboBox()
        for code, name in sorted(LAENDER.items(), key=lambda item: item[1]):
            self.land.addItem(name, code)
        self.phone = QLineEdit()
        self.email = QLineEdit()
        self.opening_hours = QLineEdit()
        self.opening_hours.setPlaceholderText(self.tr("e.g. Mo, Di, Fr 8.00–12.00 Uhr; Do 14.00–18.00 Uhr"))
        self.court_name = QLineEdit()
        self.court_name.setPlaceholderText(self.tr("e.g. Verwaltungsgericht Freiburg"))
        self.court_address = QLineEdit()
        self.court_address.setPlaceholderText(self.tr("e.g. Habsburgerstraße 103, 79104 Freiburg im Breisgau"))
        self.office_box = QGroupBox(self.tr("The office (printed on every letter, the same on every workstation)"))
        office_grid = QGridLayout(self.office_box)
        for key, label, widget in (
            ("authority_name", self.tr("&Authority:"), self.authority_name),
            ("street", self.tr("S&treet:"), self.street),
            ("postcode_city", self.tr("&Postcode and town:"), self.postcode_city),
            ("land", self.tr("&Land:"), self.land),
            ("phone", self.tr("P&hone:"), self.phone),
            ("email", self.tr("&E-mail:"), self.email),
            ("opening_hours", self.tr("&Opening hours:"), self.opening_hours),
            ("court_name", self.tr("&Court for lawsuits:"), self.court_name),
            ("court_address", self.tr("Court's add&ress:"), self.court_address),
        ):
            self._field(office_grid, key, label, widget)
        self.admin_username = QLineEdit()
        self.admin_display_name = QLineEdit()
        self.admin_display_name.setPlaceholderText(self.tr("e.g. Mr Oßwald"))
        self.admin_password = QLineEdit()
        self.admin_password.setEchoMode(QLineEdit.EchoMode.Password)
        self.admin_repeated = QLineEdit()
        self.admin_repeated.setEchoMode(QLineEdit.EchoMode.Password)
        self.admin_box = QGroupBox(self.tr("First administrator (signs in and creates the other users)"))
        admin_grid = QGridLayout(self.admin_box)
        for key, label, widget in (
            ("username", self.tr("&User name:"), self.admin_username),
            ("display_name", self.tr("&Name shown:"), self.admin_display_name),
            ("password", self.tr("Pass&word:"), self.admin_password),
            ("repeated", self.tr("Re&peat password:"), self.admin_repeated),
        ):
            self._field(admin_grid, key, label, widget)
        layout = QVBoxLayout(page)
        layout.addWidget(self.office_note)
        layout.addWidget(self.office_box)
        layout.addWidget(self.admin_box)
        layout.addStretch(1)
        return page

    # --- moving between the pages --------------------------------------------------------------

    def _mode(self) -> str:
        if self.server.isChecked():
            return SERVER
        return DEMO if self.demo.isChecked() else STANDALONE

    def _mode_changed(self) -> None:
        mode = self._mode()
        self.sqlite_path.setEnabled(mode == STANDALONE)
        self.server_url.setEnabled(mode == SERVER)
        self.password.setEnabled(mode == SERVER)
        self.key_file.setEnabled(mode == SERVER)
        self.choose_key.setEnabled(mode == SERVER)
        if hasattr(self, "next"):
            self.next.setText(self.tr("Start demo") if mode == DEMO else self.tr("Next"))

    def _show_page(self, index: int) -> None:
        for page in range(self.pages.count()):  # the dialog takes the size of the page shown
            policy = QSizePolicy.Policy.Preferred if page == index else QSizePolicy.Policy.Ignored
            shown = self.pages.widget(page)
            if shown is not None:
                shown.setSizePolicy(policy, policy)
        self.pages.setCurrentIndex(index)
        self.back.setVisible(index == 1)
        if index == 1:
            self.next.setText(self.tr("Set up"))
        else:
            self._mode_changed()
        fit_on_screen(self)
        fit_later(self)

    def _busy(self, busy: bool, status: str = "") -> None:
        self.status.setText(status)
        self.status.setVisible(busy)
        for button in (self.back, self.next):
            button.setEnabled(not busy)
        self.pages.setEnabled(not busy)

    def _clear_errors(self) -> None:
        for label in self.errors.values():
            label.hide()
        self.message.clear()

    def _failed(self, exc: Exception) -> None:
        self._busy(False)
        errors = exc.errors if isinstance(exc, FieldErrors) else [exc] if isinstance(exc, ValidationError) else []
        for error in errors:
            label = self.errors.get(error.field or "")
            if label is not None:
                label.setText(error_text(error))
                label.show()
            else:
                self.message.setText(error_text(error))
        if errors:
            self.message.setText(self.message.text() or self.tr("Please correct the marked fields. Nothing was saved."))
        else:
            self.message.setText(error_text(exc))
        fit_later(self)

    def go_back(self) -> None:
        self._release()
        self._clear_errors()
        self._show_page(0)

    def go_on(self) -> None:
        self._clear_errors()
        if self.pages.currentIndex() == 1:
            self.set_up()
        elif self._mode() == DEMO:
            self.start_demo()
        else:
            self.connect_database()

    # --- the work ------------------------------------------------------------------------------

    def connect_database(self) -> None:
        mode = self._mode()
        key_file = self.key_file.text() if mode == SERVER else ""
        self.choice = DatabaseChoice(
            mode, self.sqlite_path.text(), self.server_url.text(), self.password.text(), key_file
        )
        choice = self.choice
        self._busy(True, self.tr("Connecting and preparing the database …"))

        def connected(result: tuple[ServiceContext, SetupState]) -> None:
            self._busy(False)
            self.ctx, self.state = result
            self._show_office(self.state)
            self._show_page(1)

        self.runner.run(lambda: connect(choice, self.clock), connected, self._failed, owner=self)

    def choose_key_file(self) -> None:
        path = dialogs.ask_open_path(
            self, self.tr("The office's audit key"), self.tr("Audit key (*.json);;All files (*)")
        )
        if path is not None:
            self.key_file.setText(str(path))

    def _show_office(self, state: SetupState) -> None:
        office = state.office
        default_name = OfficeSettings().authority_name
        for widget, value in (
            (self.authority_name, "" if office.authority_name == default_name else office.authority_name),
            (self.street, office.street),
            (self.postcode_city, office.postcode_city),
            (self.phone, office.phone),
            (self.email, office.email),
            (self.opening_hours, office.opening_hours),
            (self.court_name, office.court_name),
            (self.court_address, office.court_address),
        ):
            widget.setText(value)
        self.land.setCurrentIndex(max(0, self.land.findData(office.land)))
        self.office_box.setEnabled(not state.office_stored)
        self.admin_box.setVisible(not state.has_admin)
        if state.office_stored:
            note = self.tr(
                "The office settings are already stored in this database; they apply to every workstation "
                "and stay as they are. An administrator changes them with abh-desk einstellungen."
            )
        else:
            note = self.tr("A new database: please enter your office's details. They apply to every workstation.")
        if state.key_taken_over:
            note += "\n" + self.tr("The office's audit key %1 was taken over; the file can be deleted now.").replace(
                "%1", state.key_taken_over
            )
        self.office_note.setText(note)

    def office_values(self) -> OfficeSettings:
        assert self.state is not None
        return replace(
            self.state.office,
            authority_name=self.authority_name.text().strip(),
            street=self.street.text().strip(),
            postcode_city=self.postcode_city.text().strip(),
            land=str(self.land.currentData()),
            phone=self.phone.text().strip(),
            email=self.email.text().strip(),
            opening_hours=self.opening_hours.text().strip(),
            court_name=self.court_name.text().strip(),
            court_address=self.court_address.text().strip(),
        )

    def set_up(self) -> None:
        assert self.ctx is not None and self.state is not None
        ctx, choice, state, office = self.ctx, self.choice, self.state, self.office_values()
        admin = None
        if not state.has_admin:
            admin = Administrator(
                self.admin_username.text(),
                self.admin_display_name.text(),
                self.admin_password.text(),
                self.admin_repeated.text(),
            )
        self._busy(True, self.tr("Saving …"))

        def done(settings: WorkstationSettings) -> None:
            self.settings = settings
            self._release()
            self.accept()

        self.runner.run(lambda: finish(ctx, choice, state, office, admin), done, self._failed, owner=self)

    def start_demo(self) -> None:
        persons = self.demo_persons
        self._busy(True)

        def work(progress: Progress) -> WorkstationSettings:
            return set_up_demo(persons, progress.report, progress.cancelled, self.clock)

        def done(settings: WorkstationSettings) -> None:
            self.settings = settings
            self.accept()

        self.progress = run_with_progress(
            self.runner, self, self.tr("Creating the demo office …"), work, done, self._failed
        )

    def _release(self) -> None:
        if self.ctx is not None:
            db = self.ctx.db
            self.runner.run(db.dispose, lambda _r: None)
            self.ctx = None
            self.state = None

    def reject(self) -> None:
        self._release()
        super().reject()


def _indented(inner: QGridLayout | QWidget) -> QHBoxLayout:
    row = QHBoxLayout()
    row.addSpacing(24)
    if isinstance(inner, QWidget):
        row.addWidget(inner, 1)
    else:
        row.addLayout(inner, 1)
    return row


def set_up_workstation(runner: TaskRunner) -> WorkstationSettings | None:
    """Show the dialog; the settings written, or None when the user cancelled."""
    dialog = FirstStartDialog(runner)
    accepted = dialog.exec() == QDialog.DialogCode.Accepted
    settings = dialog.settings if accepted else None
    dialog.deleteLater()
    return settings
