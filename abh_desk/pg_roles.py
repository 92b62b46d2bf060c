"""Least privilege on the office's PostgreSQL server (issue 24, part 1): the workstations' login
cannot switch the audit trail's protection off.

The tables belong to the login that ran the migrations (the office's database owner, used only by
the administration for ``db upgrade`` and ``db rollen``). The workstations sign in to the server
with a login of their own, member of the group role ``abh_arbeitsplatz``, which may read and write
the tables of the program but, on ``audit_events``, only add entries and erase an entry's personal
data (``payload_json``, for retention — the trigger still allows nothing else). Not being the owner,
it can neither disable, replace nor drop the triggers, nor alter or truncate the table, nor change
the migrations' record (``alembic_version``). New tables of later migrations come with the same
rights (default privileges of the owner).

SQLite has no logins: there the file's owner on the workstation is the limit (README).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from sqlalchemy import text

from abh_desk.errors import ConfigurationError, ValidationError
from abh_desk.storage import Database

WORKSTATION_ROLE = "abh_arbeitsplatz"
_LOGIN = re.compile(r"[a-z_][a-z0-9_]{0,62}")


@dataclass(frozen=True)
class RolesSetUp:
    login: str
    login_created: bool


def set_up_roles(db: Database, login: str) -> RolesSetUp:
    """Create the group role and ``login`` (without password where it is new: the administration
    sets it on the server) and grant the workstations' rights. Run as the database's owner; safe to
    run again (after a migration, say)."""
    if db.backend != "postgresql":
        raise ConfigurationError("Rollen gibt es nur auf einem PostgreSQL-Server; SQLite hat keine Anmeldungen.")
    if not _LOGIN.fullmatch(login):
        raise ValidationError(
            f"„{login}“ taugt nicht als Anmeldename: Kleinbuchstaben, Ziffern und _ (höchstens 63 Zeichen).",
            field="login",
        )
    with db.engine.begin() as connection:
        owner = connection.execute(
            text("SELECT pg_get_userbyid(relowner) FROM pg_class WHERE oid = 'audit_events'::regclass")
        ).scalar_one()
        if login == owner:
            raise ValidationError(
                f"„{login}“ besitzt die Tabellen: die Arbeitsplätze brauchen eine eigene Anmeldung.", field="login"
            )
        exists = connection.execute(text("SELECT 1 FROM pg_roles WHERE rolname = :name"), {"name": login}).first()
        group = connection.execute(
            text("SELECT 1 FROM pg_roles WHERE rolname = :name"), {"name": WORKSTATION_ROLE}
        ).first()
        if group is None:
            connection.execute(text(f"CREATE ROLE {WORKSTATION_ROLE} NOLOGIN"))
        if exists is None:
            connection.execute(text(f'CREATE ROLE "{login}" LOGIN'))
        database = connection.execute(text("SELECT current_database()")).scalar_one()
        for statement in (
            f'GRANT {WORKSTATION_ROLE} TO "{login}"',
            f'GRANT CONNECT ON DATABASE "{database}" TO {WORKSTATION_ROLE}',
            f"GRANT USAGE ON SCHEMA public TO {WORKSTATION_ROLE}",
            f"GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO {WORKSTATION_ROLE}",
            f"GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA public TO {WORKSTATION_ROLE}",
            f"REVOKE INSERT, UPDATE, DELETE ON alembic_version FROM {WORKSTATION_ROLE}",
            f"REVOKE UPDATE, DELETE, TRUNCATE ON audit_events FROM {WORKSTATION_ROLE}",
            f"GRANT UPDATE (payload_json) ON audit_events TO {WORKSTATION_ROLE}",
            "ALTER DEFAULT PRIVILEGES IN SCHEMA public "
            f"GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO {WORKSTATION_ROLE}",
            f"ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT, UPDATE ON SEQUENCES TO {WORKSTATION_ROLE}",
        ):
            connection.execute(text(statement))
    return RolesSetUp(login, exists is None)


def trail_exposure(db: Database) -> str | None:
    """Why this login could switch the audit trail's protection off or rewrite entries (superuser,
    owner of the table, or rights beyond adding and erasing payloads); None where it cannot."""
    if db.backend != "postgresql":
        return None
    with db.read() as session:
        row = session.execute(
            text(
                "SELECT current_user AS login, r.rolsuper AS superuser, "
                "pg_has_role(current_user, c.relowner, 'MEMBER') AS owner, "
                "has_table_privilege('audit_events', 'DELETE') OR has_table_privilege('audit_events', 'TRUNCATE') "
                "OR has_column_privilege('audit_events', 'action', 'UPDATE') AS rewrites "
                "FROM pg_class c, pg_roles r WHERE c.oid = 'audit_events'::regclass AND r.rolname = current_user"
            )
        ).one()
    if row.superuser:
        why = "ist Superuser"
    elif row.owner:
        why = "besitzt die Protokolltabelle"
    elif row.rewrites:
        why = "darf Einträge des Protokolls ändern oder löschen"
    else:
        return None
    return (
        f"Die Anmeldung „{row.login}“ {why}: wer ihr Passwort hat, kann den Schutz abschalten und das Protokoll "
        f"neu schreiben. Die Arbeitsplätze sollten eine eigene Anmeldung der Rolle {WORKSTATION_ROLE} nutzen "
        "(abh-desk db rollen, README)."
    )
