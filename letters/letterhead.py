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
        raise ConfigurationError(f"Der Briefkopf {path.name} ist nicht lesbar: {exc}") from exc
    return parse_letterhead(raw, source=path.name)


def parse_letterhead(raw: dict[str, Any], source: str = "briefkopf.toml") -> Letterhead:
    def text(table: dict[str, Any], key: str, required: bool = True) -> str:
        value = table.get(key, "")
        if not isinstance(value, str) or (required and not value.strip()):
            raise ConfigurationError(f"{source}: „{key}“ fehlt oder ist kein Text.", field=key)
        return value.strip()

    court = raw.get("gericht")
    if not isinstance(court, dict):
        raise ConfigurationError(f"{source}: die Tabelle [gericht] fehlt.", field="gericht")
    bank = raw.get("bank")
    if bank is not None and not isinstance(bank, dict):
        raise ConfigurationError(f"{source}: [bank] muss eine Tabelle sein.", field="bank")
    hours = raw.get("oeffnungszeiten", [])
    if not isinstance(hours, list) or not all(isinstance(line, str) for line in hours):
        raise ConfigurationError(f"{source}: „oeffnungszeiten“ muss eine Liste von Texten sein.")
    land = text(raw, "land").upper()
    if land not in LAENDER:
        raise ConfigurationError(f"{source}: unbekanntes Land „{land}“ ({', '.join(LAENDER)}).", field="land")
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
        raise ConfigurationError(f"{source}: {exc.message}") from exc
