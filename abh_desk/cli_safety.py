"""Data-safety commands: ``audit pruefen`` (the tamper-evident audit trail), ``sicherung DATEI`` and
``wiederherstellen DATEI`` (backup and restore of the SQLite file), ``aufbewahrung`` (retention:
rule table, preview, logged deletion run).

``wiederherstellen`` opens the database without the start checks: it is what one runs when the
database is damaged."""

from __future__ import annotations

import argparse
from collections.abc import Callable, Sequence
from datetime import datetime
from pathlib import Path
from typing import Any, TextIO

from abh_desk import audit_chain, backup, pg_roles
from abh_desk.bootstrap import open_context
from abh_desk.cli_deadlines import _iso_date, on_key_date
from abh_desk.clock import OFFICE_ZONE, Clock
from abh_desk.config import resolve_database_url
from abh_desk.domain.catalogue import load_catalogue
from abh_desk.domain.retention import TRIGGERS
from abh_desk.errors import ValidationError
from abh_desk.services import audit_key_setup, documents, retention
from abh_desk.services.context import ServiceContext
from abh_desk.storage import Database

EXIT_BROKEN = 1
EXIT_UNCHECKED = 3
"""The trail holds, but its signatures could not be checked: this workstation has not got the key."""
COMMANDS = frozenset({"audit", "sicherung", "wiederherstellen", "aufbewahrung"})


def add_parser(commands: Any) -> None:
    audit = commands.add_parser("audit", help="Protokoll (Änderungen und Lesezugriffe) prüfen")
    actions = audit.add_subparsers(dest="audit", metavar="AKTION", required=True, parser_class=type(audit))
    check = actions.add_parser(
        "pruefen", help="Prüfkette des Protokolls nachrechnen; nennt den ersten veränderten oder fehlenden Eintrag"
    )
    check.add_argument(
        "--nach-wiederherstellung",
        action="store_true",
        help="nach dem Einspielen einer PostgreSQL-Sicherung: den geprüften Stand als neuen Anker übernehmen",
    )
    check.add_argument(
        "--anker-neu",
        action="store_true",
        help="wo die Ankerdatei fehlt oder beschädigt ist (oder der Arbeitsplatz neu an einer Datenbank arbeitet): "
        "die Kette prüfen und ihren Stand als neuen Anker setzen; wird protokolliert",
    )
    key = actions.add_parser(
        "schluessel", help="Protokollschlüssel der Behörde: einrichten, für weitere Arbeitsplätze ausgeben, übernehmen"
    )
    steps = key.add_subparsers(dest="schluessel", metavar="SCHRITT", required=True, parser_class=type(audit))
    set_up = steps.add_parser("einrichten", help="einen Protokollschlüssel einrichten (nach Prüfung des Protokolls)")
    set_up.add_argument(
        "--neu",
        metavar="GRUND",
        default="",
        help="nur wenn der bisherige Schlüssel verloren ist: einen neuen einrichten (protokolliert)",
    )
    hand_out = steps.add_parser("ausgeben", help="den Schlüssel in eine Datei schreiben, nur für den Besitzer lesbar")
    hand_out.add_argument("--ausgabe", metavar="DATEI", required=True)
    take_over = steps.add_parser("uebernehmen", help="den Schlüssel aus einer ausgegebenen Datei übernehmen")
    take_over.add_argument("datei", metavar="DATEI")
    save = commands.add_parser(
        "sicherung", help="die SQLite-Datenbank in eine Datei sichern (auch während andere arbeiten)"
    )
    save.add_argument("datei", metavar="DATEI")
    save.add_argument("--ueberschreiben", action="store_true", help="eine vorhandene Datei ersetzen")
    restore = commands.add_parser(
        "wiederherstellen",
        help="eine Sicherung prüfen und zurückspielen; die bisherige Datenbank bleibt daneben erhalten",
    )
    restore.add_argument("datei", metavar="DATEI")
    restore.add_argument(
        "--trotz-abweichung",
        metavar="GRUND",
        default="",
        help="eine Sicherung zurückspielen, deren Protokoll zu keinem Stand dieser Datenbank passt (protokolliert)",
    )
    keep = commands.add_parser(
        "aufbewahrung", help="Akten nach Ablauf der Aufbewahrungsfrist löschen: Regeln, Vorschau, protokollierter Lauf"
    )
    mode = keep.add_mutually_exclusive_group(required=True)
    mode.add_argument("--regeln", action="store_true", help="die Regeltabelle zeigen")
    mode.add_argument("--vorschau", action="store_true", help="zeigen, welche Akten fällig sind; nichts wird gelöscht")
    mode.add_argument("--ausfuehren", action="store_true", help="die fälligen Akten löschen (protokolliert)")
    mode.add_argument(
        "--anlass",
        nargs=3,
        metavar=("PERSON", "ART", "DATUM"),
        help=f"einen Anlass erfassen, ab dem eine Frist läuft (ART: {', '.join(TRIGGERS)}; DATUM JJJJ-MM-TT)",
    )
    keep.add_argument("--stichtag", metavar="JJJJ-MM-TT", help="Stichtag statt heute")


def _when(moment: datetime | None) -> str:
    return moment.astimezone(OFFICE_ZONE).strftime("%d.%m.%Y %H:%M:%S") if moment else "unbekannt"


def _number(value: int) -> str:
    return f"{value:,}".replace(",", ".")


def _many(value: int, one: str, more: str) -> str:
    """ "1 Person", "2 Personen"."""
    return f"{_number(value)} {one if value == 1 else more}"


def check_audit_trail(ctx: ServiceContext, out: TextIO, after_restore: bool = False, new_anchor: bool = False) -> int:
    """Verify the chain; print the result in German. 0 when intact, 1 when broken.

    ``after_restore``: the anchor of the database as it was before a restore is not compared (the
    entries after the backup are gone by intent); the verified head becomes the new anchor.
    ``new_anchor``: the same where this workstation's anchor is missing or damaged — an act of the
    administration, logged in the trail (a damaged anchor file is kept beside the new one)."""
    db = ctx.db
    state = audit_chain.anchor_state(db)
    if new_anchor and state.head is not None:
        # A readable anchor is this workstation's evidence: it is compared, never replaced here.
        contradiction = audit_chain.verify(db, state).anchor_problem
        if contradiction is not None:
            print(f"FEHLER: {contradiction}", file=out)
            print(
                "Der gemerkte Anker widerspricht dem Protokoll – das ist der Befund, er wird nicht überschrieben. "
                "--anker-neu setzt nur einen fehlenden oder beschädigten Anker; nach dem Einspielen einer "
                "Sicherung gilt --nach-wiederherstellung.",
                file=out,
            )
            return EXIT_BROKEN
        new_anchor = False  # the anchor is there and holds: an ordinary check
    report = audit_chain.verify(db, None if after_restore or new_anchor else state)
    print(f"Protokoll: {_many(report.count, 'Eintrag', 'Einträge')} geprüft.", file=out)
    if report.first_break is not None:
        broken = report.first_break
        print(
            f"FEHLER: Eintrag {broken.id} vom {_when(broken.occurred_at)}: {broken.reason}.",
            file=out,
        )
        if report.broken > 1:
            print(f"Insgesamt {_number(report.broken)} Einträge bestehen die Prüfung nicht.", file=out)
    if report.signature_break is not None:
        unsigned = report.signature_break
        print(f"FEHLER: Eintrag {unsigned.id} vom {_when(unsigned.occurred_at)}: {unsigned.reason}.", file=out)
        if report.unsigned > 1:
            print(f"Insgesamt {_number(report.unsigned)} Einträge ohne gültige Signatur.", file=out)
    if report.anchor_problem is not None:
        print(f"FEHLER: {report.anchor_problem}", file=out)
    if report.erasure_problem is not None:
        print(f"FEHLER: {report.erasure_problem}", file=out)
    if report.missing_triggers:
        print(
            f"FEHLER: Der Schutz gegen Ändern und Löschen fehlt oder ist abgeschaltet (Trigger "
            f"{', '.join(report.missing_triggers)}): jemand mit Rechten an der Datenbank hat ihn entfernt.",
            file=out,
        )
    exposure = pg_roles.trail_exposure(db)
    if exposure is not None:
        print(f"Hinweis: {exposure}", file=out)
    stored = documents.verify_documents(ctx)
    for problem in stored.problems:
        print(f"FEHLER: {problem}", file=out)
    if stored.checked:
        print(f"E-Akte: {_many(stored.checked, 'Dokument', 'Dokumente')} gegen das Protokoll geprüft.", file=out)
    if not report.ok or not stored.ok:
        print("Das Protokoll ist NICHT unversehrt." if not report.ok else "Die E-Akte ist NICHT unversehrt.", file=out)
        return EXIT_BROKEN
    unchecked = _print_signatures(report, out)
    if report.head is not None:
        if after_restore or new_anchor:
            kept = audit_chain.reset_anchor(db, report.head, ctx.now())
            _log_new_anchor(ctx, state, report.head, kept, "nach Wiederherstellung" if after_restore else "anker_neu")
            print(f"Neuer Anker bei Eintrag {report.head.id} gesetzt (protokolliert).", file=out)
        else:
            audit_chain.write_anchor(db, report.head, ctx.now())
        print(f"Prüfkette vollständig; letzter Eintrag {report.head.id} vom {_when(report.head_time)}.", file=out)
        if report.erased:
            print(
                f"{_number(report.erased)} Einträge ohne Inhalt, "
                "alle durch protokollierte Aufbewahrungsläufe gelöscht.",
                file=out,
            )
    else:
        print("Das Protokoll ist leer.", file=out)
    return EXIT_UNCHECKED if unchecked else 0


def _print_signatures(report: audit_chain.ChainReport, out: TextIO) -> bool:
    """What was found about the signatures; True where they could not be checked."""
    if report.signatures == "geprueft":
        since = f"ab Eintrag {report.signed_since}" if report.signed_since is not None else "(noch kein Eintrag)"
        print(f"Signaturen {since} mit dem Protokollschlüssel {report.key_id} geprüft.", file=out)
        if report.former_key:
            print(
                f"Hinweis: {_many(report.former_key, 'Eintrag', 'Einträge')} davor mit einem früheren Schlüssel "
                "signiert (nur mit ihm prüfbar).",
                file=out,
            )
        return False
    if report.signatures == "ohne_schluessel":
        print(
            "NICHT GEPRÜFT: Die Signaturen des Protokolls konnten nicht geprüft werden – dieser Arbeitsplatz hat den "
            "Protokollschlüssel der Behörde nicht. Ohne ihn bliebe ein vollständig neu berechnetes Protokoll "
            "unerkannt. Die Administration übernimmt ihn mit „abh-desk audit schluessel uebernehmen DATEI“.",
            file=out,
        )
        return True
    print(
        "Hinweis: Das Protokoll ist nicht signiert (kein Protokollschlüssel eingerichtet): wer in die Datenbank "
        "und die Ankerdateien schreiben kann, könnte es vollständig neu berechnen. Die Administration richtet "
        "einen mit „abh-desk audit schluessel einrichten“ ein.",
        file=out,
    )
    return False


def _audit_key(ctx: ServiceContext, args: argparse.Namespace, out: TextIO) -> int:
    if args.schluessel == "einrichten":
        key = audit_key_setup.set_up(ctx, args.neu.strip())
        print(
            f"Protokollschlüssel {key.key_id} eingerichtet und im Schlüsselbund dieses Arbeitsplatzes abgelegt; "
            f"signiert ab Eintrag {key.since}. Weitere Arbeitsplätze: „abh-desk audit schluessel ausgeben "
            "--ausgabe DATEI“.",
            file=out,
        )
    else:
        target = Path(args.ausgabe)
        key = audit_key_setup.hand_out(ctx, target)
        print(
            f"Protokollschlüssel {key.key_id} in {target} geschrieben (nur für Sie lesbar). Die Datei auf dem "
            "anderen Arbeitsplatz mit „abh-desk audit schluessel uebernehmen DATEI“ übernehmen und danach löschen.",
            file=out,
        )
    return 0


def _log_new_anchor(
    ctx: ServiceContext,
    before: audit_chain.AnchorState,
    head: audit_chain.ChainHead,
    kept: Path | None,
    why: str,
) -> None:
    """The new anchor in the trail, with the one it replaced (id and hash) and where its file lies."""
    with ctx.unit_of_work() as uow:
        uow.audit(
            "protokoll_anker_neu",
            "protokoll",
            head.id,
            anlass=why,
            bisheriger_anker=before.head.id if before.head else None,
            bisheriger_pruefwert=before.head.chain_hash if before.head else None,
            ankerdatei_beschaedigt=before.damaged,
            bisherige_ankerdatei_aufbewahrt=kept.name if kept else None,
        )
        uow.commit()


def _backup(args: argparse.Namespace, out: TextIO, clock: Clock, sign_in: SignIn) -> int:
    ctx = open_context(args.db, clock=clock)
    try:
        source = backup.sqlite_path(ctx.db)  # a server's database: pg_dump, said before the sign-in
        ctx = sign_in(ctx)
        target = Path(args.datei)
        backup.backup_sqlite(source, target, overwrite=args.ueberschreiben)
        info = backup.check_backup_file(target)
        with ctx.unit_of_work() as uow:
            uow.audit("datenbank_gesichert", "datenbank", None, datei=target.name)
            uow.commit()
    finally:
        ctx.db.dispose()
    print(
        f"Gesichert in {target.resolve()}: {_many(info.persons, 'Person', 'Personen')}, "
        f"{_many(info.audit_entries, 'Protokolleintrag', 'Protokolleinträge')}, Schemastand {info.revision}.",
        file=out,
    )
    return 0


def _restore(args: argparse.Namespace, out: TextIO, clock: Clock) -> int:
    """Restore, then check the restored audit trail: exit 1 where it is not intact (e.g. its
    triggers were removed before the backup was made)."""
    db = Database(resolve_database_url(args.db))
    try:
        source = Path(args.datei)
        ctx = ServiceContext(db, load_catalogue(), clock=clock)
        deviation = args.trotz_abweichung.strip()
        restored = backup.restore_sqlite(db, source, ctx.clock, deviation)
        backup.after_restore(ctx, restored, source, deviation)
        print(
            f"Wiederhergestellt aus {source.name}: {_many(restored.info.persons, 'Person', 'Personen')}, "
            f"{_many(restored.info.audit_entries, 'Protokolleintrag', 'Protokolleinträge')}.",
            file=out,
        )
        if restored.previous_kept_at is not None:
            print(f"Die bisherige Datenbank liegt unter {restored.previous_kept_at}.", file=out)
        return check_audit_trail(ctx, out)
    finally:
        db.dispose()


def _print_due(files: Sequence[retention.DueFile], out: TextIO) -> None:
    for f in files:
        held = f" – {f.blocked}" if f.blocked else ""
        print(
            f"Person {f.person_id}\t{f.name} ({f.birth_date})\t{f.rule.key} ({f.rule.legal_basis})\t"
            f"Anlass {f.event_date:%d.%m.%Y}, fällig seit {f.due_date:%d.%m.%Y}\t"
            f"{f.cases} Vorgänge, {f.titles} Titel, {f.letters} Schreiben{held}",
            file=out,
        )


def _retention(ctx: ServiceContext, args: argparse.Namespace, out: TextIO) -> int:
    ctx = on_key_date(ctx, args.stichtag, changes=not args.vorschau)
    if args.regeln:
        for rule, active in retention.list_rules(ctx):
            state = "" if active else " (abgeschaltet)"
            print(
                f"{rule.key}\t{rule.years} Jahre ab {TRIGGERS.get(rule.trigger, rule.trigger)}\t"
                f"{rule.legal_basis}\t{rule.label}{state}",
                file=out,
            )
        return 0
    if args.anlass:
        person, kind, on = args.anlass
        if not person.isdigit() or len(person) > 18:
            raise ValidationError("cli_safety.not_a_person_number", person=person)
        retention.record_event(ctx, int(person), kind, _iso_date(on))
        print(f"Anlass „{TRIGGERS[kind]}“ am {_iso_date(on):%d.%m.%Y} für Person {person} erfasst.", file=out)
        return 0
    due = retention.preview(ctx)
    if args.vorschau:
        _print_due(due, out)
        ready = sum(1 for f in due if not f.blocked)
        print(
            f"{_many(ready, 'Akte', 'Akten')} zum Löschen fällig, {len(due) - ready} zurückgestellt. "
            "Nichts wurde gelöscht.",
            file=out,
        )
        return 0
    result = retention.run(ctx, [f.person_id for f in due])
    _print_due(result.deleted, out)
    _print_due(result.kept, out)
    print(
        f"{_many(len(result.deleted), 'Akte', 'Akten')} gelöscht, {len(result.kept)} zurückgestellt; in "
        f"{_number(result.erased_audit_entries)} Protokolleinträgen die persönlichen Daten gelöscht "
        "(die Einträge selbst und die Prüfkette bleiben).",
        file=out,
    )
    return 0


#: Signs the user in on the opened database (``cli_session.signed_in``): backups, the retention
#: run and the audit check are the administration's.
SignIn = Callable[[ServiceContext], ServiceContext]


def run(args: argparse.Namespace, out: TextIO, clock: Clock, sign_in: SignIn) -> int:
    if args.command == "sicherung":
        return _backup(args, out, clock, sign_in)
    if args.command == "wiederherstellen":
        return _restore(args, out, clock)
    ctx = open_context(args.db, clock=clock)
    try:
        taken_over = None
        if args.command == "audit" and args.audit == "schluessel" and args.schluessel == "uebernehmen":
            # Before the sign-in: without the key this workstation writes nothing to a signed trail.
            taken_over = audit_key_setup.accept(ctx, Path(args.datei))
        ctx = sign_in(ctx)
        if taken_over is not None:
            audit_key_setup.log_taken_over(ctx, taken_over, Path(args.datei))
            print(
                f"Protokollschlüssel {taken_over.key_id} übernommen; die Datei {args.datei} kann jetzt gelöscht "
                "werden.",
                file=out,
            )
            return 0
        if args.command == "aufbewahrung":
            return _retention(ctx, args, out)
        if args.audit == "schluessel":
            return _audit_key(ctx, args, out)
        return check_audit_trail(ctx, out, after_restore=args.nach_wiederherstellung, new_anchor=args.anker_neu)
    finally:
        ctx.db.dispose()
