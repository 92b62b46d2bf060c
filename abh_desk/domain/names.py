"""Personal names: NFC storage, DIN 91379 check, folded keys for search and routing.

Two folds serve two purposes:

* ``search_key`` — for finding people at the counter. German transcriptions are folded too, so
  "Müller", "Mueller" and "Muller" share the key ``MULLER``. The fold is applied the same way to
  stored names and to what the clerk types, so a prefix of a name folds to a prefix of its key.
* ``routing_key`` — for responsibility by surname letter (domain.md §5): diacritics folded to the
  base letter (Ö→O, ß→SS), apostrophes, ʻ, hyphens and spaces dropped. "Öztürk" starts with O.
"""

from __future__ import annotations

import re
import unicodedata

from abh_desk.domain.text import FORBIDDEN_CATEGORIES
from abh_desk.error_texts import Label
from abh_desk.errors import ValidationError

# Letters that do not decompose into base letter + combining mark.
_SPECIAL_FOLDS = {
    "ß": "SS",
    "ẞ": "SS",
    "Æ": "AE",
    "æ": "AE",
    "Œ": "OE",
    "œ": "OE",
    "Ø": "O",
    "ø": "O",
    "Ł": "L",
    "ł": "L",
    "Đ": "D",
    "đ": "D",
    "Ð": "D",
    "ð": "D",
    "Þ": "TH",
    "þ": "TH",
    "ı": "I",
    "Ħ": "H",
    "ħ": "H",
    "Ŧ": "T",
    "ŧ": "T",
    "Ŋ": "N",
    "ŋ": "N",
    "ĸ": "K",
    "Ŀ": "L",
    "ŀ": "L",
    "Ƒ": "F",
    "ƒ": "F",
    "Ə": "E",
    "ə": "E",
    "Ɛ": "E",
    "ɛ": "E",
}
# German transcriptions folded for search only: Mueller == Müller (MULLER).
_TRANSCRIPTIONS = re.compile(r"(?<=[AOU])E")

# DIN 91379 data type A (names of natural persons): Latin letters plus these non-letters.
_NAME_PUNCTUATION = frozenset(
    " '-.,`~\u00a8\u00b4\u00b7\u02b9\u02ba\u02bb\u02bc\u02bd\u02be\u02bf\u02c8\u02cc\u2019\u2018"
)
_LATIN_RANGES = (
    (0x0041, 0x005A),
    (0x0061, 0x007A),
    (0x00C0, 0x00D6),
    (0x00D8, 0x00F6),
    (0x00F8, 0x024F),
    (0x1E00, 0x1EFF),
)
_COMBINING = (0x0300, 0x036F)


def normalize(text: str) -> str:
    """Unicode NFC, spaces at both ends removed and inner runs of spaces collapsed.

    Only the ordinary space is touched: tabs, line breaks and other control characters stay, so
    that ``check_name`` refuses them instead of hiding them."""
    return " ".join(part for part in unicodedata.normalize("NFC", text).split(" ") if part)


def _is_latin_letter(char: str) -> bool:
    code = ord(char)
    return any(low <= code <= high for low, high in _LATIN_RANGES)


def check_name(value: str, field: str, label: Label | str, required: bool = True) -> str:
    """Return the name in NFC, or raise ValidationError with a German message for ``field``.

    ``label`` names the field at the start of the message: a ``Label`` of the catalogue, or a German
    text not yet moved there.

    Accepts the Latin letters of DIN 91379 with their diacritics and the name punctuation
    (space, apostrophe, hyphen, full stop, comma, ʻ …). Control and bidi characters and other
    scripts are refused: the passport's Latin form (machine-readable zone) is asked for.
    """
    name = normalize(value)
    if not name:
        if required:
            raise ValidationError("domain_names.missing", field=field, label=label)
        return ""
    if len(name) > 200:
        raise ValidationError("domain_names.too_long", field=field, label=label, max_length=200)
    previous_is_letter = False
    for char in name:
        code = ord(char)
        if _is_latin_letter(char):
            previous_is_letter = True
            continue
        if _COMBINING[0] <= code <= _COMBINING[1] and previous_is_letter:
            continue
        previous_is_letter = False
        if char in _NAME_PUNCTUATION:
            continue
        category = unicodedata.category(char)
        if category in FORBIDDEN_CATEGORIES:
            raise ValidationError("domain_names.control_character", field=field, label=label, character=f"U+{code:04X}")
        if category.startswith("L"):
            raise ValidationError("domain_names.not_latin", field=field, label=label, char=char)
        raise ValidationError("domain_names.character_not_allowed", field=field, label=label, char=char)
    if not any(_is_latin_letter(c) for c in name):
        raise ValidationError("domain_names.no_letter", field=field, label=label)
    return name


class _FoldTable(dict[int, str]):
    """``str.translate`` table that works out each character's fold once, on first sight."""

    def __missing__(self, code: int) -> str:
        char = chr(code)
        special = _SPECIAL_FOLDS.get(char)
        if special is None:
            parts = unicodedata.normalize("NFKD", char)
            special = "".join(p.upper() for p in parts if p.isascii() and p.isalnum())
        self[code] = special
        return special


_FOLD_TABLE = _FoldTable()

# Leading name particles that an office may choose to skip when routing ("von Bülow" → B).
NAME_PARTICLES = frozenset(
    {
        "von",
        "vom",
        "van",
        "de",
        "der",
        "den",
        "del",
        "della",
        "di",
        "da",
        "das",
        "dos",
        "du",
        "la",
        "le",
        "ter",
        "ten",
        "zu",
        "zum",
        "zur",
    }
)


#: The width of the stored keys. A name of 200 characters can fold longer (Æ → AE, ß → SS); the
#: first 200 characters decide every comparison made with a key (a search prefix, a letter range).
KEY_LENGTH = 200


def fold(text: str) -> str:
    """Upper-case base letters and digits only: diacritics and punctuation removed.

    "Nguyễn" → "NGUYEN", "Şahin" → "SAHIN", "Al-Hassan" → "ALHASSAN", "Øyvind" → "OYVIND".
    """
    return unicodedata.normalize("NFC", text).translate(_FOLD_TABLE)


def routing_key(family_name: str, skip_particles: bool = False) -> str:
    """The form in which a surname is compared with letter ranges (domain.md §5).

    With ``skip_particles`` leading particles are left out ("van der Berg" → BERG), as long as
    something is left of the name.
    """
    if skip_particles:
        words = family_name.split()
        while len(words) > 1 and words[0].lower() in NAME_PARTICLES:
            words.pop(0)
        family_name = " ".join(words)
    return fold(family_name)[:KEY_LENGTH]


def routing_keys(family_name: str) -> tuple[str, str | None]:
    """The routing key, and the key with particles skipped where that differs (else None)."""
    full = routing_key(family_name)
    skipped = routing_key(family_name, skip_particles=True)
    return full, (skipped if skipped != full else None)


def search_key(text: str) -> str:
    """The folded search form: ``fold`` plus Ä/Ö/Ü transcriptions (AE, OE, UE → A, O, U)."""
    return _TRANSCRIPTIONS.sub("", fold(text))[:KEY_LENGTH]


def search_key_upper_bound(prefix_key: str) -> str:
    """The smallest key greater than every key starting with ``prefix_key`` (for range scans).

    Keys consist of A–Z and 0–9 only, so appending a character above 'Z' bounds them.
    """
    return prefix_key + "\x7f"
