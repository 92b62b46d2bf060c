"""Idle lock: after the office's number of minutes without a key press or mouse movement the main
window and every window opened from it are hidden behind a lock screen; only the signed-in user's
password opens them again (checked, throttled and logged like a sign-in)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QApplication, QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from abh_desk.services.auth import sign_in
from abh_desk.services.context import ServiceContext
from ui.messages import error_text
from ui.tasks import TaskRunner
from ui.widgets import message_label

ACTIVITY = frozenset(
    {
        QEvent.Type.KeyPress,
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseMove,
        QEvent.Type.Wheel,
        QEvent.Type.TouchBegin,
    }
)


class IdleWatch(QObject):
    """Restarts a timer on every user input anywhere in the application; ``idle`` when it runs out."""

    idle = Signal()

    def __init__(self, minutes: int, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self.idle)
        self.paused = False
        self.set_minutes(minutes)
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)

    def set_minutes(self, minutes: float) -> None:
        """Minutes until the lock (0: never); fractions for tests."""
        self.timer.stop()
        self.enabled = minutes > 0
        if self.enabled:
            self.timer.setInterval(max(1, round(minutes * 60_000)))
            self.timer.start()

    def pause(self, paused: bool) -> None:
        """While locked nothing counts as activity; unlocking starts the count again."""
        self.paused = paused
        if paused:
            self.timer.stop()
        elif self.enabled:
            self.timer.start()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if self.enabled and not self.paused and event.type() in ACTIVITY:
            self.timer.start()
        return False


class LockScreen(QWidget):
    """Shown instead of the window's content; no name, no file, nothing personal."""

    unlocked = Signal()
    sign_out = Signal()

    def __init__(self, ctx: ServiceContext, runner: TaskRunner, display_name: str) -> None:
        super().__init__()
        self.ctx, self.runner = ctx, runner
        title = QLabel(self.tr("ABH Desk is locked"))
        title.setStyleSheet("font-size: 20px; font-weight: 600;")
        who = QLabel(self.tr("Signed in: %1. Please enter your password to continue.").replace("%1", display_name))
        who.setTextFormat(Qt.TextFormat.PlainText)
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setPlaceholderText(self.tr("Password"))
        self.password.setFixedWidth(260)
        self.unlock_button = QPushButton(self.tr("Unlock"))
        self.quit_button = QPushButton(self.tr("Sign out and quit"))
        self.message = message_label()
        self.message.setMinimumWidth(460)
        self.message.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.password)
        row.addWidget(self.unlock_button)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        for widget in (title, who):
            layout.addWidget(widget, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addSpacing(12)
        layout.addLayout(row)
        layout.addWidget(self.message, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addSpacing(12)
        layout.addWidget(self.quit_button, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(2)
        self.password.returnPressed.connect(self.unlock)
        self.unlock_button.clicked.connect(self.unlock)
        self.quit_button.clicked.connect(self.sign_out)

    def reset(self) -> None:
        self.password.clear()
        self.message.setText("")
        self.password.setFocus()

    def unlock(self) -> None:
        ctx, password = self.ctx, self.password.text()
        self.password.clear()
        self.unlock_button.setEnabled(False)

        def done(_signed_in: object) -> None:
            self.unlock_button.setEnabled(True)
            self.unlocked.emit()

        def failed(exc: Exception) -> None:
            self.unlock_button.setEnabled(True)
            text = error_text(exc)
            if text.startswith("Benutzername oder Passwort falsch"):  # only the password is asked here
                text = self.tr("The password is wrong.")
            self.message.setText(text)
            self.password.setFocus()

        self.runner.run(lambda: sign_in(ctx, ctx.actor.username, password), done, failed, owner=self)
