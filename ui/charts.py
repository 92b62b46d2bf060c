"""A bar chart (QtCharts) whose bars open the list behind them: each bar carries a key (the
service's ``Drill``) that ``sig_bar_clicked`` hands on with the bar's description."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCharts import (
    QAbstractBarSeries,
    QBarCategoryAxis,
    QBarSeries,
    QBarSet,
    QChart,
    QChartView,
    QHorizontalBarSeries,
    QHorizontalStackedBarSeries,
    QStackedBarSeries,
    QValueAxis,
)
from PySide6.QtCore import QMargins, Qt, Signal
from PySide6.QtGui import QColor, QFont, QPainter

PALETTE = ("#1f5f99", "#e08a1e", "#3a923a", "#c0392b", "#7d5ba6", "#8c6d31")
HIGHLIGHT = "#c0392b"


@dataclass(frozen=True)
class Series:
    name: str
    values: Sequence[float]
    keys: Sequence[Any] | None = None
    """What each bar opens (None: nothing)."""
    color: str | None = None


def nice_step(top: float, ticks: int = 6) -> float:
    """A round tick interval (1, 2, 5, 10, 20, 25, 50 …) giving at most ``ticks`` steps up to ``top``."""
    magnitude = 1.0
    while True:
        for factor in (1, 2, 2.5, 5):
            step = factor * magnitude
            if step >= 1 and top / step <= ticks:
                return step
        magnitude *= 10


class BarChart(QChartView):
    sig_bar_clicked = Signal(object, str)
    """A bar was clicked: its key and a description ("Frau Keller · Neu: 55")."""

    def __init__(self, title: str, horizontal: bool = False, stacked: bool = False) -> None:
        super().__init__()
        self.horizontal = horizontal
        self.stacked = stacked
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.chart_ = QChart()
        self.chart_.setTitle(title)
        title_font = QFont(self.chart_.titleFont())
        title_font.setBold(True)
        self.chart_.setTitleFont(title_font)
        self.chart_.setAnimationOptions(QChart.AnimationOption.NoAnimation)
        self.chart_.setMargins(QMargins(4, 4, 4, 4))
        self.chart_.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
        self.setChart(self.chart_)
        self.setMinimumHeight(260)
        self.categories: list[str] = []
        self.series: list[Series] = []
        self.bar_sets: list[QBarSet] = []
        self.labels_from: int | None = None
        """From this many categories on, the axis shows no labels (they would be cut to "…")."""

    def show_bars(self, categories: Sequence[str], series: Sequence[Series], highlight: int | None = None) -> None:
        """Replace the bars. ``highlight``: the index of a category drawn in red (the oldest)."""
        if self.horizontal:  # Qt draws the first category at the bottom: keep the given order top-down
            categories = list(reversed(categories))
            series = [
                Series(s.name, list(reversed(s.values)), list(reversed(s.keys)) if s.keys else None, s.color)
                for s in series
            ]
            highlight = None if highlight is None else len(categories) - 1 - highlight
        self.chart_.removeAllSeries()
        for axis in self.chart_.axes():
            self.chart_.removeAxis(axis)
        self.categories, self.series, self.bar_sets = list(categories), list(series), []
        kind: type[QAbstractBarSeries]
        if self.horizontal:
            kind = QHorizontalStackedBarSeries if self.stacked else QHorizontalBarSeries
        else:
            kind = QStackedBarSeries if self.stacked else QBarSeries
        bars = kind()
        for index, item in enumerate(series):
            bar_set = QBarSet(item.name)
            bar_set.append([float(v) for v in item.values])
            bar_set.setColor(QColor(item.color or PALETTE[index % len(PALETTE)]))
            bar_set.setBorderColor(QColor(Qt.GlobalColor.transparent))
            if highlight is not None:
                bar_set.setSelectedColor(QColor(HIGHLIGHT))
                bar_set.selectBar(highlight)
            bar_set.clicked.connect(lambda bar, i=index: self.click(i, bar))
            bars.append(bar_set)
            self.bar_sets.append(bar_set)
        self.chart_.addSeries(bars)
        category_axis = QBarCategoryAxis()
        category_axis.append(list(categories))
        small = QFont(category_axis.labelsFont())
        small.setPointSizeF(max(6.0, small.pointSizeF() - (2 if len(categories) > 12 else 1)))
        category_axis.setLabelsFont(small)
        category_axis.setLabelsVisible(self.labels_from is None or len(categories) < self.labels_from)
        value_axis = QValueAxis()
        value_axis.setLabelFormat("%d")
        value_axis.setLabelsFont(small)
        top = max((sum(s.values[i] for s in series) if self.stacked else max(s.values[i] for s in series))
                  for i in range(len(categories))) if categories and series else 0  # fmt: skip
        step = nice_step(top)
        value_axis.setRange(0, step * max(1, math.ceil(top * 1.05 / step)))
        value_axis.setTickType(QValueAxis.TickType.TicksDynamic)
        value_axis.setTickAnchor(0)
        value_axis.setTickInterval(step)
        first, second = (
            (Qt.AlignmentFlag.AlignLeft, Qt.AlignmentFlag.AlignBottom)
            if self.horizontal
            else (Qt.AlignmentFlag.AlignBottom, Qt.AlignmentFlag.AlignLeft)
        )
        self.chart_.addAxis(category_axis, first)
        self.chart_.addAxis(value_axis, second)
        bars.attachAxis(category_axis)
        bars.attachAxis(value_axis)
        self.chart_.legend().setVisible(len(series) > 1)

    def value(self, series: int, bar: int) -> float:
        return float(self.series[series].values[bar])

    def click(self, series: int, bar: int) -> None:
        """What clicking a bar does (tests call it as the mouse would)."""
        item = self.series[series]
        if item.keys is None or bar >= len(item.keys) or item.keys[bar] is None:
            return
        name = self.categories[bar] + (f" · {item.name}" if len(self.series) > 1 else "")
        self.sig_bar_clicked.emit(item.keys[bar], name)
