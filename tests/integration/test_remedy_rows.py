"""A Land whose row in the Rechtsbehelf table is not yet verified: no notice is approved or sent
until the office's administration confirms the row, and a changed row needs a new confirmation."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest
from sqlalchemy import select

from abh_desk.domain.enums import Role
from abh_desk.errors import PermissionDenied, ValidationError
from abh_desk.services.auth import create_user
from abh_desk.services.cases import open_case
from abh_desk.services.context import Actor, ServiceContext
from abh_desk.services.notice_dispatch import dispatch
from abh_desk.services.notice_review import approve, submit_for_review
from abh_desk.services.notices import notice_view
from abh_desk.services.office import update_office_settings
from abh_desk.services.persons import PersonInput, create_person
from abh_desk.services.rejections import RejectionDraft, draft_rejection, waive_hearing
from abh_desk.services.remedy_rows import confirm_remedy_row, remedy_row_state
from letters import remedies
from letters.data import RefusalGround
from letters.samples import SAMPLE_FINDINGS
from models import AuditEvent, User

TODAY = date(2026, 12, 2)
DRAFT = RejectionDraft(
    grounds=(RefusalGround("visum", "Sie reisten visumfrei ein."),),
    facts="Einreise 2026.",
    **SAMPLE_FINDINGS,
)


def _users(ctx: ServiceContext) -> dict[str, ServiceContext]:
    create_user(ctx, "lead", "Frau Leitung", Role.TEAM_LEAD, area="allgemein")
    create_user(ctx, "admin", "Herr Admin", Role.ADMIN)
    with ctx.db.read() as session:
        ids = dict(session.execute(select(User.username, User.id)).all())
    roles = {"keller": Role.CASEWORKER, "lead": Role.TEAM_LEAD, "admin": Role.ADMIN}
    return {name: ctx.as_user(Actor(ids[name], name, role)) for name, role in roles.items()}


def _submitted(ctx: ServiceContext, clerk: ServiceContext) -> int:
    person = create_person(ctx, PersonInput("Wagner", "Ana", "01.02.1991", nationality="BRA", street="Weg 1",
                                            postcode="10115", city="Berlin"))  # fmt: skip
    case_id = open_case(ctx, person.id, "99010019001008", applied_on=date(2026, 11, 2)).id
    letter_id = draft_rejection(clerk, case_id, DRAFT)
    waive_hearing(clerk, letter_id, notice_view(clerk, letter_id).version, "Verzicht schriftlich erklärt.")
    submit_for_review(clerk, letter_id, notice_view(clerk, letter_id).version)
    return letter_id


def test_an_unverified_row_stops_approval_until_the_administration_confirms_it(ctx: ServiceContext) -> None:
    update_office_settings(ctx, land="BE", court_name="Verwaltungsgericht Berlin", court_address="Kirchstraße 7")
    users = _users(ctx)
    letter_id = _submitted(ctx, users["keller"])
    state = remedy_row_state(ctx)
    assert state.land == "BE" and "§ 63 JustG Bln" in state.to_check and not state.usable
    with pytest.raises(ValidationError, match="Rechtsbehelfsbelehrung für Berlin ist noch nicht bestätigt") as refused:
        approve(users["lead"], letter_id, notice_view(ctx, letter_id).version)
    assert "§ 63 JustG Bln" in refused.value.message
    assert notice_view(ctx, letter_id).final_pdf is False

    with pytest.raises(PermissionDenied):
        confirm_remedy_row(users["lead"], "Volltext geprüft, stimmt.")
    with pytest.raises(PermissionDenied):  # the command line's system user is nobody in particular
        confirm_remedy_row(ctx, "Volltext geprüft, stimmt.")
    with pytest.raises(ValidationError, match="was geprüft wurde"):
        confirm_remedy_row(users["admin"], "ok")
    confirmed = confirm_remedy_row(users["admin"], "§ 63 Abs. 2 JustG Bln im amtlichen Volltext geprüft.")
    assert confirmed.usable and confirmed.confirmed_by == "admin" and confirmed.confirmed_at is not None
    with ctx.db.read() as session:
        logged = session.scalars(select(AuditEvent).where(AuditEvent.action == "rechtsbehelf_bestaetigt")).one()
    assert logged.user_id == users["admin"].actor.user_id and "Volltext" in (logged.payload_json or "")

    approve(users["lead"], letter_id, notice_view(ctx, letter_id).version)
    assert notice_view(ctx, letter_id).final_pdf


def test_a_changed_row_needs_a_new_confirmation_before_dispatch(
    ctx: ServiceContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    update_office_settings(ctx, land="BE", court_name="Verwaltungsgericht Berlin", court_address="Kirchstraße 7")
    users = _users(ctx)
    letter_id = _submitted(ctx, users["keller"])
    confirm_remedy_row(users["admin"], "§ 63 Abs. 2 JustG Bln im amtlichen Volltext geprüft.")
    approve(users["lead"], letter_id, notice_view(ctx, letter_id).version)

    table = remedies.load_remedies()
    changed = remedies.RemedyTable(
        {**table.laender, "BE": replace(table.laender["BE"], abolition_basis="§ 63 Abs. 3 JustG Bln")},
        table.templates,
        table.source,
    )
    monkeypatch.setattr("abh_desk.services.remedy_rows.load_remedies", lambda: changed)
    assert not remedy_row_state(ctx).usable
    with pytest.raises(ValidationError, match="noch nicht bestätigt"):
        dispatch(users["keller"], letter_id, notice_view(ctx, letter_id).version, TODAY)


def test_a_verified_land_needs_no_confirmation(ctx: ServiceContext) -> None:
    users = _users(ctx)
    state = remedy_row_state(ctx)
    assert state.land == "BW" and state.to_check == "" and state.usable
    with pytest.raises(ValidationError, match="bereits geprüft"):
        confirm_remedy_row(users["admin"], "Nichts zu prüfen, trotzdem bestätigt.")
    letter_id = _submitted(ctx, users["keller"])
    approve(users["lead"], letter_id, notice_view(ctx, letter_id).version)
