"""Termine: the caseworkers' calendars, their absences, the office's slot lengths, the bookings
and walk-ins (Vorsprachen), and one row per occupied 5-minute unit of a caseworker's day.

Why the units: two bookings of one caseworker must never overlap, also when their lengths differ
(a 30-minute settlement permit at 08:00 and a 10-minute card pickup at 08:20). A unique key on the
start alone would miss that; an exclusion constraint over time ranges exists on PostgreSQL only.
So every booking writes the units it occupies into ``appointment_units``, whose primary key is
(caseworker, day, minute): the database itself refuses the second of two overlapping bookings on
SQLite and PostgreSQL alike, whatever the service checked before (two workstations at once). A
cancelled booking deletes its units; a rebooked one replaces them, in the same transaction.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Boolean, Date, ForeignKey, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from models.base import Base, UTCDateTime


class CaseworkerCalendar(Base):
    """A caseworker's own appointment hours (within the office's) and room."""

    __tablename__ = "caseworker_calendars"

    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"), primary_key=True)
    hours: Mapped[str] = mapped_column(Text, default="")
    """As ``domain.appointments.parse_hours`` reads it; empty: the office's hours."""
    room: Mapped[str] = mapped_column(String(40), default="")


class Absence(Base):
    """Abwesenheit (leave, training, illness): no appointments; the Vertretung takes them."""

    __tablename__ = "absences"

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"), index=True)
    valid_from: Mapped[date] = mapped_column(Date)
    valid_until: Mapped[date] = mapped_column(Date)
    reason: Mapped[str] = mapped_column(String(200))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)


class AppointmentLength(Base):
    """The office's own slot length for a procedure (or ``EAT-ABHOLUNG``), set by the administration."""

    __tablename__ = "appointment_lengths"

    purpose: Mapped[str] = mapped_column(String(40), primary_key=True)
    minutes: Mapped[int] = mapped_column(Integer)


class Appointment(Base):
    """Termin or Vorsprache (walk-in, with its waiting number)."""

    __tablename__ = "appointments"
    __table_args__ = (
        Index("ix_appointments_day_caseworker", "day", "caseworker_id", "start_minute"),
        UniqueConstraint("day", "waiting_number"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("persons.id"), index=True)
    case_id: Mapped[int | None] = mapped_column(ForeignKey("cases.id"), index=True)
    purpose: Mapped[str] = mapped_column(String(40))
    caseworker_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    owner_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    """Who is responsible; differs from ``caseworker_id`` where a deputy takes the appointment."""
    day: Mapped[date] = mapped_column(Date)
    start_minute: Mapped[int] = mapped_column(Integer)
    minutes: Mapped[int] = mapped_column(Integer)
    status: Mapped[str] = mapped_column(String(20))
    walk_in: Mapped[bool] = mapped_column(Boolean, default=False)
    waiting_number: Mapped[int | None] = mapped_column(Integer)
    arrived_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    done_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    note: Mapped[str | None] = mapped_column(String(500))
    reason: Mapped[str | None] = mapped_column(String(500))
    """Why it was cancelled or last rebooked."""
    booked_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime)
    version: Mapped[int] = mapped_column(Integer, default=1)

    __mapper_args__ = {"version_id_col": version}


class AppointmentUnit(Base):
    """One occupied 5-minute unit of a caseworker's day; the key makes double booking impossible."""

    __tablename__ = "appointment_units"

    caseworker_id: Mapped[int] = mapped_column(ForeignKey("users.id"), primary_key=True)
    day: Mapped[date] = mapped_column(Date, primary_key=True)
    minute: Mapped[int] = mapped_column(Integer, primary_key=True)
    appointment_id: Mapped[int] = mapped_column(ForeignKey("appointments.id", ondelete="CASCADE"), index=True)
