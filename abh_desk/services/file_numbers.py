"""Drawing the next Aktenzeichen inside the caller's transaction.

The counter row is incremented with a single upsert, so two workstations opening cases at the
same moment get different numbers (the row lock on PostgreSQL, the write lock on SQLite), and a
rolled-back case gives its number back.
"""

from __future__ import annotations

from typing import cast

from sqlalchemy import Table
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from abh_desk.domain.file_numbers import FileNumberPattern
from models import FileNumberCounter


def reserve_numbers(session: Session, scope: str, count: int = 1) -> int:
    """Advance the counter of ``scope`` by ``count``; returns the first reserved number."""
    dialect = session.get_bind().dialect.name
    insert = postgresql.insert if dialect == "postgresql" else sqlite.insert
    table = cast(Table, FileNumberCounter.__table__)
    stmt = (
        insert(table)
        .values(scope=scope, last_value=count)
        .on_conflict_do_update(index_elements=[table.c.scope], set_={"last_value": table.c.last_value + count})
        .returning(table.c.last_value)
    )
    last = session.execute(stmt).scalar_one()
    return int(last) - count + 1


def next_file_number(session: Session, pattern: FileNumberPattern, year: int, area: str) -> str:
    number = reserve_numbers(session, pattern.scope(year, area))
    return pattern.format(year, area, number)
