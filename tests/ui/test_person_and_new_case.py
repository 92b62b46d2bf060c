"""Creating a person and a case by typing, as a new clerk would."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from abh_desk.clock import FixedClock
from abh_desk.services.cases import open_case
from abh_desk.services.context import ServiceContext
from abh_desk.services.persons import PersonInput, create_person, get_person_file, search_persons, update_person
from ui.main_window import MainWindow
from ui.new_case_dialog import NewCaseDialog
from ui.person_dialog import PersonDialog

TODAY = date(2026, 11, 21)


def test_new_person_shows_errors_next_to_fields_and_saves_nothing_half(
    qtbot: QtBot, sqlite_ctx: ServiceContext
) -> None:
    dialog = PersonDialog(sqlite_ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.inputs["family_name"].setText("Иванов")  # pasted from a Cyrillic document
    qtbot.keyClicks(dialog.inputs["birth_date"], "31.02.1990")
    qtbot.mouseClick(dialog.buttons.buttons()[0], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.errors["familienname"].isVisible())
    assert "lateinischen Form" in dialog.errors["familienname"].text()
    assert "gibt es nicht" in dialog.errors["geburtsdatum"].text()
    assert "Staatsangehörigkeit" in dialog.errors["staatsangehoerigkeit"].text()
    assert dialog.message.text() == "Bitte die markierten Felder korrigieren. Es wurde nichts gespeichert."
    assert search_persons(sqlite_ctx, "ivanov") == []

    dialog.inputs["family_name"].setText("Ivanova")
    dialog.inputs["birth_date"].setText("28.02.1990")
    nationality = dialog.inputs["nationality"]
    nationality.setCurrentIndex(nationality.findData("UKR"))
    dialog.inputs["given_names"].setText("Oksana")
    qtbot.mouseClick(dialog.buttons.buttons()[0], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.saved is not None)
    assert dialog.saved is not None and dialog.saved.nationality == "UKR"
    assert [p.given_names for p in search_persons(sqlite_ctx, "ivanova")] == ["Oksana"]


def test_a_likely_duplicate_is_pointed_out(qtbot: QtBot, sqlite_ctx: ServiceContext) -> None:
    create_person(sqlite_ctx, PersonInput("Müller", "Anna", "12.03.1990", nationality="AUT", city="Singen"))
    dialog = PersonDialog(sqlite_ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.inputs["family_name"], "Mueller")
    qtbot.keyClicks(dialog.inputs["birth_date"], "12.03.1990")
    qtbot.waitUntil(lambda: "Müller, Anna (12.03.1990, Singen)" in dialog.duplicates.text())


def test_editing_after_another_workstation_saved_is_refused(qtbot: QtBot, sqlite_ctx: ServiceContext) -> None:
    person = create_person(sqlite_ctx, PersonInput("Şahin", "Ayşe", "05.05.1992", nationality="TUR"))
    dialog = PersonDialog(sqlite_ctx, get_person_file(sqlite_ctx, person.id).person)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.inputs["family_name"].text() == "Şahin"
    update_person(
        sqlite_ctx,
        person.id,
        person.version,
        PersonInput("Şahin", "Ayşe", "05.05.1992", nationality="TUR", city="Konstanz"),
    )
    dialog.inputs["city"].setText("Singen")
    dialog.inputs["street"].setText("Hauptstraße 1")
    qtbot.mouseClick(dialog.buttons.buttons()[0], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "Die Stammdaten wurden inzwischen von" in dialog.message.text())
    assert get_person_file(sqlite_ctx, person.id).person.city == "Konstanz"
    # Who changed what is shown, with where the entries differ.
    qtbot.waitUntil(lambda: dialog.stale_box.isVisible())
    text = dialog.stale_text.text()
    assert "Gespeichert von der Stapelverarbeitung (System) am" in text
    assert "Ort: Ihre Eingabe „Singen“ – gespeichert „Konstanz“" in text
    assert "Straße: Ihre Eingabe „Hauptstraße 1“ – gespeichert „“" in text
    # Loading the stored data shows it; saving from there works without a conflict.
    qtbot.mouseClick(dialog.reload_button, Qt.MouseButton.LeftButton)
    assert dialog.inputs["city"].text() == "Konstanz" and dialog.inputs["street"].text() == ""
    assert not dialog.stale_box.isVisible()


def test_after_a_conflict_my_entries_can_be_kept_knowingly(qtbot: QtBot, sqlite_ctx: ServiceContext) -> None:
    person = create_person(sqlite_ctx, PersonInput("Şahin", "Ayşe", "05.05.1992", nationality="TUR"))
    dialog = PersonDialog(sqlite_ctx, get_person_file(sqlite_ctx, person.id).person)
    qtbot.addWidget(dialog)
    dialog.show()
    update_person(
        sqlite_ctx, person.id, person.version,
        PersonInput("Şahin", "Ayşe", "05.05.1992", nationality="TUR", city="Konstanz"),
    )  # fmt: skip
    dialog.inputs["city"].setText("Singen")
    qtbot.mouseClick(dialog.buttons.buttons()[0], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.stale_box.isVisible())
    qtbot.mouseClick(dialog.keep_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.saved is not None)
    assert get_person_file(sqlite_ctx, person.id).person.city == "Singen"


def test_new_case_from_the_catalogue_shows_the_file_number_at_once(qtbot: QtBot, sqlite_ctx: ServiceContext) -> None:
    person = create_person(sqlite_ctx, PersonInput("Çelik", "Emre", "01.01.1990", nationality="TUR"))
    dialog = NewCaseDialog(sqlite_ctx, person.id, "Çelik, Emre")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.filter, "qualifizierung")
    assert dialog.procedures.count() == 1
    qtbot.keyClick(dialog.filter, Qt.Key.Key_Return)
    qtbot.keyClick(dialog.procedures, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.created is not None)
    assert dialog.outcome.text() == "Aktenzeichen ABH-2026-000001 · zuständig: Frau Rudolf"
    assert [c.file_number for c in get_person_file(sqlite_ctx, person.id).cases] == ["ABH-2026-000001"]
    # Created: nothing is left to cancel (issue 23, part 12).
    assert [b.text() for b in dialog.buttons.buttons()] == ["Vorgang anzeigen", "Schließen"]


def test_the_application_date_is_reached_with_alt_e(qtbot: QtBot, sqlite_ctx: ServiceContext) -> None:
    """A late application is dated from the keyboard: Alt+E jumps past the catalogue's long list."""
    person = create_person(sqlite_ctx, PersonInput("Çelik", "Emre", "01.01.1990", nationality="TUR"))
    dialog = NewCaseDialog(sqlite_ctx, person.id, "Çelik, Emre")
    qtbot.addWidget(dialog)
    label = dialog.form.labelForField(dialog.applied_on)
    assert isinstance(label, QLabel) and label.buddy() is dialog.applied_on
    assert label.text() == "Antrag &eingegangen am:"


def test_menu_shortcuts_open_the_dialogs_for_the_open_person(qtbot: QtBot, sqlite_ctx: ServiceContext) -> None:
    create_person(sqlite_ctx, PersonInput("Okafor", "Chinedu", "01.01.1985", nationality="NGA"))
    window = MainWindow(sqlite_ctx)
    qtbot.addWidget(window)
    window.show()
    assert window.new_case() is None
    assert "zuerst eine Person" in window.statusBar().currentMessage()
    qtbot.keyClicks(window.search_field, "okafor")
    qtbot.waitUntil(lambda: window.search.results.rowCount() == 1)
    qtbot.keyClick(window.search_field, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.search.current_file is not None)
    edit = window.edit_person()
    assert edit is not None and edit.inputs["family_name"].text() == "Okafor"
    edit.reject()
    new_case = window.new_case()
    assert new_case is not None and "Okafor, Chinedu" in new_case.windowTitle()
    new_case.reject()


def test_english_can_be_chosen_for_the_next_start(qtbot: QtBot, sqlite_ctx: ServiceContext, monkeypatch, qapp) -> None:
    from abh_desk.config import load_settings
    from ui.app import install_translators

    window = MainWindow(sqlite_ctx)
    qtbot.addWidget(window)
    monkeypatch.setattr("ui.dialogs.ask_choice", lambda *a, **k: "English")
    window.choose_language()
    assert load_settings().language == "en"
    assert "English" in window.statusBar().currentMessage()
    monkeypatch.setattr("ui.messages._language", "de")  # the refusals of the tests after this one stay German
    assert install_translators(qapp, "en") == []  # English is the source language: nothing to load


def test_a_double_enter_opens_one_case_not_two(qtbot: QtBot, sqlite_ctx: ServiceContext) -> None:
    person = create_person(sqlite_ctx, PersonInput("Çelik", "Emre", "01.01.1990", nationality="TUR"))
    dialog = NewCaseDialog(sqlite_ctx, person.id, "Çelik, Emre")
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.create_case()
    dialog.create_case()  # Enter on the list and on the default button, before the first one returned
    qtbot.waitUntil(lambda: dialog.created is not None and not dialog.runner.busy)  # both answered
    assert len(get_person_file(sqlite_ctx, person.id).cases) == 1


def test_a_likely_duplicate_needs_a_reason_or_opens_the_recorded_person(
    qtbot: QtBot, sqlite_ctx: ServiceContext
) -> None:
    anna = create_person(sqlite_ctx, PersonInput("Müller", "Anna", "12.03.1990", nationality="AUT", city="Singen"))
    dialog = PersonDialog(sqlite_ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.inputs["family_name"], "Mueller")
    qtbot.keyClicks(dialog.inputs["given_names"], "Anna")
    qtbot.keyClicks(dialog.inputs["birth_date"], "12.03.1990")
    nationality = dialog.inputs["nationality"]
    nationality.setCurrentIndex(nationality.findData("AUT"))
    save = dialog.buttons.buttons()[0]
    qtbot.mouseClick(save, Qt.MouseButton.LeftButton)  # one click no longer passes the hint
    qtbot.waitUntil(lambda: dialog.duplicate_box.isVisible())
    assert "Wahrscheinlich schon erfasst: Müller, Anna (12.03.1990)" in dialog.duplicate_text.text()
    assert save.text() == "Trotzdem speichern" and dialog.saved is None
    assert len(search_persons(sqlite_ctx, "muller")) == 1

    opened: list[int] = []
    dialog.sig_open_person.connect(opened.append)
    qtbot.mouseClick(dialog.open_existing_button, Qt.MouseButton.LeftButton)
    assert opened == [anna.id] and not dialog.isVisible()

    again = PersonDialog(sqlite_ctx)
    qtbot.addWidget(again)
    again.show()
    again.fill(PersonInput("Mueller", "Anna", "12.03.1990", nationality="AUT"))
    qtbot.mouseClick(again.buttons.buttons()[0], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: again.duplicate_box.isVisible())
    qtbot.keyClicks(again.duplicate_reason, "Andere Person: Cousine, eigener Pass")
    qtbot.mouseClick(again.buttons.buttons()[0], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: again.saved is not None)
    assert len(search_persons(sqlite_ctx, "muller")) == 2


def test_a_second_open_case_of_the_same_procedure_asks_why(qtbot: QtBot, sqlite_ctx: ServiceContext) -> None:
    person = create_person(sqlite_ctx, PersonInput("Çelik", "Emre", "01.01.1990", nationality="TUR"))
    first = open_case(sqlite_ctx, person.id, "99010019001008", applied_on=TODAY)
    dialog = NewCaseDialog(sqlite_ctx, person.id, "Çelik, Emre")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.filter, "qualifizierung")
    qtbot.keyClick(dialog.filter, Qt.Key.Key_Return)
    qtbot.keyClick(dialog.procedures, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.repeat_reason.isVisible())
    assert f"schon offen: Vorgang {first.file_number}" in dialog.message.text()
    assert dialog.created is None and len(get_person_file(sqlite_ctx, person.id).cases) == 1
    opened: list[int] = []
    dialog.sig_open_case.connect(opened.append)
    qtbot.keyClicks(dialog.repeat_reason, "zweite Massnahme, anderer Kurs")
    dialog.create_case()
    qtbot.waitUntil(lambda: dialog.created is not None)
    assert len(get_person_file(sqlite_ctx, person.id).cases) == 2 and opened == []


def test_a_procedure_past_its_offer_period_is_not_offered_for_a_new_case(
    qtbot: QtBot, sqlite_ctx: ServiceContext, clock: FixedClock
) -> None:
    """§ 104c AufenthG took applications until 31.12.2025: not in the list on the clock's day after it."""
    person = create_person(sqlite_ctx, PersonInput("Çelik", "Emre", "01.01.1990", nationality="TUR"))
    dialog = NewCaseDialog(sqlite_ctx, person.id, "Çelik, Emre")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.filter, "104c")
    assert dialog.procedures.count() == 0
    clock.move_to(date(2025, 12, 31))
    dialog.show_procedures("104c")
    assert dialog.procedures.count() == 1 and "Chancen-Aufenthaltsrecht" in dialog.procedures.item(0).text()
