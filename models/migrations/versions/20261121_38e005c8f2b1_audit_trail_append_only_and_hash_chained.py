"""Audit trail append-only and hash-chained

The chain hashes of existing entries are computed (in id order), then triggers refuse every
UPDATE and DELETE of audit_events (and TRUNCATE on PostgreSQL) - except an UPDATE that only sets
payload_json to NULL, the erasure of personal data at the end of its retention period.

Revision ID: 38e005c8f2b1
Revises: 10b3f2bca066
Create Date: 2026-11-21 07:10:47.854262
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import sqlalchemy as sa
from alembic import op

import models.base
from abh_desk import audit_chain

revision: str = "38e005c8f2b1"
down_revision: str | None = "10b3f2bca066"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

MESSAGE = "Das Protokoll (audit_events) kann nur ergänzt werden: Ändern und Löschen sind gesperrt."
# Every column but payload_json must stay as it was; a new column of audit_events belongs here too
# (tests/integration/test_audit_chain.py tries to change each one).
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

events = sa.table(
    "audit_events",
    sa.column("id", sa.Integer),
    sa.column("occurred_at", models.base.UTCDateTime()),
    sa.column("user_id", sa.Integer),
    sa.column("action", sa.String),
    sa.column("entity", sa.String),
    sa.column("entity_id", sa.Integer),
    sa.column("case_id", sa.Integer),
    sa.column("payload_json", sa.Text),
    sa.column("payload_hash", sa.String),
    sa.column("chain_hash", sa.String),
)


def _backfill(batch_size: int = 10_000) -> None:
    bind = op.get_bind()
    previous, last_id = audit_chain.GENESIS, 0
    while True:
        rows = bind.execute(
            sa.select(events).where(events.c.id > last_id).order_by(events.c.id).limit(batch_size)
        ).mappings()
        updates: list[dict[str, Any]] = []
        for row in rows:
            event = dict(row)
            if event["payload_hash"] is None:
                event["payload_hash"] = audit_chain.payload_hash(event["payload_json"] or "")
            previous = audit_chain.link(previous, event)
            updates.append({"key": event["id"], "payload": event["payload_hash"], "chain": previous})
        if not updates:
            return
        last_id = updates[-1]["key"]
        bind.execute(
            events.update()
            .where(events.c.id == sa.bindparam("key"))
            .values(payload_hash=sa.bindparam("payload"), chain_hash=sa.bindparam("chain")),
            updates,
        )


def upgrade() -> None:
    _backfill()
    if op.get_bind().dialect.name == "postgresql":
        op.execute(
            f"""
            CREATE FUNCTION audit_events_nur_anfuegen() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                IF TG_OP = 'UPDATE' AND NEW.payload_json IS NULL
                   AND to_jsonb(NEW) - 'payload_json' = to_jsonb(OLD) - 'payload_json' THEN
                    RETURN NEW;
                END IF;
                RAISE EXCEPTION '{MESSAGE}' USING ERRCODE = 'restrict_violation';
            END
            $$
            """
        )
        for name, when in (("update", "UPDATE"), ("delete", "DELETE")):
            op.execute(
                f"CREATE TRIGGER audit_events_kein_{name} BEFORE {when} ON audit_events "
                "FOR EACH ROW EXECUTE FUNCTION audit_events_nur_anfuegen()"
            )
        op.execute(
            "CREATE TRIGGER audit_events_kein_truncate BEFORE TRUNCATE ON audit_events "
            "FOR EACH STATEMENT EXECUTE FUNCTION audit_events_nur_anfuegen()"
        )
        return
    unchanged = " AND ".join(f"NEW.{c} IS OLD.{c}" for c in KEPT_COLUMNS)
    op.execute(
        "CREATE TRIGGER audit_events_kein_update BEFORE UPDATE ON audit_events "
        f"WHEN NOT (NEW.payload_json IS NULL AND {unchanged}) "
        f"BEGIN SELECT RAISE(ABORT, '{MESSAGE}'); END"
    )
    op.execute(
        "CREATE TRIGGER audit_events_kein_delete BEFORE DELETE ON audit_events "
        f"BEGIN SELECT RAISE(ABORT, '{MESSAGE}'); END"
    )


def downgrade() -> None:
    postgresql = op.get_bind().dialect.name == "postgresql"
    for name in ("update", "delete", "truncate") if postgresql else ("update", "delete"):
        op.execute(f"DROP TRIGGER IF EXISTS audit_events_kein_{name}" + (" ON audit_events" if postgresql else ""))
    if postgresql:
        op.execute("DROP FUNCTION IF EXISTS audit_events_nur_anfuegen()")
