"""Every window fits a 1366×768 office screen (a 40-pixel panel, the window manager's title bar):
opened and after its messages show, each window is no larger than the screen holds, and what must
be reached is in view — the main window's status bar, the first start's buttons, the notice's
grounds, an error text under its field, the handover's list of withdrawn documents."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest
from PySide6.QtCore import QPoint, QRect, QSize
from PySide6.QtWidgets import QLabel, QLineEdit, QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from abh_desk.domain.enums import Role
from abh_desk.services.cards import order_card, record_arrival
from abh_desk.services.cases import open_case
from abh_desk.services.context import Actor, ServiceContext
from abh_desk.services.persons import PersonInput, create_person
from models import User
from tests.support.granted import grant_case
from ui.card_steps import ArrivalDialog
from ui.case_dialog import CaseDialog
from ui.decision_dialogs import GrantDialog
from ui.first_start_dialog import FirstStartDialog
from ui.handover_dialog import HandoverDialog
from ui.login_dialog import LoginDialog
from ui.main_window import MainWindow
from ui.new_case_dialog import NewCaseDialog
from ui.notice_dialog import NoticeDialog
from ui.office_settings_dialog import OfficeSettingsDialog
from ui.person_dialog import PersonDialog
from ui.rules_dialog import RulesDialog
from ui.tasks import TaskRunner
from ui.textblocks_dialog import TextBlocksDialog

TODAY = date(2026, 11, 23)
SCREEN = QRect(0, 0, 1366, 768 - 40)  # the free area beside a 40-pixel panel
ROOM = QSize(1366 - 16, 728 - 40)  # less the window manager's frame and title bar


@pytest.fixture(autouse=True)
def office_screen(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("ui.widgets.screen_area", lambda _widget: SCREEN)


@pytest.fixture
def clerk(sqlite_ctx: ServiceContext) -> ServiceContext:
    with sqlite_ctx.db.read() as session:
        user = session.scalars(select(User).where(User.username == "schweiger")).one()
    return sqlite_ctx.as_user(Actor(user.id, user.username, Role(user.role)))


@pytest.fixture
def case_id(clerk: ServiceContext) -> int:
    person = create_person(
        clerk,
        PersonInput(
            "Nguyễn", "Thị Hương", "12.03.1994", nationality="VNM", sex="w",
            street="Hadwigstraße 7", postcode="78224", city="Singen",
        ),
    )  # fmt: skip
    return open_case(clerk, person.id, "99010019001008", applied_on=date(2026, 9, 1)).id


def fits(window: QWidget) -> None:
    size = window.size()
    assert size.width() <= ROOM.width() and size.height() <= ROOM.height(), (type(window).__name__, size)
    hint = window.minimumSizeHint()
    assert hint.width() <= ROOM.width() and hint.height() <= ROOM.height(), (type(window).__name__, hint)


def in_view(window: QWidget, widget: QWidget) -> None:
    """Shown, and wholly inside the window."""
    assert widget.isVisible(), widget
    top_left = widget.mapTo(window, QPoint(0, 0))
    assert window.rect().contains(QRect(top_left, widget.size())), (type(widget).__name__, top_left, widget.size())


def whole_text(label: QLabel) -> None:
    """A wrapped message has the height its text needs (not cut after its first line)."""
    assert label.isVisible() and label.text()
    assert label.height() >= label.heightForWidth(label.width()), (label.text(), label.height())


def settle(qtbot: QtBot, window: QWidget, runner: TaskRunner | None = None) -> None:
    if runner is not None:
        runner.wait()
    qtbot.wait(50)


@pytest.fixture
def runner() -> Iterator[TaskRunner]:
    task_runner = TaskRunner()
    yield task_runner
    task_runner.wait()


def test_the_main_window_shows_its_status_bar(qtbot: QtBot, clerk: ServiceContext) -> None:
    window = MainWindow(clerk)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.runner.wait(100))
    fits(window)
    in_view(window, window.statusBar())
    in_view(window, window.user_label)


def test_the_first_start_keeps_its_buttons_in_view_with_every_message(qtbot: QtBot) -> None:
    dialog = FirstStartDialog(demo_persons=50)
    qtbot.addWidget(dialog)
    dialog.show()
    fits(dialog)
    dialog.next.click()
    qtbot.waitUntil(lambda: dialog.pages.currentIndex() == 1, timeout=20_000)
    dialog.admin_password.setText("kurz")
    dialog.next.click()  # every required field empty: a message under each
    qtbot.waitUntil(lambda: dialog.errors["street"].isVisible())
    qtbot.wait(50)
    fits(dialog)
    for button in (dialog.next, dialog.back, dialog.cancel):
        in_view(dialog, button)
    in_view(dialog, dialog.message)


def test_the_notice_shows_six_grounds(qtbot: QtBot, clerk: ServiceContext, case_id: int) -> None:
    dialog = NoticeDialog(clerk, case_id, None)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.ground_list.count() > 0 and dialog._fitted)  # fitted once the layout settled
    qtbot.wait(50)
    fits(dialog)
    row = dialog.ground_list.sizeHintForRow(0)
    assert dialog.ground_list.viewport().height() >= 6 * row - 2, (dialog.ground_list.height(), row)


def test_a_step_dialog_shows_its_whole_error_text(qtbot: QtBot, clerk: ServiceContext, case_id: int) -> None:
    grant_case(clerk, case_id, decided_on=date(2026, 9, 30))
    card = order_card(clerk, case_id, date(2026, 10, 1))
    dialog = ArrivalDialog(clerk, card, TaskRunner())
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.save()  # no serial, chip not checked: two messages
    qtbot.waitUntil(lambda: dialog.errors["chip"].isVisible())
    qtbot.wait(50)
    fits(dialog)
    whole_text(dialog.errors["seriennummer"])
    whole_text(dialog.errors["chip"])
    in_view(dialog, dialog.ok_button)


def test_the_handover_keeps_the_withdrawn_documents_list(qtbot: QtBot, clerk: ServiceContext, case_id: int) -> None:
    grant_case(clerk, case_id, decided_on=date(2026, 9, 30))
    card = order_card(clerk, case_id, date(2026, 10, 1))
    arrived = record_arrival(clerk, card.id, card.version, "Y7K2M4T9L", True, date(2026, 11, 10))
    dialog = HandoverDialog(clerk, arrived.id)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.ok_button.isEnabled())
    dialog.recipient.setCurrentIndex(dialog.recipient.findData("bevollmaechtigt"))
    dialog.fingerprints.setChecked(False)
    dialog.save()  # a message under nearly every field
    qtbot.waitUntil(lambda: dialog.errors["vollmacht"].isVisible())
    qtbot.wait(50)
    fits(dialog)
    in_view(dialog, dialog.withdrawn_list)
    assert dialog.withdrawn_list.height() >= 2 * dialog.withdrawn_list.fontMetrics().lineSpacing()
    in_view(dialog, dialog.ok_button)
    whole_text(dialog.errors["fingerabdruecke"])


def test_the_other_windows_fit(qtbot: QtBot, clerk: ServiceContext, sqlite_ctx: ServiceContext, case_id: int) -> None:
    runner = TaskRunner()
    person_id = create_person(sqlite_ctx, PersonInput("Okafor", "Ada", "01.01.1990", nationality="NGA")).id
    windows: list[QWidget] = [
        CaseDialog(clerk, case_id),
        PersonDialog(clerk),
        NewCaseDialog(clerk, person_id, "Okafor, Ada"),
        GrantDialog(clerk, case_id, runner),
        OfficeSettingsDialog(sqlite_ctx, runner),
        TextBlocksDialog(sqlite_ctx, runner),
        RulesDialog(sqlite_ctx, runner),
        LoginDialog(sqlite_ctx, runner),
    ]
    for window in windows:
        qtbot.addWidget(window)
        window.show()
    runner.wait()
    qtbot.wait(100)
    person = windows[1]
    assert isinstance(person, PersonDialog)
    person.save()  # every message under its field
    qtbot.waitUntil(lambda: person.errors["familienname"].isVisible())
    qtbot.wait(50)
    for window in windows:
        fits(window)
    in_view(person, person.buttons)


def test_the_office_settings_show_their_values_beside_the_long_labels(
    qtbot: QtBot, sqlite_ctx: ServiceContext, runner: TaskRunner
) -> None:
    """The German labels ("Terminzeiten (z. B. Mo-Fr 08:00-12:00; …; leer: die Sprechzeiten)") took
    two thirds of a 720-pixel dialog: the IBAN and the court's address were cut, behind a scroll bar."""
    dialog = OfficeSettingsDialog(sqlite_ctx, runner)
    qtbot.addWidget(dialog)
    dialog.show()
    runner.wait()
    qtbot.waitUntil(lambda: dialog.buttons.isEnabled())
    for name, value in (
        ("iban", "DE89 3704 0044 0532 0130 00"),
        ("court_address", "Habsburgerstraße 103, 79104 Freiburg"),
    ):
        field = dialog.inputs[name]
        assert isinstance(field, QLineEdit)
        field.setText(value)
        assert field.width() > field.fontMetrics().horizontalAdvance(value) + 8, (name, field.width())
        in_view(dialog, field)
    fits(dialog)
