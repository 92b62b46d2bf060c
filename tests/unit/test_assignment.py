import pytest

from abh_desk.domain.assignment import LetterRange, RangeRule, Router, check_rules, find_problems, parse_ranges
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


def _rules(area: str, who: str, text: str) -> list[RangeRule]:
    return [RangeRule(area, who, r) for r in parse_ranges(text)]


def test_singen_table_is_complete_and_free_of_overlaps() -> None:
    assert find_problems(load_rule_file(EXAMPLE_RULES).rules) == []


def test_a_gap_is_named_with_its_letters() -> None:
    rules = _rules("allgemein", "schaeuble", "A–B, D–G") + _rules("allgemein", "schweiger", "H–N")
    problems = find_problems(rules)
    assert [(p.kind, p.letters) for p in problems] == [("luecke", "C, O–Z")]
    assert "für C, O–Z ist niemand zuständig" in problems[0].message


def test_an_overlap_is_named_with_both_caseworkers_and_the_shared_letters() -> None:
    rules = _rules("asyl", "dietrich", "A–K") + _rules("asyl", "lossau", "H–Z")
    problems = find_problems(rules, labels={"dietrich": "Frau Dietrich", "lossau": "Frau Lossau"})
    assert [(p.kind, p.letters) for p in problems] == [("ueberschneidung", "H–K")]
    assert "Frau Dietrich (A–K) und Frau Lossau (H–Z) überschneiden sich bei H–K" in problems[0].message
    with pytest.raises(ValidationError, match="überschneiden"):
        check_rules(rules)


def test_prefix_rules_may_overlap_a_shorter_rule_but_not_each_other() -> None:
    rules = _rules("asyl", "dietrich", "A–K") + _rules("asyl", "lossau", "Ala–Alz, L–Z")
    assert find_problems(rules) == []
    rules += _rules("asyl", "neu", "Alm–Alp")
    assert [p.letters for p in find_problems(rules)] == ["Alm–Alp"]


def test_a_letter_split_among_four_caseworkers_counts_as_covered() -> None:
    """Osnabrück: "A" needed four caseworkers — prefix ranges cover it without a one-letter rule."""
    rules = (
        _rules("x", "a1", "Aa–Af")
        + _rules("x", "a2", "Ag–Al")
        + _rules("x", "a3", "Am–As")
        + _rules("x", "a4", "At–Az")
        + _rules("x", "rest", "B–Z")
    )
    assert find_problems(rules) == []
    router = Router(rules)
    assert [router.route("x", n) for n in ("Abadi", "Ahmadi", "Amiri", "Azizi", "A", "Bakr")] == [
        "a1",
        "a2",
        "a3",
        "a4",
        "a1",
        "rest",
    ]
    gap = [r for r in rules if r.caseworker != "a3"]
    assert [p.letters for p in find_problems(gap)] == ["Am–As"]


def test_an_area_without_rules_is_reported() -> None:
    assert [p.kind for p in find_problems([], areas=["asyl"])] == ["leer"]


def test_particles_are_skipped_only_when_the_office_says_so() -> None:
    rules = _rules("x", "a", "A–M") + _rules("x", "n", "N–Z")
    assert Router(rules).route("x", "van Rossum") == "n"  # V
    assert Router(rules, skip_particles=True).route("x", "van Rossum") == "n"  # R
    assert Router(rules, skip_particles=True).route("x", "de Almeida") == "a"
    assert Router(rules).route("x", "de Almeida") == "a"
    assert Router(rules, skip_particles=True).route("x", "von Zitzewitz") == "n"
    assert Router(rules).route("x", "von Bülow") == "n"
    assert Router(rules, skip_particles=True).route("x", "von Bülow") == "a"


def test_every_overlapping_pair_is_named_not_only_neighbours() -> None:
    rules = _rules("x", "a", "A–B, D–G") + _rules("x", "c", "C–I") + _rules("x", "h", "H–N") + _rules("x", "o", "O–Z")
    assert sorted(p.letters for p in find_problems(rules)) == ["D–G", "H–I"]


def test_a_range_written_another_way_is_answered_with_how_to_write_it() -> None:
    """Issue 23, part 12: "H bis N" (and "H..N", which read as "HN") say how a range is written."""
    import pytest

    from abh_desk.domain.assignment import parse_ranges
    from abh_desk.errors import ValidationError

    for text in ("H bis N", "H..N", "H/N"):
        with pytest.raises(ValidationError) as refused:
            parse_ranges(text)
        assert "kein Buchstabenbereich" in refused.value.message
        assert "von–bis mit Bindestrich (H–N oder H-N), mehrere mit Komma (A–B, D–G)" in refused.value.message
