"""The letterhead defaults shipped in ``resources/letters/briefkopf.toml``; settings override them."""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

from abh_desk.errors import ConfigurationError, ValidationError

from .data import BankAccount, Court, Letterhead
from .remedies import LAENDER
from .textblocks import RESOURCES

DEFAULT_PATH = RESOURCES / "briefkopf.toml"


def load_letterhead(path: Path | None = None) -> Letterhead:
    path = path or DEFAULT_PATH
    try:
        raw = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise ConfigurationError("letters_letterhead.unreadable", file=path.name, detail=exc) from exc
    return parse_letterhead(raw, source=path.name)


def parse_letterhead(raw: dict[str, Any], source: str = "briefkopf.toml") -> Letterhead:
    def text(table: dict[str, Any], key: str, required: bool = True) -> str:
        value = table.get(key, "")
        if not isinstance(value, str) or (required and not value.strip()):
            raise ConfigurationError("letters_letterhead.text_missing", field=key, source=source, name=key)
        return value.strip()

    court = raw.get("gericht")
    if not isinstance(court, dict):
        raise ConfigurationError("letters_letterhead.court_missing", field="gericht", source=source)
    bank = raw.get("bank")
    if bank is not None and not isinstance(bank, dict):
        raise ConfigurationError("letters_letterhead.bank_not_table", field="bank", source=source)
    hours = raw.get("oeffnungszeiten", [])
    if not isinstance(hours, list) or not all(isinstance(line, str) for line in hours):
        raise ConfigurationError("letters_letterhead.hours_not_texts", source=source)
    land = text(raw, "land").upper()
    if land not in LAENDER:
        raise ConfigurationError(
            "letters_letterhead.unknown_land", field="land", source=source, land=land, allowed=", ".join(LAENDER)
        )
    try:
        return Letterhead(
            authority=text(raw, "behoerde"),
            department=text(raw, "abteilung", required=False),
            street=text(raw, "strasse"),
            postcode_city=text(raw, "plz_ort"),
            land=land,
            phone=text(raw, "telefon"),
            email=text(raw, "email"),
            website=text(raw, "internet", required=False),
            opening_hours=tuple(line.strip() for line in hours if line.strip()),
            court=Court(text(court, "name"), text(court, "anschrift")),
            bank=BankAccount(text(bank, "bank"), text(bank, "iban"), text(bank, "bic")) if bank else None,
        )
    except ValidationError as exc:
        raise ConfigurationError("letters_letterhead.invalid", source=source, problem=exc) from exc
