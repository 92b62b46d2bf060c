"""Free text that a person types or pastes (a reason, a comment, the facts of a case, an address).

One rule for all of it, so that nothing invisible reaches the database, the letters or the audit
trail: Unicode NFC; control characters, bidi overrides and other invisible format characters
refused with a German message naming the field; a length limit per field. Line breaks are kept
only where several lines are meant (facts, comments); in a one-line field a pasted line break or
tab becomes a space. Letters of any script are text here — names are stricter (``names.check_name``).
"""

from __future__ import annotations

import re
import unicodedata

from abh_desk.error_texts import Label
from abh_desk.errors import ValidationError

#: Unicode categories never stored: control (Cc), format — bidi marks and overrides, zero-width
#: characters, BOM (Cf) —, surrogates (Cs), private use (Co), unassigned (Cn), line and
#: paragraph separators (Zl, Zp).
FORBIDDEN_CATEGORIES = frozenset({"Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp"})

_LINE_BREAKS = re.compile(r"\r\n?")
_ONE_LINE_SPACE = re.compile(r"[ \t\r\n]+")


def forbidden_character(text: str) -> str | None:
    """The first character of ``text`` that may not be stored (a line break counts as one)."""
    return next((char for char in text if unicodedata.category(char) in FORBIDDEN_CATEGORIES), None)


def clean_text(value: str, field: str, label: Label | str, max_length: int, multiline: bool = False) -> str:
    """``value`` as it is stored, or ValidationError for ``field``.

    ``label`` starts the message: a ``Label`` of the catalogue ("shared.label_reason": "Der Grund" / "The
    reason"), or a German text not yet moved there. One-line text: runs of
    spaces, tabs and line breaks become one space. Multi-line text: line breaks become "\\n",
    tabs spaces, and spaces at the ends of lines go. Both: NFC, white space at both ends removed. Returns "" for empty
    input; whether a field may be empty is the caller's rule.
    """
    text = unicodedata.normalize("NFC", value)
    if multiline:
        lines = _LINE_BREAKS.sub("\n", text).replace("\t", " ").split("\n")
        text = "\n".join(line.rstrip(" ") for line in lines)
        checked = text.replace("\n", "")
    else:
        text = _ONE_LINE_SPACE.sub(" ", text)
        checked = text
    char = forbidden_character(checked)
    if char is not None:
        raise ValidationError(
            "domain_text.control_characters", field=field, label=label, character=f"U+{ord(char):04X}"
        )
    text = text.strip()  # only spaces and line breaks are left to strip: controls were refused
    if len(text) > max_length:
        raise ValidationError("domain_text.too_long", field=field, label=label, max_length=max_length)
    return text
