"""Leistungskatalog: the procedure types (Leistungen) the authority handles.

The catalogue is shipped as TOML files in ``resources/catalogue/`` (German keys, German text) and is
validated completely when loaded: a broken entry is refused with a German message that names the
file, the entry (Leistungsschlüssel) and the field. Pure Python: no Qt, no database.
"""

from __future__ import annotations

import re
import tomllib
import unicodedata
from collections.abc import Collection, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import date
from datetime import datetime as datetime_type
from decimal import Decimal, InvalidOperation
from functools import lru_cache
from pathlib import Path
from typing import Any

from abh_desk.error_texts import Label
from abh_desk.errors import ConfigurationError, NotFound

DEFAULT_DIRECTORY = Path(__file__).resolve().parents[2] / "resources" / "catalogue"

AREAS: dict[str, str] = {
    "allgemein": "Allgemeines Ausländerrecht",
    "asyl": "Asyl und humanitäre Titel",
}

DEFAULT_REMINDER_WEEKS = 8

#: Bedingungen für Unterlagen, die nur in bestimmten Fällen verlangt werden (key → label).
CONDITIONS: dict[str, str] = {
    "minderjaehrig": "nur für Minderjährige",
    "volljaehrig": "nur für Volljährige",
    "ueber_45": "nur für Personen über 45 Jahre",
    "visumpflichtig": "nur falls ein Visum erforderlich ist",
    "voraufenthalt": "nur bei vorherigem Aufenthalt in Deutschland",
    "sprachkurs": "nur bei Sprachkurs",
    "schueleraustausch": "nur bei Schüleraustausch",
    "studium": "nur bei Studium",
    "ausbildung": "nur bei Ausbildung",
    "qualifizierte_ausbildung": "nur bei qualifizierter Berufsausbildung",
    "praktikum": "nur bei Praktikum",
    "erwerbstaetigkeit": "nur bei Erwerbstätigkeit",
    "arbeitnehmer": "nur bei Arbeitnehmerinnen und Arbeitnehmern",
    "selbststaendig": "nur bei Selbstständigen",
    "rentner": "nur bei Rentnerinnen und Rentnern",
    "verein": "nur bei Vereinen",
    "erlaubnispflichtig": "nur bei erlaubnispflichtiger Tätigkeit",
    "verheiratet": "nur bei Verheirateten",
    "familiennachzug": "nur bei Familiennachzug",
    "familienangehoerige": "nur bei Aufenthaltsrecht als Familienangehörige",
    "ehegattennachzug": "nur bei Ehegattennachzug",
    "kindernachzug_16_18": "nur bei Nachzug von Kindern zwischen 16 und 18 Jahren",
    "nachzug_zu_deutschen": "nur bei Nachzug zu Deutschen",
    "nachzug_zu_auslaendern": "nur bei Nachzug zu Ausländerinnen und Ausländern",
    "falls_vorhanden": "nur falls vorhanden",
    "einzelfall": "nur falls im Einzelfall erforderlich",
    "studienbewerbung": "nur bei Studienbewerbung",
    "nach_studium_inland": "nur nach einem Studium im Bundesgebiet",
    "nach_forschung_inland": "nur nach einer Forschungstätigkeit im Bundesgebiet",
    "nach_ausbildung_inland": "nur nach einer qualifizierten Berufsausbildung im Bundesgebiet",
    "nach_anerkennung": "nur nach Feststellung der Gleichwertigkeit oder Berufsausübungserlaubnis",
}

#: What the authority establishes itself (§ 24 VwVfG, Amtsermittlung; § 5 Abs. 1 Nr. 2 and 3, § 39
#: AufenthG): never a document the applicant is asked for. A line of ``unterlagen`` that reads like
#: one is refused when the catalogue is loaded; it belongs in ``pruefungen``.
AUTHORITY_PROOFS = (
    re.compile(r"ausweisungsinteresse", re.IGNORECASE),
    re.compile(r"interessen\s+der\s+bundesrepublik", re.IGNORECASE),
    re.compile(r"zustimmung\s+der\s+bundesagentur", re.IGNORECASE),
)

_FIM_KEY = re.compile(r"\d{14}")
_LOCAL_KEY = re.compile(r"[A-Z][A-Z0-9]*(?:-[A-Z0-9]+)*")
_AMOUNT = re.compile(r"\d+(?:\.\d{1,2})?")
_TOML_LINE = re.compile(r"line (\d+)")

_ENTRY_FIELDS = {
    "schluessel", "name", "rechtsgrundlage", "bereich", "quelle", "bearbeitungszeit",
    "bearbeitungszeit_wochen", "hoechstgeltungsdauer_monate", "erinnerung_wochen", "titel",
    "gebuehren", "unterlagen", "unbefristet", "eat", "pruefungen", "angeboten_ab", "angeboten_bis",
    "hoechstgeltungsdauer_varianten", "termin_minuten",
}  # fmt: skip
_REQUIRED_TEXT = ("schluessel", "name", "rechtsgrundlage", "bereich", "quelle")
_FEE_FIELDS = (
    "erteilung", "verlaengerung_bis_3_monate", "verlaengerung_ueber_3_monate", "minderjaehrige",
)  # fmt: skip
_DOCUMENT_FIELDS = {"text", "bedingung"}
_VARIANT_FIELDS = {"bedingung", "monate", "rechtsgrundlage"}


@dataclass(frozen=True)
class DocumentRequirement:
    """Eine Zeile der Checkliste „Erforderliche Unterlagen“, ggf. nur unter einer Bedingung."""

    text: str
    condition: str | None = None

    @property
    def condition_label(self) -> str | None:
        """German label of the condition, e.g. "nur für Minderjährige"."""
        return None if self.condition is None else CONDITIONS.get(self.condition, self.condition)


@dataclass(frozen=True)
class ValidityVariant:
    """A longer or shorter maximum validity where a fact of the case holds, e.g. job search after
    studies in Germany: 18 months (§ 20 Abs. 3 Nr. 1 AufenthG) instead of 6."""

    condition: str
    months: int
    legal_basis: str

    @property
    def condition_label(self) -> str:
        return CONDITIONS.get(self.condition, self.condition)


@dataclass(frozen=True)
class Fees:
    """Gebühren in Cent (AufenthV); ``None`` where the source names no amount."""

    issue_cents: int | None = None
    extension_short_cents: int | None = None  # Verlängerung bis zu drei Monate
    extension_long_cents: int | None = None  # Verlängerung um mehr als drei Monate
    minor_cents: int | None = None  # Minderjährige (§ 50 AufenthV)
    note: str | None = None


@dataclass(frozen=True)
class ProcedureType:
    """Eine Leistung des Katalogs (FIM-Leistungsschlüssel oder lokaler Schlüssel)."""

    key: str
    name: str
    legal_basis: str
    area: str
    source: str
    documents: tuple[DocumentRequirement, ...]
    fees: Fees = field(default_factory=Fees)
    processing_time: str | None = None
    processing_weeks: tuple[int, int] | None = None
    max_validity_months: int | None = None
    reminder_weeks: int = DEFAULT_REMINDER_WEEKS
    title_kind: str | None = None
    unlimited: bool = False
    """The title is granted without an end (Niederlassungserlaubnis § 9, Daueraufenthalt-EU § 9a)."""
    card: bool = False
    """The grant is issued as an eAT card (§ 78 Abs. 1 AufenthG): a card is ordered after it. Default:
    every procedure that grants a title, unless the entry says ``eat = false`` (Duldung, Reiseausweis)."""
    checks: tuple[DocumentRequirement, ...] = ()
    """Prüfung durch die Behörde: conditions the caseworker establishes (§ 24 VwVfG), not documents."""
    offered_from: date | None = None
    offered_until: date | None = None
    """The days on which a new case of this procedure may be applied for (§ 104c AufenthG: until
    31.12.2025); existing cases keep it."""
    validity_variants: tuple[ValidityVariant, ...] = ()
    appointment_minutes: int | None = None
    """How long an appointment of this procedure takes (``termin_minuten``); without it the rule of
    ``domain.appointments.slot_minutes`` holds, and the administration may set another in the office."""

    def offered_on(self, day: date) -> bool:
        """Whether a new application of this procedure can be made on ``day``."""
        return (self.offered_from is None or self.offered_from <= day) and (
            self.offered_until is None or day <= self.offered_until
        )

    def max_validity_for(self, facts: Collection[str]) -> tuple[int | None, str]:
        """The maximum validity (months) for a case with these facts and the provision it rests on:
        the longest variant whose condition holds, else the entry's own."""
        matching = [variant for variant in self.validity_variants if variant.condition in facts]
        if matching:
            best = max(matching, key=lambda variant: variant.months)
            return best.months, best.legal_basis
        return self.max_validity_months, self.legal_basis

    @property
    def fact_conditions(self) -> tuple[str | None, ...]:
        """Every condition the entry's documents, checks and validity variants name."""
        return (
            *(d.condition for d in self.documents),
            *(c.condition for c in self.checks),
            *(v.condition for v in self.validity_variants),
        )

    @property
    def is_fim(self) -> bool:
        """True for a 14-digit FIM service key (Leistungsschlüssel)."""
        return _FIM_KEY.fullmatch(self.key) is not None


class CatalogueError(ConfigurationError):
    """A catalogue file or entry that cannot be used; the message names file, entry and field."""

    code = "katalog_ungueltig"

    def __init__(
        self,
        problem_key: str,
        /,
        *,
        file: str,
        entry: str | None = None,
        field: str | None = None,
        entry_number: int | None = None,
        **params: Any,
    ) -> None:
        """``problem_key`` (and ``params``) say what is wrong, the sentence puts the place in front of it.
        ``entry`` is the entry's key; ``entry_number`` (1-based) names an entry without one."""
        at_field = field is not None
        where_key = "domain_catalogue.in_file_field" if at_field else "domain_catalogue.in_file"
        if entry is not None:
            where_key = "domain_catalogue.in_entry_field" if at_field else "domain_catalogue.in_entry"
        elif entry_number is not None:
            entry = f"Nr. {entry_number}"
            where_key = "domain_catalogue.in_numbered_entry_field" if at_field else "domain_catalogue.in_numbered_entry"
        problem = ConfigurationError(problem_key, **params)
        super().__init__(where_key, file=file, entry=entry, field=field, entry_number=entry_number, problem=problem)
        self.file = file
        self.entry = entry
        self.field = field
        self.problem = problem


def _fold(text: str) -> str:
    """Lower case without diacritics: "Maßnahme" → "massnahme", "Ausländer" → "auslander"."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _transliterate(text: str) -> str:
    """Lower case with German umlauts spelled out: "Ausländer" → "auslaender"."""
    text = text.casefold()
    for umlaut, spelled in (("ä", "ae"), ("ö", "oe"), ("ü", "ue")):
        text = text.replace(umlaut, spelled)
    return _fold(text)


class Catalogue:
    """Immutable collection of procedure types, in file order."""

    def __init__(self, entries: Iterable[ProcedureType]) -> None:
        self._entries = tuple(entries)
        self._by_key = {entry.key: entry for entry in self._entries}
        if len(self._by_key) != len(self._entries):
            raise ValueError("Leistungsschlüssel im Katalog nicht eindeutig")
        self._haystacks: dict[str, tuple[str, str]] = {}
        for entry in self._entries:
            text = f"{entry.key} {entry.name} {entry.legal_basis}"
            self._haystacks[entry.key] = (_fold(text), _transliterate(text))

    def __iter__(self) -> Iterator[ProcedureType]:
        return iter(self._entries)

    def __len__(self) -> int:
        return len(self._entries)

    def __contains__(self, key: object) -> bool:
        return key in self._by_key

    def get(self, key: str) -> ProcedureType:
        try:
            return self._by_key[key]
        except KeyError:
            raise NotFound("domain_catalogue.unknown_procedure", key=key) from None

    def name_of(self, key: str) -> str:
        """The entry's name; a key no longer in the catalogue (an old case) shows as itself."""
        entry = self._by_key.get(key)
        return entry.name if entry is not None else key

    def search(self, text: str) -> list[ProcedureType]:
        """Entries whose key, name or legal basis contain every word of ``text``.

        Case and diacritics are ignored; "ä" also matches "ae" (and "ß" matches "ss").
        """
        words = [_fold(word) for word in text.split()]
        result = []
        for entry in self._entries:
            folded, transliterated = self._haystacks[entry.key]
            if all(word in folded or word in transliterated for word in words):
                result.append(entry)
        return result

    def areas(self) -> set[str]:
        return {entry.area for entry in self._entries}

    def offered(self, day: date) -> list[ProcedureType]:
        """The entries a new case can be opened for on ``day`` (the context's clock)."""
        return [entry for entry in self._entries if entry.offered_on(day)]


# --- loading ------------------------------------------------------------------------------------


class _Entry:
    """Reads and checks the fields of one ``[[leistung]]`` table; every error names the field."""

    def __init__(self, file: str, number: int, table: Mapping[str, Any]) -> None:
        self.file = file
        self.number = number
        self.table = table
        key = table.get("schluessel")
        self.key = key.strip() if isinstance(key, str) and key.strip() else None

    def error(self, field_name: str | None, problem_key: str, /, **params: Any) -> CatalogueError:
        return CatalogueError(
            problem_key, file=self.file, entry=self.key, field=field_name, entry_number=self.number, **params
        )

    def check_fields(self, name: str | None, table: Mapping[str, Any], allowed: Iterable[str]) -> None:
        unknown = sorted(set(table) - set(allowed))
        if unknown:
            prefix = f"{name}." if name else ""
            raise self.error(prefix + unknown[0], "domain_catalogue.unknown_field")

    def text(self, name: str, value: Any, *, required: bool) -> str | None:
        if value is None:
            if required:
                raise self.error(name, "domain_catalogue.required_field_missing")
            return None
        if not isinstance(value, str):
            raise self.error(name, "domain_catalogue.text_expected", **_found(value))
        if not value.strip():
            raise self.error(name, "domain_catalogue.must_not_be_empty")
        return value.strip()

    def positive_int(self, name: str, value: Any) -> int | None:
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, int):
            raise self.error(name, "domain_catalogue.integer_expected", **_found(value))
        if value <= 0:
            raise self.error(name, "domain_catalogue.must_be_positive", value=value)
        return value

    def table_of(self, name: str, value: Any, allowed: Iterable[str]) -> Mapping[str, Any]:
        if not isinstance(value, dict):
            raise self.error(name, "domain_catalogue.table_expected", **_found(value))
        self.check_fields(name, value, allowed)
        return value

    def amount(self, name: str, value: Any) -> int | None:
        """EUR as a decimal string ("100.00") → cents."""
        if value is None:
            return None
        if not isinstance(value, str):
            raise self.error(name, "domain_catalogue.amount_text_expected", **_found(value))
        if _AMOUNT.fullmatch(value.strip()) is None:
            raise self.error(name, "domain_catalogue.not_an_amount", value=value)
        try:
            return int(Decimal(value.strip()) * 100)
        except InvalidOperation:  # pragma: no cover - the pattern already excludes this
            raise self.error(name, "domain_catalogue.not_an_amount", value=value) from None

    def fees(self, value: Any) -> Fees:
        if value is None:
            return Fees()
        table = self.table_of("gebuehren", value, (*_FEE_FIELDS, "hinweis"))
        issue, short, long, minor = (self.amount(f"gebuehren.{k}", table.get(k)) for k in _FEE_FIELDS)
        note = self.text("gebuehren.hinweis", table.get("hinweis"), required=False)
        return Fees(issue, short, long, minor, note)

    def documents(self, value: Any, field_name: str = "unterlagen") -> tuple[DocumentRequirement, ...]:
        if value is None:
            if field_name != "unterlagen":
                return ()
            raise self.error("unterlagen", "domain_catalogue.documents_missing")
        if not isinstance(value, list):
            raise self.error(field_name, "domain_catalogue.list_expected", **_found(value))
        result = []
        for number, item in enumerate(value, start=1):
            name = f"{field_name}[{number}]"
            table = self.table_of(name, item, _DOCUMENT_FIELDS)
            text = self.text(f"{name}.text", table.get("text"), required=True)
            condition = self.text(f"{name}.bedingung", table.get("bedingung"), required=False)
            if condition is not None and condition not in CONDITIONS:
                raise self.error(f"{name}.bedingung", "domain_catalogue.unknown_condition", condition=condition)
            assert text is not None
            if field_name == "unterlagen" and any(pattern.search(text) for pattern in AUTHORITY_PROOFS):
                raise self.error(f"{name}.text", "domain_catalogue.authority_proof", text=text)
            result.append(DocumentRequirement(text, condition))
        return tuple(result)

    def day(self, name: str, value: Any) -> date | None:
        if value is None:
            return None
        if not isinstance(value, date) or isinstance(value, datetime_type):
            raise self.error(name, "domain_catalogue.date_expected", **_found(value))
        return value

    def variants(self, value: Any) -> tuple[ValidityVariant, ...]:
        name = "hoechstgeltungsdauer_varianten"
        if value is None:
            return ()
        if not isinstance(value, list):
            raise self.error(name, "domain_catalogue.list_expected", **_found(value))
        result = []
        for number, item in enumerate(value, start=1):
            where = f"{name}[{number}]"
            table = self.table_of(where, item, _VARIANT_FIELDS)
            condition = self.text(f"{where}.bedingung", table.get("bedingung"), required=True)
            assert condition is not None
            if condition not in CONDITIONS:
                raise self.error(f"{where}.bedingung", "domain_catalogue.unknown_condition", condition=condition)
            months = self.positive_int(f"{where}.monate", table.get("monate"))
            if months is None:
                raise self.error(f"{where}.monate", "domain_catalogue.required_field_missing")
            basis = self.text(f"{where}.rechtsgrundlage", table.get("rechtsgrundlage"), required=True)
            assert basis is not None
            result.append(ValidityVariant(condition, months, basis))
        if len({variant.condition for variant in result}) != len(result):
            raise self.error(name, "domain_catalogue.condition_twice")
        return tuple(result)

    def flag(self, name: str, value: Any, default: bool) -> bool:
        if value is None:
            return default
        if not isinstance(value, bool):
            raise self.error(name, "domain_catalogue.boolean_expected", **_found(value))
        return value

    def weeks(self, value: Any) -> tuple[int, int] | None:
        name = "bearbeitungszeit_wochen"
        if value is None:
            return None
        if not isinstance(value, list) or len(value) != 2:
            raise self.error(name, "domain_catalogue.min_max_expected", **_found(value))
        low, high = (self.positive_int(name, v) for v in value)
        assert low is not None and high is not None
        if low > high:
            raise self.error(name, "domain_catalogue.minimum_above_maximum", low=low, high=high)
        return (low, high)

    def build(self) -> ProcedureType:
        t = self.table
        self.check_fields(None, t, _ENTRY_FIELDS)
        key, name, legal_basis, area, source = (self.text(f, t.get(f), required=True) for f in _REQUIRED_TEXT)
        assert key and name and legal_basis and area and source
        if _FIM_KEY.fullmatch(key) is None and _LOCAL_KEY.fullmatch(key) is None:
            raise self.error("schluessel", "domain_catalogue.bad_key", procedure=key)
        if area not in AREAS:
            raise self.error("bereich", "domain_catalogue.unknown_area", area=area, allowed=", ".join(AREAS))
        reminder = self.positive_int("erinnerung_wochen", t.get("erinnerung_wochen"))
        title_kind = self.text("titel", t.get("titel"), required=False)
        unlimited = self.flag("unbefristet", t.get("unbefristet"), False)
        if unlimited and t.get("hoechstgeltungsdauer_monate") is not None:
            raise self.error("unbefristet", "domain_catalogue.unlimited_with_maximum")
        variants = self.variants(t.get("hoechstgeltungsdauer_varianten"))
        if variants and t.get("hoechstgeltungsdauer_monate") is None:
            raise self.error("hoechstgeltungsdauer_varianten", "domain_catalogue.variants_need_maximum")
        offered_from = self.day("angeboten_ab", t.get("angeboten_ab"))
        offered_until = self.day("angeboten_bis", t.get("angeboten_bis"))
        if offered_from and offered_until and offered_from > offered_until:
            raise self.error("angeboten_bis", "domain_catalogue.offered_until_before_from", offered_from=offered_from)
        return ProcedureType(
            key=key,
            name=name,
            legal_basis=legal_basis,
            area=area,
            source=source,
            documents=self.documents(t.get("unterlagen")),
            fees=self.fees(t.get("gebuehren")),
            processing_time=self.text("bearbeitungszeit", t.get("bearbeitungszeit"), required=False),
            processing_weeks=self.weeks(t.get("bearbeitungszeit_wochen")),
            max_validity_months=self.positive_int("hoechstgeltungsdauer_monate", t.get("hoechstgeltungsdauer_monate")),
            reminder_weeks=DEFAULT_REMINDER_WEEKS if reminder is None else reminder,
            title_kind=title_kind,
            unlimited=unlimited,
            card=self.flag("eat", t.get("eat"), title_kind is not None),
            checks=self.documents(t.get("pruefungen"), "pruefungen"),
            offered_from=offered_from,
            offered_until=offered_until,
            validity_variants=variants,
            appointment_minutes=self.positive_int("termin_minuten", t.get("termin_minuten")),
        )


_KINDS = {
    bool: Label("domain_catalogue.kind_boolean"),
    int: Label("domain_catalogue.kind_number"),
    float: Label("domain_catalogue.kind_number"),
    str: Label("domain_catalogue.kind_text"),
    list: Label("domain_catalogue.kind_list"),
    dict: Label("domain_catalogue.kind_table"),
}


def _found(value: Any) -> dict[str, Any]:
    """What was found instead, as the parameters ``kind`` and ``shown`` ("Zahl 5", "Liste")."""
    kind = _KINDS.get(type(value), type(value).__name__)
    return {"kind": kind, "shown": f" {value!r}" if isinstance(value, (bool, int, float, str)) else ""}


def load_file(path: Path) -> list[ProcedureType]:
    """Parse and validate one catalogue file; raises :class:`CatalogueError`."""
    file = path.name
    try:
        with path.open("rb") as handle:
            data = tomllib.load(handle)
    except tomllib.TOMLDecodeError as exc:
        line = _TOML_LINE.search(str(exc))
        if line:
            raise CatalogueError(
                "domain_catalogue.invalid_toml_at_line", file=file, line=line.group(1), detail=exc
            ) from None
        raise CatalogueError("domain_catalogue.invalid_toml", file=file, detail=exc) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise CatalogueError("domain_catalogue.file_unreadable", file=file, detail=exc) from None
    unknown = sorted(set(data) - {"leistung"})
    if unknown:
        raise CatalogueError("domain_catalogue.unknown_top_field", file=file, field=unknown[0])
    tables = data.get("leistung", [])
    if not isinstance(tables, list):
        raise CatalogueError("domain_catalogue.list_of_tables_expected", file=file, field="leistung")
    entries = []
    for number, table in enumerate(tables, start=1):
        if not isinstance(table, dict):
            raise CatalogueError("domain_catalogue.entry_table_expected", file=file, entry_number=number)
        entries.append(_Entry(file, number, table).build())
    return entries


def load_catalogue(directory: Path | None = None) -> Catalogue:
    """Load every ``*.toml`` file of ``directory`` (default: ``resources/catalogue``), by file name.

    Keys must be unique across all files.
    """
    directory = DEFAULT_DIRECTORY if directory is None else directory
    if not directory.is_dir():
        raise CatalogueError("domain_catalogue.directory_missing", file=str(directory))
    paths = sorted(directory.glob("*.toml"))
    if not paths:
        raise CatalogueError("domain_catalogue.no_files", file=str(directory))
    return _load_files(tuple((str(path), path.stat().st_mtime_ns, path.stat().st_size) for path in paths))


@lru_cache(maxsize=8)
def _load_files(files: tuple[tuple[str, int, int], ...]) -> Catalogue:
    """The catalogue of these files as they are now (name, mtime, size): parsed once per process
    (a command opens a context or two, a test run thousands; the catalogue is immutable)."""
    seen: dict[str, str] = {}
    entries: list[ProcedureType] = []
    for path in (Path(name) for name, _mtime, _size in files):
        for entry in load_file(path):
            if entry.key in seen:
                raise CatalogueError(
                    "domain_catalogue.key_taken",
                    file=path.name,
                    entry=entry.key,
                    field="schluessel",
                    other_file=seen[entry.key],
                )
            seen[entry.key] = path.name
            entries.append(entry)
    return Catalogue(entries)
