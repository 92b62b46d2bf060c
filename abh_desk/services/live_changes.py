"""What other workstations changed since this window last looked (issue 21: changes seen live).

PostgreSQL: the notifications say what changed (``change_watch.announce``; ``changes_from_notes``):
with a chain per workstation, audit ids no longer commit in order, so they cannot be read by range.
SQLite (one writer, one chain):

Every change is logged in the audit trail in its own transaction, with its entity, record and case.
After ``change_watch.ChangeWatcher`` reported a commit, ``changes_since`` reads the entries after
the last one seen — a range of the primary key, reads (``*_gelesen``) left out — and gives the window
the records, cases and persons touched, and who changed them. Entries this process wrote itself are
left out: the window that saved has shown its own change already.

Within this program the windows hear of a change at its commit (``change_watch.tell_here``):
``changes_here`` makes the same kind of batch of it, marked ``here`` and with the window that made
it, so each screen reacts to every change through one path, wherever it was made.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from typing import Any

from sqlalchemy import func, select

from abh_desk.change_watch import ChangeWatcher, written_here
from abh_desk.services.context import ServiceContext
from abh_desk.storage import Change
from models import AuditEvent, Case, User

MAX_ROWS = 5_000
"""Entries read at once; more (a batch job) means "much changed": every view reloads."""


@dataclass(frozen=True)
class ChangeBatch:
    """What changed elsewhere between two looks."""

    last_id: int
    """The newest audit entry looked at; the next look starts after it."""
    records: frozenset[tuple[str, int]] = frozenset()
    """(entity, id) of every changed record, e.g. ("letter", 12), ("person", 7)."""
    case_ids: frozenset[int] = frozenset()
    person_ids: frozenset[int] = frozenset()
    """Persons changed themselves or through one of their cases."""
    entities: frozenset[str] = frozenset()
    changed_by: tuple[tuple[str, int, int | None, str], ...] = field(default=())
    """(entity, id, case id, display name of who changed it) — for "changed by X at another
    workstation"."""
    overflow: bool = False
    """More than ``MAX_ROWS`` entries, or the database replaced: treat everything as changed."""
    owners: frozenset[int] = frozenset()
    """Caseworkers (user ids) of the changed cases."""
    actions: frozenset[str] = frozenset()
    """What was done (the audit actions, e.g. ``bescheid_freigegeben``)."""
    here: bool = False
    """Made in this program (``changes_here``), not at another workstation."""
    origin: str | None = None
    """The window of this program that made every change of the batch (None: several, or another
    workstation)."""

    def merged(self, later: ChangeBatch) -> ChangeBatch:
        """This batch and a later one as one (while a window waits to show them)."""
        return ChangeBatch(
            last_id=max(self.last_id, later.last_id),
            records=self.records | later.records,
            case_ids=self.case_ids | later.case_ids,
            person_ids=self.person_ids | later.person_ids,
            entities=self.entities | later.entities,
            changed_by=self.changed_by + later.changed_by,
            overflow=self.overflow or later.overflow,
            owners=self.owners | later.owners,
            actions=self.actions | later.actions,
            here=self.here and later.here,
            origin=self.origin if self.origin == later.origin else None,
        )

    def touches_owner(self, user_id: int) -> bool:
        return self.overflow or user_id in self.owners

    def touches_action(self, prefix: str) -> bool:
        return self.overflow or any(action.startswith(prefix) for action in self.actions)

    def __bool__(self) -> bool:
        return bool(self.records or self.case_ids or self.entities or self.overflow)

    def touches(self, entity: str, record_id: int) -> bool:
        return self.overflow or (entity, record_id) in self.records

    def touches_case(self, case_id: int) -> bool:
        return self.overflow or case_id in self.case_ids

    def touches_person(self, person_id: int) -> bool:
        return self.overflow or person_id in self.person_ids

    def touches_any(self, entities: Iterable[str]) -> bool:
        return self.overflow or not self.entities.isdisjoint(entities)

    def who_changed(self, entity: str, record_id: int) -> str | None:
        """Who changed the record last (None if unknown)."""
        names = [who for e, i, _case, who in self.changed_by if (e, i) == (entity, record_id)]
        return names[-1] if names else None

    def who_changed_case(self, case_id: int) -> str | None:
        """Who changed the case or one of its records last (None if unknown)."""
        names = [who for e, i, case, who in self.changed_by if case == case_id or (e, i) == ("case", case_id)]
        return names[-1] if names else None


def watcher(ctx: ServiceContext) -> ChangeWatcher:
    """What a window waits on for other workstations' commits (``change_watch``)."""
    return ChangeWatcher(ctx.db)


def newest_entry(ctx: ServiceContext) -> int:
    """The id of the newest audit entry: where a window starts looking for changes."""
    with ctx.db.read() as session:
        return int(session.scalar(select(func.coalesce(func.max(AuditEvent.id), 0))) or 0)


def changes_since(ctx: ServiceContext, after_id: int) -> ChangeBatch:
    """The changes logged after entry ``after_id`` by other processes, reads left out."""
    with ctx.db.read() as session:
        # The head first, then the range up to it: an entry committed between the two statements is
        # not skipped, it is in the next look. (Ids follow the chain, which appends under a lock.)
        head = int(session.scalar(select(func.coalesce(func.max(AuditEvent.id), 0))) or 0)
        if head < after_id:  # the database was restored or replaced under the open window
            return ChangeBatch(last_id=head, overflow=True)
        if head == after_id:
            return ChangeBatch(last_id=head)
        rows = session.execute(
            select(
                AuditEvent.id,
                AuditEvent.entity,
                AuditEvent.entity_id,
                AuditEvent.case_id,
                Case.person_id,
                Case.owner_id,
                AuditEvent.action,
                User.display_name,
            )
            .outerjoin(Case, Case.id == AuditEvent.case_id)
            .outerjoin(User, User.id == AuditEvent.user_id)
            .where(
                AuditEvent.id > after_id,
                AuditEvent.id <= head,
                AuditEvent.action.not_like("%\\_gelesen", escape="\\"),
            )
            .order_by(AuditEvent.id)
            .limit(MAX_ROWS + 1)
        ).all()
    if len(rows) > MAX_ROWS:
        return ChangeBatch(last_id=head, overflow=True)
    records: set[tuple[str, int]] = set()
    case_ids: set[int] = set()
    person_ids: set[int] = set()
    entities: set[str] = set()
    changed_by: list[tuple[str, int, int | None, str]] = []
    owners: set[int] = set()
    actions: set[str] = set()
    for entry_id, entity, entity_id, case_id, person_id, owner_id, action, who in rows:
        if written_here(ctx.db, entry_id):
            continue
        entities.add(entity)
        actions.add(action)
        if owner_id is not None:
            owners.add(owner_id)
        if entity_id is not None:
            records.add((entity, entity_id))
            changed_by.append((entity, entity_id, case_id, who or "System"))
            if entity == "person":
                person_ids.add(entity_id)
            elif entity == "case":
                case_ids.add(entity_id)
        if case_id is not None:
            case_ids.add(case_id)
        if person_id is not None:
            person_ids.add(person_id)
    return ChangeBatch(
        last_id=head,
        records=frozenset(records),
        case_ids=frozenset(case_ids),
        person_ids=frozenset(person_ids),
        entities=frozenset(entities),
        changed_by=tuple(changed_by),
        owners=frozenset(owners),
        actions=frozenset(actions),
    )


def changes_from_notes(ctx: ServiceContext, notes: list[str]) -> ChangeBatch:
    """PostgreSQL: the changes the notifications ``notes`` describe, other programs' only."""
    changes: list[Change] = []
    for note in notes:
        try:
            message = json.loads(note)
            if message.get("von") == ctx.db.token:
                continue
            if message.get("alles"):
                return ChangeBatch(last_id=0, overflow=True)
            changes.extend(
                (str(entity), _id(entity_id), _id(case_id), _id(user_id), str(action))
                for entity, entity_id, case_id, user_id, action in message["e"]
            )
        except (ValueError, KeyError, TypeError, AttributeError):  # not ours, or from another version
            return ChangeBatch(last_id=0, overflow=True)
    return _resolved(ctx, changes)


def changes_here(ctx: ServiceContext, changes: list[Change], origin: str | None) -> ChangeBatch:
    """The changes this program just committed (``change_watch.tell_here``), made by the window
    ``origin``: for the other windows showing them."""
    return replace(_resolved(ctx, changes), here=True, origin=origin)


def _id(value: Any) -> int | None:
    return None if value is None else int(value)


def _resolved(ctx: ServiceContext, changes: list[Change]) -> ChangeBatch:
    """``changes`` as a batch: the persons and caseworkers of the cases and the names of who
    changed them are looked up (one read)."""
    records: set[tuple[str, int]] = set()
    case_ids: set[int] = set()
    person_ids: set[int] = set()
    entities: set[str] = set()
    actions: set[str] = set()
    found: list[tuple[str, int, int | None, int | None]] = []
    for entity, entity_id, case_id, user_id, action in changes:
        entities.add(entity)
        actions.add(action)
        if case_id is not None:
            case_ids.add(case_id)
        if entity_id is not None:
            records.add((entity, entity_id))
            found.append((entity, entity_id, case_id, user_id))
            if entity == "person":
                person_ids.add(entity_id)
            elif entity == "case":
                case_ids.add(entity_id)
    owners: set[int] = set()
    names: dict[int, str] = {}
    if case_ids or found:
        with ctx.db.read() as session:
            if case_ids:
                for person_id, owner_id in session.execute(
                    select(Case.person_id, Case.owner_id).where(Case.id.in_(case_ids))
                ):
                    person_ids.add(person_id)
                    if owner_id is not None:
                        owners.add(owner_id)
            users = {user_id for *_rest, user_id in found if user_id is not None}
            if users:
                names = dict(session.execute(select(User.id, User.display_name).where(User.id.in_(users))).all())
    return ChangeBatch(
        last_id=0,
        records=frozenset(records),
        case_ids=frozenset(case_ids),
        person_ids=frozenset(person_ids),
        entities=frozenset(entities),
        changed_by=tuple((e, i, c, names.get(u or 0, "System")) for e, i, c, u in found),
        owners=frozenset(owners),
        actions=frozenset(actions),
    )
