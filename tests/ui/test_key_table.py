"""The read-only tables (``ui.widgets.table_view``): a table reached by the keyboard shows its
chosen row highlighted, so the clerk sees what Enter will act on."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from ui.rows_model import Column, RowsModel
from ui.widgets import table_view


def _form(qtbot: QtBot, rows: list[str]) -> tuple[QWidget, QLineEdit, QWidget]:
    form = QWidget()
    field = QLineEdit()
    model = RowsModel[str]([Column("Name", lambda r: r)])
    model.set_rows(rows)
    view = table_view(model)
    view.setParent(form)
    form.model = model  # type: ignore[attr-defined]  # kept alive with the form
    layout = QVBoxLayout(form)
    layout.addWidget(field)
    layout.addWidget(view)
    qtbot.addWidget(form)
    with qtbot.waitActive(form):
        form.show()
        form.activateWindow()
    field.setFocus()
    return form, field, view


def test_tab_into_a_table_highlights_its_first_row(qtbot: QtBot) -> None:
    _form_widget, field, view = _form(qtbot, ["Nguyễn", "Şahin", "Kovalenko"])
    qtbot.keyClick(field, Qt.Key.Key_Tab)
    assert view.hasFocus()
    assert view.currentIndex().row() == 0
    assert view.selectionModel().isRowSelected(0)  # highlighted, not only a frame round one cell


def test_back_into_a_table_keeps_the_row_chosen_there(qtbot: QtBot) -> None:
    _form_widget, field, view = _form(qtbot, ["Nguyễn", "Şahin", "Kovalenko"])
    qtbot.keyClick(field, Qt.Key.Key_Tab)
    qtbot.keyClick(view, Qt.Key.Key_Down)
    qtbot.keyClick(view, Qt.Key.Key_Tab, Qt.KeyboardModifier.ShiftModifier)
    assert field.hasFocus()
    qtbot.keyClick(field, Qt.Key.Key_Tab)
    assert view.currentIndex().row() == 1 and view.selectionModel().isRowSelected(1)


def test_an_empty_table_takes_the_focus_without_choosing_a_row(qtbot: QtBot) -> None:
    _form_widget, field, view = _form(qtbot, [])
    qtbot.keyClick(field, Qt.Key.Key_Tab)
    assert view.hasFocus() and not view.currentIndex().isValid()
