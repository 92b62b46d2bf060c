"""Bringing a test's case to the grant the way a caseworker does: the missing documents received,
then the catalogue's title granted (so that an eAT may be ordered for it)."""

from __future__ import annotations

from datetime import date

from abh_desk.domain.enums import ChecklistStatus
from abh_desk.domain.grants import latest_end
from abh_desk.services.case_file import get_case_file, mark_received
from abh_desk.services.context import ServiceContext
from abh_desk.services.grants import GrantInput, GrantResult, grant, grant_form


def grant_case(
    ctx: ServiceContext, case_id: int, decided_on: date | None = None, months: int = 12, conditions: str = ""
) -> GrantResult:
    """Every missing document received and every check of the office done on ``decided_on``, and the
    title granted from that day for ``months`` (at most the catalogue's maximum)."""
    day = decided_on or ctx.today()
    file = get_case_file(ctx, case_id)
    for line in (*file.checklist, *file.checks):
        if line.status == ChecklistStatus.MISSING:
            mark_received(ctx, line.id, on=day)
    form = grant_form(ctx, case_id)
    until = None
    if form.terms.has_title and not form.terms.unlimited:
        until = latest_end(day, min(months, form.terms.max_months or months))
    return grant(
        ctx, case_id, None, GrantInput(valid_from=day, valid_until=until, decided_on=day, conditions=conditions)
    )
