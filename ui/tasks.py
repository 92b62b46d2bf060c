"""Running database work off the GUI thread.

One worker thread runs the tasks in the order they were given (like Anki's task manager), so
reads and writes never race each other; results and errors come back on the GUI thread.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

log = logging.getLogger(__name__)


class _TaskSignals(QObject):
    succeeded = Signal(object)
    failed = Signal(object)


class _Task(QRunnable):
    def __init__(self, work: Callable[[], Any], signals: _TaskSignals) -> None:
        super().__init__()
        self.work = work
        self.signals = signals

    def run(self) -> None:
        try:
            result = self.work()
        except Exception as exc:
            self.signals.failed.emit(exc)
        else:
            self.signals.succeeded.emit(result)


class TaskRunner(QObject):
    """``runner.run(work, on_success, on_error)``: ``work`` runs on the database thread."""

    sig_busy_changed = Signal(bool)
    """Emitted with True when the first task starts and False when the last one has finished."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._pending: set[_TaskSignals] = set()

    def run(
        self,
        work: Callable[[], Any],
        on_success: Callable[[Any], None],
        on_error: Callable[[Exception], None] | None = None,
        owner: QObject | None = None,
    ) -> None:
        """``owner``: the widget the callbacks update; if it is gone when the result arrives
        (a dialog closed meanwhile), the result is dropped instead of touching a dead widget."""
        signals = _TaskSignals()
        self._pending.add(signals)
        if len(self._pending) == 1:
            self.sig_busy_changed.emit(True)

        def finish() -> bool:
            """False when the runner (and so the window that asked) is gone: drop the result."""
            if not shiboken6.isValid(self):
                return False
            self._pending.discard(signals)
            if not self._pending:
                self.sig_busy_changed.emit(False)
            return owner is None or shiboken6.isValid(owner)

        def succeeded(result: Any) -> None:
            if finish():
                on_success(result)

        def failed(exc: Exception) -> None:
            if not finish():
                return
            if on_error is None:
                log.error("background task failed", exc_info=exc)
            else:
                on_error(exc)

        signals.succeeded.connect(succeeded)
        signals.failed.connect(failed)
        self._pool.start(_Task(work, signals))

    def wait(self, msecs: int = 30_000) -> bool:
        """Block until all queued work has run (for shutting down and for tests)."""
        return self._pool.waitForDone(msecs)

    @property
    def busy(self) -> bool:
        return bool(self._pending)
