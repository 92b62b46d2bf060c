"""``abh-desk audit pruefen``: check the tamper-evident audit trail (more data-safety commands follow)."""

from __future__ import annotations

import argparse
from datetime import datetime
from typing import Any, TextIO

from abh_desk import audit_chain
from abh_desk.services.context import ServiceContext

EXIT_BROKEN = 1
COMMANDS = frozenset({"audit"})


def add_parser(commands: Any) -> None:
    audit = commands.add_parser("audit", help="Protokoll (Änderungen und Lesezugriffe) prüfen")
    actions = audit.add_subparsers(dest="audit", metavar="AKTION", required=True, parser_class=type(audit))
    actions.add_parser(
        "pruefen", help="Prüfkette des Protokolls nachrechnen; nennt den ersten veränderten oder fehlenden Eintrag"
    )


def _when(moment: datetime | None) -> str:
    return moment.astimezone().strftime("%d.%m.%Y %H:%M:%S") if moment else "unbekannt"


def _number(value: int) -> str:
    return f"{value:,}".replace(",", ".")


def check_audit_trail(ctx: ServiceContext, out: TextIO) -> int:
    """Verify the chain; print the result in German. 0 when intact, 1 when broken."""
    db = ctx.db
    report = audit_chain.verify(db, audit_chain.read_anchor(db))
    print(f"Protokoll: {_number(report.count)} Einträge geprüft.", file=out)
    if report.first_break is not None:
        broken = report.first_break
        print(
            f"FEHLER: Eintrag {broken.id} vom {_when(broken.occurred_at)}: {broken.reason}.",
            file=out,
        )
        if report.broken > 1:
            print(f"Insgesamt {_number(report.broken)} Einträge bestehen die Prüfung nicht.", file=out)
    if report.anchor_problem is not None:
        print(f"FEHLER: {report.anchor_problem}", file=out)
    if report.missing_triggers:
        print(
            "FEHLER: Der Schutz gegen Ändern und Löschen fehlt in der Datenbank "
            f"({', '.join(report.missing_triggers)}). Bitte „abh-desk db upgrade“ prüfen.",
            file=out,
        )
    if not report.ok:
        print("Das Protokoll ist NICHT unversehrt.", file=out)
        return EXIT_BROKEN
    if report.head is not None:
        audit_chain.write_anchor(db, report.head)
        print(f"Prüfkette vollständig; letzter Eintrag {report.head.id} vom {_when(report.head_time)}.", file=out)
    else:
        print("Das Protokoll ist leer.", file=out)
    return 0


def run(ctx: ServiceContext, args: argparse.Namespace, out: TextIO) -> int:
    try:
        if args.command == "audit":
            return check_audit_trail(ctx, out)
        raise AssertionError(args.command)
    finally:
        ctx.db.dispose()
