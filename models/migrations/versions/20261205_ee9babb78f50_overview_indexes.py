"""Indexes for the overview and the statistics (issue 20): cases by day of application and by day
of decision, each carrying the columns the grouped counts read, so that a week, a month or a year
is one index range scan instead of a walk over every case — for the office, and (the area first)
for one area.

Revision ID: ee9babb78f50
Revises: c3a9e5f17d20
Create Date: 2026-12-05 00:00:00
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = "ee9babb78f50"
down_revision: str | None = "c3a9e5f17d20"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("cases", schema=None) as batch_op:
        batch_op.create_index("ix_cases_applied_area", ["applied_on", "area_id"], unique=False)
        batch_op.create_index("ix_cases_status_applied", ["status", "applied_on", "area_id", "owner_id"], unique=False)
        batch_op.create_index(
            "ix_cases_decided_status", ["decided_on", "status", "area_id", "applied_on", "procedure_key"], unique=False
        )
        # The same for one area (a team lead's overview): the area first, so the planner never
        # prefers ix_cases_area_status and a lookup of every case of the area.
        batch_op.create_index("ix_cases_area_applied", ["area_id", "applied_on"], unique=False)
        batch_op.create_index(
            "ix_cases_area_status_applied", ["area_id", "status", "applied_on", "owner_id"], unique=False
        )
        batch_op.create_index(
            "ix_cases_area_decided", ["area_id", "decided_on", "status", "applied_on", "procedure_key"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("cases", schema=None) as batch_op:
        batch_op.drop_index("ix_cases_area_decided")
        batch_op.drop_index("ix_cases_area_status_applied")
        batch_op.drop_index("ix_cases_area_applied")
        batch_op.drop_index("ix_cases_decided_status")
        batch_op.drop_index("ix_cases_status_applied")
        batch_op.drop_index("ix_cases_applied_area")
