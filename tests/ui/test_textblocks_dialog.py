"""The administration edits text blocks in the window: a broken placeholder is named before saving,
a good edit shows in the sample letter and is saved for the office."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from abh_desk.domain.enums import Role
from abh_desk.services.context import Actor, ServiceContext
from abh_desk.services.textblocks import get_textblocks
from ui.textblocks_dialog import TextBlocksDialog


def test_edit_check_preview_and_save(qtbot: QtBot, sqlite_ctx: ServiceContext) -> None:
    admin = sqlite_ctx.as_user(Actor(None, "osswald", Role.ADMIN))
    dialog = TextBlocksDialog(admin)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: "jede Art von Schreiben" in dialog.outcome.text())
    qtbot.waitUntil(lambda: dialog.preview.page_count() >= 1)
    text = dialog.editor.toPlainText()
    dialog.editor.setPlainText(text.replace('gruss = "Mit freundlichen Grüßen"', 'gruss = "Gruß {absender}"'))
    qtbot.keyClick(dialog, Qt.Key.Key_F5)
    qtbot.waitUntil(lambda: "unbekannten Platzhalter {absender}" in dialog.outcome.text())
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "allgemein.gruss" in dialog.outcome.text() or "{absender}" in dialog.outcome.text())
    assert not get_textblocks(sqlite_ctx).edited  # nothing saved
    dialog.editor.setPlainText(text.replace('gruss = "Mit freundlichen Grüßen"', 'gruss = "Herzliche Grüße"'))
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "Gespeichert" in dialog.outcome.text())
    assert "Herzliche Grüße" in get_textblocks(sqlite_ctx).text and dialog.reset_button.isEnabled()
