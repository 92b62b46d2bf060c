"""To whom a notice or hearing goes: the person, or — for a minor (or an adult under Betreuung with
Einwilligungsvorbehalt) — her legal representatives (``abh_desk.domain.representation``).

A rejection's draft may be written without a recorded representative: it is addressed to the
person, marked in the note zone, and cannot be submitted, approved or sent until the representation
is recorded and the draft saved again. Letters that go out at once (hearing, Nachforderung) are
refused instead."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy.orm import Session

from abh_desk.domain.representation import RepresentationKind, address_block
from abh_desk.errors import ValidationError
from abh_desk.services.case_letters import recipient
from abh_desk.services.queries import birth_text
from abh_desk.services.representatives import addressing_of
from letters.data import Address, LetterData, Represented
from models import Person

#: A minor represented by a Vormund or the Jugendamt came without her parents (§ 58 Abs. 1a AufenthG).
UNACCOMPANIED = (RepresentationKind.GUARDIAN, RepresentationKind.YOUTH_OFFICE)

#: Printed above the address of a draft that cannot go out (Vermerkzone).
NOT_TO_SEND = "NICHT VERSENDEN – gesetzliche Vertretung fehlt"


@dataclass(frozen=True)
class NoticeRecipient:
    address: Address
    salutation: str
    represented: Represented | None
    problem: ValidationError | None  # the notice must not go out (a minor without a usable representation)


def notice_recipient(session: Session, person: Person, day: date) -> NoticeRecipient:
    """The address, salutation and representation of a notice about ``person`` dated ``day``."""
    addressing = addressing_of(session, person, day)
    if addressing.refusal is not None:
        address, salutation = recipient(person)
        return NoticeRecipient(Address(address.lines, notes=(NOT_TO_SEND,)), salutation, None, addressing.refusal)
    if not addressing.represented:
        address, salutation = recipient(person)
        return NoticeRecipient(address, salutation, None, None)
    block = address_block(addressing.representatives, (person.street or "", person.postcode or "", person.city or ""))
    name = f"{person.given_names} {person.family_name}".strip()
    unaccompanied = addressing.representatives[0].kind in UNACCOMPANIED
    represented = Represented(name, _born(person), block.role, unaccompanied)
    return NoticeRecipient(Address(block.lines), block.salutation, represented, None)


def _born(person: Person) -> str:
    """The birth date as the letter names it: "04.05.2013", or "2013" where only the year is known."""
    if person.birth_day:
        return birth_text(person)
    if person.birth_month:
        return f"{person.birth_month:02d}.{person.birth_year}"
    return str(person.birth_year or "")


def sendable_recipient(session: Session, person: Person, day: date) -> NoticeRecipient:
    """For a letter that goes out at once: refused where the representation is missing."""
    found = notice_recipient(session, person, day)
    if found.problem is not None:
        raise found.problem
    return found


def representation_changed(stored: LetterData, session: Session, person: Person, day: date) -> ValidationError | None:
    """Why a stored notice cannot go out on ``day`` as it is addressed, or None."""
    now = notice_recipient(session, person, day)
    if now.problem is not None:
        return now.problem
    if NOT_TO_SEND in stored.address.notes:
        return ValidationError("notice_addressing.saved_without_representation", field="vertretung")
    if stored.represented is None and now.represented is not None:
        return ValidationError("notice_addressing.now_to_representation", field="vertretung", day=day)
    if stored.represented is not None and now.represented is None:
        return ValidationError("notice_addressing.now_of_age", field="vertretung", day=day)
    if stored.represented is not None and (stored.address.lines, stored.represented) != (
        now.address.lines,
        now.represented,
    ):
        return ValidationError("notice_addressing.representation_changed", field="vertretung")
    return None
