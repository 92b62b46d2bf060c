"""The audit trail against someone at the workstation who rewrites it (issue 24, part 2): an entry
replaced instead of deleted, a protecting trigger replaced by one that does nothing or switched to
replica mode, the anchor file removed or damaged, a backup whose trail was changed and chained
anew. Each is refused or reported; on a real SQLite file and a real PostgreSQL server."""

from __future__ import annotations

import io
import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import exc, select, text

from abh_desk import audit_chain, cli_safety
from abh_desk.cli import main
from abh_desk.clock import FixedClock
from abh_desk.services.context import ServiceContext
from abh_desk.services.persons import PersonInput, create_person
from abh_desk.storage import Database
from models import AuditEvent, Person
from tests.conftest import TEST_DAY
from tests.support.cli_login import sign_in_cli


def _person(ctx: ServiceContext, family: str = "Öztürk") -> int:
    return create_person(ctx, PersonInput(family, "Ayşe", "12.03.1990", nationality="TUR")).id


def _pruefen(ctx: ServiceContext, **options: bool) -> tuple[int, str]:
    out = io.StringIO()
    code = cli_safety.check_audit_trail(ctx, out, **options)
    return code, out.getvalue()


def _events(db: Database) -> list[AuditEvent]:
    with db.read() as session:
        return list(session.scalars(select(AuditEvent).order_by(AuditEvent.id)))


def _execute(db: Database, sql: str, **params: object) -> None:
    with db.engine.begin() as connection:
        connection.execute(text(sql), params)


def test_an_entry_cannot_be_replaced(ctx: ServiceContext) -> None:
    _person(ctx)
    event = _events(ctx.db)[-1]
    if ctx.db.backend == "sqlite":
        forged = (
            "INSERT OR REPLACE INTO audit_events (id, occurred_at, user_id, action, entity, entity_id, case_id, "
            "payload_json, payload_hash, chain_hash) VALUES (:id, '2020-01-01 00:00:00', NULL, 'x', 'x', NULL, "
            "NULL, '{}', 'x', 'x')"
        )
    else:  # the UPDATE trigger answers an upsert
        forged = (
            "INSERT INTO audit_events (id, occurred_at, action, entity, payload_json, payload_hash, chain_hash) "
            "VALUES (:id, now(), 'x', 'x', '{}', 'x', 'x') ON CONFLICT (id) DO UPDATE SET action = 'x'"
        )
    with pytest.raises(exc.DatabaseError, match="kann nur ergänzt werden"):
        _execute(ctx.db, forged, id=event.id)
    assert _events(ctx.db)[-1].action == event.action
    assert _pruefen(ctx)[0] == 0


def test_a_trigger_of_the_right_name_that_protects_nothing_is_found(ctx: ServiceContext) -> None:
    _person(ctx)
    assert audit_chain.trigger_problems(ctx.db) == ()
    if ctx.db.backend == "sqlite":
        _execute(ctx.db, "DROP TRIGGER audit_events_kein_delete")
        _execute(ctx.db, "CREATE TRIGGER audit_events_kein_delete BEFORE DELETE ON audit_events BEGIN SELECT 1; END")
        _execute(ctx.db, "DELETE FROM audit_events WHERE id = (SELECT max(id) FROM audit_events)")
        expected = ("audit_events_kein_delete",)
    else:
        _execute(
            ctx.db,
            "CREATE OR REPLACE FUNCTION audit_events_nur_anfuegen() RETURNS trigger LANGUAGE plpgsql AS "
            "$$ BEGIN RETURN COALESCE(NEW, OLD); END $$",
        )
        expected = ("audit_events_kein_update", "audit_events_kein_delete", "audit_events_kein_truncate")
    assert audit_chain.trigger_problems(ctx.db) == expected
    code, out = _pruefen(ctx)
    assert code == 1 and "Der Schutz gegen Ändern und Löschen fehlt" in out and expected[0] in out


def test_triggers_switched_to_replica_mode_are_found(ctx: ServiceContext) -> None:
    if ctx.db.backend != "postgresql":
        pytest.skip("SQLite has no replica mode for triggers")
    _person(ctx)
    _execute(ctx.db, "ALTER TABLE audit_events ENABLE REPLICA TRIGGER audit_events_kein_update")
    # Still listed among the table's triggers, but it no longer fires in an ordinary session:
    _execute(ctx.db, "UPDATE audit_events SET action = 'x' WHERE id = (SELECT max(id) FROM audit_events)")
    assert audit_chain.trigger_problems(ctx.db) == ("audit_events_kein_update",)
    code, out = _pruefen(ctx)
    assert code == 1 and "audit_events_kein_update" in out


def test_a_removed_anchor_file_is_a_finding_never_a_reset(ctx: ServiceContext) -> None:
    _person(ctx, "Öztürk")
    _person(ctx, "Nguyễn")
    events = _events(ctx.db)
    audit_chain.anchor_path().unlink()
    code, out = _pruefen(ctx)
    assert code == 1 and "keinen Anker" in out and "--anker-neu" in out
    assert not audit_chain.anchor_path().exists()  # pruefen did not anchor the unchecked end
    _person(ctx, "Kovalenko")  # nor does the next change
    assert not audit_chain.anchor_path().exists()
    assert _pruefen(ctx)[0] == 1
    # The administration anchors anew, and that act is in the trail.
    code, out = _pruefen(ctx, new_anchor=True)
    assert code == 0 and "Neuer Anker bei Eintrag" in out
    after = _events(ctx.db)
    assert [(e.id, e.chain_hash) for e in after[: len(events)]] == [(e.id, e.chain_hash) for e in events]
    assert after[-1].action == "protokoll_anker_neu"
    assert audit_chain.read_anchor(ctx.db) == audit_chain.ChainHead(after[-1].id, after[-1].chain_hash)
    assert _pruefen(ctx)[0] == 0


def test_a_damaged_anchor_file_is_a_finding_and_kept_as_evidence(ctx: ServiceContext) -> None:
    _person(ctx)
    path = audit_chain.anchor_path()
    path.write_text("{kaputt", encoding="utf-8")
    code, out = _pruefen(ctx)
    assert code == 1 and "Ankerdatei dieses Arbeitsplatzes ist beschädigt" in out
    _person(ctx, "Nguyễn")
    assert path.read_text(encoding="utf-8") == "{kaputt"  # a change does not overwrite the evidence
    code, out = _pruefen(ctx, new_anchor=True)
    assert code == 0
    (kept,) = path.parent.glob(f"{path.name}.beschaedigt-*")
    assert kept.read_text(encoding="utf-8") == "{kaputt"
    last = _events(ctx.db)[-1]
    assert last.action == "protokoll_anker_neu" and "beschaedigt" in (last.payload_json or "")
    assert _pruefen(ctx)[0] == 0


def test_the_new_anchor_needs_the_administration_on_the_command_line(
    ctx: ServiceContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    _person(ctx)
    audit_chain.anchor_path().unlink()
    url = ctx.db.url.render_as_string(False)
    sign_in_cli(ctx, monkeypatch)
    out = io.StringIO()
    assert main(["--db", url, "audit", "pruefen"], out=out, clock=FixedClock(TEST_DAY)) == 1
    assert "keinen Anker" in out.getvalue()
    out = io.StringIO()
    assert main(["--db", url, "audit", "pruefen", "--anker-neu"], out=out, clock=FixedClock(TEST_DAY)) == 0
    assert "Neuer Anker" in out.getvalue()
    assert main(["--db", url, "audit", "pruefen"], out=io.StringIO(), clock=FixedClock(TEST_DAY)) == 0


def _rechain_with_a_change(path: Path) -> None:
    """What a careful forger does to a backup: change an entry and compute every hash after it anew,
    with the triggers out of the way."""
    connection = sqlite3.connect(path, isolation_level=None)
    try:
        triggers = list(
            connection.execute(
                "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'audit_events'"
            )
        )
        for name, _sql in triggers:
            connection.execute(f"DROP TRIGGER {name}")
        connection.row_factory = sqlite3.Row
        rows = [dict(r) for r in connection.execute("SELECT * FROM audit_events ORDER BY id")]
        previous = audit_chain.GENESIS
        changed = 0
        for row in rows:
            if "Öztürk" in (row["payload_json"] or ""):
                changed += 1
                row["payload_json"] = row["payload_json"].replace("Öztürk", "Meier")
                row["payload_hash"] = audit_chain.payload_hash(row["payload_json"])
            row["occurred_at"] = _as_datetime(row["occurred_at"])
            previous = audit_chain.link(previous, row)
            connection.execute(
                "UPDATE audit_events SET payload_json = ?, payload_hash = ?, chain_hash = ? WHERE id = ?",
                (row["payload_json"], row["payload_hash"], previous, row["id"]),
            )
        for _name, sql in triggers:
            connection.execute(sql)
        assert changed, "the forger found the entry to change"
    finally:
        connection.close()


def _as_datetime(value: str) -> object:
    from datetime import datetime, timezone

    moment = datetime.fromisoformat(value)
    return moment if moment.tzinfo else moment.replace(tzinfo=timezone.utc)


def test_a_backup_whose_trail_was_rewritten_is_refused_before_the_restore(
    sqlite_ctx: ServiceContext, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    ctx = sqlite_ctx
    url = str(ctx.db.url)
    sign_in_cli(ctx, monkeypatch)
    for family in ("Öztürk", "Nguyễn", "Kovalenko"):
        _person(ctx, family)
    backup_file = tmp_path / "stand.sqlite3"
    assert main(["--db", url, "sicherung", str(backup_file)], out=io.StringIO(), clock=FixedClock(TEST_DAY)) == 0
    _rechain_with_a_change(backup_file)
    # The forged backup holds in itself …
    forged = Database(f"sqlite:///{backup_file}")
    assert audit_chain.verify(forged, None).first_break is None
    forged.dispose()
    before = [(e.id, e.chain_hash) for e in _events(ctx.db)]
    out, err = io.StringIO(), io.StringIO()
    import contextlib

    with contextlib.redirect_stderr(err):
        code = main(["--db", url, "wiederherstellen", str(backup_file)], out=out, clock=FixedClock(TEST_DAY))
    # … but not with the live database's trail: nothing is replaced.
    assert code != 0 and "passt weder zu dem dieser Datenbank" in err.getvalue() + out.getvalue()
    assert "--trotz-abweichung" in err.getvalue()
    assert "ohne gültige Signatur" in err.getvalue()  # the forger had no key: the signatures tell
    assert [(e.id, e.chain_hash) for e in _events(ctx.db)][: len(before)] == before
    assert not list(tmp_path.glob("*.vor-wiederherstellung-*"))
    # The administration may still restore it, with a reason, which the restored trail keeps; the
    # check after it names the entries the forger could not sign (the key is not in the database).
    out = io.StringIO()
    code = main(
        ["--db", url, "wiederherstellen", str(backup_file), "--trotz-abweichung", "Sicherung vom Band, geprüft"],
        out=out,
        clock=FixedClock(TEST_DAY),
    )
    assert code == 1 and "ohne gültige Signatur" in out.getvalue()
    restored = [e for e in _events(ctx.db) if e.action == "datenbank_wiederhergestellt"]
    assert '"trotz_abweichung": "Sicherung vom Band, geprüft"' in (restored[-1].payload_json or "")


def _restore(url: str, path: Path) -> tuple[int, str]:
    out, err = io.StringIO(), io.StringIO()
    import contextlib

    with contextlib.redirect_stderr(err):
        code = main(["--db", url, "wiederherstellen", str(path)], out=out, clock=FixedClock(TEST_DAY))
    return code, out.getvalue() + err.getvalue()


def test_a_restore_can_be_undone_and_a_newer_backup_restored_after_an_older(
    sqlite_ctx: ServiceContext, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    ctx = sqlite_ctx
    url = str(ctx.db.url)
    sign_in_cli(ctx, monkeypatch)
    _person(ctx, "Öztürk")
    older, newer = tmp_path / "aelter.sqlite3", tmp_path / "neuer.sqlite3"
    assert main(["--db", url, "sicherung", str(older)], out=io.StringIO(), clock=FixedClock(TEST_DAY)) == 0
    _person(ctx, "Nguyễn")
    assert main(["--db", url, "sicherung", str(newer)], out=io.StringIO(), clock=FixedClock(TEST_DAY)) == 0
    _person(ctx, "Kovalenko")
    code, text_ = _restore(url, older)  # the wrong one, by mistake
    assert code == 0, text_
    (aside,) = tmp_path.glob("abh-desk.sqlite3.vor-wiederherstellung-*")
    code, text_ = _restore(url, newer)  # its trail left the live one at the restore: the aside copy has it
    assert code == 0, text_
    with ctx.db.read() as session:
        families = set(session.scalars(select(Person.family_name)))
    assert families == {"Öztürk", "Nguyễn"}
    # Both earlier states stay beside it (the clock stands still here: the second copy gets a number).
    assert len(list(tmp_path.glob("abh-desk.sqlite3.vor-wiederherstellung-*"))) == 2 and aside.exists()


def test_a_new_anchor_never_replaces_one_that_contradicts_the_trail(ctx: ServiceContext) -> None:
    for family in ("Öztürk", "Nguyễn"):
        _person(ctx, family)
    events = _events(ctx.db)
    anchored = audit_chain.read_anchor(ctx.db)
    with ctx.db.engine.begin() as connection:  # the end cut off, as an attacker would
        if ctx.db.backend == "postgresql":
            connection.execute(text("ALTER TABLE audit_events DISABLE TRIGGER USER"))
            connection.execute(text("DELETE FROM audit_events WHERE id = :id"), {"id": events[-1].id})
            connection.execute(text("ALTER TABLE audit_events ENABLE TRIGGER USER"))
        else:
            sql = connection.execute(
                text("SELECT sql FROM sqlite_master WHERE name = 'audit_events_kein_delete'")
            ).scalar_one()
            connection.execute(text("DROP TRIGGER audit_events_kein_delete"))
            connection.execute(text("DELETE FROM audit_events WHERE id = :id"), {"id": events[-1].id})
            connection.execute(text(sql))
    code, out = _pruefen(ctx, new_anchor=True)
    assert code == 1 and "widerspricht dem Protokoll" in out and "nicht überschrieben" in out
    assert audit_chain.read_anchor(ctx.db) == anchored  # the evidence stays
    assert [e.action for e in _events(ctx.db)][-1] != "protokoll_anker_neu"


def test_the_anchor_belongs_to_the_database_not_to_the_login(ctx: ServiceContext) -> None:
    _person(ctx)
    if ctx.db.backend != "postgresql":
        pytest.skip("SQLite has no logins")
    other_login = Database(ctx.db.url.set(username="abh_platz").render_as_string(hide_password=False))
    try:
        assert audit_chain.database_key(other_login) == audit_chain.database_key(ctx.db)
        assert audit_chain.read_anchor(other_login) == audit_chain.read_anchor(ctx.db) is not None
    finally:
        other_login.dispose()
