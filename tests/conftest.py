"""Fixtures shared by all tiers: isolated settings, an in-memory keyring, real databases.

``database`` runs a test once on a fresh SQLite file and once on a fresh PostgreSQL database
(a copy of a migrated template). PostgreSQL is started by ``tests/support/pgserver.py``; where it
cannot be, PostgreSQL tests are skipped locally but fail under CI (``CI=true``).

Temporary files (``tmp_path``, the PostgreSQL server's cluster, the SQLite files) go to a RAM disk
where Linux has one with room (``/dev/shm``) and ``TMPDIR`` is not set: the program commits with
``synchronous=FULL`` and PostgreSQL creates a database per test, and on a disk every one of them
waits for the disk (a database from the template took 0.6 s there, 0.05 s in memory).
"""

from __future__ import annotations

import itertools
import os
import shutil
import sys
import tempfile
from collections.abc import Iterator
from datetime import date
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import keyring
import pytest
from argon2 import PasswordHasher
from keyring.backend import KeyringBackend
from sqlalchemy import create_engine, select, text

from abh_desk import migrate
from abh_desk.clock import FixedClock
from abh_desk.domain.catalogue import Catalogue, load_catalogue
from abh_desk.domain.enums import Role
from abh_desk.services.audit_key_setup import set_up_if_new
from abh_desk.services.auth import use_password_hasher
from abh_desk.services.context import Actor, ServiceContext
from abh_desk.services.example_office import install_example_office
from abh_desk.storage import Database, trust_keyring
from models import User
from tests.support.pgserver import PostgresServer, PostgresUnavailable


def _temporary_files_in_memory() -> None:
    """``/dev/shm`` for this process and the programs it starts, if it has 2 GB free (a full run
    leaves about 300 MB; containers often give it only 64 MB, then the disk is used)."""
    if os.environ.get("TMPDIR") or sys.platform != "linux":
        return
    ram = Path("/dev/shm")
    try:
        if ram.is_dir() and os.access(ram, os.W_OK | os.X_OK) and shutil.disk_usage(ram).free > 2 * 1024**3:
            os.environ["TMPDIR"] = tempfile.tempdir = str(ram)
    except OSError:
        pass


_temporary_files_in_memory()


class MemoryKeyring(KeyringBackend):
    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.passwords: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.passwords.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.passwords[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        self.passwords.pop((service, username), None)


trust_keyring(MemoryKeyring)  # stands in for the operating system's keyring (SECURE_KEYRINGS)


@pytest.fixture(autouse=True)
def isolated_workstation(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> Iterator[MemoryKeyring]:
    """No test reads or writes the developer's settings, data directory or keyring."""
    home = tmp_path_factory.mktemp("workstation")
    monkeypatch.setenv("ABH_DESK_DATA_DIR", str(home / "data"))
    monkeypatch.setenv("ABH_DESK_CONFIG_DIR", str(home / "config"))
    monkeypatch.delenv("ABH_DESK_DATABASE_URL", raising=False)
    monkeypatch.delenv("ABH_DESK_TOKEN", raising=False)  # the command line signs in as each test says
    monkeypatch.delenv("ABH_DESK_ANMELDEN", raising=False)
    previous = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(previous)


#: argon2id with the least work it allows: the real parameters cost 0.2 s of CPU per hash and per
#: sign-in, and the suite signs in and creates users hundreds of times. ``test_auth.py`` signs in
#: once with the program's own parameters (``production_hasher``).
CHEAP_HASHER = PasswordHasher(time_cost=1, memory_cost=8, parallelism=1)


@pytest.fixture(scope="session", autouse=True)
def cheap_password_hashes() -> Iterator[None]:
    previous = use_password_hasher(CHEAP_HASHER)
    yield
    use_password_hasher(previous)


@pytest.fixture
def production_hasher() -> Iterator[PasswordHasher]:
    """The program's own argon2 parameters for one test."""
    real = PasswordHasher()
    cheap = use_password_hasher(real)
    yield real
    use_password_hasher(cheap)


@pytest.fixture(scope="session")
def catalogue() -> Catalogue:
    return load_catalogue()


# One template per pytest-xdist worker (``-n 2``): on a server given by ABH_DESK_TEST_PG_URL the
# workers would drop each other's.
_TEMPLATE = "abh_template" + (f"_{os.environ['PYTEST_XDIST_WORKER']}" if "PYTEST_XDIST_WORKER" in os.environ else "")
_counter = itertools.count()


@pytest.fixture(scope="session")
def pg_admin_url() -> Iterator[str]:
    url = os.environ.get("ABH_DESK_TEST_PG_URL")
    server = None
    if not url:
        try:
            server = PostgresServer()
            url = server.start()
        except PostgresUnavailable as exc:
            if os.environ.get("CI"):
                pytest.fail(f"PostgreSQL test server could not be started: {exc}")
            pytest.skip(f"PostgreSQL not available: {exc}")
    admin = create_engine(url, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f"DROP DATABASE IF EXISTS {_TEMPLATE}"))
        connection.execute(text(f"CREATE DATABASE {_TEMPLATE}"))
    template = Database(url.rsplit("/", 1)[0] + f"/{_TEMPLATE}")
    migrate.upgrade(template)
    template.dispose()
    admin.dispose()
    yield url
    if server is not None:
        server.stop()


def new_pg_database(admin_url: str, template: str = _TEMPLATE) -> str:
    """A new database, a copy of ``template`` (default: the migrated one; no one may be connected to it)."""
    name = f"abh_test_{os.getpid()}_{next(_counter)}"
    admin = create_engine(admin_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f"CREATE DATABASE {name} TEMPLATE {template}"))
    admin.dispose()
    return admin_url.rsplit("/", 1)[0] + f"/{name}"


def drop_pg_database(admin_url: str, name: str) -> None:
    admin = create_engine(admin_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)"))
    admin.dispose()


def new_sqlite_database(directory: Path) -> str:
    return f"sqlite:///{directory / 'abh-desk.sqlite3'}"


@pytest.fixture(scope="session")
def sqlite_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One SQLite file migrated to the head revision; each test gets a copy (an upgrade per test
    cost 50 ms, a copy 1 ms)."""
    url = new_sqlite_database(tmp_path_factory.mktemp("sqlite-template"))
    db = Database(url)
    migrate.upgrade(db)
    db.dispose()  # the last connection checkpoints the WAL into the file
    path = Path(url.removeprefix("sqlite:///"))
    assert not Path(f"{path}-wal").exists() or Path(f"{path}-wal").stat().st_size == 0
    return path


def migrated_sqlite(directory: Path, template: Path) -> str:
    url = new_sqlite_database(directory)
    shutil.copyfile(template, url.removeprefix("sqlite:///"))
    return url


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    if request.param == "sqlite":
        yield migrated_sqlite(tmp_path, request.getfixturevalue("sqlite_template"))
        return
    admin_url = request.getfixturevalue("pg_admin_url")
    url = new_pg_database(admin_url)
    yield url
    drop_pg_database(admin_url, url.rsplit("/", 1)[1])


@pytest.fixture
def database(database_url: str) -> Iterator[Database]:
    db = Database(database_url)
    yield db
    db.dispose()


#: The day a test runs on unless its module sets ``TODAY``: a Saturday, so weekends and the
#: next working day are exercised by default.
TEST_DAY = date(2026, 11, 21)


@pytest.fixture
def clock(request: pytest.FixtureRequest) -> FixedClock:
    """The one clock of a test: 10 o'clock office time on the module's ``TODAY`` (or ``TEST_DAY``).
    Every context a test makes from ``ctx`` shares it; ``clock.move_to(day)`` moves them all."""
    return FixedClock(getattr(request.module, "TODAY", TEST_DAY))


@pytest.fixture
def ctx(database: Database, catalogue: Catalogue, clock: FixedClock) -> ServiceContext:
    context = ServiceContext(database, catalogue, clock=clock)
    set_up_if_new(context)  # the office's key, in the test's keyring: the suite writes signed entries
    install_example_office(context)  # Singen's caseworkers, ranges and letterhead, as the demo has them
    return context


@pytest.fixture
def sqlite_ctx(
    tmp_path: Path, catalogue: Catalogue, clock: FixedClock, sqlite_template: Path
) -> Iterator[ServiceContext]:
    """A fresh migrated SQLite file only (for tests that are about SQLite or need no server)."""
    db = Database(migrated_sqlite(tmp_path, sqlite_template))
    context = ServiceContext(db, catalogue, clock=clock)
    set_up_if_new(context)
    install_example_office(context)  # Singen's caseworkers, ranges and letterhead, as the demo has them
    yield context
    db.dispose()


@pytest.fixture
def workstations(ctx: ServiceContext, database_url: str) -> Iterator[tuple[ServiceContext, ServiceContext]]:
    """Frau Schäuble's and Herr Keller's workstations on one database: each its own engine and
    connections, as two programs have."""
    second = Database(database_url)
    with ctx.db.read() as session:
        users = {u.username: u.id for u in session.scalars(select(User))}
    first_ctx = ctx.as_user(Actor(users["schaeuble"], "schaeuble", Role.CASEWORKER))
    second_ctx = ServiceContext(second, ctx.catalogue, Actor(users["keller"], "keller", Role.CASEWORKER), ctx.clock)
    yield first_ctx, second_ctx
    second.dispose()
