"""Sign-in, "Meine Fälle", the team view and the rule editor, driven through the real widgets."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from abh_desk.demo.users import DEMO_PASSWORD, ensure_demo_users
from abh_desk.domain.enums import Role
from abh_desk.services.assignment import set_deputy
from abh_desk.services.auth import sign_in
from abh_desk.services.cases import open_case
from abh_desk.services.context import Actor, ServiceContext
from abh_desk.services.persons import PersonInput, create_person
from models import Case, User
from ui.login_dialog import LoginDialog
from ui.main_window import MainWindow
from ui.rules_dialog import RulesDialog

TODAY = date(2026, 11, 21)


def _office(ctx: ServiceContext) -> dict[str, int]:
    ensure_demo_users(ctx)
    cases = {}
    for family in ("Haddad", "Hassan", "Ibrahim", "Kaya", "Çelik", "Öztürk"):
        person = create_person(ctx, PersonInput(family, "Test", "01.01.1990", nationality="SYR"))
        cases[family] = open_case(ctx, person.id, "99010019001008", applied_on=TODAY).id
    return cases


def _as(ctx: ServiceContext, username: str) -> ServiceContext:
    with ctx.db.read() as session:
        user = session.scalars(select(User).where(User.username == username)).one()
    return ctx.as_user(Actor(user.id, user.username, Role(user.role)))


def _texts(model: object, column: int) -> list[str]:
    return [model.data(model.index(r, column)) for r in range(model.rowCount())]  # type: ignore[attr-defined]


def test_login_refuses_a_wrong_password_and_accepts_the_right_one(qtbot: QtBot, sqlite_ctx: ServiceContext) -> None:
    ensure_demo_users(sqlite_ctx)
    dialog = LoginDialog(sqlite_ctx, username="schweiger")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.password, "falsch-falsch")
    qtbot.keyClick(dialog.password, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.message.text() == "Benutzername oder Passwort falsch.")
    assert dialog.password.text() == "" and dialog.signed_in is None
    qtbot.keyClicks(dialog.password, DEMO_PASSWORD)
    qtbot.keyClick(dialog.password, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.signed_in is not None)
    assert dialog.signed_in is not None
    assert (dialog.signed_in.display_name, dialog.signed_in.role_label) == ("Frau Schweiger", "Sachbearbeitung")


def test_my_cases_show_own_and_deputised_cases(qtbot: QtBot, sqlite_ctx: ServiceContext) -> None:
    _office(sqlite_ctx)
    set_deputy(sqlite_ctx, "rudolf", "schweiger", date(2026, 11, 1), date(2026, 11, 30))
    signed_in = sign_in(sqlite_ctx, "schweiger", DEMO_PASSWORD)
    window = MainWindow(sqlite_ctx.as_user(signed_in.actor), signed_in=signed_in)
    qtbot.addWidget(window)
    window.show()
    assert window.user_label.text() == "Angemeldet: Frau Schweiger (Sachbearbeitung)"
    assert not window.rules_action.isEnabled()
    window.tabs.setCurrentWidget(window.my_cases)
    page = window.my_cases
    qtbot.waitUntil(lambda: page.model.rowCount() == 5 and "…" not in _texts(page.model, 1))
    assert sorted(_texts(page.model, 1)) == [
        "Haddad, Test",
        "Hassan, Test",
        "Ibrahim, Test",
        "Kaya, Test",
        "Çelik, Test",
    ]
    assert page.count.text() == "5 Vorgänge"
    owners = dict(zip(_texts(page.model, 1), _texts(page.model, 6), strict=True))
    assert owners["Çelik, Test"] == "Frau Rudolf (in Vertretung)"
    assert owners["Kaya, Test"] == "Frau Schweiger"

    row = _texts(page.model, 1).index("Kaya, Test")
    page.view.activated.emit(page.model.index(row, 0))
    qtbot.waitUntil(lambda: bool(window.case_dialogs) and "Kaya, Test" in window.case_dialogs[-1].header.text())


def test_team_view_filters_by_caseworker(qtbot: QtBot, sqlite_ctx: ServiceContext) -> None:
    _office(sqlite_ctx)
    lead = _as(sqlite_ctx, "soelter")
    window = MainWindow(lead)
    qtbot.addWidget(window)
    window.show()
    assert window.rules_action.isEnabled()
    window.tabs.setCurrentWidget(window.team)
    team = window.team
    qtbot.waitUntil(lambda: team.model.rowCount() == 6)
    qtbot.waitUntil(lambda: team.owner_filter.count() > 1)
    assert team.title.text() == "Team: Allgemeines Ausländerrecht"
    team.owner_filter.setCurrentIndex(team.owner_filter.findData("keller"))
    qtbot.waitUntil(lambda: team.model.rowCount() == 1)
    qtbot.waitUntil(lambda: _texts(team.model, 1) == ["Öztürk, Test"])


def test_rule_editor_validates_live_previews_and_applies(qtbot: QtBot, sqlite_ctx: ServiceContext) -> None:
    cases = _office(sqlite_ctx)
    lead = _as(sqlite_ctx, "soelter")
    dialog = RulesDialog(lead)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.table.rowCount() == 4)
    qtbot.waitUntil(lambda: "lückenlos" in dialog.problems.text())
    assert dialog.area.currentData() == "allgemein"

    ranges = {dialog.table.cellWidget(r, 0).currentData(): r for r in range(4)}  # type: ignore[union-attr]
    dialog.table.item(ranges["rudolf"], 1).setText("C, H–I")  # type: ignore[union-attr]
    qtbot.waitUntil(lambda: "überschneiden sich bei H–I" in dialog.problems.text())
    assert not dialog.apply_button.isEnabled()

    dialog.table.item(ranges["schweiger"], 1).setText("J–N")  # type: ignore[union-attr]
    qtbot.waitUntil(lambda: "lückenlos" in dialog.problems.text())
    qtbot.waitUntil(lambda: dialog.moves.rowCount() == 1)
    assert [dialog.moves.data(dialog.moves.index(0, c)) for c in range(3)] == ["Frau Schweiger", "Frau Rudolf", "3"]
    assert dialog.preview_label.text() == "Vorschau: 3 offene Vorgänge würden verschoben."
    assert not dialog.apply_button.isEnabled()  # no reason yet
    qtbot.keyClicks(dialog.reason, "Urlaubsvertretung dauerhaft")
    assert dialog.apply_button.isEnabled()
    qtbot.mouseClick(dialog.apply_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.result_label.text() == "Übernommen: 3 offene Vorgänge verschoben.")
    with sqlite_ctx.db.read() as session:
        owners = dict(session.execute(select(Case.id, User.username).join(User, User.id == Case.owner_id)).all())
    assert [owners[cases[n]] for n in ("Haddad", "Hassan", "Ibrahim", "Kaya")] == [
        "rudolf",
        "rudolf",
        "rudolf",
        "schweiger",
    ]


def test_rule_editor_row_controls(qtbot: QtBot, sqlite_ctx: ServiceContext, monkeypatch: pytest.MonkeyPatch) -> None:
    _office(sqlite_ctx)
    dialog = RulesDialog(_as(sqlite_ctx, "osswald"))
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.table.rowCount() == 4)
    dialog.table.setCurrentCell(0, 1)
    qtbot.mouseClick(dialog.remove_button, Qt.MouseButton.LeftButton)
    assert dialog.table.rowCount() == 3
    qtbot.waitUntil(lambda: "niemand zuständig" in dialog.problems.text())
    qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)
    assert dialog.table.rowCount() == 4
    combo = dialog.table.cellWidget(3, 0)
    assert isinstance(combo, QComboBox) and combo.currentData() == ""
    asked: list[str] = []  # a removed row is not applied: closing asks (issue 23, part 10)
    monkeypatch.setattr("ui.dialogs.ask_yes_no", lambda _p, _t, question: asked.append(question) or True)
    dialog.close()
    assert asked == ["Nicht übernommene Regeln verwerfen?"] and not dialog.isVisible()


def test_deadline_worklist_page_groups_and_opens_the_person(qtbot: QtBot, sqlite_ctx: ServiceContext) -> None:
    from datetime import timedelta

    from abh_desk.services.deadlines import set_follow_up

    cases = _office(sqlite_ctx)
    set_follow_up(sqlite_ctx, cases["Haddad"], TODAY, "heute anrufen")
    set_follow_up(sqlite_ctx, cases["Kaya"], TODAY + timedelta(days=20))
    with sqlite_ctx.unit_of_work() as uow:  # an overdue one
        from models import Deadline

        uow.session.add(
            Deadline(
                case_id=cases["Hassan"],
                owner_id=uow.session.get(Case, cases["Hassan"]).owner_id,
                area_id=uow.session.get(Case, cases["Hassan"]).area_id,
                kind="wiedervorlage",
                event_date=TODAY,
                nominal_date=TODAY,
                due_date=TODAY - timedelta(days=3),
                status="offen",
                source_event="Test",
            )
        )
        uow.commit()
    signed_in = sign_in(sqlite_ctx, "schweiger", DEMO_PASSWORD)
    window = MainWindow(sqlite_ctx.as_user(signed_in.actor), signed_in=signed_in)
    qtbot.addWidget(window)
    window.show()
    window.tabs.setCurrentWidget(window.deadlines)
    page = window.deadlines
    qtbot.waitUntil(lambda: page.summary.text() != "")
    assert page.summary.text() == "1 überfällig · 1 heute · 0 diese Woche · 1 in den nächsten acht Wochen"
    assert page.group_bar.currentIndex() == 0  # the overdue ones first, each group on its own
    qtbot.waitUntil(lambda: _texts(page.rows, 2) == ["Hassan, Test"])
    color = page.rows.data(page.rows.index(0, 0), Qt.ItemDataRole.BackgroundRole)
    assert color is not None and color.color().name() == "#f4c7c3"
    page.group_bar.setCurrentIndex(3)
    qtbot.waitUntil(lambda: _texts(page.rows, 2) == ["Kaya, Test"])
    page.group_bar.setCurrentIndex(1)
    qtbot.waitUntil(lambda: _texts(page.rows, 2) == ["Haddad, Test"])
    page.view.activated.emit(page.rows.index(0, 0))
    qtbot.waitUntil(lambda: bool(window.case_dialogs) and "Haddad, Test" in window.case_dialogs[-1].header.text())


def test_reminder_letters_for_selected_expiring_titles(
    qtbot: QtBot, sqlite_ctx: ServiceContext, tmp_path, monkeypatch
) -> None:
    from datetime import timedelta

    import pypdf

    from abh_desk.domain.enums import CaseStatus
    from abh_desk.services.titles import add_title

    cases = _office(sqlite_ctx)
    with sqlite_ctx.unit_of_work() as uow:
        for family in ("Haddad", "Hassan"):
            case = uow.session.get(Case, cases[family])
            case.status = CaseStatus.GRANTED.value
            person = uow.session.get(__import__("models").Person, case.person_id)
            person.street, person.postcode, person.city = "Hauptstraße 1", "78224", "Singen"
            person.sex = "w"
        uow.commit()
    for family, weeks in (("Haddad", 3), ("Hassan", 6)):
        add_title(
            sqlite_ctx,
            cases[family],
            "Aufenthaltserlaubnis",
            "§ 16d AufenthG",
            TODAY - timedelta(days=300),
            TODAY + timedelta(weeks=weeks),
        )
    target = tmp_path / "erinnerungen.pdf"
    monkeypatch.setattr("ui.dialogs.ask_save_path", lambda *a, **k: target)
    signed_in = sign_in(sqlite_ctx, "schweiger", DEMO_PASSWORD)
    window = MainWindow(sqlite_ctx.as_user(signed_in.actor), signed_in=signed_in)
    qtbot.addWidget(window)
    window.show()
    window.tabs.setCurrentWidget(window.deadlines)
    page = window.deadlines
    qtbot.waitUntil(lambda: page.titles.rowCount() == 2)
    assert not page.reminder_button.isEnabled()
    qtbot.mouseClick(page.select_all_button, Qt.MouseButton.LeftButton)
    assert page.reminder_button.text() == "Erinnerungen für 2 ausgewählte Titel …"
    qtbot.mouseClick(page.reminder_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "2 Erinnerungsschreiben gespeichert" in window.statusBar().currentMessage())
    text = "\n".join(p.extract_text() for p in pypdf.PdfReader(target).pages)
    assert "Frau Test Haddad" in text and "Frau Test Hassan" in text
    assert "Sehr geehrte Frau Haddad" in text and "ENTWURF" not in text
    singles = sorted((tmp_path / "erinnerungen-einzeln").glob("erinnerung-*.pdf"))
    assert len(singles) == 2  # each letter also on its own, named by Aktenzeichen
    assert ["Haddad" in "".join(p.extract_text() for p in pypdf.PdfReader(f).pages) for f in singles].count(True) == 1
    qtbot.waitUntil(lambda: page.titles.rowCount() == 0)  # reminded: not listed (nor sent) again
    assert page.titles_label.text().startswith("0 ")
    from abh_desk.services.case_letters import case_letters

    kinds = [row.kind_label for row in case_letters(sqlite_ctx, cases["Haddad"])]
    assert "Erinnerung an die Verlängerung" in kinds  # a letter of the case
