"""The fast tier: every test here that is not marked ``slow`` is marked ``fast`` — the pure rules
(deadlines, fees, routing, names, letters …), no database, no window. ``pytest -m fast`` runs them
in seconds; ``pytest tests/unit`` adds the slow checks of the code itself (mypy, import contracts,
translations, a fresh interpreter's imports)."""

from __future__ import annotations

from pathlib import Path

import pytest

HERE = Path(__file__).parent


@pytest.hookimpl(tryfirst=True)  # before -m deselects
def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if item.path.is_relative_to(HERE) and item.get_closest_marker("slow") is None:
            item.add_marker(pytest.mark.fast)
