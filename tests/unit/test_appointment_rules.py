"""Termine as pure rules: hours read and written, slot lengths, free slots, every refusal typed."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from abh_desk.domain.appointments import (
    CARD_PICKUP,
    Calendar,
    CaseworkerAway,
    Interval,
    OfficeClosed,
    OutsideHours,
    Slot,
    SlotInPast,
    SlotTaken,
    check_minutes,
    check_slot,
    format_hours,
    free_starts,
    parse_hours,
    slot_minutes,
)
from abh_desk.domain.catalogue import ProcedureType
from abh_desk.domain.deadlines_calendar import WorkingDays
from abh_desk.errors import ValidationError

SINGEN = "Mo, Di, Fr 8.00–12.00 Uhr; Do 8.00–12.00 und 14.00–18.00 Uhr"  # the letterhead's Sprechzeiten
CAL = Calendar(parse_hours(SINGEN), WorkingDays("BW"))
MONDAY = date(2026, 11, 23)
NOW = datetime(2026, 11, 21, 10, 0)  # Saturday


def test_singens_letterhead_hours_are_read() -> None:
    week = parse_hours(SINGEN)
    assert week[0] == week[1] == week[4] == (Interval(480, 720),)
    assert week[2] == () and week[5] == week[6] == ()
    assert week[3] == (Interval(480, 720), Interval(840, 1080))
    assert format_hours(week) == "Mo, Di, Fr 08:00–12:00; Do 08:00–12:00, 14:00–18:00"
    assert parse_hours(format_hours(week)) == week
    assert parse_hours("Mo-Fr 07:30-12:00")[4] == (Interval(450, 720),)
    assert parse_hours("Mo - Mi 9:00 bis 11:00")[2] == (Interval(540, 660),)


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("Montag 8-12", "Wochentagen"),
        ("Mo 12:00-08:00", "keine gültige Zeitspanne"),
        ("Mo 08:03-12:00", "5 Minuten genau"),
        ("Mo 08:00-12:00; Mo 13:00-14:00", "zweimal"),
        ("Mo 08:00-12:00, 11:00-13:00", "überschneiden sich"),
        ("Mo irgendwann", "Zeiten wie"),
    ],
)
def test_bad_hours_are_refused_in_german(text: str, words: str) -> None:
    with pytest.raises(ValidationError, match=words):
        parse_hours(text)


def _procedure(**kw: object) -> ProcedureType:
    return ProcedureType(key="X", name="X", legal_basis="§", area="allgemein", source="s", documents=(), **kw)  # type: ignore[arg-type]


def test_slot_lengths_office_first_then_catalogue_then_rule() -> None:
    assert slot_minutes(CARD_PICKUP, None, {}) == 10
    assert slot_minutes("X", _procedure(), {}) == 20
    assert slot_minutes("X", _procedure(unlimited=True), {}) == 30
    assert slot_minutes("X", _procedure(unlimited=True, appointment_minutes=45), {}) == 45
    assert slot_minutes("X", _procedure(appointment_minutes=45), {"X": 15}) == 15
    assert check_minutes(25) == 25
    for bad in (0, 3, 22, 245):
        with pytest.raises(ValidationError, match="Termindauer"):
            check_minutes(bad)


def test_free_starts_skip_busy_units_and_pack_after_them() -> None:
    hours = (Interval(480, 600),)
    assert list(free_starts(hours, set(), 20))[:3] == [480, 500, 520]
    busy = {480, 485, 490}  # 08:00–08:15 booked (15 minutes)
    assert list(free_starts(hours, busy, 20))[:2] == [495, 515]
    assert list(free_starts(hours, set(), 20, not_before=503))[:1] == [505]
    assert list(free_starts(hours, set(range(480, 600, 5)), 10)) == []
    assert list(free_starts((Interval(480, 490),), set(), 20)) == []  # does not fit


def test_a_good_slot_passes() -> None:
    check_slot(Slot(MONDAY, 480, 20), CAL, None, NOW, who="Frau Schäuble")


def test_past_holiday_closed_day_outside_hours_leave_and_overlap_are_refused() -> None:
    with pytest.raises(SlotInPast, match="Vergangenheit"):
        check_slot(Slot(date(2026, 11, 20), 480, 20), CAL, None, NOW, who="X")
    with pytest.raises(SlotInPast):  # earlier today
        check_slot(Slot(date(2026, 11, 23), 480, 20), CAL, None, datetime(2026, 11, 23, 9, 0), who="X")
    with pytest.raises(OfficeClosed, match="Weihnachtstag"):
        check_slot(Slot(date(2026, 12, 25), 480, 20), CAL, None, NOW, who="X")
    with pytest.raises(OfficeClosed, match="Mittwoch: keine Sprechzeiten"):
        check_slot(Slot(date(2026, 11, 25), 480, 20), CAL, None, NOW, who="X")
    with pytest.raises(OfficeClosed, match="Samstag"):
        check_slot(Slot(date(2026, 11, 28), 480, 20), CAL, None, NOW, who="X")
    with pytest.raises(OutsideHours, match="11:50–12:10 Uhr liegt außerhalb"):
        check_slot(Slot(MONDAY, 710, 20), CAL, None, NOW, who="Frau Schäuble")
    with pytest.raises(OutsideHours, match="13:00"):  # Thursday's lunch break
        check_slot(Slot(date(2026, 11, 26), 780, 20), CAL, None, NOW, who="X")
    with pytest.raises(CaseworkerAway, match="nicht im Dienst \\(Urlaub\\) und hat keine Vertretung"):
        check_slot(Slot(MONDAY, 480, 20), CAL, None, NOW, who="Frau Schäuble", away="Urlaub")
    with pytest.raises(SlotTaken, match="überschneidet sich"):
        check_slot(Slot(MONDAY, 480, 20), CAL, None, NOW, who="X", busy={495})
    for error in (SlotInPast, OfficeClosed, OutsideHours, CaseworkerAway, SlotTaken):
        assert issubclass(error, ValidationError)


def test_a_caseworkers_own_hours_narrow_the_office_hours() -> None:
    own = parse_hours("Mo-Fr 09:00-11:00")
    assert CAL.hours(MONDAY, own) == (Interval(540, 660),)
    with pytest.raises(OutsideHours, match="09:00–11:00"):
        check_slot(Slot(MONDAY, 480, 20), CAL, own, NOW, who="Herr Keller")
    assert CAL.hours(date(2026, 11, 25), own) == ()  # Wednesday: the office is closed


def test_holidays_follow_the_land() -> None:
    # Fronleichnam 2027 (27 May) is a holiday in Baden-Württemberg, not in Berlin.
    day = date(2027, 5, 27)
    assert CAL.closed_reason(day) is not None and "Fronleichnam" in str(CAL.closed_reason(day))
    berlin = Calendar(CAL.office, WorkingDays("BE"))
    assert berlin.closed_reason(day) is None
