"""The office's key of the audit trail (Protokollschlüssel): 32 random bytes held outside the database.

The hash chain alone proves only that the trail holds together: whoever can write to the database
(and to the anchor files) can compute a changed trail anew. So every entry written with the key
also carries ``mac = HMAC-SHA256(key, chain_hash)``, and the anchor file carries one too. The
database user does not have the key: it lies in the operating system's keyring of each
workstation, under the program's service name and the database's identity (the one the anchor
file uses: the SQLite file, or server, port and database — not the login, not the spelling of the
address).

The keyring entry is a small JSON text: the key (hex) and ``ab``, the id of the first entry written
with it. From that entry on every entry must carry a valid signature; entries before it were
written before the office had the key (or under a former key, see ``audit schluessel einrichten
--neu``) and are covered by the hash chain only.

This module keeps the key record and computes the signatures; setting the key up, handing it to
another workstation and taking it over are ``services.audit_key_setup``.
"""

from __future__ import annotations

import contextlib
import hashlib
import hmac
import json
import os
import weakref
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from abh_desk.error_texts import Label
from abh_desk.errors import ConfigurationError
from abh_desk.storage import KEYRING_SERVICE, Database, _keyring, keep_secret

KEY_BYTES = 32
_KEY_ID_TEXT = b"abh-desk-protokollschluessel-kennung"


@dataclass(frozen=True)
class AuditKey:
    secret: bytes
    since: int | None
    """The id of the first entry signed with this key (None: not yet known — the set-up was cut
    short after its entry was written; then the first entry with a valid signature counts)."""
    _pads: tuple[Any, Any] = field(init=False, repr=False, compare=False)
    """HMAC's inner and outer hash with the key already in: a signature then costs two SHA-256
    updates (4 µs instead of 11 for ``hmac.new`` — a rebalancing signs 100,000 entries at once)."""

    def __post_init__(self) -> None:
        block = self.secret.ljust(64, b"\0")  # the key is shorter than SHA-256's block (RFC 2104)
        inner = hashlib.sha256(bytes(b ^ 0x36 for b in block))
        outer = hashlib.sha256(bytes(b ^ 0x5C for b in block))
        object.__setattr__(self, "_pads", (inner, outer))

    @property
    def key_id(self) -> str:
        """A name of the key that gives nothing of it away (logged, printed, compared)."""
        return hmac.new(self.secret, _KEY_ID_TEXT, hashlib.sha256).hexdigest()[:16]

    def sign(self, chain_hash: str) -> str:
        """The entry's ``mac``: HMAC-SHA256 over its chain hash (which covers everything hashed)."""
        inner, outer = self._pads[0].copy(), self._pads[1].copy()
        inner.update(chain_hash.encode("utf-8"))
        outer.update(inner.digest())
        return str(outer.hexdigest())

    def signs(self, chain_hash: str | None, mac: str | None) -> bool:
        return chain_hash is not None and mac is not None and hmac.compare_digest(self.sign(chain_hash), mac)

    def record(self) -> str:
        """The key as the keyring and the hand-over file keep it."""
        return json.dumps({"schluessel": self.secret.hex(), "ab": self.since})


def new_key() -> AuditKey:
    return AuditKey(os.urandom(KEY_BYTES), None)


def parse_record(text: str, where: Label | str) -> AuditKey:
    """A key record (keyring entry or hand-over file); a German message where it is not one."""
    try:
        raw: Any = json.loads(text)
        secret = bytes.fromhex(raw["schluessel"])
        since = raw.get("ab")
    except (ValueError, TypeError, KeyError, AttributeError):
        raise ConfigurationError("audit_key.no_key", where=where) from None
    if len(secret) != KEY_BYTES or not (since is None or (isinstance(since, int) and since > 0)):
        raise ConfigurationError("audit_key.invalid_key", where=where)
    return AuditKey(secret, since)


def keyring_name(identity: str) -> str:
    """The keyring user name of the key of the database ``identity`` (``audit_chain.database_key``)."""
    return f"protokollschluessel:{identity}"


_cache: weakref.WeakKeyDictionary[Database, AuditKey | None] = weakref.WeakKeyDictionary()


def _identity(db: Database) -> str:
    """The database, not the login or the spelling of its address: the SQLite file's resolved path
    (``sqlite:///x`` and ``sqlite+pysqlite:///x`` are one file), or server, port and database."""
    if db.backend == "sqlite":
        return f"sqlite:{Path(db.url.database or '').expanduser().resolve()}"
    from abh_desk.audit_chain import database_key  # the anchor's identity of a server database

    return database_key(db)


def key_of(db: Database) -> AuditKey | None:
    """This workstation's key for ``db``, read from the keyring once per opened database."""
    if db in _cache:
        return _cache[db]
    key = _cache[db] = _read_keyring(_identity(db))
    return key


def _read_keyring(identity: str) -> AuditKey | None:
    keyring = _keyring()
    try:
        text: str | None = keyring.get_password(KEYRING_SERVICE, keyring_name(identity))
    except keyring.errors.KeyringError:
        return None
    if text is None:
        return None
    try:
        return parse_record(text, Label("audit_key.label_keyring_entry"))
    except ConfigurationError:
        return None  # an unreadable entry is no key: ``audit pruefen`` says signatures were not checked


def store_key(db: Database, key: AuditKey) -> None:
    """Keep ``key`` in this workstation's keyring for ``db`` (only a secure keyring holds it)."""
    keep_secret(
        keyring_name(_identity(db)),
        key.record(),
        Label("audit_key.keyring_insecure"),
        Label("audit_key.keyring_unavailable"),
    )
    _cache[db] = key


def forget_key(db: Database) -> None:
    """Remove the key of ``db`` from the keyring (a set-up that did not get its entry written)."""
    keyring = _keyring()
    with contextlib.suppress(keyring.errors.KeyringError):  # also: there was none
        keyring.delete_password(KEYRING_SERVICE, keyring_name(_identity(db)))
    _cache[db] = None


def use_key(db: Database, key: AuditKey | None) -> None:
    """Sign ``db``'s entries with ``key`` in this process only (tests; the set-up before the keyring)."""
    _cache[db] = key


def anchor_mac(key: AuditKey, identity: str, entry_id: int, chain_hash: str) -> str:
    """The signature of an anchor: which database, which entry, which hash."""
    return key.sign(f"anker\n{identity}\n{entry_id}\n{chain_hash}")
