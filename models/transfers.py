"""Files leaving and arriving by xdomea: hand-overs to and from other authorities (Abgabe,
Übernahme) and the offer of files to the archive
(Anbietung, Aussonderung) before their deletion."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Date, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from models.base import Base, UTCDateTime


class FileTransfer(Base):
    """One person's file handed over to another authority (``abgabe``) or taken in (``uebernahme``):
    who, to or from whom, what (``summary_json``: Aktenzeichen and counts), when."""

    __tablename__ = "file_transfers"

    id: Mapped[int] = mapped_column(primary_key=True)
    direction: Mapped[str] = mapped_column(String(20))
    person_id: Mapped[int] = mapped_column(ForeignKey("persons.id", ondelete="CASCADE"), index=True)
    process_id: Mapped[str] = mapped_column(String(36), index=True)
    file_uuid: Mapped[str] = mapped_column(String(36))
    counterpart: Mapped[str] = mapped_column(String(200))
    transferred_on: Mapped[date] = mapped_column(Date)
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    summary_json: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    confirmed_on: Mapped[date | None] = mapped_column(Date)
    """The day the receiving authority's receipt (0402) was read."""
    confirmation: Mapped[str | None] = mapped_column(Text)
    version: Mapped[int] = mapped_column(Integer, default=1)

    __mapper_args__ = {"version_id_col": version}


class ArchiveOffer(Base):
    """A person's file offered to the public archive (Anbietung, 0501); the archive's evaluation
    (0502: ``archivieren`` or ``vernichten``); the hand-over of what it takes (0503) and its
    confirmation (0506). Until the archive released the file, it is not deleted."""

    __tablename__ = "archive_offers"

    id: Mapped[int] = mapped_column(primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("persons.id", ondelete="CASCADE"), index=True)
    file_uuid: Mapped[str] = mapped_column(String(36), unique=True)
    offer_process_id: Mapped[str] = mapped_column(String(36), index=True)
    offered_on: Mapped[date] = mapped_column(Date)
    answer_due: Mapped[date] = mapped_column(Date)
    decision: Mapped[str | None] = mapped_column(String(20))
    decided_on: Mapped[date | None] = mapped_column(Date)
    transfer_process_id: Mapped[str | None] = mapped_column(String(36))
    transferred_on: Mapped[date | None] = mapped_column(Date)
    archived_on: Mapped[date | None] = mapped_column(Date)
    archive_reference: Mapped[str | None] = mapped_column(String(200))
    version: Mapped[int] = mapped_column(Integer, default=1)

    __mapper_args__ = {"version_id_col": version}
