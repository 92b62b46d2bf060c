"""Signing in: local users with argon2id password hashes; failed attempts throttled and logged.

After ``MAX_FAILURES`` wrong passwords in a row a user is locked for ``LOCK_MINUTES``, doubling
with every further failure (at most a day); the lock and every failure go into the audit log.
The message never tells whether the user name or the password was wrong.
"""

from __future__ import annotations

import contextlib
import functools
from dataclasses import dataclass
from datetime import datetime, timedelta

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import select, update
from sqlalchemy.exc import DBAPIError

from abh_desk import pg_sessions
from abh_desk.domain.enums import ROLE_LABELS, Role
from abh_desk.domain.text import clean_text
from abh_desk.error_texts import Label
from abh_desk.errors import DomainError, PermissionDenied, ValidationError
from abh_desk.services.context import Actor, ServiceContext, UnitOfWork
from models import Area, User

MAX_FAILURES = 5
LOCK_MINUTES = 5
MIN_PASSWORD_LENGTH = 8
_hasher = PasswordHasher()  # argon2-cffi's defaults (RFC 9106's low-memory choice): t=3, 64 MiB, p=4


def use_password_hasher(hasher: PasswordHasher) -> PasswordHasher:
    """Hash and check with ``hasher`` from now on; returns the one used so far. Only the test suite
    calls this (cheap parameters: a hash costs 0.2 s of CPU with the real ones); the program always
    runs on the defaults above. Hashes made with other parameters still verify and are re-hashed
    with the current ones at the next sign-in."""
    global _hasher
    previous, _hasher = _hasher, hasher
    _dummy_hash.cache_clear()
    return previous


@functools.cache
def _dummy_hash() -> str:
    """Hashed once, when first needed (hashing costs ~0.1 s: not at every program start)."""
    return _hasher.hash("abh-desk: kein Benutzer")


class LoginFailed(DomainError):
    code = "anmeldung_fehlgeschlagen"


@dataclass(frozen=True)
class SignedIn:
    actor: Actor
    display_name: str
    role_label: str


def hash_password(password: str) -> str:
    if len(password) < MIN_PASSWORD_LENGTH:
        raise ValidationError("shared.password_too_short", min_length=MIN_PASSWORD_LENGTH, field="passwort")
    return _hasher.hash(password)


def _count_failure(uow: UnitOfWork, user_id: int, now: datetime) -> int:
    """One more wrong password, counted atomically (parallel guesses are each counted); from the
    fifth on the user is locked, twice as long with each further one (at most a day)."""
    failures = int(
        uow.session.execute(
            update(User)
            .where(User.id == user_id)
            .values(failed_logins=User.failed_logins + 1)
            .returning(User.failed_logins)
            .execution_options(synchronize_session=False)
        ).scalar_one()
    )
    if failures >= MAX_FAILURES:
        lock = min(timedelta(minutes=LOCK_MINUTES * 2 ** (failures - MAX_FAILURES)), timedelta(days=1))
        uow.session.execute(
            update(User)
            .where(User.id == user_id)
            .values(locked_until=now + lock)
            .execution_options(synchronize_session=False)
        )
    return failures


def sign_in(ctx: ServiceContext, username: str, password: str) -> SignedIn:
    """Check the password; returns who is signed in, or raises LoginFailed with a German message."""
    wrong = LoginFailed("auth.wrong_credentials")
    with ctx.unit_of_work() as uow:
        now = uow.now
        user = uow.session.scalar(select(User).where(User.username == username.strip().lower()))
        if user is None or not user.active:
            # What was typed may be a password in the wrong field: it is not logged. The hash
            # check runs anyway, so an unknown name answers as slowly as a wrong password.
            with contextlib.suppress(VerificationError, InvalidHashError):
                _hasher.verify(_dummy_hash(), password)
            uow.audit("anmeldung_fehlgeschlagen", "user", None, grund="unbekannter oder gesperrter Benutzer")
            uow.commit()
            raise wrong
        if user.locked_until is not None and user.locked_until > now:
            minutes = max(1, int((user.locked_until - now).total_seconds() // 60) + 1)
            uow.audit("anmeldung_gesperrt", "user", user.id, benutzer=user.username)  # an attempt while locked
            uow.commit()
            raise LoginFailed("auth.locked_for_minutes", minutes=minutes)
        if user.password_hash is None:
            raise LoginFailed("auth.no_password_yet")
        try:
            _hasher.verify(user.password_hash, password)
        except (VerificationError, InvalidHashError):
            failures = _count_failure(uow, user.id, now)
            uow.audit("anmeldung_fehlgeschlagen", "user", user.id, benutzer=user.username, fehlversuche=failures)
            uow.commit()
            raise wrong from None
        token = _server_session(uow, user.username, password)
        previous = ctx.actor.server_session
        # Unlocking the screen: the session the windows hold runs on (they keep their context).
        if token and previous and ctx.actor.user_id == user.id and pg_sessions.renew(uow.session, previous, token):
            token = previous
            pg_sessions.use(uow.session, token)
        # Counters and time stamps are written in one statement each, without the row's version:
        # parallel sign-ins of one user (several workstations) never collide as "changed meanwhile".
        values: dict[str, object] = {"failed_logins": 0, "locked_until": None, "last_login_at": now}
        if _hasher.check_needs_rehash(user.password_hash):
            values["password_hash"] = _hasher.hash(password)
        uow.session.execute(
            update(User).where(User.id == user.id).values(**values).execution_options(synchronize_session=False)
        )
        actor = Actor(user.id, user.username, Role(user.role), server_session=token)
        uow.ctx = ctx.as_user(actor)
        uow.audit("angemeldet", "user", user.id, benutzer=user.username)
        uow.commit()
        return SignedIn(actor, user.display_name, ROLE_LABELS[Role(user.role)])


def _server_session(uow: UnitOfWork, username: str, password: str) -> str | None:
    """On a workstations' login of a PostgreSQL server: the server's sign-in session for the password
    the program has checked (``abh_desk.pg_sessions``), in use for the rest of the transaction."""
    if not pg_sessions.restricted(uow.session):
        return None
    try:
        token = pg_sessions.open_session(uow.session, username, password)
    except DBAPIError as exc:
        code = pg_sessions.sqlstate(exc)
        if code == pg_sessions.NO_VERIFIER:
            raise LoginFailed("auth.no_server_password", username=username) from None
        if code in (pg_sessions.LOCKED, pg_sessions.UNKNOWN):
            raise LoginFailed("auth.server_refuses", reason=pg_sessions.server_message(exc)) from None
        raise
    if token is None:
        raise LoginFailed("auth.passwords_differ", username=username)
    pg_sessions.use(uow.session, token)
    return token


def set_password(ctx: ServiceContext, username: str, password: str) -> None:
    """An administrator (or the user themselves) sets a new password."""
    actor = ctx.actor
    if actor.role != Role.ADMIN and actor.username != username:
        raise PermissionDenied("auth.admin_sets_passwords")
    hashed = hash_password(password)
    with ctx.unit_of_work() as uow:
        user = uow.session.scalar(select(User).where(User.username == username))
        if user is None:
            raise ValidationError("shared.no_such_user", username=username, field="benutzer")
        user.password_hash = hashed
        user.failed_logins = 0
        user.locked_until = None
        uow.session.flush()
        pg_sessions.set_verifier(uow.session, user.id, password)
        uow.audit("passwort_gesetzt", "user", user.id, benutzer=user.username)
        uow.commit()


def create_user(
    ctx: ServiceContext,
    username: str,
    display_name: str,
    role: Role,
    password: str | None = None,
    area: str | None = None,
) -> None:
    if ctx.actor.role != Role.ADMIN:
        raise PermissionDenied("auth.admin_creates_users")
    name = username.strip().lower()
    if not name.isascii() or not name.replace(".", "").replace("-", "").isalnum() or len(name) > 64:
        raise ValidationError("shared.username_rule", field="benutzer")
    display_name = clean_text(display_name, "name", Label("auth.label_display_name"), 200)
    if not display_name:
        raise ValidationError("shared.display_name_missing", field="name")
    hashed = hash_password(password) if password is not None else None
    with ctx.unit_of_work() as uow:
        if uow.session.scalar(select(User.id).where(User.username == name)) is not None:
            raise ValidationError("auth.user_exists", username=name, field="benutzer")
        area_id = uow.session.scalar(select(Area.id).where(Area.code == area)) if area else None
        if area and area_id is None:
            raise ValidationError("shared.area_not_found", area=area, field="bereich")
        user = User(username=name, display_name=display_name, role=role.value, password_hash=hashed, area_id=area_id)
        uow.session.add(user)
        uow.session.flush()
        if password is not None:
            pg_sessions.set_verifier(uow.session, user.id, password)
        uow.audit("benutzer_angelegt", "user", user.id, benutzer=name, rolle=role.value)
        uow.commit()


def sign_out(ctx: ServiceContext) -> None:
    """Abmelden (also to let another user sign in at this workstation): logged."""
    if ctx.actor.user_id is None:
        return
    with ctx.unit_of_work() as uow:
        uow.audit("abgemeldet", "user", ctx.actor.user_id, benutzer=ctx.actor.username)
        uow.commit()
    end_server_session(ctx)  # after the entry: it is written in the session it ends


def end_server_session(ctx: ServiceContext) -> None:
    """The signed-in user's server session ends (sign-out, or a command has run); not logged."""
    token = ctx.actor.server_session
    if token is not None:
        with ctx.db.write_sessions() as session, session.begin():
            pg_sessions.close_session(session, token)
