"""The main window: counter search on top, the chosen person's titles and cases below."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QModelIndex, Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMainWindow,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from abh_desk.errors import DomainError
from abh_desk.services.context import ServiceContext
from abh_desk.services.persons import CaseRow, PersonFile, TitleRow, get_person_file, search_person_ids
from ui.person_table import PersonResultModel
from ui.rows_model import Column, RowsModel
from ui.tasks import TaskRunner

SEARCH_DELAY_MS = 150
EXPIRY_WARNING = timedelta(weeks=8)


def _date(value: date | None) -> str:
    return value.strftime("%d.%m.%Y") if value else ""


def expiry_color(title: TitleRow, today: date) -> str | None:
    """Red when expired, amber within eight weeks of expiry; a replaced title is history."""
    if title.valid_until is None or not title.current:
        return None
    if title.valid_until < today:
        return "#f4c7c3"
    if title.valid_until <= today + EXPIRY_WARNING:
        return "#fde9b7"
    return None


class MainWindow(QMainWindow):
    def __init__(self, ctx: ServiceContext, runner: TaskRunner | None = None, today: date | None = None) -> None:
        super().__init__()
        self.ctx = ctx
        self.runner = runner or TaskRunner(self)
        self.today = today or date.today()
        self._search_generation = 0
        self.setWindowTitle(self.tr("ABH Desk"))
        self.resize(1200, 760)

        self.search_field = QLineEdit()
        self.search_field.setPlaceholderText(
            self.tr("Search: name, date of birth (DD.MM.YYYY or year), file number or passport no.  (Ctrl+F)")
        )
        self.search_field.setClearButtonEnabled(True)
        self.result_count = QLabel()
        self.results = PersonResultModel(ctx, self.runner)
        self.result_view = self._table(self.results)

        self.person_header = QLabel(self.tr("No person selected."))
        self.person_header.setTextFormat(Qt.TextFormat.PlainText)
        self.person_header.setStyleSheet("font-size: 15px; font-weight: 600; padding: 4px 0;")
        self.titles = RowsModel[TitleRow](
            muted=lambda t: not t.current,
            columns=[
                Column(self.tr("Residence title"), lambda t: t.kind),
                Column(self.tr("Legal basis"), lambda t: t.legal_basis),
                Column(self.tr("Valid from"), lambda t: _date(t.valid_from)),
                Column(
                    self.tr("Valid until"),
                    lambda t: _date(t.valid_until) or self.tr("unlimited"),
                    lambda t: expiry_color(t, self.today),
                ),
            ],
        )
        self.cases = RowsModel[CaseRow](
            [
                Column(self.tr("File number"), lambda c: c.file_number),
                Column(self.tr("Procedure"), lambda c: c.procedure_name),
                Column(self.tr("Status"), lambda c: c.status_label),
                Column(self.tr("Applied on"), lambda c: _date(c.applied_on)),
                Column(self.tr("Caseworker"), lambda c: c.owner),
            ]
        )
        self.title_view = self._table(self.titles)
        self.case_view = self._table(self.cases)

        self._build_layout()
        self._build_actions()
        self._search_timer = QTimer(self, singleShot=True, interval=SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self.run_search)
        self.search_field.textChanged.connect(lambda _text: self._search_timer.start())
        self.search_field.returnPressed.connect(self._open_first_or_selected)
        self.result_view.activated.connect(self._open_index)
        self.result_view.selectionModel().currentRowChanged.connect(lambda current, _prev: self._open_index(current))
        self.statusBar().showMessage(self.tr("Database: %1").replace("%1", ctx.db.display_url))

    def _table(self, model: object) -> QTableView:
        view = QTableView()
        view.setModel(model)  # type: ignore[arg-type]
        view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        view.verticalHeader().setVisible(False)
        view.verticalHeader().setDefaultSectionSize(24)
        view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        view.horizontalHeader().setStretchLastSection(True)
        view.setAlternatingRowColors(True)
        return view

    def _build_layout(self) -> None:
        top = QWidget()
        top_layout = QVBoxLayout(top)
        top_layout.addWidget(self.search_field)
        top_layout.addWidget(self.result_count)
        top_layout.addWidget(self.result_view)
        bottom = QWidget()
        bottom_layout = QVBoxLayout(bottom)
        bottom_layout.addWidget(self.person_header)
        bottom_layout.addWidget(QLabel(self.tr("Residence titles")))
        bottom_layout.addWidget(self.title_view, 2)
        bottom_layout.addWidget(QLabel(self.tr("Cases")))
        bottom_layout.addWidget(self.case_view, 3)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(top)
        splitter.addWidget(bottom)
        splitter.setSizes([380, 380])
        self.setCentralWidget(splitter)
        for column, width in enumerate((170, 170, 110, 150, 130)):
            self.result_view.setColumnWidth(column, width)
        for column, width in enumerate((150, 420, 160, 100)):
            self.case_view.setColumnWidth(column, width)
        for column, width in enumerate((260, 160, 100)):
            self.title_view.setColumnWidth(column, width)

    def _build_actions(self) -> None:
        find = QAction(self.tr("&Search"), self, shortcut=QKeySequence.StandardKey.Find)
        find.triggered.connect(self.focus_search)
        quit_action = QAction(self.tr("&Quit"), self, shortcut=QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)
        menu = self.menuBar().addMenu(self.tr("&File"))
        menu.addAction(find)
        menu.addSeparator()
        menu.addAction(quit_action)

    def focus_search(self) -> None:
        self.search_field.setFocus()
        self.search_field.selectAll()

    def run_search(self) -> None:
        text = self.search_field.text()
        self._search_generation += 1
        generation = self._search_generation
        ctx = self.ctx

        def done(ids: list[int]) -> None:
            if generation != self._search_generation:
                return
            self.results.set_ids(ids)
            self.result_count.setText(self.tr("%n person(s) found", "", len(ids)) if text.strip() else "")
            self.statusBar().clearMessage()

        self.runner.run(lambda: search_person_ids(ctx, text), done, self.show_error)

    def _open_first_or_selected(self) -> None:
        row = self.result_view.currentIndex().row()
        self._open_row(row if row >= 0 else 0)

    def _open_index(self, index: QModelIndex) -> None:
        if index.isValid():
            self._open_row(index.row())

    def _open_row(self, row: int) -> None:
        person_id = self.results.person_id(row)
        if person_id is None:
            return
        ctx = self.ctx
        self.runner.run(lambda: get_person_file(ctx, person_id), self.show_person, self.show_error)

    def show_person(self, file: PersonFile) -> None:
        person = file.person
        parts = [f"{person.family_name}, {person.given_names}", f"* {person.birth_date}", person.nationality_name]
        if person.passport_number:
            parts.append(self.tr("Passport %1").replace("%1", person.passport_number))
        self.person_header.setText("   ·   ".join(parts))
        self.titles.set_rows(file.titles)
        self.cases.set_rows(file.cases)

    def show_error(self, exc: Exception) -> None:
        message = (
            exc.message if isinstance(exc, DomainError) else self.tr("Unexpected error: %1").replace("%1", str(exc))
        )
        self.statusBar().showMessage(message)
