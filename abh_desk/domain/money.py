"""Money (Gebühren): kept as int cents, written and read the German way."""

from __future__ import annotations

import re
from decimal import Decimal

from abh_desk.errors import ValidationError

_AMOUNT = re.compile(r"\d{1,6}(?:,\d{1,2})?")


def euro(cents: int) -> str:
    """10000 → "100,00 EUR", 123450 → "1.234,50 EUR"."""
    sign = "-" if cents < 0 else ""
    whole, rest = divmod(abs(cents), 100)
    grouped = f"{whole:,}".replace(",", ".")
    return f"{sign}{grouped},{rest:02d} EUR"


def amount_text(cents: int | None) -> str:
    """The amount as typed into a field: 9300 → "93,00"; no amount → ""."""
    return euro(cents).removesuffix(" EUR") if cents is not None else ""


def parse_amount(text: str, field: str = "gebuehr") -> int | None:
    """ "93,00", "93", "1.234,5" or "93 EUR" → cents; empty → None (the fee schedule's)."""
    text = text.strip().replace(".", "").replace(" ", "").removesuffix("EUR").removesuffix("€").strip()
    if not text:
        return None
    if not _AMOUNT.fullmatch(text):
        raise ValidationError("domain_money.fee_not_euro", field=field)
    return int(Decimal(text.replace(",", ".")) * 100)
