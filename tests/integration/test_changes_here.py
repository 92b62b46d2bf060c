"""The program's own windows hear of each change at its commit (issue 22, part 9): the unit of work
tells the listeners (``change_watch.listen_here``) what changed and which window did it — only
after a commit, never for reads alone, and a failing listener does not undo the change."""

from __future__ import annotations

from datetime import date

import pytest

from abh_desk import change_watch
from abh_desk.errors import StaleRecord
from abh_desk.services.case_file import get_case_file, mark_received
from abh_desk.services.cases import open_case
from abh_desk.services.context import ServiceContext
from abh_desk.services.live_changes import changes_here
from abh_desk.services.persons import PersonInput, create_person, get_person_file
from abh_desk.storage import Change

TODAY = date(2026, 11, 23)
GENERAL = "99010019001008"
_PERSON = PersonInput("Öztürk", "Ayşe", "12.03.1990", nationality="TUR", sex="w")

Heard = list[tuple[list[Change], str | None]]


@pytest.fixture
def heard(ctx: ServiceContext):  # type: ignore[no-untyped-def]
    told: Heard = []

    def listener(changes: list[Change], origin: str | None) -> None:
        told.append((changes, origin))

    change_watch.listen_here(ctx.db, listener)
    yield told
    change_watch.stop_listening_here(ctx.db, listener)


def test_a_commit_is_told_with_what_changed_and_which_window(ctx: ServiceContext, heard: Heard) -> None:
    window = ctx.in_window("fall-fenster")
    person = create_person(window, _PERSON)
    assert heard[-1][1] == "fall-fenster"
    assert ("person", person.id) in {(entity, entity_id) for entity, entity_id, *_ in heard[-1][0]}
    case = open_case(ctx, person.id, GENERAL, applied_on=TODAY)
    assert heard[-1][1] is None  # a context of no window
    batch = changes_here(ctx, heard[-1][0], heard[-1][1])
    assert batch.here and batch.touches_case(case.id) and batch.touches_person(person.id)
    assert batch.origin is None


def test_reads_alone_and_a_refused_save_tell_nobody(ctx: ServiceContext, heard: Heard) -> None:
    person = create_person(ctx, _PERSON)
    case = open_case(ctx, person.id, GENERAL, applied_on=TODAY)
    line = get_case_file(ctx, case.id).checklist[0]
    heard.clear()
    get_person_file(ctx, person.id)
    get_case_file(ctx, case.id)
    with ctx.unit_of_work() as uow:  # only the noted reads are written
        uow.commit()
    assert heard == []
    mark_received(ctx, line.id, on=TODAY, expected_version=line.version)
    assert len(heard) == 1
    with pytest.raises(StaleRecord):
        mark_received(ctx, line.id, on=TODAY, expected_version=line.version)  # outdated: refused
    assert len(heard) == 1


def test_a_failing_listener_neither_undoes_the_change_nor_troubles_the_caller(
    ctx: ServiceContext, heard: Heard
) -> None:
    def broken(_changes: list[Change], _origin: str | None) -> None:
        raise RuntimeError("Fenster weg")

    change_watch.listen_here(ctx.db, broken)
    try:
        person = create_person(ctx, _PERSON)
    finally:
        change_watch.stop_listening_here(ctx.db, broken)
    assert get_person_file(ctx, person.id).person.family_name == "Öztürk"
    assert heard and heard[-1][0]  # the other listener was told all the same
