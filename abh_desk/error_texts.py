"""The one home of the sentences a refusal speaks (issue 22, part 3).

A service refuses with a key and its parameters — ``ValidationError("cards.order_date_in_future",
field="bestellt_am")`` — and the sentence is written once, here, in German and in English:
``resources/messages/<module>.toml`` holds the entries of one module, the file's name is the first
part of the key — a service's or another top-level module's own name ("cards", "storage"), a module of
``domain``, ``letters`` or ``xdomea`` with its package in front ("domain_fees", "letters_remedies");
``shared.toml`` holds what several modules say alike::

    [order_date_in_future]
    de = "Das Bestelldatum liegt in der Zukunft."
    en = "The order date lies in the future."

Placeholders are ``str.format`` fields named after the error's parameters (``{datum:%d.%m.%Y}``
formats a date). A parameter may itself speak both languages: a ``Label`` (a key of the same
catalogue, e.g. the name of a field inside a sentence), another ``DomainError`` (a refusal quoted in
a refusal) or ``Joined`` (several of them) is put in the language of the sentence around it.

The command line prints the German sentence (``DomainError.message``); the window asks
``DomainError.text(language)`` through ``ui.messages``. ``tests/unit/test_error_texts.py`` holds the
catalogue and the raise sites to each other: every key raised exists, names the parameters its
sentences need, and speaks both languages.
"""

from __future__ import annotations

import logging
import re
import string
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

log = logging.getLogger(__name__)

MESSAGES = Path(__file__).resolve().parents[1] / "resources" / "messages"
LANGUAGES = ("de", "en")

#: What a key looks like: "area.name" in lower case; a sentence never does (it has spaces or capitals).
KEY = re.compile(r"^[a-z][a-z0-9_]*\.[a-z0-9_]+$")


class Sentence:
    """A sentence of the catalogue with its parameters that is no refusal (a reason quoted in one,
    a hint): ``Sentence("domain_representation.minor_on", name=…, day=…)``."""

    def __init__(self, key: str, /, **params: Any) -> None:
        self.key = key
        self.params = params

    def text(self, language: str) -> str:
        return sentence(self.key, language, self.params)

    def __str__(self) -> str:
        return self.text("de")

    def __repr__(self) -> str:
        return f"Sentence({self.key!r}, **{self.params!r})"


class Label(str):
    """A word of the window that is German wherever it is a ``str``: ``Label("domain_enums.case_status_new")``
        *is* "Neu" — letters, the command line, audit entries, f-strings and comparisons keep the German
        text — and ``text("en")`` is the English one from the same catalogue entry. The window shows it
        through ``ui.messages.spoken``; a refusal given it as a parameter speaks it in its own language —
    so the name of a field inside a sentence (``Label("cards.label_order_number")``, "Die Bestellnummer" /
    "The order number") is a Label too."""

    key: str

    def __new__(cls, key: str) -> Label:
        label = super().__new__(cls, entry(key)["de"])
        label.key = key
        return label

    def text(self, language: str) -> str:
        return entry(self.key).get(language) or str.__str__(self)

    def __getnewargs__(self) -> tuple[str]:
        return (self.key,)

    def __repr__(self) -> str:
        return f"Label({self.key!r}: {str.__repr__(self)})"


@dataclass(frozen=True)
class Joined:
    """Several refusals (or phrases) quoted as one parameter, each in the language of the sentence
    around them: "Die Regeln sind lückenhaft: {problems}" with every gap its own sentence."""

    parts: tuple[Any, ...]
    separator: str = " "

    def text(self, language: str) -> str:
        return self.separator.join(str(_spoken(part, language)) for part in self.parts)

    def __str__(self) -> str:
        return self.text("de")


@cache
def _file(stem: str) -> dict[str, dict[str, str]]:
    """The entries of one file by their name in it ("order_date_in_future"); none for a missing file.
    Read when a key of it is first asked: a ``Label`` is made when its module is imported, and the
    start should not parse every file for the few it needs."""
    path = MESSAGES / f"{stem}.toml"
    if not path.is_file():
        return {}
    with path.open("rb") as handle:
        data = tomllib.load(handle)
    return {name: {language: str(texts[language]) for language in texts} for name, texts in data.items()}


def catalogue() -> dict[str, dict[str, str]]:
    """Every entry of every file, by its full key ("cards.order_date_in_future")."""
    return {
        f"{path.stem}.{name}": texts
        for path in sorted(MESSAGES.glob("*.toml"))
        for name, texts in _file(path.stem).items()
    }


def is_key(text: str) -> bool:
    return KEY.match(text) is not None


def entry(key: str) -> dict[str, str]:
    stem, _, name = key.partition(".")
    found = _file(stem).get(name)
    if found is None:  # a programming error; the tests find it — the user still gets a readable line
        log.error("Kein Text für den Schlüssel %s", key)
        return {"de": key}
    return found


def placeholders(template: str) -> set[str]:
    """The parameter names a template uses ("{datum:%d.%m.%Y}" → "datum")."""
    return {name.split(".")[0].split("[")[0] for _, name, _, _ in string.Formatter().parse(template) if name}


def sentence(key: str, language: str, params: Mapping[str, Any]) -> str:
    """The sentence of ``key`` in ``language`` (German where a language lacks it), filled in."""
    texts = entry(key)
    template = texts.get(language) or texts["de"]
    values = {name: _spoken(value, language) for name, value in params.items()}
    try:
        return template.format_map(values)
    except (KeyError, IndexError, ValueError) as exc:  # a parameter missing: a programming error
        log.error("Text %s (%s) nicht zu füllen: %r", key, language, exc)
        return template


def _spoken(value: Any, language: str) -> Any:
    """What speaks both languages (a Label, a quoted DomainError, Joined) in ``language``; anything
    else as it is."""
    text = getattr(value, "text", None)
    return text(language) if callable(text) else value
