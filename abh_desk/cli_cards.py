"""``abh-desk karten``: the eAT cards not yet handed over, the longest waiting first, one line each:
TAGE<TAB>EINGANG<TAB>AKTENZEICHEN<TAB>PERSON<TAB>SERIENNUMMER<TAB>STAND<TAB>ÜBERFÄLLIG."""

from __future__ import annotations

import argparse
import sys
from typing import Any, TextIO

from abh_desk.cli_deadlines import on_key_date
from abh_desk.services.card_list import waiting_cards, waiting_count
from abh_desk.services.context import ServiceContext


def add_parser(commands: Any) -> None:
    parser = commands.add_parser("karten", help="eAT-Karten, die noch nicht ausgehändigt sind (älteste zuerst)")
    parser.add_argument("--ueberfaellig", action="store_true", help="nur Karten, die über die Wartezeit hinaus liegen")
    parser.add_argument("--suche", metavar="TEXT", default="", help="Name, Aktenzeichen oder Seriennummer")
    parser.add_argument("--stichtag", metavar="JJJJ-MM-TT", help="Stichtag statt heute")


def run(ctx: ServiceContext, args: argparse.Namespace, out: TextIO) -> int:
    ctx = on_key_date(ctx, args.stichtag)
    rows = waiting_cards(ctx, args.suche, overdue_only=args.ueberfaellig)
    for row in rows:
        print(
            f"{row.age_days}\t{row.arrived_on.isoformat()}\t{row.file_number}\t{row.person_name}\t{row.card_serial}\t"
            f"{row.status_label}\t{'überfällig' if row.overdue else ''}",
            file=out,
        )
    if not rows:
        print("Keine Karten, die auf die Aushändigung warten.", file=sys.stderr)
        return 0
    total, _overdue = waiting_count(ctx, args.suche, overdue_only=args.ueberfaellig)
    if len(rows) < total:
        print(f"{len(rows)} von {total} Karten gezeigt (die am längsten wartenden).", file=sys.stderr)
    return 0
