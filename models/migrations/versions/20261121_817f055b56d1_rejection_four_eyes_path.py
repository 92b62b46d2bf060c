"""Letters: the four-eyes path of a rejection (hearing, review, dispatch, remedy, finality).

Revision ID: 817f055b56d1
Revises: 10b3f2bca066
Create Date: 2026-11-21 07:08:27.178800
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "817f055b56d1"
down_revision: str | None = "10b3f2bca066"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("letters", schema=None) as batch_op:
        batch_op.add_column(sa.Column("last_edited_by_id", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("submitted_at", sa.DateTime(), nullable=True))
        batch_op.add_column(sa.Column("hearing_letter_id", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("hearing_waiver_reason", sa.Text(), nullable=True))
        batch_op.add_column(sa.Column("statement_received_on", sa.Date(), nullable=True))
        batch_op.add_column(sa.Column("returned_data_json", sa.Text(), nullable=True))
        batch_op.add_column(sa.Column("delivered_on", sa.Date(), nullable=True))
        batch_op.add_column(sa.Column("remedy_kind", sa.String(length=20), nullable=True))
        batch_op.add_column(sa.Column("remedy_received_on", sa.Date(), nullable=True))
        batch_op.add_column(sa.Column("remedy_outcome", sa.String(length=30), nullable=True))
        batch_op.add_column(sa.Column("remedy_outcome_on", sa.Date(), nullable=True))
        batch_op.add_column(sa.Column("final_on", sa.Date(), nullable=True))
        batch_op.create_index("ix_letters_kind_status", ["kind", "status"], unique=False)
        batch_op.create_foreign_key(
            batch_op.f("fk_letters_last_edited_by_id_users"), "users", ["last_edited_by_id"], ["id"]
        )
        batch_op.create_foreign_key(
            batch_op.f("fk_letters_hearing_letter_id_letters"), "letters", ["hearing_letter_id"], ["id"]
        )


def downgrade() -> None:
    with op.batch_alter_table("letters", schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f("fk_letters_hearing_letter_id_letters"), type_="foreignkey")
        batch_op.drop_constraint(batch_op.f("fk_letters_last_edited_by_id_users"), type_="foreignkey")
        batch_op.drop_index("ix_letters_kind_status")
        batch_op.drop_column("final_on")
        batch_op.drop_column("remedy_outcome_on")
        batch_op.drop_column("remedy_outcome")
        batch_op.drop_column("remedy_received_on")
        batch_op.drop_column("remedy_kind")
        batch_op.drop_column("delivered_on")
        batch_op.drop_column("returned_data_json")
        batch_op.drop_column("statement_received_on")
        batch_op.drop_column("hearing_waiver_reason")
        batch_op.drop_column("hearing_letter_id")
        batch_op.drop_column("submitted_at")
        batch_op.drop_column("last_edited_by_id")
