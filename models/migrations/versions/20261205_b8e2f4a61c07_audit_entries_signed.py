"""Audit entries signed with the office's key (issue 24, part 2): a nullable ``mac`` column,
HMAC-SHA256 of the entry's chain hash under a key held outside the database. Entries written
before the key existed have none.

Plain ``ADD COLUMN`` (no batch copy of the table: on SQLite that would drop the append-only
triggers). SQLite's update trigger lists the columns that must stay as they are: ``mac`` joins
them. PostgreSQL's trigger function compares the whole row already.

Revision ID: b8e2f4a61c07
Revises: 4d5e28773c9e
Create Date: 2026-12-05 06:10:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

MESSAGE = "Das Protokoll (audit_events) kann nur ergänzt werden: Ändern und Löschen sind gesperrt."
# Every column but payload_json must stay as it was (frozen copy of 4d5e28773c9e's list).
KEPT_COLUMNS = (
    "id",
    "occurred_at",
    "user_id",
    "action",
    "entity",
    "entity_id",
    "case_id",
    "payload_hash",
    "chain_hash",
    "chain",
    "cross_id",
    "cross_hash",
)


def _sqlite_update_trigger(columns: Sequence[str]) -> str:
    unchanged = " AND ".join(f"NEW.{c} IS OLD.{c}" for c in columns)
    return (
        "CREATE TRIGGER audit_events_kein_update BEFORE UPDATE ON audit_events "
        f"WHEN NOT (NEW.payload_json IS NULL AND {unchanged}) "
        f"BEGIN SELECT RAISE(ABORT, '{MESSAGE}'); END"
    )


revision: str = "b8e2f4a61c07"
down_revision: str | None = "4d5e28773c9e"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column("audit_events", sa.Column("mac", sa.String(length=64), nullable=True))
    if op.get_bind().dialect.name == "sqlite":
        op.execute("DROP TRIGGER IF EXISTS audit_events_kein_update")
        op.execute(_sqlite_update_trigger((*KEPT_COLUMNS, "mac")))


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        op.execute("DROP TRIGGER IF EXISTS audit_events_kein_update")
        op.execute(_sqlite_update_trigger(KEPT_COLUMNS))
    op.drop_column("audit_events", "mac")
