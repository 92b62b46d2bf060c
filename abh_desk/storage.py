"""Opening the database: the embedded SQLite file or the office's PostgreSQL server.

SQLite runs with WAL, ``synchronous=FULL``, foreign keys and a busy timeout, and write
transactions start with ``BEGIN IMMEDIATE`` so that two workstations never dead-lock on a lock
upgrade. An SQLite file on a network share is refused: its locking does not work there.
The PostgreSQL password comes from the operating system's keyring, never from a file.
"""

from __future__ import annotations

import getpass
import os
import sys
from collections import deque
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any

from sqlalchemy import ClauseElement, Engine, create_engine, event, text
from sqlalchemy.engine import URL, Dialect, make_url
from sqlalchemy.exc import ArgumentError, DatabaseError, DBAPIError, OperationalError
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.sql.compiler import SQLCompiler

from abh_desk.error_texts import Label
from abh_desk.errors import ConfigurationError

Change = tuple[str, int | None, int | None, int | None, str]
"""One logged change as the windows are told of it: entity, record id, case id, user id, action
(``change_watch``); no personal data."""

KEYRING_SERVICE = "abh-desk"
SQLITE_BUSY_TIMEOUT_MS = 10_000

# File system types on which SQLite's locking (and so WAL) cannot be trusted.
NETWORK_FILESYSTEMS = frozenset(
    {
        "nfs",
        "nfs4",
        "cifs",
        "smb",
        "smb2",
        "smb3",
        "smbfs",
        "ncpfs",
        "afs",
        "9p",
        "ceph",
        "glusterfs",
        "fuse.glusterfs",
        "lustre",
        "gpfs",
        "fuse.sshfs",
        "sshfs",
        "davfs",
        "fuse.davfs2",
        "fuse.rclone",
        "fuse.s3fs",
        "fuse.cifs",
    }
)

PasswordLookup = Callable[[URL], "str | None"]
PasswordPrompt = Callable[[str], "str | None"]
SECURE_KEYRINGS = {
    "keyring.backends.SecretService.Keyring",  # GNOME Keyring, KeePassXC … over the Secret Service API
    "keyring.backends.libsecret.Keyring",
    "keyring.backends.kwallet.DBusKeyring",  # KDE Wallet
    "keyring.backends.kwallet.DBusKeyringKWallet4",
    "keyring.backends.Windows.WinVaultKeyring",  # Windows Credential Manager
    "keyring.backends.macOS.Keyring",  # macOS Keychain
}
"""The keyrings trusted with a secret (a server password, the audit trail's key): an allow-list.
Any other backend — none at all (fail, null), a plain file (keyrings.alt only base64-encodes), or
one nobody here has looked at — counts as not secure: the password is asked once per session and
kept in memory, the audit key is not kept."""


def trust_keyring(backend_class: type) -> None:
    """Count ``backend_class`` as secure too (the tests' in-memory keyring)."""
    SECURE_KEYRINGS.add(f"{backend_class.__module__}.{backend_class.__qualname__}")


def keyring_entry(url: URL) -> str:
    """The keyring user name under which the password for ``url`` is stored."""
    return f"{url.username}@{url.host}:{url.port or 5432}/{url.database}"


def _keyring() -> Any:
    """The keyring package, imported on first use (25 ms at start; a SQLite workstation never needs it)."""
    import keyring
    import keyring.errors

    return keyring


def keyring_password(url: URL) -> str | None:
    keyring = _keyring()
    try:
        password: str | None = keyring.get_password(KEYRING_SERVICE, keyring_entry(url))
        return password
    except keyring.errors.KeyringError:
        return None


def keyring_is_secure(backend: Any = None) -> bool:
    """True only for a keyring on the allow-list (``SECURE_KEYRINGS``)."""
    backend = backend if backend is not None else _keyring().get_keyring()
    parts = getattr(backend, "backends", None)
    if parts is not None and type(backend).__name__ == "ChainerBackend":
        return bool(parts) and all(keyring_is_secure(part) for part in parts)
    return f"{type(backend).__module__}.{type(backend).__qualname__}" in SECURE_KEYRINGS


def _terminal_prompt(question: str) -> str | None:
    return getpass.getpass(question) if sys.stdin is not None and sys.stdin.isatty() else None


_prompt: PasswordPrompt = _terminal_prompt
_session_passwords: dict[str, str] = {}


def set_password_prompt(prompt: PasswordPrompt | None) -> None:
    """How to ask for the server password where the keyring is not secure (the window passes a
    dialog; the default asks on the terminal)."""
    global _prompt
    _prompt = prompt or _terminal_prompt


def forget_session_password(url: URL) -> None:
    _session_passwords.pop(keyring_entry(url), None)


def session_password(url: URL) -> str | None:
    """The server password: from a secure keyring; otherwise asked once per session and kept in
    this process's memory only."""
    if keyring_is_secure():
        return keyring_password(url)
    entry = keyring_entry(url)
    if entry not in _session_passwords:
        answer = _prompt(f"Passwort für {entry} (wird nicht gespeichert): ")
        if not answer:
            return None
        _session_passwords[entry] = answer
    return _session_passwords[entry]


def store_password(url_text: str, password: str) -> str:
    """Put the server password into the keyring; returns the entry name used."""
    entry = keyring_entry(parse_url(url_text))
    keep_secret(
        entry,
        password,
        Label("storage.keyring_insecure_password"),
        Label("storage.keyring_unavailable_password"),
    )
    return entry


def keep_secret(entry: str, secret: str, insecure: Label, unavailable: Label) -> None:
    """Put ``secret`` into the keyring under ``entry``: only a secure keyring, else a German
    message (``insecure`` / ``unavailable`` say what that means for this secret)."""
    keyring = _keyring()
    backend = keyring.get_keyring()
    if not keyring_is_secure(backend):
        raise ConfigurationError(
            "storage.keyring_insecure",
            backend=f"{type(backend).__module__}.{type(backend).__name__}",
            consequence=insecure,
        )
    try:
        keyring.set_password(KEYRING_SERVICE, entry, secret)
    except keyring.errors.KeyringError as exc:
        raise ConfigurationError("storage.keyring_unavailable", detail=exc, consequence=unavailable) from exc


def parse_url(url_text: str) -> URL:
    try:
        url = make_url(url_text)
    except ArgumentError as exc:
        raise ConfigurationError("storage.invalid_url", url=url_text) from exc
    if url.get_backend_name() not in ("sqlite", "postgresql"):
        raise ConfigurationError("storage.unsupported_backend", backend=url.get_backend_name())
    if url.get_backend_name() == "postgresql" and url.drivername == "postgresql":
        url = url.set(drivername="postgresql+psycopg")
    return url


def filesystem_type(path: Path, mounts: str) -> str | None:
    """The type of the file system holding ``path``, from the text of /proc/mounts."""
    best: tuple[int, str] | None = None
    target = str(path)
    for line in mounts.splitlines():
        parts = line.split()
        if len(parts) < 3:
            continue
        mount_point = parts[1].replace("\\040", " ").replace("\\011", "\t")
        prefix = mount_point.rstrip("/") + "/"
        inside = target == mount_point or target.startswith(prefix) or mount_point == "/"
        if inside and (best is None or len(mount_point) > best[0]):
            best = (len(mount_point), parts[2])
    return best[1] if best else None


def is_network_path(path: Path, mounts: str | None = None, platform: str = sys.platform) -> bool:
    """True where ``path`` lies on a network share (UNC path, mapped network drive, NFS, SMB …)."""
    text_path = str(path)
    if text_path.startswith(("\\\\", "//")) and platform == "win32":
        return True
    if platform == "win32":
        return _windows_remote_drive(text_path)
    if mounts is None:
        try:
            mounts = Path("/proc/mounts").read_text(encoding="utf-8", errors="replace")
        except OSError:
            return False
    fs_type = filesystem_type(path, mounts)
    return fs_type is not None and fs_type.lower() in NETWORK_FILESYSTEMS


def _windows_remote_drive(path: str) -> bool:  # pragma: no cover - Windows only
    import ctypes

    drive = os.path.splitdrive(path)[0]
    if not drive:
        return False
    DRIVE_REMOTE = 4
    return bool(ctypes.windll.kernel32.GetDriveTypeW(drive + "\\") == DRIVE_REMOTE)  # type: ignore[attr-defined]


def _existing_ancestor(path: Path) -> Path:
    for candidate in (path, *path.parents):
        if candidate.exists():
            return candidate
    return path


def _sqlite_engine(url: URL) -> Engine:
    database = url.database
    if database and database != ":memory:" and not database.startswith("file:"):
        path = Path(database).expanduser().resolve()
        if is_network_path(_existing_ancestor(path)):
            raise ConfigurationError("storage.network_drive", path=path)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise ConfigurationError("storage.cannot_create_directory", directory=path.parent, detail=exc) from exc
        url = url.set(database=str(path))
    engine = create_engine(url, connect_args={"timeout": SQLITE_BUSY_TIMEOUT_MS / 1000})

    @event.listens_for(engine, "connect")
    def _configure(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.isolation_level = None  # BEGIN is emitted below, with its mode
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=FULL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS}")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _begin(connection: Any) -> None:
        mode = connection.get_execution_options().get("sqlite_begin", "DEFERRED")
        connection.exec_driver_sql(f"BEGIN {mode}")

    return engine


def _postgresql_engine(url: URL, password_lookup: PasswordLookup) -> Engine:
    if url.password is None:
        password = password_lookup(url)
        if password is not None:
            url = url.set(password=password)
    # TCP keepalives: a connection that a firewall dropped while idle (the window's listener) is
    # noticed within about a minute instead of never.
    keepalive = {"keepalives": 1, "keepalives_idle": 30, "keepalives_interval": 10, "keepalives_count": 3}
    return create_engine(url, pool_pre_ping=True, connect_args={"connect_timeout": 10, **keepalive})


class PreparedRead:
    """A read-only Core statement compiled once per SQL dialect and run on a bare DB-API cursor.

    For the counter search, whose indexed look-ups take SQLite 20–40 µs: building the statement,
    an ORM session, ``BEGIN`` and ``ROLLBACK`` cost ten times that per call (BENCHMARKS.md). The
    statement takes its values as named ``bindparam``s; nothing is committed or written."""

    def __init__(self, statement: ClauseElement) -> None:
        self.statement = statement
        self._compiled: dict[str, tuple[str, dict[str, Any], tuple[str, ...] | None]] = {}

    def sql(self, dialect: Dialect, params: Mapping[str, Any]) -> tuple[str, Sequence[Any] | Mapping[str, Any]]:
        """The SQL text for ``dialect`` and the driver parameters for ``params``."""
        compiled = self._compiled.get(dialect.name)
        if compiled is None:
            done = self.statement.compile(dialect=dialect)
            assert isinstance(done, SQLCompiler)
            defaults = {name: bind.value for name, bind in done.binds.items()}
            order = tuple(done.positiontup) if done.positional and done.positiontup is not None else None
            compiled = self._compiled[dialect.name] = (done.string, defaults, order)
        sql, defaults, order = compiled
        values = {**defaults, **params}
        return sql, (tuple(values[name] for name in order) if order is not None else values)


class Database:
    """One opened database: its engine and the session factories of the unit of work."""

    def __init__(self, url_text: str, password_lookup: PasswordLookup = session_password) -> None:
        url = parse_url(url_text)
        self.url = url
        self.backend = url.get_backend_name()
        if self.backend == "sqlite":
            self.engine = _sqlite_engine(url)
            writer: Engine = self.engine.execution_options(sqlite_begin="IMMEDIATE")
        else:
            self.engine = _postgresql_engine(url, password_lookup)
            writer = self.engine
        self.read_sessions = sessionmaker(self.engine, expire_on_commit=False)
        self.write_sessions = sessionmaker(writer, expire_on_commit=False)
        # PostgreSQL in autocommit: no BEGIN and ROLLBACK round trips (``read_statements``).
        statements = (
            self.engine.execution_options(isolation_level="AUTOCOMMIT") if self.backend != "sqlite" else self.engine
        )
        self.statement_sessions = sessionmaker(statements, expire_on_commit=False)
        self.token = os.urandom(8).hex()
        """Names this program's connection in its change notifications (``change_watch.announce``)."""
        self.chain_name: str | None = None
        """The audit chain this program appends to; None: the workstation's (``audit_chain.chain_of``)."""
        self.written_here: deque[tuple[int, int]] = deque(maxlen=256)
        """Audit ids (first, last) committed through this object (``change_watch``)."""
        self.listeners_here: list[Callable[[list[Change], str | None], None]] = []
        """Told of every change committed through this object, after its commit, on the committing
        thread (``change_watch.listen_here``): the windows of this program."""

    @property
    def display_url(self) -> str:
        return self.url.render_as_string(hide_password=True)

    def check_connection(self) -> None:
        """Connect once; a server that is unreachable or refuses us becomes a German message."""
        try:
            with self.engine.connect() as connection:
                connection.execute(text("SELECT 1"))
        except OperationalError as exc:
            detail = str(exc.orig).strip().splitlines()[0] if exc.orig else str(exc)
            key = "storage.unreachable"
            if self.backend == "postgresql" and "password" in detail.lower():
                forget_session_password(self.url)  # a mistyped password is asked for again
                key = (
                    "storage.unreachable_password_keyring"
                    if keyring_is_secure()
                    else "storage.unreachable_password_asked"
                )
            raise ConfigurationError(key, url=self.display_url, detail=detail) from exc
        except DatabaseError as exc:  # SQLite: random bytes or a truncated file where the database should be
            detail = str(exc.orig).strip().splitlines()[0] if exc.orig else str(exc)
            raise ConfigurationError("storage.not_a_database", url=self.display_url, detail=detail) from exc

    def sqlite_pragmas(self) -> dict[str, Any]:
        """The SQLite settings in force on a fresh connection (checked at start)."""
        with self.engine.connect() as connection:
            return {
                name: connection.exec_driver_sql(f"PRAGMA {name}").scalar()
                for name in ("journal_mode", "synchronous", "foreign_keys", "busy_timeout")
            }

    def dispose(self) -> None:
        self.engine.dispose()

    def read(self) -> Session:
        """A session for reading; use as a context manager. Nothing it does is committed."""
        return self.read_sessions()

    def read_statements(self) -> Session:
        """A session for reads whose statements each stand on their own; use as a context manager.
        On PostgreSQL its connection runs in autocommit, which saves the BEGIN and ROLLBACK round
        trips of ``read`` (two of a worklist's former nine). Under READ COMMITTED, the server's
        default, every statement of a transaction sees its own snapshot anyway, so a read sees
        nothing different; what must agree (counts and rows) belongs in one statement. Never for
        writes: nothing rolls them back. On SQLite the same as ``read`` (its BEGIN costs no trip)."""
        return self.statement_sessions()

    def fetch(self, prepared: PreparedRead, params: Mapping[str, Any], first_column: bool = False) -> list[Any]:
        """The rows of one read-only statement, without ORM session and explicit transaction: a
        single statement sees one consistent state of the database by itself. SQLite connections
        run without an implicit BEGIN already; a PostgreSQL connection is put into autocommit for
        the statement, which saves the BEGIN and ROLLBACK round trips. ``first_column``: a list of
        the first column's values instead of the row tuples."""
        dialect = self.engine.dialect
        sql, values = prepared.sql(dialect, params)
        connection = self.engine.raw_connection()
        driver: Any = connection.driver_connection
        server = self.backend == "postgresql"
        try:
            if server:
                driver.autocommit = True
            cursor: Any = connection.cursor()
            cursor.execute(sql, values)
            # One column of many rows is read row by row: a million row tuples are never held at once.
            return [row[0] for row in cursor] if first_column else list(cursor.fetchall())
        except dialect.loaded_dbapi.Error as exc:
            # As SQLAlchemy reports it (OperationalError …); a lost server connection is dropped.
            if dialect.is_disconnect(exc, driver, None):
                connection.invalidate(exc)
            raise DBAPIError.instance(sql, values, exc, dialect.loaded_dbapi.Error) from exc
        finally:
            if server and not driver.closed:
                driver.autocommit = False
            connection.close()
