"""Textbausteine: the administration edits the office's text blocks (TOML), checks them and sees a
sample letter of any kind rendered from the unsaved text before saving them for every workstation."""

from __future__ import annotations

from PySide6.QtGui import QFontDatabase, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from abh_desk.domain.enums import LETTER_KIND_LABELS, LetterKind
from abh_desk.services.context import ServiceContext
from abh_desk.services.textblocks import (
    TextBlocksSource,
    get_textblocks,
    probe_letter,
    reset_textblocks,
    save_textblocks,
)
from ui import dialogs
from ui.live_updates import own_window
from ui.messages import error_text, spoken
from ui.pdf_view import PdfPreview
from ui.tasks import TaskRunner
from ui.widgets import fit_on_screen, message_label

OK_STYLE = "color: #1d6b2a;"


class TextBlocksDialog(QDialog):
    def __init__(self, ctx: ServiceContext, runner: TaskRunner | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = own_window(self, ctx)
        self.runner = runner or TaskRunner(self)
        self.source: TextBlocksSource | None = None
        self.saved_note = ""  # "Saved …", kept in front of the check that follows a save
        self.setWindowTitle(self.tr("Text blocks of the letters"))
        fit_on_screen(self, 1250, 820)
        self.editor = QPlainTextEdit()
        self.editor.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.editor.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.origin = QLabel()
        self.kind = QComboBox()
        for kind in LetterKind:
            self.kind.addItem(spoken(LETTER_KIND_LABELS[kind]), kind.value)
        self.check_button = QPushButton(self.tr("Check and preview (F5)"))
        self.save_button = QPushButton(self.tr("Save for the office"))
        self.reset_button = QPushButton(self.tr("Back to the shipped text blocks…"))
        self.outcome = message_label()
        self.preview = PdfPreview()

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.origin)
        left_layout.addWidget(self.editor, 1)
        left_layout.addWidget(self.outcome)
        buttons = QHBoxLayout()
        buttons.addWidget(self.check_button)
        buttons.addWidget(self.save_button)
        buttons.addStretch(1)
        buttons.addWidget(self.reset_button)
        left_layout.addLayout(buttons)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        kind_row = QHBoxLayout()
        kind_row.addWidget(QLabel(self.tr("Sample letter:")))
        kind_row.addWidget(self.kind, 1)
        right_layout.addLayout(kind_row)
        right_layout.addWidget(self.preview, 1)
        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setSizes([700, 550])
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)

        self.check_button.clicked.connect(self.check)
        self.kind.currentIndexChanged.connect(lambda _i: self.check())
        self.save_button.clicked.connect(self.save)
        self.reset_button.clicked.connect(self.reset)
        QShortcut(QKeySequence("F5"), self).activated.connect(self.check)
        QShortcut(QKeySequence.StandardKey.Save, self).activated.connect(self.save)
        self.runner.run(lambda: get_textblocks(ctx), self._loaded, self._failed, owner=self)

    def _loaded(self, source: TextBlocksSource) -> None:
        self.source = source
        self.editor.setPlainText(source.text)
        self.origin.setText(
            self.tr("Edited by the administration (kept in the database for every workstation)")
            if source.edited
            else self.tr("As shipped (resources/letters/textbausteine.toml)")
        )
        self.reset_button.setEnabled(source.edited)
        self.check()

    def check(self) -> None:
        text, kind = self.editor.toPlainText(), LetterKind(self.kind.currentData())
        self.runner.run(lambda: probe_letter(text, kind), self._checked, self._failed, owner=self)

    def _checked(self, pdf: bytes) -> None:
        """The check's answer; after a save it follows the word that the save worked, which the
        check (run on the saved text) would otherwise overwrite a moment later."""
        checked = self.tr("Checked: every placeholder is known and every kind of letter prints.")
        self.outcome.setStyleSheet(OK_STYLE)
        self.outcome.setText(f"{self.saved_note} {checked}" if self.saved_note else checked)
        self.saved_note = ""
        self.preview.show_pdf(pdf)

    def save(self) -> None:
        if self.source is None:
            return
        ctx, text, based_on = self.ctx, self.editor.toPlainText(), self.source.sha256

        def saved(source: TextBlocksSource) -> None:
            self.saved_note = self.tr("Saved. New letters use these text blocks.")
            self._loaded(source)
            self.outcome.setStyleSheet(OK_STYLE)
            self.outcome.setText(self.saved_note)

        self.runner.run(lambda: save_textblocks(ctx, text, based_on), saved, self._failed, owner=self)

    def reset(self) -> None:
        ctx = self.ctx
        self.runner.run(lambda: reset_textblocks(ctx), self._loaded, self._failed, owner=self)

    def unsaved(self) -> bool:
        """The editor holds text not saved for the office."""
        return self.source is not None and self.editor.toPlainText() != self.source.text

    def reject(self) -> None:
        """Escape or the window's close box: unsaved text blocks are not lost without asking."""
        if self.unsaved() and not dialogs.ask_yes_no(
            self, self.tr("Text blocks of the letters"), self.tr("Discard the changes that are not saved?")
        ):
            return
        super().reject()

    def _failed(self, exc: Exception) -> None:
        self.saved_note = ""
        self.outcome.setStyleSheet("color: #a4000f;")
        self.outcome.setText(error_text(exc))
        self.preview.show_pdf(None)
