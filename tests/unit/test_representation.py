"""To whom a notice goes on its day (``domain.representation``): § 80 AufenthG, §§ 12, 41 VwVfG,
§ 1629 BGB — minors, adults, the 18th birthday around the notice date, partial birth dates, the
Jugendamt as Amtsvormund, Betreuung, and the address block built for them."""

from __future__ import annotations

from datetime import date

import pytest

from abh_desk.domain.birth_dates import PartialDate
from abh_desk.domain.representation import (
    RepresentationKind,
    Representative,
    address_block,
    addressees_on,
)

NOTICE_DAY = date(2026, 12, 5)
HOME = ("Hauptstraße 5", "78224", "Singen")
FATHER = Representative(1, RepresentationKind.PARENTS, "Mehta", "Ravi", "m", "", *HOME)
MOTHER = Representative(2, RepresentationKind.PARENTS, "Mehta", "Priya", "w", "", *HOME)
YOUTH_OFFICE = Representative(
    3, RepresentationKind.YOUTH_OFFICE, "Berger", "Petra", "w", "Landratsamt Konstanz – Jugendamt",
    "Benediktinerplatz 1", "78467", "Konstanz",
)  # fmt: skip
ANJALI = PartialDate(2013, 5, 4)


def test_a_minor_is_addressed_through_both_parents() -> None:
    result = addressees_on("Anjali Mehta", ANJALI, [FATHER, MOTHER], NOTICE_DAY)
    assert result.minor and result.representatives == (FATHER, MOTHER) and not result.refusal


def test_a_minor_without_a_representative_is_refused_with_the_reason() -> None:
    result = addressees_on("Anjali Mehta", ANJALI, [], NOTICE_DAY)
    assert result.minor and not result.represented
    assert "minderjährig" in str(result.refusal) and "§ 80 Abs. 1 AufenthG" in str(result.refusal)
    assert "§ 41 Abs. 1 VwVfG" in str(result.refusal)


def test_an_adult_is_addressed_herself_and_recorded_parents_no_longer_count() -> None:
    result = addressees_on("Ravi Mehta", PartialDate(1980, 1, 2), [FATHER, MOTHER], NOTICE_DAY)
    assert not result.minor and not result.represented and not result.refusal


@pytest.mark.parametrize(
    ("birth", "minor"),
    [
        (date(2008, 12, 4), False),  # turned 18 the day before the notice
        (date(2008, 12, 5), False),  # 18th birthday on the notice's day: adult (§ 187 Abs. 2 Satz 2 BGB)
        (date(2008, 12, 6), True),  # turns 18 the day after
    ],
)
def test_the_18th_birthday_around_the_notice_day(birth: date, minor: bool) -> None:
    result = addressees_on("X", PartialDate(birth.year, birth.month, birth.day), [], NOTICE_DAY)
    assert result.minor is minor
    assert bool(result.refusal) is minor


def test_a_partial_birth_date_that_may_still_be_under_18_counts_as_minor_and_says_why() -> None:
    # Born some day in 2008: may have turned 18 already, may not — treated as minor.
    result = addressees_on("Omid Rahimi", PartialDate(2008), [FATHER], NOTICE_DAY)
    assert result.minor and result.represented
    assert "nur teilweise bekannt (00.00.2008)" in str(result.reason) and "vorsorglich" in str(result.reason)
    # Born in November 2008: certainly 18 on 5 December 2026.
    assert not addressees_on("Omid Rahimi", PartialDate(2008, 11), [], NOTICE_DAY).minor


def test_the_youth_office_as_amtsvormund_is_addressed_with_its_official() -> None:
    result = addressees_on("Samir Haidari", PartialDate(2010, 3, 1), [YOUTH_OFFICE], NOTICE_DAY)
    assert result.representatives == (YOUTH_OFFICE,)
    block = address_block(result.representatives, HOME)
    assert block.lines == (
        "Landratsamt Konstanz – Jugendamt",
        "Amtsvormundschaft",
        "Frau Petra Berger",
        "Benediktinerplatz 1",
        "78467 Konstanz",
    )
    assert block.salutation == "Sehr geehrte Frau Berger," and block.role == "als Amtsvormund"


def test_parents_are_named_together_in_the_window_and_greeted_each() -> None:
    block = address_block((FATHER, MOTHER), HOME)
    assert block.lines == ("Herrn Ravi Mehta und Frau Priya Mehta", "Hauptstraße 5", "78224 Singen")
    assert block.salutation == "Sehr geehrter Herr Mehta, sehr geehrte Frau Mehta,"
    assert block.role == "als gesetzliche Vertreter"


def test_long_names_go_on_two_lines_and_the_notice_goes_to_the_childs_home() -> None:
    away = Representative(
        4, RepresentationKind.PARENTS, "Wiśniewski-Kowalczyk", "Łukasz Maria", "m", "", "Am Bahnhof 1", "78462",
        "Konstanz",
    )  # fmt: skip
    block = address_block((away, MOTHER), HOME)
    assert block.lines == ("Herrn Łukasz Maria Wiśniewski-Kowalczyk", "und Frau Priya Mehta", *HOME[:1], "78224 Singen")
    assert len(block.lines) <= 6


def test_a_valid_from_after_the_notice_day_does_not_count_yet() -> None:
    later = Representative(5, RepresentationKind.GUARDIAN, "Vogt", "Anna", "w", valid_from=date(2027, 1, 1))
    assert addressees_on("X", ANJALI, [later], NOTICE_DAY).refusal
    assert addressees_on("X", ANJALI, [later], date(2027, 1, 1)).representatives == (later,)


def test_contradicting_representations_are_refused() -> None:
    guardian = Representative(6, RepresentationKind.GUARDIAN, "Vogt", "Anna", "w")
    result = addressees_on("X", ANJALI, [FATHER, guardian], NOTICE_DAY)
    assert "passt nicht zusammen" in str(result.refusal)


def test_one_parent_of_joint_custody_suffices_to_receive() -> None:
    result = addressees_on("X", ANJALI, [MOTHER], NOTICE_DAY)
    assert result.representatives == (MOTHER,) and "§ 1629 Abs. 1 Satz 2 Halbsatz 2 BGB" in str(result.reason)


def test_an_adult_under_betreuung_with_consent_reservation_is_addressed_through_the_carer() -> None:
    carer = Representative(7, RepresentationKind.CARER, "Roth", "Jonas", "m", "", *HOME)
    result = addressees_on("X", PartialDate(1970), [carer], NOTICE_DAY)
    assert result.representatives == (carer,) and not result.minor
    # For a minor a Betreuung does not act (it can only start at 18).
    assert addressees_on("X", ANJALI, [carer], NOTICE_DAY).refusal
