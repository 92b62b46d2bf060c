"""Anmeldung: user name and password, checked by the auth service off the GUI thread."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from abh_desk.errors import DomainError
from abh_desk.services.auth import SignedIn, sign_in
from abh_desk.services.context import ServiceContext
from ui.tasks import TaskRunner
from ui.widgets import message_label


class LoginDialog(QDialog):
    def __init__(
        self, ctx: ServiceContext, runner: TaskRunner | None = None, username: str = "", parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.runner = runner or TaskRunner(self)
        self.signed_in: SignedIn | None = None
        self.setWindowTitle(self.tr("ABH Desk – Sign in"))
        self.username = QLineEdit(username)
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.message = message_label()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Sign in"))
        form = QFormLayout()
        form.addRow(self.tr("User name:"), self.username)
        form.addRow(self.tr("Password:"), self.password)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Please sign in. Personal data is shown only to signed-in users.")))
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.buttons.accepted.connect(self.attempt)
        self.buttons.rejected.connect(self.reject)
        self.setMinimumWidth(420)
        (self.password if username else self.username).setFocus()

    def attempt(self) -> None:
        ctx, username, password = self.ctx, self.username.text(), self.password.text()
        if not username.strip() or not password:
            self.message.setText(self.tr("Please enter user name and password."))
            return
        self.buttons.setEnabled(False)
        self.message.clear()

        def done(result: SignedIn) -> None:
            self.signed_in = result
            self.accept()

        def failed(exc: Exception) -> None:
            self.buttons.setEnabled(True)
            self.password.clear()
            self.password.setFocus()
            self.message.setText(exc.message if isinstance(exc, DomainError) else str(exc))

        self.runner.run(lambda: sign_in(ctx, username, password), done, failed, owner=self)
