"""Fees under the AufenthV: every amount of the seeds as a case, with the provision a notice names
(domain.md § 10; §§ 44, 44a, 45, 49, 50, 53 AufenthV)."""

from __future__ import annotations

import pytest

from abh_desk.domain.fees import FeeFacts, compute_fee, load_fee_schedule, parse_fee_schedule, rule_key
from abh_desk.errors import ConfigurationError

ADULT, MINOR = 30, 12


@pytest.mark.parametrize(
    ("key", "facts", "cents", "basis"),
    [
        ("ne_sonstige", FeeFacts(ADULT), 11300, "§ 44 Nr. 3 AufenthV"),
        ("ne_selbstaendig", FeeFacts(ADULT), 12400, "§ 44 Nr. 2 AufenthV"),
        ("ne_hochqualifiziert", FeeFacts(ADULT), 14700, "§ 44 Nr. 1 AufenthV"),
        ("daueraufenthalt_eu", FeeFacts(ADULT), 10900, "§ 44a AufenthV"),
        ("ae_erteilung_ueber_1_jahr", FeeFacts(ADULT), 10000, "§ 45 Nr. 1 Buchst. b AufenthV"),
        ("ae_verlaengerung_bis_3_monate", FeeFacts(ADULT), 9600, "§ 45 Nr. 2 Buchst. a AufenthV"),
        ("ae_verlaengerung_ueber_3_monate", FeeFacts(ADULT), 9300, "§ 45 Nr. 2 Buchst. b AufenthV"),
        ("ae_zweckwechsel", FeeFacts(ADULT), 9800, "§ 45 Nr. 3 AufenthV"),
        # Minors: half of every fee § 50 Abs. 1 names — not the Daueraufenthalt-EU (§ 44a).
        ("ae_erteilung_ueber_1_jahr", FeeFacts(MINOR), 5000, "§ 45 Nr. 1 Buchst. b, § 50 Abs. 1 Satz 1 AufenthV"),
        ("ae_verlaengerung_ueber_3_monate", FeeFacts(MINOR), 4650, "§ 45 Nr. 2 Buchst. b, § 50 Abs. 1 Satz 1 AufenthV"),
        ("ne_sonstige", FeeFacts(MINOR), 5650, "§ 44 Nr. 3, § 50 Abs. 1 Satz 1 AufenthV"),
        ("daueraufenthalt_eu", FeeFacts(MINOR), 10900, "§ 44a AufenthV"),
        ("ne_minderjaehrig_35", FeeFacts(MINOR), 5500, "§ 50 Abs. 1 Satz 2 AufenthV"),
        # Refusals: § 49 Abs. 1 half for NE and DA-EU, § 49 Abs. 2 the full fee otherwise.
        ("ne_sonstige", FeeFacts(ADULT, refused=True), 5650, "§ 49 Abs. 1, § 44 Nr. 3 AufenthV"),
        ("ne_hochqualifiziert", FeeFacts(ADULT, refused=True), 7350, "§ 49 Abs. 1, § 44 Nr. 1 AufenthV"),
        ("daueraufenthalt_eu", FeeFacts(ADULT, refused=True), 5450, "§ 49 Abs. 1, § 44a AufenthV"),
        ("daueraufenthalt_eu", FeeFacts(MINOR, refused=True), 2725, "§ 49 Abs. 1, § 44a, § 50 Abs. 1 Satz 1 AufenthV"),
        ("ae_verlaengerung_ueber_3_monate", FeeFacts(ADULT, refused=True), 9300,
         "§ 49 Abs. 2, § 45 Nr. 2 Buchst. b AufenthV"),
        ("ae_erteilung_ueber_1_jahr", FeeFacts(MINOR, refused=True), 5000,
         "§ 49 Abs. 2, § 45 Nr. 1 Buchst. b, § 50 Abs. 1 Satz 1 AufenthV"),
        # Benefit receipt (§ 53 Abs. 1): exempt from the residence permit's fees, not from the short extension's.
        ("ae_erteilung_ueber_1_jahr", FeeFacts(ADULT, refused=True, benefits=True), 0, "§ 53 Abs. 1 AufenthV"),
        ("ae_verlaengerung_bis_3_monate", FeeFacts(ADULT, benefits=True), 9600, "§ 45 Nr. 2 Buchst. a AufenthV"),
        ("ne_sonstige", FeeFacts(ADULT, benefits=True), 11300, "§ 44 Nr. 3 AufenthV"),
        # Unknown age: no reduction.
        ("ae_erteilung_ueber_1_jahr", FeeFacts(None), 10000, "§ 45 Nr. 1 Buchst. b AufenthV"),
    ],
)  # fmt: skip
def test_fee_and_its_provisions(key: str, facts: FeeFacts, cents: int, basis: str) -> None:
    fee = compute_fee(load_fee_schedule().get(key), facts)
    assert (fee.cents, fee.basis) == (cents, basis)


@pytest.mark.parametrize(
    ("kind", "basis", "procedure", "held", "short", "age", "key"),
    [
        ("Niederlassungserlaubnis", "§ 9 AufenthG", "SIN-NIEDERLASSUNG", None, False, ADULT, "ne_sonstige"),
        ("Niederlassungserlaubnis", "§ 18c Abs. 3 AufenthG", "X", None, False, ADULT, "ne_hochqualifiziert"),
        ("Niederlassungserlaubnis", "§ 21 Abs. 4 AufenthG", "X", None, False, ADULT, "ne_selbstaendig"),
        ("Niederlassungserlaubnis", "§ 35 Abs. 1 AufenthG", "X", None, False, MINOR, "ne_minderjaehrig_35"),
        ("Erlaubnis zum Daueraufenthalt-EU", "§ 9a AufenthG", "X", None, False, ADULT, "daueraufenthalt_eu"),
        # An Aufenthaltserlaubnis: issue without a title; the same purpose extends; another changes purpose.
        ("Aufenthaltserlaubnis", "§ 16b AufenthG", "SIN-STUDIUM", None, False, ADULT, "ae_erteilung_ueber_1_jahr"),
        ("Aufenthaltserlaubnis", "§ 16b AufenthG", "SIN-STUDIUM", "§ 16b Abs. 1 AufenthG", False, ADULT,
         "ae_verlaengerung_ueber_3_monate"),
        ("Aufenthaltserlaubnis", "§ 16b AufenthG", "SIN-STUDIUM", "§ 16b AufenthG", True, ADULT,
         "ae_verlaengerung_bis_3_monate"),
        ("Aufenthaltserlaubnis", "§§ 18 ff. AufenthG", "SIN-BESCHAEFTIGUNG", "§ 16b AufenthG", False, ADULT,
         "ae_zweckwechsel"),
        ("Aufenthaltserlaubnis", "§§ 16a, 16f AufenthG", "SIN-AUSBILDUNG-VERLAENGERUNG", "§ 16a AufenthG", False,
         ADULT, "ae_verlaengerung_ueber_3_monate"),
        ("Blaue Karte EU", "§ 18g AufenthG", "SIN-BLAUE-KARTE", None, False, ADULT, "ae_erteilung_ueber_1_jahr"),
        # Not a title of §§ 44–45: the catalogue's own amount.
        (None, "§§ 66, 68 AufenthG", "SIN-VERPFLICHTUNGSERKLAERUNG", None, False, ADULT, None),
        ("Duldung", "§ 60a AufenthG", "SIN-DULDUNG", None, False, ADULT, None),
    ],
)  # fmt: skip
def test_the_tatbestand_follows_from_the_title_and_what_the_person_held(
    kind: str | None, basis: str, procedure: str, held: str | None, short: bool, age: int, key: str | None
) -> None:
    assert rule_key(kind, basis, procedure, held, short, age=age) == key


def test_a_broken_fee_table_is_refused_naming_the_row() -> None:
    with pytest.raises(ConfigurationError, match=r"\[tatbestand\.x\] betrag"):
        parse_fee_schedule('[tatbestand.x]\nvorschrift = "§ 45 Nr. 1"\nbetrag = "hundert"\n')
    with pytest.raises(ConfigurationError, match="„halb“ oder „voll“"):
        parse_fee_schedule('[tatbestand.x]\nvorschrift = "§ 45 Nr. 1"\nbetrag = "1.00"\nablehnung = "viertel"\n')
    with pytest.raises(ConfigurationError, match="vorschrift"):
        parse_fee_schedule('[tatbestand.x]\nbetrag = "1.00"\n')


def test_an_employment_permit_under_18_ff_extends_an_18b_permit_but_a_study_permit_changes_purpose() -> None:
    employment = ("Aufenthaltserlaubnis", "§§ 18 ff. AufenthG", "SIN-BESCHAEFTIGUNG")
    assert rule_key(*employment, "§ 18b AufenthG") == "ae_verlaengerung_ueber_3_monate"
    assert rule_key(*employment, "§ 16b AufenthG") == "ae_zweckwechsel"
    assert rule_key("Aufenthaltserlaubnis", "§ 16b AufenthG", "SIN-STUDIUM", "§ 16a AufenthG") == "ae_zweckwechsel"
