"""PDF files joined into one, page after page, each object written out as soon as it is copied:
the joined file is never held in memory, only the source being read (pypdf) — the court file of
hundreds of scans is made in bounded memory. Every page can get a line of text stamped on it
("Seite n von N"), appended as a content stream of its own (the page's content is not decoded).

Not copied: annotations, article threads and structure (a scan and a letter have none worth
keeping); attributes a page inherits (resources, media box) are written on the page itself."""

from __future__ import annotations

from pathlib import Path
from typing import Any, BinaryIO

from pypdf import PdfReader
from pypdf.generic import (
    ArrayObject,
    DecodedStreamObject,
    DictionaryObject,
    IndirectObject,
    NameObject,
    NumberObject,
    PdfObject,
    StreamObject,
    TextStringObject,
)
from reportlab.pdfbase.pdfmetrics import stringWidth

SKIPPED_PAGE_KEYS = frozenset({"/Parent", "/Annots", "/B", "/StructParents", "/Tabs"})
INHERITED = ("/Resources", "/MediaBox", "/CropBox")
STAMP_FONT = "/ABHStempel"
STAMP_SIZE = 8


def _ref(number: int) -> IndirectObject:
    return IndirectObject(number, 0, None)


def _pdf_text(text: str) -> bytes:
    raw = text.encode("cp1252", errors="replace")
    return b"(" + raw.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)") + b")"


class PdfJoiner:
    """``joiner = PdfJoiner(out)``; ``joiner.add_file(path, stamp)`` for each source; ``joiner.close()``."""

    def __init__(self, out: BinaryIO, title: str = "", author: str = "") -> None:
        self.out = out
        self.offsets: list[int] = [0, 0, 0]  # object 1: the page tree, 2: the catalogue
        self.kids: list[int] = []
        self.info = (title, author)
        out.write(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
        font = DictionaryObject(
            {
                NameObject("/Type"): NameObject("/Font"),
                NameObject("/Subtype"): NameObject("/Type1"),
                NameObject("/BaseFont"): NameObject("/Helvetica"),
                NameObject("/Encoding"): NameObject("/WinAnsiEncoding"),
            }
        )
        self.font = self._write(font)
        self.save = self._write(self._stream(b"q\n"))
        self.restore = self._write(self._stream(b"Q\n"))

    @property
    def pages(self) -> int:
        return len(self.kids)

    def _reserve(self) -> int:
        self.offsets.append(0)
        return len(self.offsets) - 1

    def _write(self, obj: PdfObject, number: int | None = None) -> int:
        number = number if number is not None else self._reserve()
        self.offsets[number] = self.out.tell()
        self.out.write(f"{number} 0 obj\n".encode())
        obj.write_to_stream(self.out)
        self.out.write(b"\nendobj\n")
        return number

    @staticmethod
    def _stream(data: bytes) -> DecodedStreamObject:
        stream = DecodedStreamObject()
        stream.set_data(data)
        return stream

    def _copy(self, obj: Any, memo: dict[tuple[int, int], int]) -> Any:
        """``obj`` with every indirect object it reaches written out (once per source) and referred to."""
        if isinstance(obj, IndirectObject):
            key = (obj.idnum, obj.generation)
            if key not in memo:
                memo[key] = self._reserve()
                self._write(self._copy(obj.get_object(), memo), memo[key])
            return _ref(memo[key])
        if isinstance(obj, StreamObject):
            stream = obj.__class__()
            stream._data = obj._data  # the encoded bytes as they are
            for key, value in obj.items():
                stream[NameObject(key)] = self._copy(value, memo)
            return stream
        if isinstance(obj, DictionaryObject):
            return DictionaryObject({NameObject(k): self._copy(v, memo) for k, v in obj.items()})
        if isinstance(obj, ArrayObject):
            return ArrayObject(self._copy(v, memo) for v in obj)
        return obj

    def add_file(self, path: Path, stamp: Any = None) -> int:
        """Append every page of the PDF at ``path``; ``stamp(page_number)`` gives the text to stamp
        on it (the page's number in the joined file counts from 1). Returns the pages added."""
        reader = PdfReader(path)
        memo: dict[tuple[int, int], int] = {}
        added = 0
        for page in reader.pages:
            if page.get("/Rotate"):
                page.transfer_rotation_to_content()
            self._add_page(page, memo, stamp(self.pages + 1) if stamp else None)
            added += 1
        return added

    def _add_page(self, page: Any, memo: dict[tuple[int, int], int], stamp: str | None) -> None:
        found = {key: page.get(key) for key in INHERITED}
        parent = page.get("/Parent")
        while parent is not None and any(v is None for v in found.values()):
            node = parent.get_object()
            for key in INHERITED:
                if found[key] is None and key in node:
                    found[key] = node[key]
            parent = node.get("/Parent")
        copied = DictionaryObject()
        for key, value in page.items():
            if key not in SKIPPED_PAGE_KEYS and key not in INHERITED and key != "/Contents":
                copied[NameObject(key)] = self._copy(value, memo)
        box = [float(v) for v in (found["/CropBox"] or found["/MediaBox"] or page.mediabox)]
        copied[NameObject("/MediaBox")] = self._copy(found["/MediaBox"] or page.mediabox, memo)
        if found["/CropBox"] is not None:
            copied[NameObject("/CropBox")] = self._copy(found["/CropBox"], memo)
        resources = found["/Resources"].get_object() if found["/Resources"] is not None else DictionaryObject()
        new_resources = self._copy(DictionaryObject(resources), memo)
        contents = []
        raw = page.get("/Contents")
        if raw is not None:
            resolved = raw.get_object()
            parts = list(resolved) if isinstance(resolved, ArrayObject) else [raw]
            contents = [self._copy(part, memo) for part in parts]
        if stamp:
            # The source's fonts as a dictionary of this page's own (their objects are copied once).
            source_fonts = resources.get("/Font")
            fonts = (
                self._copy(DictionaryObject(source_fonts.get_object()), memo)
                if source_fonts is not None
                else DictionaryObject()
            )
            fonts[NameObject(STAMP_FONT)] = _ref(self.font)
            new_resources[NameObject("/Font")] = fonts
            contents = [_ref(self.save), *contents, _ref(self.restore), _ref(self._write(self._stamp(stamp, box)))]
        copied[NameObject("/Resources")] = new_resources
        copied[NameObject("/Contents")] = ArrayObject(contents)
        copied[NameObject("/Parent")] = _ref(1)
        self.kids.append(self._write(copied))

    def _stamp(self, text: str, box: list[float]) -> DecodedStreamObject:
        left, bottom, right = box[0], box[1], box[2]
        width = stringWidth(text, "Helvetica", STAMP_SIZE)
        x, y = max(left + 4, right - 28 - width), bottom + 14
        ops = (
            (
                f"q 1 g {x - 4:.2f} {y - 3.5:.2f} {width + 8:.2f} {STAMP_SIZE + 5:.2f} re f Q\n"
                f"q 0 g BT {STAMP_FONT} {STAMP_SIZE} Tf {x:.2f} {y:.2f} Td "
            ).encode()
            + _pdf_text(text)
            + b" Tj ET Q\n"
        )
        return self._stream(ops)

    def close(self) -> None:
        """The page tree, the catalogue, the document information, the cross-reference table."""
        kids = ArrayObject(_ref(n) for n in self.kids)
        tree = DictionaryObject(
            {NameObject("/Type"): NameObject("/Pages"), NameObject("/Kids"): kids,
             NameObject("/Count"): NumberObject(len(self.kids))}
        )  # fmt: skip
        self._write(tree, 1)
        catalogue = DictionaryObject({NameObject("/Type"): NameObject("/Catalog"), NameObject("/Pages"): _ref(1)})
        self._write(catalogue, 2)
        title, author = self.info
        info = self._write(
            DictionaryObject(
                {NameObject("/Title"): TextStringObject(title), NameObject("/Author"): TextStringObject(author),
                 NameObject("/Producer"): TextStringObject("ABH Desk")}
            )
        )  # fmt: skip
        start = self.out.tell()
        lines = [f"xref\n0 {len(self.offsets)}\n", "0000000000 65535 f \n"]
        lines += [f"{offset:010d} 00000 n \n" for offset in self.offsets[1:]]
        self.out.write("".join(lines).encode())
        trailer = f"trailer\n<< /Size {len(self.offsets)} /Root 2 0 R /Info {info} 0 R >>\n"
        self.out.write(f"{trailer}startxref\n{start}\n%%EOF\n".encode())
