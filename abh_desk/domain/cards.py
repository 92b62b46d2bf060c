"""The eAT card's states and words (domain.md § 8): the German labels of its status, of how its
holder was told it arrived and of who collected it, and the rule a card serial has to meet.

The steps themselves (order, arrival, notification, return) are :mod:`abh_desk.services.cards`,
the handover :mod:`abh_desk.services.card_handover`.
"""

from __future__ import annotations

from enum import StrEnum

from abh_desk.domain.enums import CardStatus
from abh_desk.error_texts import Label
from abh_desk.errors import ValidationError

STATUS_LABELS = {
    CardStatus.ORDERED: Label("domain_cards.status_ordered"),
    CardStatus.ARRIVED: Label("shared.received"),
    CardStatus.NOTIFIED: Label("domain_cards.status_notified"),
    CardStatus.HANDED_OVER: Label("domain_cards.status_handed_over"),
    CardStatus.RETURNED: Label("domain_cards.status_returned"),
    CardStatus.DESTROYED: Label("domain_cards.status_destroyed"),
}
#: Cards at the office, not yet handed over ("nicht ausgehändigt").
WAITING = (CardStatus.ARRIVED, CardStatus.NOTIFIED)
OPEN = (CardStatus.ORDERED, *WAITING)
SERIAL_LENGTH = 9  # eAT document numbers: nine letters and digits, a new one for every card (§ 78 AufenthG)


class NoticeMethod(StrEnum):
    LETTER = "brief"
    PHONE = "telefon"
    EMAIL = "email"


NOTICE_LABELS = {
    NoticeMethod.LETTER: Label("domain_cards.notice_letter"),
    NoticeMethod.PHONE: Label("domain_cards.notice_phone"),
    NoticeMethod.EMAIL: Label("domain_cards.notice_email"),
}


class RecipientKind(StrEnum):
    HOLDER = "inhaber"
    AGENT = "bevollmaechtigt"
    CUSTODIAN = "sorgeberechtigt"


RECIPIENT_LABELS = {
    RecipientKind.HOLDER: Label("domain_cards.recipient_holder"),
    RecipientKind.AGENT: Label("domain_cards.recipient_agent"),
    RecipientKind.CUSTODIAN: Label("domain_cards.recipient_custodian"),
}


def normalize_serial(text: str) -> str:
    return "".join(ch for ch in text.upper() if ch.isalnum())


def check_serial(text: str, field: str = "seriennummer") -> str:
    serial = normalize_serial(text)
    if not serial:
        raise ValidationError("domain_cards.serial_missing", field=field)
    if len(serial) != SERIAL_LENGTH or not serial.isascii():
        raise ValidationError("domain_cards.serial_wrong", field=field, serial=text.strip(), length=SERIAL_LENGTH)
    return serial
