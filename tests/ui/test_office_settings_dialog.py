"""The administration edits the office's settings in the window: a wrong IBAN is named under its
field and nothing is saved; right values are saved and appear in the next letter's letterhead."""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from abh_desk.domain.enums import Role
from abh_desk.services.context import Actor, ServiceContext
from abh_desk.services.letterhead import office_letterhead
from abh_desk.services.office import get_office_settings
from ui.main_window import MainWindow


def test_settings_are_checked_then_saved(qtbot: QtBot, sqlite_ctx: ServiceContext) -> None:
    admin = sqlite_ctx.as_user(Actor(None, "osswald", Role.ADMIN))
    window = MainWindow(admin)
    qtbot.addWidget(window)
    assert window.office_action.isEnabled()
    dialog = window.open_office_settings()
    qtbot.waitUntil(lambda: dialog.buttons.isEnabled())
    dialog.inputs["authority_name"].setText("Landratsamt Konstanz")
    dialog.inputs["bank_name"].clear()  # the fixture's office is the demo's (Singen's example bank)
    dialog.inputs["iban"].clear()
    qtbot.keyClicks(dialog.inputs["bank_name"], "Sparkasse Bodensee")
    qtbot.keyClicks(dialog.inputs["iban"], "DE16 6905 0001 0024 3456 79")
    qtbot.mouseClick(dialog.buttons.buttons()[0], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.errors["iban"].isVisible())
    assert "IBAN" in dialog.errors["iban"].text() and "Nichts gespeichert" in dialog.message.text()
    assert get_office_settings(sqlite_ctx).authority_name != "Landratsamt Konstanz"
    dialog.inputs["iban"].setText("DE16 6905 0001 0024 3456 78")
    qtbot.mouseClick(dialog.buttons.buttons()[0], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not shiboken6.isValid(dialog) or not dialog.isVisible())  # closed (and deleted)
    with sqlite_ctx.db.read() as session:
        head = office_letterhead(session)
    assert head.authority == "Landratsamt Konstanz" and head.bank is not None and head.bank.bank == "Sparkasse Bodensee"


def test_empty_required_letterhead_fields_are_refused_next_to_the_field(
    qtbot: QtBot, sqlite_ctx: ServiceContext
) -> None:
    """Issue 23, part 8: the dialog refuses a blank street or court; the text typed elsewhere stays."""
    window = MainWindow(sqlite_ctx.as_user(Actor(None, "osswald", Role.ADMIN)))
    qtbot.addWidget(window)
    dialog = window.open_office_settings()
    qtbot.waitUntil(lambda: dialog.buttons.isEnabled())
    dialog.inputs["street"].clear()
    dialog.inputs["court_name"].setText("  ")
    dialog.inputs["website"].setText("www.lrakn.de")
    qtbot.mouseClick(dialog.buttons.buttons()[0], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.errors["street"].isVisible())
    assert dialog.errors["street"].text() == "Bitte Straße und Hausnummer angeben."
    assert dialog.errors["court_name"].text() == "Bitte das zuständige Verwaltungsgericht angeben."
    assert "Nichts gespeichert" in dialog.message.text() and dialog.isVisible()
    assert dialog.inputs["website"].text() == "www.lrakn.de"  # what was typed stays
    stored = get_office_settings(sqlite_ctx)
    assert stored.street == "August-Ruf-Str. 13" and stored.website == "www.singen.de"


def test_only_the_administration_has_the_menu_entry(qtbot: QtBot, sqlite_ctx: ServiceContext) -> None:
    window = MainWindow(sqlite_ctx.as_user(Actor(None, "keller", Role.CASEWORKER)))
    qtbot.addWidget(window)
    assert not window.office_action.isEnabled()


def test_an_unchecked_remedy_row_is_shown_and_confirmed_by_the_administration(
    qtbot: QtBot, sqlite_ctx: ServiceContext, monkeypatch: object
) -> None:
    from sqlalchemy import select

    from abh_desk.services.auth import create_user
    from abh_desk.services.office import update_office_settings
    from abh_desk.services.remedy_rows import remedy_row_state
    from models import User

    update_office_settings(sqlite_ctx, land="HE")
    create_user(sqlite_ctx, "weber", "Frau Weber", Role.ADMIN)
    with sqlite_ctx.db.read() as session:
        weber = session.scalar(select(User.id).where(User.username == "weber"))
    admin = sqlite_ctx.as_user(Actor(weber, "weber", Role.ADMIN))
    window = MainWindow(admin)
    qtbot.addWidget(window)
    dialog = window.open_office_settings()
    qtbot.waitUntil(lambda: "Hessen" in dialog.remedy_text.text())
    assert (
        "noch nicht geprüft" in dialog.remedy_text.text() and "Anlage zu § 16a HessAGVwGO" in dialog.remedy_text.text()
    )
    assert dialog.remedy_confirm.isVisible()
    monkeypatch.setattr("ui.dialogs.ask_long_text", lambda *a, **k: "Anlage Nr. 3 im Volltext geprüft.")  # type: ignore[attr-defined]
    qtbot.mouseClick(dialog.remedy_confirm, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "bestätigt von weber" in dialog.remedy_text.text())
    assert not dialog.remedy_confirm.isVisible() and remedy_row_state(sqlite_ctx).usable


def test_holidays_at_the_seat_follow_the_land(qtbot: QtBot, sqlite_ctx: ServiceContext) -> None:
    admin = sqlite_ctx.as_user(Actor(None, "osswald", Role.ADMIN))
    window = MainWindow(admin)
    qtbot.addWidget(window)
    dialog = window.open_office_settings()
    qtbot.waitUntil(lambda: dialog.buttons.isEnabled())
    local = dialog.inputs["local_holidays"]
    assert not local.isEnabled() and local.count() == 1  # Baden-Württemberg: none beyond the Land's
    dialog.inputs["land"].setCurrentIndex(dialog.inputs["land"].findData("BY"))
    assert local.isEnabled() and "Mariä Himmelfahrt" in local.itemText(1)
    local.setCurrentIndex(local.findData("katholisch"))
    qtbot.mouseClick(dialog.buttons.buttons()[0], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: get_office_settings(sqlite_ctx).local_holidays == "katholisch")
    assert get_office_settings(sqlite_ctx).land == "BY"
