import pytest

from abh_desk.domain.file_numbers import DEFAULT_PATTERN, FileNumberPattern
from abh_desk.errors import ValidationError


def test_default_pattern_counts_per_year() -> None:
    pattern = FileNumberPattern(DEFAULT_PATTERN)
    assert pattern.format(2026, "allgemein", 42) == "ABH-2026-000042"
    assert pattern.scope(2026, "allgemein") == pattern.scope(2026, "asyl") == "2026"
    assert pattern.scope(2027, "asyl") == "2027"


def test_area_and_short_year_placeholders() -> None:
    pattern = FileNumberPattern("{bereich}/{jahr2}/{nummer:05d}")
    assert pattern.format(2026, "asyl", 7) == "ASYL/26/00007"
    assert pattern.scope(2026, "asyl") != pattern.scope(2026, "allgemein")


def test_pattern_without_year_never_restarts() -> None:
    assert FileNumberPattern("SIN-{nummer}").scope(2026, "x") == FileNumberPattern("SIN-{nummer}").scope(2030, "x")


@pytest.mark.parametrize("bad", ["ABH-{jahr}", "{nummer}-{nummer}", "{name}-{nummer}", "{nummer:xyz}", "{nummer"])
def test_broken_patterns_are_refused(bad: str) -> None:
    with pytest.raises(ValidationError):
        FileNumberPattern(bad)
