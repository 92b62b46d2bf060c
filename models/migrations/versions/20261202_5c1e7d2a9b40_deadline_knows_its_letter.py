"""A deadline knows the letter that started it (deadlines.letter_id)

Until now a notice and its Rechtsbehelfsfrist were joined on (case, kind, posting day); two notices
of one case posted on the same day matched each other's deadline. Existing objection deadlines get
the latest rejection notice of their case posted on their event day.

Revision ID: 5c1e7d2a9b40
Revises: 41efcb10b6c0
Create Date: 2026-12-02 21:00:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "5c1e7d2a9b40"
down_revision: str | None = "41efcb10b6c0"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("deadlines", schema=None) as batch_op:
        batch_op.add_column(sa.Column("letter_id", sa.Integer(), nullable=True))
        batch_op.create_index(batch_op.f("ix_deadlines_letter_id"), ["letter_id"], unique=False)
        batch_op.create_foreign_key(batch_op.f("fk_deadlines_letter_id_letters"), "letters", ["letter_id"], ["id"])
    op.execute(
        """
        UPDATE deadlines SET letter_id = (
            SELECT max(letters.id) FROM letters
            WHERE letters.case_id = deadlines.case_id
              AND letters.kind = 'ablehnungsbescheid'
              AND letters.posted_on = deadlines.event_date
        )
        WHERE kind = 'rechtsbehelfsfrist'
        """
    )


def downgrade() -> None:
    with op.batch_alter_table("deadlines", schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f("fk_deadlines_letter_id_letters"), type_="foreignkey")
        batch_op.drop_index(batch_op.f("ix_deadlines_letter_id"))
        batch_op.drop_column("letter_id")
