"""Never act on the wrong person: after a new search without a pick the pane and Strg+N / F2 act on
nobody; a late answer for the previous person does not come back; a saved person is the one
selected; a new case shows in the person's list at once."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from abh_desk.services.context import ServiceContext
from abh_desk.services.persons import PersonInput, create_person
from ui.main_window import MainWindow
from ui.new_case_dialog import NewCaseDialog

TODAY = date(2026, 11, 21)


def _window(qtbot: QtBot, ctx: ServiceContext) -> MainWindow:
    for family, given in (("Mueller", "Andreas"), ("Okafor", "Chinedu"), ("Okafor", "Ada")):
        create_person(ctx, PersonInput(family, given, "01.01.1985", nationality="NGA"))
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def _open(qtbot: QtBot, window: MainWindow, text: str) -> None:
    window.search_field.clear()
    qtbot.keyClicks(window.search_field, text)
    qtbot.keyClick(window.search_field, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.search.current_file is not None)


def test_a_new_search_without_a_pick_leaves_nobody_to_act_on(qtbot: QtBot, sqlite_ctx: ServiceContext) -> None:
    window = _window(qtbot, sqlite_ctx)
    assert not window.new_case_action.isEnabled()
    _open(qtbot, window, "mueller")
    assert window.search.current_file is not None
    assert window.new_case_action.isEnabled()
    assert window.new_case_action.text() == "Neuer &Vorgang für Mueller, Andreas …"

    qtbot.keyClicks(window.search_field, "x")  # typing goes on: another person is looked for
    assert window.search.current_file is None  # at once, before the results come back
    assert window.search.person_header.text() == "Keine Person ausgewählt."
    assert window.search.cases.rowCount() == 0
    assert not window.new_case_action.isEnabled() and not window.edit_person_action.isEnabled()
    window.search_field.selectAll()
    qtbot.keyClicks(window.search_field, "okafor")
    qtbot.waitUntil(lambda: window.search.results.rowCount() == 2)
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)  # Strg+N: nobody picked yet
    qtbot.wait(100)
    assert window.findChild(NewCaseDialog) is None
    assert window.search.current_file is None

    window.search.result_view.setFocus()
    qtbot.keyClick(window.search.result_view, Qt.Key.Key_Down)  # now a row is picked
    qtbot.waitUntil(lambda: window.search.current_file is not None)
    picked = window.search.results.id_at(window.search.result_view.currentIndex().row())
    assert window.search.current_file.person.id == picked
    assert "Okafor" in window.new_case_action.text()


def test_a_late_answer_for_the_previous_person_is_dropped(qtbot: QtBot, sqlite_ctx: ServiceContext) -> None:
    window = _window(qtbot, sqlite_ctx)
    _open(qtbot, window, "mueller")
    mueller = window.search.current_file.person.id  # type: ignore[union-attr]
    window.search.current_file = None
    window.search.open_person(mueller)  # asked for, not yet shown …
    qtbot.keyClicks(window.search_field, "okafor")  # … when the clerk searches on
    assert window.runner.wait()
    qtbot.waitUntil(lambda: not window.runner.busy)  # every answer delivered, Müller's late one too
    assert window.search.current_file is None  # Müller's file, answered late, is not shown
    assert window.search.person_header.text() == "Keine Person ausgewählt."


def test_a_saved_person_is_the_one_selected_and_shown(qtbot: QtBot, sqlite_ctx: ServiceContext) -> None:
    window = _window(qtbot, sqlite_ctx)
    _open(qtbot, window, "mueller")
    dialog = window.new_person()
    dialog.inputs["family_name"].setText("Okafor")
    dialog.inputs["given_names"].setText("Ngozi")
    dialog.inputs["birth_date"].setText("02.02.2002")
    nationality = dialog.inputs["nationality"]
    nationality.setCurrentIndex(nationality.findData("NGA"))  # type: ignore[union-attr]
    qtbot.mouseClick(dialog.buttons.buttons()[0], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.saved is not None)
    new_id = dialog.saved.id  # type: ignore[union-attr]
    qtbot.waitUntil(lambda: window.search.current_file is not None and window.search.current_file.person.id == new_id)
    qtbot.waitUntil(lambda: window.search.result_view.currentIndex().isValid())
    assert window.search.results.id_at(window.search.result_view.currentIndex().row()) == new_id
    assert window.search_field.text() == "Okafor Ngozi"
    assert window.new_case_action.text() == "Neuer &Vorgang für Okafor, Ngozi …"


def test_the_case_list_shows_a_new_case_even_when_the_dialog_is_closed(
    qtbot: QtBot, sqlite_ctx: ServiceContext
) -> None:
    window = _window(qtbot, sqlite_ctx)
    _open(qtbot, window, "okafor chinedu")
    dialog = window.new_case()
    assert isinstance(dialog, NewCaseDialog)
    qtbot.keyClicks(dialog.filter, "qualifizierung")
    qtbot.keyClick(dialog.filter, Qt.Key.Key_Return)
    qtbot.keyClick(dialog.procedures, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.created is not None)
    dialog.reject()  # "Schließen" instead of "Vorgang anzeigen"
    qtbot.waitUntil(lambda: window.search.cases.rowCount() == 1)
    assert window.search.cases.row(0).file_number == dialog.created.file_number  # type: ignore[union-attr]
