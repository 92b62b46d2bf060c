"""The window tests' harness (``tests/ui/conftest.py``): a question nobody answers never hangs."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from ui import dialogs

HERE = Path(__file__).resolve().parent


def test_a_test_ending_with_unsaved_text_ends_its_process() -> None:
    """The finding: ticking a ground with Space in a new notice and ending the test left the pytest
    process waiting for ever (the window's "discard?" question, offscreen, when pytest-qt closed it)."""
    try:
        done = subprocess.run(
            [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", str(HERE / "scene_unsaved_at_the_end.py")],
            capture_output=True,
            text=True,
            env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
            cwd=str(HERE.parents[1]),
            timeout=180,
        )
    except subprocess.TimeoutExpired as exc:  # run() has killed it
        pytest.fail(f"the pytest process did not end within {exc.timeout} s")
    assert done.returncode == 0, done.stdout + done.stderr
    assert "1 passed" in done.stdout


def test_a_question_no_test_answers_fails_the_test_at_once() -> None:
    with pytest.raises(AssertionError) as raised:
        dialogs.ask_yes_no(None, "Titel", "Wirklich?")
    assert str(raised.value) == "a question no test answered: Titel: Wirklich?"
