"""Properties of the four-eyes rules over users, roles and any sequence of steps."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from abh_desk.domain.enums import LetterStatus, Role
from abh_desk.domain.notice_flow import (
    TRANSITIONS,
    NoticeAction,
    RemedyOutcome,
    allowed_actions,
    check,
    outcome_status,
    releasable,
)
from abh_desk.errors import PermissionDenied, ValidationError

USERS = {1: Role.CASEWORKER, 2: Role.CASEWORKER, 3: Role.TEAM_LEAD, 4: Role.TEAM_LEAD, 5: Role.ADMIN}
steps = st.lists(st.tuples(st.sampled_from(sorted(USERS)), st.sampled_from(list(NoticeAction))), max_size=40)


@settings(max_examples=400)
@given(author=st.sampled_from([1, 2, 3, 4]), sequence=steps)
def test_no_sequence_lets_an_author_or_co_author_approve_or_an_unapproved_notice_out(
    author: int, sequence: list[tuple[int, NoticeAction]]
) -> None:
    status, editors = LetterStatus.DRAFT, frozenset({author})
    approved_by: int | None = None
    for user, action in sequence:
        try:
            after = check(action, status, role=USERS[user], actor_id=user, author_id=author, editors=editors)
        except (PermissionDenied, ValidationError):
            continue
        if action == NoticeAction.APPROVE:
            assert USERS[user] == Role.TEAM_LEAD and user != author and user not in editors
            approved_by = user
        if action == NoticeAction.EDIT:
            editors, approved_by = editors | {user}, None  # every co-author is barred, not only the last
            assert not releasable(after)
        status = after
        if releasable(status):
            assert approved_by is not None and approved_by != author and approved_by not in editors
    # What the buttons offer is exactly what the rules allow.
    for user, role in USERS.items():
        offered = allowed_actions(status, role=role, actor_id=user, author_id=author, editors=editors)
        for action in offered:
            check(action, status, role=role, actor_id=user, author_id=author, editors=editors)


def test_every_state_is_reachable_and_only_approval_leads_to_approved() -> None:
    sources = {target for (_state, _action), target in TRANSITIONS.items()}
    assert {LetterStatus.HEARING, LetterStatus.IN_REVIEW, LetterStatus.APPROVED, LetterStatus.SENT} <= sources
    assert [action for (_s, action), target in TRANSITIONS.items() if target == LetterStatus.APPROVED] == [
        NoticeAction.APPROVE
    ]
    assert {outcome_status(o) for o in RemedyOutcome} == {
        LetterStatus.FINAL,
        LetterStatus.LIFTED,
        LetterStatus.CONTESTED,
    }


def test_administrators_neither_draft_nor_approve() -> None:
    with pytest.raises(PermissionDenied):
        check(NoticeAction.EDIT, LetterStatus.DRAFT, role=Role.ADMIN, actor_id=5, author_id=1)
    with pytest.raises(PermissionDenied):
        check(NoticeAction.APPROVE, LetterStatus.IN_REVIEW, role=Role.ADMIN, actor_id=5, author_id=1)
    assert allowed_actions(LetterStatus.IN_REVIEW, role=Role.ADMIN, actor_id=5, author_id=1) == set()
