"""Window tests: a real QApplication offscreen, speaking German as the program does by default."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QApplication

from ui import messages
from ui.app import TRANSLATIONS, install_translators


@pytest.fixture(scope="session", autouse=True)
def german(qapp: QApplication) -> Iterator[None]:
    assert (TRANSLATIONS / "abh_desk_de.qm").exists(), "translations not compiled: run scripts/setup.sh"
    translators = install_translators(qapp, "de")
    yield
    for translator in translators:
        qapp.removeTranslator(translator)


@pytest.fixture(autouse=True)
def services_speak_german(monkeypatch: pytest.MonkeyPatch) -> None:
    """Each test starts with the services' sentences in German and leaves them so: a test that
    switched to English (``install_translators(app, "en")``) made every later refusal English — in
    one process the tests after it failed, under ``-n 2`` it depended on the worker."""
    monkeypatch.setattr(messages, "_language", "de")
