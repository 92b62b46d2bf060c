"""Letters rendered to real PDFs and read back: text (pypdf), positions and lines (pdfplumber).

Positions are checked in millimetres from the top-left corner, as DIN 5008 states them.
"""

from __future__ import annotations

import getpass
import io
import re
import socket
import tempfile
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

import pdfplumber
import pytest
from pypdf import PdfReader

from abh_desk.errors import ConfigurationError, ValidationError
from letters.data import (
    Address,
    Agent,
    RefusalGround,
)
from letters.letterhead import load_letterhead
from letters.render import (
    render_batch,
    render_handover_record,
    render_hearing,
    render_missing_documents,
    render_pickup_notice,
    render_rejection,
    render_reminder,
)
from letters.samples import (
    COURTS,
    GROUNDS,
    LUKASZ,
    NGUYEN,
    handover,
    hearing,
    info,
    letterhead,
    long_rejection,
    missing_documents,
    pickup,
    rejection,
    reminder,
)
from letters.textblocks import DEFAULT_PATH, parse_textblocks

MM = 72 / 25.4  # points per millimetre

ALL_KINDS = {
    "ablehnung": lambda: render_rejection(rejection()),
    "ablehnung-lang": lambda: render_rejection(long_rejection()),
    "anhoerung": lambda: render_hearing(hearing()),
    "nachforderung": lambda: render_missing_documents(missing_documents()),
    "erinnerung": lambda: render_reminder(reminder()),
    "abholung": lambda: render_pickup_notice(pickup()),
    "aushaendigung": lambda: render_handover_record(handover()),
}


# --- reading PDFs back --------------------------------------------------------------------------


def pages_text(pdf: bytes) -> list[str]:
    return [page.extract_text() or "" for page in PdfReader(io.BytesIO(pdf)).pages]


def flat(pdf: bytes) -> str:
    """All text, with line breaks and hyphen-free wrapping collapsed to single spaces."""
    return re.sub(r"\s+", " ", " ".join(pages_text(pdf)))


def words(pdf: bytes, page: int = 0) -> list[dict[str, Any]]:
    with pdfplumber.open(io.BytesIO(pdf)) as doc:
        return list(doc.pages[page].extract_words())


def line_for(pdf: bytes, text: str, page: int = 0) -> list[dict[str, Any]]:
    first = text.split()[0]
    return [word for word in words(pdf, page) if word["text"] == first]


# --- every kind renders -------------------------------------------------------------------------


@pytest.mark.parametrize("kind", sorted(ALL_KINDS))
def test_every_kind_renders_a_pdf(kind: str) -> None:
    pdf = ALL_KINDS[kind]()
    assert pdf.startswith(b"%PDF-")
    reader = PdfReader(io.BytesIO(pdf))
    assert len(reader.pages) >= 1
    assert "Stadt Singen (Hohentwiel)" in flat(pdf)


@pytest.mark.slow  # runs pdftoppm
def test_every_kind_rasterises_with_poppler(tmp_path: Path) -> None:
    """pdftoppm (what a reviewer uses to look at the pages) reads every kind without complaint."""
    import shutil
    import subprocess

    if shutil.which("pdftoppm") is None:
        pytest.skip("poppler-utils (pdftoppm) not installed")
    for kind, make in ALL_KINDS.items():
        source = tmp_path / f"{kind}.pdf"
        source.write_bytes(make())
        result = subprocess.run(
            ["pdftoppm", "-r", "30", "-png", str(source), str(tmp_path / kind)], capture_output=True, check=False
        )
        assert result.returncode == 0, result.stderr
        assert result.stderr == b"", (kind, result.stderr)
        assert list(tmp_path.glob(f"{kind}-*.png"))


# --- the rejection notice: every part of domain.md § 7, in order --------------------------------


def test_rejection_has_tenor_reasons_hints_and_remedy_in_order() -> None:
    text = flat(render_rejection(long_rejection()))
    tenor = [
        "Ihr Antrag vom 03.08.2026 auf Verlängerung der Aufenthaltserlaubnis zur Berufsausbildung wird abgelehnt.",
        "innerhalb von 30 Tagen nach Bekanntgabe dieses Bescheids zu verlassen",
        "wird Ihnen die Abschiebung angedroht. Zielstaat der Abschiebung ist Vietnam.",
        "Für den Fall der Abschiebung wird ein Einreise- und Aufenthaltsverbot angeordnet. Es wird auf 24 Monate "
        "befristet",
        "Gebühr in Höhe von 93,00 EUR festgesetzt",
    ]
    parts = [
        *tenor,
        "Gründe",
        "I. Sachverhalt",
        "II. Begründung",
        "III. Hinweise",
        "Rechtsbehelfsbelehrung",
        "Mit freundlichen Grüßen",
    ]
    positions = [text.find(part) for part in parts]
    assert -1 not in positions, [part for part, at in zip(parts, positions, strict=True) if at == -1]
    assert positions == sorted(positions)


def test_rejection_names_the_legal_basis_of_every_ground() -> None:
    text = flat(render_rejection(long_rejection()))
    assert "a) Lebensunterhalt nicht gesichert (§ 5 Abs. 1 Nr. 1 AufenthG)" in text
    assert "b) Fehlende Mitwirkung, Unterlagen nicht vorgelegt (§ 82 Abs. 1 AufenthG)" in text
    assert "c) Besondere Erteilungsvoraussetzungen nicht erfüllt (§ 16a Abs. 1 AufenthG)" in text
    assert "Ihr Ausbildungsbetrieb hat das Ausbildungsverhältnis zum 30.09.2026 gekündigt." in text
    assert "§ 59 Abs. 1 und 2 AufenthG" in text
    assert "§ 11 Abs. 1 AufenthG" in text


@pytest.mark.parametrize(
    ("key", "basis"),
    [
        ("lebensunterhalt", "§ 5 Abs. 1 Nr. 1 AufenthG"),
        ("ausweisungsinteresse", "§ 5 Abs. 1 Nr. 2 AufenthG"),
        ("visum", "§ 5 Abs. 2 AufenthG"),
        ("passpflicht", "§ 5 Abs. 1 Nr. 4 i. V. m. § 3 AufenthG"),
        ("mitwirkung", "§ 82 Abs. 1 AufenthG"),
        ("titelvoraussetzungen", "§ 16a Abs. 1 AufenthG"),
    ],
)
def test_each_required_ground_prints_with_its_legal_basis(key: str, basis: str) -> None:
    text = flat(render_rejection(rejection(grounds=(RefusalGround(key, "Angaben zum Einzelfall."),))))
    assert f"({basis})" in text
    assert "Angaben zum Einzelfall." in text


def test_rejection_hints_cover_duty_to_leave_and_no_suspensive_effect() -> None:
    text = flat(render_rejection(rejection()))
    hints = text[text.find("III. Hinweise") : text.find("Rechtsbehelfsbelehrung")]
    assert "§ 50 Abs. 2 AufenthG" in hints
    assert "hat keine aufschiebende Wirkung, soweit er sich richtet gegen" in hints
    assert "die Ablehnung Ihres Antrags (§ 84 Abs. 1 Satz 1 Nr. 1 AufenthG)" in hints
    assert "die Abschiebungsandrohung (§ 80 Abs. 2 Satz 2 VwGO i. V. m. § 12 Satz 1 LVwVG)" in hints
    assert "§ 80 Abs. 5 der Verwaltungsgerichtsordnung" in hints
    assert "Verwaltungsgericht Freiburg, Habsburgerstraße 103, 79104 Freiburg im Breisgau" in hints


def test_rejection_without_entry_ban_and_without_fee() -> None:
    text = flat(render_rejection(rejection(fee_cents=0, fee_legal_basis="§ 53 Abs. 1 Nr. 1 AufenthV")))
    assert "Einreise- und Aufenthaltsverbot" not in text
    assert "Für diesen Bescheid werden keine Gebühren erhoben." in text
    assert "Von der Erhebung einer Gebühr wird abgesehen (§ 53 Abs. 1 Nr. 1 AufenthV)." in text
    assert "3. Gebühr" in text  # sections are numbered without the missing entry ban


def remedy_section(pdf: bytes) -> str:
    text = flat(pdf)
    return text[text.find("Rechtsbehelfsbelehrung") : text.find("Mit freundlichen Grüßen")]


def test_baden_wuerttemberg_objection_with_record_and_authority_address() -> None:
    remedy = remedy_section(render_rejection(rejection()))
    assert "innerhalb eines Monats nach Bekanntgabe Widerspruch erhoben werden" in remedy
    assert "Stadt Singen (Hohentwiel) – Ausländerbehörde, August-Ruf-Str. 13, 78224 Singen (Hohentwiel)" in remedy
    assert "zur Niederschrift bei dieser Behörde" in remedy
    assert "in elektronischer Form nach § 3a Abs. 2 des Verwaltungsverfahrensgesetzes" in remedy
    assert "Klage" not in remedy


@pytest.mark.parametrize(
    ("land", "basis"),
    [
        ("BY", "Art. 12 AGVwGO"),
        ("NW", "§ 110 Abs. 1 JustG NRW"),
        ("NI", "§ 80 Abs. 1 NJG"),
        ("BE", "§ 63 Abs. 2 JustG Bln"),
    ],
)
def test_lands_without_objection_point_to_a_lawsuit_at_the_configured_court(land: str, basis: str) -> None:
    court = COURTS[land]
    remedy = remedy_section(render_rejection(rejection(letterhead=letterhead(land))))
    beim = court.name.replace("Bayerisches", "Bayerischen")  # "beim Bayerischen Verwaltungsgericht München"
    assert f"innerhalb eines Monats nach Bekanntgabe Klage beim {beim}, {court.address}, erhoben werden" in remedy
    assert f"Ein Widerspruchsverfahren findet nicht statt ({basis})." in remedy
    assert "zur Niederschrift der Urkundsbeamtin oder des Urkundsbeamten der Geschäftsstelle" in remedy
    assert "§ 55a der Verwaltungsgerichtsordnung" in remedy
    assert "Widerspruch erhoben" not in remedy


def test_bremen_keeps_the_objection_until_its_row_is_checked() -> None:
    """domain.md lists Bremen without objection; Art. 8 AGVwGO Bremen as read does not cover residence law.
    The table keeps the objection and marks the row 'zu prüfen' (the rule for an unsure Land)."""
    remedy = remedy_section(render_rejection(rejection(letterhead=letterhead("HB"))))
    assert "Widerspruch erhoben werden" in remedy
    assert "zur Niederschrift bei dieser Behörde" in remedy


def test_hessen_sues_unless_the_eu_or_arb_exception_is_flagged() -> None:
    plain = remedy_section(render_rejection(rejection(letterhead=letterhead("HE"))))
    assert "Klage beim Verwaltungsgericht Frankfurt am Main" in plain
    assert "§ 16a Abs. 1 HessAGVwGO" in plain
    flagged = remedy_section(render_rejection(rejection(letterhead=letterhead("HE"), eu_or_arb_exception=True)))
    assert "Widerspruch erhoben werden" in flagged
    assert "zur Niederschrift bei dieser Behörde" in flagged
    assert "Klage beim" not in flagged


# --- fonts and names ----------------------------------------------------------------------------


def test_names_in_any_latin_script_come_back_from_the_pdf() -> None:
    import unicodedata

    rejection_text = unicodedata.normalize("NFC", flat(render_rejection(rejection())))
    assert "Nguyễn Thị Hương" in rejection_text
    hearing_text = unicodedata.normalize("NFC", flat(render_hearing(hearing())))
    assert "Łukasz Wiśniewski" in hearing_text
    assert "Sehr geehrter Herr Wiśniewski," in hearing_text
    other = unicodedata.normalize("NFC", flat(render_missing_documents(missing_documents())))
    assert "Øyvind Şahin" in other
    assert "Ğülşen Yılmaz" in unicodedata.normalize("NFC", flat(render_reminder(reminder())))


@pytest.mark.parametrize("kind", sorted(ALL_KINDS))
def test_only_the_embedded_dejavu_font_is_used(kind: str) -> None:
    reader = PdfReader(io.BytesIO(ALL_KINDS[kind]()))
    fonts = {}
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            fonts[font["/BaseFont"]] = font
    assert fonts
    for name, font in fonts.items():
        assert "DejaVuSans" in name, name
        assert "/FontFile2" in font["/FontDescriptor"].get_object(), f"{name} is not embedded"


def test_a_character_the_font_lacks_is_refused_before_printing() -> None:
    with pytest.raises(ValidationError) as error:
        render_reminder(reminder(address=Address(lines=("Herrn", "王小明", "Hauptstraße 5", "78224 Singen"))))
    assert error.value.field == "address"
    assert "王" in error.value.message


# --- DIN 5008 geometry --------------------------------------------------------------------------


def box_mm(found: list[dict[str, Any]]) -> tuple[float, float, float, float]:
    return (
        min(w["x0"] for w in found) / MM,
        max(w["x1"] for w in found) / MM,
        min(w["top"] for w in found) / MM,
        max(w["bottom"] for w in found) / MM,
    )


def test_address_lies_in_the_din_5008_window() -> None:
    pdf = render_rejection(rejection(draft=False, address=replace(NGUYEN, notes=("Mit Postzustellungsurkunde",))))
    page = words(pdf)
    address_words = [w for w in page if w["x0"] < 110 * MM and 44 * MM < w["top"] < 95 * MM]
    texts = " ".join(w["text"] for w in address_words)
    assert "Nguyễn Thị Hương" in texts and "78224 Singen (Hohentwiel)" in texts
    left, right, top, bottom = box_mm(address_words)
    assert left >= 20 and right <= 105, (left, right)
    assert top >= 45 and bottom <= 90, (top, bottom)
    assert left == pytest.approx(25, abs=0.3)  # flush with the body text
    # return address and notes in the 17.7 mm Vermerkzone, the recipient below it in the 27.3 mm Anschriftzone
    note = [w for w in address_words if w["text"] == "Postzustellungsurkunde"]
    recipient = [
        w for w in address_words if w["text"] in ("Frau", "Nguyễn", "Scheffelstraße", "78224") and w["top"] > 62.7 * MM
    ]
    assert note and box_mm(note)[3] <= 62.7
    assert len(recipient) == 4 and box_mm(recipient)[2] >= 62.7 and box_mm(recipient)[3] <= 90


@pytest.mark.parametrize("notes", [(), ("Mit Postzustellungsurkunde", "Persönlich", "Vertraulich")])
def test_the_return_address_stays_readable_in_the_window(notes: tuple[str, ...]) -> None:
    """Singen's return address is too long for one line at 6.5 pt: it loses the department or
    takes two lines, and never shrinks below 6 pt (it was 4.9 pt)."""
    pdf = render_rejection(rejection(address=replace(NGUYEN, notes=notes)))
    with pdfplumber.open(io.BytesIO(pdf)) as doc:
        chars = [c for c in doc.pages[0].chars if 44 * MM < c["top"] < 63 * MM and c["x0"] < 110 * MM]
    returned = [c for c in chars if c["size"] < 7]
    text = "".join(c["text"] for c in returned)
    assert "August-Ruf-Str. 13" in text and "78224 Singen" in text
    assert min(c["size"] for c in returned) >= 6.0
    assert max(c["x1"] for c in returned) <= 105 * MM


def test_information_block_starts_at_125_mm_from_50_mm_down() -> None:
    page = words(render_rejection(rejection(draft=False)))
    labels = [
        w for w in page if w["text"] in ("Aktenzeichen", "Sachbearbeitung", "Telefon", "Datum") and w["top"] < 95 * MM
    ]
    assert len(labels) == 4
    left, _right, top, _bottom = box_mm(labels)
    assert left == pytest.approx(125, abs=0.3)
    assert 50 <= top <= 52
    block = [w for w in page if w["x0"] >= 124 * MM and 49 * MM < w["top"] < 95 * MM]
    assert box_mm(block)[1] <= 200  # 75 mm wide
    assert "ABH-2026-004711" in [w["text"] for w in block]
    assert "21.11.2026" in [w["text"] for w in block]


def test_fold_and_punch_marks_are_drawn_on_the_left_edge() -> None:
    pdf = render_rejection(rejection(draft=False))
    with pdfplumber.open(io.BytesIO(pdf)) as doc:
        for page in doc.pages:
            marks = sorted(round(line["top"] / MM, 1) for line in page.lines if line["x1"] < 15 * MM)
            assert marks == [105.0, 148.5, 210.0]


def test_body_keeps_25_mm_left_and_20_mm_right_margin_on_every_page() -> None:
    pdf = render_rejection(long_rejection(draft=False))
    with pdfplumber.open(io.BytesIO(pdf)) as doc:
        assert len(doc.pages) >= 2
        for number, page in enumerate(doc.pages):
            found = page.extract_words()
            body = [w for w in found if number or w["top"] > 95 * MM]
            left, right, _top, bottom = box_mm(body)
            assert left >= 24.9 and right <= 190.1, (number, left, right)
            assert bottom <= 297 - 5


def test_page_numbers_on_multi_page_letters_only() -> None:
    pdf = render_hearing(hearing(grounds=GROUNDS))
    pages = pages_text(pdf)
    assert len(pages) == 2
    assert "Seite 1 von 2" in pages[0]
    assert "Seite 2 von 2" in pages[1]
    long_pages = pages_text(render_rejection(long_rejection()))
    for number, text in enumerate(long_pages, 1):
        assert f"Seite {number} von {len(long_pages)}" in text
    assert "Seite" not in flat(render_reminder(reminder()))


def test_later_pages_repeat_authority_file_number_and_date() -> None:
    pages = pages_text(render_rejection(long_rejection()))
    assert "Aktenzeichen ABH-2026-004711 · 21.11.2026" in pages[1]
    assert "Aktenzeichen ABH-2026-004711 · 21.11.2026" not in pages[0]


# --- draft, determinism, metadata ---------------------------------------------------------------


@pytest.mark.parametrize("kind", sorted(ALL_KINDS))
def test_draft_carries_the_watermark_on_every_page(kind: str) -> None:
    # letters are drafts unless the caller says otherwise; a record only when asked for a preview
    pdf = render_handover_record(handover(draft=True)) if kind == "aushaendigung" else ALL_KINDS[kind]()
    for text in pages_text(pdf):
        assert "ENTWURF" in text


def test_an_approved_notice_has_no_watermark() -> None:
    assert "ENTWURF" not in flat(render_rejection(long_rejection(draft=False)))
    assert "ENTWURF" not in flat(render_handover_record(handover()))


@pytest.mark.parametrize("kind", sorted(ALL_KINDS))
def test_same_data_gives_identical_bytes(kind: str) -> None:
    assert ALL_KINDS[kind]() == ALL_KINDS[kind]()


@pytest.mark.slow  # starts Python anew
def test_identical_bytes_across_processes() -> None:
    import hashlib
    import subprocess
    import sys

    code = (
        "import hashlib, sys; sys.path[:0] = ['tests/unit', '.']\n"
        "import test_letters_render as t\n"
        "print(hashlib.sha256(t.render_rejection(t.long_rejection())).hexdigest())\n"
    )
    root = Path(__file__).resolve().parents[2]
    outputs = {
        subprocess.run(
            [sys.executable, "-c", code],
            cwd=root,
            capture_output=True,
            text=True,
            check=True,
            env={"PYTHONHASHSEED": seed, "PATH": "/usr/bin:/bin"},
        ).stdout.strip()
        for seed in ("1", "2")
    }
    assert outputs == {hashlib.sha256(render_rejection(long_rejection())).hexdigest()}


def test_creation_date_is_the_letter_date_and_metadata_names_the_authority() -> None:
    pdf = render_rejection(rejection(info=info(date(2026, 12, 3))))
    meta = PdfReader(io.BytesIO(pdf)).metadata
    assert meta is not None
    assert meta["/CreationDate"].startswith("D:20261203000000")
    assert meta["/ModDate"] == meta["/CreationDate"]
    assert meta["/Title"] == meta["/Author"] == "Stadt Singen (Hohentwiel) – Ausländerbehörde"
    assert meta["/Creator"] == "ABH Desk"
    assert meta["/Subject"] == "Ablehnungsbescheid"
    assert pdf != render_rejection(rejection())


def outside_streams(pdf: bytes) -> bytes:
    """The PDF's own structure and metadata, without the (compressed) page and font streams."""
    return re.sub(rb"stream\r?\n.*?endstream", b"", pdf, flags=re.DOTALL)


@pytest.mark.parametrize("kind", sorted(ALL_KINDS))
def test_no_user_host_or_path_leaks_into_the_pdf(kind: str) -> None:
    pdf = ALL_KINDS[kind]()
    structure = outside_streams(pdf)
    text = flat(pdf)
    leaks = [
        getpass.getuser(),
        socket.gethostname(),
        tempfile.gettempdir(),
        str(Path.cwd()),
        str(Path(__file__).resolve().parents[2]),
        "DejaVuSans.ttf",
        "resources/",
    ]
    for leak in leaks:
        assert leak.encode() not in structure, leak
        assert not re.search(rf"(?<!\w){re.escape(leak)}(?!\w)", text), leak
    for long_leak in (str(Path(__file__).resolve().parents[2]), tempfile.gettempdir() + "/"):
        assert long_leak.encode() not in pdf
    meta = PdfReader(io.BytesIO(pdf)).metadata or {}
    assert set(meta) <= {
        "/Author",
        "/CreationDate",
        "/Creator",
        "/Keywords",
        "/ModDate",
        "/Producer",
        "/Subject",
        "/Title",
        "/Trapped",
    }
    for value in meta.values():
        assert getpass.getuser() not in str(value).split()


# --- checked before printing --------------------------------------------------------------------


@pytest.fixture
def no_printing(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*_args: Any, **_kwargs: Any) -> bytes:
        raise AssertionError("layout started although the text was incomplete")

    monkeypatch.setattr("letters.render.build_pdf", refuse)


@pytest.mark.usefixtures("no_printing")
def test_unfilled_placeholder_stops_the_notice_before_printing() -> None:
    with pytest.raises(ValidationError) as error:
        render_rejection(long_rejection(fiction_basis=""))
    assert error.value.field == "fiktion_grundlage"
    assert "{fiktion_grundlage}" in error.value.message
    assert "ablehnung.ausreisepflicht_fiktion" in error.value.message

    with pytest.raises(ValidationError) as error:
        render_rejection(rejection(grounds=(RefusalGround("titelvoraussetzungen"),)))
    assert error.value.field == "einzelfall"

    with pytest.raises(ValidationError) as error:
        render_pickup_notice(pickup(letterhead=replace(letterhead(), opening_hours=())))
    assert error.value.field == "oeffnungszeiten"


@pytest.mark.usefixtures("no_printing")
def test_unknown_placeholder_in_an_edited_block_stops_the_letter(tmp_path: Path) -> None:
    edited = DEFAULT_PATH.read_text(encoding="utf-8").replace(
        'tenor_gebuehr = "Für diesen Bescheid wird eine Gebühr in Höhe von {gebuehr} festgesetzt."',
        'tenor_gebuehr = "Für diesen Bescheid wird eine Gebühr in Höhe von {gebuehr_betrag} festgesetzt."',
    )
    assert "{gebuehr_betrag}" in edited
    with pytest.raises(ConfigurationError) as error:
        parse_textblocks(edited)
    assert "ablehnung.tenor_gebuehr" in error.value.message
    assert "{gebuehr_betrag}" in error.value.message


@pytest.mark.usefixtures("no_printing")
def test_unknown_ground_of_refusal_is_refused() -> None:
    with pytest.raises(ValidationError) as error:
        render_rejection(rejection(grounds=(RefusalGround("unbekannt", "x"),)))
    assert error.value.field == "grounds"
    assert "lebensunterhalt" in error.value.message


def test_address_too_wide_for_the_window_is_refused() -> None:
    wide = Address(
        lines=(
            "Frau",
            "Maria Magdalena Alexandra von und zu Hohenzollern-Sigmaringen-Wittelsbach",
            "Hauptstraße 5",
            "78224 Singen",
        )
    )
    with pytest.raises(ValidationError) as error:
        render_reminder(reminder(address=wide))
    assert error.value.field == "address"


def test_a_long_name_shrinks_instead_of_leaving_the_window() -> None:
    longer = Address(
        lines=(
            "Herrn",
            "Muhammad Abdurrahman Al-Hashimi Nguyễn",
            "Karl-Schneider-Straße 112a",
            "78224 Singen (Hohentwiel)",
        )
    )
    page = words(render_reminder(reminder(address=longer, draft=False)))
    address_words = [w for w in page if w["x0"] < 110 * MM and 62 * MM < w["top"] < 95 * MM]
    assert box_mm(address_words)[1] <= 105


# --- batch --------------------------------------------------------------------------------------


def test_batch_starts_each_letter_on_its_own_page_with_its_own_numbering() -> None:
    letters = [reminder(), long_rejection(), reminder(address=LUKASZ, salutation="Sehr geehrter Herr Wiśniewski,")]
    pdf = render_batch(letters)
    pages = pages_text(pdf)
    rejection_pages = len(pages_text(render_rejection(long_rejection())))
    assert len(pages) == 2 + rejection_pages
    assert "Ğülşen Yılmaz" in pages[0] and "Seite" not in pages[0]
    assert "Nguyễn Thị Hương" in pages[1]
    for number in range(1, rejection_pages + 1):
        assert f"Seite {number} von {rejection_pages}" in pages[number]
    assert "Łukasz Wiśniewski" in pages[-1] and "Seite" not in pages[-1]
    with pdfplumber.open(io.BytesIO(pdf)) as doc:  # every first page has its window and information block
        for index in (0, 1, len(pages) - 1):
            labels = [w for w in doc.pages[index].extract_words() if w["text"] == "Aktenzeichen"]
            assert labels and labels[0]["x0"] / MM == pytest.approx(125, abs=0.3)


def test_batch_of_reminders_is_one_pdf_and_deterministic() -> None:
    letters = [reminder(info=info(date(2026, 11, day))) for day in range(1, 11)]
    pdf = render_batch(letters)
    assert len(PdfReader(io.BytesIO(pdf)).pages) == 10
    assert render_batch(letters) == pdf
    meta = PdfReader(io.BytesIO(pdf)).metadata
    assert meta is not None and meta["/CreationDate"].startswith("D:20261110")


def test_empty_batch_is_refused() -> None:
    with pytest.raises(ValidationError):
        render_batch([])


# --- the other kinds ----------------------------------------------------------------------------


def test_hearing_names_section_28_and_the_date_to_comment() -> None:
    text = flat(render_hearing(hearing()))
    assert "§ 28 Abs. 1 des Verwaltungsverfahrensgesetzes" in text
    assert "bis zum 07.12.2026" in text
    assert "Passpflicht nicht erfüllt (§ 5 Abs. 1 Nr. 4 i. V. m. § 3 AufenthG)" in text
    assert "Rechtsbehelfsbelehrung" not in text


def test_missing_documents_lists_the_checklist_with_the_date() -> None:
    text = flat(render_missing_documents(missing_documents()))
    for document in missing_documents().documents:
        assert document in text
    assert "bis zum 21.12.2026" in text
    assert "§ 82 Abs. 1 Satz 4 AufenthG" in text


def test_reminder_asks_eight_weeks_ahead_and_explains_the_fiction() -> None:
    text = flat(render_reminder(reminder()))
    assert "bis zum 31.01.2027 gültig" in text
    assert "mindestens acht Wochen vor dem Ablauf zu stellen, also bis zum 06.12.2026" in text
    assert "§ 81 Abs. 4 AufenthG" in text
    late = flat(render_reminder(reminder(info=info(date(2026, 12, 20)))))
    assert "umgehend" in late and "also bis zum" not in late


def test_pickup_notice_asks_to_come_in_person_with_passport_old_card_and_fiction_certificate() -> None:
    text = flat(render_pickup_notice(pickup()))
    assert "persönlich" in text
    for item in ("Reisepass", "bisherigen Aufenthaltstitel", "Fiktionsbescheinigung"):
        assert item in text
    assert "bis zum 15.01.2027" in text and "93,00 EUR" in text
    assert "Vollmacht" in text
    assert "Vollmacht" not in flat(render_pickup_notice(pickup(agent_allowed=False)))


def test_handover_record_has_the_fields_of_domain_section_8_and_signature_lines() -> None:
    agent = Agent("Trần Văn Minh", "Personalausweis L01X00T47", power_of_attorney=True)
    pdf = render_handover_record(handover(agent=agent, online_id_enabled=False))
    text = flat(pdf)
    expected_parts = [
        "21.11.2026, 10:15 Uhr",
        "Y0A7K2LM9",
        "Reisepass Nr. C4X9L2M71",
        "ausgeschaltet",
        "Fiktionsbescheinigung, Nr. F0123456",
        "Zusatzblatt ausgehändigt ja",
        "Fingerabdrücke gelöscht (§ 61a Abs. 2 Satz 2 AufenthV) ja",
        "Trần Văn Minh",
        "Personalausweis L01X00T47",
        "schriftliche Vollmacht liegt vor",
        "Frau Schäuble",
        "Unterschrift der Empfängerin oder des Empfängers",
        "Unterschrift der Sachbearbeitung",
    ]
    for expected in expected_parts:
        assert expected in text, expected
    with pdfplumber.open(io.BytesIO(pdf)) as doc:
        signature_lines = [
            line
            for line in doc.pages[0].lines
            if line["x1"] - line["x0"] > 60 * MM and abs(line["top"] - line["bottom"]) < 1
        ]
        assert len([line for line in signature_lines if line["top"] > 150 * MM]) >= 2


def test_handover_by_an_agent_needs_power_of_attorney() -> None:
    with pytest.raises(ValidationError) as error:
        handover(agent=Agent("Trần Văn Minh", "Personalausweis L01X00T47", power_of_attorney=False))
    assert error.value.field == "agent"


# --- data rules ---------------------------------------------------------------------------------


@pytest.mark.parametrize("days", [6, 31])
def test_exit_period_must_be_7_to_30_days(days: int) -> None:
    with pytest.raises(ValidationError) as error:
        rejection(exit_period_days=days)
    assert error.value.field == "exit_period_days"


@pytest.mark.parametrize(
    "lines",
    [("A", "B", "C", "D", "E", "F", "G"), ("Frau", "", "Hauptstraße 5"), ()],
)
def test_address_rules(lines: tuple[str, ...]) -> None:
    with pytest.raises(ValidationError):
        Address(lines=lines)


def test_rejection_needs_grounds_and_facts() -> None:
    with pytest.raises(ValidationError):
        rejection(grounds=())
    with pytest.raises(ValidationError):
        rejection(facts=("  ",))


def test_unknown_land_is_refused() -> None:
    with pytest.raises(ValidationError) as error:
        render_rejection(rejection(letterhead=letterhead("XX")))
    assert error.value.field == "land"


def test_shipped_letterhead_defaults_render() -> None:
    head = load_letterhead()
    assert head.land == "BW" and head.court.name == "Verwaltungsgericht Freiburg"
    text = flat(render_reminder(reminder(letterhead=head)))
    assert "Stadt Singen (Hohentwiel)" in text and head.bank is not None and head.bank.iban in text


def test_a_rejection_is_laid_out_once_and_reads_nothing_again(monkeypatch: pytest.MonkeyPatch) -> None:
    """What keeps a notice fast (≤ 100 ms: the figure ``briefe.ablehnung`` of ``benchmarks/``, not
    timed here): one layout pass per PDF ("Seite x von y" without a second build), and the fonts, text
    blocks, remedies and styles loaded once per process, not per letter."""
    from letters import fonts, layout, remedies, textblocks

    data = long_rejection()
    first = render_rejection(data)
    canvases: list[object] = []
    fonts_read: list[object] = []

    class CountedCanvas(layout.LetterCanvas):  # type: ignore[misc]
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            canvases.append(self)
            super().__init__(*args, **kwargs)

    def counted_font(*args: Any) -> object:
        fonts_read.append(args)
        return real_font(*args)

    real_font = fonts.TTFont
    monkeypatch.setattr(layout, "LetterCanvas", CountedCanvas)
    monkeypatch.setattr(fonts, "TTFont", counted_font)
    caches = (textblocks._load_cached, remedies._load_cached, layout.styles)
    misses = [cache.cache_info().misses for cache in caches]
    again = [render_rejection(data) for _ in range(3)]
    assert len(canvases) == 3 and not fonts_read
    assert [cache.cache_info().misses for cache in caches] == misses
    assert again == [first] * 3 and len(PdfReader(io.BytesIO(first)).pages) >= 3


def test_the_section_59_findings_print_point_by_point_and_an_approved_notice_needs_each() -> None:
    text = flat(render_rejection(rejection(draft=False)))
    points = (
        "Abschiebungsverbote (§ 60 Abs. 5 und 7 AufenthG): Sie haben keine Gefahren in Vietnam",
        "Kindeswohl: Sie haben keine Kinder.",
        "Familiäre Bindungen: Sie sind ledig;",
        "Gesundheitszustand: Hinweise auf eine Erkrankung",
    )
    positions = [text.index(point) for point in points]
    assert positions == sorted(positions) and text.index("Für Sie ergibt sich:") < positions[0]
    assert text.index("Die Ausreisefrist von 30 Tagen ist angemessen") > positions[-1]
    with pytest.raises(ValidationError, match="Kindeswohl, Gesundheitszustand") as refused:
        render_rejection(rejection(draft=False, finding_child_welfare="", finding_health=" "))
    assert refused.value.field == "deportation_assessment"
    draft = flat(render_rejection(rejection(finding_child_welfare="")))
    assert "Kindeswohl: [Hier fehlt noch die Feststellung für diese Person.]" in draft


def test_an_office_block_edited_before_the_findings_gets_them_in_its_one_placeholder() -> None:
    """A text block saved by an older release holds the assessment in {abschiebung_erwaegungen}."""
    shipped = DEFAULT_PATH.read_text(encoding="utf-8")
    start = shipped.index('\nabschiebungsandrohung = """') + 1
    end = shipped.index('"""', shipped.index('"""', start) + 3) + 3
    old = 'abschiebungsandrohung = """\nZu prüfen war Folgendes: {abschiebung_erwaegungen}"""'
    blocks = parse_textblocks(shipped[:start] + old + shipped[end:])
    text = flat(render_rejection(rejection(deportation_assessment="Weiteres ist nicht ersichtlich."), blocks=blocks))
    assert "Zu prüfen war Folgendes: Abschiebungsverbote (§ 60 Abs. 5 und 7 AufenthG): Sie haben keine" in text
    assert "Gesundheitszustand: Hinweise auf eine Erkrankung, die einer Reise entgegensteht, gibt es nicht." in text
    assert "Weiteres ist nicht ersichtlich." in text and "Für Sie ergibt sich" not in text


def test_entry_ban_limits_follow_section_11_paragraphs_3_to_5b() -> None:
    abs5 = "Sie wurden nach einer Verurteilung ausgewiesen (§ 11 Abs. 5 AufenthG)."
    assert render_rejection(long_rejection(entry_ban_months=120, entry_ban_reasons=abs5))
    with pytest.raises(ValidationError, match="Mehr als fünf Jahre"):
        long_rejection(entry_ban_months=61, entry_ban_reasons="Sie haben keine Bindungen.")
    with pytest.raises(ValidationError, match="Mehr als zehn Jahre"):
        long_rejection(entry_ban_months=121, entry_ban_reasons=abs5)
    abs5a = "Sie wurden wegen eines Kriegsverbrechens ausgewiesen (§ 11 Abs. 5a AufenthG)."
    assert "auf 240 Monate befristet" in flat(
        render_rejection(long_rejection(entry_ban_months=240, entry_ban_reasons=abs5a))
    )
    with pytest.raises(ValidationError, match="höchstens 240 Monaten"):
        long_rejection(entry_ban_months=241, entry_ban_reasons=abs5a)


def test_the_hearing_asks_about_an_entry_ban_only_where_one_is_intended() -> None:
    without = flat(render_hearing(hearing()))
    assert "ob Ihnen im Zielstaat Gefahren drohen" in without and "welche familiären Bindungen" in without
    assert "Einreise- und Aufenthaltsverbot anzuordnen" not in without
    intended = flat(render_hearing(hearing(entry_ban_months=36)))
    assert "Einreise- und Aufenthaltsverbot anzuordnen und auf 36 Monate ab der Ausreise zu befristen" in intended
    kept = flat(render_hearing(hearing(duty_to_leave=False, entry_ban_months=None)))
    assert "Zielstaat" not in kept and "bliebe von einer Ablehnung unberührt" in kept
