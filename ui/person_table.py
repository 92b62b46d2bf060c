"""The search result table: holds only the matching ids and fetches rows a page at a time.

A million matches cost a list of a million ints; the rows themselves are fetched on the
database thread when a page first becomes visible (Anki's browser table does the same).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from abh_desk.services.context import ServiceContext
from abh_desk.services.persons import PersonSummary, person_rows
from ui.tasks import TaskRunner

PAGE_SIZE = 100
Index = QModelIndex | QPersistentModelIndex


class PersonResultModel(QAbstractTableModel):
    COLUMNS = ("family_name", "given_names", "birth_date", "nationality", "passport_number", "city")

    def __init__(self, ctx: ServiceContext, runner: TaskRunner) -> None:
        super().__init__()
        self._ctx = ctx
        self._runner = runner
        self._ids: list[int] = []
        self._rows: dict[int, PersonSummary] = {}
        self._requested: set[int] = set()
        self._generation = 0

    def headers(self) -> tuple[str, ...]:
        return (
            self.tr("Family name"),
            self.tr("Given names"),
            self.tr("Date of birth"),
            self.tr("Nationality"),
            self.tr("Passport no."),
            self.tr("Place of residence"),
        )

    def set_ids(self, ids: list[int]) -> None:
        self.beginResetModel()
        self._generation += 1
        self._ids = ids
        self._rows = {}
        self._requested = set()
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.headers()[section]
        return None

    def summary(self, row: int) -> PersonSummary | None:
        person_id = self.person_id(row)
        return None if person_id is None else self._rows.get(person_id)

    def person_id(self, row: int) -> int | None:
        return self._ids[row] if 0 <= row < len(self._ids) else None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or role != Qt.ItemDataRole.DisplayRole:
            return None
        row = self.summary(index.row())
        if row is None:
            self._request_page(index.row() // PAGE_SIZE)
            return "…"
        return getattr(row, self.COLUMNS[index.column()])

    def _request_page(self, page: int) -> None:
        if page in self._requested:
            return
        self._requested.add(page)
        generation = self._generation
        ids = self._ids[page * PAGE_SIZE : (page + 1) * PAGE_SIZE]
        ctx = self._ctx

        def loaded(rows: list[PersonSummary]) -> None:
            if generation != self._generation:
                return  # a newer search replaced the ids meanwhile
            self._rows.update((r.id, r) for r in rows)
            first = page * PAGE_SIZE
            last = min(first + PAGE_SIZE, len(self._ids)) - 1
            self.dataChanged.emit(self.index(first, 0), self.index(last, len(self.COLUMNS) - 1))

        self._runner.run(lambda: person_rows(ctx, ids), loaded, lambda exc: self._requested.discard(page))
