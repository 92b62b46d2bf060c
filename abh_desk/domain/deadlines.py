"""Fristen: the pure deadline engine (no database, no Qt).

Legal frame (domain.md §6): § 31 Abs. 1 VwVfG and § 57 Abs. 2 VwGO / § 222 ZPO refer to
§§ 187–193 BGB; Bekanntgabe follows § 41 Abs. 2 VwVfG. The building blocks live in

* ``deadlines_calendar`` — ``WorkingDays``: Werktage and Feiertage of the office's Land,
* ``deadlines_periods`` — ``period_end`` and the dates that never move,
* ``deadlines_rules`` — the per-Land Bekanntgabe rules from ``resources/deadlines/bekanntgabe.toml``,
* ``deadlines_bekanntgabe`` — ``notification_date`` for post, PZU and personal handover,

and this module ties them together: ``compute(kind, event, context)`` gives a service everything
it stores for a new Frist, including a German explanation when an end was moved.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from abh_desk.domain.deadlines_bekanntgabe import (
    DISPATCH_METHOD_LABELS,
    DispatchMethod,
    NotificationDates,
    notification_date,
)
from abh_desk.domain.deadlines_calendar import LAENDER, WorkingDays, german_date, normalize_land
from abh_desk.domain.deadlines_periods import (
    DEFAULT_CARD_WAITING_WEEKS,
    DEFAULT_EXPIRY_REMINDER_WEEKS,
    DEFAULT_FICTION_CERTIFICATE_MONTHS,
    PeriodEnd,
    card_pickup_overdue,
    expiry_reminder_date,
    fiction_certificate_expiry,
    follow_up,
    nominal_end,
    period,
    period_end,
    processing_due,
    remedy_period,
    visa_free_stay_end,
)
from abh_desk.domain.deadlines_rules import (
    BekanntgabeRule,
    BekanntgabeRules,
    default_bekanntgabe_rules,
    load_bekanntgabe_rules,
    parse_bekanntgabe_rules,
)
from abh_desk.domain.enums import DeadlineKind
from abh_desk.errors import ValidationError

DEFAULT_HEARING_WEEKS = 2

__all__ = [
    "DEFAULT_CARD_WAITING_WEEKS",
    "DEFAULT_EXPIRY_REMINDER_WEEKS",
    "DEFAULT_FICTION_CERTIFICATE_MONTHS",
    "DEFAULT_HEARING_WEEKS",
    "DISPATCH_METHOD_LABELS",
    "LAENDER",
    "BekanntgabeRule",
    "BekanntgabeRules",
    "ComputedDeadline",
    "DeadlineContext",
    "DispatchMethod",
    "NotificationDates",
    "PeriodEnd",
    "WorkingDays",
    "card_pickup_overdue",
    "compute",
    "default_bekanntgabe_rules",
    "expiry_reminder_date",
    "fiction_certificate_expiry",
    "follow_up",
    "german_date",
    "hearing_deadline",
    "load_bekanntgabe_rules",
    "nominal_end",
    "normalize_land",
    "notification_date",
    "parse_bekanntgabe_rules",
    "period",
    "period_end",
    "processing_due",
    "remedy_period",
    "visa_free_stay_end",
]


@dataclass(frozen=True)
class ComputedDeadline:
    """Eine berechnete Frist, bereit zum Speichern und Anzeigen.

    ``start`` is the day the period runs from (for remedy and hearing periods: the Bekanntgabe
    tracking day), ``nominal`` the computed end before § 193 BGB, ``due`` the day that counts, and
    ``moved_because`` a German reason such as „Sonntag“ or „Fronleichnam (Feiertag in BW)“.
    ``earliest`` is set for ranges (Bearbeitungszeit), ``notification`` where a Bekanntgabe was derived.
    """

    kind: DeadlineKind
    due: date
    nominal: date
    start: date
    basis: str
    moved_because: str | None = None
    earliest: date | None = None
    notification: NotificationDates | None = None

    @property
    def moved(self) -> bool:
        return self.due != self.nominal

    @property
    def note(self) -> str:
        """Deutsche Notiz: Rechtsgrundlage, ggf. Bekanntgabe und Verschiebung."""
        parts = [self.basis]
        if self.notification is not None:
            parts.append(self.notification.describe())
        if self.earliest is not None:
            parts.append(f"frühestens {german_date(self.earliest)}, spätestens {german_date(self.due)}")
        if self.moved:
            parts.append(
                f"rechnerisches Ende {german_date(self.nominal)} ({self.moved_because}), "
                f"verschoben auf {german_date(self.due)} (§ 193 BGB)"
            )
        return "; ".join(parts) + "."


@dataclass(frozen=True)
class DeadlineContext:
    """Was eine Fristberechnung außer dem Ereignisdatum braucht; Standardwerte nach domain.md §6.

    ``rules`` defaults to the shipped ``bekanntgabe.toml``; ``today`` is needed for FOLLOW_UP only;
    ``processing_weeks`` for PROCESSING only (from the catalogue entry).
    """

    calendar: WorkingDays
    rules: BekanntgabeRules | None = None
    method: DispatchMethod = DispatchMethod.POST
    delivered_on: date | None = None
    instructions_correct: bool = True
    hearing_weeks: int = DEFAULT_HEARING_WEEKS
    reminder_weeks: int = DEFAULT_EXPIRY_REMINDER_WEEKS
    processing_weeks: tuple[int, int] | None = None
    card_weeks: int = DEFAULT_CARD_WAITING_WEEKS
    fiction_months: int = DEFAULT_FICTION_CERTIFICATE_MONTHS
    today: date | None = None

    @classmethod
    def for_land(cls, land: str, rules: BekanntgabeRules | None = None, local: str = "") -> DeadlineContext:
        """Kontext mit einem neuen Werktagskalender für das Land der Behörde und die örtlichen
        Feiertage an ihrem Sitz (Rest: ``dataclasses.replace``)."""
        return cls(WorkingDays(land, local), rules)

    def bekanntgabe(self, dispatched: date) -> NotificationDates:
        rules = default_bekanntgabe_rules() if self.rules is None else self.rules
        return notification_date(
            dispatched, self.calendar.land, rules, self.calendar, method=self.method, delivered_on=self.delivered_on
        )


def hearing_deadline(
    sent: date,
    calendar: WorkingDays,
    weeks: int = DEFAULT_HEARING_WEEKS,
    posted: bool = True,
    land: str | None = None,
    rules: BekanntgabeRules | None = None,
) -> date:
    """Ende der Anhörungsfrist (§ 28 Abs. 1 VwVfG), Standard zwei Wochen, nach § 193 BGB verschoben.

    The period runs from the Bekanntgabe of the hearing letter: for a posted letter from the
    tracking day of the Zugangsfiktion (§ 41 Abs. 2 VwVfG, ``rules`` default to the shipped file),
    otherwise (handed over) from ``sent``.
    """
    start = sent
    if posted:
        used = default_bekanntgabe_rules() if rules is None else rules
        start = notification_date(sent, land or calendar.land, used, calendar).tracking_day
    return period_end(start, weeks=weeks, calendar=calendar)


def _from_period(kind: DeadlineKind, end: PeriodEnd, basis: str, notification: NotificationDates) -> ComputedDeadline:
    start = notification.tracking_day
    return ComputedDeadline(kind, end.due, end.nominal, start, basis, end.moved_because, notification=notification)


def _fixed(kind: DeadlineKind, start: date, due: date, basis: str) -> ComputedDeadline:
    return ComputedDeadline(kind, due, due, start, basis)


def _remedy(event: date, ctx: DeadlineContext) -> ComputedDeadline:
    notice = ctx.bekanntgabe(event)
    end = remedy_period(notice.tracking_day, ctx.calendar, ctx.instructions_correct)
    basis = (
        "Rechtsbehelfsfrist ein Monat nach Bekanntgabe (§§ 70, 74 VwGO)"
        if ctx.instructions_correct
        else "Rechtsbehelfsfrist ein Jahr, Rechtsbehelfsbelehrung fehlt oder ist unrichtig (§ 58 Abs. 2 VwGO)"
    )
    return _from_period(DeadlineKind.REMEDY_PERIOD, end, basis, notice)


def _hearing(event: date, ctx: DeadlineContext) -> ComputedDeadline:
    notice = ctx.bekanntgabe(event)
    end = period(notice.tracking_day, weeks=ctx.hearing_weeks, calendar=ctx.calendar)
    basis = f"Anhörungsfrist {ctx.hearing_weeks} Wochen nach Bekanntgabe (§ 28 VwVfG)"
    return _from_period(DeadlineKind.HEARING, end, basis, notice)


def _expiry(event: date, ctx: DeadlineContext) -> ComputedDeadline:
    due = expiry_reminder_date(event, ctx.reminder_weeks)
    basis = f"Erinnerung {ctx.reminder_weeks} Wochen vor Ablauf am {german_date(event)} (§ 81 Abs. 4 AufenthG)"
    return _fixed(DeadlineKind.EXPIRY_REMINDER, event, due, basis)


def _visa_free(event: date, ctx: DeadlineContext) -> ComputedDeadline:
    basis = f"Letzter Tag des visumfreien Aufenthalts (90 Tage ab Einreise am {german_date(event)})"
    return _fixed(DeadlineKind.VISA_FREE_STAY, event, visa_free_stay_end(event), basis)


def _processing(event: date, ctx: DeadlineContext) -> ComputedDeadline:
    if ctx.processing_weeks is None:
        raise ValidationError("domain_deadlines.no_processing_time", field="bearbeitungszeit")
    low, high = ctx.processing_weeks
    earliest, latest = processing_due(event, ctx.processing_weeks)
    basis = f"Erwartete Bearbeitungszeit {low}–{high} Wochen ab Antrag"
    return ComputedDeadline(DeadlineKind.PROCESSING, latest, latest, event, basis, earliest=earliest)


def _card(event: date, ctx: DeadlineContext) -> ComputedDeadline:
    basis = f"eAT seit {ctx.card_weeks} Wochen nicht abgeholt"
    return _fixed(DeadlineKind.CARD_WAITING, event, card_pickup_overdue(event, ctx.card_weeks), basis)


def _fiction(event: date, ctx: DeadlineContext) -> ComputedDeadline:
    due = fiction_certificate_expiry(event, ctx.fiction_months)
    basis = f"Fiktionsbescheinigung gültig {ctx.fiction_months} Monate ab Ausstellung (§ 81 Abs. 5 AufenthG)"
    return _fixed(DeadlineKind.FICTION_CERTIFICATE, event, due, basis)


def _follow_up(event: date, ctx: DeadlineContext) -> ComputedDeadline:
    if ctx.today is None:
        raise ValidationError("domain_deadlines.no_today", field="heute")
    return _fixed(DeadlineKind.FOLLOW_UP, ctx.today, follow_up(event, ctx.today), "Wiedervorlage")


_COMPUTERS: dict[DeadlineKind, Callable[[date, DeadlineContext], ComputedDeadline]] = {
    DeadlineKind.REMEDY_PERIOD: _remedy,
    DeadlineKind.HEARING: _hearing,
    DeadlineKind.EXPIRY_REMINDER: _expiry,
    DeadlineKind.VISA_FREE_STAY: _visa_free,
    DeadlineKind.PROCESSING: _processing,
    DeadlineKind.CARD_WAITING: _card,
    DeadlineKind.FICTION_CERTIFICATE: _fiction,
    DeadlineKind.FOLLOW_UP: _follow_up,
}


def compute(kind: DeadlineKind, event: date, context: DeadlineContext) -> ComputedDeadline:
    """Berechnet eine Frist aus ihrem auslösenden Ereignis.

    The event per kind: REMEDY_PERIOD and HEARING — the dispatch day of the letter (posting,
    PZU dispatch with ``context.delivered_on``, or personal handover per ``context.method``);
    EXPIRY_REMINDER — the title's valid-until date; VISA_FREE_STAY — the entry day; PROCESSING —
    the application day; CARD_WAITING — the card's arrival; FICTION_CERTIFICATE — the issue day;
    FOLLOW_UP — the chosen date itself.
    """
    try:
        computer = _COMPUTERS[DeadlineKind(kind)]
    except (KeyError, ValueError) as exc:
        raise ValidationError("domain_deadlines.unknown_kind", field="art", kind=kind) from exc
    return computer(event, context)
