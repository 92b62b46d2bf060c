"""The case file and its checklist through the services, on SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from abh_desk.clock import FixedClock
from abh_desk.domain.enums import ChecklistStatus
from abh_desk.errors import StaleRecord, ValidationError
from abh_desk.services.case_file import (
    add_document,
    get_case_file,
    mark_missing,
    mark_received,
    set_facts,
    waive_document,
)
from abh_desk.services.cases import open_case
from abh_desk.services.context import ServiceContext
from abh_desk.services.persons import PersonInput, create_person

TODAY = date(2026, 11, 21)
LANGUAGE_COURSE = "99010019001013"


def _case(ctx: ServiceContext, birth: str = "01.01.1990", procedure: str = LANGUAGE_COURSE) -> int:
    person = create_person(ctx, PersonInput("Kovalenko", "Olena", birth, nationality="UKR"))
    return open_case(ctx, person.id, procedure, applied_on=TODAY).id


def test_conditional_documents_appear_only_where_they_apply(ctx: ServiceContext) -> None:
    procedure = ctx.catalogue.get(LANGUAGE_COURSE)
    adult = get_case_file(ctx, _case(ctx))
    unconditional = [d.text for d in procedure.documents if d.condition is None]
    assert [line.text for line in adult.checklist] == unconditional
    assert adult.missing == len(unconditional)
    facts = dict(adult.overview.available_facts)
    assert facts["sprachkurs"] == "nur bei Sprachkurs" and "schueleraustausch" in facts
    assert "minderjaehrig" not in facts  # decided by the birth date, not by hand

    with_course = set_facts(ctx, adult.overview.id, {"sprachkurs"})
    course_docs = [d.text for d in procedure.documents if d.condition == "sprachkurs"]
    assert [line.text for line in with_course.checklist if line.condition_label] == course_docs
    assert with_course.missing == len(unconditional) + len(course_docs)
    assert with_course.history[0].action == "Angaben zum Vorgang geändert"
    assert "nur bei Sprachkurs" in with_course.history[0].details

    minor = get_case_file(ctx, _case(ctx, birth="01.06.2012"))
    minor_docs = {d.text for d in procedure.documents if d.condition == "minderjaehrig"}
    assert minor_docs <= {line.text for line in minor.checklist}
    with pytest.raises(ValidationError, match="Unbekannte Angabe"):
        set_facts(ctx, adult.overview.id, {"astronaut"})


def test_ticking_waiving_and_adding_documents_change_the_running_count(ctx: ServiceContext) -> None:
    case_id = _case(ctx)
    file = get_case_file(ctx, case_id)
    first, second = file.checklist[0], file.checklist[1]
    start = file.missing

    after = mark_received(ctx, first.id)
    assert after.missing == start - 1
    assert (after.checklist[0].status, after.checklist[0].received_on) == (ChecklistStatus.RECEIVED, TODAY)
    with pytest.raises(ValidationError, match="Zukunft"):
        mark_received(ctx, second.id, on=TODAY + timedelta(days=1))
    with pytest.raises(ValidationError, match="Grund"):
        waive_document(ctx, second.id, "  ")
    after = waive_document(ctx, second.id, "liegt der Ausländerakte bereits vor")
    assert after.missing == start - 2 and after.checklist[1].waiver_reason == "liegt der Ausländerakte bereits vor"
    after = add_document(ctx, case_id, "Nachweis über   Wohnraum")
    assert after.missing == start - 1 and after.checklist[-1].text == "Nachweis über Wohnraum"
    assert after.checklist[-1].extra
    with pytest.raises(ValidationError):
        add_document(ctx, case_id, "Zeile\x07klingel")
    after = mark_missing(ctx, first.id)
    assert after.missing == start and after.checklist[0].received_on is None
    actions = [h.action for h in after.history]
    assert actions[:4] == [
        "Unterlage wieder als fehlend markiert",
        "Weitere Unterlage angefordert",
        "Auf Unterlage verzichtet",
        "Unterlage eingegangen",
    ]
    assert actions[-1] == "Vorgang angelegt"


def test_a_stale_checklist_tick_is_refused(ctx: ServiceContext) -> None:
    case_id = _case(ctx)
    line = get_case_file(ctx, case_id).checklist[0]
    mark_received(ctx, line.id, expected_version=line.version)
    with pytest.raises(StaleRecord, match=r"Die Unterlage wurde inzwischen von .* geändert"):
        waive_document(ctx, line.id, "doch nicht", expected_version=line.version)
    assert get_case_file(ctx, case_id).checklist[0].status == ChecklistStatus.RECEIVED


def test_overview_shows_owner_fee_and_deputy(ctx: ServiceContext) -> None:
    from abh_desk.services.assignment import set_deputy

    case_id = _case(ctx, procedure="99010019001008")
    set_deputy(ctx, "schweiger", "rudolf", TODAY, TODAY + timedelta(days=7))
    overview = get_case_file(ctx, case_id).overview
    assert (overview.owner, overview.deputy, overview.fee_cents) == ("Frau Schweiger", "Frau Rudolf", 10000)
    assert overview.person_name == "Kovalenko, Olena" and overview.status_label == "Neu"
    assert overview.legal_basis == "§ 16d AufenthG"


def test_the_history_shows_dates_and_names_as_a_person_reads_them(ctx: ServiceContext) -> None:
    person = create_person(ctx, PersonInput("Haddad", "Rania", "01.01.1990", nationality="SYR"))
    case_id = open_case(ctx, person.id, "99010019001008", applied_on=TODAY).id
    line = get_case_file(ctx, case_id).checklist[0]
    mark_received(ctx, line.id, on=date(2026, 11, 20))
    entry = get_case_file(ctx, case_id).history[0]
    assert "20.11.2026" in entry.details and "2026-11-20" not in entry.details
    assert entry.details.split(":")[0][0].isupper()


def test_the_history_names_kinds_and_labels_never_internal_keys(ctx: ServiceContext) -> None:
    """Issue 23, part 12: "Art: Wiedervorlage; Fällig: …", never "wiedervorlage" or "Faellig"."""
    from abh_desk.services.deadlines import set_follow_up

    case_id = _case(ctx)
    set_follow_up(ctx, case_id, TODAY + timedelta(days=7), "anrufen")
    entry = next(e for e in get_case_file(ctx, case_id).history if e.action == "Frist angelegt")
    assert entry.details == f"Art: Wiedervorlage; Fällig: {TODAY + timedelta(days=7):%d.%m.%Y}"


def test_a_received_document_keeps_its_day_when_ticked_again(ctx: ServiceContext, clock: FixedClock) -> None:
    """Found by a tester: Space on a line received two days ago set its day to today."""
    case_id = _case(ctx)
    line = get_case_file(ctx, case_id).checklist[0]
    mark_received(ctx, line.id)
    clock.move_to(TODAY + timedelta(days=2))
    with pytest.raises(ValidationError, match=f"schon am {TODAY:%d.%m.%Y} eingegangen"):
        mark_received(ctx, line.id)
    assert get_case_file(ctx, case_id).checklist[0].received_on == TODAY
    # A day given on purpose corrects it.
    corrected = mark_received(ctx, line.id, on=TODAY + timedelta(days=1))
    assert corrected.checklist[0].received_on == TODAY + timedelta(days=1)
