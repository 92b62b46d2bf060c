"""Birth dates that may be partly unknown: only the year, or month and year (as in some passports).

Entered and shown as TT.MM.JJJJ; unknown parts are written 00 (00.00.1990), as the AZR does.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from abh_desk.errors import ValidationError

_PATTERN = re.compile(r"^(?:(\d{1,2})\.)?(?:(\d{1,2})\.)?(\d{4})$")


@dataclass(frozen=True)
class PartialDate:
    year: int
    month: int | None = None
    day: int | None = None

    def __str__(self) -> str:
        return f"{self.day or 0:02d}.{self.month or 0:02d}.{self.year:04d}"

    def age_on(self, when: date) -> int:
        """Completed years on ``when``; unknown parts count as the latest possible day,
        so a person is never taken as older than they can be."""
        month = self.month or 12
        day = self.day or (31 if month in (1, 3, 5, 7, 8, 10, 12) else 30 if month != 2 else 28)
        years = when.year - self.year
        return years - 1 if (when.month, when.day) < (month, day) else years


def parse_birth_date(text: str, today: date) -> PartialDate | None:
    """ "12.03.1990", "00.03.1990", "03.1990", "00.00.1990", "1990" → PartialDate; "" → None."""
    text = text.strip()
    if not text:
        return None
    match = _PATTERN.match(text)
    if not match:
        raise ValidationError("domain_birth_dates.wrong_format", field="geburtsdatum", text=text)
    first, second, year_text = match.groups()
    if second is None and first is not None:  # "03.1990": month and year
        first, second = None, first
    day = int(first) if first else 0
    month = int(second) if second else 0
    year = int(year_text)
    if month == 0 and day != 0:
        raise ValidationError("domain_birth_dates.day_without_month", field="geburtsdatum")
    if month > 12:
        raise ValidationError("domain_birth_dates.no_such_month", field="geburtsdatum", month=month)
    if day:
        try:
            date(year, month, day)
        except ValueError:
            raise ValidationError("domain_birth_dates.no_such_date", field="geburtsdatum", text=text) from None
    result = PartialDate(year, month or None, day or None)
    if year < today.year - 130 or (year, month or 1, day or 1) > (today.year, today.month, today.day):
        raise ValidationError("domain_birth_dates.implausible", field="geburtsdatum", text=text)
    return result
