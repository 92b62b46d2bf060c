"""A table over a list of ids that fetches its rows a page at a time, on the database thread.

A million matches cost a list of a million ints; the rows of a page are fetched when it first
becomes visible (Anki's browser table does the same), so the table stays smooth at any size.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from ui.rows_model import Column, cell, column_header
from ui.tasks import TaskRunner

PAGE_SIZE = 100
Row = TypeVar("Row")
Index = QModelIndex | QPersistentModelIndex


class PagedTableModel(QAbstractTableModel, Generic[Row]):
    def __init__(
        self,
        runner: TaskRunner,
        fetch: Callable[[list[int]], list[Row]],
        columns: Sequence[Column[Row]],
        row_id: Callable[[Row], int],
    ) -> None:
        super().__init__()
        self._runner = runner
        self._fetch = fetch
        self._columns = list(columns)
        self._row_id = row_id
        self._ids: list[int] = []
        self._rows: dict[int, Row] = {}
        self._requested: set[int] = set()
        self._generation = 0

    def set_ids(self, ids: list[int]) -> None:
        self.beginResetModel()
        self._generation += 1
        self._ids = ids
        self._rows = {}
        self._requested = set()
        self.endResetModel()

    def extend_ids(self, ids: list[int]) -> None:
        """Show the full list after a first page: where it begins with the rows already shown, they
        stay (with their fetched data) and the rest is appended; otherwise the table is replaced."""
        if len(ids) < len(self._ids) or ids[: len(self._ids)] != self._ids:
            self.set_ids(ids)
            return
        if len(ids) > len(self._ids):
            self.beginInsertRows(QModelIndex(), len(self._ids), len(ids) - 1)
            self._ids = ids
            self.endInsertRows()

    def id_at(self, row: int) -> int | None:
        return self._ids[row] if 0 <= row < len(self._ids) else None

    def row(self, row: int) -> Row | None:
        row_id = self.id_at(row)
        return None if row_id is None else self._rows.get(row_id)

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._columns)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        return column_header(self._columns, section, orientation, role)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self.row(index.row())
        if row is None:
            if role == Qt.ItemDataRole.DisplayRole:
                self._request_page(index.row() // PAGE_SIZE)
                return "…"
            return None
        return cell(self._columns[index.column()], row, role)

    def _request_page(self, page: int) -> None:
        if page in self._requested:
            return
        self._requested.add(page)
        generation = self._generation
        ids = self._ids[page * PAGE_SIZE : (page + 1) * PAGE_SIZE]
        fetch = self._fetch

        def loaded(rows: list[Row]) -> None:
            if generation != self._generation:
                return  # a newer list replaced the ids meanwhile
            self._rows.update((self._row_id(r), r) for r in rows)
            first = page * PAGE_SIZE
            last = min(first + PAGE_SIZE, len(self._ids)) - 1
            self.dataChanged.emit(self.index(first, 0), self.index(last, len(self._columns) - 1))

        self._runner.run(lambda: fetch(ids), loaded, lambda _exc: self._requested.discard(page), owner=self)
