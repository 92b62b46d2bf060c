"""Bewilligungen: the decision that grants an application, with the title it was made from — and,
where the office wants four eyes on grants, the proposal a team lead approves or returns."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Boolean, Date, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from models.base import Base, UTCDateTime


class Grant(Base):
    """One grant of a case: proposed (``zur_pruefung``), returned (``zurueckgegeben``) or in force
    (``erteilt``, with the residence title it created)."""

    __tablename__ = "grants"

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), index=True)
    status: Mapped[str] = mapped_column(String(20), index=True)
    title_kind: Mapped[str | None] = mapped_column(String(100))
    legal_basis: Mapped[str | None] = mapped_column(String(100))
    valid_from: Mapped[date | None] = mapped_column(Date)
    valid_until: Mapped[date | None] = mapped_column(Date)
    conditions: Mapped[str | None] = mapped_column(Text)
    """Nebenbestimmungen (conditions and requirements of the title), or what was granted without one."""
    fee_cents: Mapped[int | None] = mapped_column(Integer)
    fee_reason: Mapped[str | None] = mapped_column(Text)
    """Why the fee differs from the catalogue's (an exemption under § 53 AufenthV, for instance)."""
    card: Mapped[bool] = mapped_column(Boolean, default=False)
    proposed_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    proposed_at: Mapped[datetime] = mapped_column(UTCDateTime)
    reviewed_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    reviewed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    review_comment: Mapped[str | None] = mapped_column(Text)
    decided_on: Mapped[date | None] = mapped_column(Date)
    title_id: Mapped[int | None] = mapped_column(ForeignKey("residence_titles.id"))
    version: Mapped[int] = mapped_column(Integer, default=1)

    __mapper_args__ = {"version_id_col": version}
