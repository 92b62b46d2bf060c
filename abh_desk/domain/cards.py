"""The eAT card's states and words (domain.md § 8): the German labels of its status, of how its
holder was told it arrived and of who collected it, and the rule a card serial has to meet.

The steps themselves (order, arrival, notification, return) are :mod:`abh_desk.services.cards`,
the handover :mod:`abh_desk.services.card_handover`.
"""

from __future__ import annotations

from enum import StrEnum

from abh_desk.domain.enums import CardStatus
from abh_desk.errors import ValidationError

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


def normalize_serial(text: str) -> str:
    return "".join(ch for ch in text.upper() if ch.isalnum())


def check_serial(text: str, field: str = "seriennummer") -> str:
    serial = normalize_serial(text)
    if not serial:
        raise ValidationError("domain_cards.serial_missing", field=field)
    if len(serial) != SERIAL_LENGTH or not serial.isascii():
        raise ValidationError("domain_cards.serial_wrong", field=field, serial=text.strip(), length=SERIAL_LENGTH)
    return serial
