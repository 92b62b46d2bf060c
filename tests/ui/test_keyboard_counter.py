"""The counter path without a mouse: after sign-in something has focus; Strg+F, type, Enter opens
the person; Alt+G goes to the cases with one chosen, Enter opens it; Strg+2 the documents, Space
ticks; Strg+5 the letters, Alt+N requests what is missing, Strg+P prints it. Tab leaves a table."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from abh_desk.domain.enums import Role
from abh_desk.services.cases import open_case
from abh_desk.services.context import Actor, ServiceContext
from abh_desk.services.persons import PersonInput, create_person
from models import User
from ui.main_window import MainWindow

TODAY = date(2026, 11, 23)
LANGUAGE_COURSE = "99010019001013"
CTRL, ALT = Qt.KeyboardModifier.ControlModifier, Qt.KeyboardModifier.AltModifier


@pytest.fixture
def clerk(sqlite_ctx: ServiceContext) -> ServiceContext:
    person = create_person(
        sqlite_ctx,
        PersonInput(
            "Kovalenko", "Olena", "01.01.1990", nationality="UKR", sex="w",
            street="Hauptstraße 1", postcode="78224", city="Singen",
        ),
    )  # fmt: skip
    open_case(sqlite_ctx, person.id, LANGUAGE_COURSE, applied_on=TODAY)
    with sqlite_ctx.db.read() as session:
        user = session.scalars(select(User).where(User.username == "schweiger")).one()  # K: Frau Schweiger
    return sqlite_ctx.as_user(Actor(user.id, user.username, Role(user.role)))


def test_find_open_tick_and_print_without_a_mouse(
    qtbot: QtBot, clerk: ServiceContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    printed: list[bytes] = []
    monkeypatch.setattr("ui.dialogs.ask_printer", lambda _parent: object())
    monkeypatch.setattr("ui.case_dialog.print_pdf", lambda pdf, _printer: printed.append(pdf) or 1)
    window = MainWindow(clerk)
    qtbot.addWidget(window)
    with qtbot.waitActive(window):
        window.show()
    assert window.focusWidget() is window.start.urgent_view  # after sign-in the keyboard starts here

    qtbot.keyClick(window.focusWidget(), Qt.Key.Key_F, CTRL)
    assert window.focusWidget() is window.search_field
    qtbot.keyClicks(window.search_field, "kovalenko")
    qtbot.keyClick(window.search_field, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.search.cases.rowCount() == 1)

    qtbot.keyClick(window.search_field, Qt.Key.Key_G, ALT)  # Alt+G: the person's cases
    assert window.focusWidget() is window.search.case_view
    assert window.search.case_view.currentIndex().row() == 0  # one is chosen: Enter opens it
    qtbot.keyClick(window.search.case_view, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: bool(window.case_dialogs) and window.case_dialogs[-1].file is not None)
    dialog = window.case_dialogs[-1]
    with qtbot.waitActive(dialog):
        dialog.activateWindow()

    qtbot.keyClick(dialog.focusWidget() or dialog, Qt.Key.Key_2, CTRL)
    assert dialog.tabs.currentIndex() == 1 and dialog.focusWidget() is dialog.checklist_view
    total = dialog.checklist.rowCount()
    qtbot.keyClick(dialog.checklist_view, Qt.Key.Key_Space)  # the passport is there
    qtbot.waitUntil(lambda: dialog.file is not None and dialog.file.missing == total - 1)

    qtbot.keyClick(dialog.checklist_view, Qt.Key.Key_5, CTRL)
    assert dialog.tabs.currentIndex() == 4 and dialog.focusWidget() is dialog.letters_view
    qtbot.keyClick(dialog.letters_view, Qt.Key.Key_N, ALT)  # Alt+N: request the missing ones
    qtbot.waitUntil(lambda: dialog.letters.rowCount() == 1 and dialog.letters_view.currentIndex().isValid())
    qtbot.keyClick(dialog.letters_view, Qt.Key.Key_P, CTRL)
    qtbot.waitUntil(lambda: bool(printed))
    assert printed[0].startswith(b"%PDF")


def test_tab_leaves_the_results_table(qtbot: QtBot, clerk: ServiceContext) -> None:
    window = MainWindow(clerk)
    qtbot.addWidget(window)
    with qtbot.waitActive(window):
        window.show()
    window.focus_search()
    qtbot.keyClicks(window.search_field, "kovalenko")
    qtbot.waitUntil(lambda: window.search.results.rowCount() == 1)
    qtbot.keyClick(window.search_field, Qt.Key.Key_Down)
    assert window.focusWidget() is window.search.result_view
    qtbot.keyClick(window.search.result_view, Qt.Key.Key_Tab)
    assert window.focusWidget() is not window.search.result_view  # on to the person's titles
    qtbot.keyClick(window.focusWidget(), Qt.Key.Key_Tab)
    assert window.focusWidget() is window.search.case_view
    qtbot.keyClick(window.focusWidget(), Qt.Key.Key_Tab, Qt.KeyboardModifier.ControlModifier)  # Strg+Tab: next page
    assert window.tabs.currentWidget() is window.deadlines


def test_enter_on_a_hit_moves_on_to_the_persons_cases(qtbot: QtBot, clerk: ServiceContext) -> None:
    """Enter on a hit did nothing visible (choosing the row had opened the file already); now the
    keyboard goes on to the cases, the first chosen, and a second Enter opens it."""
    window = MainWindow(clerk)
    qtbot.addWidget(window)
    with qtbot.waitActive(window):
        window.show()
    window.focus_search()
    qtbot.keyClicks(window.search_field, "kovalenko")
    qtbot.waitUntil(lambda: window.search.results.rowCount() == 1)
    qtbot.keyClick(window.search_field, Qt.Key.Key_Down)
    assert window.focusWidget() is window.search.result_view
    qtbot.keyClick(window.search.result_view, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.focusWidget() is window.search.case_view)
    assert window.search.case_view.currentIndex().row() == 0
    qtbot.keyClick(window.search.case_view, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: bool(window.case_dialogs) and window.case_dialogs[-1].file is not None)
