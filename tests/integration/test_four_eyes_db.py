"""The four-eyes rule held by the PostgreSQL server against a script that has the workstations'
login (issue 24, part 1): without the server session of a qualified team lead no notice is
approved, users and roles change only from an administrator's session, and an audit entry names
only the user whose session wrote it. The honest path through the program still works.

The realistic office: a login that is no superuser owns the database and ran the migrations; the
workstations use a login of the group role ``abh_arbeitsplatz_<db>`` (``abh-desk db rollen``)."""

from __future__ import annotations

import dataclasses
import io
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import timedelta

import pytest
from sqlalchemy import exc, select, text, update
from sqlalchemy.engine import make_url

from abh_desk import migrate
from abh_desk.cli import main
from abh_desk.clock import FixedClock
from abh_desk.domain.catalogue import Catalogue
from abh_desk.domain.enums import LetterStatus, Role
from abh_desk.errors import PermissionDenied
from abh_desk.services.access_tokens import issue_token, sign_in_with_token
from abh_desk.services.auth import LoginFailed, create_user, hash_password, set_password, sign_in, sign_out
from abh_desk.services.case_file import get_case_file, mark_received
from abh_desk.services.context import SYSTEM, Actor, ServiceContext
from abh_desk.services.example_office import install_example_office
from abh_desk.services.grants import GrantInput, GrantStatus, approve_grant, grant
from abh_desk.services.notice_dispatch import dispatch
from abh_desk.services.notice_review import approve, submit_for_review
from abh_desk.services.notices import notice_view
from abh_desk.services.office import get_office_settings, update_office_settings
from abh_desk.services.persons import PersonInput, create_person
from abh_desk.services.read_log import ReadLog
from abh_desk.services.rejections import draft_rejection, update_rejection, waive_hearing
from abh_desk.storage import Database
from models import Grant, Letter, User
from tests.conftest import drop_pg_database, new_pg_database
from tests.integration.test_rejections import DRAFT, TODAY, _case, _pdf, _text

pytestmark = pytest.mark.postgres

PASSWORD = "Vier-Augen-2036"
REVISION = "f4e1b2c3d5a6"
WAIVED = "Der Antragsteller hat auf Anhörung verzichtet."


@dataclass
class Office:
    owner: ServiceContext
    """The owner's login: migrations and administration, not restricted."""
    workstation: ServiceContext
    """The workstations' login, signed in as nobody."""
    ids: dict[str, int]
    superuser_url: str
    login: str

    def signed_in(self, name: str) -> ServiceContext:
        """A workstation of its own (its own reads noted): the reads of one are no entry of another's."""
        ctx = self.workstation.as_user(sign_in(self.workstation, name, PASSWORD).actor)
        return dataclasses.replace(ctx, reads=ReadLog())


def _no_password(_url: object) -> None:
    return None


@pytest.fixture(scope="module")
def office(pg_admin_url: str, catalogue: Catalogue) -> Iterator[Office]:
    suffix = uuid.uuid4().hex[:8]
    owner, login, database = f"abh_eigen_{suffix}", f"abh_platz_{suffix}", f"abh_buero_{suffix}"
    admin = Database(pg_admin_url, _no_password)
    with admin.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
        connection.execute(text(f"CREATE ROLE {owner} LOGIN"))
        connection.execute(text(f"CREATE DATABASE {database} OWNER {owner}"))
    admin.dispose()
    server = make_url(pg_admin_url)
    as_owner = Database(server.set(username=owner, database=database).render_as_string(False), _no_password)
    migrate.upgrade(as_owner)  # pgcrypto is a trusted extension: the owner installs it
    superuser_url = server.set(database=database).render_as_string(hide_password=False)
    assert main(["--db", superuser_url, "db", "rollen", login], out=io.StringIO(), clock=FixedClock(TODAY)) == 0
    clock = FixedClock(TODAY)
    owner_ctx = ServiceContext(as_owner, catalogue, SYSTEM, clock)
    install_example_office(owner_ctx)
    # The administration sets the passwords on the owner's login: the server's verifiers with them.
    create_user(owner_ctx, "lead", "Frau Leitung", Role.TEAM_LEAD, PASSWORD, area="allgemein")
    create_user(owner_ctx, "lead2", "Herr Zweitleitung", Role.TEAM_LEAD, PASSWORD, area="allgemein")
    create_user(owner_ctx, "asyllead", "Frau Asyl", Role.TEAM_LEAD, PASSWORD, area="asyl")
    create_user(owner_ctx, "admin", "Herr Admin", Role.ADMIN, PASSWORD)
    set_password(owner_ctx, "keller", PASSWORD)
    with as_owner.read() as session:
        ids = dict(session.execute(select(User.username, User.id)).all())
    workstation = Database(server.set(username=login, database=database).render_as_string(False), _no_password)
    try:
        yield Office(owner_ctx, ServiceContext(workstation, catalogue, SYSTEM, clock), ids, superuser_url, login)
    finally:
        workstation.dispose()
        as_owner.dispose()
        drop_pg_database(pg_admin_url, database)


def _in_review(office: Office, clerk: ServiceContext) -> int:
    """A notice of Frau Keller's, written and submitted on the workstations' login."""
    letter_id = draft_rejection(clerk, _case(clerk), DRAFT)
    waive_hearing(clerk, letter_id, notice_view(clerk, letter_id).version, WAIVED)
    submit_for_review(clerk, letter_id, notice_view(clerk, letter_id).version)
    return letter_id


def _refused(office: Office, token: str | None, sql: str, **params: object) -> str:
    """What the server answers a script on the workstations' login (with ``token`` as its session)."""
    with pytest.raises(exc.DBAPIError) as caught, office.workstation.db.engine.begin() as connection:
        if token is not None:
            connection.execute(text("SELECT set_config('abh.sitzung', :t, true)"), {"t": token})
        connection.execute(text(sql), params)
    assert getattr(caught.value.orig, "sqlstate", None) == "ABH24", caught.value
    return str(caught.value.orig)


def _approve_sql(office: Office, reviewer: str) -> str:
    return (
        f"UPDATE letters SET status = 'freigegeben', reviewed_by_id = {office.ids[reviewer]}, "
        "reviewed_at = now() WHERE id = :id"
    )


def _status(office: Office, letter_id: int) -> str:
    with office.owner.db.read() as session:
        return session.scalars(select(Letter.status).where(Letter.id == letter_id)).one()


def test_a_script_cannot_approve_without_the_session_of_a_qualified_lead(office: Office) -> None:
    clerk = office.signed_in("keller")
    assert clerk.actor.server_session is not None
    letter_id = _in_review(office, clerk)
    token = clerk.actor.server_session
    assert "Teamleitung, die selbst angemeldet ist" in _refused(
        office, None, _approve_sql(office, "lead"), id=letter_id
    )
    assert "selbst angemeldet" in _refused(office, token, _approve_sql(office, "lead"), id=letter_id)
    assert "Teamleitung des Bereichs" in _refused(office, token, _approve_sql(office, "keller"), id=letter_id)
    other_area = office.signed_in("asyllead").actor.server_session
    assert "Teamleitung des Bereichs" in _refused(office, other_area, _approve_sql(office, "asyllead"), id=letter_id)
    # Nor can the author pass the notice on to someone else, or write herself in as the last editor's stand-in.
    assert "Verfasser" in _refused(
        office, token, "UPDATE letters SET created_by_id = :lead WHERE id = :id", lead=office.ids["lead"], id=letter_id
    )
    # A program that builds the lead's Actor itself gets the server's refusal in German; nothing saved.
    forged = clerk.as_user(Actor(office.ids["lead"], "lead", Role.TEAM_LEAD))
    with pytest.raises(PermissionDenied, match="Die Datenbank hat die Änderung abgelehnt"):
        approve(forged, letter_id, notice_view(clerk, letter_id).version)
    assert _status(office, letter_id) == LetterStatus.IN_REVIEW.value


def test_a_lead_who_edited_the_notice_cannot_approve_it_even_with_her_own_session(office: Office) -> None:
    clerk, lead = office.signed_in("keller"), office.signed_in("lead2")
    letter_id = _in_review(office, clerk)
    version = notice_view(lead, letter_id).version
    update_rejection(lead, letter_id, version, DRAFT, withdraw_review=True)  # she edits: a co-author now
    update_rejection(clerk, letter_id, notice_view(clerk, letter_id).version, DRAFT)  # the clerk last
    submit_for_review(clerk, letter_id, notice_view(clerk, letter_id).version)
    # Her edit is in the audit trail only (created_by and last_edited_by name the clerk).
    message = _refused(office, lead.actor.server_session, _approve_sql(office, "lead2"), id=letter_id)
    assert "Vier-Augen-Prinzip" in message


def test_the_honest_lead_approves_through_the_program_and_the_final_pdf_prints(office: Office) -> None:
    clerk = office.signed_in("keller")
    letter_id = _in_review(office, clerk)
    lead = office.signed_in("lead")
    approve(lead, letter_id, notice_view(lead, letter_id).version, "Passt.")
    assert _status(office, letter_id) == LetterStatus.APPROVED.value
    final = _text(_pdf(office.owner, letter_id))
    assert "ENTWURF" not in final and "Widerspruch" in final
    with office.owner.db.read() as session:
        letter = session.get(Letter, letter_id)
        assert letter is not None and letter.reviewed_by_id == office.ids["lead"]
    # Approved, its text and PDF stay as she saw them: not even her session rewrites the PDF.
    assert "freigegeben hat" in _refused(
        office, lead.actor.server_session, "UPDATE letters SET pdf = 'x' WHERE id = :id", id=letter_id
    )
    dispatch(clerk, letter_id, notice_view(clerk, letter_id).version, TODAY)  # the clerk sends it on
    assert _status(office, letter_id) == LetterStatus.SENT.value and _text(_pdf(office.owner, letter_id)) == final


def test_users_roles_and_passwords_change_only_from_an_administrators_session(office: Office) -> None:
    clerk = office.signed_in("keller")
    token, lead_id = clerk.actor.server_session, office.ids["lead"]
    for session in (None, token):
        assert "nur die angemeldete Administration" in _refused(
            office, session, "UPDATE users SET role = 'teamleitung' WHERE id = :id", id=office.ids["keller"]
        )
    assert "Administration" in _refused(
        office, token, "UPDATE users SET password_hash = 'x' WHERE id = :id", id=lead_id
    )
    assert "Administration" in _refused(office, token, "SELECT abh_passwort_setzen(:id, 'gestohlen-2036')", id=lead_id)
    assert "Administration" in _refused(
        office, token, "INSERT INTO users (username, display_name, role, active, failed_logins, created_at, version) "
        "VALUES ('evil', 'Evil', 'teamleitung', true, 0, now(), 1)",
    )  # fmt: skip
    assert "Zugangsschlüssel" in _refused(
        office, token, "INSERT INTO access_tokens (user_id, token_hash, purpose, valid_until, created_at) "
        "VALUES (:id, 'abc', 'Skript', '2099-01-01', now())", id=lead_id,
    )  # fmt: skip
    # The verifiers and sessions themselves are out of the login's reach.
    for table in ("abh_sign_in.passwords", "abh_sign_in.sessions"):
        with pytest.raises(exc.ProgrammingError, match="permission denied"), office.workstation.db.engine.begin() as c:
            c.execute(text(f"SELECT * FROM {table}"))
    # One's own password, from one's own session, is fine — through the program.
    set_password(clerk, "keller", PASSWORD)
    # The administration, signed in on a workstation, does what it did before.
    admin = office.signed_in("admin")
    create_user(admin, "neu", "Herr Neu", Role.CASEWORKER, PASSWORD, area="allgemein")
    assert office.signed_in("neu").actor.role == Role.CASEWORKER
    issued = issue_token(admin, "keller", "nächtlicher Stapellauf", TODAY + timedelta(days=30))
    batch = dataclasses.replace(
        office.workstation.as_user(sign_in_with_token(office.workstation, issued.secret).actor), reads=ReadLog()
    )
    assert batch.actor.server_session is not None
    create_person(batch, PersonInput("Haddad", "Rania", "01.01.1990", nationality="SYR"))  # logged as keller


def test_an_audit_entry_names_only_the_user_whose_session_wrote_it(office: Office) -> None:
    clerk = office.signed_in("keller")
    sql = (
        "INSERT INTO audit_events (occurred_at, user_id, action, entity, entity_id, chain) "
        "VALUES (now(), :who, 'bescheid_freigegeben', 'letter', 1, '')"
    )
    assert "selbst angemeldet" in _refused(office, clerk.actor.server_session, sql, who=office.ids["lead"])
    assert "Ohne gültige Anmeldung" in _refused(office, None, sql, who=office.ids["lead"])
    # After signing out, the clerk's old session names nobody any more.
    sign_out(clerk)
    with pytest.raises(PermissionDenied, match="Die Datenbank hat die Änderung abgelehnt: Ohne gültige Anmeldung"):
        create_person(clerk, PersonInput("Nowak", "Jan", "02.02.1991", nationality="POL"))


def test_a_user_without_a_server_password_signs_in_once_the_administration_sets_it(office: Office) -> None:
    """Users from before the migration have only the program's hash: refused on a workstation until
    the administration sets the password; a script cannot plant a verifier for them."""
    with office.owner.unit_of_work() as uow:
        uow.session.execute(update(User).where(User.username == "rudolf").values(password_hash=hash_password(PASSWORD)))
        uow.commit()
    with pytest.raises(LoginFailed, match="auf dem Datenbankserver noch kein Passwort"):
        sign_in(office.workstation, "rudolf", PASSWORD)
    out = io.StringIO()  # ``db rollen`` tells the administration whom to set a password for
    assert main(["--db", office.superuser_url, "db", "rollen", office.login], out=out, clock=FixedClock(TODAY)) == 0
    waiting = out.getvalue().split("nicht anmeldbar: ")[1].split(".")[0].split(", ")
    assert "rudolf" in waiting and "keller" not in waiting and "lead" not in waiting
    assert "Administration" in _refused(
        office, None, "SELECT abh_passwort_setzen(:id, 'geplant-2036')", id=office.ids["rudolf"]
    )
    set_password(office.signed_in("admin"), "rudolf", PASSWORD)
    assert office.signed_in("rudolf").actor.server_session is not None


def test_the_server_counts_wrong_passwords_and_locks(office: Office) -> None:
    create_user(office.owner, "geraten", "Frau Geraten", Role.CASEWORKER, PASSWORD, area="allgemein")
    with office.workstation.db.engine.connect() as connection:
        for _ in range(5):
            assert connection.execute(text("SELECT abh_anmelden('geraten', 'falsch-falsch')")).scalar() is None
            connection.commit()
        with pytest.raises(exc.DBAPIError, match="vorübergehend gesperrt"):
            connection.execute(text("SELECT abh_anmelden('geraten', :p)"), {"p": PASSWORD})


def test_a_session_ends_after_a_day_and_unlocking_the_screen_renews_it(office: Office) -> None:
    clerk = office.signed_in("keller")
    token = clerk.actor.server_session
    with office.owner.db.engine.begin() as connection:
        connection.execute(
            text(
                "UPDATE abh_sign_in.sessions SET started_at = now() - interval '25 hours' "
                "WHERE token_hash = abh_sign_in.digest(:t, 'sha256')"
            ),
            {"t": token},
        )
    person = PersonInput("Nowak", "Jan", "02.02.1991", nationality="POL")
    with pytest.raises(PermissionDenied, match="älter als einen Tag"):
        create_person(clerk, person)
    # The idle lock signs in again with the windows' context: the session they hold runs on.
    assert sign_in(clerk, "keller", PASSWORD).actor.server_session == token
    assert create_person(clerk, person).id > 0


def test_the_migration_goes_back_and_again_on_postgresql(pg_admin_url: str) -> None:
    from alembic import command
    from alembic.script import ScriptDirectory

    url = new_pg_database(pg_admin_url)
    db = Database(url, _no_password)
    config = migrate.alembic_config()
    before = ScriptDirectory.from_config(config).get_revision(REVISION).down_revision
    assert isinstance(before, str)
    present = (
        "SELECT to_regprocedure('abh_anmelden(text, text)') IS NOT NULL, to_regnamespace('abh_sign_in') IS NOT NULL"
    )
    try:
        with db.engine.begin() as connection:
            config.attributes["connection"] = connection
            assert tuple(connection.execute(text(present)).one()) == (True, True)
            command.downgrade(config, before)
            assert tuple(connection.execute(text(present)).one()) == (False, False)
            command.upgrade(config, "head")
            assert tuple(connection.execute(text(present)).one()) == (True, True)
    finally:
        db.dispose()
        drop_pg_database(pg_admin_url, make_url(url).database or "")


def test_a_command_signs_in_on_the_server_and_its_session_ends_with_it(
    office: Office, monkeypatch: pytest.MonkeyPatch
) -> None:
    workstation_url = office.workstation.db.url.render_as_string(hide_password=False)
    # Its own person to find: the one an earlier test made is not there when that test ran in
    # another process (pytest-xdist gives each its own office) or not at all (-k).
    create_person(office.owner, PersonInput("Haddad", "Karim", "02.02.1992", nationality="SYR"))
    count = "SELECT count(*) FROM abh_sign_in.sessions WHERE ended_at IS NULL AND user_id = :id"
    with office.owner.db.engine.connect() as connection:
        open_before = connection.execute(text(count), {"id": office.ids["keller"]}).scalar_one()
    monkeypatch.setattr("sys.stdin", io.StringIO(f"{PASSWORD}\n"))
    out = io.StringIO()
    args = ["--db", workstation_url, "--anmelden", "keller", "--anmeldung-stdin", "suche", "haddad"]
    assert main(args, out=out, clock=FixedClock(TODAY)) == 0, out.getvalue()  # its read is logged as keller's
    with office.owner.db.engine.connect() as connection:
        assert connection.execute(text(count), {"id": office.ids["keller"]}).scalar_one() == open_before
        logged = connection.execute(text("SELECT user_id FROM audit_events ORDER BY id DESC LIMIT 1")).scalar_one()
    assert logged == office.ids["keller"]


# --- grants (a title's Bewilligung under four eyes, where the office sets grant_review) ---------


def _grant_in_review(office: Office, clerk: ServiceContext) -> tuple[int, int]:
    """Herr Keller proposes a grant of his case on the workstations' login; the office reviews all."""
    update_office_settings(office.owner, grant_review="alle")
    case_id = _case(clerk)
    file = get_case_file(clerk, case_id)
    for line in (*file.checklist, *file.checks):
        mark_received(clerk, line.id)
    proposed = grant(clerk, case_id, None, GrantInput(valid_from=TODAY, valid_until=TODAY + timedelta(days=300)))
    assert not proposed.in_force
    return case_id, proposed.grant.id


def _grant_status(office: Office, grant_id: int) -> str:
    with office.owner.db.read() as session:
        return session.scalars(select(Grant.status).where(Grant.id == grant_id)).one()


def test_a_script_cannot_put_a_grant_in_force_or_switch_the_review_off(office: Office) -> None:
    clerk = office.signed_in("keller")
    _case_id, grant_id = _grant_in_review(office, clerk)
    token = clerk.actor.server_session
    in_force = "UPDATE grants SET status = 'erteilt' WHERE id = :id"
    assert "unter vier Augen" in _refused(office, token, in_force, id=grant_id)
    assert "unter vier Augen" in _refused(office, None, in_force, id=grant_id)
    as_lead = f"UPDATE grants SET status = 'erteilt', reviewed_by_id = {office.ids['lead']} WHERE id = :id"
    assert "selbst angemeldet" in _refused(office, token, as_lead, id=grant_id)
    assert "Teamleitung des Bereichs" in _refused(
        office,
        office.signed_in("asyllead").actor.server_session,
        f"UPDATE grants SET reviewed_by_id = {office.ids['asyllead']} WHERE id = :id",
        id=grant_id,
    )
    switch_off = "UPDATE office_settings SET value = 'keine' WHERE key = 'grant_review'"
    assert "Administration" in _refused(office, token, switch_off)
    assert "Administration" in _refused(office, token, "DELETE FROM office_settings WHERE key = 'grant_review'")
    idle_lock_off = "INSERT INTO office_settings (key, value) VALUES ('idle_lock_minutes', '0') "
    idle_lock_off += "ON CONFLICT (key) DO UPDATE SET value = '0'"
    assert "Administration" in _refused(office, token, idle_lock_off)
    assert "nie schon erteilt" in _refused(
        office,
        token,
        "INSERT INTO grants (case_id, status, card, proposed_by_id, proposed_at, version) "
        f"SELECT case_id, 'erteilt', card, {office.ids['keller']}, now(), 1 FROM grants WHERE id = :id",
        id=grant_id,
    )
    assert _grant_status(office, grant_id) == GrantStatus.IN_REVIEW
    with pytest.raises(PermissionDenied, match="Datenbank"):  # a lead built by the program, without a session
        approve_grant(office.workstation.as_user(Actor(office.ids["lead"], "lead", Role.TEAM_LEAD)), grant_id)
    assert _grant_status(office, grant_id) == GrantStatus.IN_REVIEW


def test_the_lead_of_the_area_approves_a_grant_through_the_program(office: Office) -> None:
    clerk = office.signed_in("keller")
    _case_id, grant_id = _grant_in_review(office, clerk)
    approved = approve_grant(office.signed_in("lead"), grant_id)
    assert approved.status == GrantStatus.GRANTED and approved.reviewed_by == "Frau Leitung"
    assert "bleibt, wie sie erteilt wurde" in _refused(
        office,
        clerk.actor.server_session,
        "UPDATE grants SET valid_until = NULL WHERE id = :id",
        id=grant_id,
    )
    update_office_settings(office.signed_in("admin"), grant_review="keine")  # an administrator's session may
    assert get_office_settings(office.owner).grant_review == "keine"
    update_office_settings(office.owner, grant_review="alle")
