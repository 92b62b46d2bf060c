"""A stored row as JSON-ready data and back, by its table's columns: what ABH Desk sends in its
xdomea Fachdaten and reads from another ABH Desk. Ids, versions and references to users are left
out (they mean nothing in another office); reading checks every value against its column's type
and length, so a tampered or foreign record is refused with the field named."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import Boolean, Date, Integer, LargeBinary, SmallInteger, String, Text
from sqlalchemy.orm import DeclarativeBase

from abh_desk.xdomea.xml import MessageError
from models.base import UTCDateTime

ALWAYS_SKIPPED = frozenset({"id", "version"})


def _skipped(column_name: str, skip: frozenset[str]) -> bool:
    return column_name in ALWAYS_SKIPPED or column_name in skip or column_name.endswith("_id")


def row_data(row: DeclarativeBase, skip: frozenset[str] = frozenset()) -> dict[str, Any]:
    data: dict[str, Any] = {}
    for column in row.__table__.columns:
        if _skipped(column.key, skip) or isinstance(column.type, LargeBinary):
            continue
        value = getattr(row, column.key)
        data[column.key] = value.isoformat() if isinstance(value, date | datetime) else value
    return data


def row_values(
    model: type[DeclarativeBase], data: object, where: str, skip: frozenset[str] = frozenset()
) -> dict[str, Any]:
    """Column values for a new ``model`` row from ``data``; columns the data lacks take their defaults."""
    if not isinstance(data, dict):
        raise MessageError("row_codec.malformed", where=where)
    values: dict[str, Any] = {}
    for column in model.__table__.columns:
        if _skipped(column.key, skip) or column.key not in data:
            continue
        values[column.key] = _value(column, data[column.key], f"{where}, Feld {column.key}")
    return values


def _value(column: Any, value: object, where: str) -> object:
    kind = column.type
    if value is None:
        if not column.nullable and column.default is None:
            raise MessageError("row_codec.value_missing", where=where)
        return None
    try:
        if isinstance(kind, UTCDateTime):
            moment = datetime.fromisoformat(str(value))
            if moment.tzinfo is None:
                raise ValueError("naive")
            return moment
        if isinstance(kind, Date):
            return date.fromisoformat(str(value))
    except ValueError:
        raise MessageError("row_codec.not_a_date", where=where, value=str(value)[:40]) from None
    if isinstance(kind, Boolean):
        if not isinstance(value, bool):
            raise MessageError("row_codec.not_a_boolean", where=where)
        return value
    if isinstance(kind, Integer | SmallInteger):
        if isinstance(value, bool) or not isinstance(value, int) or abs(value) > 2**31:
            raise MessageError("row_codec.not_an_integer", where=where)
        return value
    if isinstance(kind, String | Text):
        if not isinstance(value, str):
            raise MessageError("row_codec.not_a_text", where=where)
        length = getattr(kind, "length", None)
        if length is not None and len(value) > length:
            raise MessageError("row_codec.too_long", where=where, max_length=length)
        if any(ord(c) < 32 and c not in "\n\t\r" for c in value):
            raise MessageError("row_codec.control_characters", where=where)
        return value
    raise MessageError("row_codec.unknown_type", where=where)  # pragma: no cover - every column type is above
