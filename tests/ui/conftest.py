"""Window tests: a real QApplication offscreen, speaking German as the program does by default."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QTranslator
from PySide6.QtWidgets import QApplication

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
