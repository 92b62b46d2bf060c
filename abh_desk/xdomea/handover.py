"""Abgabe (hand-over to another authority): ``Abgabe.Abgabe.0401`` with the files and its receipt
``Abgabe.ImportBestaetigen.0402``, one success or failure per Schriftgutobjekt."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from xml.etree import ElementTree as ET

from abh_desk.xdomea import akte, xml
from abh_desk.xdomea.model import FileRecord, Parties
from abh_desk.xdomea.xml import MessageError, children, head, need, need_id, need_text, q, sub, text


def handover_message(parties: Parties, created: datetime, records: list[FileRecord], note: str = "") -> bytes:
    root = ET.Element(q(xml.MESSAGE_NAMES["0401"]))
    kopf = head(root, "0401", parties.process_id, created, parties.sender, parties.recipient)
    if note:
        sub(kopf, "Hinweis", note)
    sub(kopf, "Importbestaetigung", "true")
    sub(kopf, "Empfangsbestaetigung", "false")
    for record in records:
        akte.write_file(root, record, documents=True)
    return xml.to_bytes(root)


@dataclass(frozen=True)
class Handover:
    parties: Parties
    note: str
    records: list[FileRecord]


def read_handover(root: ET.Element, files: dict[str, bytes]) -> Handover:
    where = "Abgabe (0401)"
    kopf = need(root, "Kopf", where)
    return Handover(
        parties=_parties(kopf, where),
        note=text(kopf, "Hinweis"),
        records=akte.read_files(root, where, files),
    )


def _parties(kopf: ET.Element, where: str) -> Parties:
    return Parties(
        process_id=need_id(kopf, "ProzessID", where),
        sender=_contact_name(kopf, "Absender"),
        recipient=_contact_name(kopf, "Empfaenger"),
    )


def _contact_name(kopf: ET.Element, role: str) -> str:
    return (
        text(kopf, f"{role}/Institution/Name")
        or text(kopf, f"{role}/Organisationseinheit/Name")
        or text(kopf, f"{role}/Behoerdenkennung/Behoerdenschluessel/code")
    )


@dataclass(frozen=True)
class ObjectResult:
    """One line of a receipt: the Schriftgutobjekt, whether it was taken in, and why not."""

    object_id: str
    success: bool
    errors: tuple[str, ...] = ()
    archive_reference: str = ""


def receipt_message(parties: Parties, created: datetime, results: list[ObjectResult]) -> bytes:
    """Abgabe.ImportBestaetigen.0402, from the receiving authority back to the sender."""
    root = ET.Element(q(xml.MESSAGE_NAMES["0402"]))
    head(root, "0402", parties.process_id, created, parties.sender, parties.recipient)
    for result in results:
        line = sub(root, "AbgegebenesObjekt")
        sub(line, "IDSGO", result.object_id)
        sub(line, "Erfolgreich", "true" if result.success else "false")
        for error in result.errors:
            sub(line, "Fehlermeldung", error)
    return xml.to_bytes(root)


def read_results(root: ET.Element, line: str, where: str) -> tuple[Parties, list[ObjectResult]]:
    """The lines of a receipt (0402: ``AbgegebenesObjekt``, 0506: ``AusgesondertesSGO``)."""
    kopf = need(root, "Kopf", where)
    results = []
    for n, element in enumerate(children(root, line), start=1):
        at = f"{where}, Zeile {n}"
        success = need_text(element, "Erfolgreich", at)
        if success not in ("true", "false", "1", "0"):
            raise MessageError("xdomea_handover.success_not_boolean", where=at)
        results.append(
            ObjectResult(
                object_id=need_id(element, "IDSGO", at),
                success=success in ("true", "1"),
                errors=tuple((e.text or "").strip() for e in children(element, "Fehlermeldung")),
                archive_reference=text(element, "Archivkennung"),
            )
        )
    if not results:
        raise MessageError("xdomea_handover.no_objects", where=where)
    return _parties(kopf, where), results
