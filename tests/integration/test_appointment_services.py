"""Termine on SQLite and PostgreSQL: the responsible caseworker's next free slots, booking,
rebooking, cancelling, the deputy while the owner is away, the counter's day, and two workstations
booking the same slot (one wins, the other is told and offered the next)."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from datetime import date, datetime

import pytest
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from abh_desk.domain.appointments import (
    BOOKED,
    CANCELLED,
    CARD_PICKUP,
    DONE,
    NO_SHOW,
    WAITING,
    CaseworkerAway,
    OfficeClosed,
    OutsideHours,
    SlotInPast,
    SlotTaken,
)
from abh_desk.domain.enums import Role
from abh_desk.errors import PermissionDenied, ValidationError
from abh_desk.services import appointment_hours as appt_hours
from abh_desk.services import appointment_lists as appt_lists
from abh_desk.services import appointments as appts
from abh_desk.services.assignment import set_deputy
from abh_desk.services.cases import open_case
from abh_desk.services.context import Actor, ServiceContext
from abh_desk.services.persons import PersonInput, create_person
from abh_desk.storage import Database
from models import AppointmentUnit, AuditEvent, User

TODAY = date(2026, 11, 21)  # a Saturday, 10:00
MONDAY = date(2026, 11, 23)
PROCEDURE = "99010019001008"  # Aufenthaltserlaubnis (FIM), area allgemein
H8 = 8 * 60


def _user(ctx: ServiceContext, username: str) -> Actor:
    with ctx.db.read() as session:
        user = session.scalar(select(User).where(User.username == username))
        assert user is not None
        return Actor(user.id, username, Role(user.role))


@pytest.fixture
def clerk(ctx: ServiceContext) -> ServiceContext:
    return ctx.as_user(_user(ctx, "schaeuble"))


@pytest.fixture
def person(ctx: ServiceContext) -> int:
    return create_person(ctx, PersonInput("Öztürk", "Ayşe", "12.03.1990", nationality="TUR", city="Singen")).id


def test_the_next_free_slots_are_the_responsible_caseworkers(clerk: ServiceContext, person: int) -> None:
    offer = appt_hours.free_slots(clerk, person, PROCEDURE)
    assert offer.owner == "keller" and offer.minutes == 20  # Ö → O–Z: Frau Keller
    first = offer.slots[0]
    assert (first.day, first.start, first.caseworker) == (MONDAY, H8, "keller")
    assert [s.start for s in offer.slots[:3]] == [H8, H8 + 20, H8 + 40]
    booked = appts.book(clerk, person, first.day, first.start, PROCEDURE)
    assert booked.caseworker == "keller" and booked.status == BOOKED
    again = appt_hours.free_slots(clerk, person, PROCEDURE)
    assert again.slots[0].start == H8 + 20  # the booked one is gone
    with clerk.db.read() as session:
        units = session.scalars(select(AppointmentUnit.minute).where(AppointmentUnit.appointment_id == booked.id)).all()
        assert sorted(units) == [480, 485, 490, 495]
        logged = session.scalar(select(AuditEvent).where(AuditEvent.action == "termin_gebucht"))
        assert logged is not None and "23.11.2026 08:00–08:20" in logged.payload_json


def test_overlapping_bookings_of_different_lengths_are_refused(
    ctx: ServiceContext, clerk: ServiceContext, person: int
) -> None:
    case = open_case(ctx, person, PROCEDURE, applied_on=TODAY)
    appt_hours.set_slot_length(ctx, PROCEDURE, 30)
    appts.book(clerk, person, MONDAY, H8, case_id=case.id)  # 08:00–08:30
    with pytest.raises(SlotTaken, match="schon vergeben; es wurde nichts gebucht") as info:
        appts.book(clerk, person, MONDAY, H8 + 20, CARD_PICKUP, case_id=case.id)  # 08:20–08:30 overlaps
    assert info.value.params["next_free"][0].start == H8 + 30
    assert "Nächste freie Termine: Mo, 23.11.2026, 08:30 Uhr" in info.value.message


def test_bad_slots_get_a_german_message_and_nothing_is_booked(clerk: ServiceContext, person: int) -> None:
    cases = [
        (SlotInPast, date(2026, 11, 20), H8, "Vergangenheit"),
        (OfficeClosed, date(2026, 12, 25), H8, "Feiertag in BW"),
        (OfficeClosed, date(2026, 11, 25), H8, "Mittwoch: keine Sprechzeiten"),
        (OutsideHours, MONDAY, 13 * 60, "außerhalb der Sprechzeiten von Frau Keller"),
    ]
    for error, day, start, words in cases:
        with pytest.raises(error, match=words):
            appts.book(clerk, person, day, start, PROCEDURE)
    with pytest.raises(ValidationError, match="gibt es im Katalog nicht"):
        appts.book(clerk, person, MONDAY, H8, "GIBT-ES-NICHT")
    assert appt_lists.day_list(clerk, MONDAY).rows == ()


def test_on_leave_the_deputy_takes_the_appointment_without_one_nobody(
    ctx: ServiceContext, clerk: ServiceContext, person: int
) -> None:
    appt_hours.add_absence(ctx, "keller", MONDAY, MONDAY, "Urlaub")
    with pytest.raises(CaseworkerAway, match=r"Frau Keller ist am 23.11.2026 nicht im Dienst \(Urlaub\)"):
        appts.book(clerk, person, MONDAY, H8, PROCEDURE)
    offer = appt_hours.free_slots(clerk, person, PROCEDURE)
    assert offer.slots[0].day == date(2026, 11, 24)  # Tuesday: back
    set_deputy(ctx, "keller", "schweiger", MONDAY, MONDAY)
    offer = appt_hours.free_slots(clerk, person, PROCEDURE)
    first = offer.slots[0]
    assert (first.day, first.caseworker, first.deputy_for) == (MONDAY, "schweiger", "Frau Keller")
    booked = appts.book(clerk, person, MONDAY, H8, PROCEDURE)
    assert booked.caseworker == "schweiger"


def test_rebook_cancel_check_in_no_show_walk_in(ctx: ServiceContext, clerk: ServiceContext, person: int) -> None:
    first = appts.book(clerk, person, MONDAY, H8, PROCEDURE)
    with pytest.raises(ValidationError, match="Grund"):
        appts.rebook(clerk, first.id, MONDAY, H8 + 60, "")
    moved = appts.rebook(clerk, first.id, MONDAY, H8 + 10, "Person kommt später")  # overlaps only itself
    assert moved.start == H8 + 10
    second = appts.book(clerk, person, MONDAY, H8 + 40, PROCEDURE)
    with pytest.raises(SlotTaken):
        appts.rebook(clerk, second.id, MONDAY, H8 + 20, "früher")
    cancelled = appts.cancel(clerk, second.id, "Person hat abgesagt")
    assert cancelled.status == CANCELLED and cancelled.reason == "Person hat abgesagt"
    appts.book(clerk, person, MONDAY, H8 + 40, PROCEDURE)  # free again
    with pytest.raises(ValidationError, match="nicht heute"):
        appts.check_in(clerk, first.id)
    ctx.clock.move_to(datetime(2026, 11, 23, 7, 50, tzinfo=appts.OFFICE_ZONE))
    arrived = appts.check_in(clerk, first.id)
    assert arrived.status == WAITING and arrived.waited_minutes == 0
    walk = appts.walk_in(clerk, person, note="Frage zur Fiktionsbescheinigung")
    assert walk.walk_in and walk.waiting_number == 1 and walk.caseworker is None
    assert appts.walk_in(clerk, person, PROCEDURE).waiting_number == 2
    ctx.clock.move_to(datetime(2026, 11, 23, 8, 5, tzinfo=appts.OFFICE_ZONE))
    day = appt_lists.day_list(clerk)
    assert [r.status for r in day.rows].count(WAITING) == 3
    assert {r.waited_minutes for r in day.waiting} == {15}
    assert appts.finish(clerk, first.id).status == DONE
    third = next(r for r in day.rows if r.status == BOOKED)
    assert appts.no_show(clerk, third.id).status == NO_SHOW
    with pytest.raises(ValidationError, match="nicht erschienen"):
        appts.cancel(clerk, third.id, "zu spät")
    keller = appt_lists.day_list(clerk, caseworker="keller")
    assert all(r.caseworker in ("keller", None) for r in keller.rows)
    with clerk.db.read() as session:
        actions = set(session.scalars(select(AuditEvent.action)))
    assert {"termin_umgebucht", "termin_abgesagt", "termin_angekommen", "vorsprache_aufgenommen"} <= actions


def test_slot_lengths_are_the_administrations(ctx: ServiceContext, clerk: ServiceContext) -> None:
    with pytest.raises(PermissionDenied):
        appt_hours.set_slot_length(clerk, PROCEDURE, 30)
    assert appt_hours.set_slot_length(ctx, PROCEDURE, 25) == 25
    assert appt_hours.set_slot_length(ctx, PROCEDURE, None) == 20
    with pytest.raises(ValidationError, match="Termindauer"):
        appt_hours.set_slot_length(ctx, PROCEDURE, 7)
    assert (CARD_PICKUP, "Abholung des elektronischen Aufenthaltstitels (eAT)", 10, False) in appt_hours.slot_lengths(
        ctx
    )


def test_a_caseworkers_own_hours_and_room(ctx: ServiceContext, clerk: ServiceContext, person: int) -> None:
    with pytest.raises(PermissionDenied):
        appt_hours.set_caseworker_calendar(clerk, "keller", "Mo 10:00-11:00")
    row = appt_hours.set_caseworker_calendar(ctx, "keller", "Mo-Fr 10:00-11:00", "1.07")
    assert row.hours == "Mo, Di, Mi, Do, Fr 10:00–11:00" and row.room == "1.07"
    offer = appt_hours.free_slots(clerk, person, PROCEDURE)
    assert offer.slots[0].start == 600 and [s.start for s in offer.slots[:4]] == [600, 620, 640, 600]
    assert appts.book(clerk, person, MONDAY, 600, PROCEDURE).room == "1.07"


# --- two workstations -------------------------------------------------------------------------


@pytest.fixture
def second(ctx: ServiceContext, database_url: str) -> Iterator[ServiceContext]:
    db = Database(database_url)
    yield ServiceContext(db, ctx.catalogue, _user(ctx, "rudolf"), ctx.clock)
    db.dispose()


def test_the_database_itself_refuses_a_second_booking_of_a_unit(
    ctx: ServiceContext, clerk: ServiceContext, person: int
) -> None:
    booked = appts.book(clerk, person, MONDAY, H8, PROCEDURE)
    with ctx.db.write_sessions() as session:
        session.add(
            AppointmentUnit(
                caseworker_id=_user(ctx, "keller").user_id, day=MONDAY, minute=H8 + 15, appointment_id=booked.id
            )
        )
        with pytest.raises(IntegrityError):
            session.commit()


def test_two_workstations_booking_the_same_slot_one_wins_the_other_gets_the_next(
    clerk: ServiceContext, second: ServiceContext, person: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Both read the same free slot; the check of occupied units is passed on both (as when the two
    # bookings run at the same moment), so only the database's key can stop the second.
    offer_a = appt_hours.free_slots(clerk, person, PROCEDURE)
    offer_b = appt_hours.free_slots(second, person, PROCEDURE)
    assert offer_a.slots[0] == offer_b.slots[0]
    slot = offer_a.slots[0]
    real_check = appts.check_slot

    def check_without_units(*args: object, busy: object = (), **kw: object) -> None:
        real_check(*args, **kw)  # type: ignore[arg-type]

    monkeypatch.setattr(appts, "check_slot", check_without_units)
    barrier = threading.Barrier(2)
    results: dict[str, object] = {}

    def run(name: str, context: ServiceContext) -> None:
        barrier.wait()
        try:
            results[name] = appts.book(context, person, slot.day, slot.start, PROCEDURE)
        except SlotTaken as exc:
            results[name] = exc

    threads = [threading.Thread(target=run, args=(n, c)) for n, c in (("a", clerk), ("b", second))]
    for t in threads:
        t.start()
    for t in threads:
        t.join(30)
    won = [r for r in results.values() if isinstance(r, appt_lists.AppointmentRow)]
    lost = [r for r in results.values() if isinstance(r, SlotTaken)]
    assert len(won) == 1 and len(lost) == 1, results
    assert "inzwischen an einem anderen Arbeitsplatz vergeben" in lost[0].message
    assert lost[0].params["next_free"][0].start == slot.start + 20  # computed after the winner's commit
    assert len(appt_lists.day_list(clerk, MONDAY).rows) == 1


def test_sequential_second_booking_is_told_at_once(clerk: ServiceContext, second: ServiceContext, person: int) -> None:
    slot = appt_hours.free_slots(second, person, PROCEDURE).slots[0]
    appts.book(clerk, person, slot.day, slot.start, PROCEDURE)
    with pytest.raises(SlotTaken, match=r"Nächste freie Termine: Mo, 23\.11\.2026, 08:20 Uhr"):
        appts.book(second, person, slot.day, slot.start, PROCEDURE)


# --- the invitation --------------------------------------------------------------------------


def _pdf_text(pdf: bytes) -> str:
    import io

    from pypdf import PdfReader

    return " ".join((page.extract_text() or "") for page in PdfReader(io.BytesIO(pdf)).pages).replace("\n", " ")


def test_the_invitation_lists_exactly_the_documents_still_missing(ctx: ServiceContext) -> None:
    from abh_desk.services.appointment_letters import invitation_data, invitation_pdf
    from abh_desk.services.case_file import get_case_file, mark_received, set_facts

    data = PersonInput(
        "Öztürk",
        "Ayşe",
        "12.03.1990",
        nationality="TUR",
        sex="w",
        street="Hauptstr. 1",
        postcode="78224",
        city="Singen",
    )
    pid = create_person(ctx, data).id
    case = open_case(ctx, pid, PROCEDURE, applied_on=TODAY)
    lines = {line.text: line for line in get_case_file(ctx, case.id).checklist}
    mark_received(ctx, lines["Gültiger Reisepass oder Passersatz"].id)
    keller = ctx.as_user(_user(ctx, "keller"))
    appt_hours.set_caseworker_calendar(ctx, "keller", "", "2.14")
    booked = appts.book(keller, pid, MONDAY, H8 + 20, case_id=case.id)
    invite = invitation_data(keller, booked.id)
    assert "Gültiger Reisepass oder Passersatz" not in invite.documents  # received
    assert "Visum" not in invite.documents  # conditional: only for the visumpflichtig
    assert "Aktuelles biometrisches Lichtbild" in invite.documents and "Mietvertrag" in invite.documents
    set_facts(keller, case.id, {"visumpflichtig"})
    invite = invitation_data(keller, booked.id)
    assert "Visum" in invite.documents
    text = _pdf_text(invitation_pdf(keller, booked.id))
    assert "Ihr Termin am Montag, 23.11.2026 um 08:20 Uhr" in text
    assert "Zimmer 2.14" in text and "Frau Keller" in text and "Sehr geehrte Frau Öztürk" in text
    assert "Visum" in text and "Mietvertrag" in text and "100,00" in text
    assert "Ihren gültigen Reisepass" in text  # the standing line: bring the passport itself
    with ctx.db.read() as session:
        assert session.scalar(select(AuditEvent.id).where(AuditEvent.action == "einladung_erstellt")) is not None


def test_the_reminder_and_the_pickup_letter_propose_the_next_free_slot(ctx: ServiceContext, person: int) -> None:
    from abh_desk.services.appointment_hours import proposed_slot
    from letters import samples
    from letters.render import render_pickup_notice, render_reminder
    from models import Case, Person

    case = open_case(ctx, person, PROCEDURE, applied_on=TODAY)
    appt_hours.set_caseworker_calendar(ctx, "keller", "", "1.08")
    appts.book(ctx, person, MONDAY, H8, PROCEDURE)
    with ctx.db.read() as session:
        row, who = session.get(Case, case.id), session.get(Person, person)
        assert row is not None and who is not None
        text = proposed_slot(ctx, session, who, PROCEDURE, row, MONDAY)
        assert text == "Montag, 23.11.2026, 08:20 Uhr bei Frau Keller, Zimmer 1.08"
        assert proposed_slot(ctx, session, who, "GIBT-ES-NICHT", None, MONDAY) == ""
    reminder = _pdf_text(render_reminder(samples.reminder(offered_slot=text)))
    assert "schlagen wir Ihnen einen Termin vor: Montag, 23.11.2026, 08:20 Uhr bei Frau Keller" in reminder
    assert "erst dann ist er für Sie gebucht" in reminder
    pickup = _pdf_text(render_pickup_notice(samples.pickup(offered_slot=text)))
    assert "Für die Abholung schlagen wir Ihnen einen Termin vor" in pickup
