"""The eAT card from order to handover, and the list of cards not yet handed over — SQLite and
PostgreSQL, with the handover record read back from its PDF."""

from __future__ import annotations

import io
import json
from datetime import date, datetime, timedelta, timezone

import pypdf
import pytest
from sqlalchemy import func, select

from abh_desk.clock import FixedClock
from abh_desk.domain.cards import NoticeMethod, RecipientKind
from abh_desk.domain.enums import CardStatus, DeadlineKind, DeadlineStatus, Role
from abh_desk.errors import FieldErrors, PermissionDenied, StaleRecord, ValidationError
from abh_desk.services.card_handover import HandoverInput, hand_over, handover_form
from abh_desk.services.card_list import card_counts, waiting_cards
from abh_desk.services.cards import (
    case_cards,
    close_card,
    order_card,
    pickup_reminders,
    record_arrival,
    record_notification,
)
from abh_desk.services.case_file import get_case_file
from abh_desk.services.case_letters import case_letters, letter_pdf, reprint
from abh_desk.services.cases import open_case
from abh_desk.services.context import Actor, ServiceContext
from abh_desk.services.office import update_office_settings
from abh_desk.services.persons import PersonInput, create_person
from letters.data import WithdrawnDocument
from models import AuditEvent, CardHandover, CardOrder, Deadline, User
from tests.support.granted import grant_case

TODAY = date(2026, 11, 21)
QUALIFICATION = "99010019001008"  # § 16d, fee 100 EUR
SERIAL = "Y7K2M4T9L"


def clerk(ctx: ServiceContext, username: str = "schweiger") -> ServiceContext:
    with ctx.db.read() as session:
        user = session.scalars(select(User).where(User.username == username)).one()
        return ctx.as_user(Actor(user.id, user.username, Role(user.role)))


def make_case(ctx: ServiceContext, birth: str = "12.03.1994", family: str = "Nguyễn", given: str = "Thị Hương") -> int:
    person = create_person(
        ctx,
        PersonInput(
            family, given, birth, nationality="VNM", sex="w", street="Hadwigstraße 7", postcode="78224", city="Singen"
        ),
    )
    case_id = open_case(ctx, person.id, QUALIFICATION, applied_on=date(2026, 9, 1)).id
    grant_case(ctx, case_id, decided_on=date(2026, 9, 30))  # a card only after the grant
    return case_id


def arrived_card(ctx: ServiceContext, case_id: int, serial: str = SERIAL, arrived: date = date(2026, 11, 10)) -> int:
    card = order_card(ctx, case_id, date(2026, 10, 1), "BD-2026-1")
    return record_arrival(ctx, card.id, card.version, serial, True, arrived).id


def text_of(pdf: bytes) -> str:
    """The PDF's text with every run of white space as one space (table cells wrap)."""
    return " ".join(" ".join(page.extract_text() for page in pypdf.PdfReader(io.BytesIO(pdf)).pages).split())


def test_order_arrival_notify_handover_by_the_holder(ctx: ServiceContext, clock: FixedClock) -> None:
    ctx = clerk(ctx)
    case_id = make_case(ctx)
    card = order_card(ctx, case_id, date(2026, 10, 1), " BD-2026-1 ")
    assert card.status == CardStatus.ORDERED and card.order_number == "BD-2026-1"
    assert card.expected_on == date(2026, 11, 12)  # six weeks' production, the default setting
    with pytest.raises(ValidationError, match="bereits eine Karte bestellt"):
        order_card(ctx, case_id)

    card = record_arrival(ctx, card.id, card.version, "y7k 2m4 t9l", True, date(2026, 11, 10))
    assert (card.status, card.card_serial, card.chip_checked) == (CardStatus.ARRIVED, SERIAL, True)
    assert card.overdue_from == date(2026, 12, 8)  # four weeks after arrival
    with ctx.db.read() as session:
        deadline = session.scalars(select(Deadline).where(Deadline.kind == DeadlineKind.CARD_WAITING.value)).one()
        assert (deadline.due_date, deadline.status) == (date(2026, 12, 8), DeadlineStatus.OPEN.value)

    card, letter_id = record_notification(ctx, card.id, card.version, NoticeMethod.LETTER)
    assert card.status == CardStatus.NOTIFIED and card.notified_how == "Abholbenachrichtigung (Brief)"
    assert letter_id is not None
    pickup = text_of(letter_pdf(ctx, letter_id))
    assert "liegt zur Abholung bereit" in pickup and "Frau Thị Hương Nguyễn" in pickup
    assert "08.12.2026" in pickup  # "bitte bis zum … abholen"

    form = handover_form(ctx, card.id)
    assert (form.holder_name, form.card_serial, form.minor, form.fee_cents) == ("Thị Hương Nguyễn", SERIAL, False, None)
    at = datetime(2026, 11, 21, 9, 30, tzinfo=timezone.utc)
    clock.move_to(at + timedelta(minutes=2))
    done = hand_over(
        ctx,
        card.id,
        form.version,
        HandoverInput(
            card_serial=SERIAL,
            identity_check="Reisepass C4X9L2M71",
            online_id_enabled=True,
            withdrawn=(WithdrawnDocument("Fiktionsbescheinigung", "F0123456"),),
            supplementary_sheet=True,
            handed_over_at=at,
        ),
    )
    assert done.card.status == CardStatus.HANDED_OVER and done.card.handover is not None
    assert done.card.handover.caseworker == "Frau Schweiger"
    assert done.card.handover.recipient_kind == RecipientKind.HOLDER
    assert done.card.handover.fingerprints_deleted_at == at

    record = text_of(done.pdf)
    assert "Protokoll über die Aushändigung" in record
    for expected in (
        "Thị Hương Nguyễn",
        "12.03.1994",
        SERIAL,
        "Reisepass C4X9L2M71",
        "eingeschaltet",
        "Fiktionsbescheinigung, Nr. F0123456",
        "der Inhaberin/dem Inhaber persönlich",
        "Unterschrift der Empfängerin oder des Empfängers",
        "Unterschrift der Sachbearbeitung",
        "Frau Schweiger",
    ):
        assert expected in record, expected
    assert reprint(ctx, done.letter_id) == done.pdf == letter_pdf(ctx, done.letter_id)
    assert [r.kind_label for r in case_letters(ctx, case_id)][:2] == [
        "Aushändigungsprotokoll",
        "Abholbenachrichtigung eAT",
    ]
    with ctx.db.read() as session:
        deadline = session.get(Deadline, deadline.id)
        assert deadline is not None and deadline.status == DeadlineStatus.DONE.value
        actions = session.scalars(select(AuditEvent.action).where(AuditEvent.entity == "card_order")).all()
        assert actions == ["eat_bestellt", "eat_eingegangen", "eat_benachrichtigt", "eat_ausgehaendigt"]
    history = [h.action for h in get_case_file(ctx, case_id).history]
    assert "eAT ausgehändigt" in history and "eAT eingegangen" in history
    assert waiting_cards(ctx) == []
    with pytest.raises(ValidationError, match="ausgehändigt"):
        hand_over(ctx, card.id, None, HandoverInput(card_serial=SERIAL))


def test_handover_to_an_agent_with_power_of_attorney(ctx: ServiceContext) -> None:
    ctx = clerk(ctx)
    card_id = arrived_card(ctx, make_case(ctx))
    done = hand_over(
        ctx,
        card_id,
        None,
        HandoverInput(
            card_serial=SERIAL,
            identity_check="Personalausweis der bevollmächtigten Person",
            recipient_kind=RecipientKind.AGENT,
            recipient_name="Trần Văn Minh",
            recipient_id_number="Personalausweis L01X00T47",
            power_of_attorney=True,
        ),
    )
    record = text_of(done.pdf)
    assert "bevollmächtigter Person: Trần Văn Minh; Personalausweis L01X00T47" in record
    assert "schriftliche Vollmacht liegt vor" in record and "ausgeschaltet" in record
    [info] = case_cards(ctx, done.card.case_id)
    assert info.handover is not None and info.handover.recipient_name == "Trần Văn Minh"
    assert info.handover.recipient_id_number == "Personalausweis L01X00T47" and info.handover.power_of_attorney


def test_a_handover_missing_required_fields_is_refused_per_field_and_nothing_is_saved(ctx: ServiceContext) -> None:
    ctx = clerk(ctx)
    case_id = make_case(ctx)
    card_id = arrived_card(ctx, case_id)
    with pytest.raises(FieldErrors) as refused:
        hand_over(
            ctx,
            card_id,
            None,
            HandoverInput(
                card_serial="Y0000000X",
                identity_check=" ",
                recipient_kind=RecipientKind.AGENT,
                recipient_name="Trần Văn Minh",
                withdrawn=(WithdrawnDocument("Fiktionsbescheinigung", ""),),
                fingerprints_deleted=False,
            ),
        )
    by_field = refused.value.by_field()
    assert set(by_field) == {"seriennummer", "identitaet", "ausweis", "vollmacht", "eingezogen", "fingerabdruecke"}
    assert "schriftlicher Vollmacht" in by_field["vollmacht"]
    assert "§ 61a Abs. 2 Satz 2 AufenthV" in by_field["fingerabdruecke"]
    with ctx.db.read() as session:
        assert session.scalar(select(func.count()).select_from(CardHandover)) == 0
        card = session.get(CardOrder, card_id)
        assert card is not None and card.status == CardStatus.ARRIVED.value
    assert [c.card_id for c in waiting_cards(ctx)] == [card_id]


def test_a_minor_gets_the_card_through_a_custodian(ctx: ServiceContext) -> None:
    ctx = clerk(ctx)
    card_id = arrived_card(ctx, make_case(ctx, birth="05.06.2012", family="Haddad", given="Lina"))
    assert handover_form(ctx, card_id).minor
    with pytest.raises(ValidationError, match="minderjährig") as refused:
        hand_over(ctx, card_id, None, HandoverInput(card_serial=SERIAL))
    assert refused.value.field == "empfang"
    done = hand_over(
        ctx,
        card_id,
        None,
        HandoverInput(
            card_serial=SERIAL,
            recipient_kind=RecipientKind.CUSTODIAN,
            recipient_name="Rania Haddad",
            recipient_id_number="Reisepass N1234567",
        ),
    )
    record = text_of(done.pdf)
    assert "sorgeberechtigter Person: Rania Haddad; Reisepass N1234567" in record
    assert "als sorgeberechtigte Person" in record


def test_fee_due_at_handover_is_shown_required_and_recorded(ctx: ServiceContext) -> None:
    update_office_settings(ctx, fees_at_handover=True, card_waiting_weeks="3")
    ctx = clerk(ctx)
    card_id = arrived_card(ctx, make_case(ctx))
    form = handover_form(ctx, card_id)
    assert form.fee_text == "100,00 EUR"
    with pytest.raises(ValidationError, match="100,00 EUR ist bei der Aushändigung zu zahlen"):
        hand_over(ctx, card_id, None, HandoverInput(card_serial=SERIAL))
    done = hand_over(ctx, card_id, None, HandoverInput(card_serial=SERIAL, fee_paid=True))
    assert "Gebühr bei Aushändigung bezahlt" in text_of(done.pdf) and "100,00 EUR" in text_of(done.pdf)
    assert done.card.handover is not None and done.card.handover.fee_cents == 10000


def test_arrival_checks_serial_chip_and_dates(ctx: ServiceContext) -> None:
    ctx = clerk(ctx)
    first = make_case(ctx)
    arrived_card(ctx, first)
    card = order_card(ctx, make_case(ctx, family="Kovalenko", given="Olena"), date(2026, 10, 1))
    with pytest.raises(FieldErrors) as refused:
        record_arrival(ctx, card.id, card.version, "Y12", False, TODAY + timedelta(days=1))
    assert set(refused.value.by_field()) == {"seriennummer", "chip", "eingegangen_am"}
    with pytest.raises(ValidationError, match="bereits für eine Karte im Vorgang"):
        record_arrival(ctx, card.id, card.version, SERIAL, True, TODAY)
    with pytest.raises(ValidationError, match="vor ihrer Bestellung"):
        record_arrival(ctx, card.id, card.version, "Y1111111C", True, date(2026, 9, 1))
    with pytest.raises(StaleRecord):
        record_arrival(ctx, card.id, card.version + 5, "Y1111111C", True, TODAY)


def test_handover_needs_a_signed_in_user(ctx: ServiceContext) -> None:
    card_id = arrived_card(ctx, make_case(ctx))
    with pytest.raises(PermissionDenied):
        hand_over(ctx, card_id, None, HandoverInput(card_serial=SERIAL))


def test_waiting_list_ages_overdue_search_and_return(ctx: ServiceContext) -> None:
    ctx = clerk(ctx)
    old = arrived_card(ctx, make_case(ctx), arrived=date(2026, 10, 1))
    fresh = arrived_card(
        ctx, make_case(ctx, family="Kovalenko", given="Olena"), serial="Y2222222C", arrived=date(2026, 11, 20)
    )
    rows = waiting_cards(ctx)
    assert [r.card_id for r in rows] == [old, fresh]  # the longest waiting first
    assert (rows[0].age_days, rows[0].overdue, rows[0].overdue_from) == (51, True, date(2026, 10, 29))
    assert (rows[1].age_days, rows[1].overdue) == (1, False)
    assert card_counts(ctx) == (2, 1)
    assert [r.card_id for r in waiting_cards(ctx, overdue_only=True)] == [old]
    assert [r.card_id for r in waiting_cards(ctx, "kovalenko")] == [fresh]
    assert [r.card_id for r in waiting_cards(ctx, "nguyen thi")] == [old]
    assert [r.card_id for r in waiting_cards(ctx, "y222 2222c")] == [fresh]
    assert [r.card_id for r in waiting_cards(ctx, rows[0].file_number.lower())] == [old]

    pdf = pickup_reminders(ctx, [old, fresh])
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    assert text_of(pdf).count("liegt zur Abholung bereit") == 2 and len(reader.pages) >= 2
    assert waiting_cards(ctx)[0].status_label == "benachrichtigt"

    with pytest.raises(ValidationError, match="Grund"):
        close_card(ctx, old, None, CardStatus.RETURNED, " ")
    closed = close_card(ctx, old, None, CardStatus.RETURNED, "seit sieben Wochen nicht abgeholt")
    assert (closed.status_label, closed.closed_on, closed.closed_reason) == (
        "zurückgesandt",
        TODAY,
        "seit sieben Wochen nicht abgeholt",
    )
    assert [r.card_id for r in waiting_cards(ctx)] == [fresh]
    with ctx.db.read() as session:
        statuses = session.scalars(
            select(Deadline.status).where(Deadline.kind == DeadlineKind.CARD_WAITING.value).order_by(Deadline.id)
        ).all()
        assert statuses == [DeadlineStatus.CANCELLED.value, DeadlineStatus.OPEN.value]
        payload = session.scalars(
            select(AuditEvent.payload_json).where(AuditEvent.action == "eat_zurueckgesandt")
        ).one()
        assert json.loads(payload)["grund"] == "seit sieben Wochen nicht abgeholt"
    with pytest.raises(ValidationError, match="bereits zurückgesandt"):
        close_card(ctx, old, None, CardStatus.DESTROYED, "doppelt")


def test_card_settings_are_validated(ctx: ServiceContext) -> None:
    with pytest.raises(ValidationError, match="keine ganze Zahl"):
        update_office_settings(ctx, card_production_weeks="sechs")
    with pytest.raises(ValidationError, match="zwischen 1 und 52"):
        update_office_settings(ctx, card_waiting_weeks=0)
    assert update_office_settings(ctx, card_production_weeks="4").card_production_weeks == 4


def _race(counters: list[ServiceContext], card_id: int, version: int, serial: str) -> list[str]:
    """Both counters hand the card over at the same moment; what each was told."""
    import threading

    barrier = threading.Barrier(len(counters))
    outcomes: list[str] = []

    def hand(counter: ServiceContext) -> None:
        barrier.wait()
        try:
            hand_over(counter, card_id, version, HandoverInput(card_serial=serial))
            outcomes.append("ausgehändigt")
        except (StaleRecord, ValidationError) as exc:
            outcomes.append(type(exc).__name__)
        except Exception as exc:  # what must not happen: a raw database error
            outcomes.append(f"FEHLER {type(exc).__name__}: {exc}")

    threads = [threading.Thread(target=hand, args=(counter,)) for counter in counters]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return outcomes


def test_two_counters_handing_over_the_same_card_at_once(ctx: ServiceContext) -> None:
    """Found by the load test (benchmarks/load.py): on PostgreSQL both read the waiting card, and the
    second insert of a handover failed with a raw unique violation. Now one hands over, the other is
    told the card changed."""
    for round_ in range(4):
        case_id = make_case(ctx, family=f"Nguyễn{'x' * round_}")
        serial = f"Y7K2M4T{round_}L"
        card_id = arrived_card(ctx, case_id, serial=serial)
        with ctx.db.read() as session:
            card = session.get(CardOrder, card_id)
            assert card is not None
            version = card.version
        outcomes = _race([clerk(ctx), clerk(ctx, "rudolf")], card_id, version, serial)
        assert not [o for o in outcomes if o.startswith("FEHLER")], outcomes
        assert outcomes.count("ausgehändigt") == 1, outcomes
