"""Window tests: a real QApplication offscreen, speaking German as the program does by default."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QApplication

from ui.app import TRANSLATIONS, install_translators


@pytest.fixture(scope="session", autouse=True)
def german(qapp: QApplication) -> Iterator[None]:
    assert (TRANSLATIONS / "abh_desk_de.qm").exists(), "translations not compiled: run scripts/setup.sh"
    translators = install_translators(qapp, "de")
    yield
    for translator in translators:
        qapp.removeTranslator(translator)
