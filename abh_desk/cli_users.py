"""``abh-desk benutzer …``: list users, create one, set a password (read from the terminal)."""

from __future__ import annotations

import argparse
import getpass
import sys
from typing import Any, TextIO

from abh_desk.domain.enums import Role
from abh_desk.errors import ValidationError
from abh_desk.services.auth import ROLE_LABELS, create_user, set_password
from abh_desk.services.context import ServiceContext
from abh_desk.services.staff import list_users


def add_parser(commands: Any) -> None:
    users = commands.add_parser("benutzer", help="Benutzer verwalten")
    actions = users.add_subparsers(dest="benutzer", metavar="AKTION", required=True, parser_class=type(users))
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


def _read_password(from_stdin: bool) -> str:
    if from_stdin:
        return sys.stdin.readline().rstrip("\n")
    first = getpass.getpass("Neues Passwort: ")
    if getpass.getpass("Wiederholen: ") != first:
        raise ValidationError("Die beiden Eingaben stimmen nicht überein.")
    return first


def run(ctx: ServiceContext, args: argparse.Namespace, out: TextIO) -> int:
    if args.benutzer == "liste":
        for user in list_users(ctx):
            print(f"{user.username}\t{user.display_name}\t{ROLE_LABELS[Role(user.role)]}", file=out)
        return 0
    password = _read_password(args.passwort_stdin)
    if args.benutzer == "anlegen":
        create_user(ctx, args.name, args.anzeigename, Role(args.rolle), password, args.bereich)
        print(f"Benutzer {args.name.lower()} angelegt.", file=out)
    else:
        set_password(ctx, args.name, password)
        print(f"Passwort für {args.name} gesetzt.", file=out)
    return 0
