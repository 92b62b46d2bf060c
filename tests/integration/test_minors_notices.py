"""A minor's notices go to her legal representatives (§ 80 AufenthG, §§ 12, 41 VwVfG), on SQLite and
PostgreSQL: recording representatives (logged, optimistic locking, German refusals), the rejection
addressed to the parents or the Jugendamt and read back from the PDF, four eyes and dispatch refused
without a representative, the remedy period from the posting to the representatives, and the
halved refusal fee (§ 49 Abs. 2, § 50 Abs. 1 Satz 1 AufenthV)."""

from __future__ import annotations

import io
import json
import re
from dataclasses import replace
from datetime import date

import pdfplumber
import pypdf
import pytest
from sqlalchemy import select

from abh_desk.clock import FixedClock
from abh_desk.domain.deadlines_bekanntgabe import DispatchMethod
from abh_desk.domain.enums import LetterStatus, Role
from abh_desk.errors import FieldErrors, PermissionDenied, StaleRecord, ValidationError
from abh_desk.services.auth import create_user
from abh_desk.services.case_letters import create_missing_documents_letter
from abh_desk.services.cases import open_case
from abh_desk.services.context import Actor, ServiceContext
from abh_desk.services.fees import refusal_fee
from abh_desk.services.notice_dispatch import dispatch
from abh_desk.services.notice_review import approve, submit_for_review
from abh_desk.services.notices import notice_view
from abh_desk.services.persons import PersonInput, create_person, get_person_file, person_input, update_person
from abh_desk.services.rejections import RejectionDraft, draft_of, draft_rejection, update_rejection, waive_hearing
from abh_desk.services.representatives import (
    RepresentativeInput,
    add_representative,
    remove_representative,
    representation,
    update_representative,
)
from letters.data import RefusalGround
from letters.samples import SAMPLE_FINDINGS
from models import AuditEvent, LegalRepresentative, Letter, User

TODAY = date(2026, 12, 7)  # a Monday
GENERAL = "99010019001008"
DRAFT = RejectionDraft(
    grounds=(RefusalGround("lebensunterhalt", "Das Einkommen der Familie deckt den Bedarf nicht."),),
    facts="Am 01.10.2026 wurde die Aufenthaltserlaubnis beantragt.",
    **SAMPLE_FINDINGS,
)
RAVI = RepresentativeInput(
    "eltern", "Mehta", "Ravi", "m", street="Hauptstraße 5", postcode="78224", city="Singen"
)  # fmt: skip
PRIYA = RepresentativeInput(
    "eltern", "Mehta", "Priya", "w", street="Hauptstraße 5", postcode="78224", city="Singen"
)  # fmt: skip
JUGENDAMT = RepresentativeInput(
    "amtsvormund", "Berger", "Petra", "w", "Landratsamt Konstanz – Jugendamt", "Benediktinerplatz 1", "78467",
    "Konstanz",
)  # fmt: skip
MM = 72 / 25.4


@pytest.fixture
def people(ctx: ServiceContext) -> dict[str, ServiceContext]:
    create_user(ctx, "lead", "Frau Leitung", Role.TEAM_LEAD, area="allgemein")
    with ctx.db.read() as session:
        ids = dict(session.execute(select(User.username, User.id)).all())
    roles = {"schweiger": Role.CASEWORKER, "keller": Role.CASEWORKER, "lead": Role.TEAM_LEAD}
    return {name: ctx.as_user(Actor(ids[name], name, role)) for name, role in roles.items()}


def _minor(ctx: ServiceContext, name: str = "Mehta", given: str = "Anjali", born: str = "04.05.2013") -> int:
    return create_person(
        ctx,
        PersonInput(name, given, born, nationality="IND", sex="w", street="Hauptstraße 5", postcode="78224",
                    city="Singen"),
    ).id  # fmt: skip


def _text(pdf: bytes) -> str:
    return re.sub(r"\s+", " ", " ".join(p.extract_text() for p in pypdf.PdfReader(io.BytesIO(pdf)).pages))


def _pdf(ctx: ServiceContext, letter_id: int) -> bytes:
    with ctx.db.read() as session:
        letter = session.get(Letter, letter_id)
        assert letter is not None and letter.pdf is not None
        return letter.pdf


def _address_zone(pdf: bytes) -> str:
    """The words printed in the Anschriftzone (DIN 5008 Form B: 62.7 to 90 mm from the top)."""
    with pdfplumber.open(io.BytesIO(pdf)) as doc:
        found = [w for w in doc.pages[0].extract_words() if w["x0"] < 105 * MM and 62.7 * MM < w["top"] < 90 * MM]
    return " ".join(w["text"] for w in found)


def _version(ctx: ServiceContext, letter_id: int) -> int:
    return notice_view(ctx, letter_id).version


def test_representatives_are_recorded_changed_and_removed_with_audit_entries(ctx: ServiceContext) -> None:
    person_id = _minor(ctx)
    assert "minderjährig" in str(get_person_file(ctx, person_id).representation.hint)
    ravi = add_representative(ctx, person_id, RAVI)
    add_representative(ctx, person_id, PRIYA)
    shown = representation(ctx, person_id)
    assert [row.name for row in shown.rows] == ["Ravi Mehta", "Priya Mehta"] and shown.hint is None
    assert shown.rows[0].kind_label == "Elternteil (gemeinsame Sorge)"
    version = shown.rows[0].version
    update_representative(ctx, ravi, version, RepresentativeInput(**{**RAVI.__dict__, "street": "Ekkehardstraße 40"}))
    with pytest.raises(StaleRecord, match="gesetzliche Vertretung"):
        update_representative(ctx, ravi, version, RAVI)  # the old version: someone changed it meanwhile
    remove_representative(ctx, ravi, representation(ctx, person_id).rows[0].version)
    with ctx.db.read() as session:
        events = session.scalars(
            select(AuditEvent).where(AuditEvent.entity == "person", AuditEvent.entity_id == person_id)
        ).all()
        left = session.scalars(select(LegalRepresentative.given_names)).all()
    actions = [e.action for e in events if not e.action.endswith("_gelesen")]
    assert actions == ["person_angelegt", "vertreter_erfasst", "vertreter_erfasst", "vertreter_geaendert",
                       "vertreter_entfernt"]  # fmt: skip
    changed = json.loads(next(e.payload_json for e in events if e.action == "vertreter_geaendert"))
    assert changed["street"] == {"alt": "Hauptstraße 5", "neu": "Ekkehardstraße 40"}
    assert json.loads(events[-1].payload_json)["given_names"] == "Ravi"
    assert left == ["Priya"]


def test_bad_input_is_refused_in_german_and_nothing_is_saved(ctx: ServiceContext) -> None:
    person_id = _minor(ctx)
    with pytest.raises(FieldErrors) as refused:
        add_representative(ctx, person_id, RepresentativeInput("eltern", "", postcode="7822", city="Singen"))
    messages = refused.value.by_field()
    assert "Familienname" in messages["familienname"] and "fünf Ziffern" in messages["plz"]
    assert "Straße" in messages["street"]
    with pytest.raises(FieldErrors, match="Jugendamt angeben"):
        add_representative(ctx, person_id, RepresentativeInput("amtsvormund", street="A 1", postcode="78224", city="S"))
    with pytest.raises(ValidationError, match="Art der Vertretung „onkel“ gibt es nicht"):
        add_representative(
            ctx, person_id, RepresentativeInput("onkel", "Mehta", street="A", postcode="78224", city="S")
        )
    with ctx.db.read() as session:
        assert session.scalars(select(LegalRepresentative)).all() == []
        assert not session.scalars(select(AuditEvent).where(AuditEvent.action.like("vertreter%"))).all()


def test_once_the_person_has_a_case_only_who_works_on_it_changes_the_representation(
    ctx: ServiceContext, people: dict[str, ServiceContext]
) -> None:
    person_id = _minor(ctx)
    add_representative(people["keller"], person_id, RAVI)  # no case yet: anyone at the counter
    open_case(ctx, person_id, GENERAL, applied_on=date(2026, 10, 1))  # Mehta: Frau Schweiger's letter
    with pytest.raises(PermissionDenied) as refused:
        add_representative(people["keller"], person_id, PRIYA)
    # Who may, said plainly: "Vertretung" alone read as the legal representation in this dialog.
    assert refused.value.text("de") == (
        "Das darf nur ändern, wer Zugriff auf einen Vorgang dieser Person hat: die zuständige Sachbearbeitung, "
        "ihre Vertretung bei Abwesenheit, die Teamleitung oder die Administration, außerdem wer den Vorgang "
        "geteilt bekommen oder mit Begründung geöffnet hat."
    )
    assert refused.value.text("en").startswith("Only someone with access to a case of this person")
    add_representative(people["schweiger"], person_id, PRIYA)


def test_a_minors_rejection_goes_to_both_parents_and_names_her(
    ctx: ServiceContext, people: dict[str, ServiceContext]
) -> None:
    clerk, lead = people["schweiger"], people["lead"]
    person_id = _minor(ctx)
    case_id = open_case(ctx, person_id, GENERAL, applied_on=date(2026, 10, 1)).id
    letter_id = draft_rejection(clerk, case_id, DRAFT)  # the draft can be written without representatives
    view = notice_view(clerk, letter_id)
    problem = view.addressing_problem
    assert (
        problem is not None
        and "minderjährig" in problem.message
        and "gesetzliche Vertretung erfassen" in problem.message
    )
    assert "NICHT VERSENDEN" in _text(_pdf(ctx, letter_id))
    waive_hearing(clerk, letter_id, _version(ctx, letter_id), "Die Familie hat auf die Anhörung verzichtet.")
    with pytest.raises(ValidationError, match="minderjährig") as refused:
        submit_for_review(clerk, letter_id, _version(ctx, letter_id))
    assert refused.value.field == "vertretung"
    assert notice_view(clerk, letter_id).status == LetterStatus.DRAFT

    add_representative(clerk, person_id, RAVI)
    add_representative(clerk, person_id, PRIYA)
    assert "neu speichern" in str(notice_view(clerk, letter_id).addressing_problem)  # the draft is still to Anjali
    update_rejection(clerk, letter_id, _version(ctx, letter_id), draft_of(clerk, letter_id))
    assert notice_view(clerk, letter_id).addressing_problem is None
    submit_for_review(clerk, letter_id, _version(ctx, letter_id))
    approve(lead, letter_id, _version(ctx, letter_id))
    pdf = _pdf(ctx, letter_id)
    window = _address_zone(pdf)
    assert "Herrn Ravi Mehta und Frau Priya Mehta" in window and "Anjali" not in window
    text = _text(pdf)
    assert "ENTWURF" not in text and "NICHT VERSENDEN" not in text
    assert "An Sie als gesetzliche Vertreter von Anjali Mehta, geb. 04.05.2013" in text
    # Every "Sie" and "Ihr" of the notice is hers: her title, her health, the costs of her deportation.
    assert "(§ 80 Abs. 1 und 4 AufenthG, § 12 Abs. 1 Nr. 1, § 41 Abs. 1 VwVfG)" in text
    assert "Mit „Sie“ und „Ihr“ ist im Folgenden Anjali Mehta gemeint. Sehr geehrter Herr Mehta" in text
    assert "Die Kosten einer Abschiebung haben Sie zu tragen" in text
    assert "Sehr geehrter Herr Mehta, sehr geehrte Frau Mehta," in text
    assert "zur Niederschrift" in text  # the Rechtsbehelfsbelehrung is unchanged
    assert "58 Abs. 1a" not in text  # with her parents: no unaccompanied minor
    assert "Kindeswohl (Anjali Mehta ist minderjährig):" in text  # her own welfare is weighed (§ 59 Abs. 1)

    # Posted Mon 07.12.2026 to the parents: Bekanntgabe on the fourth day (Fri 11.12.), one month → Mon 11.01.2027.
    sent = dispatch(clerk, letter_id, _version(ctx, letter_id), TODAY)
    assert sent.notification_date == date(2026, 12, 11) and sent.deadline_due == date(2027, 1, 11)


def test_approval_is_refused_when_the_representation_is_removed_after_the_draft(
    ctx: ServiceContext, people: dict[str, ServiceContext]
) -> None:
    clerk, lead = people["schweiger"], people["lead"]
    person_id = _minor(ctx)
    ravi = add_representative(clerk, person_id, RAVI)
    case_id = open_case(ctx, person_id, GENERAL, applied_on=date(2026, 10, 1)).id
    letter_id = draft_rejection(clerk, case_id, DRAFT)
    waive_hearing(clerk, letter_id, _version(ctx, letter_id), "Die Familie hat auf die Anhörung verzichtet.")
    submit_for_review(clerk, letter_id, _version(ctx, letter_id))
    remove_representative(clerk, ravi, representation(clerk, person_id).rows[0].version)
    with pytest.raises(ValidationError, match="gesetzliche Vertretung erfassen"):
        approve(lead, letter_id, _version(ctx, letter_id))
    assert notice_view(lead, letter_id).status == LetterStatus.IN_REVIEW and not notice_view(lead, letter_id).final_pdf


def test_an_unaccompanied_minors_notice_goes_to_the_jugendamt(
    ctx: ServiceContext, people: dict[str, ServiceContext]
) -> None:
    clerk = people["schweiger"]
    person_id = _minor(ctx, "Haidari", "Samir", "00.00.2010")
    add_representative(clerk, person_id, JUGENDAMT)
    case_id = open_case(ctx, person_id, GENERAL, applied_on=date(2026, 10, 1)).id
    letter_id = draft_rejection(clerk, case_id, DRAFT)
    window = _address_zone(_pdf(ctx, letter_id))
    assert "Landratsamt Konstanz – Jugendamt Amtsvormundschaft Frau Petra Berger Benediktinerplatz 1" in window
    text = " ".join(_text(_pdf(ctx, letter_id)).split())
    assert "An Sie als Amtsvormund von Samir Haidari, geb. 2010" in text
    # Unaccompanied: deported only into someone's care, and the notice says so (§ 58 Abs. 1a AufenthG).
    assert "Samir Haidari im Rückkehrstaat einem Mitglied der Familie" in text and "(§ 58 Abs. 1a AufenthG)" in text


def test_letters_that_go_out_at_once_are_refused_without_a_representative(
    ctx: ServiceContext, people: dict[str, ServiceContext]
) -> None:
    clerk = people["schweiger"]
    person_id = _minor(ctx)
    case_id = open_case(ctx, person_id, GENERAL, applied_on=date(2026, 10, 1)).id
    with pytest.raises(ValidationError, match="minderjährig"):
        create_missing_documents_letter(clerk, case_id)
    add_representative(clerk, person_id, PRIYA)
    row = create_missing_documents_letter(clerk, case_id)
    text = _text(_pdf(ctx, row.id))
    assert "An Sie als gesetzliche Vertreterin von Anjali Mehta" in text
    assert "Frau Priya Mehta" in _address_zone(_pdf(ctx, row.id))


def test_a_person_who_turned_18_before_the_notice_day_is_addressed_herself(
    ctx: ServiceContext, people: dict[str, ServiceContext]
) -> None:
    clerk = people["schweiger"]
    person_id = _minor(ctx, born="06.12.2008")  # 18 since yesterday
    add_representative(clerk, person_id, RAVI)
    case_id = open_case(ctx, person_id, GENERAL, applied_on=date(2026, 10, 1)).id
    letter_id = draft_rejection(clerk, case_id, DRAFT)
    assert "Frau Anjali Mehta" in _address_zone(_pdf(ctx, letter_id))
    assert notice_view(clerk, letter_id).addressing_problem is None


def test_the_refusal_of_a_minors_application_costs_half_the_processing_fee(
    ctx: ServiceContext, people: dict[str, ServiceContext]
) -> None:
    """§ 49 Abs. 2 AufenthV: the fee of the act; § 50 Abs. 1 Satz 1 halves the fees of § 49 Abs. 1 and 2
    for minors — also for an eAT (catalogue: 100 EUR), where 100 EUR were charged before."""
    person_id = _minor(ctx)
    case_id = open_case(ctx, person_id, "SIN-EAT", applied_on=date(2026, 10, 1)).id
    fee = refusal_fee(people["schweiger"], case_id)
    assert fee.cents == 5000 and fee.basis.startswith("§ 49 Abs. 2, § 50 Abs. 1 Satz 1 AufenthV")
    adult = create_person(ctx, PersonInput("Mehta", "Ravi", "01.01.1980", nationality="IND", sex="m")).id
    adult_case = open_case(ctx, adult, "SIN-EAT", applied_on=date(2026, 10, 1)).id
    assert refusal_fee(people["schweiger"], adult_case).cents == 10000


def test_sending_is_refused_when_she_turned_18_after_the_approval(
    ctx: ServiceContext, people: dict[str, ServiceContext], clock: FixedClock
) -> None:
    """Approved on Monday to her parents; she turns 18 on Tuesday, the posting day: a notice to the
    parents would no longer reach her (§ 80 Abs. 1 AufenthG) — it is not sent."""
    clerk, lead = people["schweiger"], people["lead"]
    person_id = _minor(ctx, born="08.12.2008")
    add_representative(clerk, person_id, RAVI)
    case_id = open_case(ctx, person_id, GENERAL, applied_on=date(2026, 10, 1)).id
    letter_id = draft_rejection(clerk, case_id, DRAFT)
    waive_hearing(clerk, letter_id, _version(ctx, letter_id), "Die Familie hat auf die Anhörung verzichtet.")
    submit_for_review(clerk, letter_id, _version(ctx, letter_id))
    approve(lead, letter_id, _version(ctx, letter_id))
    clock.move_to(date(2026, 12, 8))
    with pytest.raises(ValidationError, match="volljährig"):
        dispatch(clerk, letter_id, _version(ctx, letter_id), date(2026, 12, 8))
    assert notice_view(clerk, letter_id).status == LetterStatus.APPROVED
    # Posted on Monday, the day before her birthday, it would reach her parents on Friday (§ 41 Abs. 2
    # VwVfG), when they no longer represent her: refused too, and nothing recorded.
    with pytest.raises(ValidationError, match=r"zwischen dem Versand \(07\.12\.2026\) und der Bekanntgabe") as late:
        dispatch(clerk, letter_id, _version(ctx, letter_id), TODAY)
    assert late.value.field == "versandt_am" and "(11.12.2026)" in late.value.message
    assert notice_view(clerk, letter_id).status == LetterStatus.APPROVED
    with ctx.db.read() as session:
        assert session.get(Letter, letter_id).posted_on is None  # type: ignore[union-attr]
    # Handed over in person on Monday, she is still a minor when it is made known: to her parents, right.
    handed = dispatch(clerk, letter_id, _version(ctx, letter_id), TODAY, DispatchMethod.PERSONAL)
    assert handed.notification_date == TODAY


def test_the_notice_still_opens_when_the_persons_address_was_removed_and_says_why(
    ctx: ServiceContext, people: dict[str, ServiceContext]
) -> None:
    clerk = people["schweiger"]
    person_id = _minor(ctx, born="01.01.1990")
    case_id = open_case(ctx, person_id, GENERAL, applied_on=date(2026, 10, 1)).id
    letter_id = draft_rejection(clerk, case_id, DRAFT)
    detail = get_person_file(ctx, person_id).person
    update_person(ctx, person_id, detail.version, replace(person_input(detail), street="", postcode="", city=""))
    assert "keine vollständige Anschrift" in str(notice_view(clerk, letter_id).addressing_problem)
