"""Gesetzliche Vertretung: to whom a notice about a person must be addressed on a given day.

Only an adult can act in proceedings under the AufenthG (§ 80 Abs. 1 AufenthG, § 12 Abs. 1 Nr. 1
VwVfG); for a minor the parents or other legal representatives act (§ 80 Abs. 4 AufenthG), and a
notice is made known to them (§ 41 Abs. 1 VwVfG) — made known only to the child it is not effective
and no remedy period starts (§§ 58, 70 VwGO). Who represents: both parents jointly (§ 1629 Abs. 1
BGB; to receive a declaration one of them suffices, Satz 2 Halbsatz 2), one parent with sole
custody, a Vormund (§ 1773 BGB) or the Jugendamt as Amtsvormund (§ 1786 BGB, § 42 SGB VIII). An
adult under a Betreuung with Einwilligungsvorbehalt (§ 1825 BGB) is represented by the Betreuer.

Age is taken on the notice's day; a birth date known only in part counts from its latest possible
day, so a person who may still be under 18 is treated as a minor (and the reason says so).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from abh_desk.domain.birth_dates import PartialDate
from abh_desk.domain.checklist import ADULT_AGE
from abh_desk.error_texts import Joined, Label, Sentence
from abh_desk.errors import ValidationError


class RepresentationKind(StrEnum):
    PARENTS = "eltern"  # one parent of two with joint custody (§ 1629 Abs. 1 Satz 2 BGB)
    MOTHER = "mutter"  # mother with sole custody
    FATHER = "vater"  # father with sole custody
    GUARDIAN = "vormund"  # § 1773 BGB
    YOUTH_OFFICE = "amtsvormund"  # Jugendamt as Amtsvormund (§ 1786 BGB, § 42 SGB VIII)
    CARER = "betreuer"  # Betreuung with Einwilligungsvorbehalt (§ 1825 BGB), adults only


KIND_LABELS = {
    RepresentationKind.PARENTS: Label("domain_representation.kind_parents"),
    RepresentationKind.MOTHER: Label("domain_representation.kind_mother"),
    RepresentationKind.FATHER: Label("domain_representation.kind_father"),
    RepresentationKind.GUARDIAN: Label("domain_representation.kind_guardian"),
    RepresentationKind.YOUTH_OFFICE: Label("domain_representation.kind_youth_office"),
    RepresentationKind.CARER: Label("domain_representation.kind_carer"),
}

#: The kinds that represent a minor, and how many of one kind may act together.
FOR_MINORS = {
    RepresentationKind.PARENTS: 2,
    RepresentationKind.MOTHER: 1,
    RepresentationKind.FATHER: 1,
    RepresentationKind.GUARDIAN: 2,
    RepresentationKind.YOUTH_OFFICE: 1,
}
#: One line of the address field holds about this many characters at the largest size.
ADDRESS_LINE_CHARS = 38


@dataclass(frozen=True)
class Representative:
    """A recorded legal representative, as the rule reads it."""

    id: int
    kind: RepresentationKind
    family_name: str
    given_names: str = ""
    sex: str = "x"
    authority: str = ""  # the Jugendamt's authority, for an Amtsvormund
    street: str = ""
    postcode: str = ""
    city: str = ""
    valid_from: date | None = None

    @property
    def name(self) -> str:
        return f"{self.given_names} {self.family_name}".strip()

    @property
    def addressed(self) -> str:
        """As the address field names them: "Herrn Ravi Mehta", "Frau Priya Mehta"."""
        return {"w": f"Frau {self.name}", "m": f"Herrn {self.name}"}.get(self.sex, self.name)

    @property
    def greeting(self) -> str:
        return {"w": f"sehr geehrte Frau {self.family_name}", "m": f"sehr geehrter Herr {self.family_name}"}.get(
            self.sex, f"guten Tag {self.name}"
        )

    @property
    def postal(self) -> tuple[str, str, str]:
        return self.street, self.postcode, self.city

    def valid_on(self, day: date) -> bool:
        return self.valid_from is None or self.valid_from <= day


@dataclass(frozen=True)
class Addressing:
    """The outcome of ``addressees_on``: to the person herself (``representatives`` empty), to her
    representatives, or refused (``refusal``, a German sentence naming what is missing)."""

    minor: bool
    representatives: tuple[Representative, ...] = ()
    reason: Sentence | Joined | None = None  # why the person is treated as minor or represented
    refusal: ValidationError | None = None

    @property
    def represented(self) -> bool:
        return bool(self.representatives)


def may_be_minor(birth: PartialDate, day: date) -> bool:
    """Under 18 on ``day`` for at least one possible birth day (the 18th birthday counts as adult,
    § 187 Abs. 2 Satz 2 BGB)."""
    return birth.age_on(day) < ADULT_AGE


def _surely_minor(birth: PartialDate, day: date) -> bool:
    earliest = PartialDate(birth.year, birth.month or 1, birth.day or 1)
    return earliest.age_on(day) < ADULT_AGE


def addressees_on(name: str, birth: PartialDate, representatives: Sequence[Representative], day: date) -> Addressing:
    """To whom a notice about the person ``name`` dated ``day`` must be addressed."""
    valid = [r for r in representatives if r.valid_on(day)]
    if not may_be_minor(birth, day):
        carers = tuple(r for r in valid if r.kind == RepresentationKind.CARER)
        if carers:
            return Addressing(False, carers, Sentence("domain_representation.under_care", name=name))
        return Addressing(False)
    reason: Sentence | Joined = Sentence("domain_representation.minor_on", name=name, day=day, birth=str(birth))
    if not _surely_minor(birth, day):
        reason = Sentence("domain_representation.maybe_minor", name=name, day=day, birth=str(birth))
    acting = [r for r in valid if r.kind in FOR_MINORS]
    if not acting:
        return Addressing(
            True,
            reason=reason,
            refusal=ValidationError("domain_representation.none_recorded", field="vertretung", reason=reason),
        )
    kinds = {r.kind for r in acting}
    if len(kinds) > 1 or len(acting) > FOR_MINORS[acting[0].kind]:
        labels = ", ".join(f"{KIND_LABELS[r.kind]}: {r.authority or r.name}" for r in acting)
        return Addressing(
            True,
            reason=reason,
            refusal=ValidationError(
                "domain_representation.contradictory", field="vertretung", reason=reason, labels=labels
            ),
        )
    if acting[0].kind == RepresentationKind.PARENTS and len(acting) == 1:
        reason = Joined((reason, Label("domain_representation.one_parent_suffices")))
    return Addressing(True, tuple(acting), reason)


@dataclass(frozen=True)
class AddressBlock:
    """The address field's lines, the salutation and how the letter names the representation."""

    lines: tuple[str, ...]
    salutation: str
    role: str  # "als gesetzliche Vertreter", "als Vormund", "als Amtsvormund" …


def address_block(representatives: Sequence[Representative], person_postal: tuple[str, str, str]) -> AddressBlock:
    """Lines for the window, the salutation and the role, for representatives ``addressees_on`` chose.
    Parents at different addresses get one notice addressed to both, sent to the one living at the
    child's address (else to the first recorded): one of them suffices to receive it."""
    first = representatives[0]
    if first.kind == RepresentationKind.YOUTH_OFFICE:
        lines = [first.authority, "Amtsvormundschaft"]
        if first.family_name:
            lines.append(first.addressed)
        salutation = f"{first.greeting[0].upper()}{first.greeting[1:]}," if first.sex in ("w", "m") else ""
        return AddressBlock(
            (*lines, first.street, f"{first.postcode} {first.city}"),
            salutation or "Sehr geehrte Damen und Herren,",
            "als Amtsvormund",
        )
    postal = next((r.postal for r in representatives if r.postal == person_postal), first.postal)
    names = [r.addressed for r in representatives]
    joined = " und ".join(names)
    name_lines = [joined] if len(joined) <= ADDRESS_LINE_CHARS else [names[0], *(f"und {n}" for n in names[1:])]
    greeting = ", ".join(r.greeting for r in representatives)
    return AddressBlock(
        (*name_lines, postal[0], f"{postal[1]} {postal[2]}"),
        f"{greeting[0].upper()}{greeting[1:]},",
        _role(representatives),
    )


def _role(representatives: Sequence[Representative]) -> str:
    kind = representatives[0].kind
    if kind == RepresentationKind.GUARDIAN:
        return "als Vormünder" if len(representatives) > 1 else "als Vormund"
    if kind == RepresentationKind.CARER:
        return "als Betreuerin" if representatives[0].sex == "w" else "als Betreuer"
    if len(representatives) == 1 and representatives[0].sex == "w":
        return "als gesetzliche Vertreterin"
    return "als gesetzliche Vertreter"
