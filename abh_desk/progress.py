"""Progress of long work: reported to the window, cancelled by the user.

Its own small module (no database) so that the window's background helper (``ui/tasks.py``)
imports it without the database layer: the sign-in window is shown before SQLAlchemy is loaded.
"""

from __future__ import annotations

from abh_desk.errors import Cancelled


class Progress:
    """Reports progress of long work and asks whether the user cancelled it.

    The default does nothing; the window passes one that moves a progress bar. ``check`` raises
    ``Cancelled`` so that the unit of work rolls everything back."""

    def report(self, done: int, total: int) -> None:
        pass

    def cancelled(self) -> bool:
        return False

    def check(self) -> None:
        if self.cancelled():
            raise Cancelled("progress.cancelled")


NO_PROGRESS = Progress()
