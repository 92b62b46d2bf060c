from datetime import date

import pytest

from abh_desk.domain.birth_dates import PartialDate, parse_birth_date
from abh_desk.errors import ValidationError

TODAY = date(2026, 11, 21)


@pytest.mark.parametrize(
    "text,expected",
    [
        ("12.03.1990", PartialDate(1990, 3, 12)),
        ("00.03.1990", PartialDate(1990, 3)),
        ("03.1990", PartialDate(1990, 3)),
        ("00.00.1990", PartialDate(1990)),
        ("1990", PartialDate(1990)),
    ],
)
def test_partial_birth_dates(text: str, expected: PartialDate) -> None:
    assert parse_birth_date(text, TODAY) == expected


def test_partial_dates_are_shown_with_zeros() -> None:
    assert str(PartialDate(1990)) == "00.00.1990"
    assert str(PartialDate(1990, 3, 2)) == "02.03.1990"


@pytest.mark.parametrize("bad", ["31.02.1990", "12.13.1990", "01.01.2990", "05.00.1990", "1.1.90", "1850"])
def test_impossible_or_implausible_dates_are_refused(bad: str) -> None:
    with pytest.raises(ValidationError):
        parse_birth_date(bad, TODAY)


def test_age_never_overstates_a_partly_unknown_date() -> None:
    assert PartialDate(2008, 11, 21).age_on(TODAY) == 18
    assert PartialDate(2008, 11, 22).age_on(TODAY) == 17
    assert PartialDate(2008).age_on(TODAY) == 17  # could be born in December
    assert PartialDate(2008).age_on(date(2026, 12, 31)) == 18
