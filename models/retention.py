"""Retention (Aufbewahrung, domain.md §11): the rule table and the dated events periods run from.

A rule says: ``years`` after an event of kind ``trigger`` (end of an entry ban, moving away …)
a person's file is deleted. Administrators change the rules (shared by every workstation); the
default comes with the migration.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Boolean, Date, ForeignKey, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from models.base import Base, UTCDateTime


class RetentionRule(Base):
    __tablename__ = "retention_rules"

    key: Mapped[str] = mapped_column(String(40), primary_key=True)
    label: Mapped[str] = mapped_column(String(200))
    legal_basis: Mapped[str] = mapped_column(String(100))
    trigger: Mapped[str] = mapped_column(String(40))
    years: Mapped[int] = mapped_column(Integer)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    version: Mapped[int] = mapped_column(Integer, default=1)

    __mapper_args__ = {"version_id_col": version}


class RetentionEvent(Base):
    """Aufbewahrungsanlass: an event a retention period runs from, recorded for a person."""

    __tablename__ = "retention_events"

    id: Mapped[int] = mapped_column(primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("persons.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(40))
    occurred_on: Mapped[date] = mapped_column(Date)
    recorded_at: Mapped[datetime] = mapped_column(UTCDateTime)
