"""Cases (Vorgänge), their document checklist, deadlines and the Aktenzeichen counter."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Boolean, Date, ForeignKey, Index, Integer, String, Text
from sqlalchemy import false as sa_false
from sqlalchemy.orm import Mapped, mapped_column

from models.base import Base, UTCDateTime


class Case(Base):
    """Vorgang: one application or procedure for one person."""

    __tablename__ = "cases"
    __table_args__ = (
        Index("ix_cases_owner_status", "owner_id", "status"),
        Index("ix_cases_area_status", "area_id", "status"),
        # The overview and the statistics (issue 20): a week, month or year of applications or
        # decisions as one index range, with the columns their grouped counts read.
        Index("ix_cases_applied_area", "applied_on", "area_id"),
        Index("ix_cases_status_applied", "status", "applied_on", "area_id", "owner_id"),
        Index("ix_cases_decided_status", "decided_on", "status", "area_id", "applied_on", "procedure_key"),
        Index("ix_cases_area_applied", "area_id", "applied_on"),
        Index("ix_cases_area_status_applied", "area_id", "status", "applied_on", "owner_id"),
        Index("ix_cases_area_decided", "area_id", "decided_on", "status", "applied_on", "procedure_key"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    file_number: Mapped[str] = mapped_column(String(40), unique=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("persons.id"), index=True)
    procedure_key: Mapped[str] = mapped_column(String(40))
    area_id: Mapped[int] = mapped_column(ForeignKey("areas.id"))
    owner_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    status: Mapped[str] = mapped_column(String(30))
    applied_on: Mapped[date] = mapped_column(Date)
    decided_on: Mapped[date | None] = mapped_column(Date)
    fee_cents: Mapped[int | None] = mapped_column(Integer)
    entry_date: Mapped[date | None] = mapped_column(Date)
    facts_json: Mapped[str] = mapped_column(Text, default="[]", server_default="[]")
    """Facts the caseworker recorded (JSON list of catalogue conditions, e.g. ["sprachkurs"])."""
    note: Mapped[str | None] = mapped_column(Text)
    outcome_note: Mapped[str | None] = mapped_column(Text)
    """How the case ended where no notice says it: the withdrawal (received how) or the reason for closing."""
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime)
    version: Mapped[int] = mapped_column(Integer, default=1)

    __mapper_args__ = {"version_id_col": version}


class ChecklistItem(Base):
    """One required document of a case (erforderliche Unterlage): missing, received or waived."""

    __tablename__ = "checklist_items"

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(String(500))
    condition: Mapped[str | None] = mapped_column(String(40))
    extra: Mapped[bool] = mapped_column(Boolean, default=False)
    #: Prüfung durch die Behörde (§ 24 VwVfG): a condition the caseworker establishes, not a document
    #: the applicant brings; never in a Nachforderung or the count of missing documents.
    authority_check: Mapped[bool] = mapped_column(Boolean, default=False, server_default=sa_false())
    status: Mapped[str] = mapped_column(String(20))
    received_on: Mapped[date | None] = mapped_column(Date)
    waiver_reason: Mapped[str | None] = mapped_column(String(500))
    version: Mapped[int] = mapped_column(Integer, default=1)

    __mapper_args__ = {"version_id_col": version}


class Deadline(Base):
    """Frist: a dated duty of a case, created by an event and closed when fulfilled.

    ``event_date`` is the input it was computed from (posting date, expiry date …), so that a
    corrected input recomputes it; ``nominal_date`` is the end before § 193 BGB moved it.
    """

    __tablename__ = "deadlines"
    __table_args__ = (
        Index("ix_deadlines_status_due", "status", "due_date"),
        # Ending in id: a worklist's first rows (ORDER BY due_date, id) come in order straight from
        # the index; without it PostgreSQL walked every open deadline of the office (BENCHMARKS.md).
        Index("ix_deadlines_owner_status_due_id", "owner_id", "status", "due_date", "id"),
        Index("ix_deadlines_area_status_due_id", "area_id", "status", "due_date", "id"),
        # Without id: PostgreSQL deduplicates these, and a worklist group's count reads a tenth of
        # the pages (issue 21; the migration 4d5e28773c9e says more).
        Index("ix_deadlines_owner_status_due", "owner_id", "status", "due_date"),
        Index("ix_deadlines_area_status_due", "area_id", "status", "due_date"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), index=True)
    # The case's owner and area, copied so that a worklist is one index range scan; kept in step
    # by every service that changes a case's owner (deadlines.follow_owner).
    owner_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    area_id: Mapped[int] = mapped_column(ForeignKey("areas.id"))
    title_id: Mapped[int | None] = mapped_column(ForeignKey("residence_titles.id"), index=True)
    # The letter whose posting started it (a notice's Rechtsbehelfsfrist): two notices of one case
    # posted on the same day keep their own deadlines.
    letter_id: Mapped[int | None] = mapped_column(ForeignKey("letters.id"), index=True)
    kind: Mapped[str] = mapped_column(String(40))
    event_date: Mapped[date] = mapped_column(Date)
    nominal_date: Mapped[date] = mapped_column(Date)
    due_date: Mapped[date] = mapped_column(Date)
    status: Mapped[str] = mapped_column(String(20))
    source_event: Mapped[str] = mapped_column(String(200))
    note: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    closed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    version: Mapped[int] = mapped_column(Integer, default=1)

    __mapper_args__ = {"version_id_col": version}


class FileNumberCounter(Base):
    """The running number behind Aktenzeichen, one row per scope (e.g. per year)."""

    __tablename__ = "file_number_counters"

    scope: Mapped[str] = mapped_column(String(40), primary_key=True)
    last_value: Mapped[int] = mapped_column(Integer)


class CaseAccess(Base):
    """Access to a case beyond one's responsibility: shared with a user (``geteilt``, by the owner
    or the team lead) or opened with a recorded reason (``begruendet``, for that day)."""

    __tablename__ = "case_access"
    __table_args__ = (Index("ix_case_access_user_case", "user_id", "case_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), index=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    kind: Mapped[str] = mapped_column(String(20))
    reason: Mapped[str] = mapped_column(Text)
    granted_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    granted_at: Mapped[datetime] = mapped_column(UTCDateTime)
    valid_until: Mapped[date | None] = mapped_column(Date)
