"""The example office (Stadt Singen, seed 003) — for the demo and the self-test only.

A real office's database starts with its areas and nothing else of Singen: no caseworkers, no
letter ranges, no letterhead. The demo copies the shipped example into its database here: the
rule file ``resources/assignment/singen.toml`` (six caseworkers and their ranges) and the
letterhead ``resources/letters/briefkopf.toml`` into the office settings.
"""

from __future__ import annotations

from dataclasses import asdict, replace

from sqlalchemy import func, select

from abh_desk.domain.rule_files import EXAMPLE_RULES, load_rule_file
from abh_desk.services.context import ServiceContext
from abh_desk.services.office import OfficeSettings, read_office_settings
from abh_desk.services.staff import apply_rule_file, ensure_areas
from letters.letterhead import load_letterhead
from models import AssignmentRule, OfficeSetting


def example_settings() -> dict[str, str]:
    """The example letterhead as office settings (names as in ``OfficeSettings``)."""
    head = load_letterhead()
    values = {
        "authority_name": head.authority,
        "department": head.department,
        "street": head.street,
        "postcode_city": head.postcode_city,
        "land": head.land,
        "phone": head.phone,
        "email": head.email,
        "website": head.website,
        "opening_hours": "; ".join(head.opening_hours),
        "court_name": head.court.name,
        "court_address": head.court.address,
    }
    if head.bank is not None:
        values |= {"bank_name": head.bank.bank, "iban": head.bank.iban, "bic": head.bank.bic}
    return values


def install_example_office(ctx: ServiceContext) -> None:
    """Singen's caseworkers and letter ranges where no range is stored yet, and Singen's letterhead
    where the office settings hold none yet (logged). Never called for a real office."""
    ensure_areas(ctx)
    with ctx.unit_of_work() as uow:
        session = uow.session
        if not session.scalar(select(func.count()).select_from(AssignmentRule)):
            apply_rule_file(uow, load_rule_file(EXAMPLE_RULES))
        stored = {row.key for row in session.scalars(select(OfficeSetting))}
        if "street" not in stored:
            settings = replace(read_office_settings(session), **example_settings()).validated()  # type: ignore[arg-type]
            for key, value in asdict(settings).items():
                if key not in stored:
                    text = ("true" if value else "false") if isinstance(value, bool) else str(value)
                    session.add(OfficeSetting(key=key, value=text))
            uow.audit("beispielbehoerde_eingerichtet", "office_settings", None, behoerde=settings.authority_name)
        uow.commit()


__all__ = ["OfficeSettings", "example_settings", "install_example_office"]
