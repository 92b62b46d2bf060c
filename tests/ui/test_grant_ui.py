"""The case to its end through the window: documents ticked, the grant with the catalogue's terms
filled in (a validity beyond the maximum refused under its field, what was typed kept), the title
on the person's file, the eAT ordered only after the grant and handed over — and four eyes."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from abh_desk.domain.case_flow import CaseAction
from abh_desk.domain.enums import CaseStatus, Role
from abh_desk.services.auth import create_user
from abh_desk.services.cards import case_cards
from abh_desk.services.cases import open_case
from abh_desk.services.context import Actor, ServiceContext
from abh_desk.services.grants import case_decision
from abh_desk.services.office import update_office_settings
from abh_desk.services.persons import PersonInput, create_person, get_person_file
from models import User
from ui.card_steps import ArrivalDialog, OrderDialog
from ui.case_dialog import CaseDialog
from ui.decision_dialogs import GrantDialog
from ui.handover_dialog import HandoverDialog

TODAY = date(2026, 11, 23)
QUALIFICATION = "99010019001008"  # § 16d AufenthG, at most 18 months
SERIAL = "Y7K2M4T9L"


def user(ctx: ServiceContext, username: str) -> ServiceContext:
    with ctx.db.read() as session:
        found = session.scalars(select(User).where(User.username == username)).one()
        return ctx.as_user(Actor(found.id, found.username, Role(found.role)))


@pytest.fixture
def clerk(sqlite_ctx: ServiceContext) -> ServiceContext:
    return user(sqlite_ctx, "schweiger")


@pytest.fixture
def printed(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> list[Path]:
    paths: list[Path] = []

    def keep(_parent: object, pdf: bytes) -> int:
        paths.append(tmp_path / f"gedruckt-{len(paths)}.pdf")
        paths[-1].write_bytes(pdf)
        return 1

    monkeypatch.setattr("ui.dialogs.print_document", keep)
    return paths


def new_case(ctx: ServiceContext) -> int:
    person = create_person(
        ctx,
        PersonInput(
            "Haddad", "Rania", "01.01.1990", nationality="SYR", sex="w",
            street="Hadwigstraße 7", postcode="78224", city="Singen",
        ),
    )  # fmt: skip
    return open_case(ctx, person.id, QUALIFICATION, applied_on=TODAY - timedelta(weeks=3)).id


def open_dialog(qtbot: QtBot, ctx: ServiceContext, case_id: int) -> CaseDialog:
    dialog = CaseDialog(ctx, case_id)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.file is not None and dialog.decision_tab.decision is not None)
    return dialog


def test_grant_title_order_and_hand_over_the_card(qtbot: QtBot, clerk: ServiceContext, printed: list[Path]) -> None:
    case_id = new_case(clerk)
    dialog = open_dialog(qtbot, clerk, case_id)
    tab = dialog.decision_tab
    assert tab.state.text() == "Stand: Neu"
    qtbot.waitUntil(lambda: dialog.card_tab.summary.text().startswith("Eine eAT-Karte wird erst nach der Bewilligung"))
    assert not dialog.card_tab.order_button.isEnabled()  # no card before the grant

    qtbot.keyClick(dialog, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)  # Strg+2: Unterlagen
    assert dialog.checklist_view.hasFocus()
    for _ in range(dialog.checklist.rowCount()):
        qtbot.keyClick(dialog.checklist_view, Qt.Key.Key_Space)
        qtbot.keyClick(dialog.checklist_view, Qt.Key.Key_Down)
    qtbot.waitUntil(lambda: dialog.file is not None and dialog.file.missing == 0)
    qtbot.waitUntil(lambda: tab.state.text() == "Stand: In Bearbeitung")

    qtbot.keyClick(dialog, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)  # Strg+3: Entscheidung
    assert not tab.buttons[CaseAction.START].isVisible()  # taken up by the first tick
    assert tab.buttons[CaseAction.GRANT].text() == "&Bewilligen…" and tab.buttons[CaseAction.GRANT].isVisible()
    grant = tab.take(CaseAction.GRANT)
    assert isinstance(grant, GrantDialog)
    qtbot.waitUntil(lambda: grant.form_data is not None)
    assert grant.kind.text() == "Aufenthaltserlaubnis" and grant.legal_basis.text() == "§ 16d AufenthG"
    assert grant.valid_until.date().toPython() == date(2028, 5, 22)  # 18 months from today
    assert grant.validity_hint.text() == "Höchstens 18 Monate (Katalog): längstens bis 22.05.2028."
    assert grant.fee.text() == "100,00" and "Erteilung" in grant.fee_hint.text()
    grant.valid_until.setDate(QDate(2028, 6, 30))  # beyond the maximum: refused under the field
    grant.conditions.setPlainText("Erwerbstätigkeit nur im Rahmen der Maßnahme erlaubt.")
    qtbot.keyClick(grant.fee, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: grant.errors["gueltig_bis"].isVisible())
    assert "längstens bis 22.05.2028" in grant.errors["gueltig_bis"].text()
    assert grant.isVisible() and "Maßnahme" in grant.conditions.toPlainText()  # what was typed stays
    grant.valid_until.setDate(QDate(2028, 5, 22))
    qtbot.keyClick(grant.fee, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not grant.isVisible())

    qtbot.waitUntil(lambda: tab.state.text() == "Stand: Bewilligt · entschieden am 23.11.2026")
    assert tab.grants.rowCount() == 1 and tab.grants.data(tab.grants.index(0, 0)) == "erteilt"
    assert dialog.tabs.currentWidget() is dialog.card_tab  # on to the card
    qtbot.waitUntil(lambda: dialog.card_tab.order_button.isEnabled())
    qtbot.waitUntil(lambda: dialog.focusWidget() is dialog.card_tab.order_button)  # Enter orders it
    title = get_person_file(clerk, dialog.file.overview.person_id).titles[0]  # type: ignore[union-attr]
    assert (title.kind, title.valid_until) == ("Aufenthaltserlaubnis", date(2028, 5, 22))

    order = dialog.card_tab.order()
    assert isinstance(order, OrderDialog)
    qtbot.keyClick(order.order_number, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.card_tab.arrival_button.isEnabled())
    arrival = dialog.card_tab.arrival()
    assert isinstance(arrival, ArrivalDialog)
    qtbot.keyClicks(arrival.serial, SERIAL)
    arrival.chip.setChecked(True)
    qtbot.keyClick(arrival.serial, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.card_tab.handover_button.isEnabled())
    handover = dialog.card_tab.hand_over()
    assert isinstance(handover, HandoverDialog)
    qtbot.waitUntil(lambda: handover.ok_button.isEnabled())
    qtbot.keyClicks(handover.serial, SERIAL)
    qtbot.keyClick(handover.serial, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: bool(printed))
    assert [c.status.value for c in case_cards(clerk, case_id)] == ["ausgehaendigt"]
    assert get_person_file(clerk, dialog.file.overview.person_id).titles[0].card_serial == SERIAL  # type: ignore[union-attr]


def test_four_eyes_the_lead_approves_from_the_case_window(
    qtbot: QtBot, sqlite_ctx: ServiceContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    create_user(sqlite_ctx, "soelter", "Frau Sölter", Role.TEAM_LEAD, area="allgemein")
    update_office_settings(sqlite_ctx, grant_review="alle")
    clerk, lead = user(sqlite_ctx, "schweiger"), user(sqlite_ctx, "soelter")
    case_id = new_case(clerk)
    dialog = open_dialog(qtbot, clerk, case_id)
    for line in dialog.file.checklist:  # type: ignore[union-attr]
        dialog.checklist_view.selectRow(dialog.file.checklist.index(line))  # type: ignore[union-attr]
        dialog.tick_received()
    qtbot.waitUntil(lambda: dialog.file is not None and dialog.file.missing == 0)
    tab = dialog.decision_tab
    dialog.show_tab(2)
    qtbot.waitUntil(lambda: not tab.buttons[CaseAction.START].isVisible())
    assert tab.buttons[CaseAction.GRANT].text() == "&Bewilligung zur Freigabe vorlegen…"
    grant = tab.take(CaseAction.GRANT)
    assert isinstance(grant, GrantDialog)
    qtbot.waitUntil(lambda: grant.ok_button.isEnabled())
    assert grant.ok_button.text() == "Zur Freigabe vorlegen"
    qtbot.keyClick(grant.fee, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: tab.review_box.isVisible())
    assert "Vorgelegt von Frau Schweiger" in tab.review_text.text()
    assert not tab.approve_button.isVisible()  # not by the one who proposed it
    assert not dialog.card_tab.order_button.isEnabled()

    lead_dialog = open_dialog(qtbot, lead, case_id)
    lead_tab = lead_dialog.decision_tab
    lead_dialog.show_tab(2)
    assert lead_tab.approve_button.isVisible()
    asked: list[str] = []
    monkeypatch.setattr("ui.dialogs.ask_yes_no", lambda _parent, _title, question: asked.append(question) or True)
    lead_tab.approve()
    assert "Aufenthaltserlaubnis nach § 16d AufenthG" in asked[0]
    qtbot.waitUntil(lambda: lead_tab.state.text().startswith("Stand: Bewilligt"))
    assert case_decision(clerk, case_id).status == CaseStatus.GRANTED


def test_the_grant_dialog_offers_the_validity_of_the_case_s_variant(qtbot: QtBot, clerk: ServiceContext) -> None:
    """Job search (§ 20 AufenthG): 6 months on entry; once "after studies in Germany" is ticked on
    the case, 18 months with the provision named (§ 20 Abs. 3 Nr. 1)."""
    from abh_desk.services.case_file import set_facts
    from ui.tasks import TaskRunner

    person = create_person(clerk, PersonInput("Haddad", "Karim", "01.01.1995", nationality="SYR"))
    case_id = open_case(clerk, person.id, "SIN-ARBEITSPLATZSUCHE", applied_on=TODAY).id
    runner = TaskRunner()
    first = GrantDialog(clerk, case_id, runner)
    qtbot.addWidget(first)
    first.show()
    qtbot.waitUntil(lambda: first.form_data is not None)
    assert first.validity_hint.text() == "Höchstens 6 Monate (Katalog): längstens bis 22.05.2027."
    set_facts(clerk, case_id, {"nach_studium_inland"})
    second = GrantDialog(clerk, case_id, runner)
    qtbot.addWidget(second)
    second.show()
    qtbot.waitUntil(lambda: second.form_data is not None)
    assert second.valid_until.date().toPython() == date(2028, 5, 22)
    assert second.validity_hint.text() == (
        "Höchstens 18 Monate (§ 20 Abs. 3 Nr. 1 AufenthG, nach den Angaben zum Vorgang): längstens bis 22.05.2028."
    )
