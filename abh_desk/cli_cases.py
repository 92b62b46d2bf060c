"""``abh-desk vorgang AZ [SCHRITT]``: a case's state, its grant and its history — and the steps of
its way (take up, ready for decision, back into work, grant, withdrawal, closing) through the same
services as the window, as the system. The approval of a grant under four eyes is a team lead's,
in the window."""

from __future__ import annotations

import argparse
import re
from decimal import Decimal, InvalidOperation
from typing import Any, TextIO

from abh_desk.cli_deadlines import _iso_date
from abh_desk.clock import OFFICE_ZONE
from abh_desk.domain.case_flow import CaseAction
from abh_desk.domain.enums import WithdrawalWay
from abh_desk.errors import ValidationError
from abh_desk.services.case_file import get_case_file
from abh_desk.services.case_status import change_status, close_case, find_case
from abh_desk.services.case_status import withdraw as withdraw_case
from abh_desk.services.context import ServiceContext
from abh_desk.services.grants import GrantInput, case_decision, grant

#: The steps by their command-line names.
STEPS = {
    "aufnehmen": CaseAction.START,
    "entscheidungsreif": CaseAction.MARK_READY,
    "zurueck": CaseAction.RESUME,
    "bewilligen": CaseAction.GRANT,
    "zuruecknehmen": CaseAction.WITHDRAW,
    "abschliessen": CaseAction.CLOSE,
}
_EURO = re.compile(r"\d{1,6}(?:[.,]\d{1,2})?")


def add_parser(commands: Any) -> None:
    parser = commands.add_parser(
        "vorgang", help="Stand, Bewilligung und Verlauf eines Vorgangs; Schritte wie bewilligen, abschließen"
    )
    parser.add_argument("aktenzeichen", metavar="AKTENZEICHEN")
    parser.add_argument("--verlauf", action="store_true", help="auch den Verlauf zeigen")
    steps = parser.add_subparsers(dest="schritt", metavar="SCHRITT", parser_class=type(parser))
    steps.add_parser("aufnehmen", help="Bearbeitung aufnehmen (neu → in Bearbeitung)")
    steps.add_parser("entscheidungsreif", help="entscheidungsreif (alle Unterlagen da oder verzichtet)")
    steps.add_parser("zurueck", help="wieder in Bearbeitung")
    bewilligen = steps.add_parser("bewilligen", help="bewilligen: den Aufenthaltstitel erteilen")
    bewilligen.add_argument("--gueltig-ab", metavar="JJJJ-MM-TT", help="erster Gültigkeitstag (Standard: heute)")
    bewilligen.add_argument("--gueltig-bis", metavar="JJJJ-MM-TT", help="letzter Gültigkeitstag (ohne: unbefristet)")
    bewilligen.add_argument("--titel", default="", metavar="ART", help="Art des Titels (Standard: aus dem Katalog)")
    bewilligen.add_argument("--rechtsgrundlage", default="", metavar="NORM", help="Standard: aus dem Katalog")
    bewilligen.add_argument("--nebenbestimmungen", default="", metavar="TEXT")
    bewilligen.add_argument("--gebuehr", metavar="EUR", help="erhobene Gebühr (Standard: laut Katalog)")
    bewilligen.add_argument("--gebuehr-grund", default="", metavar="TEXT", help="Grund einer abweichenden Gebühr")
    bewilligen.add_argument("--entschieden-am", metavar="JJJJ-MM-TT", help="Tag der Entscheidung (Standard: heute)")
    zuruecknehmen = steps.add_parser("zuruecknehmen", help="Antrag zurückgenommen")
    zuruecknehmen.add_argument("--am", required=True, metavar="JJJJ-MM-TT", help="Eingang der Rücknahme")
    zuruecknehmen.add_argument("--wie", required=True, choices=[w.value for w in WithdrawalWay])
    zuruecknehmen.add_argument("--notiz", default="", metavar="TEXT")
    abschliessen = steps.add_parser("abschliessen", help="Vorgang abschließen (mit Grund)")
    abschliessen.add_argument("--grund", required=True, metavar="TEXT")


def _euro(text: str | None) -> int | None:
    if text is None:
        return None
    if not _EURO.fullmatch(text.strip()):
        raise ValidationError("cli_cases.fee_not_euro_example", text=text)
    try:
        return int(Decimal(text.strip().replace(",", ".")) * 100)
    except InvalidOperation:  # pragma: no cover - the pattern excludes it
        raise ValidationError("cli_cases.fee_not_euro", text=text) from None


def run(ctx: ServiceContext, args: argparse.Namespace, out: TextIO) -> int:
    case_id = find_case(ctx, args.aktenzeichen)
    step = args.schritt
    if step in ("aufnehmen", "entscheidungsreif", "zurueck"):
        change_status(ctx, case_id, STEPS[step])
    elif step == "bewilligen":
        result = grant(
            ctx,
            case_id,
            None,
            GrantInput(
                valid_from=_iso_date(args.gueltig_ab) if args.gueltig_ab else ctx.today(),
                valid_until=_iso_date(args.gueltig_bis) if args.gueltig_bis else None,
                kind=args.titel,
                legal_basis=args.rechtsgrundlage,
                conditions=args.nebenbestimmungen,
                fee_cents=_euro(args.gebuehr),
                fee_reason=args.gebuehr_grund,
                decided_on=_iso_date(args.entschieden_am) if args.entschieden_am else None,
            ),
        )
        if not result.in_force:
            print("Der Teamleitung zur Freigabe vorgelegt (Vier-Augen-Prinzip).", file=out)
    elif step == "zuruecknehmen":
        withdraw_case(ctx, case_id, None, _iso_date(args.am), WithdrawalWay(args.wie), args.notiz)
    elif step == "abschliessen":
        close_case(ctx, case_id, None, args.grund)
    _show(ctx, case_id, args.verlauf, out)
    return 0


def _show(ctx: ServiceContext, case_id: int, history: bool, out: TextIO) -> None:
    file = get_case_file(ctx, case_id)
    decision = case_decision(ctx, case_id)
    o = file.overview
    print(f"{o.file_number}\t{o.person_name}\t{o.procedure_name}", file=out)
    decided = f" (entschieden am {decision.decided_on:%d.%m.%Y})" if decision.decided_on else ""
    print(f"Stand: {decision.status_label}{decided}", file=out)
    if decision.outcome_note:
        print(f"Ergebnis: {decision.outcome_note}", file=out)
    for given in decision.grants:
        print(f"Bewilligung ({given.status_label}): {given.summary}; Gebühr {given.fee_text}", file=out)
        if given.conditions:
            print(f"  Nebenbestimmungen: {given.conditions}", file=out)
        if given.review_comment:
            print(f"  Kommentar der Teamleitung: {given.review_comment}", file=out)
    steps = [name for name, action in STEPS.items() if action in decision.actions]
    print("Mögliche Schritte: " + (", ".join(steps) if steps else "keine"), file=out)
    if decision.card_refusal is not None:
        print(f"eAT: {decision.card_refusal.message}", file=out)
    if history:
        for entry in reversed(file.history):
            when = entry.when.astimezone(OFFICE_ZONE)
            print(f"{when:%d.%m.%Y %H:%M}\t{entry.who}\t{entry.action}\t{entry.details}", file=out)
