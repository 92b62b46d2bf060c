"""Workstation settings: where the database is, which language the window speaks.

Precedence of the database URL: ``--db URL`` > ``ABH_DESK_DATABASE_URL`` > the settings file >
the default SQLite file in the user's data directory. The settings file never holds a password:
the PostgreSQL password lives in the operating system's keyring.

The window reads this module before its sign-in window appears, so SQLAlchemy (its URL parser) is
imported only where a URL is parsed: ``read_settings`` and ``is_first_start`` never need it.
"""

from __future__ import annotations

import json
import os
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import platformdirs

from abh_desk.errors import ConfigurationError

if TYPE_CHECKING:
    from sqlalchemy.engine import URL

APP_NAME = "abh-desk"
ENV_DATABASE_URL = "ABH_DESK_DATABASE_URL"
ENV_DATA_DIR = "ABH_DESK_DATA_DIR"
ENV_CONFIG_DIR = "ABH_DESK_CONFIG_DIR"


def data_dir() -> Path:
    """Where the SQLite file lives; ``ABH_DESK_DATA_DIR`` overrides (tests, portable installs)."""
    override = os.environ.get(ENV_DATA_DIR)
    return Path(override) if override else Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def config_dir() -> Path:
    override = os.environ.get(ENV_CONFIG_DIR)
    return Path(override) if override else Path(platformdirs.user_config_dir(APP_NAME, appauthor=False))


def default_database_url() -> str:
    from sqlalchemy.engine import URL

    return URL.create("sqlite+pysqlite", database=str(data_dir() / "abh-desk.sqlite3")).render_as_string()


@dataclass(frozen=True)
class WorkstationSettings:
    database_url: str | None = None
    language: str = "de"
    last_username: str = ""
    #: The folder the office scanner of this workstation saves into (the case window offers each
    #: new scan there for the checklist); empty: none.
    scanner_folder: str = ""


def settings_path() -> Path:
    return config_dir() / "settings.json"


def is_first_start(cli_url: str | None = None) -> bool:
    """True on a workstation that was never set up: no settings file and no database given."""
    return not cli_url and not os.environ.get(ENV_DATABASE_URL) and not settings_path().exists()


def load_settings(path: Path | None = None) -> WorkstationSettings:
    """The settings file, checked: a database address in it must be valid and hold no password."""
    path = path or settings_path()
    settings = read_settings(path)
    if settings.database_url is not None and _parse(settings.database_url).password is not None:
        raise ConfigurationError("config.password_in_file", path=path)
    return settings


def read_settings(path: Path | None = None) -> WorkstationSettings:
    """The settings file without parsing its database address (no SQLAlchemy): what the window
    needs before its sign-in appears (language, last user). ``load_settings`` checks the address."""
    path = path or settings_path()
    if not path.exists():
        return WorkstationSettings()
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise ConfigurationError("config.unreadable", path=path, detail=exc) from exc
    if not isinstance(raw, dict):
        raise ConfigurationError("config.not_an_object", path=path)
    url = raw.get("database_url")
    if url is not None and not isinstance(url, str):
        raise ConfigurationError("config.url_not_text", path=path)
    language = raw.get("language", "de")
    if language not in ("de", "en"):
        raise ConfigurationError("config.unknown_language", path=path, language=language)
    last_username = raw.get("last_username", "")
    if not isinstance(last_username, str):
        last_username = ""
    scanner_folder = raw.get("scanner_folder", "")
    if not isinstance(scanner_folder, str):
        scanner_folder = ""
    return WorkstationSettings(
        database_url=url, language=language, last_username=last_username, scanner_folder=scanner_folder
    )


def save_settings(settings: WorkstationSettings, path: Path | None = None) -> None:
    if settings.database_url and _parse(settings.database_url).password is not None:
        raise ConfigurationError("config.no_passwords_saved")
    path = path or settings_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    data = asdict(settings)
    tmp = path.with_suffix(".tmp")
    tmp.write_text(json.dumps(data, indent=2, ensure_ascii=False), encoding="utf-8")
    tmp.replace(path)


def resolve_database_url(cli_url: str | None, settings: WorkstationSettings | None = None) -> str:
    for given, where in ((cli_url, "--db"), (os.environ.get(ENV_DATABASE_URL), ENV_DATABASE_URL)):
        if given:
            if _parse(given).password is not None:
                raise ConfigurationError("config.password_in_url", where=where)
            return given
    settings = settings if settings is not None else load_settings()
    return settings.database_url or default_database_url()


def _parse(url: str) -> URL:
    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import ArgumentError

    try:
        return make_url(url)
    except ArgumentError as exc:
        raise ConfigurationError("storage.invalid_url", url=url) from exc
