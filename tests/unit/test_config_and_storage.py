from pathlib import Path

import pytest

from abh_desk.config import (
    WorkstationSettings,
    default_database_url,
    load_settings,
    resolve_database_url,
    save_settings,
    settings_path,
)
from abh_desk.errors import ConfigurationError
from abh_desk.storage import Database, filesystem_type, is_network_path, keyring_entry, parse_url, store_password

MOUNTS = """\
/dev/sda1 / ext4 rw,relatime 0 0
proc /proc proc rw 0 0
//fileserver/abh /mnt/abh cifs rw,vers=3.0 0 0
nas:/export/home /home/shared nfs4 rw 0 0
/dev/sdb1 /mnt/abh/local\\040disk ext4 rw 0 0
"""


def test_filesystem_type_takes_the_longest_mount_point() -> None:
    assert filesystem_type(Path("/var/lib/x.sqlite3"), MOUNTS) == "ext4"
    assert filesystem_type(Path("/mnt/abh/daten/x.sqlite3"), MOUNTS) == "cifs"
    assert filesystem_type(Path("/mnt/abh/local disk/x.sqlite3"), MOUNTS) == "ext4"
    assert filesystem_type(Path("/mnt/abhx/x.sqlite3"), MOUNTS) == "ext4"


def test_network_paths_are_recognised() -> None:
    assert is_network_path(Path("/mnt/abh/x.sqlite3"), MOUNTS, platform="linux")
    assert is_network_path(Path("/home/shared/abh.sqlite3"), MOUNTS, platform="linux")
    assert not is_network_path(Path("/home/anna/abh.sqlite3"), MOUNTS, platform="linux")
    assert is_network_path(Path("\\\\server\\share\\abh.sqlite3"), "", platform="win32")


def test_sqlite_on_a_network_share_is_refused(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setattr("abh_desk.storage.is_network_path", lambda path, *a, **k: True)
    with pytest.raises(ConfigurationError, match="Netzlaufwerk"):
        Database(f"sqlite:///{tmp_path}/abh.sqlite3")
    assert not (tmp_path / "abh.sqlite3").exists()


def test_sqlite_connections_use_wal_full_sync_foreign_keys(tmp_path: Path) -> None:
    db = Database(f"sqlite:///{tmp_path}/abh.sqlite3")
    assert db.sqlite_pragmas() == {"journal_mode": "wal", "synchronous": 2, "foreign_keys": 1, "busy_timeout": 10000}
    db.dispose()


def test_database_url_precedence(monkeypatch: pytest.MonkeyPatch) -> None:
    settings = WorkstationSettings(database_url="postgresql://abh@server/abh")
    assert resolve_database_url(None, WorkstationSettings()) == default_database_url()
    assert resolve_database_url(None, settings) == "postgresql://abh@server/abh"
    monkeypatch.setenv("ABH_DESK_DATABASE_URL", "sqlite:////tmp/env.sqlite3")
    assert resolve_database_url(None, settings) == "sqlite:////tmp/env.sqlite3"
    assert resolve_database_url("sqlite:////tmp/cli.sqlite3", settings) == "sqlite:////tmp/cli.sqlite3"


def test_default_database_lives_in_the_data_directory(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ABH_DESK_DATA_DIR", str(tmp_path / "daten"))
    assert default_database_url() == f"sqlite+pysqlite:///{tmp_path}/daten/abh-desk.sqlite3"


def test_settings_round_trip_and_never_hold_a_password() -> None:
    save_settings(WorkstationSettings(database_url="postgresql://abh@server/abh", language="en"))
    assert load_settings() == WorkstationSettings(database_url="postgresql://abh@server/abh", language="en")
    with pytest.raises(ConfigurationError, match="Passwörter"):
        save_settings(WorkstationSettings(database_url="postgresql://abh:geheim@server/abh"))
    settings_path().write_text('{"database_url": "postgresql://abh:geheim@server/abh"}', encoding="utf-8")
    with pytest.raises(ConfigurationError, match="Schlüsselbund"):
        load_settings()


def test_broken_settings_file_gives_a_german_message() -> None:
    settings_path().parent.mkdir(parents=True, exist_ok=True)
    settings_path().write_text("{kaputt", encoding="utf-8")
    with pytest.raises(ConfigurationError, match="nicht lesbar"):
        load_settings()


def test_postgres_password_comes_from_the_keyring(isolated_workstation: object) -> None:
    url = "postgresql://abh@db.amt.local:5432/abh"
    entry = store_password(url, "s3cret")
    assert entry == "abh@db.amt.local:5432/abh"
    assert keyring_entry(parse_url(url)) == entry
    db = Database(url)
    assert db.engine.url.password == "s3cret"
    assert "s3cret" not in db.display_url
    assert db.url.drivername == "postgresql+psycopg"


def test_unsupported_or_broken_urls_are_refused() -> None:
    with pytest.raises(ConfigurationError, match="nicht unterstützt"):
        Database("mysql://x@y/z")
    with pytest.raises(ConfigurationError, match="keine gültige"):
        Database("kein url")
