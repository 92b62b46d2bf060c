"""What the start page shows the signed-in caseworker: deadlines due now, open cases by status."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select

from abh_desk.domain.enums import CASE_STATUS_LABELS, OPEN_CASE_STATUSES, CaseStatus
from abh_desk.services.assignment import visible_owners
from abh_desk.services.card_list import card_counts
from abh_desk.services.context import ServiceContext
from abh_desk.services.grants import PendingGrant, pending_grants
from abh_desk.services.notice_review import ReviewCounts, review_counts
from abh_desk.services.worklists import Worklist, WorkScope, worklist
from models import Case


@dataclass(frozen=True)
class StartSummary:
    worklist: Worklist
    cases_by_status: tuple[tuple[str, int], ...]
    """(German status label, count) of the user's open cases, in the order of the procedure."""
    reviews: ReviewCounts
    """Rejections waiting for this team lead (and how many too long), and drafts returned to me."""
    cards_waiting: int = 0
    """eAT cards at the office not yet handed over (all of the office: any clerk hands them over)."""
    cards_overdue: int = 0
    grants: tuple[PendingGrant, ...] = ()
    """Grants waiting for this team lead's approval (four eyes, where the office wants them)."""

    @property
    def open_cases(self) -> int:
        return sum(count for _label, count in self.cases_by_status)


def start_summary(ctx: ServiceContext) -> StartSummary:
    ctx = ctx.frozen()
    today = ctx.today()
    work = worklist(ctx, WorkScope.MINE)
    with ctx.db.read() as session:
        owners = visible_owners(session, ctx.actor.user_id, today)
        counts = dict(
            session.execute(
                select(Case.status, func.count())
                .where(Case.owner_id.in_(owners), Case.status.in_([s.value for s in OPEN_CASE_STATUSES]))
                .group_by(Case.status)
            ).all()
        )
    ordered = [s for s in CaseStatus if s in OPEN_CASE_STATUSES]
    waiting, overdue = card_counts(ctx)
    return StartSummary(
        work,
        tuple((CASE_STATUS_LABELS[s], int(counts.get(s.value, 0))) for s in ordered),
        review_counts(ctx),
        waiting,
        overdue,
        tuple(pending_grants(ctx)),
    )
