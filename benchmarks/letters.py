"""Letters: one rejection notice, 1,000 reminders on one core — each beside LibreOffice headless
turning an equivalent document into PDF, which is what offices otherwise use for form letters.

The equivalent document is HTML with the very text of our PDF (read back with pypdf), one
paragraph per line, converted by ``soffice --headless --convert-to pdf`` with its own profile
(made once, before timing). LibreOffice runs as a new process per conversion, as a form-letter
macro or a script calling it would; its start-up is part of what an office waits for.
"""

from __future__ import annotations

import html
import io
import os
import shutil
import subprocess
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path

import pypdf

from benchmarks.database import Opened
from benchmarks.harness import Figure, Spec, Target, measure
from letters import samples
from letters.remedies import load_remedies
from letters.render import render_batch, render_rejection
from letters.textblocks import load_textblocks

MS = 1_000_000
REMINDERS = 1_000


def _soffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def _html(pdf: bytes) -> str:
    pages = [page.extract_text() for page in pypdf.PdfReader(io.BytesIO(pdf)).pages]
    body = []
    for number, text in enumerate(pages):
        style = ' style="page-break-before: always"' if number else ""
        lines = "".join(f"<p>{html.escape(line)}</p>" for line in text.splitlines() if line.strip())
        body.append(f"<div{style}>{lines}</div>")
    return f"<html><head><meta charset='utf-8'></head><body>{''.join(body)}</body></html>"


@contextmanager
def _libreoffice(document: str) -> Iterator[Callable[[object], None] | None]:
    """A call converting ``document`` (HTML) to PDF with LibreOffice, or None where it is missing."""
    binary = _soffice()
    if binary is None:
        yield None
        return
    with tempfile.TemporaryDirectory(prefix="abh-lo-") as folder:
        source = Path(folder) / "brief.html"
        source.write_text(document, encoding="utf-8")
        command = [
            binary, f"-env:UserInstallation=file://{folder}/profile", "--headless", "--convert-to", "pdf",
            "--outdir", folder, str(source),
        ]  # fmt: skip

        def convert(_run: object) -> None:
            subprocess.run(command, check=True, capture_output=True, timeout=600)
            if not (Path(folder) / "brief.pdf").stat().st_size:
                raise RuntimeError("LibreOffice wrote an empty PDF")

        convert(None)  # the profile is created on the first start; not timed
        yield convert


@contextmanager
def _one_core() -> Iterator[None]:
    """Pin this process to one CPU while measuring (the target says: on one core)."""
    if not hasattr(os, "sched_setaffinity"):
        yield
        return
    before = os.sched_getaffinity(0)
    os.sched_setaffinity(0, {min(before)})
    try:
        yield
    finally:
        os.sched_setaffinity(0, before)


def rejection(_opened: Opened) -> Figure:
    data = samples.long_rejection()
    blocks, remedies = load_textblocks(), load_remedies()
    pdf = render_rejection(data, blocks=blocks, remedies=remedies)
    with _libreoffice(_html(pdf)) as office, _one_core():
        stats, baseline = measure(
            lambda _run: render_rejection(data, blocks=blocks, remedies=remedies),
            range(40), office, warmup=3, budget_s=90,
        )  # fmt: skip
    pages = len(pypdf.PdfReader(io.BytesIO(pdf)).pages)
    return Figure(
        "briefe.ablehnung", f"One rejection notice ({pages} pages, PDF)", stats, baseline=baseline,
        baseline_label="LibreOffice headless: same text as HTML → PDF" if office else "",
        target=Target(100 * MS), note="long sample (three grounds, entry ban); one core",
    )  # fmt: skip


def reminders(_opened: Opened) -> Figure:
    letters = [replace(samples.reminder(), draft=False) for _ in range(REMINDERS)]
    blocks = load_textblocks()
    document = _html(render_batch(letters[:1], blocks=blocks))
    head, rest = document.split("<body>", 1)
    body = rest.rsplit("</body>", 1)[0]
    next_letter = body.replace("<div>", '<div style="page-break-before: always">', 1)
    many = f"{head}<body>{body}{next_letter * (REMINDERS - 1)}</body></html>"
    with _libreoffice(many) as office, _one_core():
        stats, baseline = measure(
            lambda _run: render_batch(letters, blocks=blocks), range(3), office, warmup=1, budget_s=300
        )
    return Figure(
        "briefe.erinnerungen", f"{REMINDERS:,} reminder letters in one PDF", stats, unit="s", baseline=baseline,
        baseline_label="LibreOffice headless: the same 1,000 letters as one HTML → PDF" if office else "",
        target=Target(30 * 1_000 * MS), note=f"{REMINDERS / stats.median_ns * 1e9:,.0f} letters/s; one core",
    )  # fmt: skip


FIGURES = (
    Spec("briefe.ablehnung", rejection, per_backend=False),
    Spec("briefe.erinnerungen", reminders, per_backend=False),
)
