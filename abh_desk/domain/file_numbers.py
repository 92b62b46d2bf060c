"""Aktenzeichen from the office's pattern, e.g. ``ABH-{jahr}-{nummer:06d}`` → ABH-2026-000042.

Placeholders: ``{jahr}`` (four digits), ``{jahr2}`` (two digits), ``{bereich}`` (area code in upper
case), ``{nummer}`` (running number, with a format such as ``:06d``). The running number counts per
scope: per year when the pattern contains a year, otherwise for ever, so numbers never repeat.
"""

from __future__ import annotations

import string
from dataclasses import dataclass

from abh_desk.errors import ValidationError

DEFAULT_PATTERN = "ABH-{jahr}-{nummer:06d}"
_PLACEHOLDERS = {"jahr", "jahr2", "bereich", "nummer"}


@dataclass(frozen=True)
class FileNumberPattern:
    pattern: str

    def __post_init__(self) -> None:
        fields = []
        try:
            for _, name, _spec, conversion in string.Formatter().parse(self.pattern):
                if name is None:
                    continue
                if name not in _PLACEHOLDERS or conversion:
                    raise ValidationError(
                        "domain_file_numbers.unknown_placeholder",
                        field="aktenzeichen_muster",
                        name=name,
                        allowed=", ".join("{" + p + "}" for p in sorted(_PLACEHOLDERS)),
                    )
                fields.append(name)
        except ValueError as exc:
            raise ValidationError(
                "domain_file_numbers.pattern_invalid", field="aktenzeichen_muster", pattern=self.pattern, detail=exc
            ) from exc
        if fields.count("nummer") != 1:
            raise ValidationError("domain_file_numbers.number_not_once", field="aktenzeichen_muster")
        self.format(year=2026, area="allgemein", number=1)  # check the format specs once

    @property
    def per_year(self) -> bool:
        return "{jahr" in self.pattern

    def scope(self, year: int, area: str) -> str:
        """The counter that numbers this Aktenzeichen."""
        parts = [str(year)] if self.per_year else ["ewig"]
        if "{bereich}" in self.pattern:
            parts.append(area)
        return "/".join(parts)

    def format(self, year: int, area: str, number: int) -> str:
        try:
            return self.pattern.format(jahr=year, jahr2=f"{year % 100:02d}", bereich=area.upper(), nummer=number)
        except (ValueError, TypeError) as exc:
            raise ValidationError(
                "domain_file_numbers.pattern_invalid", field="aktenzeichen_muster", pattern=self.pattern, detail=exc
            ) from exc
