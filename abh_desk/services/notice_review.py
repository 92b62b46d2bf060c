"""Four eyes: the caseworker submits a rejection, a team lead approves it or returns it with a
comment. Only an approved notice gets its final PDF (without "ENTWURF")."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, replace
from datetime import date, datetime, time, timedelta

from sqlalchemy import ColumnElement, func, or_, select
from sqlalchemy.orm import Session

from abh_desk.clock import office_day, office_time
from abh_desk.domain.enums import LetterKind, LetterStatus, Role
from abh_desk.domain.notice_flow import STATUS_LABELS, NoticeAction
from abh_desk.domain.text import clean_text
from abh_desk.error_texts import Label
from abh_desk.errors import PermissionDenied, ValidationError
from abh_desk.services.case_access import lead_scope
from abh_desk.services.case_letters import render_letter
from abh_desk.services.context import ServiceContext, UnitOfWork
from abh_desk.services.notice_addressing import representation_changed
from abh_desk.services.notices import editors_of, load_notice, may_review, step
from abh_desk.services.read_log import note_read
from abh_desk.services.rejections import IN_WORK, open_hearing_deadlines
from abh_desk.services.remedy_rows import require_usable_remedy
from abh_desk.services.stay import status_on
from abh_desk.services.textblocks import office_textblocks
from letters.data import RejectionData
from letters.serialize import from_json, to_json
from models import Area, Case, Letter, Person, User

#: A notice waiting longer than this for review counts as overdue on the lead's start page.
REVIEW_DAYS = 3
MAX_COMMENT = 2_000


def submit_for_review(ctx: ServiceContext, letter_id: int, version: int) -> None:
    """Zur Prüfung: only after the hearing (its period over, or the person commented) or with a
    recorded reason why it was dispensed with."""
    today = ctx.today()
    with ctx.unit_of_work() as uow:
        letter = load_notice(uow, letter_id, version)
        _check_hearing(uow, letter, today)
        _check_assessment(letter)
        check_addressees(uow, letter, today)
        _check_second_pair_of_eyes(uow, letter)
        step(uow, letter, NoticeAction.SUBMIT)
        letter.submitted_at = uow.now
        uow.commit()


def possible_reviewers(session: Session, letter: Letter) -> list[User]:
    """Who may approve this notice: an active team lead of the case's area (or of every area) who
    neither wrote nor edited it. A Vertretung (deputy) of a lead gives no right to review."""
    case = session.get(Case, letter.case_id)
    assert case is not None
    editors = editors_of(session, letter)
    leads = session.scalars(
        select(User)
        .where(User.role == Role.TEAM_LEAD.value, User.active.is_(True))
        .where(or_(User.area_id == case.area_id, User.area_id.is_(None)))
        .order_by(User.display_name)
    )
    return [lead for lead in leads if lead.id not in editors]


def _check_second_pair_of_eyes(uow: UnitOfWork, letter: Letter) -> None:
    """Submitted only where someone can approve it: never into a queue nobody may clear."""
    if possible_reviewers(uow.session, letter):
        return
    case = uow.session.get(Case, letter.case_id)
    assert case is not None
    area = uow.session.get(Area, case.area_id)
    raise ValidationError("notice_review.no_reviewer", field="pruefung", area=area.name if area else "?")


def check_addressees(uow: UnitOfWork, letter: Letter, day: date) -> None:
    """A minor's notice goes to her legal representatives (§ 80 AufenthG, § 41 Abs. 1 VwVfG): not
    submitted, approved or sent while it is addressed otherwise than the person's situation on
    ``day`` requires."""
    case = uow.session.get(Case, letter.case_id)
    person = uow.session.get(Person, case.person_id) if case else None
    assert person is not None
    data = from_json(LetterKind.REJECTION.value, letter.data_json)
    problem = representation_changed(data, uow.session, person, day)
    if problem is not None:
        raise problem


def _check_assessment(letter: Letter) -> None:
    data = from_json(LetterKind.REJECTION.value, letter.data_json)
    assert isinstance(data, RejectionData)
    if data.missing_findings:
        raise ValidationError(
            "notice_review.findings_missing",
            field="deportation_assessment",
            missing=len(data.missing_findings),
            findings=", ".join(data.missing_findings),
        )


def _check_hearing(uow: UnitOfWork, letter: Letter, today: date) -> None:
    if letter.hearing_letter_id is None:
        if not letter.hearing_waiver_reason:
            raise ValidationError("notice_review.hearing_missing", field="anhoerung")
        return
    if letter.statement_received_on is not None:
        return
    for deadline in open_hearing_deadlines(uow, letter.case_id):
        if deadline.due_date >= today:
            raise ValidationError("notice_review.hearing_running", field="anhoerung", due_date=deadline.due_date)


def _reviewable(uow: UnitOfWork, letter: Letter) -> Case:
    case = uow.session.get(Case, letter.case_id)
    assert case is not None
    if not may_review(uow.session, uow.ctx.actor, case):
        raise PermissionDenied("notice_review.other_area")
    return case


def approve(ctx: ServiceContext, letter_id: int, version: int, note: str = "") -> None:
    """Freigabe by a team lead who neither wrote nor last changed it; renders the final PDF."""
    note = clean_text(note, "kommentar", Label("shared.label_comment"), MAX_COMMENT, multiline=True)
    with ctx.unit_of_work() as uow:
        letter = load_notice(uow, letter_id, version)
        # One UPDATE with status, reviewer and final PDF (no flush in between): the server checks the
        # approval as a whole (abh_desk.pg_sessions).
        with uow.session.no_autoflush:
            step(uow, letter, NoticeAction.APPROVE, kommentar=note)
            case = _reviewable(uow, letter)
            require_usable_remedy(uow.session)
            data = from_json(LetterKind.REJECTION.value, letter.data_json)
            assert isinstance(data, RejectionData)
            check_addressees(uow, letter, uow.today)
            status = status_on(uow.session, case, uow.today)
            if status.case.value != data.status_case:
                raise ValidationError("notice_review.status_changed", field="status", reason=status.reason)
            # The lead approves the draft they saw: rendered again now (text blocks, letterhead), it must
            # be the very same PDF, or an administrator changed the text since it was saved.
            if hashlib.sha256(render_letter(LetterKind.REJECTION, data, uow.session)).hexdigest() != letter.pdf_sha256:
                raise ValidationError("notice_review.text_changed", field="textbausteine")
            final = replace(data, draft=False)
            pdf = render_letter(LetterKind.REJECTION, final, uow.session)
            letter.data_json, letter.pdf, letter.pdf_sha256 = to_json(final), pdf, hashlib.sha256(pdf).hexdigest()
            letter.reviewed_by_id, letter.reviewed_at = ctx.actor.user_id, uow.now
            letter.review_comment = note or None
            letter.returned_data_json = None
        uow.commit()


def check_return_comment(comment: str) -> str:
    """The lead's comment at a return, as stored; ValidationError when empty or too long."""
    comment = clean_text(comment, "kommentar", Label("shared.label_comment"), MAX_COMMENT, multiline=True)
    if len(comment) < 5:
        raise ValidationError("notice_review.return_comment_missing", field="kommentar")
    return comment


def return_to_author(ctx: ServiceContext, letter_id: int, version: int, comment: str) -> None:
    """Zurückgeben with the lead's comment; the caseworker then sees what they changed since."""
    comment = check_return_comment(comment)
    with ctx.unit_of_work() as uow:
        letter = load_notice(uow, letter_id, version)
        step(uow, letter, NoticeAction.RETURN, kommentar=comment)
        _reviewable(uow, letter)
        letter.reviewed_by_id, letter.reviewed_at = ctx.actor.user_id, uow.now
        letter.review_comment = comment
        letter.returned_data_json = letter.data_json
        letter.submitted_at = None
        uow.commit()


@dataclass(frozen=True)
class ReviewRow:
    """A notice in the lead's queue, with the case's essentials."""

    letter_id: int
    version: int
    case_id: int
    file_number: str
    person_name: str
    procedure: str
    author: str
    submitted_at: datetime
    age_days: int
    overdue: bool
    grounds: str
    hearing: str
    status: LetterStatus
    status_label: str
    comment: str


def review_queue(ctx: ServiceContext) -> list[ReviewRow]:
    """The notices waiting for this team lead, oldest first (empty for anyone else)."""
    with ctx.db.read() as session:
        reviews, area_id = lead_scope(session, ctx.actor)
    if not reviews:
        return []
    condition = Letter.status == LetterStatus.IN_REVIEW.value
    rows = _rows(ctx, condition if area_id is None else condition & (Case.area_id == area_id))
    note_read(ctx, "pruefliste_gelesen", "bescheide", liste="zur_pruefung", zeilen=len(rows))
    return rows


def my_notices(ctx: ServiceContext) -> list[ReviewRow]:
    """The caseworker's own rejections not yet sent; returned ones first, with the lead's comment."""
    in_work = [status.value for status in IN_WORK]
    rows = _rows(ctx, Letter.status.in_(in_work) & (Letter.created_by_id == ctx.actor.user_id))
    if rows:
        note_read(ctx, "pruefliste_gelesen", "bescheide", liste="eigene", zeilen=len(rows))
    return sorted(rows, key=lambda row: row.status != LetterStatus.RETURNED)


def _rows(ctx: ServiceContext, condition: ColumnElement[bool]) -> list[ReviewRow]:
    today = ctx.today()
    with ctx.db.read() as session:
        blocks = office_textblocks(session)
        titles = {key: blocks.text(f"ablehnungsgrund.{key}.titel") for key in blocks.ground_keys()}
        query = (
            select(Letter, Case, Person, User.display_name)
            .join(Case, Case.id == Letter.case_id)
            .join(Person, Person.id == Case.person_id)
            .outerjoin(User, User.id == Letter.created_by_id)
            .where(Letter.kind == LetterKind.REJECTION.value, condition)
            .order_by(Letter.submitted_at, Letter.id)
        )
        rows = []
        for letter, case, person, author in session.execute(query).all():
            data = json.loads(letter.data_json)
            submitted = letter.submitted_at or letter.created_at
            age = (today - office_day(submitted)).days
            status = LetterStatus(letter.status)
            rows.append(
                ReviewRow(
                    letter_id=letter.id,
                    version=letter.version,
                    case_id=case.id,
                    file_number=case.file_number,
                    person_name=f"{person.family_name}, {person.given_names}",
                    procedure=ctx.catalogue.name_of(case.procedure_key),
                    author=author or "System",
                    submitted_at=submitted,
                    age_days=age,
                    overdue=status == LetterStatus.IN_REVIEW and age > REVIEW_DAYS,
                    grounds="; ".join(titles.get(ground["key"], ground["key"]) for ground in data.get("grounds", [])),
                    hearing=_hearing_text(letter),
                    status=status,
                    status_label=STATUS_LABELS[status],
                    comment=letter.review_comment or "",
                )
            )
        return rows


def _hearing_text(letter: Letter) -> str:
    if letter.statement_received_on:
        return f"Anhörung, Stellungnahme vom {letter.statement_received_on:%d.%m.%Y}"
    if letter.hearing_letter_id:
        return "Anhörung erfolgt, keine Stellungnahme"
    if letter.hearing_waiver_reason:
        return f"entbehrlich – {letter.hearing_waiver_reason}"
    return "noch nicht angehört"


@dataclass(frozen=True)
class ReviewCounts:
    pending: int
    overdue: int
    returned_to_me: int


def review_counts(ctx: ServiceContext) -> ReviewCounts:
    """For the start page: notices waiting for me (a lead) and my drafts returned to me."""
    today = ctx.today()
    with ctx.db.read() as session:
        reviews, area_id = lead_scope(session, ctx.actor)
        pending = overdue = 0
        if reviews:
            limit = office_time(today - timedelta(days=REVIEW_DAYS), time.min)
            query = (
                select(func.count(), func.count().filter(Letter.submitted_at < limit))
                .select_from(Letter)
                .join(Case, Case.id == Letter.case_id)
                .where(Letter.kind == LetterKind.REJECTION.value, Letter.status == LetterStatus.IN_REVIEW.value)
            )
            if area_id is not None:
                query = query.where(Case.area_id == area_id)
            pending, overdue = session.execute(query).one()
        returned = (
            session.scalar(
                select(func.count())
                .select_from(Letter)
                .where(
                    Letter.kind == LetterKind.REJECTION.value,
                    Letter.status == LetterStatus.RETURNED.value,
                    Letter.created_by_id == ctx.actor.user_id,
                )
            )
            or 0
        )
        return ReviewCounts(pending, overdue, returned)
