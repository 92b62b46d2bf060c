"""The command line signs in (abh_desk.cli_session): tests run it as a batch job does, with an
access token in ABH_DESK_TOKEN, issued through the service by an administrator of the database."""

from __future__ import annotations

import dataclasses
from datetime import timedelta

import pytest
from sqlalchemy import select

from abh_desk.clock import SYSTEM_CLOCK
from abh_desk.domain.catalogue import load_catalogue
from abh_desk.domain.enums import Role
from abh_desk.services.access_tokens import issue_token
from abh_desk.services.auth import create_user
from abh_desk.services.context import Actor, ServiceContext
from abh_desk.storage import Database
from models import User

ADMIN = "cli.admin"


def sign_in_cli(target: ServiceContext | str, monkeypatch: pytest.MonkeyPatch, username: str = ADMIN) -> None:
    """Commands of this test run as ``username`` (the test administrator, created where missing,
    or a user of the database)."""
    monkeypatch.setenv("ABH_DESK_TOKEN", cli_token(target, username))


def cli_token(target: ServiceContext | str, username: str = ADMIN) -> str:
    """A token for ``username``. It runs from the wall clock's day for a year, so it holds whether
    the command reads the test's fixed clock or the system's."""
    ctx = target if isinstance(target, ServiceContext) else ServiceContext(Database(target), load_catalogue())
    ctx = dataclasses.replace(ctx, clock=SYSTEM_CLOCK)
    with ctx.db.read() as session:
        admin_id = session.scalar(select(User.id).where(User.username == ADMIN))
    if admin_id is None:
        create_user(ctx, ADMIN, "Test-Administration", Role.ADMIN, "test-passwort-1")
        with ctx.db.read() as session:
            admin_id = session.scalar(select(User.id).where(User.username == ADMIN))
    assert admin_id is not None
    admin = ctx.as_user(Actor(admin_id, ADMIN, Role.ADMIN))
    token = issue_token(admin, username, "Test der Kommandozeile", ctx.today() + timedelta(days=365))
    if not isinstance(target, ServiceContext):
        ctx.db.dispose()
    return token.secret


def owner_of(ctx: ServiceContext, case_id: int) -> str:
    """The user name of the case's caseworker (the command line then acts as that caseworker)."""
    from models import Case

    with ctx.db.read() as session:
        name = session.scalar(select(User.username).join(Case, Case.owner_id == User.id).where(Case.id == case_id))
    assert name is not None
    return name
