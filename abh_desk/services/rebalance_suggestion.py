"""From the overview to the rule editor: the caseworker with the longest backlog, and a split of
an area's letter ranges that evens its open cases out — previewed, changed and applied in the
existing rule editor (``assignment.preview_rebalance``, ``apply_rule_rows``); nothing moves here.

The open cases are counted per first letter of their routing key in one grouped query; the
letters A–Z are then cut into one contiguous range per caseworker so that the largest share is as
small as it can be (a small dynamic programme over 26 letters, not over the cases)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, literal, select

from abh_desk.domain.assignment import ALPHABET, LetterRange
from abh_desk.domain.enums import OPEN_CASE_STATUSES, Role
from abh_desk.error_texts import Label
from abh_desk.errors import NotFound
from abh_desk.services.assignment import RuleRow, require_lead
from abh_desk.services.context import ServiceContext
from abh_desk.services.office import read_office_settings
from abh_desk.services.overview import scope_area_id
from models import Area, AssignmentRule, Case, Person, User


@dataclass(frozen=True)
class Share:
    """One caseworker's open cases in the area now, and under the suggested ranges."""

    username: str
    name: str
    ranges: str
    open_now: int
    open_after: int


@dataclass(frozen=True)
class RebalanceSuggestion:
    area: str
    busiest: str
    """The caseworker with the longest backlog (most open cases in the area)."""
    busiest_open: int
    shares: tuple[Share, ...]

    @property
    def rule_rows(self) -> list[RuleRow]:
        return [RuleRow(self.area, s.username, s.ranges) for s in self.shares]


def split_letters(counts: Sequence[int], parts: int) -> list[tuple[int, int]]:
    """Cut ``counts`` (one per letter) into ``parts`` contiguous, non-empty runs whose largest sum
    is the smallest possible: [(first, last)] index pairs, in order."""
    n = len(counts)
    parts = max(1, min(parts, n))
    prefix = [0]
    for c in counts:
        prefix.append(prefix[-1] + c)
    inf = float("inf")
    # best[k][i]: the smallest largest sum of the first i letters in k runs; cut[k][i]: where the last run starts.
    best = [[inf] * (n + 1) for _ in range(parts + 1)]
    cut = [[0] * (n + 1) for _ in range(parts + 1)]
    best[0][0] = 0
    for k in range(1, parts + 1):
        for i in range(k, n + 1):
            for j in range(k - 1, i):
                value = max(best[k - 1][j], prefix[i] - prefix[j])
                if value < best[k][i] or (value == best[k][i] and j > cut[k][i]):
                    best[k][i], cut[k][i] = value, j
    runs = []
    i = n
    for k in range(parts, 0, -1):
        j = cut[k][i]
        runs.append((j, i - 1))
        i = j
    return runs[::-1]


def suggest_rebalance(ctx: ServiceContext, area: str | None = None) -> RebalanceSuggestion:
    """For ``area`` (a team lead: their own; the administration: the area of the caseworker with
    the most open cases when None): the busiest caseworker and the evened-out letter ranges of the
    caseworkers who hold ranges there now."""
    require_lead(ctx, Label("rebalance_suggestion.label_reassign"))
    open_values = [s.value for s in OPEN_CASE_STATUSES]
    with ctx.db.read() as session:
        area_id = scope_area_id(session, ctx, area)
        if area_id is None:  # the office: the area where the busiest caseworker works
            area_id = session.scalar(
                select(Case.area_id)
                .where(Case.status.in_(open_values), Case.owner_id.is_not(None))
                .group_by(Case.area_id, Case.owner_id)
                .order_by(func.count().desc())
                .limit(1)
            )
            if area_id is None:
                raise NotFound("rebalance_suggestion.no_open_cases")
        code = session.scalar(select(Area.code).where(Area.id == area_id)) or ""
        holders = session.execute(
            select(User.id, User.username, User.display_name, func.min(AssignmentRule.start))
            .join(AssignmentRule, AssignmentRule.user_id == User.id)
            .where(AssignmentRule.area_id == area_id, User.role != Role.ADMIN.value)
            .group_by(User.id, User.username, User.display_name)
            .order_by(func.min(AssignmentRule.start))
        ).all()
        if not holders:
            raise NotFound("rebalance_suggestion.no_letters_assigned", area=code)
        open_by_owner = dict(
            session.execute(
                select(Case.owner_id, func.count())
                .where(Case.area_id == area_id, Case.status.in_(open_values))
                .group_by(Case.owner_id)
            ).all()
        )
        key: Any = Person.routing_key
        if read_office_settings(session).skip_name_particles:
            key = func.coalesce(Person.routing_key_skipped, Person.routing_key)
        letter = func.substr(key.concat(literal("A")), 1, 1).label("letter")
        per_letter: dict[str, int] = dict(
            session.execute(
                select(letter, func.count())
                .select_from(Case)
                .join(Person, Person.id == Case.person_id)
                .where(Case.area_id == area_id, Case.status.in_(open_values))
                .group_by(letter)
            ).all()
        )
    counts = [int(per_letter.get(ch, 0)) for ch in ALPHABET]
    runs = split_letters(counts, len(holders))
    shares = tuple(
        Share(
            username,
            name,
            str(LetterRange(ALPHABET[first], ALPHABET[last])),
            int(open_by_owner.get(user_id, 0)),
            sum(counts[first : last + 1]),
        )
        for (user_id, username, name, _start), (first, last) in zip(holders, runs, strict=False)
    )
    busiest = max(shares, key=lambda s: s.open_now)
    return RebalanceSuggestion(code, busiest.name, busiest.open_now, shares)
