"""Fristberechnung nach §§ 187–193 BGB (über § 31 Abs. 1 VwVfG, § 57 Abs. 2 VwGO, § 222 ZPO).

Pure date arithmetic, no database and no Qt. Two kinds of dates live here:

* **Fristen** (procedural periods: Rechtsbehelfsfrist, Anhörungsfrist): the event day is not
  counted (§ 187 Abs. 1 BGB), the end follows § 188 BGB, and an end on a Saturday, Sunday or
  holiday at the authority's seat moves to the next working day (§ 193 BGB, § 31 Abs. 3 VwVfG).
* **Termine ohne Verschiebung** (Erinnerung vor Ablauf, visumfreier Aufenthalt, Bearbeitungszeit,
  eAT-Abholung, Fiktionsbescheinigung, Wiedervorlage): plain calendar dates that never move.
"""

from __future__ import annotations

import calendar as _calendar
from dataclasses import dataclass
from datetime import date, timedelta

from dateutil.relativedelta import relativedelta

from abh_desk.domain.deadlines_calendar import WorkingDays
from abh_desk.error_texts import Label
from abh_desk.errors import ValidationError

#: § 70 Abs. 1 VwGO / § 74 Abs. 1 VwGO: ein Monat nach Bekanntgabe.
REMEDY_MONTHS = 1
#: § 58 Abs. 2 VwGO: ein Jahr, wenn die Rechtsbehelfsbelehrung fehlt oder unrichtig ist.
REMEDY_YEARS_DEFECTIVE = 1
DEFAULT_EXPIRY_REMINDER_WEEKS = 8
DEFAULT_CARD_WAITING_WEEKS = 4
DEFAULT_FICTION_CERTIFICATE_MONTHS = 3
#: Art. 6 Abs. 1 Schengener Grenzkodex: 90 Tage je Zeitraum von 180 Tagen.
VISA_FREE_DAYS = 90


@dataclass(frozen=True)
class PeriodEnd:
    """Das Ende einer Frist: rechnerisches Ende (``nominal``) und tatsächliches Ende (``due``)."""

    nominal: date
    due: date
    moved_because: str | None = None

    @property
    def moved(self) -> bool:
        return self.due != self.nominal


def _non_negative(value: int, field: str, label: Label) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise ValidationError("domain_deadlines_periods.not_a_count", field=field, label=label, value=value)
    return value


def nominal_end(event: date, *, days: int = 0, weeks: int = 0, months: int = 0, years: int = 0) -> date:
    """Rechnerisches Fristende ohne Verschiebung (§§ 187 Abs. 1, 188, 189 Abs. 2 BGB).

    - Ereignistag zählt nicht mit (§ 187 Abs. 1): a period of N days ends on event + N days.
    - Wochenfrist (§ 188 Abs. 2): ends on the same weekday N weeks later.
    - Monats-/Jahresfrist (§ 188 Abs. 2): ends on the day with the same number; if that day does
      not exist in the last month, on the month's last day (§ 188 Abs. 3) — relativedelta clamps
      exactly so (31.01. + 1 Monat = 28./29.02.).
    - Mixed periods add months and years first, then weeks and days (§ 189 Abs. 2).
    """
    parts = {
        "tage": _non_negative(days, "tage", Label("domain_deadlines_periods.label_days")),
        "wochen": _non_negative(weeks, "wochen", Label("domain_deadlines_periods.label_weeks")),
        "monate": _non_negative(months, "monate", Label("domain_deadlines_periods.label_months")),
        "jahre": _non_negative(years, "jahre", Label("domain_deadlines_periods.label_years")),
    }
    if not any(parts.values()):
        raise ValidationError("domain_deadlines_periods.empty_period", field="frist")
    result: date = event + relativedelta(years=years, months=months, weeks=weeks, days=days)
    return result


def period(
    event: date, *, days: int = 0, weeks: int = 0, months: int = 0, years: int = 0, calendar: WorkingDays
) -> PeriodEnd:
    """Fristende mit Begründung: rechnerisches Ende, nach § 193 BGB verschoben wenn nötig.

    Only the end moves, never the start. § 31 Abs. 3 Satz 2 VwVfG (no move where the authority
    named a fixed end day with reference to that rule) is not modelled: the program never does so.
    """
    nominal = nominal_end(event, days=days, weeks=weeks, months=months, years=years)
    due, reason = calendar.move_to_working_day(nominal)
    return PeriodEnd(nominal, due, reason)


def period_end(
    event: date, *, days: int = 0, weeks: int = 0, months: int = 0, years: int = 0, calendar: WorkingDays
) -> date:
    """Letzter Tag einer Frist nach §§ 187–193 BGB (siehe :func:`period`)."""
    return period(event, days=days, weeks=weeks, months=months, years=years, calendar=calendar).due


def remedy_period(notification: date, calendar: WorkingDays, instructions_correct: bool = True) -> PeriodEnd:
    """Widerspruchs- bzw. Klagefrist (§ 70, § 74 VwGO) ab dem Tag der Bekanntgabe.

    One month; one year where the Rechtsbehelfsbelehrung was missing or wrong (§ 58 Abs. 2 VwGO).
    Pass the *tracking day* of the Bekanntgabe (the later date, see ``notification_date``).
    """
    if instructions_correct:
        return period(notification, months=REMEDY_MONTHS, calendar=calendar)
    return period(notification, years=REMEDY_YEARS_DEFECTIVE, calendar=calendar)


def expiry_reminder_date(valid_until: date, weeks: int = DEFAULT_EXPIRY_REMINDER_WEEKS) -> date:
    """Erinnerungstermin N Wochen vor Ablauf eines Titels (Standard acht Wochen).

    Not moved for weekends or holidays: it is an internal reminder, not a Frist. The legal key date
    is ``valid_until`` itself — an extension applied for by then keeps the old title in force
    (Fiktionswirkung, § 81 Abs. 4 AufenthG).
    """
    _non_negative(weeks, "erinnerung_wochen", Label("domain_deadlines_periods.label_weeks"))
    return valid_until - timedelta(weeks=weeks)


def visa_free_stay_end(entry: date) -> date:
    """Letzter Tag des erlaubten visumfreien Aufenthalts: Einreisetag + 89 Tage.

    Reading: Art. 6 Abs. 1 Schengener Grenzkodex allows 90 days in any 180-day period, and the day
    of entry and the day of exit both count as days of stay. So the entry day is day 1 and day 90 is
    entry + 89 days (entry 01.01. → last day 31.03. in a common year). Assumes no earlier stay in the
    Schengen area within the preceding 180 days; earlier stays shorten it. A residence permit must be
    applied for before this day (§ 41 Abs. 3 AufenthV for the privileged states). This is not a
    procedural Frist under §§ 187 ff. BGB, so it is never moved for weekends or holidays.
    """
    return entry + timedelta(days=VISA_FREE_DAYS - 1)


def processing_due(applied_on: date, weeks: tuple[int, int]) -> tuple[date, date]:
    """Erwarteter Bearbeitungszeitraum aus dem Leistungskatalog, z. B. (6, 8) Wochen ab Antrag.

    Returns (frühestens, spätestens); an expectation shown to staff, never moved for holidays.
    """
    low, high = weeks
    _non_negative(low, "bearbeitungszeit_wochen", Label("domain_deadlines_periods.label_processing_time"))
    _non_negative(high, "bearbeitungszeit_wochen", Label("domain_deadlines_periods.label_processing_time"))
    if low > high:
        raise ValidationError(
            "domain_deadlines_periods.processing_span_invalid", field="bearbeitungszeit_wochen", low=low, high=high
        )
    return applied_on + timedelta(weeks=low), applied_on + timedelta(weeks=high)


def card_pickup_overdue(arrived_on: date, weeks: int = DEFAULT_CARD_WAITING_WEEKS) -> date:
    """Tag, ab dem ein eingegangener eAT als „nicht abgeholt“ gilt: Eingang + N Wochen (nicht verschoben)."""
    _non_negative(weeks, "abholung_wochen", Label("domain_deadlines_periods.label_waiting_time"))
    return arrived_on + timedelta(weeks=weeks)


def fiction_certificate_expiry(issued_on: date, months: int = DEFAULT_FICTION_CERTIFICATE_MONTHS) -> date:
    """Vorschlag für „gültig bis“ einer Fiktionsbescheinigung (§ 81 Abs. 5 AufenthG), Standard drei Monate.

    The certificate is valid from the day of issue, so that day counts (§ 187 Abs. 2 BGB analog):
    the validity ends on the day *before* the same-numbered day N months later (15.01. → 14.04.).
    Where that same-numbered day does not exist, the month's last day is the end (§ 188 Abs. 3 BGB:
    31.01. + 1 Monat → 28./29.02., 30.11. + 3 Monate → 28./29.02.). A validity date on a document,
    not a Frist: never moved for weekends or holidays.
    """
    if isinstance(months, bool) or not isinstance(months, int) or months < 1:
        raise ValidationError("domain_deadlines_periods.validity_too_short", field="monate", value=months)
    target_month: date = issued_on.replace(day=1) + relativedelta(months=months)
    last_day = _calendar.monthrange(target_month.year, target_month.month)[1]
    if issued_on.day > last_day:
        return target_month.replace(day=last_day)
    return target_month.replace(day=issued_on.day) - timedelta(days=1)


def follow_up(on: date, today: date) -> date:
    """Wiedervorlage an einem frei gewählten Tag; heute ist erlaubt, die Vergangenheit nicht."""
    if on < today:
        raise ValidationError(
            "domain_deadlines_periods.follow_up_in_past",
            field="wiedervorlage",
            on=on.isoformat(),
            day=on,
        )
    return on
