"""Small helpers shared by the screens: German dates, a configured table view."""

from __future__ import annotations

from datetime import date, datetime

from PySide6.QtCore import QAbstractItemModel, Qt
from PySide6.QtGui import QFocusEvent
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QLabel, QTableView

from abh_desk.clock import OFFICE_ZONE


def german_date(value: date | None) -> str:
    return value.strftime("%d.%m.%Y") if value else ""


def thousands(number: int) -> str:
    """1228 → "1.228", as German figures are written."""
    return f"{number:,}".replace(",", ".")


def moment_text(value: datetime) -> str:
    """A point in time as the office reads it: TT.MM.JJJJ HH:MM in Europe/Berlin, whatever zone
    the workstation is set to."""
    return value.astimezone(OFFICE_ZONE).strftime("%d.%m.%Y %H:%M")


class KeyTable(QTableView):
    """A table for the keyboard: Tab leaves it (to the next field, as everywhere else) instead of
    walking its cells, and a table reached by Tab or a shortcut has a row chosen, so Enter acts at once."""

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        model = self.model()
        keyboard = event.reason() in (
            Qt.FocusReason.TabFocusReason,
            Qt.FocusReason.BacktabFocusReason,
            Qt.FocusReason.ShortcutFocusReason,
            Qt.FocusReason.OtherFocusReason,
        )
        if keyboard and model is not None and model.rowCount() and not self.currentIndex().isValid():
            self.selectRow(0)


def table_view(model: QAbstractItemModel, widths: tuple[int, ...] = ()) -> QTableView:
    """A read-only table: whole rows selected, no row numbers, the last column stretched; Tab leaves it."""
    view = KeyTable()
    view.setTabKeyNavigation(False)
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.verticalHeader().setVisible(False)
    view.verticalHeader().setDefaultSectionSize(24)
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    view.horizontalHeader().setStretchLastSection(True)
    view.setAlternatingRowColors(True)
    for column, width in enumerate(widths):
        view.setColumnWidth(column, width)
    return view


ERROR_STYLE = "color: #a4000f;"


def message_label(style: str = ERROR_STYLE) -> QLabel:
    """A label for German messages: plain text (names are never read as markup), wrapped."""
    label = QLabel()
    label.setStyleSheet(style)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    return label
