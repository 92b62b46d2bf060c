"""Setting up a new workstation without the window: choose a database, store the office settings
and the first administrator, write the settings file last; the demo command marks the workstation
as set up so that scripts/start.sh never meets the first-start dialog."""

from __future__ import annotations

import io
import json
from dataclasses import replace
from pathlib import Path

import keyring
import keyring.errors
import pytest
from sqlalchemy import func, select

from abh_desk import audit_chain, audit_key
from abh_desk.cli import main
from abh_desk.config import ENV_DATABASE_URL, is_first_start, load_settings, settings_path
from abh_desk.errors import FieldErrors, ValidationError
from abh_desk.services import audit_key_setup
from abh_desk.services.auth import sign_in
from abh_desk.services.office import OfficeSettings, get_office_settings
from abh_desk.services.workstation_setup import (
    SERVER,
    STANDALONE,
    Administrator,
    DatabaseChoice,
    connect,
    default_sqlite_path,
    finish,
)
from abh_desk.storage import KEYRING_SERVICE, Database, trust_keyring
from models import AuditEvent, OfficeSetting, Person
from tests.conftest import MemoryKeyring, drop_pg_database, new_pg_database

OFFICE = OfficeSettings(
    authority_name="Landratsamt Konstanz",
    street="Benediktinerplatz 1",
    postcode_city="78467 Konstanz",
    land="BW",
    phone="07531 800-0",
    opening_hours="Mo–Fr 8.00–12.00 Uhr",
    court_name="Verwaltungsgericht Freiburg",
    court_address="Habsburgerstraße 103, 79104 Freiburg im Breisgau",
)
ADMIN = Administrator("m.weber", "Frau Weber", "Sicher-2026", "Sicher-2026")


def choice_for(url: str) -> DatabaseChoice:
    if url.startswith("sqlite"):
        return DatabaseChoice(STANDALONE, sqlite_path=url.split(":///", 1)[1])
    return DatabaseChoice(SERVER, server_url=url, password="geheim")


def test_a_new_database_gets_office_settings_admin_and_the_settings_file(
    database_url: str, isolated_workstation: MemoryKeyring
) -> None:
    assert is_first_start()
    choice = choice_for(database_url)
    ctx, state = connect(choice)
    assert not state.office_stored and not state.has_admin
    settings = finish(ctx, choice, state, OFFICE, ADMIN)
    assert not is_first_start()
    assert load_settings() == settings
    assert settings.last_username == "m.weber"
    stored = json.loads(settings_path().read_text(encoding="utf-8"))
    assert stored["database_url"] is not None and "geheim" not in settings_path().read_text(encoding="utf-8")
    office = get_office_settings(ctx)
    assert (office.authority_name, office.court_name) == ("Landratsamt Konstanz", "Verwaltungsgericht Freiburg")
    assert sign_in(ctx, "m.weber", "Sicher-2026").role_label == "Administration"
    if choice.mode == SERVER:
        assert _passwords(isolated_workstation) == ["geheim"]
        assert all(service == KEYRING_SERVICE for service, _ in isolated_workstation.passwords)
    ctx.db.dispose()


def test_a_second_workstation_keeps_the_office_settings(database_url: str) -> None:
    choice = choice_for(database_url)
    ctx, state = connect(choice)
    finish(ctx, choice, state, OFFICE, ADMIN)
    ctx.db.dispose()
    settings_path().unlink()  # the next workstation: its own settings and audit anchor
    audit_chain.anchor_path().unlink()

    ctx, state = connect(choice)
    assert state.office_stored and state.has_admin
    assert state.office.authority_name == "Landratsamt Konstanz"
    changed = OfficeSettings(authority_name="Etwas anderes", land="BY")
    finish(ctx, choice, state, changed, None)
    assert get_office_settings(ctx).authority_name == "Landratsamt Konstanz"
    assert settings_path().exists()
    # The second workstation anchored the trail it joined once it had checked it whole (a commit
    # would never anchor a trail that has entries: audit_chain.remember).
    report = audit_chain.verify(ctx.db, audit_chain.anchor_state(ctx.db))
    assert report.ok and report.anchor is not None and report.anchor.id <= report.count
    ctx.db.dispose()


def test_wrong_fields_are_all_reported_and_nothing_is_written(sqlite_database_url: str) -> None:
    choice = choice_for(sqlite_database_url)
    ctx, state = connect(choice)
    with pytest.raises(FieldErrors) as caught:
        finish(
            ctx,
            choice,
            state,
            OfficeSettings(authority_name=" ", postcode_city="Konstanz"),
            Administrator("Weber Maria", "", "Sicher-2026", "Sicher-2025"),
        )
    errors = caught.value.by_field()
    assert set(errors) == {
        "authority_name",
        "street",
        "postcode_city",
        "phone",
        "opening_hours",
        "court_name",
        "court_address",
        "username",
        "display_name",
        "repeated",
    }
    assert errors["postcode_city"] == "Bitte mit der fünfstelligen Postleitzahl beginnen."
    assert errors["repeated"] == "Die beiden Passwörter stimmen nicht überein."
    with ctx.db.read() as session:
        assert session.scalar(select(func.count()).select_from(OfficeSetting)) == 0
    assert not settings_path().exists()
    ctx.db.dispose()


@pytest.fixture
def sqlite_database_url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'neu.sqlite3'}"


@pytest.mark.parametrize(
    ("choice", "field", "words"),
    [
        (DatabaseChoice(STANDALONE, sqlite_path=""), "sqlite_path", "Pfad"),
        (DatabaseChoice(STANDALONE, sqlite_path="daten/abh.sqlite3"), "sqlite_path", "vollständigen Pfad"),
        (DatabaseChoice(SERVER, server_url=""), "server_url", "Adresse des Servers"),
        (DatabaseChoice(SERVER, server_url="mysql://abh@server/abh"), "server_url", "nicht unterstützt"),
        (DatabaseChoice(SERVER, server_url="postgresql://server"), "server_url", "BENUTZER@SERVER/DATENBANK"),
        (DatabaseChoice(SERVER, server_url="postgresql://abh:pw@server/abh"), "server_url", "Feld „Passwort“"),
        (DatabaseChoice(SERVER, server_url="postgresql://abh@127.0.0.1:1/abh"), "server_url", "nicht erreichbar"),
    ],
)
def test_a_database_that_cannot_be_used_is_named_at_its_field(choice: DatabaseChoice, field: str, words: str) -> None:
    with pytest.raises(ValidationError) as caught:
        connect(choice)
    assert caught.value.field == field
    assert words in caught.value.message
    assert not settings_path().exists()


def test_first_start_is_over_with_a_settings_file_or_a_given_database(monkeypatch: pytest.MonkeyPatch) -> None:
    assert is_first_start()
    assert not is_first_start("sqlite:////tmp/x.sqlite3")
    monkeypatch.setenv(ENV_DATABASE_URL, "sqlite:////tmp/x.sqlite3")
    assert not is_first_start()


def test_the_demo_command_of_start_sh_sets_the_workstation_up() -> None:
    """scripts/start.sh runs this before the window: the window then shows the sign-in, not the dialog."""
    out = io.StringIO()
    assert main(["demo", "--personen", "50", "--nur-wenn-leer"], out=out) == 0
    assert "50 Personen" in out.getvalue()
    assert not is_first_start()
    settings = load_settings()
    assert settings.database_url is None and settings.last_username == "osswald"
    assert default_sqlite_path().exists()
    out = io.StringIO()
    assert main(["demo", "--personen", "50", "--nur-wenn-leer"], out=out) == 0
    assert "keine Demo-Daten erzeugt" in out.getvalue()


def test_the_demo_command_on_another_database_leaves_the_workstation_alone(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'anders.sqlite3'}"
    assert main(["--db", url, "demo", "--personen", "50"], out=io.StringIO()) == 0
    assert is_first_start()
    from abh_desk.storage import Database

    db = Database(url)
    with db.read() as session:
        assert session.scalar(select(func.count()).select_from(Person)) == 50
    db.dispose()


class BrokenKeyring(MemoryKeyring):
    def set_password(self, service: str, username: str, password: str) -> None:
        raise keyring.errors.NoKeyringError("kein Schlüsselbund")


trust_keyring(BrokenKeyring)  # a keyring of the allow-list that fails when asked to keep something


@pytest.mark.postgres
def test_without_a_keyring_the_password_field_says_so_and_nothing_is_stored(pg_admin_url: str) -> None:
    url = new_pg_database(pg_admin_url)
    previous = keyring.get_keyring()
    keyring.set_keyring(BrokenKeyring())
    try:
        choice = DatabaseChoice(SERVER, server_url=url, password="geheim")
        ctx, state = connect(choice)
        with pytest.raises(ValidationError) as caught:
            finish(ctx, choice, state, OFFICE, ADMIN)
        assert caught.value.field == "password_server"
        assert "Schlüsselbund des Betriebssystems ist nicht verfügbar" in caught.value.message
        with ctx.db.read() as session:
            assert session.scalar(select(func.count()).select_from(OfficeSetting)) == 0
        assert not settings_path().exists()
        ctx.db.dispose()
    finally:
        keyring.set_keyring(previous)
        drop_pg_database(pg_admin_url, url.rsplit("/", 1)[1])


def test_a_new_office_starts_without_anything_of_the_demo(sqlite_database_url: str) -> None:
    """Issue 23, part 8: no Singen caseworkers or letter ranges, and a letter prints the office's own
    letterhead — a blank e-mail, web site or bank stays off it, never Singen's or a placeholder bank."""
    from datetime import date

    import pypdf

    from abh_desk.services.letterhead import office_letterhead
    from letters.data import Address, InfoBlock, MissingDocumentsData
    from letters.render import render_missing_documents
    from models import Area, AssignmentRule, User

    choice = choice_for(sqlite_database_url)
    ctx, state = connect(choice)
    finish(ctx, choice, state, OFFICE, ADMIN)
    with ctx.db.read() as session:
        assert set(session.scalars(select(User.username))) == {"m.weber"}
        assert session.scalar(select(func.count()).select_from(AssignmentRule)) == 0
        assert set(session.scalars(select(Area.code))) == {"allgemein", "asyl"}  # the catalogue's areas
        head = office_letterhead(session)
    assert (head.email, head.website, head.bank, head.department) == ("", "", None, "")
    data = MissingDocumentsData(
        letterhead=head,
        address=Address(lines=("Frau", "Anna Nowak", "Marktstätte 1", "78462 Konstanz")),
        info=InfoBlock(
            file_number="ABH-2026-000001", caseworker="Frau Weber", phone=head.phone, date=date(2026, 11, 2)
        ),
        application_date=date(2026, 10, 12),
        applied_for="Erteilung einer Aufenthaltserlaubnis",
        documents=("Gültiger Reisepass",),
        due=date(2026, 12, 1),
    )
    pdf = render_missing_documents(data)
    text = " ".join(page.extract_text() for page in pypdf.PdfReader(io.BytesIO(pdf)).pages)
    assert "Benediktinerplatz 1" in text and "07531 800-0" in text and "Mo–Fr 8.00–12.00 Uhr" in text
    for demo in ("Singen", "07731", "singen.de", "Beispielbank", "IBAN", "E-Mail", "August-Ruf"):
        assert demo not in text
    ctx.db.dispose()


def test_the_settings_refuse_to_empty_a_required_letterhead_field(sqlite_database_url: str) -> None:
    from abh_desk.domain.enums import Role
    from abh_desk.services.context import Actor
    from abh_desk.services.office import update_office_settings

    choice = choice_for(sqlite_database_url)
    ctx, state = connect(choice)
    finish(ctx, choice, state, OFFICE, ADMIN)
    admin = ctx.as_user(Actor(None, "m.weber", Role.ADMIN))
    with pytest.raises(FieldErrors) as caught:
        update_office_settings(admin, street=" ", phone="", email="")
    assert caught.value.by_field() == {
        "street": "Bitte Straße und Hausnummer angeben.",
        "phone": "Bitte die Telefonnummer angeben (sie steht in jedem Schreiben).",
    }
    assert get_office_settings(ctx).street == "Benediktinerplatz 1"
    ctx.db.dispose()


def test_a_workstation_joining_a_signed_trail_takes_the_office_key_over_first(
    database_url: str, isolated_workstation: MemoryKeyring, tmp_path: Path
) -> None:
    """The first-start dialog's key file: the checks of ``abh-desk audit schluessel uebernehmen``,
    before anything is written; the messages stand at the field."""
    choice = choice_for(database_url)
    ctx, state = connect(choice)
    finish(ctx, choice, state, OFFICE, ADMIN)
    key = audit_key.key_of(ctx.db)
    assert key is not None
    handed = tmp_path / "schluessel.json"
    audit_key_setup.hand_out(ctx, handed)
    ctx.db.dispose()
    before = _entries(database_url)
    settings_path().unlink()  # the next workstation: its own settings, anchor and keyring (no key)
    audit_chain.anchor_path().unlink()
    for name in [name for name in isolated_workstation.passwords if _is_audit_key(name)]:
        del isolated_workstation.passwords[name]

    other = tmp_path / "fremd.json"
    other.write_text(audit_key.new_key().record(), encoding="utf-8")
    for key_file, words in (
        ("", "ist mit dem Protokollschlüssel der Behörde signiert"),
        (str(other), "signiert das Protokoll dieser Datenbank nicht"),
        (str(tmp_path / "fehlt.json"), "ist nicht lesbar"),
    ):
        with pytest.raises(ValidationError) as caught:
            connect(replace(choice, key_file=key_file))
        assert caught.value.field == "key_file" and words in caught.value.message
        assert not any(_is_audit_key(name) for name in isolated_workstation.passwords)
        assert _entries(database_url) == before  # nothing written

    ctx, state = connect(replace(choice, key_file=str(handed)))
    assert state.key_taken_over == key.key_id and state.office_stored and state.has_admin
    (stored,) = [value for name, value in isolated_workstation.passwords.items() if _is_audit_key(name)]
    assert audit_key.parse_record(stored, "Schlüsselbund") == key
    new = _entries(database_url)[len(before) :]  # the refused attempts did not anchor the trail: this one did
    assert [action for action, _payload in new] == ["protokoll_anker_erstmals", audit_key_setup.TAKEN_OVER]
    assert key.key_id in new[1][1] and key.secret.hex() not in new[1][1]
    finish(ctx, replace(choice, key_file=str(handed)), state, OFFICE, None)
    report = audit_chain.verify(ctx.db, audit_chain.anchor_state(ctx.db))
    assert report.ok and report.signatures == "geprueft" and report.unsigned == 0
    ctx.db.dispose()


def _is_audit_key(name: tuple[str, str]) -> bool:
    return name[1].startswith("protokollschluessel:")


def _entries(url: str) -> list[tuple[str, str]]:
    db = Database(url)
    try:
        with db.read() as session:
            rows = session.execute(select(AuditEvent.action, AuditEvent.payload_json).order_by(AuditEvent.id))
            return [(action, str(payload)) for action, payload in rows]
    finally:
        db.dispose()


def _passwords(keyring: MemoryKeyring) -> list[str]:
    """The keyring's passwords: what it holds besides the audit trail's key (``abh_desk.audit_key``)."""
    return [
        value for (_service, user), value in keyring.passwords.items() if not user.startswith("protokollschluessel:")
    ]
