"""The Schriftgutobjekt of a person's file (Akte → Vorgang → Dokument), written and read; shared by
the hand-over (0401) and the archive messages (0501, 0503)."""

from __future__ import annotations

import json
from datetime import date
from xml.etree import ElementTree as ET

from abh_desk.xdomea import xml
from abh_desk.xdomea.model import CaseRecord, Document, FileRecord, JsonDict, Retention
from abh_desk.xdomea.xml import MessageError, children, code, need, need_id, need_text, q, read_date, sub, text

MAX_DATA_CHARS = 8 * 1024 * 1024


def write_file(parent: ET.Element, record: FileRecord, *, documents: bool) -> None:
    """``<Schriftgutobjekt><Akte>…`` under ``parent``; with ``documents`` the Dokumente and their
    primary documents are named (hand-over, Aussonderung), without only the metadata (Anbietung)."""
    akte = sub(sub(parent, "Schriftgutobjekt"), "Akte")
    sub(sub(akte, "Identifikation"), "ID", record.id)
    meta = sub(akte, "AllgemeineMetadaten")
    sub(meta, "Betreff", record.subject)
    if record.retention is not None:
        _retention(akte, record.retention)
    _period(akte, [c.opened for c in record.cases], [c.closed for c in record.cases])
    if record.cases or (documents and record.documents):
        content = sub(akte, "Akteninhalt")
        if documents:
            for number, document in enumerate(record.documents, start=1):
                _document(sub(content, "Dokument"), document, number)
        for number, case in enumerate(record.cases, start=1):
            _case(sub(content, "Vorgang"), case, number, documents)
    contact = sub(akte, "Kontakt")
    name = sub(contact, "Name")
    sub(sub(name, "Familienname"), "Name", record.family_name)
    if record.given_names:
        sub(sub(name, "Vorname"), "Name", record.given_names)
    if record.street or record.city:
        address = sub(contact, "Anschrift")
        if record.street:
            sub(address, "Strasse", record.street)
        if record.postcode:
            sub(address, "Postleitzahl", record.postcode)
        if record.city:
            sub(address, "Ort", record.city)
    if record.birth_date is not None:
        sub(sub(contact, "Geburt"), "Datum", record.birth_date.isoformat())
    _data(akte, record.data)


def _retention(parent: ET.Element, retention: Retention) -> None:
    archive = sub(parent, "ArchivspezifischeMetadaten")
    duration = sub(archive, "Aufbewahrungsdauer")
    sub(duration, "AnzahlJahre", str(retention.years))
    kind = sub(archive, "Aussonderungsart")
    code(kind, "Aussonderungsart", "B", "urn:xoev-de:xdomea:codeliste:aussonderungsart", "1.0")
    if retention.proposal:
        code(
            archive,
            "Bewertungsvorschlag",
            retention.proposal,
            "urn:xoev-de:xdomea:codeliste:bewertungsvorschlag",
            "1.0",
        )
    sub(archive, "Aufbewahrungsende", retention.ends_on.isoformat())


def _period(parent: ET.Element, starts: list[date | None], ends: list[date | None]) -> None:
    known = [d for d in starts if d is not None]
    if not known:
        return
    period = sub(parent, "Laufzeit")
    sub(period, "Beginn", min(known).isoformat())
    if ends and all(d is not None for d in ends):
        sub(period, "Ende", max(d for d in ends if d is not None).isoformat())


def _case(vorgang: ET.Element, case: CaseRecord, number: int, documents: bool) -> None:
    ident = sub(vorgang, "Identifikation")
    sub(ident, "ID", case.id)
    sub(ident, "NummerImUebergeordnetenContainer", str(number))
    meta = sub(vorgang, "AllgemeineMetadaten")
    sub(meta, "Betreff", case.subject)
    sub(meta, "Kennzeichen", case.file_number)
    sub(vorgang, "Typ", case.procedure_key)
    if case.closed is not None:
        sub(vorgang, "ZdA", "true")
        sub(vorgang, "ZdADatum", case.closed.isoformat())
    _period(vorgang, [case.opened], [case.closed])
    if documents:
        for n, document in enumerate(case.documents, start=1):
            _document(sub(vorgang, "Dokument"), document, n)
    _data(vorgang, case.data)


def _document(element: ET.Element, document: Document, number: int) -> None:
    ident = sub(element, "Identifikation")
    sub(ident, "ID", document.id)
    sub(ident, "NummerImUebergeordnetenContainer", str(number))
    sub(sub(element, "AllgemeineMetadaten"), "Betreff", document.title)
    if document.posted is not None:
        sub(element, "Postausgangsdatum", document.posted.isoformat())
    if document.dated is not None:
        sub(element, "DatumDesSchreibens", document.dated.isoformat())
    sub(element, "Typ", document.kind)
    version = sub(element, "Version")
    sub(version, "Nummer", "1")
    form = sub(version, "Format")
    code(form, "Name", xml.PDF_FORMAT_CODE, "urn:xoev-de:xdomea:codeliste:dateiformat", "1.0")
    sub(form, "Version", "1.4")
    primary = sub(form, "Primaerdokument")
    sub(primary, "Dateiname", document.file_name)
    _data(element, document.data)


def _data(parent: ET.Element, data: JsonDict) -> None:
    if not data:
        return
    extension = sub(parent, "AnwendungsspezifischeErweiterungXML")
    element = ET.SubElement(extension, f"{{{xml.ABH_NS}}}Fachdaten", {"format": "json", "version": "1"})
    element.text = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


# --- reading -------------------------------------------------------------------------------------


def read_files(root: ET.Element, where: str, files: dict[str, bytes] | None) -> list[FileRecord]:
    """Every Akte of the message. ``files`` are the package's files by name: each primary document
    named must be among them (``None``: a message without documents, such as the Anbieteverzeichnis)."""
    objects = children(root, "Schriftgutobjekt")
    if not objects:
        raise MessageError("xdomea_akte.no_objects", where=where)
    records = []
    for n, sgo in enumerate(objects, start=1):
        akte = sgo.find(q("Akte"))
        if akte is None:
            raise MessageError("xdomea_akte.not_a_file", where=where, number=n)
        records.append(_read_file(akte, f"{where}, Akte {n}", files))
    return records


def _read_file(akte: ET.Element, where: str, files: dict[str, bytes] | None) -> FileRecord:
    file_id = need_id(akte, "Identifikation/ID", where)
    contact = akte.find(q("Kontakt"))
    family = text(contact, "Name/Familienname/Name") if contact is not None else ""
    data = _read_data(akte, where)
    if not family and not data:
        raise MessageError("xdomea_akte.person_missing", where=where)
    content = akte.find(q("Akteninhalt"))
    cases: list[CaseRecord] = []
    documents: list[Document] = []
    if content is not None:
        for n, element in enumerate(children(content, "Dokument"), start=1):
            documents.append(_read_document(element, f"{where}, Dokument {n}", files))
        for n, element in enumerate(children(content, "Vorgang"), start=1):
            cases.append(_read_case(element, f"{where}, Vorgang {n}", files))
    birth = read_date(text(contact, "Geburt/Datum"), where) if contact is not None else None
    return FileRecord(
        id=file_id,
        subject=text(akte, "AllgemeineMetadaten/Betreff"),
        family_name=family,
        given_names=text(contact, "Name/Vorname/Name") if contact is not None else "",
        birth_date=birth,
        street=text(contact, "Anschrift/Strasse") if contact is not None else "",
        postcode=text(contact, "Anschrift/Postleitzahl") if contact is not None else "",
        city=text(contact, "Anschrift/Ort") if contact is not None else "",
        cases=tuple(cases),
        documents=tuple(documents),
        data=data,
    )


def _read_case(vorgang: ET.Element, where: str, files: dict[str, bytes] | None) -> CaseRecord:
    case_id = need_id(vorgang, "Identifikation/ID", where)
    documents = [
        _read_document(element, f"{where}, Dokument {n}", files)
        for n, element in enumerate(children(vorgang, "Dokument"), start=1)
    ]
    if vorgang.find(q("Teilvorgang")) is not None:
        raise MessageError("xdomea_akte.sub_cases", where=where)
    return CaseRecord(
        id=case_id,
        file_number=text(vorgang, "AllgemeineMetadaten/Kennzeichen"),
        subject=text(vorgang, "AllgemeineMetadaten/Betreff"),
        procedure_key=text(vorgang, "Typ"),
        opened=read_date(text(vorgang, "Laufzeit/Beginn"), where),
        closed=read_date(text(vorgang, "ZdADatum") or text(vorgang, "Laufzeit/Ende"), where),
        documents=tuple(documents),
        data=_read_data(vorgang, where),
    )


def _read_document(element: ET.Element, where: str, files: dict[str, bytes] | None) -> Document:
    document_id = need_id(element, "Identifikation/ID", where)
    name = ""
    content = b""
    if files is not None:
        name = need_text(need(element, "Version/Format/Primaerdokument", where), "Dateiname", where)
        if name not in files:
            raise MessageError("xdomea_akte.document_missing", where=where, name=name[:120])
        content = files[name]
    return Document(
        id=document_id,
        title=text(element, "AllgemeineMetadaten/Betreff") or name,
        kind=text(element, "Typ"),
        file_name=name,
        content=content,
        dated=read_date(text(element, "DatumDesSchreibens") or text(element, "Posteingangsdatum"), where),
        posted=read_date(text(element, "Postausgangsdatum"), where),
        data=_read_data(element, where),
    )


def _read_data(parent: ET.Element, where: str) -> JsonDict:
    extension = parent.find(q("AnwendungsspezifischeErweiterungXML"))
    if extension is None:
        return {}
    element = extension.find(f"{{{xml.ABH_NS}}}Fachdaten")
    if element is None:
        return {}  # another program's extension: not ours to read
    raw = element.text or ""
    if len(raw) > MAX_DATA_CHARS:
        raise MessageError("xdomea_akte.data_too_large", where=where)
    try:
        data = json.loads(raw)
    except ValueError:
        raise MessageError("xdomea_akte.data_not_json", where=where) from None
    if not isinstance(data, dict):
        raise MessageError("xdomea_akte.data_wrong_shape", where=where)
    return data
