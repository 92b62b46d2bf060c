"""Stammdaten: create or edit a person, with the German message next to each field, a warning
about a likely duplicate, and a clear message when another workstation saved first."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from abh_desk.domain.countries import nationalities
from abh_desk.errors import FieldErrors, StaleRecord
from abh_desk.services.context import ServiceContext
from abh_desk.services.live_changes import ChangeBatch
from abh_desk.services.persons import (
    LikelyDuplicate,
    PersonDetail,
    PersonInput,
    PersonSummary,
    create_person,
    likely_duplicates,
    person_input,
    update_person,
)
from abh_desk.services.record_changes import StoredPerson, compare_person
from ui.live_updates import follow_changes
from ui.messages import error_text, field_texts
from ui.tasks import TaskRunner
from ui.widgets import message_label, moment_text

DUPLICATE_CHECK_MS = 300
# (field name in PersonInput, error key from the services, label)
FIELDS = (
    ("family_name", "familienname", "Family name"),
    ("given_names", "vornamen", "Given names"),
    ("birth_date", "geburtsdatum", "Date of birth"),
    ("birth_place", "geburtsort", "Place of birth"),
    ("nationality", "staatsangehoerigkeit", "Nationality"),
    ("sex", "geschlecht", "Sex"),
    ("street", "strasse", "Street"),
    ("postcode", "plz", "Postcode"),
    ("city", "ort", "Town"),
    ("passport_number", "passnummer", "Passport no."),
    ("azr_number", "azr", "AZR no."),
)


class PersonDialog(QDialog):
    sig_open_person = Signal(int)
    """The clerk chose the person already recorded instead of a new one (its id)."""

    def __init__(
        self,
        ctx: ServiceContext,
        person: PersonDetail | None = None,
        runner: TaskRunner | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = follow_changes(self, ctx, self._changed)
        self.person = person
        self.runner = runner or TaskRunner(self)
        self.saved: PersonDetail | None = None
        self.setWindowTitle(self.tr("Edit person") if person else self.tr("New person"))
        self.inputs: dict[str, QLineEdit | QComboBox] = {}
        self.errors: dict[str, QLabel] = {}
        grid = QGridLayout()
        labels = {
            "family_name": self.tr("Family name"),
            "given_names": self.tr("Given names"),
            "birth_date": self.tr("Date of birth"),
            "birth_place": self.tr("Place of birth"),
            "nationality": self.tr("Nationality"),
            "sex": self.tr("Sex"),
            "street": self.tr("Street"),
            "postcode": self.tr("Postcode"),
            "city": self.tr("Town"),
            "passport_number": self.tr("Passport no."),
            "azr_number": self.tr("AZR no."),
        }
        self._labels = labels
        for row, (name, key, _label) in enumerate(FIELDS):
            widget = self._input(name)
            if name == "birth_date" and isinstance(widget, QLineEdit):
                widget.setPlaceholderText(self.tr("DD.MM.YYYY, unknown parts 00"))
            error = message_label()
            error.hide()
            self.inputs[name] = widget
            self.errors[key] = error
            grid.addWidget(QLabel(labels[name] + ":"), row * 2, 0)
            grid.addWidget(widget, row * 2, 1)
            grid.addWidget(error, row * 2 + 1, 1)
        self.duplicates = QLabel()
        self.duplicates.setStyleSheet("color: #8a5a00; font-weight: 600;")
        self.duplicates.setWordWrap(True)
        self.duplicates.setTextFormat(Qt.TextFormat.PlainText)
        self.message = message_label()
        # A likely duplicate (same family name and birth date, or passport): open that person, or
        # say why this is another one — the reason is logged.
        self.duplicate_box = QGroupBox(self.tr("Probably recorded already"))
        self.duplicate_text = message_label("color: #5a3b00;")
        self.duplicate_reason = QLineEdit()
        self.duplicate_reason.setPlaceholderText(
            self.tr("It is another person because … (e.g. twin brother, other passport)")
        )
        self.open_existing_button = QPushButton(self.tr("Open the recorded person"))
        self.open_existing_button.setAutoDefault(False)
        duplicate_layout = QVBoxLayout(self.duplicate_box)
        duplicate_layout.addWidget(self.duplicate_text)
        duplicate_layout.addWidget(self.duplicate_reason)
        duplicate_layout.addWidget(self.open_existing_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.duplicate_box.setStyleSheet("QGroupBox { background: #fff4d6; }")
        self.duplicate_box.hide()
        self.duplicate_ids: list[int] = []
        self.open_existing_button.clicked.connect(self.open_existing)
        self.stale_box = QGroupBox(self.tr("Changed meanwhile at another workstation"))
        self.stale_text = message_label("color: #5a3b00;")
        self.reload_button = QPushButton(self.tr("Load the stored data (discard my entries)"))
        self.keep_button = QPushButton(self.tr("Keep my entries and save over it"))
        stale_layout = QVBoxLayout(self.stale_box)
        stale_layout.addWidget(self.stale_text)
        stale_buttons = QHBoxLayout()
        stale_buttons.addWidget(self.reload_button)
        stale_buttons.addWidget(self.keep_button)
        stale_layout.addLayout(stale_buttons)
        self.stale_box.setStyleSheet("QGroupBox { background: #fff4d6; }")
        self.stale_box.hide()
        self.stored: StoredPerson | None = None
        self.reload_button.clicked.connect(self.load_stored)
        self.keep_button.clicked.connect(self.keep_mine)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        layout = QVBoxLayout(self)
        layout.addLayout(grid)
        layout.addWidget(self.duplicates)
        layout.addWidget(self.duplicate_box)
        layout.addWidget(self.stale_box)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        self.setMinimumWidth(560)
        if person is not None:
            self.fill(person_input(person))
        self._duplicate_timer = QTimer(self, singleShot=True, interval=DUPLICATE_CHECK_MS)
        self._duplicate_timer.timeout.connect(self.check_duplicates)
        if person is None:
            for name in ("family_name", "birth_date"):
                widget = self.inputs[name]
                assert isinstance(widget, QLineEdit)
                widget.textChanged.connect(lambda _t: self._duplicate_timer.start())

    def _input(self, name: str) -> QLineEdit | QComboBox:
        if name == "sex":
            combo = QComboBox()
            for value, label in (
                ("w", self.tr("female")),
                ("m", self.tr("male")),
                ("d", self.tr("diverse")),
                ("x", self.tr("not stated")),
            ):
                combo.addItem(label, value)
            combo.setCurrentIndex(3)
            return combo
        if name == "nationality":
            combo = QComboBox()
            combo.setEditable(True)
            combo.addItem("", "")
            for code, country in nationalities().items():
                combo.addItem(f"{country} ({code})", code)
            completer = combo.completer()  # an editable combo box has one
            assert completer is not None
            completer.setFilterMode(Qt.MatchFlag.MatchContains)
            completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
            return combo
        return QLineEdit()

    def fill(self, data: PersonInput) -> None:
        for name, widget in self.inputs.items():
            value = getattr(data, name)
            if isinstance(widget, QComboBox):
                widget.setCurrentIndex(max(0, widget.findData(value)))
            else:
                widget.setText(value)

    def values(self) -> PersonInput:
        data: dict[str, str] = {}
        for name, widget in self.inputs.items():
            if isinstance(widget, QComboBox):
                code = widget.currentData() if widget.currentText() == widget.itemText(widget.currentIndex()) else None
                text = widget.currentText().strip()
                data[name] = str(code) if code else (text[-4:-1] if text.endswith(")") else text)
            else:
                data[name] = widget.text()
        return PersonInput(**data)

    def show_stored(self, stored: StoredPerson) -> None:
        """Who changed the person, when, and where my entries differ from what is stored now."""
        self.stored = stored
        when = moment_text(stored.change.when) if stored.change.when else "?"
        lines = [self.tr("Saved by %1 on %2.").replace("%1", stored.change.who).replace("%2", when)]
        if stored.differences:
            yours, kept = self.tr("yours"), self.tr("stored")
            lines.append(self.tr("Your entries differ in:"))
            lines += [
                f"• {self._labels.get(d.field, d.field)}: {yours} „{d.mine}“ – {kept} „{d.stored}“"
                for d in stored.differences
            ]
        else:
            lines.append(self.tr("Your entries are the same as the stored data."))
        self.stale_text.setText("\n".join(lines))
        self.stale_box.show()
        self.adjustSize()

    def _changed(self, batch: ChangeBatch) -> None:
        if self.person is not None and batch.origin != self.ctx.origin and batch.touches("person", self.person.id):
            self.changed_elsewhere()

    def changed_elsewhere(self) -> None:
        """Another workstation saved this person while the form is open: the form keeps what was
        typed and shows what is stored now, field by field, to take it or to save over it."""
        person, ctx = self.person, self.ctx
        if person is None:
            return
        data = self.values()

        def compared(stored: StoredPerson) -> None:
            if self.person is person and stored.detail.version != person.version:
                self.show_stored(stored)

        self.runner.run(lambda: compare_person(ctx, person.id, data), compared, self._failed, owner=self)

    def load_stored(self) -> None:
        if self.stored is not None:
            self.person = self.stored.detail
            self.fill(person_input(self.stored.detail))
            self._stale_done()

    def keep_mine(self) -> None:
        """Save again over the newer version — knowingly, after seeing the differences."""
        if self.stored is not None:
            self.person = self.stored.detail
            self._stale_done()
            self.save()

    def _stale_done(self) -> None:
        self.stale_box.hide()
        self.message.clear()
        self.stored = None

    def _failed(self, exc: Exception) -> None:
        self.message.setText(error_text(exc))

    def check_duplicates(self) -> None:
        data, ctx = self.values(), self.ctx

        def found(rows: list[PersonSummary]) -> None:
            if rows:
                names = "; ".join(f"{r.family_name}, {r.given_names} ({r.birth_date}, {r.city or '–'})" for r in rows)
                self.duplicates.setText(self.tr("Possibly already recorded: %1").replace("%1", names))
            else:
                self.duplicates.clear()

        self.runner.run(
            lambda: likely_duplicates(ctx, data.family_name, data.birth_date), found, lambda _e: None, owner=self
        )

    def open_existing(self) -> None:
        if self.duplicate_ids:
            self.sig_open_person.emit(self.duplicate_ids[0])
            self.reject()

    def save(self) -> None:
        data, ctx, person = self.values(), self.ctx, self.person
        reason = self.duplicate_reason.text() if not self.duplicate_box.isHidden() else None
        for label in self.errors.values():
            label.hide()
        self.message.clear()
        self.buttons.setEnabled(False)

        def work() -> PersonDetail:
            if person is None:
                return create_person(ctx, data, duplicate_reason=reason)
            return update_person(ctx, person.id, person.version, data)

        def done(result: PersonDetail) -> None:
            self.saved = result
            self.accept()

        def failed(exc: Exception) -> None:
            self.buttons.setEnabled(True)
            if isinstance(exc, FieldErrors):
                for key, text in field_texts(exc).items():
                    label = self.errors.get(key)
                    if label is not None:
                        label.setText(text)
                        label.show()
                    else:
                        self.message.setText(text)
                self.message.setText(
                    self.message.text() or self.tr("Please correct the marked fields. Nothing was saved.")
                )
                self.adjustSize()
            elif isinstance(exc, LikelyDuplicate):
                self.duplicate_ids = [c.id for c in exc.candidates]
                self.duplicate_text.setText(error_text(exc))
                self.duplicates.clear()  # the box says it, with what to do
                self.duplicate_box.show()
                self.buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("Save anyway"))
                self.duplicate_reason.setFocus()
                self.adjustSize()
            elif isinstance(exc, StaleRecord) and person is not None:
                self.message.setText(exc.message)
                self.runner.run(
                    lambda: compare_person(ctx, person.id, data), self.show_stored, self._failed, owner=self
                )
            else:
                self.message.setText(error_text(exc))

        self.runner.run(work, done, failed, owner=self)
