"""The e-file in the window: a passport scanned into the checklist in one step (file dialog, a file
dropped on the line, the scanner folder), a refused file said in German, the whole file in one
window with its first piece shown, and the court file made with a progress bar."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from abh_desk.config import WorkstationSettings, save_settings
from abh_desk.services.cases import open_case
from abh_desk.services.context import ServiceContext
from abh_desk.services.persons import PersonInput, create_person
from abh_desk.services.read_log import flush
from models import AuditEvent, CaseDocument
from tests.support import scans
from ui.case_dialog import CaseDialog
from ui.e_file_dialog import EFileDialog
from ui.widgets import DONE_STYLE, ERROR_STYLE

TODAY = date(2026, 11, 21)
PROCEDURE = "99010019001008"


@pytest.fixture
def settings_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("ABH_DESK_CONFIG_DIR", str(tmp_path / "config"))
    return tmp_path


def _dialog(qtbot: QtBot, ctx: ServiceContext) -> CaseDialog:
    person = create_person(ctx, PersonInput("Haddad", "Samir", "02.02.1991", nationality="SYR"))
    case = open_case(ctx, person.id, PROCEDURE, applied_on=TODAY)
    dialog = CaseDialog(ctx, case.id)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.file is not None)
    dialog.tabs.setCurrentIndex(1)
    return dialog


def _documents(ctx: ServiceContext) -> list[CaseDocument]:
    with ctx.db.read() as session:
        return list(session.scalars(select(CaseDocument).order_by(CaseDocument.id)))


def test_a_passport_is_scanned_into_the_checklist_in_one_step(
    qtbot: QtBot, sqlite_ctx: ServiceContext, settings_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    dialog = _dialog(qtbot, sqlite_ctx)
    total = dialog.checklist.rowCount()
    scan = settings_dir / "pass.pdf"
    scan.write_bytes(scans.pdf_bytes(2))
    monkeypatch.setattr("ui.scan_intake.ask_scan_files", lambda *a: [scan])
    dialog.checklist_view.setFocus()
    dialog.checklist_view.selectRow(0)
    qtbot.keyClick(dialog.checklist_view, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: dialog.missing_label.text() == f"{total - 1} von {total} Unterlagen fehlen noch")
    assert dialog.checklist.data(dialog.checklist.index(0, 2)) == "eingegangen"
    assert dialog.checklist.data(dialog.checklist.index(0, 5)) == "1 Datei(en)"
    assert "In der Akte gespeichert" in dialog.message.text() and "2 Seite(n)" in dialog.message.text()
    assert dialog.message.styleSheet() == DONE_STYLE  # stored: said as done, not in the error's red
    assert [d.checklist_item_id for d in _documents(sqlite_ctx)] == [dialog.checklist.row(0).id]

    bad = settings_dir / "pass2.pdf"
    bad.write_bytes(b"MZ" + b"\x00" * 100)
    monkeypatch.setattr("ui.scan_intake.ask_scan_files", lambda *a: [bad])
    dialog.checklist_view.selectRow(1)
    qtbot.mouseClick(dialog.scans.scan_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "Windows-Programm" in dialog.message.text())
    assert dialog.message.styleSheet() == ERROR_STYLE
    assert len(_documents(sqlite_ctx)) == 1 and dialog.checklist.data(dialog.checklist.index(1, 2)) == "fehlt"


def test_a_file_dropped_on_a_line_and_the_scanner_folder(
    qtbot: QtBot, sqlite_ctx: ServiceContext, settings_dir: Path
) -> None:
    folder = settings_dir / "scanner"
    folder.mkdir()
    save_settings(WorkstationSettings(scanner_folder=str(folder)))
    dialog = _dialog(qtbot, sqlite_ctx)
    assert not dialog.scans.scanner_button.isEnabled()
    dropped = scans.image(settings_dir / "foto.jpg", "JPEG")
    view = dialog.checklist_view
    rect = view.visualRect(dialog.checklist.index(1, 0))
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(dropped))])
    drop = QDropEvent(
        QPointF(rect.center()),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    # Qt delivers a drop only during a real drag (its drag manager); the handler gets it as Qt would.
    assert dialog.scans.eventFilter(view.viewport(), drop) and drop.isAccepted()
    qtbot.waitUntil(lambda: dialog.checklist.data(dialog.checklist.index(1, 2)) == "eingegangen")
    assert _documents(sqlite_ctx)[0].checklist_item_id == dialog.checklist.row(1).id

    scans.image(folder / "SCAN0001.tif", "TIFF", frames=2)
    qtbot.waitUntil(lambda: dialog.scans.scanner_button.isEnabled(), timeout=5000)
    assert "SCAN0001.tif" in dialog.scans.scanner_button.text()
    dialog.checklist_view.selectRow(2)
    qtbot.mouseClick(dialog.scans.scanner_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.checklist.data(dialog.checklist.index(2, 2)) == "eingegangen")
    assert not (folder / "SCAN0001.tif").exists()  # stored in the database, gone from the folder
    assert [d.page_count for d in _documents(sqlite_ctx)] == [1, 2]
    assert QPoint(0, 0) != rect.center()


def test_the_whole_file_in_one_window_and_the_court_file(
    qtbot: QtBot, sqlite_ctx: ServiceContext, settings_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from abh_desk.services import documents

    dialog = _dialog(qtbot, sqlite_ctx)
    person_id = dialog.file.overview.person_id
    first = settings_dir / "pass.pdf"
    first.write_bytes(scans.pdf_bytes(2))
    documents.attach_document(sqlite_ctx, first, case_id=dialog.case_id, title="Reisepass")
    documents.attach_document(
        sqlite_ctx, scans.image(settings_dir / "bild.png", "PNG"), case_id=dialog.case_id, title="Lichtbild"
    )
    qtbot.keyClick(dialog, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    viewer = next(w for w in dialog.findChildren(EFileDialog))
    qtbot.addWidget(viewer)
    qtbot.waitUntil(lambda: viewer.file is not None and viewer.pdf.page_count() == 2)
    assert viewer.pieces.count() == 2 and "Reisepass" in viewer.pieces.item(0).text()
    assert "Haddad, Samir" in viewer.windowTitle()
    qtbot.waitUntil(lambda: not viewer.pieces.item(1).icon().isNull(), timeout=5000)  # thumbnails
    qtbot.waitUntil(lambda: not viewer.pieces.item(0).icon().isNull(), timeout=5000)  # the PDF's first page too
    viewer.pieces.setCurrentRow(1)
    qtbot.waitUntil(lambda: viewer.viewer.currentIndex() == 1 and viewer.image.pixmap() is not None)
    flush(sqlite_ctx)
    with sqlite_ctx.db.read() as session:
        actions = set(session.scalars(select(AuditEvent.action)))
    assert "akte_gelesen" in actions and "dokument_gelesen" in actions

    target = settings_dir / "vorlage.pdf"
    monkeypatch.setattr("ui.dialogs.ask_save_path", lambda *a, **k: target)
    monkeypatch.setattr("ui.e_file_dialog.CourtFileOptions.exec", lambda self: 1)
    viewer.court_button.click()
    qtbot.waitUntil(lambda: "gespeichert" in viewer.message.text(), timeout=10000)
    pages = PdfReader(target).pages
    assert "Seite 1 von" in pages[0].extract_text() and len(pages) >= 4
    assert person_id == viewer.person_id
