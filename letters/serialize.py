"""Letter data to JSON and back, so a stored letter can be printed again exactly as it was.

Works on the frozen dataclasses of ``letters.data`` by their type hints: dates as ISO text,
tuples as lists, nested dataclasses as objects. Unknown fields are refused when reading back.
"""

from __future__ import annotations

import dataclasses
import json
import types
import typing
from datetime import date, datetime
from typing import Any, TypeVar, Union, get_args, get_origin, get_type_hints

from letters import data as letter_data

T = TypeVar("T")

KINDS: dict[str, type[Any]] = {
    "ablehnungsbescheid": letter_data.RejectionData,
    "anhoerung": letter_data.HearingData,
    "nachforderung": letter_data.MissingDocumentsData,
    "erinnerung": letter_data.ReminderData,
    "abholbenachrichtigung": letter_data.PickupData,
    "aushaendigungsprotokoll": letter_data.HandoverRecordData,
}


def _plain(value: Any) -> Any:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: _plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, tuple | list):
        return [_plain(v) for v in value]
    return value


def to_json(letter: letter_data.LetterData | letter_data.HandoverRecordData) -> str:
    return json.dumps(_plain(letter), ensure_ascii=False, sort_keys=True)


def _build(tp: Any, raw: Any) -> Any:
    origin = get_origin(tp)
    if origin in (Union, types.UnionType):
        if raw is None:
            return None
        options = [a for a in get_args(tp) if a is not type(None)]
        return _build(options[0], raw)
    if origin is tuple:
        args = get_args(tp)
        item = args[0]
        return tuple(_build(item, v) for v in raw)
    if tp is datetime:
        return datetime.fromisoformat(raw)
    if tp is date:
        return date.fromisoformat(raw)
    if isinstance(tp, type) and dataclasses.is_dataclass(tp):
        return _dataclass(tp, raw)
    return raw


def _dataclass(cls: type[T], raw: dict[str, Any]) -> T:
    hints = get_type_hints(cls, vars(letter_data), vars(typing))
    names = {f.name for f in dataclasses.fields(cls)}  # type: ignore[arg-type]
    unknown = set(raw) - names
    if unknown:
        raise ValueError(f"{cls.__name__}: unbekannte Felder {sorted(unknown)}")
    return cls(**{key: _build(hints[key], value) for key, value in raw.items()})


def from_json(kind: str, text: str) -> Any:
    return _dataclass(KINDS[kind], json.loads(text))
