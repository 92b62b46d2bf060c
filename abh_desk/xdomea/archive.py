"""Aussonderung (offering files to the public archive before they are deleted):

- ``Aussonderung.Anbieteverzeichnis.0501``: the due files, metadata only, offered for evaluation
- ``Aussonderung.Bewertungsverzeichnis.0502``: the archive's answer per file, archive (A) or destroy (V)
- ``Aussonderung.Aussonderung.0503``: the files the archive takes, with their primary documents
- ``Aussonderung.AussonderungImportBestaetigen.0506``: the archive confirms what it took in
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from xml.etree import ElementTree as ET

from abh_desk.xdomea import akte, xml
from abh_desk.xdomea.handover import ObjectResult, read_results
from abh_desk.xdomea.model import FileRecord, Parties
from abh_desk.xdomea.xml import MessageError, children, head, need, need_id, need_text, q, sub

ARCHIVE, DESTROY = "A", "V"


def offer_message(parties: Parties, created: datetime, records: list[FileRecord]) -> bytes:
    root = ET.Element(q(xml.MESSAGE_NAMES["0501"]))
    kopf = head(root, "0501", parties.process_id, created, parties.sender, parties.recipient)
    sub(kopf, "Empfangsbestaetigung", "false")
    for record in records:
        akte.write_file(root, record, documents=False)
    return xml.to_bytes(root)


def transfer_message(parties: Parties, created: datetime, records: list[FileRecord]) -> bytes:
    root = ET.Element(q(xml.MESSAGE_NAMES["0503"]))
    kopf = head(root, "0503", parties.process_id, created, parties.sender, parties.recipient)
    sub(kopf, "Importbestaetigung", "true")
    sub(kopf, "RueckmeldungArchivkennung", "true")
    sub(kopf, "Empfangsbestaetigung", "false")
    for record in records:
        akte.write_file(root, record, documents=True)
    return xml.to_bytes(root)


@dataclass(frozen=True)
class Evaluation:
    """The archive's answer (Bewertungsverzeichnis): per offered file, archive or destroy."""

    parties: Parties
    decisions: dict[str, str]


def read_evaluation(root: ET.Element) -> Evaluation:
    where = "Bewertungsverzeichnis (0502)"
    kopf = need(root, "Kopf", where)
    decisions: dict[str, str] = {}
    for n, element in enumerate(children(root, "BewertetesObjekt"), start=1):
        at = f"{where}, Objekt {n}"
        object_id = need_id(element, "ID", at)
        decision = need_text(element, "Aussonderungsart/Aussonderungsart/code", at)
        if decision not in (ARCHIVE, DESTROY):
            raise MessageError("xdomea_archive.unknown_decision", where=at, decision=decision[:10])
        if object_id in decisions:
            raise MessageError("xdomea_archive.evaluated_twice", where=at, object_id=object_id)
        decisions[object_id] = decision
    if not decisions:
        raise MessageError("xdomea_archive.nothing_evaluated", where=where)
    return Evaluation(
        Parties(need_id(kopf, "ProzessID", where), "", ""),
        decisions,
    )


def read_archive_receipt(root: ET.Element) -> tuple[Parties, list[ObjectResult]]:
    return read_results(root, "AusgesondertesSGO", "Übernahmebestätigung des Archivs (0506)")
