"""Setting up the office's key of the audit trail, handing it to a further workstation, taking it over
(``abh-desk audit schluessel …``; the key itself: ``abh_desk.audit_key``).

A new database gets its key when it is first opened, before anything is written (``set_up_if_new``);
an existing trail gets one from the administration (``set_up``), which checks the trail first: a
key put on a trail that was already changed would vouch for the change. Every step is logged in
the trail with the key's name (``kennung``), never with the key.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path

from sqlalchemy import select

from abh_desk import audit_chain, audit_key
from abh_desk.audit_key import AuditKey
from abh_desk.errors import ConfigurationError, ValidationError
from abh_desk.services.context import ServiceContext
from abh_desk.storage import keyring_is_secure
from models import AuditEvent

log = logging.getLogger(__name__)
SET_UP = "protokoll_schluessel_eingerichtet"
HANDED_OUT = "protokoll_schluessel_ausgegeben"
TAKEN_OVER = "protokoll_schluessel_uebernommen"


def _signed_entry(ctx: ServiceContext) -> int | None:
    with ctx.db.read() as session:
        return session.scalar(select(AuditEvent.id).where(AuditEvent.mac.is_not(None)).order_by(AuditEvent.id).limit(1))


def set_up(ctx: ServiceContext, replacing: str = "") -> AuditKey:
    """A new key for this database, kept in this workstation's keyring; its first entry is the
    logged set-up. ``replacing``: the reason to replace a key that is lost (the trail is signed,
    no workstation has the key any more); the entries signed with the former one stay checkable
    only with it."""
    db = ctx.db
    if audit_key.key_of(db) is not None:
        raise ValidationError("audit_key_setup.already_here")
    if _signed_entry(ctx) is not None and not replacing:
        raise ValidationError("audit_key_setup.already_signed")
    report = audit_chain.verify(db, audit_chain.anchor_state(db), key=None)
    if report.first_break is not None or report.anchor_problem is not None or report.missing_triggers:
        raise ValidationError("audit_key_setup.trail_fails_check")
    key = audit_key.new_key()
    audit_key.store_key(db, key)  # first: the entry below is signed with it, and it must not be lost
    try:
        with ctx.unit_of_work() as uow:
            uow._begin()
            # The key lock alone: no workstation appends between this check and the key's first entry.
            audit_chain.lock_chain(uow.session, db.backend, audit_chain.chain_of(db), exclusive_key=True)
            signed = uow.session.scalar(select(AuditEvent.id).where(AuditEvent.mac.is_not(None)).limit(1))
            if signed is not None and not replacing:
                raise ValidationError("audit_key_setup.set_up_elsewhere")
            uow.audit(SET_UP, "protokoll", None, kennung=key.key_id, ersetzt_verlorenen=replacing or None)
            uow.commit()
    except BaseException:
        audit_key.forget_key(db)
        raise
    with db.read() as session:
        since = session.scalar(
            select(AuditEvent.id)
            .where(AuditEvent.action == SET_UP, AuditEvent.mac.is_not(None))
            .order_by(AuditEvent.id.desc())
            .limit(1)
        )
    key = AuditKey(key.secret, since)
    audit_key.store_key(db, key)
    return key


def set_up_if_new(ctx: ServiceContext) -> AuditKey | None:
    """A database whose trail is empty (just created) gets its key before anything is written.
    Where the keyring cannot keep a secret, the trail stays unsigned (``audit pruefen`` says so)."""
    db = ctx.db
    if audit_key.key_of(db) is not None:
        return None
    with db.read() as session:
        if session.scalar(select(AuditEvent.id).limit(1)) is not None:
            return None
    try:
        if not keyring_is_secure():
            raise ConfigurationError("audit_key_setup.keyring_not_secure")
        return set_up(ctx)
    except ConfigurationError as exc:  # the keyring cannot keep it: nothing was written
        log.warning("Das Protokoll dieser neuen Datenbank wird nicht signiert: %s", exc)
        return None


def hand_out(ctx: ServiceContext, target: Path) -> AuditKey:
    """Write this workstation's key into ``target`` for a further workstation (readable by the
    owner only; a file that exists is not overwritten). Logged without the key."""
    key = audit_key.key_of(ctx.db)
    if key is None:
        raise ValidationError("audit_key_setup.no_key_here")
    target = target.expanduser()
    try:
        handle = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        raise ValidationError("audit_key_setup.target_exists", target=target) from None
    except OSError as exc:
        raise ValidationError("audit_key_setup.target_not_writable", target=target, reason=exc.strerror or exc) from exc
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as file:
            file.write(key.record() + "\n")
    except OSError as exc:
        target.unlink(missing_ok=True)
        raise ValidationError("audit_key_setup.target_not_writable", target=target, reason=exc.strerror or exc) from exc
    with ctx.unit_of_work() as uow:
        uow.audit(HANDED_OUT, "protokoll", None, kennung=key.key_id, datei=target.name)
        uow.commit()
    return key


def take_over(ctx: ServiceContext, source: Path) -> AuditKey:
    """Keep the key from ``source`` (``hand_out`` on another workstation) in this workstation's
    keyring, after checking it signs this database's trail (``accept``); logged with its name."""
    key = accept(ctx, source)
    log_taken_over(ctx, key, source)
    return key


def log_taken_over(ctx: ServiceContext, key: AuditKey, source: Path) -> None:
    with ctx.unit_of_work() as uow:
        uow.audit(TAKEN_OVER, "protokoll", None, kennung=key.key_id, datei=source.name)
        uow.commit()


def accept(ctx: ServiceContext, source: Path) -> AuditKey:
    """The key from ``source`` in this workstation's keyring, once it is found to sign this
    database's trail. Nothing is written to the database: a workstation without the key cannot
    write to a signed trail, not even the sign-in (the command line signs in after this step; the
    file is the secret — who holds it could sign anyway)."""
    db = ctx.db
    try:
        text = source.expanduser().read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ValidationError(
            "audit_key_setup.source_unreadable", source=source, reason=getattr(exc, "strerror", None) or exc
        ) from exc
    try:
        key = audit_key.parse_record(text, str(source))
    except ConfigurationError as exc:
        raise ValidationError("audit_key_setup.not_a_key", error=exc) from exc
    present = audit_key.key_of(db)
    if present is not None and present.secret != key.secret:
        raise ValidationError("audit_key_setup.other_key_here")
    with db.read() as session:
        first = key.since if key.since is not None else _signed_entry(ctx)
        row = session.execute(select(AuditEvent.chain_hash, AuditEvent.mac).where(AuditEvent.id == first)).first()
    if first is None or row is None or not key.signs(row.chain_hash, row.mac):
        raise ValidationError("audit_key_setup.key_does_not_sign", name=source.name)
    if present is None:
        audit_key.store_key(db, key)
    return key
