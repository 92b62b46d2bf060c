"""The four-eyes path of a rejection notice (domain.md §7) as data: which step is allowed in which
state, by whom, and where it leads. The services call ``check`` before every step, so no path —
window, command line or service — can skip it.

    Entwurf → (Anhörung | Anhörung entbehrlich) → zur Prüfung → freigegeben | zurückgegeben
    freigegeben → versandt → bestandskräftig | Rechtsbehelf eingegangen → abgeholfen (aufgehoben),
    weitergeleitet, zurückgenommen (bestandskräftig), entschieden (bestandskräftig oder aufgehoben)
"""

from __future__ import annotations

from enum import StrEnum

from abh_desk.domain.enums import LetterStatus, Role
from abh_desk.error_texts import Label
from abh_desk.errors import PermissionDenied, ValidationError


class NoticeAction(StrEnum):
    EDIT = "bearbeiten"
    SEND_HEARING = "anhoerung_versenden"
    WAIVE_HEARING = "anhoerung_entbehrlich"
    RECORD_STATEMENT = "stellungnahme_erfasst"
    SUBMIT = "zur_pruefung_vorgelegt"
    APPROVE = "freigegeben"
    RETURN = "zurueckgegeben"
    DISPATCH = "versandt"
    MARK_FINAL = "bestandskraeftig"
    RECORD_REMEDY = "rechtsbehelf_eingegangen"
    DECIDE_REMEDY = "rechtsbehelf_erledigt"


class RemedyKind(StrEnum):
    OBJECTION = "widerspruch"
    LAWSUIT = "klage"


class RemedyOutcome(StrEnum):
    REMEDIED = "abgeholfen"  # the authority itself grants the objection (§ 72 VwGO)
    FORWARDED = "weitergeleitet"  # passed on to the objection authority
    WITHDRAWN = "zurueckgenommen"  # the notice becomes final
    UPHELD = "entschieden_zurueckgewiesen"  # Widerspruchsbescheid or judgment against the person: still open to appeal
    LIFTED = "entschieden_aufgehoben"  # decided: the notice is lifted
    UNAPPEALABLE = "unanfechtbar"  # no further remedy lies or its period passed: the notice is final


S = LetterStatus
A = NoticeAction
_EDITABLE = frozenset({S.DRAFT, S.HEARING, S.RETURNED, S.IN_REVIEW, S.APPROVED})

#: (state, action) → the state it leads to. A missing pair is not allowed.
TRANSITIONS: dict[tuple[LetterStatus, NoticeAction], LetterStatus] = {
    **{(state, A.EDIT): (S.HEARING if state == S.HEARING else S.DRAFT) for state in _EDITABLE},
    (S.DRAFT, A.SEND_HEARING): S.HEARING,
    (S.RETURNED, A.SEND_HEARING): S.HEARING,
    (S.DRAFT, A.WAIVE_HEARING): S.DRAFT,
    (S.RETURNED, A.WAIVE_HEARING): S.RETURNED,
    (S.HEARING, A.RECORD_STATEMENT): S.HEARING,
    (S.DRAFT, A.SUBMIT): S.IN_REVIEW,
    (S.HEARING, A.SUBMIT): S.IN_REVIEW,
    (S.RETURNED, A.SUBMIT): S.IN_REVIEW,
    (S.IN_REVIEW, A.APPROVE): S.APPROVED,
    (S.IN_REVIEW, A.RETURN): S.RETURNED,
    (S.APPROVED, A.DISPATCH): S.SENT,
    (S.SENT, A.MARK_FINAL): S.FINAL,
    (S.SENT, A.RECORD_REMEDY): S.CONTESTED,
    (S.FINAL, A.RECORD_REMEDY): S.CONTESTED,  # late: recorded, flagged as out of time
    (S.CONTESTED, A.DECIDE_REMEDY): S.CONTESTED,  # the outcome decides; see outcome_status
}

#: Steps that need the team lead (four eyes); everything else is casework.
LEAD_ACTIONS = frozenset({A.APPROVE, A.RETURN})
CASEWORK_ROLES = frozenset({Role.CASEWORKER, Role.TEAM_LEAD})

STATUS_LABELS = {
    S.DRAFT: Label("domain_notice_flow.status_draft"),
    S.HEARING: Label("domain_notice_flow.status_hearing"),
    S.IN_REVIEW: Label("domain_notice_flow.status_in_review"),
    S.RETURNED: Label("shared.returned"),
    S.APPROVED: Label("domain_notice_flow.approved"),
    S.SENT: Label("domain_notice_flow.sent"),
    S.FINAL: Label("domain_notice_flow.final"),
    S.CONTESTED: Label("domain_notice_flow.remedy_received"),
    S.LIFTED: Label("shared.lifted"),
}
ACTION_LABELS = {
    A.EDIT: Label("domain_notice_flow.action_edit"),
    A.SEND_HEARING: Label("domain_notice_flow.action_send_hearing"),
    A.WAIVE_HEARING: Label("domain_notice_flow.action_waive_hearing"),
    A.RECORD_STATEMENT: Label("domain_notice_flow.action_record_statement"),
    A.SUBMIT: Label("domain_notice_flow.action_submit"),
    A.APPROVE: STATUS_LABELS[S.APPROVED],
    A.RETURN: STATUS_LABELS[S.RETURNED],
    A.DISPATCH: STATUS_LABELS[S.SENT],
    A.MARK_FINAL: STATUS_LABELS[S.FINAL],
    A.RECORD_REMEDY: STATUS_LABELS[S.CONTESTED],
    A.DECIDE_REMEDY: Label("domain_notice_flow.action_decide_remedy"),
}
REMEDY_LABELS = {
    RemedyKind.OBJECTION: Label("domain_notice_flow.remedy_objection"),
    RemedyKind.LAWSUIT: Label("domain_notice_flow.remedy_lawsuit"),
}
OUTCOME_LABELS = {
    RemedyOutcome.REMEDIED: Label("domain_notice_flow.outcome_remedied"),
    RemedyOutcome.FORWARDED: Label("domain_notice_flow.outcome_forwarded"),
    RemedyOutcome.WITHDRAWN: Label("domain_notice_flow.outcome_withdrawn"),
    RemedyOutcome.UPHELD: Label("domain_notice_flow.outcome_upheld"),
    RemedyOutcome.LIFTED: Label("domain_notice_flow.outcome_lifted"),
    RemedyOutcome.UNAPPEALABLE: Label("domain_notice_flow.outcome_unappealable"),
}


def outcome_status(outcome: RemedyOutcome) -> LetterStatus:
    """Where an outcome leaves the notice. A rejected objection is not yet final: a lawsuit against
    the Widerspruchsbescheid may follow (and an appeal against a judgment); final is a withdrawal or
    a decision no longer open to appeal."""
    if outcome in (RemedyOutcome.WITHDRAWN, RemedyOutcome.UNAPPEALABLE):
        return S.FINAL
    if outcome in (RemedyOutcome.REMEDIED, RemedyOutcome.LIFTED):
        return S.LIFTED
    return S.CONTESTED


def check(
    action: NoticeAction,
    status: LetterStatus,
    *,
    role: Role | None,
    actor_id: int | None,
    author_id: int | None,
    editors: frozenset[int] = frozenset(),
) -> LetterStatus:
    """The state ``action`` leads to; PermissionDenied or ValidationError with a German message.

    ``editors``: everyone who ever saved a change to the notice — none of them may review it."""
    if action in LEAD_ACTIONS:
        if role != Role.TEAM_LEAD:
            raise PermissionDenied("domain_notice_flow.team_lead_only")
        if actor_id is not None and (actor_id == author_id or actor_id in editors):
            raise PermissionDenied("domain_notice_flow.four_eyes")
    elif role not in CASEWORK_ROLES and action != A.MARK_FINAL:
        raise PermissionDenied("domain_notice_flow.casework_only")
    target = TRANSITIONS.get((status, action))
    if target is None:
        raise ValidationError(
            "shared.step_not_possible",
            field="status",
            action_label=ACTION_LABELS[action],
            status_label=STATUS_LABELS[status],
        )
    return target


def allowed_actions(
    status: LetterStatus,
    *,
    role: Role | None,
    actor_id: int | None,
    author_id: int | None,
    editors: frozenset[int] = frozenset(),
) -> frozenset[NoticeAction]:
    """What this user may do with the notice now (for the buttons; the services check again)."""
    allowed = set()
    for action in NoticeAction:
        try:
            check(action, status, role=role, actor_id=actor_id, author_id=author_id, editors=editors)
        except (PermissionDenied, ValidationError):
            continue
        allowed.add(action)
    allowed.discard(A.MARK_FINAL)  # the passing deadline does that, not a button
    return frozenset(allowed)


def releasable(status: LetterStatus) -> bool:
    """Only an approved notice (and what follows from it) has a final PDF without "ENTWURF"."""
    return status in (S.APPROVED, S.SENT, S.FINAL, S.CONTESTED, S.LIFTED)
