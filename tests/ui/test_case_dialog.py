"""The case file window, driven from the keyboard as at the counter."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from abh_desk.services.cases import open_case
from abh_desk.services.context import ServiceContext
from abh_desk.services.persons import PersonInput, create_person
from ui.case_dialog import CaseDialog
from ui.main_window import MainWindow

TODAY = date(2026, 11, 21)
LANGUAGE_COURSE = "99010019001013"


def _dialog(qtbot: QtBot, ctx: ServiceContext) -> CaseDialog:
    person = create_person(ctx, PersonInput("Kovalenko", "Olena", "01.01.1990", nationality="UKR"))
    case = open_case(ctx, person.id, LANGUAGE_COURSE, applied_on=TODAY)
    dialog = CaseDialog(ctx, case.id)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.file is not None)
    return dialog


def test_checklist_ticks_from_the_keyboard_and_the_count_follows(qtbot: QtBot, sqlite_ctx: ServiceContext) -> None:
    dialog = _dialog(qtbot, sqlite_ctx)
    total = dialog.checklist.rowCount()
    assert dialog.missing_label.text() == f"{total} von {total} Unterlagen fehlen noch"
    assert dialog.fields["fee"].text() == "100,00 EUR" or dialog.fields["fee"].text().endswith("EUR")
    dialog.tabs.setCurrentIndex(1)
    dialog.checklist_view.setFocus()
    dialog.checklist_view.selectRow(0)
    qtbot.keyClick(dialog.checklist_view, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: dialog.missing_label.text() == f"{total - 1} von {total} Unterlagen fehlen noch")
    assert dialog.checklist.data(dialog.checklist.index(0, 2)) == "eingegangen"
    assert dialog.checklist.data(dialog.checklist.index(0, 3)) == "21.11.2026"
    qtbot.keyClick(dialog.checklist_view, Qt.Key.Key_Delete)
    qtbot.waitUntil(lambda: dialog.missing_label.text() == f"{total} von {total} Unterlagen fehlen noch")


def test_waive_and_add_ask_for_text_and_show_it(qtbot: QtBot, sqlite_ctx: ServiceContext, monkeypatch) -> None:
    dialog = _dialog(qtbot, sqlite_ctx)
    total = dialog.checklist.rowCount()
    answers = iter(["", "liegt bereits vor", "Meldebescheinigung"])
    monkeypatch.setattr("ui.dialogs.ask_text", lambda *a, **k: next(answers))
    dialog.checklist_view.selectRow(1)
    qtbot.mouseClick(dialog.waive_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "Grund für den Verzicht" in dialog.message.text())
    qtbot.mouseClick(dialog.waive_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.checklist.data(dialog.checklist.index(1, 4)) == "liegt bereits vor")
    qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.checklist.rowCount() == total + 1)
    last = dialog.checklist.rowCount() - 1
    assert dialog.checklist.data(dialog.checklist.index(last, 0)) == "Meldebescheinigung"
    assert dialog.checklist.data(dialog.checklist.index(last, 1)) == "hinzugefügt"
    assert dialog.missing_label.text() == f"{total} von {total + 1} Unterlagen fehlen noch"
    assert [dialog.history.data(dialog.history.index(r, 2)) for r in range(2)] == [
        "Weitere Unterlage angefordert",
        "Auf Unterlage verzichtet",
    ]


def test_recording_a_language_course_shows_its_documents(qtbot: QtBot, sqlite_ctx: ServiceContext) -> None:
    dialog = _dialog(qtbot, sqlite_ctx)
    before = dialog.checklist.rowCount()
    box = dialog.fact_boxes["sprachkurs"]
    assert box.text() == "Sprachkurs" and not box.isChecked()
    box.setChecked(True)
    course = [d for d in sqlite_ctx.catalogue.get(LANGUAGE_COURSE).documents if d.condition == "sprachkurs"]
    qtbot.waitUntil(lambda: dialog.checklist.rowCount() == before + len(course))
    texts = [dialog.checklist.data(dialog.checklist.index(r, 0)) for r in range(dialog.checklist.rowCount())]
    assert all(d.text in texts for d in course)


def test_enter_on_a_case_in_the_person_file_opens_it(qtbot: QtBot, sqlite_ctx: ServiceContext) -> None:
    person = create_person(sqlite_ctx, PersonInput("Kovalenko", "Olena", "01.01.1990", nationality="UKR"))
    case = open_case(sqlite_ctx, person.id, LANGUAGE_COURSE, applied_on=TODAY)
    window = MainWindow(sqlite_ctx)
    qtbot.addWidget(window)
    window.show()
    qtbot.keyClicks(window.search_field, "kovalenko")
    qtbot.waitUntil(lambda: window.search.results.rowCount() == 1)
    qtbot.keyClick(window.search_field, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.search.cases.rowCount() == 1)
    window.search.case_view.setFocus()
    window.search.case_view.selectRow(0)
    qtbot.keyClick(window.search.case_view, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: bool(window.case_dialogs) and window.case_dialogs[-1].file is not None)
    assert window.case_dialogs[-1].fields["file_number"].text() == case.file_number


def test_start_page_counts_my_deadlines_and_open_cases(qtbot: QtBot, sqlite_ctx: ServiceContext) -> None:
    from datetime import timedelta

    from abh_desk.demo.users import DEMO_PASSWORD, ensure_demo_users
    from abh_desk.services.auth import sign_in
    from abh_desk.services.deadlines import set_follow_up

    ensure_demo_users(sqlite_ctx)
    person = create_person(sqlite_ctx, PersonInput("Haddad", "Lina", "01.01.1990", nationality="SYR"))
    first = open_case(sqlite_ctx, person.id, LANGUAGE_COURSE, applied_on=TODAY)
    open_case(sqlite_ctx, person.id, LANGUAGE_COURSE, TODAY, repeat_reason="zweiter Sprachkurs")
    set_follow_up(sqlite_ctx, first.id, TODAY, "heute")
    set_follow_up(sqlite_ctx, first.id, TODAY + timedelta(days=1))
    signed_in = sign_in(sqlite_ctx, "schweiger", DEMO_PASSWORD)
    window = MainWindow(sqlite_ctx.as_user(signed_in.actor), signed_in=signed_in)
    qtbot.addWidget(window)
    window.show()
    assert window.tabs.currentWidget() is window.start
    start = window.start
    qtbot.waitUntil(lambda: start.urgent.rowCount() == 2)
    assert start.overdue.text() == "0\nüberfällig" and start.due_today.text() == "1\nheute fällig"
    assert start.this_week.text() == "1\ndiese Woche"
    assert start.cases_box.title() == "Meine offenen Vorgänge: 2"
    assert start.case_counts["Neu"].text() == "2"
    start.urgent_view.activated.emit(start.urgent.index(0, 0))
    qtbot.waitUntil(lambda: bool(window.case_dialogs) and window.case_dialogs[-1].file is not None)
    assert window.case_dialogs[-1].fields["file_number"].text() == first.file_number
    window.case_dialogs[-1].close()
    with qtbot.waitActive(window):
        window.activateWindow()
    qtbot.keyClick(window.start.urgent_view, Qt.Key.Key_F6)
    assert window.tabs.currentWidget() is window.deadlines


def test_letters_tab_requests_missing_documents_and_saves_the_pdf(
    qtbot: QtBot, sqlite_ctx: ServiceContext, tmp_path, monkeypatch
) -> None:
    import pypdf

    person = create_person(
        sqlite_ctx,
        PersonInput(
            "Kovalenko",
            "Olena",
            "01.01.1990",
            nationality="UKR",
            sex="w",
            street="Hauptstraße 1",
            postcode="78224",
            city="Singen",
        ),
    )
    case = open_case(sqlite_ctx, person.id, LANGUAGE_COURSE, applied_on=TODAY)
    dialog = CaseDialog(sqlite_ctx, case.id)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.file is not None)
    dialog.tabs.setCurrentIndex(4)  # Schreiben
    qtbot.mouseClick(dialog.missing_letter_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.letters.rowCount() == 1)
    assert dialog.letters.data(dialog.letters.index(0, 0)) == "Nachforderung von Unterlagen"
    assert not dialog.missing_letter_button.isEnabled() or dialog.message.text().startswith("Nachforderung erstellt")
    qtbot.waitUntil(lambda: dialog.missing_letter_button.isEnabled())
    qtbot.mouseClick(dialog.missing_letter_button, Qt.MouseButton.LeftButton)  # pressed again
    qtbot.waitUntil(lambda: "fordert genau diese Unterlagen an" in dialog.message.text())
    assert dialog.letters.rowCount() == 1 and dialog.deadlines.rowCount() == 1  # one letter, one follow-up
    qtbot.waitUntil(lambda: dialog.letter_preview.page_count() == 1)  # the new letter shows at once
    target = tmp_path / "nachforderung.pdf"
    monkeypatch.setattr("ui.dialogs.ask_save_path", lambda *a, **k: target)
    dialog.letters_view.selectRow(0)
    qtbot.mouseClick(dialog.save_letter_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: target.exists() and target.stat().st_size > 0)
    text = pypdf.PdfReader(target).pages[0].extract_text()
    assert "Frau Olena Kovalenko" in text and case.file_number in text


def test_a_case_not_ones_own_opens_only_with_a_reason(qtbot: QtBot, sqlite_ctx: ServiceContext, monkeypatch) -> None:
    from sqlalchemy import select

    from abh_desk.domain.enums import Role
    from abh_desk.services.context import Actor
    from models import User

    person = create_person(sqlite_ctx, PersonInput("Haddad", "Rania", "01.01.1990", nationality="SYR"))
    case = open_case(sqlite_ctx, person.id, LANGUAGE_COURSE, applied_on=TODAY)  # Frau Schweiger's (H)
    with sqlite_ctx.db.read() as session:
        rudolf = session.scalars(select(User).where(User.username == "rudolf")).one()
    clerk = sqlite_ctx.as_user(Actor(rudolf.id, "rudolf", Role.CASEWORKER))

    monkeypatch.setattr("ui.dialogs.ask_text", lambda *a, **k: None)  # no reason given: it stays shut
    shut = CaseDialog(clerk, case.id)
    qtbot.addWidget(shut)
    shut.show()
    qtbot.waitUntil(lambda: not shut.isVisible())
    assert shut.file is None

    reasons = iter(["krank", "Vorsprache am Schalter, Frau Schweiger im Urlaub"])
    monkeypatch.setattr("ui.dialogs.ask_text", lambda *a, **k: next(reasons))
    dialog = CaseDialog(clerk, case.id)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.file is not None)  # the short reason was refused, the second taken
    assert "[mit Begründung]" in dialog.header.text() and dialog.tabs.isEnabled()


def test_the_owner_shares_a_case_and_the_colleague_opens_it_without_a_reason(
    qtbot: QtBot, sqlite_ctx: ServiceContext, monkeypatch
) -> None:
    from datetime import timedelta

    from sqlalchemy import select

    from abh_desk.domain.enums import Role
    from abh_desk.services.context import Actor
    from models import User

    person = create_person(sqlite_ctx, PersonInput("Haddad", "Rania", "01.01.1990", nationality="SYR"))
    case = open_case(sqlite_ctx, person.id, LANGUAGE_COURSE, applied_on=TODAY)  # Frau Schweiger's (H)
    with sqlite_ctx.db.read() as session:
        ids = dict(session.execute(select(User.username, User.id)).all())
    owner = sqlite_ctx.as_user(Actor(ids["schweiger"], "schweiger", Role.CASEWORKER))
    colleague = sqlite_ctx.as_user(Actor(ids["rudolf"], "rudolf", Role.CASEWORKER))
    dialog = _open(qtbot, owner, case.id)
    answers = iter(["rudolf", "Urlaubsvertretung Unterlagen"])
    monkeypatch.setattr("ui.dialogs.ask_text", lambda *a, **k: next(answers))
    monkeypatch.setattr("ui.dialogs.ask_date", lambda *a, **k: TODAY + timedelta(days=3))
    qtbot.mouseClick(dialog.share_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "Geteilt mit rudolf bis 24.11.2026." in dialog.message.text())
    seen = _open(qtbot, colleague, case.id)
    assert "[geteilt]" in seen.header.text()


def _open(qtbot: QtBot, ctx: ServiceContext, case_id: int) -> CaseDialog:
    dialog = CaseDialog(ctx, case_id)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.file is not None)
    return dialog


def test_the_office_checks_are_their_own_list_and_not_counted_as_missing(
    qtbot: QtBot, sqlite_ctx: ServiceContext
) -> None:
    """§ 24 VwVfG: the interest in expulsion and the interests of the Federal Republic are checked by
    the office; they show below the documents and are ticked there, the count of missing documents
    leaves them out."""
    person = create_person(sqlite_ctx, PersonInput("Kovalenko", "Olena", "01.01.1990", nationality="UKR"))
    case = open_case(sqlite_ctx, person.id, "SIN-BESCHAEFTIGUNG", applied_on=TODAY)
    dialog = CaseDialog(sqlite_ctx, case.id)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.file is not None)
    dialog.tabs.setCurrentIndex(1)
    total = dialog.checklist.rowCount()
    assert dialog.missing_label.text() == f"{total} von {total} Unterlagen fehlen noch"
    documents = [dialog.checklist.data(dialog.checklist.index(r, 0)) for r in range(total)]
    assert not any("Ausweisungsinteresse" in text for text in documents)
    assert dialog.checks_box.isVisible() and "§ 24 VwVfG" in dialog.checks_box.title()
    assert dialog.checks.rowCount() == 2
    assert "Kein Ausweisungsinteresse" in dialog.checks.data(dialog.checks.index(0, 0))
    assert dialog.checks.data(dialog.checks.index(0, 2)) == "offen"
    dialog.checks_view.setFocus()
    dialog.checks_view.selectRow(0)
    qtbot.keyClick(dialog.checks_view, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: dialog.checks.data(dialog.checks.index(0, 2)) == "geprüft")
    assert dialog.checks.data(dialog.checks.index(0, 3)) == "21.11.2026"
    assert dialog.missing_label.text() == f"{total} von {total} Unterlagen fehlen noch"
    qtbot.mouseClick(dialog.check_open_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.checks.data(dialog.checks.index(0, 2)) == "offen")


def test_no_checks_no_box(qtbot: QtBot, sqlite_ctx: ServiceContext) -> None:
    dialog = _dialog(qtbot, sqlite_ctx)
    dialog.tabs.setCurrentIndex(1)
    assert not dialog.checks_box.isVisible() and dialog.checks.rowCount() == 0
