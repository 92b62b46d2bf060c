"""Aushändigung of an eAT at the counter (domain.md § 8, step 6): every field checked at once, each
refusal naming its field; then, in one transaction, the handover recorded, the card marked handed
over, its pickup deadline closed, the audit entry written and the record (Aushändigungsprotokoll)
kept with the case."""

from __future__ import annotations

import json
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta, timezone

from abh_desk.clock import OFFICE_ZONE, office_day
from abh_desk.domain.cards import RECIPIENT_LABELS, STATUS_LABELS, WAITING, RecipientKind, normalize_serial
from abh_desk.domain.checklist import ADULT_AGE
from abh_desk.domain.countries import nationality_name
from abh_desk.domain.enums import CASE_STATUS_LABELS, CardStatus, CaseStatus, LetterKind, LetterStatus
from abh_desk.domain.money import euro
from abh_desk.domain.names import check_name
from abh_desk.domain.text import clean_text
from abh_desk.error_texts import Label
from abh_desk.errors import NotFound, PermissionDenied, ValidationError, raise_all
from abh_desk.services.card_records import CardInfo, card_now
from abh_desk.services.case_letters import info_block, store_letter
from abh_desk.services.context import ServiceContext
from abh_desk.services.deadlines import close_deadline
from abh_desk.services.letterhead import office_letterhead
from abh_desk.services.office import read_office_settings
from abh_desk.services.queries import (
    birth_text,
    granted_title_of,
    holder_name,
    load_card,
    load_case,
    open_waiting,
    person_age,
    title_of,
)
from letters.data import Agent, HandoverRecordData
from letters.data import WithdrawnDocument as WithdrawnDocument  # the dialog's input, from letters
from models import CardHandover, CardOrder, Case, Person, User

MAX_TEXT = 200
MAX_ID_NUMBER = 40
MAX_DOCUMENT_KIND = 100
MAX_DOCUMENT_SERIAL = 40
#: How far ahead of the workstation's clock a handover time may be (clocks differ a little).
CLOCK_SLACK = timedelta(minutes=10)
#: Suggestions for "identity checked with"; any text is accepted.
IDENTITY_CHECKS = ("Reisepass", "Passersatz", "Reiseausweis für Flüchtlinge", "Personalausweis", "Lichtbildabgleich")
#: Suggestions for the kind of a withdrawn document.
WITHDRAWN_KINDS = ("Aufenthaltstitel (Karte)", "Aufenthaltstitel (Etikett)", "Fiktionsbescheinigung", "Ausweisersatz")


@dataclass(frozen=True)
class HandoverForm:
    """What the handover dialog shows and fills in before the clerk types anything."""

    card_id: int
    version: int
    case_id: int
    file_number: str
    holder_name: str
    birth_date: str
    nationality: str
    minor: bool
    title: str
    card_serial: str
    arrived_on: date
    fee_cents: int | None
    """Due at the counter (None where the office does not collect fees at handover)."""

    @property
    def fee_text(self) -> str:
        return euro(self.fee_cents) if self.fee_cents else ""


@dataclass(frozen=True)
class HandoverInput:
    """What the clerk records at the counter. Defaults are the common case: the holder in person,
    identity checked with the passport, online-ID off."""

    card_serial: str
    identity_check: str = "Reisepass"
    recipient_kind: RecipientKind = RecipientKind.HOLDER
    recipient_name: str = ""  # the agent or custodian; the holder's own name is taken from the file
    recipient_id_number: str = ""  # the agent's or custodian's identity document and its number
    power_of_attorney: bool = False
    online_id_enabled: bool = False
    withdrawn: tuple[WithdrawnDocument, ...] = ()
    supplementary_sheet: bool = False
    fingerprints_deleted: bool = True
    fee_paid: bool = False
    handed_over_at: datetime | None = None  # now, when not given


@dataclass(frozen=True)
class HandoverDone:
    card: CardInfo
    letter_id: int
    pdf: bytes


def handover_form(ctx: ServiceContext, card_id: int) -> HandoverForm:
    today = ctx.today()
    with ctx.db.read() as session:
        card = session.get(CardOrder, card_id)
        if card is None:
            raise NotFound("shared.no_such_card", card_id=card_id)
        case = session.get(Case, card.case_id)
        assert case is not None  # card_orders.case_id is a foreign key
        person = session.get(Person, case.person_id)
        assert person is not None
        if CardStatus(card.status) not in WAITING or card.arrived_on is None:
            raise ValidationError(
                "card_handover.not_handable",
                status=STATUS_LABELS[CardStatus(card.status)],
                field="status",
            )
        _require_granted(case)
        settings = read_office_settings(session)
        age = person_age(person, today)
        return HandoverForm(
            card_id=card.id,
            version=card.version,
            case_id=case.id,
            file_number=case.file_number,
            holder_name=holder_name(person),
            birth_date=birth_text(person),
            nationality=nationality_name(person.nationality),
            minor=age is not None and age < ADULT_AGE,
            title=title_of(ctx, case),
            card_serial=card.card_serial or "",
            arrived_on=card.arrived_on,
            fee_cents=case.fee_cents if settings.fees_at_handover and case.fee_cents else None,
        )


def hand_over(ctx: ServiceContext, card_id: int, version: int | None, given: HandoverInput) -> HandoverDone:
    """Aushändigung: checks every field of domain.md § 8 (all messages at once, per field), then
    in one transaction records the handover, marks the card handed over, closes the pickup
    deadline, logs it and keeps the record (Aushändigungsprotokoll) with the case."""
    if ctx.actor.user_id is None:
        raise PermissionDenied("card_handover.signed_in_only")
    with ctx.unit_of_work() as uow:
        now = uow.now
        at = (given.handed_over_at or now).astimezone(timezone.utc)
        card = load_card(uow, card_id, version)
        if CardStatus(card.status) not in WAITING or card.arrived_on is None or card.card_serial is None:
            raise ValidationError(
                "card_handover.not_handable",
                status=STATUS_LABELS[CardStatus(card.status)],
                field="status",
            )
        case = load_case(uow, card.case_id)
        _require_granted(case)
        person = uow.session.get(Person, case.person_id)
        assert person is not None
        settings = read_office_settings(uow.session)
        fee = case.fee_cents if settings.fees_at_handover and case.fee_cents else None
        local = at.astimezone(OFFICE_ZONE)
        age = person_age(person, local.date())
        given, errors = _cleaned(given)
        raise_all(errors + _handover_errors(given, card, age is not None and age < ADULT_AGE, fee, at, now))
        name, id_number = given.recipient_name.strip(), given.recipient_id_number.strip()
        holder = given.recipient_kind == RecipientKind.HOLDER
        handover = CardHandover(
            card_order_id=card.id,
            handed_over_at=at,
            recipient_kind=given.recipient_kind.value,
            recipient_name=holder_name(person) if holder else name,
            agent_id_number=None if holder else id_number,
            power_of_attorney=given.recipient_kind == RecipientKind.AGENT and given.power_of_attorney,
            identity_check=given.identity_check.strip(),
            card_serial=card.card_serial,
            online_id_enabled=given.online_id_enabled,
            old_documents_json=json.dumps(
                [{"kind": d.kind.strip(), "serial": d.serial.strip()} for d in given.withdrawn], ensure_ascii=False
            ),
            supplementary_sheet=given.supplementary_sheet,
            fingerprints_deleted_at=at,
            user_id=ctx.actor.user_id,
            fee_cents=fee,
        )
        uow.session.add(handover)
        card.status, card.closed_on = CardStatus.HANDED_OVER.value, local.date()
        title = granted_title_of(uow.session, case.id)
        if title is not None:  # the title the card carries, now with its document number
            title.card_serial = card.card_serial
        for deadline in open_waiting(uow, case.id):
            close_deadline(uow, deadline, f"eAT ausgehändigt am {local:%d.%m.%Y}")
        uow.session.flush()
        uow.audit(
            "eat_ausgehaendigt",
            "card_order",
            card.id,
            case_id=case.id,
            seriennummer=card.card_serial,
            empfang=RECIPIENT_LABELS[given.recipient_kind],
            empfaenger=handover.recipient_name,
            identitaet=handover.identity_check,
            onlineausweis="ein" if given.online_id_enabled else "aus",
            eingezogen=[f"{d.kind} {d.serial}" for d in given.withdrawn],
            zusatzblatt=given.supplementary_sheet,
            gebuehr=euro(fee) if fee else None,
        )
        clerk = uow.session.get(User, ctx.actor.user_id)
        head = office_letterhead(uow.session)
        agent = None
        if not holder:
            agent = Agent(
                name,
                id_number,
                power_of_attorney=handover.power_of_attorney,
                custodian=given.recipient_kind == RecipientKind.CUSTODIAN,
            )
        record = HandoverRecordData(
            letterhead=head,
            info=info_block(head, case.file_number, clerk, local.date()),
            holder_name=holder_name(person),
            holder_birth_date=birth_text(person),
            nationality=nationality_name(person.nationality),
            title=title_of(ctx, case),
            card_serial=card.card_serial,
            handed_over_at=local,
            identity_check=handover.identity_check,
            online_id_enabled=given.online_id_enabled,
            supplementary_sheet=given.supplementary_sheet,
            fingerprints_deleted=True,
            withdrawn_documents=tuple(WithdrawnDocument(d.kind.strip(), d.serial.strip()) for d in given.withdrawn),
            agent=agent,
            fee_cents=fee,
        )
        letter = store_letter(uow, case, LetterKind.HANDOVER_RECORD, record, LetterStatus.SENT)
        uow.commit()
        assert letter.pdf is not None
        return HandoverDone(card_now(uow, card, settings), letter.id, letter.pdf)


def _require_granted(case: Case) -> None:
    """A card is handed over only for a granted application: it carries the title."""
    if case.status not in (CaseStatus.GRANTED.value, CaseStatus.CLOSED.value):
        state = CASE_STATUS_LABELS[CaseStatus(case.status)]
        raise ValidationError(
            "card_handover.not_granted",
            file_number=case.file_number,
            state=state,
            field="status",
        )


def _cleaned(given: HandoverInput) -> tuple[HandoverInput, list[ValidationError]]:
    """The typed texts as they are stored (NFC, no control or bidi characters, within their
    lengths; the recipient's name as DIN 91379 wants it), and what is wrong with them."""
    errors: list[ValidationError] = []

    def clean(value: str, field: str, label: Label | str, max_length: int) -> str:
        try:
            if field == "name":
                return check_name(value, field, label, required=False)
            return clean_text(value, field, label, max_length)
        except ValidationError as exc:
            errors.append(exc)
            return "-"  # not empty: the message says what is wrong, not that it is missing

    holder = given.recipient_kind == RecipientKind.HOLDER
    cleaned = replace(
        given,
        identity_check=clean(given.identity_check, "identitaet", Label("card_handover.label_identity_check"), MAX_TEXT),
        recipient_name=given.recipient_name if holder else clean(given.recipient_name, "name", "Name", MAX_TEXT),
        recipient_id_number=clean(
            given.recipient_id_number, "ausweis", Label("card_handover.label_id_document"), MAX_ID_NUMBER
        ),
        withdrawn=tuple(
            WithdrawnDocument(
                clean(d.kind, "eingezogen", Label("card_handover.label_withdrawn_kind"), MAX_DOCUMENT_KIND),
                clean(d.serial, "eingezogen", Label("card_handover.label_withdrawn_number"), MAX_DOCUMENT_SERIAL),
            )
            for d in given.withdrawn
        ),
    )
    return cleaned, errors


def _handover_errors(
    given: HandoverInput, card: CardOrder, minor: bool, fee: int | None, at: datetime, now: datetime
) -> list[ValidationError]:
    errors = []
    serial = normalize_serial(given.card_serial)
    if not serial:
        errors.append(ValidationError("card_handover.serial_missing", field="seriennummer"))
    elif serial != card.card_serial:
        errors.append(
            ValidationError(
                "card_handover.serial_wrong",
                field="seriennummer",
            )
        )
    if not given.identity_check.strip():
        errors.append(ValidationError("card_handover.identity_check_missing", field="identitaet"))
    kind = given.recipient_kind
    if minor and kind == RecipientKind.HOLDER:
        errors.append(
            ValidationError(
                "card_handover.holder_minor",
                field="empfang",
            )
        )
    if kind == RecipientKind.CUSTODIAN and not minor:
        errors.append(
            ValidationError(
                "card_handover.holder_adult",
                field="empfang",
            )
        )
    if kind != RecipientKind.HOLDER:
        agent = kind == RecipientKind.AGENT
        if not given.recipient_name.strip():
            name_key = "card_handover.agent_name_missing" if agent else "card_handover.custodian_name_missing"
            errors.append(ValidationError(name_key, field="name"))
        if not given.recipient_id_number.strip():
            id_key = "card_handover.agent_id_missing" if agent else "card_handover.custodian_id_missing"
            errors.append(ValidationError(id_key, field="ausweis"))
        if kind == RecipientKind.AGENT and not given.power_of_attorney:
            errors.append(
                ValidationError(
                    "card_handover.power_of_attorney_missing",
                    field="vollmacht",
                )
            )
    if any(not d.kind.strip() or not d.serial.strip() for d in given.withdrawn):
        errors.append(ValidationError("card_handover.withdrawn_incomplete", field="eingezogen"))
    if not given.fingerprints_deleted:
        errors.append(
            ValidationError(
                "card_handover.fingerprints_not_deleted",
                field="fingerabdruecke",
            )
        )
    if fee and not given.fee_paid:
        errors.append(ValidationError("card_handover.fee_unpaid", fee=euro(fee), field="gebuehr"))
    if at > now + CLOCK_SLACK:
        errors.append(ValidationError("card_handover.time_in_future", field="zeitpunkt"))
    elif card.arrived_on is not None and office_day(at) < card.arrived_on:
        errors.append(ValidationError("card_handover.before_arrival", field="zeitpunkt"))
    return errors
