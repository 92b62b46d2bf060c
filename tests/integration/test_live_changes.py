"""Changes seen live (issue 21): a workstation learns within two seconds that another one committed
a change — PostgreSQL by LISTEN/NOTIFY, SQLite by its change counter — and reads from the audit
trail which records, cases and persons it touched, and who changed them; its own changes and
reads are not reported back to it."""

from __future__ import annotations

import itertools
import threading
import time
from datetime import date

import pytest
from sqlalchemy import select

from abh_desk.change_watch import SQLITE_INTERVAL, ChangeWatcher
from abh_desk.errors import DomainError
from abh_desk.services import read_log
from abh_desk.services.case_access import open_with_reason
from abh_desk.services.case_file import get_case_file, mark_received
from abh_desk.services.cases import open_case
from abh_desk.services.context import ServiceContext
from abh_desk.services.live_changes import ChangeBatch, changes_from_notes, changes_since, newest_entry
from abh_desk.services.persons import PersonInput, create_person, get_person_file, update_person
from models import User

TODAY = date(2026, 11, 21)
PROCEDURE = "99010019001008"


def _person(city: str = "Singen", first_name: str = "Ayşe") -> PersonInput:
    return PersonInput("Öztürk", first_name, "12.03.1990", nationality="TUR", city=city)


def _waited(watcher: ChangeWatcher, change: object, timeout: float = 30.0) -> tuple[bool, int]:
    """Wait on ``watcher`` in a thread of its own (as the window does) while ``change()`` runs here:
    whether it woke, and how often it looked at SQLite's change counter after ``change()`` returned
    (each look ``SQLITE_INTERVAL`` apart; PostgreSQL does not look, the notification wakes it)."""
    result: dict[str, bool] = {}
    started, changed = threading.Event(), threading.Event()
    looks_after = itertools.count()
    if watcher.backend == "sqlite":
        look = watcher._data_version

        def counted() -> int:
            if changed.is_set():
                next(looks_after)
            return look()

        watcher._data_version = counted  # type: ignore[method-assign]

    def wait() -> None:
        started.set()
        result["got"] = watcher.wait(timeout)

    thread = threading.Thread(target=wait)
    thread.start()
    started.wait()
    time.sleep(0.1)
    change()  # type: ignore[operator]
    changed.set()
    thread.join()
    # A short wait may end before a slow change does: one more look after it ends.
    return result["got"] or watcher.wait(0.5), next(looks_after)


def _heard(ctx: ServiceContext, watcher: ChangeWatcher, seen: int) -> ChangeBatch:
    """What the window learns after the watcher woke: on PostgreSQL from the notifications (audit
    ids of several chains do not commit in order), on SQLite from the trail after ``seen``."""
    if ctx.db.backend == "postgresql":
        return changes_from_notes(ctx, watcher.take_notes())
    return changes_since(ctx, seen)


def test_a_change_at_one_workstation_reaches_the_other_within_two_seconds(
    workstations: tuple[ServiceContext, ServiceContext],
) -> None:
    schaeuble, keller = workstations
    pid = create_person(schaeuble, _person()).id
    seen = newest_entry(keller)
    watcher = ChangeWatcher(keller.db)
    try:
        got, looks = _waited(watcher, lambda: update_person(schaeuble, pid, 1, _person("Konstanz")))
        batch = _heard(keller, watcher, seen)
    finally:
        watcher.close()
    # Woken by the change, not by the end of its 30 s; on SQLite by the first look or two at the
    # counter after the commit: at most 2 s later (the time itself: benchmarks/live.py).
    assert got and looks * SQLITE_INTERVAL <= 2.0
    assert batch.touches("person", pid) and batch.touches_person(pid)
    assert batch.who_changed("person", pid) == _name(keller, "schaeuble")
    if keller.db.backend == "sqlite":
        assert batch.last_id == newest_entry(keller)
        # Nothing new since: an empty batch that keeps its place.
        again = changes_since(keller, batch.last_id)
        assert not again and again.last_id == batch.last_id


def test_nothing_committed_nothing_reported(workstations: tuple[ServiceContext, ServiceContext]) -> None:
    schaeuble, keller = workstations
    pid = create_person(schaeuble, _person()).id
    watcher = ChangeWatcher(keller.db)
    try:

        def refused() -> None:  # a save refused before anything is written
            with pytest.raises(DomainError):
                update_person(schaeuble, pid, 1, PersonInput("", "Ayşe", "12.03.1990"))

        got, _looks = _waited(watcher, refused, timeout=1.5)
    finally:
        watcher.close()
    assert not got
    assert get_person_file(keller, pid).person.version == 1


def test_a_case_change_names_the_case_and_its_person_and_reads_are_left_out(
    workstations: tuple[ServiceContext, ServiceContext],
) -> None:
    schaeuble, keller = workstations
    pid = create_person(schaeuble, _person()).id
    case = open_case(schaeuble, pid, PROCEDURE, applied_on=TODAY)  # Ö: Herr Keller's case
    open_with_reason(schaeuble, case.id, "Vorsprache am Schalter, Herr Keller im Termin")
    line = get_case_file(schaeuble, case.id).checklist[0]
    read_log.flush(schaeuble)  # the reads of the case file are logged ...
    seen = newest_entry(keller)
    watcher = ChangeWatcher(keller.db)
    try:
        get_person_file(schaeuble, pid)
        read_log.flush(schaeuble)
        watcher.wait(0.5)
        only_reads = _heard(keller, watcher, seen)
        assert not only_reads  # ... but they are no change
        seen = newest_entry(keller)
        got, _looks = _waited(
            watcher, lambda: mark_received(schaeuble, line.id, on=TODAY, expected_version=line.version)
        )
        batch = _heard(keller, watcher, seen)
    finally:
        watcher.close()
    assert got
    assert batch.touches_case(case.id) and batch.touches_person(pid)
    assert batch.touches_owner(_user_id(keller, "keller"))  # Ö: Herr Keller's case
    assert batch.touches("checklist_item", line.id)
    assert not batch.touches_case(case.id + 1000)


def test_a_workstation_is_not_told_of_its_own_changes(workstations: tuple[ServiceContext, ServiceContext]) -> None:
    schaeuble, keller = workstations
    seen = newest_entry(keller)
    keller_hears, schaeuble_hears = ChangeWatcher(keller.db), ChangeWatcher(schaeuble.db)
    try:
        mine = create_person(keller, _person()).id
        theirs = create_person(schaeuble, _person("Konstanz", "Elif")).id
        keller_hears.wait(1.0)
        schaeuble_hears.wait(1.0)
        time.sleep(0.2)
        keller_hears.wait(0.2)
        schaeuble_hears.wait(0.2)
        for_keller = _heard(keller, keller_hears, seen)
        for_schaeuble = _heard(schaeuble, schaeuble_hears, seen)
    finally:
        keller_hears.close()
        schaeuble_hears.close()
    assert for_keller.touches_person(theirs) and not for_keller.touches_person(mine)
    assert for_schaeuble.touches_person(mine) and not for_schaeuble.touches_person(theirs)


def _user_id(ctx: ServiceContext, username: str) -> int:
    with ctx.db.read() as session:
        return int(session.scalar(select(User.id).where(User.username == username)) or 0)


def _name(ctx: ServiceContext, username: str) -> str:
    with ctx.db.read() as session:
        return str(session.scalar(select(User.display_name).where(User.username == username)))


def test_a_workstation_never_hears_its_own_save_as_another_ones(
    workstations: tuple[ServiceContext, ServiceContext],
) -> None:
    """The ids are noted as this workstation's before the commit: the notification comes with the
    commit, and the window listening on the same connection pool must not show its own save as a
    change from elsewhere (it did, now and then, when they were noted after the commit)."""
    schaeuble, _keller = workstations
    pid = create_person(schaeuble, _person()).id
    start = newest_entry(schaeuble)
    heard: list[object] = []
    stop = threading.Event()
    watcher = ChangeWatcher(schaeuble.db)

    def listen() -> None:
        last = start
        while not stop.is_set():
            if watcher.wait(0.2):
                batch = _heard(schaeuble, watcher, last)  # at once, as the window's thread does
                last = max(last, batch.last_id)
                if batch:
                    heard.append(batch)

    thread = threading.Thread(target=listen)
    thread.start()
    try:
        for n in range(15):
            update_person(schaeuble, pid, n + 1, _person(f"Singen {n}"))
        time.sleep(0.6)
    finally:
        stop.set()
        thread.join()
        watcher.close()
    assert heard == []
    assert get_person_file(schaeuble, pid).person.version == 16


def test_reading_wakes_no_other_window(workstations: tuple[ServiceContext, ServiceContext]) -> None:
    schaeuble, keller = workstations
    pid = create_person(schaeuble, _person()).id
    seen = newest_entry(keller)
    watcher = ChangeWatcher(keller.db)
    try:

        def read() -> None:
            get_person_file(schaeuble, pid)  # logs its read at once (person_gelesen)
            read_log.flush(schaeuble)

        got, _looks = _waited(watcher, read, timeout=1.5)
        batch = _heard(keller, watcher, seen)
    finally:
        watcher.close()
    assert not batch  # the reads are in the trail, but they are no change
    if keller.db.backend == "postgresql":
        assert not got  # not even woken (SQLite's counter moves with every commit; the batch is empty)
