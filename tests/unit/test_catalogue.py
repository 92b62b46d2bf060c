"""Leistungskatalog: the shipped data and the validation of catalogue files."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from abh_desk.domain.catalogue import (
    AUTHORITY_PROOFS,
    CONDITIONS,
    Catalogue,
    CatalogueError,
    DocumentRequirement,
    Fees,
    ProcedureType,
    load_catalogue,
)
from abh_desk.errors import ConfigurationError, NotFound

# --- the shipped catalogue ----------------------------------------------------------------------


@pytest.fixture(scope="module")
def catalogue() -> Catalogue:
    return load_catalogue()


def texts(entry: ProcedureType) -> list[str]:
    return [doc.text for doc in entry.documents]


def test_shipped_catalogue_loads_with_all_seed_services(catalogue: Catalogue) -> None:
    assert len(catalogue) >= 25
    keys = {entry.key for entry in catalogue}
    assert {"99010019001008", "99010019001013", "LSA-16A-AUSBILDUNG"} <= keys
    assert "MUC-AE-ERTEILUNG-VERLAENGERUNG" in keys
    singen = [entry for entry in catalogue if entry.source.startswith("003_")]
    assert len(singen) >= 25


def test_qualification_measure_99010019001008(catalogue: Catalogue) -> None:
    entry = catalogue.get("99010019001008")
    assert entry.is_fim
    assert entry.name == "Aufenthaltserlaubnis zur Durchführung einer Qualifizierungsmaßnahme"
    assert entry.legal_basis == "§ 16d AufenthG"
    assert entry.area == "allgemein"
    assert entry.fees.issue_cents == 100_00
    assert entry.max_validity_months == 18
    assert entry.processing_weeks == (6, 8)
    assert entry.reminder_weeks == 8
    assert entry.title_kind == "Aufenthaltserlaubnis"
    lines = texts(entry)
    for expected in (
        "Gültiger Reisepass oder Passersatz",
        "Aktuelles biometrisches Lichtbild",
        "Defizitbescheid der Anerkennungsstelle",
        "Nachweis mindestens hinreichender Deutschkenntnisse (Niveau A2)",
        "Nachweis über die Sicherung des Lebensunterhalts",
        "Mietvertrag",
        "Nachweis über den Krankenversicherungsschutz",
    ):
        assert expected in lines
    assert DocumentRequirement("Visum", "visumpflichtig") in entry.documents
    assert len(entry.documents) == 9


def test_language_course_99010019001013_has_conditional_documents(catalogue: Catalogue) -> None:
    entry = catalogue.get("99010019001013")
    assert entry.legal_basis == "§ 16f AufenthG"
    assert entry.fees.issue_cents == 100_00
    assert entry.fees.minor_cents == 50_00
    assert entry.max_validity_months == 12
    by_condition: dict[str | None, list[str]] = {}
    for doc in entry.documents:
        by_condition.setdefault(doc.condition, []).append(doc.text)
    assert any(t.startswith("Zustimmung aller Sorgeberechtigten") for t in by_condition["minderjaehrig"])
    assert any("Zulassung zum Sprachkurs" in t for t in by_condition["sprachkurs"])
    assert any("Motivationsschreiben" in t for t in by_condition["sprachkurs"])
    assert any("Schüleraustausch" in t for t in by_condition["schueleraustausch"])
    assert "Gültiger Reisepass oder Passersatz" in by_condition[None]
    # Sorgeberechtigte never unconditional: an adult must not be asked for it.
    assert not any("Sorgeberechtigt" in t for t in by_condition[None])
    assert entry.documents[0].condition_label is None
    minor = next(d for d in entry.documents if d.condition == "minderjaehrig")
    assert minor.condition_label == "nur für Minderjährige"


def test_vocational_training_seed_001(catalogue: Catalogue) -> None:
    entry = catalogue.get("LSA-16A-AUSBILDUNG")
    assert not entry.is_fim
    assert entry.legal_basis == "§ 16a AufenthG"
    assert (entry.fees.issue_cents, entry.fees.minor_cents) == (100_00, 50_00)
    conditions = {doc.condition for doc in entry.documents}
    assert {"minderjaehrig", "visumpflichtig", "qualifizierte_ausbildung"} <= conditions


def test_munich_fees(catalogue: Catalogue) -> None:
    fees = catalogue.get("MUC-AE-ERTEILUNG-VERLAENGERUNG").fees
    assert (fees.issue_cents, fees.extension_short_cents, fees.extension_long_cents) == (
        100_00,
        96_00,
        93_00,
    )


@pytest.mark.parametrize(
    ("search", "cents"),
    [
        ("Verpflichtungserklärung", 29_00),
        ("beschleunigtes Fachkräfteverfahren", 411_00),
        ("Wohnsitzauflage", 50_00),
        ("Erlaubnis zum Daueraufenthalt-EU", 109_00),
        ("Niederlassungserlaubnis für Hochqualifizierte", 147_00),
    ],
)
def test_singen_fees(catalogue: Catalogue, search: str, cents: int) -> None:
    found = [e for e in catalogue.search(search) if e.source.startswith("003_")]
    assert len(found) == 1, found
    assert found[0].fees.issue_cents == cents


def test_singen_blue_card(catalogue: Catalogue) -> None:
    entry = catalogue.get("SIN-BLAUE-KARTE")
    assert entry.title_kind == "Blaue Karte EU"
    assert entry.processing_weeks == (4, 6)
    assert entry.max_validity_months == 48
    assert entry.fees == Fees(100_00, 96_00, 93_00, None, entry.fees.note)


def test_titles_granted_without_end_or_without_a_card(catalogue: Catalogue) -> None:
    """Settlement permits and Daueraufenthalt-EU are unlimited (§ 9, § 9a AufenthG); a Duldung and a
    Reiseausweis are not issued as an eAT; a replacement card has no new title but a card."""
    unlimited = {e.key for e in catalogue if e.unlimited}
    assert unlimited == {
        "SIN-NIEDERLASSUNG",
        "SIN-NIEDERLASSUNG-FACHKRAEFTE",
        "SIN-NIEDERLASSUNG-HOCHQUALIFIZIERTE",
        "SIN-DAUERAUFENTHALT-EU",
    }
    assert not catalogue.get("SIN-DULDUNG").card and not catalogue.get("SIN-REISEAUSWEIS").card
    assert catalogue.get("SIN-VERLUST-DOKUMENT").card and catalogue.get("SIN-VERLUST-DOKUMENT").title_kind is None
    assert catalogue.get("SIN-SCHUTZSTATUS").max_validity_months == 36  # § 26 Abs. 1 AufenthG


def test_areas_and_asylum_entries(catalogue: Catalogue) -> None:
    assert catalogue.areas() == {"allgemein", "asyl"}
    asylum = {entry.key for entry in catalogue if entry.area == "asyl"}
    assert {"SIN-SCHUTZSTATUS", "SIN-DULDUNG", "SIN-WOHNSITZAUFLAGE"} <= asylum
    assert catalogue.get("SIN-BLAUE-KARTE").area == "allgemein"


def test_every_condition_and_key_is_valid(catalogue: Catalogue) -> None:
    for entry in catalogue:
        assert entry.name and entry.legal_basis and entry.source
        for doc in entry.documents:
            assert doc.text.strip() == doc.text and doc.text
            assert doc.condition is None or doc.condition in CONDITIONS
        if entry.processing_weeks is not None:
            assert entry.processing_weeks[0] <= entry.processing_weeks[1]


def test_search_is_case_and_diacritics_insensitive(catalogue: Catalogue) -> None:
    assert [e.key for e in catalogue.search("blaue karte")] == ["SIN-BLAUE-KARTE"]
    assert [e.key for e in catalogue.search("BLAUE   Karte eu")] == ["SIN-BLAUE-KARTE"]
    assert "99010019001008" in [e.key for e in catalogue.search("qualifizierung")]
    assert "99010019001008" in [e.key for e in catalogue.search("QUALIFIZIERUNGSMASSNAHME")]
    assert "99010019001008" in [e.key for e in catalogue.search("16d")]
    assert "SIN-SCHWEIZ" in [e.key for e in catalogue.search("staatsangehorige schweiz")]
    assert "SIN-NACHZUG-AUSLAENDER" in [e.key for e in catalogue.search("Ausländer nachzug")]
    assert "SIN-NACHZUG-AUSLAENDER" in [e.key for e in catalogue.search("auslaender nachzug")]
    assert catalogue.search("blaue karte duldung") == []
    assert len(catalogue.search("")) == len(catalogue)


def test_get_unknown_key_raises_not_found(catalogue: Catalogue) -> None:
    with pytest.raises(NotFound) as info:
        catalogue.get("GIBT-ES-NICHT")
    assert info.value.message == "Unbekannte Leistung: GIBT-ES-NICHT"


def test_catalogue_keeps_order_and_refuses_duplicates() -> None:
    a = ProcedureType("A", "Erste", "§ 1", "allgemein", "test", ())
    b = ProcedureType("B", "Zweite", "§ 2", "asyl", "test", ())
    cat = Catalogue([b, a])
    assert [e.key for e in cat] == ["B", "A"]
    assert "A" in cat and "C" not in cat
    assert a.fees == Fees() and a.reminder_weeks == 8
    with pytest.raises(ValueError):
        Catalogue([a, a])


# --- validation ---------------------------------------------------------------------------------

VALID_ENTRY = """\
[[leistung]]
schluessel = "TEST-EINTRAG"
name = "Testleistung"
rechtsgrundlage = "§ 7 AufenthG"
bereich = "allgemein"
quelle = "test"
bearbeitungszeit = "vier bis sechs Wochen"
bearbeitungszeit_wochen = [4, 6]
hoechstgeltungsdauer_monate = 12
erinnerung_wochen = 6
titel = "Aufenthaltserlaubnis"

[leistung.gebuehren]
erteilung = "100.00"
verlaengerung_bis_3_monate = "96"
verlaengerung_ueber_3_monate = "93.5"
minderjaehrige = "50.00"
hinweis = "Befreiung möglich"

[[leistung.unterlagen]]
text = "Gültiger Reisepass oder Passersatz"

[[leistung.unterlagen]]
text = "Zustimmung aller Sorgeberechtigten"
bedingung = "minderjaehrig"
"""


def write(directory: Path, text: str, name: str = "test.toml") -> Path:
    path = directory / name
    path.write_text(text, encoding="utf-8")
    return path


def test_valid_file_loads_all_fields(tmp_path: Path) -> None:
    write(tmp_path, VALID_ENTRY)
    entry = load_catalogue(tmp_path).get("TEST-EINTRAG")
    assert entry == ProcedureType(
        key="TEST-EINTRAG",
        name="Testleistung",
        legal_basis="§ 7 AufenthG",
        area="allgemein",
        source="test",
        documents=(
            DocumentRequirement("Gültiger Reisepass oder Passersatz"),
            DocumentRequirement("Zustimmung aller Sorgeberechtigten", "minderjaehrig"),
        ),
        fees=Fees(100_00, 96_00, 93_50, 50_00, "Befreiung möglich"),
        processing_time="vier bis sechs Wochen",
        processing_weeks=(4, 6),
        max_validity_months=12,
        reminder_weeks=6,
        title_kind="Aufenthaltserlaubnis",
        unlimited=False,
        card=True,  # a procedure that grants a title is issued as an eAT unless it says eat = false
    )


def test_optional_fields_default(tmp_path: Path) -> None:
    write(
        tmp_path,
        '[[leistung]]\nschluessel = "99010019001008"\nname = "N"\nrechtsgrundlage = "§ 1"\n'
        'bereich = "asyl"\nquelle = "q"\nunterlagen = []\n',
    )
    entry = load_catalogue(tmp_path).get("99010019001008")
    assert entry.is_fim
    assert entry.documents == ()
    assert entry.fees == Fees()
    assert entry.reminder_weeks == 8
    assert entry.processing_weeks is None and entry.max_validity_months is None
    assert entry.title_kind is None and entry.processing_time is None
    assert not entry.unlimited and not entry.card  # no title, no card


def broken(old: str, new: str) -> str:
    assert old in VALID_ENTRY
    return VALID_ENTRY.replace(old, new, 1)


@pytest.mark.parametrize(
    ("text", "field", "problem"),
    [
        pytest.param(broken('name = "Testleistung"\n', ""), "name", "Pflichtfeld fehlt", id="missing-name"),
        pytest.param(broken('quelle = "test"\n', ""), "quelle", "Pflichtfeld fehlt", id="missing-source"),
        pytest.param(
            broken('rechtsgrundlage = "§ 7 AufenthG"', 'rechtsgrundlage = "  "'),
            "rechtsgrundlage",
            "leer",
            id="empty-legal-basis",
        ),
        pytest.param(broken('bereich = "allgemein"', 'bereich = "zentral"'), "bereich", "zentral", id="area"),
        pytest.param(broken('name = "Testleistung"', "name = 5"), "name", "Text erwartet", id="type"),
        pytest.param(broken('titel = "', 'tittel = "'), "tittel", "unbekanntes Feld", id="unknown-field"),
        pytest.param(broken('hinweis = "', 'hinwies = "'), "gebuehren.hinwies", "unbekanntes Feld", id="unknown-fee"),
        pytest.param(
            broken('bedingung = "minderjaehrig"', 'bedingung = "minderjaehrig"\nbedingnug = "x"'),
            "unterlagen[2].bedingnug",
            "unbekanntes Feld",
            id="unknown-document-field",
        ),
        pytest.param(
            broken('bedingung = "minderjaehrig"', 'bedingung = "kinder"'),
            "unterlagen[2].bedingung",
            '"kinder"',
            id="unknown-condition",
        ),
        pytest.param(
            broken('text = "Gültiger Reisepass oder Passersatz"', 'bedingung = "minderjaehrig"'),
            "unterlagen[1].text",
            "Pflichtfeld fehlt",
            id="document-without-text",
        ),
        pytest.param(
            broken('erteilung = "100.00"', 'erteilung = "10x"'),
            "gebuehren.erteilung",
            '"10x" ist kein Betrag in EUR',
            id="fee-text",
        ),
        pytest.param(
            broken('erteilung = "100.00"', 'erteilung = "-5.00"'),
            "gebuehren.erteilung",
            "kein Betrag",
            id="fee-negative",
        ),
        pytest.param(
            broken('erteilung = "100.00"', 'erteilung = "1.005"'),
            "gebuehren.erteilung",
            "kein Betrag",
            id="fee-fraction-of-cent",
        ),
        pytest.param(
            broken('erteilung = "100.00"', "erteilung = 100.0"),
            "gebuehren.erteilung",
            "Betrag als Text",
            id="fee-float",
        ),
        pytest.param(
            broken("bearbeitungszeit_wochen = [4, 6]", "bearbeitungszeit_wochen = [8, 6]"),
            "bearbeitungszeit_wochen",
            "Minimum 8 ist größer als Maximum 6",
            id="weeks-min-max",
        ),
        pytest.param(
            broken("bearbeitungszeit_wochen = [4, 6]", "bearbeitungszeit_wochen = [6]"),
            "bearbeitungszeit_wochen",
            "[min, max]",
            id="weeks-shape",
        ),
        pytest.param(
            broken("bearbeitungszeit_wochen = [4, 6]", "bearbeitungszeit_wochen = [0, 6]"),
            "bearbeitungszeit_wochen",
            "größer als 0",
            id="weeks-zero",
        ),
        pytest.param(
            broken("hoechstgeltungsdauer_monate = 12", "hoechstgeltungsdauer_monate = -1"),
            "hoechstgeltungsdauer_monate",
            "größer als 0",
            id="validity-negative",
        ),
        pytest.param(
            broken("hoechstgeltungsdauer_monate = 12", 'hoechstgeltungsdauer_monate = "12"'),
            "hoechstgeltungsdauer_monate",
            "ganze Zahl",
            id="validity-text",
        ),
        pytest.param(
            broken('titel = "Aufenthaltserlaubnis"', 'titel = "Aufenthaltserlaubnis"\nunbefristet = true'),
            "unbefristet",
            "keine Höchstgeltungsdauer",
            id="unlimited-with-maximum",
        ),
        pytest.param(
            broken('titel = "Aufenthaltserlaubnis"', 'titel = "Aufenthaltserlaubnis"\neat = "ja"'),
            "eat",
            "Wahrheitswert",
            id="card-not-a-flag",
        ),
        pytest.param(
            broken("erinnerung_wochen = 6", "erinnerung_wochen = 0"),
            "erinnerung_wochen",
            "größer als 0",
            id="reminder-zero",
        ),
        pytest.param(
            broken("erinnerung_wochen = 6", "erinnerung_wochen = true"),
            "erinnerung_wochen",
            "ganze Zahl",
            id="reminder-bool",
        ),
    ],
)
def test_broken_entry_is_refused_naming_file_entry_and_field(
    tmp_path: Path, text: str, field: str, problem: str
) -> None:
    write(tmp_path, text, "kaputt.toml")
    with pytest.raises(CatalogueError) as info:
        load_catalogue(tmp_path)
    error = info.value
    assert isinstance(error, ConfigurationError)
    assert (error.file, error.entry, error.field) == ("kaputt.toml", "TEST-EINTRAG", field)
    assert error.message.startswith(f'Katalog kaputt.toml, Eintrag "TEST-EINTRAG", Feld "{field}": ')
    assert problem in error.message


def test_message_format_matches_specification(tmp_path: Path) -> None:
    write(tmp_path, broken('erteilung = "100.00"', 'erteilung = "10x"'), "singen.toml")
    with pytest.raises(CatalogueError) as info:
        load_catalogue(tmp_path)
    assert str(info.value) == (
        'Katalog singen.toml, Eintrag "TEST-EINTRAG", Feld "gebuehren.erteilung": "10x" ist kein Betrag in EUR'
    )


@pytest.mark.parametrize("key", ["test-klein", "12345", "990100190010080", "SIN BLAUE", "-SIN", "SIN--X", "SIN-"])
def test_bad_key_format(tmp_path: Path, key: str) -> None:
    write(tmp_path, broken('schluessel = "TEST-EINTRAG"', f'schluessel = "{key}"'))
    with pytest.raises(CatalogueError) as info:
        load_catalogue(tmp_path)
    assert (info.value.entry, info.value.field) == (key, "schluessel")
    assert "FIM-Schlüssel" in info.value.message


def test_missing_key_names_entry_by_number(tmp_path: Path) -> None:
    second = broken('schluessel = "TEST-EINTRAG"\n', "")
    write(tmp_path, VALID_ENTRY + "\n" + second)
    with pytest.raises(CatalogueError) as info:
        load_catalogue(tmp_path)
    assert (info.value.file, info.value.entry, info.value.field) == ("test.toml", "Nr. 2", "schluessel")
    assert info.value.message.startswith('Katalog test.toml, Eintrag Nr. 2, Feld "schluessel": ')


def test_missing_document_list(tmp_path: Path) -> None:
    text = VALID_ENTRY.split("[[leistung.unterlagen]]")[0]
    write(tmp_path, text)
    with pytest.raises(CatalogueError) as info:
        load_catalogue(tmp_path)
    assert (info.value.entry, info.value.field) == ("TEST-EINTRAG", "unterlagen")


def test_documents_must_be_a_list(tmp_path: Path) -> None:
    text = VALID_ENTRY.split("[[leistung.unterlagen]]")[0].replace(
        "[leistung.gebuehren]", 'unterlagen = "Reisepass"\n\n[leistung.gebuehren]'
    )
    write(tmp_path, text)
    with pytest.raises(CatalogueError) as info:
        load_catalogue(tmp_path)
    assert (info.value.entry, info.value.field) == ("TEST-EINTRAG", "unterlagen")
    assert "Liste erwartet" in info.value.message


def test_duplicate_key_across_files(tmp_path: Path) -> None:
    write(tmp_path, VALID_ENTRY, "a.toml")
    write(tmp_path, VALID_ENTRY, "b.toml")
    with pytest.raises(CatalogueError) as info:
        load_catalogue(tmp_path)
    error = info.value
    assert (error.file, error.entry, error.field) == ("b.toml", "TEST-EINTRAG", "schluessel")
    assert "a.toml" in error.message


def test_duplicate_key_in_one_file(tmp_path: Path) -> None:
    write(tmp_path, VALID_ENTRY + "\n" + VALID_ENTRY)
    with pytest.raises(CatalogueError) as info:
        load_catalogue(tmp_path)
    assert (info.value.file, info.value.entry, info.value.field) == ("test.toml", "TEST-EINTRAG", "schluessel")


def test_invalid_toml_names_file_and_line(tmp_path: Path) -> None:
    write(tmp_path, VALID_ENTRY.replace('name = "Testleistung"', "name = Testleistung"), "defekt.toml")
    with pytest.raises(CatalogueError) as info:
        load_catalogue(tmp_path)
    assert info.value.file == "defekt.toml"
    assert info.value.message.startswith("Katalog defekt.toml: ungültiges TOML in Zeile 3")


def test_unknown_top_level_table(tmp_path: Path) -> None:
    write(tmp_path, VALID_ENTRY.replace("[[leistung]]", "[[leistungen]]", 1))
    with pytest.raises(CatalogueError) as info:
        load_catalogue(tmp_path)
    assert (info.value.file, info.value.field) == ("test.toml", "leistungen")


def test_missing_or_empty_directory(tmp_path: Path) -> None:
    with pytest.raises(CatalogueError):
        load_catalogue(tmp_path / "fehlt")
    with pytest.raises(CatalogueError):
        load_catalogue(tmp_path)


def test_name_of_falls_back_to_a_retired_key() -> None:
    from abh_desk.domain.catalogue import load_catalogue

    catalogue = load_catalogue()
    assert catalogue.name_of("99010019001008").startswith("Aufenthaltserlaubnis zur Durchführung")
    assert catalogue.name_of("ALT-2019-GESTRICHEN") == "ALT-2019-GESTRICHEN"


# --- issue 16, part 7: the office's own checks, offer periods, validity by variant ----------------


def test_no_entry_asks_the_applicant_for_what_the_office_establishes_itself(catalogue: Catalogue) -> None:
    """§ 24 VwVfG: no interest in expulsion, the interests of the Federal Republic, the consent of the
    Federal Employment Agency are checked by the office, never documents of the applicant."""
    for entry in catalogue:
        for document in entry.documents:
            assert not any(pattern.search(document.text) for pattern in AUTHORITY_PROOFS), (entry.key, document)
    employment = catalogue.get("SIN-BESCHAEFTIGUNG")
    assert [check.text.split(" (")[0] for check in employment.checks] == [
        "Kein Ausweisungsinteresse",
        "Der Aufenthalt gefährdet oder beeinträchtigt die Interessen der Bundesrepublik Deutschland nicht",
    ]
    assert "Zustimmung der Bundesagentur für Arbeit" in catalogue.get("LSA-16A-AUSBILDUNG").checks[0].text
    with_checks = [entry.key for entry in catalogue if entry.checks]
    assert len(with_checks) == 15  # 14 of Singen (seed 003), the § 16a entry of seed 001


@pytest.mark.parametrize(
    "text",
    [
        "Nachweis, dass kein Ausweisungsinteresse vorliegt",
        "Bescheinigung, dass die Interessen der Bundesrepublik nicht gefährdet sind",
        "Zustimmung der Bundesagentur für Arbeit",
    ],
)
def test_a_proof_the_office_establishes_is_refused_as_a_document(tmp_path: Path, text: str) -> None:
    write(tmp_path, broken('text = "Gültiger Reisepass oder Passersatz"', f'text = "{text}"'), "kaputt.toml")
    with pytest.raises(CatalogueError, match="ermittelt die Behörde selbst") as info:
        load_catalogue(tmp_path)
    assert info.value.field == "unterlagen[1].text" and "pruefungen" in info.value.message


def test_checks_offer_period_and_variants_load(tmp_path: Path) -> None:
    extra = (
        "angeboten_ab = 2023-01-01\nangeboten_bis = 2025-12-31\nhoechstgeltungsdauer_varianten = [\n"
        '  { bedingung = "nach_studium_inland", monate = 18, rechtsgrundlage = "§ 20 Abs. 3 Nr. 1 AufenthG" },\n'
        '  { bedingung = "studienbewerbung", monate = 9, rechtsgrundlage = "§ 17 Abs. 2 AufenthG" },\n]\n'
        'pruefungen = [{ text = "Kein Ausweisungsinteresse (§ 5 Abs. 1 Nr. 2 AufenthG)" }]\n'
    )
    write(tmp_path, broken("erinnerung_wochen = 6\n", "erinnerung_wochen = 6\n" + extra))
    entry = load_catalogue(tmp_path).get("TEST-EINTRAG")
    assert entry.checks == (DocumentRequirement("Kein Ausweisungsinteresse (§ 5 Abs. 1 Nr. 2 AufenthG)"),)
    assert (entry.offered_from, entry.offered_until) == (date(2023, 1, 1), date(2025, 12, 31))
    assert not entry.offered_on(date(2022, 12, 31)) and entry.offered_on(date(2025, 12, 31))
    assert not entry.offered_on(date(2026, 1, 1))
    assert entry.max_validity_for([]) == (12, "§ 7 AufenthG")
    assert entry.max_validity_for(["nach_studium_inland"]) == (18, "§ 20 Abs. 3 Nr. 1 AufenthG")
    assert entry.max_validity_for(["studienbewerbung"]) == (9, "§ 17 Abs. 2 AufenthG")
    assert entry.max_validity_for(["studienbewerbung", "nach_studium_inland"])[0] == 18
    assert {"nach_studium_inland", "studienbewerbung"} <= set(entry.fact_conditions)
    assert [e.key for e in load_catalogue(tmp_path).offered(date(2026, 1, 1))] == []


@pytest.mark.parametrize(
    ("extra", "field", "problem"),
    [
        ('angeboten_bis = "31.12.2025"\n', "angeboten_bis", "Datum erwartet"),
        ("angeboten_ab = 2026-01-01\nangeboten_bis = 2025-12-31\n", "angeboten_bis", "liegt vor angeboten_ab"),
        ("angeboten_bis = 2025-12-31T00:00:00\n", "angeboten_bis", "Datum erwartet"),
        (
            'hoechstgeltungsdauer_varianten = [{ bedingung = "gibtsnicht", monate = 6, rechtsgrundlage = "x" }]\n',
            "hoechstgeltungsdauer_varianten[1].bedingung",
            "unbekannte Bedingung",
        ),
        (
            'hoechstgeltungsdauer_varianten = [{ bedingung = "sprachkurs", rechtsgrundlage = "x" }]\n',
            "hoechstgeltungsdauer_varianten[1].monate",
            "Pflichtfeld fehlt",
        ),
        (
            'hoechstgeltungsdauer_varianten = [{ bedingung = "sprachkurs", monate = 6 }]\n',
            "hoechstgeltungsdauer_varianten[1].rechtsgrundlage",
            "Pflichtfeld fehlt",
        ),
        ('pruefungen = [{ text = "" }]\n', "pruefungen[1].text", "darf nicht leer sein"),
    ],
)
def test_broken_checks_periods_and_variants_are_refused(tmp_path: Path, extra: str, field: str, problem: str) -> None:
    write(tmp_path, broken("erinnerung_wochen = 6\n", "erinnerung_wochen = 6\n" + extra), "kaputt.toml")
    with pytest.raises(CatalogueError) as info:
        load_catalogue(tmp_path)
    assert info.value.field == field and problem in info.value.message


def test_validity_by_variant_in_the_shipped_catalogue(catalogue: Catalogue) -> None:
    job_search = catalogue.get("SIN-ARBEITSPLATZSUCHE")
    assert job_search.max_validity_for([]) == (6, "§ 20 AufenthG")
    assert job_search.max_validity_for(["nach_studium_inland"]) == (18, "§ 20 Abs. 3 Nr. 1 AufenthG")
    studies = catalogue.get("SIN-STUDIUM")
    assert studies.max_validity_for([])[0] == 24
    assert studies.max_validity_for(["sprachkurs"])[0] == 12
    assert studies.max_validity_for(["studienbewerbung"]) == (9, "§ 17 Abs. 2 AufenthG")
    chancen = catalogue.get("MUC-CHANCEN-AUFENTHALTSRECHT")
    assert chancen.offered_until == date(2025, 12, 31) and chancen.key in catalogue


def test_every_shipped_procedure_has_its_checklist() -> None:
    """Issue 23, part 12: AE Erteilung/Verlängerung, Duldung, Härtefall, Schutzstatus and the
    Chancen-Aufenthaltsrecht had none; a passport is asked only where the law requires one."""
    from abh_desk.domain.catalogue import load_catalogue

    catalogue = load_catalogue()
    assert [p.key for p in catalogue if not p.documents] == []
    for key in ("SIN-DULDUNG", "SIN-HAERTEFALL", "SIN-SCHUTZSTATUS", "MUC-CHANCEN-AUFENTHALTSRECHT"):
        passport = next(d for d in catalogue.get(key).documents if d.text == "Gültiger Reisepass oder Passersatz")
        assert passport.condition == "falls_vorhanden"  # § 5 Abs. 3, § 104c Abs. 1 AufenthG
