"""An English window shows the services' words in English too (issue 22, part 3): a case's status, a
deadline's kind and group, the role in the status bar are ``Label``s of the catalogue, German as text
(the German window is unchanged: its tests assert the German words) and English through
``ui.messages.spoken``."""

from __future__ import annotations

from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from abh_desk.demo.users import DEMO_PASSWORD, ensure_demo_users
from abh_desk.domain.case_flow import CaseAction
from abh_desk.domain.enums import CASE_STATUS_LABELS, DEADLINE_KIND_LABELS
from abh_desk.services.auth import sign_in
from abh_desk.services.case_status import change_status
from abh_desk.services.cases import open_case
from abh_desk.services.context import ServiceContext
from abh_desk.services.deadlines import set_follow_up
from abh_desk.services.persons import PersonInput, create_person
from abh_desk.services.worklists import GROUP_LABELS
from abh_desk.services.worklists import TODAY as DUE_TODAY
from ui.main_window import MainWindow

#: Every German status, deadline kind and group word the window could show here.
GERMAN = {str(label) for label in (*CASE_STATUS_LABELS.values(), *DEADLINE_KIND_LABELS.values(), *GROUP_LABELS)}


def _column(model: Any, column: int) -> list[str]:
    return [model.data(model.index(row, column)) for row in range(model.rowCount())]


@pytest.mark.usefixtures("english")
def test_statuses_deadline_kinds_and_the_role_speak_english(qtbot: QtBot, sqlite_ctx: ServiceContext) -> None:
    ensure_demo_users(sqlite_ctx)
    signed_in = sign_in(sqlite_ctx, "schweiger", DEMO_PASSWORD)
    clerk = sqlite_ctx.as_user(signed_in.actor)
    cases = []
    for family in ("Haddad", "Kaya"):  # both in Frau Schweiger's range
        person = create_person(sqlite_ctx, PersonInput(family, "Test", "01.01.1990", nationality="SYR"))
        cases.append(open_case(sqlite_ctx, person.id, "99010019001008", applied_on=sqlite_ctx.today()).id)
    change_status(clerk, cases[0], CaseAction.START)
    set_follow_up(clerk, cases[1], clerk.today(), "Pass anfordern")

    window = MainWindow(clerk, signed_in=signed_in)
    qtbot.addWidget(window)
    window.show()
    # (the words around it are Qt's translation; a test before may have left a German translator)
    assert window.user_label.text().endswith(": Frau Schweiger (Caseworker)")

    start = window.start
    qtbot.waitUntil(lambda: start.urgent.rowCount() == 1)
    assert (_column(start.urgent, 0), _column(start.urgent, 4)) == (["Today"], ["Follow-up"])
    qtbot.waitUntil(lambda: bool(start.case_counts))
    shown = {label.text() for label in start.findChildren(type(window.user_label))}
    assert {"New", "In progress"} <= shown and not shown & GERMAN

    window.tabs.setCurrentWidget(window.my_cases)
    page = window.my_cases
    qtbot.waitUntil(lambda: page.model.rowCount() == 2 and "…" not in _column(page.model, 1))
    statuses = dict(zip(_column(page.model, 1), _column(page.model, 4), strict=True))
    assert statuses == {"Haddad, Test": "In progress", "Kaya, Test": "New"}

    window.tabs.setCurrentWidget(window.deadlines)
    deadlines = window.deadlines
    deadlines.group_bar.setCurrentIndex(DUE_TODAY)
    qtbot.waitUntil(lambda: deadlines.rows.rowCount() == 1 and deadlines.rows.row(0) is not None)
    row = [deadlines.rows.data(deadlines.rows.index(0, column)) for column in range(deadlines.rows.columnCount())]
    assert "Follow-up" in row and not set(row) & GERMAN
    assert "Pass anfordern" in row  # the note is a record: shown as it was written
