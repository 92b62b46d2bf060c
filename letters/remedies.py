"""Rechtsbehelfsbelehrung from the per-Land table ``resources/letters/rechtsbehelfe.toml``.

Which remedy applies is data, not code: each of the 16 Länder names its remedy ("widerspruch" or
"klage"), the legal basis that abolished the objection, the text template, an optional exception
(Hessen keeps the objection for EU citizens and rights under ARB 1/80), an optional condition
(Berlin removes the objection only for refusals that create or confirm a duty to leave,
``bedingung = "ausreisepflicht"`` with the remedy ``sonst_*`` otherwise) and the Land's provision
that removes the suspensive effect of a remedy against enforcement measures such as the deportation
threat (``vollstreckung``, § 80 Abs. 2 Satz 2 VwGO). The table is validated when loaded; a row marked
``zu_pruefen`` must be confirmed by the office's administration before a notice under it is approved
(its ``fingerprint`` tells whether the confirmed row is still the one in the table).
"""

from __future__ import annotations

import hashlib
import json
import os
import tomllib
from collections.abc import Mapping
from dataclasses import asdict, dataclass, replace
from functools import lru_cache
from pathlib import Path
from typing import Any, Literal, cast

from abh_desk.errors import ConfigurationError, ValidationError

from .data import Court
from .formatting import after_beim
from .textblocks import RESOURCES, check_template, fill_template, paragraphs_of

DEFAULT_PATH = RESOURCES / "rechtsbehelfe.toml"

RemedyKind = Literal["widerspruch", "klage"]
REMEDY_KINDS: tuple[RemedyKind, ...] = ("widerspruch", "klage")
LAENDER = ("BW", "BY", "BE", "BB", "HB", "HH", "HE", "MV", "NI", "NW", "RP", "SL", "SN", "ST", "SH", "TH")

TEMPLATE_PLACEHOLDERS: dict[str, str] = {
    "behoerde": "Name der Behörde",
    "behoerde_anschrift": "Anschrift der Behörde",
    "gericht": "Verwaltungsgericht",
    "gericht_anschrift": "Anschrift des Verwaltungsgerichts",
    "abschaffung": "Rechtsgrundlage für den Wegfall des Widerspruchsverfahrens",
}
_ROW_FIELDS = {
    "name", "rechtsbehelf", "abschaffung", "vorlage", "ausnahme_rechtsbehelf", "ausnahme_vorlage", "ausnahme",
    "bedingung", "sonst_rechtsbehelf", "sonst_vorlage", "vollstreckung", "zu_pruefen", "quelle",
}  # fmt: skip
#: Conditions a row's main remedy may depend on: "ausreisepflicht" — only where the refusal creates
#: or confirms a duty to leave.
CONDITIONS = ("ausreisepflicht",)


@dataclass(frozen=True)
class Template:
    name: str
    paragraphs: tuple[str, ...]
    fields: frozenset[str]


@dataclass(frozen=True)
class LandRemedy:
    """One row of the table."""

    code: str
    name: str
    kind: RemedyKind
    abolition_basis: str
    template: str
    exception_kind: RemedyKind | None = None
    exception_template: str = ""
    exception: str = ""
    condition: str = ""  # one of CONDITIONS, or "" (always)
    otherwise_kind: RemedyKind | None = None
    otherwise_template: str = ""
    enforcement_law: str = ""  # "§ 12 Satz 1 LVwVG" (§ 80 Abs. 2 Satz 2 VwGO); "" where not known
    to_check: str = ""
    source: str = ""


@dataclass(frozen=True)
class Remedy:
    """The remedy that applies to one notice."""

    land: LandRemedy
    kind: RemedyKind
    template: Template


class RemedyTable:
    def __init__(self, laender: Mapping[str, LandRemedy], templates: Mapping[str, Template], source: str) -> None:
        self.laender = dict(laender)
        self.templates = dict(templates)
        self.source = source

    def row(self, land: str) -> LandRemedy:
        row = self.laender.get(land.upper())
        if row is None:
            raise ValidationError("letters_remedies.unknown_land", field="land", land=land, allowed=", ".join(LAENDER))
        return row

    def remedy_for(self, land: str, *, eu_or_arb_exception: bool = False, duty_to_leave: bool = True) -> Remedy:
        """The remedy against a refusal in ``land``; ``duty_to_leave``: the refusal creates or confirms
        one (a person who keeps a valid title is refused without it)."""
        row = self.row(land)
        if eu_or_arb_exception and row.exception_kind is not None:
            return Remedy(row, row.exception_kind, self.templates[row.exception_template])
        if row.condition == "ausreisepflicht" and not duty_to_leave and row.otherwise_kind is not None:
            return Remedy(row, row.otherwise_kind, self.templates[row.otherwise_template])
        return Remedy(row, row.kind, self.templates[row.template])

    def rows_to_check(self) -> list[LandRemedy]:
        return [row for row in self.laender.values() if row.to_check]

    def fingerprint(self, land: str) -> str:
        """Identifies a row and the templates it prints: a confirmation holds only for this content."""
        row = self.row(land)
        names = sorted({row.template, row.exception_template, row.otherwise_template} - {""})
        content = {"row": asdict(row), "templates": {name: self.templates[name].paragraphs for name in names}}
        return hashlib.sha256(json.dumps(content, sort_keys=True, ensure_ascii=False).encode()).hexdigest()[:16]


def remedy_instructions(
    land: str,
    *,
    authority: str,
    authority_address: str,
    court: Court,
    eu_or_arb_exception: bool = False,
    duty_to_leave: bool = True,
    table: RemedyTable | None = None,
) -> list[str]:
    """The paragraphs of the Rechtsbehelfsbelehrung for a notice of an authority in ``land``."""
    remedy = (table or load_remedies()).remedy_for(
        land, eu_or_arb_exception=eu_or_arb_exception, duty_to_leave=duty_to_leave
    )
    values = {
        "behoerde": authority,
        "behoerde_anschrift": authority_address,
        "gericht": after_beim(court.name),
        "gericht_anschrift": court.address,
        "abschaffung": remedy.land.abolition_basis,
    }
    block = f"rechtsbehelfe.vorlagen.{remedy.template.name}"
    return [
        fill_template(part, remedy.template.fields, values, block=block, descriptions=TEMPLATE_PLACEHOLDERS)
        for part in remedy.template.paragraphs
    ]


def parse_remedies(text: str, source: str = "rechtsbehelfe.toml") -> RemedyTable:
    try:
        raw = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigurationError("shared.invalid_toml_file", source=source, detail=exc) from exc
    raw_templates = raw.get("vorlagen")
    if not isinstance(raw_templates, dict) or not raw_templates:
        raise ConfigurationError("letters_remedies.templates_missing", source=source)
    templates: dict[str, Template] = {}
    for name, body in raw_templates.items():
        if not isinstance(body, str) or not paragraphs_of(body):
            raise ConfigurationError("letters_remedies.template_empty", source=source, name=name)
        fields = check_template(body, block=f"vorlagen.{name}", source=source, allowed=TEMPLATE_PLACEHOLDERS)
        templates[name] = Template(name, paragraphs_of(body), fields)
    raw_rows = raw.get("laender")
    if not isinstance(raw_rows, dict):
        raise ConfigurationError("letters_remedies.lands_missing", source=source)
    unknown = sorted(set(raw_rows) - set(LAENDER))
    missing = [code for code in LAENDER if code not in raw_rows]
    if unknown or missing:
        if missing and unknown:
            key = "letters_remedies.lands_missing_and_unknown"
        else:
            key = "letters_remedies.lands_incomplete" if missing else "letters_remedies.lands_unknown"
        raise ConfigurationError(key, source=source, missing=", ".join(missing), unknown=", ".join(unknown))
    laender = {code: _row(code, raw_rows[code], templates, source) for code in LAENDER}
    return RemedyTable(laender, templates, source)


def _row(code: str, raw: Any, templates: Mapping[str, Template], source: str) -> LandRemedy:
    where = f"{source}: [laender.{code}]"
    if not isinstance(raw, dict):
        raise ConfigurationError("shared.must_be_table", where=where)
    extra = sorted(set(raw) - _ROW_FIELDS)
    if extra:
        raise ConfigurationError("shared.unknown_fields", where=where, names=", ".join(extra))
    for key, value in raw.items():
        if not isinstance(value, str):
            raise ConfigurationError("letters_remedies.not_text", where=where, name=key)

    def kind(field: str) -> RemedyKind:
        value = raw.get(field, "")
        if value not in REMEDY_KINDS:
            raise ConfigurationError("letters_remedies.unknown_kind", where=where, name=field, value=value)
        return cast(RemedyKind, value)

    def template(field: str) -> str:
        name = str(raw.get(field, ""))
        if name not in templates:
            raise ConfigurationError("letters_remedies.unknown_template", where=where, template=name, name=field)
        return name

    main_kind = kind("rechtsbehelf")
    main_template = template("vorlage")
    abolition = str(raw.get("abschaffung", "")).strip()
    if main_kind == "klage" and not abolition:
        raise ConfigurationError("letters_remedies.abolition_missing", where=where)
    if main_kind == "widerspruch" and abolition:
        raise ConfigurationError("letters_remedies.abolition_with_objection", where=where)
    row = LandRemedy(
        code=code,
        name=str(raw.get("name", code)),
        kind=main_kind,
        abolition_basis=abolition,
        template=main_template,
        enforcement_law=str(raw.get("vollstreckung", "")).strip(),
        to_check=str(raw.get("zu_pruefen", "")).strip(),
        source=str(raw.get("quelle", "")),
    )
    condition = str(raw.get("bedingung", "")).strip()
    if condition:
        if condition not in CONDITIONS:
            raise ConfigurationError("letters_remedies.unknown_condition", where=where, allowed=", ".join(CONDITIONS))
        row = replace(
            row,
            condition=condition,
            otherwise_kind=kind("sonst_rechtsbehelf"),
            otherwise_template=template("sonst_vorlage"),
        )
    elif "sonst_rechtsbehelf" in raw or "sonst_vorlage" in raw:
        raise ConfigurationError("letters_remedies.otherwise_without_condition", where=where)
    if "ausnahme_rechtsbehelf" in raw:
        row = replace(
            row,
            exception_kind=kind("ausnahme_rechtsbehelf"),
            exception_template=template("ausnahme_vorlage"),
            exception=str(raw.get("ausnahme", "")),
        )
    for kind_, name in (
        (row.kind, row.template),
        (row.exception_kind, row.exception_template),
        (row.otherwise_kind, row.otherwise_template),
    ):
        if kind_ == "klage" and "abschaffung" not in templates[name].fields:
            raise ConfigurationError("letters_remedies.action_template_without_abolition", where=where, template=name)
    return row


def load_remedies(path: Path | None = None) -> RemedyTable:
    path = path or DEFAULT_PATH
    try:
        mtime = os.stat(path).st_mtime_ns
    except OSError as exc:
        raise ConfigurationError("letters_remedies.unreadable", path=path, detail=exc) from exc
    return _load_cached(str(path), mtime)


@lru_cache(maxsize=8)
def _load_cached(path: str, _mtime: int) -> RemedyTable:
    try:
        text = Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigurationError("letters_remedies.unreadable", path=path, detail=exc) from exc
    return parse_remedies(text, source=Path(path).name)
