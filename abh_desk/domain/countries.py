"""Nationalities as ISO 3166-1 alpha-3 codes (plus the ICAO codes for stateless persons etc.),
with German names (pycountry's translations)."""

from __future__ import annotations

import gettext
from functools import lru_cache

import pycountry

from abh_desk.errors import ValidationError

# ICAO Doc 9303 codes that are not countries.
SPECIAL_CODES = {
    "XXA": "staatenlos",
    "XXB": "Flüchtling (GFK)",
    "XXC": "Flüchtling (sonstiger)",
    "XXX": "ungeklärt",
}


@lru_cache(maxsize=1)
def _german() -> gettext.NullTranslations:
    try:
        return gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["de"])
    except OSError:
        return gettext.NullTranslations()


@lru_cache(maxsize=1)
def nationalities() -> dict[str, str]:
    """Code → German name, sorted by name."""
    names = {
        c.alpha_3: _german().gettext(c.common_name if hasattr(c, "common_name") else c.name)
        for c in pycountry.countries
    }
    names.update(SPECIAL_CODES)
    return dict(sorted(names.items(), key=lambda item: item[1]))


def check_nationality(code: str) -> str:
    value = code.strip().upper()
    if not value:
        raise ValidationError("domain_countries.nationality_missing", field="staatsangehoerigkeit")
    if value not in nationalities():
        raise ValidationError("domain_countries.nationality_unknown", field="staatsangehoerigkeit", code=code)
    return value


def nationality_name(code: str) -> str:
    return nationalities().get(code, code)


#: Country names that take the definite article in running German ("Zielstaat ist die Türkei").
_WITH_ARTICLE = {
    **dict.fromkeys(
        (
            "Türkei", "Ukraine", "Schweiz", "Slowakei", "Mongolei", "Russische Föderation",
            "Zentralafrikanische Republik", "Dominikanische Republik", "Demokratische Republik Kongo",
            "Tschechische Republik", "Elfenbeinküste", "Republik Moldau", "Republik Kongo",
            "Vereinigte Staaten", "Niederlande", "Philippinen", "Vereinigte Arabische Emirate", "Malediven",
            "Seychellen", "Komoren", "Bahamas", "Salomonen", "Marshallinseln",
        ),
        "die",
    ),
    **dict.fromkeys(("Irak", "Iran", "Jemen", "Libanon", "Sudan", "Südsudan", "Tschad", "Niger", "Senegal"), "der"),
    "Vereinigtes Königreich": "das",
}  # fmt: skip
_LONG_FORMS = {"Moldau": "Republik Moldau"}


def with_article(country: str) -> str:
    """``country`` as it stands after "ist" in a sentence: "die Türkei", "die Niederlande", "Vietnam"."""
    name = _LONG_FORMS.get(country, country)
    article = _WITH_ARTICLE.get(name)
    return f"{article} {name}" if article else name
