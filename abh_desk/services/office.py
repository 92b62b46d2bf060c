"""Office-wide settings kept in the database, shared by every workstation (Behördeneinstellungen)."""

from __future__ import annotations

from dataclasses import asdict, dataclass, fields, replace
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from abh_desk.domain.appointments import parse_hours
from abh_desk.domain.deadlines import DEFAULT_CARD_WAITING_WEEKS
from abh_desk.domain.deadlines_calendar import WorkingDays
from abh_desk.domain.enums import Role
from abh_desk.domain.file_numbers import DEFAULT_PATTERN, FileNumberPattern
from abh_desk.domain.grants import ReviewPolicy
from abh_desk.domain.text import clean_text
from abh_desk.error_texts import Label
from abh_desk.errors import FieldErrors, PermissionDenied, ValidationError
from abh_desk.services.context import ServiceContext
from models import OfficeSetting

MAX_WEEKS = 52
MAX_IDLE_MINUTES = 240
MAX_TEXT = 200
#: The free-text settings (one line each) and how a message names them.
TEXT_LABELS = {
    "authority_name": Label("shared.label_authority"),
    "street": Label("shared.label_street"),
    "postcode_city": Label("office.label_postcode_city"),
    "phone": Label("office.label_phone"),
    "email": Label("office.label_email"),
    "opening_hours": Label("office.label_opening_hours"),
    "court_name": Label("office.label_court_name"),
    "court_address": Label("office.label_court_address"),
    "department": Label("office.label_department"),
    "website": Label("office.label_website"),
    "bank_name": Label("office.label_bank_name"),
    "iban": Label("office.label_iban"),
    "bic": Label("office.label_bic"),
    "archive_name": Label("office.label_archive_name"),
}
#: Letterhead fields no letter goes out without (the first start asks them; the settings keep them).
#: E-mail, web site and bank are optional: left blank, they are left off the letter.
REQUIRED_LETTERHEAD = {
    "authority_name": "office.authority_name_missing",
    "street": "office.street_missing",
    "postcode_city": "office.postcode_city_missing",
    "phone": "office.phone_missing",
    "opening_hours": "office.opening_hours_missing",
    "court_name": "office.court_name_missing",
    "court_address": "office.court_address_missing",
}
#: What a retention run does with a file the archive has not evaluated within its period.
ARCHIVE_NO_ANSWER = ("loeschen", "warten")
MAX_ARCHIVE_MONTHS = 24
MAX_DOCUMENT_MB = 500
LAENDER = ("BB", "BE", "BW", "BY", "HB", "HE", "HH", "MV", "NI", "NW", "RP", "SH", "SL", "SN", "ST", "TH")


@dataclass(frozen=True)
class OfficeSettings:
    authority_name: str = "Ausländerbehörde"
    street: str = ""
    postcode_city: str = ""
    land: str = "BW"
    #: Holidays at the authority's seat beyond the Land's (deadlines_calendar.LOCAL_HOLIDAYS), e.g.
    #: "katholisch" for Munich: Mariä Himmelfahrt ends no deadline there.
    local_holidays: str = ""
    phone: str = ""
    email: str = ""
    opening_hours: str = ""
    file_number_pattern: str = DEFAULT_PATTERN
    court_name: str = ""
    court_address: str = ""
    skip_name_particles: bool = False
    # Letterhead beyond name and address (the shipped briefkopf.toml fills what is empty).
    department: str = ""
    website: str = ""
    bank_name: str = ""
    iban: str = ""
    bic: str = ""
    #: eAT: the Bundesdruckerei's production time the office expects (seeds: 2–6 weeks), the weeks
    #: after arrival when a card not yet collected is overdue, and whether the fee is paid on pickup.
    card_production_weeks: int = 6
    card_waiting_weeks: int = DEFAULT_CARD_WAITING_WEEKS
    fees_at_handover: bool = False
    #: Minutes without a key press or mouse movement after which the window locks and hides
    #: personal data until the user signs in again (0: never).
    idle_lock_minutes: int = 10
    #: Which grants (Bewilligungen) a team lead approves before they take effect: ``keine``,
    #: ``unbefristet`` (Niederlassungserlaubnis, Daueraufenthalt-EU) or ``alle``. Rejections always do.
    grant_review: str = ReviewPolicy.NONE.value
    #: Aussonderung: the Land's archive law has the office offer every file to the public archive
    #: before it is deleted (Anbietungspflicht); the archive (recipient of the xdomea messages); the
    #: months it has to evaluate an offer; and, where it does not answer in time, whether the run
    #: deletes (``loeschen``, as most archive laws allow) or keeps waiting (``warten``).
    archive_offer: bool = True
    archive_name: str = "Landesarchiv"
    archive_answer_months: int = 6
    archive_no_answer: str = "loeschen"
    #: The e-file: the largest document (scan, received file) it takes, in MB.
    document_max_mb: int = 20
    #: Termine: the hours in which appointments are booked („Mo, Di, Fr 08:00–12:00; Do …“); empty:
    #: the Sprechzeiten of the letterhead (``opening_hours``), where they read as hours.
    appointment_hours: str = ""

    def validated(self) -> OfficeSettings:
        """The settings as stored (texts cleaned), or ValidationError naming the first wrong one."""
        texts = {key: clean_text(getattr(self, key), key, label, MAX_TEXT) for key, label in TEXT_LABELS.items()}
        return replace(self, **texts)._checked()  # type: ignore[arg-type]

    def _checked(self) -> OfficeSettings:
        if self.land not in LAENDER:
            raise ValidationError("office.unknown_land", field="land", land=self.land)
        WorkingDays(self.land, self.local_holidays)  # refuses holidays the Land does not have
        FileNumberPattern(self.file_number_pattern)
        for key, what in (
            ("card_production_weeks", Label("office.label_card_production_weeks")),
            ("card_waiting_weeks", Label("office.label_card_waiting_weeks")),
        ):
            if not 1 <= getattr(self, key) <= MAX_WEEKS:
                raise ValidationError(
                    "office.weeks_out_of_range", field=key, setting=key, what=what, max_weeks=MAX_WEEKS
                )
        if not self.authority_name.strip():
            raise ValidationError("office.authority_name_missing", field="authority_name")
        if not 0 <= self.idle_lock_minutes <= MAX_IDLE_MINUTES:
            raise ValidationError(
                "office.idle_lock_out_of_range", field="idle_lock_minutes", max_minutes=MAX_IDLE_MINUTES
            )
        policies = [p.value for p in ReviewPolicy]
        if self.grant_review not in policies:
            raise ValidationError(
                "office.unknown_grant_review",
                field="grant_review",
                value=self.grant_review,
                choices=", ".join(policies),
            )
        if not 1 <= self.archive_answer_months <= MAX_ARCHIVE_MONTHS:
            raise ValidationError(
                "office.archive_months_out_of_range", field="archive_answer_months", max_months=MAX_ARCHIVE_MONTHS
            )
        if self.archive_no_answer not in ARCHIVE_NO_ANSWER:
            raise ValidationError(
                "office.unknown_archive_no_answer", field="archive_no_answer", value=self.archive_no_answer
            )
        if not 1 <= self.document_max_mb <= MAX_DOCUMENT_MB:
            raise ValidationError("office.document_size_out_of_range", field="document_max_mb", max_mb=MAX_DOCUMENT_MB)
        if self.appointment_hours.strip():
            parse_hours(self.appointment_hours, "appointment_hours")
        if not self.archive_name.strip():
            raise ValidationError("office.archive_name_missing", field="archive_name")
        if self.iban and not iban_valid(self.iban):
            raise ValidationError("office.iban_invalid", field="iban", iban=self.iban)
        if bool(self.iban) != bool(self.bank_name):
            raise ValidationError("office.bank_incomplete", field="bank_name")
        return self


def letterhead_problems(settings: OfficeSettings) -> list[ValidationError]:
    """One message per required letterhead field left blank (the default name counts as blank)."""
    blank_name = OfficeSettings().authority_name
    return [
        ValidationError(required_key, field=key)
        for key, required_key in REQUIRED_LETTERHEAD.items()
        if not str(getattr(settings, key)).strip() or (key == "authority_name" and getattr(settings, key) == blank_name)
    ]


def iban_valid(iban: str) -> bool:
    """ISO 13616 check digits (mod 97); German IBANs have 22 characters."""
    compact = iban.replace(" ", "").upper()
    if not compact.isascii():
        return False
    if not (15 <= len(compact) <= 34 and compact[:2].isalpha() and compact[2:4].isdigit() and compact.isalnum()):
        return False
    if compact.startswith("DE") and len(compact) != 22:
        return False
    digits = "".join(str(int(char, 36)) for char in compact[4:] + compact[:4])
    return int(digits) % 97 == 1


_BOOLEANS = {f.name for f in fields(OfficeSettings) if f.type in (bool, "bool")}
_INTEGERS = {f.name for f in fields(OfficeSettings) if f.type in (int, "int")}


def _decode(key: str, value: str) -> object:
    if key in _INTEGERS:
        return _integer(key, value)
    return value == "true" if key in _BOOLEANS else value


def _integer(key: str, value: object) -> int:
    try:
        return int(str(value).strip())
    except ValueError:
        raise ValidationError("office.not_an_integer", field=key, setting=key, value=value) from None


def _encode(value: object) -> str:
    return ("true" if value else "false") if isinstance(value, bool) else str(value)


def _read(session: Session) -> OfficeSettings:
    stored = {row.key: row.value for row in session.scalars(select(OfficeSetting))}
    known = {f.name for f in fields(OfficeSettings)}
    return OfficeSettings(**{k: _decode(k, v) for k, v in stored.items() if k in known})  # type: ignore[arg-type]


def get_office_settings(ctx: ServiceContext) -> OfficeSettings:
    with ctx.db.read() as session:
        return _read(session)


def read_office_settings(session: Session) -> OfficeSettings:
    """For services already inside a transaction."""
    return _read(session)


def update_office_settings(ctx: ServiceContext, *, require_letterhead: bool = False, **changes: Any) -> OfficeSettings:
    """Change office-wide settings (the administration only; logged with old and new values).

    A required letterhead field is never emptied; with ``require_letterhead`` (the settings dialog)
    every one must be filled, each blank one named by its field."""
    if ctx.actor.role != Role.ADMIN:
        raise PermissionDenied("office.admin_only")
    with ctx.unit_of_work() as uow:
        old = _read(uow.session)
        changes = {k: _integer(k, v) if k in _INTEGERS else v for k, v in changes.items()}
        new = replace(old, **changes).validated()
        problems = [p for p in letterhead_problems(new) if require_letterhead or p.field in changes]
        if problems:
            raise FieldErrors(errors=problems)
        for key, value in asdict(new).items():
            row = uow.session.get(OfficeSetting, key)
            if row is None:
                uow.session.add(OfficeSetting(key=key, value=_encode(value)))
            elif row.value != _encode(value):
                row.value = _encode(value)
        diff = {k: {"alt": getattr(old, k), "neu": v} for k, v in asdict(new).items() if getattr(old, k) != v}
        uow.audit("einstellungen_geaendert", "office_settings", None, data=diff)
        uow.commit()
        return new
