"""``abh-desk selbsttest``: the smoke test of an installation (above all of a PyInstaller bundle).

In a temporary directory it creates an SQLite database, migrates it, routes a name through the
shipped Singen rules, signs an administrator in (argon2), computes an objection deadline across a
holiday and renders a letter, reading the PDF back where pypdf is installed. Each step prints a
German line; the first failing step is named and the exit status is 1. Every step reads files the
program ships (``resources/``, ``models/migrations``), so a bundle missing one of them fails here.

``gui_check`` (passed in by ``main.py``; this module never imports Qt) adds a last step that
starts Qt offscreen and builds a window.
"""

from __future__ import annotations

import io
import tempfile
import traceback
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TextIO

from abh_desk import migrate
from abh_desk.domain.catalogue import load_catalogue
from abh_desk.domain.countries import nationality_name
from abh_desk.domain.deadlines import DeadlineContext, compute
from abh_desk.domain.enums import DeadlineKind, Role
from abh_desk.services.assignment import route_names
from abh_desk.services.auth import LoginFailed, create_user, sign_in
from abh_desk.services.context import ServiceContext
from abh_desk.services.example_office import install_example_office
from abh_desk.services.letterhead import office_letterhead
from abh_desk.storage import Database
from letters.data import Address, InfoBlock, MissingDocumentsData

GuiCheck = Callable[[], str]

#: A name with Vietnamese diacritics, routed by the shipped rules (folded to NGUYEN).
SAMPLE_NAME = "Nguyễn"
#: Posted on 30.04.2026 in BW: Bekanntgabe 04.05., the month ends on Fronleichnam (04.06.), so 05.06.
DISPATCHED = date(2026, 4, 30)
EXPECTED_DUE = date(2026, 6, 5)


class StepFailed(Exception):
    pass


def sample_letter_pdf() -> bytes:
    """A sample reminder letter from built-in data, for the window's check that QtPdf draws."""
    from letters.render import render_reminder
    from letters.samples import reminder

    return render_reminder(reminder())


def _check(condition: bool, message: str) -> None:
    if not condition:
        raise StepFailed(message)


def _size(pdf: bytes) -> str:
    return f"{len(pdf) / 1024:.0f} KB".replace(".", ",")


class _Run:
    def __init__(self, directory: Path) -> None:
        self.directory = directory
        self.ctx: ServiceContext | None = None

    def database(self) -> str:
        db = Database(f"sqlite:///{self.directory / 'selbsttest.sqlite3'}")
        db.check_connection()
        before, after = migrate.upgrade(db)
        _check(before is None, f"die neue Datenbank hatte schon den Schemastand {before}")
        _check(not migrate.needs_upgrade(db), "nach der Migration fehlt noch eine Revision")
        self.ctx = ServiceContext(db, load_catalogue())
        return (
            f"Datenbank angelegt und auf Schemastand {after} migriert; {len(self.ctx.catalogue)} Leistungen im Katalog"
        )

    def routing(self) -> str:
        assert self.ctx is not None
        install_example_office(self.ctx)  # the self-test's own file routes by Singen's example rules
        [(name, caseworker)] = route_names(self.ctx, "allgemein", [SAMPLE_NAME])
        _check(caseworker != "niemand", f"für „{name}“ ist niemand zuständig")
        country = nationality_name("GBR")
        _check(country == "Vereinigtes Königreich", f"Staatsangehörigkeiten nicht deutsch benannt (GBR → {country})")
        return f"Zuständigkeit: „{name}“ → {caseworker}; GBR heißt „{country}“"

    def sign_in(self) -> str:
        assert self.ctx is not None
        create_user(self.ctx, "selbsttest", "Selbsttest", Role.ADMIN, "Selbsttest-2026")
        signed_in = sign_in(self.ctx, "selbsttest", "Selbsttest-2026")
        _check(signed_in.actor.role == Role.ADMIN, "die Anmeldung ergab eine falsche Rolle")
        try:
            sign_in(self.ctx, "selbsttest", "falsch")
        except LoginFailed as refused:  # its sentence comes from resources/messages, in both languages
            _check(
                refused.key is not None and refused.text("de") not in (refused.key, refused.text("en")),
                f"die Sätze der Meldungen fehlen (resources/messages): {refused.text('de')}",
            )
        else:
            raise StepFailed("ein falsches Passwort wurde angenommen")
        return (
            "Benutzer angelegt und angemeldet (Passwort-Hash argon2id); "
            "ein falsches Passwort auf Deutsch und Englisch abgelehnt"
        )

    def deadline(self) -> str:
        deadline = compute(DeadlineKind.REMEDY_PERIOD, DISPATCHED, DeadlineContext.for_land("BW"))
        _check(
            deadline.due == EXPECTED_DUE and "Fronleichnam" in (deadline.moved_because or ""),
            f"Widerspruchsfrist {deadline.due:%d.%m.%Y} ({deadline.moved_because}), erwartet "
            f"{EXPECTED_DUE:%d.%m.%Y} wegen Fronleichnam",
        )
        return (
            f"Frist: Bescheid zur Post am {DISPATCHED:%d.%m.%Y} → Widerspruchsfrist bis {deadline.due:%d.%m.%Y} "
            f"(verschoben: {deadline.moved_because})"
        )

    def letter(self) -> str:
        assert self.ctx is not None
        with self.ctx.db.read() as session:
            letterhead = office_letterhead(session)
        data = MissingDocumentsData(
            letterhead=letterhead,
            address=Address(lines=("Frau", "Nguyễn Thị Hương", "Scheffelstraße 12", "78224 Singen (Hohentwiel)")),
            info=InfoBlock(file_number="ABH-2026-000001", caseworker="Selbsttest", phone="", date=date(2026, 11, 2)),
            application_date=date(2026, 10, 12),
            applied_for="Erteilung einer Aufenthaltserlaubnis",
            documents=("Gültiger Reisepass",),
            due=date(2026, 12, 1),
        )
        from letters.render import render_missing_documents  # loads reportlab: only in this step

        pdf = render_missing_documents(data)
        _check(pdf.startswith(b"%PDF-"), "das Ergebnis ist kein PDF")
        (self.directory / "nachforderung.pdf").write_bytes(pdf)
        try:
            from pypdf import PdfReader
        except ImportError:
            return f"Schreiben (Nachforderung) als PDF erzeugt, {_size(pdf)}"
        text = "".join(page.extract_text() or "" for page in PdfReader(io.BytesIO(pdf)).pages)
        _check("Nguyễn Thị Hương" in text, "der Name der Empfängerin ist im PDF nicht lesbar")
        return f"Schreiben (Nachforderung) als PDF erzeugt und gelesen, {_size(pdf)}"


def run_selftest(out: TextIO, gui_check: GuiCheck | None = None) -> int:
    """Run every step; print „OK …“ lines; 0 when all passed, 1 at the first failure (named)."""
    with tempfile.TemporaryDirectory(prefix="abh-desk-selbsttest-") as tmp:
        run = _Run(Path(tmp))
        steps: list[tuple[str, Callable[[], str]]] = [
            ("Datenbank", run.database),
            ("Zuständigkeit", run.routing),
            ("Anmeldung", run.sign_in),
            ("Frist", run.deadline),
            ("Schreiben", run.letter),
        ]
        if gui_check is not None:
            steps.append(("Oberfläche", gui_check))
        try:
            for name, step in steps:
                try:
                    print(f"OK   {step()}", file=out, flush=True)
                except Exception as exc:  # every failure, whatever its kind, names the step
                    print(f"FEHLER im Schritt „{name}“: {exc}", file=out, flush=True)
                    if not isinstance(exc, StepFailed):
                        traceback.print_exc(file=out)
                    return 1
        finally:
            if run.ctx is not None:
                run.ctx.db.dispose()
    print("Selbsttest bestanden.", file=out)
    return 0
