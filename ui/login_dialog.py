"""Anmeldung: user name and password, checked by the auth service off the GUI thread.

The dialog appears before the database layer is loaded (``ui.startup``): it imports no service
itself. A user who signs in before the database is open waits here, told so, and is signed in as
soon as it is; a database that cannot be opened closes the dialog with the German message in
``failure``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from ui.messages import error_text
from ui.startup import DatabaseLoad
from ui.tasks import TaskRunner
from ui.widgets import message_label

if TYPE_CHECKING:
    from abh_desk.services.auth import SignedIn
    from abh_desk.services.context import ServiceContext

STATUS_STYLE = "color: #555;"


def _sign_in(ctx: ServiceContext, username: str, password: str) -> SignedIn:
    """On the database thread (the auth service is imported there, with the database layer)."""
    from abh_desk.services.auth import sign_in

    return sign_in(ctx, username, password)


class LoginDialog(QDialog):
    """``database``: the open context, or the load still under way behind the dialog."""

    def __init__(
        self,
        database: ServiceContext | DatabaseLoad,
        runner: TaskRunner | None = None,
        username: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.runner = runner or TaskRunner(self)
        self.load = database if isinstance(database, DatabaseLoad) else DatabaseLoad.opened(database, self.runner, self)
        self.signed_in: SignedIn | None = None
        self.failure: str | None = None
        self._waiting: tuple[str, str] | None = None
        self.setWindowTitle(self.tr("ABH Desk – Sign in"))
        self.username = QLineEdit(username)
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.status = message_label(STATUS_STYLE)
        self.status.hide()
        self.message = message_label()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.sign_in_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.sign_in_button.setText(self.tr("Sign in"))
        form = QFormLayout()
        form.addRow(self.tr("User name:"), self.username)
        form.addRow(self.tr("Password:"), self.password)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Please sign in. Personal data is shown only to signed-in users.")))
        layout.addLayout(form)
        layout.addWidget(self.status)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.buttons.accepted.connect(self.attempt)
        self.buttons.rejected.connect(self.reject)
        self.load.sig_ready.connect(self._database_ready)
        self.load.sig_failed.connect(self._database_failed)
        self.setMinimumWidth(420)
        (self.password if username else self.username).setFocus()

    @property
    def ctx(self) -> ServiceContext | None:
        """The open database; None while it is still being opened."""
        return self.load.ctx

    def attempt(self) -> None:
        username, password = self.username.text(), self.password.text()
        if not username.strip() or not password:
            self.message.setText(self.tr("Please enter user name and password."))
            return
        self.message.clear()
        self._busy(True)
        ctx = self.load.ctx
        if ctx is None:  # faster than the database: signed in as soon as it is open
            self._waiting = (username, password)
            self.status.setText(self.tr("Connecting …"))
            self.status.show()
            return
        self._sign_in(ctx, username, password)

    def _sign_in(self, ctx: ServiceContext, username: str, password: str) -> None:
        def done(result: SignedIn) -> None:
            self.signed_in = result
            self.accept()

        def failed(exc: Exception) -> None:
            self._busy(False)
            self.password.clear()
            self.password.setFocus()
            self.message.setText(error_text(exc))

        self.runner.run(lambda: _sign_in(ctx, username, password), done, failed, owner=self)

    def _busy(self, busy: bool) -> None:
        """While signing in (or waiting for the database) nothing can be changed; Cancel still ends."""
        for widget in (self.sign_in_button, self.username, self.password):
            widget.setEnabled(not busy)

    def _database_ready(self) -> None:
        self.status.hide()
        waiting, self._waiting = self._waiting, None
        if waiting is not None and self.load.ctx is not None:
            self._sign_in(self.load.ctx, *waiting)

    def _database_failed(self, message: str) -> None:
        self._waiting = None
        self.failure = message
        self.reject()
