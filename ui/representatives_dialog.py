"""Gesetzliche Vertreter of a person: the list, a hint where a minor has none, and a form to add,
change or remove one — all by keyboard (Alt+letters, Enter saves the form). A refused save shows
each message under its field, the first wrong field gets the keyboard."""

from __future__ import annotations

from datetime import date, datetime

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from abh_desk.domain.representation import KIND_LABELS, RepresentationKind
from abh_desk.errors import FieldErrors, ValidationError
from abh_desk.services.context import ServiceContext
from abh_desk.services.representatives import (
    Representation,
    RepresentativeInput,
    RepresentativeRow,
    add_representative,
    remove_representative,
    representation,
    update_representative,
)
from ui import dialogs
from ui.messages import error_text, field_texts, spoken
from ui.rows_model import Column, RowsModel
from ui.tasks import TaskRunner
from ui.widgets import fit_on_screen, german_date, message_label, table_view

TEXT_FIELDS = ("family_name", "given_names", "authority", "street", "postcode", "city", "valid_from")
#: The form's fields in their order, and the field of each name the service refuses with.
FORM_ORDER = ("kind", "authority", "family_name", "given_names", "sex", "street", "postcode", "city", "valid_from")
FIELD_OF = {
    "art": "kind",
    "behoerde": "authority",
    "familienname": "family_name",
    "vornamen": "given_names",
    "geschlecht": "sex",
    "strasse": "street",
    "street": "street",
    "plz": "postcode",
    "ort": "city",
    "city": "city",
    "gueltig_ab": "valid_from",
}


class RepresentativesDialog(QDialog):
    """The legal representatives of one person (``services.representatives``)."""

    def __init__(
        self,
        ctx: ServiceContext,
        person_id: int,
        person_name: str,
        runner: TaskRunner | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx, self.person_id = ctx, person_id
        self.runner = runner or TaskRunner(self)
        self.editing: RepresentativeRow | None = None
        self.filled: tuple[str, ...] = ()  # the form as it was filled: what counts as unsaved
        self.changed = False
        self.setWindowTitle(self.tr("Legal representatives of %1").replace("%1", person_name))
        self.hint = message_label("color: #7a1010; font-weight: 600;")
        self.hint.hide()
        self.rows = RowsModel[RepresentativeRow](
            [
                Column(self.tr("Representation"), lambda r: r.kind_label),
                Column(self.tr("Name"), lambda r: r.name),
                Column(self.tr("Address"), lambda r: r.address),
                Column(self.tr("Valid from"), lambda r: german_date(r.valid_from)),
            ]
        )
        self.table = table_view(self.rows, (190, 170, 240))
        table_label = QLabel(self.tr("&Recorded representatives"))
        table_label.setBuddy(self.table)
        self.add_button = QPushButton(self.tr("&New"))
        self.edit_button = QPushButton(self.tr("&Change"))
        self.remove_button = QPushButton(self.tr("Re&move"))
        for button in (self.add_button, self.edit_button, self.remove_button):
            button.setAutoDefault(False)
        row_buttons = QHBoxLayout()
        for button in (self.add_button, self.edit_button, self.remove_button):
            row_buttons.addWidget(button)
        row_buttons.addStretch(1)

        self.form_box = QGroupBox(self.tr("Representative"))
        form = QFormLayout(self.form_box)
        self.kind = QComboBox()
        for kind in RepresentationKind:
            self.kind.addItem(spoken(KIND_LABELS[kind]), kind.value)
        self.sex = QComboBox()
        for value, label in (("w", self.tr("female")), ("m", self.tr("male")), ("d", self.tr("diverse")),
                             ("x", self.tr("not stated"))):  # fmt: skip
            self.sex.addItem(label, value)
        self.inputs = {name: QLineEdit() for name in TEXT_FIELDS}
        self.inputs["authority"].setPlaceholderText(self.tr("e.g. Landratsamt Konstanz – Jugendamt"))
        self.inputs["valid_from"].setPlaceholderText(self.tr("DD.MM.YYYY (optional)"))
        labels = {
            "family_name": self.tr("&Family name"),
            "given_names": self.tr("&Given names"),
            "authority": self.tr("&Youth welfare office"),
            "street": self.tr("&Street"),
            "postcode": self.tr("&Postcode"),
            "city": self.tr("&Town"),
            "valid_from": self.tr("&Valid from"),
        }
        labels["kind"], labels["sex"] = self.tr("&Kind"), self.tr("Se&x")
        self.fields: dict[str, QWidget] = {"kind": self.kind, "sex": self.sex, **self.inputs}
        self.errors: dict[str, QLabel] = {}
        for name in FORM_ORDER:
            form.addRow(self._label(labels[name], self.fields[name]), self._with_error(name))
        self.save_button = QPushButton(self.tr("&Save representative"))
        self.save_button.setAutoDefault(False)  # Enter in a field saves (once): no default button clicks too
        self.cancel_form_button = QPushButton(self.tr("Cancel"))
        self.cancel_form_button.setAutoDefault(False)
        form_buttons = QHBoxLayout()
        form_buttons.addWidget(self.save_button)
        form_buttons.addWidget(self.cancel_form_button)
        form_buttons.addStretch(1)
        form.addRow(form_buttons)
        self.form_box.hide()
        self.message = message_label()
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        for close_button in close.buttons():
            if isinstance(close_button, QPushButton):
                close_button.setAutoDefault(False)  # Enter never closes the list; Esc does

        layout = QVBoxLayout(self)
        layout.addWidget(self.hint)
        layout.addWidget(table_label)
        layout.addWidget(self.table)
        layout.addLayout(row_buttons)
        layout.addWidget(self.form_box)
        layout.addWidget(self.message)
        layout.addWidget(close)
        self.setMinimumWidth(760)

        self.add_button.clicked.connect(self.new)
        self.edit_button.clicked.connect(self.edit_current)
        self.remove_button.clicked.connect(self.remove_current)
        self.save_button.clicked.connect(self.save)
        self.cancel_form_button.clicked.connect(self.cancel_form)
        self.table.activated.connect(lambda _index: self.edit_current())
        for widget in self.inputs.values():
            widget.returnPressed.connect(self.save)
        self.kind.currentIndexChanged.connect(lambda _i: self._kind_changed())
        self.reload()

    def _with_error(self, name: str) -> QWidget:
        """The field with a place under it for its message, which goes once the field is changed."""
        error = message_label()
        error.hide()
        self.errors[name] = error
        holder = QWidget()
        column = QVBoxLayout(holder)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        field = self.fields[name]
        column.addWidget(field)
        column.addWidget(error)
        if isinstance(field, QLineEdit):
            field.textEdited.connect(lambda _text: error.hide())
        elif isinstance(field, QComboBox):
            field.currentIndexChanged.connect(lambda _index: error.hide())
        return holder

    def _clear_errors(self) -> None:
        for label in self.errors.values():
            label.clear()
            label.hide()
        self.message.clear()

    def _show_field_errors(self, texts: dict[str, str]) -> None:
        """Each message under its field, the first wrong field focused; the rest below the form."""
        self._clear_errors()
        elsewhere = []
        for key, text in texts.items():
            name = FIELD_OF.get(key)
            if name is None:
                elsewhere.append(text)
            else:
                self.errors[name].setText(text)
                self.errors[name].show()
        elsewhere.append(self.tr("Please correct the marked fields. Nothing was saved."))
        self.message.setText(" ".join(elsewhere) if len(elsewhere) > 1 else elsewhere[0])
        fit_on_screen(self, width=self.width())  # the messages take room: the fields keep their height
        wrong = [name for name in FORM_ORDER if self.errors[name].isVisibleTo(self)]
        if wrong:
            self.fields[wrong[0]].setFocus(Qt.FocusReason.OtherFocusReason)

    @staticmethod
    def _label(text: str, buddy: QWidget) -> QLabel:
        label = QLabel(text)
        label.setBuddy(buddy)
        return label

    def reload(self) -> None:
        ctx, person_id = self.ctx, self.person_id
        self.runner.run(lambda: representation(ctx, person_id), self.show_representation, self.show_error, owner=self)

    def show_representation(self, shown: Representation) -> None:
        self.rows.set_rows(shown.rows)
        self.hint.setText(error_text(shown.hint) if shown.hint is not None else "")
        self.hint.setVisible(shown.hint is not None)
        has_rows = bool(shown.rows)
        self.edit_button.setEnabled(has_rows)
        self.remove_button.setEnabled(has_rows)
        if has_rows and not self.table.currentIndex().isValid():
            self.table.selectRow(0)

    def _current(self) -> RepresentativeRow | None:
        index = self.table.currentIndex()
        return self.rows.row(index.row()) if index.isValid() else None

    def new(self) -> None:
        if not self._may_discard():
            return
        self.editing = None
        self._fill(RepresentativeInput(RepresentationKind.PARENTS.value))
        self._open_form()

    def edit_current(self) -> None:
        row = self._current()
        if row is not None and self._may_discard():
            self.editing = row
            self._fill(row.data)
            self._open_form()

    def _open_form(self) -> None:
        self._clear_errors()
        self.form_box.setTitle(self.tr("Change representative") if self.editing else self.tr("New representative"))
        self.form_box.show()
        self.kind.setFocus(Qt.FocusReason.OtherFocusReason)

    def _close_form(self) -> None:
        self.form_box.hide()
        self.editing = None
        self.table.setFocus()

    def cancel_form(self) -> None:
        if self._may_discard():
            self._close_form()

    def _form_state(self) -> tuple[str, ...]:
        texts = (widget.text() for widget in self.inputs.values())
        return (str(self.kind.currentData()), str(self.sex.currentData()), *texts)

    def unsaved(self) -> bool:
        """The open form holds entries not saved yet."""
        return self.form_box.isVisibleTo(self) and self._form_state() != self.filled

    def _may_discard(self) -> bool:
        """No unsaved entries, or the user agrees to discard them."""
        return not self.unsaved() or dialogs.ask_yes_no(
            self, self.windowTitle(), self.tr("Discard the entries that are not saved?")
        )

    def reject(self) -> None:
        """Escape, Close or the window's close box: typed entries are not lost without asking."""
        if self._may_discard():
            super().reject()

    def _kind_changed(self) -> None:
        office = self.kind.currentData() == RepresentationKind.YOUTH_OFFICE.value
        self.inputs["authority"].setEnabled(office)

    def _fill(self, data: RepresentativeInput) -> None:
        self.kind.setCurrentIndex(max(0, self.kind.findData(data.kind)))
        self.sex.setCurrentIndex(max(0, self.sex.findData(data.sex)))
        for name, widget in self.inputs.items():
            value = getattr(data, name)
            widget.setText(german_date(value) if name == "valid_from" else str(value or ""))
        self._kind_changed()
        self.filled = self._form_state()

    def values(self) -> RepresentativeInput | None:
        """The form's content; None (with the message shown) where "valid from" is no date."""
        text = self.inputs["valid_from"].text().strip()
        valid_from: date | None = None
        if text:
            try:
                valid_from = datetime.strptime(text, "%d.%m.%Y").date()
            except ValueError:
                self._show_field_errors({"gueltig_ab": self.tr("Please enter as DD.MM.YYYY.")})
                return None
        office = self.kind.currentData() == RepresentationKind.YOUTH_OFFICE.value
        return RepresentativeInput(
            kind=str(self.kind.currentData()),
            family_name=self.inputs["family_name"].text(),
            given_names=self.inputs["given_names"].text(),
            sex=str(self.sex.currentData()),
            authority=self.inputs["authority"].text() if office else "",
            street=self.inputs["street"].text(),
            postcode=self.inputs["postcode"].text(),
            city=self.inputs["city"].text(),
            valid_from=valid_from,
        )

    def save(self) -> None:
        data = self.values()
        if data is None:
            return
        ctx, person_id, editing = self.ctx, self.person_id, self.editing
        self._clear_errors()

        def work() -> None:
            if editing is None:
                add_representative(ctx, person_id, data)
            else:
                update_representative(ctx, editing.id, editing.version, data)

        def done(_result: None) -> None:
            self.changed = True
            self._close_form()
            self.reload()

        self.runner.run(work, done, self.show_error, owner=self)

    def remove_current(self) -> None:
        row = self._current()
        question = self.tr("Remove %1 as legal representative? The removal is logged.")
        if row is None or not dialogs.ask_yes_no(self, self.windowTitle(), question.replace("%1", row.name)):
            return
        ctx = self.ctx

        def done(_result: None) -> None:
            self.changed = True
            self.reload()

        self.runner.run(lambda: remove_representative(ctx, row.id, row.version), done, self.show_error, owner=self)

    def show_error(self, exc: Exception) -> None:
        if isinstance(exc, FieldErrors):
            self._show_field_errors(field_texts(exc))
        elif isinstance(exc, ValidationError) and exc.field in FIELD_OF and self.form_box.isVisibleTo(self):
            self._show_field_errors({exc.field: error_text(exc)})
        else:
            self.message.setText(error_text(exc))
