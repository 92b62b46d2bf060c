"""The shared check for free text (abh_desk.domain.text): what stays, what is refused, and how it says so."""

from __future__ import annotations

import unicodedata

import pytest

from abh_desk.domain.text import clean_text
from abh_desk.errors import ValidationError


@pytest.mark.parametrize(
    "typed",
    ["Nguyễn Thị Hương", "Łukasz Øyvind Şahin", "Straße 7, Müller & Söhne", "§\u00a016d AufenthG", "Ærø – Þórunn"],
)
def test_legitimate_text_is_kept_as_typed(typed: str) -> None:
    assert clean_text(typed, "grund", "Der Grund", 200) == typed


def test_decomposed_letters_are_stored_composed() -> None:
    typed = unicodedata.normalize("NFD", "Nguyễn Müller")
    assert clean_text(typed, "grund", "Der Grund", 200) == "Nguyễn Müller"


def test_line_breaks_stay_only_where_several_lines_are_meant() -> None:
    typed = "  Absatz 1  \r\n\r\nAbsatz\t2\n "
    assert clean_text(typed, "facts", "Der Sachverhalt", 200, multiline=True) == "Absatz 1\n\nAbsatz 2"
    assert clean_text(typed, "grund", "Der Grund", 200) == "Absatz 1 Absatz 2"


@pytest.mark.parametrize("char", ["\x00", "\x1b", "\x7f", "\x85", "\u202e", "\u2066", "\u200f", "\ufeff", "\u2028"])
def test_control_and_bidi_characters_are_refused_naming_the_field(char: str) -> None:
    with pytest.raises(ValidationError) as refused:
        clean_text(f"liegt{char} vor", "grund", "Der Grund", 200, multiline=True)
    assert refused.value.field == "grund"
    assert refused.value.message.startswith(f"Der Grund enthält unzulässige Steuerzeichen (U+{ord(char):04X})")


def test_too_long_text_is_refused_with_the_limit() -> None:
    assert clean_text("x" * 200, "grund", "Der Grund", 200) == "x" * 200
    with pytest.raises(ValidationError, match=r"^Der Grund ist zu lang \(höchstens 200 Zeichen\)\.$"):
        clean_text("x" * 201, "grund", "Der Grund", 200)
