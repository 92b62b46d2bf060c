"""Fristen: the worklist — overdue, today, this week, the next eight weeks — for me, my area or
every area, each group counted in full and shown a page at a time like the search; and the titles
expiring within eight weeks with no application filed."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QTabBar,
    QVBoxLayout,
    QWidget,
)

from abh_desk.domain.enums import Role
from abh_desk.services.context import Progress, ServiceContext
from abh_desk.services.reminder_letters import reminder_batch
from abh_desk.services.worklists import (
    GROUP_LABELS,
    GROUPS,
    NEXT_WEEKS,
    OVERDUE,
    THIS_WEEK,
    TODAY,
    ExpiringTitle,
    Worklist,
    WorklistRow,
    WorkScope,
    expiring_titles,
    worklist,
    worklist_ids,
    worklist_rows,
)
from ui import dialogs
from ui.messages import error_text
from ui.paged_model import PagedTableModel
from ui.rows_model import Column, RowsModel
from ui.tasks import TaskRunner, run_with_progress
from ui.widgets import german_date, table_view, thousands

GROUP_COLORS = {"Überfällig": "#f4c7c3", "Heute": "#fde9b7", "Diese Woche": "#fff6d6"}


class DeadlinesPage(QWidget):
    sig_open_person = Signal(int)
    sig_message = Signal(str)
    sig_open_case = Signal(int)

    def __init__(self, ctx: ServiceContext, runner: TaskRunner) -> None:
        super().__init__()
        self.ctx = ctx
        self.runner = runner
        self.group = OVERDUE
        self._chosen = False  # the clerk picked a group: a reload keeps it
        self._generation = 0
        self.scope = QComboBox()
        self.scope.addItem(self.tr("My deadlines (with deputised colleagues)"), WorkScope.MINE.value)
        self.scope.addItem(self.tr("My area"), WorkScope.AREA.value)
        if ctx.actor.role in (Role.TEAM_LEAD, Role.ADMIN):
            self.scope.addItem(self.tr("All areas"), WorkScope.ALL.value)
        self.summary = QLabel()
        self.summary.setStyleSheet("font-weight: 600;")
        self.refresh_button = QPushButton(self.tr("Refresh"))
        self.group_bar = QTabBar()
        self.group_names = (self.tr("Overdue"), self.tr("Today"), self.tr("This week"), self.tr("Next eight weeks"))
        for name in self.group_names:
            self.group_bar.addTab(name)
        self.rows = PagedTableModel[WorklistRow](
            runner,
            lambda ids: worklist_rows(ctx, ids),
            [
                Column(self.tr("Due"), lambda r: german_date(r.due_date), lambda _r: self._group_color()),
                Column(self.tr("File number"), lambda r: r.file_number),
                Column(self.tr("Person"), lambda r: r.person_name),
                Column(self.tr("Deadline"), lambda r: r.kind_label),
                Column(self.tr("Caseworker"), lambda r: r.owner),
                Column(self.tr("Note"), lambda r: r.note),
            ],
            row_id=lambda r: r.deadline_id,
        )
        self.view = table_view(self.rows, (90, 140, 220, 180, 140))
        self.titles = RowsModel[ExpiringTitle](
            [
                Column(self.tr("Expires"), lambda t: german_date(t.valid_until)),
                Column(self.tr("Person"), lambda t: t.person_name),
                Column(self.tr("Residence title"), lambda t: t.kind),
                Column(self.tr("Legal basis"), lambda t: t.legal_basis),
                Column(self.tr("File number"), lambda t: t.file_number),
            ]
        )
        self.title_view = table_view(self.titles, (90, 220, 220, 200))
        self.title_view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.titles_label = QLabel()
        self.select_all_button = QPushButton(self.tr("Select all"))
        self.reminder_button = QPushButton(self.tr("Reminder letters for the selection…"))
        self.reminder_button.setEnabled(False)
        header = QHBoxLayout()
        header.addWidget(self.scope, 1)
        header.addWidget(self.refresh_button)
        top = QWidget()
        top_layout = QVBoxLayout(top)
        top_layout.addLayout(header)
        top_layout.addWidget(self.summary)
        top_layout.addWidget(self.group_bar)
        top_layout.addWidget(self.view)
        bottom = QWidget()
        bottom_layout = QVBoxLayout(bottom)
        title_bar = QHBoxLayout()
        title_bar.addWidget(self.titles_label, 1)
        title_bar.addWidget(self.select_all_button)
        title_bar.addWidget(self.reminder_button)
        bottom_layout.addLayout(title_bar)
        bottom_layout.addWidget(self.title_view)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(top)
        splitter.addWidget(bottom)
        splitter.setSizes([480, 240])
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)
        self.scope.currentIndexChanged.connect(lambda _i: self.reload())
        self.refresh_button.clicked.connect(self.reload)
        self.group_bar.currentChanged.connect(self._group_picked)
        self.view.activated.connect(self._open_deadline)
        self.title_view.activated.connect(self._open_title)
        self.title_view.selectionModel().selectionChanged.connect(lambda *_: self._selection_changed())
        self.select_all_button.clicked.connect(self.title_view.selectAll)
        self.reminder_button.clicked.connect(self.write_reminders)

    def _group_color(self) -> str | None:
        return GROUP_COLORS.get(GROUP_LABELS[self.group])

    def show_group(self, group: int) -> None:
        """Show one group (the start page's tiles lead here)."""
        self._chosen = True
        self.group = group
        self.group_bar.blockSignals(True)
        self.group_bar.setCurrentIndex(group)
        self.group_bar.blockSignals(False)
        self.reload()

    def _group_picked(self, index: int) -> None:
        if index >= 0:
            self._chosen = True
            self.group = index
            self._load_group()

    def selected_titles(self) -> list[ExpiringTitle]:
        rows = sorted({index.row() for index in self.title_view.selectionModel().selectedRows()})
        return [self.titles.row(r) for r in rows]

    def _selection_changed(self) -> None:
        count = len(self.selected_titles())
        self.reminder_button.setEnabled(count > 0)
        self.reminder_button.setText(self.tr("Reminder letters for %n selected title(s)…", "", count))

    def write_reminders(self) -> None:
        """The selected titles' reminders, in the background with a progress bar and Cancel: one
        combined PDF to print where the user says, and each letter as its own PDF in a folder beside it."""
        titles = self.selected_titles()
        path = dialogs.ask_save_path(
            self, self.tr("Save reminder letters"), f"erinnerungen-{self.ctx.today():%Y-%m-%d}.pdf"
        )
        if path is None:
            return
        ctx, ids = self.ctx, [t.title_id for t in titles]
        folder = path.with_name(f"{path.stem}-einzeln")

        def work(progress: Progress) -> int:
            batch = reminder_batch(ctx, ids, progress)
            folder.mkdir(exist_ok=True)
            for name, pdf in batch.letters:
                (folder / name).write_bytes(pdf)
            path.write_bytes(batch.combined)
            return len(batch.letters)

        def done(count: int) -> None:
            self.reload()  # the reminded titles leave the list
            self.sig_message.emit(
                self.tr("%n reminder letter(s) saved to %1 (single letters in %2)", "", count)
                .replace("%1", str(path))
                .replace("%2", str(folder))
            )

        self.progress = run_with_progress(
            self.runner, self, self.tr("Writing reminder letters…"), work, done, self._error
        )

    def reload(self) -> None:
        """Counts of every group (always true), the ids of the group shown, the expiring titles."""
        ctx = self.ctx
        scope = WorkScope(self.scope.currentData())
        chosen, group = self._chosen, self.group
        self._generation += 1
        generation = self._generation

        def work() -> tuple[Worklist, int, list[int], list[ExpiringTitle]]:
            counts = worklist(ctx, scope, limit=0)
            shown = group if chosen else next((g for g in GROUPS if counts.count(g)), OVERDUE)
            return counts, shown, worklist_ids(ctx, shown, scope), expiring_titles(ctx)

        def done(result: tuple[Worklist, int, list[int], list[ExpiringTitle]]) -> None:
            if generation != self._generation:
                return
            work, shown, ids, titles = result
            self._show_counts(work)
            self.group = shown
            self.group_bar.blockSignals(True)
            self.group_bar.setCurrentIndex(shown)
            self.group_bar.blockSignals(False)
            self.rows.set_ids(ids)
            self.titles.set_rows(titles)
            self.titles_label.setText(
                self.tr("%n title(s) expire within eight weeks with no application filed", "", len(titles))
            )

        self.runner.run(work, done, self._error, owner=self)

    def _load_group(self) -> None:
        ctx, scope, group = self.ctx, WorkScope(self.scope.currentData()), self.group
        self._generation += 1
        generation = self._generation

        def done(ids: list[int]) -> None:
            if generation == self._generation:
                self.rows.set_ids(ids)

        self.runner.run(lambda: worklist_ids(ctx, group, scope), done, self._error, owner=self)

    def _show_counts(self, work: Worklist) -> None:
        for group in GROUPS:
            self.group_bar.setTabText(group, f"{self.group_names[group]} ({thousands(work.count(group))})")
        self.summary.setText(
            self.tr("%1 overdue · %2 today · %3 this week · %4 in the next eight weeks")
            .replace("%1", thousands(work.count(OVERDUE)))
            .replace("%2", thousands(work.count(TODAY)))
            .replace("%3", thousands(work.count(THIS_WEEK)))
            .replace("%4", thousands(work.count(NEXT_WEEKS)))
        )

    def _open_deadline(self, index: QModelIndex) -> None:
        row = self.rows.row(index.row())
        if row is not None:
            self.sig_open_case.emit(row.case_id)

    def _open_title(self, index: QModelIndex) -> None:
        self.sig_open_person.emit(self.titles.row(index.row()).person_id)

    def _error(self, exc: Exception) -> None:
        self.sig_message.emit(error_text(exc))
