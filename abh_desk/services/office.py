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
from abh_desk.errors import FieldErrors, PermissionDenied, ValidationError
from abh_desk.services.context import ServiceContext
from models import OfficeSetting

MAX_WEEKS = 52
MAX_IDLE_MINUTES = 240
MAX_TEXT = 200
#: The free-text settings (one line each) and how a message names them.
TEXT_LABELS = {
    "authority_name": "Der Name der Behörde",
    "street": "Die Straße",
    "postcode_city": "Die Angabe „PLZ und Ort“",
    "phone": "Die Telefonnummer",
    "email": "Die E-Mail-Adresse",
    "opening_hours": "Die Angabe der Öffnungszeiten",
    "court_name": "Der Name des Gerichts",
    "court_address": "Die Anschrift des Gerichts",
    "department": "Die Abteilung",
    "website": "Die Website",
    "bank_name": "Der Name der Bank",
    "iban": "Die IBAN",
    "bic": "Die BIC",
    "archive_name": "Der Name des Archivs",
}
#: Letterhead fields no letter goes out without (the first start asks them; the settings keep them).
#: E-mail, web site and bank are optional: left blank, they are left off the letter.
REQUIRED_LETTERHEAD = {
    "authority_name": "Bitte den Namen der Behörde angeben.",
    "street": "Bitte Straße und Hausnummer angeben.",
    "postcode_city": "Bitte Postleitzahl und Ort angeben.",
    "phone": "Bitte die Telefonnummer angeben (sie steht in jedem Schreiben).",
    "opening_hours": "Bitte die Sprechzeiten angeben (sie stehen in jedem Schreiben).",
    "court_name": "Bitte das zuständige Verwaltungsgericht angeben.",
    "court_address": "Bitte die Anschrift des Verwaltungsgerichts angeben.",
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
            raise ValidationError(f"Land „{self.land}“ unbekannt (z. B. BW, BY, NW).", field="land")
        WorkingDays(self.land, self.local_holidays)  # refuses holidays the Land does not have
        FileNumberPattern(self.file_number_pattern)
        for key in ("card_production_weeks", "card_waiting_weeks"):
            if not 1 <= getattr(self, key) <= MAX_WEEKS:
                raise ValidationError(f"{key}: bitte eine Zahl von Wochen zwischen 1 und {MAX_WEEKS}.", field=key)
        if not self.authority_name.strip():
            raise ValidationError("Bitte den Namen der Behörde angeben.", field="authority_name")
        if not 0 <= self.idle_lock_minutes <= MAX_IDLE_MINUTES:
            raise ValidationError(
                f"idle_lock_minutes: 0 (nie) bis {MAX_IDLE_MINUTES} Minuten.", field="idle_lock_minutes"
            )
        policies = [p.value for p in ReviewPolicy]
        if self.grant_review not in policies:
            raise ValidationError(
                f"grant_review: „{self.grant_review}“ gibt es nicht (möglich: {', '.join(policies)}).",
                field="grant_review",
            )
        if not 1 <= self.archive_answer_months <= MAX_ARCHIVE_MONTHS:
            raise ValidationError(
                f"archive_answer_months: 1 bis {MAX_ARCHIVE_MONTHS} Monate.", field="archive_answer_months"
            )
        if self.archive_no_answer not in ARCHIVE_NO_ANSWER:
            raise ValidationError(
                f"archive_no_answer: „{self.archive_no_answer}“ gibt es nicht (möglich: loeschen, warten).",
                field="archive_no_answer",
            )
        if not 1 <= self.document_max_mb <= MAX_DOCUMENT_MB:
            raise ValidationError(f"document_max_mb: 1 bis {MAX_DOCUMENT_MB} MB.", field="document_max_mb")
        if self.appointment_hours.strip():
            parse_hours(self.appointment_hours, "appointment_hours")
        if not self.archive_name.strip():
            raise ValidationError("Bitte den Namen des Archivs angeben.", field="archive_name")
        if self.iban and not iban_valid(self.iban):
            raise ValidationError(
                f"Die IBAN „{self.iban}“ ist ungültig (Prüfziffer oder Länge stimmen nicht).", field="iban"
            )
        if bool(self.iban) != bool(self.bank_name):
            raise ValidationError("Für die Bankverbindung bitte Bank und IBAN angeben.", field="bank_name")
        return self


def letterhead_problems(settings: OfficeSettings) -> list[ValidationError]:
    """One message per required letterhead field left blank (the default name counts as blank)."""
    blank_name = OfficeSettings().authority_name
    return [
        ValidationError(message, field=key)
        for key, message in REQUIRED_LETTERHEAD.items()
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
        raise ValidationError(f"{key}: „{value}“ ist keine ganze Zahl.", field=key) from None


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
        raise PermissionDenied("Die Einstellungen der Behörde ändert nur die Administration.")
    with ctx.unit_of_work() as uow:
        old = _read(uow.session)
        changes = {k: _integer(k, v) if k in _INTEGERS else v for k, v in changes.items()}
        new = replace(old, **changes).validated()
        problems = [p for p in letterhead_problems(new) if require_letterhead or p.field in changes]
        if problems:
            raise FieldErrors(problems)
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
