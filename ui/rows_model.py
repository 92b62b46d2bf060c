"""A small read-only table model over a list of frozen dataclasses, one per row."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from ui.messages import spoken

Row = TypeVar("Row")
Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class Column(Generic[Row]):
    header: str
    text: Callable[[Row], str]
    color: Callable[[Row], str | None] | None = None


class RowsModel(QAbstractTableModel, Generic[Row]):
    def __init__(self, columns: Sequence[Column[Row]], muted: Callable[[Row], bool] | None = None) -> None:
        """``muted`` rows (history, replaced entries) are shown in grey."""
        super().__init__()
        self._columns = list(columns)
        self._muted = muted
        self._rows: list[Row] = []

    def set_rows(self, rows: Sequence[Row]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def row(self, index: int) -> Row:
        return self._rows[index]

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._columns)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        return column_header(self._columns, section, orientation, role)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        return cell(self._columns[index.column()], self._rows[index.row()], role, self._muted)


def column_header(columns: Sequence[Column[Any]], section: int, orientation: Qt.Orientation, role: int) -> Any:
    if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
        return columns[section].header
    return None


def cell(column: Column[Row], row: Row, role: int, muted: Callable[[Row], bool] | None = None) -> Any:
    """What a table cell shows for ``role``: text (also as tooltip; a service's ``Label`` in the window's
    language), grey when muted, background colour."""
    if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
        return spoken(column.text(row))
    if role == Qt.ItemDataRole.ForegroundRole and muted is not None and muted(row):
        return QBrush(QColor("#7a7a7a"))
    if role == Qt.ItemDataRole.BackgroundRole and column.color is not None:
        color = column.color(row)
        return QBrush(QColor(color)) if color else None
    return None
