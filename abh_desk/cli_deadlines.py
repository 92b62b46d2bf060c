"""``abh-desk frist …``: the deadline engine from the command line; each prints one ISO date."""

from __future__ import annotations

import argparse
import dataclasses
from datetime import date
from typing import Any, TextIO

from abh_desk.clock import FixedClock
from abh_desk.domain.deadlines import (
    WorkingDays,
    default_bekanntgabe_rules,
    expiry_reminder_date,
    notification_date,
    remedy_period,
)
from abh_desk.domain.deadlines_calendar import LOCAL_HOLIDAYS
from abh_desk.errors import ValidationError
from abh_desk.services.context import ServiceContext

#: Dates the command takes: wide enough for any file, narrow enough that a period counted from it
#: stays inside the calendar (a date of year 9999 plus a month overflowed).
FIRST_DATE, LAST_DATE = date(1900, 1, 1), date(2199, 12, 31)


def _iso_date(text: str) -> date:
    try:
        day = date.fromisoformat(text)
    except ValueError:
        raise ValidationError("cli_deadlines.not_a_date", text=text) from None
    if not FIRST_DATE <= day <= LAST_DATE:
        raise ValidationError("cli_deadlines.date_out_of_range", day=day, first=FIRST_DATE, last=LAST_DATE)
    return day


def on_key_date(ctx: ServiceContext, stichtag: str | None, changes: bool = False) -> ServiceContext:
    """The context as of ``--stichtag`` (its clock stands on that day), or unchanged without one.
    A command that changes data may look back but not ahead: finality or a deletion on a day
    that has not come yet would act before the law allows."""
    if not stichtag:
        return ctx
    day = _iso_date(stichtag)
    if changes and day > ctx.today():
        raise ValidationError("cli_deadlines.key_date_in_future", day=day)
    return dataclasses.replace(ctx, clock=FixedClock(day))


def add_parser(commands: Any) -> None:
    frist = commands.add_parser("frist", help="Fristen berechnen (gibt ein Datum JJJJ-MM-TT aus)")
    kinds = frist.add_subparsers(dest="frist", metavar="ART", required=True, parser_class=type(frist))
    bekanntgabe = kinds.add_parser("bekanntgabe", help="Tag der Bekanntgabe eines per Post versandten Bescheids")
    bekanntgabe.add_argument("--aufgabe", required=True, metavar="JJJJ-MM-TT", help="Tag der Aufgabe zur Post")
    bekanntgabe.add_argument("--land", required=True, metavar="XX", help="Land der Behörde, z. B. BW")
    widerspruch = kinds.add_parser("widerspruch", help="Ende der Widerspruchs- bzw. Klagefrist")
    widerspruch.add_argument("--bekanntgabe", required=True, metavar="JJJJ-MM-TT")
    widerspruch.add_argument("--land", required=True, metavar="XX")
    for sub in (bekanntgabe, widerspruch):
        sub.add_argument(
            "--ortsfeiertage",
            choices=sorted({key for local in LOCAL_HOLIDAYS.values() for key in local}),
            help="Feiertage nur am Sitz der Behörde: katholisch (BY: Mariä Himmelfahrt; SN, TH: Fronleichnam), "
            "augsburg",
        )
    widerspruch.add_argument(
        "--ohne-rechtsbehelfsbelehrung",
        action="store_true",
        help="Rechtsbehelfsbelehrung fehlte oder war fehlerhaft: ein Jahr (§ 58 Abs. 2 VwGO)",
    )
    erinnerung = kinds.add_parser("erinnerung", help="Erinnerung vor Ablauf eines Aufenthaltstitels")
    erinnerung.add_argument("--ablauf", required=True, metavar="JJJJ-MM-TT", help="letzter Gültigkeitstag")
    erinnerung.add_argument("--wochen", type=int, default=8, metavar="N", help="Wochen vorher (Standard 8)")


def run(args: argparse.Namespace, out: TextIO) -> int:
    if args.frist == "bekanntgabe":
        calendar = WorkingDays(args.land, args.ortsfeiertage or "")
        dates = notification_date(_iso_date(args.aufgabe), calendar.land, default_bekanntgabe_rules(), calendar)
        result = dates.legal_day
    elif args.frist == "widerspruch":
        calendar = WorkingDays(args.land, args.ortsfeiertage or "")
        # The Rechtsbehelfsfrist from the day of the Bekanntgabe given (from a dispatch day:
        # ``compute(DeadlineKind.REMEDY_PERIOD, …)``, which derives the Bekanntgabe first).
        result = remedy_period(
            _iso_date(args.bekanntgabe), calendar, instructions_correct=not args.ohne_rechtsbehelfsbelehrung
        ).due
    else:
        if not 1 <= args.wochen <= 52:
            raise ValidationError("cli_deadlines.weeks_range")
        result = expiry_reminder_date(_iso_date(args.ablauf), args.wochen)
    print(result.isoformat(), file=out)
    return 0
