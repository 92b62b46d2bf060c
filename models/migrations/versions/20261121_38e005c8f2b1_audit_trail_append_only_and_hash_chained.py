"""Audit trail append-only and hash-chained; retention rules

The chain hashes of existing entries are computed (in id order), then triggers refuse every
UPDATE and DELETE of audit_events (and TRUNCATE on PostgreSQL) - except an UPDATE that only sets
payload_json to NULL, the erasure of personal data at the end of its retention period.
The retention rule table gets the rule domain.md §11 names (§ 91 Abs. 1 AufenthG).

Revision ID: 38e005c8f2b1
Revises: d89a7aa97f77
Create Date: 2026-11-21 07:10:47.854262
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from datetime import datetime, timezone
from typing import Any

import sqlalchemy as sa
from alembic import op

revision: str = "38e005c8f2b1"
down_revision: str | None = "d89a7aa97f77"
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
    sa.column("occurred_at", sa.DateTime()),  # naive UTC, as stored
    sa.column("user_id", sa.Integer),
    sa.column("action", sa.String),
    sa.column("entity", sa.String),
    sa.column("entity_id", sa.Integer),
    sa.column("case_id", sa.Integer),
    sa.column("payload_json", sa.Text),
    sa.column("payload_hash", sa.String),
    sa.column("chain_hash", sa.String),
)


# The hashes as this revision defined them, frozen here: a later change of abh_desk.audit_chain
# must not change what this migration wrote (a migration imports no application code).
GENESIS = ""


def _payload_hash(payload_json: str) -> str:
    return hashlib.sha256(payload_json.encode("utf-8")).hexdigest()


def _text(value: str | None) -> str:
    return "null" if value is None else json.encoder.encode_basestring_ascii(value)


def _number(value: int | None) -> str:
    return "null" if value is None else str(int(value))


def _time_text(moment: datetime) -> str:
    if moment.tzinfo is not None:
        moment = moment.astimezone(timezone.utc).replace(tzinfo=None)
    return moment.isoformat(timespec="microseconds") + "Z"


def _link(previous: str, event: dict[str, Any]) -> str:
    metadata = (
        f'[{_number(event["id"])},"{_time_text(event["occurred_at"])}",{_number(event["user_id"])},'
        f"{_text(event['action'])},{_text(event['entity'])},{_number(event['entity_id'])},"
        f"{_number(event['case_id'])},{_text(event['payload_hash'])}]"
    )
    return hashlib.sha256(f"{previous}\n{metadata}".encode()).hexdigest()


def _backfill(batch_size: int = 10_000) -> None:
    bind = op.get_bind()
    previous, last_id = GENESIS, 0
    while True:
        rows = bind.execute(
            sa.select(events).where(events.c.id > last_id).order_by(events.c.id).limit(batch_size)
        ).mappings()
        updates: list[dict[str, Any]] = []
        for row in rows:
            event = dict(row)
            if event["payload_hash"] is None:
                event["payload_hash"] = _payload_hash(event["payload_json"] or "")
            previous = _link(previous, event)
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


DEFAULT_RULES = [
    {
        "key": "ausweisung_abschiebung",
        "label": "Daten über Ausweisung und Abschiebung: 10 Jahre nach Ablauf der Einreisesperre löschen",
        "legal_basis": "§ 91 Abs. 1 AufenthG",
        "trigger": "einreisesperre_ende",
        "years": 10,
        "active": True,
        "version": 1,
    }
]


def _retention_tables() -> None:
    rules = op.create_table(
        "retention_rules",
        sa.Column("key", sa.String(length=40), nullable=False),
        sa.Column("label", sa.String(length=200), nullable=False),
        sa.Column("legal_basis", sa.String(length=100), nullable=False),
        sa.Column("trigger", sa.String(length=40), nullable=False),
        sa.Column("years", sa.Integer(), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_retention_rules")),
    )
    op.bulk_insert(rules, DEFAULT_RULES)
    op.create_table(
        "retention_events",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=40), nullable=False),
        sa.Column("occurred_on", sa.Date(), nullable=False),
        sa.Column("recorded_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["person_id"], ["persons.id"], name=op.f("fk_retention_events_person_id_persons"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_retention_events")),
    )
    with op.batch_alter_table("retention_events", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_retention_events_person_id"), ["person_id"], unique=False)


def upgrade() -> None:
    _retention_tables()
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
    with op.batch_alter_table("retention_events", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_retention_events_person_id"))
    op.drop_table("retention_events")
    op.drop_table("retention_rules")
    postgresql = op.get_bind().dialect.name == "postgresql"
    for name in ("update", "delete", "truncate") if postgresql else ("update", "delete"):
        op.execute(f"DROP TRIGGER IF EXISTS audit_events_kein_{name}" + (" ON audit_events" if postgresql else ""))
    if postgresql:
        op.execute("DROP FUNCTION IF EXISTS audit_events_nur_anfuegen()")
