"""The checks a person and a legal representative share: the sex as recorded and a German postcode."""

from __future__ import annotations

import re

from abh_desk.domain.enums import Sex
from abh_desk.errors import ValidationError

_POSTCODE = re.compile(r"[0-9]{5}")


def sex_error(sex: str) -> ValidationError | None:
    """None for w, m, d or x; otherwise the refusal for the field ``geschlecht``."""
    return None if sex in {s.value for s in Sex} else ValidationError("shared.sex_invalid", field="geschlecht")


def postcode_error(postcode: str, required: bool) -> ValidationError | None:
    """None for five digits (or, where not ``required``, none at all); otherwise the refusal for ``plz``."""
    if not postcode and not required:
        return None
    return None if _POSTCODE.fullmatch(postcode) else ValidationError("shared.postcode_invalid", field="plz")
