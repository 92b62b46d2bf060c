"""Deadlines follow their case's owner (the worklist reads the owner from the deadline itself, so
it is one index range scan)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import cast

from sqlalchemy import Table, bindparam, update
from sqlalchemy.orm import Session

from abh_desk.domain.enums import DeadlineStatus
from models import Deadline


def follow_owner(session: Session, moves: Sequence[tuple[int, int | None]]) -> None:
    """After cases changed owner: their open deadlines follow ((case id, new owner id) pairs); closed
    ones keep who was responsible when they were closed."""
    if moves:
        table = cast(Table, Deadline.__table__)
        session.execute(
            update(table)
            .where(table.c.case_id == bindparam("case"), table.c.status == DeadlineStatus.OPEN.value)
            .values(owner_id=bindparam("owner")),
            [{"case": case_id, "owner": owner} for case_id, owner in moves],
        )
