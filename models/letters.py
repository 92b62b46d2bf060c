"""Letters (Schreiben, Bescheide) kept with their case: the PDF and the data it was made from."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Date, ForeignKey, Index, Integer, LargeBinary, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from models.base import Base, UTCDateTime


class Letter(Base):
    __tablename__ = "letters"

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(40))
    status: Mapped[str] = mapped_column(String(30), index=True)
    data_json: Mapped[str] = mapped_column(Text)
    pdf: Mapped[bytes | None] = mapped_column(LargeBinary)
    pdf_sha256: Mapped[str | None] = mapped_column(String(64))
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    reviewed_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    reviewed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    review_comment: Mapped[str | None] = mapped_column(Text)
    posted_on: Mapped[date | None] = mapped_column(Date)
    dispatch_method: Mapped[str | None] = mapped_column(String(30))
    notification_date: Mapped[date | None] = mapped_column(Date)
    # The four-eyes path of a rejection (domain.md §7); see abh_desk/services/rejections.py.
    last_edited_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    submitted_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    hearing_letter_id: Mapped[int | None] = mapped_column(ForeignKey("letters.id"))
    hearing_waiver_reason: Mapped[str | None] = mapped_column(Text)
    statement_received_on: Mapped[date | None] = mapped_column(Date)
    returned_data_json: Mapped[str | None] = mapped_column(Text)
    delivered_on: Mapped[date | None] = mapped_column(Date)
    remedy_kind: Mapped[str | None] = mapped_column(String(20))
    remedy_received_on: Mapped[date | None] = mapped_column(Date)
    remedy_outcome: Mapped[str | None] = mapped_column(String(30))
    remedy_outcome_on: Mapped[date | None] = mapped_column(Date)
    final_on: Mapped[date | None] = mapped_column(Date)
    version: Mapped[int] = mapped_column(Integer, default=1)

    __table_args__ = (Index("ix_letters_kind_status", "kind", "status"),)
    __mapper_args__ = {"version_id_col": version}
