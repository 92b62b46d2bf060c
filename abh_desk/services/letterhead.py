"""The letterhead of this office, from the office settings alone.

Nothing of the shipped example (``resources/letters/briefkopf.toml``, the demo office Singen) fills
a blank setting: a blank phone, e-mail, web site, opening hours or bank stays off the letter. Only
the demo copies the example into its settings (``example_office.install_example_office``).
"""

from __future__ import annotations

from sqlalchemy.orm import Session

from abh_desk.errors import ValidationError
from abh_desk.services.office import OfficeSettings, read_office_settings
from letters.data import BankAccount, Court, Letterhead

#: The default name of a database nobody set up: no letter goes out under it.
UNSET_AUTHORITY = OfficeSettings().authority_name


def office_letterhead(session: Session) -> Letterhead:
    return letterhead_of(read_office_settings(session))


def letterhead_of(settings: OfficeSettings) -> Letterhead:
    """The Briefkopf the settings give, or a German message naming what the administration must fill in."""
    missing = [
        label
        for label, value in (
            ("den Namen der Behörde", "" if settings.authority_name == UNSET_AUTHORITY else settings.authority_name),
            ("die Straße", settings.street),
            ("PLZ und Ort", settings.postcode_city),
            ("das Verwaltungsgericht", settings.court_name),
            ("die Anschrift des Verwaltungsgerichts", settings.court_address),
        )
        if not value.strip()
    ]
    if missing:
        raise ValidationError("letterhead.incomplete", field="briefkopf", missing=", ".join(missing))
    hours = tuple(line.strip() for line in settings.opening_hours.split(";") if line.strip())
    bank = None
    if settings.bank_name and settings.iban:
        bank = BankAccount(settings.bank_name, settings.iban, settings.bic)
    return Letterhead(
        authority=settings.authority_name,
        department=settings.department,
        street=settings.street,
        postcode_city=settings.postcode_city,
        land=settings.land,
        phone=settings.phone,
        email=settings.email,
        court=Court(settings.court_name, settings.court_address),
        opening_hours=hours,
        website=settings.website,
        bank=bank,
    )
