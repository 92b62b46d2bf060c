"""German formats for letters: dates "21.11.2026", small numbers as words (money: abh_desk.domain.money)."""

from __future__ import annotations

from datetime import date, datetime

_NUMBER_WORDS = (
    "null", "eins", "zwei", "drei", "vier", "fünf", "sechs", "sieben", "acht", "neun", "zehn", "elf", "zwölf",
)  # fmt: skip


def german_date(value: date) -> str:
    """21.11.2026 — DIN 5008 numeric date with leading zeros."""
    return f"{value.day:02d}.{value.month:02d}.{value.year:04d}"


def german_datetime(value: datetime) -> str:
    return f"{german_date(value.date())}, {value.hour:02d}:{value.minute:02d} Uhr"


def number_word(value: int) -> str:
    """Numbers up to twelve are written as words in running text ("acht Wochen"), larger ones as digits."""
    return _NUMBER_WORDS[value] if 0 <= value < len(_NUMBER_WORDS) else str(value)


def after_beim(court: str) -> str:
    """A court's name as it reads after "beim" (dative): the adjectives before the court's noun take
    the weak ending — "Bayerisches Verwaltungsgericht München" → "Bayerischen Verwaltungsgericht
    München"; names without one ("Verwaltungsgericht Köln") stay as they are."""
    words = court.split(" ")
    for index, word in enumerate(words):
        if "gericht" in word.lower():
            break
        if word.endswith("es") and word[:1].isupper():
            words[index] = word[:-2] + "en"
    return " ".join(words)


#: Titles whose name reads after "auf Erteilung einer …" (feminine nouns; the adjective declines).
_GRANTED_TITLES = ("Aufenthaltserlaubnis", "Niederlassungserlaubnis", "Erlaubnis zum Daueraufenthalt", "Blaue Karte")


def application_phrase(applied_for: str) -> str:
    """How "Ihr Antrag vom … ___ wird abgelehnt" names what was applied for: "auf Erteilung einer
    Niederlassungserlaubnis", "auf Verlängerung der Aufenthaltserlaubnis …"; a name that reads
    neither way is quoted ("betreffend „Elektronischer Aufenthaltstitel (eAT)“": in brackets it
    doubled the name's own)."""
    if applied_for.startswith("Verlängerung "):
        return f"auf {applied_for}"
    if applied_for.startswith(_GRANTED_TITLES):
        title = applied_for.split(" – ")[0]  # "Aufenthaltserlaubnis – Erteilung und Verlängerung"
        return "auf Erteilung einer " + title.replace("Blaue Karte", "Blauen Karte", 1)
    return f"betreffend „{applied_for}“"
