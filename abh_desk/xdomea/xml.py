"""Namespaces, code lists and element helpers shared by the xdomea messages, and the one parser
that reads what another system sent: no DTD, no entity declarations, no external references
(``defusedxml``), so neither "billion laughs" nor XXE can reach the program."""

from __future__ import annotations

import re
import uuid
from datetime import date, datetime
from typing import Any
from xml.etree import ElementTree as ET

import defusedxml.ElementTree as SafeET
from defusedxml import DefusedXmlException

from abh_desk.errors import ValidationError

NS = "urn:xoev-de:xdomea:schema:3.0.0"
#: ABH Desk's application-specific data (AnwendungsspezifischeErweiterungXML, validated "lax").
ABH_NS = "urn:abh-desk:xdomea:fachdaten:1"
VERSION = "3.0.0"
PRODUCT = "ABH Desk"

ET.register_namespace("xdomea", NS)
ET.register_namespace("abh", ABH_NS)

#: Nachrichtentypen (code list urn:xoev-de:xdomea:codeliste:nachrichtentyp, version 2.0).
MESSAGE_NAMES = {
    "0401": "Abgabe.Abgabe.0401",
    "0402": "Abgabe.ImportBestaetigen.0402",
    "0501": "Aussonderung.Anbieteverzeichnis.0501",
    "0502": "Aussonderung.Bewertungsverzeichnis.0502",
    "0503": "Aussonderung.Aussonderung.0503",
    "0506": "Aussonderung.AussonderungImportBestaetigen.0506",
}
PDF_FORMAT_CODE = "018"  # Dateiformat code list 1.0: pdf – Portable Document Format
_UUID = re.compile(r"[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}")


class MessageError(ValidationError):
    """A message that cannot be read: the German message names what is wrong and where."""

    code = "xdomea_ungueltig"

    def __init__(self, key: str, /, **params: Any) -> None:
        super().__init__(key, field="xdomea", **params)


def q(name: str) -> str:
    return f"{{{NS}}}{name}"


def new_id() -> str:
    return str(uuid.uuid4())


def sub(parent: ET.Element, name: str, text: str | None = None, **attrs: str) -> ET.Element:
    element = ET.SubElement(parent, q(name), attrs)
    if text is not None:
        element.text = text
    return element


def code(parent: ET.Element, name: str, value: str, list_uri: str | None = None, version: str | None = None) -> None:
    attrs = {}
    if list_uri:
        attrs["listURI"] = list_uri
    if version:
        attrs["listVersionID"] = version
    element = sub(parent, name, **attrs)
    ET.SubElement(element, "code").text = value  # the XÖV code's own element is unqualified


def head(root: ET.Element, kind: str, process_id: str, created: datetime, sender: str, recipient: str) -> ET.Element:
    """The Kopf every message begins with; the caller appends the type's own fields."""
    kopf = sub(root, "Kopf")
    sub(kopf, "ProzessID", process_id)
    code(kopf, "Nachrichtentyp", kind, "urn:xoev-de:xdomea:codeliste:nachrichtentyp", "2.0")
    sub(kopf, "Erstellungszeitpunkt", created.replace(microsecond=0).isoformat())
    for role, name in (("Absender", sender), ("Empfaenger", recipient)):
        contact = sub(kopf, role)
        institution = sub(contact, "Institution")
        sub(institution, "Name", name)
    system = sub(kopf, "SendendesSystem")
    sub(system, "Produktname", PRODUCT)
    return kopf


def to_bytes(root: ET.Element) -> bytes:
    ET.indent(root)
    data: bytes = ET.tostring(root, encoding="utf-8", xml_declaration=True)
    return data


# --- reading -------------------------------------------------------------------------------------

MAX_MESSAGE_BYTES = 64 * 1024 * 1024


def parse(data: bytes, what: str) -> ET.Element:
    """The root of a message, or MessageError: not XML, too large, or declaring a DTD or entities."""
    if len(data) > MAX_MESSAGE_BYTES:
        raise MessageError(f"{what}: die Nachricht ist größer als {MAX_MESSAGE_BYTES // 2**20} MB.")
    try:
        root: ET.Element = SafeET.fromstring(data, forbid_dtd=True, forbid_entities=True, forbid_external=True)
    except DefusedXmlException as exc:
        raise MessageError(
            f"{what}: die Nachricht enthält eine DTD, Entitäten oder externe Verweise ({type(exc).__name__}) "
            "– solche Nachrichten werden aus Sicherheitsgründen nicht gelesen."
        ) from None
    except ET.ParseError as exc:
        raise MessageError(f"{what}: kein gültiges XML ({exc}).") from None
    return root


def message_kind(root: ET.Element) -> str:
    """The message's number ("0401"), from its root element in the xdomea namespace."""
    if not root.tag.startswith(f"{{{NS}}}"):
        raise MessageError(f"Keine xdomea-3.0.0-Nachricht (Wurzelelement {root.tag}).")
    name = root.tag.removeprefix(f"{{{NS}}}")
    for number, known in MESSAGE_NAMES.items():
        if name == known:
            return number
    raise MessageError(f"Die Nachricht {name} verarbeitet ABH Desk nicht.")


def need(parent: ET.Element, path: str, where: str) -> ET.Element:
    found = parent.find(_path(path))
    if found is None:
        raise MessageError(f"{where}: das Element {path} fehlt.")
    return found


def text(parent: ET.Element, path: str) -> str:
    found = parent.find(_path(path))
    return (found.text or "").strip() if found is not None else ""


def need_text(parent: ET.Element, path: str, where: str) -> str:
    value = (need(parent, path, where).text or "").strip()
    if not value:
        raise MessageError(f"{where}: das Element {path} ist leer.")
    return value


def need_id(parent: ET.Element, path: str, where: str) -> str:
    value = need_text(parent, path, where)
    if not _UUID.fullmatch(value):
        raise MessageError(f"{where}: {path} „{value[:60]}“ ist keine UUID.")
    return value.lower()


def read_date(value: str, where: str) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        raise MessageError(f"{where}: „{value[:40]}“ ist kein Datum (JJJJ-MM-TT).") from None


def children(parent: ET.Element, name: str) -> list[ET.Element]:
    return parent.findall(q(name))


def _path(path: str) -> str:
    return "/".join(part if part == "code" else q(part) for part in path.split("/"))
