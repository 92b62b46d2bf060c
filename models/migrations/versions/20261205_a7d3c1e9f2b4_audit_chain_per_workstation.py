"""The audit trail as a chain per workstation (issue 21): every entry names its chain, and may carry
a cross-reference to the newest entry of another chain it saw (id and hash), so the chains are woven
together and a cut-off end of one breaks a later entry of another.

Plain ``ADD COLUMN`` (no batch copy of the table: on SQLite that would drop the append-only
triggers). Existing entries keep the chain ``''``; their hashes are unchanged, because the chain and
the cross-reference enter an entry's hash only where they are set.

Revision ID: a7d3c1e9f2b4
Revises: 84e7e37df9f9
Create Date: 2026-12-05 02:40:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

MESSAGE = "Das Protokoll (audit_events) kann nur ergänzt werden: Ändern und Löschen sind gesperrt."
# Every column but payload_json must stay as it was (frozen copy of 38e005c8f2b1's list, with the
# new columns). PostgreSQL's trigger function compares the whole row already.
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
)
NEW_COLUMNS = ("chain", "cross_id", "cross_hash")


def _sqlite_update_trigger(columns: Sequence[str]) -> str:
    unchanged = " AND ".join(f"NEW.{c} IS OLD.{c}" for c in columns)
    return (
        "CREATE TRIGGER audit_events_kein_update BEFORE UPDATE ON audit_events "
        f"WHEN NOT (NEW.payload_json IS NULL AND {unchanged}) "
        f"BEGIN SELECT RAISE(ABORT, '{MESSAGE}'); END"
    )


revision: str = "a7d3c1e9f2b4"
down_revision: str | None = "84e7e37df9f9"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column("audit_events", sa.Column("chain", sa.String(length=64), nullable=False, server_default=""))
    op.add_column("audit_events", sa.Column("cross_id", sa.Integer(), nullable=True))
    op.add_column("audit_events", sa.Column("cross_hash", sa.String(length=64), nullable=True))
    op.create_index("ix_audit_events_chain_id", "audit_events", ["chain", "id"], unique=False)
    if op.get_bind().dialect.name == "sqlite":  # the new columns are kept as they are, too
        op.execute("DROP TRIGGER IF EXISTS audit_events_kein_update")
        op.execute(_sqlite_update_trigger(KEPT_COLUMNS + NEW_COLUMNS))


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        op.execute("DROP TRIGGER IF EXISTS audit_events_kein_update")
        op.execute(_sqlite_update_trigger(KEPT_COLUMNS))
    op.drop_index("ix_audit_events_chain_id", table_name="audit_events")
    op.drop_column("audit_events", "cross_hash")
    op.drop_column("audit_events", "cross_id")
    op.drop_column("audit_events", "chain")
