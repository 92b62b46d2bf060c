"""The start: the sign-in window first, the database layer loading behind it.

A bare PySide6 window is on screen in about 0.15 s; SQLAlchemy, the models, the services, the
schema check and the connection take about a second more. So the window shows the sign-in with
nothing but PySide6 and the translators imported, and ``DatabaseLoad`` runs the rest on the
runner's database thread once the sign-in has been painted, while the user types. A user who is
faster waits in the dialog ("Verbindung wird hergestellt …"); a load that fails ends in the same
German message as before. Qt objects stay on the window's thread: the database thread only
imports and opens the database, and asks for a server password through ``PasswordPrompt``.

Nothing imported on the way to the sign-in window may import SQLAlchemy, the models or the
services (``tests/ui/test_start_layers.py`` fails when one does).
"""

from __future__ import annotations

import logging
import threading
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QThread, QTimer, Signal

from abh_desk.clock import SYSTEM_CLOCK, Clock
from abh_desk.errors import DomainError
from ui.messages import error_text
from ui.tasks import TaskRunner

if TYPE_CHECKING:
    from abh_desk.services.context import ServiceContext

log = logging.getLogger(__name__)

#: Started at the latest this long after the sign-in window was asked to show (a platform that
#: never paints it, a window hidden at once), in milliseconds.
LATEST_START_MS = 2_000


def open_database_layer(db_url: str | None, prompt: PasswordPrompt, clock: Clock = SYSTEM_CLOCK) -> ServiceContext:
    """On the database thread: SQLAlchemy, models and services imported, the database opened and
    its schema checked (``open_context``), then the main window's modules, so that the window
    opens without delay after the sign-in."""
    from abh_desk.bootstrap import open_context
    from abh_desk.storage import set_password_prompt

    # Without a secure keyring the server password is asked once per session, in a window, and
    # kept in memory only (abh_desk.storage.session_password).
    set_password_prompt(prompt.ask)
    ctx = open_context(db_url, clock=clock)
    import abh_desk.services.auth  # noqa: F401  the sign-in
    import ui.main_window  # noqa: F401  the window after it

    return ctx


class _Question:
    def __init__(self, text: str) -> None:
        self.text = text
        self.answer: str | None = None
        self.answered = threading.Event()


class PasswordPrompt(QObject):
    """The server password, asked in a dialog on the window's thread from whichever thread opens a
    connection (the database thread at the start). After ``close()`` nobody is asked any more:
    the program is ending and waits for the database thread."""

    _sig_ask = Signal(object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._closed = threading.Event()
        self._sig_ask.connect(self._answer)  # queued: it runs on the window's thread

    def ask(self, question: str) -> str | None:
        if QThread.currentThread() is self.thread():
            return None if self._closed.is_set() else self._dialog(question)
        asked = _Question(question)
        self._sig_ask.emit(asked)
        while not asked.answered.wait(0.05):
            if self._closed.is_set():
                return None
        return asked.answer

    def close(self) -> None:
        self._closed.set()

    def _answer(self, asked: _Question) -> None:
        if not self._closed.is_set():
            asked.answer = self._dialog(asked.text)
        asked.answered.set()

    def _dialog(self, question: str) -> str | None:
        from ui import dialogs

        return dialogs.ask_password(None, "ABH Desk", question)


class DatabaseLoad(QObject):
    """The database layer, opened once on the runner's thread. ``ctx`` once ready; ``failure``
    (a German sentence) when it could not be opened."""

    sig_ready = Signal()
    """The database is open: ``ctx`` is set."""
    sig_failed = Signal(str)
    """The database could not be opened; the German message (also in ``failure``)."""

    def __init__(
        self, runner: TaskRunner, db_url: str | None, parent: QObject | None = None, clock: Clock = SYSTEM_CLOCK
    ) -> None:
        super().__init__(parent)
        self.runner = runner
        self.db_url = db_url
        self.clock = clock
        self.ctx: ServiceContext | None = None
        self.failure: str | None = None
        self.started = False
        self.prompt = PasswordPrompt(self)

    @classmethod
    def opened(cls, ctx: ServiceContext, runner: TaskRunner, parent: QObject | None = None) -> DatabaseLoad:
        """A load that is already done (the next sign-in after a sign-out; tests)."""
        load = cls(runner, None, parent)
        load.started = True
        load.ctx = ctx
        return load

    @property
    def ready(self) -> bool:
        return self.ctx is not None

    def start(self) -> None:
        if self.started:
            return
        self.started = True
        db_url, prompt, clock = self.db_url, self.prompt, self.clock
        self.runner.run(lambda: open_database_layer(db_url, prompt, clock), self._opened, self._failed, owner=self)

    def start_when_painted(self, window: QObject) -> None:
        """Start once ``window`` has been painted for the first time: the imports hold Python's
        lock, and the window shall not wait for them."""
        if self.started:
            return
        window.installEventFilter(self)
        QTimer.singleShot(LATEST_START_MS, self, self.start)

    def close(self) -> None:
        """The program ends: a password question still pending is answered with nothing."""
        self.prompt.close()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            QTimer.singleShot(0, self, self.start)  # after this paint has reached the screen
        return False

    def _opened(self, ctx: ServiceContext) -> None:
        self.ctx = ctx
        self.sig_ready.emit()

    def _failed(self, exc: Exception) -> None:
        if isinstance(exc, DomainError):
            self.failure = error_text(exc)
        else:  # not one of ours: said in German, the details in the log
            log.error("opening the database failed", exc_info=exc)
            self.failure = self.tr("The database could not be opened: %1").replace("%1", str(exc) or type(exc).__name__)
        self.sig_failed.emit(self.failure)
