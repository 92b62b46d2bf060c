"""Letter wording as data: text blocks with checked placeholders, the per-Land remedy table, formats."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest

from abh_desk.domain.money import euro
from abh_desk.errors import ConfigurationError, ValidationError
from letters.data import Court
from letters.formatting import application_phrase, german_date, german_datetime, number_word
from letters.letterhead import load_letterhead, parse_letterhead
from letters.remedies import DEFAULT_PATH as REMEDIES_PATH
from letters.remedies import LAENDER, load_remedies, parse_remedies, remedy_instructions
from letters.textblocks import (
    DEFAULT_PATH,
    PLACEHOLDERS,
    REQUIRED_BLOCKS,
    REQUIRED_GROUNDS,
    load_textblocks,
    parse_textblocks,
)

SHIPPED = DEFAULT_PATH.read_text(encoding="utf-8")
FREIBURG = Court("Verwaltungsgericht Freiburg", "Habsburgerstraße 103, 79104 Freiburg im Breisgau")


# --- text blocks ----------------------------------------------------------------------------------


def test_shipped_text_blocks_load_with_every_required_block_and_ground() -> None:
    blocks = load_textblocks()
    for key in REQUIRED_BLOCKS:
        assert key in blocks
    assert set(REQUIRED_GROUNDS) <= set(blocks.ground_keys())
    for key in blocks.keys():  # noqa: SIM118 (TextBlocks is not a dict)
        assert blocks.fields(key) <= set(PLACEHOLDERS)


def with_block(key: str, value: str) -> str:
    """The shipped file with one more block in a table of its own."""
    table, name = key.rsplit(".", 1)
    return SHIPPED + f'\n[{table}]\n{name} = "{value}"\n'


@pytest.mark.parametrize(
    ("template", "shown"),
    [
        ("Ihr Antrag vom {antrags_datum}.", "{antrags_datum}"),
        ("Gebühr {gebuehr:>10}", "{gebuehr:>10}"),
        ("Gebühr {gebuehr!r}", "{gebuehr!r}"),
        ("Frist {0} Tage", "{0}"),
        ("Frist {} Tage", "{}"),
        ("Titel {titel.upper}", "{titel.upper}"),
    ],
)
def test_unknown_or_fancy_placeholder_is_a_configuration_error_naming_the_block(template: str, shown: str) -> None:
    with pytest.raises(ConfigurationError) as error:
        parse_textblocks(with_block("test.baustein", template), source="textbausteine.toml")
    assert "„test.baustein“" in error.value.message
    assert shown in error.value.message
    assert "textbausteine.toml" in error.value.message


@pytest.mark.parametrize("template", ["Klammer { offen", "Klammer } zu"])
def test_broken_braces_are_a_configuration_error(template: str) -> None:
    with pytest.raises(ConfigurationError) as error:
        parse_textblocks(with_block("test.baustein", template))
    assert "„test.baustein“" in error.value.message


def test_doubled_braces_print_as_braces() -> None:
    blocks = parse_textblocks(with_block("test.baustein", "Menge {{a, b}} am {datum}"))
    assert blocks.text("test.baustein", {"datum": "21.11.2026"}) == "Menge {a, b} am 21.11.2026"


def test_unknown_placeholder_in_a_list_block_is_refused() -> None:
    edited = SHIPPED.replace('"Ihren gültigen Reisepass oder Passersatz",', '"Ihren Pass {passnummer}",')
    with pytest.raises(ConfigurationError) as error:
        parse_textblocks(edited)
    assert "abholung.mitbringen_liste" in error.value.message


@pytest.mark.parametrize("values", [{}, {"antragsdatum": ""}, {"antragsdatum": "   "}])
def test_missing_value_is_a_validation_error_naming_the_placeholder_in_german(values: dict[str, str]) -> None:
    blocks = load_textblocks()
    with pytest.raises(ValidationError) as error:
        blocks.paragraphs("anhoerung.betreff", values)
    assert error.value.field == "antragsdatum"
    assert error.value.message == (
        "Im Textbaustein „anhoerung.betreff“ fehlt der Wert für den Platzhalter {antragsdatum} "
        "(Datum des Antrags). Ohne ihn wird das Schreiben nicht gedruckt."
    )


def test_values_are_inserted_verbatim_even_with_braces() -> None:
    blocks = load_textblocks()
    text = blocks.text("anhoerung.betreff", {"antragsdatum": "{datum}"})
    assert text == "Anhörung vor der beabsichtigten Ablehnung Ihres Antrags vom {datum}"


def test_paragraphs_split_at_blank_lines_and_join_wrapped_lines() -> None:
    blocks = parse_textblocks(with_block("test.baustein", "Erste Zeile\\nweiter.\\n\\nZweiter Absatz."))
    assert blocks.paragraphs("test.baustein") == ["Erste Zeile weiter.", "Zweiter Absatz."]


def test_a_required_block_may_not_be_deleted() -> None:
    line = 'hinweis_kosten = "Die Kosten einer Abschiebung haben Sie zu tragen (§ 66 Abs. 1 AufenthG)."\n'
    edited = SHIPPED.replace(line, "")
    assert edited != SHIPPED
    with pytest.raises(ConfigurationError) as error:
        parse_textblocks(edited)
    assert "ablehnung.hinweis_kosten" in error.value.message


def test_a_ground_needs_title_legal_basis_and_text() -> None:
    with pytest.raises(ConfigurationError) as error:
        parse_textblocks(SHIPPED + '\n[ablehnungsgrund.neu]\ntitel = "Neuer Grund"\ntext = "Text"\n')
    assert "„neu“" in error.value.message and "rechtsgrundlage" in error.value.message


def test_an_administrator_can_add_a_ground() -> None:
    blocks = parse_textblocks(
        SHIPPED + '\n[ablehnungsgrund.sprache]\ntitel = "Sprachkenntnisse fehlen"\n'
        'rechtsgrundlage = "{rechtsgrundlage_titel}"\ntext = "Es fehlen Deutschkenntnisse: {einzelfall}"\n'
    )
    assert "sprache" in blocks.ground_keys()


def test_edited_file_is_reloaded(tmp_path: Path) -> None:
    path = tmp_path / "textbausteine.toml"
    path.write_text(SHIPPED, encoding="utf-8")
    assert "Mit freundlichen Grüßen" in load_textblocks(path).text("allgemein.gruss")
    path.write_text(
        SHIPPED.replace('gruss = "Mit freundlichen Grüßen"', 'gruss = "Freundliche Grüße"'), encoding="utf-8"
    )
    import os

    stat = path.stat()
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000))
    assert load_textblocks(path).text("allgemein.gruss") == "Freundliche Grüße"


def test_unreadable_or_invalid_files_are_configuration_errors(tmp_path: Path) -> None:
    with pytest.raises(ConfigurationError):
        load_textblocks(tmp_path / "fehlt.toml")
    broken = tmp_path / "kaputt.toml"
    broken.write_text("[ablehnung\n", encoding="utf-8")
    with pytest.raises(ConfigurationError):
        load_textblocks(broken)
    with pytest.raises(ConfigurationError):
        parse_textblocks(SHIPPED + "\n[test]\nzahl = 3\n")


# --- the Rechtsbehelfsbelehrung table -------------------------------------------------------------


def test_table_covers_all_16_laender() -> None:
    table = load_remedies()
    assert sorted(table.laender) == sorted(LAENDER) and len(LAENDER) == 16


@pytest.mark.parametrize(
    ("land", "kind"),
    [
        ("BW", "widerspruch"),
        ("BY", "klage"),
        ("NW", "klage"),
        ("NI", "klage"),
        ("HE", "klage"),
        ("BE", "klage"),
        ("HH", "widerspruch"),
        ("RP", "widerspruch"),
        ("SL", "widerspruch"),
        ("SH", "widerspruch"),
    ],
)
def test_remedy_per_land(land: str, kind: str) -> None:
    remedy = load_remedies().remedy_for(land)
    assert remedy.kind == kind
    assert bool(remedy.land.abolition_basis) == (kind == "klage")


def test_rows_we_are_unsure_about_keep_the_objection_or_say_what_to_check() -> None:
    table = load_remedies()
    unsure = {row.code for row in table.rows_to_check()}
    assert {"HB", "TH", "SN", "BB"} <= unsure
    for code in unsure:
        row = table.laender[code]
        assert row.kind == "widerspruch" or row.abolition_basis, code
        assert row.to_check.strip()


def test_hessen_exception_for_eu_citizens_and_arb_1_80() -> None:
    table = load_remedies()
    assert table.remedy_for("HE").kind == "klage"
    assert table.remedy_for("HE", eu_or_arb_exception=True).kind == "widerspruch"
    assert table.remedy_for("BY", eu_or_arb_exception=True).kind == "klage"


def test_objection_instructions_name_form_place_and_period() -> None:
    text = " ".join(
        remedy_instructions(
            "BW",
            authority="Landratsamt Konstanz – Ausländerbehörde",
            authority_address="Benediktinerplatz 1, 78467 Konstanz",
            court=FREIBURG,
        )
    )
    assert "innerhalb eines Monats nach Bekanntgabe Widerspruch" in text
    assert "Landratsamt Konstanz – Ausländerbehörde, Benediktinerplatz 1, 78467 Konstanz" in text
    assert "schriftlich" in text and "zur Niederschrift" in text and "§ 3a Abs. 2" in text


def test_lawsuit_instructions_name_court_form_and_abolition() -> None:
    court = Court("Verwaltungsgericht Köln", "Appellhofplatz, 50667 Köln")
    text = " ".join(remedy_instructions("nw", authority="Stadt Köln", authority_address="x", court=court))
    assert "Klage beim Verwaltungsgericht Köln, Appellhofplatz, 50667 Köln" in text
    assert "(§ 110 Abs. 1 JustG NRW)" in text
    assert "zur Niederschrift der Urkundsbeamtin oder des Urkundsbeamten der Geschäftsstelle" in text
    assert "§ 55a" in text


def test_unknown_land_is_a_validation_error() -> None:
    with pytest.raises(ValidationError) as error:
        load_remedies().remedy_for("XY")
    assert error.value.field == "land"


SHIPPED_REMEDIES = REMEDIES_PATH.read_text(encoding="utf-8")


def test_a_lawsuit_row_without_legal_basis_is_refused() -> None:
    edited = SHIPPED_REMEDIES.replace('abschaffung = "§ 80 Abs. 1 NJG"', 'abschaffung = ""')
    with pytest.raises(ConfigurationError) as error:
        parse_remedies(edited)
    assert "[laender.NI]" in error.value.message


def test_a_missing_land_is_refused() -> None:
    start = SHIPPED_REMEDIES.index("[laender.TH]")
    with pytest.raises(ConfigurationError) as error:
        parse_remedies(SHIPPED_REMEDIES[:start])
    assert "TH" in error.value.message


def test_an_unknown_placeholder_in_a_remedy_template_is_refused() -> None:
    edited = SHIPPED_REMEDIES.replace("{gericht_anschrift}, erhoben", "{gerichtsadresse}, erhoben")
    with pytest.raises(ConfigurationError) as error:
        parse_remedies(edited)
    assert "vorlagen.klage" in error.value.message and "{gerichtsadresse}" in error.value.message


def test_a_row_pointing_to_a_missing_template_is_refused() -> None:
    edited = SHIPPED_REMEDIES.replace(
        '[laender.BW]\nname = "Baden-Württemberg"\nrechtsbehelf = "widerspruch"\n'
        'abschaffung = ""\nvorlage = "widerspruch"',
        '[laender.BW]\nname = "Baden-Württemberg"\nrechtsbehelf = "widerspruch"\n'
        'abschaffung = ""\nvorlage = "einspruch"',
    )
    assert edited != SHIPPED_REMEDIES
    with pytest.raises(ConfigurationError) as error:
        parse_remedies(edited)
    assert "einspruch" in error.value.message


# --- letterhead defaults ------------------------------------------------------------------------


def test_letterhead_defaults_load() -> None:
    head = load_letterhead()
    assert head.authority == "Stadt Singen (Hohentwiel)"
    assert head.land in LAENDER
    assert head.opening_hours


def test_letterhead_without_court_or_with_unknown_land_is_refused() -> None:
    raw = {
        "behoerde": "Stadt X",
        "strasse": "A 1",
        "plz_ort": "12345 X",
        "land": "BW",
        "telefon": "1",
        "email": "a@b.de",
    }
    with pytest.raises(ConfigurationError):
        parse_letterhead(raw)
    with pytest.raises(ConfigurationError):
        parse_letterhead({**raw, "land": "ZZ", "gericht": {"name": "VG", "anschrift": "B 2"}})
    head = parse_letterhead({**raw, "gericht": {"name": "VG X", "anschrift": "B 2, 12345 X"}})
    assert head.bank is None and head.court.name == "VG X"


# --- German formats ---------------------------------------------------------------------------------


def test_german_formats() -> None:
    assert german_date(date(2026, 1, 5)) == "05.01.2026"
    assert german_datetime(datetime(2026, 11, 21, 9, 5)) == "21.11.2026, 09:05 Uhr"
    assert euro(10000) == "100,00 EUR"
    assert euro(2880) == "28,80 EUR"
    assert euro(123450) == "1.234,50 EUR"
    assert euro(5) == "0,05 EUR"
    assert number_word(8) == "acht" and number_word(12) == "zwölf" and number_word(13) == "13"


def test_a_courts_name_after_beim_declines_its_adjective() -> None:
    from letters.formatting import after_beim

    assert after_beim("Bayerisches Verwaltungsgericht München") == "Bayerischen Verwaltungsgericht München"
    assert after_beim("Schleswig-Holsteinisches Verwaltungsgericht") == "Schleswig-Holsteinischen Verwaltungsgericht"
    assert (
        after_beim("Verwaltungsgericht der Freien Hansestadt Bremen")
        == "Verwaltungsgericht der Freien Hansestadt Bremen"
    )
    assert after_beim("Verwaltungsgericht Köln") == "Verwaltungsgericht Köln"


@pytest.mark.parametrize(
    ("applied_for", "phrase"),
    [
        ("Niederlassungserlaubnis", "auf Erteilung einer Niederlassungserlaubnis"),
        ("Blaue Karte EU zur Ausübung einer hochqualifizierten Beschäftigung",
         "auf Erteilung einer Blauen Karte EU zur Ausübung einer hochqualifizierten Beschäftigung"),
        ("Verlängerung der Aufenthaltserlaubnis für Studierende",
         "auf Verlängerung der Aufenthaltserlaubnis für Studierende"),
        ("Aufenthaltserlaubnis – Erteilung und Verlängerung", "auf Erteilung einer Aufenthaltserlaubnis"),
        ("Elektronischer Aufenthaltstitel (eAT)", "betreffend „Elektronischer Aufenthaltstitel (eAT)“"),
    ],
)  # fmt: skip
def test_the_tenor_names_what_was_applied_for_as_german_reads(applied_for: str, phrase: str) -> None:
    assert application_phrase(applied_for) == phrase
