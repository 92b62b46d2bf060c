"""Worklists above 1,000 deadlines, on SQLite and PostgreSQL: every group counted in full, each
group with its own first rows (today's deadlines show however many are overdue), every deadline of
a group reachable by its ids, and the command line prints them all or says where it cut."""

from __future__ import annotations

import io
from datetime import date, timedelta
from itertools import pairwise

import pytest
from sqlalchemy import event

from abh_desk.cli import main
from abh_desk.clock import FixedClock
from abh_desk.domain.enums import Role
from abh_desk.errors import NotFound
from abh_desk.services.context import Actor, ServiceContext
from abh_desk.services.worklists import (
    FIRST_ROWS,
    NEXT_WEEKS,
    OVERDUE,
    THIS_WEEK,
    WorkScope,
    worklist,
    worklist_ids,
    worklist_rows,
)
from abh_desk.services.worklists import TODAY as DUE_TODAY
from models import User
from tests.support.busy import BUSY_DAY, busy_caseworker
from tests.support.cli_login import sign_in_cli

TODAY = DAY = date(2026, 11, 25)  # a Wednesday: this week runs on to Sunday the 29th
COUNTS = {OVERDUE: 1_228, DUE_TODAY: 113, THIS_WEEK: 397, NEXT_WEEKS: 40}
assert DAY == BUSY_DAY


def test_every_group_is_counted_in_full_and_shows_its_own_rows(ctx: ServiceContext) -> None:
    clerk = busy_caseworker(ctx)
    work = worklist(clerk, WorkScope.MINE)
    assert {group: work.count(group) for group in COUNTS} == COUNTS  # true, not 1,000
    assert [len(work.rows(group)) for group in COUNTS] == [FIRST_ROWS, FIRST_ROWS, FIRST_ROWS, 40]
    assert work.cut(OVERDUE) and work.cut(DUE_TODAY) and not work.cut(NEXT_WEEKS) and work.truncated
    assert all(row.due_date == DAY for row in work.rows(DUE_TODAY))  # today's rows, despite 1,228 overdue
    assert work.rows(OVERDUE)[0].due_date == DAY - timedelta(days=300)  # the oldest first

    ids = worklist_ids(clerk, OVERDUE, WorkScope.MINE)
    assert len(ids) == COUNTS[OVERDUE] and len(set(ids)) == len(ids)
    page = worklist_rows(clerk, ids[1_200:1_228])
    assert [row.deadline_id for row in page] == ids[1_200:1_228]
    assert all(a.due_date <= b.due_date for a, b in pairwise(page))
    assert len(worklist_ids(clerk, THIS_WEEK, WorkScope.MINE)) == COUNTS[THIS_WEEK]
    assert worklist(clerk, WorkScope.AREA, area="allgemein").count(DUE_TODAY) == COUNTS[DUE_TODAY]


def test_the_command_line_prints_every_deadline_or_says_where_it_cut(
    sqlite_ctx: ServiceContext, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    ctx = sqlite_ctx  # the command opens its own engine (as every CLI test, on the SQLite file)
    busy_caseworker(ctx)
    sign_in_cli(ctx, monkeypatch)
    out = io.StringIO()
    args = ["--db", str(ctx.db.url), "fristen", "--benutzer", "schweiger", "--stichtag", DAY.isoformat()]
    assert main(args, out=out, clock=FixedClock(DAY)) == 0
    lines = out.getvalue().splitlines()
    assert len(lines) == sum(COUNTS.values())
    assert sum(line.startswith("Heute\t") for line in lines) == COUNTS[DUE_TODAY]
    assert "Überfällig: 1228 · Heute: 113 · Diese Woche: 397" in capsys.readouterr().err
    out = io.StringIO()
    assert main([*args, "--max", "1000"], out=out, clock=FixedClock(DAY)) == 0
    assert sum(line.startswith("Überfällig\t") for line in out.getvalue().splitlines()) == 1_000
    assert "Überfällig: 1000 von 1228 Fristen gezeigt (--max)." in capsys.readouterr().err


def test_an_area_list_is_one_statement_and_covers_what_it_did(ctx: ServiceContext) -> None:
    """Counts, first rows and the area's look-up in one statement (one round trip, one snapshot);
    the scopes unchanged: an area by code, the user's own area, a user without one sees all, and
    an unknown area is refused."""
    clerk = busy_caseworker(ctx)
    sent: list[str] = []

    def note(_conn: object, _cursor: object, statement: str, *_args: object) -> None:
        sent.append(statement)

    event.listen(ctx.db.engine, "before_cursor_execute", note)
    try:
        work = worklist(clerk, WorkScope.AREA, area="allgemein")
    finally:
        event.remove(ctx.db.engine, "before_cursor_execute", note)
    assert len([s for s in sent if s.lstrip().upper().startswith("SELECT")]) == 1  # (SQLite's BEGIN aside)
    assert {group: work.count(group) for group in COUNTS} == COUNTS
    assert [len(work.rows(group)) for group in COUNTS] == [FIRST_ROWS, FIRST_ROWS, FIRST_ROWS, 40]
    ids = worklist_ids(clerk, OVERDUE, WorkScope.AREA, area="allgemein")
    assert [row.deadline_id for row in work.rows(OVERDUE)] == ids[:FIRST_ROWS]  # by due date, then id
    assert [row.deadline_id for row in work.rows(NEXT_WEEKS)] == worklist_ids(clerk, NEXT_WEEKS, WorkScope.AREA)
    assert worklist(clerk, WorkScope.AREA) == work  # the clerk's own area is "allgemein"
    assert worklist(clerk, WorkScope.AREA, area="allgemein", limit=0).counts == work.counts

    admin = ctx.as_user(Actor(_user_without_area(ctx), "ohnebereich", Role.ADMIN))
    assert worklist(admin, WorkScope.AREA).counts == worklist(ctx, WorkScope.ALL).counts == work.counts
    assert worklist(ctx, WorkScope.AREA, area="asyl").total == 0
    for call in (
        lambda: worklist(clerk, WorkScope.AREA, area="nirgendwo"),
        lambda: worklist_ids(clerk, DUE_TODAY, WorkScope.AREA, area="nirgendwo"),
    ):
        with pytest.raises(NotFound, match="Bereich „nirgendwo“ gibt es nicht"):
            call()


def _user_without_area(ctx: ServiceContext) -> int:
    with ctx.unit_of_work() as uow:
        user = User(username="ohnebereich", display_name="Herr Ohne", role=Role.ADMIN.value, area_id=None)
        uow.session.add(user)
        uow.session.flush()
        user_id = user.id
        uow.commit()
    return user_id
