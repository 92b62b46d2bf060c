"""The audit trail is append-only and hash-chained; ``abh-desk audit pruefen`` finds tampering.

On a real SQLite file and a real PostgreSQL server. To tamper, a test first removes the
protection as an attacker with database rights would (drops or disables the triggers).
"""

from __future__ import annotations

import io
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date

import pytest
from sqlalchemy import exc, func, select, text

from abh_desk import audit_chain, cli_safety, migrate
from abh_desk.cli import main
from abh_desk.clock import OFFICE_ZONE
from abh_desk.domain.enums import Role
from abh_desk.errors import NotFound
from abh_desk.services.context import Actor, ServiceContext
from abh_desk.services.persons import PersonInput, create_person, get_person_file, update_person
from abh_desk.storage import Database
from models import AuditEvent, User
from tests.support.cli_login import sign_in_cli

TODAY = date(2026, 11, 21)


def _person(ctx: ServiceContext, family: str = "Öztürk") -> int:
    return create_person(ctx, PersonInput(family, "Ayşe", "12.03.1990", nationality="TUR")).id


def _pruefen(ctx: ServiceContext) -> tuple[int, str]:
    out = io.StringIO()
    code = cli_safety.check_audit_trail(ctx, out)
    return code, out.getvalue()


def _events(db: Database) -> list[AuditEvent]:
    with db.read() as session:
        return list(session.scalars(select(AuditEvent).order_by(AuditEvent.id)))


@contextmanager
def unprotected(db: Database) -> Iterator[None]:
    """The attacker's first step: switch the append-only triggers off (and on again after)."""
    with db.engine.begin() as connection:
        if db.backend == "postgresql":
            connection.execute(text("ALTER TABLE audit_events DISABLE TRIGGER USER"))
            saved = []
        else:
            saved = list(
                connection.execute(
                    text("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'audit_events'")
                )
            )
            for name, _sql in saved:
                connection.execute(text(f"DROP TRIGGER {name}"))
    yield
    with db.engine.begin() as connection:
        if db.backend == "postgresql":
            connection.execute(text("ALTER TABLE audit_events ENABLE TRIGGER USER"))
        for _name, sql in saved:
            connection.execute(text(sql))


def _execute(db: Database, sql: str, **params: object) -> None:
    with db.engine.begin() as connection:
        connection.execute(text(sql), params)


def test_every_entry_is_chained_and_the_chain_verifies(ctx: ServiceContext) -> None:
    pid = _person(ctx)
    update_person(ctx, pid, 1, PersonInput("Öztürk-Yılmaz", "Ayşe", "12.03.1990", nationality="TUR"))
    events = _events(ctx.db)
    assert len(events) >= 3 and all(e.chain_hash and e.payload_hash for e in events)
    previous: dict[str, str] = {}  # per chain: one on SQLite, this workstation's on PostgreSQL
    for event in events:
        row = {c: getattr(event, c) for c in ("id", "occurred_at", "user_id", "action", "entity", "entity_id")}
        row |= {"case_id": event.case_id, "payload_hash": event.payload_hash, "chain": event.chain}
        row |= {"cross_id": event.cross_id, "cross_hash": event.cross_hash}
        assert event.chain_hash == audit_chain.link(previous.get(event.chain, audit_chain.GENESIS), row)
        previous[event.chain] = event.chain_hash
    assert {e.chain for e in events} == {audit_chain.chain_of(ctx.db)}
    code, out = _pruefen(ctx)
    assert code == 0, out
    assert f"{len(events)} Einträge geprüft" in out and f"letzter Eintrag {events[-1].id} vom" in out
    assert audit_chain.read_anchor(ctx.db) == audit_chain.ChainHead(events[-1].id, events[-1].chain_hash)


def test_updates_and_deletes_are_refused_except_erasing_the_payload(ctx: ServiceContext) -> None:
    _person(ctx)
    event = _events(ctx.db)[-1]
    changes = {
        "id": "id + 1000",
        "occurred_at": "occurred_at",  # even the same value written back is allowed only for payload erasure
        "user_id": "1",
        "action": "'x'",
        "entity": "'x'",
        "entity_id": "4711",
        "case_id": "4711",
        "payload_hash": "'0'",
        "chain_hash": "'0'",
        "payload_json": "'{}'",
        "chain": "'anderer-platz'",
        "cross_id": "4711",
        "cross_hash": "'0'",
        "mac": "'0'",
    }
    columns = {c.name for c in AuditEvent.__table__.columns}
    assert set(changes) == columns, "a new column of audit_events must be covered by the trigger"
    for column, value in changes.items():
        if column == "occurred_at":
            continue
        with pytest.raises(exc.DatabaseError, match="kann nur ergänzt werden"):
            _execute(ctx.db, f"UPDATE audit_events SET {column} = {value} WHERE id = :id", id=event.id)
    with pytest.raises(exc.DatabaseError, match="kann nur ergänzt werden"):
        _execute(ctx.db, "UPDATE audit_events SET payload_json = NULL, action = 'x' WHERE id = :id", id=event.id)
    with pytest.raises(exc.DatabaseError, match="kann nur ergänzt werden"):
        _execute(ctx.db, "DELETE FROM audit_events WHERE id = :id", id=event.id)
    if ctx.db.backend == "postgresql":
        with pytest.raises(exc.DatabaseError, match="kann nur ergänzt werden"):
            _execute(ctx.db, "TRUNCATE audit_events")
    # Retention: the payload (personal data) may be erased; the chain still holds …
    _execute(ctx.db, "UPDATE audit_events SET payload_json = NULL WHERE id = :id", id=event.id)
    erased = _events(ctx.db)[-1]
    assert erased.payload_json is None and erased.chain_hash == event.chain_hash
    report = audit_chain.verify(ctx.db, audit_chain.read_anchor(ctx.db))
    assert report.first_break is None and report.erased == 1
    # … but an erasure that no logged retention run accounts for is reported
    # (tests/integration/test_retention.py runs the logged kind).
    code, out = _pruefen(ctx)
    assert code == 1
    assert "1 Einträge haben keinen Inhalt mehr" in out and "außerhalb eines Aufbewahrungslaufs" in out


def test_pruefen_names_the_first_entry_whose_payload_was_changed(ctx: ServiceContext) -> None:
    for name in ("Öztürk", "Nguyễn", "Kovalenko"):
        _person(ctx, name)
    target = _events(ctx.db)[-2]
    with unprotected(ctx.db):
        _execute(
            ctx.db,
            "UPDATE audit_events SET payload_json = :p WHERE id = :id",
            p=target.payload_json.replace("Nguyễn", "Nguyen"),
            id=target.id,
        )
    code, out = _pruefen(ctx)
    assert code == 1
    when = target.occurred_at.astimezone(OFFICE_ZONE).strftime("%d.%m.%Y %H:%M:%S")
    assert f"FEHLER: Eintrag {target.id} vom {when}: Inhalt passt nicht zu seiner Prüfsumme" in out
    assert "NICHT unversehrt" in out


def test_pruefen_finds_changed_metadata_and_a_removed_entry_in_the_middle(ctx: ServiceContext) -> None:
    for name in ("Öztürk", "Nguyễn", "Kovalenko", "Şahin"):
        _person(ctx, name)
    events = _events(ctx.db)
    with unprotected(ctx.db):
        _execute(
            ctx.db, "UPDATE audit_events SET user_id = NULL, action = 'person_gelesen' WHERE id = :id", id=events[-3].id
        )
    code, out = _pruefen(ctx)
    assert code == 1 and f"Eintrag {events[-3].id} vom" in out and "Verkettung unterbrochen" in out
    with unprotected(ctx.db):
        _execute(ctx.db, "DELETE FROM audit_events WHERE id <= :id", id=events[-3].id)
    code, out = _pruefen(ctx)
    assert code == 1 and f"FEHLER: Eintrag {events[-2].id} vom" in out and "ein Eintrag davor wurde entfernt" in out


def test_a_cut_off_end_is_found_by_the_anchor_outside_the_database(ctx: ServiceContext) -> None:
    for name in ("Öztürk", "Nguyễn", "Kovalenko"):
        _person(ctx, name)
    events = _events(ctx.db)
    assert audit_chain.read_anchor(ctx.db) == audit_chain.ChainHead(events[-1].id, events[-1].chain_hash)
    with unprotected(ctx.db):
        _execute(ctx.db, "DELETE FROM audit_events WHERE id >= :id", id=events[-2].id)
    # The rest of the chain is intact; only the anchor knows that something is missing.
    code, out = _pruefen(ctx)
    assert code == 1
    assert f"FEHLER: Eintrag {events[-1].id}, den dieser Arbeitsplatz zuletzt gesehen hat, fehlt" in out
    # New work goes on, and does not move the anchor past the evidence.
    _person(ctx, "Şahin")
    assert audit_chain.read_anchor(ctx.db) == audit_chain.ChainHead(events[-1].id, events[-1].chain_hash)
    code, out = _pruefen(ctx)
    assert code == 1 and f"Eintrag {events[-1].id}" in out


def test_a_chain_computed_anew_after_a_change_is_found_by_the_anchor(ctx: ServiceContext) -> None:
    for name in ("Öztürk", "Nguyễn", "Kovalenko"):
        _person(ctx, name)
    events = _events(ctx.db)
    # A careful attacker changes an entry and recomputes every hash after it.
    with unprotected(ctx.db):
        target = next(e for e in events if "Öztürk" in (e.payload_json or ""))  # not the office's set-up
        previous = events[0].chain_hash
        for event in events[1:]:
            row = {c.name: getattr(event, c.name) for c in AuditEvent.__table__.columns}
            if event.id == target.id:
                row["payload_json"] = row["payload_json"].replace("Öztürk", "Meier")
                row["payload_hash"] = audit_chain.payload_hash(row["payload_json"])
            previous = audit_chain.link(previous, row)
            _execute(
                ctx.db,
                "UPDATE audit_events SET payload_json = :p, payload_hash = :ph, chain_hash = :c WHERE id = :id",
                p=row["payload_json"],
                ph=row["payload_hash"],
                c=previous,
                id=event.id,
            )
    code, out = _pruefen(ctx)
    assert code == 1
    assert f"Eintrag {events[-1].id} hat nicht mehr den Prüfwert" in out


def test_pruefen_reports_missing_protection(ctx: ServiceContext) -> None:
    _person(ctx)
    with unprotected(ctx.db):
        code, out = _pruefen(ctx)
    assert code == 1 and "Der Schutz gegen Ändern und Löschen fehlt" in out
    assert _pruefen(ctx)[0] == 0


def test_pruefen_through_the_command(
    database_url: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    sign_in_cli(database_url, monkeypatch)
    out = io.StringIO()
    assert main(["--db", database_url, "audit", "pruefen"], out=out) == 0
    assert "Prüfkette vollständig" in out.getvalue()


def test_a_rolled_back_change_leaves_no_audit_entry(ctx: ServiceContext) -> None:
    before = len(_events(ctx.db))
    with ctx.unit_of_work() as uow:
        uow.audit("test", "person", 1)
    with ctx.unit_of_work() as uow:
        uow.audit("verworfen", "person", 1)
        uow.session.rollback()
        uow.audit("behalten", "person", 2)
        uow.commit()
    assert [e.action for e in _events(ctx.db)[before:]] == ["behalten"]
    assert _pruefen(ctx)[0] == 0


def test_concurrent_writers_never_fork_the_chain(ctx: ServiceContext) -> None:
    """Four threads, each with its own connections, append at once; the chain stays one line."""
    errors: list[BaseException] = []

    def work(n: int) -> None:
        try:
            for i in range(15):
                with ctx.unit_of_work() as uow:
                    uow.audit("test", "person", n * 100 + i)
                    if i % 5 == 0:
                        uow.audit_many("test_viele", "case", [(j, j, {"n": j}) for j in range(20)])
                    uow.commit()
        except BaseException as error:
            errors.append(error)

    threads = [threading.Thread(target=work, args=(n,)) for n in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not errors
    events = _events(ctx.db)
    assert len({e.chain_hash for e in events}) == len(events)
    assert [e.id for e in events] == list(range(events[0].id, events[0].id + len(events)))
    code, out = _pruefen(ctx)
    assert code == 0, out


def test_the_upgrade_chains_entries_written_before_it(tmp_path) -> None:
    db = Database(f"sqlite:///{tmp_path}/alt.sqlite3")
    from alembic import command

    config = migrate.alembic_config()
    with db.engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "10b3f2bca066")
    with db.engine.begin() as connection:
        for n in range(3):
            connection.execute(
                text(
                    "INSERT INTO audit_events (occurred_at, action, entity, entity_id, payload_json, payload_hash) "
                    "VALUES ('2026-01-0' || :n || ' 10:00:00.000000', 'alt', 'person', :n, :p, :h)"
                ),
                {"n": n + 1, "p": "{}", "h": audit_chain.payload_hash("{}") if n else None},
            )
    migrate.upgrade(db)
    with db.read() as session:
        assert session.scalar(select(func.count()).where(AuditEvent.chain_hash.is_(None))) == 0
    report = audit_chain.verify(db, None)
    assert report.ok and report.count == 3
    db.dispose()


def test_opening_a_person_file_is_logged_as_a_read_by_the_user(ctx: ServiceContext) -> None:
    pid = _person(ctx)
    with ctx.db.read() as session:  # a caseworker of the example rules
        user_id = session.scalar(select(User.id).where(User.username == "keller"))
    assert user_id is not None
    reader = ctx.as_user(Actor(user_id, "keller", Role.CASEWORKER))
    before = len(_events(ctx.db))
    assert get_person_file(reader, pid).person.family_name == "Öztürk"
    with pytest.raises(NotFound):
        get_person_file(reader, pid + 1000)
    reads = _events(ctx.db)[before:]
    assert [(e.action, e.entity, e.entity_id, e.user_id) for e in reads] == [("person_gelesen", "person", pid, user_id)]
    assert _pruefen(ctx)[0] == 0


def test_after_a_restore_pruefen_can_take_the_restored_state_as_the_anchor(
    ctx: ServiceContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    sign_in_cli(ctx, monkeypatch)
    for name in ("Öztürk", "Nguyễn"):
        _person(ctx, name)
    events = _events(ctx.db)
    with unprotected(ctx.db):  # what a restore of an older dump looks like to the anchor
        _execute(ctx.db, "DELETE FROM audit_events WHERE id = :id", id=events[-1].id)
    assert main(["--db", ctx.db.url.render_as_string(False), "audit", "pruefen"], out=io.StringIO()) == 1
    out = io.StringIO()
    assert (
        main(["--db", ctx.db.url.render_as_string(False), "audit", "pruefen", "--nach-wiederherstellung"], out=out) == 0
    )
    # The restored state; on top of it the two sign-ins of the commands and the new anchor, logged.
    after = _events(ctx.db)
    kept = [(e.id, e.chain_hash) for e in events[:-1]]
    assert [(e.id, e.chain_hash) for e in after[:-3]] == kept
    assert [e.action for e in after[-3:]] == ["angemeldet", "angemeldet", "protokoll_anker_neu"]
    assert '"anlass": "nach Wiederherstellung"' in (after[-1].payload_json or "")
    assert audit_chain.read_anchor(ctx.db) == audit_chain.ChainHead(after[-1].id, after[-1].chain_hash)
    assert _pruefen(ctx)[0] == 0
