"""An English window shows the services' refusals in English too (issue 22, part 3): the sentences
come from the catalogue in the window's language, not as the German the services used to write."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from abh_desk.services.context import ServiceContext
from abh_desk.services.persons import search_persons
from ui.person_dialog import PersonDialog

GERMAN_WORDS = ("Bitte", "Zeichen", "gibt es nicht", "Staatsangehörigkeit", "lateinisch", "gespeichert")


@pytest.mark.usefixtures("english")
def test_wrong_fields_are_named_in_english_next_to_them_and_nothing_is_saved(
    qtbot: QtBot, sqlite_ctx: ServiceContext, tmp_path: Path
) -> None:
    dialog = PersonDialog(sqlite_ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.inputs["family_name"].setText("Иванов")  # pasted from a Cyrillic document
    qtbot.keyClicks(dialog.inputs["birth_date"], "31.02.1990")
    qtbot.mouseClick(dialog.buttons.buttons()[0], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.errors["familienname"].isVisible())
    name, birth = dialog.errors["familienname"].text(), dialog.errors["geburtsdatum"].text()
    assert name.startswith("Family name:") and "is not Latin script" in name
    assert "does not exist" in birth
    shown = " ".join(label.text() for label in dialog.errors.values() if label.isVisible())
    assert not [word for word in GERMAN_WORDS if word in shown], shown
    assert search_persons(sqlite_ctx, "ivanov") == []
    dialog.grab().save(str(tmp_path / "person-dialog-en.png"))
