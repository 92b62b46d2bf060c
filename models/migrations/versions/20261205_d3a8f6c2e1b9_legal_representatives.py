"""Gesetzliche Vertreter of a person (parents, Vormund, Jugendamt as Amtsvormund, Betreuer): a
minor's notices are addressed to them (§ 80 AufenthG, §§ 12, 41 VwVfG).

Revision ID: d3a8f6c2e1b9
Revises: c5d1e7a9b3f2
Create Date: 2026-12-05 09:00:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "d3a8f6c2e1b9"
down_revision: str | None = "c5d1e7a9b3f2"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "legal_representatives",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("family_name", sa.String(length=200), nullable=False),
        sa.Column("given_names", sa.String(length=200), nullable=False),
        sa.Column("sex", sa.String(length=1), nullable=False),
        sa.Column("authority", sa.String(length=200), nullable=True),
        sa.Column("street", sa.String(length=200), nullable=False),
        sa.Column("postcode", sa.String(length=10), nullable=False),
        sa.Column("city", sa.String(length=100), nullable=False),
        sa.Column("valid_from", sa.Date(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["person_id"],
            ["persons.id"],
            name=op.f("fk_legal_representatives_person_id_persons"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_legal_representatives")),
    )
    op.create_index(op.f("ix_legal_representatives_person_id"), "legal_representatives", ["person_id"], unique=False)


def downgrade() -> None:
    op.drop_index(op.f("ix_legal_representatives_person_id"), table_name="legal_representatives")
    op.drop_table("legal_representatives")
