"""The dialogs of a case's decision: the grant (Bewilligung) with the title's terms filled in from
the catalogue, the applicant's withdrawal, closing with a reason, and a team lead's return of a
grant with a comment. Each runs its service; a refusal shows under the field concerned and what
was typed stays."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QComboBox, QDateEdit, QLabel, QLineEdit, QPlainTextEdit, QWidget

from abh_desk.domain.enums import WITHDRAWAL_LABELS, WithdrawalWay
from abh_desk.domain.money import amount_text, euro, parse_amount
from abh_desk.errors import ValidationError
from abh_desk.services.case_status import close_case, withdraw
from abh_desk.services.context import ServiceContext
from abh_desk.services.grants import GrantForm, GrantInput, GrantResult, grant, grant_form, return_grant
from ui.form_dialog import FormDialog, date_edit
from ui.messages import error_text, spoken
from ui.tasks import TaskRunner
from ui.widgets import german_date, picked_date, row_of

HINT_STYLE = "color: #555;"


def _text_box(lines: int = 3) -> QPlainTextEdit:
    box = QPlainTextEdit()
    box.setTabChangesFocus(True)  # Tab leaves the box, as in every other field
    box.setFixedHeight(box.fontMetrics().lineSpacing() * lines + 14)
    return box


def _hint() -> QLabel:
    label = QLabel()
    label.setStyleSheet(HINT_STYLE)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    return label


class GrantDialog(FormDialog):
    """Bewilligen: the title, its legal basis and validity (at most what the catalogue allows), its
    Nebenbestimmungen, the fee and the day of the decision. Under four eyes it is submitted instead."""

    def __init__(self, ctx: ServiceContext, case_id: int, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__("", runner, parent)
        self.setWindowTitle(self.tr("Grant the application"))
        self.ctx, self.case_id = ctx, case_id
        self.form_data: GrantForm | None = None
        self.granted: GrantResult | None = None
        self.header = QLabel()
        self.header.setStyleSheet("font-size: 14px; font-weight: 600;")
        self.header.setTextFormat(Qt.TextFormat.PlainText)
        self.header.setWordWrap(True)
        self.notice = _hint()
        self.body.insertWidget(0, self.header)
        self.body.insertWidget(1, self.notice)
        self.kind = QLineEdit()
        self.legal_basis = QLineEdit()
        today = ctx.today()
        self.valid_from = date_edit(today)
        self.valid_until = date_edit(today)
        self.validity_hint = _hint()
        self.conditions = _text_box()
        self.conditions.setPlaceholderText(
            self.tr("Conditions and requirements, e.g. “Employment permitted.” or “Self-employment not permitted.”")
        )
        self.fee = QLineEdit()
        self.fee_hint = _hint()
        self.fee_reason = QLineEdit()
        self.fee_reason.setPlaceholderText(self.tr("only where the fee differs, e.g. exempt under § 53 AufenthV"))
        self.decided_on = date_edit(today)
        self.add("titel", self.tr("Residence title:"), self.kind)
        self.add("rechtsgrundlage", self.tr("Legal basis:"), self.legal_basis)
        self.add("gueltig_ab", self.tr("Valid from:"), self.valid_from)
        self.add("gueltig_bis", self.tr("Valid until:"), self.valid_until)
        self.form.addRow("", self.validity_hint)
        self.add("nebenbestimmungen", self.tr("Conditions (Nebenbestimmungen):"), self.conditions)
        self.add("gebuehr", self.tr("Fee (EUR):"), self.fee)
        self.form.addRow("", self.fee_hint)
        self.add("gebuehr_grund", self.tr("Reason for another fee:"), self.fee_reason)
        self.add("entschieden_am", self.tr("Decided on:"), self.decided_on)
        self.ok_button.setEnabled(False)
        self.valid_from.dateChanged.connect(lambda _d: self._dates_changed(moved_start=True))
        self.valid_until.dateChanged.connect(lambda _d: self._dates_changed())
        self.setMinimumWidth(620)
        runner.run(lambda: grant_form(ctx, case_id), self.fill, self.show_error, owner=self)

    def fill(self, form: GrantForm) -> None:
        self.form_data = form
        self.header.setText(f"{form.procedure_name}\n{form.person_name} · {form.file_number}")
        terms = form.terms
        for field in ("titel", "rechtsgrundlage", "gueltig_ab", "gueltig_bis", "nebenbestimmungen"):
            self.form.setRowVisible(row_of(self.widgets[field]), terms.has_title)
        self.form.setRowVisible(self.validity_hint, terms.has_title)
        self.kind.setText(terms.kind)
        self.legal_basis.setText(terms.legal_basis)
        self._set_date(self.valid_from, form.valid_from)
        if form.valid_until is not None:
            self._set_date(self.valid_until, form.valid_until)
        self.form.setRowVisible(row_of(self.widgets["gueltig_bis"]), terms.has_title and not terms.unlimited)
        self.fee.setText(amount_text(form.fee.cents))
        notes = []
        if form.refusal is not None:
            notes.append(error_text(form.refusal))
        elif form.needs_review:
            notes.append(self.tr("The office wants four eyes on this grant: it goes to a team lead for approval."))
        if terms.card and not form.blocked:
            notes.append(self.tr("After the grant the eAT card is ordered (tab eAT)."))
        self.notice.setText("\n".join(notes))
        self.notice.setStyleSheet("color: #a4000f; font-weight: 600;" if form.blocked else HINT_STYLE)
        self.ok_button.setText(self.tr("Submit for approval") if form.needs_review else self.tr("Grant"))
        self.ok_button.setEnabled(not form.blocked)
        self._dates_changed()
        (self.valid_until if terms.has_title and not terms.unlimited else self.fee).setFocus()

    @staticmethod
    def _set_date(edit: QDateEdit, value: date) -> None:
        edit.setDate(QDate(value.year, value.month, value.day))

    def _dates_changed(self, moved_start: bool = False) -> None:
        form = self.form_data
        if form is None:
            return
        start = picked_date(self.valid_from.date())
        latest = form.latest_until(start)
        if moved_start and latest is not None and picked_date(self.valid_until.date()) > latest:
            self._set_date(self.valid_until, latest)
        if form.terms.unlimited:
            self.validity_hint.setText(self.tr("Unlimited (§ 9 (1), § 9a (1) AufenthG): no end date."))
        elif latest is not None:
            # A variant of the procedure (job search after studies here: § 20 (3) no. 1) names its provision.
            hint = (
                self.tr("At most %1 months (%3, by the facts of the case): until %2 at the latest.")
                if form.terms.max_basis
                else self.tr("At most %1 months (catalogue): until %2 at the latest.")
            )
            self.validity_hint.setText(
                hint.replace("%1", str(form.terms.max_months))
                .replace("%2", german_date(latest))
                .replace("%3", form.terms.max_basis)
            )
        else:
            self.validity_hint.setText(self.tr("Limited (§ 7 (1) AufenthG); the catalogue names no maximum."))
        until = None if form.terms.unlimited else picked_date(self.valid_until.date())
        suggestion = form.fee_for(start, until)
        self.fee_hint.setText(
            self.tr("Catalogue: %1 – %2")
            .replace("%1", suggestion.basis)
            .replace("%2", euro(suggestion.cents) if suggestion.cents is not None else self.tr("no fee"))
        )
        if moved_start or not self.fee.isModified():
            self.fee.setText(amount_text(suggestion.cents))

    def save(self) -> None:
        form = self.form_data
        if form is None:
            return
        try:
            fee = parse_amount(self.fee.text())
        except ValidationError as exc:
            self.clear_errors()
            self.show_error(exc)
            return
        terms = form.terms
        given = GrantInput(
            valid_from=picked_date(self.valid_from.date()) if terms.has_title else None,
            valid_until=None if terms.unlimited or not terms.has_title else picked_date(self.valid_until.date()),
            kind=self.kind.text(),
            legal_basis=self.legal_basis.text(),
            conditions=self.conditions.toPlainText(),
            fee_cents=fee,
            fee_reason=self.fee_reason.text(),
            decided_on=picked_date(self.decided_on.date()),
        )
        ctx, case_id, version = self.ctx, self.case_id, form.version

        def done(result: GrantResult) -> None:
            self.granted = result
            self.accept()

        self.submit(lambda: grant(ctx, case_id, version, given), done)


class WithdrawDialog(FormDialog):
    """Antragsrücknahme: when and how the applicant withdrew the application."""

    def __init__(
        self, ctx: ServiceContext, case_id: int, version: int | None, runner: TaskRunner, parent: QWidget | None = None
    ) -> None:
        super().__init__("", runner, parent)
        self.setWindowTitle(self.tr("Application withdrawn"))
        self.ctx, self.case_id, self.version = ctx, case_id, version
        self.received_on = date_edit(ctx.today())
        self.way = QComboBox()
        for way in WithdrawalWay:
            self.way.addItem(spoken(WITHDRAWAL_LABELS[way]), way.value)
        self.note = QLineEdit()
        self.note.setPlaceholderText(self.tr("e.g. moves to Hamburg"))
        self.add("eingang", self.tr("Withdrawal received on:"), self.received_on)
        self.add("wie", self.tr("How:"), self.way)
        self.add("notiz", self.tr("Note:"), self.note)

    def save(self) -> None:
        ctx, case_id, version = self.ctx, self.case_id, self.version
        on, way, note = picked_date(self.received_on.date()), WithdrawalWay(self.way.currentData()), self.note.text()
        self.submit(lambda: withdraw(ctx, case_id, version, on, way, note))


class CloseCaseDialog(FormDialog):
    """Abschließen with a reason: undecided (moved away, nothing left to decide) or the file done."""

    def __init__(
        self, ctx: ServiceContext, case_id: int, version: int | None, runner: TaskRunner, parent: QWidget | None = None
    ) -> None:
        super().__init__("", runner, parent)
        self.setWindowTitle(self.tr("Close the case"))
        self.ctx, self.case_id, self.version = ctx, case_id, version
        self.reason = QLineEdit()
        self.reason.setPlaceholderText(self.tr("e.g. card handed over, file done – or: moved away"))
        self.add("grund", self.tr("Reason:"), self.reason)
        self.setMinimumWidth(520)

    def save(self) -> None:
        ctx, case_id, version, reason = self.ctx, self.case_id, self.version, self.reason.text()
        self.submit(lambda: close_case(ctx, case_id, version, reason))


class ReturnGrantDialog(FormDialog):
    """A team lead returns a submitted grant with what is to change."""

    def __init__(
        self, ctx: ServiceContext, grant_id: int, version: int | None, runner: TaskRunner, parent: QWidget | None = None
    ) -> None:
        super().__init__("", runner, parent)
        self.setWindowTitle(self.tr("Return the grant"))
        self.ctx, self.grant_id, self.version = ctx, grant_id, version
        self.comment = _text_box(4)
        self.add("kommentar", self.tr("What is to change:"), self.comment)
        self.setMinimumWidth(520)

    def save(self) -> None:
        ctx, grant_id, version, comment = self.ctx, self.grant_id, self.version, self.comment.toPlainText()
        self.submit(lambda: return_grant(ctx, grant_id, version, comment))
