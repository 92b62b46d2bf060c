"""The counter search finds a passport of letters only and an Aktenzeichen by its running number;
a reference that finds nobody says what to type instead."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from abh_desk.services.cases import open_case
from abh_desk.services.context import ServiceContext
from abh_desk.services.persons import PersonInput, create_person
from ui.main_window import MainWindow

TODAY = date(2026, 11, 23)


def test_letter_passports_partial_file_numbers_and_a_hint(qtbot: QtBot, sqlite_ctx: ServiceContext) -> None:
    tran = create_person(
        sqlite_ctx, PersonInput("Tran", "Minh", "01.01.1990", nationality="VNM", passport_number="UYCEQWYAK")
    )
    haddad = create_person(sqlite_ctx, PersonInput("Haddad", "Rania", "01.01.1990", nationality="SYR"))
    case = open_case(sqlite_ctx, haddad.id, "99010019001008", applied_on=TODAY)
    window = MainWindow(sqlite_ctx)
    qtbot.addWidget(window)
    window.show()
    search = window.search
    qtbot.keyClicks(window.search_field, "UYCEQWYAK")
    qtbot.keyClick(window.search_field, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: search.current_file is not None and search.current_file.person.id == tran.id)

    window.search_field.clear()
    qtbot.keyClicks(window.search_field, case.file_number[-6:])  # "000001"
    qtbot.keyClick(window.search_field, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: search.current_file is not None and search.current_file.person.id == haddad.id)

    window.search_field.clear()
    qtbot.keyClicks(window.search_field, "777777")
    qtbot.waitUntil(lambda: "laufende Nummer" in search.result_count.text())
    assert search.results.rowCount() == 0 and search.current_file is None
