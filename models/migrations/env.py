"""Alembic environment. The program runs migrations through ``abh_desk.migrate``, which hands a
connection in ``config.attributes["connection"]``; the ``alembic`` command line (see alembic.ini)
opens its own from ``ABH_DESK_DATABASE_URL`` or the ini's ``sqlalchemy.url``."""

from __future__ import annotations

import os
from typing import Any, Literal

from alembic import context
from alembic.autogenerate.api import AutogenContext
from sqlalchemy import Connection, create_engine, pool
from sqlalchemy.types import TypeDecorator

from models import Base

config = context.config
target_metadata = Base.metadata


def _render_item(kind: str, item: Any, autogen: AutogenContext) -> str | Literal[False]:
    """A revision is frozen: it names the stored type (``sa.DateTime()``), never the program's
    type decorator (``models.base.UTCDateTime``), so a later change of the models cannot change
    an old migration (tests/unit/test_layers.py)."""
    if kind == "type" and isinstance(item, TypeDecorator):
        return f"sa.{item.impl_instance!r}"
    return False


def _run(connection: Connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=True,
        compare_type=True,
        render_item=_render_item,
    )
    with context.begin_transaction():
        context.run_migrations()


def run_migrations_online() -> None:
    connection = config.attributes.get("connection")
    if connection is not None:
        _run(connection)
        return
    url = os.environ.get("ABH_DESK_DATABASE_URL") or config.get_main_option("sqlalchemy.url")
    engine = create_engine(url or "sqlite:///abh-desk-dev.sqlite3", poolclass=pool.NullPool)
    with engine.begin() as conn:
        _run(conn)


if context.is_offline_mode():
    context.configure(
        url=config.get_main_option("sqlalchemy.url"),
        target_metadata=target_metadata,
        literal_binds=True,
        render_as_batch=True,
    )
    with context.begin_transaction():
        context.run_migrations()
else:
    run_migrations_online()
