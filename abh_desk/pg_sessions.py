"""Sign-in sessions on the office's PostgreSQL server, so that its triggers can hold the four-eyes
rule against a script that has the workstations' login (issue 24, part 1; migration f4e1b2c3d5a6).

The server keeps its own password verifier per user and answers a correct password with a session
token (``abh_anmelden``). The program keeps the token in memory, with the signed-in ``Actor``, and
sets it in every writing transaction (``UnitOfWork``); the triggers then know who is signed in.
Only a login that is neither superuser nor the tables' owner is restricted: on the owner's login
(migrations, administration) and on SQLite nothing here runs.

Setting a password through the program (``benutzer passwort``, a new user) writes the server's
verifier too; a user without one cannot sign in on a workstations' login until the administration
has set their password.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import func, select, text
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

from abh_desk.errors import PermissionDenied

#: The SQLSTATE the triggers and functions raise where they refuse (see the migration).
REFUSED = "ABH24"
UNKNOWN, NO_VERIFIER, LOCKED = "ABH01", "ABH02", "ABH03"
SETTING = "abh.sitzung"


def sqlstate(exc: BaseException) -> str | None:
    orig = exc.orig if isinstance(exc, DBAPIError) else None
    return getattr(orig, "sqlstate", None)


def server_message(exc: BaseException) -> str:
    orig: Any = exc.orig if isinstance(exc, DBAPIError) else exc
    diag = getattr(orig, "diag", None)
    return str(getattr(diag, "message_primary", None) or orig).strip()


def refusal(exc: BaseException | None) -> PermissionDenied | None:
    """The German message for a change the server's triggers refused; None for any other error."""
    if exc is None or sqlstate(exc) != REFUSED:
        return None
    return PermissionDenied("pg_sessions.change_refused", detail=server_message(exc))


def restricted(session: Session) -> bool:
    """True where this connection's login is held by the server's four-eyes triggers."""
    if session.get_bind().dialect.name != "postgresql":
        return False
    return bool(session.scalar(select(func.abh_eingeschraenkt())))


def use(session: Session, token: str | None) -> None:
    """The signed-in user's server session for the rest of this transaction."""
    if token is not None:
        session.execute(select(func.set_config(SETTING, token, True)))


def open_session(session: Session, username: str, password: str) -> str | None:
    """A server session for a password the program has checked already: its token, or None where
    the server's verifier differs. Raises DBAPIError with ``UNKNOWN``, ``NO_VERIFIER`` or ``LOCKED``."""
    token = session.scalar(select(func.abh_anmelden(username, password)))
    return str(token) if token is not None else None


def renew(session: Session, old: str, new: str) -> bool:
    """The session ``old`` runs a day from now where ``new`` (just opened) is one of the same user's;
    ``new`` then ends. False where ``old`` has ended (signed out): keep ``new``."""
    return bool(session.scalar(select(func.abh_sitzung_erneuern(old, new))))


def open_token_session(session: Session, secret: str) -> str:
    """A server session for an access token the program has checked already."""
    return str(session.scalar(select(func.abh_schluessel_anmelden(secret))))


def close_session(session: Session, token: str) -> None:
    session.execute(select(func.abh_abmelden(token)))


def set_verifier(session: Session, user_id: int, password: str) -> None:
    """The server's verifier of ``password`` for the user (PostgreSQL only; the server refuses one
    for someone else without an administrator's session)."""
    if session.get_bind().dialect.name == "postgresql":
        session.execute(
            text("SELECT abh_passwort_setzen(:user_id, :password)"), {"user_id": user_id, "password": password}
        )
