import pytest

from abh_desk.domain.assignment import LetterRange, RangeRule, Router, parse_ranges
from abh_desk.domain.rule_files import EXAMPLE_RULES, load_rule_file
from abh_desk.errors import ValidationError


def test_parse_ranges_accepts_letters_spans_and_prefix_spans() -> None:
    assert parse_ranges("A–B, D - G") == (LetterRange("A", "B"), LetterRange("D", "G"))
    assert parse_ranges("C") == (LetterRange("C", "C"),)
    assert parse_ranges("Ala–Alz, L–Z") == (LetterRange("ALA", "ALZ"), LetterRange("L", "Z"))


@pytest.mark.parametrize("bad", ["", "A–Bc", "G–D", "1–3", "A–B–C"])
def test_parse_ranges_refuses_nonsense(bad: str) -> None:
    with pytest.raises(ValidationError):
        parse_ranges(bad)


def test_singen_table_routes_with_longest_prefix_winning() -> None:
    router = Router(load_rule_file(EXAMPLE_RULES).rules)
    assert router.route("asyl", "Alizadeh") == "lossau"
    assert router.route("asyl", "Aziz") == "dietrich"
    assert router.route("asyl", "Al-Hassan") == "lossau"
    assert router.route("asyl", "Müller") == "lossau"
    assert router.route("allgemein", "Çelik") == "rudolf"
    assert router.route("allgemein", "Öztürk") == "keller"
    assert router.route("allgemein", "Ahmadi") == "schaeuble"
    assert router.route("allgemein", "Ivanova") == "schweiger"


def test_unknown_area_routes_nowhere() -> None:
    router = Router([RangeRule("allgemein", "x", LetterRange("A", "Z"))])
    assert router.route("asyl", "Aziz") is None
