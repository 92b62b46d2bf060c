"""Changes other workstations commit, shown in this window as they happen (issue 21), and the
changes this program's own windows commit, told to the others (issue 22, part 9).

A thread of its own waits on ``change_watch.ChangeWatcher`` (LISTEN/NOTIFY on PostgreSQL, the
change counter on SQLite) and reads what changed from the audit trail; ``sig_changed`` brings the
batch to the GUI thread, where the main window reloads the views that show it. An edit form with
unsaved entries is never reloaded under the user's hands: ``ChangedElsewhereBar`` says the record
changed and offers to reload.

This program's own commits come from the unit of work itself (``change_watch.listen_here``), as a
batch marked ``here`` with the window that made it: ``sig_changed_here``, at the end of the event
loop's turn (what one action committed in several transactions comes as one batch).
"""

from __future__ import annotations

import logging
import threading
import time
import weakref
from collections.abc import Callable

import shiboken6
from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

from abh_desk import change_watch
from abh_desk.services.context import ServiceContext
from abh_desk.services.live_changes import (
    ChangeBatch,
    changes_from_notes,
    changes_here,
    changes_since,
    newest_entry,
    watcher,
)
from abh_desk.storage import Change, Database

log = logging.getLogger(__name__)

WAIT_SECONDS = 0.5
"""How long one wait lasts: the longest a stop waits for the thread."""
NOTE_SECONDS = 20
"""How long "changed at another workstation" stays above a window that was simply shown anew."""
RETRY_SECONDS = 5.0
"""After a lost connection: wait this long, then listen again (the batch after it catches up)."""


class LiveUpdates(QObject):
    """``start()`` after sign-in, ``stop()`` before the database is closed."""

    sig_changed = Signal(object)
    """A ``ChangeBatch`` of changes committed by other workstations (never empty), at most one every
    ``THROTTLE_MS``: what arrives meanwhile is merged into the next."""
    _sig_arrived = Signal(object)

    THROTTLE_MS = 1_000

    def __init__(self, ctx: ServiceContext, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self.last_id: int | None = None
        self._pending: ChangeBatch | None = None
        self._held = False
        self._last_sent = 0.0
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._send)
        self._sig_arrived.connect(self._arrived)  # from the listening thread to the GUI thread
        self.hub = changes_for(ctx)
        self.sig_changed.connect(self.hub.tell)

    def hold(self, held: bool) -> None:
        """While held (the screen locked) changes are collected, and sent when released."""
        self._held = held
        self.hub.hold(held)
        if not held:
            self._send()

    def _arrived(self, batch: ChangeBatch) -> None:
        self._pending = batch if self._pending is None else self._pending.merged(batch)
        if self._held or self._timer.isActive():
            return
        wait = self.THROTTLE_MS - (time.monotonic() - self._last_sent) * 1000
        self._timer.start(max(0, int(wait)))

    def _send(self) -> None:
        if self._held or self._pending is None:
            return
        batch, self._pending = self._pending, None
        self._last_sent = time.monotonic()
        self.sig_changed.emit(batch)

    def start(self) -> None:
        """Listen for other workstations' changes, too."""
        if self._thread is None:
            self._thread = threading.Thread(target=self._run, name="abh-desk-live", daemon=True)
            self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(WAIT_SECONDS * 4)
            self._thread = None

    def _run(self) -> None:
        while not self._stop.is_set():
            listening = None
            try:
                listening = watcher(self.ctx)
                if self.last_id is None:
                    self.last_id = newest_entry(self.ctx)
                else:  # listening again after an interruption: what happened meanwhile
                    self._catch_up()
                while not self._stop.is_set():
                    if listening.wait(WAIT_SECONDS):
                        self._look(listening.take_notes())
            except Exception:  # a lost server: the window works on; listen again later
                log.warning("Live-Aktualisierung unterbrochen", exc_info=True)
                self._stop.wait(RETRY_SECONDS)
            finally:
                if listening is not None:
                    try:
                        listening.close()
                    except Exception:
                        log.debug("Verbindung der Live-Aktualisierung nicht geschlossen", exc_info=True)

    def _look(self, notes: list[str]) -> None:
        if self.ctx.db.backend == "postgresql":
            batch = changes_from_notes(self.ctx, notes)
        else:
            batch = changes_since(self.ctx, self.last_id or 0)
            self.last_id = batch.last_id
        if batch and not self._stop.is_set():
            self._sig_arrived.emit(batch)

    def _catch_up(self) -> None:
        """After an interruption: SQLite reads what it missed; PostgreSQL's notifications are gone
        with the connection, so every view loads anew."""
        if self.ctx.db.backend == "postgresql":
            self._sig_arrived.emit(ChangeBatch(last_id=0, overflow=True))
        else:
            self._look([])


class ChangeHub(QObject):
    """Every change this program hears of — made in one of its own windows or at another
    workstation — as one signal that every open screen listens to (issue 22, part 9).

    One hub per database (``changes_for``). The unit of work tells it of each commit of this
    program (``change_watch.listen_here``, batches marked ``here`` with the window that made them);
    ``LiveUpdates`` tells it of other workstations' changes. A screen connects ``sig_changed`` and
    decides itself whether the batch concerns it (``ChangeBatch.touches…``) and whether it made the
    change itself (``batch.origin``, its context's ``origin``)."""

    sig_changed = Signal(object)
    """A ``ChangeBatch``: this program's changes at the end of the event loop's turn (one action's
    commits come as one batch), other workstations' as ``LiveUpdates`` passes them on."""
    _sig_here_arrived = Signal(object)

    def __init__(self, ctx: ServiceContext) -> None:
        super().__init__()
        self._pending: ChangeBatch | None = None
        self._held = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.flush)
        self._sig_here_arrived.connect(self._arrived_here)  # from the committing thread
        self._listener = _HereListener(self, ctx)
        change_watch.listen_here(ctx.db, self._listener)

    def tell(self, batch: ChangeBatch) -> None:
        """Another workstation's changes (``LiveUpdates``, already held back while locked)."""
        self.sig_changed.emit(batch)

    def hold(self, held: bool) -> None:
        """While held (the screen locked) this program's changes are collected; sent on release."""
        self._held = held
        if not held:
            self.flush()

    def flush(self) -> None:
        """Send what this program committed and the screens have not heard of yet — now (a tab
        shown at once after a change asks first)."""
        self._timer.stop()
        if self._held or self._pending is None:
            return
        batch, self._pending = self._pending, None
        self.sig_changed.emit(batch)

    def _arrived_here(self, batch: ChangeBatch) -> None:
        self._pending = batch if self._pending is None else self._pending.merged(batch)
        if not self._held:
            self._timer.start(0)


class _HereListener:
    """Called on the committing thread right after a commit of this program (``listen_here``):
    makes the batch there (one read) and hands it to the GUI thread. Holds the hub and the database
    weakly (the hub lives as long as its database)."""

    def __init__(self, hub: ChangeHub, ctx: ServiceContext) -> None:
        self.hub = weakref.ref(hub)
        self.db = weakref.ref(ctx.db)
        self.catalogue = ctx.catalogue

    def __call__(self, changes: list[Change], origin: str | None) -> None:
        hub, db = self.hub(), self.db()
        if hub is None or db is None or not shiboken6.isValid(hub):
            return
        batch = changes_here(ServiceContext(db, self.catalogue), changes, origin)
        if batch:
            hub._sig_here_arrived.emit(batch)


_HUBS: weakref.WeakKeyDictionary[Database, ChangeHub] = weakref.WeakKeyDictionary()
_KEPT: list[ChangeHub] = []
"""Every hub made, never destroyed while the program runs: a hub dropped with its database would be
deleted wherever Python's collector happens to run — on a database thread, too, where a QObject of
the GUI thread (and its timer) must not be deleted. A hub is a few bytes; its listener holds the
database weakly."""


def changes_for(ctx: ServiceContext) -> ChangeHub:
    """The hub of ``ctx``'s database (made on first use, in the GUI thread)."""
    hub = _HUBS.get(ctx.db)
    if hub is None or not shiboken6.isValid(hub):
        hub = _HUBS[ctx.db] = ChangeHub(ctx)
        _KEPT.append(hub)
    return hub


def own_window(window: QObject, ctx: ServiceContext) -> ServiceContext:
    """The context ``window`` acts through: its changes reach the other screens with its name as
    ``batch.origin``, so the window it was opened from shows them too."""
    return ctx.in_window(f"{type(window).__name__}-{id(window):x}")


def follow_changes(window: QObject, ctx: ServiceContext, handler: Callable[[ChangeBatch], None]) -> ServiceContext:
    """``window`` hears of every change (``handler(batch)``, until it is gone) and acts through the
    context returned (``own_window``)."""
    changes_for(ctx).sig_changed.connect(handler)
    return own_window(window, ctx)


class ChangedElsewhereBar(QFrame):
    """The line "changed at another workstation by X" above a form, with a button to reload."""

    sig_reload = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setStyleSheet("QFrame { background: #fff4d6; } QLabel { color: #5a3b00; }")
        self.text = QLabel()
        self.text.setWordWrap(True)
        self.reload_button = QPushButton(self.tr("&Reload"))
        self.reload_button.clicked.connect(self._reload)
        layout = QHBoxLayout(self)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.reload_button)
        self.fade = QTimer(self)  # a note without a question goes after a while
        self.fade.setSingleShot(True)
        self.fade.setInterval(NOTE_SECONDS * 1000)
        self.fade.timeout.connect(self.hide)
        self.hide()

    def show_change(self, who: str | None, unsaved: bool, here: bool = False) -> None:
        """Say who changed the record (``here``: in another window of this program); with unsaved
        entries, the user decides when to reload."""
        if here:
            said = self.tr("Changed in another window of this program.")
        elif who:
            said = self.tr("Changed at another workstation by %1.").replace("%1", who)
        else:
            said = self.tr("Changed at another workstation.")
        if unsaved:
            said += " " + self.tr(
                "Your entries stay until you reload, which discards them; saving them would be refused as "
                "outdated — copy what you want to keep, reload, and enter it again."
            )
        else:
            said += " " + self.tr("Shown as it is now.")
        self.text.setText(said)
        self.reload_button.setVisible(unsaved)
        self.show()
        if unsaved:
            self.fade.stop()
        else:
            self.fade.start()

    def _reload(self) -> None:
        self.hide()
        self.sig_reload.emit()
