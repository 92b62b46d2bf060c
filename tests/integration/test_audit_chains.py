"""A chain per workstation (issue 21): on PostgreSQL the writers of different workstations append
to chains of their own and never wait for each other's lock; the chains are woven together by
cross-references, so cutting the end of one workstation's chain is found through another's; the
whole trail still verifies entry by entry. SQLite keeps its one chain (one writer at a time)."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator

import pytest
from sqlalchemy import select, text

from abh_desk import audit_chain
from abh_desk.services.context import ServiceContext
from abh_desk.storage import Database
from models import AuditEvent
from tests.integration.test_audit_chain import unprotected


@pytest.fixture
def two_places(ctx: ServiceContext, database_url: str) -> Iterator[tuple[ServiceContext, ServiceContext]]:
    """Two workstations: each its own engine, and on PostgreSQL its own chain."""
    first, second = Database(database_url), Database(database_url)
    first.chain_name, second.chain_name = "platz-a", "platz-b"
    yield (
        ServiceContext(first, ctx.catalogue, ctx.actor, ctx.clock),
        ServiceContext(second, ctx.catalogue, ctx.actor, ctx.clock),
    )
    first.dispose()
    second.dispose()


def _write(ctx: ServiceContext, n: int, entities: int = 1) -> None:
    with ctx.unit_of_work() as uow:
        for i in range(entities):
            uow.audit("test", "person", n * 100 + i)
        uow.commit()


def _entries(db: Database) -> list[AuditEvent]:
    with db.read() as session:
        return list(session.scalars(select(AuditEvent).order_by(AuditEvent.id)))


def test_writers_of_two_workstations_at_once_leave_a_trail_that_verifies(
    two_places: tuple[ServiceContext, ServiceContext],
) -> None:
    errors: list[BaseException] = []

    def work(place: ServiceContext, n: int) -> None:
        try:
            for i in range(12):
                _write(place, n * 1000 + i, entities=1 + i % 3)
        except BaseException as error:
            errors.append(error)

    threads = [threading.Thread(target=work, args=(place, n)) for n, place in enumerate(two_places * 2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not errors
    db = two_places[0].db
    report = audit_chain.verify(db, None)
    assert report.first_break is None and report.broken == 0
    entries = _entries(db)
    assert len({e.chain_hash for e in entries}) == len(entries)  # no fork: no two entries on one link
    written = [e for e in entries if e.action == "test"]
    assert len(written) == 4 * sum(1 + i % 3 for i in range(12))
    if db.backend == "postgresql":
        assert {e.chain for e in written} == {"platz-a", "platz-b"}
        assert any(e.cross_id is not None for e in written)  # woven together
    else:
        assert {e.chain for e in written} == {""}  # one writer at a time, one chain


@pytest.mark.postgres
def test_a_workstation_does_not_wait_for_anothers_chain(
    two_places: tuple[ServiceContext, ServiceContext],
) -> None:
    first, second = two_places
    if first.db.backend != "postgresql":
        pytest.skip("SQLite has one writer at a time")
    holder = first.db.engine.connect()
    transaction = holder.begin()
    try:  # workstation A is in the middle of an append: it holds its chain's lock
        holder.execute(
            text("SELECT pg_advisory_xact_lock(:c, hashtext('platz-a'))"), {"c": audit_chain.PG_CHAIN_LOCK_CLASS}
        )
        done = threading.Event()
        other = threading.Thread(target=lambda: (_write(second, 1), done.set()))
        other.start()
        assert done.wait(10), "workstation B waited for workstation A's chain"
        other.join()
        same = threading.Event()
        mine = threading.Thread(target=lambda: (_write(first, 2), same.set()))
        mine.start()
        time.sleep(0.5)
        assert not same.is_set()  # a second writer of A's chain waits: the chain stays one line
    finally:
        transaction.rollback()
        holder.close()
    mine.join(10)
    assert same.is_set()
    assert audit_chain.verify(first.db, None).first_break is None


@pytest.mark.postgres
def test_a_cut_off_end_of_one_workstations_chain_is_found_through_another(
    two_places: tuple[ServiceContext, ServiceContext],
) -> None:
    first, second = two_places
    if first.db.backend != "postgresql":
        pytest.skip("SQLite has one chain")
    for n in range(3):
        _write(second, n)
    _write(first, 99)  # A's entry refers to the newest entry it sees: B's last
    entries = _entries(first.db)
    b_last = max(e.id for e in entries if e.chain == "platz-b")
    a_entry = next(e for e in entries if e.chain == "platz-a" and e.cross_id is not None)
    assert a_entry.cross_id == b_last
    assert audit_chain.verify(first.db, None).ok or audit_chain.verify(first.db, None).first_break is None
    with unprotected(first.db), first.db.engine.begin() as connection:
        connection.execute(text("DELETE FROM audit_events WHERE id = :id"), {"id": b_last})
    report = audit_chain.verify(first.db, None)
    assert report.first_break is not None and report.first_break.id == a_entry.id
    assert f"verweist auf Eintrag {b_last}" in report.first_break.reason
