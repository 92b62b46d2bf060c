"""``abh-desk benutzer …``: list users, create one, set a password (read from the terminal), and the
access tokens of batch jobs (``token``, ``tokens``, ``token-widerrufen``)."""

from __future__ import annotations

import argparse
import getpass
import sys
from typing import Any, TextIO

from abh_desk.cli_deadlines import _iso_date
from abh_desk.cli_session import TOKEN_VARIABLE
from abh_desk.clock import office_day
from abh_desk.domain.enums import ROLE_LABELS, Role
from abh_desk.errors import ValidationError
from abh_desk.services.access_tokens import issue_token, list_tokens, revoke_token
from abh_desk.services.auth import create_user, set_password
from abh_desk.services.context import ServiceContext
from abh_desk.services.staff import list_users


def add_parser(commands: Any) -> None:
    users = commands.add_parser("benutzer", help="Benutzer verwalten")
    actions = users.add_subparsers(dest="benutzer_aktion", metavar="AKTION", required=True, parser_class=type(users))
    actions.add_parser("liste", help="alle Benutzer mit Rolle")
    create = actions.add_parser("anlegen", help="Benutzer anlegen (Passwort wird abgefragt)")
    create.add_argument("name", metavar="BENUTZERNAME")
    create.add_argument("--anzeigename", required=True, metavar="TEXT", help='z. B. "Frau Schäuble"')
    create.add_argument("--rolle", required=True, choices=[r.value for r in Role])
    create.add_argument("--bereich", metavar="BEREICH")
    create.add_argument("--passwort-stdin", action="store_true", help="Passwort aus der Standardeingabe lesen")
    password = actions.add_parser("passwort", help="Passwort setzen (wird abgefragt)")
    password.add_argument("name", metavar="BENUTZERNAME")
    password.add_argument("--passwort-stdin", action="store_true", help="Passwort aus der Standardeingabe lesen")
    token = actions.add_parser("token", help="Zugangsschlüssel für einen Stapellauf ausgeben (wird einmal gezeigt)")
    token.add_argument("name", metavar="BENUTZERNAME", help="als wer der Stapellauf arbeitet")
    token.add_argument("--zweck", required=True, metavar="TEXT", help='z. B. "nächtliche Bestandskraft"')
    token.add_argument("--gueltig-bis", required=True, metavar="JJJJ-MM-TT", help="höchstens ein Jahr")
    actions.add_parser("tokens", help="ausgegebene Zugangsschlüssel (ohne Geheimnis)")
    revoke = actions.add_parser("token-widerrufen", help="einen Zugangsschlüssel sofort beenden")
    revoke.add_argument("nummer", type=int, metavar="NR")


def _read_password(from_stdin: bool) -> str:
    if from_stdin:
        return sys.stdin.readline().rstrip("\n")
    first = getpass.getpass("Neues Passwort: ")
    if getpass.getpass("Wiederholen: ") != first:
        raise ValidationError("cli_users.entries_differ")
    return first


def run(ctx: ServiceContext, args: argparse.Namespace, out: TextIO) -> int:
    if args.benutzer_aktion == "liste":
        for user in list_users(ctx):
            print(f"{user.username}\t{user.display_name}\t{ROLE_LABELS[Role(user.role)]}", file=out)
        return 0
    if args.benutzer_aktion in ("token", "tokens", "token-widerrufen"):
        return _tokens(ctx, args, out)
    password = _read_password(args.passwort_stdin)
    if args.benutzer_aktion == "anlegen":
        create_user(ctx, args.name, args.anzeigename, Role(args.rolle), password, args.bereich)
        print(f"Benutzer {args.name.lower()} angelegt.", file=out)
    else:
        set_password(ctx, args.name, password)
        print(f"Passwort für {args.name} gesetzt.", file=out)
    return 0


def _tokens(ctx: ServiceContext, args: argparse.Namespace, out: TextIO) -> int:
    if args.benutzer_aktion == "token":
        issued = issue_token(ctx, args.name, args.zweck, _iso_date(args.gueltig_bis))
        print(
            f"Zugangsschlüssel {issued.id} für {issued.username}, gültig bis {issued.valid_until:%d.%m.%Y}. "
            f"Er wird nur jetzt gezeigt; der Stapellauf setzt ihn in {TOKEN_VARIABLE}:",
            file=sys.stderr,
        )
        print(issued.secret, file=out)
    elif args.benutzer_aktion == "token-widerrufen":
        revoke_token(ctx, args.nummer)
        print(f"Zugangsschlüssel {args.nummer} widerrufen.", file=out)
    else:
        for row in list_tokens(ctx):
            used = f"zuletzt {office_day(row.last_used_at):%d.%m.%Y}" if row.last_used_at else "nie benutzt"
            state = "widerrufen" if row.revoked else f"gültig bis {row.valid_until:%d.%m.%Y}"
            print(f"{row.id}\t{row.username}\t{state}\t{used}\t{row.purpose}", file=out)
    return 0
