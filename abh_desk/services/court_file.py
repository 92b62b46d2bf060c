"""The file for the court (Aktenvorlage, § 99 Abs. 1 VwGO): one PDF of a person's whole file — or of
the cases chosen — with a cover sheet, a table of contents, every document and letter in the
file's order, and on every page its number ("Seite n von N").

Made page by page: each piece is written from the database to a temporary file (a document piece
by piece), an image becomes PDF pages there, and the court file is assembled from those files;
no more than one piece's content is held at once beside the writer. The compilation is logged with
its contents (piece, pages, SHA-256)."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Collection
from dataclasses import dataclass
from pathlib import Path

from pypdf import PdfReader
from sqlalchemy import select
from sqlalchemy.orm import Session

from abh_desk.domain.text import clean_text
from abh_desk.error_texts import Label
from abh_desk.errors import ValidationError
from abh_desk.services.context import NO_PROGRESS, Progress, ServiceContext
from abh_desk.services.document_content import PDF
from abh_desk.services.documents import iter_content
from abh_desk.services.e_file import LETTER, EFile, FileEntry, read_file
from abh_desk.services.office import read_office_settings
from letters.court_file import ContentsLine, CourtFileCover, image_to_pdf, render_front_matter
from letters.pdf_join import PdfJoiner
from models import Letter, User


@dataclass(frozen=True)
class CourtFileResult:
    target: Path
    pages: int
    pieces: int


@dataclass(frozen=True)
class _Part:
    entry: FileEntry
    path: Path
    pages: int


def build_court_file(
    ctx: ServiceContext,
    person_id: int,
    target: Path,
    *,
    case_ids: Collection[int] | None = None,
    court_reference: str = "",
    progress: Progress = NO_PROGRESS,
) -> CourtFileResult:
    """Write the court file to ``target`` (a new file); ``case_ids`` limits it to those cases."""
    ctx = ctx.frozen()
    court_reference = clean_text(court_reference, "gericht_az", Label("court_file.label_court_reference"), 100)
    if target.exists():
        raise ValidationError("court_file.file_exists", name=target.name)
    if not target.parent.is_dir():
        raise ValidationError("court_file.no_such_folder", parent=target.parent)
    with tempfile.TemporaryDirectory(prefix="aktenvorlage-") as folder, ctx.db.read() as session:
        file = read_file(session, ctx, person_id, case_ids)
        if case_ids is not None and not file.cases:
            raise ValidationError("court_file.no_case_of_person", field="vorgaenge")
        total_steps = len(file.entries) * 2 + 2
        parts: list[_Part] = []
        for n, entry in enumerate(file.entries):
            progress.check()
            parts.append(_part(session, entry, Path(folder), n))
            progress.report(n + 1, total_steps)
        settings = read_office_settings(session)
        compiled_by = session.scalar(select(User.display_name).where(User.id == ctx.actor.user_id)) or "System"
        selection = (
            "die ganze Akte" if case_ids is None else "nur die Vorgänge " + ", ".join(c.file_number for c in file.cases)
        )

        def cover(front_pages: int) -> CourtFileCover:
            lines, page = [], front_pages + 1
            for number, part in enumerate(parts, start=1):
                lines.append(
                    ContentsLine(number, part.entry.dated, part.entry.title, part.entry.kind,
                                 part.entry.file_number, page, page + part.pages - 1)
                )  # fmt: skip
                page += part.pages
            return CourtFileCover(
                settings.authority_name, f"{settings.street}, {settings.postcode_city}".strip(", "),
                settings.court_name, court_reference, file.person_name, file.birth_date,
                tuple(f"{c.file_number} – {c.procedure}" for c in file.cases), ctx.today(), compiled_by,
                page - 1, tuple(lines), selection,
            )  # fmt: skip

        # The table of contents' length does not depend on its page numbers: measure, then render.
        front = render_front_matter(cover(0))
        front_pages = len(PdfReader(_bytes_file(Path(folder) / "front0.pdf", front)).pages)
        front = render_front_matter(cover(front_pages))
        front_path = _bytes_file(Path(folder) / "front.pdf", front)
        total = front_pages + sum(p.pages for p in parts)
        partial = target.with_name(target.name + ".teil")
        footer = f"Aktenvorlage {file.cases[0].file_number}" if len(file.cases) == 1 else "Aktenvorlage"
        try:
            with partial.open("wb") as out:
                joiner = PdfJoiner(out, f"Aktenvorlage {file.person_name}", settings.authority_name)
                for n, source in enumerate([front_path, *(p.path for p in parts)]):
                    progress.check()
                    joiner.add_file(source, lambda page: f"{footer} · Seite {page} von {total}")
                    progress.report(len(parts) + n + 1, total_steps)
                joiner.close()
        except BaseException:
            partial.unlink(missing_ok=True)
            raise
    try:
        _log(ctx, file, parts, front_pages, total, target, case_ids, court_reference)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    os.replace(partial, target)
    progress.report(total_steps, total_steps)
    return CourtFileResult(target, total, len(parts))


def _bytes_file(path: Path, content: bytes) -> Path:
    path.write_bytes(content)
    return path


def _part(session: Session, entry: FileEntry, folder: Path, n: int) -> _Part:
    """The piece as a PDF file in ``folder`` and its pages."""
    source = folder / f"{n:04d}.quelle"
    with source.open("wb") as out:
        if entry.source == LETTER:
            out.write(bytes(session.scalar(select(Letter.pdf).where(Letter.id == entry.id)) or b""))
        else:
            for piece in iter_content(session, entry.id):
                out.write(piece)
    if entry.media_type == PDF:
        return _Part(entry, source, len(PdfReader(source).pages))
    converted = folder / f"{n:04d}.pdf"
    with converted.open("wb") as out:
        pages = image_to_pdf(source, out)
    source.unlink()
    return _Part(entry, converted, pages)


def _log(
    ctx: ServiceContext,
    file: EFile,
    parts: list[_Part],
    front_pages: int,
    total: int,
    target: Path,
    case_ids: Collection[int] | None,
    court_reference: str,
) -> None:
    contents, page = [], front_pages + 1
    for part in parts:
        contents.append(
            {"art": part.entry.source, "id": part.entry.id, "titel": part.entry.title, "az": part.entry.file_number,
             "seiten": f"{page}-{page + part.pages - 1}", "sha256": part.entry.sha256}
        )  # fmt: skip
        page += part.pages
    with ctx.unit_of_work() as uow:
        uow.audit(
            "aktenvorlage_erstellt",
            "person",
            file.person_id,
            datei=target.name,
            gericht_az=court_reference or None,
            vorgaenge=[c.file_number for c in file.cases] if case_ids is not None else "alle",
            seiten=total,
            inhalt=contents,
        )
        uow.commit()
