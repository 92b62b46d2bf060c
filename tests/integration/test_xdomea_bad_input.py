"""Bad xdomea packages are refused with a German message naming the problem, and nothing is saved:
not a ZIP, a path leaving the folder, a ZIP bomb, a DTD with entities (billion laughs) or an external
entity (XXE), a message that breaks the schema, a named file the package lacks, a foreign file's
Vorgang without a known procedure. A hand-written 0401 of another program is read. And the command."""

from __future__ import annotations

import io
import uuid
import zipfile
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import func, select

from abh_desk.cli import main
from abh_desk.services import documents, file_intake
from abh_desk.services.context import ServiceContext
from abh_desk.xdomea.xml import MessageError
from models import AuditEvent, Case, CaseDocument, Person
from tests.support.cli_login import sign_in_cli
from tests.support.xdomea import SCHEMA, assert_valid, zip_of

TODAY = date(2026, 11, 23)
PID, AKTE, VORGANG, DOK = (str(uuid.UUID(int=n)) for n in (1, 2, 3, 4))
PDF = b"%PDF-1.4\n% a scanned document\n%%EOF\n"


def foreign_0401(procedure: str = "99010019001008", file_name: str = f"{DOK}_antrag.pdf", extra: str = "") -> bytes:
    """An Abgabe as another program writes it: only xdomea's own fields, no ABH Desk Fachdaten."""
    return f"""<?xml version="1.0" encoding="UTF-8"?>{extra}
<Abgabe.Abgabe.0401 xmlns="urn:xoev-de:xdomea:schema:3.0.0">
 <Kopf><ProzessID>{PID}</ProzessID>
  <Nachrichtentyp listURI="urn:xoev-de:xdomea:codeliste:nachrichtentyp" listVersionID="2.0">
   <code xmlns="">0401</code></Nachrichtentyp>
  <Erstellungszeitpunkt>2026-11-20T09:30:00</Erstellungszeitpunkt>
  <Absender><Institution><Name>Stadt Freiburg, Ausländerbehörde</Name></Institution></Absender>
  <Empfaenger><Institution><Name>Ausländerbehörde Singen</Name></Institution></Empfaenger>
  <Importbestaetigung>true</Importbestaetigung><Empfangsbestaetigung>false</Empfangsbestaetigung></Kopf>
 <Schriftgutobjekt><Akte><Identifikation><ID>{AKTE}</ID></Identifikation>
  <AllgemeineMetadaten><Betreff>Ausländerakte Şahin, Mehmet</Betreff></AllgemeineMetadaten>
  <Akteninhalt><Vorgang><Identifikation><ID>{VORGANG}</ID></Identifikation>
   <AllgemeineMetadaten><Betreff>Aufenthaltserlaubnis</Betreff><Kennzeichen>FR-33.1-2025-0815</Kennzeichen></AllgemeineMetadaten>
   <Typ>{procedure}</Typ><Laufzeit><Beginn>2025-09-01</Beginn></Laufzeit>
   <Dokument><Identifikation><ID>{DOK}</ID></Identifikation><AllgemeineMetadaten><Betreff>Antrag</Betreff></AllgemeineMetadaten>
    <Posteingangsdatum>2025-09-01</Posteingangsdatum>
    <Version><Nummer>1</Nummer><Format>
     <Name listURI="urn:xoev-de:xdomea:codeliste:dateiformat" listVersionID="1.0"><code xmlns="">018</code></Name>
     <Version>1.7</Version><Primaerdokument><Dateiname>{file_name}</Dateiname></Primaerdokument></Format></Version></Dokument>
  </Vorgang></Akteninhalt>
  <Kontakt><Name><Familienname><Name>Şahin</Name></Familienname><Vorname><Name>Mehmet</Name></Vorname></Name>
   <Anschrift><Strasse>Hauptstr. 5</Strasse><Postleitzahl>78224</Postleitzahl><Ort>Singen</Ort></Anschrift>
   <Geburt><Datum>1988-04-17</Datum></Geburt></Kontakt>
 </Akte></Schriftgutobjekt>
</Abgabe.Abgabe.0401>""".encode()


def package(message: bytes, files: dict[str, bytes] | None = None) -> bytes:
    return zip_of(
        {f"{PID}_Abgabe.Abgabe.0401.xml": message, **(files if files is not None else {f"{DOK}_antrag.pdf": PDF})}
    )


def _nothing_saved(ctx: ServiceContext) -> None:
    with ctx.db.read() as session:
        assert session.scalar(select(func.count()).select_from(Person)) == 0
        assert session.scalar(select(func.count()).select_from(Case)) == 0
        assert session.scalar(select(func.count()).select_from(CaseDocument)) == 0
        assert (
            session.scalar(select(func.count()).select_from(AuditEvent).where(AuditEvent.action.like("%uebernommen")))
            == 0
        )


def test_a_file_from_another_program_is_read(ctx: ServiceContext) -> None:
    assert_valid(foreign_0401())
    data = package(foreign_0401())
    preview = file_intake.preview_intake(ctx, data, SCHEMA)
    assert not preview.complete and preview.sender == "Stadt Freiburg, Ausländerbehörde"
    assert preview.files[0].name == "Şahin, Mehmet" and preview.files[0].nationality == "XXX"
    result = file_intake.take_in(ctx, data, SCHEMA)
    assert_valid(result.receipt)
    assert result.file_numbers[0][0] == "FR-33.1-2025-0815"
    with ctx.db.read() as session:
        document = session.scalars(select(CaseDocument)).one()
        content = documents.content_bytes(session, document.id)
        assert (document.title, content, document.dated_on) == ("Antrag", PDF, date(2025, 9, 1))
        assert document.media_type == "application/pdf" and document.size_bytes == len(PDF)
        case = session.scalars(select(Case)).one()
        assert case.status == "in_bearbeitung" and case.applied_on == date(2025, 9, 1)
    assert documents.verify_documents(ctx).ok  # taken in with its hash in the audit trail


BILLION_LAUGHS = '<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>'
XXE = '<!DOCTYPE x [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'


def _bomb() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(f"{PID}_Abgabe.Abgabe.0401.xml", foreign_0401())
        archive.writestr(f"{DOK}_antrag.pdf", b"\0" * (300 * 1024 * 1024))
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"not a zip at all", "keine ZIP-Datei"),
        (zip_of({"../../etc/cron.d/x": b"x", f"{PID}_Abgabe.Abgabe.0401.xml": foreign_0401()}), "verlässt den Ordner"),
        (zip_of({"/abs/x.pdf": b"x", f"{PID}_Abgabe.Abgabe.0401.xml": foreign_0401()}), "verlässt den Ordner"),
        (zip_of({"sub/x.pdf": b"x", f"{PID}_Abgabe.Abgabe.0401.xml": foreign_0401()}), "nicht zulässig"),
        (package(foreign_0401(extra=BILLION_LAUGHS)), "DTD, Entitäten oder externe Verweise"),
        (package(foreign_0401(extra=XXE)), "DTD, Entitäten oder externe Verweise"),
        (package(b"<Abgabe.Abgabe.0401"), "kein gültiges XML"),
        (package(foreign_0401(file_name=f"{DOK}_fehlt.pdf")), "fehlt im Paket"),
        (package(foreign_0401(procedure="12345")), "keine Leistung des Katalogs"),
        (package(foreign_0401().replace(b"<Typ>", b"<Unbekannt/><Typ>")), "entspricht nicht dem xdomea-3.0.0-Schema"),
        (zip_of({"a.xml": foreign_0401(), "b.xml": foreign_0401()}), "genau eine Nachricht"),
    ],
    ids=["no-zip", "traversal", "absolute", "subfolder", "billion-laughs", "xxe", "broken-xml", "missing-file",
         "unknown-procedure", "schema", "two-messages"],
)  # fmt: skip
def test_a_bad_package_is_refused_and_nothing_is_saved(ctx: ServiceContext, data: bytes, message: str) -> None:
    with pytest.raises(MessageError, match=message):
        file_intake.take_in(ctx, data, SCHEMA)
    _nothing_saved(ctx)


def test_a_zip_bomb_is_refused(ctx: ServiceContext) -> None:
    with pytest.raises(MessageError, match="ZIP-Bombe"):
        file_intake.take_in(ctx, _bomb())
    _nothing_saved(ctx)


def test_the_commands(database_url: str, ctx: ServiceContext, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    sign_in_cli(ctx, monkeypatch)

    def run(*argv: str) -> tuple[int, str, str]:
        out, err = io.StringIO(), io.StringIO()
        import contextlib

        with contextlib.redirect_stderr(err):
            code = main(["--db", database_url, "xdomea", *argv], out=out)
        return code, out.getvalue(), err.getvalue()

    incoming = tmp_path / "freiburg.zip"
    incoming.write_bytes(package(foreign_0401()))
    code, text, _ = run("import", str(incoming), "--vorschau")
    assert code == 0 and "Person: Şahin, Mehmet, geb. 17.04.1988" in text and "nichts wurde gespeichert" in text
    _nothing_saved(ctx)
    code, text, _ = run("import", str(incoming))
    assert code == 0 and "Akte übernommen (als neue Person angelegt" in text
    receipt = tmp_path / f"{PID}_Abgabe.ImportBestaetigen.0402.xml"
    assert_valid(receipt.read_bytes())
    code, _, err = run("import", str(incoming))
    assert code == 2 and "wahrscheinlich schon erfasst" in err and "Traceback" not in err
    with ctx.db.read() as session:
        person_id = session.scalars(select(Person.id)).one()
    code, text, _ = run("abgabe", str(person_id), "--an", "Stadt Konstanz", "--ausgabe", str(tmp_path / "out.zip"))
    assert code == 0 and "Akte abgegeben an Stadt Konstanz: 1 Vorgänge" in text
    code, _, err = run("abgabe", "ABH-0", "--an", "X", "--ausgabe", str(tmp_path / "y.zip"))
    assert code == 2 and "weder eine Personennummer noch ein Aktenzeichen" in err
    code, _, err = run("import", str(tmp_path / "nichtda.zip"))
    assert code == 2 and "gibt es nicht" in err
    code, _, err = run("anbieten", "--ausgabe", str(tmp_path / "a.xml"))
    assert code == 2 and "Keine Akte ist zur Anbietung fällig" in err
