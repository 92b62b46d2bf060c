"""Bekanntgabe eines schriftlichen Verwaltungsakts (§ 41 Abs. 2 VwVfG, Zustellung nach VwZG).

A notice posted in Germany counts as bekanntgegeben on the N-th day after it was handed to the post
(Zugangsfiktion): the fourth day for letters posted from 1 January 2025, the third day before
(Postrechtsmodernisierungsgesetz). Each Land applies its own VwVfG, which may follow later, so the
number of days is kept per Land with an effective date in ``resources/deadlines/bekanntgabe.toml``
(see ``deadlines_rules``).

Courts disagree whether the fiction day moves when it falls on a weekend or holiday. The program
keeps both dates: the *legal fiction day* and the *tracking day* (the fiction day moved to the next
working day) and computes finality from the later one, so a notice is never treated as final early.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

from abh_desk.domain.deadlines_calendar import WorkingDays, german_date, normalize_land
from abh_desk.domain.deadlines_rules import BekanntgabeRules
from abh_desk.error_texts import Label
from abh_desk.errors import ValidationError


class DispatchMethod(StrEnum):
    """Wie ein Bescheid das Haus verlässt."""

    POST = "post"  # einfacher Brief, § 41 Abs. 2 VwVfG
    PZU = "pzu"  # Postzustellungsurkunde, § 3 VwZG
    PERSONAL = "persoenlich"  # Aushändigung an der Amtsstelle, § 5 VwZG


DISPATCH_METHOD_LABELS = {
    DispatchMethod.POST: Label("domain_deadlines_bekanntgabe.dispatch_post"),
    DispatchMethod.PZU: Label("domain_deadlines_bekanntgabe.label_formal_service"),
    DispatchMethod.PERSONAL: Label("domain_deadlines_bekanntgabe.dispatch_personal"),
}


@dataclass(frozen=True)
class NotificationDates:
    """Die Bekanntgabe eines Bescheids.

    ``legal_day`` is the day the law names (Zugangsfiktion, date on the Zustellungsurkunde, handover
    day); ``tracking_day`` is the day from which the program counts the remedy period — equal to
    ``legal_day`` unless a fiction day on a weekend or holiday was moved to the next working day.
    """

    method: DispatchMethod
    dispatched_on: date
    legal_day: date
    tracking_day: date
    fiction_days: int | None = None
    moved_because: str | None = None

    @property
    def moved(self) -> bool:
        return self.tracking_day != self.legal_day

    def describe(self) -> str:
        """Deutsche Beschreibung für Protokoll und Fristnotiz."""
        when = german_date(self.dispatched_on)
        if self.method is DispatchMethod.POST:
            text = f"Bekanntgabe am {german_date(self.legal_day)}"
            if self.fiction_days is not None:
                text += f" ({self.fiction_days}. Tag nach Aufgabe zur Post am {when}, § 41 Abs. 2 VwVfG)"
            else:
                text += f" (tatsächlicher Zugang; Aufgabe zur Post am {when})"
        elif self.method is DispatchMethod.PZU:
            text = f"Zustellung mit Postzustellungsurkunde am {german_date(self.legal_day)} (abgesandt am {when})"
        else:
            text = f"Persönliche Aushändigung am {german_date(self.legal_day)}"
        if self.moved:
            text += f"; für die Fristberechnung maßgeblich: {german_date(self.tracking_day)} ({self.moved_because})"
        return text


def _require_delivery(dispatched: date, delivered_on: date | None, label: Label) -> date:
    if delivered_on is None:
        raise ValidationError("domain_deadlines_bekanntgabe.delivery_date_missing", field="zugestellt_am", label=label)
    if delivered_on < dispatched:
        raise ValidationError(
            "domain_deadlines_bekanntgabe.delivered_before_dispatch",
            field="zugestellt_am",
            delivered_on=delivered_on,
            dispatched=dispatched,
        )
    return delivered_on


def notification_date(
    posted: date,
    land: str,
    rules: BekanntgabeRules,
    calendar: WorkingDays,
    *,
    method: DispatchMethod = DispatchMethod.POST,
    delivered_on: date | None = None,
) -> NotificationDates:
    """Tag der Bekanntgabe für einen Bescheid, der am Tag ``posted`` versandt oder ausgehändigt wurde.

    - POST (§ 41 Abs. 2 Satz 1 VwVfG, a letter posted in Germany): the fiction day is ``posted``
      + N days, N from ``rules`` for the Land and the posting date; the tracking day is that day
      moved to the next working day.
      If ``delivered_on`` is given and later than the fiction day (the letter demonstrably arrived
      later, § 41 Abs. 2 Satz 3), the actual receipt is the Bekanntgabe. An earlier receipt does not
      shorten the fiction.
    - PZU (§ 3 VwZG, §§ 177–182 ZPO): ``delivered_on`` — the date on the Zustellungsurkunde — is
      the Bekanntgabe, also on a Saturday (a delivery on any day is effective; only ends move).
    - PERSONAL (§ 5 VwZG): the handover day; ``delivered_on`` defaults to ``posted``.
    """
    method = DispatchMethod(method)
    code = normalize_land(land)
    if code != calendar.land:
        raise ValidationError(
            "domain_deadlines_bekanntgabe.land_mismatch", field="land", rule_land=code, calendar_land=calendar.land
        )
    if method is DispatchMethod.PZU:
        day = _require_delivery(posted, delivered_on, Label("domain_deadlines_bekanntgabe.label_formal_service"))
        return NotificationDates(method, posted, day, day)
    if method is DispatchMethod.PERSONAL:
        day = _require_delivery(
            posted,
            posted if delivered_on is None else delivered_on,
            Label("domain_deadlines_bekanntgabe.label_handover"),
        )
        return NotificationDates(method, posted, day, day)
    days = rules.days_for(code, posted)
    fiction = posted + timedelta(days=days)
    tracking, reason = calendar.move_to_working_day(fiction)
    if (
        delivered_on is not None
        and _require_delivery(posted, delivered_on, Label("domain_deadlines_bekanntgabe.label_delivery")) > fiction
    ):
        # Later actual receipt replaces the fiction; tracking still takes the later of the two days.
        later = max(delivered_on, tracking)
        why = None if later == delivered_on else reason
        return NotificationDates(method, posted, delivered_on, later, None, why)
    return NotificationDates(method, posted, fiction, tracking, days, reason)
