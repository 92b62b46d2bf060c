"""Aushändigungsprotokoll: the record of handing over an eAT (domain.md § 8, step 6).

Not a letter to a person: no address window; its title sits where the address would be, the fields
follow as a table, then the confirmation and two signature lines.
"""

from __future__ import annotations

from xml.sax.saxutils import escape

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer, Table, TableStyle

from abh_desk.domain.money import euro

from .data import HandoverRecordData
from .flow import Built, para, paragraphs, typeset
from .fonts import REGULAR
from .formatting import german_date, german_datetime
from .layout import BODY_WIDTH, GREY, prepare_decor, styles
from .textblocks import TextBlocks

SUBJECT = "Aushändigungsprotokoll"
RECORD_BODY_TOP = 80.0  # mm: no address window, the table starts below the information block


def handover_record(data: HandoverRecordData, blocks: TextBlocks) -> Built:
    def label(key: str) -> str:
        return blocks.text(f"aushaendigung.feld.{key}")

    def answer(flag: bool) -> str:
        return blocks.text("aushaendigung.wert.ja" if flag else "aushaendigung.wert.nein")

    if data.agent is None:
        recipient = blocks.text("aushaendigung.wert.persoenlich")
    elif data.agent.custodian:
        recipient = f"{blocks.text('aushaendigung.wert.sorgeberechtigt')}: {data.agent.name}; {data.agent.id_document}"
    else:
        recipient = (
            f"{blocks.text('aushaendigung.wert.bevollmaechtigt')}: {data.agent.name}; "
            f"{data.agent.id_document}; {blocks.text('aushaendigung.wert.vollmacht')}"
        )
    withdrawn = "; ".join(f"{doc.kind}, Nr. {doc.serial}" for doc in data.withdrawn_documents)
    online = "aushaendigung.wert.eingeschaltet" if data.online_id_enabled else "aushaendigung.wert.ausgeschaltet"
    rows = [
        (label("inhaber"), data.holder_name),
        (label("geburtsdatum"), data.holder_birth_date),
        (label("staatsangehoerigkeit"), data.nationality),
        (label("titel"), data.title),
        (label("seriennummer"), data.card_serial),
        (label("zeitpunkt"), german_datetime(data.handed_over_at)),
        (label("empfang"), recipient),
        (label("identitaet"), data.identity_check),
        (label("onlineausweis"), blocks.text(online)),
        (label("eingezogen"), withdrawn or blocks.text("aushaendigung.wert.keine")),
        (label("zusatzblatt"), answer(data.supplementary_sheet)),
        (label("fingerabdruecke"), answer(data.fingerprints_deleted)),
        (label("sachbearbeitung"), data.info.caseworker),
    ]
    if data.fee_cents is not None:
        rows.insert(-1, (label("gebuehr"), euro(data.fee_cents)))
    style = styles()
    table = Table(
        [
            [Paragraph(escape(typeset(name)), style["label"]), Paragraph(escape(typeset(value)), style["cell"])]
            for name, value in rows
        ],
        colWidths=[52 * mm, (BODY_WIDTH - 52) * mm],
    )
    table.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), REGULAR),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LINEBELOW", (0, 0), (-1, -1), 0.3, GREY),
                ("TOPPADDING", (0, 0), (-1, -1), 3.2),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 3.2),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ]
        )
    )
    if data.agent is None:
        confirmation = "aushaendigung.bestaetigung"
    elif data.agent.custodian:
        confirmation = "aushaendigung.bestaetigung_sorgeberechtigt"
    else:
        confirmation = "aushaendigung.bestaetigung_vertretung"
    signatures = Table(
        [
            ["", "", ""],
            [
                Paragraph(escape(blocks.text("aushaendigung.unterschrift_empfang")), style["label"]),
                "",
                Paragraph(escape(blocks.text("aushaendigung.unterschrift_behoerde")), style["label"]),
            ],
        ],
        colWidths=[75 * mm, 15 * mm, 75 * mm],
        rowHeights=[16 * mm, None],
    )
    signatures.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), REGULAR),
                ("LINEBELOW", (0, 0), (0, 0), 0.5, GREY),
                ("LINEBELOW", (2, 0), (2, 0), 0.5, GREY),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ]
        )
    )
    flow: list[Flowable] = [
        table,
        Spacer(1, 8 * mm),
        *paragraphs(blocks.paragraphs(confirmation)),
        KeepTogether(
            [
                Spacer(1, 4 * mm),
                para(f"{data.letterhead.postcode_city.split(' ', 1)[-1]}, {german_date(data.handed_over_at.date())}"),
                signatures,
            ]
        ),
    ]
    info = data.info
    decor = prepare_decor(
        data.letterhead,
        [
            ("Aktenzeichen", info.file_number),
            ("Sachbearbeitung", info.caseworker),
            ("Telefon", info.phone),
            ("Datum", german_date(info.date)),
        ],
        draft=data.draft,
        continuation=f"Aktenzeichen {info.file_number} · {german_date(info.date)}",
        title_lines=title_lines(blocks.text("aushaendigung.titel")),
        body_top=RECORD_BODY_TOP,
    )
    return Built(decor, flow, SUBJECT, data.info.date)


def title_lines(title: str, width: int = 42) -> list[str]:
    """Break the record's title into lines of about ``width`` characters at spaces."""
    lines: list[str] = []
    for word in title.split():
        if lines and len(lines[-1]) + 1 + len(word) <= width:
            lines[-1] += " " + word
        else:
            lines.append(word)
    return lines
