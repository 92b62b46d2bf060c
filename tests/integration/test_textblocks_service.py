"""Text blocks edited by the administration, stored for the whole office: checked before saving,
used by every new letter, and a changed text makes an old letter's re-print refuse."""

from __future__ import annotations

import io

import pypdf
import pytest
from sqlalchemy import select

from abh_desk.domain.enums import LetterKind, Role
from abh_desk.errors import ConfigurationError, PermissionDenied, StaleRecord, ValidationError
from abh_desk.services.case_file import add_document
from abh_desk.services.case_letters import create_missing_documents_letter, letter_pdf, reprint
from abh_desk.services.cases import open_case
from abh_desk.services.context import Actor, ServiceContext
from abh_desk.services.persons import PersonInput, create_person
from abh_desk.services.textblocks import get_textblocks, probe_letter, reset_textblocks, save_textblocks
from models import AuditEvent

GREETING = 'gruss = "Mit freundlichen Grüßen"'


def _text(pdf: bytes) -> str:
    return " ".join(page.extract_text() for page in pypdf.PdfReader(io.BytesIO(pdf)).pages)


def _case(ctx: ServiceContext) -> int:
    person = create_person(
        ctx,
        PersonInput("Nowak", "Zofia", "01.01.1990", nationality="POL", sex="w", street="Weg 2", postcode="78224",
                    city="Singen"),
    )  # fmt: skip
    return open_case(ctx, person.id, "99010019001008").id


def test_an_edited_greeting_is_used_and_old_letters_no_longer_reprint(ctx: ServiceContext) -> None:
    case_id = _case(ctx)
    before = create_missing_documents_letter(ctx, case_id)
    source = get_textblocks(ctx)
    assert not source.edited and GREETING in source.text
    edited = source.text.replace(GREETING, 'gruss = "Freundliche Grüße aus dem Hegau"')
    assert "Freundliche Grüße aus dem Hegau" in _text(probe_letter(edited, LetterKind.EXPIRY_REMINDER))
    saved = save_textblocks(ctx, edited, source.sha256)
    assert saved.edited and get_textblocks(ctx).text == edited
    add_document(ctx, case_id, "Nachweis über Wohnraum")  # a new Nachforderung asks for something new
    after = create_missing_documents_letter(ctx, case_id)
    assert "Freundliche Grüße aus dem Hegau" in _text(letter_pdf(ctx, after.id))
    with pytest.raises(ConfigurationError, match="weicht"):
        reprint(ctx, before.id)
    with ctx.db.read() as session:
        event = session.scalars(select(AuditEvent).where(AuditEvent.action == "textbausteine_geaendert")).one()
    assert source.sha256 in (event.payload_json or "") and saved.sha256 in (event.payload_json or "")
    with pytest.raises(StaleRecord):  # someone saved in between
        save_textblocks(ctx, source.text, source.sha256)
    assert not reset_textblocks(ctx).edited
    add_document(ctx, case_id, "Meldebescheinigung")
    assert "Mit freundlichen Grüßen" in _text(letter_pdf(ctx, create_missing_documents_letter(ctx, case_id).id))


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda t: t.replace(GREETING, 'gruss = "Grüße, {unbekannt}"'), "unbekannten Platzhalter {unbekannt}"),
        (lambda t: t.replace(GREETING, 'gruss = "Grüße {"'), "ungültige Klammerung"),
        (lambda t: t.replace(GREETING, ""), "allgemein.gruss"),
        (lambda t: t + "\n[kaputt\n", "TOML"),
    ],
)
def test_a_broken_edit_is_refused_with_the_block_named_and_nothing_saved(
    ctx: ServiceContext, change, message: str
) -> None:
    source = get_textblocks(ctx)
    with pytest.raises((ConfigurationError, ValidationError), match=message):
        save_textblocks(ctx, change(source.text), source.sha256)
    assert not get_textblocks(ctx).edited


def test_only_the_administration_edits_text_blocks(ctx: ServiceContext) -> None:
    clerk = ctx.as_user(Actor(None, "keller", Role.TEAM_LEAD))
    source = get_textblocks(ctx)
    with pytest.raises(PermissionDenied, match="Administration"):
        save_textblocks(clerk, source.text, source.sha256)
