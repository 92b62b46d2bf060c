"""Running database work off the GUI thread.

One worker thread runs the tasks in the order they were given (like Anki's task manager), so
reads and writes never race each other; results and errors come back on the GUI thread.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtCore import QCoreApplication, QObject, QRunnable, Qt, QThreadPool, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from abh_desk.progress import Progress

log = logging.getLogger(__name__)


_POOLS: list[QThreadPool] = []
"""Every runner's pool, kept for the life of the program (see ``TaskRunner.__init__``)."""


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
        # Not a child of the runner, and never destroyed while the program runs: destroying a pool
        # waits for its running task, and where that happened with Python's lock held (a window's
        # wrapper collected) while the task needed the lock, both waited for ever (seen in the test
        # suite). An idle pool's thread ends after 30 s; the object itself is a few bytes.
        self._pool = QThreadPool()
        _POOLS.append(self._pool)
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


class _SignalProgress(QObject, Progress):
    """Progress for work on the database thread: reports travel to the GUI thread by signal;
    cancelling sets a flag the work checks between steps."""

    sig_progress = Signal(int, int)

    def __init__(self) -> None:
        QObject.__init__(self)
        self._cancelled = threading.Event()

    def report(self, done: int, total: int) -> None:
        self.sig_progress.emit(done, total)

    def cancelled(self) -> bool:
        return self._cancelled.is_set()

    def cancel(self) -> None:
        self._cancelled.set()


def run_with_progress(
    runner: TaskRunner,
    parent: QWidget,
    label: str,
    work: Callable[[Progress], Any],
    on_success: Callable[[Any], None],
    on_error: Callable[[Exception], None],
) -> QProgressDialog:
    """Long work with a progress bar and a Cancel button; cancelling rolls the work back."""
    progress = _SignalProgress()
    dialog = QProgressDialog(label, QCoreApplication.translate("TaskRunner", "Cancel"), 0, 0, parent)
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setMinimumDuration(300)
    dialog.canceled.connect(progress.cancel)

    def moved(done: int, total: int) -> None:
        dialog.setMaximum(total)
        dialog.setValue(done)

    progress.sig_progress.connect(moved)

    def finished() -> None:
        dialog.reset()
        dialog.deleteLater()

    def succeeded(result: Any) -> None:
        finished()
        on_success(result)

    def failed(exc: Exception) -> None:
        finished()
        on_error(exc)

    runner.run(lambda: work(progress), succeeded, failed, owner=parent)
    return dialog
