"""Areas, caseworkers and their letter ranges, as stored; importing a rule file."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select

from abh_desk.domain.enums import Role
from abh_desk.domain.rule_files import EXAMPLE_RULES, RuleFile, load_rule_file
from abh_desk.services.assignment import store_rules
from abh_desk.services.context import ServiceContext, UnitOfWork
from models import Area, User


@dataclass(frozen=True)
class UserRow:
    id: int
    username: str
    display_name: str
    role: str


def apply_rule_file(uow: UnitOfWork, rules: RuleFile) -> None:
    """Create missing areas and caseworkers and replace the letter ranges of the file's areas."""
    session = uow.session
    areas = {a.code: a for a in session.scalars(select(Area))}
    for spec in rules.areas:
        if spec.code not in areas:
            areas[spec.code] = Area(code=spec.code, name=spec.name)
            session.add(areas[spec.code])
    users = {u.username: u for u in session.scalars(select(User))}
    for person in rules.caseworkers:
        if person.username not in users:
            users[person.username] = User(
                username=person.username,
                display_name=person.display_name,
                role=Role.CASEWORKER.value,
                phone=person.phone,
            )
            session.add(users[person.username])
    session.flush()
    for rule in rules.rules:
        user = users[rule.caseworker]
        if user.area_id is None:
            user.area_id = areas[rule.area].id
    store_rules(uow, rules.rules)


def list_users(ctx: ServiceContext) -> list[UserRow]:
    with ctx.db.read() as session:
        return [
            UserRow(u.id, u.username, u.display_name, u.role)
            for u in session.scalars(select(User).order_by(User.display_name))
        ]


def ensure_areas(ctx: ServiceContext) -> None:
    """A new database gets the areas (Bereiche) the catalogue's procedures name — and nothing else:
    no caseworkers, no letter ranges (the administration sets its own; only the demo installs
    Singen's, ``example_office.install_example_office``)."""
    with ctx.db.read() as session:
        if session.scalar(select(func.count()).select_from(Area)):
            return
    with ctx.unit_of_work() as uow:
        areas = load_rule_file(EXAMPLE_RULES).areas
        uow.session.add_all(Area(code=spec.code, name=spec.name) for spec in areas)
        uow.audit("bereiche_angelegt", "areas", None, bereiche=[spec.code for spec in areas])
        uow.commit()


def needs_first_admin(ctx: ServiceContext) -> bool:
    """Nobody can sign in yet (no active user has a password): the first administrator is created
    without a sign-in, at the window's first start or with ``abh-desk benutzer anlegen``."""
    with ctx.db.read() as session:
        return (
            session.scalar(select(User.id).where(User.active.is_(True), User.password_hash.is_not(None)).limit(1))
            is None
        )
