"""Audit entries cannot be replaced: SQLite's INSERT OR REPLACE removed an entry without firing the
DELETE trigger (issue 24, part 2). A BEFORE INSERT trigger refuses an id the trail already holds.

On PostgreSQL ``INSERT … ON CONFLICT DO UPDATE`` fires the UPDATE trigger, which refuses it already.
The statement text is written out here (frozen), not imported from the application.

Revision ID: e51f0a7c2b93
Revises: 8db81932bbc2
Create Date: 2026-12-04 23:20:00
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = "e51f0a7c2b93"
down_revision: str | None = "8db81932bbc2"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

MESSAGE = "Das Protokoll (audit_events) kann nur ergänzt werden: Ändern und Löschen sind gesperrt."


def upgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        return
    op.execute(
        "CREATE TRIGGER audit_events_kein_ersetzen BEFORE INSERT ON audit_events "
        "WHEN EXISTS (SELECT 1 FROM audit_events WHERE id = NEW.id) "
        f"BEGIN SELECT RAISE(ABORT, '{MESSAGE}'); END"
    )


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        op.execute("DROP TRIGGER IF EXISTS audit_events_kein_ersetzen")
