"""The rejection's whole path through the windows: a caseworker drafts and submits, a team lead
approves from the queue, the caseworker dispatches, the objection deadline appears, it passes, and
at the next start the notice is final."""

from __future__ import annotations

import io
from datetime import date, timedelta
from pathlib import Path

import pypdf
import pytest
from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrinter
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from abh_desk.clock import FixedClock
from abh_desk.domain.enums import DeadlineKind, LetterStatus, Role
from abh_desk.services.auth import create_user
from abh_desk.services.case_letters import letter_pdf
from abh_desk.services.cases import open_case
from abh_desk.services.context import Actor, ServiceContext
from abh_desk.services.notices import notice_view
from abh_desk.services.persons import PersonInput, create_person
from letters.samples import SAMPLE_FINDINGS
from models import Deadline, Letter, User
from ui.case_dialog import CaseDialog
from ui.dispatch_dialog import DispatchDialog
from ui.main_window import MainWindow
from ui.notice_dialog import NoticeDialog

TODAY = date(2026, 11, 23)  # a Monday: the test clock stands on it until the deadline passes


def _users(ctx: ServiceContext) -> tuple[ServiceContext, ServiceContext]:
    create_user(ctx, "lead", "Frau Leitung", Role.TEAM_LEAD, area="allgemein")
    with ctx.db.read() as session:
        ids = dict(session.execute(select(User.username, User.id)).all())
    return (
        ctx.as_user(Actor(ids["keller"], "keller", Role.CASEWORKER)),
        ctx.as_user(Actor(ids["lead"], "lead", Role.TEAM_LEAD)),
    )


def _case(ctx: ServiceContext) -> int:
    person = create_person(
        ctx,
        PersonInput(
            "Şahin", "Ayşe", "05.06.1992", nationality="TUR", sex="w",
            street="Freiheitstraße 3", postcode="78224", city="Singen",
        ),
    )  # fmt: skip
    return open_case(ctx, person.id, "99010019001008", applied_on=TODAY - timedelta(days=60)).id


def _pdf_text(ctx: ServiceContext, letter_id: int) -> str:
    with ctx.db.read() as session:
        letter = session.get(Letter, letter_id)
        assert letter is not None and letter.pdf is not None
        return "\n".join(page.extract_text() for page in pypdf.PdfReader(io.BytesIO(letter.pdf)).pages)


def test_draft_review_dispatch_deadline_final(
    qtbot: QtBot, sqlite_ctx: ServiceContext, monkeypatch: pytest.MonkeyPatch, tmp_path: Path, clock: FixedClock
) -> None:
    clerk, lead = _users(sqlite_ctx)
    case_id = _case(sqlite_ctx)

    # The caseworker opens the case, the Schreiben tab, and starts a rejection.
    case_dialog = CaseDialog(clerk, case_id)
    qtbot.addWidget(case_dialog)
    case_dialog.show()
    qtbot.waitUntil(lambda: case_dialog.file is not None)
    qtbot.mouseClick(case_dialog.rejection_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: hasattr(case_dialog, "notice_dialog") and case_dialog.notice_dialog.ground_list.count() > 0)
    notice: NoticeDialog = case_dialog.notice_dialog
    assert notice.target_state.text() == "die Türkei" and notice.fee.placeholderText() == "100,00"
    assert "§ 49 Abs. 2, § 45 Nr. 1 Buchst. b AufenthV" in notice.fee_basis.text()
    # No title recorded: the refusal confirms the duty to leave, and the editor says why.
    assert "Ausreisepflichtig" in notice.stay_label.text() and "kein Aufenthaltstitel" in notice.stay_label.text()
    assert notice.assessment.isVisible() and notice.ban_months.isVisible()
    assert all(finding.isVisible() for finding in notice.findings.values())
    assert "haben Sie „" in notice.facts.toPlainText() and "“ beantragt (" in notice.facts.toPlainText()

    # Saving without a ground is refused next to the field; nothing is stored.
    qtbot.mouseClick(notice.buttons["save"], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "mindestens einen Ablehnungsgrund" in notice.field_messages["grounds"].text())
    with sqlite_ctx.db.read() as session:
        assert session.scalar(select(Letter.id)) is None

    keys = [notice.ground_list.item(i).data(Qt.ItemDataRole.UserRole) for i in range(notice.ground_list.count())]
    item = notice.ground_list.item(keys.index("lebensunterhalt"))
    item.setCheckState(Qt.CheckState.Checked)
    notice.ground_list.setCurrentItem(item)
    qtbot.keyClicks(notice.ground_detail, "Ihr Einkommen von 600 EUR deckt den Bedarf nicht.")
    notice.facts.moveCursor(notice.facts.textCursor().MoveOperation.End)
    qtbot.keyClicks(notice.facts, " Sie beziehen Leistungen nach dem SGB II.")
    notice.exit_days.setValue(21)
    qtbot.mouseClick(notice.buttons["save"], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: notice.view is not None and notice.view.status == LetterStatus.DRAFT)
    qtbot.waitUntil(lambda: notice.preview.page_count() >= 2)  # QtPdf loads from memory asynchronously
    letter_id = notice.view.id
    text = _pdf_text(sqlite_ctx, letter_id)
    assert "ENTWURF" in text and "600 EUR" in text and "21 Tage" in text.replace("\n", " ")
    qtbot.waitUntil(lambda: case_dialog.letters.rowCount() == 1)  # the case window follows
    assert case_dialog.letters.data(case_dialog.letters.index(0, 1)) == "Entwurf"

    # No submission without a hearing or a reason; then a reason is given and it is submitted.
    assert notice.buttons["zur_pruefung_vorgelegt"].isVisible()
    assert not notice.buttons["freigegeben"].isVisible()  # not for the caseworker
    qtbot.mouseClick(notice.buttons["zur_pruefung_vorgelegt"], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "anhören" in notice.message.text())
    monkeypatch.setattr("ui.dialogs.ask_long_text", lambda *a, **k: "Die Antragstellerin hat schriftlich verzichtet.")
    qtbot.mouseClick(notice.buttons["anhoerung_entbehrlich"], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: notice.view is not None and bool(notice.view.hearing_waiver_reason))
    # The deportation is threatened: not without the § 59 findings for this person, point by point.
    qtbot.mouseClick(notice.buttons["zur_pruefung_vorgelegt"], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "§ 59 Abs. 1" in notice.field_messages["deportation_assessment"].text())
    assert "Kindeswohl, familiäre Bindungen" in notice.field_messages["deportation_assessment"].text()
    assert "Hier fehlt noch die Feststellung" in _pdf_text(sqlite_ctx, letter_id).replace("\n", " ")
    for name, text in (
        ("finding_deportation_bars", "Gefahren im Zielstaat sind nicht ersichtlich."),
        ("finding_child_welfare", "Sie hat keine Kinder."),
        ("finding_family_ties", "Sie lebt allein hier."),
        ("finding_health", "Sie ist gesund."),
    ):
        qtbot.keyClicks(notice.findings[name], text)
    qtbot.mouseClick(notice.buttons["save"], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "Sie lebt allein hier." in notice.loaded_draft.finding_family_ties)
    printed = _pdf_text(sqlite_ctx, letter_id).replace("\n", " ")
    assert "Kindeswohl: Sie hat keine Kinder." in printed and "Gesundheitszustand: Sie ist gesund." in printed
    qtbot.mouseClick(notice.buttons["zur_pruefung_vorgelegt"], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: notice.view is not None and notice.view.status == LetterStatus.IN_REVIEW)

    # The team lead: start page counts it, the queue shows it with the notice, Ctrl+Enter approves.
    window = MainWindow(lead)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: "1 warten auf meine Prüfung" in window.start.reviews_label.text())
    qtbot.keyClick(window, Qt.Key.Key_F4)
    assert window.tabs.currentWidget() is window.reviews
    qtbot.waitUntil(lambda: window.reviews.rows.rowCount() == 1 and window.reviews.selected is not None)
    assert window.reviews.rows.data(window.reviews.rows.index(0, 5)) == "Lebensunterhalt nicht gesichert"
    assert "600 EUR deckt den Bedarf nicht" in window.reviews.details.text()
    assert "Ausreisefrist: 21 Tage" in window.reviews.details.text()
    assert "Gebühr: 100,00 EUR (§ 49 Abs. 2, § 45 Nr. 1 Buchst. b AufenthV)" in window.reviews.details.text()
    qtbot.waitUntil(lambda: window.reviews.preview.page_count() >= 2)
    answers = iter([False, True])  # Strg+Enter asks first (issue 23, part 9): no, then yes
    asked: list[str] = []
    monkeypatch.setattr("ui.dialogs.ask_yes_no", lambda _p, _t, question: asked.append(question) or next(answers))
    qtbot.keyClick(window.reviews.table, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert asked and asked[0].startswith("Ablehnungsbescheid ") and "freigeben?" in asked[0]
    assert window.reviews.rows.rowCount() == 1 and notice_view(clerk, letter_id).status == LetterStatus.IN_REVIEW
    qtbot.keyClick(window.reviews.table, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: window.reviews.rows.rowCount() == 0)
    assert notice_view(clerk, letter_id).status == LetterStatus.APPROVED
    assert "ENTWURF" not in _pdf_text(sqlite_ctx, letter_id)

    # The caseworker dispatches by post; the objection deadline appears in the case.
    notice.reload()
    qtbot.waitUntil(lambda: notice.view is not None and notice.view.status == LetterStatus.APPROVED)
    assert notice.buttons["versandt"].isVisible()
    # Printing (to a PDF printer here) gives every page of the stored notice.
    printed = tmp_path / "gedruckt.pdf"

    def pdf_printer(*_args: object) -> QPrinter:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(printed))
        return printer

    monkeypatch.setattr("ui.dialogs.ask_printer", pdf_printer)
    qtbot.mouseClick(notice.buttons["print"], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: printed.exists() and printed.stat().st_size > 0)
    qtbot.waitUntil(lambda: "gedruckt" in notice.status.toolTip())
    stored_pages = len(pypdf.PdfReader(io.BytesIO(letter_pdf(sqlite_ctx, letter_id))).pages)
    assert len(pypdf.PdfReader(printed).pages) == stored_pages >= 2
    qtbot.mouseClick(notice.buttons["versandt"], Qt.MouseButton.LeftButton)
    dispatch_dialog = notice.findChild(DispatchDialog)
    assert dispatch_dialog is not None and dispatch_dialog.way.currentData() == "post"
    qtbot.mouseClick(dispatch_dialog.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: notice.view is not None and notice.view.status == LetterStatus.SENT)
    qtbot.waitUntil(lambda: any(d.kind_label == "Rechtsbehelfsfrist" for d in case_dialog.deadlines._rows))
    with sqlite_ctx.db.read() as session:
        due = session.scalars(select(Deadline.due_date).where(Deadline.kind == DeadlineKind.REMEDY_PERIOD.value)).one()
    assert due > TODAY + timedelta(days=28)

    # The deadline passes: the next start makes the notice final.
    clock.move_to(due + timedelta(days=1))
    later = MainWindow(clerk)
    qtbot.addWidget(later)
    qtbot.waitUntil(lambda: notice_view(clerk, letter_id).status == LetterStatus.FINAL, timeout=5000)
    assert notice_view(clerk, letter_id).final_on == due + timedelta(days=1)


def test_returned_draft_shows_the_comment_and_what_changed(
    qtbot: QtBot, sqlite_ctx: ServiceContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    from abh_desk.services.notice_review import submit_for_review
    from abh_desk.services.rejections import RejectionDraft, draft_rejection, waive_hearing
    from letters.data import RefusalGround

    clerk, lead = _users(sqlite_ctx)
    case_id = _case(sqlite_ctx)
    draft = RejectionDraft(
        (RefusalGround("visum", "Einreise mit Schengen-Visum."),),
        "Einreise am 01.01.",
        **SAMPLE_FINDINGS,
    )
    letter_id = draft_rejection(clerk, case_id, draft)
    waive_hearing(clerk, letter_id, notice_view(clerk, letter_id).version, "Verzicht schriftlich erklärt.")
    submit_for_review(clerk, letter_id, notice_view(clerk, letter_id).version)

    window = MainWindow(lead)
    qtbot.addWidget(window)
    window.tabs.setCurrentWidget(window.reviews)
    qtbot.waitUntil(lambda: window.reviews.selected is not None)
    monkeypatch.setattr("ui.dialogs.ask_long_text", lambda *a, **k: "Bitte Ausreisefrist auf 14 Tage setzen.")
    qtbot.mouseClick(window.reviews.return_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.reviews.rows.rowCount() == 0)

    notice = NoticeDialog(clerk, case_id, letter_id)
    qtbot.addWidget(notice)
    notice.show()
    qtbot.waitUntil(lambda: notice.view is not None)
    assert notice.review_box.isVisible() and "14 Tage" in notice.review_text.text()
    assert "Nichts geändert" in notice.review_text.text()
    notice.exit_days.setValue(14)
    qtbot.keyClick(notice, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: "Ausreisefrist (Tage): 30 → 14" in notice.review_text.text())


def test_unsaved_text_is_not_lost_by_escape(
    qtbot: QtBot, sqlite_ctx: ServiceContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    clerk, _lead = _users(sqlite_ctx)
    case_id = _case(sqlite_ctx)
    notice = NoticeDialog(clerk, case_id)
    qtbot.addWidget(notice)
    notice.show()
    qtbot.waitUntil(lambda: notice.ground_list.count() > 0)
    qtbot.keyClick(notice, Qt.Key.Key_Escape)  # nothing typed yet: closes without a question
    assert not notice.isVisible()
    notice.show()
    item = notice.ground_list.item(0)
    item.setCheckState(Qt.CheckState.Checked)
    assert notice.ground_list.currentItem() is item and notice.ground_detail.isEnabled()
    qtbot.keyClicks(notice.ground_detail, "Einzelheiten, die noch nicht gespeichert sind")
    answers = iter([False, True])
    asked: list[str] = []
    monkeypatch.setattr("ui.dialogs.ask_yes_no", lambda _p, _t, question: asked.append(question) or next(answers))
    qtbot.keyClick(notice, Qt.Key.Key_Escape)
    assert notice.isVisible() and asked == ["Nicht gespeicherte Änderungen verwerfen?"]
    qtbot.keyClick(notice, Qt.Key.Key_Escape)
    assert not notice.isVisible()


def test_saving_a_notice_in_review_asks_and_says_it_is_a_draft_again(
    qtbot: QtBot, sqlite_ctx: ServiceContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Issue 23, part 9: no silent return to draft; the case-details box names its ground."""
    from abh_desk.services.notice_review import submit_for_review
    from abh_desk.services.rejections import RejectionDraft, draft_rejection, waive_hearing
    from letters.data import RefusalGround

    clerk, _lead = _users(sqlite_ctx)
    case_id = _case(sqlite_ctx)
    draft = RejectionDraft(
        (RefusalGround("visum", "Einreise mit Schengen-Visum."),),
        "Einreise am 01.01.",
        finding_deportation_bars="Keine vorgetragen, keine ersichtlich.",
        finding_child_welfare="Keine Kinder.",
        finding_family_ties="Keine Bindungen im Bundesgebiet.",
        finding_health="Gesund nach eigener Angabe.",
    )
    letter_id = draft_rejection(clerk, case_id, draft)
    waive_hearing(clerk, letter_id, notice_view(clerk, letter_id).version, "Verzicht schriftlich erklärt.")
    submit_for_review(clerk, letter_id, notice_view(clerk, letter_id).version)

    notice = NoticeDialog(clerk, case_id, letter_id)
    qtbot.addWidget(notice)
    notice.show()
    qtbot.waitUntil(lambda: notice.view is not None)
    title = notice.ground_list.currentItem().text().split(" (")[0]
    assert notice.ground_detail_label.text() == f"Einzelfall zum Grund „{title}“:"
    assert notice.ground_detail.toPlainText() == "Einreise mit Schengen-Visum."
    notice.exit_days.setValue(14)
    answers = iter([False, True])
    asked: list[str] = []
    monkeypatch.setattr("ui.dialogs.ask_yes_no", lambda _p, _t, question: asked.append(question) or next(answers))
    qtbot.keyClick(notice, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)  # no: nothing happens
    assert asked == [
        "Die Teamleitung prüft diesen Bescheid. Speichern nimmt ihn aus der Prüfung zurück: er wird wieder ein "
        "Entwurf und ist erneut vorzulegen. Speichern und zurücknehmen?"
    ]
    assert notice_view(clerk, letter_id).status == LetterStatus.IN_REVIEW and notice.exit_days.value() == 14
    qtbot.keyClick(notice, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)  # yes: saved, said so
    qtbot.waitUntil(lambda: notice.view is not None and notice.view.status == LetterStatus.DRAFT)
    assert notice.message.text() == (
        "Gespeichert. Der Bescheid ist wieder ein Entwurf: bitte erneut zur Prüfung vorlegen."
    )


def test_the_cursor_stays_in_the_field_typed_in_when_the_draft_is_saved(
    qtbot: QtBot, sqlite_ctx: ServiceContext
) -> None:
    """Strg+S while typing the case details: the text stays where it was, and so does the cursor
    (the editor was rebuilt from the saved draft and the focus was lost: typing on did nothing)."""
    clerk, _lead = _users(sqlite_ctx)
    notice = NoticeDialog(clerk, _case(sqlite_ctx))
    qtbot.addWidget(notice)
    with qtbot.waitActive(notice):
        notice.show()
        notice.activateWindow()
    qtbot.waitUntil(lambda: notice.ground_list.count() > 0)
    ground = next(
        notice.ground_list.item(row)
        for row in range(notice.ground_list.count())
        if notice.ground_list.item(row).data(Qt.ItemDataRole.UserRole) == "lebensunterhalt"
    )
    ground.setCheckState(Qt.CheckState.Checked)  # ticking it puts the cursor into its case details
    assert notice.ground_detail.hasFocus()
    qtbot.keyClicks(notice.ground_detail, "Ihr Einkommen deckt den Bedarf nicht.")
    qtbot.keyClick(notice.ground_detail, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: notice.view is not None and not notice.runner.busy)
    assert notice.ground_detail.hasFocus()
    qtbot.keyClicks(notice.ground_detail, " Es sind 600 EUR.")
    assert notice.ground_detail.toPlainText() == "Ihr Einkommen deckt den Bedarf nicht. Es sind 600 EUR."
    qtbot.keyClick(notice.ground_detail, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)  # closes unasked
    qtbot.waitUntil(lambda: not notice.unsaved() and not notice.runner.busy)


def new_draft_window(qtbot: QtBot, ctx: ServiceContext) -> NoticeDialog:
    """A caseworker's new rejection notice, shown and loaded."""
    clerk, _lead = _users(ctx)
    notice = NoticeDialog(clerk, _case(ctx))
    qtbot.addWidget(notice)
    notice.show()
    qtbot.waitUntil(lambda: notice.ground_list.count() > 0)
    return notice


def test_a_new_draft_starts_the_keyboard_on_the_grounds(qtbot: QtBot, sqlite_ctx: ServiceContext) -> None:
    """The tester's finding: a new draft opened with the focus on the scroll area around the form."""
    notice = new_draft_window(qtbot, sqlite_ctx)
    assert notice.focusWidget() is notice.ground_list and notice.ground_list.currentRow() == 0


def test_a_long_ground_title_wraps_and_the_empty_preview_says_why(qtbot: QtBot, sqlite_ctx: ServiceContext) -> None:
    """The tester's findings: the longest ground ran out of view behind a horizontal scroll bar, and
    before the first save the preview was an empty grey area without a word."""
    notice = new_draft_window(qtbot, sqlite_ctx)
    notice.resize(1000, 760)
    grounds = notice.ground_list
    texts = [grounds.item(row).text() for row in range(grounds.count())]
    longest = max(range(grounds.count()), key=lambda row: len(texts[row]))
    qtbot.waitUntil(lambda: grounds.viewport().width() < grounds.fontMetrics().horizontalAdvance(texts[longest]))
    assert grounds.horizontalScrollBar().maximum() == 0  # nothing to scroll to: it all shows
    line = grounds.fontMetrics().lineSpacing()
    qtbot.waitUntil(lambda: grounds.visualItemRect(grounds.item(longest)).height() >= 2 * line)  # two lines
    assert grounds.visualItemRect(grounds.item(longest)).right() <= grounds.viewport().width()
    assert grounds.item(longest).toolTip() == texts[longest]
    assert notice.preview.hint.isVisible()
    assert notice.preview.hint.text() == "Die Vorschau des Bescheids erscheint nach dem ersten Speichern (Strg+S)."

    keys = [grounds.item(row).data(Qt.ItemDataRole.UserRole) for row in range(grounds.count())]
    grounds.item(keys.index("lebensunterhalt")).setCheckState(Qt.CheckState.Checked)
    qtbot.keyClicks(notice.ground_detail, "Ihr Einkommen deckt den Bedarf nicht.")
    qtbot.mouseClick(notice.buttons["save"], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: notice.preview.page_count() >= 1)
    assert not notice.preview.hint.isVisible()
