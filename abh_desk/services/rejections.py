"""Drafting a rejection notice and its hearing (domain.md §7): the draft is built from the case, the
person and the caseworker's choices, checked and rendered at once (marked ENTWURF) so that an error
in a text block shows while writing, not at printing. Any change after approval returns the notice
to draft (``notice_flow``)."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, replace
from datetime import date
from typing import Any

from sqlalchemy import select

from abh_desk.domain.countries import nationality_name, with_article
from abh_desk.domain.deadlines import DEFAULT_HEARING_WEEKS
from abh_desk.domain.enums import DeadlineKind, DeadlineStatus, LetterKind, LetterStatus
from abh_desk.domain.money import euro
from abh_desk.domain.notice_flow import NoticeAction, check
from abh_desk.domain.text import clean_text
from abh_desk.error_texts import Label
from abh_desk.errors import NotFound, ValidationError
from abh_desk.services.case_access import readable_case, require_case_access
from abh_desk.services.case_letters import case_info, named, render_letter, store_letter
from abh_desk.services.context import ServiceContext, UnitOfWork
from abh_desk.services.deadlines import close_deadline, upsert_deadline
from abh_desk.services.fees import refusal_fee_of
from abh_desk.services.letterhead import office_letterhead
from abh_desk.services.notice_addressing import notice_recipient, sendable_recipient
from abh_desk.services.notices import changes_between, load_notice, read_notice, step
from abh_desk.services.stay import notice_status_fields, status_on
from abh_desk.services.textblocks import office_textblocks
from letters.data import DEPORTATION_FINDINGS, HearingData, RejectionData
from letters.data import MAX_ENTRY_BAN_MONTHS_ABS_5A_5B as MAX_ENTRY_BAN_MONTHS_ABS_5A_5B  # the editor's limit
from letters.data import RefusalGround as RefusalGround  # the editor's input, from letters
from letters.serialize import from_json, to_json
from models import Case, Deadline, Letter, Person

MAX_FACTS = 20_000
MAX_DETAILS = 5_000
MAX_REASON = 2_000
MAX_TARGET_STATE = 100
REDUCED = "ermäßigt nach § 53 Abs. 2 AufenthV"
#: Nationalities that name no state to deport to (ICAO: stateless, unresolved): the caseworker names it.
STATELESS_OR_UNKNOWN = ("XXA", "XXB", "XXC", "XXX")
#: A case has at most one rejection in these states at a time.
IN_WORK = (
    LetterStatus.DRAFT,
    LetterStatus.HEARING,
    LetterStatus.IN_REVIEW,
    LetterStatus.RETURNED,
    LetterStatus.APPROVED,
)


@dataclass(frozen=True)
class RejectionDraft:
    """What the caseworker decides for a rejection; the rest comes from the case and the person."""

    grounds: tuple[RefusalGround, ...]
    facts: str
    exit_period_days: int = 30
    target_state: str = ""  # empty: the person's nationality
    #: None: the fee the AufenthV sets for this refusal (§ 49 with §§ 44–45, 50, 53); an amount below
    #: it needs ``fee_reduction_reason`` (Ermäßigung aus Billigkeitsgründen).
    fee_cents: int | None = None
    entry_ban_months: int | None = None
    entry_ban_reasons: str = ""
    eu_or_arb_exception: bool = False
    #: § 59 Abs. 1 Satz 1 AufenthG for this person, point by point (letters.data.DEPORTATION_FINDINGS);
    #: each needed before review wherever the refusal leaves the person obliged to leave.
    finding_deportation_bars: str = ""  # Abschiebungsverbote (§ 60 Abs. 5 und 7 AufenthG)
    finding_child_welfare: str = ""  # Kindeswohl
    finding_family_ties: str = ""  # familiäre Bindungen
    finding_health: str = ""  # Gesundheitszustand
    deportation_assessment: str = ""  # further considerations (optional)
    benefits: bool = False  # receives benefits under SGB II, SGB XII or AsylbLG (§ 53 Abs. 1 AufenthV)
    short_extension: bool = False  # an extension for up to three months (§ 45 Nr. 2 Buchst. a AufenthV)
    fee_reduction_reason: str = ""


def target_state_of(nationality: str | None) -> str:
    """The state of the person's nationality as the notice names it ("die Türkei"); "" where the
    nationality names no state."""
    if not nationality or nationality in STATELESS_OR_UNKNOWN:
        return ""
    return with_article(nationality_name(nationality))


def refusal_grounds(ctx: ServiceContext) -> list[tuple[str, str, str]]:
    """(key, title, legal basis) of every ground of refusal in the text blocks, for the editor."""
    with ctx.db.read() as session:
        blocks = office_textblocks(session)
    by_title = {"rechtsgrundlage_titel": "Rechtsgrundlage des beantragten Titels"}
    return [
        (
            key,
            blocks.text(f"ablehnungsgrund.{key}.titel"),
            blocks.text(f"ablehnungsgrund.{key}.rechtsgrundlage", by_title),
        )
        for key in blocks.ground_keys()
    ]


#: The findings' names as the refusal of a too long or garbled text quotes them ("„Kindeswohl“").
FINDING_LABELS = {
    "finding_deportation_bars": Label("rejections.label_finding_deportation_bars"),
    "finding_child_welfare": Label("rejections.label_finding_child_welfare"),
    "finding_family_ties": Label("rejections.label_finding_family_ties"),
    "finding_health": Label("rejections.label_finding_health"),
}


def clean_draft(draft: RejectionDraft) -> RejectionDraft:
    """The caseworker's texts as stored: NFC, no control or bidi characters, within their limits."""
    findings: dict[str, Any] = {
        name: clean_text(
            getattr(draft, name), "deportation_assessment", FINDING_LABELS[name], MAX_DETAILS, multiline=True
        )
        for name, _block, _label in DEPORTATION_FINDINGS
    }
    return replace(
        draft,
        facts=clean_text(draft.facts, "facts", Label("rejections.label_facts"), MAX_FACTS, multiline=True),
        grounds=tuple(
            replace(
                ground,
                details=clean_text(
                    ground.details, "grounds", Label("rejections.label_ground_details"), MAX_DETAILS, multiline=True
                ),
            )
            for ground in draft.grounds
        ),
        target_state=clean_text(
            draft.target_state, "target_state", Label("rejections.label_target_state"), MAX_TARGET_STATE
        ),
        entry_ban_reasons=clean_text(
            draft.entry_ban_reasons,
            "entry_ban_months",
            Label("rejections.label_entry_ban_reasons"),
            MAX_REASON,
            multiline=True,
        ),
        fee_reduction_reason=clean_text(
            draft.fee_reduction_reason,
            "fee_cents",
            Label("rejections.label_fee_reduction_reason"),
            MAX_REASON,
            multiline=True,
        ),
        deportation_assessment=clean_text(
            draft.deportation_assessment,
            "deportation_assessment",
            Label("rejections.label_deportation_assessment"),
            MAX_DETAILS,
            multiline=True,
        ),
        **findings,
    )


def _check_draft(uow: UnitOfWork, draft: RejectionDraft) -> None:
    blocks = office_textblocks(uow.session)
    known = set(blocks.ground_keys())
    for ground in draft.grounds:
        if ground.key not in known:
            raise ValidationError("rejections.unknown_ground", field="grounds", ground=ground.key)
        if "einzelfall" in blocks.fields(f"ablehnungsgrund.{ground.key}.text") and not ground.details.strip():
            title = blocks.text(f"ablehnungsgrund.{ground.key}.titel")
            raise ValidationError("rejections.ground_details_missing", field="grounds", ground=ground.key, title=title)
    if len({ground.key for ground in draft.grounds}) != len(draft.grounds):
        raise ValidationError("rejections.ground_repeated", field="grounds")


def _build(uow: UnitOfWork, case: Case, draft: RejectionDraft, today: date, hearing_date: date | None) -> RejectionData:
    draft = clean_draft(draft)
    _check_draft(uow, draft)
    person = uow.session.get(Person, case.person_id)
    assert person is not None
    procedure = uow.ctx.catalogue.get(case.procedure_key)
    addressed = notice_recipient(uow.session, person, today)
    fee, fee_basis = _fee(uow, case, person, draft)
    birth = f", geb. {person.birth_day:02d}.{person.birth_month:02d}.{person.birth_year}" if person.birth_day else ""
    status = status_on(uow.session, case, today)
    target = draft.target_state.strip()
    if status.duty_to_leave and not target and person.nationality in STATELESS_OR_UNKNOWN:
        raise ValidationError("rejections.target_state_missing", field="target_state")
    findings: dict[str, Any] = {
        name: getattr(draft, name).strip() if status.duty_to_leave else "" for name, _b, _l in DEPORTATION_FINDINGS
    }
    return RejectionData(
        letterhead=office_letterhead(uow.session),
        address=addressed.address,
        info=case_info(uow, case, today),
        salutation=addressed.salutation,
        represented=addressed.represented,
        draft=True,
        application_date=case.applied_on,
        applied_for=procedure.name,
        title_legal_basis=procedure.legal_basis,
        facts=tuple(part.strip() for part in draft.facts.split("\n\n") if part.strip()),
        grounds=draft.grounds,
        exit_period_days=draft.exit_period_days,
        target_state=target or target_state_of(person.nationality),
        fee_cents=fee,
        fee_legal_basis=fee_basis,
        fee_benefits=draft.benefits,
        fee_short_extension=draft.short_extension,
        fee_reduction_reason=draft.fee_reduction_reason.strip() if REDUCED in fee_basis else "",
        entry_ban_months=draft.entry_ban_months,
        entry_ban_reasons=draft.entry_ban_reasons.strip(),
        hearing_date=hearing_date,
        person_line=f"{named(person)}{birth}",
        eu_or_arb_exception=draft.eu_or_arb_exception,
        deportation_assessment=draft.deportation_assessment.strip() if status.duty_to_leave else "",
        **findings,
        **notice_status_fields(status),  # type: ignore[arg-type]
    )


def _fee(uow: UnitOfWork, case: Case, person: Person, draft: RejectionDraft) -> tuple[int, str]:
    """The refusal's fee and the provisions it rests on; a lower amount only with its reason."""
    procedure = uow.ctx.catalogue.get(case.procedure_key)
    due = refusal_fee_of(uow.session, procedure, person, case.applied_on, draft.benefits, draft.short_extension)
    if draft.fee_cents is None or draft.fee_cents == due.cents:
        return due.cents, due.basis
    if draft.fee_cents > due.cents:
        raise ValidationError("rejections.fee_too_high", field="fee_cents", fee=euro(due.cents), basis=due.basis)
    reason = draft.fee_reduction_reason.strip()
    if len(reason) < 10:
        raise ValidationError(
            "rejections.fee_reduction_reason_missing", field="fee_cents", fee=euro(due.cents), basis=due.basis
        )
    return draft.fee_cents, f"{due.basis}, {REDUCED}: {reason}"


def _fee_to_case(uow: UnitOfWork, case: Case, data: RejectionData) -> None:
    """The case charges what its notice charges (a reduced or waived fee too); the change is logged."""
    if case.fee_cents == data.fee_cents:
        return
    uow.audit(
        "gebuehr_festgesetzt",
        "case",
        case.id,
        case_id=case.id,
        gebuehr={"alt": euro(case.fee_cents) if case.fee_cents is not None else "–", "neu": euro(data.fee_cents)},
        grund=f"Ablehnungsbescheid: {data.fee_legal_basis}",
    )
    case.fee_cents = data.fee_cents


def _store_rendered(uow: UnitOfWork, letter: Letter, data: RejectionData) -> None:
    pdf = render_letter(LetterKind.REJECTION, data, uow.session)
    letter.data_json, letter.pdf, letter.pdf_sha256 = to_json(data), pdf, hashlib.sha256(pdf).hexdigest()


def draft_rejection(ctx: ServiceContext, case_id: int, draft: RejectionDraft) -> int:
    """A new rejection notice as a draft (printed with "ENTWURF"); returns its id."""
    today = ctx.today()
    with ctx.unit_of_work() as uow:
        case = uow.session.get(Case, case_id, with_for_update=True)  # one draft per case, also on PostgreSQL
        if case is None:
            raise NotFound("shared.case_not_found", case_id=case_id)
        require_case_access(uow.session, ctx.actor, case, today)
        in_work = uow.session.scalar(
            select(Letter.id).where(
                Letter.case_id == case_id,
                Letter.kind == LetterKind.REJECTION.value,
                Letter.status.in_([status.value for status in IN_WORK]),
            )
        )
        if in_work is not None:
            raise ValidationError("rejections.rejection_in_work", field="bescheid")
        actor = ctx.actor
        check(
            NoticeAction.EDIT,
            LetterStatus.DRAFT,
            role=actor.role,
            actor_id=actor.user_id,
            author_id=None,
        )
        data = _build(uow, case, draft, today, None)
        letter = store_letter(uow, case, LetterKind.REJECTION, data, LetterStatus.DRAFT)
        _fee_to_case(uow, case, data)
        letter.last_edited_by_id = actor.user_id
        uow.commit()
        return letter.id


#: A change to a notice the team lead holds or has approved takes it back: never without saying so.
WITHDRAWS_REVIEW = {
    LetterStatus.IN_REVIEW: ("rejections.edit_withdraws_review", "aus der Prüfung zurückgenommen"),
    LetterStatus.APPROVED: ("rejections.edit_lifts_approval", "Freigabe aufgehoben"),
}


def update_rejection(
    ctx: ServiceContext, letter_id: int, version: int, draft: RejectionDraft, *, withdraw_review: bool = False
) -> None:
    """Change the draft. A notice in review or already approved goes back to draft only with
    ``withdraw_review`` (the user confirmed it); otherwise a ValidationError says what would happen."""
    today = ctx.today()
    with ctx.unit_of_work() as uow:
        letter = load_notice(uow, letter_id, version)
        withdrawn = WITHDRAWS_REVIEW.get(LetterStatus(letter.status))
        if withdrawn is not None and not withdraw_review:
            confirm_key = withdrawn[0]
            raise ValidationError(confirm_key, field="status", withdraw_review=True)
        case = uow.session.get(Case, letter.case_id)
        assert case is not None
        old = from_json(LetterKind.REJECTION.value, letter.data_json)
        assert isinstance(old, RejectionData)
        data = _build(uow, case, draft, today, old.hearing_date)
        changed = changes_between(letter.data_json, to_json(data))
        details = ", ".join(change.label for change in changed) or "Datum"
        step(uow, letter, NoticeAction.EDIT, details=f"{details} ({withdrawn[1]})" if withdrawn else details)
        _store_rendered(uow, letter, data)
        _fee_to_case(uow, case, data)
        letter.last_edited_by_id = ctx.actor.user_id
        letter.reviewed_by_id = letter.reviewed_at = None
        letter.submitted_at = None
        uow.commit()


def draft_of(ctx: ServiceContext, letter_id: int) -> RejectionDraft:
    """The caseworker's choices in a stored notice, to fill the editor."""
    with ctx.db.read() as session:
        letter, _case = read_notice(session, ctx.actor, letter_id, ctx.today())
        data = from_json(LetterKind.REJECTION.value, letter.data_json)
    assert isinstance(data, RejectionData)
    return RejectionDraft(
        grounds=data.grounds,
        facts="\n\n".join(data.facts),
        exit_period_days=data.exit_period_days,
        target_state=data.target_state,
        fee_cents=data.fee_cents if data.fee_reduction_reason else None,  # None: as the AufenthV sets it
        entry_ban_months=data.entry_ban_months,
        entry_ban_reasons=data.entry_ban_reasons,
        eu_or_arb_exception=data.eu_or_arb_exception,
        deportation_assessment=data.deportation_assessment,
        **{name: getattr(data, name) for name, _block, _label in DEPORTATION_FINDINGS},
        benefits=data.fee_benefits,
        short_extension=data.fee_short_extension,
        fee_reduction_reason=data.fee_reduction_reason,
    )


def send_hearing(
    ctx: ServiceContext,
    letter_id: int,
    version: int,
    sent_on: date | None = None,
    weeks: int = DEFAULT_HEARING_WEEKS,
) -> int:
    """Anhörung (§ 28 Abs. 1 VwVfG): the hearing letter names the intended grounds and the date to
    comment by; a hearing deadline is stored. Returns the hearing letter's id."""
    sent_on = sent_on or ctx.today()
    if sent_on > ctx.today():
        raise ValidationError("rejections.hearing_sent_in_future", field="versandt_am")
    if not 1 <= weeks <= 8:
        raise ValidationError("rejections.hearing_weeks_out_of_range", field="wochen")
    with ctx.unit_of_work() as uow:
        letter = load_notice(uow, letter_id, version)
        case = uow.session.get(Case, letter.case_id)
        assert case is not None
        rejection = from_json(LetterKind.REJECTION.value, letter.data_json)
        assert isinstance(rejection, RejectionData)
        deadline = upsert_deadline(uow, case, DeadlineKind.HEARING, sent_on, "Anhörung versandt", hearing_weeks=weeks)
        duty = status_on(uow.session, case, sent_on).duty_to_leave
        person = uow.session.get(Person, case.person_id)
        assert person is not None
        addressed = sendable_recipient(uow.session, person, sent_on)  # the hearing goes out at once
        hearing = HearingData(
            letterhead=rejection.letterhead,
            address=addressed.address,
            info=case_info(uow, case, sent_on),
            salutation=addressed.salutation,
            represented=addressed.represented,
            draft=False,
            application_date=rejection.application_date,
            applied_for=rejection.applied_for,
            title_legal_basis=rejection.title_legal_basis,
            grounds=rejection.grounds,
            comment_by=deadline.due_date,
            duty_to_leave=duty,
            entry_ban_months=rejection.entry_ban_months if duty else None,
        )
        hearing_letter = store_letter(uow, case, LetterKind.HEARING, hearing, LetterStatus.SENT)
        hearing_letter.posted_on = sent_on
        step(uow, letter, NoticeAction.SEND_HEARING, details=f"Stellungnahme bis {deadline.due_date:%d.%m.%Y}")
        letter.hearing_letter_id = hearing_letter.id
        letter.hearing_waiver_reason = None
        letter.statement_received_on = None  # a statement on an earlier hearing does not end this one
        _store_rendered(uow, letter, replace(rejection, hearing_date=sent_on))
        uow.commit()
        return hearing_letter.id


def check_waiver_reason(reason: str) -> str:
    """Why the hearing is dispensed with, as stored; ValidationError when empty, short or too long."""
    reason = clean_text(reason, "grund", Label("rejections.label_waiver_reason"), MAX_REASON, multiline=True)
    if len(reason) < 10:
        raise ValidationError("rejections.waiver_reason_missing", field="grund")
    return reason


def waive_hearing(ctx: ServiceContext, letter_id: int, version: int, reason: str) -> None:
    """No hearing, with the recorded reason (§ 28 Abs. 2 VwVfG)."""
    reason = check_waiver_reason(reason)
    with ctx.unit_of_work() as uow:
        letter = load_notice(uow, letter_id, version)
        step(uow, letter, NoticeAction.WAIVE_HEARING, grund=reason)
        letter.hearing_waiver_reason = reason
        uow.commit()


def record_statement(ctx: ServiceContext, letter_id: int, version: int, received_on: date, note: str = "") -> None:
    """The person commented on the hearing (or said they will not): the hearing deadline is done."""
    note = clean_text(note, "notiz", Label("shared.label_note"), MAX_REASON, multiline=True)
    with ctx.unit_of_work() as uow:
        if received_on > uow.today:
            raise ValidationError("rejections.statement_in_future", field="eingang")
        letter = load_notice(uow, letter_id, version)
        step(uow, letter, NoticeAction.RECORD_STATEMENT, details=note, am=received_on.isoformat())
        letter.statement_received_on = received_on
        for deadline in open_hearing_deadlines(uow, letter.case_id):
            close_deadline(uow, deadline, f"Stellungnahme am {received_on:%d.%m.%Y} eingegangen")
        uow.commit()


def open_hearing_deadlines(uow: UnitOfWork, case_id: int) -> list[Deadline]:
    return list(
        uow.session.scalars(
            select(Deadline).where(
                Deadline.case_id == case_id,
                Deadline.kind == DeadlineKind.HEARING.value,
                Deadline.status == DeadlineStatus.OPEN.value,
            )
        )
    )


def new_draft(ctx: ServiceContext, case_id: int) -> RejectionDraft:
    """A starting point for the editor: the facts of the application, the person's state, the fee."""
    today = ctx.today()
    with ctx.db.read() as session:
        case = session.get(Case, case_id)
        person = session.get(Person, case.person_id) if case else None
        if case is None or person is None:
            raise NotFound("shared.case_not_found", case_id=case_id)
        require_case_access(session, ctx.actor, case, today)
        procedure = ctx.catalogue.get(case.procedure_key)
        return RejectionDraft(
            grounds=(),
            facts=f"Am {case.applied_on:%d.%m.%Y} haben Sie „{procedure.name}“ beantragt ({procedure.legal_basis}).",
            target_state=target_state_of(person.nationality),
        )


def notice_in_work(ctx: ServiceContext, case_id: int) -> int | None:
    """The case's rejection that is still being worked on (draft to approved), if any."""
    with ctx.db.read() as session:
        readable_case(session, ctx.actor, case_id, ctx.today())
        return session.scalar(
            select(Letter.id).where(
                Letter.case_id == case_id,
                Letter.kind == LetterKind.REJECTION.value,
                Letter.status.in_([status.value for status in IN_WORK]),
            )
        )
