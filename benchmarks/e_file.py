"""The e-file at scale: 50 documents of 1–5 MB on one person (scanned PDFs, JPEGs, multi-page
TIFFs), how long each takes to be checked and stored, how soon the viewer shows the first page,
how long the court file of 200 pages takes, and the memory each step needs. Prints figures; not
part of the test suite.

    .venv/bin/python -m benchmarks.e_file [--dokumente 50] [--postgres URL|auto]

Setup (not timed): files of incompressible noise (a real scan barely compresses either), so the
sizes are what the database stores. Timed: ``attach_document`` per file (content check, hash,
pieces), the viewer (``EFileDialog`` offscreen, from construction until QtPdf has the first PDF
open and the window is painted), and ``build_court_file`` of the whole file. Memory: the court file
is built in a child process and its peak resident set size reported beside the documents' total.
"""

from __future__ import annotations

import argparse
import io
import multiprocessing
import os
import random
import resource
import statistics
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

from sqlalchemy import create_engine, text

from abh_desk import migrate
from abh_desk.clock import FixedClock
from abh_desk.domain.catalogue import load_catalogue
from abh_desk.services import documents
from abh_desk.services.cases import open_case
from abh_desk.services.context import ServiceContext
from abh_desk.services.example_office import install_example_office
from abh_desk.services.office import update_office_settings
from abh_desk.services.persons import PersonInput, create_person
from abh_desk.storage import Database

TODAY = date(2026, 11, 21)
MB = 1_000_000


def _noise_pdf(path: Path, size: int, pages: int, rng: random.Random) -> None:
    from PIL import Image
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen import canvas

    out = io.BytesIO()
    pdf = canvas.Canvas(out, pagesize=A4)
    side = int((size * 0.8 / pages / 3) ** 0.5)  # the image stream is ASCII85: 5 bytes for 4
    for n in range(pages):
        noise = Image.frombytes("RGB", (side, side), rng.randbytes(side * side * 3))
        pdf.drawString(72, 800, f"Scan Seite {n + 1}")
        pdf.drawImage(ImageReader(noise), 40, 80, 515, 700)
        pdf.showPage()
    pdf.save()
    path.write_bytes(out.getvalue())


def _noise_image(path: Path, size: int, frames: int, kind: str, rng: random.Random) -> None:
    from PIL import Image

    side = int((size / frames / 3) ** 0.5)
    pages = [Image.frombytes("RGB", (side, side), rng.randbytes(side * side * 3)) for _ in range(frames)]
    if kind == "TIFF":
        pages[0].save(path, "TIFF", save_all=True, append_images=pages[1:], compression="tiff_deflate")
    else:
        pages[0].save(path, kind, quality=95)


def make_files(folder: Path, count: int, seed: int = 18) -> list[Path]:
    """``count`` files of 1–5 MB, about 200 pages together: mostly 4-page PDFs, some TIFFs, a few JPEGs."""
    rng = random.Random(seed)
    files = []
    for n in range(count):
        size = rng.randint(1 * MB, 5 * MB)
        if n % 10 == 9:
            path = folder / f"foto{n:02d}.jpg"
            _noise_image(path, size, 1, "JPEG", rng)
        elif n % 10 == 4:
            path = folder / f"scan{n:02d}.tif"
            _noise_image(path, size, 5, "TIFF", rng)
        else:
            path = folder / f"scan{n:02d}.pdf"
            _noise_pdf(path, size, 4, rng)
        files.append(path)
    return files


def _context(url: str) -> ServiceContext:
    db = Database(url)
    migrate.upgrade(db)
    ctx = ServiceContext(db, load_catalogue(), clock=FixedClock(TODAY))
    install_example_office(ctx)
    update_office_settings(ctx, document_max_mb=10)
    return ctx


def _peak_rss_kb() -> int:
    """This process's peak resident set (VmHWM: unlike ru_maxrss it does not carry the parent's over exec)."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1])
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def _court_child(url: str, person_id: int, target: str, queue: multiprocessing.Queue) -> None:  # type: ignore[type-arg]
    from abh_desk.services.court_file import build_court_file
    from letters.court_file import render_front_matter  # noqa: F401 - loaded before the baseline

    ctx = ServiceContext(Database(url), load_catalogue(), clock=FixedClock(TODAY))
    before = _peak_rss_kb()
    started = time.perf_counter()
    result = build_court_file(ctx, person_id, Path(target))
    seconds = time.perf_counter() - started
    queue.put((seconds, result.pages, before, _peak_rss_kb()))


def _viewer(ctx: ServiceContext, person_id: int, rounds: int = 6) -> list[float]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from ui.e_file_dialog import EFileDialog
    from ui.tasks import TaskRunner

    app = QApplication.instance() or QApplication([])
    runner = TaskRunner()
    times = []
    for _ in range(rounds):
        started = time.perf_counter()
        dialog = EFileDialog(ctx, person_id, runner)
        dialog.show()
        while dialog.pdf.page_count() == 0:
            app.processEvents()
        dialog.grab()  # the first page painted
        times.append(time.perf_counter() - started)
        dialog.close()  # its thumbnails stop after the one under way
        runner.wait()
        app.processEvents()
        dialog.deleteLater()
        app.processEvents()
    return times


def run(url: str, count: int, folder: Path) -> None:
    ctx = _context(url)
    person = create_person(ctx, PersonInput("Benchmark", "Akte", "01.01.1990", nationality="SYR")).id
    case = open_case(ctx, person, "99010019001008", applied_on=TODAY).id
    files = make_files(folder, count)
    total = sum(f.stat().st_size for f in files)
    rss_before = _peak_rss_kb()
    times = []
    for path in files:
        started = time.perf_counter()
        documents.attach_document(ctx, path, case_id=case, title=path.stem)
        times.append(time.perf_counter() - started)
    rss_attach = _peak_rss_kb()
    rate = total / MB / sum(times)
    largest = max(f.stat().st_size for f in files) / MB
    print(f"- {count} documents, {total / MB:,.0f} MB together (largest {largest:.1f} MB)")
    print(
        f"- attach (check + hash + store): median {statistics.median(times) * 1000:,.0f} ms, "
        f"max {max(times) * 1000:,.0f} ms, {rate:,.1f} MB/s; peak RSS grew {(rss_attach - rss_before) / 1024:,.0f} MB"
    )
    verify_start = time.perf_counter()
    report = documents.verify_documents(ctx)
    checked = time.perf_counter() - verify_start
    print(f"- audit check of every document (hash recomputed): {checked:,.2f} s, ok={report.ok}")
    viewer = _viewer(ctx, person)
    print(
        f"- viewer, first page shown: first opening {viewer[0] * 1000:,.0f} ms (QtPdf starts), then median "
        f"{statistics.median(viewer[1:]) * 1000:,.0f} ms, max {max(viewer[1:]) * 1000:,.0f} ms (target ≤ 300 ms)"
    )
    queue: multiprocessing.Queue = multiprocessing.get_context("spawn").Queue()  # type: ignore[type-arg]
    target = folder / "aktenvorlage.pdf"
    child = multiprocessing.get_context("spawn").Process(target=_court_child, args=(url, person, str(target), queue))
    child.start()
    seconds, pages, before, peak = queue.get()
    child.join()
    print(
        f"- court file: {pages} pages in {seconds:,.1f} s, {target.stat().st_size / MB:,.0f} MB; "
        f"peak RSS {peak / 1024:,.0f} MB (before it {before / 1024:,.0f} MB) for {total / MB:,.0f} MB of documents"
    )
    ctx.db.dispose()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.e_file", description=__doc__.splitlines()[0])
    parser.add_argument("--dokumente", type=int, default=50)
    parser.add_argument("--postgres", metavar="URL", help="also on this (empty) database; 'auto': a throw-away server")
    args = parser.parse_args(argv)
    print(f"# The e-file: {args.dokumente} documents on one person (cores {os.cpu_count()})\n")
    with tempfile.TemporaryDirectory(prefix="abh-efile-") as folder:
        print("## SQLite")
        run(f"sqlite:///{folder}/abh.sqlite3", args.dokumente, Path(folder))
        if args.postgres:
            server = None
            url = args.postgres
            if url == "auto":
                from tests.support.pgserver import PostgresServer

                server = PostgresServer()
                admin = server.start()
                engine = create_engine(admin, isolation_level="AUTOCOMMIT")
                with engine.connect() as connection:
                    connection.execute(text("CREATE DATABASE abh_akte"))
                engine.dispose()
                url = admin.rsplit("/", 1)[0] + "/abh_akte"
            try:
                for old in Path(folder).glob("*"):
                    if old.suffix != ".sqlite3" and "sqlite3" not in old.name:
                        old.unlink()
                print("\n## PostgreSQL")
                run(url, args.dokumente, Path(folder))
            finally:
                if server is not None:
                    server.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
