"""What the clerk typed into the search field, understood (Suchbegriff).

"mueller", "Müller Anna" → a name (family name prefix, optional given-name prefix);
"12.03.1990", "03.1990", "1990" → a birth date, possibly partial;
anything with a digit otherwise → an Aktenzeichen or a passport number.

There are no wildcards: the search compares folded keys and exact values, never with LIKE, and
``%``, ``_`` and ``\\`` mean themselves. An Aktenzeichen may contain them (the office's pattern
decides); a name never does (DIN 91379), so a name search with one of them is answered with a
message instead of silently searching for the rest.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from abh_desk.domain.names import search_key
from abh_desk.errors import ValidationError

_FULL_DATE = re.compile(r"^(\d{1,2})\.(\d{1,2})\.(\d{4})$")
_MONTH_YEAR = re.compile(r"^(\d{1,2})\.(\d{4})$")
_YEAR = re.compile(r"^(\d{4})$")
# An Aktenzeichen (any printable ASCII, as the office's pattern may have it) or a passport number.
_REFERENCE = re.compile(r"^[0-9A-Za-z][\x20-\x7e]*$")
_NOT_IN_NAMES = ("%", "_", "\\")
EARLIEST_BIRTH_YEAR = 1900


@dataclass(frozen=True)
class NameQuery:
    family_prefix: str
    given_prefix: str = ""
    passport_key: str = ""
    """Set where the text could also be a passport number of letters only ("UYCEQWYAK")."""


@dataclass(frozen=True)
class BirthDateQuery:
    year: int
    month: int | None = None
    day: int | None = None


@dataclass(frozen=True)
class ReferenceQuery:
    """An Aktenzeichen or a passport number: matched exactly (case-insensitive)."""

    text: str
    passport_key: str


SearchQuery = NameQuery | BirthDateQuery | ReferenceQuery


def parse_query(text: str) -> SearchQuery | None:
    """The query meant by ``text``; ``None`` when there is nothing to search for yet."""
    text = text.strip()
    if not text:
        return None
    if match := _FULL_DATE.match(text):
        day, month, year = (int(g) for g in match.groups())
        try:
            date(year, month, day)
        except ValueError:
            raise ValidationError("domain_search.invalid_date", field="suche", text=text) from None
        return BirthDateQuery(year, month, day)
    if match := _MONTH_YEAR.match(text):
        month, year = (int(g) for g in match.groups())
        if not 1 <= month <= 12:
            raise ValidationError("domain_search.no_such_month", field="suche", text=text, month=month)
        return BirthDateQuery(year, month)
    if (match := _YEAR.match(text)) and int(match.group(1)) >= EARLIEST_BIRTH_YEAR:
        return BirthDateQuery(int(match.group(1)))  # "0550" is a running number, not a year
    if any(ch.isdigit() for ch in text) and _REFERENCE.match(text):
        # A passport number never has %, _ or \: such a text is only an Aktenzeichen.
        literal = any(ch in text for ch in _NOT_IN_NAMES)
        return ReferenceQuery(text.upper(), "" if literal else passport_key(text))
    wildcard = next((ch for ch in _NOT_IN_NAMES if ch in text), None)
    if wildcard is not None:
        raise ValidationError(
            "domain_search.no_wildcards",
            field="suche",
            text=text,
            wildcard=wildcard,
        )
    words = text.replace(",", " ").split()
    family = search_key(words[0])
    if not family:
        return None
    given = search_key(" ".join(words[1:])) if len(words) > 1 else ""
    # Some states issue passports numbered in letters only: one word of Latin letters may be one.
    passport = text.upper() if len(words) == 1 and _LETTER_PASSPORT.fullmatch(text) else ""
    return NameQuery(family, given, passport)


_LETTER_PASSPORT = re.compile(r"[A-Za-z]{5,20}")
_RUNNING_NUMBER = re.compile(r"^(?:(\d{4})\s*[-/.]\s*)?0*(\d{1,9})$")


@dataclass(frozen=True)
class PartialFileNumber:
    """The part of an Aktenzeichen a clerk types: its running number ("550", "000550"), perhaps with
    the year ("2026-550"). The services make the full Aktenzeichen from the office's pattern."""

    number: int
    year: int | None = None


def partial_file_number(text: str) -> PartialFileNumber | None:
    match = _RUNNING_NUMBER.match(text.strip())
    if match is None or int(match.group(2)) == 0:
        return None
    year = int(match.group(1)) if match.group(1) else None
    return PartialFileNumber(int(match.group(2)), year)


def no_hit_hint(text: str) -> str:
    """What to type instead, when a reference (Aktenzeichen, passport number) found nobody."""
    query = parse_query(text)
    if not isinstance(query, ReferenceQuery):
        return ""
    return (
        f"Kein Aktenzeichen und keine Passnummer „{text.strip()}“. Ein Aktenzeichen ganz eingeben (z. B. "
        "ABH-2026-000550) oder nur seine laufende Nummer (550, auch 2026-550); eine Passnummer ohne Leerzeichen."
    )


def passport_key(text: str) -> str:
    """Passport numbers compared without spaces and dashes, in upper case."""
    return "".join(ch for ch in text.upper() if ch.isalnum())
