"""``abh-desk fristen``: the deadline worklist on the command line, one line per deadline:
GRUPPE<TAB>FÄLLIG<TAB>AKTENZEICHEN<TAB>PERSON<TAB>ART<TAB>SACHBEARBEITUNG."""

from __future__ import annotations

import argparse
from typing import Any, TextIO

from abh_desk.cli_deadlines import on_key_date
from abh_desk.errors import ValidationError
from abh_desk.services.context import ServiceContext
from abh_desk.services.worklists import WorkScope, expiring_titles, worklist


def add_parser(commands: Any) -> None:
    parser = commands.add_parser("fristen", help="Fristenliste: überfällig, heute, diese Woche, nächste acht Wochen")
    who = parser.add_mutually_exclusive_group(required=True)
    who.add_argument("--benutzer", metavar="NAME", help="Fristen einer Sachbearbeiterin (mit Vertretungen)")
    who.add_argument("--bereich", metavar="BEREICH", help="Fristen eines Bereichs")
    who.add_argument("--alle", action="store_true", help="Fristen aller Bereiche")
    parser.add_argument("--stichtag", metavar="JJJJ-MM-TT", help="Stichtag statt heute")
    parser.add_argument(
        "--ablaufende-titel", action="store_true", help="stattdessen Titel, die in acht Wochen ablaufen, ohne Antrag"
    )


def run(ctx: ServiceContext, args: argparse.Namespace, out: TextIO) -> int:
    ctx = on_key_date(ctx, args.stichtag)
    if args.ablaufende_titel:
        if args.benutzer:
            raise ValidationError("--ablaufende-titel gibt es je Bereich (--bereich) oder für alle (--alle).")
        for title in expiring_titles(ctx, area=args.bereich):
            print(
                f"{title.valid_until.isoformat()}\t{title.person_name}\t{title.kind}\t{title.legal_basis}\t"
                f"{title.file_number}",
                file=out,
            )
        return 0
    scope = WorkScope.MINE if args.benutzer else WorkScope.AREA if args.bereich else WorkScope.ALL
    result = worklist(ctx, scope, area=args.bereich, username=args.benutzer)
    for label, rows in result.groups:
        for row in rows:
            print(
                f"{label}\t{row.due_date.isoformat()}\t{row.file_number}\t{row.person_name}\t{row.kind_label}\t"
                f"{row.owner}",
                file=out,
            )
    return 0
