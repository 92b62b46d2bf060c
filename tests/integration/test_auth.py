"""Signing in: argon2id, throttling, and nothing typed by mistake ends up in the log."""

from __future__ import annotations

from datetime import timedelta

import pytest
from argon2 import PasswordHasher
from sqlalchemy import select, update

from abh_desk.clock import FixedClock
from abh_desk.demo.users import DEMO_PASSWORD, ensure_demo_users
from abh_desk.services.auth import LoginFailed, sign_in
from abh_desk.services.context import ServiceContext
from models import AuditEvent, User


def test_wrong_passwords_lock_the_user_for_a_while_and_are_logged(ctx: ServiceContext, clock: FixedClock) -> None:
    ensure_demo_users(ctx)
    for _ in range(5):
        with pytest.raises(LoginFailed, match="Benutzername oder Passwort falsch"):
            sign_in(ctx, "keller", "falsch-falsch")
    clock.advance(timedelta(minutes=1))
    with pytest.raises(LoginFailed, match="gesperrt"):
        sign_in(ctx, "keller", DEMO_PASSWORD)
    clock.advance(timedelta(minutes=5))
    signed_in = sign_in(ctx, "keller", DEMO_PASSWORD)
    assert signed_in.display_name == "Frau Keller"
    with ctx.db.read() as session:
        user = session.scalars(select(User).where(User.username == "keller")).one()
        failures = session.scalars(select(AuditEvent).where(AuditEvent.action == "anmeldung_fehlgeschlagen")).all()
    assert user.failed_logins == 0 and user.password_hash is not None and user.password_hash.startswith("$argon2id$")
    assert len(failures) == 5


def _stored_hash(ctx: ServiceContext, username: str) -> str:
    with ctx.db.read() as session:
        stored = session.scalar(select(User.password_hash).where(User.username == username))
    assert stored is not None
    return stored


def test_the_program_hashes_with_argon2s_recommended_parameters(
    sqlite_ctx: ServiceContext, production_hasher: PasswordHasher
) -> None:
    """The suite hashes cheaply (conftest); the program's own parameters are used here: a password
    set is hashed with them, and a hash of other parameters is re-hashed at the next sign-in."""
    assert (production_hasher.time_cost, production_hasher.memory_cost, production_hasher.parallelism) == (
        3,
        65536,
        4,
    )
    ensure_demo_users(sqlite_ctx)
    assert _stored_hash(sqlite_ctx, "keller").startswith("$argon2id$v=19$m=65536,t=3,p=4$")
    assert sign_in(sqlite_ctx, "keller", DEMO_PASSWORD).display_name == "Frau Keller"
    with pytest.raises(LoginFailed):
        sign_in(sqlite_ctx, "keller", "falsch-falsch")

    weak = PasswordHasher(time_cost=1, memory_cost=8, parallelism=1).hash(DEMO_PASSWORD)
    with sqlite_ctx.unit_of_work() as uow:  # a hash made with weaker parameters (an older program)
        uow.session.execute(update(User).where(User.username == "keller").values(password_hash=weak))
        uow.commit()
    assert "m=8,t=1,p=1" in _stored_hash(sqlite_ctx, "keller")
    sign_in(sqlite_ctx, "keller", DEMO_PASSWORD)
    assert _stored_hash(sqlite_ctx, "keller").startswith("$argon2id$v=19$m=65536,t=3,p=4$")


def test_a_password_typed_into_the_user_name_field_is_not_logged(ctx: ServiceContext) -> None:
    ensure_demo_users(ctx)
    with pytest.raises(LoginFailed, match="Benutzername oder Passwort falsch"):
        sign_in(ctx, "Geheim!Passwort2026", "x")
    with ctx.db.read() as session:
        payloads = [e.payload_json or "" for e in session.scalars(select(AuditEvent))]
    assert not any("Geheim!Passwort2026" in p for p in payloads)


def _parallel(count: int, work: object) -> list[object]:
    from concurrent.futures import ThreadPoolExecutor

    def attempt(_n: int) -> object:
        try:
            return work()  # type: ignore[operator]
        except Exception as exc:
            return exc

    with ThreadPoolExecutor(max_workers=count) as pool:
        return list(pool.map(attempt, range(count)))


def test_parallel_wrong_guesses_are_all_counted_and_lock_the_user(ctx: ServiceContext) -> None:
    """96 parallel guesses on PostgreSQL counted 4 and locked nobody (the counter's save collided)."""
    ensure_demo_users(ctx)
    outcomes = _parallel(16, lambda: sign_in(ctx, "keller", "falsch-falsch"))
    assert all(isinstance(o, LoginFailed) for o in outcomes), outcomes
    assert not any("gleichzeitig" in str(o) for o in outcomes)
    refused_while_locked = sum("gesperrt" in str(o) for o in outcomes)
    with ctx.db.read() as session:
        user = session.scalars(select(User).where(User.username == "keller")).one()
        actions = [e.action for e in session.scalars(select(AuditEvent).where(AuditEvent.entity == "user"))]
    # Every guess is either counted or refused because the user was already locked, and each is logged.
    assert user.failed_logins + refused_while_locked == 16 and user.failed_logins >= 5
    assert user.locked_until is not None
    assert actions.count("anmeldung_fehlgeschlagen") == user.failed_logins
    assert actions.count("anmeldung_gesperrt") == refused_while_locked
    with pytest.raises(LoginFailed, match="gesperrt"):
        sign_in(ctx, "keller", DEMO_PASSWORD)


def test_parallel_honest_sign_ins_of_one_user_all_succeed(ctx: ServiceContext) -> None:
    """15 of 16 parallel sign-ins of one user failed on PostgreSQL (the last-login time collided)."""
    ensure_demo_users(ctx)
    outcomes = _parallel(16, lambda: sign_in(ctx, "keller", DEMO_PASSWORD))
    assert all(not isinstance(o, Exception) for o in outcomes), [o for o in outcomes if isinstance(o, Exception)]
    with ctx.db.read() as session:
        user = session.scalars(select(User).where(User.username == "keller")).one()
    assert user.failed_logins == 0 and user.last_login_at is not None
