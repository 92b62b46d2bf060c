"""The case's way through its states (domain.case_flow): what is allowed where, and what never is."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from abh_desk.domain.case_flow import MANUAL_ACTIONS, TRANSITIONS, CaseAction, allowed_actions, check
from abh_desk.domain.enums import OPEN_CASE_STATUSES, CaseStatus
from abh_desk.errors import ValidationError

S, A = CaseStatus, CaseAction


@pytest.mark.parametrize(
    ("start", "steps", "end"),
    [
        (S.NEW, [A.START, A.MARK_READY, A.GRANT], S.GRANTED),
        (S.NEW, [A.START, A.REQUEST_DOCUMENTS, A.DOCUMENTS_COMPLETE, A.GRANT], S.GRANTED),
        (S.NEW, [A.SUBMIT_GRANT, A.RETURN_GRANT, A.SUBMIT_GRANT, A.GRANT], S.GRANTED),
        (S.IN_PROGRESS, [A.MARK_READY, A.RESUME, A.WITHDRAW], S.WITHDRAWN),
        (S.WAITING_FOR_DOCUMENTS, [A.REJECT, A.REOPEN, A.CLOSE], S.CLOSED),
        (S.READY_FOR_DECISION, [A.REJECT, A.CLOSE], S.CLOSED),
        (S.NEW, [A.GRANT, A.CLOSE], S.CLOSED),
    ],
)
def test_the_usual_paths(start: CaseStatus, steps: list[CaseAction], end: CaseStatus) -> None:
    status = start
    for action in steps:
        status = check(action, status)
    assert status == end


def test_a_refused_step_names_the_step_and_the_state() -> None:
    with pytest.raises(ValidationError) as info:
        check(A.GRANT, S.WAITING_FOR_DOCUMENTS)
    assert info.value.message == "„Bewilligt“ ist im Stand „Unterlagen angefordert“ nicht möglich."
    assert info.value.field == "status"


@given(st.lists(st.sampled_from(list(CaseAction)), max_size=30))
def test_no_sequence_decides_a_case_twice_or_undoes_a_withdrawal(steps: list[CaseAction]) -> None:
    """Once granted, a case is never rejected or withdrawn afterwards; a withdrawn one is never
    granted; only a remedy (REOPEN) brings a rejected case back into work."""
    status = S.NEW
    seen_granted = seen_withdrawn = False
    for action in steps:
        try:
            after = check(action, status)
        except ValidationError:
            continue
        if seen_granted:
            assert after in (S.GRANTED, S.CLOSED, S.HANDED_OVER)
        if seen_withdrawn:
            assert after in (S.WITHDRAWN, S.CLOSED, S.HANDED_OVER)
        if not status.is_open and after.is_open:
            assert (status, action) == (S.REJECTED, A.REOPEN)
        seen_granted |= after == S.GRANTED
        seen_withdrawn |= after == S.WITHDRAWN
        status = after


def test_every_open_state_can_be_withdrawn_and_closed_and_no_end_state_granted() -> None:
    for status in OPEN_CASE_STATUSES:
        assert check(A.WITHDRAW, status) == S.WITHDRAWN
        assert check(A.CLOSE, status) == S.CLOSED
    for status in (S.GRANTED, S.REJECTED, S.WITHDRAWN, S.CLOSED):
        assert (status, A.GRANT) not in TRANSITIONS and (status, A.WITHDRAW) not in TRANSITIONS


def test_the_buttons_offer_only_manual_steps_that_are_allowed() -> None:
    assert allowed_actions(S.NEW) == {A.START, A.MARK_READY, A.GRANT, A.WITHDRAW, A.CLOSE}
    assert allowed_actions(S.WAITING_FOR_DOCUMENTS) == {A.MARK_READY, A.RESUME, A.WITHDRAW, A.CLOSE}
    assert allowed_actions(S.GRANTED) == {A.CLOSE}
    assert allowed_actions(S.CLOSED) == frozenset()
    for status in CaseStatus:
        assert allowed_actions(status) <= MANUAL_ACTIONS
