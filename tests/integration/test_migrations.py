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


def test_documents_taken_in_before_the_e_file_move_into_pieces(tmp_path) -> None:
    """Revision a4d2f9c61e38: a document stored whole (an xdomea import) is cut into pieces with its
    type and size, read back the same — and back again on downgrade."""
    from alembic import command
    from sqlalchemy import text

    db = Database(f"sqlite:///{tmp_path}/alt.sqlite3")
    config = migrate.alembic_config()
    content = b"%PDF-1.4\n" + bytes(range(256)) * 9000 + b"\n%%EOF\n"  # over two pieces
    with db.write_sessions.kw["bind"].begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "ee9babb78f50")
        columns = [  # every column a person must have, filled with something of its type
            (c[1], c[2]) for c in connection.execute(text("PRAGMA table_info(persons)")) if c[3] and c[4] is None
        ]
        values = {n: 1 if "INT" in t.upper() else ("2026-01-01" if "DATE" in t.upper() else "X") for n, t in columns}
        names = ", ".join(values)
        connection.execute(text(f"INSERT INTO persons ({names}) VALUES ({', '.join(':' + n for n in values)})"), values)
        connection.execute(
            text(
                "INSERT INTO case_documents (id, person_id, title, kind, file_name, content, sha256, origin, "
                "created_at) VALUES (1, 1, 'Antrag', 'antrag', 'a.pdf', :content, 'x', 'Freiburg', '2026-01-01')"
            ),
            {"content": content},
        )
        command.upgrade(config, "a4d2f9c61e38")
        row = connection.execute(text("SELECT media_type, size_bytes FROM case_documents")).one()
        pieces = connection.execute(text("SELECT data FROM document_chunks ORDER BY seq")).scalars().all()
        assert tuple(row) == ("application/pdf", len(content)) and len(pieces) == 3
        assert b"".join(pieces) == content
        command.downgrade(config, "ee9babb78f50")
        assert connection.execute(text("SELECT content FROM case_documents")).scalar_one() == content
    db.dispose()
