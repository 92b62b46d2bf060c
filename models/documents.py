"""The e-file's documents (Dokumente der E-Akte): scans and files received at the counter, and the
documents that came with a file from another authority. The content lies in the database, in
pieces of about a megabyte (``DocumentChunk``), so that one backup and one retention run cover it
and neither storing nor reading a document holds more than a piece in memory."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Date, ForeignKey, Integer, LargeBinary, String
from sqlalchemy.orm import Mapped, mapped_column

from models.base import Base, UTCDateTime


class CaseDocument(Base):
    """A document of the e-file, kept with the person and, where it belongs to one, the case and
    the checklist item it answers; its SHA-256 is also in the audit trail (``dokument_hinzugefuegt``)."""

    __tablename__ = "case_documents"

    id: Mapped[int] = mapped_column(primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("persons.id", ondelete="CASCADE"), index=True)
    case_id: Mapped[int | None] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), index=True)
    checklist_item_id: Mapped[int | None] = mapped_column(
        ForeignKey("checklist_items.id", ondelete="SET NULL"), index=True
    )
    title: Mapped[str] = mapped_column(String(500))
    kind: Mapped[str] = mapped_column(String(100))
    file_name: Mapped[str] = mapped_column(String(255))
    media_type: Mapped[str] = mapped_column(String(40), default="application/pdf", server_default="application/pdf")
    size_bytes: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    page_count: Mapped[int] = mapped_column(Integer, default=1, server_default="1")
    sha256: Mapped[str] = mapped_column(String(64))
    dated_on: Mapped[date | None] = mapped_column(Date)
    origin: Mapped[str] = mapped_column(String(200))
    added_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)


class DocumentChunk(Base):
    """One piece of a document's content, in order (``seq`` from 0)."""

    __tablename__ = "document_chunks"

    document_id: Mapped[int] = mapped_column(ForeignKey("case_documents.id", ondelete="CASCADE"), primary_key=True)
    seq: Mapped[int] = mapped_column(Integer, primary_key=True)
    data: Mapped[bytes] = mapped_column(LargeBinary)
