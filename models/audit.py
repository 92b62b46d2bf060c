"""Audit events: who changed or read what, when, with old and new values (domain.md §11).

The hash fields prepare the tamper-evident chain: ``payload_hash`` covers the payload,
``chain_hash`` covers the previous chain hash and this event's metadata and payload hash, so
that a payload can be erased for retention without breaking the chain.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from models.base import Base, UTCDateTime


class AuditEvent(Base):
    __tablename__ = "audit_events"
    __table_args__ = (
        Index("ix_audit_events_entity", "entity", "entity_id"),
        Index("ix_audit_events_chain_id", "chain", "id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    occurred_at: Mapped[datetime] = mapped_column(UTCDateTime)
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    action: Mapped[str] = mapped_column(String(40))
    entity: Mapped[str] = mapped_column(String(40))
    entity_id: Mapped[int | None] = mapped_column(Integer)
    case_id: Mapped[int | None] = mapped_column(Integer, index=True)
    payload_json: Mapped[str | None] = mapped_column(Text)
    payload_hash: Mapped[str | None] = mapped_column(String(64))
    chain_hash: Mapped[str | None] = mapped_column(String(64))
    chain: Mapped[str] = mapped_column(String(64), default="", server_default="")
    """The chain the entry belongs to: a workstation's on PostgreSQL, ``''`` on SQLite (one writer)
    and for the entries written before chains per workstation."""
    cross_id: Mapped[int | None] = mapped_column(Integer)
    cross_hash: Mapped[str | None] = mapped_column(String(64))
    """The newest entry of another chain this entry's workstation saw when appending (id, hash)."""
    mac: Mapped[str | None] = mapped_column(String(64))
    """HMAC-SHA256 of ``chain_hash`` under the office's key (``abh_desk.audit_key``); None for
    entries written before the key existed."""
