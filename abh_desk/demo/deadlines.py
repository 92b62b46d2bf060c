"""Deadlines for the demo data, so that worklists have something to show: expiry reminders of
current titles, Wiedervorlagen on open cases, objection periods of recent rejections.

Computed with the real engine (``domain.deadlines``) and written in bulk; deterministic per seed.
"""

from __future__ import annotations

import random
from dataclasses import replace
from datetime import date, timedelta

from sqlalchemy import and_, exists, func, insert, select
from sqlalchemy.orm import aliased

from abh_desk.domain.deadlines import DeadlineContext, compute
from abh_desk.domain.enums import OPEN_CASE_STATUSES, CaseStatus, DeadlineKind, DeadlineStatus
from abh_desk.services.context import ServiceContext
from abh_desk.services.office import read_office_settings
from models import Case, Deadline, ResidenceTitle

CHUNK = 20_000
FOLLOW_UP_SHARE = 0.25


def generate_demo_deadlines(ctx: ServiceContext, seed: int = 1) -> int:
    """Add the demo deadlines to cases that have none yet; returns how many were written."""
    today = ctx.today()
    rng = random.Random(seed)
    with ctx.unit_of_work() as uow:
        session = uow.session
        settings = read_office_settings(session)
        context = DeadlineContext.for_land(settings.land, local=settings.local_holidays)
        has_deadline = exists().where(Deadline.case_id == Case.id)
        later = aliased(ResidenceTitle)
        rows: list[dict[str, object]] = []
        now = uow.now

        def add(
            case_id: int,
            owner_area: tuple[int | None, int],
            kind: DeadlineKind,
            event: date,
            source: str,
            title_id: int | None = None,
            status: DeadlineStatus = DeadlineStatus.OPEN,
            **overrides: object,
        ) -> None:
            computed = compute(kind, event, replace(context, **overrides))  # type: ignore[arg-type]
            rows.append(
                {
                    "case_id": case_id,
                    "owner_id": owner_area[0],
                    "area_id": owner_area[1],
                    "title_id": title_id,
                    "kind": kind.value,
                    "event_date": event,
                    "nominal_date": computed.nominal,
                    "due_date": computed.due,
                    "status": status.value,
                    "source_event": source,
                    "note": computed.note,
                    "created_at": now,
                    "version": 1,
                }
            )

        titles = session.execute(
            select(
                ResidenceTitle.id,
                ResidenceTitle.case_id,
                ResidenceTitle.valid_until,
                ResidenceTitle.kind,
                Case.owner_id,
                Case.area_id,
            )
            .join(Case, Case.id == ResidenceTitle.case_id)
            .where(
                ResidenceTitle.valid_until.between(today - timedelta(days=30), today + timedelta(weeks=20)),
                ~exists().where(
                    and_(later.person_id == ResidenceTitle.person_id, later.valid_from > ResidenceTitle.valid_from)
                ),
                ~has_deadline,
            )
            .order_by(ResidenceTitle.id)
        ).all()
        for title_id, case_id, valid_until, kind, owner, area in titles:
            assert case_id is not None and valid_until is not None  # selected by the join and range above
            add(
                case_id,
                (owner, area),
                DeadlineKind.EXPIRY_REMINDER,
                valid_until,
                f"{kind} gültig bis {valid_until:%d.%m.%Y}",
                title_id,
            )

        open_cases = session.execute(
            select(Case.id, Case.owner_id, Case.area_id)
            .where(Case.status.in_([s.value for s in OPEN_CASE_STATUSES]), ~has_deadline)
            .order_by(Case.id)
        ).all()
        week_end = today + timedelta(days=6 - today.weekday())
        busy_this_week: set[int | None] = set()
        for case_id, owner, area in open_cases:
            if rng.random() < FOLLOW_UP_SHARE:
                on = today + timedelta(days=rng.randint(-10, 45))
                add(case_id, (owner, area), DeadlineKind.FOLLOW_UP, on, "Wiedervorlage gesetzt", today=min(on, today))
                if today <= on <= week_end:
                    busy_this_week.add(owner)
        # Whatever day the demo is made on, every caseworker with open cases has something due this week.
        first_open = session.execute(
            select(func.min(Case.id), Case.owner_id)
            .where(Case.status.in_([s.value for s in OPEN_CASE_STATUSES]), Case.owner_id.is_not(None))
            .group_by(Case.owner_id)
            .order_by(Case.owner_id)
        ).all()
        for case_id, owner in first_open:
            if owner not in busy_this_week:
                area_id = session.scalar(select(Case.area_id).where(Case.id == case_id))
                assert area_id is not None  # cases.area_id is not null
                on = today + timedelta(days=rng.randint(0, (week_end - today).days))
                add(case_id, (owner, area_id), DeadlineKind.FOLLOW_UP, on, "Wiedervorlage gesetzt", today=today)

        rejected = session.execute(
            select(Case.id, Case.decided_on, Case.owner_id, Case.area_id)
            .where(
                Case.status == CaseStatus.REJECTED.value, Case.decided_on >= today - timedelta(days=60), ~has_deadline
            )
            .order_by(Case.id)
        ).all()
        for case_id, decided_on, owner, area in rejected:
            assert decided_on is not None  # selected by the range above
            posted = decided_on + timedelta(days=1)
            add(case_id, (owner, area), DeadlineKind.REMEDY_PERIOD, posted, f"Versand am {posted:%d.%m.%Y}")

        for start in range(0, len(rows), CHUNK):
            session.execute(insert(Deadline), rows[start : start + CHUNK])
        total = session.scalar(select(func.count()).select_from(Deadline))
        uow.audit("demo_fristen_erzeugt", "deadline", None, anzahl=len(rows), gesamt=total)
        uow.commit()
        return len(rows)
