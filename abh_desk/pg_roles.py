"""Least privilege on the office's PostgreSQL server (issue 24, part 1): the workstations' login
cannot switch the audit trail's protection off.

The tables belong to the login that ran the migrations (the office's database owner, used only by
the administration for ``db upgrade``). The workstations sign in to the server with a login of their
own, member of the database's group role ``abh_arbeitsplatz_<database>``, which may read and write
the tables of the program but, on ``audit_events``, only add entries and erase an entry's personal
data (``payload_json``, for retention — the trigger still allows nothing else). Not being the owner,
it can neither disable, replace nor drop the triggers, nor alter or truncate the table, nor change
the migrations' record (``alembic_version``). New tables of later migrations come with the same
rights (default privileges of the owner).

The four-eyes rule holds against this login too (migration f4e1b2c3d5a6, ``abh_desk.pg_sessions``):
the server verifies each user's password itself and opens a sign-in session, whose token the program
names in every writing transaction; triggers refuse, for every login that is neither superuser nor
the owner, an approval of a rejection notice without the session of a team lead of the case's area
who neither wrote nor edited it, a change to an approved notice's text or PDF, any change of users,
roles, passwords or access tokens without an administrator's session (one's own password from one's
own), and an audit entry naming a user other than the session's. The verifiers and sessions lie in
the schema ``abh_sign_in``, which this login cannot use.

What it can still do, said plainly: every other write of the program without any session (persons,
cases, deadlines: the program's checks hold there only for honest callers), audit entries naming no
user and correctly chained entries in its own session's name (the chain has no key), the program's
own sign-in counters, and reading everything — the argon2 hashes too, which a script can try to
guess offline.

SQLite has no logins: there the file's owner on the workstation is the limit (README).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from sqlalchemy import text

from abh_desk.errors import ConfigurationError, ValidationError
from abh_desk.storage import Database

WORKSTATION_ROLE = "abh_arbeitsplatz"
"""The group role's name stem; each database has its own (``abh_arbeitsplatz_<database>``), so a
training database's login has no rights in the office's real one on the same server."""
_LOGIN = re.compile(r"[a-z_][a-z0-9_]{0,62}")


def workstation_role(database: str) -> str:
    role = f"{WORKSTATION_ROLE}_{database}"
    if not _LOGIN.fullmatch(role):
        raise ValidationError("pg_roles.database_name_unfit", field="db", database=database)
    return role


@dataclass(frozen=True)
class RolesSetUp:
    login: str
    group: str
    login_created: bool


def set_up_roles(db: Database, login: str) -> RolesSetUp:
    """Create the database's group role and ``login`` (without password where it is new: the
    administration sets it on the server) and grant the workstations' rights. Run as a login that
    may create roles (CREATEROLE or superuser); the tables' owner need not be that login. Safe to
    run again (after an update, say)."""
    if db.backend != "postgresql":
        raise ConfigurationError("pg_roles.postgresql_only")
    if not _LOGIN.fullmatch(login) or login.startswith("pg_") or login.startswith(WORKSTATION_ROLE):
        raise ValidationError("pg_roles.login_unfit", field="login", login=login, workstation_role=WORKSTATION_ROLE)
    with db.engine.begin() as connection:
        owner, database = connection.execute(
            text(
                "SELECT pg_get_userbyid(relowner), current_database() FROM pg_class "
                "WHERE oid = 'audit_events'::regclass"
            )
        ).one()
        group = workstation_role(database)
        me = connection.execute(
            text("SELECT rolsuper OR rolcreaterole FROM pg_roles WHERE rolname = current_user")
        ).scalar_one()
        if not me:
            raise ValidationError("pg_roles.cannot_create_roles", field="login")
        existing = connection.execute(
            text(
                "SELECT rolsuper, rolcreaterole, rolcanlogin, pg_has_role(oid, (SELECT relowner FROM pg_class "
                "WHERE oid = 'audit_events'::regclass), 'MEMBER') AS owner FROM pg_roles WHERE rolname = :name"
            ),
            {"name": login},
        ).first()
        if existing is not None:
            if existing.rolsuper or existing.rolcreaterole or existing.owner:
                raise ValidationError("pg_roles.login_too_strong", field="login", login=login, owner=owner)
            if not existing.rolcanlogin:
                raise ValidationError("pg_roles.role_without_login", field="login", login=login)
        if connection.execute(text("SELECT 1 FROM pg_roles WHERE rolname = :n"), {"n": group}).first() is None:
            connection.execute(text(f"CREATE ROLE {group} NOLOGIN"))
        if existing is None:
            connection.execute(text(f'CREATE ROLE "{login}" LOGIN'))
        quoted_db = connection.execute(text("SELECT quote_ident(current_database())")).scalar_one()
        for statement in (
            f'GRANT {group} TO "{login}"',
            f"REVOKE CONNECT ON DATABASE {quoted_db} FROM PUBLIC",
            f"GRANT CONNECT ON DATABASE {quoted_db} TO {group}",
            "REVOKE CREATE ON SCHEMA public FROM PUBLIC",
            f"GRANT USAGE ON SCHEMA public TO {group}",
            f"GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO {group}",
            f"GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA public TO {group}",
            f"REVOKE INSERT, UPDATE, DELETE ON alembic_version FROM {group}",
            f"REVOKE UPDATE, DELETE, TRUNCATE ON audit_events FROM {group}",
            f"GRANT UPDATE (payload_json) ON audit_events TO {group}",
            # Tables and sequences of later migrations, which the owner creates, get the same rights.
            f'ALTER DEFAULT PRIVILEGES FOR ROLE "{owner}" IN SCHEMA public '
            f"GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO {group}",
            f'ALTER DEFAULT PRIVILEGES FOR ROLE "{owner}" IN SCHEMA public '
            f"GRANT USAGE, SELECT, UPDATE ON SEQUENCES TO {group}",
        ):
            connection.execute(text(statement))
    return RolesSetUp(login, group, existing is None)


def without_server_password(db: Database) -> list[str]:
    """The active users who cannot sign in on a workstations' login yet: the server has no verifier of
    their password (the administration sets it with ``benutzer passwort``)."""
    with db.read() as session:
        if session.scalar(text("SELECT to_regprocedure('abh_ohne_serverpasswort()')")) is None:
            return []  # a database before the update: nothing to say yet
        return list(session.scalars(text("SELECT abh_ohne_serverpasswort()")))


def trail_exposure(db: Database) -> str | None:
    """Why this login could switch the audit trail's protection off or rewrite entries (superuser,
    owner of the table, or rights beyond adding and erasing payloads); None where it cannot."""
    if db.backend != "postgresql":
        return None
    with db.read() as session:
        row = session.execute(
            text(
                "SELECT current_user AS login, r.rolsuper AS superuser, r.rolcreaterole AS createrole, "
                "pg_has_role(current_user, c.relowner, 'MEMBER') OR EXISTS (SELECT 1 FROM pg_proc p "
                "WHERE p.proname = 'audit_events_nur_anfuegen' "
                "AND pg_has_role(current_user, p.proowner, 'MEMBER')) AS owner, "
                "has_table_privilege('audit_events', 'DELETE') OR has_table_privilege('audit_events', 'TRUNCATE') "
                "OR has_table_privilege('audit_events', 'TRIGGER') "
                "OR has_column_privilege('audit_events', 'action', 'UPDATE') AS rewrites "
                "FROM pg_class c, pg_roles r WHERE c.oid = 'audit_events'::regclass AND r.rolname = current_user"
            )
        ).one()
    if row.superuser:
        why = "ist Superuser"
    elif row.owner:
        why = "besitzt die Protokolltabelle oder ihre Trigger-Funktion"
    elif row.createrole:
        why = "darf Rollen anlegen (und sich so die Rechte der Eigentümerin geben)"
    elif row.rewrites:
        why = "darf Einträge des Protokolls ändern oder löschen"
    else:
        return None
    return (
        f"Die Anmeldung „{row.login}“ {why}: wer ihr Passwort hat, kann den Schutz abschalten und das Protokoll "
        f"neu schreiben. Die Arbeitsplätze sollten eine eigene Anmeldung der Rolle {WORKSTATION_ROLE}_… nutzen "
        "(abh-desk db rollen, README)."
    )
