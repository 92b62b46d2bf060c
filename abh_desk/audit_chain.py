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
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, cast

from sqlalchemy import Table, insert, or_, select, text
from sqlalchemy.orm import Session

from abh_desk.config import data_dir
from abh_desk.storage import Database
from models import AuditEvent

log = logging.getLogger(__name__)
_TABLE = cast(Table, AuditEvent.__table__)

GENESIS = ""
"""The "previous hash" of the first entry."""
# Any number will do, as long as every workstation uses the same one (see migrate._PG_MIGRATION_LOCK).
PG_CHAIN_LOCK = 7_346_199_202
ANCHOR_FILE = "audit-anker.json"
# The audit entry of a retention run and its count of erased payloads (services.retention).
RETENTION_RUN = "aufbewahrung_lauf"
RETENTION_ERASED = "protokoll_inhalte_geloescht"
TRIGGERS = {
    "sqlite": ("audit_events_kein_update", "audit_events_kein_delete"),
    "postgresql": ("audit_events_kein_update", "audit_events_kein_delete", "audit_events_kein_truncate"),
}


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
    return (
        f'[{_number(event["id"])},"{time_text or _time_text(event["occurred_at"])}",{_number(event["user_id"])},'
        f"{_text(event['action'])},{_text(event['entity'])},{_number(event['entity_id'])},"
        f"{_number(event['case_id'])},{_text(event['payload_hash'])}]"
    )


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


def append(session: Session, backend: str, events: Sequence[dict[str, Any]], anchor: ChainHead | None) -> Appended:
    """Insert ``events`` (rows without id and chain hash) at the head of the chain.

    Call inside the writing transaction, just before commit. On PostgreSQL the advisory lock is
    taken in a statement of its own: under READ COMMITTED the head query that follows then sees
    every chain entry committed before the lock was granted (one statement would use a snapshot
    from before the wait, and two workstations would fork the chain)."""
    if backend == "postgresql":
        session.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": PG_CHAIN_LOCK})
    newest = select(AuditEvent.id).order_by(AuditEvent.id.desc()).limit(1).scalar_subquery()
    wanted = AuditEvent.id == newest
    if anchor is not None:
        wanted = or_(wanted, AuditEvent.id == anchor.id)
    found = {
        row.id: row.chain_hash for row in session.execute(select(AuditEvent.id, AuditEvent.chain_hash).where(wanted))
    }
    head_id = max(found, default=0)
    previous = found.get(head_id) or GENESIS
    anchor_confirmed = anchor is None or found.get(anchor.id) == anchor.chain_hash
    for offset, event in enumerate(events, start=1):
        event["id"] = head_id + offset
    last = chain(previous, events)
    # Core insert: the ORM's bulk path costs more than the whole chain for 100,000 entries.
    session.execute(insert(_TABLE), list(events))
    if backend == "postgresql":
        # Ids are given explicitly (they must follow the chain); keep the sequence behind them.
        session.execute(
            text("SELECT setval(pg_get_serial_sequence('audit_events', 'id'), :last)"), {"last": head_id + len(events)}
        )
    return Appended(ChainHead(head_id + len(events), last), anchor_confirmed)


# --- the anchor outside the database ---------------------------------------------------------


def anchor_path() -> Path:
    return data_dir() / ANCHOR_FILE


def database_key(db: Database) -> str:
    """The anchor file's key for ``db``: its address without password."""
    return db.display_url


def _read_anchors(path: Path) -> dict[str, Any]:
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return {}
    except (OSError, ValueError) as exc:
        log.warning("Protokoll-Anker %s nicht lesbar: %s", path, exc)
        return {}
    return raw if isinstance(raw, dict) else {}


def read_anchor(db: Database, path: Path | None = None) -> ChainHead | None:
    entry = _read_anchors(path or anchor_path()).get(database_key(db))
    try:
        return ChainHead(int(entry["id"]), str(entry["chain_hash"])) if entry else None
    except (KeyError, TypeError, ValueError):
        return None


def write_anchor(db: Database, head: ChainHead, at: datetime, path: Path | None = None) -> None:
    """Keep ``head`` as this workstation's anchor for ``db`` (atomically replaced file)."""
    path = path or anchor_path()
    anchors = _read_anchors(path)
    anchors[database_key(db)] = {
        "id": head.id,
        "chain_hash": head.chain_hash,
        "gemerkt_am": at.astimezone(timezone.utc).isoformat(timespec="seconds"),
    }
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(f"{path.name}.{os.getpid()}.tmp")
        tmp.write_text(json.dumps(anchors, indent=1, ensure_ascii=False), encoding="utf-8")
        tmp.replace(path)
    except OSError as exc:  # the change is committed; a missing anchor only weakens the check
        log.warning("Protokoll-Anker %s nicht geschrieben: %s", path, exc)


def remember(db: Database, appended: Appended, at: datetime) -> None:
    """After commit: move the anchor to the new head, unless the old anchor was no longer in the
    chain — then it stays, as evidence for ``abh-desk audit pruefen``."""
    if appended.anchor_confirmed:
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
    erased: int = 0
    """Entries whose payload was erased (allowed by the triggers, for retention)."""
    erased_logged: int = 0
    """Erasures the logged retention runs account for."""

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
    "occurred_at",
    "user_id",
    "action",
    "entity",
    "entity_id",
    "case_id",
    "payload_json",
    "payload_hash",
    "chain_hash",
)


def _problem(previous: str, row: Mapping[str, Any]) -> str | None:
    if row["payload_hash"] is None:
        return "hat keine Prüfsumme (nachträglich eingefügt?)"
    if row["payload_json"] is not None and payload_hash(row["payload_json"]) != row["payload_hash"]:
        return "Inhalt passt nicht zu seiner Prüfsumme (nachträglich geändert)"
    if row["chain_hash"] != link(previous, row):
        return "Verkettung unterbrochen (der Eintrag wurde geändert, oder ein Eintrag davor wurde entfernt)"
    return None


def installed_triggers(db: Database) -> set[str]:
    with db.read() as session:
        if db.backend == "sqlite":
            sql = "SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'audit_events'"
        else:
            sql = (
                "SELECT tgname FROM pg_trigger WHERE tgrelid = 'audit_events'::regclass "
                "AND NOT tgisinternal AND tgenabled <> 'D'"
            )
        return set(session.execute(text(sql)).scalars())


def verify(db: Database, anchor: ChainHead | None) -> ChainReport:
    """Walk the whole chain in id order; find the first broken entry and check the anchor."""
    count = broken = 0
    previous = GENESIS
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
            problem = _problem(previous, row)
            if problem is not None:
                broken += 1
                if first_break is None:
                    first_break = Break(row["id"], row["occurred_at"], problem)
            if anchor is not None and row["id"] == anchor.id:
                anchor_seen = row["chain_hash"]
            previous = row["chain_hash"] or ""
            head, head_time = ChainHead(row["id"], previous), row["occurred_at"]
    anchor_problem = None
    if anchor is not None:
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
    missing = tuple(name for name in TRIGGERS[db.backend] if name not in installed_triggers(db))
    return ChainReport(
        count, head, head_time, first_break, broken, anchor, anchor_problem, missing, erased, erased_logged
    )


def _logged_erasures(payload_json: str) -> int:
    try:
        value = json.loads(payload_json).get(RETENTION_ERASED, 0)
    except (ValueError, AttributeError):
        return 0
    return value if isinstance(value, int) else 0
