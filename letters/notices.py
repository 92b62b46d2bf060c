"""The letters to a person: rejection notice, hearing, missing documents, reminder, pickup notice.

Each builder fills its text blocks (raising on a missing value) and returns a :class:`Built`.
"""

from __future__ import annotations

from datetime import timedelta

from reportlab.platypus import Flowable, KeepTogether, Spacer

from abh_desk.domain.money import euro
from abh_desk.errors import ValidationError

from .data import (
    DEPORTATION_FINDINGS,
    HearingData,
    InvitationData,
    MissingDocumentsData,
    PickupData,
    RejectionData,
    ReminderData,
)
from .flow import (
    Built,
    bullets,
    closing,
    common_values,
    ground_flow,
    letter_decor,
    numbered,
    opening,
    para,
    paragraphs,
)
from .formatting import application_phrase, german_date, number_word
from .remedies import RemedyTable, remedy_instructions
from .textblocks import TextBlocks

#: The paragraph on the duty to leave, by the person's status on the day of the decision.
DUTY_TO_LEAVE_BLOCKS = {
    "fiktion": "ausreisepflicht_fiktion",
    "verspaetet": "ausreisepflicht_verspaetet",
    "schengenvisum": "ausreisepflicht_schengenvisum",
    "ohne_titel": "ausreisepflicht_ohne_titel",
}
REMEDY_WORDS = {"widerspruch": "Widerspruch oder Klage", "klage": "Klage"}
#: Printed in a draft (ENTWURF) until the caseworker writes a § 59 finding; review refuses it.
MISSING_FINDING = "[Hier fehlt noch die Feststellung für diese Person.]"


def _sentence(text: str) -> str:
    return text if text.endswith((".", "!", "?", "]")) else f"{text}."


def _own(block: str, data: RejectionData) -> str:
    """A minor's notice weighs the welfare of the child it concerns (§ 59 Abs. 1 Satz 1 AufenthG)."""
    return "pruefung_kindeswohl_minderjaehrig" if block == "pruefung_kindeswohl" and data.represented else block


def rejection(data: RejectionData, blocks: TextBlocks, remedies: RemedyTable) -> Built:
    head = data.letterhead
    duty = data.duty_to_leave
    remedy = remedies.remedy_for(head.land, eu_or_arb_exception=data.eu_or_arb_exception, duty_to_leave=duty)
    if data.missing_findings and not data.draft:
        raise ValidationError(
            "letters_notices.deportation_findings_missing",
            field="deportation_assessment",
            findings=", ".join(data.missing_findings),
        )
    values = {
        **common_values(data),
        "antragsdatum": german_date(data.application_date),
        "beantragt": data.applied_for,
        "antrag": application_phrase(data.applied_for),
        "rechtsgrundlage_titel": data.title_legal_basis,
        "ausreisefrist_tage": str(data.exit_period_days),
        "zielstaat": data.target_state,
        "gebuehr": euro(data.fee_cents),
        "gebuehr_rechtsgrundlage": data.fee_legal_basis,
    }
    if data.entry_ban_months is not None:
        values["sperrfrist_monate"] = str(data.entry_ban_months)
        values["sperrfrist_erwaegungen"] = data.entry_ban_reasons
    if data.hearing_date is not None:
        values["anhoerung_datum"] = german_date(data.hearing_date)
    values["rechtsbehelf"] = REMEDY_WORDS[remedy.kind]
    if data.represented is not None:  # a minor: her own welfare is the first the assessment weighs
        values["vertretene_person"] = data.represented.name
    findings = [
        _sentence(
            blocks.text(
                f"ablehnung.{_own(block, data)}",
                {**values, "feststellung": getattr(data, name).strip() or MISSING_FINDING},
            )
        )
        for name, block, _label in DEPORTATION_FINDINGS
    ]
    if duty:
        # A text block edited before the findings had their own points holds the whole assessment in one place.
        values["abschiebung_erwaegungen"] = " ".join([*findings, data.deportation_assessment.strip()]).strip()
    if remedy.land.enforcement_law:
        values["vollstreckungsrecht"] = remedy.land.enforcement_law
    if data.current_title:
        values["titel"] = data.current_title
    if data.current_title_until is not None:
        values["titel_gueltig_bis"] = german_date(data.current_title_until)
    if data.fiction_basis:
        values["fiktion_grundlage"] = data.fiction_basis

    def text(key: str) -> str:
        return blocks.text(f"ablehnung.{key}", values)

    def paras(key: str) -> list[Flowable]:
        return paragraphs(blocks.paragraphs(f"ablehnung.{key}", values))

    tenor = [text("tenor_ablehnung")]
    if duty:
        tenor += [text("tenor_ausreise"), text("tenor_abschiebungsandrohung")]
        if data.entry_ban_months is not None:
            tenor.append(text("tenor_einreiseverbot"))
    tenor.append(text("tenor_gebuehr") if data.fee_cents else text("tenor_gebuehrenfrei"))

    flow = opening(text("betreff"), data, data.person_line)
    flow += paras("einleitung")
    flow += numbered(tenor)
    flow.append(para(text("gruende"), "centered_heading"))
    flow.append(para(text("sachverhalt"), "heading"))
    flow += paragraphs([paragraph for paragraph in data.facts if paragraph.strip()])
    if data.hearing_date is not None:
        flow += paras("anhoerung")
    flow.append(para(text("begruendung"), "heading"))

    sections: list[tuple[str, list[Flowable]]] = []
    refusal = paras("ablehnung_einleitung")
    for number, ground in enumerate(data.grounds):
        refusal += ground_flow(ground, blocks, values, number)
    sections.append((text("ablehnung_ueberschrift"), refusal))
    if duty:
        departure = paras(DUTY_TO_LEAVE_BLOCKS[data.status_case]) + paras("abschiebungsandrohung")
        if "abschiebung_erwaegungen" not in blocks.fields("ablehnung.abschiebungsandrohung"):
            departure += bullets(findings)
            if data.deportation_assessment.strip():
                departure += paragraphs([data.deportation_assessment.strip()])
            departure += paras("ausreisefrist_angemessen")
        sections.append((text("ausreise_ueberschrift"), departure))
        if data.entry_ban_months is not None:
            sections.append((text("einreiseverbot_ueberschrift"), paras("einreiseverbot")))
    sections.append((text("gebuehr_ueberschrift"), paras("gebuehr" if data.fee_cents else "gebuehrenfrei")))
    for number, (heading, body) in enumerate(sections, 1):
        flow.append(para(f"{number}. {heading}", "subheading"))
        flow += body

    flow.append(para(text("hinweise"), "heading"))
    if duty:
        flow += paras("hinweis_ausreisepflicht")
    else:
        flow += paras("hinweis_titel_gilt_fort" if data.current_title_until else "hinweis_titel_unbefristet")
    # What a remedy does not suspend, part by part, each with its own provision.
    unsuspended = []
    if duty:
        unsuspended.append(text("aufschiebende_wirkung_ablehnung"))
        if remedy.land.enforcement_law:
            unsuspended.append(text("aufschiebende_wirkung_abschiebungsandrohung"))
        if data.entry_ban_months is not None:
            unsuspended.append(text("aufschiebende_wirkung_einreiseverbot"))
    if data.fee_cents:
        unsuspended.append(text("aufschiebende_wirkung_gebuehr"))
    if unsuspended:
        flow += paras("aufschiebende_wirkung")
        flow += bullets([f"{item}{',' if n < len(unsuspended) - 1 else '.'}" for n, item in enumerate(unsuspended)])
        flow += paras("eilantrag")
    if duty:
        flow += paras("hinweis_kosten")
        if data.represented is not None and data.represented.unaccompanied:
            flow += paras("hinweis_unbegleitet")

    instructions = remedy_instructions(
        head.land,
        authority=head.name,
        authority_address=head.postal_address,
        court=head.court,
        eu_or_arb_exception=data.eu_or_arb_exception,
        duty_to_leave=duty,
        table=remedies,
    )
    remedy_flow: list[Flowable] = [para(text("rechtsbehelfsbelehrung"), "heading"), *paragraphs(instructions)]
    flow.append(KeepTogether(remedy_flow))
    flow = closing(data, blocks, flow)
    return Built(letter_decor(data), flow, "Ablehnungsbescheid", data.info.date)


def hearing(data: HearingData, blocks: TextBlocks) -> Built:
    values = {
        **common_values(data),
        "antragsdatum": german_date(data.application_date),
        "beantragt": data.applied_for,
        "antrag": application_phrase(data.applied_for),
        "rechtsgrundlage_titel": data.title_legal_basis,
        "stellungnahme_bis": german_date(data.comment_by),
    }
    flow = opening(blocks.text("anhoerung.betreff", values), data)
    flow += paragraphs(blocks.paragraphs("anhoerung.einleitung", values))
    flow += paragraphs(blocks.paragraphs("anhoerung.gruende_einleitung", values))
    for number, ground in enumerate(data.grounds):
        flow += ground_flow(ground, blocks, values, number)
    flow.append(Spacer(1, 4))
    if data.entry_ban_months is not None:
        values["sperrfrist_monate"] = str(data.entry_ban_months)
    for key in ("frist", "folge_aktenlage"):
        flow += paragraphs(blocks.paragraphs(f"anhoerung.{key}", values))
    if data.duty_to_leave:
        flow += paragraphs(blocks.paragraphs("anhoerung.folge_ausreise", values))
        flow += bullets(blocks.items("anhoerung.fragen_ausreise", values))
        if data.entry_ban_months is not None:
            flow += paragraphs(blocks.paragraphs("anhoerung.frage_einreiseverbot", values))
    else:
        flow += paragraphs(blocks.paragraphs("anhoerung.folge_titel", values))
    flow += paragraphs(blocks.paragraphs("anhoerung.hinweis", values))
    flow = closing(data, blocks, flow)
    return Built(letter_decor(data), flow, "Anhörung", data.info.date)


def missing_documents(data: MissingDocumentsData, blocks: TextBlocks) -> Built:
    values = {
        **common_values(data),
        "antragsdatum": german_date(data.application_date),
        "beantragt": data.applied_for,
        "vorlage_bis": german_date(data.due),
    }
    flow = opening(blocks.text("nachforderung.betreff", values), data)
    flow += paragraphs(blocks.paragraphs("nachforderung.einleitung", values))
    flow += bullets(data.documents)
    flow += paragraphs(blocks.paragraphs("nachforderung.frist", values))
    flow += paragraphs(blocks.paragraphs("nachforderung.mitwirkung", values))
    flow = closing(data, blocks, flow)
    return Built(letter_decor(data), flow, "Nachforderung von Unterlagen", data.info.date)


def reminder(data: ReminderData, blocks: TextBlocks) -> Built:
    apply_by = data.expires - timedelta(weeks=data.weeks_ahead)
    values = {
        **common_values(data),
        "titel": data.title,
        "ablaufdatum": german_date(data.expires),
        "wochen": number_word(data.weeks_ahead),
        "antrag_empfohlen_bis": german_date(apply_by),
    }
    flow = opening(blocks.text("erinnerung.betreff", values), data)
    flow += paragraphs(blocks.paragraphs("erinnerung.einleitung", values))
    request = "erinnerung.bitte" if data.info.date < apply_by else "erinnerung.bitte_umgehend"
    flow += paragraphs(blocks.paragraphs(request, values))
    flow += paragraphs(blocks.paragraphs("erinnerung.fiktion", values))
    if data.closed_on_expiry and data.last_open_day is not None:
        closed = {**values, "ablauf_tag": data.closed_on_expiry, "letzter_werktag": german_date(data.last_open_day)}
        flow += paragraphs(blocks.paragraphs("erinnerung.geschlossen", closed))
    if data.documents:
        flow += paragraphs(blocks.paragraphs("erinnerung.unterlagen", values))
        flow += bullets(data.documents)
    flow += paragraphs(blocks.paragraphs("erinnerung.termin", values))
    if data.offered_slot:
        flow += paragraphs(
            blocks.paragraphs("erinnerung.terminangebot", {**values, "terminangebot": data.offered_slot})
        )
    flow += paragraphs(blocks.paragraphs("erinnerung.gegenstandslos", values))
    flow = closing(data, blocks, flow)
    return Built(letter_decor(data), flow, "Erinnerung an den Ablauf des Aufenthaltstitels", data.info.date)


def pickup(data: PickupData, blocks: TextBlocks) -> Built:
    values = {**common_values(data), "titel": data.title}
    if data.collect_by is not None:
        values["abholung_bis"] = german_date(data.collect_by)
    if data.fee_cents:
        values["gebuehr"] = euro(data.fee_cents)
    flow = opening(blocks.text("abholung.betreff", values), data)
    flow += paragraphs(blocks.paragraphs("abholung.einleitung", values))
    flow += paragraphs(blocks.paragraphs("abholung.persoenlich", values))
    if data.agent_allowed:
        flow += paragraphs(blocks.paragraphs("abholung.vertretung", values))
    flow += paragraphs(blocks.paragraphs("abholung.mitbringen", values))
    flow += bullets(blocks.items("abholung.mitbringen_liste", values))
    if data.collect_by is not None:
        flow += paragraphs(blocks.paragraphs("abholung.frist", values))
    if data.fee_cents:
        flow += paragraphs(blocks.paragraphs("abholung.gebuehr", values))
    flow += paragraphs(blocks.paragraphs("abholung.pin", values))
    flow += paragraphs(blocks.paragraphs("abholung.sprechzeiten", values))
    if data.offered_slot:
        flow += paragraphs(blocks.paragraphs("abholung.terminangebot", {**values, "terminangebot": data.offered_slot}))
    flow = closing(data, blocks, flow)
    return Built(letter_decor(data), flow, "Abholbenachrichtigung", data.info.date)


def invitation(data: InvitationData, blocks: TextBlocks) -> Built:
    """Einladung: date, time, room, caseworker; the documents still missing (else passport and the
    letter only); the fee to expect (§ 69 AufenthG, §§ 44 ff. AufenthV); how to cancel."""
    weekday = ("Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag", "Sonntag")[data.day.weekday()]
    values = {
        **common_values(data),
        "termin_tag": f"{weekday}, {german_date(data.day)}",
        "termin_zeit": data.start,
        "termin_raum": f"Zimmer {data.room}" if data.room else "Empfang",
        "sachbearbeitung": data.caseworker,
        "anliegen": data.purpose,
    }
    flow = opening(blocks.text("einladung.betreff", values), data)
    flow += paragraphs(blocks.paragraphs("einladung.einleitung", values))
    flow += bullets([f"{weekday}, {german_date(data.day)}, {data.start} bis {data.end} Uhr"])
    flow += paragraphs(blocks.paragraphs("einladung.ort", values))
    if data.documents:
        flow += paragraphs(blocks.paragraphs("einladung.mitbringen", values))
        flow += bullets([*data.documents, *blocks.items("einladung.mitbringen_immer", values)])
    else:
        flow += paragraphs(blocks.paragraphs("einladung.keine_unterlagen", values))
    if data.fee_cents:
        fee = {**values, "gebuehr": euro(data.fee_cents), "gebuehr_rechtsgrundlage": data.fee_basis or "§ 69 AufenthG"}
        flow += paragraphs(blocks.paragraphs("einladung.gebuehr", fee))
    flow += paragraphs(blocks.paragraphs("einladung.absage", values))
    flow = closing(data, blocks, flow)
    return Built(letter_decor(data), flow, "Einladung zu einem Termin", data.info.date)
