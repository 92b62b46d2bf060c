"""The administration edits text blocks in the window: a broken placeholder is named before saving,
a good edit shows in the sample letter and is saved for the office."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from abh_desk.domain.enums import Role
from abh_desk.services.context import Actor, ServiceContext
from abh_desk.services.textblocks import get_textblocks
from ui.textblocks_dialog import TextBlocksDialog


def messages_of(label: QLabel) -> list[str]:
    """Every text the dialog puts into ``label`` from now on. The label alone does not do: after
    saving, "Gespeichert" is followed by the new sample letter's "Geprüft" as soon as that is
    rendered, and a test that looked too late never saw it (and a message still standing from the
    last step looked like the answer to the next one)."""
    seen: list[str] = []
    set_text = label.setText

    def recording(text: str) -> None:
        seen.append(text)
        set_text(text)

    label.setText = recording  # type: ignore[method-assign]
    return seen


def test_edit_check_preview_and_save(qtbot: QtBot, sqlite_ctx: ServiceContext) -> None:
    admin = sqlite_ctx.as_user(Actor(None, "osswald", Role.ADMIN))
    dialog = TextBlocksDialog(admin)
    qtbot.addWidget(dialog)
    shown = messages_of(dialog.outcome)
    dialog.show()
    qtbot.waitUntil(lambda: "jede Art von Schreiben" in dialog.outcome.text())
    qtbot.waitUntil(lambda: dialog.preview.page_count() >= 1)
    text = dialog.editor.toPlainText()
    dialog.editor.setPlainText(text.replace('gruss = "Mit freundlichen Grüßen"', 'gruss = "Gruß {absender}"'))
    qtbot.keyClick(dialog, Qt.Key.Key_F5)
    qtbot.waitUntil(lambda: "unbekannten Platzhalter {absender}" in dialog.outcome.text())
    shown.clear()
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(shown))  # the answer to the save, not the check's message before it
    assert "allgemein.gruss" in shown[0] or "{absender}" in shown[0]
    assert not dialog.runner.busy and not get_textblocks(sqlite_ctx).edited  # nothing saved
    dialog.editor.setPlainText(text.replace('gruss = "Mit freundlichen Grüßen"', 'gruss = "Herzliche Grüße"'))
    shown.clear()
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: any("Gespeichert" in message for message in shown))
    assert "Herzliche Grüße" in get_textblocks(sqlite_ctx).text and dialog.reset_button.isEnabled()
    qtbot.waitUntil(lambda: not dialog.runner.busy)  # the new sample letter, rendered after saving
    qtbot.waitUntil(lambda: "Geprüft" in dialog.outcome.text())
    assert dialog.outcome.text().startswith("Gespeichert")  # the check after a save does not hide it
