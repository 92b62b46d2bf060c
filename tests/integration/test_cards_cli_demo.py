"""Demo cards in every state, and ``abh-desk karten`` listing the ones not yet handed over."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import func, select

from abh_desk.demo.cards import generate_demo_cards
from abh_desk.demo.deadlines import generate_demo_deadlines
from abh_desk.demo.persons import generate_demo
from abh_desk.domain.enums import CardStatus, DeadlineKind, DeadlineStatus
from abh_desk.services.card_list import waiting_cards
from abh_desk.services.cards import case_cards
from abh_desk.services.context import ServiceContext
from models import CardOrder, Deadline
from tests.integration.test_cli import run
from tests.support.cli_login import sign_in_cli


def test_demo_cards_come_in_every_state_with_their_deadlines(ctx: ServiceContext) -> None:
    generate_demo(ctx, 600, seed=2)
    generate_demo_deadlines(ctx, seed=2)
    written = generate_demo_cards(ctx, seed=2)
    assert written > 10 and generate_demo_cards(ctx, seed=2) == 0  # cases with a card are left alone
    with ctx.db.read() as session:
        states = dict(session.execute(select(CardOrder.status, func.count()).group_by(CardOrder.status)).all())
        open_waits = session.scalar(
            select(func.count()).where(
                Deadline.kind == DeadlineKind.CARD_WAITING.value, Deadline.status == DeadlineStatus.OPEN.value
            )
        )
    waiting = states.get(CardStatus.ARRIVED.value, 0) + states.get(CardStatus.NOTIFIED.value, 0)
    assert states.get(CardStatus.ORDERED.value) and states.get(CardStatus.HANDED_OVER.value) and waiting
    assert open_waits == waiting
    rows = waiting_cards(ctx)
    assert len(rows) == waiting and any(r.overdue for r in rows) and not all(r.overdue for r in rows)
    newest = case_cards(ctx, rows[0].case_id)[0]
    assert newest.waiting and newest.card_serial == rows[0].card_serial and newest.overdue_from is not None


def test_karten_lists_waiting_cards_and_refuses_a_bad_date(
    tmp_path: Path, sqlite_ctx: ServiceContext, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    url = str(sqlite_ctx.db.url)
    sqlite_ctx.db.dispose()
    assert run("--db", url, "demo", "--personen", "400", "--seed", "3")[0] == 0
    sign_in_cli(url, monkeypatch)
    code, text = run("--db", url, "karten", "--stichtag", "2040-01-01")
    lines = [line.split("\t") for line in text.splitlines()]
    assert code == 0 and lines and all(len(line) == 7 and line[6] == "überfällig" for line in lines)
    ages = [int(line[0]) for line in lines]
    assert ages == sorted(ages, reverse=True)  # the longest waiting first
    code, text = run("--db", url, "karten", "--suche", lines[0][2])
    assert code == 0 and [line.split("\t")[2] for line in text.splitlines()] == [lines[0][2]]
    code, _ = run("--db", url, "karten", "--stichtag", "21.11.2026")
    assert code == 2 and "kein gültiges Datum" in capsys.readouterr().err
