"""Gebühren nach der Aufenthaltsverordnung, applied to a case (AufenthV Kapitel 3).

The amounts and provisions are data (``resources/fees/aufenthv.toml``); the rule that picks and
adjusts them is here:

- the Tatbestand follows from the title applied for and the person's situation at application:
  a Niederlassungserlaubnis by its basis (§ 44 Nr. 1–3), the Daueraufenthalt-EU (§ 44a); an
  Aufenthaltserlaubnis, Blaue Karte EU or ICT-Karte as an issue (§ 45 Nr. 1), an extension of the
  title held for the same purpose (§ 45 Nr. 2 Buchst. a/b by the length asked for) or a change of
  purpose (§ 45 Nr. 3);
- a refused application costs the processing fee of § 49: half the fee for a Niederlassungs-
  erlaubnis or Daueraufenthalt-EU (Abs. 1), the fee of the act for all others (Abs. 2);
- minors pay half (§ 50 Abs. 1 Satz 1) by their age on the day of application, where § 50 names
  the Tatbestand (not § 44a; but § 49 Abs. 1 for its refusal); § 50 Abs. 1 Satz 2 sets 55 EUR for
  the Niederlassungserlaubnis under § 35 Abs. 1 Satz 1 AufenthG;
- recipients of benefits under SGB II, SGB XII or the AsylbLG are exempt where § 53 Abs. 1 says so.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from functools import lru_cache
from pathlib import Path

from abh_desk.domain.checklist import ADULT_AGE
from abh_desk.errors import ConfigurationError

DEFAULT_PATH = Path(__file__).resolve().parents[2] / "resources" / "fees" / "aufenthv.toml"
HALF, FULL = "halb", "voll"
_FIELDS = {"name", "vorschrift", "betrag", "minderjaehrig", "minderjaehrig_ablehnung", "ablehnung", "leistungsbezug"}
#: Title kinds the fees of § 45 apply to.
PERMIT_KINDS = ("Aufenthaltserlaubnis", "Blaue Karte", "ICT-Karte")


@dataclass(frozen=True)
class FeeRule:
    """One Gebührentatbestand."""

    key: str
    name: str
    provision: str  # "§ 45 Nr. 2 Buchst. b" (without "AufenthV")
    cents: int
    minor: str  # HALF, FULL or a fixed amount in cents as text
    minor_refusal: str
    refusal: str  # HALF (§ 49 Abs. 1) or FULL (§ 49 Abs. 2)
    benefit_exempt: bool  # § 53 Abs. 1


@dataclass(frozen=True)
class FeeFacts:
    """What the fee depends on beyond the Tatbestand."""

    age: int | None  # on the day of application; None: unknown (no reduction)
    refused: bool = False
    benefits: bool = False  # SGB II, SGB XII or AsylbLG


@dataclass(frozen=True)
class Fee:
    cents: int
    provisions: tuple[str, ...]  # in citation order: "§ 49 Abs. 2", "§ 45 Nr. 1 Buchst. b", "§ 50 Abs. 1 Satz 1"
    rule: str  # the Tatbestand's key

    @property
    def basis(self) -> str:
        """As a notice names it: "§ 49 Abs. 2, § 45 Nr. 1 Buchst. b AufenthV"."""
        return f"{', '.join(self.provisions)} AufenthV"


class FeeSchedule:
    def __init__(self, rules: dict[str, FeeRule], to_check: str) -> None:
        self.rules = rules
        self.to_check = to_check

    def get(self, key: str) -> FeeRule:
        try:
            return self.rules[key]
        except KeyError:
            raise ConfigurationError("domain_fees.rule_missing", rule=key) from None


def _half(cents: int) -> int:
    return cents // 2


def _by_age(cents: int, how: str, provisions: list[str]) -> int:
    if how == HALF:
        provisions.append("§ 50 Abs. 1 Satz 1")
        return _half(cents)
    return cents


def compute_fee(rule: FeeRule, facts: FeeFacts) -> Fee:
    """The fee of ``rule`` for this person and outcome, with every provision it rests on."""
    if facts.benefits and rule.benefit_exempt:
        return Fee(0, ("§ 53 Abs. 1",), rule.key)
    provisions = [rule.provision]
    cents = rule.cents
    minor = facts.age is not None and facts.age < ADULT_AGE
    if facts.refused:
        provisions.insert(0, "§ 49 Abs. 1" if rule.refusal == HALF else "§ 49 Abs. 2")
        cents = _half(cents) if rule.refusal == HALF else cents
        if minor:
            cents = _by_age(cents, rule.minor_refusal, provisions)
    elif minor:
        cents = _by_age(cents, rule.minor, provisions)
    return Fee(cents, tuple(provisions), rule.key)


def rule_key(
    title_kind: str | None,
    legal_basis: str,
    procedure_key: str,
    held_basis: str | None,
    short_extension: bool = False,
    max_validity_months: int | None = None,
    age: int | None = None,
) -> str | None:
    """The Tatbestand for an application: ``held_basis`` is the legal basis of the title the
    person held (or that continued) when applying, None without one. None: no title of §§ 44–45
    (the catalogue's own amount applies)."""
    if not title_kind:
        return None
    if "Niederlassungserlaubnis" in title_kind:
        if "§ 18c Abs. 3" in legal_basis:
            return "ne_hochqualifiziert"
        if "§ 21 Abs. 4" in legal_basis:
            return "ne_selbstaendig"
        if "§ 35" in legal_basis and age is not None and age < ADULT_AGE:
            return "ne_minderjaehrig_35"
        return "ne_sonstige"
    if "Daueraufenthalt" in title_kind:
        return "daueraufenthalt_eu"
    if not any(kind in title_kind for kind in PERMIT_KINDS):
        return None
    extension_only = "VERLAENGERUNG" in procedure_key.upper() and "ERTEILUNG" not in procedure_key.upper()
    if held_basis is not None and (extension_only or _same_purpose(held_basis, legal_basis)):
        return "ae_verlaengerung_bis_3_monate" if short_extension else "ae_verlaengerung_ueber_3_monate"
    if held_basis is not None:
        return "ae_zweckwechsel"
    if extension_only:  # an extension asked for without a title on record: the fee of the extension
        return "ae_verlaengerung_bis_3_monate" if short_extension else "ae_verlaengerung_ueber_3_monate"
    if max_validity_months is not None and max_validity_months <= 12:
        return "ae_erteilung_bis_1_jahr"
    return "ae_erteilung_ueber_1_jahr"


_SUBDIVISION = re.compile(r"(Abs\.|Satz|Nr\.|Buchst\.)\s*\d+[a-z]?")
_PARAGRAPH = re.compile(r"\d+[a-z]?")


#: The Tatbestände of an Aufenthaltserlaubnis, Blaue Karte EU or ICT-Karte, as ``katalog`` lists them.
PERMIT_VARIANTS = (
    ("Erteilung", "ae_erteilung_ueber_1_jahr"),
    ("Verlängerung bis 3 Monate", "ae_verlaengerung_bis_3_monate"),
    ("Verlängerung über 3 Monate", "ae_verlaengerung_ueber_3_monate"),
    ("Zweckwechsel", "ae_zweckwechsel"),
)


def fee_variants(title_kind: str | None, legal_basis: str, procedure_key: str) -> list[tuple[str, str]]:
    """(label, Tatbestand) of every fee an application of this procedure can cost."""
    single = rule_key(title_kind, legal_basis, procedure_key, None)
    if single is None:
        return []
    if not any(kind in (title_kind or "") for kind in PERMIT_KINDS):
        return [("Erteilung", single)]
    if "VERLAENGERUNG" in procedure_key.upper() and "ERTEILUNG" not in procedure_key.upper():
        return [v for v in PERMIT_VARIANTS if v[1].startswith("ae_verlaengerung")]
    return list(PERMIT_VARIANTS)


def _paragraphs(basis: str) -> set[str]:
    """The paragraphs a legal basis names: "§§ 16a, 16f AufenthG" → {"16a", "16f"}; "§ 18c Abs. 3" → {"18c"}."""
    return set(_PARAGRAPH.findall(_SUBDIVISION.sub("", basis))) or {basis}


_FOLLOWING = re.compile(r"(\d+)[a-z]?\s+ff\.")
_DIGITS = re.compile(r"\d+")


def _number(paragraph: str) -> str:
    match = _DIGITS.match(paragraph)
    return match.group() if match else paragraph


def _same_purpose(held: str, applied: str) -> bool:
    """Whether two legal bases name the same paragraph ("§§ 18 ff." covers 18, 18a, 18b …)."""
    if _paragraphs(held) & _paragraphs(applied):
        return True
    return any(
        {_number(paragraph) for paragraph in _paragraphs(narrow)} & set(_FOLLOWING.findall(wide))
        for wide, narrow in ((applied, held), (held, applied))
    )


def _cents(value: object, where: str) -> int:
    try:
        amount = Decimal(str(value))
    except InvalidOperation:
        raise ConfigurationError("domain_fees.not_an_amount", where=where, value=value) from None
    if amount < 0 or amount != amount.quantize(Decimal("0.01")):
        raise ConfigurationError("domain_fees.not_euro_and_cent", where=where, value=value)
    return int(amount * 100)


def parse_fee_schedule(text: str, source: str = "aufenthv.toml") -> FeeSchedule:
    try:
        raw = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigurationError("shared.invalid_toml_file", source=source, detail=exc) from exc
    rules: dict[str, FeeRule] = {}
    for key, row in dict(raw.get("tatbestand", {})).items():
        where = f"{source}: [tatbestand.{key}]"
        if not isinstance(row, dict):
            raise ConfigurationError("shared.must_be_table", where=where)
        extra = sorted(set(row) - _FIELDS)
        if extra:
            raise ConfigurationError("shared.unknown_fields", where=where, names=", ".join(extra))
        minor = str(row.get("minderjaehrig", HALF))
        refusal = str(row.get("ablehnung", FULL))
        for field, value in (("minderjaehrig", minor), ("ablehnung", refusal)):
            if value not in (HALF, FULL):
                raise ConfigurationError("domain_fees.half_or_full", where=where, name=field, value=value)
        if not str(row.get("vorschrift", "")).startswith("§"):
            raise ConfigurationError("domain_fees.provision_missing", where=where)
        rules[key] = FeeRule(
            key=key,
            name=str(row.get("name", key)),
            provision=str(row["vorschrift"]),
            cents=_cents(row.get("betrag"), f"{where} betrag"),
            minor=minor,
            minor_refusal=str(row.get("minderjaehrig_ablehnung", minor)),
            refusal=refusal,
            benefit_exempt=row.get("leistungsbezug") == "befreit",
        )
    if not rules:
        raise ConfigurationError("domain_fees.rules_missing", source=source)
    return FeeSchedule(rules, str(raw.get("zu_pruefen", "")))


@lru_cache(maxsize=2)
def load_fee_schedule(path: Path = DEFAULT_PATH) -> FeeSchedule:
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise ConfigurationError("domain_fees.file_unreadable", path=path, detail=exc) from exc
    return parse_fee_schedule(text, source=path.name)
