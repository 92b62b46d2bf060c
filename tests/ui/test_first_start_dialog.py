"""The first start of a new workstation, typed as an administrator would: database, office, first
administrator; the office server of a second workstation; the demo office; wrong input."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit, QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from abh_desk import audit_chain
from abh_desk.config import is_first_start, settings_path
from abh_desk.domain.catalogue import Catalogue
from abh_desk.services import audit_key_setup
from abh_desk.services.auth import sign_in
from abh_desk.services.context import ServiceContext
from abh_desk.services.office import get_office_settings
from abh_desk.services.workstation_setup import (
    SERVER,
    DatabaseChoice,
    connect,
    default_sqlite_path,
    finish,
)
from abh_desk.storage import Database
from models import OfficeSetting, Person
from tests.conftest import MemoryKeyring, drop_pg_database, new_pg_database
from tests.integration.test_workstation_setup import ADMIN as OFFICE_ADMIN
from tests.integration.test_workstation_setup import OFFICE as OFFICE_SETTINGS
from ui.first_start_dialog import FirstStartDialog

OFFICE = {
    "authority_name": "Landratsamt Konstanz",
    "street": "Benediktinerplatz 1",
    "postcode_city": "78467 Konstanz",
    "phone": "07531 800-0",
    "opening_hours": "Mo-Fr 8.00-12.00 Uhr",
    "court_name": "Verwaltungsgericht Freiburg",
    "court_address": "Habsburgerstraße 103, 79104 Freiburg im Breisgau",
}
ADMIN = {"admin_username": "m.weber", "admin_display_name": "Frau Weber", "admin_password": "Sicher-2026"}


@pytest.fixture
def dialog(qtbot: QtBot) -> FirstStartDialog:
    widget = FirstStartDialog(demo_persons=50)
    qtbot.addWidget(widget)
    widget.show()
    return widget


def click(qtbot: QtBot, widget: QWidget) -> None:
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def type_into(qtbot: QtBot, field: QLineEdit, text: str) -> None:
    field.selectAll()
    qtbot.keyClick(field, Qt.Key.Key_Delete)
    qtbot.keyClicks(field, text)


def to_office_page(qtbot: QtBot, dialog: FirstStartDialog) -> None:
    click(qtbot, dialog.next)
    qtbot.waitUntil(lambda: dialog.pages.currentIndex() == 1 or dialog.message.text() != "", timeout=20_000)
    assert dialog.pages.currentIndex() == 1, dialog.message.text()


def fill_office_and_admin(qtbot: QtBot, dialog: FirstStartDialog) -> None:
    for name, text in OFFICE.items():
        type_into(qtbot, getattr(dialog, name), text)
    dialog.land.setCurrentIndex(dialog.land.findText("Baden-Württemberg"))
    for name, text in ADMIN.items():
        type_into(qtbot, getattr(dialog, name), text)
    type_into(qtbot, dialog.admin_repeated, "Sicher-2026")


def set_up(qtbot: QtBot, dialog: FirstStartDialog) -> None:
    assert dialog.next.text() == "Einrichten"
    with qtbot.waitSignal(dialog.accepted, timeout=20_000):
        click(qtbot, dialog.next)


def test_a_standalone_workstation_is_set_up_by_typing(
    qtbot: QtBot, dialog: FirstStartDialog, tmp_path: Path, catalogue: Catalogue
) -> None:
    assert dialog.windowTitle() == "ABH Desk – Einrichtung des Arbeitsplatzes"
    assert dialog.standalone.isChecked() and dialog.sqlite_path.text() == str(default_sqlite_path())
    path = tmp_path / "amt" / "abh.sqlite3"
    type_into(qtbot, dialog.sqlite_path, str(path))
    to_office_page(qtbot, dialog)
    assert "neue Datenbank" in dialog.office_note.text()
    assert dialog.admin_box.isVisible() and dialog.office_box.isEnabled()
    fill_office_and_admin(qtbot, dialog)
    set_up(qtbot, dialog)

    assert not is_first_start()
    stored = json.loads(settings_path().read_text(encoding="utf-8"))
    assert stored["database_url"] == f"sqlite+pysqlite:///{path}"
    assert stored["last_username"] == "m.weber"
    ctx = ServiceContext(Database(stored["database_url"]), catalogue)
    office = get_office_settings(ctx)
    assert (office.authority_name, office.street, office.postcode_city, office.land) == (
        "Landratsamt Konstanz",
        "Benediktinerplatz 1",
        "78467 Konstanz",
        "BW",
    )
    assert office.court_address == "Habsburgerstraße 103, 79104 Freiburg im Breisgau"
    assert sign_in(ctx, "m.weber", "Sicher-2026").display_name == "Frau Weber"
    ctx.db.dispose()


def test_wrong_input_is_shown_next_to_each_field_and_nothing_is_saved(qtbot: QtBot, dialog: FirstStartDialog) -> None:
    type_into(qtbot, dialog.sqlite_path, "abh.sqlite3")
    click(qtbot, dialog.next)
    qtbot.waitUntil(lambda: dialog.errors["sqlite_path"].isVisible())
    assert "vollständigen Pfad" in dialog.errors["sqlite_path"].text()
    assert dialog.pages.currentIndex() == 0

    type_into(qtbot, dialog.sqlite_path, str(default_sqlite_path()))
    to_office_page(qtbot, dialog)
    assert not dialog.errors["sqlite_path"].isVisible()
    type_into(qtbot, dialog.authority_name, "Landratsamt Konstanz")
    type_into(qtbot, dialog.postcode_city, "Konstanz")
    type_into(qtbot, dialog.admin_username, "Maria Weber")
    type_into(qtbot, dialog.admin_password, "kurz")
    click(qtbot, dialog.next)
    qtbot.waitUntil(lambda: dialog.errors["street"].isVisible())
    shown = {key: label.text() for key, label in dialog.errors.items() if label.isVisible()}
    assert shown == {
        "street": "Bitte Straße und Hausnummer angeben.",
        "postcode_city": "Bitte mit der fünfstelligen Postleitzahl beginnen.",
        "phone": "Bitte die Telefonnummer angeben (sie steht in jedem Schreiben).",
        "opening_hours": "Bitte die Sprechzeiten angeben (sie stehen in jedem Schreiben).",
        "court_name": "Bitte das zuständige Verwaltungsgericht angeben.",
        "court_address": "Bitte die Anschrift des Verwaltungsgerichts angeben.",
        "username": "Benutzername: Kleinbuchstaben, Ziffern, Punkt oder Bindestrich.",
        "display_name": "Bitte den angezeigten Namen angeben.",
        "password": "Das Passwort braucht mindestens 8 Zeichen.",
    }
    assert dialog.message.text() == "Bitte die markierten Felder korrigieren. Es wurde nichts gespeichert."
    assert not settings_path().exists()
    db = Database(f"sqlite:///{default_sqlite_path()}")
    with db.read() as session:
        assert session.scalar(select(func.count()).select_from(OfficeSetting)) == 0
    db.dispose()

    click(qtbot, dialog.back)
    assert dialog.pages.currentIndex() == 0 and dialog.next.text() == "Weiter"


def test_an_unreachable_server_is_named_at_the_address(qtbot: QtBot, dialog: FirstStartDialog) -> None:
    click(qtbot, dialog.server)
    assert dialog.server_url.isEnabled() and not dialog.sqlite_path.isEnabled()
    type_into(qtbot, dialog.server_url, "postgresql://abh@127.0.0.1:1/abh")
    type_into(qtbot, dialog.password, "geheim")
    click(qtbot, dialog.next)
    qtbot.waitUntil(lambda: dialog.errors["server_url"].isVisible(), timeout=20_000)
    assert "ist nicht erreichbar" in dialog.errors["server_url"].text()
    assert dialog.pages.currentIndex() == 0 and dialog.next.isEnabled()
    assert not settings_path().exists()


@pytest.mark.postgres
def test_the_office_server_then_a_second_workstation(
    qtbot: QtBot, dialog: FirstStartDialog, pg_admin_url: str, isolated_workstation: MemoryKeyring, catalogue
) -> None:
    url = new_pg_database(pg_admin_url)
    try:
        click(qtbot, dialog.server)
        type_into(qtbot, dialog.server_url, url)
        type_into(qtbot, dialog.password, "geheim")
        to_office_page(qtbot, dialog)
        fill_office_and_admin(qtbot, dialog)
        set_up(qtbot, dialog)
        stored = json.loads(settings_path().read_text(encoding="utf-8"))
        assert stored["database_url"] == url
        assert _passwords(isolated_workstation) == ["geheim"]

        # The second workstation: the settings are shown, kept, and no administrator is asked for.
        settings_path().unlink()
        second = FirstStartDialog()
        qtbot.addWidget(second)
        second.show()
        click(qtbot, second.server)
        type_into(qtbot, second.server_url, url)
        to_office_page(qtbot, second)
        assert "schon gespeichert" in second.office_note.text()
        assert second.authority_name.text() == "Landratsamt Konstanz" and not second.office_box.isEnabled()
        assert not second.admin_box.isVisible()
        set_up(qtbot, second)
        assert settings_path().exists()
        ctx = ServiceContext(Database(url), catalogue)
        assert get_office_settings(ctx).authority_name == "Landratsamt Konstanz"
        ctx.db.dispose()
    finally:
        drop_pg_database(pg_admin_url, url.rsplit("/", 1)[1])


@pytest.mark.postgres
def test_a_new_workstation_of_a_signed_office_takes_the_key_over_in_the_dialog(
    qtbot: QtBot,
    dialog: FirstStartDialog,
    pg_admin_url: str,
    isolated_workstation: MemoryKeyring,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The finding: a new workstation of an office whose trail is signed had to run „abh-desk …
    audit schluessel uebernehmen DATEI“ before the dialog could connect."""
    url = new_pg_database(pg_admin_url)
    try:
        choice = DatabaseChoice(SERVER, server_url=url, password="geheim")
        ctx, state = connect(choice)
        finish(ctx, choice, state, OFFICE_SETTINGS, OFFICE_ADMIN)
        handed = tmp_path / "schluessel.json"
        key = audit_key_setup.hand_out(ctx, handed)
        ctx.db.dispose()
        settings_path().unlink()  # this workstation: no settings, no anchor, no key in its keyring
        audit_chain.anchor_path().unlink()
        for name in [name for name in isolated_workstation.passwords if name[1].startswith("protokollschluessel:")]:
            del isolated_workstation.passwords[name]

        click(qtbot, dialog.server)
        assert dialog.key_file.isEnabled() and dialog.choose_key.isEnabled()
        type_into(qtbot, dialog.server_url, url)
        click(qtbot, dialog.next)
        qtbot.waitUntil(lambda: dialog.errors["key_file"].isVisible(), timeout=20_000)
        assert "mit dem Protokollschlüssel der Behörde signiert" in dialog.errors["key_file"].text()
        assert "Schlüsseldatei wählen" in dialog.errors["key_file"].text()  # here, not the command line's step
        assert "uebernehmen" not in dialog.errors["key_file"].text()
        assert dialog.pages.currentIndex() == 0

        monkeypatch.setattr("ui.dialogs.ask_open_path", lambda *_a: handed)
        click(qtbot, dialog.choose_key)
        assert dialog.key_file.text() == str(handed)
        to_office_page(qtbot, dialog)
        assert f"Protokollschlüssel {key.key_id} der Behörde wurde übernommen" in dialog.office_note.text()
        set_up(qtbot, dialog)
        assert settings_path().exists()
        assert any(name[1].startswith("protokollschluessel:") for name in isolated_workstation.passwords)
    finally:
        drop_pg_database(pg_admin_url, url.rsplit("/", 1)[1])


def test_the_demo_starts_at_once_with_demo_data(qtbot: QtBot, dialog: FirstStartDialog, catalogue) -> None:
    click(qtbot, dialog.demo)
    assert dialog.next.text() == "Demo starten"
    with qtbot.waitSignal(dialog.accepted, timeout=60_000):
        click(qtbot, dialog.next)
    assert dialog.settings is not None and dialog.settings.last_username == "osswald"
    assert not is_first_start()
    ctx = ServiceContext(Database(f"sqlite:///{default_sqlite_path()}"), catalogue)
    with ctx.db.read() as session:
        assert session.scalar(select(func.count()).select_from(Person)) == 50
    assert sign_in(ctx, "osswald", "abh-demo").role_label == "Administration"
    ctx.db.dispose()


def test_the_window_asks_only_on_a_new_workstation(monkeypatch: pytest.MonkeyPatch, qapp) -> None:
    """ui.app.run: the dialog comes before the sign-in on a new workstation, never afterwards."""
    import ui.app
    from abh_desk.config import WorkstationSettings, save_settings
    from ui.login_dialog import LoginDialog

    asked: list[object] = []
    monkeypatch.setattr("ui.first_start_dialog.set_up_workstation", lambda runner: asked.append(runner))  # cancelled
    monkeypatch.setattr(LoginDialog, "exec", lambda self: LoginDialog.DialogCode.Rejected)
    assert ui.app.run(None) == 0
    assert len(asked) == 1 and not settings_path().exists()

    assert ui.app.run(f"sqlite:///{settings_path().parent / 'anders.sqlite3'}") == 0  # --db given
    save_settings(WorkstationSettings())
    assert ui.app.run(None) == 0
    assert len(asked) == 1


def _passwords(keyring: MemoryKeyring) -> list[str]:
    """The keyring's passwords: what it holds besides the audit trail's key (``abh_desk.audit_key``)."""
    return [
        value for (_service, user), value in keyring.passwords.items() if not user.startswith("protokollschluessel:")
    ]
