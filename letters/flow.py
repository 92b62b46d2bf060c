"""Building blocks of a letter's text: typesetting, paragraphs, lists, opening, closing, grounds.

Everything here turns already-filled text into reportlab flowables; the text itself comes from the
text blocks (:mod:`letters.textblocks`), so a missing value has raised before a flowable exists.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date
from typing import NamedTuple
from xml.sax.saxutils import escape

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer

from abh_desk.errors import ValidationError

from .data import LetterData, RefusalGround
from .formatting import after_beim, german_date
from .layout import PageDecor, prepare_decor, styles
from .textblocks import TextBlocks

Values = dict[str, str]


class Built(NamedTuple):
    """A letter ready for layout: what is drawn around it, its text, the PDF subject, its date."""

    decor: PageDecor
    flowables: list[Flowable]
    subject: str
    date: date


def common_values(data: LetterData) -> Values:
    head, info = data.letterhead, data.info
    return {
        "aktenzeichen": info.file_number,
        "datum": german_date(info.date),
        "behoerde": head.name,
        "behoerde_anschrift": head.postal_address,
        "telefon": info.phone,
        "oeffnungszeiten": "; ".join(head.opening_hours),
        "gericht": after_beim(head.court.name),
        "gericht_anschrift": head.court.address,
    }


def letter_decor(data: LetterData) -> PageDecor:
    info = data.info
    return prepare_decor(
        data.letterhead,
        [
            ("Aktenzeichen", info.file_number),
            ("Sachbearbeitung", info.caseworker),
            ("Telefon", info.phone),
            ("E-Mail", info.email),
            ("Zimmer", info.room),
            ("Datum", german_date(info.date)),
        ],
        draft=data.draft,
        continuation=f"Aktenzeichen {info.file_number} · {german_date(info.date)}",
        address=data.address,
    )


_NBSP = "\u00a0"
_KEEP_WITH_NEXT = re.compile(r"(§§?|\bAbs\.|\bNr\.|\bSatz|\bArt\.) (?=\d)")
_KEEP_WITH_PREVIOUS = re.compile(r"(?<=\d) (?=(EUR|Tage|Tagen|Monate|Monaten|Wochen|Uhr)\b)")


def typeset(text: str) -> str:
    """No line break inside "§ 50", "Abs. 1", "93,00 EUR", "30 Tagen", "i. V. m."."""
    text = _KEEP_WITH_NEXT.sub(lambda match: match.group(1) + _NBSP, text)
    text = _KEEP_WITH_PREVIOUS.sub(_NBSP, text)
    return text.replace("i. V. m.", f"i.{_NBSP}V.{_NBSP}m.")


def para(text: str, style: str = "body") -> Paragraph:
    return Paragraph(escape(typeset(text)), styles()[style])


def paragraphs(texts: Sequence[str], style: str = "body") -> list[Flowable]:
    return [para(text, style) for text in texts]


def bullets(items: Sequence[str]) -> list[Flowable]:
    style = styles()["bullet"]
    flow: list[Flowable] = [Paragraph(escape(typeset(item)), style, bulletText="–") for item in items if item.strip()]
    flow.append(Spacer(1, 4))
    return flow


def numbered(items: Sequence[str]) -> list[Flowable]:
    style = styles()["numbered"]
    return [Paragraph(escape(typeset(item)), style, bulletText=f"{number}.") for number, item in enumerate(items, 1)]


def opening(subject: str, data: LetterData, person_line: str = "") -> list[Flowable]:
    flow: list[Flowable] = [para(subject, "subject")]
    if data.represented is not None:
        flow.append(para(representation_line(data), "person"))
    elif person_line:
        flow.append(para(person_line, "person"))
    else:
        flow.append(Spacer(1, 13.6))
    flow.append(para(data.salutation))
    return flow


def representation_line(data: LetterData) -> str:
    """Under the subject of a letter to a person's legal representatives: whom it concerns, and
    that "Sie" and "Ihr" in its text mean that person — every one of them: the notice also says
    "Sie besitzen keinen Aufenthaltstitel", "Ihr Gesundheitszustand", "Die Kosten einer Abschiebung
    haben Sie zu tragen" (§ 66 Abs. 1 AufenthG: the foreigner's), and the hearing asks "ob Sie Kinder
    haben"; a list of some of them left the others to be read as the parents'. The minor cannot act
    in the procedure (§ 80 Abs. 1 AufenthG), the representatives apply for her (§ 80 Abs. 4)."""
    who = data.represented
    assert who is not None
    born = f", geb. {who.birth_date}" if who.birth_date else ""
    return (
        f"An Sie {who.role} von {who.name}{born} (§ 80 Abs. 1 und 4 AufenthG, § 12 Abs. 1 Nr. 1, § 41 Abs. 1 "
        f"VwVfG). Mit „Sie“ und „Ihr“ ist im Folgenden {who.name} gemeint."
    )


def closing(data: LetterData, blocks: TextBlocks, flow: list[Flowable]) -> list[Flowable]:
    """The letter's end: greeting, "Im Auftrag", signature — kept on one page with the paragraph
    before it, so that a signature never stands alone on the last page."""
    signer = data.signer or data.info.caseworker
    last = flow[-1:]
    end = KeepTogether(
        [
            *last,
            Spacer(1, 4),
            para(blocks.text("allgemein.gruss")),
            para(blocks.text("allgemein.im_auftrag"), "small"),
            Spacer(1, 11 * mm),
            para(signer),
        ]
    )
    return [*flow[: len(flow) - len(last)], end]


def ground_flow(ground: RefusalGround, blocks: TextBlocks, values: Values, number: int) -> list[Flowable]:
    known = blocks.ground_keys()
    if ground.key not in known:
        raise ValidationError("letters_flow.unknown_ground", field="grounds", ground=ground.key, known=", ".join(known))
    base = f"ablehnungsgrund.{ground.key}"
    ground_values = {**values, "einzelfall": ground.details}
    heading = (
        f"{chr(ord('a') + number)}) {blocks.text(base + '.titel', ground_values)} "
        f"({blocks.text(base + '.rechtsgrundlage', ground_values)})"
    )
    return [para(heading, "subheading"), *paragraphs(blocks.paragraphs(base + ".text", ground_values))]
