"""The eAT card's way (domain.md § 8): the order to the Bundesdruckerei, the card's arrival with its
chip checked, the notification, and the handover at the counter with its record
(Aushändigungsprotokoll) — or, after long non-collection, its return or destruction.

Every step is one transaction with its audit entry. Arrival stores a CARD_WAITING deadline
(overdue N weeks after arrival, an office setting); handover, return and destruction close it.
The list of cards not yet handed over is :mod:`abh_desk.services.card_list`.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone
from enum import StrEnum

from sqlalchemy import select

from abh_desk.domain.checklist import ADULT_AGE
from abh_desk.domain.countries import nationality_name
from abh_desk.domain.deadlines import card_pickup_overdue
from abh_desk.domain.enums import CardStatus, CaseStatus, DeadlineKind, DeadlineStatus, LetterKind, LetterStatus
from abh_desk.errors import FieldErrors, NotFound, PermissionDenied, StaleRecord, ValidationError
from abh_desk.services.case_letters import info_block, recipient, store_letter
from abh_desk.services.cases import person_age
from abh_desk.services.context import ServiceContext, UnitOfWork
from abh_desk.services.deadlines import close_deadline, upsert_deadline
from abh_desk.services.letterhead import office_letterhead
from abh_desk.services.office import OfficeSettings, read_office_settings
from abh_desk.services.persons import birth_text
from letters.data import Agent, HandoverRecordData, PickupData, WithdrawnDocument
from letters.formatting import euro
from models import CardHandover, CardOrder, Case, Deadline, Person, User

STATUS_LABELS = {
    CardStatus.ORDERED: "bestellt",
    CardStatus.ARRIVED: "eingegangen",
    CardStatus.NOTIFIED: "benachrichtigt",
    CardStatus.HANDED_OVER: "ausgehändigt",
    CardStatus.RETURNED: "zurückgesandt",
    CardStatus.DESTROYED: "vernichtet",
}
#: Cards at the office, not yet handed over ("nicht ausgehändigt").
WAITING = (CardStatus.ARRIVED, CardStatus.NOTIFIED)
OPEN = (CardStatus.ORDERED, *WAITING)
SERIAL_LENGTH = 9  # eAT document numbers: nine letters and digits, a new one for every card (§ 78 AufenthG)
MAX_TEXT = 200
#: How far ahead of the workstation's clock a handover time may be (clocks differ a little).
CLOCK_SLACK = timedelta(minutes=10)


class NoticeMethod(StrEnum):
    LETTER = "brief"
    PHONE = "telefon"
    EMAIL = "email"


NOTICE_LABELS = {
    NoticeMethod.LETTER: "Abholbenachrichtigung (Brief)",
    NoticeMethod.PHONE: "telefonisch",
    NoticeMethod.EMAIL: "per E-Mail",
}


class RecipientKind(StrEnum):
    HOLDER = "inhaber"
    AGENT = "bevollmaechtigt"
    CUSTODIAN = "sorgeberechtigt"


RECIPIENT_LABELS = {
    RecipientKind.HOLDER: "Inhaberin/Inhaber persönlich",
    RecipientKind.AGENT: "bevollmächtigte Person",
    RecipientKind.CUSTODIAN: "sorgeberechtigte Person (minderjährige Inhaber)",
}
#: Suggestions for "identity checked with"; any text is accepted.
IDENTITY_CHECKS = ("Reisepass", "Passersatz", "Reiseausweis für Flüchtlinge", "Personalausweis", "Lichtbildabgleich")
#: Suggestions for the kind of a withdrawn document.
WITHDRAWN_KINDS = ("Aufenthaltstitel (Karte)", "Aufenthaltstitel (Etikett)", "Fiktionsbescheinigung", "Ausweisersatz")


@dataclass(frozen=True)
class HandoverInfo:
    handed_over_at: datetime
    recipient_kind: RecipientKind
    recipient_label: str
    recipient_name: str
    recipient_id_number: str
    power_of_attorney: bool
    identity_check: str
    card_serial: str
    online_id_enabled: bool
    withdrawn: tuple[WithdrawnDocument, ...]
    supplementary_sheet: bool
    fingerprints_deleted_at: datetime | None
    caseworker: str
    fee_cents: int | None


@dataclass(frozen=True)
class CardInfo:
    """One card of a case, at whatever step it is."""

    id: int
    case_id: int
    version: int
    status: CardStatus
    status_label: str
    ordered_on: date
    order_number: str
    expected_on: date | None
    arrived_on: date | None
    card_serial: str
    chip_checked: bool
    notified_on: date | None
    notified_how: str
    closed_on: date | None
    closed_reason: str
    overdue_from: date | None
    """The day from which the card counts as not collected (only while it waits)."""
    handover: HandoverInfo | None

    @property
    def waiting(self) -> bool:
        return self.status in WAITING


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


def normalize_serial(text: str) -> str:
    return "".join(ch for ch in text.upper() if ch.isalnum())


def check_serial(text: str, field: str = "seriennummer") -> str:
    serial = normalize_serial(text)
    if not serial:
        raise ValidationError("Bitte die Seriennummer der Karte angeben.", field=field)
    if len(serial) != SERIAL_LENGTH or not serial.isascii():
        raise ValidationError(
            f"Die Seriennummer „{text.strip()}“ passt nicht: eine eAT-Seriennummer hat {SERIAL_LENGTH} Buchstaben "
            "und Ziffern (z. B. Y7K2M4T9L).",
            field=field,
        )
    return serial


# --- the steps ------------------------------------------------------------------------------


def order_card(
    ctx: ServiceContext, case_id: int, ordered_on: date | None = None, order_number: str = "", today: date | None = None
) -> CardInfo:
    """Bestellung bei der Bundesdruckerei; the expected arrival follows from the office's production time."""
    today = today or date.today()
    ordered_on = ordered_on or today
    if ordered_on > today:
        raise ValidationError("Das Bestelldatum liegt in der Zukunft.", field="bestellt_am")
    number = order_number.strip()
    if len(number) > 40:
        raise ValidationError("Die Bestellnummer hat höchstens 40 Zeichen.", field="bestellnummer")
    with ctx.unit_of_work() as uow:
        case = _case(uow, case_id)
        if case.status in (CaseStatus.REJECTED.value, CaseStatus.WITHDRAWN.value):
            raise ValidationError(
                "Der Vorgang ist abgelehnt oder zurückgenommen; dafür wird keine Karte bestellt.", field="vorgang"
            )
        if uow.session.scalar(
            select(CardOrder.id).where(CardOrder.case_id == case.id, CardOrder.status.in_([s.value for s in OPEN]))
        ):
            raise ValidationError(
                "Für diesen Vorgang ist bereits eine Karte bestellt und noch nicht ausgehändigt.", field="vorgang"
            )
        settings = read_office_settings(uow.session)
        card = CardOrder(
            case_id=case.id,
            status=CardStatus.ORDERED.value,
            ordered_on=ordered_on,
            order_number=number or None,
            expected_on=ordered_on + timedelta(weeks=settings.card_production_weeks),
            chip_checked=False,
        )
        uow.session.add(card)
        uow.session.flush()
        uow.audit(
            "eat_bestellt",
            "card_order",
            card.id,
            case_id=case.id,
            bestellt_am=ordered_on.isoformat(),
            bestellnummer=number,
            erwartet=card.expected_on.isoformat() if card.expected_on else None,
        )
        uow.commit()
        return _info(uow, card, settings)


def record_arrival(
    ctx: ServiceContext,
    card_id: int,
    version: int | None,
    card_serial: str,
    chip_checked: bool,
    arrived_on: date | None = None,
    today: date | None = None,
) -> CardInfo:
    """Eingang der Karte: its serial and the chip check. Starts the pickup deadline; a corrected
    arrival date recomputes it."""
    today = today or date.today()
    arrived_on = arrived_on or today
    errors = []
    try:
        serial = check_serial(card_serial)
    except ValidationError as exc:
        errors.append(exc)
    if not chip_checked:
        errors.append(
            ValidationError(
                "Bitte zuerst den Chip prüfen (Daten lesbar und richtig). Eine fehlerhafte Karte wird "
                "zurückgesandt, nicht als eingegangen erfasst.",
                field="chip",
            )
        )
    if arrived_on > today:
        errors.append(ValidationError("Das Eingangsdatum liegt in der Zukunft.", field="eingegangen_am"))
    _raise(errors)
    with ctx.unit_of_work() as uow:
        card = _card(uow, card_id, version)
        if CardStatus(card.status) not in OPEN:
            raise ValidationError(f"Die Karte ist bereits {STATUS_LABELS[CardStatus(card.status)]}.", field="status")
        if arrived_on < card.ordered_on:
            raise ValidationError("Die Karte kann nicht vor ihrer Bestellung eingegangen sein.", field="eingegangen_am")
        other = uow.session.scalar(
            select(Case.file_number)
            .join(CardOrder, CardOrder.case_id == Case.id)
            .where(CardOrder.card_serial == serial, CardOrder.id != card.id)
        )
        if other is not None:
            raise ValidationError(
                f"Die Seriennummer {serial} ist bereits für eine Karte im Vorgang {other} erfasst.",
                field="seriennummer",
            )
        case = _case(uow, card.case_id)
        settings = read_office_settings(uow.session)
        old = {"status": card.status, "eingegangen_am": card.arrived_on, "seriennummer": card.card_serial}
        card.arrived_on, card.card_serial, card.chip_checked = arrived_on, serial, True
        if card.status == CardStatus.ORDERED.value:
            card.status = CardStatus.ARRIVED.value
        upsert_deadline(
            uow,
            case,
            DeadlineKind.CARD_WAITING,
            arrived_on,
            f"eAT eingegangen am {arrived_on:%d.%m.%Y}",
            card_weeks=settings.card_waiting_weeks,
        )
        uow.audit(
            "eat_eingegangen",
            "card_order",
            card.id,
            case_id=case.id,
            eingegangen_am=arrived_on.isoformat(),
            seriennummer=serial,
            chip_geprueft=True,
            vorher={k: str(v) for k, v in old.items() if v is not None} or None,
        )
        uow.commit()
        return _info(uow, card, settings)


def record_notification(
    ctx: ServiceContext,
    card_id: int,
    version: int | None,
    method: NoticeMethod,
    notified_on: date | None = None,
    today: date | None = None,
) -> tuple[CardInfo, int | None]:
    """Benachrichtigung: the pickup letter (stored with the case; its id is returned), or a note
    that the holder was phoned or e-mailed. A second notification is a reminder."""
    today = today or date.today()
    notified_on = notified_on or today
    if notified_on > today:
        raise ValidationError("Das Datum der Benachrichtigung liegt in der Zukunft.", field="benachrichtigt_am")
    with ctx.unit_of_work() as uow:
        card = _card(uow, card_id, version)
        if CardStatus(card.status) not in WAITING:
            raise ValidationError(
                "Benachrichtigen lässt sich erst, wenn die Karte eingegangen und noch nicht ausgehändigt ist.",
                field="status",
            )
        assert card.arrived_on is not None  # every waiting card has arrived
        if notified_on < card.arrived_on:
            raise ValidationError(
                "Die Benachrichtigung kann nicht vor dem Eingang der Karte liegen.", field="benachrichtigt_am"
            )
        case = _case(uow, card.case_id)
        settings = read_office_settings(uow.session)
        letter_id = None
        if method == NoticeMethod.LETTER:
            letter_id = store_letter(
                uow,
                case,
                LetterKind.CARD_PICKUP,
                _pickup_data(uow, case, card, settings, notified_on),
                LetterStatus.SENT,
            ).id
        reminder = card.status == CardStatus.NOTIFIED.value
        card.status, card.notified_on, card.notified_how = CardStatus.NOTIFIED.value, notified_on, method.value
        uow.audit(
            "eat_erinnert" if reminder else "eat_benachrichtigt",
            "card_order",
            card.id,
            case_id=case.id,
            am=notified_on.isoformat(),
            wie=NOTICE_LABELS[method],
        )
        uow.commit()
        return _info(uow, card, settings), letter_id


def pickup_reminders(ctx: ServiceContext, card_ids: list[int], today: date | None = None) -> bytes:
    """Pickup letters for several waiting cards as one PDF (each also kept with its case)."""
    from letters.render import render_batch

    if not card_ids:
        raise ValidationError("Bitte mindestens eine Karte auswählen.", field="auswahl")
    today = today or date.today()
    with ctx.unit_of_work() as uow:
        settings = read_office_settings(uow.session)
        cards = uow.session.scalars(
            select(CardOrder).where(CardOrder.id.in_(card_ids)).order_by(CardOrder.arrived_on, CardOrder.id)
        ).all()
        letters, refused = [], []
        for card in cards:
            case = _case(uow, card.case_id)
            if CardStatus(card.status) not in WAITING:
                refused.append(f"{case.file_number} ({STATUS_LABELS[CardStatus(card.status)]})")
                continue
            try:
                data = _pickup_data(uow, case, card, settings, today)
            except ValidationError as exc:
                refused.append(f"{case.file_number}: {exc.message}")
                continue
            store_letter(uow, case, LetterKind.CARD_PICKUP, data, LetterStatus.SENT)
            reminder = card.status == CardStatus.NOTIFIED.value
            card.status, card.notified_on, card.notified_how = CardStatus.NOTIFIED.value, today, NoticeMethod.LETTER
            uow.audit(
                "eat_erinnert" if reminder else "eat_benachrichtigt",
                "card_order",
                card.id,
                case_id=case.id,
                am=today.isoformat(),
                wie=NOTICE_LABELS[NoticeMethod.LETTER],
            )
            letters.append(data)
        if refused:
            raise ValidationError(
                "Kein Schreiben für: " + "; ".join(refused[:10]) + (" …" if len(refused) > 10 else ""), field="auswahl"
            )
        pdf = render_batch(letters)
        uow.commit()
        return pdf


def handover_form(ctx: ServiceContext, card_id: int, today: date | None = None) -> HandoverForm:
    today = today or date.today()
    with ctx.db.read() as session:
        card = session.get(CardOrder, card_id)
        if card is None:
            raise NotFound(f"Karte {card_id} gibt es nicht.")
        case = session.get(Case, card.case_id)
        assert case is not None  # card_orders.case_id is a foreign key
        person = session.get(Person, case.person_id)
        assert person is not None
        if CardStatus(card.status) not in WAITING or card.arrived_on is None:
            raise ValidationError(
                f"Die Karte ist {STATUS_LABELS[CardStatus(card.status)]}; aushändigen lässt sich nur eine "
                "eingegangene Karte.",
                field="status",
            )
        settings = read_office_settings(session)
        age = person_age(person, today)
        return HandoverForm(
            card_id=card.id,
            version=card.version,
            case_id=case.id,
            file_number=case.file_number,
            holder_name=_name(person),
            birth_date=birth_text(person),
            nationality=nationality_name(person.nationality),
            minor=age is not None and age < ADULT_AGE,
            title=_title(ctx, case),
            card_serial=card.card_serial or "",
            arrived_on=card.arrived_on,
            fee_cents=case.fee_cents if settings.fees_at_handover and case.fee_cents else None,
        )


def hand_over(
    ctx: ServiceContext, card_id: int, version: int | None, given: HandoverInput, now: datetime | None = None
) -> HandoverDone:
    """Aushändigung: checks every field of domain.md § 8 (all messages at once, per field), then
    in one transaction records the handover, marks the card handed over, closes the pickup
    deadline, logs it and keeps the record (Aushändigungsprotokoll) with the case."""
    if ctx.actor.user_id is None:
        raise PermissionDenied("Eine Aushändigung erfasst nur eine angemeldete Person (für das Protokoll).")
    now = now or datetime.now(timezone.utc)
    at = (given.handed_over_at or now).astimezone(timezone.utc)
    with ctx.unit_of_work() as uow:
        card = _card(uow, card_id, version)
        if CardStatus(card.status) not in WAITING or card.arrived_on is None or card.card_serial is None:
            raise ValidationError(
                f"Die Karte ist {STATUS_LABELS[CardStatus(card.status)]}; aushändigen lässt sich nur eine "
                "eingegangene Karte.",
                field="status",
            )
        case = _case(uow, card.case_id)
        person = uow.session.get(Person, case.person_id)
        assert person is not None
        settings = read_office_settings(uow.session)
        fee = case.fee_cents if settings.fees_at_handover and case.fee_cents else None
        local = at.astimezone()
        age = person_age(person, local.date())
        _raise(_handover_errors(given, card, age is not None and age < ADULT_AGE, fee, at, now))
        name, id_number = given.recipient_name.strip(), given.recipient_id_number.strip()
        holder = given.recipient_kind == RecipientKind.HOLDER
        handover = CardHandover(
            card_order_id=card.id,
            handed_over_at=at,
            recipient_kind=given.recipient_kind.value,
            recipient_name=_name(person) if holder else name,
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
        for deadline in _open_waiting(uow, case.id):
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
            holder_name=_name(person),
            holder_birth_date=birth_text(person),
            nationality=nationality_name(person.nationality),
            title=_title(ctx, case),
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
        return HandoverDone(_info(uow, card, settings), letter.id, letter.pdf)


def close_card(
    ctx: ServiceContext,
    card_id: int,
    version: int | None,
    outcome: CardStatus,
    reason: str,
    on: date | None = None,
    today: date | None = None,
) -> CardInfo:
    """A card never collected (or faulty) is returned to the Bundesdruckerei or destroyed: recorded
    as such with the reason, and its pickup deadline is cancelled."""
    today = today or date.today()
    on = on or today
    if outcome not in (CardStatus.RETURNED, CardStatus.DESTROYED):
        raise ValidationError("Bitte „zurückgesandt“ oder „vernichtet“ wählen.", field="ausgang")
    errors = []
    if not reason.strip():
        errors.append(ValidationError("Bitte den Grund angeben (z. B. nicht abgeholt seit …).", field="grund"))
    elif len(reason.strip()) > 500:
        errors.append(ValidationError("Der Grund hat höchstens 500 Zeichen.", field="grund"))
    if on > today:
        errors.append(ValidationError("Das Datum liegt in der Zukunft.", field="am"))
    _raise(errors)
    with ctx.unit_of_work() as uow:
        card = _card(uow, card_id, version)
        if CardStatus(card.status) not in OPEN:
            raise ValidationError(f"Die Karte ist bereits {STATUS_LABELS[CardStatus(card.status)]}.", field="status")
        card.status, card.closed_on, card.closed_reason = outcome.value, on, reason.strip()
        for deadline in _open_waiting(uow, card.case_id):
            close_deadline(
                uow, deadline, f"eAT {STATUS_LABELS[outcome]} am {on:%d.%m.%Y}", status=DeadlineStatus.CANCELLED
            )
        uow.audit(
            "eat_zurueckgesandt" if outcome == CardStatus.RETURNED else "eat_vernichtet",
            "card_order",
            card.id,
            case_id=card.case_id,
            am=on.isoformat(),
            grund=reason.strip(),
            seriennummer=card.card_serial,
        )
        uow.commit()
        return _info(uow, card, read_office_settings(uow.session))


def case_cards(ctx: ServiceContext, case_id: int) -> list[CardInfo]:
    """The cards of a case, newest first, each with its handover where there is one."""
    with ctx.db.read() as session:
        settings = read_office_settings(session)
        rows = session.execute(
            select(CardOrder, CardHandover, User.display_name)
            .outerjoin(CardHandover, CardHandover.card_order_id == CardOrder.id)
            .outerjoin(User, User.id == CardHandover.user_id)
            .where(CardOrder.case_id == case_id)
            .order_by(CardOrder.ordered_on.desc(), CardOrder.id.desc())
        ).all()
        return [_card_info(card, settings, _handover_info(handover, who)) for card, handover, who in rows]


# --- helpers --------------------------------------------------------------------------------


def _handover_errors(
    given: HandoverInput, card: CardOrder, minor: bool, fee: int | None, at: datetime, now: datetime
) -> list[ValidationError]:
    errors = []
    serial = normalize_serial(given.card_serial)
    if not serial:
        errors.append(ValidationError("Bitte die Seriennummer der ausgehändigten Karte angeben.", field="seriennummer"))
    elif serial != card.card_serial:
        errors.append(
            ValidationError(
                "Diese Seriennummer gehört nicht zur eingegangenen Karte dieses Vorgangs: bitte die Karte prüfen.",
                field="seriennummer",
            )
        )
    if not given.identity_check.strip():
        errors.append(ValidationError("Bitte angeben, wie die Identität geprüft wurde.", field="identitaet"))
    elif len(given.identity_check.strip()) > MAX_TEXT:
        errors.append(ValidationError(f"Höchstens {MAX_TEXT} Zeichen.", field="identitaet"))
    kind = given.recipient_kind
    if minor and kind == RecipientKind.HOLDER:
        errors.append(
            ValidationError(
                "Die Inhaberin oder der Inhaber ist minderjährig: die Karte wird einer sorgeberechtigten Person "
                "ausgehändigt (Name und Ausweis angeben).",
                field="empfang",
            )
        )
    if kind == RecipientKind.CUSTODIAN and not minor:
        errors.append(
            ValidationError(
                "Die Inhaberin oder der Inhaber ist volljährig: eine sorgeberechtigte Person gibt es nicht.",
                field="empfang",
            )
        )
    if kind != RecipientKind.HOLDER:
        who = "bevollmächtigten" if kind == RecipientKind.AGENT else "sorgeberechtigten"
        if not given.recipient_name.strip():
            errors.append(ValidationError(f"Bitte den Namen der {who} Person angeben.", field="name"))
        if not given.recipient_id_number.strip():
            errors.append(
                ValidationError(
                    f"Bitte Ausweisdokument und Nummer der {who} Person angeben (z. B. Personalausweis L01X00T47).",
                    field="ausweis",
                )
            )
        if kind == RecipientKind.AGENT and not given.power_of_attorney:
            errors.append(
                ValidationError(
                    "Eine andere Person erhält die Karte nur mit schriftlicher Vollmacht: bitte die Vollmacht "
                    "vorlegen lassen und bestätigen.",
                    field="vollmacht",
                )
            )
    if any(not d.kind.strip() or not d.serial.strip() for d in given.withdrawn):
        errors.append(ValidationError("Bei eingezogenen Dokumenten bitte Art und Nummer angeben.", field="eingezogen"))
    if not given.fingerprints_deleted:
        errors.append(
            ValidationError(
                "Die Fingerabdrücke sind spätestens bei der Aushändigung zu löschen (§ 61a Abs. 2 Satz 2 AufenthV): "
                "bitte die Löschung bestätigen.",
                field="fingerabdruecke",
            )
        )
    if fee and not given.fee_paid:
        errors.append(
            ValidationError(f"Die Gebühr von {euro(fee)} ist bei der Aushändigung zu zahlen.", field="gebuehr")
        )
    if at > now + CLOCK_SLACK:
        errors.append(ValidationError("Der Zeitpunkt der Aushändigung liegt in der Zukunft.", field="zeitpunkt"))
    elif card.arrived_on is not None and at.astimezone().date() < card.arrived_on:
        errors.append(
            ValidationError("Die Aushändigung kann nicht vor dem Eingang der Karte liegen.", field="zeitpunkt")
        )
    return errors


def _raise(errors: list[ValidationError]) -> None:
    if len(errors) == 1:
        raise errors[0]
    if errors:
        raise FieldErrors(errors)


def _case(uow: UnitOfWork, case_id: int) -> Case:
    case = uow.session.get(Case, case_id)
    if case is None:
        raise NotFound(f"Vorgang {case_id} gibt es nicht.")
    return case


def _card(uow: UnitOfWork, card_id: int, version: int | None) -> CardOrder:
    card = uow.session.get(CardOrder, card_id)
    if card is None:
        raise NotFound(f"Karte {card_id} gibt es nicht.")
    if version is not None and card.version != version:
        raise StaleRecord("Die Karte wurde inzwischen an einem anderen Arbeitsplatz geändert. Bitte neu laden.")
    return card


def _open_waiting(uow: UnitOfWork, case_id: int) -> list[Deadline]:
    return list(
        uow.session.scalars(
            select(Deadline).where(
                Deadline.case_id == case_id,
                Deadline.kind == DeadlineKind.CARD_WAITING.value,
                Deadline.status == DeadlineStatus.OPEN.value,
            )
        )
    )


def _name(person: Person) -> str:
    return f"{person.given_names} {person.family_name}".strip()


def _title(ctx: ServiceContext, case: Case) -> str:
    """ "Aufenthaltserlaubnis nach § 16a AufenthG" from the catalogue (the procedure's name otherwise)."""
    try:
        procedure = ctx.catalogue.get(case.procedure_key)
    except NotFound:
        return case.procedure_key
    if procedure.title_kind and procedure.legal_basis:
        return f"{procedure.title_kind} nach {procedure.legal_basis}"
    return procedure.name


def _pickup_data(uow: UnitOfWork, case: Case, card: CardOrder, settings: OfficeSettings, today: date) -> PickupData:
    person = uow.session.get(Person, case.person_id)
    assert person is not None and card.arrived_on is not None
    address, salutation = recipient(person)
    owner = uow.session.get(User, case.owner_id) if case.owner_id else None
    head = office_letterhead(uow.session)
    collect_by = card_pickup_overdue(card.arrived_on, settings.card_waiting_weeks)
    return PickupData(
        letterhead=head,
        address=address,
        info=info_block(head, case.file_number, owner, today),
        salutation=salutation,
        draft=False,
        title=_title(uow.ctx, case),
        collect_by=collect_by if collect_by > today else None,
        fee_cents=case.fee_cents if settings.fees_at_handover and case.fee_cents else None,
        agent_allowed=True,
    )


def _info(uow: UnitOfWork, card: CardOrder, settings: OfficeSettings) -> CardInfo:
    row = uow.session.execute(
        select(CardHandover, User.display_name)
        .outerjoin(User, User.id == CardHandover.user_id)
        .where(CardHandover.card_order_id == card.id)
    ).first()
    return _card_info(card, settings, _handover_info(*row) if row else None)


def _card_info(card: CardOrder, settings: OfficeSettings, handover: HandoverInfo | None) -> CardInfo:
    status = CardStatus(card.status)
    return CardInfo(
        id=card.id,
        case_id=card.case_id,
        version=card.version,
        status=status,
        status_label=STATUS_LABELS[status],
        ordered_on=card.ordered_on,
        order_number=card.order_number or "",
        expected_on=card.expected_on,
        arrived_on=card.arrived_on,
        card_serial=card.card_serial or "",
        chip_checked=card.chip_checked,
        notified_on=card.notified_on,
        notified_how=NOTICE_LABELS[NoticeMethod(card.notified_how)] if card.notified_how else "",
        closed_on=card.closed_on,
        closed_reason=card.closed_reason or "",
        overdue_from=(
            card_pickup_overdue(card.arrived_on, settings.card_waiting_weeks)
            if status in WAITING and card.arrived_on
            else None
        ),
        handover=handover,
    )


def _handover_info(handover: CardHandover | None, who: str | None) -> HandoverInfo | None:
    if handover is None:
        return None
    kind = RecipientKind(handover.recipient_kind)
    return HandoverInfo(
        handed_over_at=handover.handed_over_at,
        recipient_kind=kind,
        recipient_label=RECIPIENT_LABELS[kind],
        recipient_name=handover.recipient_name,
        recipient_id_number=handover.agent_id_number or "",
        power_of_attorney=handover.power_of_attorney,
        identity_check=handover.identity_check,
        card_serial=handover.card_serial,
        online_id_enabled=handover.online_id_enabled,
        withdrawn=tuple(WithdrawnDocument(d["kind"], d["serial"]) for d in json.loads(handover.old_documents_json)),
        supplementary_sheet=handover.supplementary_sheet,
        fingerprints_deleted_at=handover.fingerprints_deleted_at,
        caseworker=who or "",
        fee_cents=handover.fee_cents,
    )
