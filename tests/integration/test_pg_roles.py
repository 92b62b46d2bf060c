"""On an office's PostgreSQL server the workstations' login cannot switch the audit trail's
protection off (issue 24, part 1): it works with every table of the program, adds audit entries and
erases their payloads for retention, and is refused everything else on the trail — disabling,
replacing or dropping the triggers, replica mode, changing, deleting or truncating entries, and
the migrations' record. A real PostgreSQL server; the test server's superuser owns the tables."""

from __future__ import annotations

import io
import uuid
from collections.abc import Iterator

import pytest
from sqlalchemy import exc, select, text
from sqlalchemy.engine import make_url

from abh_desk import cli_safety, migrate, pg_roles
from abh_desk.cli import main
from abh_desk.clock import FixedClock
from abh_desk.domain.catalogue import Catalogue
from abh_desk.services.context import ServiceContext
from abh_desk.services.persons import PersonInput, create_person
from abh_desk.storage import Database
from models import AuditEvent
from tests.conftest import TEST_DAY, drop_pg_database, new_pg_database

pytestmark = pytest.mark.postgres


@pytest.fixture
def office(pg_admin_url: str) -> Iterator[tuple[str, str]]:
    """(the owner's address, the workstations' address) of a new office database."""
    url = new_pg_database(pg_admin_url)
    login = f"abh_platz_{uuid.uuid4().hex[:8]}"
    out = io.StringIO()
    assert main(["--db", url, "db", "rollen", login], out=out, clock=FixedClock(TEST_DAY)) == 0
    database = make_url(url).database
    assert f"„{login}“ ist Mitglied von abh_arbeitsplatz_{database}" in out.getvalue()
    assert "ohne Passwort" in out.getvalue()
    workstation = make_url(url).set(username=login).render_as_string(hide_password=False)
    yield url, workstation
    drop_pg_database(pg_admin_url, make_url(url).database or "")


def _refused(db: Database, sql: str) -> str:
    with pytest.raises(exc.DBAPIError) as caught, db.engine.begin() as connection:
        connection.execute(text(sql))
    return str(caught.value.orig)


def test_the_workstations_login_works_but_cannot_touch_the_protection(
    office: tuple[str, str], catalogue: Catalogue
) -> None:
    _owner, workstation_url = office
    db = Database(workstation_url)
    try:
        assert migrate.upgrade(db)[0] == migrate.head_revision()  # starts: nothing to migrate, nothing refused
        ctx = ServiceContext(db, catalogue, clock=FixedClock(TEST_DAY))
        person = create_person(ctx, PersonInput("Öztürk", "Ayşe", "12.03.1990", nationality="TUR"))
        with db.read() as session:
            entry = session.scalars(select(AuditEvent).order_by(AuditEvent.id.desc())).first()
        assert entry is not None and entry.action == "person_angelegt" and entry.entity_id == person.id
        attacks = {
            "ALTER TABLE audit_events DISABLE TRIGGER USER": "must be owner",
            "ALTER TABLE audit_events ENABLE REPLICA TRIGGER audit_events_kein_update": "must be owner",
            "DROP TRIGGER audit_events_kein_delete ON audit_events": "must be owner",
            "CREATE OR REPLACE FUNCTION audit_events_nur_anfuegen() RETURNS trigger LANGUAGE plpgsql "
            "AS $$ BEGIN RETURN NEW; END $$": "permission denied for schema public",  # nor may it create one
            f"UPDATE audit_events SET action = 'x' WHERE id = {entry.id}": "permission denied",
            f"DELETE FROM audit_events WHERE id = {entry.id}": "permission denied",
            "TRUNCATE audit_events": "permission denied",
            "UPDATE alembic_version SET version_num = 'x'": "permission denied",
        }
        for sql, answer in attacks.items():
            assert answer in _refused(db, sql), sql
        # Retention may still erase an entry's personal data (the trigger allows nothing else).
        with db.engine.begin() as connection:
            connection.execute(text("UPDATE audit_events SET payload_json = NULL WHERE id = :id"), {"id": entry.id})
        assert pg_roles.trail_exposure(db) is None
        out = io.StringIO()
        cli_safety.check_audit_trail(ctx, out)
        assert "Hinweis" not in out.getvalue() and "geprüft" in out.getvalue()
    finally:
        db.dispose()


def test_pruefen_says_when_the_login_could_switch_the_protection_off(
    office: tuple[str, str], catalogue: Catalogue
) -> None:
    owner_url, _workstation = office
    db = Database(owner_url)
    try:
        exposure = pg_roles.trail_exposure(db)
        assert exposure is not None and "ist Superuser" in exposure and "abh-desk db rollen" in exposure
        out = io.StringIO()
        assert cli_safety.check_audit_trail(ServiceContext(db, catalogue, clock=FixedClock(TEST_DAY)), out) == 0
        assert "Hinweis: Die Anmeldung „postgres“ ist Superuser" in out.getvalue()
    finally:
        db.dispose()


def test_rollen_runs_again_and_refuses_bad_names(office: tuple[str, str]) -> None:
    owner_url, workstation_url = office
    login = make_url(workstation_url).username or ""
    out = io.StringIO()
    assert main(["--db", owner_url, "db", "rollen", login], out=out, clock=FixedClock(TEST_DAY)) == 0
    assert "ohne Passwort" not in out.getvalue()  # it exists already
    for bad in ('x"; DROP TABLE persons; --', "Großbuchstaben", "postgres", "pg_monitor", "abh_arbeitsplatz_x"):
        assert main(["--db", owner_url, "db", "rollen", bad], out=io.StringIO(), clock=FixedClock(TEST_DAY)) == 2


def test_an_office_whose_owner_is_no_superuser(pg_admin_url: str, catalogue: Catalogue) -> None:
    """The realistic set-up: an owner login runs the migrations, the server's administrator runs
    ``db rollen``; a table of a later migration is usable by the workstations at once."""
    suffix = uuid.uuid4().hex[:8]
    owner, login, database = f"abh_eigen_{suffix}", f"abh_platz_{suffix}", f"abh_buero_{suffix}"
    admin = Database(pg_admin_url)
    with admin.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
        connection.execute(text(f"CREATE ROLE {owner} LOGIN"))
        connection.execute(text(f"CREATE DATABASE {database} OWNER {owner}"))
    admin.dispose()
    server = make_url(pg_admin_url)
    owner_url = server.set(username=owner, database=database).render_as_string(hide_password=False)
    as_owner = Database(owner_url)
    try:
        migrate.upgrade(as_owner)
        exposure = pg_roles.trail_exposure(as_owner)
        assert exposure is not None and "besitzt die Protokolltabelle" in exposure
        superuser_url = server.set(database=database).render_as_string(hide_password=False)
        assert main(["--db", superuser_url, "db", "rollen", login], out=io.StringIO(), clock=FixedClock(TEST_DAY)) == 0
        with as_owner.engine.begin() as connection:  # what a later migration does
            connection.execute(text("CREATE TABLE later_notes (id serial PRIMARY KEY, note text)"))
        workstation = Database(server.set(username=login, database=database).render_as_string(hide_password=False))
        try:
            with workstation.engine.begin() as connection:
                connection.execute(text("INSERT INTO later_notes (note) VALUES ('Termin')"))
            assert pg_roles.trail_exposure(workstation) is None
            assert "must be owner" in _refused(workstation, "ALTER TABLE audit_events DISABLE TRIGGER USER")
            ctx = ServiceContext(workstation, catalogue, clock=FixedClock(TEST_DAY))
            assert create_person(ctx, PersonInput("Haddad", "Rania", "01.01.1990", nationality="SYR")).id > 0
        finally:
            workstation.dispose()
    finally:
        as_owner.dispose()
        drop_pg_database(pg_admin_url, database)
