"""A card as the services hand it out: its steps and its handover as plain data (CardInfo,
HandoverInfo), read from the card's rows. The card service and the handover return these."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import select

from abh_desk.domain.cards import NOTICE_LABELS, RECIPIENT_LABELS, STATUS_LABELS, WAITING, NoticeMethod, RecipientKind
from abh_desk.domain.deadlines import card_pickup_overdue
from abh_desk.domain.enums import CASE_STATUS_LABELS, CardStatus, CaseStatus
from abh_desk.errors import NotFound, ValidationError
from abh_desk.services.context import ServiceContext, UnitOfWork
from abh_desk.services.office import OfficeSettings
from letters.data import WithdrawnDocument
from models import CardHandover, CardOrder, Case, User


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


def card_now(uow: UnitOfWork, card: CardOrder, settings: OfficeSettings) -> CardInfo:
    row = uow.session.execute(
        select(CardHandover, User.display_name)
        .outerjoin(User, User.id == CardHandover.user_id)
        .where(CardHandover.card_order_id == card.id)
    ).first()
    return card_info(card, settings, handover_info(*row) if row else None)


def card_info(card: CardOrder, settings: OfficeSettings, handover: HandoverInfo | None) -> CardInfo:
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


def handover_info(handover: CardHandover | None, who: str | None) -> HandoverInfo | None:
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


def card_refusal(ctx: ServiceContext, case: Case) -> ValidationError | None:
    """None when an eAT may be ordered for the case: it is granted, and its grant is issued as a card
    (§ 78 Abs. 1 AufenthG). Otherwise why not — the order refuses with it, the decision tab shows it."""
    status = CaseStatus(case.status)
    if status != CaseStatus.GRANTED:
        return ValidationError("shared.not_granted_yet", field="vorgang", status=CASE_STATUS_LABELS[status])
    try:
        procedure = ctx.catalogue.get(case.procedure_key)
    except NotFound:
        return None
    if not procedure.card:
        return ValidationError("grants.no_card", field="vorgang", title=procedure.title_kind or procedure.name)
    return None
