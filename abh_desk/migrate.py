"""Bringing a database to the newest schema with Alembic (first start, ``abh-desk db upgrade``)."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import text

from abh_desk.errors import ConfigurationError
from abh_desk.storage import Database

MIGRATIONS = Path(__file__).resolve().parent.parent / "models" / "migrations"
# Any number will do, as long as every workstation uses the same one.
_PG_MIGRATION_LOCK = 7_346_199_201


def alembic_config() -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    return config


def head_revision() -> str:
    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None
    return head


def current_revision(db: Database) -> str | None:
    with db.engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


def upgrade(db: Database) -> tuple[str | None, str]:
    """Migrate to head in one transaction; returns (revision before, revision after).

    On PostgreSQL an advisory lock keeps two workstations starting at once from migrating twice.
    """
    config = alembic_config()
    with db.write_sessions.kw["bind"].begin() as connection:
        if db.backend == "postgresql":
            connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": _PG_MIGRATION_LOCK})
        before = MigrationContext.configure(connection).get_current_revision()
        script = ScriptDirectory.from_config(config)
        if before is not None and before not in {s.revision for s in script.walk_revisions()}:
            raise ConfigurationError(
                f"Die Datenbank {db.display_url} hat den Schemastand {before}, den dieses Programm nicht "
                "kennt. Vermutlich wurde sie mit einer neueren Version von ABH Desk angelegt: bitte "
                "dieses Programm aktualisieren."
            )
        config.attributes["connection"] = connection
        command.upgrade(config, "head")
    return before, head_revision()


def needs_upgrade(db: Database) -> bool:
    return current_revision(db) != head_revision()
