"""Every window says what went wrong through one place, ``ui.messages.error_text`` (issue 22,
part 3): a rule's or an input's error in the service's words; a database fault, a file that cannot
be written or a fault of the program in German words with what to do — never the driver's English
text or SQL — and the details in the log."""

from __future__ import annotations

import errno
import logging
import sqlite3

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy.exc import OperationalError

from abh_desk.errors import StaleRecord, ValidationError
from abh_desk.services.cases import open_case
from abh_desk.services.context import ServiceContext
from abh_desk.services.persons import PersonInput, create_person
from ui.case_dialog import CaseDialog
from ui.messages import error_text
from ui.widgets import ERROR_STYLE


def test_a_domain_error_is_said_in_the_services_words() -> None:
    assert error_text(ValidationError("Das Geburtsdatum liegt in der Zukunft.", field="geburtsdatum")) == (
        "Das Geburtsdatum liegt in der Zukunft."
    )
    assert error_text(StaleRecord("Inzwischen geändert.")) == "Inzwischen geändert."


@pytest.mark.parametrize(
    "exc",
    [
        OperationalError("UPDATE persons SET city=? WHERE id=?", {}, sqlite3.OperationalError("disk I/O error")),
        sqlite3.OperationalError("database is locked"),
    ],
)
def test_a_database_failure_is_said_in_german_without_sql_and_logged(
    exc: Exception, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.ERROR, logger="ui.messages"):
        text = error_text(exc)
    assert text.startswith("Die Datenbank hat die Arbeit nicht abgeschlossen")
    assert "nicht gespeichert" in text
    assert "UPDATE" not in text and "disk I/O" not in text and "locked" not in text
    assert caplog.records and caplog.records[0].exc_info is not None  # the details: in the log


def test_a_file_that_cannot_be_written_names_the_file_and_why() -> None:
    text = error_text(OSError(errno.ENOSPC, "No space left on device", "/mnt/ablage/bescheid.pdf"))
    assert text == (
        "Die Datei „/mnt/ablage/bescheid.pdf“ ließ sich nicht lesen oder schreiben: die Platte ist voll. "
        "Bitte den Pfad prüfen und noch einmal versuchen."
    )
    assert "No space" not in text


def test_a_fault_of_the_program_is_not_shown_raw() -> None:
    text = error_text(KeyError("payload_json"))
    assert text.startswith("Etwas ist schiefgegangen, womit das Programm nicht gerechnet hat (KeyError).")
    assert "payload_json" not in text


def test_the_case_window_shows_a_database_failure_in_german(qtbot: QtBot, sqlite_ctx: ServiceContext) -> None:
    person = create_person(sqlite_ctx, PersonInput("Öztürk", "Ayşe", "12.03.1990", nationality="TUR"))
    case = open_case(sqlite_ctx, person.id, "99010019001008")
    dialog = CaseDialog(sqlite_ctx, case.id)
    qtbot.addWidget(dialog)
    dialog.show_error(OperationalError("SELECT * FROM cases", {}, sqlite3.OperationalError("disk I/O error")))
    assert dialog.message.text().startswith("Die Datenbank hat die Arbeit nicht abgeschlossen")
    assert "SELECT" not in dialog.message.text() and dialog.message.styleSheet() == ERROR_STYLE


def test_an_english_window_shows_a_refusal_in_english_and_a_german_one_in_german() -> None:
    from abh_desk.error_texts import Label
    from abh_desk.errors import FieldErrors
    from ui.messages import field_texts, set_language

    error = ValidationError("domain_text.too_long", field="grund", label=Label("shared.label_reason"), max_length=500)
    other = ValidationError("domain_text.too_long", field="nr", label=Label("cards.label_order_number"), max_length=40)
    try:
        set_language("en")
        assert error_text(error) == "The reason is too long (at most 500 characters)."
        assert field_texts(FieldErrors([error, other]))["nr"] == "The order number is too long (at most 40 characters)."
        set_language("de")
        assert error_text(error) == "Der Grund ist zu lang (höchstens 500 Zeichen)."
    finally:
        set_language("de")


def test_the_language_of_the_workstation_reaches_the_refusals(qapp: object) -> None:
    from PySide6.QtWidgets import QApplication

    from abh_desk.error_texts import Label
    from ui.app import install_translators
    from ui.messages import set_language

    app = QApplication.instance()
    assert isinstance(app, QApplication)
    error = ValidationError("domain_text.too_long", field="grund", label=Label("shared.label_reason"), max_length=5)
    try:
        install_translators(app, "en")
        assert error_text(error).startswith("The reason is too long")
    finally:
        set_language("de")
