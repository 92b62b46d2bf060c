"""One change notification for every open screen (issue 22, part 9): what one window of the program
commits, the others show — through ``ui.live_updates.ChangeHub``, with no signal between the two
windows and without listening to other workstations (``LiveUpdates.start`` is not called here).
Pages out of view reload when shown only if a change concerns them."""

from __future__ import annotations

from datetime import date

from pytestqt.qtbot import QtBot
from sqlalchemy import select

from abh_desk.domain.enums import Role
from abh_desk.services.auth import create_user
from abh_desk.services.case_file import mark_received
from abh_desk.services.cases import open_case
from abh_desk.services.context import Actor, ServiceContext
from abh_desk.services.notice_review import submit_for_review
from abh_desk.services.notices import notice_view
from abh_desk.services.persons import PersonInput, create_person
from abh_desk.services.rejections import RefusalGround, RejectionDraft, draft_rejection, waive_hearing
from letters.samples import SAMPLE_FINDINGS
from models import User
from ui.main_window import MainWindow

TODAY = date(2026, 11, 23)
GENERAL = "99010019001008"
_DRAFT = RejectionDraft(
    grounds=(RefusalGround("lebensunterhalt", "Ihr Einkommen deckt den Bedarf nicht."),),
    facts="Sie beantragten die Verlängerung.",
    exit_period_days=30,
    **SAMPLE_FINDINGS,
)
_PERSON = PersonInput(
    "Öztürk", "Ayşe", "12.03.1990", nationality="TUR", sex="w", street="Freiheitstraße 3", postcode="78224",
    city="Singen",
)  # fmt: skip


def _as(ctx: ServiceContext, username: str, role: Role) -> ServiceContext:
    with ctx.db.read() as session:
        user_id = session.scalar(select(User.id).where(User.username == username))
    return ctx.as_user(Actor(user_id, username, role))


def _window(qtbot: QtBot, ctx: ServiceContext) -> MainWindow:
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    return window


def test_an_open_case_follows_a_tick_made_in_another_window_without_the_elsewhere_note(
    qtbot: QtBot, ctx: ServiceContext
) -> None:
    keller = _as(ctx, "keller", Role.CASEWORKER)
    person = create_person(keller, _PERSON)
    case = open_case(keller, person.id, GENERAL, applied_on=TODAY)
    window = _window(qtbot, keller)
    other_window = keller.in_window("ein-anderes-fenster")  # same program, same database
    dialog = window.open_case(case.id)
    qtbot.waitUntil(lambda: dialog.file is not None)
    assert dialog.file is not None
    line = dialog.file.checklist[0]
    mark_received(other_window, line.id, on=TODAY, expected_version=line.version)
    qtbot.waitUntil(lambda: dialog.checklist.data(dialog.checklist.index(0, 2)) == "eingegangen")
    assert not dialog.changed_bar.isVisible()  # made in this program: no "at another workstation"
    window.close()


def test_the_leads_queue_follows_a_notice_submitted_in_another_window(qtbot: QtBot, ctx: ServiceContext) -> None:
    create_user(ctx, "lead", "Frau Leitung", Role.TEAM_LEAD, area="allgemein")
    lead = _as(ctx, "lead", Role.TEAM_LEAD)
    keller = _as(ctx, "keller", Role.CASEWORKER).in_window("kellers-bescheid")
    case = open_case(keller, create_person(keller, _PERSON).id, GENERAL, applied_on=TODAY)
    letter_id = draft_rejection(keller, case.id, _DRAFT)
    waive_hearing(keller, letter_id, notice_view(keller, letter_id).version, "Auf Anhörung verzichtet.")
    window = _window(qtbot, lead)
    window.tabs.setCurrentWidget(window.reviews)
    window.runner.wait()
    qtbot.wait(50)
    assert window.reviews.rows.rowCount() == 0
    submit_for_review(keller, letter_id, notice_view(keller, letter_id).version)
    qtbot.waitUntil(lambda: window.reviews.rows.rowCount() == 1)
    window.close()


def test_an_open_notice_with_unsaved_text_keeps_it_and_says_another_window_changed_it(
    qtbot: QtBot, ctx: ServiceContext
) -> None:
    keller = _as(ctx, "keller", Role.CASEWORKER)
    case = open_case(keller, create_person(keller, _PERSON).id, GENERAL, applied_on=TODAY)
    letter_id = draft_rejection(keller, case.id, _DRAFT)
    window = _window(qtbot, keller)
    notice = window.open_notice(case.id, letter_id)
    qtbot.waitUntil(lambda: getattr(notice, "loaded_draft", None) is not None)
    qtbot.keyClicks(notice.facts, " Nachtrag.")
    second = keller.in_window("zweites-fenster")
    waive_hearing(second, letter_id, notice_view(keller, letter_id).version, "Auf Anhörung verzichtet.")
    qtbot.waitUntil(lambda: notice.changed_bar.isVisible())
    assert notice.changed_bar.text.text().startswith("In einem anderen Fenster dieses Programms geändert.")
    assert "Nachtrag." in notice.facts.toPlainText() and notice.changed_bar.reload_button.isVisible()
    window.close()


def test_a_page_out_of_view_reloads_when_shown_only_if_a_change_concerns_it(qtbot: QtBot, ctx: ServiceContext) -> None:
    create_user(ctx, "lead", "Frau Leitung", Role.TEAM_LEAD, area="allgemein")
    lead = _as(ctx, "lead", Role.TEAM_LEAD)
    keller = _as(ctx, "keller", Role.CASEWORKER).in_window("kellers-bescheid")
    case = open_case(keller, create_person(keller, _PERSON).id, GENERAL, applied_on=TODAY)
    letter_id = draft_rejection(keller, case.id, _DRAFT)
    waive_hearing(keller, letter_id, notice_view(keller, letter_id).version, "Auf Anhörung verzichtet.")
    window = _window(qtbot, lead)
    reviews = window.reviews
    window.tabs.setCurrentWidget(reviews)  # first look: loaded
    window.runner.wait()
    loads: list[str] = []
    original = reviews._load  # what a reload and a refresh both do
    reviews._load = lambda: (loads.append("load"), original())[1]  # type: ignore[method-assign]
    window.tabs.setCurrentWidget(window.start)
    window.tabs.setCurrentWidget(reviews)
    assert loads == []  # nothing changed: shown as it is
    window.tabs.setCurrentWidget(window.start)
    submit_for_review(keller, letter_id, notice_view(keller, letter_id).version)
    window.tabs.setCurrentWidget(reviews)  # at once: the change a moment ago marks the page first
    assert loads == ["load"]
    qtbot.waitUntil(lambda: reviews.rows.rowCount() == 1)
    window.close()
