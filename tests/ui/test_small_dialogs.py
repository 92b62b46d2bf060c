"""Small dialogs and editors keep what was typed (issue 23, part 10): a refused reason or comment
stays in its field with the message under it; the text-block and rule editors ask before unsaved
work is closed; "Abmelden / Benutzer wechseln" signs out and lets another user sign in."""

from __future__ import annotations

import inspect
import re
from collections.abc import Callable
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication, QDialog
from pytestqt.qtbot import QtBot
from sqlalchemy import delete, select

from abh_desk.config import load_settings
from abh_desk.demo.users import DEMO_PASSWORD, ensure_demo_users
from abh_desk.domain.enums import Role
from abh_desk.domain.notice_flow import NoticeAction
from abh_desk.services.auth import sign_in
from abh_desk.services.case_file import check_document_waiver
from abh_desk.services.cases import open_case
from abh_desk.services.context import Actor, ServiceContext
from abh_desk.services.notice_review import check_return_comment
from abh_desk.services.persons import PersonInput, create_person
from abh_desk.services.rejections import check_waiver_reason
from models import Area, AssignmentRule, AuditEvent
from ui import live_updates
from ui.notice_dialog import NoticeDialog
from ui.rules_dialog import RulesDialog
from ui.text_prompt import TextPrompt
from ui.textblocks_dialog import TextBlocksDialog


def _ok(qtbot: QtBot, prompt: TextPrompt) -> None:
    qtbot.mouseClick(prompt.buttons.buttons()[0], Qt.MouseButton.LeftButton)


def test_a_refused_reason_stays_in_its_field_with_the_message_under_it(qtbot: QtBot) -> None:
    prompt = TextPrompt(None, "Keine Anhörung", "Warum?", check_waiver_reason)
    qtbot.addWidget(prompt)
    prompt.show()
    _ok(qtbot, prompt)  # empty
    assert prompt.isVisible() and prompt.error.isVisible()
    assert prompt.error.text().startswith("Bitte begründen, warum die Anhörung entbehrlich ist")
    long = "Verzicht " * 556  # 5,004 characters
    prompt.field.setPlainText(long)
    _ok(qtbot, prompt)
    assert prompt.isVisible() and "zu lang (höchstens" in prompt.error.text()
    assert prompt.text() == long  # nothing of what was typed is lost
    prompt.field.setPlainText("Die Antragstellerin hat schriftlich verzichtet.")
    _ok(qtbot, prompt)
    assert not prompt.isVisible() and prompt.result() == QDialog.DialogCode.Accepted


def test_a_reason_of_several_lines_is_given_from_the_keyboard(qtbot: QtBot) -> None:
    """Enter starts a new line in the field: Tab goes on to the buttons (no tab character in the
    reason) and Ctrl+Enter confirms — before, a keyboard user could not leave the field."""
    prompt = TextPrompt(None, "Keine Anhörung", "Warum?", check_waiver_reason)
    qtbot.addWidget(prompt)
    prompt.show()
    qtbot.waitExposed(prompt)
    prompt.field.setFocus()
    qtbot.keyClicks(prompt.field, "Die Antragstellerin hat schriftlich verzichtet.")
    qtbot.keyClick(prompt.field, Qt.Key.Key_Tab)
    assert "\t" not in prompt.text() and not prompt.field.hasFocus()
    prompt.field.setFocus()
    qtbot.keyClick(prompt.field, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert prompt.result() == QDialog.DialogCode.Accepted and not prompt.isVisible()
    assert prompt.text() == "Die Antragstellerin hat schriftlich verzichtet."


def test_an_empty_return_comment_and_waiver_are_refused_in_the_dialog(qtbot: QtBot) -> None:
    for check, message in (
        (check_return_comment, "Bitte sagen Sie der Sachbearbeitung, was zu ändern ist (Kommentar)."),
        (check_document_waiver, "Bitte den Grund für den Verzicht angeben."),
    ):
        prompt = TextPrompt(None, "Titel", "Frage", check, multiline=check is check_return_comment)
        qtbot.addWidget(prompt)
        prompt.show()
        _ok(qtbot, prompt)
        assert prompt.isVisible() and prompt.error.text() == message


def test_the_notice_window_asks_with_the_services_checks(
    qtbot: QtBot, sqlite_ctx: ServiceContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    person = create_person(sqlite_ctx, PersonInput("Şahin", "Ayşe", "05.06.1992", nationality="TUR"))
    case_id = open_case(sqlite_ctx, person.id, "99010019001008").id
    notice = NoticeDialog(sqlite_ctx, case_id)
    qtbot.addWidget(notice)
    checks: list[Callable[[str], object]] = []
    monkeypatch.setattr("ui.dialogs.ask_long_text", lambda *a, **k: checks.append(k["check"]))
    notice.waive_hearing()
    notice.return_to_author()
    assert checks == [check_waiver_reason, check_return_comment]


def _answers(monkeypatch: pytest.MonkeyPatch, *answers: bool) -> list[str]:
    asked: list[str] = []
    replies = iter(answers)
    monkeypatch.setattr("ui.dialogs.ask_yes_no", lambda _p, _t, question: asked.append(question) or next(replies))
    return asked


def test_the_text_block_editor_asks_before_unsaved_text_is_closed(
    qtbot: QtBot, sqlite_ctx: ServiceContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    dialog = TextBlocksDialog(sqlite_ctx.as_user(Actor(None, "osswald", Role.ADMIN)))
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.source is not None)
    asked = _answers(monkeypatch, False, True)
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)  # nothing changed: closes without a question
    assert not dialog.isVisible() and asked == []
    dialog.show()
    dialog.editor.appendPlainText("# eine Notiz der Administration")
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert dialog.isVisible() and asked == ["Nicht gespeicherte Änderungen verwerfen?"]
    assert dialog.editor.toPlainText().endswith("# eine Notiz der Administration")
    dialog.close()  # the window's close box asks as well
    assert not dialog.isVisible() and len(asked) == 2


def test_the_rule_editor_asks_before_unapplied_rows_are_lost_and_lists_areas_without_rules(
    qtbot: QtBot, sqlite_ctx: ServiceContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    with sqlite_ctx.db.engine.begin() as connection:  # the asylum area has no ranges yet (a new office)
        connection.execute(
            delete(AssignmentRule).where(
                AssignmentRule.area_id == select(Area.id).where(Area.code == "asyl").scalar_subquery()
            )
        )
    dialog = RulesDialog(sqlite_ctx.as_user(Actor(None, "osswald", Role.ADMIN)))
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.area.count() == 2 and dialog.table.rowCount() > 0)
    assert [dialog.area.itemText(i) for i in range(2)] == [
        "Allgemeines Ausländerrecht",
        "Asylstelle und humanitäre Aufenthaltstitel",
    ]
    asked = _answers(monkeypatch, False, True, True)
    qtbot.mouseClick(dialog.close_button, Qt.MouseButton.LeftButton)  # nothing changed
    assert not dialog.isVisible() and asked == []
    dialog.show()
    dialog.table.item(0, 1).setText("A–C")
    dialog.area.setCurrentIndex(1)  # another area: asked, stays on the edited one
    assert asked == ["Nicht übernommene Regeln verwerfen?"] and dialog.current_area == "allgemein"
    assert dialog.table.item(0, 1).text() == "A–C"
    dialog.area.setCurrentIndex(1)  # yes: the asylum area, without rows
    assert dialog.current_area == "asyl" and dialog.table.rowCount() == 0
    qtbot.mouseClick(dialog.close_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible() and len(asked) == 2


def test_sign_out_returns_to_the_sign_in_and_another_user_signs_in(
    qtbot: QtBot, sqlite_ctx: ServiceContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    import ui.app
    from ui.login_dialog import LoginDialog
    from ui.main_window import MainWindow

    ensure_demo_users(sqlite_ctx)
    users = iter(["keller", "osswald"])

    def fake_login(self: LoginDialog) -> int:
        self.load.start()  # the real dialog starts it once painted
        qtbot.waitUntil(lambda: self.load.ready, timeout=30_000)
        user = next(users, None)
        if user is None:
            return QDialog.DialogCode.Rejected
        self.signed_in = sign_in(sqlite_ctx, user, DEMO_PASSWORD)
        return QDialog.DialogCode.Accepted

    windows: list[MainWindow] = []

    class Recorded(MainWindow):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            windows.append(self)

    def fake_exec() -> int:
        window = windows[-1]
        if len(windows) == 1:  # the first user signs out through the menu
            assert window.sign_out_action.text() == "&Abmelden / Benutzer wechseln"
            window.sign_out_action.trigger()
            qtbot.waitUntil(lambda: not window.isVisible())
        else:
            window.close()
        return 0

    monkeypatch.setattr(LoginDialog, "exec", fake_login)
    monkeypatch.setattr("ui.main_window.MainWindow", Recorded)
    monkeypatch.setattr(QApplication, "exec", staticmethod(fake_exec))
    assert ui.app._run(QApplication.instance(), str(sqlite_ctx.db.url)) == 0
    assert [w.ctx.actor.username for w in windows] == ["keller", "osswald"]
    assert windows[0].signed_out and not windows[1].signed_out
    assert load_settings().last_username == "osswald"
    with sqlite_ctx.db.read() as session:
        assert session.scalars(select(AuditEvent.action).where(AuditEvent.action == "abgemeldet")).all() == [
            "abgemeldet"
        ]


def _notice_keys(qtbot: QtBot, ctx: ServiceContext) -> tuple[NoticeDialog, list[str]]:
    person = create_person(ctx, PersonInput("Şahin", "Ayşe", "05.06.1992", nationality="TUR"))
    notice = NoticeDialog(ctx, open_case(ctx, person.id, "99010019001008").id)
    qtbot.addWidget(notice)
    buttons = [*notice.buttons.values(), notice.changed_bar.reload_button]  # "&Neu laden" when changed elsewhere
    return notice, [QKeySequence.mnemonic(button.text()).toString() for button in buttons]


def test_every_step_of_the_notice_window_has_an_alt_key_of_its_own(qtbot: QtBot, sqlite_ctx: ServiceContext) -> None:
    """Submit, approve, dispatch … are reached with Alt and a letter, as in the case window's
    decision tab; the notice's form is long, and Tab through all of it was the only way."""
    notice, keys = _notice_keys(qtbot, sqlite_ctx)
    assert all(keys) and len(set(keys)) == len(keys), keys
    assert notice.buttons[NoticeAction.SUBMIT].text() == "Zur &Prüfung vorlegen"
    assert notice.buttons[NoticeAction.APPROVE].text() == "&Freigeben"


def test_the_notice_windows_alt_keys_differ_in_english_too() -> None:
    """The English sources, read as written (the ``english`` fixture cannot take out a German
    translator that an earlier test of the suite installed)."""
    buttons = inspect.getsource(NoticeDialog._buttons)
    texts = re.findall(r'self\.tr\("([^"]+)"\)', buttons[: buttons.index("handlers = {")])
    texts += re.findall(r'reload_button = QPushButton\(self\.tr\("([^"]+)"\)\)', inspect.getsource(live_updates))
    keys = [QKeySequence.mnemonic(text).toString() for text in texts]
    assert len(texts) == 13 and all(keys) and len(set(keys)) == len(keys), list(zip(texts, keys, strict=True))
