"""The first window, driven as a clerk would: type into the search, pick a person, read the file."""

from __future__ import annotations

import threading
from datetime import date, timedelta

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from abh_desk.services.cases import open_case
from abh_desk.services.context import ServiceContext
from abh_desk.services.persons import PersonInput, TitleRow, create_person
from models import ResidenceTitle
from ui.main_window import MainWindow
from ui.search_page import expiry_color
from ui.tasks import TaskRunner

TODAY = date(2026, 11, 21)


def _window(qtbot: QtBot, ctx: ServiceContext) -> MainWindow:
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def _seed(ctx: ServiceContext) -> int:
    for family, given, nationality in (("Mueller", "Jonas", "CHE"), ("Muller", "Lea", "FRA"), ("Şahin", "Ayşe", "TUR")):
        create_person(ctx, PersonInput(family, given, "01.01.1985", nationality=nationality))
    anna = create_person(ctx, PersonInput("Müller", "Anna", "12.03.1990", nationality="AUT")).id
    open_case(ctx, anna, "99010019001008", applied_on=TODAY)
    with ctx.unit_of_work() as uow:
        uow.session.add(
            ResidenceTitle(
                person_id=anna,
                kind="Aufenthaltserlaubnis",
                legal_basis="§ 16d AufenthG",
                valid_from=TODAY - timedelta(days=300),
                valid_until=TODAY + timedelta(days=20),
            )
        )
        uow.commit()
    return anna


def test_typing_a_folded_name_lists_every_spelling_and_opens_the_person(
    qtbot: QtBot, sqlite_ctx: ServiceContext
) -> None:
    _seed(sqlite_ctx)
    window = _window(qtbot, sqlite_ctx)
    assert window.search.results.headerData(0, Qt.Orientation.Horizontal) == "Familienname"

    qtbot.keyClicks(window.search_field, "mueller")
    qtbot.waitUntil(lambda: window.search.results.rowCount() == 3)
    qtbot.waitUntil(lambda: window.search.result_count.text() == "3 Personen gefunden")
    qtbot.waitUntil(lambda: window.search.results.data(window.search.results.index(0, 0)) != "…")
    names = {window.search.results.data(window.search.results.index(r, 0)) for r in range(3)}
    assert names == {"Müller", "Mueller", "Muller"}

    qtbot.waitUntil(lambda: not window.runner.busy)
    anna_row = next(r for r in range(3) if window.search.results.data(window.search.results.index(r, 0)) == "Müller")
    window.search.result_view.selectRow(anna_row)
    qtbot.waitUntil(lambda: window.search.cases.rowCount() == 1)
    assert "Müller, Anna" in window.search.person_header.text() and "Österreich" in window.search.person_header.text()
    assert window.search.cases.data(window.search.cases.index(0, 0)) == "ABH-2026-000001"
    assert window.search.cases.data(window.search.cases.index(0, 2)) == "Neu"
    assert window.search.cases.data(window.search.cases.index(0, 4)) == "Frau Schweiger"
    expiry = window.search.titles.data(window.search.titles.index(0, 3), Qt.ItemDataRole.BackgroundRole)
    assert isinstance(expiry, QBrush) and expiry.color().name() == "#fde9b7"


def test_enter_in_the_search_field_opens_the_first_hit(qtbot: QtBot, sqlite_ctx: ServiceContext) -> None:
    _seed(sqlite_ctx)
    window = _window(qtbot, sqlite_ctx)
    qtbot.keyClicks(window.search_field, "sahin")
    qtbot.waitUntil(lambda: window.search.results.rowCount() == 1)
    qtbot.keyClick(window.search_field, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "Şahin, Ayşe" in window.search.person_header.text())


def test_arrow_down_goes_from_the_search_field_into_the_hits(qtbot: QtBot, sqlite_ctx: ServiceContext) -> None:
    _seed(sqlite_ctx)
    window = _window(qtbot, sqlite_ctx)
    qtbot.keyClicks(window.search_field, "m")
    qtbot.waitUntil(lambda: window.search.results.rowCount() >= 2)
    qtbot.keyClick(window.search_field, Qt.Key.Key_Down)
    assert window.search.result_view.hasFocus() and window.search.result_view.currentIndex().row() == 0
    # and looks chosen: its row highlighted, not only a frame round its first cell
    assert window.search.result_view.selectionModel().isRowSelected(0)
    qtbot.waitUntil(lambda: window.search.current_file is not None)  # the first hit is shown


def test_ctrl_f_focuses_the_search_from_anywhere(qtbot: QtBot, sqlite_ctx: ServiceContext) -> None:
    window = _window(qtbot, sqlite_ctx)
    with qtbot.waitActive(window):
        window.activateWindow()
    window.search.case_view.setFocus()
    assert not window.search_field.hasFocus()
    qtbot.keyClick(window.search.case_view, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: window.search_field.hasFocus())


def test_a_bad_search_shows_a_german_message(qtbot: QtBot, sqlite_ctx: ServiceContext) -> None:
    window = _window(qtbot, sqlite_ctx)
    qtbot.keyClicks(window.search_field, "31.02.1990")
    qtbot.waitUntil(lambda: "kein gültiges Datum" in window.statusBar().currentMessage())
    assert window.search.results.rowCount() == 0


def test_expiry_colors() -> None:
    def title(until: date | None) -> TitleRow:
        return TitleRow(1, "Aufenthaltserlaubnis", "§ 16a AufenthG", TODAY - timedelta(days=400), until, "")

    assert expiry_color(title(TODAY - timedelta(days=1)), TODAY) == "#f4c7c3"
    assert expiry_color(title(TODAY + timedelta(weeks=8)), TODAY) == "#fde9b7"
    assert expiry_color(title(TODAY + timedelta(weeks=8, days=1)), TODAY) is None
    assert expiry_color(title(None), TODAY) is None
    replaced = TitleRow(
        2,
        "Aufenthaltserlaubnis",
        "§ 18 AufenthG",
        TODAY - timedelta(days=900),
        TODAY - timedelta(days=500),
        "",
        current=False,
    )
    assert expiry_color(replaced, TODAY) is None


def test_task_runner_returns_results_on_the_gui_thread(qtbot: QtBot, qapp: QApplication) -> None:
    runner = TaskRunner()
    seen: dict[str, object] = {}

    def work() -> str:
        seen["worker"] = threading.current_thread() is threading.main_thread()
        return "fertig"

    def done(result: object) -> None:
        seen["result"] = result
        seen["callback_on_gui_thread"] = threading.current_thread() is threading.main_thread()

    runner.run(work, done)
    qtbot.waitUntil(lambda: "result" in seen)
    assert seen == {"worker": False, "result": "fertig", "callback_on_gui_thread": True}

    errors: list[Exception] = []
    runner.run(lambda: 1 / 0, lambda _r: None, errors.append)
    qtbot.waitUntil(lambda: bool(errors))
    assert isinstance(errors[0], ZeroDivisionError)


def test_a_single_letter_shows_a_first_page_at_once_then_the_full_count(
    qtbot: QtBot, sqlite_ctx: ServiceContext
) -> None:
    from sqlalchemy import insert

    from models import Person

    with sqlite_ctx.unit_of_work() as uow:
        uow.session.execute(
            insert(Person),
            [
                {
                    "family_name": f"Mahmoud{n:03d}",
                    "given_names": "Ali",
                    "family_name_key": f"MAHMOUD{n:03d}",
                    "given_names_key": "ALI",
                    "routing_key": f"MAHMOUD{n:03d}",
                    "birth_year": 1990,
                    "nationality": "SYR",
                    "sex": "m",
                    "created_at": uow.now,
                    "updated_at": uow.now,
                }
                for n in range(250)
            ],
        )
        uow.commit()
    window = _window(qtbot, sqlite_ctx)
    model = window.search.results
    inserted: list[tuple[int, int]] = []
    model.rowsInserted.connect(lambda _parent, first, last: inserted.append((first, last)))
    qtbot.keyClicks(window.search_field, "m")
    qtbot.waitUntil(lambda: window.search.result_count.text() == "250 Personen gefunden")
    # the first 100 came from the LIMIT query; the other 150 were appended, the first page kept
    assert inserted[-1] == (100, 249)
    assert model.rowCount() == 250
    qtbot.waitUntil(lambda: model.data(model.index(0, 0)) == "Mahmoud000")


def test_enter_right_after_typing_opens_the_new_hit_not_a_left_over_row(
    qtbot: QtBot, sqlite_ctx: ServiceContext
) -> None:
    _seed(sqlite_ctx)
    window = _window(qtbot, sqlite_ctx)
    qtbot.keyClicks(window.search_field, "mueller")
    qtbot.waitUntil(lambda: window.search.results.rowCount() == 3)
    window.search_field.clear()
    window.search_field.setText("sahin")  # as a scanner: the text and Enter arrive at once
    qtbot.keyClick(window.search_field, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.search.current_file is not None)
    assert window.search.current_file.person.family_name == "Şahin"


def test_a_case_open_already_comes_to_the_front_instead_of_a_second_window(
    qtbot: QtBot, sqlite_ctx: ServiceContext
) -> None:
    """Found by a tester: Enter twice in "Meine Fälle" opened two windows on one case."""
    person = create_person(sqlite_ctx, PersonInput("Kovalenko", "Olena", "01.01.1990", nationality="UKR")).id
    case_id = open_case(sqlite_ctx, person, "99010019001008", applied_on=TODAY).id
    window = _window(qtbot, sqlite_ctx)
    first = window.open_case(case_id)
    assert window.open_case(case_id) is first and len(window.case_dialogs) == 1
    first.close()
    qtbot.waitUntil(lambda: not window.case_dialogs)  # closed: the next Enter opens it anew
    second = window.open_case(case_id)
    assert second is not first and window.case_dialogs == [second]
