"""Case access beyond one's responsibility: shared with a user, or opened with a recorded reason.

Revision ID: 1aa9d8eb606f
Revises: 38e005c8f2b1
Create Date: 2026-11-21 07:50:05.300844
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "1aa9d8eb606f"
down_revision: str | None = "38e005c8f2b1"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "case_access",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("granted_by_id", sa.Integer(), nullable=True),
        sa.Column("granted_at", sa.DateTime(), nullable=False),
        sa.Column("valid_until", sa.Date(), nullable=True),
        sa.ForeignKeyConstraint(
            ["case_id"], ["cases.id"], name=op.f("fk_case_access_case_id_cases"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(["granted_by_id"], ["users.id"], name=op.f("fk_case_access_granted_by_id_users")),
        sa.ForeignKeyConstraint(["user_id"], ["users.id"], name=op.f("fk_case_access_user_id_users")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_case_access")),
    )
    with op.batch_alter_table("case_access", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_case_access_case_id"), ["case_id"], unique=False)
        batch_op.create_index("ix_case_access_user_case", ["user_id", "case_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("case_access", schema=None) as batch_op:
        batch_op.drop_index("ix_case_access_user_case")
        batch_op.drop_index(batch_op.f("ix_case_access_case_id"))

    op.drop_table("case_access")
