"""eAT cards for the demo data, so that the Karten page and the case's eAT tab have something to
show: cases granted in the last twelve weeks get a card — ordered, arrived, notified (some long
overdue) or handed over — with the pickup deadlines the real services would store.

Deterministic per seed; cases that already have a card are left alone.
"""

from __future__ import annotations

import random
from dataclasses import replace
from datetime import datetime, time, timedelta, timezone

from sqlalchemy import exists, insert, select

from abh_desk.domain.cards import NoticeMethod, RecipientKind
from abh_desk.domain.deadlines import DeadlineContext, compute
from abh_desk.domain.enums import CardStatus, CaseStatus, DeadlineKind, DeadlineStatus
from abh_desk.services.context import ServiceContext
from abh_desk.services.office import read_office_settings
from models import CardHandover, CardOrder, Case, Deadline, Person, ResidenceTitle

RECENT = timedelta(weeks=12)
MAX_CARDS = 5_000


def generate_demo_cards(ctx: ServiceContext, seed: int = 1) -> int:
    """Add demo cards to recently granted cases; returns how many were written."""
    today = ctx.today()
    rng = random.Random(seed)
    with ctx.unit_of_work() as uow:
        session = uow.session
        settings = read_office_settings(session)
        context = replace(
            DeadlineContext.for_land(settings.land, local=settings.local_holidays),
            card_weeks=settings.card_waiting_weeks,
        )
        serial = (
            select(ResidenceTitle.card_serial)
            .where(ResidenceTitle.case_id == Case.id, ResidenceTitle.card_serial.is_not(None))
            .limit(1)
            .scalar_subquery()
        )
        rows = session.execute(
            select(
                Case.id, Case.decided_on, Case.owner_id, Case.area_id, Person.given_names, Person.family_name, serial
            )
            .join(Person, Person.id == Case.person_id)
            .where(
                Case.status == CaseStatus.GRANTED.value,
                Case.decided_on >= today - RECENT,
                ~exists().where(CardOrder.case_id == Case.id),
            )
            .order_by(Case.decided_on.desc(), Case.id)
            .limit(MAX_CARDS)
        ).all()
        deadlines: list[dict[str, object]] = []
        now = uow.now
        for case_id, decided_on, owner_id, area_id, given, family, title_serial in rows:
            ordered_on = min(decided_on + timedelta(days=rng.randint(0, 3)), today)
            card = CardOrder(
                case_id=case_id,
                status=CardStatus.ORDERED.value,
                ordered_on=ordered_on,
                order_number=f"BD-{ordered_on:%Y}-{case_id:07d}",
                expected_on=ordered_on + timedelta(weeks=settings.card_production_weeks),
                chip_checked=False,
            )
            arrived_on = ordered_on + timedelta(days=rng.randint(14, 42))
            if arrived_on <= today:
                card.arrived_on, card.chip_checked = arrived_on, True
                card.card_serial = title_serial or f"D{case_id:08d}"
                card.status = CardStatus.ARRIVED.value
                if rng.random() < 0.7 and arrived_on + timedelta(days=2) <= today:
                    card.status, card.notified_on = CardStatus.NOTIFIED.value, arrived_on + timedelta(days=1)
                    card.notified_how = rng.choice(list(NoticeMethod)).value
                picked_up = arrived_on + timedelta(days=rng.randint(3, 20))
                handed_over = owner_id is not None and picked_up <= today and rng.random() < 0.5
                computed = compute(DeadlineKind.CARD_WAITING, arrived_on, context)
                deadlines.append(
                    {
                        "case_id": case_id,
                        "owner_id": owner_id,
                        "area_id": area_id,
                        "kind": DeadlineKind.CARD_WAITING.value,
                        "event_date": arrived_on,
                        "nominal_date": computed.nominal,
                        "due_date": computed.due,
                        "status": (DeadlineStatus.DONE if handed_over else DeadlineStatus.OPEN).value,
                        "source_event": f"eAT eingegangen am {arrived_on:%d.%m.%Y}",
                        "note": computed.note,
                        "created_at": now,
                        "closed_at": now if handed_over else None,
                        "version": 1,
                    }
                )
                if handed_over:
                    assert owner_id is not None
                    card.status, card.closed_on = CardStatus.HANDED_OVER.value, picked_up
                    session.add(card)
                    session.flush()
                    at = datetime.combine(picked_up, time(9, rng.randint(0, 59)), timezone.utc)
                    session.add(
                        CardHandover(
                            card_order_id=card.id,
                            handed_over_at=at,
                            recipient_kind=RecipientKind.HOLDER.value,
                            recipient_name=f"{given} {family}".strip(),
                            identity_check="Reisepass",
                            card_serial=card.card_serial,
                            online_id_enabled=rng.random() < 0.3,
                            old_documents_json="[]",
                            supplementary_sheet=False,
                            fingerprints_deleted_at=at,
                            user_id=owner_id,
                        )
                    )
                    continue
            session.add(card)
        if deadlines:
            session.execute(insert(Deadline), deadlines)
        uow.audit("demo_karten_erzeugt", "card_order", None, anzahl=len(rows))
        uow.commit()
        return len(rows)
