"""Persons (Stammdaten) and their residence titles (Aufenthaltstitel)."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Date, ForeignKey, Index, Integer, SmallInteger, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from models.base import Base, KeyString, UTCDateTime


class Person(Base):
    """The foreigner. Names are stored in NFC; ``*_key`` hold the folded search form.

    The birth date may be partly unknown (only the year, or year and month), as passports of
    some states record it: the three parts are separate columns.
    """

    __tablename__ = "persons"
    __table_args__ = (
        # With the id, PostgreSQL answers a name prefix from the index alone, in display order
        # (without it, it read 13,213 heap pages and sorted; BENCHMARKS.md).
        Index("ix_persons_family_key_given_key", "family_name_key", "given_names_key", "id"),
        Index("ix_persons_birth", "birth_year", "birth_month", "birth_day"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    family_name: Mapped[str] = mapped_column(String(200))
    given_names: Mapped[str] = mapped_column(String(200), default="")
    birth_name: Mapped[str | None] = mapped_column(String(200))
    family_name_key: Mapped[str] = mapped_column(KeyString(200))
    given_names_key: Mapped[str] = mapped_column(KeyString(200), default="")
    # Zuständigkeit: the family name folded as domain.md §5 says, and (only where it differs) the
    # same with leading particles skipped ("van der Berg" → BERG), for offices that skip them.
    routing_key: Mapped[str] = mapped_column(KeyString(200), default="", server_default="")
    routing_key_skipped: Mapped[str | None] = mapped_column(KeyString(200))
    birth_year: Mapped[int | None] = mapped_column(SmallInteger)
    birth_month: Mapped[int | None] = mapped_column(SmallInteger)
    birth_day: Mapped[int | None] = mapped_column(SmallInteger)
    birth_place: Mapped[str | None] = mapped_column(String(200))
    nationality: Mapped[str] = mapped_column(String(3))
    sex: Mapped[str] = mapped_column(String(1))
    street: Mapped[str | None] = mapped_column(String(200))
    postcode: Mapped[str | None] = mapped_column(String(10))
    city: Mapped[str | None] = mapped_column(String(100))
    passport_number: Mapped[str | None] = mapped_column(KeyString(30), index=True)
    azr_number: Mapped[str | None] = mapped_column(String(20), index=True)
    phone: Mapped[str | None] = mapped_column(String(50))
    email: Mapped[str | None] = mapped_column(String(200))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime)
    version: Mapped[int] = mapped_column(Integer, default=1)

    __mapper_args__ = {"version_id_col": version}


class ResidenceTitle(Base):
    """Aufenthaltstitel (or Visum, Fiktionsbescheinigung …) held by a person, with its history."""

    __tablename__ = "residence_titles"
    __table_args__ = (Index("ix_residence_titles_valid_until", "valid_until"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("persons.id", ondelete="CASCADE"), index=True)
    case_id: Mapped[int | None] = mapped_column(ForeignKey("cases.id"))
    kind: Mapped[str] = mapped_column(String(100))
    legal_basis: Mapped[str] = mapped_column(String(100))
    valid_from: Mapped[date] = mapped_column(Date)
    valid_until: Mapped[date | None] = mapped_column(Date)
    conditions: Mapped[str | None] = mapped_column(Text)
    card_serial: Mapped[str | None] = mapped_column(String(20))
    reminded_on: Mapped[date | None] = mapped_column(Date)
    """The day a reminder letter to apply for the extension went out (the title leaves the list)."""
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    version: Mapped[int] = mapped_column(Integer, default=1)

    __mapper_args__ = {"version_id_col": version}


class LegalRepresentative(Base):
    """Gesetzliche Vertretung of a person who cannot act in proceedings herself (§ 80 AufenthG,
    § 12 VwVfG): a parent (jointly or alone), a Vormund, the Jugendamt as Amtsvormund, or for an
    adult a Betreuer with Einwilligungsvorbehalt. ``kind`` is an ``abh_desk.domain.representation``
    kind; an Amtsvormund has the authority's name in ``authority`` (the names may name the official)."""

    __tablename__ = "legal_representatives"

    id: Mapped[int] = mapped_column(primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("persons.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(20))
    family_name: Mapped[str] = mapped_column(String(200), default="")
    given_names: Mapped[str] = mapped_column(String(200), default="")
    sex: Mapped[str] = mapped_column(String(1), default="x")
    authority: Mapped[str | None] = mapped_column(String(200))
    street: Mapped[str] = mapped_column(String(200))
    postcode: Mapped[str] = mapped_column(String(10))
    city: Mapped[str] = mapped_column(String(100))
    valid_from: Mapped[date | None] = mapped_column(Date)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime)
    version: Mapped[int] = mapped_column(Integer, default=1)

    __mapper_args__ = {"version_id_col": version}
