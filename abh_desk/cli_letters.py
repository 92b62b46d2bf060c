"""``abh-desk schreiben ART (--vorgang AKTENZEICHEN | --probe) [--land XX] --ausgabe DATEI.pdf`` and
``abh-desk bescheide``: letters on the command line.

A rejection comes out exactly as stored: marked ENTWURF until a team lead approved it — the command
line offers no way around the four eyes. ``--probe`` prints a sample letter from built-in data with
the office's letterhead, for an administrator checking text blocks, letterhead and a Land's
Rechtsbehelfsbelehrung.
"""

from __future__ import annotations

import argparse
from dataclasses import replace
from pathlib import Path
from typing import Any, TextIO

from abh_desk.cli_deadlines import on_key_date
from abh_desk.domain.deadlines import LAENDER
from abh_desk.domain.enums import LetterKind, LetterStatus
from abh_desk.domain.notice_flow import STATUS_LABELS
from abh_desk.errors import NotFound, ValidationError
from abh_desk.services.case_letters import case_letters, create_missing_documents_letter, letter_pdf
from abh_desk.services.case_status import find_case
from abh_desk.services.context import ServiceContext
from abh_desk.services.e_file import person_of_case
from abh_desk.services.letterhead import office_letterhead
from abh_desk.services.notice_dispatch import finalize_due_notices, notice_register
from abh_desk.services.reminder_letters import reminder_of_case
from abh_desk.services.textblocks import office_textblocks

KINDS: dict[str, LetterKind] = {
    "ablehnung": LetterKind.REJECTION,
    "anhoerung": LetterKind.HEARING,
    "nachforderung": LetterKind.MISSING_DOCUMENTS,
    "erinnerung": LetterKind.EXPIRY_REMINDER,
    "abholung": LetterKind.CARD_PICKUP,
}


def add_parsers(commands: Any) -> None:
    letter = commands.add_parser("schreiben", help="ein Schreiben als PDF ausgeben (eines Vorgangs oder als Probe)")
    letter.add_argument("art", choices=list(KINDS), metavar="ART", help=", ".join(KINDS))
    source = letter.add_mutually_exclusive_group(required=True)
    source.add_argument("--vorgang", metavar="AKTENZEICHEN", help="das Schreiben dieses Vorgangs")
    source.add_argument("--probe", action="store_true", help="Probeschreiben aus eingebauten Beispieldaten")
    letter.add_argument("--land", metavar="XX", help="Rechtsbehelfsbelehrung dieses Landes (nur mit --probe)")
    letter.add_argument("--ausgabe", required=True, metavar="DATEI.pdf", help="wohin das PDF geschrieben wird")

    court = commands.add_parser(
        "aktenvorlage",
        help="die Akte für das Gericht (§ 99 VwGO) als ein PDF: Deckblatt, Inhalt, alle Stücke, Seitenzahlen",
    )
    court.add_argument("vorgang", metavar="AKTENZEICHEN", help="ein Aktenzeichen der Person (ihre ganze Akte)")
    court.add_argument("--ausgabe", required=True, metavar="DATEI.pdf", help="wohin das PDF geschrieben wird")
    court.add_argument("--nur", nargs="+", default=None, metavar="AZ", help="nur diese Vorgänge der Person")
    court.add_argument("--gericht-az", default="", metavar="TEXT", help="das Aktenzeichen des Gerichts")

    notices = commands.add_parser(
        "bescheide", help="Ablehnungsbescheide mit ihrem Stand; --bestandskraft prüft abgelaufene Fristen"
    )
    notices.add_argument(
        "--bestandskraft", action="store_true", help="Bescheide mit ungenutzt abgelaufener Frist bestandskräftig setzen"
    )
    notices.add_argument("--stichtag", metavar="JJJJ-MM-TT", help="Stichtag statt heute")


def run_court_file(ctx: ServiceContext, args: argparse.Namespace, out: TextIO) -> int:
    """Die Aktenvorlage: the person of the case named, whole or only the cases given with ``--nur``."""
    from abh_desk.services.court_file import build_court_file  # reportlab and pypdf only for this command

    person_id = person_of_case(ctx, find_case(ctx, args.vorgang))
    cases = {find_case(ctx, number) for number in args.nur} if args.nur else None
    result = build_court_file(ctx, person_id, Path(args.ausgabe), case_ids=cases, court_reference=args.gericht_az)
    print(f"Aktenvorlage {result.target}: {result.pieces} Stücke, {result.pages} Seiten (protokolliert).", file=out)
    return 0


def run_letter(ctx: ServiceContext, args: argparse.Namespace, out: TextIO) -> int:
    kind = KINDS[args.art]
    target = Path(args.ausgabe)
    if not target.parent.is_dir():
        raise ValidationError("cli_letters.no_such_directory", parent=target.parent, field="ausgabe")
    if target.is_dir():
        raise ValidationError("cli_letters.target_is_directory", target=target, field="ausgabe")
    if args.probe:
        pdf = _probe(ctx, kind, args.land)
        note = "Probeschreiben (ENTWURF) aus Beispieldaten"
    else:
        if args.land:
            raise ValidationError("cli_letters.land_only_with_sample", field="land")
        pdf, note = _of_case(ctx, kind, args.vorgang)
    target.write_bytes(pdf)
    size = f"{len(pdf):,}".replace(",", ".")
    print(f"{target}: {note}, {size} Bytes", file=out)
    return 0


def _probe(ctx: ServiceContext, kind: LetterKind, land: str | None) -> bytes:
    from letters import samples  # reportlab only for a letter, not for every command
    from letters.render import RENDERERS

    with ctx.db.read() as session:
        head = office_letterhead(session)
        blocks = office_textblocks(session)
    if land:
        land = land.upper()
        if land not in LAENDER:
            raise ValidationError("cli_letters.unknown_land", land=land, known=", ".join(LAENDER), field="land")
        if land != head.land:  # another Land's court: the sample table's, where the office has none
            head = replace(head, land=land, court=samples.COURTS.get(land, head.court))
    return RENDERERS[kind.value](replace(samples.SAMPLES[kind.value](), letterhead=head, draft=True), blocks=blocks)


def _of_case(ctx: ServiceContext, kind: LetterKind, file_number: str) -> tuple[bytes, str]:
    case_id = find_case(ctx, file_number)
    if kind == LetterKind.MISSING_DOCUMENTS:
        row = create_missing_documents_letter(ctx, case_id)
        return letter_pdf(ctx, row.id), "Nachforderung erstellt und beim Vorgang gespeichert"
    if kind == LetterKind.EXPIRY_REMINDER:
        return reminder_of_case(ctx, case_id), "Erinnerung erstellt (im Verlauf vermerkt)"
    stored = next((row for row in case_letters(ctx, case_id) if row.kind == kind), None)  # the latest
    if stored is None:
        key = {
            LetterKind.REJECTION: "cli_letters.no_rejection",
            LetterKind.HEARING: "cli_letters.no_hearing",
            LetterKind.CARD_PICKUP: "cli_letters.no_pickup_notice",
        }.get(kind, "cli_letters.no_such_letter")
        raise NotFound(key, file_number=file_number)
    note, status = "gespeichertes Schreiben", LetterStatus(stored.status)
    if kind == LetterKind.REJECTION:
        note = f"Stand „{STATUS_LABELS[status]}“" + (
            ""
            if status not in (LetterStatus.DRAFT, LetterStatus.HEARING, LetterStatus.IN_REVIEW, LetterStatus.RETURNED)
            else " – ENTWURF, noch nicht von der Teamleitung freigegeben"
        )
    return letter_pdf(ctx, stored.id), note


def run_notices(ctx: ServiceContext, args: argparse.Namespace, out: TextIO) -> int:
    if args.bestandskraft:
        count = finalize_due_notices(on_key_date(ctx, args.stichtag, changes=True))
        print(f"{count} Bescheid(e) bestandskräftig.", file=out)
        return 0
    # AKTENZEICHEN<TAB>STAND<TAB>ANGELEGT<TAB>RECHTSBEHELFSFRIST BIS (leer, solange nicht versandt)
    for row in notice_register(ctx):
        until = f"{row.remedy_until:%d.%m.%Y}" if row.remedy_until else ""
        print(f"{row.file_number}\t{STATUS_LABELS[row.status]}\t{row.created_on:%d.%m.%Y}\t{until}", file=out)
    return 0
