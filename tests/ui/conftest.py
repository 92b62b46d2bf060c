"""Window tests: a real QApplication offscreen, speaking German as the program does by default."""

from __future__ import annotations

from collections.abc import Generator, Iterator

import pytest
from PySide6.QtCore import QTranslator
from PySide6.QtWidgets import QApplication, QWidget

from ui import messages
from ui.app import TRANSLATIONS, install_translators
from ui.messages import set_language

_GERMAN: list[QTranslator] = []


@pytest.fixture(scope="session", autouse=True)
def german(qapp: QApplication) -> Iterator[None]:
    assert (TRANSLATIONS / "abh_desk_de.qm").exists(), "translations not compiled: run scripts/setup.sh"
    _GERMAN[:] = install_translators(qapp, "de")
    yield
    for translator in _GERMAN:
        qapp.removeTranslator(translator)


@pytest.fixture
def english(qapp: QApplication) -> Iterator[None]:
    """One test in an English window: the German translations taken out, the services' sentences in
    English; German again afterwards."""
    for translator in _GERMAN:
        qapp.removeTranslator(translator)
    set_language("en")
    try:
        yield
    finally:
        set_language("de")
        for translator in _GERMAN:
            qapp.installTranslator(translator)


class _Questions:
    """Offscreen nobody answers a message box: ``QMessageBox.question`` waited for ever. Seen when a
    test ended with unsaved text in a notice window: pytest-qt closed the window after the test, the
    window asked whether to discard the text, and the process never ended."""

    closing_windows = False


@pytest.fixture(autouse=True)
def unanswered_questions(monkeypatch: pytest.MonkeyPatch) -> None:
    """A question no test answers (``monkeypatch.setattr("ui.dialogs.ask_yes_no", ...)``) fails
    the test at once; asked while pytest-qt closes the windows after the test, it is answered
    "yes" (discard, close): the test is over, as a user closing the window would."""

    def ask_yes_no(_parent: QWidget | None, title: str, question: str) -> bool:
        if _Questions.closing_windows:
            return True
        raise AssertionError(f"a question no test answered: {title}: {question}")

    monkeypatch.setattr("ui.dialogs.ask_yes_no", ask_yes_no)


@pytest.hookimpl(wrapper=True)
def pytest_runtest_teardown(item: pytest.Item) -> Generator[None, object, object]:
    """Wraps pytest-qt's teardown (``trylast``: it runs inside this one), which closes the windows
    the test added with ``qtbot.addWidget``."""
    _Questions.closing_windows = True
    try:
        return (yield)
    finally:
        _Questions.closing_windows = False


@pytest.fixture(autouse=True)
def services_speak_german(monkeypatch: pytest.MonkeyPatch) -> None:
    """Each test starts with the services' sentences in German and leaves them so: a test that
    switched to English (``install_translators(app, "en")``) made every later refusal English — in
    one process the tests after it failed, under ``-n 2`` it depended on the worker."""
    monkeypatch.setattr(messages, "_language", "de")
