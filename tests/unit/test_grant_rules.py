"""The terms of a granted title (domain.grants): validity against the catalogue and the law, the
fee the catalogue asks, and which grants the office puts under four eyes."""

from __future__ import annotations

from datetime import date

import pytest

from abh_desk.domain.catalogue import Catalogue, Fees
from abh_desk.domain.grants import (
    TitleTerms,
    latest_end,
    months_between,
    needs_review,
    suggested_fee,
    validity_errors,
)

DECIDED = date(2026, 11, 23)


@pytest.mark.parametrize(
    ("start", "months", "end"),
    [
        (date(2026, 1, 1), 18, date(2027, 6, 30)),  # § 188 Abs. 2 BGB: the day before the same number
        (date(2026, 12, 1), 24, date(2028, 11, 30)),
        (date(2026, 1, 31), 1, date(2026, 2, 28)),  # § 188 Abs. 3: no 31 February → the month's last day
        (date(2027, 11, 30), 3, date(2028, 2, 29)),  # no 30 February in the leap year either
        (date(2026, 3, 15), 12, date(2027, 3, 14)),
    ],
)
def test_latest_end_counts_as_the_civil_code_does(start: date, months: int, end: date) -> None:
    assert latest_end(start, months) == end


def test_months_between_rounds_up() -> None:
    assert months_between(date(2026, 12, 1), date(2027, 2, 28)) == 3
    assert months_between(date(2026, 12, 1), date(2027, 3, 1)) == 4
    assert months_between(date(2026, 1, 1), date(2027, 6, 30)) == 18


def test_qualification_measure_at_most_18_months(catalogue: Catalogue) -> None:
    terms = TitleTerms.of(catalogue.get("99010019001008"))
    assert terms.kind == "Aufenthaltserlaubnis" and terms.card and not terms.unlimited
    assert validity_errors(terms, date(2026, 12, 1), date(2028, 5, 31), DECIDED) == []
    (error,) = validity_errors(terms, date(2026, 12, 1), date(2028, 6, 1), DECIDED)
    assert error.field == "gueltig_bis"
    assert error.message == (
        "Höchstens 18 Monate: ab 01.12.2026 gilt der Titel längstens bis 31.05.2028 (§ 16d AufenthG)."
    )


def test_a_limited_title_needs_an_end_and_an_unlimited_one_has_none(catalogue: Catalogue) -> None:
    limited = TitleTerms.of(catalogue.get("SIN-BLAUE-KARTE"))
    (missing,) = validity_errors(limited, DECIDED, None, DECIDED)
    assert "§ 7 Abs. 1 AufenthG" in missing.message
    settled = TitleTerms.of(catalogue.get("SIN-NIEDERLASSUNG"))
    assert validity_errors(settled, DECIDED, None, DECIDED) == []
    (end_given,) = validity_errors(settled, DECIDED, date(2030, 1, 1), DECIDED)
    assert "unbefristet" in end_given.message and end_given.field == "gueltig_bis"


def test_impossible_dates_are_named(catalogue: Catalogue) -> None:
    terms = TitleTerms.of(catalogue.get("MUC-AE-ERTEILUNG-VERLAENGERUNG"))  # no maximum in the catalogue
    assert validity_errors(terms, DECIDED, date(2031, 1, 1), DECIDED) == []
    assert [e.message for e in validity_errors(terms, DECIDED, date(2026, 11, 1), DECIDED)] == [
        "Der Titel endet vor seinem Beginn."
    ]
    assert [e.field for e in validity_errors(terms, date(2026, 1, 1), date(2026, 6, 30), DECIDED)] == ["gueltig_bis"]
    assert [e.field for e in validity_errors(terms, date(2028, 1, 1), date(2028, 6, 30), DECIDED)] == ["gueltig_ab"]
    assert [e.field for e in validity_errors(terms, None, None, DECIDED)] == ["gueltig_ab"]


FEES = Fees(issue_cents=100_00, extension_short_cents=96_00, extension_long_cents=93_00)


@pytest.mark.parametrize(
    ("minor", "extension", "months", "cents", "basis"),
    [
        (False, False, 12, 100_00, "Erteilung"),
        (False, True, 24, 93_00, "Verlängerung um mehr als drei Monate"),
        (False, True, 3, 96_00, "Verlängerung bis zu drei Monaten"),
        (True, True, 24, 46_50, "Verlängerung um mehr als drei Monate, Minderjährige: die Hälfte (§ 50 AufenthV)"),
        (True, False, 12, 50_00, "Erteilung, Minderjährige: die Hälfte (§ 50 AufenthV)"),
    ],
)
def test_the_suggested_fee(minor: bool, extension: bool, months: int, cents: int, basis: str) -> None:
    suggestion = suggested_fee(FEES, minor, extension, months)
    assert (suggestion.cents, suggestion.basis) == (cents, basis)


def test_a_catalogue_fee_for_minors_is_taken_as_it_is() -> None:
    assert suggested_fee(Fees(issue_cents=100_00, minor_cents=50_00), True, False, 12).cents == 50_00
    assert suggested_fee(Fees(), False, False, 12).cents is None


def test_which_grants_go_to_a_team_lead() -> None:
    assert not needs_review("keine", unlimited=True)
    assert needs_review("unbefristet", unlimited=True) and not needs_review("unbefristet", unlimited=False)
    assert needs_review("alle", unlimited=False)
    assert needs_review("kaputt", unlimited=False)  # an unknown setting: the strictest
