"""Einrichtung eines neuen Arbeitsplatzes: database, office settings, first administrator.

The first-start dialog calls these in two steps. ``connect`` opens the chosen database (the
standalone SQLite file or the office's PostgreSQL server), migrates it and says what is already
there: a second workstation on the office server finds the office settings and an administrator
and keeps them. ``finish`` checks every field first, then stores the password in the keyring,
the office settings and the administrator in the database, and writes the workstation's
settings file last — until that file exists the dialog appears again on the next start.
The other way, the default SQLite file with demo data at once, is ``abh_desk.demo.office.set_up_demo``.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, replace
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.engine import URL

from abh_desk import audit_chain, audit_key, migrate
from abh_desk.audit_key import AuditKey
from abh_desk.clock import SYSTEM_CLOCK, Clock
from abh_desk.config import (
    WorkstationSettings,
    default_database_url,
    load_settings,
    save_settings,
)
from abh_desk.domain.catalogue import load_catalogue
from abh_desk.domain.enums import Role
from abh_desk.errors import ConfigurationError, FieldErrors, ValidationError
from abh_desk.services.audit_key_setup import accept, log_taken_over, set_up_if_new
from abh_desk.services.auth import MIN_PASSWORD_LENGTH, create_user
from abh_desk.services.context import ServiceContext
from abh_desk.services.office import (
    LAENDER,
    OfficeSettings,
    get_office_settings,
    letterhead_problems,
    update_office_settings,
)
from abh_desk.services.staff import ensure_areas
from abh_desk.storage import Database, keyring_password, parse_url, store_password
from models import AuditEvent, OfficeSetting, User

STANDALONE = "sqlite"
SERVER = "postgresql"
#: The field of the office's audit key file (``DatabaseChoice.key_file``).
KEY_FILE = "key_file"


def default_sqlite_path() -> Path:
    url = default_database_url()
    return Path(url.split(":///", 1)[1])


@dataclass(frozen=True)
class DatabaseChoice:
    """Einzelplatz (an SQLite file) or Server der Behörde (a PostgreSQL URL and its password)."""

    mode: str = STANDALONE
    sqlite_path: str = ""
    server_url: str = ""
    password: str = ""
    key_file: str = ""
    """The office's audit key (``abh-desk audit schluessel ausgeben`` on a workstation that has it):
    a database whose trail is signed takes no entry from a workstation without it."""

    def url(self) -> str:
        if self.mode == STANDALONE:
            text = self.sqlite_path.strip()
            if not text:
                raise ValidationError("workstation_setup.sqlite_path_missing", field="sqlite_path")
            path = Path(text).expanduser()
            if not path.is_absolute():
                raise ValidationError("workstation_setup.sqlite_path_relative", field="sqlite_path")
            if path.is_dir():
                raise ValidationError("workstation_setup.sqlite_path_is_folder", field="sqlite_path", path=str(path))
            return URL.create("sqlite+pysqlite", database=str(path)).render_as_string()
        text = self.server_url.strip()
        if not text:
            raise ValidationError("workstation_setup.server_url_missing", field="server_url")
        try:
            url = parse_url(text)
        except ConfigurationError as exc:
            raise ValidationError.at("server_url", exc) from exc
        if url.get_backend_name() != "postgresql" or not url.host or not url.database or not url.username:
            raise ValidationError("workstation_setup.server_url_incomplete", field="server_url")
        if url.password is not None:
            raise ValidationError("workstation_setup.password_in_url", field="server_url")
        return url.render_as_string()

    @property
    def field(self) -> str:
        return "sqlite_path" if self.mode == STANDALONE else "server_url"


@dataclass(frozen=True)
class SetupState:
    """What the chosen database already holds."""

    url: str
    office: OfficeSettings
    office_stored: bool  # a second workstation: the office settings are kept, not asked again
    has_admin: bool  # an administrator who can sign in exists already
    key_taken_over: str | None = None  # the name (Kennung) of the office's audit key taken over


@dataclass(frozen=True)
class Administrator:
    username: str
    display_name: str
    password: str
    repeated: str


def connect(choice: DatabaseChoice, clock: Clock = SYSTEM_CLOCK) -> tuple[ServiceContext, SetupState]:
    """Open, test and migrate the chosen database; errors name the field to correct."""
    url = choice.url()
    password = choice.password

    def lookup(parsed: URL) -> str | None:
        return password or keyring_password(parsed)

    try:
        db = Database(url, password_lookup=lookup)
        db.check_connection()
    except ConfigurationError as exc:
        raise ValidationError.at(choice.field, exc) from exc
    try:
        migrate.upgrade(db)
        ctx = ServiceContext(db, load_catalogue(), clock=clock)
        key = _take_over_key(ctx, choice.key_file)  # first: without it nothing is written to a signed trail
        if key is None and audit_key.key_of(db) is None and _trail_is_signed(db):
            # Refused before the trail is anchored: the next attempt, with the key, anchors and logs it.
            raise ValidationError("workstation_setup.key_file_needed", field=KEY_FILE)
        anchored = audit_chain.anchor_on_first_use(db, clock.now())
        set_up_if_new(ctx)  # a new office's database: its audit trail is signed from the first entry
        try:
            if anchored is not None:  # trust on first use, in the trail for whoever checks it later
                with ctx.unit_of_work() as uow:
                    uow.audit("protokoll_anker_erstmals", "protokoll", anchored.id, pruefwert=anchored.chain_hash)
                    uow.commit()
            if key is not None:
                log_taken_over(ctx, key, Path(choice.key_file.strip()))
            ensure_areas(ctx)
        except audit_chain.KeyMissing as exc:  # a signed office trail: the key comes first
            raise ValidationError("workstation_setup.key_file_needed", field=KEY_FILE) from exc
        with db.read() as session:
            stored = bool(session.scalar(select(func.count()).select_from(OfficeSetting)))
            admins = session.scalar(
                select(func.count())
                .select_from(User)
                .where(User.role == Role.ADMIN.value, User.active.is_(True), User.password_hash.is_not(None))
            )
    except Exception:
        db.dispose()
        raise
    return ctx, SetupState(url, get_office_settings(ctx), stored, bool(admins), key.key_id if key else None)


def _trail_is_signed(db: Database) -> bool:
    with db.read() as session:
        return bool(session.scalar(select(AuditEvent.mac).order_by(AuditEvent.id.desc()).limit(1)))


def _take_over_key(ctx: ServiceContext, key_file: str) -> AuditKey | None:
    """The office's key from ``key_file`` kept in this workstation's keyring, once it is found to
    sign this database's trail (the checks of ``abh-desk audit schluessel uebernehmen``)."""
    if not key_file.strip():
        return None
    try:
        return accept(ctx, Path(key_file.strip()))
    except (ValidationError, ConfigurationError) as exc:  # unreadable, not this trail's, no safe keyring
        raise ValidationError.at(KEY_FILE, exc) from exc


def check_office(office: OfficeSettings) -> list[ValidationError]:
    """Everything a letter needs from the office: name, address, Land, court for lawsuits."""
    errors = letterhead_problems(office)
    if office.postcode_city.strip() and not office.postcode_city.strip()[:5].isdigit():
        errors.append(ValidationError("workstation_setup.postcode_first", field="postcode_city"))
    if office.land not in LAENDER:
        errors.append(ValidationError("workstation_setup.land_missing", field="land"))
    return errors


def check_administrator(admin: Administrator) -> list[ValidationError]:
    errors = []
    name = admin.username.strip().lower()
    if not name:
        errors.append(ValidationError("workstation_setup.username_missing", field="username"))
    elif not name.isascii() or not name.replace(".", "").replace("-", "").isalnum():
        errors.append(ValidationError("shared.username_rule", field="username"))
    if not admin.display_name.strip():
        errors.append(ValidationError("shared.display_name_missing", field="display_name"))
    if len(admin.password) < MIN_PASSWORD_LENGTH:
        errors.append(ValidationError("shared.password_too_short", field="password", min_length=MIN_PASSWORD_LENGTH))
    elif admin.repeated != admin.password:
        errors.append(ValidationError("workstation_setup.passwords_differ", field="repeated"))
    return errors


def finish(
    ctx: ServiceContext,
    choice: DatabaseChoice,
    state: SetupState,
    office: OfficeSettings,
    admin: Administrator | None,
) -> WorkstationSettings:
    """Store what the dialog asked for; nothing is written while any field is wrong."""
    errors = [] if state.office_stored else check_office(office)
    if not state.has_admin:
        if admin is None:
            errors.append(ValidationError("workstation_setup.administrator_missing", field="username"))
        else:
            errors += check_administrator(admin)
    if errors:
        raise FieldErrors(errors=errors)
    if choice.mode == SERVER and choice.password:
        try:
            store_password(state.url, choice.password)
        except ConfigurationError as exc:
            raise ValidationError.at("password_server", exc) from exc
    if not state.office_stored:
        update_office_settings(ctx, **asdict(office))
    if not state.has_admin and admin is not None:
        create_user(ctx, admin.username, admin.display_name, Role.ADMIN, admin.password)
    database_url = None if state.url == default_database_url() else state.url
    last = admin.username.strip().lower() if admin is not None and not state.has_admin else ""
    settings = replace(current_settings(), database_url=database_url, last_username=last)
    save_settings(settings)
    return settings


def current_settings() -> WorkstationSettings:
    try:
        return load_settings()
    except ConfigurationError:
        return WorkstationSettings()
