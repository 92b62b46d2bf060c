"""What a letter is made of: frozen dataclasses the services fill and the renderers read.

Dates are ``datetime.date``, money is ``int`` cents. Rules that follow from the data alone are checked
when an object is built (an address with a blank line, an exit period outside 7–30 days); text-block
placeholders are checked when the letter is rendered, before anything is drawn. Every letter is a
draft (``draft=True``, printed with an "ENTWURF" watermark) until the caller sets ``draft=False``
for an approved notice.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime

from abh_desk.error_texts import Label
from abh_desk.errors import ValidationError

MAX_ADDRESS_LINES = 6
#: The Zusatz- und Vermerkzone holds five lines; the return address takes one or two of them.
MAX_NOTE_LINES = 3
EXIT_PERIOD_DAYS = (7, 30)  # § 59 Abs. 1 Satz 1 AufenthG
#: § 11 AufenthG as read here: up to five years as a rule (Abs. 3 Satz 2); up to ten years where the
#: reasons name Abs. 5 (expulsion after a criminal conviction, a serious danger to public security);
#: up to twenty years only where they name Abs. 5a or 5b (the crimes and dangers of Abs. 5a, a
#: deportation order under § 58a). An unlimited ban (Abs. 5b) is not a period in months: this
#: notice does not order one.
REGULAR_ENTRY_BAN_MONTHS = 60
MAX_ENTRY_BAN_MONTHS = 120
MAX_ENTRY_BAN_MONTHS_ABS_5A_5B = 240
#: The person's situation on the day of the decision (abh_desk.domain.residence_status.StatusCase).
#: With a valid title there is no duty to leave: the notice refuses and charges its fee, nothing more.
STATUS_WITHOUT_DUTY_TO_LEAVE = ("titel", "titel_unbefristet")
STATUS_CASES = (*STATUS_WITHOUT_DUTY_TO_LEAVE, "fiktion", "verspaetet", "schengenvisum", "ohne_titel")
_ABS_5 = re.compile(r"§\s*11\s+Abs\.\s*5[ab]?\b")
_ABS_5A_5B = re.compile(r"§\s*11\s+Abs\.\s*5[ab]\b")
#: The § 59 Abs. 1 Satz 1 AufenthG points (and the bars of § 60 Abs. 5 and 7) a deportation threat is
#: decided on, each with this case's own finding: (field of RejectionData, text block, German label).
DEPORTATION_FINDINGS = (
    ("finding_deportation_bars", "pruefung_abschiebungsverbote", "Abschiebungsverbote (§ 60 Abs. 5 und 7 AufenthG)"),
    ("finding_child_welfare", "pruefung_kindeswohl", "Kindeswohl"),
    ("finding_family_ties", "pruefung_familie", "familiäre Bindungen"),
    ("finding_health", "pruefung_gesundheit", "Gesundheitszustand"),
)


def _require(value: str, field: str, label: Label) -> None:
    if not value.strip():
        raise ValidationError("letters_data.missing", field=field, label=label)


@dataclass(frozen=True)
class Court:
    """Verwaltungsgericht, e.g. ``Court("Verwaltungsgericht Freiburg", "Habsburgerstraße 103, 79104 Freiburg")``."""

    name: str
    address: str

    def __post_init__(self) -> None:
        _require(self.name, "court", Label("letters_data.label_court_name"))
        _require(self.address, "court", Label("letters_data.label_court_address"))


@dataclass(frozen=True)
class BankAccount:
    bank: str
    iban: str
    bic: str


@dataclass(frozen=True)
class Letterhead:
    """Briefkopf from the settings: who writes, where, when open, and which court hears complaints."""

    authority: str  # "Stadt Singen (Hohentwiel)"
    department: str  # "Ausländerbehörde"
    street: str
    postcode_city: str
    land: str  # two-letter code of the Land: "BW", "BY", ... (Rechtsbehelfsbelehrung)
    phone: str
    email: str
    court: Court
    opening_hours: tuple[str, ...] = ()
    website: str = ""
    bank: BankAccount | None = None

    def __post_init__(self) -> None:
        _require(self.authority, "authority", Label("shared.label_authority"))
        _require(self.street, "street", Label("letters_data.label_street"))
        _require(self.postcode_city, "postcode_city", Label("letters_data.label_postcode_city"))
        _require(self.land, "land", Label("letters_data.label_land"))

    @property
    def name(self) -> str:
        """Authority and department in one line: "Stadt Singen (Hohentwiel) – Ausländerbehörde"."""
        return f"{self.authority} – {self.department}" if self.department else self.authority

    @property
    def postal_address(self) -> str:
        return f"{self.street}, {self.postcode_city}"

    @property
    def return_address(self) -> str:
        """Rücksendeangabe, one line in the Zusatz- und Vermerkzone."""
        parts = [self.authority, self.department, self.street, self.postcode_city]
        return " · ".join(part for part in parts if part)


@dataclass(frozen=True)
class Address:
    """Anschrift for the window: up to six lines, no blank line; ``notes`` go above it (Vermerkzone)."""

    lines: tuple[str, ...]
    notes: tuple[str, ...] = ()  # e.g. "Mit Postzustellungsurkunde"

    def __post_init__(self) -> None:
        if not self.lines:
            raise ValidationError("letters_data.address_empty", field="address")
        if len(self.lines) > MAX_ADDRESS_LINES:
            raise ValidationError(
                "letters_data.address_too_long", field="address", lines=len(self.lines), maximum=MAX_ADDRESS_LINES
            )
        if any(not line.strip() for line in (*self.lines, *self.notes)):
            raise ValidationError("letters_data.address_blank_line", field="address")
        if len(self.notes) > MAX_NOTE_LINES:
            raise ValidationError("letters_data.too_many_notes", field="address", maximum=MAX_NOTE_LINES)


@dataclass(frozen=True)
class InfoBlock:
    """Informationsblock at the right: Aktenzeichen, caseworker, phone, date."""

    file_number: str
    caseworker: str
    phone: str
    date: date
    email: str = ""
    room: str = ""

    def __post_init__(self) -> None:
        _require(self.file_number, "file_number", Label("letters_data.label_file_number"))
        _require(self.caseworker, "caseworker", Label("letters_data.label_caseworker"))


@dataclass(frozen=True)
class Represented:
    """The person a letter to her legal representatives concerns (§ 80 Abs. 4 AufenthG, § 41 Abs. 1
    VwVfG): "Anjali Mehta", "04.05.2013", and the addressees' role "als gesetzliche Vertreter"."""

    name: str
    birth_date: str
    role: str
    #: Represented by a Vormund or the Jugendamt, not by parents: an unaccompanied minor, whose
    #: deportation the authority may carry out only into someone's care (§ 58 Abs. 1a AufenthG).
    unaccompanied: bool = False

    def __post_init__(self) -> None:
        _require(self.name, "represented", Label("letters_data.label_represented_name"))
        _require(self.role, "represented", Label("letters_data.label_representation_kind"))


@dataclass(frozen=True, kw_only=True)
class LetterData:
    """What every letter has. ``draft`` stays True until the caller prints an approved notice."""

    letterhead: Letterhead
    address: Address
    info: InfoBlock
    salutation: str = "Sehr geehrte Damen und Herren,"
    draft: bool = True
    signer: str = ""  # below "Im Auftrag"; the caseworker when empty
    #: Set where the letter goes to the person's legal representatives instead of the person.
    represented: Represented | None = None


@dataclass(frozen=True)
class RefusalGround:
    """A ground of refusal: the key of a text block in ``[ablehnungsgrund.*]`` and the facts of this case."""

    key: str
    details: str = ""


@dataclass(frozen=True, kw_only=True)
class RejectionData(LetterData):
    """Ablehnungsbescheid (§ 77 Abs. 1 AufenthG, domain.md § 7)."""

    application_date: date
    applied_for: str  # "Verlängerung der Aufenthaltserlaubnis zur Berufsausbildung"
    title_legal_basis: str  # "§ 16a Abs. 1 AufenthG"
    facts: tuple[str, ...]  # Sachverhalt, one paragraph each
    grounds: tuple[RefusalGround, ...]
    exit_period_days: int
    target_state: str  # "Vietnam"
    fee_cents: int
    fee_legal_basis: str = "§ 69 AufenthG i. V. m. der Aufenthaltsverordnung (AufenthV)"
    entry_ban_months: int | None = None
    entry_ban_reasons: str = ""  # Ermessenserwägungen zur Länge der Frist
    hearing_date: date | None = None
    person_line: str = ""  # "Frau Nguyễn Thị Hương, geb. 12.03.1994" below the subject
    #: Hessen keeps the objection for EU citizens and for rights under ARB 1/80 (§ 16a HessAGVwGO).
    eu_or_arb_exception: bool = False
    #: The residence status on the day of the decision (one of STATUS_CASES); stored notices from
    #: before it was recorded read as "ohne_titel", the wording they were written with.
    status_case: str = "ohne_titel"
    current_title: str = ""  # the title held or continued: "Aufenthaltserlaubnis nach § 16b AufenthG"
    current_title_until: date | None = None
    fiction_basis: str = ""  # "§ 81 Abs. 4 Satz 1 AufenthG"
    #: The § 59 Abs. 1 Satz 1 assessment for this person, point by point (DEPORTATION_FINDINGS);
    #: each is required where the deportation is threatened.
    finding_deportation_bars: str = ""  # Abschiebungsverbote, § 60 Abs. 5 und 7 AufenthG
    finding_child_welfare: str = ""  # Kindeswohl
    finding_family_ties: str = ""  # familiäre Bindungen
    finding_health: str = ""  # Gesundheitszustand
    #: Further considerations on the deportation threat (optional); notices written before the
    #: four findings held the whole assessment here.
    deportation_assessment: str = ""
    #: What the fee was computed from (kept so the editor shows the notice as it was decided).
    fee_benefits: bool = False  # SGB II, SGB XII or AsylbLG (§ 53 Abs. 1 AufenthV)
    fee_short_extension: bool = False  # extension for up to three months (§ 45 Nr. 2 Buchst. a)
    fee_reduction_reason: str = ""  # Ermäßigung aus Billigkeitsgründen (§ 53 Abs. 2)

    @property
    def duty_to_leave(self) -> bool:
        """The refusal creates or confirms an enforceable duty to leave: departure, deportation
        threat and (where ordered) the entry ban belong in the notice."""
        return self.status_case not in STATUS_WITHOUT_DUTY_TO_LEAVE

    @property
    def missing_findings(self) -> tuple[str, ...]:
        """Labels of the § 59 Abs. 1 points without a finding, where the deportation is threatened."""
        if not self.duty_to_leave:
            return ()
        return tuple(label for name, _block, label in DEPORTATION_FINDINGS if not getattr(self, name).strip())

    def __post_init__(self) -> None:
        if self.status_case not in STATUS_CASES:
            raise ValidationError("letters_data.unknown_status", field="status", status=self.status_case)
        if self.status_case in STATUS_WITHOUT_DUTY_TO_LEAVE and not self.current_title:
            raise ValidationError("letters_data.current_title_missing", field="status")
        if self.status_case == "titel" and self.current_title_until is None:
            raise ValidationError("letters_data.title_expiry_missing", field="status")
        low, high = EXIT_PERIOD_DAYS
        if not low <= self.exit_period_days <= high:
            raise ValidationError(
                "letters_data.exit_period_out_of_range",
                field="exit_period_days",
                low=low,
                high=high,
                days=self.exit_period_days,
            )
        if not self.grounds:
            raise ValidationError("letters_data.no_grounds", field="grounds")
        if not any(paragraph.strip() for paragraph in self.facts):
            raise ValidationError("letters_data.facts_missing", field="facts")
        if self.duty_to_leave:
            _require(self.target_state, "target_state", Label("letters_data.label_target_state"))
        elif self.entry_ban_months is not None:
            raise ValidationError("letters_data.no_duty_to_leave", field="entry_ban_months")
        _require(self.applied_for, "applied_for", Label("letters_data.label_applied_for"))
        if self.fee_cents < 0:
            raise ValidationError("letters_data.fee_negative", field="fee_cents")
        months = self.entry_ban_months
        if months is not None and not 1 <= months <= MAX_ENTRY_BAN_MONTHS_ABS_5A_5B:
            raise ValidationError(
                "letters_data.entry_ban_out_of_range",
                field="entry_ban_months",
                maximum=MAX_ENTRY_BAN_MONTHS,
                maximum_5a_5b=MAX_ENTRY_BAN_MONTHS_ABS_5A_5B,
            )
        if months is not None and not self.entry_ban_reasons.strip():
            raise ValidationError("letters_data.entry_ban_reasons_missing", field="entry_ban_months")
        if months is not None and months > REGULAR_ENTRY_BAN_MONTHS and not _ABS_5.search(self.entry_ban_reasons):
            raise ValidationError("letters_data.entry_ban_over_five_years", field="entry_ban_months", months=months)
        if months is not None and months > MAX_ENTRY_BAN_MONTHS and not _ABS_5A_5B.search(self.entry_ban_reasons):
            raise ValidationError("letters_data.entry_ban_over_ten_years", field="entry_ban_months", months=months)


@dataclass(frozen=True, kw_only=True)
class HearingData(LetterData):
    """Anhörung vor der Ablehnung (§ 28 Abs. 1 VwVfG) with the date by which to comment."""

    application_date: date
    applied_for: str
    title_legal_basis: str
    grounds: tuple[RefusalGround, ...]
    comment_by: date
    #: A refusal would leave the person obliged to leave: the hearing also asks about bars to
    #: deportation, children, family ties and health (§ 28 VwVfG, § 59 Abs. 1, § 60 AufenthG).
    duty_to_leave: bool = True
    #: The entry ban the draft intends (months), if any: the hearing asks what should count for its
    #: length (§ 11 Abs. 3 AufenthG).
    entry_ban_months: int | None = None

    def __post_init__(self) -> None:
        if not self.grounds:
            raise ValidationError("letters_data.hearing_without_grounds", field="grounds")
        if self.comment_by <= self.info.date:
            raise ValidationError("letters_data.comment_by_not_after_letter", field="comment_by")


@dataclass(frozen=True, kw_only=True)
class MissingDocumentsData(LetterData):
    """Nachforderung: the missing lines of the case's checklist and the date to hand them in (§ 82 AufenthG)."""

    application_date: date
    applied_for: str
    documents: tuple[str, ...]
    due: date

    def __post_init__(self) -> None:
        if not any(doc.strip() for doc in self.documents):
            raise ValidationError("letters_data.no_missing_document", field="documents")
        if self.due <= self.info.date:
            raise ValidationError("letters_data.due_not_after_letter", field="due")


@dataclass(frozen=True, kw_only=True)
class ReminderData(LetterData):
    """Erinnerung: apply for the extension before the title expires (seeds: at least eight weeks ahead)."""

    title: str  # "Aufenthaltserlaubnis nach § 16a AufenthG"
    expires: date
    weeks_ahead: int = 8
    documents: tuple[str, ...] = ()
    #: The office is closed on the day of expiry ("Sonntag", "Pfingstmontag (Feiertag in BW)"): the
    #: letter names the last day it is open before it.
    closed_on_expiry: str = ""
    last_open_day: date | None = None
    #: The next free slot of the caseworker, proposed for the application (empty: none proposed).
    offered_slot: str = ""

    def __post_init__(self) -> None:
        if self.weeks_ahead < 1:
            raise ValidationError("letters_data.lead_time_too_short", field="weeks_ahead")


@dataclass(frozen=True, kw_only=True)
class PickupData(LetterData):
    """Abholbenachrichtigung: the eAT is ready; come in person and bring what the text block lists."""

    title: str  # "Aufenthaltserlaubnis nach § 16a AufenthG"
    collect_by: date | None = None
    fee_cents: int | None = None  # payable on pickup, if not paid at application
    agent_allowed: bool = False  # print the paragraph on collection by an authorised person
    offered_slot: str = ""  # the next free slot for the pickup, proposed (empty: none)

    def __post_init__(self) -> None:
        if self.fee_cents is not None and self.fee_cents < 0:
            raise ValidationError("letters_data.fee_negative", field="fee_cents")


@dataclass(frozen=True, kw_only=True)
class InvitationData(LetterData):
    """Einladung zu einem Termin: when, where, with whom, what to bring (the documents still missing
    on the case's checklist) and the fee to expect."""

    day: date
    start: str  # "08:20"
    end: str
    room: str = ""
    caseworker: str
    purpose: str
    documents: tuple[str, ...] = ()
    fee_cents: int | None = None
    fee_basis: str = ""

    def __post_init__(self) -> None:
        if self.day < self.info.date:
            raise ValidationError("letters_data.appointment_before_letter", field="day")
        if self.fee_cents is not None and self.fee_cents < 0:
            raise ValidationError("letters_data.fee_negative", field="fee_cents")


@dataclass(frozen=True)
class Agent:
    """Bevollmächtigte Person, die die Karte für den Inhaber entgegennimmt — or, for a minor holder,
    a person with custody (``custodian``, sorgeberechtigt), who needs no power of attorney."""

    name: str
    id_document: str  # "Personalausweis L01X00T47"
    power_of_attorney: bool
    custodian: bool = False


@dataclass(frozen=True)
class WithdrawnDocument:
    kind: str  # "Aufenthaltstitel (Karte)", "Fiktionsbescheinigung"
    serial: str


@dataclass(frozen=True, kw_only=True)
class HandoverRecordData:
    """Aushändigungsprotokoll of an eAT (domain.md § 8, step 6). Not a notice: no window, no approval.

    ``draft`` defaults to False here because a record is not approved by a team lead; set it for a preview.
    """

    letterhead: Letterhead
    info: InfoBlock
    holder_name: str
    holder_birth_date: str  # as recorded; may be partly unknown ("00.00.1990")
    nationality: str
    title: str  # "Aufenthaltserlaubnis nach § 16a AufenthG"
    card_serial: str
    handed_over_at: datetime
    identity_check: str  # how the identity was checked: "Reisepass Nr. C4X9L2M71, Lichtbildabgleich"
    online_id_enabled: bool
    supplementary_sheet: bool  # Zusatzblatt handed over
    fingerprints_deleted: bool  # § 61a Abs. 2 Satz 2 AufenthV: at the latest on handover
    withdrawn_documents: tuple[WithdrawnDocument, ...] = ()
    agent: Agent | None = None
    fee_cents: int | None = None  # the fee paid at handover, where the office collects it then
    draft: bool = False

    def __post_init__(self) -> None:
        _require(self.holder_name, "holder_name", Label("letters_data.label_holder_name"))
        _require(self.card_serial, "card_serial", Label("letters_data.label_card_serial"))
        _require(self.identity_check, "identity_check", Label("letters_data.label_identity_check"))
        if self.agent is not None:
            _require(self.agent.name, "agent", Label("letters_data.label_agent_name"))
            _require(self.agent.id_document, "agent", Label("letters_data.label_agent_id_document"))
            if not (self.agent.power_of_attorney or self.agent.custodian):
                raise ValidationError("letters_data.agent_without_power_of_attorney", field="agent")
