"""Opening the program's world without Qt: database (migrated), catalogue, service context.

Used by the CLI and by ``main.py``; the GUI adds only windows on top.
"""

from __future__ import annotations

from abh_desk import db_checks, migrate
from abh_desk.clock import SYSTEM_CLOCK, Clock
from abh_desk.config import resolve_database_url
from abh_desk.domain.catalogue import load_catalogue
from abh_desk.services.audit_key_setup import set_up_if_new
from abh_desk.services.context import ServiceContext
from abh_desk.services.staff import ensure_areas
from abh_desk.storage import Database


def open_context(cli_url: str | None = None, upgrade: bool = True, clock: Clock = SYSTEM_CLOCK) -> ServiceContext:
    """Open (and on first start create and migrate) the database; load and check the catalogue."""
    catalogue = load_catalogue()
    db = Database(resolve_database_url(cli_url))
    db.check_connection()
    db_checks.check_sqlite(db, clock.now())
    if upgrade and migrate.needs_upgrade(db):
        migrate.upgrade(db)
    ctx = ServiceContext(db, catalogue, clock=clock)
    if upgrade:  # a new database gets the office's key of its audit trail before anything is written
        set_up_if_new(ctx)
    ensure_areas(ctx)
    return ctx
