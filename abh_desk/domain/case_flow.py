"""The way of a case (Vorgang) through its states, as data: which step is allowed in which state
and where it leads. Every service that changes a case's state calls ``check`` first — the case
window, the command line, the Nachforderung, the dispatch of a rejection — so no path skips it.

    neu → in Bearbeitung ⇄ Unterlagen angefordert
        → entscheidungsreif → bewilligt (or, under four eyes, a grant submitted and approved)
                            → abgelehnt (when the approved rejection notice is sent)
    any open state → zurückgenommen (by the applicant) | abgeschlossen (without a decision, with a reason)
    bewilligt, abgelehnt, zurückgenommen → abgeschlossen (the file is done)
    abgelehnt → in Bearbeitung (only when a remedy lifts the rejection)
    any state → abgegeben (the person's file handed over to another authority, xdomea 0401)
"""

from __future__ import annotations

from enum import StrEnum

from abh_desk.domain.enums import CASE_STATUS_LABELS, OPEN_CASE_STATUSES, CaseStatus
from abh_desk.error_texts import Label
from abh_desk.errors import ValidationError


class CaseAction(StrEnum):
    START = "bearbeitung_aufgenommen"
    REQUEST_DOCUMENTS = "unterlagen_angefordert"
    DOCUMENTS_COMPLETE = "unterlagen_vollstaendig"
    MARK_READY = "entscheidungsreif"
    RESUME = "wieder_in_bearbeitung"
    SUBMIT_GRANT = "bewilligung_vorgelegt"
    RETURN_GRANT = "bewilligung_zurueckgegeben"
    GRANT = "bewilligt"
    REJECT = "abgelehnt"
    WITHDRAW = "zurueckgenommen"
    CLOSE = "abgeschlossen"
    REOPEN = "wieder_aufgenommen"
    HAND_OVER = "abgegeben"


S = CaseStatus
A = CaseAction
_OPEN = tuple(s for s in CaseStatus if s in OPEN_CASE_STATUSES)
_DECIDABLE = (S.NEW, S.IN_PROGRESS, S.READY_FOR_DECISION)

#: (state, step) → the state it leads to. A missing pair is not allowed.
TRANSITIONS: dict[tuple[CaseStatus, CaseAction], CaseStatus] = {
    (S.NEW, A.START): S.IN_PROGRESS,
    **{(state, A.REQUEST_DOCUMENTS): S.WAITING_FOR_DOCUMENTS for state in _OPEN},
    (S.WAITING_FOR_DOCUMENTS, A.DOCUMENTS_COMPLETE): S.IN_PROGRESS,
    **{(state, A.MARK_READY): S.READY_FOR_DECISION for state in (S.NEW, S.IN_PROGRESS, S.WAITING_FOR_DOCUMENTS)},
    (S.READY_FOR_DECISION, A.RESUME): S.IN_PROGRESS,
    (S.WAITING_FOR_DOCUMENTS, A.RESUME): S.IN_PROGRESS,
    **{(state, A.SUBMIT_GRANT): S.READY_FOR_DECISION for state in _DECIDABLE},
    (S.READY_FOR_DECISION, A.RETURN_GRANT): S.IN_PROGRESS,
    **{(state, A.GRANT): S.GRANTED for state in _DECIDABLE},
    **{(state, A.REJECT): S.REJECTED for state in _OPEN},
    **{(state, A.WITHDRAW): S.WITHDRAWN for state in _OPEN},
    **{(state, A.CLOSE): S.CLOSED for state in (*_OPEN, S.GRANTED, S.REJECTED, S.WITHDRAWN)},
    (S.REJECTED, A.REOPEN): S.IN_PROGRESS,
    **{(state, A.HAND_OVER): S.HANDED_OVER for state in CaseStatus if state is not S.HANDED_OVER},
}

#: Steps a caseworker takes by hand in the case window (or ``abh-desk vorgang``); the others
#: follow from an event: a Nachforderung sent, the last document in, a rejection sent, a grant
#: returned by the team lead, a rejection lifted on objection.
MANUAL_ACTIONS = frozenset({A.START, A.MARK_READY, A.RESUME, A.GRANT, A.WITHDRAW, A.CLOSE})

ACTION_LABELS = {
    A.START: Label("domain_case_flow.action_start"),
    A.REQUEST_DOCUMENTS: CASE_STATUS_LABELS[S.WAITING_FOR_DOCUMENTS],
    A.DOCUMENTS_COMPLETE: Label("domain_case_flow.action_documents_complete"),
    A.MARK_READY: CASE_STATUS_LABELS[S.READY_FOR_DECISION],
    A.RESUME: Label("domain_case_flow.action_resume"),
    A.SUBMIT_GRANT: Label("domain_case_flow.action_submit_grant"),
    A.RETURN_GRANT: Label("domain_case_flow.action_return_grant"),
    A.GRANT: CASE_STATUS_LABELS[S.GRANTED],
    A.REJECT: CASE_STATUS_LABELS[S.REJECTED],
    A.WITHDRAW: Label("domain_case_flow.action_withdraw"),
    A.CLOSE: CASE_STATUS_LABELS[S.CLOSED],
    A.REOPEN: Label("domain_case_flow.action_reopen"),
    A.HAND_OVER: Label("domain_case_flow.action_hand_over"),
}


def check(action: CaseAction, status: CaseStatus) -> CaseStatus:
    """The state ``action`` leads to, or a ValidationError in German naming the step and the state."""
    target = TRANSITIONS.get((status, action))
    if target is None:
        raise ValidationError(
            "shared.step_not_possible",
            field="status",
            action_label=ACTION_LABELS[action],
            status_label=CASE_STATUS_LABELS[status],
            action=action.value,
            status=status.value,
        )
    return target


def allowed_actions(status: CaseStatus) -> frozenset[CaseAction]:
    """The steps a caseworker can take by hand in ``status`` (for the buttons; the services check again)."""
    return frozenset(action for action in MANUAL_ACTIONS if (status, action) in TRANSITIONS)
