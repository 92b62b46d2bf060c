"""The list of cards not yet handed over (nicht ausgehändigte Karten), oldest first, with their
age; overdue ones (N weeks after arrival, the deadline engine's CARD_WAITING) marked. Found at the
counter by name, Aktenzeichen or card serial."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import Select, func, or_, select

from abh_desk.domain.cards import NOTICE_LABELS, STATUS_LABELS, WAITING, NoticeMethod, normalize_serial
from abh_desk.domain.enums import CardStatus
from abh_desk.domain.names import search_key, search_key_upper_bound
from abh_desk.services.context import ServiceContext
from abh_desk.services.office import read_office_settings
from abh_desk.services.queries import birth_text
from abh_desk.services.read_log import note_read
from models import CardOrder, Case, Person, User

MAX_ROWS = 2_000
_Rows = Select[CardOrder, Case, Person, str | None]


@dataclass(frozen=True)
class WaitingCard:
    card_id: int
    version: int
    case_id: int
    person_id: int
    file_number: str
    person_name: str
    birth_date: str
    card_serial: str
    status_label: str
    arrived_on: date
    notified_on: date | None
    notified_how: str
    owner: str
    age_days: int
    overdue_from: date
    overdue: bool


def _waiting() -> _Rows:
    return (
        select(CardOrder, Case, Person, User.display_name)
        .join(Case, Case.id == CardOrder.case_id)
        .join(Person, Person.id == Case.person_id)
        .outerjoin(User, User.id == Case.owner_id)
        .where(CardOrder.status.in_([s.value for s in WAITING]))
    )


def _matching(query: _Rows, text: str) -> _Rows:
    """A name ("nguyen", "Nguyễn Thị"), an Aktenzeichen or a card serial."""
    text = text.strip()
    if not text:
        return query
    if any(ch.isdigit() for ch in text):
        return query.where(
            or_(func.upper(Case.file_number) == text.upper(), CardOrder.card_serial == normalize_serial(text))
        )
    words = text.replace(",", " ").split()
    family = search_key(words[0])
    query = query.where(Person.family_name_key >= family, Person.family_name_key < search_key_upper_bound(family))
    given = search_key(" ".join(words[1:])) if len(words) > 1 else ""
    if given:
        query = query.where(Person.given_names_key >= given, Person.given_names_key < search_key_upper_bound(given))
    return query


def waiting_cards(ctx: ServiceContext, text: str = "", overdue_only: bool = False) -> list[WaitingCard]:
    """Cards at the office not yet handed over, the longest waiting first (at most 2,000)."""
    today = ctx.today()
    with ctx.db.read() as session:
        weeks = read_office_settings(session).card_waiting_weeks
        query = _matching(_waiting(), text)
        if overdue_only:
            query = query.where(CardOrder.arrived_on <= today - timedelta(weeks=weeks))
        rows = session.execute(query.order_by(CardOrder.arrived_on, CardOrder.id).limit(MAX_ROWS)).all()
        result = []
        for card, case, person, owner in rows:
            assert card.arrived_on is not None  # waiting cards have arrived
            overdue_from = card.arrived_on + timedelta(weeks=weeks)
            result.append(
                WaitingCard(
                    card_id=card.id,
                    version=card.version,
                    case_id=case.id,
                    person_id=person.id,
                    file_number=case.file_number,
                    person_name=f"{person.family_name}, {person.given_names}".rstrip(", "),
                    birth_date=birth_text(person),
                    card_serial=card.card_serial or "",
                    status_label=STATUS_LABELS[CardStatus(card.status)],
                    arrived_on=card.arrived_on,
                    notified_on=card.notified_on,
                    notified_how=NOTICE_LABELS[NoticeMethod(card.notified_how)] if card.notified_how else "",
                    owner=owner or "",
                    age_days=(today - card.arrived_on).days,
                    overdue_from=overdue_from,
                    overdue=today >= overdue_from,
                )
            )
    note_read(ctx, "kartenliste_gelesen", "karten", suchtext=text, ueberfaellige=overdue_only, zeilen=len(result))
    return result


def waiting_count(ctx: ServiceContext, text: str = "", overdue_only: bool = False) -> tuple[int, int]:
    """(cards, of them overdue) that ``waiting_cards`` would list with no limit: the true count
    beside a list that stops at ``MAX_ROWS``."""
    today = ctx.today()
    with ctx.db.read() as session:
        weeks = read_office_settings(session).card_waiting_weeks
        late = CardOrder.arrived_on <= today - timedelta(weeks=weeks)
        query = _matching(_waiting(), text)
        if overdue_only:
            query = query.where(late)
        counted = query.with_only_columns(func.count(), func.count().filter(late)).order_by(None)
        total, overdue = session.execute(counted).one()
        return int(total), int(overdue)


def card_counts(ctx: ServiceContext) -> tuple[int, int]:
    """(cards waiting, of them overdue), for the start page."""
    today = ctx.today()
    with ctx.db.read() as session:
        weeks = read_office_settings(session).card_waiting_weeks
        waiting = [s.value for s in WAITING]
        total, overdue = session.execute(
            select(
                func.count(),
                func.count().filter(CardOrder.arrived_on <= today - timedelta(weeks=weeks)),
            ).where(CardOrder.status.in_(waiting))
        ).one()
        return int(total), int(overdue)
