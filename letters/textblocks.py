"""Textbausteine: the wording of the letters, kept as data an administrator can edit.

``resources/letters/textbausteine.toml`` holds nested tables of strings; a block's key is its dotted
path ("ablehnung.tenor_ablehnung"). A string block is running text (a blank line starts a new
paragraph, single line breaks are spaces); a list block is a list of items. Placeholders are names in
braces, ``{antragsdatum}``.

Two checks keep a notice from ever printing with a gap:
* when loading, every placeholder must be one of :data:`PLACEHOLDERS` and plain (no format spec,
  conversion, index or positional field) — otherwise :class:`ConfigurationError` naming file and block;
  the blocks the renderers need must all be there;
* when filling, every placeholder of the block must have a non-empty value — otherwise
  :class:`ValidationError` naming the placeholder, in German.
"""

from __future__ import annotations

import os
import re
import string
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from abh_desk.errors import ConfigurationError, ValidationError

RESOURCES = Path(__file__).resolve().parents[1] / "resources" / "letters"
DEFAULT_PATH = RESOURCES / "textbausteine.toml"

#: Every placeholder a text block may use, with the German description shown in error messages.
PLACEHOLDERS: dict[str, str] = {
    "aktenzeichen": "Aktenzeichen",
    "datum": "Datum des Schreibens",
    "behoerde": "Name der Behörde",
    "behoerde_anschrift": "Anschrift der Behörde",
    "telefon": "Telefonnummer der Sachbearbeitung",
    "oeffnungszeiten": "Sprechzeiten",
    "gericht": "Verwaltungsgericht",
    "gericht_anschrift": "Anschrift des Verwaltungsgerichts",
    "abschaffung": "Rechtsgrundlage für den Wegfall des Widerspruchsverfahrens",
    "antragsdatum": "Datum des Antrags",
    "beantragt": "beantragter Aufenthaltstitel",
    "antrag": "was beantragt wurde, nach „Ihr Antrag vom …“ („auf Erteilung einer Niederlassungserlaubnis“)",
    "rechtsgrundlage_titel": "Rechtsgrundlage des beantragten Aufenthaltstitels",
    "einzelfall": "Angaben zum Einzelfall",
    "ausreisefrist_tage": "Ausreisefrist in Tagen",
    "zielstaat": "Zielstaat der Abschiebung",
    "sperrfrist_monate": "Frist des Einreise- und Aufenthaltsverbots in Monaten",
    "sperrfrist_erwaegungen": "Erwägungen zur Länge des Einreise- und Aufenthaltsverbots",
    "gebuehr": "Gebühr",
    "gebuehr_rechtsgrundlage": "Rechtsgrundlage der Gebühr",
    "anhoerung_datum": "Datum des Anhörungsschreibens",
    "stellungnahme_bis": "Frist zur Stellungnahme",
    "vorlage_bis": "Frist zur Vorlage der Unterlagen",
    "titel": "Aufenthaltstitel",
    "ablaufdatum": "Ablaufdatum des Aufenthaltstitels",
    "wochen": "Vorlauf in Wochen",
    "antrag_empfohlen_bis": "empfohlener Tag der Antragstellung",
    "abholung_bis": "Abholfrist",
    "ablauf_tag": "Wochentag oder Feiertag des Ablaufdatums, an dem die Behörde geschlossen ist",
    "letzter_werktag": "letzter Tag vor dem Ablauf, an dem die Behörde geöffnet ist",
    "titel_gueltig_bis": "Ablaufdatum des Aufenthaltstitels, der fortbesteht oder abgelaufen ist",
    "fiktion_grundlage": "Rechtsgrundlage der Fiktion (§ 81 Abs. 3 oder 4 AufenthG)",
    "abschiebung_erwaegungen": "Prüfung nach § 59 Abs. 1 AufenthG für diese Person",
    "feststellung": "Feststellung der Sachbearbeitung zu einem Punkt der Prüfung nach § 59 Abs. 1 AufenthG",
    "rechtsbehelf": "Rechtsbehelf (Widerspruch oder Klage)",
    "vollstreckungsrecht": "Landesrecht zur aufschiebenden Wirkung in der Verwaltungsvollstreckung",
    "termin_tag": "Wochentag und Datum des Termins",
    "termin_zeit": "Uhrzeit des Termins",
    "termin_raum": "Raum des Termins",
    "sachbearbeitung": "Name der Sachbearbeitung des Termins",
    "anliegen": "Anliegen des Termins (Verfahren)",
    "terminangebot": "vorgeschlagener freier Termin (Tag, Uhrzeit, Sachbearbeitung)",
    "vertretene_person": "Name der minderjährigen Person, an deren gesetzliche Vertretung das Schreiben geht",
}

#: Grounds of refusal every installation must have (issue 6); administrators may add more.
REQUIRED_GROUNDS = (
    "lebensunterhalt", "ausweisungsinteresse", "visum", "passpflicht", "mitwirkung", "titelvoraussetzungen",
)  # fmt: skip
GROUND_FIELDS = ("titel", "rechtsgrundlage", "text")

#: The blocks the renderers use. A file without one of them is refused when it is loaded.
REQUIRED_BLOCKS = (
    "allgemein.gruss", "allgemein.im_auftrag",
    "ablehnung.betreff", "ablehnung.einleitung", "ablehnung.tenor_ablehnung", "ablehnung.tenor_ausreise",
    "ablehnung.tenor_abschiebungsandrohung", "ablehnung.tenor_einreiseverbot", "ablehnung.tenor_gebuehr",
    "ablehnung.tenor_gebuehrenfrei", "ablehnung.gruende", "ablehnung.sachverhalt", "ablehnung.anhoerung",
    "ablehnung.begruendung", "ablehnung.ablehnung_ueberschrift", "ablehnung.ablehnung_einleitung",
    "ablehnung.ausreise_ueberschrift", "ablehnung.ausreisepflicht_fiktion", "ablehnung.ausreisepflicht_verspaetet",
    "ablehnung.ausreisepflicht_schengenvisum", "ablehnung.ausreisepflicht_ohne_titel",
    "ablehnung.abschiebungsandrohung", "ablehnung.pruefung_abschiebungsverbote", "ablehnung.pruefung_kindeswohl",
    "ablehnung.pruefung_kindeswohl_minderjaehrig",
    "ablehnung.pruefung_familie", "ablehnung.pruefung_gesundheit", "ablehnung.ausreisefrist_angemessen",
    "ablehnung.einreiseverbot_ueberschrift",
    "ablehnung.einreiseverbot", "ablehnung.gebuehr_ueberschrift", "ablehnung.gebuehr",
    "ablehnung.gebuehrenfrei", "ablehnung.hinweise", "ablehnung.hinweis_ausreisepflicht",
    "ablehnung.hinweis_kosten", "ablehnung.hinweis_unbegleitet", "ablehnung.hinweis_titel_gilt_fort",
    "ablehnung.hinweis_titel_unbefristet",
    "ablehnung.aufschiebende_wirkung", "ablehnung.aufschiebende_wirkung_ablehnung",
    "ablehnung.aufschiebende_wirkung_abschiebungsandrohung", "ablehnung.aufschiebende_wirkung_einreiseverbot",
    "ablehnung.aufschiebende_wirkung_gebuehr", "ablehnung.eilantrag", "ablehnung.rechtsbehelfsbelehrung",
    "anhoerung.betreff", "anhoerung.einleitung", "anhoerung.gruende_einleitung", "anhoerung.frist",
    "anhoerung.folge_aktenlage", "anhoerung.folge_ausreise", "anhoerung.fragen_ausreise",
    "anhoerung.frage_einreiseverbot", "anhoerung.folge_titel", "anhoerung.hinweis",
    "nachforderung.betreff", "nachforderung.einleitung", "nachforderung.frist", "nachforderung.mitwirkung",
    "erinnerung.betreff", "erinnerung.einleitung", "erinnerung.bitte", "erinnerung.bitte_umgehend",
    "erinnerung.fiktion", "erinnerung.geschlossen", "erinnerung.unterlagen", "erinnerung.termin",
    "erinnerung.gegenstandslos", "erinnerung.terminangebot", "abholung.terminangebot",
    "abholung.betreff", "abholung.einleitung", "abholung.persoenlich", "abholung.vertretung",
    "abholung.mitbringen", "abholung.mitbringen_liste", "abholung.frist", "abholung.gebuehr", "abholung.pin",
    "abholung.sprechzeiten",
    "einladung.betreff", "einladung.einleitung", "einladung.ort", "einladung.mitbringen",
    "einladung.mitbringen_immer", "einladung.keine_unterlagen", "einladung.gebuehr", "einladung.absage",
    "aushaendigung.titel", "aushaendigung.bestaetigung", "aushaendigung.bestaetigung_vertretung",
    "aushaendigung.unterschrift_empfang", "aushaendigung.unterschrift_behoerde",
    *(f"aushaendigung.feld.{name}" for name in (
        "inhaber", "geburtsdatum", "staatsangehoerigkeit", "titel", "seriennummer", "zeitpunkt", "empfang",
        "identitaet", "onlineausweis", "eingezogen", "zusatzblatt", "fingerabdruecke", "sachbearbeitung",
    )),
    *(f"aushaendigung.wert.{name}" for name in (
        "ja", "nein", "eingeschaltet", "ausgeschaltet", "persoenlich", "bevollmaechtigt", "vollmacht", "keine",
    )),
)  # fmt: skip

_FORMATTER = string.Formatter()
_WHITESPACE = re.compile(r"\s+")
_BLANK_LINE = re.compile(r"\n[ \t]*\n")


def check_template(template: str, *, block: str, source: str, allowed: Mapping[str, str]) -> frozenset[str]:
    """The placeholder names of ``template``; ConfigurationError for anything but known plain names."""
    try:
        parsed = list(_FORMATTER.parse(template))
    except ValueError as exc:
        raise ConfigurationError("letters_textblocks.bad_braces", block=block, source=source, detail=exc) from None
    names: set[str] = set()
    for _literal, name, spec, conversion in parsed:
        if name is None:
            continue
        if not name or not name.isidentifier() or spec or conversion:
            shown = "{" + name + (f"!{conversion}" if conversion else "") + (f":{spec}" if spec else "") + "}"
            raise ConfigurationError(
                "letters_textblocks.invalid_placeholder", block=block, placeholder=name, source=source, shown=shown
            )
        if name not in allowed:
            raise ConfigurationError(
                "letters_textblocks.unknown_placeholder",
                block=block,
                placeholder=name,
                source=source,
                known=", ".join("{" + known + "}" for known in sorted(allowed)),
            )
        names.add(name)
    return frozenset(names)


def fill_template(
    template: str, fields: frozenset[str], values: Mapping[str, str], *, block: str, descriptions: Mapping[str, str]
) -> str:
    """Fill a checked template; a placeholder without a (non-blank) value is a ValidationError."""
    for name in sorted(fields):
        value = values.get(name)
        if value is None or not value.strip():
            raise ValidationError(
                "letters_textblocks.value_missing",
                field=name,
                block=block,
                placeholder=name,
                description=descriptions.get(name, name),
            )
    return template.format_map({name: values[name] for name in fields})


def paragraphs_of(text: str) -> tuple[str, ...]:
    """Blank lines separate paragraphs; inside a paragraph line breaks and runs of spaces become one space."""
    return tuple(
        cleaned for chunk in _BLANK_LINE.split(text.strip()) if (cleaned := _WHITESPACE.sub(" ", chunk).strip())
    )


@dataclass(frozen=True)
class Block:
    key: str
    parts: tuple[str, ...]  # paragraphs of a text block, or the items of a list block
    fields: frozenset[str]
    is_list: bool


class TextBlocks:
    """The loaded, checked text blocks; fill them with :meth:`paragraphs`, :meth:`text` or :meth:`items`."""

    def __init__(self, blocks: Mapping[str, Block], source: str) -> None:
        self._blocks = dict(blocks)
        self.source = source

    def __contains__(self, key: object) -> bool:
        return key in self._blocks

    def keys(self) -> list[str]:
        return sorted(self._blocks)

    def fields(self, key: str) -> frozenset[str]:
        return self._block(key).fields

    def paragraphs(self, key: str, values: Mapping[str, str] | None = None) -> list[str]:
        block = self._block(key)
        return [self._fill(block, part, values or {}) for part in block.parts]

    def text(self, key: str, values: Mapping[str, str] | None = None) -> str:
        """A block as one string (paragraphs joined by a space): headings, subjects, table labels."""
        return " ".join(self.paragraphs(key, values))

    def items(self, key: str, values: Mapping[str, str] | None = None) -> list[str]:
        block = self._block(key)
        if not block.is_list:
            raise ConfigurationError("letters_textblocks.not_a_list", block=key, source=self.source)
        return [self._fill(block, part, values or {}) for part in block.parts]

    def ground_keys(self) -> list[str]:
        prefix = "ablehnungsgrund."
        return sorted({key[len(prefix) :].rsplit(".", 1)[0] for key in self._blocks if key.startswith(prefix)})

    def _fill(self, block: Block, part: str, values: Mapping[str, str]) -> str:
        return fill_template(part, block.fields, values, block=block.key, descriptions=PLACEHOLDERS)

    def block(self, key: str) -> Block:
        return self._block(key)

    def _block(self, key: str) -> Block:
        try:
            return self._blocks[key]
        except KeyError:
            raise ConfigurationError("letters_textblocks.block_missing", block=key, source=self.source) from None


def parse_textblocks(text: str, source: str = "textbausteine.toml", fallback: TextBlocks | None = None) -> TextBlocks:
    """``fallback``: the shipped blocks, for an office's edited version saved by an older release —
    a block a newer release needs and the edited version lacks is taken from the shipped file."""
    try:
        raw = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigurationError("shared.invalid_toml_file", source=source, detail=exc) from exc
    blocks: dict[str, Block] = {}
    _collect(raw, "", source, blocks)
    if fallback is not None:
        for key in REQUIRED_BLOCKS:
            if key not in blocks and key in fallback:
                blocks[key] = fallback.block(key)
    missing = [key for key in REQUIRED_BLOCKS if key not in blocks]
    missing += [
        f"ablehnungsgrund.{ground}.{field}"
        for ground in REQUIRED_GROUNDS
        for field in GROUND_FIELDS
        if f"ablehnungsgrund.{ground}.{field}" not in blocks
    ]
    if missing:
        raise ConfigurationError(
            "letters_textblocks.blocks_missing", blocks=missing, source=source, names=", ".join(missing)
        )
    textblocks = TextBlocks(blocks, source)
    for ground in textblocks.ground_keys():
        for field in GROUND_FIELDS:
            if f"ablehnungsgrund.{ground}.{field}" not in blocks:
                raise ConfigurationError(
                    "letters_textblocks.ground_part_missing",
                    block=f"ablehnungsgrund.{ground}",
                    source=source,
                    ground=ground,
                    part=field,
                )
    return textblocks


def required_keys_in(text: str) -> set[str]:
    """The required blocks a text defines (without checking them; an unreadable text defines none)."""
    try:
        raw = tomllib.loads(text)
    except tomllib.TOMLDecodeError:
        return set()
    found: set[str] = set()

    def walk(table: Mapping[str, Any], prefix: str) -> None:
        for name, value in table.items():
            if isinstance(value, dict):
                walk(value, f"{prefix}{name}.")
            else:
                found.add(f"{prefix}{name}")

    walk(raw, "")
    return found & set(REQUIRED_BLOCKS)


def _collect(table: Mapping[str, Any], prefix: str, source: str, out: dict[str, Block]) -> None:
    for name, value in table.items():
        key = f"{prefix}{name}"
        if isinstance(value, dict):
            _collect(value, f"{key}.", source, out)
        elif isinstance(value, str):
            parts = paragraphs_of(value)
            if not parts:
                raise ConfigurationError("letters_textblocks.block_empty", block=key, source=source)
            fields = check_template(value, block=key, source=source, allowed=PLACEHOLDERS)
            out[key] = Block(key, parts, fields, is_list=False)
        elif isinstance(value, list) and value and all(isinstance(item, str) for item in value):
            items = tuple(_WHITESPACE.sub(" ", item).strip() for item in value)
            if not all(items):
                raise ConfigurationError("letters_textblocks.empty_list_item", block=key, source=source)
            fields = frozenset().union(
                *(check_template(item, block=key, source=source, allowed=PLACEHOLDERS) for item in items)
            )
            out[key] = Block(key, items, fields, is_list=True)
        else:
            raise ConfigurationError("letters_textblocks.text_or_list_expected", block=key, source=source)


def load_textblocks(path: Path | None = None) -> TextBlocks:
    """Load and check the text blocks (default: the shipped file); reloaded when the file changes."""
    path = path or DEFAULT_PATH
    try:
        mtime = os.stat(path).st_mtime_ns
    except OSError as exc:
        raise ConfigurationError("letters_textblocks.unreadable", path=path, detail=exc) from exc
    return _load_cached(str(path), mtime)


@lru_cache(maxsize=8)
def _load_cached(path: str, _mtime: int) -> TextBlocks:
    try:
        text = Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigurationError("letters_textblocks.unreadable", path=path, detail=exc) from exc
    return parse_textblocks(text, source=Path(path).name)
