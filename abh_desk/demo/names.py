"""Name, place and title pools for the demo data (Demodaten): the data is
``resources/demo/names.toml`` (the nationalities, their names, birth places and stories, the
town's streets), read when the demo is made; the generator's rules about titles stay here.

Everything in the pools passes ``names.check_name`` (tested). Nationality codes are those of
``countries.nationalities()``: Kosovo has no code there, so Albanian names go with ALB and MKD.
"""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType
from typing import Any

DATA_FILE = Path(__file__).resolve().parents[2] / "resources" / "demo" / "names.toml"


@dataclass(frozen=True)
class TitleProfile:
    """One kind of residence title a group of persons typically holds."""

    kind: str
    legal_basis: str
    weight: int
    conditions: str | None = None


@dataclass(frozen=True)
class NationalityPool:
    nationality: str
    weight: int
    family_names: tuple[str, ...]
    male_given: tuple[str, ...]
    female_given: tuple[str, ...]
    birth_places: tuple[str, ...]
    #: family name → its female form (Wiśniewski → Wiśniewska, Singh → Kaur)
    female_family: Mapping[str, str] = field(default_factory=lambda: MappingProxyType({}))
    female_share: float = 0.5
    #: share of birth dates of which only the year is known, and of those recorded as 1 January
    year_only_share: float = 0.005
    new_year_share: float = 0.0
    #: the person's story (a key of TITLE_PROFILES and PARAGRAPH_GROUPS) with weights; empty:
    #: free movement (EU, EEA, Switzerland), no residence title needed
    titles: tuple[tuple[str, int], ...] = ()
    passport_prefix: str = ""

    @property
    def free_movement(self) -> bool:
        """EU/EEA and Swiss citizens need no residence title (Freizügigkeit)."""
        return not self.titles


def _names(text: str) -> tuple[str, ...]:
    return tuple(part.strip() for part in text.split(",") if part.strip())


@dataclass(frozen=True)
class Town:
    name: str
    weight: int
    #: (street, postcode)
    streets: tuple[tuple[str, str], ...]


def _load(path: Path = DATA_FILE) -> dict[str, Any]:
    with path.open("rb") as file:
        return tomllib.load(file)


_DATA = _load()
_LISTS: dict[str, list[str]] = _DATA["lists"]


def _list(value: str | list[str]) -> tuple[str, ...]:
    """A pool's list: given in the pool, or the name of a shared one of ``[lists]``."""
    return tuple(_LISTS[value] if isinstance(value, str) else value)


def _pool(row: dict[str, Any]) -> NationalityPool:
    shares = {key: row[key] for key in ("female_share", "year_only_share", "new_year_share") if key in row}
    return NationalityPool(
        row["nationality"],
        row["weight"],
        _list(row["family_names"]),
        _list(row["male_given"]),
        _list(row["female_given"]),
        _list(row["birth_places"]),
        female_family=MappingProxyType(dict(row.get("female_family", {}))),
        titles=tuple(row.get("titles", {}).items()),
        passport_prefix=row.get("passport_prefix", ""),
        **shares,
    )


TITLE_PROFILES: Mapping[str, tuple[TitleProfile, ...]] = MappingProxyType(
    {
        story: tuple(TitleProfile(p["kind"], p["legal_basis"], p["weight"], p.get("conditions")) for p in profiles)
        for story, profiles in _DATA["titles"].items()
    }
)

#: Paragraphs of the AufenthG that belong to each story: a catalogue procedure citing one of them is
#: likely for persons of that story. Procedures citing none (Verpflichtungserklärung, lost card,
#: travel document …) are open to everyone, less often.
PARAGRAPH_GROUPS: Mapping[str, frozenset[str]] = MappingProxyType(
    {
        "humanitaer": frozenset(_names("12a, 19d, 22, 23, 23a, 25, 25a, 25b, 26, 60a, 60b, 60c, 60d, 104c")),
        "schutz_ukraine": frozenset(_names("12a, 24")),
        "fachkraft": frozenset(_names("9, 9a, 18, 18a, 18b, 18c, 18d, 18e, 18f, 18g, 19, 19a, 19b, 19c, 20, 21, 81a")),
        "studium": frozenset(_names("16, 16a, 16b, 16c, 16d, 16e, 16f, 17, 20")),
        "familie": frozenset(_names("9, 9a, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 36a")),
    }
)
#: Procedures whose name contains the key are only for these nationalities.
RESERVED_PROCEDURES: Mapping[str, frozenset[str]] = MappingProxyType({"Schweiz": frozenset({"CHE"})})
#: Procedures whose name contains the key only fit an applicant of this age (from, to).
AGE_LIMITS: Mapping[str, tuple[int, int]] = MappingProxyType(
    {
        "Au-pair": (18, 26),
        "Studierende": (17, 45),
        "Schüler": (10, 20),
        "Ausbildung": (16, 35),
        # Work and its preparation are for adults (no child of five in a § 16d or § 20 procedure).
        "Qualifizierungsmaßnahme": (18, 55),
        "Arbeitsplatzsuche": (18, 60),
        "Beschäftigung": (18, 67),
        "Blaue Karte": (21, 67),
        "Forschung": (22, 70),
        "selbständig": (18, 75),
        "Fachkräfte": (18, 67),
        "Verpflichtungserklärung": (18, 85),
    }
)
#: A granted procedure whose ``titel`` contains one of these gives a document, not a residence status.
NOT_A_STATUS = ("Reiseausweis", "eAT")
#: Validity in months (shortest, longest) by title kind; others 12 to 36.
KIND_MONTHS: Mapping[str, tuple[int, int]] = MappingProxyType(
    {
        "Visum": (3, 12),
        "Duldung": (3, 6),
        "Fiktionsbescheinigung": (3, 3),
        "Blaue Karte EU": (24, 48),
    }
)

#: Title kinds without an end date.
UNLIMITED_KINDS = frozenset({"Niederlassungserlaubnis", "Erlaubnis zum Daueraufenthalt-EU"})
#: Title kinds issued as an eAT card (with a card serial number).
CARD_KINDS = frozenset(
    {
        "Aufenthaltserlaubnis",
        "Blaue Karte EU",
        "ICT-Karte",
        "Niederlassungserlaubnis",
        "Erlaubnis zum Daueraufenthalt-EU",
    }
)
FICTION_KIND = "Fiktionsbescheinigung"
FICTION_LEGAL_BASIS = "§ 81 Abs. 4 AufenthG"


POOLS: tuple[NationalityPool, ...] = tuple(_pool(row) for row in _DATA["pools"])
POOLS_BY_NATIONALITY: Mapping[str, NationalityPool] = MappingProxyType({p.nationality: p for p in POOLS})

#: Persons every run starts with, so a small demo can show folding (Müller/Mueller → MULLER), the
#: prefix range Ala–Alz of the asylum area (Alizadeh → Lossau, Aziz → Dietrich) and diacritics.
#: (nationality, family name, given names, sex)
SHOWCASE: tuple[tuple[str, str, str, str], ...] = tuple(
    (nationality, family, given, sex) for nationality, family, given, sex in _DATA["showcase"]
)

#: Singen (Hohentwiel): its Ausländerbehörde (a Große Kreisstadt's) serves the town's residents only;
#: Konstanz, Radolfzell and the Landratsamt have their own.
TOWNS: tuple[Town, ...] = tuple(
    Town(
        town["name"],
        town["weight"],
        tuple((street, postcode) for postcode, streets in town["streets"].items() for street in streets),
    )
    for town in _DATA["towns"]
)

#: Places of birth in the neighbourhood, for children born in Germany.
LOCAL_BIRTH_PLACES: tuple[str, ...] = tuple(_DATA["local_birth_places"])

#: Fictitious telephone numbers the Bundesnetzagentur keeps free for film and television.
PHONE_BLOCKS: tuple[str, ...] = tuple(_DATA["phone_blocks"])
EMAIL_DOMAIN: str = _DATA["email_domain"]

WAIVER_REASONS: tuple[str, ...] = tuple(_DATA["waiver_reasons"])
