"""Fristen: §§ 187–193 BGB, Bekanntgabe nach § 41 Abs. 2 VwVfG and the kinds of domain.md §6."""

from __future__ import annotations

import calendar as month_calendar
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import holidays
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from abh_desk.domain.deadlines import (
    LAENDER,
    BekanntgabeRules,
    ComputedDeadline,
    DeadlineContext,
    DispatchMethod,
    WorkingDays,
    card_pickup_overdue,
    compute,
    expiry_reminder_date,
    fiction_certificate_expiry,
    follow_up,
    hearing_deadline,
    load_bekanntgabe_rules,
    nominal_end,
    notification_date,
    parse_bekanntgabe_rules,
    period,
    period_end,
    processing_due,
    remedy_period,
    visa_free_stay_end,
)
from abh_desk.domain.enums import DeadlineKind
from abh_desk.errors import ConfigurationError, ValidationError

CALENDARS = {land: WorkingDays(land) for land in LAENDER}
BW = CALENDARS["BW"]
RULES = load_bekanntgabe_rules()
FAST = settings(deadline=None, database=None, max_examples=150)


def d(text: str) -> date:
    """German notation, as in domain.md: "31.01.2025"."""
    day, month, year = (int(part) for part in text.split("."))
    return date(year, month, day)


# --- worked examples of domain.md §6 -------------------------------------------------------------


@pytest.mark.parametrize("land", sorted(LAENDER))
def test_month_deadline_ends_on_last_day_of_shorter_month(land: str) -> None:
    """Bekanntgabe Fri 31.01.2025 → ends Fri 28.02.2025 (§ 188 Abs. 3 BGB)."""
    assert period_end(d("31.01.2025"), months=1, calendar=CALENDARS[land]) == d("28.02.2025")


@pytest.mark.parametrize(
    ("land", "end"),
    [(land, "20.06.2025") for land in ("BW", "BY", "HE", "NW", "RP", "SL")]
    + [(land, "19.06.2025") for land in ("HH", "NI", "BE")],
)
def test_corpus_christi_moves_the_end_only_where_it_is_a_holiday(land: str, end: str) -> None:
    """Bekanntgabe Mon 19.05.2025 → nominal end Thu 19.06.2025 (Fronleichnam)."""
    result = period(d("19.05.2025"), months=1, calendar=CALENDARS[land])
    assert result.nominal == d("19.06.2025")
    assert result.due == d(end)
    if result.moved:
        assert result.moved_because == f"Fronleichnam (Feiertag in {land})"
    else:
        assert result.moved_because is None


def test_posted_letter_fourth_day_then_sunday_end_moves_to_monday() -> None:
    """Posted Mon 02.06.2025 → Bekanntgabe Fri 06.06.2025 → nominal Sun 06.07.2025 → Mon 07.07.2025."""
    notice = notification_date(d("02.06.2025"), "BW", RULES, BW)
    assert notice.legal_day == notice.tracking_day == d("06.06.2025")
    assert notice.fiction_days == 4
    assert remedy_period(notice.tracking_day, BW).due == d("07.07.2025")
    result = compute(DeadlineKind.REMEDY_PERIOD, d("02.06.2025"), DeadlineContext(BW, RULES))
    assert (result.nominal, result.due, result.start) == (d("06.07.2025"), d("07.07.2025"), d("06.06.2025"))
    assert result.moved_because == "Sonntag"
    assert "4. Tag nach Aufgabe zur Post am 02.06.2025" in result.note
    assert "verschoben auf 07.07.2025 (§ 193 BGB)" in result.note


# --- Bekanntgabe (§ 41 Abs. 2 VwVfG) ------------------------------------------------------------


def test_third_day_before_2025_fourth_day_from_2025() -> None:
    nw = CALENDARS["NW"]
    before = notification_date(d("30.12.2024"), "NW", RULES, nw)
    assert (before.fiction_days, before.legal_day) == (3, d("02.01.2025"))
    after = notification_date(d("02.01.2025"), "NW", RULES, nw)
    assert (after.fiction_days, after.legal_day, after.tracking_day) == (4, d("06.01.2025"), d("06.01.2025"))


def test_fiction_day_on_a_holiday_is_tracked_on_the_next_working_day() -> None:
    """06.01.2025 is Heilige Drei Könige in BW: legal day kept, tracking day the later date."""
    notice = notification_date(d("02.01.2025"), "BW", RULES, BW)
    assert notice.legal_day == d("06.01.2025")
    assert notice.tracking_day == d("07.01.2025")
    assert notice.moved_because == "Heilige Drei Könige (Feiertag in BW)"
    assert remedy_period(notice.tracking_day, BW).due == d("07.02.2025")
    assert "maßgeblich: 07.01.2025" in notice.describe()


def test_fiction_day_at_christmas() -> None:
    notice = notification_date(d("22.12.2025"), "HH", RULES, CALENDARS["HH"])
    assert notice.legal_day == d("26.12.2025")
    assert notice.tracking_day == d("29.12.2025")
    assert notice.moved_because == "Zweiter Weihnachtstag (Feiertag in HH), Samstag, Sonntag"


LAGGING_SN = """
[bund]
regeln = [ { gueltig_ab = 1977-01-01, tage = 3 }, { gueltig_ab = 2025-01-01, tage = 4 } ]

[land.SN]
regeln = [
    { gueltig_ab = 1977-01-01, tage = 3, quelle = "SächsVwVfZG" },
    { gueltig_ab = 2025-07-01, tage = 4 },
]
"""


def test_a_lagging_land_keeps_three_days_until_its_own_date(tmp_path: Path) -> None:
    path = tmp_path / "bekanntgabe.toml"
    path.write_text(LAGGING_SN, encoding="utf-8")
    rules = load_bekanntgabe_rules(path)
    assert not rules.follows_federal("SN")
    assert rules.follows_federal("BW")
    sn = CALENDARS["SN"]
    lagging = notification_date(d("02.01.2025"), "SN", rules, sn)
    assert (lagging.fiction_days, lagging.legal_day) == (3, d("05.01.2025"))
    assert (lagging.tracking_day, lagging.moved_because) == (d("06.01.2025"), "Sonntag")
    assert notification_date(d("01.07.2025"), "SN", rules, sn).fiction_days == 4
    assert notification_date(d("02.01.2025"), "BW", rules, BW).fiction_days == 4


def test_shipped_rules_apply_the_federal_rule_in_all_16_laender() -> None:
    for land in LAENDER:
        assert RULES.follows_federal(land)
        assert RULES.days_for(land, d("31.12.2024")) == 3
        assert RULES.days_for(land, d("01.01.2025")) == 4


def test_posting_before_the_first_rule_is_refused() -> None:
    with pytest.raises(ValidationError, match="keine Bekanntgaberegel hinterlegt"):
        RULES.days_for("BW", d("31.12.1976"))


def test_pzu_delivery_date_is_the_bekanntgabe_even_on_a_saturday() -> None:
    notice = notification_date(
        d("02.06.2025"), "BW", RULES, BW, method=DispatchMethod.PZU, delivered_on=d("07.06.2025")
    )
    assert notice.legal_day == notice.tracking_day == d("07.06.2025")
    assert notice.fiction_days is None
    assert "Postzustellungsurkunde am 07.06.2025" in notice.describe()
    with pytest.raises(ValidationError, match="fehlt das Zustelldatum") as missing:
        notification_date(d("02.06.2025"), "BW", RULES, BW, method=DispatchMethod.PZU)
    assert missing.value.field == "zugestellt_am"
    with pytest.raises(ValidationError, match="liegt vor dem Versand"):
        notification_date(d("02.06.2025"), "BW", RULES, BW, method=DispatchMethod.PZU, delivered_on=d("01.06.2025"))


def test_personal_handover_is_the_bekanntgabe() -> None:
    notice = notification_date(d("19.05.2025"), "BW", RULES, BW, method=DispatchMethod.PERSONAL)
    assert notice.legal_day == notice.tracking_day == d("19.05.2025")
    assert remedy_period(notice.tracking_day, BW).due == d("20.06.2025")


def test_later_actual_receipt_replaces_the_fiction_an_earlier_one_does_not() -> None:
    late = notification_date(d("02.06.2025"), "BW", RULES, BW, delivered_on=d("10.06.2025"))
    assert late.legal_day == late.tracking_day == d("10.06.2025")
    early = notification_date(d("02.06.2025"), "BW", RULES, BW, delivered_on=d("03.06.2025"))
    assert early.legal_day == d("06.06.2025")


def test_rules_and_calendar_must_be_for_the_same_land() -> None:
    with pytest.raises(ValidationError, match="Feiertagskalender für BW"):
        notification_date(d("02.06.2025"), "SN", RULES, BW)


# --- §§ 187–193 BGB ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("event", "months", "end"),
    [
        ("31.01.2025", 1, "28.02.2025"),
        ("31.01.2028", 1, "29.02.2028"),
        ("31.03.2025", 1, "30.04.2025"),
        ("30.11.2025", 3, "28.02.2026"),
        ("28.02.2025", 1, "28.03.2025"),
        ("15.05.2025", 12, "15.05.2026"),
    ],
)
def test_month_ends(event: str, months: int, end: str) -> None:
    assert nominal_end(d(event), months=months) == d(end)


def test_days_weeks_and_mixed_periods() -> None:
    assert nominal_end(d("02.06.2025"), days=14) == d("16.06.2025")
    assert nominal_end(d("02.06.2025"), weeks=2) == d("16.06.2025")
    assert nominal_end(d("02.06.2025"), weeks=2).weekday() == d("02.06.2025").weekday()
    # § 189 Abs. 2: months first, then days.
    assert nominal_end(d("31.01.2025"), months=1, days=2) == d("02.03.2025")


@pytest.mark.parametrize(("kwargs", "field"), [({}, "frist"), ({"days": -1}, "tage"), ({"weeks": -2}, "wochen")])
def test_empty_or_negative_periods_are_refused(kwargs: dict[str, int], field: str) -> None:
    with pytest.raises(ValidationError) as error:
        nominal_end(d("02.06.2025"), **kwargs)
    assert error.value.field == field


def test_christmas_and_new_year_move_the_end() -> None:
    christmas = period(d("25.11.2025"), months=1, calendar=BW)
    assert christmas.due == d("29.12.2025")
    assert christmas.moved_because == (
        "Erster Weihnachtstag (Feiertag in BW), Zweiter Weihnachtstag (Feiertag in BW), Samstag, Sonntag"
    )
    assert period_end(d("01.12.2025"), months=1, calendar=BW) == d("02.01.2026")


def test_christmas_eve_and_new_years_eve_are_working_days() -> None:
    assert period_end(d("24.11.2025"), months=1, calendar=BW) == d("24.12.2025")
    assert period_end(d("31.10.2025"), months=2, calendar=BW) == d("31.12.2025")


def test_easter_moves_past_good_friday_weekend_and_easter_monday() -> None:
    assert period_end(d("21.03.2025"), months=1, calendar=BW) == d("22.04.2025")
    result = period(d("18.03.2025"), months=1, calendar=BW)
    assert result.due == d("22.04.2025")
    assert result.moved_because == "Karfreitag (Feiertag in BW), Samstag, Sonntag, Ostermontag (Feiertag in BW)"
    brandenburg = period(d("18.03.2025"), months=1, calendar=CALENDARS["BB"])
    assert brandenburg.moved_because is not None
    assert "Ostersonntag (Feiertag in BB)" in brandenburg.moved_because


def test_reformation_day_in_saxony_but_not_in_baden_wuerttemberg() -> None:
    assert period_end(d("31.08.2023"), months=2, calendar=CALENDARS["SN"]) == d("01.11.2023")
    assert period_end(d("31.08.2023"), months=2, calendar=BW) == d("31.10.2023")
    # A two-week period ending Fri 31.10.2025: SN to Mon 03.11.2025; BW keeps Friday.
    assert period_end(d("17.10.2025"), weeks=2, calendar=CALENDARS["SN"]) == d("03.11.2025")
    assert period_end(d("17.10.2025"), weeks=2, calendar=BW) == d("31.10.2025")


@pytest.mark.parametrize("land", sorted(LAENDER))
def test_day_of_german_unity_everywhere(land: str) -> None:
    result = period(d("03.09.2025"), months=1, calendar=CALENDARS[land])
    assert result.due == d("06.10.2025")
    assert result.moved_because == f"Tag der Deutschen Einheit (Feiertag in {land}), Samstag, Sonntag"


def test_one_year_when_the_instructions_are_defective() -> None:
    assert remedy_period(d("06.06.2025"), BW).due == d("07.07.2025")
    assert remedy_period(d("06.06.2025"), BW, instructions_correct=False).due == d("08.06.2026")
    assert remedy_period(d("29.02.2024"), BW, instructions_correct=False).due == d("28.02.2025")
    context = DeadlineContext(BW, RULES, instructions_correct=False)
    result = compute(DeadlineKind.REMEDY_PERIOD, d("02.06.2025"), context)
    assert result.due == d("08.06.2026")
    assert "§ 58 Abs. 2 VwGO" in result.basis


# --- the kinds that never move ---------------------------------------------------------------


def test_expiry_reminder_is_not_moved_even_on_a_sunday_or_holiday() -> None:
    assert expiry_reminder_date(d("31.08.2025")) == d("06.07.2025")
    assert d("06.07.2025").weekday() == 6
    assert expiry_reminder_date(d("19.02.2026")) == d("25.12.2025")
    assert expiry_reminder_date(d("31.08.2025"), weeks=12) == d("08.06.2025")
    result = compute(DeadlineKind.EXPIRY_REMINDER, d("31.08.2025"), DeadlineContext(BW))
    assert (result.due, result.moved_because, result.moved) == (d("06.07.2025"), None, False)


def test_visa_free_stay_counts_the_entry_day() -> None:
    assert visa_free_stay_end(d("01.01.2025")) == d("31.03.2025")
    assert visa_free_stay_end(d("01.01.2024")) == d("30.03.2024")
    assert visa_free_stay_end(d("01.04.2025")) == d("29.06.2025")  # a Sunday, not moved
    assert (visa_free_stay_end(d("01.04.2025")) - d("01.04.2025")).days + 1 == 90


def test_processing_window_and_card_waiting() -> None:
    assert processing_due(d("15.01.2025"), (6, 8)) == (d("26.02.2025"), d("12.03.2025"))
    with pytest.raises(ValidationError, match="keine gültige Spanne"):
        processing_due(d("15.01.2025"), (8, 6))
    assert card_pickup_overdue(d("03.03.2025"), weeks=4) == d("31.03.2025")
    assert card_pickup_overdue(d("03.03.2025")) == d("31.03.2025")


@pytest.mark.parametrize(
    ("issued", "months", "until"),
    [
        ("15.01.2025", 3, "14.04.2025"),
        ("01.03.2025", 1, "31.03.2025"),
        ("31.01.2025", 1, "28.02.2025"),
        ("30.11.2023", 3, "29.02.2024"),
        ("28.11.2024", 3, "27.02.2025"),
        ("10.10.2025", 6, "09.04.2026"),
    ],
)
def test_fiction_certificate_valid_until_the_day_before(issued: str, months: int, until: str) -> None:
    assert fiction_certificate_expiry(d(issued), months) == d(until)


def test_fiction_certificate_needs_at_least_one_month() -> None:
    with pytest.raises(ValidationError, match="mindestens einen Monat"):
        fiction_certificate_expiry(d("15.01.2025"), 0)


def test_follow_up_may_be_today_but_not_in_the_past() -> None:
    today = d("10.06.2025")
    assert follow_up(today, today) == today
    assert follow_up(d("15.06.2025"), today) == d("15.06.2025")
    with pytest.raises(ValidationError) as error:
        follow_up(d("09.06.2025"), today)
    assert error.value.message == "Die Wiedervorlage am 09.06.2025 liegt in der Vergangenheit."
    assert error.value.field == "wiedervorlage"


# --- hearing and compute() --------------------------------------------------------------------


def test_hearing_period_runs_from_bekanntgabe_of_the_hearing_letter() -> None:
    assert hearing_deadline(d("02.06.2025"), BW, rules=RULES) == d("20.06.2025")
    assert hearing_deadline(d("05.06.2025"), BW, posted=False) == d("20.06.2025")
    assert hearing_deadline(d("05.06.2025"), CALENDARS["NI"], posted=False) == d("19.06.2025")
    assert hearing_deadline(d("05.06.2025"), BW, weeks=3, posted=False) == d("26.06.2025")
    assert hearing_deadline(d("02.06.2025"), BW) == d("20.06.2025")  # shipped rules by default


CONTEXT = DeadlineContext(BW, RULES, processing_weeks=(6, 8), today=d("01.06.2025"))


@pytest.mark.parametrize("kind", list(DeadlineKind))
def test_compute_handles_every_kind(kind: DeadlineKind) -> None:
    result = compute(kind, d("02.06.2025"), CONTEXT)
    assert isinstance(result, ComputedDeadline)
    assert result.kind is kind
    assert result.due >= result.nominal
    assert result.note.endswith(".")


def test_compute_reports_the_move_and_the_ranges() -> None:
    hearing = compute(DeadlineKind.HEARING, d("05.06.2025"), replace(CONTEXT, method=DispatchMethod.PERSONAL))
    assert (hearing.nominal, hearing.due) == (d("19.06.2025"), d("20.06.2025"))
    assert hearing.moved_because == "Fronleichnam (Feiertag in BW)"
    processing = compute(DeadlineKind.PROCESSING, d("15.01.2025"), CONTEXT)
    assert (processing.earliest, processing.due) == (d("26.02.2025"), d("12.03.2025"))
    with pytest.raises(ValidationError, match="keine Bearbeitungszeit"):
        compute(DeadlineKind.PROCESSING, d("15.01.2025"), DeadlineContext(BW))
    with pytest.raises(ValidationError, match="heutige Datum"):
        compute(DeadlineKind.FOLLOW_UP, d("15.01.2025"), DeadlineContext(BW))
    with pytest.raises(ValidationError, match="Unbekannte Fristart"):
        compute("frist_gibt_es_nicht", d("15.01.2025"), CONTEXT)  # type: ignore[arg-type]


def test_compute_accepts_stored_kind_text_and_a_context_for_a_land() -> None:
    context = replace(DeadlineContext.for_land("nw", RULES), method=DispatchMethod.PZU, delivered_on=d("07.06.2025"))
    result = compute(DeadlineKind("rechtsbehelfsfrist"), d("02.06.2025"), context)
    assert (result.start, result.due) == (d("07.06.2025"), d("07.07.2025"))


# --- WorkingDays ------------------------------------------------------------------------------


def test_working_days_of_a_land() -> None:
    assert BW.holiday_name(d("19.06.2025")) == "Fronleichnam"
    assert BW.holiday_name(d("18.06.2025")) is None
    assert BW.is_working_day(d("18.06.2025"))
    assert not BW.is_working_day(d("21.06.2025"))
    assert BW.next_working_day(d("18.06.2025")) == d("18.06.2025")
    assert BW.next_working_day(d("19.06.2025")) == d("20.06.2025")
    assert CALENDARS["BE"].holiday_name(d("08.03.2025")) == "Frauentag"
    assert BW.non_working_reason(d("22.06.2025")) == "Sonntag"
    assert WorkingDays(" by ").land == "BY"


def test_unknown_land_is_refused_in_german() -> None:
    with pytest.raises(ValidationError) as error:
        WorkingDays("Augsburg")
    assert error.value.field == "land"
    assert error.value.message.startswith("Unbekanntes Land „Augsburg“. Zulässig sind die Kürzel BB, BE, BW")


def test_holidays_are_loaded_once_per_year(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[int] = []
    original = holidays.country_holidays

    def counting(*args: Any, **kwargs: Any) -> holidays.HolidayBase:
        calls.append(kwargs["years"])
        return original(*args, **kwargs)

    monkeypatch.setattr(holidays, "country_holidays", counting)
    calendar = WorkingDays("HE")
    for day in range(1, 366):
        calendar.is_working_day(date(2025, 1, 1) + timedelta(days=day))
    assert calls == [2025, 2026]


# --- the rule file ----------------------------------------------------------------------------

_GOOD_ROWS = "regeln = [ { gueltig_ab = 1977-01-01, tage = 3 }, { gueltig_ab = 2025-01-01, tage = 4 } ]"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("[land.BW]\n" + _GOOD_ROWS, "Abschnitt [bund] fehlt"),
        ("[bund]\n" + _GOOD_ROWS + "\n[land.XY]\n" + _GOOD_ROWS, "Land „XY“: unbekanntes Länderkürzel"),
        ("[bund]\nregeln = [ { gueltig_ab = 1977-01-01, tage = 0 } ]", "Bund, Regel 1: Feld „tage“"),
        ('[bund]\nregeln = [ { gueltig_ab = 1977-01-01, tage = "4" } ]', "Bund, Regel 1: Feld „tage“"),
        ('[bund]\nregeln = [ { gueltig_ab = "2025-01-01", tage = 4 } ]', "Feld „gueltig_ab“ fehlt oder ist kein Datum"),
        ("[bund]\nregeln = [ { gueltig_ab = 2025-01-01T00:00:00, tage = 4 } ]", "Feld „gueltig_ab“"),
        (
            "[bund]\n" + _GOOD_ROWS + "\n[land.SN]\nregeln = [ { gueltig_ab = 2025-01-01, tage = 4 },"
            " { gueltig_ab = 1977-01-01, tage = 3 } ]",
            "Land SN, Regel 2: Feld „gueltig_ab“",
        ),
        ("[bund]\nregeln = [ { gueltig_ab = 1977-01-01, tag = 3 } ]", "unbekanntes Feld „tag“"),
        ("[bund]\nregeln = []", "Bund: Feld „regeln“ fehlt oder ist leer"),
        ("[bund]\n" + _GOOD_ROWS + "\n[sonstiges]\nx = 1", "unbekannter Abschnitt „sonstiges“"),
        ("[bund\n", "kein gültiges TOML"),
    ],
)
def test_broken_rule_files_are_refused_with_file_land_and_field(text: str, message: str) -> None:
    with pytest.raises(ConfigurationError) as error:
        parse_bekanntgabe_rules(text, "test.toml")
    assert error.value.message.startswith("Bekanntgabedatei test.toml")
    assert message in error.value.message


def test_missing_rule_file(tmp_path: Path) -> None:
    with pytest.raises(ConfigurationError, match="nicht lesbar"):
        load_bekanntgabe_rules(tmp_path / "fehlt.toml")


# --- properties ---------------------------------------------------------------------------------

events = st.dates(min_value=date(2000, 1, 1), max_value=date(2098, 12, 31))
lands = st.sampled_from(sorted(LAENDER))


@FAST
@given(event=events, land=lands, months=st.integers(0, 24), weeks=st.integers(0, 8), days=st.integers(0, 60))
def test_moved_end_is_the_first_working_day_from_the_nominal_end(
    event: date, land: str, months: int, weeks: int, days: int
) -> None:
    if not (months or weeks or days):
        days = 1
    calendar = CALENDARS[land]
    result = period(event, months=months, weeks=weeks, days=days, calendar=calendar)
    assert result.due >= result.nominal > event
    assert calendar.is_working_day(result.due)
    skipped = [result.nominal + timedelta(days=n) for n in range((result.due - result.nominal).days)]
    assert not any(calendar.is_working_day(day) for day in skipped)
    assert (result.due - result.nominal).days <= 4
    assert (result.moved_because is None) == (result.due == result.nominal)


@FAST
@given(event=events, months=st.integers(1, 36))
def test_month_end_keeps_the_day_number_or_takes_the_last_day(event: date, months: int) -> None:
    end = nominal_end(event, months=months)
    assert (end.year * 12 + end.month) - (event.year * 12 + event.month) == months
    assert abs(end.day - event.day) <= 3
    if end.day != event.day:
        assert end.day == month_calendar.monthrange(end.year, end.month)[1] < event.day


@FAST
@given(posted=events, land=lands, correct=st.booleans())
def test_bekanntgabe_and_remedy_properties(posted: date, land: str, correct: bool) -> None:
    calendar = CALENDARS[land]
    notice = notification_date(posted, land, RULES, calendar)
    assert notice.fiction_days == (4 if posted >= date(2025, 1, 1) else 3)
    assert notice.tracking_day >= notice.legal_day == posted + timedelta(days=notice.fiction_days)
    assert calendar.is_working_day(notice.tracking_day)
    end = remedy_period(notice.tracking_day, calendar, instructions_correct=correct).due
    assert calendar.is_working_day(end)
    assert end >= nominal_end(notice.tracking_day, months=1 if correct else 12)


@FAST
@given(valid_until=events, weeks=st.integers(0, 26))
def test_expiry_reminder_is_exactly_n_weeks_before(valid_until: date, weeks: int) -> None:
    reminder = expiry_reminder_date(valid_until, weeks)
    assert (valid_until - reminder).days == 7 * weeks
    assert reminder.weekday() == valid_until.weekday()


def test_custom_rules_object_can_be_built_in_code() -> None:
    rules = BekanntgabeRules(RULES.federal)
    assert rules.days_for("TH", d("02.01.2025")) == 4


def test_munich_posts_on_11_august_and_mariae_himmelfahrt_moves_the_end_of_the_period() -> None:
    """Seed 004 (Munich): posted Mon 11.08.2025 → fourth day Fri 15.08., Mariä Himmelfahrt in Munich →
    tracking day Mon 18.08. → period ends Thu 18.09.2025 (Bavaria-wide calendar: 15.09.)."""
    munich = DeadlineContext.for_land("BY", local="katholisch")
    assert compute(DeadlineKind.REMEDY_PERIOD, d("11.08.2025"), munich).due == d("18.09.2025")
    assert compute(DeadlineKind.REMEDY_PERIOD, d("11.08.2025"), DeadlineContext.for_land("BY")).due == d("15.09.2025")
    augsburg = WorkingDays("BY", "augsburg")
    assert augsburg.holiday_name(d("08.08.2025")) == "Augsburger Hohes Friedensfest"
    assert not WorkingDays("BY").is_holiday(d("08.08.2025"))
    assert WorkingDays("SN", "katholisch").holiday_name(d("19.06.2025")) == "Fronleichnam"
    assert not WorkingDays("SN").is_holiday(d("19.06.2025"))


def test_holidays_at_the_seat_must_exist_in_the_land() -> None:
    with pytest.raises(ValidationError, match="Baden-Württemberg nicht"):
        WorkingDays("BW", "katholisch")
