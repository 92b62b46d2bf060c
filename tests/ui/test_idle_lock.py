"""Idle lock: after the idle time the main window and its open windows hide behind a lock screen;
a wrong password keeps it locked, the user's own password brings everything back; activity
postpones the lock."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from abh_desk.demo.users import DEMO_PASSWORD, ensure_demo_users
from abh_desk.services.auth import sign_in
from abh_desk.services.cases import open_case
from abh_desk.services.context import ServiceContext
from abh_desk.services.office import get_office_settings, update_office_settings
from abh_desk.services.persons import PersonInput, create_person
from ui.main_window import MainWindow

TODAY = date(2026, 11, 21)


def _window(qtbot: QtBot, ctx: ServiceContext) -> tuple[MainWindow, int]:
    ensure_demo_users(ctx)
    person = create_person(ctx, PersonInput("Haddad", "Rania", "01.01.1990", nationality="SYR"))
    case_id = open_case(ctx, person.id, "99010019001008", applied_on=TODAY).id
    signed_in = sign_in(ctx, "schweiger", DEMO_PASSWORD)
    window = MainWindow(ctx.as_user(signed_in.actor), signed_in=signed_in)
    qtbot.addWidget(window)
    window.show()
    return window, case_id


def test_the_window_locks_when_idle_and_opens_with_the_password(qtbot: QtBot, sqlite_ctx: ServiceContext) -> None:
    assert get_office_settings(sqlite_ctx).idle_lock_minutes == 10  # the office's default
    window, case_id = _window(qtbot, sqlite_ctx)
    case_window = window.open_case(case_id)
    qtbot.waitUntil(lambda: "Haddad" in case_window.header.text())
    window.idle.set_minutes(0.001)  # 60 ms
    qtbot.waitUntil(lambda: window.locked, timeout=3000)
    assert not case_window.isVisible() and not window.tabs.isVisible()
    assert not window.menuBar().isEnabled() and window.windowTitle() == "ABH Desk – gesperrt"
    shown = [label.text() for label in window.findChildren(QLabel) if label.isVisible()]
    assert window.lock_screen.isVisible() and shown and not any("Haddad" in text for text in shown)

    qtbot.keyClicks(window.lock_screen.password, "falsch")
    qtbot.keyClick(window.lock_screen.password, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.lock_screen.message.text() == "Das Passwort ist falsch.")
    assert window.locked and not case_window.isVisible()

    qtbot.keyClicks(window.lock_screen.password, DEMO_PASSWORD)
    qtbot.keyClick(window.lock_screen.password, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not window.locked)
    assert case_window.isVisible() and window.tabs.isVisible() and window.menuBar().isEnabled()
    assert window.lock_screen.password.text() == ""  # the password is not kept in the field


def test_activity_postpones_the_lock_and_zero_turns_it_off(qtbot: QtBot, sqlite_ctx: ServiceContext) -> None:
    update_office_settings(sqlite_ctx, idle_lock_minutes=0)
    window, _case_id = _window(qtbot, sqlite_ctx)
    qtbot.waitUntil(lambda: not window.runner.busy)  # the setting is read on the worker thread: it has arrived
    assert not window.idle.enabled and not window.idle.timer.isActive()
    window.idle.set_minutes(0.05)  # 3 s (Qt may run such a timer up to 5 % early or late)
    qtbot.waitUntil(lambda: window.idle.timer.remainingTime() < 2400)  # 0.6 s quiet …
    qtbot.keyClick(window.search.search_field, Qt.Key.Key_A)
    assert window.idle.timer.remainingTime() > 2700  # … and a key press starts the count again
    assert not window.locked
    window.idle.set_minutes(0.001)  # 60 ms
    qtbot.waitUntil(lambda: window.locked, timeout=3000)


def test_an_open_question_is_not_cancelled_by_the_lock(qtbot: QtBot, sqlite_ctx: ServiceContext) -> None:
    from PySide6.QtWidgets import QDialog

    window, _case_id = _window(qtbot, sqlite_ctx)
    qtbot.waitUntil(lambda: window.idle.timer.interval() == 10 * 60_000)  # the office's setting has arrived
    question = QDialog(window)
    question.setModal(True)
    question.show()
    qtbot.waitUntil(lambda: question.isVisible())
    with qtbot.waitSignal(window.idle.idle, timeout=3000):  # the idle time has run out …
        window.idle.set_minutes(0.001)
    assert not window.locked and question.isVisible()  # … but the question is still being answered
    question.accept()
    qtbot.waitUntil(lambda: window.locked, timeout=3000)
    question.deleteLater()
    qtbot.keyClicks(window.lock_screen.password, DEMO_PASSWORD)
    qtbot.keyClick(window.lock_screen.password, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not window.locked)  # a window gone meanwhile does not stop the unlock
    assert window.idle.enabled and window.idle.timer.isActive()
