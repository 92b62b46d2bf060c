"""Worklist indexes end in id: the first rows (ORDER BY due_date, id) come in order from the index

Revision ID: 99959739bc26
Revises: 1aa9d8eb606f
Create Date: 2026-11-21 08:31:35.696224
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = "99959739bc26"
down_revision: str | None = "1aa9d8eb606f"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("deadlines", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_deadlines_area_status_due"))
        batch_op.drop_index(batch_op.f("ix_deadlines_owner_status_due"))
        batch_op.create_index("ix_deadlines_area_status_due_id", ["area_id", "status", "due_date", "id"], unique=False)
        batch_op.create_index(
            "ix_deadlines_owner_status_due_id", ["owner_id", "status", "due_date", "id"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("deadlines", schema=None) as batch_op:
        batch_op.drop_index("ix_deadlines_owner_status_due_id")
        batch_op.drop_index("ix_deadlines_area_status_due_id")
        batch_op.create_index(
            batch_op.f("ix_deadlines_owner_status_due"), ["owner_id", "status", "due_date"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_deadlines_area_status_due"), ["area_id", "status", "due_date"], unique=False
        )
