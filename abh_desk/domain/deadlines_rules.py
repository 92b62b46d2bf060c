"""Die Bekanntgaberegeln je Land (§ 41 Abs. 2 VwVfG und Landes-VwVfG), geladen aus TOML.

File format (``resources/deadlines/bekanntgabe.toml``)::

    [bund]                      # federal rule, applies to every Land without its own entry
    regeln = [
        { gueltig_ab = 1977-01-01, tage = 3, quelle = "§ 41 Abs. 2 VwVfG a. F." },
        { gueltig_ab = 2025-01-01, tage = 4, quelle = "§ 41 Abs. 2 VwVfG n. F." },
    ]

    [land.SN]                   # optional: a Land whose VwVfG lags behind replaces the rows
    regeln = [ { gueltig_ab = 1977-01-01, tage = 3 }, { gueltig_ab = 2025-07-01, tage = 4 } ]

Rows are sorted by ``gueltig_ab`` (strictly ascending); the row in force on the posting day gives
the number of days. ``quelle`` is an optional note. Everything is checked on load; a broken file is
refused with a German message naming the file, the Land (or Bund), the row and the field.
"""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from functools import cache
from itertools import pairwise
from pathlib import Path
from typing import Any

from abh_desk.domain.deadlines_calendar import LAENDER, normalize_land
from abh_desk.errors import ConfigurationError, ValidationError

DEFAULT_RULES_FILE = Path(__file__).resolve().parents[2] / "resources" / "deadlines" / "bekanntgabe.toml"

_MAX_DAYS = 31
_TOP_LEVEL = {"bund", "land"}
_TABLE_FIELDS = {"regeln"}
_ROW_FIELDS = {"gueltig_ab", "tage", "quelle"}


@dataclass(frozen=True)
class BekanntgabeRule:
    """Ab ``valid_from`` gilt ein Brief am ``days``-ten Tag nach Aufgabe zur Post als bekanntgegeben."""

    valid_from: date
    days: int
    source: str | None = None


@dataclass(frozen=True)
class BekanntgabeRules:
    """Die Bundesregel und die abweichenden Regeln einzelner Länder."""

    federal: tuple[BekanntgabeRule, ...]
    by_land: Mapping[str, tuple[BekanntgabeRule, ...]] = field(default_factory=dict)
    origin: str = ""

    def follows_federal(self, land: str) -> bool:
        return normalize_land(land) not in self.by_land

    def rows_for(self, land: str) -> tuple[BekanntgabeRule, ...]:
        return self.by_land.get(normalize_land(land), self.federal)

    def rule_for(self, land: str, posted: date) -> BekanntgabeRule:
        """Die am Tag der Aufgabe zur Post geltende Regel des Landes."""
        rows = self.rows_for(land)
        in_force = [row for row in rows if row.valid_from <= posted]
        if not in_force:
            raise ValidationError(
                "domain_deadlines_rules.no_rule_in_force",
                posted=posted,
                land=normalize_land(land),
                first_from=rows[0].valid_from,
                field="versandt_am",
            )
        return in_force[-1]

    def days_for(self, land: str, posted: date) -> int:
        """Zahl der Tage der Zugangsfiktion für einen am Tag ``posted`` aufgegebenen Brief."""
        return self.rule_for(land, posted).days


class _Reader:
    """Checks one file and builds messages that name file, Land and row."""

    def __init__(self, name: str) -> None:
        self.name = name

    def fail(self, where: str, key: str, /, **params: Any) -> ConfigurationError:
        """``where`` names the place in the file ("Land BW, Regel 2"); ``key`` what is wrong there."""
        problem = ConfigurationError(key, **params)
        return ConfigurationError("domain_deadlines_rules.in_file_at", file=self.name, where=where, problem=problem)

    def unknown(self, where: str, found: Mapping[str, Any], allowed: set[str]) -> None:
        extra = sorted(set(found) - allowed)
        if extra:
            raise self.fail(
                where, "domain_deadlines_rules.unknown_field", name=extra[0], allowed=", ".join(sorted(allowed))
            )

    def table(self, where: str, raw: object) -> tuple[BekanntgabeRule, ...]:
        if not isinstance(raw, dict):
            raise self.fail(where, "domain_deadlines_rules.table_expected")
        self.unknown(where, raw, _TABLE_FIELDS)
        rows = raw.get("regeln")
        if not isinstance(rows, list) or not rows:
            raise self.fail(where, "domain_deadlines_rules.rules_missing")
        parsed = tuple(self.row(f"{where}, Regel {number}", row) for number, row in enumerate(rows, start=1))
        for number, (before, after) in enumerate(pairwise(parsed), start=2):
            if after.valid_from <= before.valid_from:
                raise self.fail(
                    f"{where}, Regel {number}",
                    "domain_deadlines_rules.rules_out_of_order",
                    valid_from=after.valid_from.isoformat(),
                    previous_from=before.valid_from.isoformat(),
                )
        return parsed

    def row(self, where: str, raw: object) -> BekanntgabeRule:
        if not isinstance(raw, dict):
            raise self.fail(where, "domain_deadlines_rules.row_table_expected")
        self.unknown(where, raw, _ROW_FIELDS)
        valid_from = raw.get("gueltig_ab")
        if not isinstance(valid_from, date) or isinstance(valid_from, datetime):
            raise self.fail(where, "domain_deadlines_rules.valid_from_missing")
        days = raw.get("tage")
        if isinstance(days, bool) or not isinstance(days, int) or not 1 <= days <= _MAX_DAYS:
            raise self.fail(where, "domain_deadlines_rules.days_out_of_range", maximum=_MAX_DAYS)
        source = raw.get("quelle")
        if source is not None and not isinstance(source, str):
            raise self.fail(where, "domain_deadlines_rules.source_not_text")
        return BekanntgabeRule(valid_from, days, source or None)


def parse_bekanntgabe_rules(text: str, name: str = "bekanntgabe.toml") -> BekanntgabeRules:
    """Prüft den Inhalt einer Bekanntgabedatei und liefert die Regeln."""
    reader = _Reader(name)
    try:
        raw = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigurationError("domain_deadlines_rules.invalid_toml", file=name, detail=exc) from exc
    extra = sorted(set(raw) - _TOP_LEVEL)
    if extra:
        raise ConfigurationError("domain_deadlines_rules.unknown_section", file=name, section=extra[0])
    if "bund" not in raw:
        raise ConfigurationError("domain_deadlines_rules.federal_missing", file=name)
    federal = reader.table("Bund", raw["bund"])
    lands = raw.get("land", {})
    if not isinstance(lands, dict):
        raise ConfigurationError("domain_deadlines_rules.lands_not_tables", file=name)
    by_land: dict[str, tuple[BekanntgabeRule, ...]] = {}
    for code, table in lands.items():
        if code not in LAENDER:
            raise reader.fail(
                f"Land „{code}“", "domain_deadlines_rules.unknown_land", allowed=", ".join(sorted(LAENDER))
            )
        by_land[code] = reader.table(f"Land {code}", table)
    return BekanntgabeRules(federal, by_land, name)


def load_bekanntgabe_rules(path: Path | None = None) -> BekanntgabeRules:
    """Lädt ``resources/deadlines/bekanntgabe.toml`` oder die angegebene Datei, vollständig geprüft."""
    path = DEFAULT_RULES_FILE if path is None else path
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise ConfigurationError("domain_deadlines_rules.file_unreadable", file=str(path), detail=exc) from exc
    return parse_bekanntgabe_rules(text, path.name)


@cache
def default_bekanntgabe_rules() -> BekanntgabeRules:
    """Die mitgelieferten Regeln, einmal geladen (für Aufrufer ohne eigene Regeln)."""
    return load_bekanntgabe_rules()
