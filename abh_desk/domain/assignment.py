"""Zuständigkeit: which caseworker owns a surname, by ranges of letters or prefixes (domain.md §5).

A range is one letter ("C"), a span ("H–N") or a span of prefixes ("Ala–Alz"). Names are compared
in their routing key (``names.routing_key``); a key matches a range when its first ``len(start)``
characters lie between start and end. Where several ranges match, the longest prefix wins.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from abh_desk.domain.names import routing_key
from abh_desk.errors import ValidationError

_DASHES = re.compile(r"\s*[-–—]\s*")


@dataclass(frozen=True, order=True)
class LetterRange:
    start: str
    end: str

    @property
    def length(self) -> int:
        return len(self.start)

    def matches(self, key: str) -> bool:
        prefix = key[: self.length]
        return len(prefix) == self.length and self.start <= prefix <= self.end

    def __str__(self) -> str:
        def show(k: str) -> str:
            return k[0] + k[1:].lower()

        return show(self.start) if self.start == self.end else f"{show(self.start)}–{show(self.end)}"


def parse_ranges(text: str) -> tuple[LetterRange, ...]:
    """ "A–B, D–G" → two ranges; "Ala - Alz" → one prefix range. Raises ValidationError."""
    ranges: list[LetterRange] = []
    for part in (p.strip() for p in text.split(",")):
        if not part:
            continue
        bounds = _DASHES.split(part)
        if len(bounds) > 2:
            raise ValidationError(f"Bereich „{part}“: höchstens ein Bindestrich.", field="buchstaben")
        start = routing_key(bounds[0])
        end = routing_key(bounds[-1])
        if not start.isalpha() or not end.isalpha() or not start.isascii():
            raise ValidationError(f"„{part}“ ist kein Buchstabenbereich.", field="buchstaben")
        if len(start) != len(end):
            raise ValidationError(
                f"„{part}“: Anfang und Ende müssen gleich lang sein (z. B. Ala–Alz).", field="buchstaben"
            )
        if start > end:
            raise ValidationError(f"„{part}“: der Anfang liegt hinter dem Ende.", field="buchstaben")
        ranges.append(LetterRange(start, end))
    if not ranges:
        raise ValidationError("Bitte mindestens einen Buchstabenbereich angeben.", field="buchstaben")
    return tuple(ranges)


@dataclass(frozen=True)
class RangeRule:
    area: str
    caseworker: str
    range: LetterRange


class Router:
    """Routes folded surnames to caseworkers, per area. Most specific (longest) prefix wins."""

    def __init__(self, rules: Iterable[RangeRule]) -> None:
        by_area: dict[str, list[RangeRule]] = {}
        for rule in rules:
            by_area.setdefault(rule.area, []).append(rule)
        self._rules = {
            area: sorted(items, key=lambda r: (-r.range.length, r.range.start)) for area, items in by_area.items()
        }

    @property
    def areas(self) -> list[str]:
        return sorted(self._rules)

    def route_key(self, area: str, key: str) -> str | None:
        for rule in self._rules.get(area, ()):
            if rule.range.matches(key):
                return rule.caseworker
        return None

    def route(self, area: str, family_name: str) -> str | None:
        return self.route_key(area, routing_key(family_name))
