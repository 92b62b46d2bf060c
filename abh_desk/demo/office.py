"""The demo office: the default SQLite file filled with demo data at once (the first-start
dialog's third way, and the ``demo`` command), refused in a database that holds an office's data.

Light to import: the generators load only when a demo is made, not at every start of the window.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from sqlalchemy import select
from sqlalchemy.orm import Session

from abh_desk import migrate
from abh_desk.clock import SYSTEM_CLOCK, Clock
from abh_desk.config import WorkstationSettings, default_database_url, save_settings
from abh_desk.demo.users import DEMO_PASSWORD
from abh_desk.domain.catalogue import load_catalogue
from abh_desk.errors import Cancelled, PermissionDenied
from abh_desk.services.audit_key_setup import set_up_if_new
from abh_desk.services.context import ServiceContext
from abh_desk.services.example_office import install_example_office
from abh_desk.services.workstation_setup import current_settings
from abh_desk.storage import Database
from models import AuditEvent, Person, User

if TYPE_CHECKING:
    from abh_desk.demo.persons import DemoSummary

#: Persons in the demo office the first-start dialog creates (as scripts/start.sh does; under a second here).
DEMO_PERSONS = 2000
DEMO_ADMIN = "osswald"
#: The audit entry that marks a database as a demo: `demo` may add to it (never to an office's).
DEMO_MARK = "demo_datenbank"


def set_up_demo(
    persons: int = DEMO_PERSONS,
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
    clock: Clock = SYSTEM_CLOCK,
) -> WorkstationSettings:
    """The demo office in the default SQLite file (filled only if it holds no persons yet)."""
    db = Database(default_database_url())
    try:
        db.check_connection()
        migrate.upgrade(db)
        ctx = ServiceContext(db, load_catalogue(), clock=clock)
        set_up_if_new(ctx)  # the demo's audit trail is signed from the first entry, as an office's
        fill_demo_office(ctx, persons, progress=progress, cancelled=cancelled)
        if cancelled is not None and cancelled():
            raise Cancelled("demo_office.cancelled")
    finally:
        db.dispose()
    settings = replace(current_settings(), database_url=None, last_username=DEMO_ADMIN)
    save_settings(settings)
    return settings


@dataclass(frozen=True)
class DemoOffice:
    summary: DemoSummary | None  # None: persons were there already, nothing generated
    deadlines: int
    users: list[str]  # who got the demo password
    cards: int = 0  # eAT cards in their various states


def fill_demo_office(
    ctx: ServiceContext,
    persons: int,
    seed: int = 1,
    only_if_empty: bool = True,
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> DemoOffice:
    """Demo persons with titles, cases and deadlines, and the demo users' password (``abh-demo``).
    Deterministic per seed and relative to the clock's day, which stays one day throughout."""
    ctx = ctx.frozen()
    with ctx.db.read() as session:
        empty = session.scalar(select(Person.id).limit(1)) is None
        allowed = demo_allowed(session, empty)
    if only_if_empty and not empty:
        if allowed:  # a demo database made before the letterhead was a setting gets Singen's now
            install_example_office(ctx)
        return DemoOffice(None, 0, [], 0)
    if not allowed:
        raise PermissionDenied("demo_office.database_not_empty", password=DEMO_PASSWORD)
    # Only a demo needs the generators (and the letter renderer behind the demo cards): not at every start.
    from abh_desk.demo.appointments import generate_demo_appointments
    from abh_desk.demo.cards import generate_demo_cards
    from abh_desk.demo.deadlines import generate_demo_deadlines
    from abh_desk.demo.persons import generate_demo
    from abh_desk.demo.users import ensure_demo_users

    summary = generate_demo(ctx, persons, seed=seed, progress=progress, cancelled=cancelled)
    deadlines = generate_demo_deadlines(ctx, seed=seed)
    cards = generate_demo_cards(ctx, seed=seed)
    generate_demo_appointments(ctx, seed=seed)
    users = ensure_demo_users(ctx)
    with ctx.unit_of_work() as uow:
        uow.audit(DEMO_MARK, "datenbank", None, personen=summary.persons)
        uow.commit()
    return DemoOffice(summary, deadlines, users, cards)


def demo_allowed(session: Session, empty: bool) -> bool:
    """A demo goes only into a database that is new (no persons, no passwords) or a demo already."""
    if session.scalar(select(AuditEvent.id).where(AuditEvent.action == DEMO_MARK).limit(1)) is not None:
        return True
    return empty and session.scalar(select(User.id).where(User.password_hash.is_not(None)).limit(1)) is None
