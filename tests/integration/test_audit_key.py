"""The office's key of the audit trail (issue 24, part 2): forging the trail needs a secret the
database does not hold. Someone with write access to the database and to the anchor file who
computes the whole chain and the anchor anew is found; a workstation without the key says it
could not check the signatures and writes nothing to a signed trail; the key is handed to a
further workstation in a file only its owner can read. On a real SQLite file and a real
PostgreSQL server."""

from __future__ import annotations

import io
import json
import stat
from pathlib import Path

import pytest
from sqlalchemy import func, select, text

from abh_desk import audit_chain, audit_key, cli_safety
from abh_desk.audit_chain import KeyMissing
from abh_desk.cli import main
from abh_desk.clock import FixedClock
from abh_desk.errors import ValidationError
from abh_desk.services import audit_key_setup
from abh_desk.services.context import ServiceContext
from abh_desk.services.persons import PersonInput, create_person
from abh_desk.storage import Database
from models import AuditEvent, Person
from tests.conftest import TEST_DAY, MemoryKeyring
from tests.integration.test_audit_chain import unprotected
from tests.support.cli_login import sign_in_cli


def _person(ctx: ServiceContext, family: str = "Öztürk") -> int:
    return create_person(ctx, PersonInput(family, "Ayşe", "12.03.1990", nationality="TUR")).id


def _pruefen(ctx: ServiceContext) -> tuple[int, str]:
    out = io.StringIO()
    return cli_safety.check_audit_trail(ctx, out), out.getvalue()


def _rows(db: Database) -> list[dict[str, object]]:
    with db.read() as session:
        return [dict(r) for r in session.execute(select(AuditEvent.__table__).order_by(AuditEvent.id)).mappings()]


def _cli(url: str, *argv: str) -> tuple[int, str]:
    out = io.StringIO()
    return main(["--db", url, *argv], out=out, clock=FixedClock(TEST_DAY)), out.getvalue()


def test_every_entry_is_signed_with_the_key_and_the_anchor_too(ctx: ServiceContext) -> None:
    _person(ctx)
    key = audit_key.key_of(ctx.db)
    assert key is not None and key.since is not None
    rows = _rows(ctx.db)
    assert rows[0]["action"] == audit_key_setup.SET_UP and rows[0]["id"] == key.since
    assert key.key_id in str(rows[0]["payload_json"]) and key.secret.hex() not in str(rows[0]["payload_json"])
    assert all(r["mac"] == key.sign(str(r["chain_hash"])) for r in rows)
    anchors = json.loads(audit_chain.anchor_path().read_text(encoding="utf-8"))
    (anchor,) = anchors.values()
    assert anchor["mac"] == audit_key.anchor_mac(
        key, audit_chain.database_key(ctx.db), int(anchor["id"]), anchor["chain_hash"]
    )
    code, out = _pruefen(ctx)
    assert code == 0, out
    assert f"Signaturen ab Eintrag {key.since} mit dem Protokollschlüssel {key.key_id} geprüft" in out


def _rewrite_everything(db: Database, strip: bool) -> None:
    """What an attacker with write access to the database and the anchor file does: change an
    entry, compute every entry's hash anew (chains and cross-references as ``append`` would), and
    write the anchor file for the new end. The key is not in the database: the signatures stay as
    they were (``strip``: or are removed)."""
    rows = _rows(db)
    previous: dict[str, str] = {}
    new_hash: dict[int, str] = {}
    changed = 0
    for row in rows:
        if "Öztürk" in str(row["payload_json"]):
            changed += 1
            row["payload_json"] = str(row["payload_json"]).replace("Öztürk", "Meier")
            row["payload_hash"] = audit_chain.payload_hash(str(row["payload_json"]))
        if row["cross_id"] is not None:
            row["cross_hash"] = new_hash[int(str(row["cross_id"]))]
        name = str(row["chain"] or "")
        row["chain_hash"] = previous[name] = audit_chain.link(previous.get(name, audit_chain.GENESIS), row)
        new_hash[int(str(row["id"]))] = str(row["chain_hash"])
    assert changed
    with unprotected(db), db.engine.begin() as connection:
        for row in rows:
            connection.execute(
                text(
                    "UPDATE audit_events SET payload_json = :payload_json, payload_hash = :payload_hash, "
                    "cross_hash = :cross_hash, chain_hash = :chain_hash, mac = CASE WHEN :strip THEN NULL "
                    "ELSE mac END WHERE id = :id"
                ),
                {**row, "strip": strip},
            )
    path = audit_chain.anchor_path()
    anchors = json.loads(path.read_text(encoding="utf-8"))
    last = rows[-1]
    anchors[audit_chain.database_key(db)] = {"id": last["id"], "chain_hash": last["chain_hash"]}
    path.write_text(json.dumps(anchors), encoding="utf-8")


@pytest.mark.parametrize("strip", [False, True], ids=["signaturen-belassen", "signaturen-entfernt"])
def test_a_consistent_rewrite_of_the_whole_chain_and_the_anchor_is_found(ctx: ServiceContext, strip: bool) -> None:
    for family in ("Öztürk", "Nguyễn", "Kovalenko"):
        _person(ctx, family)
    _rewrite_everything(ctx.db, strip)
    # Without the key the forgery holds: the chain and the anchor agree.
    without = audit_chain.verify(ctx.db, audit_chain.anchor_state(ctx.db), key=None)
    assert without.first_break is None and without.anchor_problem is None
    report = audit_chain.verify(ctx.db, audit_chain.anchor_state(ctx.db))
    assert report.signature_break is not None and not report.ok
    assert report.anchor_problem is not None and "keine gültige Signatur" in report.anchor_problem
    code, out = _pruefen(ctx)
    assert code == 1 and "ohne gültige Signatur" in out and "NICHT unversehrt" in out
    first_changed = min(int(str(r["id"])) for r in _rows(ctx.db) if "Meier" in str(r["payload_json"]))
    key = audit_key.key_of(ctx.db)
    assert key is not None
    # Signatures left: the first entry computed anew is named; removed: the key's first entry.
    assert f"FEHLER: Eintrag {key.since if strip else first_changed} vom" in out


def test_a_forged_entry_appended_with_a_correct_link_is_found(ctx: ServiceContext) -> None:
    _person(ctx)
    last = _rows(ctx.db)[-1]
    forged = {
        "id": int(str(last["id"])) + 1,
        "occurred_at": last["occurred_at"],
        "user_id": None,
        "action": "bescheid_freigegeben",
        "entity": "bescheid",
        "entity_id": 1,
        "case_id": None,
        "payload_json": "{}",
        "payload_hash": audit_chain.payload_hash("{}"),
        "chain": last["chain"],
        "cross_id": None,
        "cross_hash": None,
    }
    forged["chain_hash"] = audit_chain.link(str(last["chain_hash"]), forged)
    with ctx.db.engine.begin() as connection:  # appending is what the triggers allow
        connection.execute(AuditEvent.__table__.insert(), [forged])
    code, out = _pruefen(ctx)
    assert code == 1 and f"Eintrag {forged['id']} vom" in out and "ohne gültige Signatur (er hat keine" in out


def test_without_the_key_the_check_says_so_and_nothing_is_written(ctx: ServiceContext) -> None:
    _person(ctx)
    audit_key.use_key(ctx.db, None)  # a workstation that has not taken the key over
    code, out = _pruefen(ctx)
    assert code == cli_safety.EXIT_UNCHECKED
    assert "NICHT GEPRÜFT" in out and "Signaturen des Protokolls konnten nicht geprüft werden" in out
    with ctx.db.read() as session:
        before = (session.scalar(select(func.count()).select_from(Person)), len(_rows(ctx.db)))
    with pytest.raises(KeyMissing, match="Protokollschlüssel der Behörde signiert"):
        _person(ctx, "Nguyễn")
    with ctx.db.read() as session:
        assert (session.scalar(select(func.count()).select_from(Person)), len(_rows(ctx.db))) == before


def test_an_unsigned_trail_is_said_plainly_and_the_key_set_up_signs_from_then_on(
    database: Database, catalogue: object, clock: FixedClock
) -> None:
    ctx = ServiceContext(database, catalogue, clock=clock)  # type: ignore[arg-type]
    audit_key.use_key(database, None)  # an office from before the key: nothing set up
    _person(ctx)
    code, out = _pruefen(ctx)
    assert code == 0 and "Das Protokoll ist nicht signiert" in out and "schluessel einrichten" in out
    audit_key.forget_key(database)
    key = audit_key_setup.set_up(ctx)
    _person(ctx, "Nguyễn")
    rows = _rows(database)
    assert [r["mac"] is not None for r in rows] == [int(str(r["id"])) >= (key.since or 0) for r in rows]
    assert rows[-1]["mac"] == key.sign(str(rows[-1]["chain_hash"]))
    code, out = _pruefen(ctx)
    assert code == 0 and f"Signaturen ab Eintrag {key.since}" in out
    with pytest.raises(ValidationError, match="hat den Protokollschlüssel dieser Datenbank schon"):
        audit_key_setup.set_up(ctx)


def test_the_key_is_handed_out_readable_by_the_owner_only_and_taken_over(
    ctx: ServiceContext, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, isolated_workstation: MemoryKeyring
) -> None:
    _person(ctx)
    url = ctx.db.url.render_as_string(hide_password=False)
    sign_in_cli(ctx, monkeypatch)
    key = audit_key.key_of(ctx.db)
    assert key is not None
    handed = tmp_path / "schluessel.json"
    code, out = _cli(url, "audit", "schluessel", "ausgeben", "--ausgabe", str(handed))
    assert code == 0 and key.key_id in out
    assert stat.S_IMODE(handed.stat().st_mode) == 0o600
    assert audit_key.parse_record(handed.read_text(encoding="utf-8"), "Datei") == key
    logged = _rows(ctx.db)[-1]
    assert logged["action"] == audit_key_setup.HANDED_OUT and key.key_id in str(logged["payload_json"])
    assert key.secret.hex() not in json.dumps([str(r["payload_json"]) for r in _rows(ctx.db)])
    assert _cli(url, "audit", "schluessel", "ausgeben", "--ausgabe", str(handed))[0] == 2  # never overwritten

    # A further workstation: its keyring has no key; it cannot even sign in to the signed trail …
    isolated_workstation.passwords.clear()
    assert _cli(url, "audit", "pruefen")[0] == 2
    # … until the key is taken over, which comes before the sign-in.
    other = tmp_path / "fremd.json"
    other.write_text(audit_key.new_key().record(), encoding="utf-8")
    code, _ = _cli(url, "audit", "schluessel", "uebernehmen", str(other))
    assert code == 2 and isolated_workstation.passwords == {}
    code, out = _cli(url, "audit", "schluessel", "uebernehmen", str(handed))
    assert code == 0 and "übernommen" in out
    (stored,) = isolated_workstation.passwords.values()
    assert audit_key.parse_record(stored, "Schlüsselbund") == key
    entries = _rows(ctx.db)
    assert entries[-1]["action"] == audit_key_setup.TAKEN_OVER
    code, out = _cli(url, "audit", "pruefen")
    assert code == 0, out


def test_a_lost_key_is_replaced_with_a_reason_and_the_former_entries_are_named(ctx: ServiceContext) -> None:
    _person(ctx)
    audit_key.forget_key(ctx.db)
    with pytest.raises(ValidationError, match="schon mit einem Protokollschlüssel signiert"):
        audit_key_setup.set_up(ctx)
    key = audit_key_setup.set_up(ctx, "Rechner des Teamleiters defekt, Schlüssel nicht gesichert")
    _person(ctx, "Nguyễn")
    code, out = _pruefen(ctx)
    assert code == 0, out
    assert f"Signaturen ab Eintrag {key.since}" in out and "mit einem früheren Schlüssel signiert" in out
    (replaced,) = [r for r in _rows(ctx.db) if r["id"] == key.since]
    assert replaced["action"] == audit_key_setup.SET_UP and "Teamleiters defekt" in str(replaced["payload_json"])


def test_a_second_workstation_writes_only_once_it_has_the_key(
    workstations: tuple[ServiceContext, ServiceContext], tmp_path: Path
) -> None:
    first, second = workstations
    audit_key.use_key(second.db, None)  # Herr Keller's computer: its keyring has no key yet
    second.db.chain_name = "platz-keller" if second.db.backend == "postgresql" else None  # its own chain
    _person(first, "Öztürk")
    with pytest.raises(KeyMissing):
        _person(second, "Nguyễn")
    handed = tmp_path / "schluessel.json"
    audit_key_setup.hand_out(first, handed)
    audit_key_setup.take_over(second, handed)
    _person(second, "Nguyễn")
    _person(first, "Kovalenko")
    rows = _rows(first.db)
    key = audit_key.key_of(first.db)
    assert key is not None and all(r["mac"] == key.sign(str(r["chain_hash"])) for r in rows)
    if first.db.backend == "postgresql":  # two chains, both signed, woven together
        assert len({r["chain"] for r in rows if r["action"] == "person_angelegt"}) == 2
    report = audit_chain.verify(first.db, audit_chain.anchor_state(first.db))
    assert report.ok and report.signatures == "geprueft" and report.unsigned == 0
