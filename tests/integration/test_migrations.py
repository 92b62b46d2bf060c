"""The Alembic history builds exactly the schema of the mappings, on both databases."""

from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import inspect

from abh_desk import migrate
from abh_desk.storage import Database
from models import Base


def test_migrations_match_the_mappings(database: Database) -> None:
    assert migrate.current_revision(database) == migrate.head_revision()
    with database.engine.connect() as connection:
        diff = compare_metadata(MigrationContext.configure(connection, opts={"compare_type": True}), Base.metadata)
    assert diff == []


def test_first_upgrade_creates_every_table_and_a_second_changes_nothing(tmp_path) -> None:
    db = Database(f"sqlite:///{tmp_path}/neu.sqlite3")
    assert migrate.needs_upgrade(db)
    before, after = migrate.upgrade(db)
    assert before is None and after == migrate.head_revision()
    assert set(inspect(db.engine).get_table_names()) >= set(Base.metadata.tables)
    assert migrate.upgrade(db) == (after, after)
    assert not migrate.needs_upgrade(db)
    db.dispose()


def test_the_quick_head_read_at_start_is_alembics_head() -> None:
    from alembic.script import ScriptDirectory

    assert migrate.head_revision() == ScriptDirectory.from_config(migrate.alembic_config()).get_current_head()
