"""The overview and statistics tabs (issue 20): the bars a team lead sees equal the lists they
open; the suggested split opens the rule editor's preview; the exports saved from the window read
back equal the table on screen; caseworkers get neither tab."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import openpyxl
import pytest
from pytestqt.qtbot import QtBot

from abh_desk.services.context import ServiceContext
from tests.integration.test_overview import TODAY as OFFICE_DAY
from tests.integration.test_overview import as_user, demo_office
from ui.charts import BarChart
from ui.main_window import MainWindow
from ui.rules_dialog import RulesDialog

TODAY = OFFICE_DAY


def _open_overview(qtbot: QtBot, ctx: ServiceContext, username: str) -> MainWindow:
    window = MainWindow(as_user(ctx, username))
    qtbot.addWidget(window)
    window.show()
    assert window.overview is not None
    with qtbot.waitSignal(window.overview.sig_loaded, timeout=20_000):
        window.tabs.setCurrentWidget(window.overview)
    return window


def _click_every_bar(qtbot: QtBot, window: MainWindow, chart: BarChart) -> int:
    page = window.overview
    assert page is not None
    clicked = 0
    for series, item in enumerate(chart.series):
        if item.keys is None:
            continue
        for bar in range(len(chart.categories)):
            with qtbot.waitSignal(page.sig_loaded, timeout=10_000):
                chart.click(series, bar)
            assert page.list_model.rowCount() == chart.value(series, bar), (chart.chart_.title(), series, bar)
            clicked += 1
    return clicked


def test_each_bar_opens_the_list_behind_it(qtbot: QtBot, sqlite_ctx: ServiceContext) -> None:
    demo_office(sqlite_ctx)
    window = _open_overview(qtbot, sqlite_ctx, "soelter")  # the team lead of "allgemein"
    page = window.overview
    assert page is not None and window.tabs.tabText(window.tabs.indexOf(page)) == "Übersic&ht"
    assert page.scope.currentText() == "Allgemeines Ausländerrecht" and page.scope.count() == 1
    assert "offene Vorgänge" in page.summary.text() and "der älteste: ABH-" in page.summary.text()
    clicked = sum(
        _click_every_bar(qtbot, window, chart)
        for chart in (page.owner_chart, page.age_chart, page.overdue_chart, page.card_chart, page.review_chart)
    )
    assert clicked > 20
    # The weeks (this week's new and closed) open their cases; a procedure's bars (days, not a
    # count) open the cases it decided in the year, as many as the procedure's count.
    for series in (0, 1):
        with qtbot.waitSignal(page.sig_loaded, timeout=10_000):
            page.week_chart.click(series, 51)
        assert page.cases.rowCount() == page.week_chart.value(series, 51)
    assert page.data is not None
    with qtbot.waitSignal(page.sig_loaded, timeout=10_000):
        page.procedure_chart.click(0, 0)
    drill = page.procedure_chart.series[0].keys[0]
    assert page.cases.rowCount() == next(p.cases for p in page.data.procedures if p.drill == drill)
    assert page.procedure_chart.series[2].keys is None  # the catalogue's expectation opens nothing
    # A caseworker's stack by state: the list shows that caseworker's cases in that state.
    keller = page.owner_chart.categories.index("Frau Keller")
    with qtbot.waitSignal(page.sig_loaded, timeout=10_000):
        page.owner_chart.click(0, keller)
    qtbot.waitUntil(lambda: all(page.cases.row(r) is not None for r in range(min(50, page.cases.rowCount()))))
    rows = [page.cases.row(r) for r in range(min(50, page.cases.rowCount()))]
    assert rows and {(r.owner, r.status_label) for r in rows if r} == {("Frau Keller", "Neu")}
    assert page.list_label.text().startswith("Frau Keller · Neu: ")
    # Overdue deadlines list deadlines, not cases.
    with qtbot.waitSignal(page.sig_loaded, timeout=10_000):
        page.overdue_chart.click(0, 0)
    assert page.lists.currentWidget() is page.deadline_view
    # The oldest bucket that has cases is drawn in red.
    ages = page.age_chart.bar_sets[0]
    oldest = max(i for i in range(len(page.age_chart.categories)) if page.age_chart.value(0, i))
    assert ages.isBarSelected(oldest)


def test_the_suggested_split_opens_the_rule_editor_preview(
    qtbot: QtBot, sqlite_ctx: ServiceContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    demo_office(sqlite_ctx)
    window = _open_overview(qtbot, sqlite_ctx, "soelter")
    page = window.overview
    assert page is not None and page.suggestion is not None
    assert page.backlog.text().startswith(f"Längster Rückstand: {page.suggestion.busiest} mit ")
    assert page.rebalance_button.isEnabled()
    page.rebalance_button.click()
    dialog = next(w for w in window.findChildren(RulesDialog))
    qtbot.waitUntil(lambda: dialog.preview_label.text().startswith("Vorschau"), timeout=10_000)
    assert dialog.current_area == "allgemein"
    assert [(r.username, r.ranges) for r in dialog.edited_rows()] == [
        (s.username, s.ranges) for s in page.suggestion.shares
    ]
    assert dialog.moves.rowCount() > 0 and not dialog.apply_button.isEnabled()  # applied only with a reason
    # The proposal is typed, not applied: closing asks before it is thrown away.
    assert dialog.unsaved()
    asked: list[str] = []
    monkeypatch.setattr("ui.dialogs.ask_yes_no", lambda _parent, _title, question: asked.append(question) or True)
    dialog.reject()
    assert asked and not dialog.isVisible()


def test_the_statistics_saved_read_back_as_shown(qtbot: QtBot, sqlite_ctx: ServiceContext, tmp_path: Path) -> None:
    demo_office(sqlite_ctx)
    window = MainWindow(as_user(sqlite_ctx, "osswald"))
    qtbot.addWidget(window)
    page = window.statistics
    assert page is not None
    with qtbot.waitSignal(page.sig_loaded, timeout=20_000):
        window.tabs.setCurrentWidget(page)
    assert page.scope.currentText() == "Ganze Behörde" and page.year.value() == 2026
    shown = page.shown()
    assert shown[0][:4] == ["Zeitraum", "Anträge", "Bewilligungen", "Ablehnungen"] and len(shown) == 14
    for kind in ("csv", "xlsx", "pdf"):
        with qtbot.waitSignal(page.sig_loaded, timeout=20_000):
            page.export(kind, tmp_path / f"statistik.{kind}")
    text = (tmp_path / "statistik.csv").read_bytes().decode("utf-8-sig")
    assert list(csv.reader(io.StringIO(text), delimiter=";")) == shown
    sheet = openpyxl.load_workbook(tmp_path / "statistik.xlsx").active
    assert sheet is not None
    values = [["" if v is None else str(v).replace(".", ",").removesuffix(",0") for v in row] for row in sheet.values]
    assert values == shown
    assert (tmp_path / "statistik.pdf").read_bytes().startswith(b"%PDF")


def test_caseworkers_have_no_overview(qtbot: QtBot, sqlite_ctx: ServiceContext) -> None:
    demo_office(sqlite_ctx)
    window = MainWindow(as_user(sqlite_ctx, "keller"))
    qtbot.addWidget(window)
    assert window.overview is None and window.statistics is None
    assert "Übersic&ht" not in [window.tabs.tabText(i) for i in range(window.tabs.count())]
