"""Sample letters from built-in data: what `abh-desk schreiben ART --probe` prints so that an
administrator can check text blocks and letterhead, and what the letter tests render. Names from
several alphabets' Latin forms (Nguyễn, Łukasz, Øyvind, Şahin, Ğülşen) so the font is checked too."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date, datetime
from typing import Any

from letters.data import (
    Address,
    BankAccount,
    Court,
    HandoverRecordData,
    HearingData,
    InfoBlock,
    Letterhead,
    MissingDocumentsData,
    PickupData,
    RefusalGround,
    RejectionData,
    ReminderData,
    WithdrawnDocument,
)

COURTS = {
    "BW": Court("Verwaltungsgericht Freiburg", "Habsburgerstraße 103, 79104 Freiburg im Breisgau"),
    "BY": Court("Bayerisches Verwaltungsgericht München", "Bayerstraße 30, 80335 München"),
    "NW": Court("Verwaltungsgericht Köln", "Appellhofplatz, 50667 Köln"),
    "NI": Court("Verwaltungsgericht Hannover", "Leonhardtstraße 15, 30175 Hannover"),
    "BE": Court("Verwaltungsgericht Berlin", "Kirchstraße 7, 10557 Berlin"),
    "HB": Court("Verwaltungsgericht der Freien Hansestadt Bremen", "Am Wall 198, 28195 Bremen"),
    "HE": Court("Verwaltungsgericht Frankfurt am Main", "Adalbertstraße 18, 60486 Frankfurt am Main"),
}


def letterhead(land: str = "BW") -> Letterhead:
    return Letterhead(
        authority="Stadt Singen (Hohentwiel)",
        department="Ausländerbehörde",
        street="August-Ruf-Str. 13",
        postcode_city="78224 Singen (Hohentwiel)",
        land=land,
        phone="07731 85-0",
        email="auslaenderbehoerde@singen.de",
        website="www.singen.de",
        opening_hours=("Mo, Di, Fr 8.00–12.00 Uhr", "Do 8.00–12.00 und 14.00–18.00 Uhr"),
        court=COURTS.get(land, COURTS["BW"]),
        bank=BankAccount("Beispielbank", "DE89 3704 0044 0532 0130 00", "COBADEFFXXX"),
    )


def info(day: date = date(2026, 11, 21)) -> InfoBlock:
    return InfoBlock(
        file_number="ABH-2026-004711",
        caseworker="Frau Schäuble",
        phone="07731 85-412",
        date=day,
        email="schaeuble@singen.de",
        room="2.14",
    )


NGUYEN = Address(lines=("Frau", "Nguyễn Thị Hương", "Scheffelstraße 12", "78224 Singen (Hohentwiel)"))
LUKASZ = Address(lines=("Herrn", "Łukasz Wiśniewski", "Freiheitstraße 3", "78224 Singen (Hohentwiel)"))

GROUNDS = (
    RefusalGround(
        "lebensunterhalt",
        "Ihr Ausbildungsbetrieb hat das Ausbildungsverhältnis zum 30.09.2026 gekündigt. Seitdem beziehen Sie "
        "kein Einkommen; Ersparnisse oder eine Verpflichtungserklärung haben Sie nicht nachgewiesen.",
    ),
    RefusalGround(
        "mitwirkung",
        "Mit Schreiben vom 02.10.2026 wurden Sie aufgefordert, bis zum 23.10.2026 einen neuen Ausbildungsvertrag "
        "und Nachweise über Ihr Einkommen vorzulegen. Sie haben nichts vorgelegt.",
    ),
    RefusalGround(
        "titelvoraussetzungen",
        "Eine Berufsausbildung findet nicht mehr statt; die Bundesagentur für Arbeit hat der Beschäftigung "
        "nicht zugestimmt (§ 39 AufenthG).",
    ),
)


#: The § 59 Abs. 1 findings for Frau Nguyễn (letters.data.DEPORTATION_FINDINGS).
SAMPLE_FINDINGS: dict[str, str] = {
    "finding_deportation_bars": "Sie haben keine Gefahren in Vietnam geltend gemacht, und solche sind auch sonst "
    "nicht ersichtlich.",
    "finding_child_welfare": "Sie haben keine Kinder.",
    "finding_family_ties": "Sie sind ledig; Ihre Eltern und Geschwister leben in Vietnam.",
    "finding_health": "Hinweise auf eine Erkrankung, die einer Reise entgegensteht, gibt es nicht.",
}


def rejection(**changes: Any) -> RejectionData:
    data = RejectionData(
        letterhead=letterhead(),
        address=NGUYEN,
        info=info(),
        salutation="Sehr geehrte Frau Nguyễn,",
        application_date=date(2026, 8, 3),
        applied_for="Verlängerung der Aufenthaltserlaubnis zur Berufsausbildung",
        title_legal_basis="§ 16a Abs. 1 AufenthG",
        person_line="Frau Nguyễn Thị Hương, geb. 12.03.2001, vietnamesische Staatsangehörige",
        facts=(
            "Sie reisten am 01.09.2023 mit einem nationalen Visum zur Berufsausbildung in das Bundesgebiet ein und "
            "erhielten eine bis zum 31.08.2026 gültige Aufenthaltserlaubnis nach § 16a Abs. 1 AufenthG.",
            "Am 03.08.2026 beantragten Sie deren Verlängerung. Seit ihrem Ablauf am 31.08.2026 gilt Ihre "
            "Aufenthaltserlaubnis bis zur Entscheidung als fortbestehend (§ 81 Abs. 4 Satz 1 AufenthG).",
        ),
        grounds=GROUNDS[:2],
        exit_period_days=30,
        target_state="Vietnam",
        fee_cents=9300,
        hearing_date=date(2026, 10, 30),
        status_case="fiktion",
        current_title="Aufenthaltserlaubnis nach § 16a Abs. 1 AufenthG",
        current_title_until=date(2026, 8, 31),
        fiction_basis="§ 81 Abs. 4 Satz 1 AufenthG",
    )
    return replace(data, **{**SAMPLE_FINDINGS, **changes})


def title_holder_rejection(**changes: Any) -> RejectionData:
    """A refusal of a settlement permit to a person whose residence permit runs on: no duty to leave."""
    base: dict[str, Any] = {
        "applied_for": "Niederlassungserlaubnis",
        "title_legal_basis": "§ 9 AufenthG",
        "status_case": "titel",
        "current_title": "Aufenthaltserlaubnis nach § 18b AufenthG",
        "current_title_until": date(2027, 2, 22),
        "fiction_basis": "",
        "deportation_assessment": "",
        **{name: "" for name in SAMPLE_FINDINGS},
        "fee_cents": 5650,
        "grounds": GROUNDS[:1],
    }
    return rejection(**{**base, **changes})


def long_rejection(**changes: Any) -> RejectionData:
    base: dict[str, Any] = {
        "grounds": GROUNDS,
        "entry_ban_months": 24,
        "entry_ban_reasons": "Sie haben keine familiären Bindungen im Bundesgebiet; ein Zeitraum von zwei Jahren "
        "genügt, um dem Zweck des Verbots Rechnung zu tragen.",
    }
    return rejection(**{**base, **changes})


def hearing(**changes: Any) -> HearingData:
    data = HearingData(
        letterhead=letterhead(),
        address=LUKASZ,
        info=info(),
        salutation="Sehr geehrter Herr Wiśniewski,",
        application_date=date(2026, 8, 3),
        applied_for="Erteilung einer Aufenthaltserlaubnis zur Beschäftigung",
        title_legal_basis="§ 19c Abs. 1 AufenthG",
        grounds=(RefusalGround("passpflicht", "Ihr Reisepass ist seit dem 14.07.2026 abgelaufen."),),
        comment_by=date(2026, 12, 7),
    )
    return replace(data, **changes)


def missing_documents(**changes: Any) -> MissingDocumentsData:
    data = MissingDocumentsData(
        letterhead=letterhead(),
        address=Address(lines=("Herrn", "Øyvind Şahin", "Ekkehardstraße 40", "78224 Singen (Hohentwiel)")),
        info=info(),
        salutation="Sehr geehrter Herr Şahin,",
        application_date=date(2026, 10, 12),
        applied_for="Erteilung einer Blauen Karte EU",
        documents=(
            "Arbeitsvertrag oder verbindliches Arbeitsplatzangebot",
            "Nachweis der Anerkennung oder Vergleichbarkeit des ausländischen Hochschulabschlusses",
            "Nachweis über ausreichenden Krankenversicherungsschutz",
        ),
        due=date(2026, 12, 21),
    )
    return replace(data, **changes)


def reminder(**changes: Any) -> ReminderData:
    data = ReminderData(
        letterhead=letterhead(),
        address=Address(lines=("Frau", "Ğülşen Yılmaz", "Hauptstraße 5", "78224 Singen (Hohentwiel)")),
        info=info(date(2026, 11, 2)),
        salutation="Sehr geehrte Frau Yılmaz,",
        title="Aufenthaltserlaubnis nach § 16a AufenthG",
        expires=date(2027, 1, 31),
        documents=("gültiger Reisepass", "aktuelles biometrisches Lichtbild", "Ausbildungsvertrag"),
    )
    return replace(data, **changes)


def pickup(**changes: Any) -> PickupData:
    data = PickupData(
        letterhead=letterhead(),
        address=NGUYEN,
        info=info(),
        salutation="Sehr geehrte Frau Nguyễn,",
        title="Aufenthaltserlaubnis nach § 16a AufenthG",
        collect_by=date(2027, 1, 15),
        fee_cents=9300,
        agent_allowed=True,
    )
    return replace(data, **changes)


def handover(**changes: Any) -> HandoverRecordData:
    data = HandoverRecordData(
        letterhead=letterhead(),
        info=info(),
        holder_name="Nguyễn Thị Hương",
        holder_birth_date="12.03.2001",
        nationality="vietnamesisch",
        title="Aufenthaltserlaubnis nach § 16a AufenthG",
        card_serial="Y0A7K2LM9",
        handed_over_at=datetime(2026, 11, 21, 10, 15),
        identity_check="Reisepass Nr. C4X9L2M71, Lichtbildabgleich",
        online_id_enabled=True,
        supplementary_sheet=True,
        fingerprints_deleted=True,
        withdrawn_documents=(WithdrawnDocument("Fiktionsbescheinigung", "F0123456"),),
    )
    return replace(data, **changes)


#: Every variant a text-block edit must render: a refusal with and one without a duty to leave.
PROBES: tuple[tuple[str, Callable[[], Any]], ...] = (
    ("ablehnungsbescheid", long_rejection),
    ("ablehnungsbescheid", title_holder_rejection),
    ("anhoerung", hearing),
    ("anhoerung", lambda: hearing(duty_to_leave=False)),
    ("erinnerung", lambda: reminder(closed_on_expiry="Sonntag", last_open_day=date(2027, 1, 29))),
)

#: A sample of each kind of letter (keys: ``LetterKind`` values), for probes and checks.
SAMPLES: dict[str, Callable[[], Any]] = {
    "ablehnungsbescheid": long_rejection,
    "anhoerung": hearing,
    "nachforderung": missing_documents,
    "erinnerung": reminder,
    "abholbenachrichtigung": pickup,
    "aushaendigungsprotokoll": handover,
}
