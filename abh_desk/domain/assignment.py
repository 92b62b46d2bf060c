"""Zuständigkeit: which caseworker owns a surname, by ranges of letters or prefixes (domain.md §5).

A range is one letter ("C"), a span ("H–N") or a span of prefixes ("Ala–Alz"). Names are compared
in their routing key (``names.routing_key``); a key matches a range when its first ``len(start)``
characters lie between start and end. Where several ranges match, the longest prefix wins.
"""

from __future__ import annotations

import itertools
import re
import string
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass

from abh_desk.domain.names import routing_key
from abh_desk.error_texts import Joined, Label
from abh_desk.errors import ValidationError

_DASHES = re.compile(r"\s*[-–—]\s*")
ALPHABET = string.ascii_uppercase
MAX_PREFIX_LENGTH = 4


@dataclass(frozen=True, order=True)
class LetterRange:
    start: str
    end: str

    @property
    def length(self) -> int:
        return len(self.start)

    def matches(self, key: str) -> bool:
        """Whether a routing key falls in this range; a key shorter than the range's prefixes
        counts as the first name of its block ("AL" as "ALA")."""
        prefix = key[: self.length].ljust(self.length, "A")
        return self.start <= prefix <= self.end

    def prefixes(self) -> Iterator[str]:
        """Every prefix of this range's length between start and end ("ALA", "ALB" … "ALZ")."""
        for combo in itertools.product(ALPHABET, repeat=self.length):
            prefix = "".join(combo)
            if self.start <= prefix <= self.end:
                yield prefix

    def __str__(self) -> str:
        def show(k: str) -> str:
            return k[0] + k[1:].lower()

        return show(self.start) if self.start == self.end else f"{show(self.start)}–{show(self.end)}"


#: What the editor says when a range is written another way ("H bis N").
HOW_TO_WRITE = Label("domain_assignment.how_to_write")


def parse_ranges(text: str) -> tuple[LetterRange, ...]:
    """ "A–B, D–G" → two ranges; "Ala - Alz" → one prefix range. Raises ValidationError."""
    ranges: list[LetterRange] = []
    for part in (p.strip() for p in text.split(",")):
        if not part:
            continue
        bounds = _DASHES.split(part)
        if len(bounds) > 2:
            raise ValidationError(
                "domain_assignment.more_than_one_hyphen", field="buchstaben", part=part, how=HOW_TO_WRITE
            )
        if not all(bound.strip().isalpha() for bound in bounds):  # "H bis N", "H..N", "H/N"
            raise ValidationError("domain_assignment.no_letter_range", field="buchstaben", part=part, how=HOW_TO_WRITE)
        start = routing_key(bounds[0])
        end = routing_key(bounds[-1])
        if not start.isalpha() or not end.isalpha() or not start.isascii():
            raise ValidationError("domain_assignment.no_letter_range", field="buchstaben", part=part, how=HOW_TO_WRITE)
        if len(start) != len(end):
            raise ValidationError("domain_assignment.ends_of_unequal_length", field="buchstaben", part=part)
        if start > end:
            raise ValidationError("domain_assignment.start_after_end", field="buchstaben", part=part)
        if len(start) > MAX_PREFIX_LENGTH:
            raise ValidationError(
                "domain_assignment.prefix_too_long", field="buchstaben", part=part, maximum=MAX_PREFIX_LENGTH
            )
        ranges.append(LetterRange(start, end))
    if not ranges:
        raise ValidationError("domain_assignment.no_range_given", field="buchstaben")
    return tuple(ranges)


@dataclass(frozen=True)
class RangeRule:
    area: str
    caseworker: str
    range: LetterRange


@dataclass(frozen=True)
class RuleProblem:
    """A gap or an overlap in one area's rules, with the letters concerned."""

    area: str
    kind: str  # "luecke" | "ueberschneidung" | "leer"
    letters: str
    error: ValidationError

    @property
    def message(self) -> str:
        """The German sentence (the rule editor's list)."""
        return str(self.error)


def _spans(prefixes: list[str]) -> list[str]:
    """["D", "E", "F", "H"] → ["D–F", "H"]: consecutive prefixes of one parent merged."""
    spans: list[list[str]] = []
    for prefix in sorted(prefixes, key=lambda p: (len(p), p)):
        last = spans[-1] if spans else None
        if (
            last
            and len(last[1]) == len(prefix)
            and last[1][:-1] == prefix[:-1]
            and ord(prefix[-1]) == ord(last[1][-1]) + 1
        ):
            last[1] = prefix
        else:
            spans.append([prefix, prefix])
    return [str(LetterRange(a, b)) for a, b in spans]


def _gaps(rules: list[LetterRange], prefix: str = "") -> list[str]:
    """Prefixes (below ``prefix``) that no rule covers, at the level where they stay uncovered."""
    gaps: list[str] = []
    for letter in ALPHABET:
        candidate = prefix + letter
        if any(r.length == len(candidate) and r.start <= candidate <= r.end for r in rules):
            continue
        depth = len(candidate)
        if any(r.length > depth and r.start[:depth] <= candidate <= r.end[:depth] for r in rules):
            gaps.extend(_gaps(rules, candidate))
        else:
            gaps.append(candidate)
    return gaps


def find_problems(
    rules: Iterable[RangeRule], areas: Iterable[str] = (), labels: Mapping[str, str] | None = None
) -> list[RuleProblem]:
    """Every area must cover A–Z, and no two ranges of the same length may overlap.

    ``labels`` maps caseworker user names to the names shown in messages."""
    labels = labels or {}
    by_area: dict[str, list[RangeRule]] = {area: [] for area in areas}
    for rule in rules:
        by_area.setdefault(rule.area, []).append(rule)
    problems: list[RuleProblem] = []
    for area, items in sorted(by_area.items()):
        if not items:
            problems.append(
                RuleProblem(area, "leer", "A–Z", ValidationError("domain_assignment.area_empty", area=area))
            )
            continue
        ordered = sorted(items, key=lambda r: (r.range.length, r.range.start, r.range.end))
        for first, second in itertools.combinations(ordered, 2):
            if first.range.length == second.range.length and second.range.start <= first.range.end:
                shared = LetterRange(second.range.start, min(first.range.end, second.range.end))
                problems.append(
                    RuleProblem(
                        area,
                        "ueberschneidung",
                        str(shared),
                        ValidationError(
                            "domain_assignment.ranges_overlap",
                            area=area,
                            first=labels.get(first.caseworker, first.caseworker),
                            first_range=str(first.range),
                            second=labels.get(second.caseworker, second.caseworker),
                            second_range=str(second.range),
                            shared=str(shared),
                        ),
                    )
                )
        gaps = _spans(_gaps([r.range for r in items]))
        if gaps:
            letters = ", ".join(gaps)
            problems.append(
                RuleProblem(
                    area, "luecke", letters, ValidationError("domain_assignment.gap", area=area, letters=letters)
                )
            )
    return problems


def check_rules(rules: Iterable[RangeRule], areas: Iterable[str] = (), labels: Mapping[str, str] | None = None) -> None:
    """Raise ValidationError naming every gap and overlap; a rule set with one is refused."""
    problems = find_problems(rules, areas, labels)
    if problems:
        raise ValidationError(
            "domain_assignment.rules_refused",
            field="regeln",
            problems=problems,
            details=Joined(tuple(p.error for p in problems)),
        )


class Router:
    """Routes folded surnames to caseworkers, per area. Most specific (longest) prefix wins.

    Each range is expanded once into a dictionary of its prefixes, so routing a name costs a few
    dictionary look-ups (a million names in about a second, most of it folding the names).
    """

    def __init__(self, rules: Iterable[RangeRule], skip_particles: bool = False) -> None:
        self.skip_particles = skip_particles
        self._tables: dict[str, list[tuple[int, dict[str, str]]]] = {}
        tables: dict[str, dict[int, dict[str, str]]] = {}
        for rule in rules:
            table = tables.setdefault(rule.area, {}).setdefault(rule.range.length, {})
            for prefix in rule.range.prefixes():
                table.setdefault(prefix, rule.caseworker)
        for area, by_length in tables.items():
            self._tables[area] = sorted(by_length.items(), reverse=True)

    @property
    def areas(self) -> list[str]:
        return sorted(self._tables)

    def route_key(self, area: str, key: str) -> str | None:
        for length, table in self._tables.get(area, ()):
            prefix = key[:length] if len(key) >= length else key.ljust(length, "A")
            owner = table.get(prefix)
            if owner is not None:
                return owner
        return None

    def route(self, area: str, family_name: str) -> str | None:
        """The caseworker for ``family_name``; a name without any letter is refused, never
        routed to a default."""
        key = routing_key(family_name, self.skip_particles)
        if not key:
            raise ValidationError("domain_assignment.name_without_letter", field="familienname", name=family_name)
        return self.route_key(area, key)
