"""The measured process of ``benchmarks.startup``: ``python -m benchmarks.startup_child MODE [URL]``.

MODE ``bare``: a bare PySide6 main window, shown and painted — the floor. MODE ``window``: ABH
Desk's main window on the database at URL, as after sign-in: context opened (schema checked),
window shown, the start page's figures arrived. MODE ``memory``: that, then a search for a common
prefix in the person search whose result table shows its first rows, then the process's RSS.

Each prints one line ``READY <ns since the interpreter started> <VmRSS kB>`` and exits.
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

STARTED_NS = time.perf_counter_ns()  # first thing: imports above are the interpreter's own


def _rss_kb() -> int:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    return 0


def _ready() -> None:
    print(f"READY {time.perf_counter_ns() - STARTED_NS} {_rss_kb()}", flush=True)


def bare() -> None:
    from PySide6.QtWidgets import QApplication, QLabel, QMainWindow

    app = QApplication(sys.argv[:1])
    window = QMainWindow()
    window.setCentralWidget(QLabel("ABH Desk"))
    window.resize(1200, 760)
    window.show()
    app.processEvents()
    window.repaint()
    _ready()


def abh_window(url: str, search: str | None) -> None:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from abh_desk.bootstrap import open_context
    from abh_desk.domain.enums import Role
    from abh_desk.services.context import Actor
    from models import User
    from ui.app import install_translators
    from ui.main_window import MainWindow

    app = QApplication(sys.argv[:1])
    install_translators(app, "de")
    ctx = open_context(url)
    with ctx.db.read() as session:
        user = session.query(User).filter(User.role == Role.CASEWORKER.value).order_by(User.id).first()
        assert user is not None
        actor = Actor(user.id, user.username, Role(user.role))
    window = MainWindow(ctx.as_user(actor))
    window.show()
    start = window.start

    def started() -> bool:
        return bool(start.overdue.text())

    def searched() -> bool:
        page = window.search
        return page.results.rowCount() > 0 and page.result_view.model().data(page.results.index(0, 0)) is not None

    def poll() -> None:
        if not started():
            return
        if search is None:
            _ready()
            app.quit()
            return
        if window.tabs.currentWidget() is not window.search:
            window.focus_search()
            window.search.search_field.setText(search)
            window.search.run_search()
            return
        if searched():
            window.repaint()
            _ready()
            app.quit()

    timer = QTimer()
    timer.timeout.connect(poll)
    timer.start(2)
    app.exec()


if __name__ == "__main__":
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    mode = sys.argv[1]
    if mode == "bare":
        bare()
    else:
        abh_window(sys.argv[2], "m" if mode == "memory" else None)
