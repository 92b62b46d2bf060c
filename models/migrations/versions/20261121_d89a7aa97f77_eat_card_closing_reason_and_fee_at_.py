"""eAT: why a card was closed without handover (returned, destroyed), and the fee collected at handover

Revision ID: d89a7aa97f77
Revises: 817f055b56d1
Create Date: 2026-11-21 07:08:54.915328
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "d89a7aa97f77"
down_revision: str | None = "817f055b56d1"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("card_handovers", schema=None) as batch_op:
        batch_op.add_column(sa.Column("fee_cents", sa.Integer(), nullable=True))

    with op.batch_alter_table("card_orders", schema=None) as batch_op:
        batch_op.add_column(sa.Column("closed_reason", sa.String(length=500), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("card_orders", schema=None) as batch_op:
        batch_op.drop_column("closed_reason")

    with op.batch_alter_table("card_handovers", schema=None) as batch_op:
        batch_op.drop_column("fee_cents")
