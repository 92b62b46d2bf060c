"""Bewilligung: the grant of an application records the residence title (kind, legal basis, valid
from/until checked against the catalogue and the law, Nebenbestimmungen) and the fee charged,
ends the old title's expiry reminder, starts the new one's — and only then may the eAT be ordered.

Where the office wants four eyes on grants (``grant_review``), the caseworker submits the grant and
a team lead of the area other than the proposer approves it (then it takes effect) or returns it
with a comment. Every step is logged; the rules are ``domain.grants`` and ``domain.case_flow``.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, replace
from datetime import date, datetime

from sqlalchemy import or_, select
from sqlalchemy.orm import Session, aliased

from abh_desk.domain.case_flow import CaseAction, allowed_actions, check
from abh_desk.domain.catalogue import Fees, ProcedureType
from abh_desk.domain.checklist import ADULT_AGE
from abh_desk.domain.enums import (
    CASE_STATUS_LABELS,
    CaseStatus,
    DeadlineKind,
    DeadlineStatus,
    LetterKind,
    LetterStatus,
    Role,
)
from abh_desk.domain.grants import (
    GRANT_STATUS_LABELS,
    FeeSuggestion,
    GrantStatus,
    TitleTerms,
    latest_end,
    months_between,
    needs_review,
    suggested_fee,
    validity_errors,
)
from abh_desk.domain.money import euro
from abh_desk.domain.notice_flow import STATUS_LABELS as NOTICE_STATUS_LABELS
from abh_desk.domain.text import clean_text
from abh_desk.error_texts import Label
from abh_desk.errors import NotFound, PermissionDenied, ValidationError, raise_all
from abh_desk.services.card_records import card_refusal
from abh_desk.services.case_access import lead_scope, leads_area, readable_case
from abh_desk.services.case_status import (
    load_case,
    missing_documents,
    missing_message,
    move,
    open_checks,
    open_checks_message,
    pending_grant,
)
from abh_desk.services.changes import stale_record
from abh_desk.services.context import ServiceContext, UnitOfWork
from abh_desk.services.deadlines import close_deadline, sync_title_reminder
from abh_desk.services.office import read_office_settings
from abh_desk.services.queries import person_age
from models import Case, Deadline, Grant, Letter, Person, ResidenceTitle, User

MAX_KIND = 100
MAX_CONDITIONS = 5_000
MAX_REASON = 2_000
MAX_FEE_CENTS = 100_000_00
#: A rejection in these states is being decided by someone: no grant meanwhile.
REJECTION_UNDER_WAY = (LetterStatus.IN_REVIEW, LetterStatus.APPROVED)


@dataclass(frozen=True)
class GrantInput:
    """What the caseworker decides. Empty kind or legal basis: the catalogue's; no fee: the suggested one."""

    valid_from: date | None = None
    valid_until: date | None = None
    kind: str = ""
    legal_basis: str = ""
    conditions: str = ""
    fee_cents: int | None = None
    fee_reason: str = ""
    decided_on: date | None = None


@dataclass(frozen=True)
class GrantInfo:
    id: int
    version: int
    case_id: int
    status: GrantStatus
    status_label: str
    kind: str
    legal_basis: str
    valid_from: date | None
    valid_until: date | None
    conditions: str
    fee_cents: int | None
    fee_reason: str
    card: bool
    proposed_by: str
    proposed_at: datetime
    reviewed_by: str
    reviewed_at: datetime | None
    review_comment: str
    decided_on: date | None
    title_id: int | None

    @property
    def summary(self) -> str:
        """ "Aufenthaltserlaubnis nach § 16d AufenthG, gültig 01.12.2026 bis 31.05.2028"."""
        if not self.kind:
            return "Bewilligt (ohne Aufenthaltstitel)"
        text = f"{self.kind} nach {self.legal_basis}"
        if self.valid_from:
            text += f", gültig ab {self.valid_from:%d.%m.%Y}"
            text += f" bis {self.valid_until:%d.%m.%Y}" if self.valid_until else ", unbefristet"
        return text

    @property
    def fee_text(self) -> str:
        return euro(self.fee_cents) if self.fee_cents is not None else "–"


@dataclass(frozen=True)
class GrantForm:
    """What the grant dialog shows and fills in before the caseworker types anything."""

    case_id: int
    version: int
    file_number: str
    person_name: str
    procedure_name: str
    status: CaseStatus
    terms: TitleTerms
    valid_from: date
    valid_until: date | None
    """Suggested: the longest the catalogue allows from ``valid_from`` (None: unlimited, or no maximum)."""
    fees: Fees
    minor: bool
    extension: bool
    fee: FeeSuggestion
    needs_review: bool
    missing: tuple[str, ...]
    refusal: ValidationError | None
    """Why the case cannot be granted now (None when it can)."""

    @property
    def blocked(self) -> str:
        """The refusal in German ("" when the case can be granted)."""
        return self.refusal.text("de") if self.refusal is not None else ""

    def fee_for(self, valid_from: date, valid_until: date | None) -> FeeSuggestion:
        months = months_between(valid_from, valid_until) if valid_until and valid_until >= valid_from else None
        return suggested_fee(self.fees, self.minor, self.extension, months)

    def latest_until(self, valid_from: date) -> date | None:
        return latest_end(valid_from, self.terms.max_months) if self.terms.max_months else None


@dataclass(frozen=True)
class GrantResult:
    grant: GrantInfo
    in_force: bool
    """True: the title is granted; False: submitted to a team lead for approval."""


@dataclass(frozen=True)
class PendingGrant:
    """A grant waiting for a team lead's approval (for the lead's start page)."""

    grant_id: int
    version: int
    case_id: int
    file_number: str
    person_name: str
    summary: str
    proposed_by: str
    proposed_at: datetime
    own: bool
    """Proposed by the user looking at it (who may not approve it)."""


@dataclass(frozen=True)
class CaseDecision:
    """The case's state and what this user may do with it, for the window's Entscheidung tab."""

    case_id: int
    version: int
    status: CaseStatus
    status_label: str
    decided_on: date | None
    outcome_note: str
    actions: frozenset[CaseAction]
    grants: tuple[GrantInfo, ...]
    pending: GrantInfo | None
    may_review: bool
    needs_review: bool
    card_refusal: ValidationError | None
    """None where an eAT may be ordered for the case, otherwise why not."""
    recorded_titles: tuple[str, ...] = ()
    """Titles of the case recorded without a grant of this program (taken over, or entered by hand)."""


# --- reading ----------------------------------------------------------------------------------


def case_facts_of(case: Case) -> list[str]:
    """The facts the caseworker recorded on the case (language course, after studies in Germany …)."""
    return list(json.loads(case.facts_json or "[]"))


def _procedure(ctx: ServiceContext, case: Case) -> ProcedureType:
    try:
        return ctx.catalogue.get(case.procedure_key)
    except NotFound:
        raise ValidationError(
            "grants.procedure_not_in_catalogue", field="vorgang", procedure=case.procedure_key
        ) from None


def _names(session: Session, ids: set[int | None]) -> dict[int, str]:
    wanted = {i for i in ids if i is not None}
    if not wanted:
        return {}
    rows = session.execute(select(User.id, User.display_name).where(User.id.in_(wanted))).all()
    return {int(user_id): str(name) for user_id, name in rows}


def _info(grant: Grant, names: dict[int, str]) -> GrantInfo:
    status = GrantStatus(grant.status)
    return GrantInfo(
        id=grant.id,
        version=grant.version,
        case_id=grant.case_id,
        status=status,
        status_label=GRANT_STATUS_LABELS[status],
        kind=grant.title_kind or "",
        legal_basis=grant.legal_basis or "",
        valid_from=grant.valid_from,
        valid_until=grant.valid_until,
        conditions=grant.conditions or "",
        fee_cents=grant.fee_cents,
        fee_reason=grant.fee_reason or "",
        card=grant.card,
        proposed_by=names.get(grant.proposed_by_id or 0, "System") if grant.proposed_by_id else "System",
        proposed_at=grant.proposed_at,
        reviewed_by=names.get(grant.reviewed_by_id or 0, "") if grant.reviewed_by_id else "",
        reviewed_at=grant.reviewed_at,
        review_comment=grant.review_comment or "",
        decided_on=grant.decided_on,
        title_id=grant.title_id,
    )


def _grants_of(session: Session, case_id: int) -> list[GrantInfo]:
    grants = list(session.scalars(select(Grant).where(Grant.case_id == case_id).order_by(Grant.id.desc())))
    names = _names(session, {g.proposed_by_id for g in grants} | {g.reviewed_by_id for g in grants})
    return [_info(g, names) for g in grants]


def _holds_same_kind(session: Session, case: Case, kind: str) -> bool:
    """An extension: the person held a title of this kind when applying (or still holds it)."""
    if not kind:
        return False
    for title in session.scalars(select(ResidenceTitle).where(ResidenceTitle.person_id == case.person_id)):
        if (
            title.kind.casefold() == kind.casefold()
            and title.case_id != case.id
            and title.valid_from <= case.applied_on
            and (title.valid_until is None or title.valid_until >= case.applied_on)
        ):
            return True
    return False


def _default_start(session: Session, person_id: int, today: date) -> date:
    """The day after the title the person holds now ends (a seamless extension), else today."""
    latest = session.scalars(
        select(ResidenceTitle)
        .where(ResidenceTitle.person_id == person_id)
        .order_by(ResidenceTitle.valid_from.desc(), ResidenceTitle.id.desc())
        .limit(1)
    ).first()
    if latest is not None and latest.valid_until is not None and latest.valid_until >= today:
        return date.fromordinal(latest.valid_until.toordinal() + 1)
    return today


def _blocked(session: Session, case: Case, missing: list[str], checks: list[str]) -> ValidationError | None:
    status = CaseStatus(case.status)
    try:
        check(CaseAction.GRANT, status)
    except ValidationError as exc:
        return exc
    if pending_grant(session, case.id) is not None:
        return ValidationError("grants.already_in_review", field="status")
    rejection = session.scalar(
        select(Letter.status).where(
            Letter.case_id == case.id,
            Letter.kind == LetterKind.REJECTION.value,
            Letter.status.in_([s.value for s in REJECTION_UNDER_WAY]),
        )
    )
    if rejection is not None:
        label = NOTICE_STATUS_LABELS[LetterStatus(rejection)]
        return ValidationError("grants.rejection_under_way", field="status", status=label)
    if missing:
        return missing_message(missing, Label("grants.label_grant"))
    if checks:
        return open_checks_message(checks, Label("grants.label_grant"))
    return None


def grant_form(ctx: ServiceContext, case_id: int) -> GrantForm:
    today = ctx.today()
    with ctx.db.read() as session:
        case = readable_case(session, ctx.actor, case_id, today)
        person = session.get(Person, case.person_id)
        assert person is not None
        procedure = _procedure(ctx, case)
        terms = TitleTerms.of(procedure, case_facts_of(case))
        start = _default_start(session, person.id, today)
        until = latest_end(start, terms.max_months) if terms.max_months and not terms.unlimited else None
        age = person_age(person, case.applied_on)
        minor = age is not None and age < ADULT_AGE
        extension = _holds_same_kind(session, case, terms.kind) or "VERLAENGERUNG" in case.procedure_key
        months = months_between(start, until) if until else None
        missing = missing_documents(session, case, today)
        policy = read_office_settings(session).grant_review
        return GrantForm(
            case_id=case.id,
            version=case.version,
            file_number=case.file_number,
            person_name=f"{person.family_name}, {person.given_names}".rstrip(", "),
            procedure_name=procedure.name,
            status=CaseStatus(case.status),
            terms=terms,
            valid_from=start,
            valid_until=until,
            fees=procedure.fees,
            minor=minor,
            extension=extension,
            fee=suggested_fee(procedure.fees, minor, extension, months),
            needs_review=needs_review(policy, terms.unlimited),
            missing=tuple(missing),
            refusal=_blocked(session, case, missing, open_checks(session, case, today)),
        )


def case_decision(ctx: ServiceContext, case_id: int) -> CaseDecision:
    today = ctx.today()
    actor = ctx.actor
    with ctx.db.read() as session:
        case = readable_case(session, actor, case_id, today)
        grants = _grants_of(session, case.id)
        pending = next((g for g in grants if g.status == GrantStatus.IN_REVIEW), None)
        status = CaseStatus(case.status)
        casework = actor.user_id is None or actor.role in (Role.CASEWORKER, Role.TEAM_LEAD)
        actions = allowed_actions(status) if casework else frozenset()
        if pending is not None:
            actions -= {CaseAction.GRANT, CaseAction.RESUME}
        try:
            procedure = ctx.catalogue.get(case.procedure_key)
            unlimited = procedure.unlimited
        except NotFound:
            unlimited = False
        policy = read_office_settings(session).grant_review
        granted_ids = {g.title_id for g in grants if g.title_id is not None}
        recorded = tuple(
            f"{t.kind} nach {t.legal_basis}, gültig ab {t.valid_from:%d.%m.%Y}"
            + (f" bis {t.valid_until:%d.%m.%Y}" if t.valid_until else ", unbefristet")
            for t in session.scalars(
                select(ResidenceTitle).where(ResidenceTitle.case_id == case.id).order_by(ResidenceTitle.valid_from)
            )
            if t.id not in granted_ids
        )
        return CaseDecision(
            case_id=case.id,
            version=case.version,
            status=status,
            status_label=CASE_STATUS_LABELS[status],
            decided_on=case.decided_on,
            outcome_note=case.outcome_note or "",
            actions=actions,
            grants=tuple(grants),
            pending=pending,
            may_review=pending is not None
            and leads_area(session, actor, case.area_id)
            and pending_proposer(session, pending.id) != actor.user_id,
            needs_review=needs_review(policy, unlimited),
            card_refusal=card_refusal(ctx, case),
            recorded_titles=recorded,
        )


def pending_proposer(session: Session, grant_id: int) -> int | None:
    return session.scalar(select(Grant.proposed_by_id).where(Grant.id == grant_id))


def pending_grants(ctx: ServiceContext) -> list[PendingGrant]:
    """Grants waiting for approval in the team lead's area (every area for a lead without one)."""
    with ctx.db.read() as session:
        is_lead, area_id = lead_scope(session, ctx.actor)
        if not is_lead:
            return []
        proposer = aliased(User)
        stmt = (
            select(Grant, Case.file_number, Person.family_name, Person.given_names, proposer.display_name)
            .join(Case, Case.id == Grant.case_id)
            .join(Person, Person.id == Case.person_id)
            .outerjoin(proposer, proposer.id == Grant.proposed_by_id)
            .where(Grant.status == GrantStatus.IN_REVIEW.value)
            .order_by(Grant.proposed_at, Grant.id)
        )
        if area_id is not None:
            stmt = stmt.where(Case.area_id == area_id)
        return [
            PendingGrant(
                grant_id=grant.id,
                version=grant.version,
                case_id=grant.case_id,
                file_number=file_number,
                person_name=f"{family}, {given}".rstrip(", "),
                summary=_info(grant, {}).summary,
                proposed_by=who or "System",
                proposed_at=grant.proposed_at,
                own=grant.proposed_by_id is not None and grant.proposed_by_id == ctx.actor.user_id,
            )
            for grant, file_number, family, given, who in session.execute(stmt)
        ]


# --- deciding ---------------------------------------------------------------------------------


def _checked_input(
    uow: UnitOfWork, case: Case, procedure: ProcedureType, given: GrantInput
) -> tuple[GrantInput, TitleTerms, list[ValidationError]]:
    """The input as stored (texts cleaned, defaults filled in) and everything wrong with it."""
    errors: list[ValidationError] = []
    terms = TitleTerms.of(procedure, case_facts_of(case))
    decided_on = given.decided_on or uow.today

    def clean(value: str, field: str, label: Label, limit: int, multiline: bool = False) -> str:
        try:
            return clean_text(value, field, label, limit, multiline=multiline)
        except ValidationError as exc:
            errors.append(exc)
            return ""

    kind = clean(given.kind, "titel", Label("shared.label_kind"), MAX_KIND) or terms.kind
    basis = (
        clean(given.legal_basis, "rechtsgrundlage", Label("shared.label_legal_basis"), MAX_KIND) or terms.legal_basis
    )
    conditions = clean(given.conditions, "nebenbestimmungen", Label("shared.label_conditions"), MAX_CONDITIONS, True)
    fee_reason = clean(given.fee_reason, "gebuehr_grund", Label("grants.label_fee_reason"), MAX_REASON, True)
    if decided_on > uow.today:
        errors.append(ValidationError("shared.decision_in_future", field="entschieden_am"))
    elif decided_on < case.applied_on:
        errors.append(
            ValidationError("grants.decision_before_application", field="entschieden_am", applied_on=case.applied_on)
        )
    terms = replace(terms, kind=kind, legal_basis=basis) if terms.has_title else terms
    valid_from, valid_until = given.valid_from, given.valid_until
    if terms.has_title:
        errors += validity_errors(terms, valid_from, valid_until, decided_on)
    else:
        valid_from = valid_until = None
    person = uow.session.get(Person, case.person_id)
    assert person is not None
    age = person_age(person, case.applied_on)
    extension = _holds_same_kind(uow.session, case, terms.kind) or "VERLAENGERUNG" in case.procedure_key
    months = (
        months_between(valid_from, valid_until) if valid_from and valid_until and valid_until >= valid_from else None
    )
    suggestion = suggested_fee(procedure.fees, age is not None and age < ADULT_AGE, extension, months)
    fee = suggestion.cents if given.fee_cents is None else given.fee_cents
    if fee is not None and not 0 <= fee <= MAX_FEE_CENTS:
        errors.append(ValidationError("grants.fee_out_of_range", field="gebuehr"))
    elif fee != suggestion.cents and not fee_reason:
        errors.append(
            ValidationError("grants.fee_differs_from_none", field="gebuehr_grund", basis=suggestion.basis)
            if suggestion.cents is None
            else ValidationError(
                "grants.fee_differs", field="gebuehr_grund", basis=suggestion.basis, expected=euro(suggestion.cents)
            )
        )
    cleaned = GrantInput(valid_from, valid_until, kind, basis, conditions, fee, fee_reason, decided_on)
    return cleaned, terms, errors


def _reviewers(session: Session, case: Case, proposer: int | None) -> list[int]:
    """Team leads who may approve a grant of the case: active, of its area (or of every area), not the proposer."""
    return list(
        session.scalars(
            select(User.id).where(
                User.role == Role.TEAM_LEAD.value,
                User.active,
                or_(User.area_id == case.area_id, User.area_id.is_(None)),
                User.id != (proposer if proposer is not None else -1),
            )
        )
    )


def grant(ctx: ServiceContext, case_id: int, expected_version: int | None, given: GrantInput) -> GrantResult:
    """Bewilligen: the title takes effect at once — or, where the office wants four eyes on this
    grant, it is submitted to a team lead of the area."""
    with ctx.unit_of_work() as uow:
        case = load_case(uow, case_id, expected_version)
        procedure = _procedure(ctx, case)
        missing = missing_documents(uow.session, case, uow.today)
        checks = open_checks(uow.session, case, uow.today)
        blocked = _blocked(uow.session, case, missing, checks)
        if blocked is not None:
            raise ValidationError.at("unterlagen" if missing else "pruefungen" if checks else "status", blocked)
        cleaned, terms, errors = _checked_input(uow, case, procedure, given)
        raise_all(errors)
        row = Grant(
            case_id=case.id,
            status=GrantStatus.IN_REVIEW.value,
            title_kind=terms.kind or None,
            legal_basis=terms.legal_basis if terms.has_title else None,
            valid_from=cleaned.valid_from,
            valid_until=cleaned.valid_until,
            conditions=cleaned.conditions or None,
            fee_cents=cleaned.fee_cents,
            fee_reason=cleaned.fee_reason or None,
            card=terms.card,
            proposed_by_id=ctx.actor.user_id,
            proposed_at=uow.now,
            decided_on=cleaned.decided_on,
        )
        uow.session.add(row)
        uow.session.flush()
        policy = read_office_settings(uow.session).grant_review
        if needs_review(policy, terms.unlimited):
            if not _reviewers(uow.session, case, ctx.actor.user_id):
                raise ValidationError("grants.no_reviewer", field="status")
            move(uow, case, CaseAction.SUBMIT_GRANT, bewilligung=_info(row, {}).summary)
            uow.audit("bewilligung_vorgelegt", "grant", row.id, case_id=case.id, data=_payload(row))
            uow.commit()
            return GrantResult(_info(row, _names(uow.session, {row.proposed_by_id})), in_force=False)
        _put_in_force(uow, case, row, cleaned.decided_on or uow.today)
        uow.commit()
        return GrantResult(_info(row, _names(uow.session, {row.proposed_by_id})), in_force=True)


def _payload(row: Grant) -> dict[str, object]:
    return {
        "titel": row.title_kind,
        "rechtsgrundlage": row.legal_basis,
        "gueltig_ab": row.valid_from.isoformat() if row.valid_from else None,
        "gueltig_bis": row.valid_until.isoformat() if row.valid_until else ("unbefristet" if row.valid_from else None),
        "nebenbestimmungen": row.conditions,
        "gebuehr": euro(row.fee_cents) if row.fee_cents is not None else None,
        "gebuehr_grund": row.fee_reason,
    }


def _put_in_force(uow: UnitOfWork, case: Case, row: Grant, decided_on: date) -> None:
    """The grant takes effect: the title recorded, the old title's reminder ended and the new one's
    started, the application's deadlines done, the fee charged, the case granted."""
    session = uow.session
    title = None
    if row.title_kind:
        assert row.valid_from is not None and row.legal_basis is not None
        title = ResidenceTitle(
            person_id=case.person_id,
            case_id=case.id,
            kind=row.title_kind,
            legal_basis=row.legal_basis,
            valid_from=row.valid_from,
            valid_until=row.valid_until,
            conditions=row.conditions,
        )
        session.add(title)
        session.flush()
        row.title_id = title.id
        uow.audit(
            "titel_erteilt",
            "residence_title",
            title.id,
            case_id=case.id,
            art=title.kind,
            rechtsgrundlage=title.legal_basis,
            gueltig_ab=title.valid_from.isoformat(),
            gueltig_bis=title.valid_until.isoformat() if title.valid_until else "unbefristet",
            nebenbestimmungen=title.conditions,
        )
        reason = f"Neuer Titel erteilt am {decided_on:%d.%m.%Y} (Vorgang {case.file_number})"
        for reminder in session.scalars(
            select(Deadline)
            .join(Case, Case.id == Deadline.case_id)
            .where(
                Case.person_id == case.person_id,
                Deadline.kind == DeadlineKind.EXPIRY_REMINDER.value,
                Deadline.status == DeadlineStatus.OPEN.value,
                or_(Deadline.title_id.is_(None), Deadline.title_id != title.id),
            )
        ):
            close_deadline(uow, reminder, reason)
        sync_title_reminder(uow, title)
    for deadline in session.scalars(
        select(Deadline).where(
            Deadline.case_id == case.id,
            Deadline.status == DeadlineStatus.OPEN.value,
            Deadline.kind.in_(
                [DeadlineKind.PROCESSING.value, DeadlineKind.HEARING.value, DeadlineKind.FICTION_CERTIFICATE.value]
            ),
        )
    ):
        cancelled = deadline.kind == DeadlineKind.HEARING.value
        close_deadline(
            uow,
            deadline,
            f"Antrag bewilligt am {decided_on:%d.%m.%Y}",
            DeadlineStatus.CANCELLED if cancelled else DeadlineStatus.DONE,
        )
    if row.fee_cents != case.fee_cents:
        uow.audit(
            "gebuehr_festgesetzt",
            "case",
            case.id,
            case_id=case.id,
            gebuehr={
                "alt": euro(case.fee_cents) if case.fee_cents is not None else "–",
                "neu": euro(row.fee_cents) if row.fee_cents is not None else "–",
            },
            grund=row.fee_reason,
        )
        case.fee_cents = row.fee_cents
    row.status, row.decided_on = GrantStatus.GRANTED.value, decided_on
    case.decided_on = decided_on
    move(uow, case, CaseAction.GRANT, bewilligung=_info(row, {}).summary, entschieden_am=decided_on.isoformat())


def _review_target(uow: UnitOfWork, grant_id: int, expected_version: int | None) -> tuple[Grant, Case]:
    row = uow.session.get(Grant, grant_id)
    if row is None:
        raise NotFound("grants.not_found", grant_id=grant_id)
    case = uow.session.get(Case, row.case_id)
    assert case is not None
    actor = uow.ctx.actor
    if not leads_area(uow.session, actor, case.area_id):
        raise PermissionDenied("grants.lead_of_area_only")
    if row.proposed_by_id is not None and row.proposed_by_id == actor.user_id:
        raise PermissionDenied("grants.own_proposal")
    if expected_version is not None and row.version != expected_version:
        raise stale_record(uow.session, Label("grants.stale_grant"), "grant", grant_id, case_id=case.id)
    if row.status != GrantStatus.IN_REVIEW.value:
        raise ValidationError(
            "grants.not_in_review", field="status", status=GRANT_STATUS_LABELS[GrantStatus(row.status)]
        )
    return row, case


def approve_grant(ctx: ServiceContext, grant_id: int, expected_version: int | None = None) -> GrantInfo:
    """Freigabe by a team lead of the area (not the proposer): the grant takes effect today."""
    with ctx.unit_of_work() as uow:
        row, case = _review_target(uow, grant_id, expected_version)
        check(CaseAction.GRANT, CaseStatus(case.status))
        missing = missing_documents(uow.session, case, uow.today)
        if missing:
            raise missing_message(missing, Label("grants.label_release"))
        checks = open_checks(uow.session, case, uow.today)
        if checks:
            raise open_checks_message(checks, Label("grants.label_release"))
        terms = TitleTerms(row.title_kind or "", row.legal_basis or "", _procedure(ctx, case).unlimited, None, row.card)
        if terms.has_title:
            raise_all(validity_errors(terms, row.valid_from, row.valid_until, uow.today))
        row.reviewed_by_id, row.reviewed_at = ctx.actor.user_id, uow.now
        uow.audit("bewilligung_freigegeben", "grant", row.id, case_id=case.id, data=_payload(row))
        _put_in_force(uow, case, row, uow.today)
        uow.commit()
        return _info(row, _names(uow.session, {row.proposed_by_id, row.reviewed_by_id}))


def return_grant(ctx: ServiceContext, grant_id: int, expected_version: int | None, comment: str) -> GrantInfo:
    """Zurückgeben with a comment: the case goes back into work with the caseworker."""
    comment = clean_text(comment, "kommentar", Label("shared.label_comment"), MAX_REASON, multiline=True)
    if not comment:
        raise ValidationError("grants.return_comment_missing", field="kommentar")
    with ctx.unit_of_work() as uow:
        row, case = _review_target(uow, grant_id, expected_version)
        row.status = GrantStatus.RETURNED.value
        row.reviewed_by_id, row.reviewed_at, row.review_comment = ctx.actor.user_id, uow.now, comment
        uow.audit("bewilligung_zurueckgegeben", "grant", row.id, case_id=case.id, kommentar=comment)
        move(uow, case, CaseAction.RETURN_GRANT, kommentar=comment)
        uow.commit()
        return _info(row, _names(uow.session, {row.proposed_by_id, row.reviewed_by_id}))


def case_grants(ctx: ServiceContext, case_id: int) -> list[GrantInfo]:
    with ctx.db.read() as session:
        readable_case(session, ctx.actor, case_id, ctx.today())
        return _grants_of(session, case_id)
