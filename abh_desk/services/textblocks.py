"""The office's text blocks (Textbausteine): the shipped file, or the administrator's edited version
kept in the database for every workstation. Before an edited version is saved it is parsed (every
placeholder known) and every kind of letter is rendered from it with sample data (every
placeholder filled) — an error names the block, never a gap in a printed notice."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from functools import lru_cache

from sqlalchemy.orm import Session

from abh_desk.domain.enums import LetterKind, Role
from abh_desk.errors import ConfigurationError, PermissionDenied, StaleRecord, ValidationError
from abh_desk.services.context import ServiceContext
from letters.textblocks import DEFAULT_PATH, TextBlocks, load_textblocks, parse_textblocks, required_keys_in
from models import OfficeSetting

SETTING_KEY = "textbausteine_toml"
SOURCE = "Textbausteine der Behörde"
MAX_SIZE = 200_000


def office_textblocks(session: Session) -> TextBlocks:
    """The text blocks every letter of this office is made from."""
    row = session.get(OfficeSetting, SETTING_KEY)
    return _parsed(row.value) if row is not None else load_textblocks()


@lru_cache(maxsize=4)
def _parsed(text: str) -> TextBlocks:
    # An edited version saved by an older release lacks the blocks added since: the shipped ones stand in.
    return parse_textblocks(text, source=SOURCE, fallback=load_textblocks())


@dataclass(frozen=True)
class TextBlocksSource:
    text: str
    edited: bool  # False: the shipped file
    sha256: str


def get_textblocks(ctx: ServiceContext) -> TextBlocksSource:
    with ctx.db.read() as session:
        row = session.get(OfficeSetting, SETTING_KEY)
        text = row.value if row is not None else shipped_textblocks_text()
        return TextBlocksSource(text, row is not None, hashlib.sha256(text.encode()).hexdigest())


def check_textblocks(text: str) -> TextBlocks:
    """Parse and probe-render every kind of letter; ConfigurationError/ValidationError name the block."""
    if len(text) > MAX_SIZE:
        raise ValidationError("textblocks.too_large", max_size=f"{MAX_SIZE:,}".replace(",", "."))
    if "\x00" in text:
        raise ValidationError("textblocks.binary_data")
    from letters.render import RENDERERS  # reportlab only when letters are made
    from letters.samples import PROBES, SAMPLES

    blocks = parse_textblocks(text, source=SOURCE, fallback=load_textblocks())
    for kind, sample in (*SAMPLES.items(), *PROBES):
        RENDERERS[kind](sample(), blocks=blocks)
    return blocks


def probe_letter(text: str, kind: LetterKind) -> bytes:
    """A sample letter of ``kind`` from the given (unsaved) text blocks, for the editor's preview."""
    from letters.render import RENDERERS
    from letters.samples import SAMPLES

    return RENDERERS[kind.value](SAMPLES[kind.value](), blocks=check_textblocks(text))


def save_textblocks(ctx: ServiceContext, text: str, based_on_sha256: str) -> TextBlocksSource:
    """Store the edited text blocks for the office (administration only; checked first)."""
    _require_admin(ctx)
    check_textblocks(text)
    with ctx.unit_of_work() as uow:
        row = uow.session.get(OfficeSetting, SETTING_KEY, with_for_update=True)
        old = row.value if row is not None else shipped_textblocks_text()
        # A block the version being edited had must not vanish; only blocks an older release did not
        # know yet are taken from the shipped file.
        removed = sorted(required_keys_in(old) - required_keys_in(text))
        if removed:
            raise ConfigurationError(
                "textblocks.blocks_removed", blocks=removed, source=SOURCE, removed=", ".join(removed)
            )
        old_sha = hashlib.sha256(old.encode()).hexdigest()
        if old_sha != based_on_sha256:
            raise StaleRecord("textblocks.changed_elsewhere")
        new_sha = hashlib.sha256(text.encode()).hexdigest()
        if row is None:
            uow.session.add(OfficeSetting(key=SETTING_KEY, value=text))
        else:
            row.value = text
        uow.audit("textbausteine_geaendert", "office_settings", None, alt=old_sha, neu=new_sha, zeichen=len(text))
        uow.commit()
        return TextBlocksSource(text, True, new_sha)


def reset_textblocks(ctx: ServiceContext) -> TextBlocksSource:
    """Back to the shipped text blocks."""
    _require_admin(ctx)
    with ctx.unit_of_work() as uow:
        row = uow.session.get(OfficeSetting, SETTING_KEY)
        if row is not None:
            uow.session.delete(row)
            uow.audit("textbausteine_zurueckgesetzt", "office_settings", None)
        uow.commit()
    return get_textblocks(ctx)


def _require_admin(ctx: ServiceContext) -> None:
    if ctx.actor.role != Role.ADMIN:
        raise PermissionDenied("textblocks.admin_only")


def shipped_textblocks_text() -> str:
    try:
        return DEFAULT_PATH.read_text(encoding="utf-8")
    except OSError as exc:  # pragma: no cover - a broken installation
        raise ConfigurationError("textblocks.shipped_missing", reason=str(exc)) from exc
