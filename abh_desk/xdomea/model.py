"""A person's file on its way to another authority or the archive, as plain data.

The standard's own elements carry what any system understands (the Akte with the person as its
Kontakt, a Vorgang per case with its Aktenzeichen, a Dokument per letter with its PDF); ``data``
holds ABH Desk's complete record of the same object (``AnwendungsspezifischeErweiterungXML``), so
that another ABH Desk takes the file in without loss.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

JsonDict = dict[str, Any]


@dataclass(frozen=True)
class Document:
    """Dokument with its primary document (Primärdokument), a PDF in the package."""

    id: str
    title: str
    kind: str
    file_name: str
    content: bytes
    dated: date | None = None
    posted: date | None = None
    data: JsonDict = field(default_factory=dict)


@dataclass(frozen=True)
class CaseRecord:
    """Vorgang: one case with its Aktenzeichen (Kennzeichen) and procedure (Typ: the FIM key)."""

    id: str
    file_number: str
    subject: str
    procedure_key: str
    opened: date | None
    closed: date | None
    documents: tuple[Document, ...] = ()
    data: JsonDict = field(default_factory=dict)


@dataclass(frozen=True)
class Retention:
    """Archivspezifische Metadaten of a file offered to the archive."""

    years: int
    ends_on: date
    proposal: str = ""
    """Bewertungsvorschlag: "A" archive, "V" destroy, "" none."""


@dataclass(frozen=True)
class FileRecord:
    """Akte: a person's file (Ausländerakte) with its cases."""

    id: str
    subject: str
    family_name: str
    given_names: str
    birth_date: date | None
    street: str = ""
    postcode: str = ""
    city: str = ""
    cases: tuple[CaseRecord, ...] = ()
    documents: tuple[Document, ...] = ()
    data: JsonDict = field(default_factory=dict)
    retention: Retention | None = None

    def all_documents(self) -> tuple[Document, ...]:
        return self.documents + tuple(d for case in self.cases for d in case.documents)


@dataclass(frozen=True)
class Parties:
    """Kopf: the process, who sends, who receives."""

    process_id: str
    sender: str
    recipient: str
