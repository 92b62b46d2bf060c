"""The ``abh-desk`` command: administration and batch work on the same services as the window.

Without a sub-command it starts the window (``main.py`` passes the launcher in, so this module
never imports Qt). User errors print a German message to stderr and exit non-zero.
"""

from __future__ import annotations

import argparse
import contextlib
import errno
import getpass
import io
import os
import re
import sys
from collections.abc import Callable, Sequence
from dataclasses import asdict, fields
from pathlib import Path
from typing import Any, NoReturn, TextIO

import sqlalchemy.exc

from abh_desk import (
    cli_appointments,
    cli_cards,
    cli_cases,
    cli_deadlines,
    cli_letters,
    cli_safety,
    cli_session,
    cli_users,
    cli_worklists,
    cli_xdomea,
    migrate,
    pg_roles,
    selftest,
)
from abh_desk.bootstrap import open_context
from abh_desk.cli_session import needs_sign_in, role_for, runs_as_setup
from abh_desk.clock import SYSTEM_CLOCK, Clock
from abh_desk.config import WorkstationSettings, is_first_start, resolve_database_url, save_settings
from abh_desk.demo import office as demo_office
from abh_desk.demo.users import DEMO_PASSWORD
from abh_desk.domain.assignment import Router, check_rules
from abh_desk.domain.catalogue import CONDITIONS, ProcedureType, load_catalogue
from abh_desk.domain.fees import FeeFacts, compute_fee, fee_variants, load_fee_schedule
from abh_desk.domain.money import euro
from abh_desk.domain.names import check_name
from abh_desk.domain.rule_files import load_rule_file
from abh_desk.errors import ConfigurationError, DomainError, ValidationError
from abh_desk.services import read_log
from abh_desk.services.assignment import route_names
from abh_desk.services.auth import end_server_session
from abh_desk.services.context import ServiceContext
from abh_desk.services.office import get_office_settings, update_office_settings
from abh_desk.services.persons import search_persons
from abh_desk.storage import Database, parse_url, store_password

GuiLauncher = Callable[[str | None], int]

EXIT_USER_ERROR = 2
EXIT_SYSTEM_ERROR = 1
OS_ERRORS = {
    errno.ENOENT: "Datei oder Verzeichnis gibt es nicht",
    errno.EACCES: "keine Berechtigung",
    errno.EPERM: "nicht erlaubt",
    errno.ENOSPC: "kein Platz mehr auf dem Datenträger; es wurde nichts gespeichert",
    errno.EISDIR: "ist ein Verzeichnis",
    errno.ENOTDIR: "ein Teil des Pfades ist kein Verzeichnis",
    errno.EROFS: "der Datenträger ist schreibgeschützt",
}


_ARGPARSE_GERMAN = (
    (re.compile(r"the following arguments are required: (.*)"), "Folgende Angaben fehlen: {0}"),
    (re.compile(r"argument (\S+): invalid int value: '(.*)'"), "{0}: „{1}“ ist keine ganze Zahl"),
    (
        re.compile(r"argument (\S+): invalid choice: '(.*?)' \(choose from (.*)\)"),
        "{0}: „{1}“ gibt es nicht (möglich: {2})",
    ),
    (re.compile(r"argument (\S+): expected one argument"), "{0}: hier fehlt ein Wert"),
    (re.compile(r"unrecognized arguments: (.*)"), "Unbekannte Angaben: {0}"),
    (re.compile(r"one of the arguments (.*) is required"), "Eine dieser Angaben ist nötig: {0}"),
    (re.compile(r"argument (\S+): not allowed with argument (\S+)"), "{0} geht nicht zusammen mit {1}"),
)
# argparse's own words in the help (it ships no German): "usage:", the section titles, "-h".
_ARGPARSE_HELP = {
    "usage: ": "Aufruf: ",
    "positional arguments": "Angaben",
    "options": "Optionen",
    "show this help message and exit": "diese Hilfe zeigen und beenden",
}
argparse._ = lambda text: _ARGPARSE_HELP.get(text, text)  # type: ignore[attr-defined]


class GermanArgumentParser(argparse.ArgumentParser):
    """argparse with its usage errors in German (argparse itself ships no German messages)."""

    def error(self, message: str) -> NoReturn:
        for pattern, german in _ARGPARSE_GERMAN:
            match = pattern.fullmatch(message)
            if match:
                message = german.format(*match.groups())
                break
        self.print_usage(sys.stderr)
        self.exit(EXIT_USER_ERROR, f"Fehler: {message}\n")


def _parser() -> argparse.ArgumentParser:
    parser = GermanArgumentParser(
        prog="abh-desk",
        description="ABH Desk – Fachverfahren der Ausländerbehörde. Ohne Befehl startet das Programmfenster.",
        # No abbreviated options: a command's own option (``xdomea abgabe --an``) would otherwise be
        # taken for an ambiguous abbreviation of the global ``--anmelden``/``--anmeldung-stdin``.
        allow_abbrev=False,
    )
    parser.add_argument(
        "--db", metavar="URL", help="Datenbank-Adresse (sqlite:///PFAD oder postgresql://BENUTZER@HOST/DB)"
    )
    cli_session.add_arguments(parser)
    commands = parser.add_subparsers(dest="command", metavar="BEFEHL", parser_class=GermanArgumentParser)

    db = commands.add_parser("db", help="Datenbank verwalten")
    db_commands = db.add_subparsers(
        dest="db_command", metavar="AKTION", required=True, parser_class=GermanArgumentParser
    )
    db_commands.add_parser("upgrade", help="Schema auf den neuesten Stand bringen")
    db_commands.add_parser("status", help="Adresse, Schemastand und SQLite-Einstellungen zeigen")
    db_commands.add_parser("passwort", help="Passwort des PostgreSQL-Servers im Schlüsselbund speichern")
    roles = db_commands.add_parser(
        "rollen",
        help="PostgreSQL: eine Anmeldung für die Arbeitsplätze einrichten, die den Schutz des Protokolls nicht "
        "abschalten kann (als Eigentümer der Datenbank ausführen)",
    )
    roles.add_argument("login", metavar="ANMELDUNG", help="Anmeldename der Arbeitsplätze, z. B. abh_platz")

    demo = commands.add_parser("demo", help="Demo-Daten erzeugen")
    demo.add_argument("--personen", type=int, required=True, metavar="N", help="Anzahl Personen (50 bis 1.000.000)")
    demo.add_argument("--seed", type=int, default=1, metavar="S", help="Startwert; gleicher Wert, gleiche Daten")
    demo.add_argument(
        "--nur-wenn-leer", action="store_true", help="nur erzeugen, wenn noch keine Personen gespeichert sind"
    )

    katalog = commands.add_parser("katalog", help="Leistungskatalog zeigen")
    katalog.add_argument("schluessel", nargs="?", metavar="SCHLÜSSEL", help="eine Leistung mit ihren Unterlagen zeigen")

    zustaendigkeit = commands.add_parser(
        "zustaendigkeit", help="zuständige Sachbearbeitung für Familiennamen zeigen (NAME<TAB>SACHBEARBEITUNG)"
    )
    zustaendigkeit.add_argument("--regeln", metavar="DATEI", help="Regeldatei (TOML) statt der Regeln in der Datenbank")
    zustaendigkeit.add_argument("--bereich", required=True, metavar="BEREICH", help="z. B. allgemein oder asyl")
    zustaendigkeit.add_argument("namen", nargs="+", metavar="NAME")

    settings = commands.add_parser(
        "einstellungen", help="Behördeneinstellungen zeigen oder setzen (SCHLÜSSEL=WERT), für alle Arbeitsplätze"
    )
    settings.add_argument("werte", nargs="*", metavar="SCHLÜSSEL=WERT")
    cli_deadlines.add_parser(commands)
    cli_users.add_parser(commands)
    cli_worklists.add_parser(commands)
    cli_letters.add_parsers(commands)
    cli_cards.add_parser(commands)
    cli_appointments.add_parser(commands)
    cli_cases.add_parser(commands)

    commands.add_parser(
        "selbsttest", help="Installation prüfen: Datenbank, Zuständigkeit, Frist, Schreiben und Programmfenster"
    )
    cli_safety.add_parser(commands)
    cli_xdomea.add_parser(commands)

    suche = commands.add_parser("suche", help="Personen suchen (Name, Geburtsdatum, Aktenzeichen, Passnummer)")
    suche.add_argument("text", nargs="+", metavar="TEXT")
    suche.add_argument("--max", type=int, default=50, metavar="N", help="höchstens N Treffer (Standard 50)")
    return parser


def _print_procedure(entry: ProcedureType, out: TextIO) -> None:
    print(f"{entry.key}\t{entry.name}", file=out)
    print(f"Rechtsgrundlage: {entry.legal_basis}", file=out)
    print(f"Bereich: {entry.area}", file=out)
    fees = entry.fees
    variants = fee_variants(entry.title_kind, entry.legal_basis, entry.key)
    if variants:  # the AufenthV's, each with its provision, its refusal and its rate for minors
        schedule = load_fee_schedule()
        for label, key in variants:
            granted, refused = (compute_fee(schedule.get(key), FeeFacts(30, refused=r)) for r in (False, True))
            minor = compute_fee(schedule.get(key), FeeFacts(10))
            print(
                f"Gebühr {label}: {euro(granted.cents)} ({granted.basis}); bei Ablehnung {euro(refused.cents)} "
                f"({refused.basis}); Minderjährige {euro(minor.cents)}",
                file=out,
            )
    else:
        parts = [
            ("Erteilung", fees.issue_cents),
            ("Verlängerung bis 3 Monate", fees.extension_short_cents),
            ("Verlängerung über 3 Monate", fees.extension_long_cents),
            ("Minderjährige", fees.minor_cents),
        ]
        shown = [f"{label} {euro(cents)}" for label, cents in parts if cents is not None]
        if shown:
            print("Gebühren: " + "; ".join(shown), file=out)
    if fees.note:
        print(f"Hinweis zu den Gebühren: {fees.note}", file=out)
    if entry.processing_time:
        print(f"Bearbeitungsdauer: {entry.processing_time}", file=out)
    if entry.max_validity_months:
        print(f"Höchstgeltungsdauer: {entry.max_validity_months} Monate", file=out)
    for variant in entry.validity_variants:
        print(f"  {variant.condition_label}: {variant.months} Monate ({variant.legal_basis})", file=out)
    if entry.offered_from or entry.offered_until:
        since = f" ab {entry.offered_from:%d.%m.%Y}" if entry.offered_from else ""
        until = f" bis {entry.offered_until:%d.%m.%Y}" if entry.offered_until else ""
        print(f"Anträge nur{since}{until}", file=out)
    print("Erforderliche Unterlagen:", file=out)
    for document in entry.documents:
        condition = f" ({CONDITIONS[document.condition]})" if document.condition else ""
        print(f"- {document.text}{condition}", file=out)
    if entry.checks:
        print("Prüfung durch die Behörde (§ 24 VwVfG, keine Unterlage der antragstellenden Person):", file=out)
        for check in entry.checks:
            condition = f" ({CONDITIONS[check.condition]})" if check.condition else ""
            print(f"- {check.text}{condition}", file=out)


#: Commands that may create a new SQLite file where --db names one that does not exist yet.
CREATES_DATABASE = ("db", "demo", "wiederherstellen")


def _require_existing_file(cli_url: str | None) -> None:
    """A mistyped --db path is an error, not a new empty database in new folders."""
    if not cli_url:
        return
    url = parse_url(cli_url)
    database = url.database or ""
    if url.get_backend_name() == "sqlite" and database and database != ":memory:" and not database.startswith("file:"):
        path = Path(database).expanduser()
        if not path.exists():
            raise ConfigurationError("cli.no_database_file", path=path, cli_url=cli_url)


def _run(
    args: argparse.Namespace,
    out: TextIO,
    gui: GuiLauncher | None,
    gui_check: selftest.GuiCheck | None = None,
    clock: Clock = SYSTEM_CLOCK,
    prompt: cli_session.Prompt = getpass.getpass,
) -> int:
    if args.command == "selbsttest":
        return selftest.run_selftest(out, gui_check)
    if args.command is None:
        if gui is None:
            raise DomainError("cli.no_window_here")
        return gui(args.db)
    if args.command == "katalog":
        catalogue = load_catalogue()
        if args.schluessel:
            _print_procedure(catalogue.get(args.schluessel), out)
        else:
            for entry in catalogue:
                print(f"{entry.key}\t{entry.name}", file=out)
        return 0
    if args.command == "db":
        return _run_db(args, out)
    if args.command == "frist":
        return cli_deadlines.run(args, out)
    if args.command == "zustaendigkeit" and args.regeln:
        return _route_with_file(Path(args.regeln), args.bereich, args.namen, out)
    if args.command not in CREATES_DATABASE:
        _require_existing_file(args.db)
    if args.command in cli_safety.COMMANDS:
        return cli_safety.run(args, out, clock, lambda ctx: cli_session.signed_in(ctx, args, prompt, role_for(args)))
    ctx = open_context(args.db, clock=clock)
    if needs_sign_in(args) and not runs_as_setup(ctx, args):
        ctx = cli_session.signed_in(ctx, args, prompt, role_for(args))
    try:
        # The command writes into a buffer; what it read of personal data goes into the audit trail
        # before anything is shown (where that fails, nothing is shown: the error says why).
        shown = io.StringIO()
        code = _with_context(ctx, args, shown)
        read_log.flush(ctx)
        out.write(shown.getvalue())
        return code
    finally:
        with contextlib.suppress(sqlalchemy.exc.SQLAlchemyError):  # unused, it would end in a day anyway
            end_server_session(ctx)
        ctx.db.dispose()


def _with_context(ctx: ServiceContext, args: argparse.Namespace, out: TextIO) -> int:
    if args.command == "demo":
        if not 1 <= args.personen <= 1_000_000:
            raise DomainError("cli.persons_count")
        demo = demo_office.fill_demo_office(ctx, args.personen, args.seed, only_if_empty=args.nur_wenn_leer)
        if is_first_start(args.db):  # scripts/start.sh: the demo office needs no first-start dialog
            save_settings(WorkstationSettings(last_username=demo_office.DEMO_ADMIN))
        if demo.summary is None:
            print("Es sind bereits Personen gespeichert; keine Demo-Daten erzeugt.", file=out)
            return 0
        summary = demo.summary
        print(
            f"{summary.persons} Personen, {summary.titles} Aufenthaltstitel, {summary.cases} Vorgänge, "
            f"{summary.checklist_items} Unterlagen-Positionen, {demo.deadlines} Fristen, {demo.cards} eAT-Karten "
            f"in {summary.seconds:.1f} s erzeugt.",
            file=out,
        )
        if demo.users:
            print(f"Anmeldung mit Passwort „{DEMO_PASSWORD}“ für: {', '.join(demo.users)}", file=out)
        return 0
    if args.command == "einstellungen":
        return _office_settings(ctx, args.werte, out)
    if args.command == "fristen":
        return cli_worklists.run(ctx, args, out)
    if args.command == "karten":
        return cli_cards.run(ctx, args, out)
    if args.command == "termine":
        return cli_appointments.run(ctx, args, out)
    if args.command == "xdomea":
        return cli_xdomea.run(ctx, args, out)
    if args.command == "vorgang":
        return cli_cases.run(ctx, args, out)
    if args.command == "benutzer":
        return cli_users.run(ctx, args, out)
    if args.command == "schreiben":
        return cli_letters.run_letter(ctx, args, out)
    if args.command == "bescheide":
        return cli_letters.run_notices(ctx, args, out)
    if args.command == "aktenvorlage":
        return cli_letters.run_court_file(ctx, args, out)
    if args.command == "zustaendigkeit":
        return _print_routes(route_names(ctx, args.bereich, _checked_names(args.namen)), len(args.namen), out)
    if args.command == "suche":
        rows = search_persons(ctx, " ".join(args.text), limit=args.max)
        for row in rows:
            print(
                f"{row.family_name}, {row.given_names}\t{row.birth_date}\t{row.nationality}\t"
                f"{row.passport_number}\t{row.city}",
                file=out,
            )
        if not rows:
            print("Keine Treffer.", file=sys.stderr)
            return 1
        return 0
    raise AssertionError(args.command)


def _checked_names(names: Sequence[str]) -> list[str]:
    """The names that pass the DIN 91379 check; the others are reported on stderr."""
    good = []
    for name in names:
        try:
            check_name(name, "name", f"„{name}“" if name.strip() else "Leerer Name")
            good.append(name)
        except ValidationError as exc:
            print(f"Fehler: {exc.message}", file=sys.stderr)
    return good


def _print_routes(routes: Sequence[tuple[str, str]], asked: int, out: TextIO) -> int:
    for name, caseworker in routes:
        print(f"{name}\t{caseworker}", file=out)
    return 0 if len(routes) == asked else EXIT_USER_ERROR


def _route_with_file(path: Path, area: str, names: Sequence[str], out: TextIO) -> int:
    rules = load_rule_file(path)
    if area not in {a.code for a in rules.areas}:
        known = ", ".join(a.code for a in rules.areas)
        raise DomainError("cli.area_not_in_file", area=area, name=path.name, known=known)
    labels = {c.username: c.display_name for c in rules.caseworkers}
    check_rules(rules.rules, [a.code for a in rules.areas], labels)
    router = Router(rules.rules)
    routes = []
    for name in _checked_names(names):
        routes.append((name, labels.get(router.route(area, name) or "", "niemand")))
    return _print_routes(routes, len(names), out)


def _office_settings(ctx: ServiceContext, pairs: Sequence[str], out: TextIO) -> int:
    if pairs:
        current = get_office_settings(ctx)
        changes: dict[str, Any] = {}
        for pair in pairs:
            key, sep, value = pair.partition("=")
            if not sep or not hasattr(current, key):
                known = ", ".join(f.name for f in fields(current))
                raise ValidationError("cli.setting_pair", pair=pair, known=known)
            if isinstance(getattr(current, key), bool):
                if value.lower() not in ("ja", "nein", "true", "false"):
                    raise ValidationError("cli.yes_or_no", setting=key)
                changes[key] = value.lower() in ("ja", "true")
            else:
                changes[key] = value
        update_office_settings(ctx, **changes)
    for key, value in asdict(get_office_settings(ctx)).items():
        shown = ("ja" if value else "nein") if isinstance(value, bool) else value
        print(f"{key}={shown}", file=out)
    return 0


def _run_db(args: argparse.Namespace, out: TextIO) -> int:
    url = resolve_database_url(args.db)
    if args.db_command == "passwort":
        db = Database(url)
        password = getpass.getpass(f"Passwort für {db.display_url}: ")
        entry = store_password(url, password)
        print(f"Passwort im Schlüsselbund gespeichert (abh-desk / {entry}).", file=out)
        return 0
    db = Database(url)
    try:
        return _db_command(db, args, out)
    finally:
        db.dispose()


def _db_command(db: Database, args: argparse.Namespace, out: TextIO) -> int:
    db.check_connection()
    if args.db_command == "upgrade":
        before, after = migrate.upgrade(db)
        print(f"{db.display_url}: Schema {before or 'leer'} → {after}", file=out)
        return 0
    if args.db_command == "rollen":
        done = pg_roles.set_up_roles(db, args.login)
        print(f"Die Anmeldung „{done.login}“ ist Mitglied von {done.group}.", file=out)
        if done.login_created:
            print(
                f"Sie wurde neu angelegt, ohne Passwort: bitte auf dem Server setzen (psql: \\password {done.login}) "
                "und an den Arbeitsplätzen mit „abh-desk db passwort“ hinterlegen.",
                file=out,
            )
        waiting = pg_roles.without_server_password(db)
        if waiting:
            print(
                f"Noch ohne Passwort auf dem Server, an den Arbeitsplätzen also nicht anmeldbar: {', '.join(waiting)}. "
                "Die Administration setzt es mit „abh-desk benutzer passwort NAME“.",
                file=out,
            )
        return 0
    print(f"Datenbank: {db.display_url}", file=out)
    print(f"Schemastand: {migrate.current_revision(db) or 'leer'} (aktuell: {migrate.head_revision()})", file=out)
    if db.backend == "sqlite":
        for name, value in db.sqlite_pragmas().items():
            print(f"{name}: {value}", file=out)
    return 0


def main(
    argv: Sequence[str] | None = None,
    gui: GuiLauncher | None = None,
    out: TextIO | None = None,
    gui_check: selftest.GuiCheck | None = None,
    clock: Clock = SYSTEM_CLOCK,
    prompt: cli_session.Prompt = getpass.getpass,
) -> int:
    """The ``abh-desk`` command. ``clock``: where today comes from (the system clock; tests fix it);
    ``prompt``: asks the password of ``--anmelden`` (the terminal's; tests answer it)."""
    parser = _parser()
    args = parser.parse_args(argv)
    try:
        return _run(args, out or sys.stdout, gui, gui_check, clock, prompt)
    except BaseException as exc:  # what ``reported`` does not know is raised again
        code = reported(exc)
        if code is None:
            raise
        return code


def reported(exc: BaseException) -> int | None:
    """Print ``exc`` as a German message to stderr and return the exit code; None for an error
    the command does not report (a bug: its traceback is shown). ``main.py`` uses it too when it
    opens the window without this module."""
    if isinstance(exc, DomainError):
        print(f"Fehler: {exc.message}", file=sys.stderr)
        return EXIT_USER_ERROR
    if isinstance(exc, KeyboardInterrupt):
        print("Abgebrochen.", file=sys.stderr)
        return 130
    if isinstance(exc, BrokenPipeError):  # output piped into head or less, which stopped reading
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    if isinstance(exc, OSError):  # a file or the disk: full, unwritable, a directory (nothing was half saved)
        where = f" ({exc.filename})" if exc.filename else ""
        print(f"Fehler{where}: {OS_ERRORS.get(exc.errno or 0, exc.strerror or str(exc))}.", file=sys.stderr)
        return EXIT_SYSTEM_ERROR
    if isinstance(exc, sqlalchemy.exc.OperationalError):  # disk full, a damaged file, a server gone
        print(f"Fehler: Die Datenbank meldet: {exc.orig or exc}. Es wurde nichts gespeichert.", file=sys.stderr)
        return EXIT_SYSTEM_ERROR
    return None


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
