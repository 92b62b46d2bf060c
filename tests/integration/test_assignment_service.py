"""Zuständigkeit through the services, on SQLite and PostgreSQL: editing rules, rebalancing,
reassignment, deputies and re-routing after a change of name."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select

from abh_desk.domain.enums import CaseStatus
from abh_desk.errors import NotFound, ValidationError
from abh_desk.services.assignment import (
    RuleRow,
    apply_rule_rows,
    check_rule_rows,
    current_rule_rows,
    preview_rebalance,
    reassign_case,
    route_names,
    set_deputy,
)
from abh_desk.services.cases import open_case
from abh_desk.services.context import ServiceContext
from abh_desk.services.office import update_office_settings
from abh_desk.services.persons import PersonInput, create_person, get_person_file, update_person
from models import AuditEvent, Case, User

TODAY = date(2026, 11, 21)
GENERAL = "99010019001008"


SAME = "Testperson, bewusst gleich angelegt"  # the tests make the same person more than once


def _case(ctx: ServiceContext, family: str, procedure: str = GENERAL) -> int:
    person = create_person(ctx, PersonInput(family, "Test", "01.01.1990", nationality="SYR"), duplicate_reason=SAME)
    return open_case(ctx, person.id, procedure, applied_on=TODAY).id


def _owner(ctx: ServiceContext, case_id: int) -> str:
    with ctx.db.read() as session:
        return (
            session.scalar(select(User.username).join(Case, Case.owner_id == User.id).where(Case.id == case_id)) or ""
        )


def _asylum(ctx: ServiceContext) -> str:
    return next(p.key for p in ctx.catalogue.offered(ctx.today()) if p.area == "asyl")


def test_the_singen_table_is_in_the_database_as_the_seed_gives_it(ctx: ServiceContext) -> None:
    rows = {(r.area, r.username): r.ranges for r in current_rule_rows(ctx)}
    assert rows == {
        ("allgemein", "schaeuble"): "A–B, D–G",
        ("allgemein", "rudolf"): "C",
        ("allgemein", "schweiger"): "H–N",
        ("allgemein", "keller"): "O–Z",
        ("asyl", "dietrich"): "A–K",
        ("asyl", "lossau"): "L–Z, Ala–Alz",
    }


def test_real_names_are_routed_as_seed_003_intends(ctx: ServiceContext) -> None:
    names = ["Alizadeh", "Al-Hassan", "Aziz", "Ahmadi", "Öztürk", "Çelik", "Nguyễn", "Ibrahim"]
    assert route_names(ctx, "asyl", names) == [
        ("Alizadeh", "Frau Lossau"),
        ("Al-Hassan", "Frau Lossau"),
        ("Aziz", "Frau Dietrich"),
        ("Ahmadi", "Frau Dietrich"),
        ("Öztürk", "Frau Lossau"),
        ("Çelik", "Frau Dietrich"),
        ("Nguyễn", "Frau Lossau"),
        ("Ibrahim", "Frau Dietrich"),
    ]
    assert route_names(ctx, "allgemein", ["Çelik", "Öztürk"]) == [("Çelik", "Frau Rudolf"), ("Öztürk", "Frau Keller")]
    with pytest.raises(NotFound, match="Bereich „humanitaer“"):
        route_names(ctx, "humanitaer", ["Aziz"])


def test_editor_validation_names_gaps_overlaps_and_typos(ctx: ServiceContext) -> None:
    rows = [
        RuleRow("allgemein", "schaeuble", "A–B, D–G"),
        RuleRow("allgemein", "rudolf", "C–E"),
        RuleRow("allgemein", "schweiger", "H–N"),
        RuleRow("allgemein", "keller", "O–X"),
        RuleRow("allgemein", "niemand", "Y"),
        RuleRow("asyl", "dietrich", "A–Kx"),
    ]
    problems = check_rule_rows(ctx, rows).problems
    assert "Benutzer „niemand“ gibt es nicht." in problems
    assert any("Frau Dietrich (asyl)" in p and "gleich lang" in p for p in problems)
    assert any("Frau Schäuble (A–B) und Frau Rudolf (C–E) überschneiden sich bei D–E" in p for p in problems) or any(
        "Frau Rudolf (C–E) und Frau Schäuble" in p and "D–E" in p for p in problems
    )
    assert any("für Y–Z ist niemand zuständig" in p for p in problems)
    with pytest.raises(ValidationError):
        preview_rebalance(ctx, rows)


def test_preview_counts_moves_and_apply_moves_them_with_a_log_entry_each(ctx: ServiceContext) -> None:
    cases = {name: _case(ctx, name) for name in ("Haddad", "Hassan", "Ibrahim", "Kaya", "Nasser", "Omar")}
    closed = _case(ctx, "Hamdan")
    with ctx.unit_of_work() as uow:
        uow.session.get(Case, closed).status = CaseStatus.CLOSED.value  # type: ignore[union-attr]
        uow.commit()
    new_rules = [
        RuleRow("allgemein", "schaeuble", "A–B, D–G"),
        RuleRow("allgemein", "rudolf", "C, H–I"),
        RuleRow("allgemein", "schweiger", "J–N"),
        RuleRow("allgemein", "keller", "O–Z"),
    ]
    preview = preview_rebalance(ctx, new_rules)
    assert [(m.area, m.from_user, m.to_user, m.count) for m in preview] == [
        ("allgemein", "Frau Schweiger", "Frau Rudolf", 3),
    ]
    assert _owner(ctx, cases["Haddad"]) == "schweiger"  # a preview changes nothing

    with pytest.raises(ValidationError, match="Grund"):
        apply_rule_rows(ctx, new_rules, reason=" ")
    moved = apply_rule_rows(ctx, new_rules, reason="Frau Schweiger entlasten")
    assert moved == preview
    assert [_owner(ctx, cases[n]) for n in ("Haddad", "Hassan", "Ibrahim", "Kaya", "Nasser")] == [
        "rudolf",
        "rudolf",
        "rudolf",
        "schweiger",
        "schweiger",
    ]
    assert _owner(ctx, closed) == "schweiger"  # closed cases stay where they were
    with ctx.db.read() as session:
        events = session.scalars(select(AuditEvent).where(AuditEvent.action == "zustaendigkeit_verschoben")).all()
    assert sorted(e.case_id for e in events) == sorted(cases[n] for n in ("Haddad", "Hassan", "Ibrahim"))
    assert all("Frau Schweiger entlasten" in (e.payload_json or "") for e in events)
    assert {(r.username, r.ranges) for r in current_rule_rows(ctx) if r.area == "allgemein"} == {
        ("schaeuble", "A–B, D–G"),
        ("rudolf", "C, H–I"),
        ("schweiger", "J–N"),
        ("keller", "O–Z"),
    }
    assert preview_rebalance(ctx, new_rules) == []
    # new cases follow the new rules
    assert _owner(ctx, _case(ctx, "Hilal")) == "rudolf"


def test_prefix_rule_takes_al_names_in_the_asylum_area(ctx: ServiceContext) -> None:
    asylum = _asylum(ctx)
    alizadeh = _case(ctx, "Alizadeh", asylum)
    aziz = _case(ctx, "Aziz", asylum)
    assert (_owner(ctx, alizadeh), _owner(ctx, aziz)) == ("lossau", "dietrich")
    rules = [RuleRow("asyl", "dietrich", "A–K, Ala–Alz"), RuleRow("asyl", "lossau", "L–Z")]
    assert [(m.from_user, m.to_user, m.count) for m in preview_rebalance(ctx, rules)] == [
        ("Frau Lossau", "Frau Dietrich", 1)
    ]


def test_manual_reassignment_needs_a_reason_and_is_logged(ctx: ServiceContext) -> None:
    case_id = _case(ctx, "Haddad")
    with pytest.raises(ValidationError, match="Grund"):
        reassign_case(ctx, case_id, "keller", "")
    with pytest.raises(ValidationError, match="bereits"):
        reassign_case(ctx, case_id, "schweiger", "x")
    reassign_case(ctx, case_id, "keller", "Sprachkenntnisse Arabisch")
    assert _owner(ctx, case_id) == "keller"
    with ctx.db.read() as session:
        event = session.scalars(select(AuditEvent).where(AuditEvent.action == "vorgang_umverteilt")).one()
    assert "Sprachkenntnisse Arabisch" in (event.payload_json or "") and "Frau Keller" in (event.payload_json or "")


def test_deputy_is_shown_while_the_absence_runs(ctx: ServiceContext) -> None:
    with pytest.raises(ValidationError, match="selbst"):
        set_deputy(ctx, "rudolf", "rudolf", TODAY, TODAY)
    with pytest.raises(ValidationError, match="vor ihrem Beginn"):
        set_deputy(ctx, "rudolf", "keller", TODAY, date(2026, 11, 1))
    set_deputy(ctx, "rudolf", "keller", date(2026, 11, 16), date(2026, 11, 27))
    person = create_person(ctx, PersonInput("Çelik", "Emre", "01.01.1990", nationality="TUR"))
    row = open_case(ctx, person.id, GENERAL, applied_on=TODAY)
    assert (row.owner, row.deputy) == ("Frau Rudolf", "Frau Keller")
    with ctx.db.read() as session:
        from abh_desk.services.persons import case_rows

        later = case_rows(ctx, session, person.id, today=date(2026, 11, 30))
    assert (later[0].owner, later[0].deputy) == ("Frau Rudolf", "")


def test_change_of_family_name_reroutes_open_cases_only(ctx: ServiceContext) -> None:
    person = create_person(ctx, PersonInput("Haddad", "Lina", "01.01.1990", nationality="SYR"))
    open_id = open_case(ctx, person.id, GENERAL, applied_on=TODAY).id
    done_id = open_case(ctx, person.id, GENERAL, applied_on=TODAY, repeat_reason="ein zweiter Antrag").id
    with ctx.unit_of_work() as uow:
        uow.session.get(Case, done_id).status = CaseStatus.GRANTED.value  # type: ignore[union-attr]
        uow.commit()
    version = get_person_file(ctx, person.id).person.version
    update_person(ctx, person.id, version, PersonInput("Bauer", "Lina", "01.01.1990", nationality="SYR"))
    assert (_owner(ctx, open_id), _owner(ctx, done_id)) == ("schaeuble", "schweiger")
    with ctx.db.read() as session:
        event = session.scalars(select(AuditEvent).where(AuditEvent.action == "zustaendigkeit_verschoben")).one()
    assert event.case_id == open_id and "Namensänderung" in (event.payload_json or "")


def test_skipping_particles_is_an_office_setting(ctx: ServiceContext) -> None:
    before = _case(ctx, "van Dijk")
    assert _owner(ctx, before) == "keller"  # V
    update_office_settings(ctx, skip_name_particles=True)
    assert _owner(ctx, _case(ctx, "van Dijk")) == "schaeuble"  # D
    rules = [RuleRow(r.area, r.username, r.ranges) for r in current_rule_rows(ctx) if r.area == "allgemein"]
    assert [(m.from_user, m.to_user, m.count) for m in preview_rebalance(ctx, rules)] == [
        ("Frau Keller", "Frau Schäuble", 1)
    ]


def test_only_team_leads_and_administrators_change_responsibility(ctx: ServiceContext) -> None:
    from abh_desk.domain.enums import Role
    from abh_desk.errors import PermissionDenied
    from abh_desk.services.context import Actor

    with ctx.db.read() as session:
        keller = session.scalars(select(User).where(User.username == "keller")).one()
    clerk = ctx.as_user(Actor(keller.id, "keller", Role.CASEWORKER))
    case_id = _case(ctx, "Haddad")
    rows = [RuleRow(r.area, r.username, r.ranges) for r in current_rule_rows(ctx) if r.area == "allgemein"]
    with pytest.raises(PermissionDenied, match="Teamleitung"):
        apply_rule_rows(clerk, rows, "weil")
    with pytest.raises(PermissionDenied):
        reassign_case(clerk, case_id, "keller", "mag ich")
    with pytest.raises(PermissionDenied):
        set_deputy(clerk, "rudolf", "keller", TODAY, TODAY)
    set_deputy(clerk, "keller", "rudolf", TODAY, TODAY)  # one's own Vertretung is fine
    assert _owner(ctx, case_id) == "schweiger"


def test_cancelling_a_rebalance_rolls_every_move_back(ctx: ServiceContext, monkeypatch: pytest.MonkeyPatch) -> None:
    from abh_desk.errors import Cancelled
    from abh_desk.services import assignment
    from abh_desk.services.context import Progress

    cases = [_case(ctx, name) for name in ("Haddad", "Hassan", "Ibrahim", "Hamdan", "Hilal")]
    monkeypatch.setattr(assignment, "MOVE_CHUNK", 2)

    class CancelAfterFirstChunk(Progress):
        def __init__(self) -> None:
            self.reports: list[tuple[int, int]] = []

        def report(self, done: int, total: int) -> None:
            self.reports.append((done, total))

        def cancelled(self) -> bool:
            return bool(self.reports)

    rules = [
        RuleRow("allgemein", "schaeuble", "A–B, D–G"),
        RuleRow("allgemein", "rudolf", "C, H–I"),
        RuleRow("allgemein", "schweiger", "J–N"),
        RuleRow("allgemein", "keller", "O–Z"),
    ]
    progress = CancelAfterFirstChunk()
    with pytest.raises(Cancelled, match="nichts geändert"):
        apply_rule_rows(ctx, rules, "Test", progress)
    assert progress.reports == [(2, 5)]
    assert {_owner(ctx, c) for c in cases} == {"schweiger"}
    assert {(r.username, r.ranges) for r in current_rule_rows(ctx) if r.username == "rudolf"} == {("rudolf", "C")}
    done = CancelAfterFirstChunk()
    done.cancelled = lambda: False  # type: ignore[method-assign]
    assert sum(m.count for m in apply_rule_rows(ctx, rules, "Test", done)) == 5
    assert done.reports == [(2, 5), (4, 5), (5, 5)]
