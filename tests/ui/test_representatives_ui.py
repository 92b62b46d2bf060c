"""The legal representatives of a minor, by keyboard: the person pane warns that none is recorded,
Ctrl+Shift+V opens the list, the parents are typed in and saved with Enter, the warning goes."""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from abh_desk.domain.enums import Role
from abh_desk.services.auth import create_user
from abh_desk.services.cases import open_case
from abh_desk.services.context import Actor, ServiceContext
from abh_desk.services.notice_review import submit_for_review
from abh_desk.services.notices import notice_view
from abh_desk.services.persons import PersonDetail, PersonInput, create_person
from abh_desk.services.rejections import RejectionDraft, draft_rejection, waive_hearing
from abh_desk.services.representatives import RepresentativeInput, add_representative, representation
from letters.data import RefusalGround
from letters.samples import SAMPLE_FINDINGS
from models import User
from ui.main_window import MainWindow
from ui.notice_dialog import NoticeDialog
from ui.representatives_dialog import RepresentativesDialog

TODAY = date(2026, 12, 7)
CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


def _screenshot(widget: QWidget, name: str) -> None:
    """For a person to look at: set ABH_DESK_SCREENSHOTS to a folder."""
    folder = os.environ.get("ABH_DESK_SCREENSHOTS")
    if folder:
        widget.grab().save(str(Path(folder) / name))


def _type(qtbot: QtBot, dialog: RepresentativesDialog, values: dict[str, str]) -> None:
    for name, text in values.items():
        field = dialog.inputs[name]
        field.clear()
        qtbot.keyClicks(field, text)


def _anjali(ctx: ServiceContext) -> PersonDetail:
    """A girl of 13 at the test's day, living in Singen."""
    return create_person(
        ctx,
        PersonInput("Mehta", "Anjali", "04.05.2013", nationality="IND", sex="w", street="Hauptstraße 5",
                    postcode="78224", city="Singen"),
    )  # fmt: skip


def test_a_minors_parents_are_recorded_by_keyboard_and_the_hint_goes(qtbot: QtBot, sqlite_ctx: ServiceContext) -> None:
    person = _anjali(sqlite_ctx)
    window = MainWindow(sqlite_ctx)
    qtbot.addWidget(window)
    with qtbot.waitActive(window):
        window.show()
    window.tabs.setCurrentWidget(window.search)
    window.search.open_person(person.id)
    qtbot.waitUntil(lambda: window.search.current_file is not None)
    hint = window.search.representation_hint
    assert hint.isVisibleTo(window) and "minderjährig" in hint.text() and "Gesetzliche Vertreter" in hint.text()

    qtbot.keyClick(window.focusWidget() or window, Qt.Key.Key_V, CTRL_SHIFT)
    dialog = window.findChild(RepresentativesDialog)
    assert isinstance(dialog, RepresentativesDialog)
    assert dialog.windowTitle() == "Gesetzliche Vertreter von Anjali Mehta"
    qtbot.waitUntil(lambda: dialog.hint.isVisibleTo(dialog))
    assert "gesetzliche Vertretung erfassen" in dialog.hint.text()
    _screenshot(dialog, "vertreter_hinweis.png")

    qtbot.waitUntil(dialog.isActiveWindow)
    qtbot.keyClick(dialog.focusWidget() or dialog, Qt.Key.Key_N, Qt.KeyboardModifier.AltModifier)  # Alt+N: Neu
    qtbot.waitUntil(lambda: dialog.form_box.isVisibleTo(dialog))  # a mnemonic clicks after a moment
    assert dialog.kind.hasFocus()
    assert dialog.kind.currentText() == "Elternteil (gemeinsame Sorge)"
    _type(qtbot, dialog, {"family_name": "Mehta", "given_names": "Ravi", "street": "Hauptstraße 5"})
    dialog.sex.setCurrentIndex(dialog.sex.findData("m"))
    _type(qtbot, dialog, {"postcode": "7822", "city": "Singen"})
    qtbot.keyClick(dialog.inputs["city"], Qt.Key.Key_Return)  # Enter saves the form
    qtbot.waitUntil(lambda: dialog.errors["postcode"].isVisibleTo(dialog))  # under its field
    assert "fünf Ziffern" in dialog.errors["postcode"].text() and dialog.inputs["postcode"].hasFocus()
    assert dialog.message.text() == "Bitte die markierten Felder korrigieren. Es wurde nichts gespeichert."
    assert representation(sqlite_ctx, person.id).rows == ()

    _type(qtbot, dialog, {"postcode": "78224"})
    qtbot.keyClick(dialog.inputs["postcode"], Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.rows.rowCount() == 1)
    qtbot.wait(200)
    assert len(representation(sqlite_ctx, person.id).rows) == 1  # saved once, not twice
    qtbot.waitUntil(lambda: not dialog.hint.isVisibleTo(dialog))
    assert dialog.rows.row(0).name == "Ravi Mehta" and not dialog.form_box.isVisibleTo(dialog)

    qtbot.keyClick(dialog.focusWidget() or dialog, Qt.Key.Key_N, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: dialog.form_box.isVisibleTo(dialog))
    _type(qtbot, dialog, {"family_name": "Mehta", "given_names": "Priya", "street": "Hauptstraße 5",
                          "postcode": "78224", "city": "Singen"})  # fmt: skip
    dialog.sex.setCurrentIndex(dialog.sex.findData("w"))
    _screenshot(dialog, "vertreter_formular.png")
    qtbot.keyClick(dialog.inputs["city"], Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.rows.rowCount() == 2)
    _screenshot(dialog, "vertreter.png")
    dialog.reject()

    qtbot.waitUntil(lambda: window.search.representation_label.isVisibleTo(window))
    assert not window.search.representation_hint.isVisibleTo(window)
    label = window.search.representation_label.text()
    assert label == (
        "Gesetzliche Vertreter: Ravi Mehta, Elternteil (gemeinsame Sorge); Priya Mehta, Elternteil (gemeinsame Sorge)"
    )
    _screenshot(window, "personenbereich.png")


def test_each_refusal_stands_under_its_field_and_nothing_is_saved(qtbot: QtBot, sqlite_ctx: ServiceContext) -> None:
    person = create_person(sqlite_ctx, PersonInput("Mehta", "Anjali", "04.05.2013", nationality="IND", sex="w"))
    dialog = RepresentativesDialog(sqlite_ctx, person.id, "Anjali Mehta")
    qtbot.addWidget(dialog)
    with qtbot.waitActive(dialog):
        dialog.show()
    dialog.new()
    _type(qtbot, dialog, {"family_name": "Mehta", "given_names": "Ravi3", "postcode": "78", "valid_from": "32.13.2025"})
    dialog.save()
    assert dialog.errors["valid_from"].text() == "Bitte als TT.MM.JJJJ angeben."  # checked before the service
    assert dialog.inputs["valid_from"].hasFocus()
    _type(qtbot, dialog, {"valid_from": ""})
    dialog.save()
    qtbot.waitUntil(lambda: dialog.errors["street"].isVisibleTo(dialog))
    shown = {name: label.text() for name, label in dialog.errors.items() if label.isVisibleTo(dialog)}
    assert set(shown) == {"given_names", "street", "postcode", "city"}
    assert "„3“" in shown["given_names"] and "fünf Ziffern" in shown["postcode"] and "Anschrift" in shown["city"]
    assert dialog.inputs["given_names"].hasFocus()  # the first wrong field in the form's order
    assert "Es wurde nichts gespeichert" in dialog.message.text() and "Postleitzahl" not in dialog.message.text()
    qtbot.keyClicks(dialog.inputs["given_names"], "x")
    assert not dialog.errors["given_names"].isVisibleTo(dialog)  # corrected: its message goes
    assert representation(sqlite_ctx, person.id).rows == ()


def _dialog_with_ravi(qtbot: QtBot, ctx: ServiceContext) -> tuple[RepresentativesDialog, int]:
    person = _anjali(ctx)
    add_representative(
        ctx,
        person.id,
        RepresentativeInput("eltern", "Mehta", "Ravi", "m", street="Hauptstraße 5", postcode="78224", city="Singen"),
    )
    dialog = RepresentativesDialog(ctx, person.id, "Anjali Mehta")
    qtbot.addWidget(dialog)
    with qtbot.waitActive(dialog):
        dialog.show()
    qtbot.waitUntil(lambda: dialog.rows.rowCount() == 1)
    return dialog, person.id


def test_removing_a_representative_asks_first(
    qtbot: QtBot, sqlite_ctx: ServiceContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    dialog, person_id = _dialog_with_ravi(qtbot, sqlite_ctx)
    asked: list[str] = []
    answers = iter([False, True])
    monkeypatch.setattr("ui.dialogs.ask_yes_no", lambda _p, _t, question: asked.append(question) or next(answers))

    qtbot.mouseClick(dialog.remove_button, Qt.MouseButton.LeftButton)  # "No": nothing removed
    assert asked == ["Ravi Mehta als gesetzliche Vertretung entfernen? Das Entfernen wird protokolliert."]
    qtbot.wait(200)
    assert len(representation(sqlite_ctx, person_id).rows) == 1 and dialog.rows.rowCount() == 1

    qtbot.mouseClick(dialog.remove_button, Qt.MouseButton.LeftButton)  # "Yes": removed
    qtbot.waitUntil(lambda: dialog.rows.rowCount() == 0)
    assert len(asked) == 2 and representation(sqlite_ctx, person_id).rows == ()


def test_typed_entries_are_not_lost_by_escape_or_cancel(
    qtbot: QtBot, sqlite_ctx: ServiceContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    dialog, person_id = _dialog_with_ravi(qtbot, sqlite_ctx)
    # Opened and left unchanged: Cancel closes the form without a question (none is answered here).
    dialog.edit_current()
    qtbot.mouseClick(dialog.cancel_form_button, Qt.MouseButton.LeftButton)
    assert not dialog.form_box.isVisibleTo(dialog)

    asked: list[str] = []
    answers = iter([False, False, False, True])
    monkeypatch.setattr("ui.dialogs.ask_yes_no", lambda _p, _t, question: asked.append(question) or next(answers))
    dialog.new()
    _type(qtbot, dialog, {"family_name": "Mehta", "given_names": "Priya"})
    qtbot.keyClick(dialog.inputs["given_names"], Qt.Key.Key_Escape)  # "No": the dialog and the entries stay
    assert asked == ["Nicht gespeicherte Eingaben verwerfen?"]
    assert dialog.isVisible() and dialog.inputs["given_names"].text() == "Priya"
    qtbot.mouseClick(dialog.cancel_form_button, Qt.MouseButton.LeftButton)  # the form's Cancel asks too
    assert len(asked) == 2 and dialog.form_box.isVisibleTo(dialog)
    dialog.edit_current()  # so does filling the form with another representative
    assert len(asked) == 3 and dialog.inputs["given_names"].text() == "Priya"

    qtbot.keyClick(dialog.inputs["given_names"], Qt.Key.Key_Escape)  # "Yes": discarded, closed
    assert len(asked) == 4 and not dialog.isVisible()
    assert [row.name for row in representation(sqlite_ctx, person_id).rows] == ["Ravi Mehta"]


def test_the_notice_editor_says_why_a_minors_notice_cannot_go_out(qtbot: QtBot, sqlite_ctx: ServiceContext) -> None:
    person = create_person(
        sqlite_ctx,
        PersonInput("Haidari", "Samir", "00.00.2010", nationality="AFG", sex="m", street="Hauptstraße 5",
                    postcode="78224", city="Singen"),
    )  # fmt: skip
    case_id = open_case(sqlite_ctx, person.id, "99010019001008", applied_on=date(2026, 10, 1)).id
    with sqlite_ctx.db.read() as session:
        owner = session.scalars(select(User.id).where(User.username == "schweiger")).one()  # H is hers
    clerk = sqlite_ctx.as_user(Actor(owner, "schweiger", Role.CASEWORKER))
    letter_id = draft_rejection(
        clerk,
        case_id,
        RejectionDraft(
            grounds=(RefusalGround("lebensunterhalt", "Kein Einkommen."),), facts="Antrag vom 01.10.2026.",
            **SAMPLE_FINDINGS,
        ),
    )  # fmt: skip
    notice = NoticeDialog(clerk, case_id, letter_id)
    qtbot.addWidget(notice)
    notice.show()
    qtbot.waitUntil(lambda: notice.view is not None)
    assert notice.addressing_box.isVisible()
    assert notice.addressing_box.title() == "Dieser Bescheid kann so noch nicht hinausgehen"
    assert "minderjährig" in notice.addressing_text.text() and "gesetzliche Vertretung" in notice.addressing_text.text()
    _screenshot(notice, "bescheid_ohne_vertretung.png")


def test_the_team_lead_sees_to_whom_a_minors_notice_goes(qtbot: QtBot, sqlite_ctx: ServiceContext) -> None:
    person = _anjali(sqlite_ctx)
    for given, sex in (("Ravi", "m"), ("Priya", "w")):
        add_representative(
            sqlite_ctx,
            person.id,
            RepresentativeInput("eltern", "Mehta", given, sex, street="Hauptstraße 5", postcode="78224", city="Singen"),
        )
    case_id = open_case(sqlite_ctx, person.id, "99010019001008", applied_on=date(2026, 10, 1)).id
    create_user(sqlite_ctx, "lead", "Frau Leitung", Role.TEAM_LEAD, area="allgemein")
    with sqlite_ctx.db.read() as session:
        ids = dict(session.execute(select(User.username, User.id)).all())
    clerk = sqlite_ctx.as_user(Actor(ids["schweiger"], "schweiger", Role.CASEWORKER))
    draft = RejectionDraft(
        grounds=(RefusalGround("lebensunterhalt", "Kein Einkommen."),), facts="Antrag.", **SAMPLE_FINDINGS
    )
    letter_id = draft_rejection(clerk, case_id, draft)
    waive_hearing(clerk, letter_id, notice_view(clerk, letter_id).version, "Die Familie hat verzichtet.")
    submit_for_review(clerk, letter_id, notice_view(clerk, letter_id).version)
    window = MainWindow(sqlite_ctx.as_user(Actor(ids["lead"], "lead", Role.TEAM_LEAD)))
    qtbot.addWidget(window)
    window.show()
    window.tabs.setCurrentWidget(window.reviews)
    qtbot.waitUntil(lambda: window.reviews.selected is not None)
    details = window.reviews.details.text().splitlines()
    assert details[1] == "Geht an: Herrn Ravi Mehta und Frau Priya Mehta (als gesetzliche Vertreter von Anjali Mehta)"
    window.close()
