"""Raw connections for the baselines: the same SQL without the service layer and without SQLAlchemy.

Hand-written SQL uses ``?`` placeholders on both backends (turned into ``%s`` for psycopg);
statements captured from SQLAlchemy keep the driver's own placeholders and parameters.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from random import Random
from typing import Any

import psycopg
from sqlalchemy import Engine, event
from sqlalchemy.engine import URL

from benchmarks.harness import Plan

Captured = tuple[str, Any]


class RawSql:
    """One DB-API connection in autocommit mode (a read is one statement, no BEGIN/ROLLBACK)."""

    def __init__(self, backend: str, connection: Any) -> None:
        self.backend = backend
        self.connection = connection

    @classmethod
    def sqlite(cls, path: Path) -> RawSql:
        return cls("sqlite", sqlite3.connect(path, isolation_level=None, check_same_thread=False))

    @classmethod
    def postgresql(cls, url: URL) -> RawSql:
        conninfo = url.set(drivername="postgresql").render_as_string(hide_password=False)
        return cls("postgresql", psycopg.connect(conninfo, autocommit=True))

    def _sql(self, sql: str) -> str:
        return sql.replace("?", "%s") if self.backend == "postgresql" else sql

    def rows(self, sql: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        return list(self.connection.execute(self._sql(sql), tuple(params)).fetchall())

    def rows_captured(self, statement: Captured) -> list[tuple[Any, ...]]:
        sql, params = statement
        return list(self.connection.execute(sql, params).fetchall())

    def sample(self, table: str, columns: str, count: int, rng: Random, where: str = "TRUE") -> list[tuple[Any, ...]]:
        """``count`` rows of ``table`` drawn by random id (with ``rng``, so the same rows every run)."""
        low, high = self.rows(f"SELECT min(id), max(id) FROM {table}")[0]
        drawn: list[tuple[Any, ...]] = []
        for _attempt in range(count * 50):
            if len(drawn) == count:
                break
            found = self.rows(f"SELECT {columns} FROM {table} WHERE id = ? AND ({where})", (rng.randint(low, high),))
            drawn.extend(found)
        return drawn

    def day(self, value: date) -> Any:
        """A date as the column stores it: ISO text in SQLite, a date in PostgreSQL."""
        return value.isoformat() if self.backend == "sqlite" else value

    def explain(self, sql: str, params: Sequence[Any] = ()) -> list[str]:
        return self.explain_captured((self._sql(sql), tuple(params)))

    def explain_captured(self, statement: Captured) -> list[str]:
        sql, params = statement
        if self.backend == "postgresql":
            return [row[0] for row in self.connection.execute("EXPLAIN " + sql, params)]
        depth: dict[int, int] = {0: -1}
        lines = []
        for node, parent, _unused, detail in self.connection.execute("EXPLAIN QUERY PLAN " + sql, params):
            depth[node] = depth.get(parent, -1) + 1
            lines.append("  " * depth[node] + str(detail))
        return lines

    def close(self) -> None:
        self.connection.close()


@contextmanager
def captured_statements(engine: Engine) -> Iterator[list[Captured]]:
    """Every statement (with its parameters) that ``engine`` sends while the block runs."""
    statements: list[Captured] = []

    def record(_conn: Any, _cursor: Any, statement: str, parameters: Any, _context: Any, _many: bool) -> None:
        statements.append((statement, parameters))

    event.listen(engine, "before_cursor_execute", record)
    try:
        yield statements
    finally:
        event.remove(engine, "before_cursor_execute", record)


def explain_service(
    engine: Engine, raw: RawSql, call: Callable[[], object], label: str, pick: Callable[[str], bool]
) -> list[Plan]:
    """Run ``call`` once and explain each statement it sent that ``pick`` selects (the service's own SQL)."""
    with captured_statements(engine) as statements:
        call()
    return [
        Plan(f"{label} (SQL sent by the service)", sql, tuple(raw.explain_captured((sql, params))))
        for sql, params in statements
        if sql.lstrip().upper().startswith("SELECT") and pick(sql)
    ]
