"""The hand-over and intake dialogs, offscreen: what leaves and what arrives is shown before it
happens; the windows fit a 1366×768 screen."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtWidgets import QWidget

from abh_desk.services.cases import open_case
from abh_desk.services.context import ServiceContext
from abh_desk.services.persons import PersonInput, create_person
from ui.transfer_dialogs import HandoverDialog, IntakeDialog

TODAY = date(2026, 11, 23)


def _fits(widget: QWidget) -> None:
    assert widget.width() <= 1366 and widget.height() <= 768


def test_hand_over_and_take_in_through_the_dialogs(sqlite_ctx: ServiceContext, qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    ctx = sqlite_ctx
    person = create_person(ctx, PersonInput("Haddad", "Rania", "01.01.1990", nationality="SYR"))
    open_case(ctx, person.id, "99010019001008")
    dialog = HandoverDialog(ctx, person.id)
    qtbot.addWidget(dialog)
    dialog.show()
    _fits(dialog)
    assert "Vorgänge: 1 (ABH-" in dialog.what.text()
    dialog.grab().save(str(tmp_path / "abgabe.png"))
    dialog.target = tmp_path / "abgabe.zip"
    dialog.hand_over_button.click()
    assert dialog.problems.isVisible()  # no receiving authority given
    dialog.recipient.setText("Landratsamt Konstanz")
    with qtbot.waitSignal(dialog.sig_handed_over):
        dialog.hand_over_button.click()
    assert (tmp_path / "abgabe.zip").is_file()

    intake = IntakeDialog(ctx, (tmp_path / "abgabe.zip").read_bytes(), tmp_path / "abgabe.zip")
    qtbot.addWidget(intake)
    intake.show()
    _fits(intake)
    assert intake.duplicate_box.isVisible()  # the same person is recorded here: add to them
    assert intake.table.rowCount() == 1
    intake.grab().save(str(tmp_path / "uebernahme.png"))
    with qtbot.waitSignal(intake.sig_taken_in):
        intake.take_button.click()
    assert list(tmp_path.glob("*_Abgabe.ImportBestaetigen.0402.xml"))
