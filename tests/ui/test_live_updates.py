"""Changes from another workstation appear in the open windows within two seconds (issue 21), on
SQLite and PostgreSQL: the case window shows a tick made elsewhere, the lead's queue a notice just
submitted; an edit form with unsaved entries keeps them and offers to reload."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from abh_desk.domain.enums import Role
from abh_desk.services.auth import create_user
from abh_desk.services.case_file import mark_received
from abh_desk.services.cases import open_case
from abh_desk.services.context import Actor, ServiceContext
from abh_desk.services.notice_review import submit_for_review
from abh_desk.services.notices import notice_view
from abh_desk.services.persons import PersonInput, create_person, update_person
from abh_desk.services.rejections import RefusalGround, RejectionDraft, draft_rejection, waive_hearing
from abh_desk.storage import Database
from letters.samples import SAMPLE_FINDINGS
from models import User
from ui.main_window import MainWindow

TODAY = date(2026, 11, 23)
GENERAL = "99010019001008"
LIVE_MS = 2_000  # the bound: every other window shows the change within two seconds
_DRAFT = RejectionDraft(
    grounds=(RefusalGround("lebensunterhalt", "Ihr Einkommen deckt den Bedarf nicht."),),
    facts="Sie beantragten die Verlängerung.",
    exit_period_days=30,
    **SAMPLE_FINDINGS,
)


@pytest.fixture
def elsewhere(ctx: ServiceContext, database_url: str) -> Iterator[ServiceContext]:
    """Herr Keller at another workstation: an engine and connections of its own."""
    other = Database(database_url)
    keller = _user_id(ctx, "keller")
    yield ServiceContext(other, ctx.catalogue, Actor(keller, "keller", Role.CASEWORKER), ctx.clock)
    other.dispose()


def _user_id(ctx: ServiceContext, username: str) -> int:
    with ctx.db.read() as session:
        return int(session.scalar(select(User.id).where(User.username == username)) or 0)


def _display(ctx: ServiceContext, username: str) -> str:
    with ctx.db.read() as session:
        return str(session.scalar(select(User.display_name).where(User.username == username)))


def _window(qtbot: QtBot, ctx: ServiceContext) -> MainWindow:
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    window.live.start()
    qtbot.waitUntil(lambda: window.live.last_id is not None)
    return window


def _person(first_name: str = "Ayşe", city: str = "Singen") -> PersonInput:
    return PersonInput(
        "Öztürk", first_name, "12.03.1990", nationality="TUR", sex="w", street="Freiheitstraße 3", postcode="78224",
        city=city,
    )  # fmt: skip


def test_an_open_case_shows_a_tick_made_at_another_workstation(
    qtbot: QtBot, ctx: ServiceContext, elsewhere: ServiceContext
) -> None:
    keller = elsewhere
    person = create_person(keller, _person())
    case = open_case(keller, person.id, GENERAL, applied_on=TODAY)  # Ö: Herr Keller's case
    window = _window(qtbot, ctx)
    try:
        dialog = window.open_case(case.id)
        qtbot.waitUntil(lambda: dialog.file is not None)
        assert dialog.file is not None
        line = dialog.file.checklist[0]
        assert dialog.checklist.data(dialog.checklist.index(0, 2)) != "eingegangen"
        mark_received(keller, line.id, on=TODAY, expected_version=line.version)
        qtbot.waitUntil(lambda: dialog.checklist.data(dialog.checklist.index(0, 2)) == "eingegangen", timeout=LIVE_MS)
        assert dialog.changed_bar.isVisible()
        assert _display(ctx, "keller") in dialog.changed_bar.text.text()
        assert not dialog.changed_bar.reload_button.isVisible()  # nothing typed to keep: shown at once
    finally:
        window.close()


def test_the_leads_queue_shows_a_notice_submitted_elsewhere(
    qtbot: QtBot, ctx: ServiceContext, elsewhere: ServiceContext
) -> None:
    create_user(ctx, "lead", "Frau Leitung", Role.TEAM_LEAD, area="allgemein")
    lead = ctx.as_user(Actor(_user_id(ctx, "lead"), "lead", Role.TEAM_LEAD))
    keller = elsewhere
    person = create_person(keller, _person())
    case = open_case(keller, person.id, GENERAL, applied_on=TODAY)
    letter_id = draft_rejection(keller, case.id, _DRAFT)
    waive_hearing(keller, letter_id, notice_view(keller, letter_id).version, "Auf Anhörung verzichtet.")
    window = _window(qtbot, lead)
    try:
        window.tabs.setCurrentWidget(window.reviews)  # the queue in view (F4 is tested in test_rejection_ui)
        window.runner.wait()  # the queue as loaded on F4
        qtbot.wait(100)
        assert window.reviews.rows.rowCount() == 0
        submit_for_review(keller, letter_id, notice_view(keller, letter_id).version)
        qtbot.waitUntil(lambda: window.reviews.rows.rowCount() == 1, timeout=LIVE_MS)
    finally:
        window.close()


def test_an_open_person_form_keeps_what_was_typed_and_shows_the_change(
    qtbot: QtBot, ctx: ServiceContext, elsewhere: ServiceContext
) -> None:
    person = create_person(ctx, _person())
    window = _window(qtbot, ctx)
    try:
        window.open_person(person.id)
        qtbot.waitUntil(lambda: window.search.current_file is not None)
        dialog = window.edit_person()
        assert dialog is not None
        city = dialog.inputs["city"]
        city.clear()
        qtbot.keyClicks(city, "Radolfzell")
        update_person(elsewhere, person.id, 1, _person(city="Konstanz"))
        qtbot.waitUntil(lambda: dialog.stale_box.isVisible(), timeout=LIVE_MS)
        assert city.text() == "Radolfzell"  # not overwritten
        assert "Konstanz" in dialog.stale_text.text() and _display(ctx, "keller") in dialog.stale_text.text()
        qtbot.mouseClick(dialog.reload_button, Qt.MouseButton.LeftButton)  # take what is stored
        assert city.text() == "Konstanz" and not dialog.stale_box.isVisible()
    finally:
        window.close()


def test_an_open_notice_with_unsaved_text_keeps_it_and_offers_to_reload(
    qtbot: QtBot, ctx: ServiceContext, elsewhere: ServiceContext
) -> None:
    keller = elsewhere
    here = ctx.as_user(keller.actor)  # Herr Keller has the notice open at his second workstation too
    person = create_person(keller, _person())
    case = open_case(keller, person.id, GENERAL, applied_on=TODAY)
    letter_id = draft_rejection(keller, case.id, _DRAFT)
    window = _window(qtbot, here)
    try:
        notice = window.open_notice(case.id, letter_id)
        qtbot.waitUntil(lambda: getattr(notice, "loaded_draft", None) is not None)
        qtbot.keyClicks(notice.facts, " Nachtrag.")
        waive_hearing(keller, letter_id, notice_view(keller, letter_id).version, "Auf Anhörung verzichtet.")
        qtbot.waitUntil(lambda: notice.changed_bar.isVisible(), timeout=LIVE_MS)
        assert "Nachtrag." in notice.facts.toPlainText()  # kept
        assert notice.changed_bar.reload_button.isVisible()
        qtbot.mouseClick(notice.changed_bar.reload_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: "Nachtrag." not in notice.facts.toPlainText())
        assert not notice.changed_bar.isVisible()
        assert notice.view is not None and "Anhörung" in " ".join(s.what for s in notice.view.steps)
    finally:
        window.close()


def test_changes_behind_the_lock_show_after_unlocking(
    qtbot: QtBot, ctx: ServiceContext, elsewhere: ServiceContext
) -> None:
    keller = elsewhere
    person = create_person(keller, _person())
    case = open_case(keller, person.id, GENERAL, applied_on=TODAY)
    window = _window(qtbot, ctx)
    try:
        dialog = window.open_case(case.id)
        qtbot.waitUntil(lambda: dialog.file is not None)
        assert dialog.file is not None
        line = dialog.file.checklist[0]
        window.lock()
        assert window.locked
        mark_received(keller, line.id, on=TODAY, expected_version=line.version)
        qtbot.wait(LIVE_MS)  # arrived, but held: nothing reloads behind the lock
        assert dialog.checklist.data(dialog.checklist.index(0, 2)) != "eingegangen"
        window.unlock()
        qtbot.waitUntil(lambda: dialog.checklist.data(dialog.checklist.index(0, 2)) == "eingegangen", timeout=LIVE_MS)
    finally:
        window.close()
