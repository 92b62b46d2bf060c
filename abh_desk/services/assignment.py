"""Zuständigkeit as a use case: rule sets with validation, rebalancing, reassignment, deputies.

The rebalancing preview is a single SQL query: the new rules become a CASE expression over each
open case's stored routing key, grouped by old and new owner — no Python loop over the cases.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import cast

from sqlalchemy import ColumnElement, Select, Table, and_, bindparam, case, delete, func, literal, select, update
from sqlalchemy.orm import Session

from abh_desk.domain.assignment import LetterRange, RangeRule, Router, find_problems, parse_ranges
from abh_desk.domain.enums import OPEN_CASE_STATUSES, Role
from abh_desk.domain.text import clean_text
from abh_desk.error_texts import Joined, Label
from abh_desk.errors import NotFound, PermissionDenied, ValidationError
from abh_desk.services.context import NO_PROGRESS, Progress, ServiceContext, UnitOfWork
from abh_desk.services.deadline_owners import follow_owner
from abh_desk.services.office import read_office_settings
from models import Area, AssignmentRule, Case, Deputy, Person, User

_OPEN = [s.value for s in OPEN_CASE_STATUSES]
_PAD = "AAAA"  # a routing key shorter than a rule's prefix counts as the first name of its block


def require_lead(ctx: ServiceContext, what: Label | str) -> None:
    """Only team leads and administrators may do ``what`` (checked here, not only in the UI): a Label
    of the caller's file ("Vorgänge umverteilen" / "Reassigning cases"), or a German text not yet moved."""
    if ctx.actor.role not in (Role.TEAM_LEAD, Role.ADMIN):
        raise PermissionDenied("assignment.lead_only", what=what)


@dataclass(frozen=True)
class RuleRow:
    """One line of the rule editor: the ranges one caseworker owns in one area."""

    area: str
    username: str
    ranges: str


@dataclass(frozen=True)
class Move:
    """How many open cases of an area would move (or moved) from one caseworker to another."""

    area: str
    from_user: str
    to_user: str
    count: int


@dataclass(frozen=True)
class RuleSet:
    rules: tuple[RangeRule, ...]
    errors: tuple[ValidationError, ...]

    @property
    def valid(self) -> bool:
        return not self.errors

    @property
    def problems(self) -> tuple[str, ...]:
        """What is wrong, one sentence each, in German (the rule editor, the command line)."""
        return tuple(error.text("de") for error in self.errors)

    def refusal(self) -> ValidationError:
        """Every problem in one refusal of the rules."""
        return ValidationError("assignment.rules_invalid", field="regeln", problems=Joined(self.errors))


def _labels(session: Session) -> dict[str, str]:
    return dict(session.execute(select(User.username, User.display_name)).all())


def current_rule_rows(ctx: ServiceContext) -> list[RuleRow]:
    with ctx.db.read() as session:
        rows = session.execute(
            select(Area.code, User.username, AssignmentRule.start, AssignmentRule.end)
            .join(Area, Area.id == AssignmentRule.area_id)
            .join(User, User.id == AssignmentRule.user_id)
            .order_by(Area.code, func.length(AssignmentRule.start), AssignmentRule.start)
        ).all()
    grouped: dict[tuple[str, str], list[str]] = {}
    for area, username, start, end in rows:
        grouped.setdefault((area, username), []).append(str(RangeRule(area, username, LetterRange(start, end)).range))
    return [RuleRow(area, user, ", ".join(ranges)) for (area, user), ranges in grouped.items()]


def area_choices(ctx: ServiceContext) -> list[tuple[str, str]]:
    """Every area (code, name), also one without a letter range yet (a new office has none)."""
    with ctx.db.read() as session:
        return [(code, name) for code, name in session.execute(select(Area.code, Area.name).order_by(Area.code))]


def check_rule_rows(ctx: ServiceContext, rows: Sequence[RuleRow]) -> RuleSet:
    """Parse and validate an edited rule set; every problem as a refusal of its own (live validation)."""
    with ctx.db.read() as session:
        labels = _labels(session)
        areas = set(session.scalars(select(Area.code)))
    problems: list[ValidationError] = []
    rules: list[RangeRule] = []
    for row in rows:
        who = labels.get(row.username)
        if who is None:
            problems.append(ValidationError("shared.no_such_user", field="regeln", username=row.username))
            continue
        if row.area not in areas:
            problems.append(ValidationError("shared.area_not_found", field="regeln", area=row.area))
            continue
        try:
            rules.extend(RangeRule(row.area, row.username, r) for r in parse_ranges(row.ranges))
        except ValidationError as exc:
            problems.append(ValidationError("assignment.ranges_of", field="regeln", who=who, area=row.area, error=exc))
    edited_areas = {row.area for row in rows if row.area in areas}
    problems.extend(
        ValidationError("assignment.rule_problem", field="regeln", problem=p.error)
        for p in find_problems(rules, edited_areas, labels)
    )
    return RuleSet(tuple(rules), tuple(problems))


def _key_column(session: Session) -> ColumnElement[str]:
    if read_office_settings(session).skip_name_particles:
        return func.coalesce(Person.routing_key_skipped, Person.routing_key)
    return Person.routing_key  # type: ignore[return-value]


def _new_owner(session: Session, rules: Sequence[RangeRule]) -> ColumnElement[int | None]:
    """CASE expression giving the owner's user id under ``rules`` for a row of cases ⋈ persons."""
    area_ids = dict(session.execute(select(Area.code, Area.id)).all())
    user_ids = dict(session.execute(select(User.username, User.id)).all())
    key = _key_column(session).concat(literal(_PAD))
    whens = [
        (
            and_(
                Case.area_id == area_ids[rule.area],
                func.substr(key, 1, rule.range.length).between(rule.range.start, rule.range.end),
            ),
            literal(user_ids[rule.caseworker]),
        )
        for rule in sorted(rules, key=lambda r: -r.range.length)
    ]
    return case(*whens, else_=Case.owner_id)


def _moves_query(session: Session, rules: Sequence[RangeRule]) -> Select[int, int, int | None, int | None]:
    new_owner = _new_owner(session, rules).label("new_owner")
    return (
        select(Case.id.label("case_id"), Case.area_id, Case.owner_id.label("old_owner"), new_owner)
        .join(Person, Person.id == Case.person_id)
        .where(Case.status.in_(_OPEN), Case.area_id.in_(select(Area.id).where(Area.code.in_({r.area for r in rules}))))
    )


def _name(names: dict[int, str], user_id: int | None) -> str:
    return names.get(user_id, "niemand") if user_id is not None else "niemand"


def _summarise(session: Session, rows: Sequence[tuple[int, int | None, int | None, int]]) -> list[Move]:
    areas = dict(session.execute(select(Area.id, Area.code)).all())
    names = dict(session.execute(select(User.id, User.display_name)).all())
    return sorted(
        (
            Move(areas[area], _name(names, old), _name(names, new), count)
            for area, old, new, count in rows
            if old != new
        ),
        key=lambda m: (m.area, -m.count, m.from_user),
    )


def preview_rebalance(ctx: ServiceContext, rows: Sequence[RuleRow]) -> list[Move]:
    """Who would hand how many open cases to whom under the edited rules (one grouped query)."""
    rule_set = check_rule_rows(ctx, rows)
    if not rule_set.valid:
        raise rule_set.refusal()
    with ctx.db.read() as session:
        moves = _moves_query(session, rule_set.rules).subquery()
        grouped = session.execute(
            select(moves.c.area_id, moves.c.old_owner, moves.c.new_owner, func.count())
            .where(moves.c.new_owner.is_distinct_from(moves.c.old_owner))
            .group_by(moves.c.area_id, moves.c.old_owner, moves.c.new_owner)
        ).all()
        return _summarise(session, grouped)


MOVE_CHUNK = 2_000
#: The reason for moving cases, kept in the audit trail.
MAX_REASON = 2_000


def apply_rule_rows(
    ctx: ServiceContext, rows: Sequence[RuleRow], reason: str, progress: Progress = NO_PROGRESS
) -> list[Move]:
    """Replace the rules of the edited areas and move the open cases, in one transaction.

    Every moved case gets an audit entry with its old and new owner."""
    require_lead(ctx, Label("assignment.label_change_rules"))
    reason = clean_text(reason, "grund", Label("shared.label_reason"), MAX_REASON)
    if not reason:
        raise ValidationError("assignment.rebalance_reason_missing", field="grund")
    rule_set = check_rule_rows(ctx, rows)
    if not rule_set.valid:
        raise rule_set.refusal()
    with ctx.unit_of_work() as uow:
        session = uow.session
        # PostgreSQL: new cases of these areas wait until the new rules are in (open_case reads the
        # area row FOR SHARE); SQLite's BEGIN IMMEDIATE already lets one writer in at a time.
        session.execute(select(Area.id).where(Area.code.in_({r.area for r in rule_set.rules})).with_for_update())
        moved = session.execute(
            _moves_query(session, rule_set.rules).where(
                _new_owner(session, rule_set.rules).is_distinct_from(Case.owner_id)
            )
        ).all()
        store_rules(uow, rule_set.rules)
        names = dict(session.execute(select(User.id, User.display_name)).all())
        table = cast(Table, Case.__table__)
        for start in range(0, len(moved), MOVE_CHUNK):
            progress.check()
            chunk = moved[start : start + MOVE_CHUNK]
            session.execute(
                update(table)
                .where(table.c.id == bindparam("case"), table.c.owner_id.is_not_distinct_from(bindparam("old")))
                .values(owner_id=bindparam("owner"), version=table.c.version + 1),
                [{"case": case_id, "owner": new, "old": old} for case_id, _area, old, new in chunk],
            )
            follow_owner(session, [(case_id, new) for case_id, _area, _old, new in chunk])
            uow.audit_many(
                "zustaendigkeit_verschoben",
                "case",
                [
                    (case_id, case_id, {"alt": _name(names, old), "neu": _name(names, new), "grund": reason})
                    for case_id, _area, old, new in chunk
                ],
            )
            progress.report(min(start + MOVE_CHUNK, len(moved)), len(moved))
        progress.check()
        counts: dict[tuple[int, int | None, int | None], int] = {}
        for _case_id, area, old, new in moved:
            counts[(area, old, new)] = counts.get((area, old, new), 0) + 1
        result = _summarise(session, [(a, o, n, c) for (a, o, n), c in counts.items()])
        uow.commit()
        return result


def store_rules(uow: UnitOfWork, rules: Sequence[RangeRule]) -> None:
    """Replace the letter ranges of the areas these rules are for (logged)."""
    session = uow.session
    area_ids = dict(session.execute(select(Area.code, Area.id)).all())
    user_ids = dict(session.execute(select(User.username, User.id)).all())
    touched = sorted({r.area for r in rules})
    session.execute(delete(AssignmentRule).where(AssignmentRule.area_id.in_([area_ids[a] for a in touched])))
    session.add_all(
        AssignmentRule(area_id=area_ids[r.area], user_id=user_ids[r.caseworker], start=r.range.start, end=r.range.end)
        for r in rules
    )
    uow.audit(
        "zustaendigkeit_geaendert",
        "assignment_rules",
        None,
        regeln=[f"{r.area}: {r.range} → {r.caseworker}" for r in rules],
    )


def load_router(session: Session) -> Router:
    rows = session.execute(
        select(Area.code, User.username, AssignmentRule.start, AssignmentRule.end)
        .join(Area, Area.id == AssignmentRule.area_id)
        .join(User, User.id == AssignmentRule.user_id)
    ).all()
    skip = read_office_settings(session).skip_name_particles
    return Router((RangeRule(a, u, LetterRange(s, e)) for a, u, s, e in rows), skip_particles=skip)


def route_names(ctx: ServiceContext, area: str, names: Sequence[str]) -> list[tuple[str, str]]:
    """(name, caseworker's display name) under the rules in the database."""
    with ctx.db.read() as session:
        if session.scalar(select(Area.id).where(Area.code == area)) is None:
            raise NotFound("shared.area_not_found", area=area)
        router = load_router(session)
        labels = _labels(session)
    return [(name, labels.get(router.route(area, name) or "", "niemand")) for name in names]


def active_deputy(session: Session, user_id: int, on: date) -> User | None:
    """Who stands in for ``user_id`` on ``on`` (Vertretung), if anyone."""
    return session.scalar(
        select(User)
        .join(Deputy, Deputy.deputy_id == User.id)
        .where(Deputy.user_id == user_id, Deputy.valid_from <= on, Deputy.valid_until >= on)
        .order_by(Deputy.valid_from.desc())
        .limit(1)
    )


def reassign_case(ctx: ServiceContext, case_id: int, username: str, reason: str) -> None:
    """Manual reassignment (Umverteilung) of one case, with a reason that goes into the log."""
    require_lead(ctx, Label("assignment.label_reassign_cases"))
    reason = clean_text(reason, "grund", Label("shared.label_reason"), MAX_REASON)
    if not reason:
        raise ValidationError("assignment.reassign_reason_missing", field="grund")
    with ctx.unit_of_work() as uow:
        item = uow.session.get(Case, case_id)
        if item is None:
            raise NotFound("shared.case_not_found", case_id=case_id)
        if ctx.actor.role == Role.TEAM_LEAD:  # a lead moves the cases of their own area
            led = uow.session.scalar(select(User.area_id).where(User.id == ctx.actor.user_id))
            if led is not None and led != item.area_id:
                raise PermissionDenied("assignment.other_area_lead")
        user = uow.session.scalar(select(User).where(User.username == username, User.active.is_(True)))
        if user is None:
            raise ValidationError("assignment.user_missing_or_locked", username=username, field="benutzer")
        old = uow.session.get(User, item.owner_id) if item.owner_id else None
        if old is not None and old.id == user.id:
            raise ValidationError("assignment.already_with", display_name=user.display_name, field="benutzer")
        item.owner_id = user.id
        follow_owner(uow.session, [(item.id, user.id)])
        uow.audit(
            "vorgang_umverteilt",
            "case",
            case_id,
            case_id=case_id,
            alt=old.display_name if old else None,
            neu=user.display_name,
            grund=reason,
        )
        uow.commit()


def reroute_open_cases(uow: UnitOfWork, person: Person) -> int:
    """After a change of family name: route the person's open cases anew; returns how many moved."""
    session = uow.session
    router = load_router(session)
    users = {u.username: u for u in session.scalars(select(User))}
    moved = 0
    rows = session.execute(
        select(Case, Area.code)
        .join(Area, Area.id == Case.area_id)
        .where(Case.person_id == person.id, Case.status.in_(_OPEN))
    ).all()
    for item, area in rows:
        target = users.get(router.route(area, person.family_name) or "")
        if target is not None and target.id != item.owner_id:
            old = session.get(User, item.owner_id) if item.owner_id else None
            item.owner_id = target.id
            follow_owner(session, [(item.id, target.id)])
            uow.audit(
                "zustaendigkeit_verschoben",
                "case",
                item.id,
                case_id=item.id,
                alt=old.display_name if old else None,
                neu=target.display_name,
                grund=f"Namensänderung: {person.family_name}",
            )
            moved += 1
    return moved


@dataclass(frozen=True)
class DeputyRow:
    id: int
    owner: str
    deputy: str
    valid_from: date
    valid_until: date


def set_deputy(ctx: ServiceContext, owner: str, deputy: str, valid_from: date, valid_until: date) -> DeputyRow:
    """Vertretung: ``deputy`` receives ``owner``'s new work and sees their cases in the period.

    Team leads and administrators enter any Vertretung; a caseworker only their own."""
    if ctx.actor.username != owner:
        require_lead(ctx, Label("assignment.label_deputies_for_others"))
    if valid_until < valid_from:
        raise ValidationError("assignment.deputy_ends_before_start", field="bis")
    if owner == deputy:
        raise ValidationError("assignment.no_self_deputy", field="vertretung")
    with ctx.unit_of_work() as uow:
        users = {u.username: u for u in uow.session.scalars(select(User).where(User.username.in_([owner, deputy])))}
        for name, field in ((owner, "benutzer"), (deputy, "vertretung")):
            if name not in users:
                raise ValidationError("shared.no_such_user", username=name, field=field)
        row = Deputy(
            user_id=users[owner].id, deputy_id=users[deputy].id, valid_from=valid_from, valid_until=valid_until
        )
        uow.session.add(row)
        uow.session.flush()
        uow.audit(
            "vertretung_eingetragen",
            "deputy",
            row.id,
            vertreten=users[owner].display_name,
            vertretung=users[deputy].display_name,
            von=valid_from.isoformat(),
            bis=valid_until.isoformat(),
        )
        uow.commit()
        return DeputyRow(row.id, users[owner].display_name, users[deputy].display_name, valid_from, valid_until)


def visible_owners(session: Session, user_id: int | None, on: date) -> list[int]:
    """The user and everyone they deputise for on ``on``: whose cases are "mine" today."""
    return [user_id, *owners_represented_by(session, user_id, on)] if user_id is not None else []


def owners_represented_by(session: Session, user_id: int, on: date) -> list[int]:
    """The users whose cases ``user_id`` sees and works on ``on`` as their deputy."""
    return list(
        session.scalars(
            select(Deputy.user_id).where(Deputy.deputy_id == user_id, Deputy.valid_from <= on, Deputy.valid_until >= on)
        )
    )
