"""The dispatch dialog keeps a refused date: the message stands under that date, the dialog stays
open with what was entered; once the service accepts, it closes and the notice shows "sent"."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox
from pytestqt.qtbot import QtBot

from abh_desk.domain.enums import LetterStatus
from abh_desk.services.context import ServiceContext
from abh_desk.services.notice_review import approve, submit_for_review
from abh_desk.services.notices import notice_view
from abh_desk.services.rejections import RejectionDraft, draft_rejection, waive_hearing
from letters.data import RefusalGround
from letters.samples import SAMPLE_FINDINGS
from tests.ui.test_rejection_ui import _case, _users
from ui.dispatch_dialog import DispatchDialog
from ui.notice_dialog import NoticeDialog
from ui.widgets import qdate as qdate_of

TODAY = date(2026, 11, 23)


def _approved_notice(qtbot: QtBot, ctx: ServiceContext) -> tuple[NoticeDialog, ServiceContext, int]:
    clerk, lead = _users(ctx)
    case_id = _case(ctx)
    draft = RejectionDraft((RefusalGround("visum", "Einreise mit Schengen-Visum."),), "Einreise.", **SAMPLE_FINDINGS)
    letter_id = draft_rejection(clerk, case_id, draft)
    waive_hearing(clerk, letter_id, notice_view(clerk, letter_id).version, "Verzicht schriftlich erklärt.")
    submit_for_review(clerk, letter_id, notice_view(clerk, letter_id).version)
    approve(lead, letter_id, notice_view(lead, letter_id).version)
    notice = NoticeDialog(clerk, case_id, letter_id)
    qtbot.addWidget(notice)
    notice.show()
    qtbot.waitUntil(lambda: notice.view is not None and notice.view.status == LetterStatus.APPROVED)
    return notice, clerk, letter_id


def _open_dispatch(qtbot: QtBot, notice: NoticeDialog) -> DispatchDialog:
    qtbot.mouseClick(notice.buttons["versandt"], Qt.MouseButton.LeftButton)
    dialog = notice.findChild(DispatchDialog)
    assert dialog is not None
    qtbot.waitUntil(dialog.isVisible)
    return dialog


def _ok(qtbot: QtBot, dialog: DispatchDialog) -> None:
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)


def test_a_refused_date_stands_under_it_in_the_open_dialog(qtbot: QtBot, sqlite_ctx: ServiceContext) -> None:
    notice, clerk, letter_id = _approved_notice(qtbot, sqlite_ctx)
    today = clerk.today()
    dialog = _open_dispatch(qtbot, notice)

    # A posting date in the future: refused under the posting date, the dialog and the date stay.
    dialog.posted.setDate(qdate_of(today + timedelta(days=2)))
    _ok(qtbot, dialog)
    error = dialog.errors["versandt_am"]
    qtbot.waitUntil(error.isVisible)
    assert error.text() == "Das Versanddatum darf nicht in der Zukunft liegen."
    assert dialog.isVisible() and dialog.posted.date() == qdate_of(today + timedelta(days=2))
    assert notice.message.text() == "" and notice_view(clerk, letter_id).status == LetterStatus.APPROVED

    # By Postzustellungsurkunde, delivered before it was posted: refused under the delivery date.
    dialog.posted.setDate(qdate_of(today))  # approved today: it cannot have left earlier
    assert not error.isVisible()  # the corrected date's message goes
    dialog.way.setCurrentIndex(dialog.way.findData("pzu"))
    dialog.delivered.setDate(qdate_of(today - timedelta(days=1)))
    _ok(qtbot, dialog)
    qtbot.waitUntil(dialog.errors["zugestellt_am"].isVisible)
    assert dialog.errors["zugestellt_am"].text() == "Das Zustelldatum muss zwischen Versand und heute liegen."
    assert dialog.isVisible() and dialog.way.currentData() == "pzu"
    assert dialog.delivered.date() == qdate_of(today - timedelta(days=1))

    # Corrected: the dialog closes and the notice window shows it sent.
    dialog.delivered.setDate(qdate_of(today))
    _ok(qtbot, dialog)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    qtbot.waitUntil(lambda: notice.view is not None and notice.view.status == LetterStatus.SENT)
    assert notice.message.text() == ""
