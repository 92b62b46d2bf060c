"""``abh-desk xdomea``: files to and from other authorities and the archive (xdomea 3.0.0).

    abgabe PERSON --an BEHÖRDE --ausgabe DATEI.zip [--hinweis TEXT]   hand a file over (0401)
    import DATEI.zip [--vorschau] [--zu-person N | --andere-person GRUND] [--quittung DATEI.xml]
    quittung DATEI                     read the receiving authority's receipt (0402)
    anbieten --ausgabe DATEI.xml       offer the due files to the archive (0501)
    bewertung DATEI.xml                read the archive's evaluation (0502)
    aussondern --ausgabe DATEI.zip     hand the files the archive keeps to it (0503)
    archivbestaetigung DATEI.xml       read the archive's confirmation (0506)

PERSON is the person's number or one of their Aktenzeichen. Messages read are checked against the
xdomea schema where ``ABH_DESK_XDOMEA_SCHEMA`` names the workstation's copy of ``xdomea.xsd``.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any, TextIO

from sqlalchemy import select

from abh_desk.errors import DomainError, ValidationError
from abh_desk.services import archive_offers, file_handover, file_intake
from abh_desk.services.context import ServiceContext
from abh_desk.xdomea.schema import configured_schema as schema_path
from models import Case

MAX_FILE = 2 * 1024**3


def add_parser(commands: Any) -> None:
    parser = commands.add_parser("xdomea", help="Akten an andere Behörden abgeben, übernehmen, dem Archiv anbieten")
    actions = parser.add_subparsers(dest="xdomea", metavar="AKTION", required=True, parser_class=type(parser))
    out = actions.add_parser("abgabe", help="die Akte einer Person an eine andere Behörde abgeben (Abgabe.0401)")
    out.add_argument("person", metavar="PERSON", help="Personennummer oder ein Aktenzeichen der Person")
    out.add_argument("--an", required=True, metavar="BEHÖRDE", help="die übernehmende Behörde")
    out.add_argument("--ausgabe", required=True, metavar="DATEI.zip")
    out.add_argument("--hinweis", default="", metavar="TEXT", help="ein Hinweis an die übernehmende Behörde")
    take = actions.add_parser("import", help="eine Akte einer anderen Behörde übernehmen (Abgabe.0401)")
    take.add_argument("datei", metavar="DATEI.zip")
    take.add_argument("--vorschau", action="store_true", help="nur zeigen, was angelegt würde")
    who = take.add_mutually_exclusive_group()
    who.add_argument("--zu-person", type=int, metavar="N", help="die Akte der schon erfassten Person N zuordnen")
    who.add_argument("--andere-person", metavar="GRUND", help="trotz Ähnlichkeit eine neue Person anlegen (Grund)")
    take.add_argument("--quittung", metavar="DATEI.xml", help="wohin die Importbestätigung (0402) geschrieben wird")
    receipt = actions.add_parser("quittung", help="die Importbestätigung (0402) der übernehmenden Behörde lesen")
    receipt.add_argument("datei", metavar="DATEI")
    offer = actions.add_parser("anbieten", help="die zur Löschung fälligen Akten dem Archiv anbieten (0501)")
    offer.add_argument("--ausgabe", required=True, metavar="DATEI.xml")
    evaluation = actions.add_parser("bewertung", help="die Bewertung des Archivs lesen (0502)")
    evaluation.add_argument("datei", metavar="DATEI")
    transfer = actions.add_parser("aussondern", help="die archivwürdigen Akten an das Archiv abgeben (0503)")
    transfer.add_argument("--ausgabe", required=True, metavar="DATEI.zip")
    confirm = actions.add_parser("archivbestaetigung", help="die Übernahmebestätigung des Archivs lesen (0506)")
    confirm.add_argument("datei", metavar="DATEI")


def _read(name: str) -> bytes:
    path = Path(name)
    try:
        if path.stat().st_size > MAX_FILE:
            raise ValidationError("cli_xdomea.file_too_large", name=name)
        return path.read_bytes()
    except FileNotFoundError:
        raise ValidationError("cli_xdomea.no_such_file", name=name) from None
    except IsADirectoryError:
        raise ValidationError("cli_xdomea.is_a_folder", name=name) from None
    except OSError as exc:
        raise ValidationError("cli_xdomea.unreadable", name=name, strerror=exc.strerror) from None


def _person_id(ctx: ServiceContext, text: str) -> int:
    if text.isdigit() and len(text) <= 12:
        return int(text)
    with ctx.db.read() as session:
        found = session.scalar(select(Case.person_id).where(Case.file_number == text.strip()))
    if found is None:
        raise ValidationError("cli_xdomea.not_person_or_case", text=text[:60])
    return found


def run(ctx: ServiceContext, args: argparse.Namespace, out: TextIO) -> int:
    """The command; the database connections are closed at its end, also after a refusal (whose
    traceback would otherwise keep them open until the garbage collector finds them)."""
    try:
        return _run(ctx, args, out)
    finally:
        ctx.db.dispose()


def _run(ctx: ServiceContext, args: argparse.Namespace, out: TextIO) -> int:
    action = args.xdomea
    if action == "abgabe":
        result = file_handover.hand_over(ctx, _person_id(ctx, args.person), args.an, Path(args.ausgabe), args.hinweis)
        print(
            f"Akte abgegeben an {args.an}: {len(result.cases)} Vorgänge ({', '.join(result.cases)}), "
            f"{result.letters} Schreiben, {result.documents} weitere Dokumente → {result.path} "
            f"({result.size / 1024:.0f} KB, Prozess {result.process_id}). Die Vorgänge sind hier abgeschlossen.",
            file=out,
        )
        return 0
    if action == "import":
        return _import(ctx, args, out)
    if action == "quittung":
        for line in file_handover.read_receipt(ctx, _read(args.datei)):
            print(line, file=out)
        return 0
    if action == "anbieten":
        step = archive_offers.offer_due_files(ctx, Path(args.ausgabe))
    elif action == "bewertung":
        step = archive_offers.read_evaluation(ctx, _read(args.datei))
    elif action == "aussondern":
        step = archive_offers.transfer_to_archive(ctx, Path(args.ausgabe))
    else:
        step = archive_offers.read_archive_receipt(ctx, _read(args.datei))
    for line in step.lines:
        print(line, file=out)
    if step.path is not None:
        print(f"→ {step.path} (Prozess {step.process_id})", file=out)
    return 0


def _import(ctx: ServiceContext, args: argparse.Namespace, out: TextIO) -> int:
    data = _read(args.datei)
    schema = schema_path()
    preview = file_intake.preview_intake(ctx, data, schema)
    print(f"Abgabe von {preview.sender or 'unbekannt'} (Prozess {preview.process_id})", file=out)
    for file in preview.files:
        print(f"Person: {file.name}, geb. {file.birth_date}, {file.nationality}; {file.titles} Titel", file=out)
        for dup in file.duplicates:
            print(
                f"  schon erfasst? Person {dup.id}: {dup.family_name}, {dup.given_names} ({dup.birth_date})", file=out
            )
        for case in file.cases:
            print(
                f"  Vorgang {case.file_number}\t{case.procedure}\t{case.status}\tzuständig: {case.owner}\t"
                f"{case.letters} Schreiben, {case.documents} Dokumente",
                file=out,
            )
    if not preview.complete:
        print("Hinweis: die Akte kommt nicht aus ABH Desk; übernommen wird, was xdomea selbst trägt.", file=out)
    if args.vorschau:
        print("Vorschau – nichts wurde gespeichert.", file=out)
        return 0
    receipt_path = Path(args.quittung) if args.quittung else None
    try:
        result = file_intake.take_in(ctx, data, schema, args.zu_person, args.andere_person)
    except DomainError as error:
        refusal = file_intake.refusal_receipt(ctx, data, error) if receipt_path is not None else None
        if refusal is not None and receipt_path is not None and not receipt_path.exists():
            receipt_path.write_bytes(refusal[0])
            print(f"Ablehnende Importbestätigung → {receipt_path}", file=out)
        raise
    receipt_path = receipt_path or Path(args.datei).with_name(result.receipt_name)
    if receipt_path.exists():
        raise ValidationError("cli_xdomea.receipt_exists", receipt_path=receipt_path)
    receipt_path.write_bytes(result.receipt)
    for old, new in result.file_numbers:
        print(f"Vorgang {old} → {new}", file=out)
    joined = "der schon erfassten Person zugeordnet" if result.joined else "als neue Person angelegt"
    print(
        f"Akte übernommen ({joined}, Person {', '.join(map(str, result.person_ids))}). "
        f"Importbestätigung → {receipt_path}",
        file=out,
    )
    return 0
