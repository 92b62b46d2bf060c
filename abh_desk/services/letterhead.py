"""The letterhead of this office: the shipped defaults (resources/letters/briefkopf.toml) with
whatever the administrator set in the office settings on top."""

from __future__ import annotations

from dataclasses import replace

from sqlalchemy.orm import Session

from abh_desk.services.office import read_office_settings
from letters.data import BankAccount, Court, Letterhead
from letters.letterhead import load_letterhead


def office_letterhead(session: Session) -> Letterhead:
    base = load_letterhead()
    settings = read_office_settings(session)
    changes: dict[str, object] = {"land": settings.land}
    for field, value in (
        ("authority", settings.authority_name if settings.authority_name != "Ausländerbehörde" else ""),
        ("street", settings.street),
        ("postcode_city", settings.postcode_city),
        ("phone", settings.phone),
        ("email", settings.email),
        ("department", settings.department),
        ("website", settings.website),
    ):
        if value:
            changes[field] = value
    if settings.opening_hours:
        changes["opening_hours"] = tuple(line.strip() for line in settings.opening_hours.split(";") if line.strip())
    if settings.court_name and settings.court_address:
        changes["court"] = Court(settings.court_name, settings.court_address)
    if settings.bank_name and settings.iban:
        changes["bank"] = BankAccount(settings.bank_name, settings.iban, settings.bic)
    return replace(base, **changes)  # type: ignore[arg-type]
