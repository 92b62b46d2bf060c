"""``abh-desk fristen``: the deadline worklist on the command line, one line per deadline — every
one of them, or ``--max`` per group (a cut group says so on stderr, with the true counts):
GRUPPE<TAB>FÄLLIG<TAB>AKTENZEICHEN<TAB>PERSON<TAB>ART<TAB>SACHBEARBEITUNG."""

from __future__ import annotations

import argparse
import sys
from typing import Any, TextIO

from abh_desk.cli_deadlines import on_key_date
from abh_desk.errors import ValidationError
from abh_desk.services.context import ServiceContext
from abh_desk.services.worklists import (
    GROUP_LABELS,
    GROUPS,
    WorkScope,
    expiring_titles,
    worklist,
    worklist_ids,
    worklist_rows,
)

PAGE = 500


def add_parser(commands: Any) -> None:
    parser = commands.add_parser("fristen", help="Fristenliste: überfällig, heute, diese Woche, nächste acht Wochen")
    who = parser.add_mutually_exclusive_group(required=True)
    who.add_argument("--benutzer", metavar="NAME", help="Fristen einer Sachbearbeiterin (mit Vertretungen)")
    who.add_argument("--bereich", metavar="BEREICH", help="Fristen eines Bereichs")
    who.add_argument("--alle", action="store_true", help="Fristen aller Bereiche")
    parser.add_argument("--stichtag", metavar="JJJJ-MM-TT", help="Stichtag statt heute")
    parser.add_argument("--max", type=int, metavar="N", help="höchstens N Fristen je Gruppe (Standard: alle)")
    parser.add_argument(
        "--ablaufende-titel", action="store_true", help="stattdessen Titel, die in acht Wochen ablaufen, ohne Antrag"
    )


def run(ctx: ServiceContext, args: argparse.Namespace, out: TextIO) -> int:
    ctx = on_key_date(ctx, args.stichtag)
    if args.ablaufende_titel:
        if args.benutzer:
            raise ValidationError("cli_worklists.area_or_all")
        for title in expiring_titles(ctx, area=args.bereich):
            print(
                f"{title.valid_until.isoformat()}\t{title.person_name}\t{title.kind}\t{title.legal_basis}\t"
                f"{title.file_number}",
                file=out,
            )
        return 0
    scope = WorkScope.MINE if args.benutzer else WorkScope.AREA if args.bereich else WorkScope.ALL
    counts = worklist(ctx, scope, area=args.bereich, username=args.benutzer, limit=0)
    for group in GROUPS:
        ids = worklist_ids(ctx, group, scope, area=args.bereich, username=args.benutzer)
        shown = ids if args.max is None else ids[: max(args.max, 0)]
        for start in range(0, len(shown), PAGE):
            for row in worklist_rows(ctx, shown[start : start + PAGE]):
                print(
                    f"{GROUP_LABELS[group]}\t{row.due_date.isoformat()}\t{row.file_number}\t{row.person_name}\t"
                    f"{row.kind_label}\t{row.owner}",
                    file=out,
                )
        if len(shown) < len(ids):
            print(f"{GROUP_LABELS[group]}: {len(shown)} von {len(ids)} Fristen gezeigt (--max).", file=sys.stderr)
    print(
        " · ".join(f"{GROUP_LABELS[g]}: {counts.count(g)}" for g in GROUPS),
        file=sys.stderr,
    )
    return 0
