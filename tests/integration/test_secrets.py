"""The PostgreSQL password: in the keyring, or - where there is no secure keyring - asked once per
session and held in memory. It is found nowhere else: not in the database, not in the local SQLite
file or its WAL, not in a log, not in the settings, the anchor or any other file of the workstation."""

from __future__ import annotations

import io
import logging
import subprocess
from collections.abc import Iterator
from pathlib import Path

import keyring
import pytest
from keyring.backend import KeyringBackend
from keyring.backends import fail

from abh_desk import storage
from abh_desk.cli import main
from abh_desk.clock import FixedClock
from abh_desk.config import WorkstationSettings, config_dir, data_dir, save_settings
from abh_desk.errors import ConfigurationError
from abh_desk.storage import Database, keyring_is_secure, set_password_prompt, store_password
from tests.conftest import TEST_DAY, MemoryKeyring, drop_pg_database, new_pg_database
from tests.support.cli_login import sign_in_cli
from tests.support.pgserver import libpq_url, tool

SECRET = "Geheim-7Qx!9zT"


@pytest.fixture(autouse=True)
def fresh_session() -> Iterator[None]:
    storage._session_passwords.clear()
    yield
    storage._session_passwords.clear()
    set_password_prompt(None)


@pytest.fixture
def pg_url(pg_admin_url: str, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    """A fresh server database; the engines the commands open are closed afterwards (a command
    normally ends its process)."""
    opened: list[Database] = []
    original = Database.__init__

    def recording_init(self: Database, *args: object, **kwargs: object) -> None:
        original(self, *args, **kwargs)  # type: ignore[arg-type]
        opened.append(self)

    monkeypatch.setattr(Database, "__init__", recording_init)
    url = new_pg_database(pg_admin_url)
    yield url
    for db in opened:
        db.dispose()
    drop_pg_database(pg_admin_url, url.rsplit("/", 1)[1])


@pytest.fixture
def log_file(tmp_path: Path) -> Iterator[Path]:
    """Everything the program and its libraries log, SQL statements and parameters included."""
    path = data_dir() / "abh-desk.log"
    path.parent.mkdir(parents=True, exist_ok=True)
    handler = logging.FileHandler(path, encoding="utf-8")
    root = logging.getLogger()
    levels = {name: logging.getLogger(name).level for name in ("", "sqlalchemy.engine", "sqlalchemy.pool")}
    root.addHandler(handler)
    root.setLevel(logging.DEBUG)
    logging.getLogger("sqlalchemy.engine").setLevel(logging.INFO)
    logging.getLogger("sqlalchemy.pool").setLevel(logging.DEBUG)
    yield path
    root.removeHandler(handler)
    handler.close()
    for name, level in levels.items():
        logging.getLogger(name).setLevel(level)


def _files_containing(secret: str, *directories: Path) -> list[Path]:
    needles = [secret.encode(), secret.encode("utf-16-le")]
    found = []
    for directory in directories:
        for path in directory.rglob("*"):
            if path.is_file() and any(n in path.read_bytes() for n in needles):
                found.append(path)
    return found


def _run(*argv: str) -> tuple[int, str]:
    out = io.StringIO()
    return main(list(argv), out=out, clock=FixedClock(TEST_DAY)), out.getvalue()


@pytest.mark.postgres
def test_the_password_is_found_nowhere_but_in_the_keyring(
    pg_url: str,
    isolated_workstation: MemoryKeyring,
    log_file: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setattr("getpass.getpass", lambda prompt="": SECRET)
    save_settings(WorkstationSettings(database_url=pg_url))
    assert _run("db", "passwort")[0] == 0
    assert isolated_workstation.passwords == {("abh-desk", storage.keyring_entry(storage.parse_url(pg_url))): SECRET}
    assert Database(pg_url).engine.url.password == SECRET  # the program does use it

    # A day's work against the server, and a local SQLite file beside it.
    assert _run("demo", "--personen", "60")[0] == 0
    sign_in_cli(pg_url, monkeypatch)
    assert _run("suche", "a")[0] in (0, 1)
    assert _run("audit", "pruefen")[0] == 0
    assert _run("db", "status")[0] == 0
    assert _run("sicherung", str(tmp_path / "x.sqlite3"))[0] == 2  # PostgreSQL: pg_dump
    local = f"sqlite:///{data_dir() / 'abh-desk.sqlite3'}"
    assert _run("--db", local, "demo", "--personen", "60")[0] == 0
    sign_in_cli(local, monkeypatch)
    assert _run("--db", local, "sicherung", str(data_dir() / "sicherung.sqlite3"))[0] == 0
    # Each command closes its database at the end: the WAL is checkpointed into the file searched below.
    output = capsys.readouterr()

    dump = tmp_path / "server.sql"
    subprocess.run([tool("pg_dump"), "-f", dump, libpq_url(pg_url)], check=True, timeout=60)
    searched = [*data_dir().rglob("*"), *config_dir().rglob("*"), dump]
    names = {p.name for p in searched}
    assert {"abh-desk.sqlite3", "abh-desk.log", "settings.json", "audit-anker.json"} <= names
    assert log_file.stat().st_size > 10_000  # SQL and connection events were logged
    assert _files_containing(SECRET, data_dir(), config_dir(), tmp_path) == []
    assert SECRET not in output.out + output.err


def test_without_a_secure_keyring_the_password_is_asked_once_per_session(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    url = "postgresql://abh@db.amt.local:5432/abh"
    questions: list[str] = []
    set_password_prompt(lambda question: questions.append(question) or SECRET)
    keyring.set_keyring(fail.Keyring())
    assert not keyring_is_secure()

    assert Database(url).engine.url.password == SECRET
    assert Database(url).engine.url.password == SECRET
    assert questions == ["Passwort für abh@db.amt.local:5432/abh (wird nicht gespeichert): "]

    with pytest.raises(ConfigurationError, match="Kein sicherer Schlüsselbund verfügbar"):
        store_password(url, SECRET)
    monkeypatch.setattr("getpass.getpass", lambda prompt="": SECRET)
    assert _run("--db", url, "db", "passwort")[0] == 2
    assert "einmal je Sitzung" in capsys.readouterr().err
    assert _files_containing(SECRET, data_dir().parent) == []


class PlaintextKeyring(KeyringBackend):
    """Stands in for keyrings.alt.file.PlaintextKeyring: a readable file is no place for a secret."""

    priority = 1  # type: ignore[assignment]
    written: list[str] = []

    def get_password(self, service: str, username: str) -> str | None:
        return None

    def set_password(self, service: str, username: str, password: str) -> None:
        self.written.append(password)

    def delete_password(self, service: str, username: str) -> None:
        pass


PlaintextKeyring.__module__ = "keyrings.alt.file"


def test_a_plaintext_keyring_is_not_trusted_with_the_password() -> None:
    backend = PlaintextKeyring()
    keyring.set_keyring(backend)
    asked: list[str] = []
    set_password_prompt(lambda question: asked.append(question) or SECRET)
    assert not keyring_is_secure()
    with pytest.raises(ConfigurationError, match=r"keyrings\.alt\.file\.PlaintextKeyring"):
        store_password("postgresql://abh@server/abh", SECRET)
    assert Database("postgresql://abh@server/abh").engine.url.password == SECRET
    assert backend.written == [] and len(asked) == 1
    assert keyring_is_secure(MemoryKeyring())


def _backend(module: str, name: str) -> KeyringBackend:
    """A keyring backend that says it is ``module.name`` (nothing is stored in it here)."""
    cls = type(name, (PlaintextKeyring,), {"__module__": module, "__qualname__": name})
    return cls()  # type: ignore[no-any-return]


def test_only_keyrings_on_the_allow_list_are_trusted() -> None:
    """Issue 24, part 8: an unknown backend is not secure (it was, under the old deny-list)."""
    assert keyring_is_secure(_backend("keyring.backends.SecretService", "Keyring"))
    assert keyring_is_secure(_backend("keyring.backends.kwallet", "DBusKeyring"))
    assert keyring_is_secure(_backend("keyring.backends.Windows", "WinVaultKeyring"))
    assert not keyring_is_secure(_backend("keyrings.cryptfile.cryptfile", "CryptFileKeyring"))
    assert not keyring_is_secure(_backend("firma.tresor", "Keyring"))  # nobody has looked at it
    assert not keyring_is_secure(_backend("keyring.backends.SecretService", "Unbekannt"))


def test_an_unknown_keyring_is_not_given_the_password() -> None:
    keyring.set_keyring(_backend("firma.tresor", "Keyring"))
    with pytest.raises(ConfigurationError, match=r"Kein sicherer Schlüsselbund verfügbar \(firma\.tresor\.Keyring\)"):
        store_password("postgresql://abh@server/abh", SECRET)
    assert PlaintextKeyring.written == []
