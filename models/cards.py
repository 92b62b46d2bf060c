"""The eAT card's way: order to the Bundesdruckerei, arrival, notification, handover."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Boolean, Date, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from models.base import Base, UTCDateTime


class CardOrder(Base):
    __tablename__ = "card_orders"

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), index=True)
    status: Mapped[str] = mapped_column(String(20), index=True)
    ordered_on: Mapped[date] = mapped_column(Date)
    order_number: Mapped[str | None] = mapped_column(String(40))
    expected_on: Mapped[date | None] = mapped_column(Date)
    arrived_on: Mapped[date | None] = mapped_column(Date)
    card_serial: Mapped[str | None] = mapped_column(String(20), index=True)
    chip_checked: Mapped[bool] = mapped_column(Boolean, default=False)
    notified_on: Mapped[date | None] = mapped_column(Date)
    notified_how: Mapped[str | None] = mapped_column(String(20))
    closed_on: Mapped[date | None] = mapped_column(Date)
    # Why the card left the office other than by handover (returned to the Bundesdruckerei, destroyed).
    closed_reason: Mapped[str | None] = mapped_column(String(500))
    version: Mapped[int] = mapped_column(Integer, default=1)

    __mapper_args__ = {"version_id_col": version}


class CardHandover(Base):
    """Aushändigung: every field of domain.md §8."""

    __tablename__ = "card_handovers"

    id: Mapped[int] = mapped_column(primary_key=True)
    card_order_id: Mapped[int] = mapped_column(ForeignKey("card_orders.id"), unique=True)
    handed_over_at: Mapped[datetime] = mapped_column(UTCDateTime)
    recipient_kind: Mapped[str] = mapped_column(String(20))
    recipient_name: Mapped[str] = mapped_column(String(200))
    agent_id_number: Mapped[str | None] = mapped_column(String(40))
    power_of_attorney: Mapped[bool] = mapped_column(Boolean, default=False)
    identity_check: Mapped[str] = mapped_column(String(200))
    card_serial: Mapped[str] = mapped_column(String(20))
    online_id_enabled: Mapped[bool] = mapped_column(Boolean)
    old_documents_json: Mapped[str] = mapped_column(Text, default="[]")
    supplementary_sheet: Mapped[bool] = mapped_column(Boolean, default=False)
    fingerprints_deleted_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    # The fee collected at the counter on handover (cents), where the office collects it then.
    fee_cents: Mapped[int | None] = mapped_column(Integer)
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    """Who handed the card over; None where it was another office's (a file taken in by xdomea)."""
