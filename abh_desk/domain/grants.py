"""Granting an application (Bewilligung): the residence title's terms checked against the
catalogue and the law, the fee suggested, and whether the office wants four eyes on it.

Validity (Geltungsdauer):
- a Niederlassungserlaubnis (§ 9 Abs. 1 Satz 1 AufenthG) and an Erlaubnis zum Daueraufenthalt-EU
  (§ 9a Abs. 1 Satz 1) are unlimited: they have no end date; every other title is limited
  (§ 7 Abs. 1 Satz 1 for the Aufenthaltserlaubnis) and needs one;
- where the catalogue names a maximum validity (``hoechstgeltungsdauer_monate``, from the seeds and
  the law: e.g. § 16b Abs. 2 Satz 3 study 2 years, § 18 Abs. 4 skilled workers and Blaue Karte EU
  4 years, § 21 Abs. 4 self-employment 3 years, § 26 Abs. 1 humanitarian titles 3 years,
  § 104c Abs. 1 Chancen-Aufenthaltsrecht 18 months), the end may not lie later than that many
  months after the first day, counted as §§ 187 Abs. 2, 188 Abs. 2 and 3 BGB count a period
  beginning with a day: 01.01. + 18 months ends on 30.06. of the next year.

Fees (AufenthV, as the catalogue lists them): the issue fee, or for an extension the fee for up to
three months or for more; minors pay half (§ 50 AufenthV), by their age on the day of application.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

from dateutil.relativedelta import relativedelta

from abh_desk.domain.catalogue import Fees, ProcedureType
from abh_desk.error_texts import Label
from abh_desk.errors import ValidationError

#: A title may begin at most this long after the decision (a seamless extension of a title that
#: still runs); anything later is a typing error.
LATEST_START = timedelta(days=366)


class ReviewPolicy(StrEnum):
    """Which grants go to a team lead before they take effect (office setting ``grant_review``)."""

    NONE = "keine"
    UNLIMITED = "unbefristet"
    ALL = "alle"


REVIEW_POLICY_LABELS = {
    ReviewPolicy.NONE: Label("domain_grants.review_none"),
    ReviewPolicy.UNLIMITED: Label("domain_grants.review_unlimited"),
    ReviewPolicy.ALL: Label("domain_grants.review_all"),
}


def needs_review(policy: str, unlimited: bool) -> bool:
    """Whether a grant goes to a team lead first; an unknown setting is treated as the strictest."""
    try:
        chosen = ReviewPolicy(policy)
    except ValueError:
        return True
    return chosen == ReviewPolicy.ALL or (chosen == ReviewPolicy.UNLIMITED and unlimited)


def latest_end(valid_from: date, months: int) -> date:
    """The last day of a validity of ``months`` months that begins on ``valid_from`` (§ 188 Abs. 2
    Alt. 2 and Abs. 3 BGB): the day before the day of the same number, or — where the last month has
    no such day — its last day."""
    target: date = valid_from + relativedelta(months=months)
    return target if target.day != valid_from.day else target - timedelta(days=1)


def months_between(valid_from: date, valid_until: date) -> int:
    """Whole months the title runs (rounded up), for the fee of an extension."""
    delta = relativedelta(valid_until + timedelta(days=1), valid_from)
    return int(delta.years * 12 + delta.months + (1 if delta.days else 0))


@dataclass(frozen=True)
class TitleTerms:
    """What the law and the catalogue say about the title a procedure grants."""

    kind: str
    legal_basis: str
    unlimited: bool
    max_months: int | None
    card: bool
    """Issued as an eAT card (§ 78 Abs. 1 AufenthG), so a card is ordered after the grant."""
    max_basis: str = ""
    """The provision the maximum rests on, where a variant of the procedure sets it (§ 20 Abs. 3 Nr. 1)."""

    @staticmethod
    def of(procedure: ProcedureType, facts: Collection[str] = ()) -> TitleTerms:
        """The terms for a case with these facts: the maximum validity of the variant that applies
        (job search after studies in Germany, study application …), else the entry's own."""
        months, basis = procedure.max_validity_for(facts)
        return TitleTerms(
            kind=procedure.title_kind or "",
            legal_basis=procedure.legal_basis,
            unlimited=procedure.unlimited,
            max_months=months,
            card=procedure.card,
            max_basis=basis if basis != procedure.legal_basis else "",
        )

    @property
    def has_title(self) -> bool:
        return bool(self.kind)


def validity_errors(
    terms: TitleTerms, valid_from: date | None, valid_until: date | None, decided_on: date
) -> list[ValidationError]:
    """What is wrong with the validity of a title granted on ``decided_on`` (all at once, per field)."""
    errors: list[ValidationError] = []
    if valid_from is None:
        return [ValidationError("domain_grants.valid_from_missing", field="gueltig_ab")]
    if valid_from > decided_on + LATEST_START:
        errors.append(ValidationError("domain_grants.starts_too_late", field="gueltig_ab"))
    if terms.unlimited:
        if valid_until is not None:
            errors.append(ValidationError("domain_grants.unlimited_has_no_end", field="gueltig_bis", kind=terms.kind))
        return errors
    if valid_until is None:
        errors.append(ValidationError("domain_grants.valid_until_missing", field="gueltig_bis"))
        return errors
    if valid_until < valid_from:
        errors.append(ValidationError("shared.ends_before_start", field="gueltig_bis"))
    elif valid_until < decided_on:
        errors.append(ValidationError("domain_grants.expired_when_decided", field="gueltig_bis"))
    elif terms.max_months is not None and valid_until > latest_end(valid_from, terms.max_months):
        errors.append(
            ValidationError(
                "domain_grants.longer_than_allowed",
                field="gueltig_bis",
                max_months=terms.max_months,
                valid_from=valid_from,
                latest=latest_end(valid_from, terms.max_months),
                basis=terms.max_basis or terms.legal_basis,
            )
        )
    return errors


@dataclass(frozen=True)
class FeeSuggestion:
    cents: int | None
    basis: str
    """Which fee of the catalogue, in German (e.g. "Verlängerung um mehr als drei Monate")."""


def suggested_fee(fees: Fees, minor: bool, extension: bool, months: int | None) -> FeeSuggestion:
    """The catalogue's fee for this grant: issue, or extension up to / over three months; half for
    minors (§ 50 AufenthV) unless the catalogue names the minors' fee itself."""
    cents, basis = fees.issue_cents, "Erteilung"
    if extension and fees.extension_long_cents is not None and (months is None or months > 3):
        cents, basis = fees.extension_long_cents, "Verlängerung um mehr als drei Monate"
    elif extension and fees.extension_short_cents is not None and months is not None and months <= 3:
        cents, basis = fees.extension_short_cents, "Verlängerung bis zu drei Monaten"
    if minor and cents is not None:
        cents = fees.minor_cents if basis == "Erteilung" and fees.minor_cents is not None else cents // 2
        basis += ", Minderjährige: die Hälfte (§ 50 AufenthV)"
    return FeeSuggestion(cents, basis if cents is not None else "keine Gebühr im Katalog")


class GrantStatus(StrEnum):
    IN_REVIEW = "zur_pruefung"
    RETURNED = "zurueckgegeben"
    GRANTED = "erteilt"
    OBSOLETE = "gegenstandslos"


GRANT_STATUS_LABELS = {
    GrantStatus.IN_REVIEW: Label("domain_grants.status_in_review"),
    GrantStatus.RETURNED: Label("shared.returned"),
    GrantStatus.GRANTED: Label("domain_grants.status_granted"),
    GrantStatus.OBSOLETE: Label("domain_grants.status_obsolete"),
}
