"""Every text of the window has its German translation: lupdate, run afresh over ui/, finds no
text without one (a text hidden from lupdate behind a wrapper would show up here as new)."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path
from xml.etree import ElementTree

import pytest

pytestmark = pytest.mark.slow  # runs lupdate: not in the fast tier

ROOT = Path(__file__).resolve().parents[2]


def test_lupdate_finds_nothing_untranslated(tmp_path: Path) -> None:
    lupdate = Path(sys.executable).with_name("pyside6-lupdate")
    assert lupdate.exists()
    ts = tmp_path / "abh_desk_de.ts"
    shutil.copy(ROOT / "resources" / "translations" / "abh_desk_de.ts", ts)
    sources = sorted(str(path) for path in (ROOT / "ui").glob("*.py"))
    subprocess.run([str(lupdate), *sources, "-ts", str(ts), "-no-obsolete"], check=True, capture_output=True)
    untranslated = [
        message.findtext("source")
        for message in ElementTree.parse(ts).iter("message")
        if (message.find("translation") is not None and message.find("translation").get("type") == "unfinished")
    ]
    assert untranslated == []
