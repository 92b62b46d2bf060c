"""The measured process of ``benchmarks.startup``: ``python -m benchmarks.startup_child MODE [URL USER PASSWORD]``.

MODE ``bare``: a bare PySide6 main window, until it is painted — the floor. MODE ``anmeldung``:
ABH Desk started as ``abh-desk --db URL`` (``main.main``, the program's own start path), until
its sign-in window is painted. MODE ``fenster``: the same start, then USER signs in at once (faster
than the database loads behind the sign-in), until the main window is shown with the start page's
figures. MODE ``memory``: ABH Desk's main window opened directly on URL, a search for a common
prefix whose result table shows its first rows, then the process's RSS.

``bare``, ``anmeldung`` and ``fenster`` watch the paint with the same application event filter
(removed at the first paint of the window looked for). Each prints one line ``READY <ns since the
interpreter started> <VmRSS kB>`` and exits.
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Callable
from pathlib import Path

STARTED_NS = time.perf_counter_ns()  # first thing: imports above are the interpreter's own


def _rss_kb() -> int:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    return 0


def _ready() -> None:
    print(f"READY {time.perf_counter_ns() - STARTED_NS} {_rss_kb()}", flush=True)


def _ready_and_exit() -> None:
    _ready()
    os._exit(0)  # the database thread may still be loading: not part of the figure


def _on_first_paint(class_name: str, then: Callable[[object], None]) -> object:
    """Calls ``then(window)`` once a widget of class ``class_name`` has been painted for the first
    time (after the paint: from the event loop's next turn)."""
    from PySide6.QtCore import QEvent, QObject, QTimer
    from PySide6.QtWidgets import QApplication

    class FirstPaint(QObject):
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Paint and type(watched).__name__ == class_name:
                QApplication.instance().removeEventFilter(self)
                QTimer.singleShot(0, lambda: then(watched))
            return False

    watcher = FirstPaint()
    QApplication.instance().installEventFilter(watcher)
    return watcher


def bare() -> None:
    from PySide6.QtWidgets import QApplication, QLabel, QMainWindow

    app = QApplication(sys.argv[:1])
    watcher = _on_first_paint("QMainWindow", lambda _window: _ready_and_exit())
    window = QMainWindow()
    window.setCentralWidget(QLabel("ABH Desk"))
    window.resize(1200, 760)
    window.show()
    app.exec()
    del watcher


def abh_desk(url: str, sign_in_as: tuple[str, str] | None) -> None:
    """``abh-desk --db URL`` as a user starts it; with ``sign_in_as`` that user signs in at once."""
    from PySide6.QtWidgets import QApplication

    app = QApplication(sys.argv[:1])

    def signed_in_window() -> None:
        window = next((w for w in app.topLevelWidgets() if type(w).__name__ == "MainWindow" and w.isVisible()), None)
        if window is not None and window.start.overdue.text():  # type: ignore[attr-defined]
            window.repaint()
            _ready_and_exit()

    def sign_in(login: object) -> None:
        from PySide6.QtCore import QTimer

        username, password = sign_in_as or ("", "")
        login.username.setText(username)  # type: ignore[attr-defined]
        login.password.setText(password)  # type: ignore[attr-defined]
        poll = QTimer(app)
        poll.timeout.connect(signed_in_window)
        login.accepted.connect(lambda: poll.start(2))  # type: ignore[attr-defined]  polled once signed in
        login.attempt()  # type: ignore[attr-defined]

    watcher = _on_first_paint("LoginDialog", sign_in if sign_in_as else lambda _login: _ready_and_exit())
    sys.argv = ["abh-desk", "--db", url]
    import main

    code = main.main()
    del watcher
    raise SystemExit(f"the program ended (exit {code}) before READY")


def memory(url: str) -> None:
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

    def searched() -> bool:
        page = window.search
        return page.results.rowCount() > 0 and page.result_view.model().data(page.results.index(0, 0)) is not None

    def poll() -> None:
        if not window.start.overdue.text():
            return
        if window.tabs.currentWidget() is not window.search:
            window.focus_search()
            window.search.search_field.setText("m")
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
    elif mode == "anmeldung":
        abh_desk(sys.argv[2], None)
    elif mode == "fenster":
        abh_desk(sys.argv[2], (sys.argv[3], sys.argv[4]))
    else:
        memory(sys.argv[2])
