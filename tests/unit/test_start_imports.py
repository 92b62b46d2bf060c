"""The program starts without the heavy parts it does not need yet: Alembic (only to migrate),
reportlab (only to make a letter), the demo generators; and no password hash is computed. Each
costs 0.1–0.15 s at every start (BENCHMARKS.md, start.fenster)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow  # starts Python anew: not in the fast tier

ROOT = Path(__file__).resolve().parents[2]
PROBE = """
import sys, time
import abh_desk.bootstrap, abh_desk.cli, ui.app, ui.main_window
heavy = sorted(m for m in ("alembic", "reportlab", "abh_desk.demo.persons", "letters.render") if m in sys.modules)
from abh_desk.services import auth
print(heavy, auth._dummy_hash.cache_info().currsize)
"""


def test_starting_the_window_loads_no_migration_tool_no_pdf_library_and_hashes_nothing() -> None:
    result = subprocess.run(
        [sys.executable, "-c", PROBE], capture_output=True, text=True, cwd=ROOT, timeout=60,
        env={"QT_QPA_PLATFORM": "offscreen", "PATH": "/usr/bin:/bin"},
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[] 0"
