import pytest

from abh_desk.domain.search import (
    BirthDateQuery,
    NameQuery,
    PartialFileNumber,
    ReferenceQuery,
    no_hit_hint,
    parse_query,
    partial_file_number,
)
from abh_desk.errors import ValidationError


def test_names_dates_and_references_are_told_apart() -> None:
    assert parse_query("mueller") == NameQuery("MULLER", passport_key="MUELLER")  # or a passport of letters
    assert parse_query("Li") == NameQuery("LI")  # too short for a passport number
    assert parse_query("Müller, Anna") == NameQuery("MULLER", "ANNA")
    assert parse_query("12.03.1990") == BirthDateQuery(1990, 3, 12)
    assert parse_query("3.1990") == BirthDateQuery(1990, 3)
    assert parse_query("1990") == BirthDateQuery(1990)
    assert parse_query("abh-2026-000042") == ReferenceQuery("ABH-2026-000042", "ABH2026000042")
    assert parse_query("C01X 00T47") == ReferenceQuery("C01X 00T47", "C01X00T47")
    assert parse_query("   ") is None


def test_impossible_dates_are_refused() -> None:
    with pytest.raises(ValidationError, match="kein gültiges Datum"):
        parse_query("31.02.1990")
    with pytest.raises(ValidationError, match="Monat 13"):
        parse_query("13.1990")


def test_percent_underscore_and_backslash_are_no_wildcards() -> None:
    for text in ("%", "_", "\\", "M%", "m_ller", "Mü\\ller", "%ller"):
        with pytest.raises(ValidationError, match="Platzhalter gibt es in der Suche nicht"):
            parse_query(text)
    # In an Aktenzeichen they are ordinary characters (the office's pattern may contain them) …
    assert parse_query("abh_2026_000001") == ReferenceQuery("ABH_2026_000001", "")
    assert parse_query("ABH\\2026\\7") == ReferenceQuery("ABH\\2026\\7", "")
    # … and never part of a passport number, which is compared without spaces and dashes only.
    assert parse_query("AB%12345") == ReferenceQuery("AB%12345", "")
    assert parse_query("AB-12345") == ReferenceQuery("AB-12345", "AB12345")


def test_a_running_number_is_read_from_a_partial_file_number() -> None:
    assert partial_file_number("000550") == PartialFileNumber(550)
    assert partial_file_number("550") == PartialFileNumber(550)
    assert partial_file_number("2026-550") == PartialFileNumber(550, 2026)
    assert partial_file_number("2026/000550") == PartialFileNumber(550, 2026)
    assert partial_file_number("ABH-2026-000550") is None  # a whole one is looked up as it is
    assert partial_file_number("0") is None
    assert parse_query("0550") == ReferenceQuery("0550", "0550")  # no one alive was born in 550


def test_a_reference_that_found_nobody_says_what_to_type() -> None:
    assert "laufende Nummer (550" in no_hit_hint("000551x")
    assert no_hit_hint("mueller") == ""
