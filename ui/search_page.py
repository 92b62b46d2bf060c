"""Counter search (Ctrl+F): type a name, birth date, Aktenzeichen or passport number; the chosen
person's titles and cases appear below."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QEvent, QModelIndex, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QLabel, QLineEdit, QSplitter, QVBoxLayout, QWidget

from abh_desk.domain.search import no_hit_hint
from abh_desk.services.context import ServiceContext
from abh_desk.services.persons import (
    MAX_RESULT_IDS,
    CaseRow,
    PersonFile,
    PersonSummary,
    TitleRow,
    get_person_file,
    person_rows,
    search_person_ids,
)
from ui.messages import error_text, spoken
from ui.paged_model import PagedTableModel
from ui.rows_model import Column, RowsModel
from ui.tasks import TaskRunner
from ui.widgets import german_date, message_label, table_view

SEARCH_DELAY_MS = 150
FIRST_PAGE = 100
EXPIRY_WARNING = timedelta(weeks=8)


def expiry_color(title: TitleRow, today: date) -> str | None:
    """Red when expired, amber within eight weeks of expiry; a replaced title is history."""
    if title.valid_until is None or not title.current:
        return None
    if title.valid_until < today:
        return "#f4c7c3"
    if title.valid_until <= today + EXPIRY_WARNING:
        return "#fde9b7"
    return None


class SearchPage(QWidget):
    sig_message = Signal(str)
    """A German message for the status bar."""
    sig_open_case = Signal(int)
    """The clerk activated one of the person's cases (case id)."""
    sig_person_changed = Signal(object)
    """The person the pane shows (a PersonFile), or None: every action on "this person" follows it."""

    def __init__(self, ctx: ServiceContext, runner: TaskRunner) -> None:
        super().__init__()
        self.ctx = ctx
        self.runner = runner
        self._search_generation = 0
        self.current_file: PersonFile | None = None
        self._shown_text: str | None = None  # the search text whose results the table shows
        self._open_when_found = False
        self._select_when_found: int | None = None  # a person just saved: selected once the search shows it
        self._person_generation = 0  # the pane shows only the person asked for last
        self._cases_next: int | None = None  # Enter on this hit: its cases get the keyboard once shown

        self.search_field = QLineEdit()
        self.search_field.setPlaceholderText(
            self.tr("Search: name, date of birth (DD.MM.YYYY or year), file number or passport no.  (Ctrl+F)")
        )
        self.search_field.setClearButtonEnabled(True)
        self.result_count = QLabel()
        self.results = PagedTableModel[PersonSummary](
            runner,
            lambda ids: person_rows(ctx, ids),
            [
                Column(self.tr("Family name"), lambda p: p.family_name),
                Column(self.tr("Given names"), lambda p: p.given_names),
                Column(self.tr("Date of birth"), lambda p: p.birth_date),
                Column(self.tr("Nationality"), lambda p: p.nationality),
                Column(self.tr("Passport no."), lambda p: p.passport_number),
                Column(self.tr("Place of residence"), lambda p: p.city),
            ],
            row_id=lambda p: p.id,
        )
        self.result_view = table_view(self.results, (170, 170, 110, 150, 130))

        self.person_header = QLabel(self.tr("No person selected."))
        self.person_header.setTextFormat(Qt.TextFormat.PlainText)
        self.person_header.setStyleSheet("font-size: 15px; font-weight: 600; padding: 4px 0;")
        # Gesetzliche Vertretung: who acts for the person; a minor without one gets a red hint.
        self.representation_label = message_label("")
        self.representation_hint = message_label("color: #7a1010; font-weight: 600;")
        self.representation_label.hide()
        self.representation_hint.hide()
        self.titles = RowsModel[TitleRow](
            muted=lambda t: not t.current,
            columns=[
                Column(self.tr("Residence title"), lambda t: t.kind),
                Column(self.tr("Legal basis"), lambda t: t.legal_basis),
                Column(self.tr("Valid from"), lambda t: german_date(t.valid_from)),
                Column(
                    self.tr("Valid until"),
                    lambda t: german_date(t.valid_until) or self.tr("unlimited"),
                    lambda t: expiry_color(t, self.ctx.today()),
                ),
            ],
        )
        self.cases = RowsModel[CaseRow](
            [
                Column(self.tr("File number"), lambda c: c.file_number),
                Column(self.tr("Procedure"), lambda c: c.procedure_name),
                Column(self.tr("Status"), lambda c: c.status_label),
                Column(self.tr("Applied on"), lambda c: german_date(c.applied_on)),
                Column(self.tr("Caseworker"), lambda c: c.owner),
                Column(self.tr("Deputy"), lambda c: c.deputy),
            ]
        )
        self.title_view = table_view(self.titles, (260, 160, 100))
        self.case_view = table_view(self.cases, (150, 420, 160, 100, 150))
        self._build_layout()

        self._search_timer = QTimer(self, singleShot=True, interval=SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self.run_search)
        self.search_field.textChanged.connect(self._text_changed)
        self.search_field.returnPressed.connect(self._open_first_or_selected)
        self.search_field.installEventFilter(self)
        self.result_view.activated.connect(self._to_cases)
        self.case_view.activated.connect(lambda index: self.sig_open_case.emit(self.cases.row(index.row()).id))
        self.result_view.selectionModel().currentRowChanged.connect(lambda current, _prev: self._open_index(current))

    def _build_layout(self) -> None:
        top = QWidget()
        top_layout = QVBoxLayout(top)
        top_layout.addWidget(self.search_field)
        top_layout.addWidget(self.result_count)
        top_layout.addWidget(self.result_view)
        bottom = QWidget()
        bottom_layout = QVBoxLayout(bottom)
        bottom_layout.addWidget(self.person_header)
        bottom_layout.addWidget(self.representation_label)
        bottom_layout.addWidget(self.representation_hint)
        # Alt+A and Alt+G jump to the person's titles and cases (the first row chosen: Enter opens it).
        titles_label = QLabel(self.tr("&Residence titles"))
        titles_label.setBuddy(self.title_view)
        cases_label = QLabel(self.tr("Ca&ses (Enter opens)"))
        cases_label.setBuddy(self.case_view)
        bottom_layout.addWidget(titles_label)
        bottom_layout.addWidget(self.title_view, 2)
        bottom_layout.addWidget(cases_label)
        bottom_layout.addWidget(self.case_view, 3)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(top)
        splitter.addWidget(bottom)
        splitter.setSizes([380, 380])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            watched is self.search_field
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() == Qt.Key.Key_Down
        ):
            self._into_results()
            return True
        return super().eventFilter(watched, event)

    def _text_changed(self, _text: str) -> None:
        """A new search means a different person: the pane (and every action on it) is cleared at
        once, not when the results come back."""
        self.clear_person()
        self._search_timer.start()

    def clear_person(self) -> None:
        self._person_generation += 1
        had_file = self.current_file is not None
        self.current_file = None
        self.person_header.setText(self.tr("No person selected."))
        self.representation_label.hide()
        self.representation_hint.hide()
        self.titles.set_rows([])
        self.cases.set_rows([])
        if had_file:
            self.sig_person_changed.emit(None)

    def show_saved_person(self, person_id: int, family_name: str, given_names: str) -> None:
        """After a person was saved: the search shows them, their row selected and their file open."""
        self._select_when_found = person_id
        self.search_field.setText(f"{family_name} {given_names}".strip())
        self.run_search()
        self.open_person(person_id)

    def _into_results(self) -> None:
        """Arrow down from the search field: on into the list of hits, the first one chosen."""
        if self.results.rowCount():
            self.result_view.setFocus()
            if not self.result_view.currentIndex().isValid():
                self.result_view.selectRow(0)

    def focus_search(self) -> None:
        self.search_field.setFocus()
        self.search_field.selectAll()

    def run_search(self) -> None:
        self._search_timer.stop()
        text = self.search_field.text()
        self._search_generation += 1
        generation = self._search_generation
        ctx = self.ctx

        def ids_for(limit: int) -> list[int] | None:
            """On the worker thread: a search overtaken by further typing is not run at all."""
            if generation != self._search_generation:
                return None
            return search_person_ids(ctx, text, limit)

        def first_page(ids: list[int] | None) -> None:
            if ids is None or generation != self._search_generation:
                return
            self._shown_text = text
            self.results.set_ids(ids)
            if self._open_when_found:
                self._open_when_found = False
                self._open_row(0)
            self._select_saved(ids)
            if len(ids) < FIRST_PAGE:
                hint = no_hit_hint(text) if not ids else ""
                self.result_count.setText(hint or (self.tr("%n person(s) found", "", len(ids)) if text.strip() else ""))
                return
            self.result_count.setText(self.tr("more than %1 persons found …").replace("%1", str(FIRST_PAGE)))
            self.runner.run(lambda: ids_for(MAX_RESULT_IDS), all_ids, self.show_error, owner=self)

        def all_ids(ids: list[int] | None) -> None:
            if ids is None or generation != self._search_generation:
                return
            self.results.extend_ids(ids)
            self.result_count.setText(self.tr("%n person(s) found", "", len(ids)))
            self._select_saved(ids)

        # The first page comes from a LIMIT query, so a single letter shows rows at once; the full
        # list of ids (up to a million) follows for scrolling.
        self.runner.run(lambda: ids_for(FIRST_PAGE), first_page, self.show_error, owner=self)

    def _select_saved(self, ids: list[int]) -> None:
        wanted = self._select_when_found
        if wanted is not None and wanted in ids:
            self._select_when_found = None
            self.result_view.selectionModel().blockSignals(True)  # its file is already being opened
            self.result_view.selectRow(ids.index(wanted))
            self.result_view.selectionModel().blockSignals(False)

    def _open_first_or_selected(self) -> None:
        """Enter: open the selected person — or, when the list does not yet show the results for
        what is in the field (a scanner types faster than the search), the first hit of that search
        once it has come back, never a row left over from the previous search."""
        if self.search_field.text() != self._shown_text:
            self._open_when_found = True
            self.run_search()
            return
        row = self.result_view.currentIndex().row()
        self._open_row(max(row, 0))

    def _to_cases(self, index: QModelIndex) -> None:
        """Enter on a hit: its file shows (choosing the row opened it already), and the keyboard
        moves on to the person's cases, the first chosen — a second Enter opens it."""
        person_id = self.results.id_at(index.row()) if index.isValid() else None
        if person_id is None:
            return
        if self.current_file is not None and self.current_file.person.id == person_id:
            self._focus_cases()
        else:
            self._cases_next = person_id
            self._open_index(index)

    def _focus_cases(self) -> None:
        if self.cases.rowCount():
            self.case_view.setFocus(Qt.FocusReason.ShortcutFocusReason)
            self.case_view.selectRow(0)

    def _open_index(self, index: QModelIndex) -> None:
        if index.isValid():
            self._open_row(index.row())

    def _open_row(self, row: int) -> None:
        person_id = self.results.id_at(row)
        if person_id is not None:
            self.open_person(person_id)

    def open_person(self, person_id: int) -> None:
        ctx = self.ctx
        self._person_generation += 1
        generation = self._person_generation

        def show(file: PersonFile) -> None:
            if generation == self._person_generation:  # not overtaken by another row or a new search
                self.show_person(file)

        self.runner.run(lambda: get_person_file(ctx, person_id), show, self.show_error, owner=self)

    def reload_person(self) -> None:
        """The open person's file again (a case was added)."""
        if self.current_file is not None:
            self.open_person(self.current_file.person.id)

    def show_person(self, file: PersonFile) -> None:
        self.current_file = file
        person = file.person
        parts = [f"{person.family_name}, {person.given_names}", f"* {person.birth_date}", person.nationality_name]
        if person.passport_number:
            parts.append(self.tr("Passport %1").replace("%1", person.passport_number))
        self.person_header.setText("   ·   ".join(parts))
        self._show_representation(file)
        self.titles.set_rows(file.titles)
        self.cases.set_rows(file.cases)
        self.sig_person_changed.emit(file)
        if self._cases_next == person.id:
            self._cases_next = None
            self._focus_cases()

    def _show_representation(self, file: PersonFile) -> None:
        rows = file.representation.rows
        names = "; ".join(f"{row.name}, {spoken(row.kind_label)}" for row in rows)  # the kinds have brackets
        self.representation_label.setText(self.tr("Legal representatives: %1").replace("%1", names))
        self.representation_label.setVisible(bool(rows))
        hint = file.representation.hint
        self.representation_hint.setText(
            error_text(hint) + " " + self.tr("(Person ▸ Legal representatives…, Ctrl+Shift+V)") if hint else ""
        )
        self.representation_hint.setVisible(hint is not None)

    def show_error(self, exc: Exception) -> None:
        self.sig_message.emit(error_text(exc))
