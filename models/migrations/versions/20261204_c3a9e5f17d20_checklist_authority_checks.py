"""Checklist lines the authority checks itself (Prüfung durch die Behörde, § 24 VwVfG)

Lines stored from the catalogue before the catalogue kept these proofs apart ("Nachweis, dass kein
Ausweisungsinteresse vorliegt", "… Interessen der Bundesrepublik …", "Zustimmung der
Bundesagentur für Arbeit") become checks: no Nachforderung asks the applicant for them any more.

Revision ID: c3a9e5f17d20
Revises: e51f0a7c2b93
Create Date: 2026-12-04 23:20:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "c3a9e5f17d20"
down_revision: str | None = "e51f0a7c2b93"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

#: The catalogue's earlier wording of proofs the authority establishes itself (not lines a
#: caseworker added to one case: those have extra = true and stay as they are).
EARLIER_TEXTS = (
    "Nachweis, dass kein Ausweisungsinteresse vorliegt",
    "Nachweis, dass der Aufenthalt die Interessen der Bundesrepublik Deutschland nicht gefährdet oder beeinträchtigt",
    "Nachweis, dass kein Ausweisungsinteresse und keine sonstigen Gründe der öffentlichen Sicherheit oder Ordnung "
    "der Erteilung entgegenstehen",
    "Zustimmung der Bundesagentur für Arbeit (wird in der Regel von der Ausländerbehörde eingeholt)",
)


def upgrade() -> None:
    # A plain ADD COLUMN (SQLite allows it with a constant default): the table is not copied.
    op.add_column(
        "checklist_items", sa.Column("authority_check", sa.Boolean(), server_default=sa.false(), nullable=False)
    )
    items = sa.table(
        "checklist_items",
        sa.column("text", sa.String),
        sa.column("extra", sa.Boolean),
        sa.column("authority_check", sa.Boolean),
    )
    op.execute(
        items.update()
        .where(items.c.text.in_(EARLIER_TEXTS), items.c.extra.is_(sa.false()))
        .values(authority_check=sa.true())
    )


def downgrade() -> None:
    with op.batch_alter_table("checklist_items", schema=None) as batch_op:
        batch_op.drop_column("authority_check")
