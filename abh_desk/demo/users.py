"""Sign-in for the demo: every user of the example office gets the demo password, and the
office gets its team leads (Ablehnungsentscheidungen, seed 003; one for each area) and an
administrator."""

from __future__ import annotations

from sqlalchemy import select

from abh_desk.domain.enums import Role
from abh_desk.services.auth import hash_password
from abh_desk.services.context import ServiceContext
from models import Area, User

DEMO_PASSWORD = "abh-demo"
_EXTRA_USERS = (
    ("soelter", "Frau Sölter", Role.TEAM_LEAD, "+49 7731 85-590", "allgemein"),
    # The Asylstelle's rejections need a lead of their own area (four eyes within the area).
    ("brenner", "Frau Brenner", Role.TEAM_LEAD, "+49 7731 85-591", "asyl"),
    ("osswald", "Herr Oßwald", Role.ADMIN, "+49 7731 85-587", None),
)


def ensure_demo_users(ctx: ServiceContext, password: str = DEMO_PASSWORD) -> list[str]:
    """Create the team lead and the administrator if missing and give every user without a
    password the demo password. Returns the user names that got it."""
    hashed = hash_password(password)
    with ctx.unit_of_work() as uow:
        session = uow.session
        areas = dict(session.execute(select(Area.code, Area.id)).all())
        existing = set(session.scalars(select(User.username)))
        for username, name, role, phone, area in _EXTRA_USERS:
            if username not in existing:
                session.add(
                    User(
                        username=username,
                        display_name=name,
                        role=role.value,
                        phone=phone,
                        area_id=areas.get(area) if area else None,
                    )
                )
        session.flush()
        changed = []
        for user in session.scalars(select(User).where(User.password_hash.is_(None)).order_by(User.username)):
            user.password_hash = hashed
            changed.append(user.username)
        if changed:
            uow.audit("demo_passwoerter_gesetzt", "user", None, benutzer=changed)
        uow.commit()
        return changed
