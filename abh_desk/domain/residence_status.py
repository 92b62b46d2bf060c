"""The person's residence status on the day of a decision (Aufenthaltsstatus), and what a refusal
may therefore order.

A refusal orders departure, threatens deportation and may bar re-entry only where it leaves the
person without a right to stay (§ 50 Abs. 1, § 58 Abs. 2, § 59 Abs. 1 AufenthG):

- **a valid title** on the day of the decision (applied for a settlement permit while the residence
  permit runs): the refusal leaves it untouched; there is no duty to leave, so nothing is ordered
  beyond the refusal and its fee. The duty arises only when the title expires (§ 51 Abs. 1 Nr. 1).
- **a Fiktion**: the old title continued because the extension or a new title was applied for before
  it expired (Fortgeltungsfiktion, § 81 Abs. 4 Satz 1 — not for a Schengen visa, Satz 2), or the
  stay was lawful without a title when the application was made (Erlaubnisfiktion, § 81 Abs. 3
  Satz 1). The refusal ends it: the duty to leave arises with the refusal and is enforceable because
  the remedy does not suspend it (§ 58 Abs. 2 Satz 2, § 84 Abs. 1 Satz 1 Nr. 1).
- **none**: no title and no Fiktion (applied after the title had expired, or never held one, or only
  a Duldung, which suspends deportation but not the duty to leave, § 60a Abs. 3): the person is
  already obliged to leave (§ 50 Abs. 1, enforceable under § 58 Abs. 2 Satz 1 Nr. 2); the refusal
  confirms it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

#: Kinds that are residence titles (§ 4 Abs. 1 Satz 2 AufenthG); a Duldung, a Reiseausweis, an
#: Aufenthaltsgestattung or a Fiktionsbescheinigung is not one.
TITLE_WORDS = (
    "Visum",
    "Aufenthaltserlaubnis",
    "Blaue Karte",
    "ICT-Karte",
    "Niederlassungserlaubnis",
    "Daueraufenthalt",
    "Aufenthaltstitel",
)
FICTION_CERTIFICATE = "Fiktionsbescheinigung"


def german_date(day: date) -> str:
    return f"{day:%d.%m.%Y}"


class StayBasis(StrEnum):
    TITLE = "titel"
    FICTION = "fiktion"
    NONE = "ohne"


class StatusCase(StrEnum):
    """Which of the situations above, finer than the basis: the notice's wording follows it."""

    TITLE = "titel"  # a limited title runs beyond the decision
    TITLE_UNLIMITED = "titel_unbefristet"  # Niederlassungserlaubnis, Daueraufenthalt-EU
    FICTION = "fiktion"  # § 81 Abs. 4 Satz 1 (or a Fiktionsbescheinigung, § 81 Abs. 5)
    LATE = "verspaetet"  # applied after the title had run out
    SCHENGEN_VISA = "schengenvisum"  # § 81 Abs. 4 Satz 2
    NO_TITLE = "ohne_titel"  # none recorded


@dataclass(frozen=True)
class TitleFact:
    """A stored title (or certificate) of the person, as the status rule needs it."""

    kind: str
    legal_basis: str
    valid_from: date
    valid_until: date | None  # None: unlimited (Niederlassungserlaubnis, Daueraufenthalt-EU)

    @property
    def is_title(self) -> bool:
        return any(word in self.kind for word in TITLE_WORDS)

    @property
    def is_schengen_visa(self) -> bool:
        return "Visum" in self.kind and "§ 6 Abs. 1" in self.legal_basis

    def valid_on(self, day: date) -> bool:
        return self.valid_from <= day and (self.valid_until is None or day <= self.valid_until)

    @property
    def label(self) -> str:
        return f"{self.kind} ({self.legal_basis})" if self.legal_basis else self.kind


@dataclass(frozen=True)
class ResidenceStatus:
    """Where the person stands on ``day``, and why (German sentences for the editor and the notice)."""

    day: date
    case: StatusCase
    title: TitleFact | None  # the valid title, or the one that continues or ran out
    norm: str  # the provision the status rests on
    reason: str  # one German sentence: why

    @property
    def basis(self) -> StayBasis:
        if self.case in (StatusCase.TITLE, StatusCase.TITLE_UNLIMITED):
            return StayBasis.TITLE
        return StayBasis.FICTION if self.case is StatusCase.FICTION else StayBasis.NONE

    @property
    def duty_to_leave(self) -> bool:
        """A refusal on ``day`` creates (Fiktion) or confirms (none) an enforceable duty to leave."""
        return self.basis is not StayBasis.TITLE


def residence_status(titles: Sequence[TitleFact], applied_on: date, day: date) -> ResidenceStatus:
    """The status on ``day`` of a person who applied on ``applied_on``."""
    held = [t for t in titles if t.is_title and t.valid_from <= day]
    valid = [t for t in held if t.valid_on(day)]
    if valid:
        title = max(valid, key=lambda t: (t.valid_until is None, t.valid_until or day, t.valid_from))
        until = "unbefristet" if title.valid_until is None else f"gültig bis {german_date(title.valid_until)}"
        return ResidenceStatus(
            day,
            StatusCase.TITLE_UNLIMITED if title.valid_until is None else StatusCase.TITLE,
            title,
            "§ 4 Abs. 1 AufenthG",
            f"Am {german_date(day)} besitzt die Person eine {title.label}, {until}: die Ablehnung lässt sie "
            "unberührt, eine Ausreisepflicht entsteht nicht (§ 50 Abs. 1 AufenthG). Ausreiseaufforderung, "
            "Abschiebungsandrohung und Einreiseverbot entfallen.",
        )
    certificate = next(
        (t for t in titles if FICTION_CERTIFICATE in t.kind and t.valid_on(day)), None
    )  # § 81 Abs. 5: it certifies a Fiktion of Abs. 3 or 4
    if certificate is not None:
        norm = certificate.legal_basis or "§ 81 Abs. 4 AufenthG"
        return ResidenceStatus(
            day,
            StatusCase.FICTION,
            certificate,
            norm,
            f"Eine Fiktionsbescheinigung ({norm}) gilt bis {german_date(certificate.valid_until or day)}: der "
            "Aufenthalt gilt bis zur Entscheidung als erlaubt. Die Ablehnung beendet die Fiktion; damit "
            "entsteht die Ausreisepflicht.",
        )
    ended = [t for t in held if t.valid_until is not None and t.valid_until < day]
    last = max(ended, key=lambda t: (t.valid_until, t.valid_from)) if ended else None
    if last is not None and last.valid_until is not None and applied_on <= last.valid_until:
        if last.is_schengen_visa:
            return ResidenceStatus(
                day,
                StatusCase.SCHENGEN_VISA,
                last,
                "§ 81 Abs. 4 Satz 2 AufenthG",
                f"Das Schengen-Visum lief am {german_date(last.valid_until)} ab; der Antrag vor seinem Ablauf "
                "lässt es nicht fortgelten (§ 81 Abs. 4 Satz 2 AufenthG). Die Person ist zur Ausreise "
                "verpflichtet; die Ablehnung bestätigt das.",
            )
        return ResidenceStatus(
            day,
            StatusCase.FICTION,
            last,
            "§ 81 Abs. 4 Satz 1 AufenthG",
            f"Die {last.label} lief am {german_date(last.valid_until)} ab; beantragt wurde am "
            f"{german_date(applied_on)}, also vor dem Ablauf: sie gilt bis zur Entscheidung fort (§ 81 Abs. 4 "
            "Satz 1 AufenthG). Die Ablehnung beendet die Fortgeltung; damit entsteht die Ausreisepflicht.",
        )
    if last is not None and last.valid_until is not None:
        return ResidenceStatus(
            day,
            StatusCase.LATE,
            last,
            "§ 58 Abs. 2 Satz 1 Nr. 2 AufenthG",
            f"Die {last.label} lief am {german_date(last.valid_until)} ab; beantragt wurde erst am "
            f"{german_date(applied_on)}: keine Fortgeltung (§ 81 Abs. 4 AufenthG). Die Person ist bereits zur "
            "Ausreise verpflichtet; die Ablehnung bestätigt das.",
        )
    return ResidenceStatus(
        day,
        StatusCase.NO_TITLE,
        None,
        "§ 58 Abs. 2 Satz 1 Nr. 2 AufenthG",
        "Im Datensatz ist kein Aufenthaltstitel der Person eingetragen: sie ist zur Ausreise verpflichtet, "
        "die Ablehnung bestätigt das. Besaß sie bei der Antragstellung einen Titel oder hielt sie sich "
        "erlaubt ohne Titel auf (§ 81 Abs. 3 AufenthG), bitte den Titel erfassen.",
    )
