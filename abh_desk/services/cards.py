"""The eAT card's way (domain.md § 8): the order to the Bundesdruckerei, the card's arrival with its
chip checked, the notification, and the handover at the counter with its record
(Aushändigungsprotokoll) — or, after long non-collection, its return or destruction.

Every step is one transaction with its audit entry. Arrival stores a CARD_WAITING deadline
(overdue N weeks after arrival, an office setting); handover, return and destruction close it.
The handover itself is :mod:`abh_desk.services.card_handover`, the list of cards not yet handed
over :mod:`abh_desk.services.card_list`.
"""

from __future__ import annotations

from datetime import date, timedelta

from sqlalchemy import select

from abh_desk.domain.appointments import CARD_PICKUP
from abh_desk.domain.cards import NOTICE_LABELS, OPEN, STATUS_LABELS, WAITING, NoticeMethod, check_serial
from abh_desk.domain.deadlines import card_pickup_overdue
from abh_desk.domain.enums import (
    CardStatus,
    DeadlineKind,
    DeadlineStatus,
    LetterKind,
    LetterStatus,
)
from abh_desk.domain.text import clean_text
from abh_desk.error_texts import Label
from abh_desk.errors import ValidationError, raise_all
from abh_desk.services.appointment_hours import proposed_slot
from abh_desk.services.card_records import CardInfo, card_info, card_now, card_refusal, handover_info
from abh_desk.services.case_access import readable_case
from abh_desk.services.case_letters import info_block, recipient, store_letter
from abh_desk.services.context import ServiceContext, UnitOfWork
from abh_desk.services.deadlines import close_deadline, upsert_deadline
from abh_desk.services.letterhead import office_letterhead
from abh_desk.services.office import OfficeSettings, read_office_settings
from abh_desk.services.queries import load_card, load_case, open_waiting, title_of
from letters.data import PickupData
from models import CardHandover, CardOrder, Case, Person, User

# --- the steps ------------------------------------------------------------------------------


def order_card(ctx: ServiceContext, case_id: int, ordered_on: date | None = None, order_number: str = "") -> CardInfo:
    """Bestellung bei der Bundesdruckerei, only after the grant (the card carries the granted title);
    the expected arrival follows from the office's production time."""
    today = ctx.today()
    ordered_on = ordered_on or today
    if ordered_on > today:
        raise ValidationError("cards.order_date_in_future", field="bestellt_am")
    number = clean_text(order_number, "bestellnummer", Label("cards.label_order_number"), 40)
    with ctx.unit_of_work() as uow:
        case = load_case(uow, case_id, casework=True)
        refused = card_refusal(ctx, case)
        if refused is not None:
            raise refused
        if case.decided_on is not None and ordered_on < case.decided_on:
            raise ValidationError(
                "cards.ordered_before_grant",
                decided_on=case.decided_on,
                field="bestellt_am",
            )
        if uow.session.scalar(
            select(CardOrder.id).where(CardOrder.case_id == case.id, CardOrder.status.in_([s.value for s in OPEN]))
        ):
            raise ValidationError("cards.already_ordered", field="vorgang")
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
        return card_now(uow, card, settings)


def record_arrival(
    ctx: ServiceContext,
    card_id: int,
    version: int | None,
    card_serial: str,
    chip_checked: bool,
    arrived_on: date | None = None,
) -> CardInfo:
    """Eingang der Karte: its serial and the chip check. Starts the pickup deadline; a corrected
    arrival date recomputes it."""
    today = ctx.today()
    arrived_on = arrived_on or today
    errors = []
    try:
        serial = check_serial(card_serial)
    except ValidationError as exc:
        errors.append(exc)
    if not chip_checked:
        errors.append(
            ValidationError(
                "cards.chip_not_checked",
                field="chip",
            )
        )
    if arrived_on > today:
        errors.append(ValidationError("shared.received_in_future", field="eingegangen_am"))
    raise_all(errors)
    with ctx.unit_of_work() as uow:
        card = load_card(uow, card_id, version)
        if CardStatus(card.status) not in OPEN:
            raise ValidationError("cards.card_already", status=STATUS_LABELS[CardStatus(card.status)], field="status")
        if arrived_on < card.ordered_on:
            raise ValidationError("cards.arrived_before_order", field="eingegangen_am")
        other = uow.session.scalar(
            select(Case.file_number)
            .join(CardOrder, CardOrder.case_id == Case.id)
            .where(CardOrder.card_serial == serial, CardOrder.id != card.id)
        )
        if other is not None:
            raise ValidationError(
                "cards.serial_taken",
                serial=serial,
                other=other,
                field="seriennummer",
            )
        case = load_case(uow, card.case_id)
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
        return card_now(uow, card, settings)


def record_notification(
    ctx: ServiceContext,
    card_id: int,
    version: int | None,
    method: NoticeMethod,
    notified_on: date | None = None,
) -> tuple[CardInfo, int | None]:
    """Benachrichtigung: the pickup letter (stored with the case; its id is returned), or a note
    that the holder was phoned or e-mailed. A second notification is a reminder."""
    today = ctx.today()
    notified_on = notified_on or today
    if notified_on > today:
        raise ValidationError("cards.notification_date_in_future", field="benachrichtigt_am")
    with ctx.unit_of_work() as uow:
        card = load_card(uow, card_id, version)
        if CardStatus(card.status) not in WAITING:
            raise ValidationError(
                "cards.notify_only_waiting",
                field="status",
            )
        assert card.arrived_on is not None  # every waiting card has arrived
        if notified_on < card.arrived_on:
            raise ValidationError("cards.notified_before_arrival", field="benachrichtigt_am")
        case = load_case(uow, card.case_id)
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
        return card_now(uow, card, settings), letter_id


def pickup_reminders(ctx: ServiceContext, card_ids: list[int]) -> bytes:
    """Pickup letters for several waiting cards as one PDF (each also kept with its case)."""
    from letters.render import render_batch

    if not card_ids:
        raise ValidationError("cards.select_a_card", field="auswahl")
    today = ctx.today()
    with ctx.unit_of_work() as uow:
        settings = read_office_settings(uow.session)
        cards = uow.session.scalars(
            select(CardOrder).where(CardOrder.id.in_(card_ids)).order_by(CardOrder.arrived_on, CardOrder.id)
        ).all()
        letters, refused = [], []
        for card in cards:
            case = load_case(uow, card.case_id)
            if CardStatus(card.status) not in WAITING:
                refused.append(f"{case.file_number} ({STATUS_LABELS[CardStatus(card.status)]})")
                continue
            try:
                data = _pickup_data(uow, case, card, settings, today)
            except ValidationError as exc:
                refused.append(f"{case.file_number}: {exc}")
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
            listed = "; ".join(refused[:10]) + (" …" if len(refused) > 10 else "")
            raise ValidationError("cards.no_letter_for", cases=listed, field="auswahl")
        pdf = render_batch(letters)
        uow.commit()
        return pdf


def close_card(
    ctx: ServiceContext,
    card_id: int,
    version: int | None,
    outcome: CardStatus,
    reason: str,
    on: date | None = None,
) -> CardInfo:
    """A card never collected (or faulty) is returned to the Bundesdruckerei or destroyed: recorded
    as such with the reason, and its pickup deadline is cancelled."""
    today = ctx.today()
    on = on or today
    if outcome not in (CardStatus.RETURNED, CardStatus.DESTROYED):
        raise ValidationError("cards.choose_outcome", field="ausgang")
    errors = []
    try:
        reason = clean_text(reason, "grund", Label("shared.label_reason"), 500)
        if not reason:
            errors.append(ValidationError("cards.reason_missing", field="grund"))
    except ValidationError as exc:
        errors.append(exc)
    if on > today:
        errors.append(ValidationError("cards.date_in_future", field="am"))
    raise_all(errors)
    with ctx.unit_of_work() as uow:
        card = load_card(uow, card_id, version)
        if CardStatus(card.status) not in OPEN:
            raise ValidationError("cards.card_already", status=STATUS_LABELS[CardStatus(card.status)], field="status")
        card.status, card.closed_on, card.closed_reason = outcome.value, on, reason
        for deadline in open_waiting(uow, card.case_id):
            close_deadline(
                uow, deadline, f"eAT {STATUS_LABELS[outcome]} am {on:%d.%m.%Y}", status=DeadlineStatus.CANCELLED
            )
        uow.audit(
            "eat_zurueckgesandt" if outcome == CardStatus.RETURNED else "eat_vernichtet",
            "card_order",
            card.id,
            case_id=card.case_id,
            am=on.isoformat(),
            grund=reason,
            seriennummer=card.card_serial,
        )
        uow.commit()
        return card_now(uow, card, read_office_settings(uow.session))


def case_cards(ctx: ServiceContext, case_id: int) -> list[CardInfo]:
    """The cards of a case, newest first, each with its handover where there is one (part of the
    case file: access as for the case)."""
    with ctx.db.read() as session:
        readable_case(session, ctx.actor, case_id, ctx.today())
        settings = read_office_settings(session)
        rows = session.execute(
            select(CardOrder, CardHandover, User.display_name)
            .outerjoin(CardHandover, CardHandover.card_order_id == CardOrder.id)
            .outerjoin(User, User.id == CardHandover.user_id)
            .where(CardOrder.case_id == case_id)
            .order_by(CardOrder.ordered_on.desc(), CardOrder.id.desc())
        ).all()
        return [card_info(card, settings, handover_info(handover, who)) for card, handover, who in rows]


#: A letter's way to the person: a slot proposed before it arrives would be of no use.
LETTER_DAYS = timedelta(days=3)


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
        title=title_of(uow.ctx, case),
        collect_by=collect_by if collect_by > today else None,
        fee_cents=case.fee_cents if settings.fees_at_handover and case.fee_cents else None,
        agent_allowed=True,
        offered_slot=proposed_slot(uow.ctx, uow.session, person, CARD_PICKUP, case, today + LETTER_DAYS),
    )
