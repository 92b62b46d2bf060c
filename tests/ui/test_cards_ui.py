"""The eAT at the counter, through the window: the case's eAT tab (order, arrival, notify), the
handover dialog from the keyboard (holder, agent, refusal shown under the fields), the record read
back from its PDF, and the list of cards not yet handed over."""

from __future__ import annotations

import io
from datetime import date, timedelta
from pathlib import Path

import pypdf
import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from abh_desk.domain.enums import Role
from abh_desk.services.cards import order_card, record_arrival
from abh_desk.services.cases import open_case
from abh_desk.services.context import Actor, ServiceContext
from abh_desk.services.persons import PersonInput, create_person
from models import User
from tests.support.granted import grant_case
from ui.card_steps import ArrivalDialog, NotifyDialog, OrderDialog
from ui.case_dialog import CaseDialog
from ui.handover_dialog import HandoverDialog
from ui.main_window import MainWindow

TODAY = date(2026, 11, 23)  # the handover time defaults to the clock's now
QUALIFICATION = "99010019001008"
SERIAL = "Y7K2M4T9L"


@pytest.fixture
def clerk(sqlite_ctx: ServiceContext) -> ServiceContext:
    with sqlite_ctx.db.read() as session:
        user = session.scalars(select(User).where(User.username == "schweiger")).one()
        return sqlite_ctx.as_user(Actor(user.id, user.username, Role(user.role)))


@pytest.fixture
def printed(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> list[Path]:
    """The record goes to the printer; the tests keep each printed PDF as a file instead."""
    paths: list[Path] = []

    def keep(_parent: object, pdf: bytes) -> int:
        paths.append(tmp_path / f"gedruckt-{len(paths)}.pdf")
        paths[-1].write_bytes(pdf)
        return 1

    monkeypatch.setattr("ui.dialogs.print_document", keep)
    return paths


def person_case(
    ctx: ServiceContext, family: str = "Nguyễn", given: str = "Thị Hương", birth: str = "12.03.1994"
) -> int:
    person = create_person(
        ctx,
        PersonInput(
            family, given, birth, nationality="VNM", sex="w", street="Hadwigstraße 7", postcode="78224", city="Singen"
        ),
    )
    case_id = open_case(ctx, person.id, QUALIFICATION, applied_on=TODAY - timedelta(weeks=10)).id
    grant_case(ctx, case_id, decided_on=TODAY - timedelta(weeks=7))  # a card only after the grant
    return case_id


def arrived(ctx: ServiceContext, case_id: int, serial: str = SERIAL, days_ago: int = 3) -> int:
    card = order_card(ctx, case_id, TODAY - timedelta(weeks=6))
    return record_arrival(ctx, card.id, card.version, serial, True, TODAY - timedelta(days=days_ago)).id


def text_of(path: Path) -> str:
    reader = pypdf.PdfReader(io.BytesIO(path.read_bytes()))
    return " ".join(" ".join(page.extract_text() for page in reader.pages).split())


def case_dialog(qtbot: QtBot, ctx: ServiceContext, case_id: int) -> CaseDialog:
    dialog = CaseDialog(ctx, case_id)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.file is not None)
    dialog.tabs.setCurrentWidget(dialog.card_tab)
    return dialog


def test_the_card_tab_records_order_arrival_and_notification(
    qtbot: QtBot, clerk: ServiceContext, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    dialog = case_dialog(qtbot, clerk, person_case(clerk))
    tab = dialog.card_tab
    qtbot.waitUntil(lambda: tab.order_button.isEnabled())  # once the case is known to be granted
    assert tab.summary.text() == "Noch keine Karte für diesen Vorgang bestellt."
    assert not tab.handover_button.isEnabled()

    order = tab.order()
    assert isinstance(order, OrderDialog)
    qtbot.keyClicks(order.order_number, "BD-77")
    qtbot.keyClick(order.order_number, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: tab.cards.rowCount() == 1)
    assert tab.cards.data(tab.cards.index(0, 0)) == "bestellt"
    assert tab.cards.data(tab.cards.index(0, 2)) == "BD-77"
    assert tab.summary.text().startswith("Aktuelle Karte: bestellt · erwartet ")

    arrival = tab.arrival()
    assert isinstance(arrival, ArrivalDialog)
    qtbot.keyClicks(arrival.serial, "y7k2m4t9l")
    qtbot.keyClick(arrival.serial, Qt.Key.Key_Return)  # the chip is not ticked yet: refused at the field
    qtbot.waitUntil(lambda: arrival.errors["chip"].isVisible())
    assert "Chip prüfen" in arrival.errors["chip"].text() and arrival.isVisible()
    arrival.chip.setChecked(True)
    qtbot.keyClick(arrival.serial, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: tab.cards.data(tab.cards.index(0, 0)) == "eingegangen")
    assert tab.cards.data(tab.cards.index(0, 5)) == SERIAL
    kinds = lambda: [dialog.deadlines.data(dialog.deadlines.index(r, 0)) for r in range(dialog.deadlines.rowCount())]  # noqa: E731
    qtbot.waitUntil(lambda: "eAT nicht abgeholt" in kinds())
    assert "Ablauf Aufenthaltstitel" in kinds()  # the granted title's reminder

    saved = tmp_path / "abholung.pdf"
    monkeypatch.setattr("ui.dialogs.ask_save_path", lambda *a, **k: saved)
    notice = tab.notify()
    assert isinstance(notice, NotifyDialog)
    qtbot.mouseClick(notice.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(saved.exists)
    assert dialog.runner.wait()  # the file is written on the worker thread
    assert "liegt zur Abholung bereit" in text_of(saved)
    qtbot.waitUntil(lambda: tab.cards.data(tab.cards.index(0, 0)) == "benachrichtigt")
    qtbot.waitUntil(lambda: dialog.letters.rowCount() == 1)
    assert dialog.letters.data(dialog.letters.index(0, 0)) == "Abholbenachrichtigung eAT"
    assert dialog.history.data(dialog.history.index(0, 2)) == "Abholung des eAT mitgeteilt"
    assert tab.handover_button.isEnabled()


def test_handover_by_the_holder_in_a_few_keystrokes_prints_the_record(
    qtbot: QtBot, clerk: ServiceContext, printed: list[Path]
) -> None:
    case_id = person_case(clerk)
    arrived(clerk, case_id)
    dialog = case_dialog(qtbot, clerk, case_id)
    qtbot.waitUntil(lambda: dialog.card_tab.handover_button.isEnabled())
    handover = dialog.card_tab.hand_over()
    assert isinstance(handover, HandoverDialog)
    qtbot.waitUntil(lambda: handover.ok_button.isEnabled())
    assert "Thị Hương Nguyễn" in handover.header.text()
    assert handover.serial.text() == "" and handover.serial.hasFocus()  # the card itself is scanned
    qtbot.keyClicks(handover.serial, "Y7K2M4T9X")  # another card in the hand: refused at the field
    qtbot.keyClick(handover.serial, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: handover.errors["seriennummer"].isVisible())
    assert not printed
    handover.serial.clear()
    qtbot.keyClicks(handover.serial, SERIAL)
    assert not handover.errors["seriennummer"].isVisible()  # corrected: the message goes (issue 23, part 12)
    assert handover.identity.currentText() == "Reisepass" and not handover.online_id.isChecked()
    assert not handover.recipient_name.isVisible()  # the holder in person: no agent fields

    qtbot.keyClick(handover.serial, Qt.Key.Key_Return)  # the defaults are the common case
    qtbot.waitUntil(lambda: bool(printed))
    record = text_of(printed[0])
    assert "Protokoll über die Aushändigung" in record and SERIAL in record
    assert "der Inhaberin/dem Inhaber persönlich" in record and "Reisepass" in record
    assert "Unterschrift der Empfängerin oder des Empfängers" in record
    qtbot.waitUntil(lambda: dialog.card_tab.cards.data(dialog.card_tab.cards.index(0, 0)) == "ausgehändigt")
    assert "Ausgehändigt am" in dialog.card_tab.details.text() and "Frau Schweiger" in dialog.card_tab.details.text()
    qtbot.waitUntil(lambda: dialog.letters.rowCount() == 1)
    assert dialog.letters.data(dialog.letters.index(0, 0)) == "Aushändigungsprotokoll"


def test_a_handover_missing_fields_shows_each_message_under_its_field_then_an_agent_gets_it(
    qtbot: QtBot, clerk: ServiceContext, printed: list[Path]
) -> None:
    card_id = arrived(clerk, person_case(clerk))
    dialog = HandoverDialog(clerk, card_id)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.ok_button.isEnabled())
    dialog.recipient.setCurrentIndex(dialog.recipient.findData("bevollmaechtigt"))
    assert dialog.recipient_name.isVisible() and dialog.power_of_attorney.isVisible()
    dialog.recipient_name.setText("Trần Văn Minh")  # QTest types Latin-1 only
    dialog.fingerprints.setChecked(False)
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.errors["vollmacht"].isVisible())
    assert "schriftlicher Vollmacht" in dialog.errors["vollmacht"].text()
    assert "Ausweisdokument" in dialog.errors["ausweis"].text()
    assert "§ 61a Abs. 2 Satz 2 AufenthV" in dialog.errors["fingerabdruecke"].text()
    assert "Seriennummer" in dialog.errors["seriennummer"].text()  # nothing scanned yet
    assert dialog.isVisible() and not printed

    qtbot.keyClicks(dialog.serial, SERIAL)
    qtbot.keyClicks(dialog.recipient_id, "Personalausweis L01X00T47")
    dialog.power_of_attorney.setChecked(True)
    dialog.fingerprints.setChecked(True)
    qtbot.keyClicks(dialog.withdrawn_serial, "F0123456")  # typed, not added: still recorded
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(printed))
    record = text_of(printed[0])
    assert "bevollmächtigter Person: Trần Văn Minh; Personalausweis L01X00T47" in record
    assert "Aufenthaltstitel (Karte), Nr. F0123456" in record


def test_cards_page_lists_waiting_cards_with_age_and_hands_over_from_the_search(
    qtbot: QtBot, clerk: ServiceContext, printed: list[Path], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    old = arrived(clerk, person_case(clerk), days_ago=40)
    arrived(clerk, person_case(clerk, "Kovalenko", "Olena"), serial="Y2222222C", days_ago=2)
    window = MainWindow(clerk)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.start.cards_label.text() == "2 warten\n1 überfällig")
    qtbot.keyClick(window, Qt.Key.Key_F9)
    page = window.cards
    assert window.tabs.currentWidget() is page and page.search_field.hasFocus()
    qtbot.waitUntil(lambda: page.rows.rowCount() == 2)
    assert page.summary.text() == "2 Karten noch nicht ausgehändigt · 1 überfällig"
    assert page.rows.data(page.rows.index(0, 0)) == "5 Wochen 5 Tage"
    assert page.rows.data(page.rows.index(0, 0), Qt.ItemDataRole.BackgroundRole).color().name() == "#f4c7c3"
    assert page.rows.data(page.rows.index(1, 0)) == "2 Tage"
    assert page.rows.data(page.rows.index(1, 0), Qt.ItemDataRole.BackgroundRole) is None

    saved = tmp_path / "erinnerungen.pdf"
    monkeypatch.setattr("ui.dialogs.ask_save_path", lambda *a, **k: saved)
    page.view.selectAll()
    qtbot.mouseClick(page.reminder_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "2 Abholbenachrichtigungen gespeichert" in window.statusBar().currentMessage())
    assert text_of(saved).count("liegt zur Abholung bereit") == 2

    qtbot.keyClicks(page.search_field, "y222 2222c")
    qtbot.keyClick(page.search_field, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: isinstance(page.dialog, HandoverDialog) and page.dialog.ok_button.isEnabled())
    handover = page.dialog
    assert isinstance(handover, HandoverDialog) and "Olena Kovalenko" in handover.header.text()
    qtbot.keyClick(handover.serial, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: bool(printed))
    qtbot.waitUntil(lambda: page.rows.rowCount() == 1 and page.rows.row(0).card_id == old)
    assert "Y2222222C" in window.statusBar().currentMessage()
    # ready for the next person at the counter (offscreen, no window manager re-activates the window)
    qtbot.waitUntil(lambda: window.focusWidget() is page.search_field)


def test_a_minor_defaults_to_a_custodian_and_a_card_never_collected_is_returned(
    qtbot: QtBot, clerk: ServiceContext
) -> None:
    minor = arrived(clerk, person_case(clerk, "Haddad", "Lina", birth=f"05.06.{TODAY.year - 10}"), days_ago=40)
    handover = HandoverDialog(clerk, minor)
    qtbot.addWidget(handover)
    handover.show()
    qtbot.waitUntil(lambda: handover.ok_button.isEnabled())
    assert handover.recipient.currentData() == "sorgeberechtigt" and handover.recipient_name.isVisible()
    assert "minderjährig" in handover.notice.text() and not handover.power_of_attorney.isVisible()
    handover.reject()

    window = MainWindow(clerk)
    qtbot.addWidget(window)
    window.show()
    window.show_cards()
    page = window.cards
    qtbot.waitUntil(lambda: page.rows.rowCount() == 1)
    dialog = page.close_card()
    assert dialog is not None
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.errors["grund"].isVisible())
    assert "Grund" in dialog.errors["grund"].text()
    qtbot.keyClicks(dialog.reason, "seit drei Monaten nicht abgeholt")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.rows.rowCount() == 0)
    assert page.summary.text() == "0 Karten noch nicht ausgehändigt · 0 überfällig"
