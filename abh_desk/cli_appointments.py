"""``abh-desk termine``: free slots of the responsible caseworker, booking and its changes, the
counter's day, a caseworker's week (also as an iCalendar file), and what the administration sets."""

from __future__ import annotations

import argparse
import re
import sys
from datetime import datetime, time, timedelta
from pathlib import Path
from typing import Any, TextIO

from abh_desk.cli_deadlines import _iso_date
from abh_desk.domain.appointments import WAITING, clock_text
from abh_desk.errors import ValidationError
from abh_desk.services import appointment_hours as appt_hours
from abh_desk.services import appointment_lists as appt_lists
from abh_desk.services import appointments as appts
from abh_desk.services.context import ServiceContext

_TIME = re.compile(r"(\d{1,2})[:.](\d{2})")


def _minute(text: str) -> int:
    match = _TIME.fullmatch(text.strip())
    if match is None or int(match.group(1)) > 23 or int(match.group(2)) > 59:
        raise ValidationError("cli_appointments.not_a_time", text=text, field="zeit")
    return int(match.group(1)) * 60 + int(match.group(2))


def add_parser(commands: Any) -> None:
    parser = commands.add_parser("termine", help="Termine: freie Zeiten, buchen, der Tag an der Theke, Wochen")
    actions = parser.add_subparsers(dest="termine", metavar="AKTION", required=True, parser_class=type(parser))

    def who(p: argparse.ArgumentParser) -> None:
        p.add_argument("--vorgang", metavar="AZ", help="Aktenzeichen (Person, Verfahren und Zuständigkeit daraus)")
        p.add_argument("--person", type=int, metavar="NR", help="Personennummer (ohne Vorgang)")
        p.add_argument("--anliegen", metavar="SCHLÜSSEL", help="Verfahren aus dem Katalog oder EAT-ABHOLUNG")

    frei = actions.add_parser("frei", help="die nächsten freien Termine der zuständigen Sachbearbeitung")
    who(frei)
    frei.add_argument("--ab", metavar="JJJJ-MM-TT", help="frühestens an diesem Tag")
    frei.add_argument("--anzahl", type=int, default=5, metavar="N", help="wie viele (Standard 5)")

    buchen = actions.add_parser("buchen", help="einen Termin buchen (--datum und --zeit, oder --erster-freier)")
    who(buchen)
    buchen.add_argument("--datum", metavar="JJJJ-MM-TT")
    buchen.add_argument("--zeit", metavar="HH:MM")
    buchen.add_argument("--erster-freier", action="store_true", help="den nächsten freien Termin")
    buchen.add_argument("--notiz", default="", metavar="TEXT")
    buchen.add_argument("--einladung", metavar="DATEI.pdf", help="die Einladung gleich als PDF schreiben")

    tag = actions.add_parser("tag", help="die Termine und Vorsprachen eines Tages (Standard heute)")
    tag.add_argument("--datum", metavar="JJJJ-MM-TT")
    tag.add_argument("--sachbearbeitung", metavar="NAME", help="nur eine Sachbearbeitung")

    woche = actions.add_parser("woche", help="die Woche einer Sachbearbeitung (auch als iCalendar-Datei)")
    woche.add_argument("benutzer", metavar="NAME")
    woche.add_argument("--ab", metavar="JJJJ-MM-TT", help="ein Tag der Woche (Standard heute)")
    woche.add_argument("--ical", metavar="DATEI.ics", help="die Woche als iCalendar-Datei für das Mailprogramm")

    umbuchen = actions.add_parser("umbuchen", help="einen Termin verlegen (mit Grund)")
    umbuchen.add_argument("nummer", type=int, metavar="NR")
    umbuchen.add_argument("--datum", required=True, metavar="JJJJ-MM-TT")
    umbuchen.add_argument("--zeit", required=True, metavar="HH:MM")
    umbuchen.add_argument("--grund", required=True, metavar="TEXT")

    absagen = actions.add_parser("absagen", help="einen Termin absagen (mit Grund)")
    absagen.add_argument("nummer", type=int, metavar="NR")
    absagen.add_argument("--grund", required=True, metavar="TEXT")

    for name, text in (
        ("ankunft", "die Person ist da (wartet)"),
        ("nicht-erschienen", "die Person ist nicht erschienen"),
        ("erledigt", "aufgerufen und erledigt"),
    ):
        step = actions.add_parser(name, help=text)
        step.add_argument("nummer", type=int, metavar="NR")

    vorsprache = actions.add_parser("vorsprache", help="eine Vorsprache ohne Termin: die nächste Wartenummer")
    who(vorsprache)
    vorsprache.add_argument("--notiz", default="", metavar="TEXT")

    einladung = actions.add_parser("einladung", help="die Einladung zu einem Termin als PDF")
    einladung.add_argument("nummer", type=int, metavar="NR")
    einladung.add_argument("--ausgabe", required=True, metavar="DATEI.pdf")

    dauer = actions.add_parser("dauer", help="Termindauern je Verfahren zeigen oder setzen (Administration)")
    dauer.add_argument("anliegen", nargs="?", metavar="SCHLÜSSEL")
    dauer.add_argument("minuten", nargs="?", metavar="MINUTEN|katalog")

    zeiten = actions.add_parser("sprechzeiten", help="eigene Terminzeiten und Raum einer Sachbearbeitung")
    zeiten.add_argument("benutzer", metavar="NAME")
    zeiten.add_argument(
        "zeiten", metavar="ZEITEN", help="z. B. „Mo-Fr 08:00-12:00; Do 14:00-18:00“ (leer: die der Behörde)"
    )
    zeiten.add_argument("--raum", default="", metavar="RAUM")

    abwesend = actions.add_parser("abwesend", help="eine Abwesenheit (Urlaub, Fortbildung) eintragen")
    abwesend.add_argument("benutzer", metavar="NAME")
    abwesend.add_argument("--von", required=True, metavar="JJJJ-MM-TT")
    abwesend.add_argument("--bis", required=True, metavar="JJJJ-MM-TT")
    abwesend.add_argument("--grund", required=True, metavar="TEXT")


def _who(ctx: ServiceContext, args: argparse.Namespace) -> tuple[int, int | None]:
    if args.vorgang:
        return appt_hours.find_case(ctx, args.vorgang)
    if args.person is None:
        raise ValidationError("cli_appointments.case_or_person", field="vorgang")
    return args.person, None


def _row(row: appt_lists.AppointmentRow) -> str:
    waited = f"{row.waited_minutes} min" if row.waited_minutes is not None and row.status == WAITING else ""
    return (
        f"{row.id}\t{row.time_text}\t{row.status_label}\t{row.person_name}\t{row.file_number or ''}\t"
        f"{row.caseworker_name}\t{row.purpose_name}\t{waited}"
    )


def run(ctx: ServiceContext, args: argparse.Namespace, out: TextIO) -> int:
    action = args.termine
    if action == "frei":
        person, case = _who(ctx, args)
        after = datetime.combine(_iso_date(args.ab), time(0)) if args.ab else None
        offer = appt_hours.free_slots(ctx, person, args.anliegen, case, after, max(1, min(args.anzahl, 50)))
        print(f"{offer.purpose_name}, {offer.minutes} Minuten; zuständig: {offer.owner_name}", file=sys.stderr)
        for slot in offer.slots:
            print(
                f"{slot.day.isoformat()}\t{clock_text(slot.start)}\t{slot.minutes}\t{slot.caseworker_name}"
                + (f"\tVertretung für {slot.deputy_for}" if slot.deputy_for else ""),
                file=out,
            )
        if not offer.slots:
            print("Kein freier Termin in den nächsten Monaten.", file=sys.stderr)
        return 0
    if action == "buchen":
        person, case = _who(ctx, args)
        if args.erster_freier:
            offer = appt_hours.free_slots(ctx, person, args.anliegen, case, count=1)
            if not offer.slots:
                raise ValidationError("cli_appointments.no_free_slot")
            day, start = offer.slots[0].day, offer.slots[0].start
        elif args.datum and args.zeit:
            day, start = _iso_date(args.datum), _minute(args.zeit)
        else:
            raise ValidationError("cli_appointments.date_and_time", field="datum")
        row = appts.book(ctx, person, day, start, args.anliegen, case, args.notiz)
        print(
            f"Termin {row.id} gebucht: {row.slot}, {row.caseworker_name}"
            + (f", Raum {row.room}" if row.room else "")
            + f" – {row.person_name}, {row.purpose_name}",
            file=out,
        )
        if args.einladung:
            _write_invitation(ctx, row.id, args.einladung, out)
        return 0
    if action == "tag":
        listing = appt_lists.day_list(ctx, _iso_date(args.datum) if args.datum else None, args.sachbearbeitung)
        for row in listing.rows:
            print(_row(row), file=out)
        print(
            f"{len(listing.rows)} Termine und Vorsprachen am {listing.day:%d.%m.%Y}, {len(listing.waiting)} warten.",
            file=sys.stderr,
        )
        return 0
    if action == "woche":
        day = _iso_date(args.ab) if args.ab else ctx.today()
        monday = day - timedelta(days=day.weekday())
        rows = appt_lists.week(ctx, args.benutzer, monday)
        for row in rows:
            print(f"{row.day.isoformat()}\t{_row(row)}", file=out)
        if args.ical:
            from abh_desk.services.appointment_calendar import week_calendar

            Path(args.ical).write_bytes(week_calendar(ctx, args.benutzer, monday))
            print(f"Kalenderdatei geschrieben: {args.ical}", file=sys.stderr)
        return 0
    if action == "umbuchen":
        row = appts.rebook(ctx, args.nummer, _iso_date(args.datum), _minute(args.zeit), args.grund)
        print(f"Termin {row.id} verlegt auf {row.slot}, {row.caseworker_name}.", file=out)
        return 0
    if action == "absagen":
        row = appts.cancel(ctx, args.nummer, args.grund)
        print(f"Termin {row.id} abgesagt.", file=out)
        return 0
    if action in ("ankunft", "nicht-erschienen", "erledigt"):
        step = {"ankunft": appts.check_in, "nicht-erschienen": appts.no_show, "erledigt": appts.finish}[action]
        row = step(ctx, args.nummer)
        print(f"Termin {row.id}: {row.status_label}.", file=out)
        return 0
    if action == "vorsprache":
        person, case = _who(ctx, args)
        row = appts.walk_in(ctx, person, args.anliegen, case, args.notiz)
        print(f"Wartenummer {row.waiting_number} – {row.person_name} ({row.caseworker_name}).", file=out)
        return 0
    if action == "einladung":
        _write_invitation(ctx, args.nummer, args.ausgabe, out)
        return 0
    if action == "dauer":
        if args.anliegen and args.minuten:
            minutes = None if args.minuten == "katalog" else _int(args.minuten)
            now = appt_hours.set_slot_length(ctx, args.anliegen, minutes)
            print(f"{args.anliegen}: {now} Minuten.", file=out)
            return 0
        for key, name, minutes, own in appt_hours.slot_lengths(ctx):
            if not args.anliegen or key == args.anliegen:
                print(f"{key}\t{minutes}\t{'Behörde' if own else 'Katalog'}\t{name}", file=out)
        return 0
    if action == "sprechzeiten":
        cal = appt_hours.set_caseworker_calendar(ctx, args.benutzer, args.zeiten, args.raum)
        print(f"{cal.display_name}: {cal.hours or 'Sprechzeiten der Behörde'}; Raum {cal.room or '–'}.", file=out)
        return 0
    if action == "abwesend":
        appt_hours.add_absence(ctx, args.benutzer, _iso_date(args.von), _iso_date(args.bis), args.grund)
        print(f"Abwesenheit eingetragen: {args.benutzer}, {args.von} bis {args.bis}.", file=out)
        return 0
    raise ValidationError("cli_appointments.unknown_action", action=action)


def _int(text: str) -> int:
    try:
        return int(text)
    except ValueError:
        raise ValidationError("cli_appointments.not_minutes", text=text, field="minuten") from None


def _write_invitation(ctx: ServiceContext, appointment_id: int, path: str, out: TextIO) -> None:
    from abh_desk.services.appointment_letters import invitation_pdf

    Path(path).write_bytes(invitation_pdf(ctx, appointment_id))
    print(f"Einladung geschrieben: {path}", file=out)


__all__ = ["add_parser", "run"]
