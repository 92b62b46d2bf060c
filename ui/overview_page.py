"""Übersicht for team leads and the administration: who is drowning and why, in charts. Each bar
opens the list behind it below the charts (cases, or deadlines for the overdue ones); the busiest
caseworker is named with an evened split of the letters, previewed in the rule editor."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from abh_desk.services.caselists import CaseListRow, case_list_rows
from abh_desk.services.context import ServiceContext
from abh_desk.services.overview import OPEN_ORDER, Drill, Overview, drill_ids, overview, scope_choices
from abh_desk.services.rebalance_suggestion import RebalanceSuggestion, suggest_rebalance
from abh_desk.services.worklists import WorklistRow, worklist_rows
from ui.charts import BarChart, Series
from ui.messages import error_text, spoken
from ui.paged_model import PagedTableModel
from ui.rows_model import Column
from ui.tasks import TaskRunner
from ui.widgets import german_date, table_view, thousands

MEDIAN_COLOR, P90_COLOR, EXPECTED_COLOR = "#1f5f99", "#7fa7cf", "#9e9e9e"


def short(label: str) -> str:
    """A bucket's label without its unit (the chart's title names it): "31–60 Tage" → "31–60"."""
    return label.removesuffix(" Tage").removesuffix(" Wochen")


class OverviewPage(QWidget):
    sig_message = Signal(str)
    sig_open_case = Signal(int)
    sig_rebalance = Signal(object)
    """Open the rule editor with a suggested split (a RebalanceSuggestion)."""
    sig_loaded = Signal()

    def __init__(self, ctx: ServiceContext, runner: TaskRunner) -> None:
        super().__init__()
        self.ctx = ctx
        self.runner = runner
        self.data: Overview | None = None
        self.suggestion: RebalanceSuggestion | None = None
        self.loaded_once = False
        self._generation = 0
        self._list_generation = 0
        self.scope = QComboBox()
        self.refresh_button = QPushButton(self.tr("Refresh"))
        self.summary = QLabel()
        self.summary.setStyleSheet("font-weight: 600;")
        self.summary.setWordWrap(True)
        self.backlog = QLabel()
        self.backlog.setWordWrap(True)
        self.rebalance_button = QPushButton(self.tr("Preview the split…"))
        self.rebalance_button.setEnabled(False)

        self.owner_chart = BarChart(self.tr("Open cases per caseworker by state"), horizontal=True, stacked=True)
        self.age_chart = BarChart(self.tr("Age of the open cases in days (the oldest in red)"))
        self.week_chart = BarChart(self.tr("New and closed cases per week, last 52 weeks"))
        self.week_chart.labels_from = 20  # 52 week numbers do not fit: the title names the first and last
        self.procedure_chart = BarChart(
            self.tr("Processing time per procedure in days, last 365 days (catalogue: its expected maximum)"),
            horizontal=True,
        )
        self.overdue_chart = BarChart(self.tr("Overdue deadlines per caseworker"), horizontal=True)
        self.card_chart = BarChart(self.tr("Cards waiting for pickup, by weeks since arrival"))
        self.review_chart = BarChart(self.tr("Rejections in review, by days since submitted"))
        self.charts = (
            self.owner_chart,
            self.age_chart,
            self.week_chart,
            self.procedure_chart,
            self.overdue_chart,
            self.card_chart,
            self.review_chart,
        )

        self.list_label = QLabel(self.tr("Click a bar to see the list behind it."))
        self.cases = PagedTableModel[CaseListRow](
            runner,
            lambda ids: case_list_rows(ctx, ids),
            [
                Column(self.tr("File number"), lambda c: c.file_number),
                Column(self.tr("Person"), lambda c: c.person_name),
                Column(self.tr("Procedure"), lambda c: c.procedure_name),
                Column(self.tr("Status"), lambda c: c.status_label),
                Column(self.tr("Applied on"), lambda c: german_date(c.applied_on)),
                Column(self.tr("Caseworker"), lambda c: c.owner),
            ],
            row_id=lambda c: c.id,
        )
        self.deadlines = PagedTableModel[WorklistRow](
            runner,
            lambda ids: worklist_rows(ctx, ids),
            [
                Column(self.tr("Due"), lambda r: german_date(r.due_date)),
                Column(self.tr("File number"), lambda r: r.file_number),
                Column(self.tr("Person"), lambda r: r.person_name),
                Column(self.tr("Deadline"), lambda r: r.kind_label),
                Column(self.tr("Caseworker"), lambda r: r.owner),
            ],
            row_id=lambda r: r.deadline_id,
        )
        self.case_view = table_view(self.cases, (140, 220, 320, 150, 100))
        self.deadline_view = table_view(self.deadlines, (90, 140, 220, 180))
        self.lists = QStackedWidget()
        self.lists.addWidget(self.case_view)
        self.lists.addWidget(self.deadline_view)
        self._build_layout()

        self.scope.currentIndexChanged.connect(lambda _i: self.reload())
        self.refresh_button.clicked.connect(self.reload)
        self.rebalance_button.clicked.connect(lambda: self.sig_rebalance.emit(self.suggestion))
        for chart in self.charts:
            chart.sig_bar_clicked.connect(self.open_list)
        self.case_view.activated.connect(self._open_case)
        self.deadline_view.activated.connect(self._open_deadline)
        self.runner.run(lambda: scope_choices(ctx), self._scopes_loaded, self._error, owner=self)

    def _build_layout(self) -> None:
        header = QHBoxLayout()
        header.addWidget(QLabel(self.tr("Area:")))
        header.addWidget(self.scope, 1)
        header.addWidget(self.refresh_button)
        backlog = QHBoxLayout()
        backlog.addWidget(self.backlog, 1)
        backlog.addWidget(self.rebalance_button)
        grid_widget = QWidget()
        grid = QGridLayout(grid_widget)
        grid.addWidget(self.owner_chart, 0, 0)
        grid.addWidget(self.age_chart, 0, 1)
        grid.addWidget(self.week_chart, 1, 0, 1, 2)
        grid.addWidget(self.procedure_chart, 2, 0, 1, 2)
        grid.addWidget(self.overdue_chart, 3, 0)
        grid.addWidget(self.card_chart, 3, 1)
        grid.addWidget(self.review_chart, 4, 0)
        self.week_chart.setMinimumHeight(300)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(grid_widget)
        bottom = QWidget()
        bottom_layout = QVBoxLayout(bottom)
        bottom_layout.setContentsMargins(0, 0, 0, 0)
        bottom_layout.addWidget(self.list_label)
        bottom_layout.addWidget(self.lists)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(scroll)
        splitter.addWidget(bottom)
        splitter.setSizes([520, 200])
        layout = QVBoxLayout(self)
        layout.addLayout(header)
        layout.addWidget(self.summary)
        layout.addLayout(backlog)
        layout.addWidget(splitter, 1)

    def _scopes_loaded(self, choices: list[tuple[str | None, str]]) -> None:
        self.scope.blockSignals(True)
        self.scope.clear()
        for code, name in choices:
            self.scope.addItem(self.tr("Whole office") if code is None else name, code)
        self.scope.blockSignals(False)
        self.reload()

    def reload(self) -> None:
        """The figures of the chosen area (or the office) and the suggested split, in the background."""
        ctx, area = self.ctx, self.scope.currentData()
        self.loaded_once = True
        self._generation += 1
        generation = self._generation

        def work() -> tuple[Overview, RebalanceSuggestion | None]:
            figures = overview(ctx, area)
            try:
                suggestion: RebalanceSuggestion | None = suggest_rebalance(ctx, area)
            except Exception:  # no rules or no open cases: nothing to suggest
                suggestion = None
            return figures, suggestion

        def done(result: tuple[Overview, RebalanceSuggestion | None]) -> None:
            if generation == self._generation:
                self.show_overview(*result)

        self.runner.run(work, done, self._error, owner=self)

    def show_overview(self, data: Overview, suggestion: RebalanceSuggestion | None) -> None:
        self.data, self.suggestion = data, suggestion
        owners = data.owners
        self.owner_chart.show_bars(
            [o.name for o in owners],
            [
                Series(
                    spoken(label), [o.by_status[i] for o in owners], [data.owner_drill(o.owner_id, s) for o in owners]
                )
                for i, (label, s) in enumerate(zip(data.status_labels, OPEN_ORDER, strict=True))
            ],
        )
        oldest_bucket = max((i for i, b in enumerate(data.case_ages) if b.value), default=None)
        self.age_chart.show_bars(
            [short(b.label) for b in data.case_ages],
            [Series(self.tr("Open cases"), [b.value for b in data.case_ages], [b.drill for b in data.case_ages])],
            highlight=oldest_bucket,
        )
        self.week_chart.show_bars(
            [b.label for b in data.new_per_week],
            [
                Series(self.tr("New"), [b.value for b in data.new_per_week], [b.drill for b in data.new_per_week]),
                Series(
                    self.tr("Closed"),
                    [b.value for b in data.closed_per_week],
                    [b.drill for b in data.closed_per_week],
                    "#3a923a",
                ),
            ],
        )
        if data.new_per_week:
            self.week_chart.chart_.setTitle(
                self.tr("New and closed cases per week, %1 to %2")
                .replace("%1", data.new_per_week[0].label)
                .replace("%2", data.new_per_week[-1].label)
            )
        procedures = data.procedures
        self.procedure_chart.setMinimumHeight(max(260, 60 + 26 * len(procedures)))
        self.procedure_chart.show_bars(
            [p.name if len(p.name) <= 48 else p.name[:47] + "…" for p in procedures],
            [
                Series(
                    self.tr("Median"), [p.median_days for p in procedures], [p.drill for p in procedures], MEDIAN_COLOR
                ),
                Series(
                    self.tr("90th percentile"),
                    [p.p90_days for p in procedures],
                    [p.drill for p in procedures],
                    P90_COLOR,
                ),
                Series(
                    self.tr("Catalogue (expected maximum)"),
                    [p.expected_days[1] if p.expected_days else 0 for p in procedures],
                    None,
                    EXPECTED_COLOR,
                ),
            ],
        )
        for chart, bars, name in (
            (self.overdue_chart, data.overdue, self.tr("Overdue deadlines")),
            (self.card_chart, data.cards, self.tr("Cases with a card waiting")),
            (self.review_chart, data.reviews, self.tr("Cases with a rejection in review")),
        ):
            chart.show_bars(
                [short(b.label) for b in bars], [Series(name, [b.value for b in bars], [b.drill for b in bars])]
            )
        text = self.tr("%1: %2 open cases").replace("%1", data.area_name).replace("%2", thousands(data.open_total))
        if data.oldest is not None:
            text += (
                self.tr(" · the oldest: %1 (%2 days, %3)")
                .replace("%1", data.oldest.file_number)
                .replace("%2", thousands(data.oldest.age_days))
                .replace("%3", data.oldest.owner)
            )
        self.summary.setText(text)
        if suggestion is None:
            self.backlog.setText("")
            self.rebalance_button.setEnabled(False)
        else:
            split = ", ".join(f"{s.name} {s.ranges} ({thousands(s.open_after)})" for s in suggestion.shares)
            self.backlog.setText(
                self.tr("Longest backlog: %1 with %2 open cases. Evened split of the letters: %3")
                .replace("%1", suggestion.busiest)
                .replace("%2", thousands(suggestion.busiest_open))
                .replace("%3", split)
            )
            self.rebalance_button.setEnabled(True)
        self.sig_loaded.emit()

    def open_list(self, drill: Drill, name: str) -> None:
        """The list behind a bar, a page at a time."""
        ctx = self.ctx
        self._list_generation += 1
        generation = self._list_generation

        def done(ids: list[int]) -> None:
            if generation != self._list_generation:
                return
            model = self.deadlines if drill.lists_deadlines else self.cases
            self.lists.setCurrentWidget(self.deadline_view if drill.lists_deadlines else self.case_view)
            model.set_ids(ids)
            self.list_label.setText(self.tr("%1: %2 rows").replace("%1", name).replace("%2", thousands(len(ids))))
            self.sig_loaded.emit()

        self.runner.run(lambda: drill_ids(ctx, drill), done, self._error, owner=self)

    @property
    def list_model(self) -> PagedTableModel[CaseListRow] | PagedTableModel[WorklistRow]:
        return self.deadlines if self.lists.currentWidget() is self.deadline_view else self.cases

    def _open_case(self, index: QModelIndex) -> None:
        row = self.cases.row(index.row())
        if row is not None:
            self.sig_open_case.emit(row.id)

    def _open_deadline(self, index: QModelIndex) -> None:
        row = self.deadlines.row(index.row())
        if row is not None:
            self.sig_open_case.emit(row.case_id)

    def _error(self, exc: Exception) -> None:
        self.sig_message.emit(error_text(exc))
