"""Validation against the published xdomea 3.0.0 schema (``xdomea.xsd``), where the workstation
has it: the schema is the standard's text and is not shipped with the program. The tests validate
everything the program writes against it; an office points ``xdomea_schema`` (settings file) or
``ABH_DESK_XDOMEA_SCHEMA`` at its copy to have every incoming message checked too."""

from __future__ import annotations

import functools
import os
from pathlib import Path
from typing import Any

from abh_desk.errors import ConfigurationError
from abh_desk.xdomea.xml import MessageError

ENV_SCHEMA = "ABH_DESK_XDOMEA_SCHEMA"


def configured_schema() -> Path | None:
    """The workstation's copy of the published ``xdomea.xsd`` (``ABH_DESK_XDOMEA_SCHEMA``), if any."""
    value = os.environ.get(ENV_SCHEMA, "").strip()
    if not value:
        return None
    path = Path(value)
    if not path.is_file():
        raise ConfigurationError("xdomea_schema.file_missing", variable=ENV_SCHEMA, path=path)
    return path


@functools.lru_cache(maxsize=2)
def _schema(path: str) -> Any:
    import xmlschema  # loads in about a second: only where a message is validated

    try:
        return xmlschema.XMLSchema(path)
    except (OSError, xmlschema.XMLSchemaException) as exc:
        raise MessageError("xdomea_schema.cannot_load", path=path, detail=exc) from None


def validate(message: bytes, schema: Path, where: str) -> None:
    """MessageError naming the first place the message breaks the schema."""
    import xmlschema

    from abh_desk.xdomea.xml import parse

    root = parse(message, where)  # the safe parser first: nothing else reads hostile input
    errors = list(_schema(str(schema)).iter_errors(root))
    if errors:
        first = errors[0]
        reason = getattr(first, "reason", None) or str(first).splitlines()[0]
        path = getattr(first, "path", "") or ""
        raise MessageError(
            "xdomea_schema.invalid", where=where, count=len(errors), path=path[:200], reason=reason[:300]
        )
    del xmlschema
