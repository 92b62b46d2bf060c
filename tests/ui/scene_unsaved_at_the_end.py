"""Run by ``test_test_harness.py`` in a pytest of its own (the name keeps it out of the suite): a test
that ends with unsaved text in a new rejection notice (a ground ticked with Space). pytest-qt closes
the window after the test; the window asks whether to discard the text."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from abh_desk.services.context import ServiceContext
from tests.ui.test_rejection_ui import new_draft_window


def test_a_ground_ticked_with_space_and_not_saved(qtbot: QtBot, sqlite_ctx: ServiceContext) -> None:
    notice = new_draft_window(qtbot, sqlite_ctx)
    qtbot.keyClick(notice.ground_list, Qt.Key.Key_Space)
    assert notice.ground_list.item(0).checkState() == Qt.CheckState.Checked
    assert notice.unsaved()
