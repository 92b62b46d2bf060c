"""How long a person's file with many letters takes to leave as xdomea (0401) and to be taken in by
another office, and how large the package is. Prints figures; not part of the test suite.

    .venv/bin/python -m benchmarks.xdomea_transfer [--schreiben 1000] [--vorgaenge 20] [--schema PFAD]

Setup (not timed): a fresh SQLite office, one person, ``--vorgaenge`` cases, one real Nachforderung
PDF per case, copied until the file holds ``--schreiben`` letters (each a stored PDF as the program
keeps them). Timed: the hand-over (reading the file, the message, the ZIP, closing the cases), the
preview and the intake on a second, empty office, and — with ``--schema`` — the XSD validation.
"""

from __future__ import annotations

import argparse
import tempfile
import time
from datetime import date
from pathlib import Path

from sqlalchemy import select

from abh_desk import migrate
from abh_desk.bootstrap import ensure_areas
from abh_desk.clock import FixedClock
from abh_desk.domain.catalogue import load_catalogue
from abh_desk.services import file_handover, file_intake
from abh_desk.services.case_letters import create_missing_documents_letter
from abh_desk.services.cases import open_case
from abh_desk.services.context import ServiceContext
from abh_desk.services.persons import PersonInput, create_person
from abh_desk.storage import Database
from models import Letter

PROCEDURES = ("99010019001008", "99010019001013")


def _office(directory: Path, clock: FixedClock) -> ServiceContext:
    directory.mkdir()
    db = Database(f"sqlite:///{directory / 'abh.sqlite3'}")
    migrate.upgrade(db)
    ctx = ServiceContext(db, load_catalogue(), clock=clock)
    ensure_areas(ctx)
    return ctx


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--schreiben", type=int, default=1000)
    parser.add_argument("--vorgaenge", type=int, default=20)
    parser.add_argument("--schema", type=Path, default=None, help="xdomea.xsd, to time the validation too")
    args = parser.parse_args()

    clock = FixedClock(date(2026, 11, 23))
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        ctx = _office(root / "singen", clock)
        person = create_person(ctx, PersonInput("Haddad", "Rania", "01.01.1990", nationality="SYR",
                                                street="Weg 1", postcode="78224", city="Singen"))  # fmt: skip
        cases = []
        for n in range(args.vorgaenge):
            case = open_case(ctx, person.id, PROCEDURES[n % 2], repeat_reason="Benchmark: weiterer Vorgang")
            create_missing_documents_letter(ctx, case.id)
            cases.append(case.id)
        with ctx.unit_of_work() as uow:
            letters = list(uow.session.scalars(select(Letter)))
            for n in range(args.schreiben - len(letters)):
                model = letters[n % len(letters)]
                copy = Letter(**{c.key: getattr(model, c.key) for c in Letter.__table__.columns if c.key != "id"})
                uow.session.add(copy)
            uow.commit()
        target = root / "abgabe.zip"
        started = time.perf_counter()
        result = file_handover.hand_over(ctx, person.id, "Landratsamt Konstanz", target)
        handed = time.perf_counter() - started
        data = target.read_bytes()
        other = _office(root / "konstanz", clock)
        started = time.perf_counter()
        file_intake.preview_intake(other, data)
        previewed = time.perf_counter() - started
        started = time.perf_counter()
        taken = file_intake.take_in(other, data)
        took = time.perf_counter() - started
        print(f"Akte: {len(result.cases)} Vorgänge, {result.letters} Schreiben (PDF)")
        print(f"Paket: {len(data) / 2**20:.1f} MB")
        print(f"Abgabe (lesen, 0401, ZIP, Vorgänge abschließen): {handed:.2f} s")
        print(f"Vorschau der Übernahme: {previewed:.2f} s")
        print(f"Übernahme (eine Transaktion) mit Quittung: {took:.2f} s, {len(taken.file_numbers)} Vorgänge")
        if args.schema is not None:
            from abh_desk.xdomea import container, schema

            message = container.unpack(data).message
            started = time.perf_counter()
            schema.validate(message, args.schema, "Benchmark")
            print(f"XSD-Prüfung der Nachricht ({len(message) / 2**20:.1f} MB, Schema geladen): "
                  f"{time.perf_counter() - started:.2f} s")  # fmt: skip
        for context in (ctx, other):
            context.db.dispose()


if __name__ == "__main__":
    main()
