"""A rejection decides by the person's situation on the day of the decision: read back from the
PDF, which tenor points it has, which notes on suspensive effect, which remedy — over residence
statuses and Länder with and without the objection step (domain.md § 7, issue 16)."""

from __future__ import annotations

import io
import itertools
from datetime import date, timedelta

import pypdf
import pytest
from sqlalchemy import select

from abh_desk.clock import FixedClock
from abh_desk.domain.enums import Role
from abh_desk.errors import ValidationError
from abh_desk.services.auth import create_user
from abh_desk.services.cases import open_case
from abh_desk.services.context import Actor, ServiceContext
from abh_desk.services.notice_review import approve, submit_for_review
from abh_desk.services.notices import notice_view
from abh_desk.services.office import update_office_settings
from abh_desk.services.persons import PersonInput, create_person
from abh_desk.services.rejections import (
    RejectionDraft,
    draft_of,
    draft_rejection,
    send_hearing,
    update_rejection,
    waive_hearing,
)
from abh_desk.services.stay import decision_status
from abh_desk.services.titles import add_title
from letters.data import RefusalGround
from models import Letter, User

TODAY = date(2026, 12, 2)
SETTLEMENT = "SIN-NIEDERLASSUNG"
EXTENSION = "SIN-BESCHAEFTIGUNG"
#: This person's own finding on each point of § 59 Abs. 1 Satz 1 and § 60 Abs. 5, 7 AufenthG.
FINDINGS = {
    "finding_deportation_bars": "Gefahren in der Türkei haben Sie nicht geltend gemacht; sie sind nicht ersichtlich.",
    "finding_child_welfare": "Sie haben keine Kinder.",
    "finding_family_ties": "Sie leben allein im Bundesgebiet; Ihre Familie lebt in Izmir.",
    "finding_health": "Sie sind nach Ihren Angaben gesund.",
}
DRAFT = RejectionDraft(
    grounds=(RefusalGround("lebensunterhalt", "Ihr Einkommen von 900 EUR deckt den Bedarf nicht."),),
    facts="Sie beantragten eine Niederlassungserlaubnis.",
    **FINDINGS,
)
COURTS = {
    "BW": ("Verwaltungsgericht Freiburg", "Habsburgerstraße 103, 79104 Freiburg"),
    "BY": ("Bayerisches Verwaltungsgericht München", "Bayerstraße 30, 80335 München"),
    "BE": ("Verwaltungsgericht Berlin", "Kirchstraße 7, 10557 Berlin"),
    "NW": ("Verwaltungsgericht Düsseldorf", "Bastionstraße 39, 40213 Düsseldorf"),
    "HE": ("Verwaltungsgericht Frankfurt am Main", "Adalbertstraße 18, 60486 Frankfurt am Main"),
}

# Status on the day of the decision → the titles on record (kind, basis, from, until) and the day of application.
PERMIT = ("Aufenthaltserlaubnis", "§ 18b AufenthG")
STATUSES = {
    "titel": (((*PERMIT, date(2025, 2, 23), date(2027, 2, 22)),), date(2026, 10, 1)),
    "titel_unbefristet": ((("Niederlassungserlaubnis", "§ 9 AufenthG", date(2020, 1, 1), None),), date(2026, 10, 1)),
    "fiktion": (((*PERMIT, date(2024, 9, 1), date(2026, 10, 31)),), date(2026, 10, 1)),
    "verspaetet": (((*PERMIT, date(2024, 9, 1), date(2026, 8, 31)),), date(2026, 10, 1)),
    "ohne_titel": ((), date(2026, 10, 1)),
}  # fmt: skip
DUTY = {"titel": False, "titel_unbefristet": False, "fiktion": True, "verspaetet": True, "ohne_titel": True}


def _text(pdf: bytes) -> str:
    return " ".join(page.extract_text() for page in pypdf.PdfReader(io.BytesIO(pdf)).pages).replace("\n", " ")


def _pdf(ctx: ServiceContext, letter_id: int) -> str:
    with ctx.db.read() as session:
        letter = session.get(Letter, letter_id)
        assert letter is not None and letter.pdf is not None
        return _text(letter.pdf)


def _clerk(ctx: ServiceContext) -> ServiceContext:
    with ctx.db.read() as session:
        keller = session.scalar(select(User.id).where(User.username == "keller"))
    assert keller is not None
    return ctx.as_user(Actor(keller, "keller", Role.CASEWORKER))


_GIVEN = itertools.cycle(  # a new first name for each person: no two look like the same person
    [
        "Elif",
        "Ece",
        "Ada",
        "Defne",
        "Zeynep",
        "Nil",
        "Su",
        "Naz",
        "Nur",
        "Ay",
        "Gül",
        "Lal",
        "Sena",
        "Beren",
        "Ela",
        "Duru",
        "Asya",
        "Azra",
        "Eylül",
        "Irmak",
        "Melis",
        "Selin",
        "Yaren",
        "Zehra",
        "Berra",
        "Cemre",
        "Derin",
        "Ecrin",
        "Hira",
        "İpek",
        "Kübra",
        "Lina",
        "Mira",
        "Nehir",
        "Öykü",
        "Rana",
        "Sude",
        "Tuana",
        "Umay",
        "Yağmur",
    ]
)


def _earlier_title(ctx: ServiceContext, person_id: int, kind: str, basis: str, valid_from: date,
                   valid_until: date | None) -> None:  # fmt: skip
    """A title from an earlier case, decided and closed long ago."""
    from abh_desk.domain.enums import CaseStatus
    from models import Case

    earlier = open_case(ctx, person_id, EXTENSION, applied_on=valid_from - timedelta(days=30)).id
    add_title(ctx, earlier, kind, basis, valid_from, valid_until)
    with ctx.unit_of_work() as uow:
        case = uow.session.get(Case, earlier)
        assert case is not None
        case.status, case.decided_on = CaseStatus.CLOSED.value, valid_from
        uow.commit()


def _case(ctx: ServiceContext, status: str, procedure: str = SETTLEMENT, nationality: str = "TUR") -> int:
    """A case of Frau Keller's (Y) for a person whose record gives ``status`` on TODAY."""
    titles, applied_on = STATUSES[status]
    person = create_person(
        ctx,
        PersonInput(
            "Yıldız", next(_GIVEN), "04.05.1990", nationality=nationality, sex="w",
            street="Hegaustraße 4", postcode="78224", city="Singen",
        ),
    )  # fmt: skip
    for kind, basis, valid_from, valid_until in titles:
        _earlier_title(ctx, person.id, kind, basis, valid_from, valid_until)
    return open_case(ctx, person.id, procedure, applied_on=applied_on).id


def _tenor(text: str) -> str:
    return text[text.find("wird wie folgt entschieden") : text.find("Gründe")]


def _hints(text: str) -> str:
    return text[text.find("III. Hinweise") : text.find("Rechtsbehelfsbelehrung")]


def _remedy(text: str) -> str:
    return text[text.find("Rechtsbehelfsbelehrung") : text.find("Mit freundlichen Grüßen")]


@pytest.mark.parametrize("land", sorted(COURTS))
@pytest.mark.parametrize("status", sorted(STATUSES))
def test_the_notice_orders_departure_only_where_a_duty_to_leave_arises(
    sqlite_ctx: ServiceContext, land: str, status: str
) -> None:
    ctx = sqlite_ctx
    court, address = COURTS[land]
    update_office_settings(ctx, land=land, court_name=court, court_address=address)
    case_id = _case(ctx, status)
    stay = decision_status(ctx, case_id)
    assert (stay.case, stay.duty_to_leave) == (status, DUTY[status])
    text = _pdf(ctx, draft_rejection(_clerk(ctx), case_id, DRAFT))
    tenor, hints, remedy = _tenor(text), _hints(text), _remedy(text)
    assert "vom 01.10.2026 auf Erteilung einer Niederlassungserlaubnis wird abgelehnt" in tenor and "Gebühr" in tenor
    if DUTY[status]:
        assert "aufgefordert, das Bundesgebiet innerhalb von 30 Tagen" in tenor
        assert "wird Ihnen die Abschiebung angedroht. Zielstaat der Abschiebung ist die Türkei." in tenor
        assert "Ausreiseaufforderung und Abschiebungsandrohung" in text
        assert "Abschiebungsverbote (§ 60 Abs. 5 und 7 AufenthG): Gefahren in der Türkei" in text
        assert "Kindeswohl: Sie haben keine Kinder." in text
        assert "Familiäre Bindungen: Sie leben allein im Bundesgebiet" in text
        assert "Gesundheitszustand: Sie sind nach Ihren Angaben gesund." in text
        assert "§ 50 Abs. 2 AufenthG" in hints and "die Ablehnung Ihres Antrags (§ 84 Abs. 1 Satz 1 Nr. 1" in hints
        assert "§ 66 Abs. 1 AufenthG" in hints
        basis = {"fiktion": "§ 81 Abs. 4 Satz 1 AufenthG", "verspaetet": "§ 58 Abs. 2 Satz 1 Nr. 2"}.get(status)
        if basis:
            assert basis in text
    else:
        assert "Ausreise" not in tenor and "Abschiebung" not in tenor
        assert "Abschiebungsandrohung" not in text and "Einreise- und Aufenthaltsverbot" not in text
        assert "nicht zur Ausreise verpflichtet" in hints and "§ 66 Abs. 1" not in hints
        assert ("bis zum 22.02.2027 gültig" in hints) == (status == "titel")
        assert "die Ablehnung Ihres Antrags (§ 84" not in hints
    assert "die Festsetzung der Gebühr (§ 80 Abs. 2 Satz 1 Nr. 1 VwGO)" in hints
    # The remedy: an objection in BW, and in Berlin where nobody is obliged to leave (§ 63 Abs. 2 JustG Bln).
    objection = land == "BW" or (land == "BE" and not DUTY[status])
    assert ("innerhalb eines Monats nach Bekanntgabe Widerspruch erhoben werden" in remedy) == objection
    assert ("Klage beim" in remedy) == (not objection)
    assert ("Ein Rechtsbehelf (Widerspruch oder Klage)" in hints) == objection
    assert ("Ein Rechtsbehelf (Klage)" in hints) == (not objection)
    if not objection:
        assert court.replace("Bayerisches ", "Bayerischen ") in remedy and address in remedy
    # The deportation threat's own note names the Land's enforcement law where the table knows it.
    enforcement = {"BW": "§ 12 Satz 1 LVwVG", "BY": "Art. 21a Satz 1 VwZVG", "NW": "§ 112 Satz 1 JustG NRW"}
    if land in enforcement:
        assert (f"Abschiebungsandrohung (§ 80 Abs. 2 Satz 2 VwGO i. V. m. {enforcement[land]})" in hints) == DUTY[
            status
        ]


def test_no_entry_ban_for_a_person_who_keeps_a_title(ctx: ServiceContext) -> None:
    case_id = _case(ctx, "titel")
    ban = RejectionDraft(
        grounds=DRAFT.grounds, facts=DRAFT.facts, entry_ban_months=12, entry_ban_reasons="Keine Bindungen."
    )
    with pytest.raises(ValidationError, match="gültigen Aufenthaltstitel") as refused:
        draft_rejection(_clerk(ctx), case_id, ban)
    assert refused.value.field == "entry_ban_months"
    with ctx.db.read() as session:
        assert session.scalar(select(Letter.id)) is None  # nothing saved


def test_an_entry_ban_beyond_five_years_needs_a_case_of_section_11_5(ctx: ServiceContext) -> None:
    case_id = _case(ctx, "ohne_titel")
    long_ban = RejectionDraft(
        grounds=DRAFT.grounds,
        facts=DRAFT.facts,
        **FINDINGS,
        entry_ban_months=84,
        entry_ban_reasons="Sie wurden wegen einer Straftat verurteilt.",
    )
    with pytest.raises(ValidationError, match=r"nur in den Fällen des § 11 Abs\. 5 bis 5b"):
        draft_rejection(_clerk(ctx), case_id, long_ban)
    with pytest.raises(ValidationError, match="fehlt die Begründung"):
        draft_rejection(_clerk(ctx), case_id, RejectionDraft(DRAFT.grounds, DRAFT.facts, entry_ban_months=12))
    reasons = "Sie wurden wegen einer Straftat zu drei Jahren verurteilt (§ 11 Abs. 5 Satz 1 AufenthG)."
    letter_id = draft_rejection(
        _clerk(ctx), case_id, RejectionDraft(DRAFT.grounds, DRAFT.facts, entry_ban_months=84, entry_ban_reasons=reasons)
    )
    text = _pdf(ctx, letter_id)
    assert "auf 84 Monate befristet" in text and "(§ 84 Abs. 1 Satz 1 Nr. 7 AufenthG)" in text


def test_a_stateless_person_needs_a_named_target_state(ctx: ServiceContext) -> None:
    case_id = _case(ctx, "ohne_titel", nationality="XXA")
    with pytest.raises(ValidationError, match="staatenlos") as refused:
        draft_rejection(_clerk(ctx), case_id, DRAFT)
    assert refused.value.field == "target_state"
    letter_id = draft_rejection(_clerk(ctx), case_id, RejectionDraft(**{**DRAFT.__dict__, "target_state": "Libanon"}))
    assert "Zielstaat der Abschiebung ist Libanon." in _pdf(ctx, letter_id)


def test_an_entry_ban_beyond_ten_years_only_in_the_cases_of_section_11_5a_and_5b(ctx: ServiceContext) -> None:
    """§ 11 Abs. 5: up to ten years; above that only where the reasons name Abs. 5a or 5b, never above 20."""
    case_id = _case(ctx, "ohne_titel")

    def draft(months: int, reasons: str) -> RejectionDraft:
        return RejectionDraft(**{**DRAFT.__dict__, "entry_ban_months": months, "entry_ban_reasons": reasons})

    conviction = "Sie wurden wegen einer Straftat zu drei Jahren verurteilt und ausgewiesen (§ 11 Abs. 5 AufenthG)."
    with pytest.raises(ValidationError, match=r"Mehr als zehn Jahre \(121 Monate\)") as refused:
        draft_rejection(_clerk(ctx), case_id, draft(121, conviction))
    assert refused.value.field == "entry_ban_months"
    with pytest.raises(ValidationError, match=r"Mehr als zehn Jahre"):
        draft_rejection(_clerk(ctx), case_id, draft(180, "Die Fälle des § 11 Abs. 5 bis 5b AufenthG liegen vor."))
    terror = "Sie wurden zur Abwehr einer terroristischen Gefahr ausgewiesen (§ 11 Abs. 5a AufenthG)."
    with pytest.raises(ValidationError, match="höchstens 240 Monaten"):
        draft_rejection(_clerk(ctx), case_id, draft(241, terror))
    with ctx.db.read() as session:
        assert session.scalar(select(Letter.id)) is None  # nothing saved
    letter_id = draft_rejection(_clerk(ctx), case_id, draft(240, terror))
    assert "auf 240 Monate befristet" in _pdf(ctx, letter_id)


def test_review_needs_each_section_59_finding_the_draft_marks_it_missing(ctx: ServiceContext) -> None:
    clerk = _clerk(ctx)
    create_user(ctx, "lead", "Frau Leitung", Role.TEAM_LEAD, area="allgemein")  # someone to review it
    case_id = _case(ctx, "fiktion")
    without_health = RejectionDraft(**{**DRAFT.__dict__, "finding_health": "  "})
    letter_id = draft_rejection(clerk, case_id, without_health)
    text = _pdf(ctx, letter_id)
    assert "Gesundheitszustand: [Hier fehlt noch die Feststellung für diese Person.]" in text
    assert "Kindeswohl: Sie haben keine Kinder." in text
    waive_hearing(clerk, letter_id, notice_view(clerk, letter_id).version, "Verzicht schriftlich erklärt.")
    with pytest.raises(ValidationError, match=r"§ 59 Abs\. 1 Satz 1.*: Gesundheitszustand\.$") as refused:
        submit_for_review(clerk, letter_id, notice_view(clerk, letter_id).version)
    assert refused.value.field == "deportation_assessment"
    # A notice written before the findings had their own fields holds one text: it no longer suffices.
    legacy = RejectionDraft(DRAFT.grounds, DRAFT.facts, deportation_assessment="Keine Abschiebungsverbote.")
    update_rejection(clerk, letter_id, notice_view(clerk, letter_id).version, legacy)
    with pytest.raises(ValidationError, match=r"Abschiebungsverbote .*, Kindeswohl, familiäre Bindungen, Gesund"):
        submit_for_review(clerk, letter_id, notice_view(clerk, letter_id).version)
    update_rejection(clerk, letter_id, notice_view(clerk, letter_id).version, DRAFT)
    submit_for_review(clerk, letter_id, notice_view(clerk, letter_id).version)
    assert draft_of(clerk, letter_id).finding_family_ties == FINDINGS["finding_family_ties"]


def test_the_hearing_asks_about_deportation_only_where_it_would_follow(ctx: ServiceContext) -> None:
    clerk = _clerk(ctx)
    for status, asks in (("ohne_titel", True), ("titel", False)):
        letter_id = draft_rejection(clerk, _case(ctx, status), DRAFT)
        hearing = _pdf(ctx, send_hearing(clerk, letter_id, notice_view(clerk, letter_id).version))
        assert ("ob Ihnen im Zielstaat Gefahren drohen" in hearing) == asks
        assert ("ob Sie Kinder haben" in hearing) == asks
        assert ("welche familiären Bindungen Sie im Bundesgebiet haben" in hearing) == asks
        assert ("ob Sie krank sind oder Ihr Gesundheitszustand" in hearing) == asks
        assert ("Aufforderung zur Ausreise" in hearing) == asks
        assert ("Ihr Aufenthaltstitel bliebe von einer Ablehnung unberührt." in hearing) == (not asks)
        assert "Einreise- und Aufenthaltsverbot" not in hearing  # this draft intends none


def test_the_hearing_asks_about_the_length_of_an_intended_entry_ban(ctx: ServiceContext) -> None:
    clerk = _clerk(ctx)
    reasons = "Sie haben keine Bindungen im Bundesgebiet."
    ban = RejectionDraft(**{**DRAFT.__dict__, "entry_ban_months": 30, "entry_ban_reasons": reasons})
    letter_id = draft_rejection(clerk, _case(ctx, "ohne_titel"), ban)
    hearing = _pdf(ctx, send_hearing(clerk, letter_id, notice_view(clerk, letter_id).version))
    assert "ein Einreise- und Aufenthaltsverbot anzuordnen und auf 30 Monate ab der Ausreise zu befristen" in hearing
    assert "was wir bei der Länge dieser Frist berücksichtigen sollen" in hearing


def test_approval_is_refused_when_the_status_changed_since_the_draft(ctx: ServiceContext, clock: FixedClock) -> None:
    clerk = _clerk(ctx)
    create_user(ctx, "lead", "Frau Leitung", Role.TEAM_LEAD, area="allgemein")
    with ctx.db.read() as session:
        lead_id = session.scalar(select(User.id).where(User.username == "lead"))
    assert lead_id is not None
    lead = ctx.as_user(Actor(lead_id, "lead", Role.TEAM_LEAD))
    case_id = _case(ctx, "titel")  # the permit runs until 22.02.2027
    letter_id = draft_rejection(clerk, case_id, DRAFT)
    waive_hearing(clerk, letter_id, notice_view(clerk, letter_id).version, "Verzicht schriftlich erklärt.")
    submit_for_review(clerk, letter_id, notice_view(clerk, letter_id).version)
    clock.move_to(date(2027, 2, 23))  # now it has run out: the refusal would end its Fiktion
    with pytest.raises(ValidationError, match="Aufenthaltsstatus hat sich seit dem Entwurf geändert"):
        approve(lead, letter_id, notice_view(lead, letter_id).version)
    assert notice_view(lead, letter_id).final_pdf is False


def _person_case(ctx: ServiceContext, birth: str, procedure: str, held: tuple[str, str] | None) -> int:
    person = create_person(
        ctx,
        PersonInput(
            "Yılmaz", next(_GIVEN), birth, nationality="TUR", sex="m", street="Weg 2", postcode="78224", city="Singen"
        ),
    )
    if held is not None:
        _earlier_title(ctx, person.id, held[0], held[1], date(2024, 9, 1), date(2027, 8, 31))
    return open_case(ctx, person.id, procedure, applied_on=date(2026, 10, 1)).id


@pytest.mark.parametrize(
    ("birth", "procedure", "held", "changes", "fee", "basis"),
    [
        ("04.05.1990", SETTLEMENT, PERMIT, {}, "56,50 EUR", "§ 49 Abs. 1, § 44 Nr. 3 AufenthV"),
        ("04.05.2012", SETTLEMENT, PERMIT, {}, "28,25 EUR", "§ 49 Abs. 1, § 44 Nr. 3, § 50 Abs. 1 Satz 1 AufenthV"),
        ("04.05.1990", "SIN-DAUERAUFENTHALT-EU", PERMIT, {}, "54,50 EUR", "§ 49 Abs. 1, § 44a AufenthV"),
        ("04.05.1990", EXTENSION, PERMIT, {}, "93,00 EUR", "§ 49 Abs. 2, § 45 Nr. 2 Buchst. b AufenthV"),
        ("04.05.1990", EXTENSION, PERMIT, {"short_extension": True}, "96,00 EUR", "§ 49 Abs. 2, § 45 Nr. 2 Buchst. a"),
        ("04.05.1990", "SIN-STUDIUM", PERMIT, {}, "98,00 EUR", "§ 49 Abs. 2, § 45 Nr. 3 AufenthV"),
        ("04.05.2014", "SIN-AUSBILDUNG", None, {}, "50,00 EUR", "§ 49 Abs. 2, § 45 Nr. 1 Buchst. b, § 50 Abs. 1"),
    ],
)  # fmt: skip
def test_the_refusal_charges_the_fee_of_the_aufenthv_and_names_its_provision(
    ctx: ServiceContext, birth: str, procedure: str, held: tuple[str, str] | None, changes: dict[str, object],
    fee: str, basis: str,
) -> None:  # fmt: skip
    case_id = _person_case(ctx, birth, procedure, held)
    letter_id = draft_rejection(_clerk(ctx), case_id, RejectionDraft(**{**DRAFT.__dict__, **changes}))
    text = _pdf(ctx, letter_id)
    assert f"Gebühr in Höhe von {fee} festgesetzt" in _tenor(text)
    assert f"Die Gebühr von {fee} wird nach {basis}" in text


def test_benefit_receipt_exempts_and_a_lower_fee_needs_its_reason(ctx: ServiceContext) -> None:
    clerk = _clerk(ctx)
    case_id = _person_case(ctx, "04.05.1990", EXTENSION, PERMIT)
    letter_id = draft_rejection(clerk, case_id, RejectionDraft(**{**DRAFT.__dict__, "benefits": True}))
    text = _pdf(ctx, letter_id)
    assert "Für diesen Bescheid werden keine Gebühren erhoben." in text
    assert "Von der Erhebung einer Gebühr wird abgesehen (§ 53 Abs. 1 AufenthV)." in text
    version = notice_view(clerk, letter_id).version
    with pytest.raises(ValidationError, match="höher als die Aufenthaltsverordnung") as refused:
        update_rejection(clerk, letter_id, version, RejectionDraft(**{**DRAFT.__dict__, "fee_cents": 10000}))
    assert refused.value.field == "fee_cents"
    with pytest.raises(ValidationError, match=r"§ 53 Abs\. 2"):
        update_rejection(clerk, letter_id, version, RejectionDraft(**{**DRAFT.__dict__, "fee_cents": 4000}))
    reason = "Sie haben drei Kinder und ein Einkommen knapp über dem Bedarf."
    reduced = RejectionDraft(**{**DRAFT.__dict__, "fee_cents": 4000, "fee_reduction_reason": reason})
    update_rejection(clerk, letter_id, version, reduced)
    text = _pdf(ctx, letter_id)
    assert "Gebühr in Höhe von 40,00 EUR" in text and "ermäßigt nach § 53 Abs. 2 AufenthV" in text
    from abh_desk.services.rejections import draft_of

    again = draft_of(clerk, letter_id)  # the editor gets the decision back as it was made
    assert (again.fee_cents, again.fee_reduction_reason, again.benefits) == (4000, reason, False)


def test_a_case_opens_with_the_fee_the_aufenthv_sets_for_the_person(ctx: ServiceContext) -> None:
    from abh_desk.services.case_file import get_case_file

    child = _person_case(ctx, "04.05.2014", "SIN-AUSBILDUNG", None)  # the catalogue names no rate for minors
    extension = _person_case(ctx, "04.05.1990", EXTENSION, PERMIT)
    assert get_case_file(ctx, child).overview.fee_cents == 5000  # § 50 Abs. 1 applies to every procedure
    assert get_case_file(ctx, extension).overview.fee_cents == 9300  # an extension, not an issue


def test_the_holidays_at_the_seat_decide_when_the_period_ends(ctx: ServiceContext, clock: FixedClock) -> None:
    """Munich (seed 004): Mariä Himmelfahrt is a holiday at the office's seat, not in all of Bavaria."""
    from abh_desk.services.notice_dispatch import dispatch

    with pytest.raises(ValidationError, match="Baden-Württemberg nicht") as refused:
        update_office_settings(ctx, local_holidays="katholisch")
    assert refused.value.field == "local_holidays"
    court, address = COURTS["BY"]
    update_office_settings(ctx, land="BY", local_holidays="katholisch", court_name=court, court_address=address)
    create_user(ctx, "lead", "Frau Leitung", Role.TEAM_LEAD, area="allgemein")
    with ctx.db.read() as session:
        lead_id = session.scalar(select(User.id).where(User.username == "lead"))
    assert lead_id is not None
    lead, clerk = ctx.as_user(Actor(lead_id, "lead", Role.TEAM_LEAD)), _clerk(ctx)
    clock.move_to(date(2025, 8, 11))
    person = create_person(ctx, PersonInput("Yıldız", "Ece", "04.05.1990", nationality="TUR", street="Weg 3",
                                            postcode="80331", city="München"))  # fmt: skip
    case_id = open_case(ctx, person.id, SETTLEMENT, applied_on=date(2025, 7, 1)).id
    letter_id = draft_rejection(clerk, case_id, DRAFT)
    waive_hearing(clerk, letter_id, notice_view(clerk, letter_id).version, "Verzicht schriftlich erklärt.")
    submit_for_review(clerk, letter_id, notice_view(clerk, letter_id).version)
    approve(lead, letter_id, notice_view(lead, letter_id).version)
    sent = dispatch(clerk, letter_id, notice_view(clerk, letter_id).version, date(2025, 8, 11))
    assert sent.remedy == "Klage" and sent.deadline_due == date(2025, 9, 18)
