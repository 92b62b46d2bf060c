"""Who runs an ``abh-desk`` command: a signed-in user, checked and logged like at the window.

A command that reads or changes personal data or office settings runs as the user who signs in —
``--anmelden NAME`` (the password is asked at the terminal, or read from the first line of standard
input with ``--anmeldung-stdin``), or a batch job's access token in ``ABH_DESK_TOKEN`` (``abh-desk
benutzer token``). The services then check that user's role and access as they do for the window.

Without a sign-in run only what touches no personal data (``selbsttest``, ``katalog``, ``frist``,
``db``, ``zustaendigkeit --regeln``, ``schreiben --probe``), the set-up of a new database (``demo``
where the service allows it, the first administrator) and ``wiederherstellen``, which must work
when the database cannot be read at all (it checks the backup and logs itself).
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable
from typing import Any

from abh_desk.domain.enums import Role
from abh_desk.errors import PermissionDenied
from abh_desk.services.access_tokens import sign_in_with_token
from abh_desk.services.auth import sign_in
from abh_desk.services.context import ServiceContext
from abh_desk.services.staff import needs_first_admin

TOKEN_VARIABLE = "ABH_DESK_TOKEN"
USER_VARIABLE = "ABH_DESK_ANMELDEN"
#: Commands that read or change no personal data (and ``wiederherstellen``, see above).
WITHOUT_SIGN_IN = frozenset({"selbsttest", "katalog", "frist", "db", "wiederherstellen"})
#: The terminal's password prompt (``getpass.getpass``); tests hand in their own.
Prompt = Callable[[str], str]


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--anmelden",
        metavar="NAME",
        help=f"als NAME anmelden (Passwort wird abgefragt); auch {USER_VARIABLE}. Ein Stapellauf nutzt "
        f"stattdessen einen Zugangsschlüssel in {TOKEN_VARIABLE}",
    )
    parser.add_argument(
        "--anmeldung-stdin", action="store_true", help="das Passwort der Anmeldung aus der ersten Eingabezeile lesen"
    )


def needs_sign_in(args: argparse.Namespace) -> bool:
    if args.command in WITHOUT_SIGN_IN:
        return False
    if args.command == "schreiben" and args.probe:  # built-in sample data under the office's letterhead
        return False
    return not (args.command == "zustaendigkeit" and args.regeln)  # a rule file is checked, no database read


def runs_as_setup(ctx: ServiceContext, args: argparse.Namespace) -> bool:
    """The set-up of a new database: the demo (the service refuses an office's database) and the
    first administrator of a database where nobody has a password yet."""
    if args.command == "demo":
        return True
    first_admin = args.command == "benutzer" and args.benutzer_aktion == "anlegen" and args.rolle == Role.ADMIN.value
    return first_admin and needs_first_admin(ctx)


def signed_in(
    ctx: ServiceContext, args: argparse.Namespace, prompt: Prompt, role: Role | None = None
) -> ServiceContext:
    """``ctx`` acting as the user who signs in (raises LoginFailed or PermissionDenied in German)."""
    token = os.environ.get(TOKEN_VARIABLE, "").strip()
    if token:
        who = sign_in_with_token(ctx, token)
    else:
        name = (args.anmelden or os.environ.get(USER_VARIABLE, "")).strip()
        if not name:
            raise PermissionDenied("cli_session.needs_sign_in", command=args.command, variable=TOKEN_VARIABLE)
        password = sys.stdin.readline().rstrip("\r\n") if args.anmeldung_stdin else prompt(f"Passwort für {name}: ")
        who = sign_in(ctx, name, password)
    if role is not None and who.actor.role != role:
        raise PermissionDenied("cli_session.admin_only", command=args.command, display_name=who.display_name)
    return ctx.as_user(who.actor)


def role_for(args: Any) -> Role | None:
    """Commands of the administration alone: backups (a copy of every file), the retention run,
    the audit check (it sets the anchor), office settings and users."""
    if args.command in ("sicherung", "aufbewahrung", "audit", "einstellungen"):
        return Role.ADMIN
    if args.command == "benutzer" and args.benutzer_aktion != "passwort":  # one's own password: anyone
        return Role.ADMIN
    return None
