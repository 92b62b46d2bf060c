"""Bringing a database to the newest schema with Alembic (first start, ``abh-desk db upgrade``)."""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import inspect, text

from abh_desk.errors import ConfigurationError
from abh_desk.storage import Database

if TYPE_CHECKING:
    from alembic.config import Config

# Alembic itself (0.15 s to import) is only loaded when a database must be migrated.
_REVISION = re.compile(r"^revision(?:: str)? = [\"']([0-9a-f]+)[\"']", re.MULTILINE)
_DOWN = re.compile(r"^down_revision(?:: [^=]+)? = [\"']([0-9a-f]+)[\"']", re.MULTILINE)

MIGRATIONS = Path(__file__).resolve().parent.parent / "models" / "migrations"
# Any number will do, as long as every workstation uses the same one.
_PG_MIGRATION_LOCK = 7_346_199_201


def alembic_config() -> Config:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    return config


@cache
def head_revision() -> str:
    """The newest revision, read from the migration files without Alembic (the program's start
    checks it; ``tests/integration/test_migrations.py`` holds it equal to Alembic's own head)."""
    revisions, parents = set(), set()
    for script in (MIGRATIONS / "versions").glob("*.py"):
        source = script.read_text(encoding="utf-8")
        if match := _REVISION.search(source):
            revisions.add(match.group(1))
        parents.update(_DOWN.findall(source))
    heads = revisions - parents
    if len(heads) != 1:
        raise ConfigurationError("migrate.not_one_head", heads=sorted(heads))
    return heads.pop()


def current_revision(db: Database) -> str | None:
    with db.engine.connect() as connection:
        if not inspect(connection).has_table("alembic_version"):
            return None
        return connection.execute(text("SELECT version_num FROM alembic_version")).scalar()


def upgrade(db: Database) -> tuple[str | None, str]:
    """Migrate to head in one transaction; returns (revision before, revision after).

    On PostgreSQL an advisory lock keeps two workstations starting at once from migrating twice.
    """
    from alembic import command
    from alembic.runtime.migration import MigrationContext
    from alembic.script import ScriptDirectory

    config = alembic_config()
    with db.write_sessions.kw["bind"].begin() as connection:
        if db.backend == "postgresql":
            connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": _PG_MIGRATION_LOCK})
        before = MigrationContext.configure(connection).get_current_revision()
        script = ScriptDirectory.from_config(config)
        if before is not None and before not in {s.revision for s in script.walk_revisions()}:
            raise ConfigurationError("migrate.unknown_revision", url=db.display_url, revision=before)
        config.attributes["connection"] = connection
        command.upgrade(config, "head")
    return before, head_revision()


def needs_upgrade(db: Database) -> bool:
    return current_revision(db) != head_revision()
