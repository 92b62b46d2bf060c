"""Rejection notices (Ablehnungsbescheide) on their four-eyes path: the shared core — loading a
notice for a step, checking and logging the step, and the notice as the window shows it.

The steps themselves: drafting and hearing in ``rejections``, review in ``notice_review``,
dispatch, finality and remedies in ``notice_dispatch``. Each step runs ``step()`` first, which
asks ``domain.notice_flow.check`` — so the rules hold for every caller, not only for the buttons.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from abh_desk.domain.enums import LetterKind, LetterStatus
from abh_desk.domain.money import euro
from abh_desk.domain.notice_flow import (
    ACTION_LABELS,
    OUTCOME_LABELS,
    REMEDY_LABELS,
    STATUS_LABELS,
    NoticeAction,
    RemedyKind,
    RemedyOutcome,
    allowed_actions,
    check,
    releasable,
)
from abh_desk.errors import NotFound, StaleRecord, ValidationError
from abh_desk.services.case_access import leads_area, require_case_access
from abh_desk.services.context import Actor, ServiceContext, UnitOfWork
from abh_desk.services.read_log import note_read
from letters.data import STATUS_WITHOUT_DUTY_TO_LEAVE
from models import AuditEvent, Case, Letter, Person, User

#: Fields of the notice's data a reviewer cares about, with their German names (for "what changed").
FIELD_LABELS = {
    "facts": "Sachverhalt",
    "grounds": "Ablehnungsgründe",
    "exit_period_days": "Ausreisefrist (Tage)",
    "target_state": "Zielstaat",
    "fee_cents": "Gebühr",
    "entry_ban_months": "Einreise- und Aufenthaltsverbot (Monate)",
    "entry_ban_reasons": "Erwägungen zum Einreiseverbot",
    "eu_or_arb_exception": "Unionsbürger/ARB 1/80",
    "finding_deportation_bars": "Abschiebungsverbote",
    "finding_child_welfare": "Kindeswohl",
    "finding_family_ties": "Familiäre Bindungen",
    "finding_health": "Gesundheitszustand",
    "deportation_assessment": "Weitere Erwägungen zur Abschiebungsandrohung",
    "hearing_date": "Datum der Anhörung",
    "applied_for": "Beantragter Titel",
    "represented": "Gesetzliche Vertretung",
}
NOTICE_ENTITY = "letter"


def load_notice(uow: UnitOfWork, letter_id: int, version: int | None = None) -> Letter:
    """The rejection notice for a step; StaleRecord when someone else changed it since ``version``."""
    letter = uow.session.get(Letter, letter_id, with_for_update=True)
    if letter is None or letter.kind != LetterKind.REJECTION.value:
        raise NotFound("notices.not_found", letter_id=letter_id)
    case = uow.session.get(Case, letter.case_id)
    assert case is not None
    require_case_access(uow.session, uow.ctx.actor, case, uow.today)
    if version is not None and letter.version != version:
        who = uow.session.get(User, letter.last_edited_by_id or letter.reviewed_by_id or letter.created_by_id or 0)
        status = STATUS_LABELS[LetterStatus(letter.status)]
        if who is None:
            raise StaleRecord("notices.changed_meanwhile", status=status)
        raise StaleRecord("notices.changed_meanwhile_by", status=status, changed_by=who.display_name)
    return letter


def step(
    uow: UnitOfWork, letter: Letter, action: NoticeAction, to: LetterStatus | None = None, **payload: Any
) -> LetterStatus:
    """Check ``action`` against the rules, move the notice on and log who did it, in this transaction.

    ``to`` overrides where an allowed step leads (a remedy's outcome decides that)."""
    actor = uow.ctx.actor
    before = LetterStatus(letter.status)
    after = check(
        action,
        before,
        role=actor.role,
        actor_id=actor.user_id,
        author_id=letter.created_by_id,
        editors=editors_of(uow.session, letter),
    )
    after = to or after
    letter.status = after.value
    uow.audit(
        f"bescheid_{action.value}",
        NOTICE_ENTITY,
        letter.id,
        case_id=letter.case_id,
        alt=before.value,
        neu=after.value,
        **payload,
    )
    return after


@dataclass(frozen=True)
class NoticeStep:
    when: datetime
    who: str
    what: str
    details: str


@dataclass(frozen=True)
class Change:
    field: str
    label: str
    before: str
    after: str


@dataclass(frozen=True)
class NoticeView:
    """A rejection notice as the window shows it, with what this user may do now."""

    id: int
    version: int
    case_id: int
    file_number: str
    person_name: str
    status: LetterStatus
    status_label: str
    data: dict[str, Any]
    author: str
    author_id: int | None
    reviewer: str
    review_comment: str
    hearing_waiver_reason: str
    hearing_letter_id: int | None
    statement_received_on: date | None
    submitted_at: datetime | None
    posted_on: date | None
    dispatch_method: str
    delivered_on: date | None
    notification_date: date | None
    remedy: str
    remedy_received_on: date | None
    remedy_outcome: str
    final_on: date | None
    final_pdf: bool
    actions: frozenset[NoticeAction]
    changes_since_return: tuple[Change, ...]
    steps: tuple[NoticeStep, ...]
    addressing_problem: ValidationError | None = None
    """Why the notice cannot go out as addressed today (a minor without legal representatives …)."""

    @property
    def duty_to_leave(self) -> bool:
        """The notice orders departure (the person keeps no valid title on the day of the decision)."""
        return str(self.data.get("status_case", "ohne_titel")) not in STATUS_WITHOUT_DUTY_TO_LEAVE

    @property
    def fee_text(self) -> str:
        """The fee and its provisions, e.g. 56,50 EUR (§ 49 Abs. 1, § 44 Nr. 3 AufenthV)."""
        return f"{euro(int(self.data.get('fee_cents', 0)))} ({self.data.get('fee_legal_basis', '')})"


def _plain(value: Any, titles: Mapping[str, str]) -> str:
    if isinstance(value, list):
        return "; ".join(_plain(item, titles) for item in value)
    if isinstance(value, dict) and "key" in value:  # a ground of refusal: its title, never its key
        title = titles.get(str(value["key"]), str(value["key"]))
        return f"{title}: {value['details']}" if value.get("details") else title
    if isinstance(value, dict):
        return " – ".join(str(v) for v in value.values() if v not in (None, ""))
    return "" if value is None else str(value)


def ground_titles(session: Session) -> dict[str, str]:
    """Key → title of every ground of refusal in the office's text blocks."""
    from abh_desk.services.textblocks import office_textblocks  # the text blocks need the letters

    blocks = office_textblocks(session)
    return {key: blocks.text(f"ablehnungsgrund.{key}.titel") for key in blocks.ground_keys()}


def changes_between(old_json: str | None, new_json: str, titles: Mapping[str, str] | None = None) -> tuple[Change, ...]:
    """The reviewer-relevant fields that differ between two stored versions of a notice's data."""
    if not old_json:
        return ()
    old, new = json.loads(old_json), json.loads(new_json)
    return tuple(
        Change(field, label, _plain(old.get(field), titles or {}), _plain(new.get(field), titles or {}))
        for field, label in FIELD_LABELS.items()
        if old.get(field) != new.get(field)
    )


def read_notice(session: Session, actor: Actor, letter_id: int, today: date) -> tuple[Letter, Case]:
    """A rejection notice and its case, for reading — with the case's access check on ``today``."""
    letter = session.get(Letter, letter_id)
    if letter is None or letter.kind != LetterKind.REJECTION.value:
        raise NotFound("notices.not_found", letter_id=letter_id)
    case = session.get(Case, letter.case_id)
    assert case is not None
    require_case_access(session, actor, case, today)
    return letter, case


def notice_view(ctx: ServiceContext, letter_id: int) -> NoticeView:
    with ctx.db.read() as session:
        letter, case = read_notice(session, ctx.actor, letter_id, ctx.today())
        person = session.get(Person, case.person_id)
        names = dict(session.execute(select(User.id, User.display_name)).all())
        events = session.scalars(
            select(AuditEvent)
            .where(
                AuditEvent.entity == NOTICE_ENTITY,
                AuditEvent.entity_id == letter.id,
                AuditEvent.action.not_like("%\\_gelesen", escape="\\"),  # reads: the audit trail's, not steps
            )
            .order_by(AuditEvent.occurred_at, AuditEvent.id)
        ).all()
        status = LetterStatus(letter.status)
        actor = ctx.actor
        note_read(ctx, "bescheid_gelesen", NOTICE_ENTITY, letter.id, case.id)
        return NoticeView(
            id=letter.id,
            version=letter.version,
            case_id=case.id,
            file_number=case.file_number,
            person_name=f"{person.family_name}, {person.given_names}" if person else "",
            status=status,
            status_label=STATUS_LABELS[status],
            data=json.loads(letter.data_json),
            author=names.get(letter.created_by_id or 0, "System"),
            author_id=letter.created_by_id,
            reviewer=names.get(letter.reviewed_by_id or 0, ""),
            review_comment=letter.review_comment or "",
            hearing_waiver_reason=letter.hearing_waiver_reason or "",
            hearing_letter_id=letter.hearing_letter_id,
            statement_received_on=letter.statement_received_on,
            submitted_at=letter.submitted_at,
            posted_on=letter.posted_on,
            dispatch_method=letter.dispatch_method or "",
            delivered_on=letter.delivered_on,
            notification_date=letter.notification_date,
            remedy=_remedy_label(letter),
            remedy_received_on=letter.remedy_received_on,
            remedy_outcome=OUTCOME_LABELS[RemedyOutcome(letter.remedy_outcome)] if letter.remedy_outcome else "",
            final_on=letter.final_on,
            final_pdf=releasable(status),
            actions=allowed_actions(
                status,
                role=actor.role,
                actor_id=actor.user_id,
                author_id=letter.created_by_id,
                editors=editors_of(session, letter, events),
            )
            - ({NoticeAction.APPROVE, NoticeAction.RETURN} if not may_review(session, actor, case) else set()),
            changes_since_return=(
                changes_between(letter.returned_data_json, letter.data_json, ground_titles(session))
                if letter.returned_data_json
                and status in (LetterStatus.RETURNED, LetterStatus.DRAFT, LetterStatus.HEARING, LetterStatus.IN_REVIEW)
                else ()
            ),
            steps=tuple(_step_of(event, names) for event in events),
            addressing_problem=_addressing_problem(session, letter, person, ctx.today()),
        )


#: Until it is sent, a notice is checked against the person's representation on each showing.
NOT_YET_SENT = (
    LetterStatus.DRAFT,
    LetterStatus.HEARING,
    LetterStatus.IN_REVIEW,
    LetterStatus.RETURNED,
    LetterStatus.APPROVED,
)


def _addressing_problem(session: Session, letter: Letter, person: Person | None, today: date) -> ValidationError | None:
    from abh_desk.services.notice_addressing import representation_changed  # it needs the letters
    from letters.serialize import from_json

    if person is None or LetterStatus(letter.status) not in NOT_YET_SENT:
        return None
    try:
        return representation_changed(from_json(LetterKind.REJECTION.value, letter.data_json), session, person, today)
    except ValidationError as exc:  # e.g. the person's address was removed since: the view still opens
        return exc


def _remedy_label(letter: Letter) -> str:
    if not letter.remedy_kind:
        return ""
    label = REMEDY_LABELS[RemedyKind(letter.remedy_kind)]
    final, received = letter.final_on, letter.remedy_received_on
    return f"{label} (verspätet)" if final is not None and received is not None and received >= final else label


def _step_of(event: AuditEvent, names: dict[int, str]) -> NoticeStep:
    payload = json.loads(event.payload_json or "{}")
    action = event.action.removeprefix("bescheid_")
    if action == "schreiben_erstellt":
        return NoticeStep(event.occurred_at, names.get(event.user_id or 0, "System"), "Entwurf angelegt", "")
    try:
        what: str = ACTION_LABELS[NoticeAction(action)]
    except ValueError:
        what = action.replace("_", " ")
    details = payload.get("kommentar") or payload.get("grund") or payload.get("details") or ""
    return NoticeStep(event.occurred_at, names.get(event.user_id or 0, "System"), what, str(details))


def editors_of(session: Session, letter: Letter, events: Sequence[AuditEvent] | None = None) -> frozenset[int]:
    """Everyone who saved a change to the notice (its author, every later editor): co-authors all.

    ``events``: the notice's log entries where the caller has read them already."""
    edit = f"bescheid_{NoticeAction.EDIT.value}"
    if events is None:
        events = session.scalars(
            select(AuditEvent).where(
                AuditEvent.entity == NOTICE_ENTITY, AuditEvent.entity_id == letter.id, AuditEvent.action == edit
            )
        ).all()
    ids = {event.user_id for event in events if event.action == edit and event.user_id is not None}
    ids.update(i for i in (letter.created_by_id, letter.last_edited_by_id) if i is not None)
    return frozenset(ids)


def may_review(session: Session, actor: Actor, case: Case) -> bool:
    """A team lead reviews the notices of their own area (a lead without an area: all areas)."""
    return leads_area(session, actor, case.area_id)
