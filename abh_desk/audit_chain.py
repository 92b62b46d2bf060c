"""The tamper-evident audit trail (Protokoll): a hash chain over ``audit_events``.

Each entry's ``chain_hash`` is ``sha256(previous chain_hash, this entry's metadata, payload_hash)``.
The payload itself is covered by ``payload_hash`` only, so a payload can be erased for retention
(``payload_json`` set to NULL, which the append-only triggers allow) and the chain still holds.

Appending happens at commit, in the same transaction as the change: on PostgreSQL under a
transaction-scoped advisory lock, on SQLite under the writer lock that ``BEGIN IMMEDIATE`` took.
Two workstations therefore never append to the same head, and ids follow the chain.

Because anyone who can write to the database could rewrite the whole chain, the newest head this
workstation wrote or verified is also kept outside the database, in an anchor file in the data
directory. ``verify`` checks that the chain still holds that entry with that hash, which finds a
cut-off end or a chain computed anew.

And because whoever can write to the database and to the anchor files could still compute both
anew, every entry written with the office's key also carries ``mac``, an HMAC of its chain hash
under a key the database does not hold (``abh_desk.audit_key``); the anchor is signed, too. A
workstation without the key does not write to a trail that is signed: its entries would lack the
signature every entry after the key's first one must carry.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import logging
import os
import shutil
import socket
import time
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence, Set
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, cast

from sqlalchemy import Table, insert, or_, select, text
from sqlalchemy.orm import Session, aliased

from abh_desk.audit_key import AuditKey, anchor_mac, key_of
from abh_desk.config import data_dir
from abh_desk.errors import ConfigurationError
from abh_desk.storage import Database
from models import AuditEvent

log = logging.getLogger(__name__)
_TABLE = cast(Table, AuditEvent.__table__)

GENESIS = ""
"""The "previous hash" of the first entry."""
# Any number will do, as long as every workstation uses the same one (see migrate._PG_MIGRATION_LOCK).
PG_CHAIN_LOCK = 7_346_199_202
"""The lock of the one chain before chains per workstation (kept for reference)."""
PG_CHAIN_LOCK_CLASS = 734_619
PG_KEY_LOCK = 7_346_199_203
"""Every append holds it shared; setting the office's key up holds it alone, so that no entry
without a signature follows the key's first entry (a workstation sees the key's entry before it
writes, or wrote before it)."""
"""With a chain's ``hashtext``: the two-key advisory lock of one chain (two chains whose names hash
alike share it, which only makes them wait for each other)."""
ANCHOR_FILE = "audit-anker.json"
# The audit entry of a retention run and its count of erased payloads (services.retention).
RETENTION_RUN = "aufbewahrung_lauf"
RETENTION_ERASED = "protokoll_inhalte_geloescht"
TRIGGERS = {
    "sqlite": ("audit_events_kein_update", "audit_events_kein_delete", "audit_events_kein_ersetzen"),
    "postgresql": ("audit_events_kein_update", "audit_events_kein_delete", "audit_events_kein_truncate"),
}
#: What each protecting trigger must be, as the migrations created it: the SHA-256 of its definition
#: (SQLite: its CREATE statement; PostgreSQL: its type — when and on what it fires —, its function's
#: name and body, from the catalogue, so neither the schema nor the search path changes it), with
#: white space folded. A trigger of the right name that does something else is no protection.
TRIGGER_FINGERPRINTS = {
    "sqlite": {
        "audit_events_kein_update": "9000cbf076c2f240ad06d96b1e0ae065e9c3b7be49c6ddf98e9c9c2d6c014657",
        "audit_events_kein_delete": "01407b62cefa7badd9557328c6bfa154f6bd0a20b9291a1182562aac5f3be696",
        "audit_events_kein_ersetzen": "d9a421393aa8daddbd6a098c8d769ed9567b0f8bf0ea76cbd43879aabe585bd0",
    },
    "postgresql": {
        "audit_events_kein_update": "db1fb5b1d6fb70468456f05e9be6e7981ce0155ba99fb0be6affa112fdc10bbc",
        "audit_events_kein_delete": "4e933b2c8654135fa2411a6e1cf0940d7de9394164c91fbaa5a282a29916813d",
        "audit_events_kein_truncate": "9b24b5ac91e95f41f29ad4dd01900b8bb120fbd2a9367efbac64f49d19fd4798",
    },
}


#: SQLite's protecting triggers as the migrations left them, in the order of the migrations
#: (revision that created or replaced it, trigger, fingerprint): a backup made at an older revision is
#: checked against the triggers of its own revision (``sqlite_triggers_at``). The last of each is
#: ``TRIGGER_FINGERPRINTS["sqlite"]``.
SQLITE_TRIGGER_HISTORY = (
    ("38e005c8f2b1", "audit_events_kein_update", "9f9b3fe245d63dc863059b7e7b237450bc94a12392df711df3ee5e65712feee2"),
    ("38e005c8f2b1", "audit_events_kein_delete", "01407b62cefa7badd9557328c6bfa154f6bd0a20b9291a1182562aac5f3be696"),
    ("e51f0a7c2b93", "audit_events_kein_ersetzen", "d9a421393aa8daddbd6a098c8d769ed9567b0f8bf0ea76cbd43879aabe585bd0"),
    ("a7d3c1e9f2b4", "audit_events_kein_update", "42a903f0e408d0562e706a903bc409de1883ce026add250fb60fbcf074bdc265"),
    ("b8e2f4a61c07", "audit_events_kein_update", "9000cbf076c2f240ad06d96b1e0ae065e9c3b7be49c6ddf98e9c9c2d6c014657"),
)


def sqlite_triggers_at(revisions: Set[str]) -> dict[str, str]:
    """The protecting triggers (name → fingerprint) a SQLite database has whose migrations are
    ``revisions`` (a revision and everything before it)."""
    expected: dict[str, str] = {}
    for revision, name, fingerprint in SQLITE_TRIGGER_HISTORY:
        if revision in revisions:
            expected[name] = fingerprint
    return expected


@dataclass(frozen=True)
class ChainHead:
    """The newest entry of the chain: its id and chain hash."""

    id: int
    chain_hash: str


def payload_hash(payload_json: str) -> str:
    return hashlib.sha256(payload_json.encode("utf-8")).hexdigest()


def _time_text(moment: datetime) -> str:
    return moment.astimezone(timezone.utc).replace(tzinfo=None).isoformat(timespec="microseconds") + "Z"


_json_text: Callable[[str], str] = json.encoder.encode_basestring_ascii


def _text(value: str | None) -> str:
    return "null" if value is None else _json_text(value)


def _number(value: int | None) -> str:
    return "null" if value is None else str(int(value))


def metadata_text(event: Mapping[str, Any], time_text: str | None = None) -> str:
    """The hashed metadata of an entry: a compact ASCII JSON array (id, time in UTC, user, action,
    entity, entity id, case id, payload hash), written out by hand because it is 3x faster than
    ``json.dumps`` and a rebalancing chains 100,000 entries at once."""
    text_ = (
        f'[{_number(event["id"])},"{time_text or _time_text(event["occurred_at"])}",{_number(event["user_id"])},'
        f"{_text(event['action'])},{_text(event['entity'])},{_number(event['entity_id'])},"
        f"{_number(event['case_id'])},{_text(event['payload_hash'])}"
    )
    # The chain and the cross-reference count only where set: entries from before the chains per
    # workstation (chain '', none) keep the hash they were written with.
    chain_name, cross_id = event.get("chain") or "", event.get("cross_id")
    if chain_name or cross_id is not None:
        text_ += f",{_text(chain_name)},{_number(cross_id)},{_text(event.get('cross_hash'))}"
    return text_ + "]"


def link(previous: str, event: Mapping[str, Any], time_text: str | None = None) -> str:
    """The chain hash of ``event`` (a row of audit_events as a mapping) after ``previous``."""
    return hashlib.sha256(f"{previous}\n{metadata_text(event, time_text)}".encode()).hexdigest()


def chain(previous: str, events: Iterable[dict[str, Any]]) -> str:
    """Set ``chain_hash`` on each event in order (ids already set); returns the last hash."""
    moment, time_text = None, ""
    for event in events:
        if event["occurred_at"] is not moment:  # a batch shares one timestamp: format it once
            moment = event["occurred_at"]
            time_text = _time_text(moment)
        previous = event["chain_hash"] = link(previous, event, time_text)
    return previous


# --- appending -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Appended:
    head: ChainHead
    anchor_confirmed: bool
    """True when the anchor this workstation kept is still in the chain (or there is none)."""
    locked_at: float | None = None
    """``time.perf_counter()`` when the chain's lock was granted (PostgreSQL), for ``LockTimes``."""
    signed: bool = False
    """The entries carry the signature of the office's key."""
    anchor_missing: bool = False
    """This workstation keeps no anchor for a chain that already had entries: the anchor file was
    removed, or the workstation joined an existing database. Only ``audit pruefen --anker-neu``
    sets one then; a commit never does (it would reset the evidence)."""


@dataclass
class LockTimes:
    """How long appends waited for the chain's lock and held it until their commit, in ms — collected
    only where a measurement sets ``lock_times`` (``benchmarks.load``), never in the program."""

    waits: list[float] = field(default_factory=list)
    holds: list[float] = field(default_factory=list)


lock_times: LockTimes | None = None


class KeyMissing(ConfigurationError):
    """The trail is signed and this workstation has not got the office's key: nothing is written."""

    code = "protokollschluessel_fehlt"


def lock_chain(session: Session, backend: str, chain_name: str, exclusive_key: bool = False) -> float | None:
    """Take the chain's lock (PostgreSQL; SQLite's writer lock is taken at BEGIN), with the key lock
    shared — or alone (``exclusive_key``: setting the key up). One statement, one round trip.
    Returns ``time.perf_counter()`` when granted."""
    if backend != "postgresql":
        return None
    asked = time.perf_counter()
    key_lock = "pg_advisory_xact_lock" if exclusive_key else "pg_advisory_xact_lock_shared"
    session.execute(
        text(f"SELECT {key_lock}(:key_lock), pg_advisory_xact_lock(:lock_class, hashtext(:chain))"),
        {"key_lock": PG_KEY_LOCK, "lock_class": PG_CHAIN_LOCK_CLASS, "chain": chain_name},
    )
    locked_at = time.perf_counter()
    if lock_times is not None:
        lock_times.waits.append((locked_at - asked) * 1000)
    return locked_at


def append(
    session: Session,
    backend: str,
    events: Sequence[dict[str, Any]],
    anchor: ChainHead | None,
    chain_name: str = "",
    key: AuditKey | None = None,
) -> Appended:
    """Insert ``events`` (rows without id and chain hash) at the head of the chain ``chain_name``.

    Call inside the writing transaction, just before commit. SQLite has one writer at a time (the
    ``BEGIN IMMEDIATE`` lock) and one chain; ids follow it. On PostgreSQL every workstation appends
    to a chain of its own under a transaction-scoped advisory lock for that chain only, so the
    writers of different workstations never wait for each other (issue 21); ids come from the
    sequence, and within a chain they follow its order. The lock is taken in a statement of its own:
    under READ COMMITTED the head query that follows then sees every entry of the chain committed
    before the lock was granted. The first entry also records the newest entry of another chain it
    sees (``cross_id``, ``cross_hash``): the chains are woven together, so a cut-off end of one chain
    breaks a later entry of another, which ``verify`` finds.

    ``key``: the office's key; each entry gets its signature (``mac``). Without it nothing is
    written to a trail whose newest entry (of this chain, or of all) is signed: ``KeyMissing``."""
    server = backend == "postgresql"
    locked_at = lock_chain(session, backend, chain_name)
    own = session.execute(
        select(AuditEvent.id, AuditEvent.chain_hash, AuditEvent.mac)
        .where(AuditEvent.chain == chain_name)
        .order_by(AuditEvent.id.desc())
        .limit(1)
    ).first()
    newest = session.execute(
        select(AuditEvent.id, AuditEvent.chain, AuditEvent.chain_hash, AuditEvent.mac)
        .order_by(AuditEvent.id.desc())
        .limit(1)
    ).first()
    if key is None and events and ((own is not None and own.mac) or (newest is not None and newest.mac)):
        raise KeyMissing("audit_chain.key_missing")
    previous = (own.chain_hash or GENESIS) if own is not None else GENESIS
    anchor_confirmed = True
    if anchor is not None:
        anchored = session.scalar(select(AuditEvent.chain_hash).where(AuditEvent.id == anchor.id))
        anchor_confirmed = anchored == anchor.chain_hash
    if server:
        ids = list(
            session.scalars(
                text("SELECT nextval(pg_get_serial_sequence('audit_events', 'id')) FROM generate_series(1, :n)"),
                {"n": len(events)},
            )
        )
    else:
        top = newest.id if newest is not None else 0
        ids = list(range(top + 1, top + 1 + len(events)))
    for entry_id, event in zip(sorted(ids), events, strict=True):
        event["id"] = entry_id
        event["chain"] = chain_name
        event["cross_id"] = event["cross_hash"] = None
    if events and newest is not None and newest.chain != chain_name:
        events[0]["cross_id"], events[0]["cross_hash"] = newest.id, newest.chain_hash
    last = chain(previous, events)
    if key is not None:
        for event in events:
            event["mac"] = key.sign(event["chain_hash"])
    else:
        for event in events:
            event["mac"] = None
    # Core insert: the ORM's bulk path costs more than the whole chain for 100,000 entries.
    session.execute(insert(_TABLE), list(events))
    head = ChainHead(events[-1]["id"], last) if events else ChainHead(own.id if own else 0, previous)
    return Appended(head, anchor_confirmed, locked_at, key is not None, anchor is None and newest is not None)


def chain_of(db: Database) -> str:
    """The chain ``db``'s entries go to: on SQLite the one chain ``''`` (one writer at a time); on
    PostgreSQL this workstation's — named after the computer and its data directory, the place its
    anchor file lives, so the program and the command line of one workstation share it."""
    if db.backend == "sqlite":
        return ""
    if db.chain_name is None:
        place = f"{socket.gethostname()}|{data_dir().resolve()}"
        db.chain_name = "platz-" + hashlib.sha256(place.encode("utf-8")).hexdigest()[:16]
    return db.chain_name


# --- the anchor outside the database ---------------------------------------------------------


def anchor_path() -> Path:
    return data_dir() / ANCHOR_FILE


def database_key(db: Database) -> str:
    """The anchor file's key for ``db``: the database, not the login (a workstation that moves to
    the login ``db rollen`` made keeps its anchor) — the SQLite file, or server, port and database."""
    url = db.url
    if db.backend == "sqlite":
        return db.display_url
    return f"postgresql://{url.host or ''}:{url.port or 5432}/{url.database or ''}"


def _legacy_key(db: Database) -> str:
    """The key of anchors written before the login was left out (the address with the user)."""
    return db.display_url


class AnchorFileDamaged(Exception):
    """The anchor file exists but cannot be read as anchors: a finding, never a reset."""


def _read_anchors(path: Path) -> dict[str, Any]:
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return {}
    except (OSError, ValueError) as exc:
        raise AnchorFileDamaged(f"{path}: {exc}") from exc
    if not isinstance(raw, dict):
        raise AnchorFileDamaged(f"{path}: keine Anker-Tabelle")
    return raw


@dataclass(frozen=True)
class AnchorState:
    """This workstation's anchor for a database, or why there is none to compare with."""

    head: ChainHead | None
    damaged: str | None = None
    """The anchor file (or this database's entry in it) cannot be read."""
    mac: str | None = None
    """The anchor's signature under the office's key (``audit_key.anchor_mac``); None: unsigned."""


def anchor_state(db: Database, path: Path | None = None) -> AnchorState:
    path = path or anchor_path()
    try:
        anchors = _read_anchors(path)
    except AnchorFileDamaged as exc:
        return AnchorState(None, str(exc))
    entry = anchors.get(database_key(db)) or anchors.get(_legacy_key(db))
    if entry is None:
        return AnchorState(None)
    try:
        mac = entry.get("mac")
        head = ChainHead(int(entry["id"]), str(entry["chain_hash"]))
        return AnchorState(head, None, mac if isinstance(mac, str) else None)
    except (KeyError, TypeError, ValueError):
        return AnchorState(None, f"{path}: der Eintrag für {database_key(db)} ist unvollständig")


def read_anchor(db: Database, path: Path | None = None) -> ChainHead | None:
    return anchor_state(db, path).head


def write_anchor(db: Database, head: ChainHead, at: datetime, path: Path | None = None) -> None:
    """Keep ``head`` as this workstation's anchor for ``db`` (atomically replaced file). A damaged
    anchor file is not overwritten: it stays as evidence (see ``reset_anchor``)."""
    path = path or anchor_path()
    try:
        anchors = _read_anchors(path)
    except AnchorFileDamaged as exc:
        log.warning("Protokoll-Anker nicht geschrieben, die Ankerdatei ist beschädigt: %s", exc)
        return
    if _legacy_key(db) != database_key(db):
        anchors.pop(_legacy_key(db), None)
    anchors[database_key(db)] = {
        "id": head.id,
        "chain_hash": head.chain_hash,
        "gemerkt_am": at.astimezone(timezone.utc).isoformat(timespec="seconds"),
    }
    key = key_of(db)
    if key is not None:
        anchors[database_key(db)]["mac"] = anchor_mac(key, database_key(db), head.id, head.chain_hash)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(f"{path.name}.{os.getpid()}.tmp")
        tmp.write_text(json.dumps(anchors, indent=1, ensure_ascii=False), encoding="utf-8")
        tmp.replace(path)
    except OSError as exc:  # the change is committed; a missing anchor only weakens the check
        log.warning("Protokoll-Anker %s nicht geschrieben: %s", path, exc)


def reset_anchor(db: Database, head: ChainHead, at: datetime, path: Path | None = None) -> Path | None:
    """Anchor ``db`` anew at ``head`` (``audit pruefen --anker-neu``, after a restore). The anchor
    file as it was is kept beside it (``….beschaedigt-ZEIT`` where it could not be read, else
    ``….vorher-ZEIT``), and that name returned."""
    path = path or anchor_path()
    kept: Path | None = None
    stamp = f"{at.astimezone(timezone.utc):%Y%m%dT%H%M%S}"
    try:
        _read_anchors(path)
        if path.exists():
            kept = path.with_name(f"{path.name}.vorher-{stamp}")
            shutil.copy2(path, kept)
    except AnchorFileDamaged:
        kept = path.with_name(f"{path.name}.beschaedigt-{stamp}")
        path.replace(kept)
    write_anchor(db, head, at, path)
    return kept


def anchor_on_first_use(db: Database, at: datetime) -> ChainHead | None:
    """A workstation set up on a database that already has a trail (the first-start dialog joining
    an office server) anchors it once, after checking it whole — trust on first use. Where it has an
    anchor, a damaged anchor file, or the trail does not hold, nothing is written (``audit pruefen``
    reports it)."""
    state = anchor_state(db)
    if state.head is not None or state.damaged is not None:
        return None
    report = verify(db, None)
    if report.head is None or not report.ok:
        return None
    write_anchor(db, report.head, at)
    return report.head


_warned_without_anchor: set[str] = set()


def remember(db: Database, appended: Appended, at: datetime) -> None:
    """After commit: move the anchor to the new head, unless the old anchor was no longer in the
    chain — then it stays, as evidence for ``abh-desk audit pruefen`` — or there was none for a
    chain that had entries (a removed anchor file is not silently replaced)."""
    if appended.anchor_missing:
        if database_key(db) not in _warned_without_anchor:  # once a process, not at every flush of reads
            _warned_without_anchor.add(database_key(db))
            log.warning(
                "Protokoll: dieser Arbeitsplatz hat keinen Anker für diese Datenbank; bitte „abh-desk audit "
                "pruefen“ ausführen (ein neuer Anker nur mit --anker-neu)."
            )
    elif appended.anchor_confirmed:
        write_anchor(db, appended.head, at)
    else:
        log.warning("Protokoll: der gemerkte Stand fehlt in der Kette; bitte „abh-desk audit pruefen“ ausführen.")


# --- verifying -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Break:
    """The first entry at which the chain does not hold."""

    id: int
    occurred_at: datetime | None
    reason: str


@dataclass(frozen=True)
class ChainReport:
    count: int
    head: ChainHead | None
    head_time: datetime | None
    first_break: Break | None
    broken: int
    """How many entries fail their check (after the first, a break can follow from it)."""
    anchor: ChainHead | None
    anchor_problem: str | None
    missing_triggers: tuple[str, ...]
    """Protecting triggers that are missing, switched off, or not what the migrations made."""
    erased: int = 0
    """Entries whose payload was erased (allowed by the triggers, for retention)."""
    erased_logged: int = 0
    """Erasures the logged retention runs account for."""
    signatures: str = "keine"
    """``geprueft`` (checked with this workstation's key), ``ohne_schluessel`` (the trail has signed
    entries, this workstation has not got the key: not checked), ``keine`` (no key, nothing signed)."""
    signature_break: Break | None = None
    """The first entry from the key's first entry on without a valid signature."""
    unsigned: int = 0
    """How many entries from the key's first entry on have no valid signature."""
    signed_since: int | None = None
    """The key's first entry (from the key record, else the first entry it signs)."""
    former_key: int = 0
    """Entries before the key's first entry signed otherwise (with a former key): not checkable."""
    key_id: str | None = None

    @property
    def erasure_problem(self) -> str | None:
        if self.erased <= self.erased_logged:
            return None
        return (
            f"{self.erased} Einträge haben keinen Inhalt mehr, die protokollierten Aufbewahrungsläufe "
            f"erklären aber nur {self.erased_logged}: Inhalte wurden außerhalb eines Aufbewahrungslaufs gelöscht."
        )

    @property
    def ok(self) -> bool:
        return (
            self.first_break is None
            and self.signature_break is None
            and self.anchor_problem is None
            and not self.missing_triggers
            and self.erasure_problem is None
        )


def _rows(session: Session) -> Iterator[Any]:
    columns = [_TABLE.c[name] for name in _COLUMNS]
    stmt = select(*columns).order_by(AuditEvent.id).execution_options(yield_per=5000)
    yield from session.execute(stmt).mappings()


_COLUMNS = (
    "id",
    "chain",
    "cross_id",
    "cross_hash",
    "occurred_at",
    "user_id",
    "action",
    "entity",
    "entity_id",
    "case_id",
    "payload_json",
    "payload_hash",
    "chain_hash",
    "mac",
)


def _broken_cross_references(session: Session) -> list[tuple[int, datetime, int]]:
    """Entries whose cross-reference no longer finds its entry with its hash (id, time, referred id)."""
    referred = aliased(AuditEvent)
    rows = session.execute(
        select(AuditEvent.id, AuditEvent.occurred_at, AuditEvent.cross_id)
        .outerjoin(referred, referred.id == AuditEvent.cross_id)
        .where(
            AuditEvent.cross_id.is_not(None),
            or_(referred.id.is_(None), referred.chain_hash.is_(None), referred.chain_hash != AuditEvent.cross_hash),
        )
        .order_by(AuditEvent.id)
    ).all()
    return [(int(i), at, int(cross or 0)) for i, at, cross in rows]


def _problem(previous: str, row: Mapping[str, Any]) -> str | None:
    if row["payload_hash"] is None:
        return "hat keine Prüfsumme (nachträglich eingefügt?)"
    if row["payload_json"] is not None and payload_hash(row["payload_json"]) != row["payload_hash"]:
        return "Inhalt passt nicht zu seiner Prüfsumme (nachträglich geändert)"
    if row["chain_hash"] != link(previous, row):
        return "Verkettung unterbrochen (der Eintrag wurde geändert, oder ein Eintrag davor wurde entfernt)"
    return None


def _folded(definition: str) -> str:
    return " ".join(definition.split())


def trigger_fingerprint(definition: str) -> str:
    return hashlib.sha256(_folded(definition).encode("utf-8")).hexdigest()


def installed_triggers(db: Database) -> dict[str, str]:
    """The protecting triggers that fire as they should, with their definitions' fingerprints.

    On PostgreSQL only triggers that fire in every session count (``tgenabled`` 'O' or 'A'): ``ENABLE
    REPLICA TRIGGER`` ('R') switches one off for normal sessions while it still looks installed."""
    with db.read() as session:
        if db.backend == "sqlite":
            sql = "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'audit_events'"
        else:
            sql = (
                "SELECT t.tgname, t.tgtype::text || ' ' || p.proname || E'\\n' || p.prosrc FROM pg_trigger t "
                "JOIN pg_proc p ON p.oid = t.tgfoid WHERE t.tgrelid = 'audit_events'::regclass "
                "AND NOT t.tgisinternal AND t.tgenabled IN ('O', 'A')"
            )
        return {name: trigger_fingerprint(definition or "") for name, definition in session.execute(text(sql))}


def trigger_problems(db: Database) -> tuple[str, ...]:
    """Names of the protecting triggers that are missing, switched off or changed."""
    installed = installed_triggers(db)
    expected = TRIGGER_FINGERPRINTS[db.backend]
    return tuple(name for name in TRIGGERS[db.backend] if installed.get(name) != expected[name])


class _Signatures:
    """The signature check of a walk through the trail (``verify``)."""

    def __init__(self, key: AuditKey | None) -> None:
        self.key = key
        self.since = key.since if key is not None else None
        self.first: Break | None = None
        self.failed = self.former = self.seen = 0

    def check(self, row: Mapping[str, Any]) -> None:
        if self.key is None:
            self.seen += row["mac"] is not None
            return
        if self.key.signs(row["chain_hash"], row["mac"]):
            if self.since is None:  # a key record without its first entry: the first it signs
                self.since = row["id"]
            return
        if self.since is None or row["id"] < self.since:
            self.former += row["mac"] is not None
            return
        self.failed += 1
        if self.first is None:
            why = (
                "ohne gültige Signatur (er hat keine; ab Eintrag "
                f"{self.since} trägt jeder Eintrag die Signatur des Protokollschlüssels)"
                if row["mac"] is None
                else "ohne gültige Signatur (sie passt nicht: der Eintrag wurde verändert und neu verkettet, "
                "oder nicht mit dem Protokollschlüssel der Behörde geschrieben)"
            )
            self.first = Break(row["id"], row["occurred_at"], why)

    @property
    def state(self) -> str:
        if self.key is not None:
            return "geprueft"
        return "ohne_schluessel" if self.seen else "keine"


def _anchor_signature_problem(db: Database, state: AnchorState, key: AuditKey | None, since: int | None) -> str | None:
    """A signed trail's anchor must carry the key's signature, from the key's first entry on (an
    anchor from before has none): an anchor file written anew by someone without the key has none."""
    head = state.head
    if key is None or head is None or since is None or head.id < since:
        return None
    if state.mac is not None and hmac.compare_digest(
        state.mac, anchor_mac(key, database_key(db), head.id, head.chain_hash)
    ):
        return None
    return (
        f"Der Anker dieses Arbeitsplatzes (Eintrag {head.id}) trägt keine gültige Signatur des "
        "Protokollschlüssels: die Ankerdatei wurde von jemandem ohne den Schlüssel neu geschrieben."
    )


WORKSTATION_KEY = "arbeitsplatz"
"""``verify``'s default key: this workstation's key for the database (``audit_key.key_of``)."""


def verify(
    db: Database, anchor: ChainHead | AnchorState | None, key: AuditKey | str | None = WORKSTATION_KEY
) -> ChainReport:
    """Walk the whole chain in id order; find the first broken entry and check the anchor.

    ``anchor``: a head to compare with (after a restore: None, nothing to compare), or this
    workstation's ``AnchorState`` — where that has no anchor for a chain with entries, or its file
    is damaged, the end of the chain cannot be checked, and that is a finding.

    ``key``: the office's key to check the signatures with (default: this workstation's; a backup
    is checked with the live database's). From the key's first entry on, every entry must carry a
    valid signature; without a key the signatures are not checked, and the report says so."""
    key = key_of(db) if key == WORKSTATION_KEY else key
    assert key is None or isinstance(key, AuditKey)
    signatures = _Signatures(key)
    state = anchor if isinstance(anchor, AnchorState) else None
    anchor = state.head if state is not None else anchor
    assert anchor is None or isinstance(anchor, ChainHead)
    count = broken = 0
    previous_of: dict[str, str] = {}  # each chain's newest hash so far
    first_break: Break | None = None
    head: ChainHead | None = None
    head_time: datetime | None = None
    anchor_seen: str | None = None
    erased = erased_logged = 0
    with db.read() as session:
        for row in _rows(session):
            count += 1
            if row["payload_json"] is None:
                erased += 1
            elif row["action"] == RETENTION_RUN:
                erased_logged += _logged_erasures(row["payload_json"])
            problem = _problem(previous_of.get(row["chain"] or "", GENESIS), row)
            signatures.check(row)
            if problem is not None:
                broken += 1
                if first_break is None:
                    first_break = Break(row["id"], row["occurred_at"], problem)
            if anchor is not None and row["id"] == anchor.id:
                anchor_seen = row["chain_hash"]
            previous_of[row["chain"] or ""] = row["chain_hash"] or ""
            head, head_time = ChainHead(row["id"], row["chain_hash"] or ""), row["occurred_at"]
        for entry_id, occurred_at, referred in _broken_cross_references(session):
            broken += 1
            if first_break is None or entry_id < first_break.id:
                first_break = Break(
                    entry_id,
                    occurred_at,
                    f"verweist auf Eintrag {referred} eines anderen Arbeitsplatzes, der fehlt oder verändert ist "
                    "(dessen Protokoll wurde abgeschnitten oder neu verkettet)",
                )
    anchor_problem = None
    if state is not None and state.damaged is not None:
        anchor_problem = (
            f"Die Ankerdatei dieses Arbeitsplatzes ist beschädigt ({state.damaged}): das Ende des Protokolls "
            "ist nicht prüfbar. Sie bleibt als Beweis liegen; ein neuer Anker nur mit „audit pruefen --anker-neu“."
        )
    elif state is not None and anchor is None and count > 0:
        anchor_problem = (
            "Dieser Arbeitsplatz hat für diese Datenbank keinen Anker (die Ankerdatei fehlt oder wurde gelöscht): "
            "ein abgeschnittenes oder neu verkettetes Protokoll wäre nicht zu erkennen. Ist die Datenbank "
            "unverändert, setzt die Administration mit „audit pruefen --anker-neu“ einen neuen Anker (protokolliert)."
        )
    elif anchor is not None:
        if anchor_seen is None:
            anchor_problem = (
                f"Eintrag {anchor.id}, den dieser Arbeitsplatz zuletzt gesehen hat, fehlt: "
                "das Ende des Protokolls wurde abgeschnitten oder die Datenbank ersetzt."
            )
        elif anchor_seen != anchor.chain_hash:
            anchor_problem = (
                f"Eintrag {anchor.id} hat nicht mehr den Prüfwert, den dieser Arbeitsplatz gemerkt hat: "
                "das Protokoll wurde bis dorthin verändert und neu verkettet."
            )
    if anchor_problem is None and state is not None:
        anchor_problem = _anchor_signature_problem(db, state, key, signatures.since)
    missing = trigger_problems(db)
    return ChainReport(
        count,
        head,
        head_time,
        first_break,
        broken,
        anchor,
        anchor_problem,
        missing,
        erased,
        erased_logged,
        signatures.state,
        signatures.first,
        signatures.failed,
        signatures.since,
        signatures.former,
        key.key_id if key is not None else None,
    )


def _logged_erasures(payload_json: str) -> int:
    try:
        value = json.loads(payload_json).get(RETENTION_ERASED, 0)
    except (ValueError, AttributeError):
        return 0
    return value if isinstance(value, int) else 0
