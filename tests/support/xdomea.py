"""The published xdomea 3.0.0 schema, read where the project's checkout has it beside it
(``../shared/standards``): never copied into the project. Tests validate every message against it."""

from __future__ import annotations

import functools
import io
import zipfile
from pathlib import Path
from typing import Any

import xmlschema

ROOT = Path(__file__).resolve().parents[2]
SCHEMA = ROOT.parent / "shared" / "standards" / "xdomea-3.0.0" / "xdomea.xsd"
NS = "urn:xoev-de:xdomea:schema:3.0.0"


@functools.lru_cache(maxsize=1)
def schema() -> Any:
    assert SCHEMA.is_file(), f"the published xdomea schema is expected at {SCHEMA}"
    return xmlschema.XMLSchema(str(SCHEMA))


def assert_valid(message: bytes) -> None:
    errors = [
        str(e).splitlines()[0] + " — " + getattr(e, "reason", "") for e in schema().iter_errors(message.decode("utf-8"))
    ]
    assert errors == [], errors[:3]


def package_message(data: bytes) -> tuple[str, bytes, dict[str, bytes]]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        files = {info.filename: archive.read(info) for info in archive.infolist()}
    (name,) = [n for n in files if n.endswith(".xml")]
    return name, files.pop(name), files


def zip_of(entries: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in entries.items():
            archive.writestr(name, content)
    return buffer.getvalue()
