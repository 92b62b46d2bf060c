"""Statistik: the office's figures per month and for the year as a table, saved as CSV, XLSX or
a PDF report with charts — one click each."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from abh_desk.services.context import ServiceContext
from abh_desk.services.overview import overview, scope_choices
from abh_desk.services.statistics import Statistics, year_statistics
from abh_desk.services.statistics_export import statistics_csv, statistics_pdf, statistics_xlsx, table
from ui import dialogs
from ui.messages import error_text
from ui.tasks import TaskRunner


class StatisticsPage(QWidget):
    sig_message = Signal(str)
    sig_loaded = Signal()

    def __init__(self, ctx: ServiceContext, runner: TaskRunner) -> None:
        super().__init__()
        self.ctx = ctx
        self.runner = runner
        self.stats: Statistics | None = None
        self.loaded_once = False
        self._generation = 0
        self.scope = QComboBox()
        self.year = QSpinBox()
        self.year.setRange(2000, ctx.today().year)
        self.year.setValue(ctx.today().year)
        self.show_button = QPushButton(self.tr("Show"))
        self.csv_button = QPushButton(self.tr("Save as CSV…"))
        self.xlsx_button = QPushButton(self.tr("Save as Excel (XLSX)…"))
        self.pdf_button = QPushButton(self.tr("Save the report (PDF)…"))
        self.title = QLabel()
        self.title.setStyleSheet("font-size: 15px; font-weight: 600;")
        self.table = QTableWidget(0, 0)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Area:")))
        top.addWidget(self.scope, 1)
        top.addWidget(QLabel(self.tr("Year:")))
        top.addWidget(self.year)
        top.addWidget(self.show_button)
        exports = QHBoxLayout()
        exports.addWidget(self.title, 1)
        for button in (self.csv_button, self.xlsx_button, self.pdf_button):
            button.setEnabled(False)
            exports.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(exports)
        layout.addWidget(self.table, 1)
        self.show_button.clicked.connect(self.reload)
        self.csv_button.clicked.connect(lambda: self.export("csv"))
        self.xlsx_button.clicked.connect(lambda: self.export("xlsx"))
        self.pdf_button.clicked.connect(lambda: self.export("pdf"))
        self.runner.run(lambda: scope_choices(ctx), self._scopes_loaded, self._error, owner=self)

    def _scopes_loaded(self, choices: list[tuple[str | None, str]]) -> None:
        self.scope.clear()
        for code, name in choices:
            self.scope.addItem(self.tr("Whole office") if code is None else name, code)

    def reload(self) -> None:
        ctx, area, year = self.ctx, self.scope.currentData(), self.year.value()
        self.loaded_once = True
        self._generation += 1
        generation = self._generation

        def done(stats: Statistics) -> None:
            if generation == self._generation:
                self.show_statistics(stats)

        self.runner.run(lambda: year_statistics(ctx, year, area), done, self._error, owner=self)

    def show_statistics(self, stats: Statistics) -> None:
        """The figures as lines, the months and the year as columns (the CSV's table, turned)."""
        self.stats = stats
        rows = table(stats)
        self.table.clear()
        self.table.setRowCount(len(rows[0]) - 1)
        self.table.setColumnCount(len(rows) - 1)
        self.table.setVerticalHeaderLabels(rows[0][1:])
        self.table.setHorizontalHeaderLabels([row[0].removesuffix(f" {stats.year}") for row in rows[1:]])
        right = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        for c, row in enumerate(rows[1:]):
            for r, text in enumerate(row[1:]):
                item = QTableWidgetItem(text)
                item.setTextAlignment(right)
                self.table.setItem(r, c, item)
        self.table.resizeColumnsToContents()
        self.title.setText(self.tr("Statistics %1 – %2").replace("%1", str(stats.year)).replace("%2", stats.area_name))
        for button in (self.csv_button, self.xlsx_button, self.pdf_button):
            button.setEnabled(True)
        self.sig_loaded.emit()

    def shown(self) -> list[list[str]]:
        """What the table shows, turned back to the CSV's layout (periods as lines) for comparing."""
        periods = [_text(self.table.horizontalHeaderItem(c)) for c in range(self.table.columnCount())]
        figures = [_text(self.table.verticalHeaderItem(r)) for r in range(self.table.rowCount())]
        year = self.stats.year if self.stats else 0
        return [
            ["Zeitraum", *figures],
            *(
                [f"{period} {year}", *(_text(self.table.item(r, c)) for r in range(len(figures)))]
                for c, period in enumerate(periods)
            ),
        ]

    def export(self, kind: str, path: Path | None = None) -> None:
        """Save the table shown as ``kind`` (csv, xlsx, pdf); asks where unless ``path`` is given."""
        stats = self.stats
        if stats is None:
            return
        filters = {"csv": "CSV (*.csv)", "xlsx": "Excel (*.xlsx)", "pdf": "PDF (*.pdf)"}
        if path is None:
            path = dialogs.ask_save_path(
                self, self.tr("Save the statistics"), f"statistik-{stats.year}.{kind}", filters[kind]
            )
            if path is None:
                return
        ctx, area, target = self.ctx, self.scope.currentData(), path
        makers: dict[str, Callable[[], bytes]] = {
            "csv": lambda: statistics_csv(stats),
            "xlsx": lambda: statistics_xlsx(stats),
            "pdf": lambda: statistics_pdf(ctx, stats, overview(ctx, area) if stats.year == ctx.today().year else None),
        }

        def work() -> Path:
            target.write_bytes(makers[kind]())
            return target

        def done(saved: Path) -> None:
            self.sig_message.emit(self.tr("Statistics saved: %1").replace("%1", str(saved)))
            self.sig_loaded.emit()

        self.runner.run(work, done, self._error, owner=self)

    def _error(self, exc: Exception) -> None:
        self.sig_message.emit(error_text(exc))


def _text(item: QTableWidgetItem | None) -> str:
    return item.text() if item is not None else ""
