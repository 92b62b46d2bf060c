"""Residence titles (Aufenthaltstitel): granting one to a case, correcting its validity — the
expiry reminder follows."""

from __future__ import annotations

from datetime import date

from abh_desk.domain.text import clean_text
from abh_desk.error_texts import Label
from abh_desk.errors import NotFound, ValidationError
from abh_desk.services.case_access import require_case_access, require_person_access
from abh_desk.services.context import ServiceContext
from abh_desk.services.deadlines import sync_title_reminder
from models import Case, ResidenceTitle


def add_title(
    ctx: ServiceContext,
    case_id: int,
    kind: str,
    legal_basis: str,
    valid_from: date,
    valid_until: date | None,
    conditions: str = "",
) -> int:
    kind = clean_text(kind, "titel", Label("shared.label_kind"), 100)
    legal_basis = clean_text(legal_basis, "titel", Label("shared.label_legal_basis"), 100)
    conditions = clean_text(conditions, "nebenbestimmungen", Label("shared.label_conditions"), 5_000, multiline=True)
    if not kind or not legal_basis:
        raise ValidationError("titles.kind_or_basis_missing", field="titel")
    if valid_until is not None and valid_until < valid_from:
        raise ValidationError("shared.ends_before_start", field="gueltig_bis")
    with ctx.unit_of_work() as uow:
        case = uow.session.get(Case, case_id)
        if case is None:
            raise NotFound("shared.case_not_found", case_id=case_id)
        require_case_access(uow.session, ctx.actor, case, uow.today)
        title = ResidenceTitle(
            person_id=case.person_id,
            case_id=case.id,
            kind=kind,
            legal_basis=legal_basis,
            valid_from=valid_from,
            valid_until=valid_until,
            conditions=conditions or None,
        )
        uow.session.add(title)
        uow.session.flush()
        uow.audit(
            "titel_erteilt",
            "residence_title",
            title.id,
            case_id=case.id,
            art=title.kind,
            gueltig_ab=valid_from.isoformat(),
            gueltig_bis=valid_until.isoformat() if valid_until else None,
        )
        sync_title_reminder(uow, title)
        uow.commit()
        return title.id


def change_validity(ctx: ServiceContext, title_id: int, valid_until: date | None) -> None:
    """Correct a title's end; its expiry reminder is recomputed (and the change logged)."""
    with ctx.unit_of_work() as uow:
        title = uow.session.get(ResidenceTitle, title_id)
        if title is None:
            raise NotFound("titles.not_found", title_id=title_id)
        require_person_access(uow.session, ctx.actor, title.person_id, uow.today)
        if valid_until is not None and valid_until < title.valid_from:
            raise ValidationError("shared.ends_before_start", field="gueltig_bis")
        old = title.valid_until
        title.valid_until = valid_until
        uow.audit(
            "titel_geaendert",
            "residence_title",
            title.id,
            case_id=title.case_id,
            gueltig_bis={
                "alt": old.isoformat() if old else None,
                "neu": valid_until.isoformat() if valid_until else None,
            },
        )
        sync_title_reminder(uow, title)
        uow.commit()
