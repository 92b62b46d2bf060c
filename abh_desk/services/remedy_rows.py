"""Rows of the Rechtsbehelf table that are not yet verified (``zu_pruefen`` in rechtsbehelfe.toml):
the office's administration confirms its Land's row after checking what the row names; until then
no notice under it is approved or sent, because a wrong Rechtsbehelfsbelehrung lets the remedy
period run for a year (§ 58 Abs. 2 VwGO). A confirmation holds for the row as it was confirmed: a
changed row (a new release, an edited table) must be confirmed again."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy.orm import Session

from abh_desk.domain.enums import Role
from abh_desk.domain.text import clean_text
from abh_desk.error_texts import Label
from abh_desk.errors import PermissionDenied, ValidationError
from abh_desk.services.context import ServiceContext
from abh_desk.services.office import read_office_settings
from letters.remedies import RemedyTable, load_remedies
from models import OfficeSetting

KEY = "rechtsbehelf_bestaetigt.{land}"
MIN_NOTE = 10


@dataclass(frozen=True)
class RemedyRowState:
    """The office Land's row: what is to verify (empty: verified by the shipped table), and who
    confirmed it when."""

    land: str
    land_name: str
    to_check: str
    source: str
    fingerprint: str
    confirmed_by: str = ""
    confirmed_at: datetime | None = None
    note: str = ""

    @property
    def usable(self) -> bool:
        return not self.to_check or bool(self.confirmed_by)


def _state(session: Session, table: RemedyTable, land: str) -> RemedyRowState:
    row = table.row(land)
    state = RemedyRowState(land, row.name, row.to_check, row.source, table.fingerprint(land))
    stored = session.get(OfficeSetting, KEY.format(land=land))
    if row.to_check and stored is not None:
        confirmed = json.loads(stored.value)
        if confirmed.get("fingerprint") == state.fingerprint:  # the row as it was confirmed
            return RemedyRowState(
                land, row.name, row.to_check, row.source, state.fingerprint,
                confirmed["by"], datetime.fromisoformat(confirmed["at"]), confirmed.get("note", ""),
            )  # fmt: skip
    return state


def remedy_row_state(ctx: ServiceContext) -> RemedyRowState:
    with ctx.db.read() as session:
        return _state(session, load_remedies(), read_office_settings(session).land)


def require_usable_remedy(session: Session) -> None:
    """Before a notice is approved or sent: its Land's row is verified or confirmed by the office."""
    state = _state(session, load_remedies(), read_office_settings(session).land)
    if not state.usable:
        raise ValidationError(
            "remedy_rows.not_confirmed", field="rechtsbehelf", land=state.land_name, to_check=state.to_check
        )


def confirm_remedy_row(ctx: ServiceContext, note: str) -> RemedyRowState:
    """The administration confirms the office Land's row after checking it (logged, with a note on
    what was checked against what)."""
    if ctx.actor.role != Role.ADMIN or ctx.actor.user_id is None:
        raise PermissionDenied("remedy_rows.admin_only")
    note = clean_text(note, "notiz", Label("shared.label_note"), 2_000, multiline=True)
    if len(note) < MIN_NOTE:
        raise ValidationError("remedy_rows.note_missing", field="notiz")
    table = load_remedies()
    with ctx.unit_of_work() as uow:
        land = read_office_settings(uow.session).land
        state = _state(uow.session, table, land)
        if not state.to_check:
            raise ValidationError("remedy_rows.already_checked", land=state.land_name)
        value = json.dumps(
            {"fingerprint": state.fingerprint, "by": ctx.actor.username, "at": uow.now.isoformat(), "note": note},
            ensure_ascii=False,
        )
        row = uow.session.get(OfficeSetting, KEY.format(land=land))
        if row is None:
            uow.session.add(OfficeSetting(key=KEY.format(land=land), value=value))
        else:
            row.value = value
        uow.audit("rechtsbehelf_bestaetigt", "office_settings", None, land=land, zeile=state.fingerprint, notiz=note)
        uow.commit()
    return remedy_row_state(ctx)
