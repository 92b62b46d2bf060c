"""The main window: counter search, "Meine Fälle", the team view; administration in the menu."""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import shiboken6
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QFileDialog,
    QLabel,
    QMainWindow,
    QMessageBox,
    QStackedWidget,
    QTabWidget,
    QWidget,
)

from abh_desk.config import load_settings, save_settings
from abh_desk.domain.enums import ROLE_LABELS, Role
from abh_desk.errors import DomainError
from abh_desk.services import read_log
from abh_desk.services.auth import SignedIn, sign_out
from abh_desk.services.caselists import Scope
from abh_desk.services.context import SYSTEM, ServiceContext
from abh_desk.services.live_changes import ChangeBatch
from abh_desk.services.notice_dispatch import finalize_due_notices
from abh_desk.services.notices import NOTICE_ENTITY
from abh_desk.services.office import get_office_settings
from abh_desk.services.persons import PersonFile
from abh_desk.services.rebalance_suggestion import RebalanceSuggestion
from ui import dialogs
from ui.appointments_page import AppointmentsPage
from ui.cards_page import CardsPage
from ui.case_dialog import CaseDialog
from ui.case_list_page import CaseListPage
from ui.deadlines_page import DeadlinesPage
from ui.e_file_dialog import EFileDialog
from ui.idle_lock import IdleWatch, LockScreen
from ui.live_updates import LiveUpdates
from ui.messages import error_text, spoken
from ui.new_case_dialog import NewCaseDialog
from ui.notice_dialog import NoticeDialog
from ui.office_settings_dialog import OfficeSettingsDialog
from ui.overview_page import OverviewPage
from ui.person_dialog import PersonDialog
from ui.representatives_dialog import RepresentativesDialog
from ui.review_page import ReviewPage
from ui.rules_dialog import RulesDialog
from ui.search_page import SearchPage
from ui.start_page import StartPage
from ui.statistics_page import StatisticsPage
from ui.tasks import TaskRunner
from ui.textblocks_dialog import TextBlocksDialog
from ui.transfer_dialogs import HandoverDialog, IntakeDialog
from ui.widgets import fit_on_screen

MAIN_WINDOW = "hauptfenster"
"""The main window's name in ``ChangeBatch.origin``: its pages' own changes."""
FRESH_SECONDS = 60.0
"""A list page shown again reloads if a change concerns it, or if it was loaded longer ago than this
(what is due "today" moves with the clock even when nothing changed)."""

LIVE_ENTITIES = ("case", "checklist_item", "grant", NOTICE_ENTITY, "deadline", "card_order", "person")
"""Records whose change shows on the start page and in the case lists."""


class MainWindow(QMainWindow):
    def __init__(
        self,
        ctx: ServiceContext,
        runner: TaskRunner | None = None,
        signed_in: SignedIn | None = None,
    ) -> None:
        super().__init__()
        self.ctx = ctx = ctx.in_window(MAIN_WINDOW)
        self.runner = runner or TaskRunner(self)
        self.setWindowTitle(self.tr("ABH Desk"))
        fit_on_screen(self, 1200, 760)  # on a 1366×768 screen: as high as it holds, status bar shown

        who = signed_in.display_name if signed_in else ctx.actor.username
        self.start = StartPage(ctx, self.runner, self.tr("Good day, %1").replace("%1", who))
        self.search = SearchPage(ctx, self.runner)
        self.my_cases = CaseListPage(ctx, self.runner, Scope.MINE)
        self.team = CaseListPage(ctx, self.runner, Scope.TEAM)
        self.deadlines = DeadlinesPage(ctx, self.runner)
        self.reviews = ReviewPage(ctx, self.runner)
        self.cards = CardsPage(ctx, self.runner)
        self.appointments = AppointmentsPage(ctx, self.runner)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.start, self.tr("&Start"))
        self.tabs.addTab(self.search, self.tr("&Person search"))
        self.tabs.addTab(self.deadlines, self.tr("&Deadlines"))
        self.tabs.addTab(self.my_cases, self.tr("&My cases"))
        self.tabs.addTab(self.team, self.tr("&Team"))
        self.tabs.addTab(self.cards, self.tr("&Cards"))
        self.tabs.addTab(self.appointments, self.tr("App&ointments"))
        self.tabs.addTab(self.reviews, self.tr("&Notices"))
        # Team leads (their area) and the administration (the office): the overview and the statistics.
        self.overview: OverviewPage | None = None
        self.statistics: StatisticsPage | None = None
        if ctx.actor.role in (Role.TEAM_LEAD, Role.ADMIN):
            self.overview = OverviewPage(ctx, self.runner)
            self.statistics = StatisticsPage(ctx, self.runner)
            self.tabs.addTab(self.overview, self.tr("O&verview"))
            self.tabs.addTab(self.statistics, self.tr("Stat&istics"))
            for extra in (self.overview, self.statistics):
                extra.sig_message.connect(self.statusBar().showMessage)
            self.overview.sig_open_case.connect(self.open_case)
            self.overview.sig_rebalance.connect(self.open_rules_with)
        self.lock_screen = LockScreen(ctx, self.runner, who)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.tabs)
        self.stack.addWidget(self.lock_screen)
        self.setCentralWidget(self.stack)
        self.idle = IdleWatch(0, self)
        self.idle.idle.connect(self.lock)
        self.lock_screen.unlocked.connect(self.unlock)
        self.lock_screen.sign_out.connect(self.close)
        self.hidden_windows: list[QWidget] = []
        self.signed_out = False  # "Abmelden / Benutzer wechseln": the sign-in dialog comes next
        self._focused_once = False
        for page in (self.start, self.search, self.deadlines, self.my_cases, self.team, self.reviews, self.cards):
            page.sig_message.connect(self.statusBar().showMessage)
        self.appointments.sig_message.connect(self.statusBar().showMessage)
        for lister in (self.deadlines, self.my_cases, self.team, self.appointments):
            lister.sig_open_person.connect(self.open_person)
        for page in (self.start, self.search, self.deadlines, self.my_cases, self.team, self.reviews, self.cards):
            page.sig_open_case.connect(self.open_case)
        self.reviews.sig_open_notice.connect(self.open_notice)
        self.start.sig_show_reviews.connect(lambda: self.tabs.setCurrentWidget(self.reviews))
        self.start.sig_show_deadlines.connect(lambda: self.tabs.setCurrentWidget(self.deadlines))
        self.start.sig_show_deadline_group.connect(self.show_deadline_group)
        self.start.sig_show_cases.connect(lambda: self.tabs.setCurrentWidget(self.my_cases))
        self.start.sig_show_cards.connect(self.show_cards)
        self.tabs.currentChanged.connect(self._tab_changed)

        role = signed_in.role_label if signed_in else ROLE_LABELS[ctx.actor.role]
        self.user_label = QLabel(self.tr("Signed in: %1 (%2)").replace("%1", who).replace("%2", spoken(role)))
        self.statusBar().addPermanentWidget(self.user_label)
        self.statusBar().showMessage(self.tr("Database: %1").replace("%1", ctx.db.display_url))
        self.case_dialogs: list[CaseDialog] = []
        self._build_actions()
        self.notice_dialogs: list[NoticeDialog] = []
        self.person_dialogs: list[PersonDialog] = []
        # Other workstations' changes: the app starts listening once the window is shown.
        self.live = LiveUpdates(ctx, self)
        self.live.hub.sig_changed.connect(self.follow_change)
        # The pages that show records, and when a change concerns them: in view they reload then
        # (another workstation's changes at most every LiveUpdates.THROTTLE_MS); out of view they are
        # marked and reload when shown.
        self.stale_pages: set[QWidget] = set()
        self.loaded_at: dict[QWidget, float] = {}
        me = ctx.actor.user_id or 0
        self.live_pages: dict[QWidget, tuple[Callable[[], None], Callable[[ChangeBatch], bool]]] = {
            self.start: (self.start.reload, lambda b: b.touches_owner(me) or b.touches_action("bescheid_")),
            self.my_cases: (self.my_cases.reload, lambda b: b.touches_owner(me)),
            self.team: (self.team.reload, lambda b: b.touches_any(LIVE_ENTITIES)),
            self.deadlines: (self.deadlines.reload, lambda b: b.touches_owner(me) or b.touches_any({"deadline"})),
            self.reviews: (self.reviews.refresh, lambda b: b.touches_action("bescheid_")),
            self.cards: (self.cards.reload, lambda b: b.touches_any({"card_order"})),
            self.appointments: (self.appointments.reload, lambda b: b.touches_action("termin_")),
        }
        self.runner.run(
            lambda: get_office_settings(ctx).idle_lock_minutes, self.idle.set_minutes, lambda _e: None, owner=self
        )
        # Notices whose remedy period ended unused become final (bestandskräftig) — checked at every start.
        # It is the office's bookkeeping, logged as the system's, not as whoever happened to start.
        system = ctx.as_user(SYSTEM)
        self.runner.run(
            lambda: finalize_due_notices(system),
            lambda _n: self.start.reload(),
            lambda exc: self.statusBar().showMessage(
                self.tr("Finality of notices not checked: %1").replace("%1", error_text(exc))
            ),
        )

    def showEvent(self, event: QShowEvent) -> None:
        """After sign-in the keyboard starts somewhere: on the start page's list of what is due."""
        super().showEvent(event)
        if not self._focused_once:
            self._focused_once = True
            self.start.urgent_view.setFocus(Qt.FocusReason.OtherFocusReason)

    # Kept for tests and callers that drive the search directly.
    @property
    def search_field(self):  # type: ignore[no-untyped-def]
        return self.search.search_field

    def _build_actions(self) -> None:
        find = QAction(self.tr("&Search"), self)
        find.setShortcut(QKeySequence.StandardKey.Find)
        find.triggered.connect(self.focus_search)
        quit_action = QAction(self.tr("&Quit"), self)
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        # From a case or notice window too: the counter PC must be left signed out, not half.
        quit_action.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)
        quit_action.triggered.connect(self.close)
        pages = (
            ("F5", self.start),
            ("F6", self.deadlines),
            ("F7", self.my_cases),
            ("F8", self.team),
            ("F4", self.reviews),
            ("F3", self.appointments),
        )
        for key, page in pages:
            jump = QAction(self, shortcut=QKeySequence(key))
            jump.triggered.connect(lambda _checked=False, p=page: self.tabs.setCurrentWidget(p))
            self.addAction(jump)
        cards = QAction(self, shortcut=QKeySequence("F9"))
        cards.triggered.connect(self.show_cards)
        self.addAction(cards)
        menu = self.menuBar().addMenu(self.tr("&File"))
        menu.addAction(find)
        language = QAction(self.tr("&Language…"), self)
        language.triggered.connect(self.choose_language)
        menu.addAction(language)
        scanner = QAction(self.tr("&Scanner folder…"), self)
        scanner.triggered.connect(self.choose_scanner_folder)
        menu.addAction(scanner)
        menu.addSeparator()
        self.sign_out_action = QAction(self.tr("Sign &out / switch user"), self)
        self.sign_out_action.triggered.connect(self.sign_out)
        menu.addAction(self.sign_out_action)
        menu.addAction(quit_action)
        self.new_person_action = QAction(self.tr("New &person…"), self, shortcut=QKeySequence("Ctrl+Shift+N"))
        self.new_person_action.triggered.connect(self.new_person)
        self.edit_person_action = QAction(self.tr("&Edit master data…"), self, shortcut=QKeySequence("F2"))
        self.edit_person_action.triggered.connect(self.edit_person)
        self.new_case_action = QAction(self.tr("New &case for this person…"), self, shortcut=QKeySequence("Ctrl+N"))
        self.new_case_action.triggered.connect(self.new_case)
        self.book_action = QAction(self.tr("&Book an appointment…"), self, shortcut=QKeySequence("Ctrl+T"))
        self.book_action.triggered.connect(self.book_appointment)
        self.hand_over_action = QAction(self.tr("&Hand over the file…"), self)
        self.hand_over_action.triggered.connect(self.hand_over_file)
        self.representatives_action = QAction(
            self.tr("&Legal representatives…"), self, shortcut=QKeySequence("Ctrl+Shift+V")
        )
        self.representatives_action.triggered.connect(self.edit_representatives)
        self.whole_file_action = QAction(self.tr("The &whole file…"), self, shortcut=QKeySequence("Ctrl+E"))
        self.whole_file_action.triggered.connect(self.open_whole_file)
        self.take_in_action = QAction(self.tr("&Take in a file (xdomea)…"), self)
        self.take_in_action.triggered.connect(self.take_in_file)
        self.search.sig_person_changed.connect(self._person_changed)
        self._person_changed(None)
        person_menu = self.menuBar().addMenu(self.tr("&Person"))
        for action in (self.new_person_action, self.edit_person_action, self.representatives_action):
            person_menu.addAction(action)
        for action in (self.new_case_action, self.book_action):
            person_menu.addAction(action)
        person_menu.addAction(self.whole_file_action)
        person_menu.addSeparator()
        person_menu.addAction(self.hand_over_action)
        person_menu.addAction(self.take_in_action)
        self.rules_action = QAction(self.tr("&Responsibility by letter…"), self)
        self.rules_action.triggered.connect(self.open_rules)
        self.rules_action.setEnabled(self.ctx.actor.role in (Role.TEAM_LEAD, Role.ADMIN))
        self.textblocks_action = QAction(self.tr("&Text blocks of the letters…"), self)
        self.textblocks_action.triggered.connect(self.open_textblocks)
        self.textblocks_action.setEnabled(self.ctx.actor.role == Role.ADMIN)
        admin = self.menuBar().addMenu(self.tr("&Administration"))
        admin.addAction(self.rules_action)
        admin.addAction(self.textblocks_action)
        self.office_action = QAction(self.tr("&Settings of the office…"), self)
        self.office_action.triggered.connect(self.open_office_settings)
        self.office_action.setEnabled(self.ctx.actor.role == Role.ADMIN)
        admin.addAction(self.office_action)

        # Reads of personal data go into the audit trail every few seconds (services.read_log).
        self.read_flush = QTimer(self)
        self.read_flush.setInterval(read_log.FLUSH_SECONDS * 1000)
        self.read_flush.timeout.connect(self.flush_reads)
        self.read_flush.start()

    def flush_reads(self) -> None:
        """Write what was shown of personal data into the audit trail, on the database thread."""
        self.runner.run(
            lambda: read_log.flush(self.ctx),
            lambda _n: None,
            lambda exc: self.statusBar().showMessage(
                self.tr("Reads not yet logged: %1").replace("%1", error_text(exc))
            ),
        )

    def follow_change(self, batch: ChangeBatch) -> None:
        """A change was committed — in a window of this program or at another workstation
        (``ChangeHub``): the page in view reloads if it shows any of it, unless one of its own
        actions made it (it has shown its result); pages out of view are marked and reload when
        shown. The case, notice and person windows follow on their own (``follow_changes``)."""
        page = self.tabs.currentWidget()
        made_here = batch.here and batch.origin == self.ctx.origin
        for candidate, (reload, concerns) in self.live_pages.items():
            if not concerns(batch):
                continue
            if candidate is not page:
                self.stale_pages.add(candidate)
            elif not made_here:
                reload()
                self.loaded_at[candidate] = time.monotonic()
        shown = self.search.current_file
        if shown is not None and batch.touches_person(shown.person.id) and not (made_here and page is self.search):
            self.search.reload_person()  # one person's file: kept current in view or not

    def _track_person_dialog(self, dialog: PersonDialog) -> None:
        self.person_dialogs.append(dialog)
        dialogs_open = self.person_dialogs
        dialog.finished.connect(lambda _r: dialogs_open.remove(dialog) if dialog in dialogs_open else None)

    def closeEvent(self, event: QCloseEvent) -> None:
        """The last reads are logged before the window goes (after the queued work has run)."""
        self.live.stop()
        self.read_flush.stop()
        self.runner.wait()
        try:
            read_log.flush(self.ctx)
        except Exception:  # the window closes all the same; the log says what was lost
            logging.getLogger(__name__).exception("Lesezugriffe beim Schließen nicht protokolliert")
        super().closeEvent(event)

    @property
    def locked(self) -> bool:
        return self.stack.currentWidget() is self.lock_screen

    def lock(self) -> None:
        """Hide every personal datum: the tabs, the open case, person and notice windows, the menus."""
        if self.locked:
            return
        if QApplication.activeModalWidget() is not None:
            # A question is open (a comment, a reason, a date): hiding it would cancel what is being
            # typed. The lock comes once it is answered (the idle time runs again).
            self.idle.pause(False)
            return
        self.idle.pause(True)
        self.live.hold(True)  # nothing is reloaded behind the lock; the unlock catches up
        self.flush_reads()
        self.hidden_windows = [
            widget
            for widget in QApplication.topLevelWidgets()
            if widget is not self and widget.isVisible() and self._opened_here(widget)
        ]
        for widget in self.hidden_windows:
            widget.hide()
        self.stack.setCurrentWidget(self.lock_screen)
        self.menuBar().setEnabled(False)
        self.statusBar().clearMessage()
        self.saved_title = self.windowTitle()
        self.setWindowTitle(self.tr("ABH Desk – locked"))
        self.lock_screen.reset()

    def _opened_here(self, widget: QWidget) -> bool:
        parent = widget.parentWidget()
        while parent is not None:
            if parent is self:
                return True
            parent = parent.parentWidget()
        return False

    def unlock(self) -> None:
        try:
            self.stack.setCurrentWidget(self.tabs)
            self.menuBar().setEnabled(True)
            self.setWindowTitle(getattr(self, "saved_title", self.tr("ABH Desk")))
            for widget in self.hidden_windows:
                if shiboken6.isValid(widget):  # a window closed meanwhile is gone, not shown again
                    widget.show()
        finally:
            self.hidden_windows = []
            self.idle.pause(False)
        self.live.hold(False)  # what others changed while the screen was locked, shown now

    def choose_language(self) -> None:
        """The window's language (Deutsch or English) for this workstation, from the next start."""
        settings = load_settings()
        names = {"de": "Deutsch", "en": "English"}
        choice = dialogs.ask_choice(
            self,
            self.tr("Language"),
            self.tr("Language of the window (from the next start):"),
            list(names.values()),
            0 if settings.language == "de" else 1,
        )
        if choice is None:
            return
        code = next(c for c, n in names.items() if n == choice)
        save_settings(replace(settings, language=code))
        self.statusBar().showMessage(self.tr("Language saved: %1 (from the next start).").replace("%1", choice))

    def sign_out(self) -> None:
        """Abmelden: every window of this user closes (each asks about unsaved text first), the
        sign-out is logged, and the sign-in dialog follows for the next user (ui.app)."""
        for dialog in self.findChildren(QDialog):
            if dialog.isVisible():
                dialog.close()
                if shiboken6.isValid(dialog) and dialog.isVisible():  # kept open for its unsaved text
                    return
        ctx = self.ctx

        def done(_result: object = None) -> None:
            self.signed_out = True
            self.close()

        self.runner.run(lambda: sign_out(ctx), done, lambda _exc: done(), owner=self)

    def focus_search(self) -> None:
        self.tabs.setCurrentWidget(self.search)
        self.search.focus_search()

    def show_deadline_group(self, group: int) -> None:
        self.deadlines.show_group(group)
        self.tabs.blockSignals(True)  # show_group loads it; the tab change need not load it again
        self.tabs.setCurrentWidget(self.deadlines)
        self.tabs.blockSignals(False)

    def show_cards(self) -> None:
        """Karten (F9): the cards not yet handed over, the search field ready for the counter."""
        self.tabs.setCurrentWidget(self.cards)
        self.cards.focus_search()

    def open_person(self, person_id: int) -> None:
        self.tabs.setCurrentWidget(self.search)
        self.search.open_person(person_id)

    def open_case(self, case_id: int) -> CaseDialog:
        """The case's window; where it is open already, that one comes to the front (two windows on
        one case would show two states after a change in one of them)."""
        for shown in self.case_dialogs:
            if shown.case_id == case_id and shiboken6.isValid(shown) and shown.isVisible():
                shown.raise_()
                shown.activateWindow()
                return shown
        dialog = CaseDialog(self.ctx, case_id, parent=self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()
        self.case_dialogs.append(dialog)
        dialog.destroyed.connect(lambda: self.case_dialogs.remove(dialog) if dialog in self.case_dialogs else None)
        return dialog

    def open_notice(self, case_id: int, letter_id: int) -> NoticeDialog:
        dialog = NoticeDialog(self.ctx, case_id, letter_id, self.runner, parent=self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()
        self.notice_dialogs.append(dialog)
        dialog.destroyed.connect(lambda: self.notice_dialogs.remove(dialog) if dialog in self.notice_dialogs else None)
        return dialog

    def new_person(self) -> PersonDialog:
        dialog = PersonDialog(self.ctx, parent=self)
        dialog.accepted.connect(lambda: self._person_saved(dialog))
        dialog.sig_open_person.connect(self.open_person)
        dialog.open()
        return dialog

    def edit_person(self) -> PersonDialog | None:
        file = self.search.current_file
        if file is None:
            self.statusBar().showMessage(self.tr("Please open a person first (Ctrl+F)."))
            return None
        dialog = PersonDialog(self.ctx, file.person, parent=self)
        dialog.accepted.connect(lambda: self._person_saved(dialog))
        self._track_person_dialog(dialog)
        dialog.open()
        return dialog

    def edit_representatives(self) -> RepresentativesDialog | None:
        """Die gesetzlichen Vertreter of the person the search shows; her file is read again after a change."""
        file = self.search.current_file
        if file is None:
            self.statusBar().showMessage(self.tr("Please open a person first (Ctrl+F)."))
            return None
        person = file.person
        name = f"{person.given_names} {person.family_name}".strip()
        dialog = RepresentativesDialog(self.ctx, person.id, name, self.runner, parent=self)
        dialog.finished.connect(lambda _r: self.search.reload_person() if dialog.changed else None)
        dialog.open()
        return dialog

    def open_whole_file(self) -> EFileDialog | None:
        """Die ganze Akte of the person the search shows: documents, letters, handover records."""
        file = self.search.current_file
        if file is None:
            self.statusBar().showMessage(self.tr("Please open a person first (Ctrl+F)."))
            return None
        dialog = EFileDialog(self.ctx, file.person.id, parent=self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()
        return dialog

    def choose_scanner_folder(self) -> None:
        """The folder this workstation's scanner saves into (a workstation setting)."""
        settings = load_settings()
        folder = dialogs.ask_folder(self, self.tr("Scanner folder"), settings.scanner_folder)
        if folder is None:
            return
        save_settings(replace(settings, scanner_folder=str(folder)))
        self.statusBar().showMessage(self.tr("Scanner folder: %1").replace("%1", str(folder)))

    def hand_over_file(self) -> HandoverDialog | None:
        """Akte abgeben … (xdomea 0401) for the person the search shows."""
        file = self.search.current_file
        if file is None:
            self.statusBar().showMessage(self.tr("Please open a person first (Ctrl+F)."))
            return None
        try:
            dialog = HandoverDialog(self.ctx, file.person.id, parent=self)
        except DomainError as exc:
            self.statusBar().showMessage(error_text(exc))
            return None
        dialog.sig_handed_over.connect(lambda result: self._handed_over(result))
        dialog.open()
        return dialog

    def _handed_over(self, result: object) -> None:
        self.statusBar().showMessage(self.tr("File handed over: %1").replace("%1", str(getattr(result, "path", ""))))

    def take_in_file(self, path: Path | None = None) -> IntakeDialog | None:
        """Akte übernehmen …: a package from another authority, previewed before it is saved."""
        if path is None:
            name, _filter = QFileDialog.getOpenFileName(
                self, self.tr("Take in an xdomea package"), str(Path.home()), "xdomea (*.zip)"
            )
            if not name:
                return None
            path = Path(name)
        try:
            dialog = IntakeDialog(self.ctx, path.read_bytes(), path, parent=self)
        except (DomainError, OSError) as exc:
            QMessageBox.warning(self, self.tr("Take in a file"), error_text(exc))
            return None
        dialog.sig_taken_in.connect(lambda result: self._taken_in(result))
        dialog.open()
        return dialog

    def _taken_in(self, result: object) -> None:
        ids = getattr(result, "person_ids", ())
        self.statusBar().showMessage(self.tr("File taken in; the receipt is saved beside the package."))
        if ids:
            self.search.open_person(ids[0])

    def _person_changed(self, file: PersonFile | None) -> None:
        """The actions on "this person" follow the person the search shows — or are off."""
        for action in (
            self.edit_person_action,
            self.representatives_action,
            self.new_case_action,
            self.hand_over_action,
            self.whole_file_action,
            self.book_action,
        ):
            action.setEnabled(file is not None)
        if file is None:
            self.new_case_action.setText(self.tr("New &case for this person…"))
            self.edit_person_action.setText(self.tr("&Edit master data…"))
            return
        name = f"{file.person.family_name}, {file.person.given_names}".rstrip(", ").replace("&", "&&")
        self.new_case_action.setText(self.tr("New &case for %1…").replace("%1", name))
        self.edit_person_action.setText(self.tr("&Edit master data of %1…").replace("%1", name))

    def _person_saved(self, dialog: PersonDialog) -> None:
        if dialog.saved is not None:
            self.tabs.setCurrentWidget(self.search)
            self.search.show_saved_person(dialog.saved.id, dialog.saved.family_name, dialog.saved.given_names)
            self.statusBar().showMessage(
                self.tr("Saved: %1").replace("%1", f"{dialog.saved.family_name}, {dialog.saved.given_names}")
            )

    def new_case(self) -> NewCaseDialog | None:
        file = self.search.current_file
        if file is None:
            self.statusBar().showMessage(self.tr("Please open a person first (Ctrl+F)."))
            return None
        person = file.person
        dialog = NewCaseDialog(self.ctx, person.id, f"{person.family_name}, {person.given_names}", parent=self)
        dialog.sig_open_case.connect(self.open_case)
        dialog.accepted.connect(lambda: self.open_case(dialog.created.id) if dialog.created else None)
        dialog.open()
        return dialog

    def book_appointment(self) -> QDialog | None:
        """Termin vergeben (Strg+T) for the person the search shows: the next free slots, Enter books."""
        file = self.search.current_file
        if file is None:
            self.statusBar().showMessage(self.tr("Please open a person first (Ctrl+F)."))
            return None
        return self.appointments.book_for(file.person.id, f"{file.person.family_name}, {file.person.given_names}")

    def _tab_changed(self, index: int) -> None:
        """A page shown reloads if a change concerns it (``follow_change``), on its first look, or
        when its figures may have aged (``FRESH_SECONDS``); otherwise it shows what it has."""
        page = self.tabs.widget(index)
        self.live.hub.flush()  # a change committed a moment ago marks its pages first
        stale = page in self.stale_pages
        self.stale_pages.discard(page)
        if isinstance(page, OverviewPage | StatisticsPage):
            if not page.loaded_once:  # heavy: loaded on the first look, then on request
                page.reload()
        elif isinstance(page, CaseListPage | DeadlinesPage | StartPage | ReviewPage | CardsPage | AppointmentsPage):
            loaded = self.loaded_at.get(page)
            if stale or loaded is None or time.monotonic() - loaded > FRESH_SECONDS:
                page.reload()
                self.loaded_at[page] = time.monotonic()

    def open_office_settings(self) -> OfficeSettingsDialog:
        dialog = OfficeSettingsDialog(self.ctx, self.runner, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self.statusBar().showMessage(self.tr("Settings of the office saved.")))
        dialog.open()
        return dialog

    def open_textblocks(self) -> TextBlocksDialog:
        dialog = TextBlocksDialog(self.ctx, self.runner, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()
        return dialog

    def open_rules(self) -> RulesDialog:
        dialog = RulesDialog(self.ctx, self.runner, self)
        dialog.setModal(True)
        dialog.show()
        return dialog

    def open_rules_with(self, suggestion: RebalanceSuggestion) -> RulesDialog:
        """The rule editor with the overview's evened split of an area, previewed; applied there."""
        dialog = RulesDialog(self.ctx, self.runner, self, proposal=suggestion.rule_rows)
        dialog.setModal(True)
        dialog.accepted.connect(lambda: self.overview.reload() if self.overview else None)
        dialog.show()
        return dialog
