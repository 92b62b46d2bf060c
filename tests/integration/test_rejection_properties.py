"""Any sequence of steps by any of several users, through the real services and a real SQLite file:
nobody approves a notice they wrote or last changed, and no PDF without "ENTWURF" exists for a
notice a team lead has not approved."""

from __future__ import annotations

import contextlib
import io
from collections.abc import Callable, Iterator
from dataclasses import replace
from datetime import date, timedelta

import pypdf
import pytest
from hypothesis import event, given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from abh_desk import migrate
from abh_desk.clock import FixedClock
from abh_desk.domain.catalogue import Catalogue
from abh_desk.domain.enums import LetterStatus, Role
from abh_desk.domain.notice_flow import RemedyOutcome, releasable
from abh_desk.errors import DomainError
from abh_desk.services.auth import create_user
from abh_desk.services.cases import open_case
from abh_desk.services.context import Actor, ServiceContext
from abh_desk.services.example_office import install_example_office
from abh_desk.services.notice_dispatch import decide_remedy, dispatch, finalize_due_notices, record_remedy
from abh_desk.services.notice_review import approve, return_to_author, submit_for_review
from abh_desk.services.notices import editors_of, notice_view
from abh_desk.services.persons import PersonInput, create_person
from abh_desk.services.rejections import (
    RejectionDraft,
    draft_rejection,
    record_statement,
    send_hearing,
    update_rejection,
    waive_hearing,
)
from abh_desk.storage import Database
from letters.data import RefusalGround
from letters.samples import SAMPLE_FINDINGS
from models import Letter, User
from tests.conftest import new_sqlite_database

DAY = date(2036, 11, 3)
DRAFT = RejectionDraft(
    grounds=(RefusalGround("visum", "Sie reisten visumfrei ein."),),
    facts="Einreise 2036.",
    **SAMPLE_FINDINGS,
)
USERS = {"keller": Role.CASEWORKER, "rudolf": Role.CASEWORKER, "lead": Role.TEAM_LEAD, "lead2": Role.TEAM_LEAD}
USERS |= {"admin": Role.ADMIN}

Step = Callable[[ServiceContext, int, int], object]
# Every step happens on the clock's day; the test moves the clock a day ahead after each one
# ("final" two months, so that a remedy period can run out).
STEPS: dict[str, Step] = {
    "edit": lambda c, i, v: update_rejection(c, i, v, replace(DRAFT, exit_period_days=14)),
    "hearing": lambda c, i, v: send_hearing(c, i, v),
    "waive": lambda c, i, v: waive_hearing(c, i, v, "Verzicht des Antragstellers schriftlich erklärt."),
    "statement": lambda c, i, v: record_statement(c, i, v, c.today()),
    "submit": lambda c, i, v: submit_for_review(c, i, v),
    "approve": lambda c, i, v: approve(c, i, v),
    "return": lambda c, i, v: return_to_author(c, i, v, "Bitte Sachverhalt ergänzen."),
    "dispatch": lambda c, i, v: dispatch(c, i, v, c.today()),
    "remedy": lambda c, i, v: record_remedy(c, i, v, c.today()),
    "decide": lambda c, i, v: decide_remedy(c, i, v, RemedyOutcome.UPHELD, c.today()),
    "final": lambda c, i, v: finalize_due_notices(c),
}
STEP_DAYS = {"final": 60}


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory, catalogue: Catalogue) -> Iterator[dict[str, ServiceContext]]:
    """One migrated SQLite file for all examples (each example opens its own case)."""
    db = Database(new_sqlite_database(tmp_path_factory.mktemp("notices")))
    migrate.upgrade(db)
    ctx = ServiceContext(db, catalogue, clock=FixedClock(DAY))
    install_example_office(ctx)
    create_user(ctx, "lead", "Frau Leitung", Role.TEAM_LEAD, area="allgemein")
    create_user(ctx, "lead2", "Herr Leitung", Role.TEAM_LEAD, area="allgemein")
    create_user(ctx, "admin", "Herr Admin", Role.ADMIN)
    with db.read() as session:
        ids = dict(session.execute(select(User.username, User.id)).all())
    yield {"system": ctx} | {name: ctx.as_user(Actor(ids[name], name, role)) for name, role in USERS.items()}
    db.dispose()


def _check(ctx: ServiceContext, letter_id: int) -> tuple[bool, bytes]:
    """The invariant after every step; returns (final, stored PDF)."""
    with ctx.db.read() as session:
        letter = session.get(Letter, letter_id)
        assert letter is not None and letter.pdf is not None
        final = '"draft": false' in letter.data_json
        status = LetterStatus(letter.status)
        if final:
            reviewer = session.get(User, letter.reviewed_by_id or 0)
            assert releasable(status), status
            assert reviewer is not None and reviewer.role == Role.TEAM_LEAD.value
            assert reviewer.id not in editors_of(session, letter)
        else:
            assert not releasable(status), status
        return final, letter.pdf


@settings(max_examples=40, deadline=None)
@given(
    author=st.sampled_from(["keller", "lead"]),
    noise=st.lists(st.tuples(st.sampled_from(sorted(USERS)), st.sampled_from(sorted(STEPS))), max_size=10),
    reviewer=st.sampled_from(sorted(USERS)),
    data=st.data(),
)
def test_any_sequence_keeps_four_eyes(
    world: dict[str, ServiceContext],
    author: str,
    noise: list[tuple[str, str]],
    reviewer: str,
    data: st.DataObject,
) -> None:
    # The path a notice should take, with random steps by random users mixed in (so that the
    # sequences get past review, and then try everything on an approved notice too).
    sequence = list(noise)
    happy = [(author, "waive"), (author, "submit"), (reviewer, "approve"), (author, "dispatch"), ("keller", "remedy")]
    position = 0
    for item in happy:
        position = data.draw(st.integers(position, len(sequence)))
        sequence.insert(position, item)
        position += 1
    ctx = world["system"]
    clock = ctx.clock
    assert isinstance(clock, FixedClock)
    clock.move_to(DAY)
    person = create_person(
        ctx,
        PersonInput(
            "Rahimi", "Sara", "01.02.1995", nationality="AFG", sex="w", street="Weg 1", postcode="78224", city="Singen"
        ),
        duplicate_reason="eine Testperson je Beispiel",
    )
    case_id = open_case(ctx, person.id, "99010019001008", applied_on=DAY).id
    letter_id = draft_rejection(world[author], case_id, DRAFT)
    final, pdf = _check(ctx, letter_id)
    for name, step_name in sequence:
        clock.advance(timedelta(days=STEP_DAYS.get(step_name, 1)))
        with contextlib.suppress(DomainError):
            STEPS[step_name](world[name], letter_id, notice_view(ctx, letter_id).version)
        final, pdf = _check(ctx, letter_id)
    event(f"ends {notice_view(ctx, letter_id).status.value}")
    text = "".join(page.extract_text() for page in pypdf.PdfReader(io.BytesIO(pdf)).pages)
    assert ("ENTWURF" in text) == (not final)
