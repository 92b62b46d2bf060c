"""Screenshots of the main screens for the README: ``.venv/bin/python scripts/screenshots.py [DIR]``.

Builds a fresh demo database in a temporary directory, opens the real window offscreen at a
fixed size, drives it as a clerk would and saves PNGs (default: docs/).
"""

from __future__ import annotations

import os
import sys
import tempfile
from datetime import date
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from PySide6.QtCore import QDeadlineTimer  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from abh_desk.bootstrap import open_context  # noqa: E402
from abh_desk.services.demo import generate_demo  # noqa: E402
from ui.app import install_translators  # noqa: E402
from ui.main_window import MainWindow  # noqa: E402

TODAY = date(2026, 11, 21)


def settle(window: MainWindow, condition: object = None, timeout_ms: int = 5000) -> None:
    deadline = QDeadlineTimer(timeout_ms)
    while not deadline.hasExpired():
        QTest.qWait(30)
        if not window.runner.busy and (condition is None or condition()):  # type: ignore[operator]
            QTest.qWait(60)
            return
    raise RuntimeError("window did not settle")


def main() -> int:
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "docs"
    out.mkdir(parents=True, exist_ok=True)
    app = QApplication(sys.argv)
    install_translators(app, "de")
    with tempfile.TemporaryDirectory() as tmp:
        ctx = open_context(f"sqlite:///{tmp}/demo.sqlite3")
        generate_demo(ctx, 2000, seed=1, today=TODAY)
        window = MainWindow(ctx, today=TODAY)
        window.resize(1280, 800)
        window.show()
        QTest.keyClicks(window.search_field, "nguyen")
        settle(window, lambda: window.results.rowCount() > 0)
        for row in range(window.results.rowCount()):
            window.result_view.selectRow(row)
            settle(window)
            if window.cases.rowCount() >= 1 and window.titles.rowCount() >= 1:
                break
        window.grab().save(str(out / "screenshot.png"))
        print(f"saved {out / 'screenshot.png'}")
        ctx.db.dispose()
    return 0


if __name__ == "__main__":
    sys.exit(main())
