"""What the window showed of personal data reaches the audit trail: the search typed at the counter
is noted without a write per keystroke, and the window writes the notes when it locks, on its timer
and when it closes (issue 24, part 5)."""

from __future__ import annotations

import json

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from abh_desk.services.context import ServiceContext
from abh_desk.services.persons import PersonInput, create_person
from models import AuditEvent
from ui.main_window import MainWindow


def _searches(ctx: ServiceContext) -> list[str]:
    with ctx.db.read() as session:
        rows = session.scalars(
            select(AuditEvent.payload_json).where(AuditEvent.action == "suchergebnis_gelesen").order_by(AuditEvent.id)
        )
        return [json.loads(row or "{}")["suchtext"] for row in rows]


def test_the_counter_search_is_logged_when_the_window_locks_and_closes(
    qtbot: QtBot, sqlite_ctx: ServiceContext
) -> None:
    haddad = create_person(sqlite_ctx, PersonInput("Haddad", "Rania", "01.01.1990", nationality="SYR"))
    window = MainWindow(sqlite_ctx)
    qtbot.addWidget(window)
    window.show()
    assert window.read_flush.isActive() and window.read_flush.interval() == 20_000
    search = window.search
    qtbot.keyClicks(window.search_field, "Haddad")
    qtbot.keyClick(window.search_field, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: search.current_file is not None and search.current_file.person.id == haddad.id)
    window.runner.wait()
    # Opening the file is logged in its own transaction; the search noted before it goes in with it.
    assert _searches(sqlite_ctx) == ["Haddad"]

    window.search_field.clear()
    qtbot.keyClicks(window.search_field, "Nguyen")
    qtbot.waitUntil(lambda: search._shown_text == "Nguyen")  # the search ran (nobody found)
    window.runner.wait()
    assert _searches(sqlite_ctx) == ["Haddad"]  # noted, not yet written: no write per keystroke
    window.lock()
    window.runner.wait()
    assert _searches(sqlite_ctx)[-1] == "Nguyen"
    window.unlock()

    window.search_field.clear()
    qtbot.keyClicks(window.search_field, "Kovalenko")
    qtbot.waitUntil(lambda: search._shown_text == "Kovalenko")  # the search ran (nobody found)
    window.runner.wait()
    assert _searches(sqlite_ctx)[-1] == "Nguyen"
    window.close()
    assert _searches(sqlite_ctx)[-1] == "Kovalenko"
