"""Counts on screen are true above 1,000 deadlines: the start page's tiles, the note where its list
is cut, the Fristen tab's groups — each paged like the search, every row reachable."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from abh_desk.services.context import ServiceContext
from abh_desk.services.worklists import OVERDUE, THIS_WEEK
from abh_desk.services.worklists import TODAY as DUE_TODAY
from tests.support.busy import BUSY_DAY, busy_caseworker
from ui.main_window import MainWindow

TODAY = BUSY_DAY


def test_start_page_and_fristen_show_the_true_counts(qtbot: QtBot, sqlite_ctx: ServiceContext) -> None:
    clerk = busy_caseworker(sqlite_ctx)
    window = MainWindow(clerk)
    qtbot.addWidget(window)
    window.show()
    start = window.start
    qtbot.waitUntil(lambda: start.overdue.text() == "1.228\nüberfällig")
    assert start.due_today.text() == "113\nheute fällig" and start.this_week.text() == "397\ndiese Woche"
    assert start.urgent.rowCount() == 300  # the first hundred of each group
    assert start.cut_note.isVisible()
    assert "von 1.228 überfälligen die ersten 100" in start.cut_note.text()
    assert "von 113 heute fälligen die ersten 100" in start.cut_note.text()

    start.due_today.click()  # the tile opens its group, in full
    page = window.deadlines
    assert window.tabs.currentWidget() is page
    qtbot.waitUntil(lambda: page.rows.rowCount() == 113)
    assert page.group_bar.currentIndex() == DUE_TODAY
    assert [page.group_bar.tabText(g) for g in range(4)] == [
        "Überfällig (1.228)",
        "Heute (113)",
        "Diese Woche (397)",
        "Nächste acht Wochen (40)",
    ]
    assert page.summary.text() == "1.228 überfällig · 113 heute · 397 diese Woche · 40 in den nächsten acht Wochen"
    page.group_bar.setCurrentIndex(OVERDUE)
    qtbot.waitUntil(lambda: page.rows.rowCount() == 1_228)
    last = page.rows.index(1_227, 1)
    page.view.scrollTo(last)
    qtbot.waitUntil(lambda: page.rows.row(1_227) is not None)  # the last page fetched on demand
    assert page.rows.data(last).startswith("ABH-")
    page.group_bar.setCurrentIndex(THIS_WEEK)
    qtbot.waitUntil(lambda: page.rows.rowCount() == 397)
