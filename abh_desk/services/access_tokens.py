"""Zugangsschlüssel for batch jobs: an administrator issues a token for one user, for a purpose and
until a day; a job (cron, a script of the back office) sets it in ``ABH_DESK_TOKEN`` and runs
``abh-desk`` commands as that user, checked and logged like a sign-in at the window.

The token is shown once; only its SHA-256 is stored (it has 256 random bits: a fast hash is enough,
nothing to guess). Using a revoked, expired or unknown token is logged and refused.
"""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlalchemy import select, update
from sqlalchemy.exc import DBAPIError

from abh_desk import pg_sessions
from abh_desk.domain.enums import ROLE_LABELS, Role
from abh_desk.domain.text import clean_text
from abh_desk.error_texts import Label
from abh_desk.errors import NotFound, PermissionDenied, ValidationError
from abh_desk.services.auth import LoginFailed, SignedIn
from abh_desk.services.context import Actor, ServiceContext
from models import AccessToken, User

PREFIX = "abh_"
#: A token runs at most a year; a job that runs longer gets a new one (and the old one ends).
MAX_VALIDITY = timedelta(days=366)
MAX_PURPOSE = 200


@dataclass(frozen=True)
class IssuedToken:
    id: int
    secret: str  # shown once, never stored
    username: str
    valid_until: date


@dataclass(frozen=True)
class TokenRow:
    id: int
    username: str
    purpose: str
    valid_until: date
    created_at: datetime
    revoked: bool
    last_used_at: datetime | None


def _digest(secret: str) -> str:
    return hashlib.sha256(secret.encode("utf-8")).hexdigest()


def _require_admin(ctx: ServiceContext) -> None:
    if ctx.actor.role != Role.ADMIN or ctx.actor.user_id is None:
        raise PermissionDenied("access_tokens.admin_only")


def issue_token(ctx: ServiceContext, username: str, purpose: str, valid_until: date) -> IssuedToken:
    """A new token for ``username``, until ``valid_until`` (at most a year from today)."""
    _require_admin(ctx)
    purpose = clean_text(purpose, "zweck", Label("access_tokens.label_purpose"), MAX_PURPOSE)
    if len(purpose) < 5:
        raise ValidationError("access_tokens.purpose_missing", field="zweck")
    today = ctx.today()
    if valid_until < today:
        raise ValidationError("access_tokens.already_expired", field="gueltig_bis")
    if valid_until > today + MAX_VALIDITY:
        raise ValidationError(
            "access_tokens.at_most_a_year",
            latest=today + MAX_VALIDITY,
            field="gueltig_bis",
        )
    secret = PREFIX + secrets.token_urlsafe(32)
    with ctx.unit_of_work() as uow:
        user = uow.session.scalar(select(User).where(User.username == username.strip().lower()))
        if user is None or not user.active:
            raise ValidationError("access_tokens.no_active_user", username=username, field="benutzer")
        row = AccessToken(
            user_id=user.id,
            token_hash=_digest(secret),
            purpose=purpose,
            valid_until=valid_until,
            created_by_id=ctx.actor.user_id,
        )
        uow.session.add(row)
        uow.session.flush()
        uow.audit(
            "zugangsschluessel_ausgegeben", "access_token", row.id, benutzer=user.username, zweck=purpose,
            gueltig_bis=valid_until.isoformat(),
        )  # fmt: skip
        uow.commit()
        return IssuedToken(row.id, secret, user.username, valid_until)


def revoke_token(ctx: ServiceContext, token_id: int) -> None:
    _require_admin(ctx)
    with ctx.unit_of_work() as uow:
        row = uow.session.get(AccessToken, token_id)
        if row is None:
            raise NotFound("access_tokens.no_such_token", token_id=token_id)
        if row.revoked_at is None:
            row.revoked_at = uow.now
            uow.audit("zugangsschluessel_widerrufen", "access_token", row.id)
        uow.commit()


def list_tokens(ctx: ServiceContext) -> list[TokenRow]:
    _require_admin(ctx)
    with ctx.db.read() as session:
        rows = session.execute(
            select(AccessToken, User.username).join(User, User.id == AccessToken.user_id).order_by(AccessToken.id)
        ).all()
    return [
        TokenRow(
            row.id, name, row.purpose, row.valid_until, row.created_at, row.revoked_at is not None, row.last_used_at
        )
        for row, name in rows
    ]


def sign_in_with_token(ctx: ServiceContext, secret: str) -> SignedIn:
    """The user the token was issued to, while it is valid and the user active and not locked."""
    refused = LoginFailed("access_tokens.token_refused")
    with ctx.unit_of_work() as uow:
        now, today = uow.now, uow.today
        found = uow.session.execute(
            select(AccessToken, User).join(User, User.id == AccessToken.user_id).where(
                AccessToken.token_hash == _digest(secret.strip())
            )
        ).first()  # fmt: skip
        token, user = found if found is not None else (None, None)
        usable = token is not None and token.revoked_at is None and token.valid_until >= today
        if token is None or user is None or not usable or not user.active:
            uow.audit(
                "anmeldung_fehlgeschlagen", "access_token", token.id if token else None, grund="zugangsschluessel"
            )
            uow.commit()
            raise refused
        if user.locked_until is not None and user.locked_until > now:
            uow.audit("anmeldung_gesperrt", "user", user.id, benutzer=user.username)
            uow.commit()
            raise LoginFailed("access_tokens.token_user_locked")
        uow.session.execute(
            update(AccessToken)
            .where(AccessToken.id == token.id)
            .values(last_used_at=now)
            .execution_options(synchronize_session=False)
        )
        server_session = None
        if pg_sessions.restricted(uow.session):  # the server's session, for its four-eyes triggers
            try:
                server_session = pg_sessions.open_token_session(uow.session, secret.strip())
            except DBAPIError as exc:
                if pg_sessions.sqlstate(exc) != pg_sessions.UNKNOWN:
                    raise
                raise refused from None
            pg_sessions.use(uow.session, server_session)
        actor = Actor(user.id, user.username, Role(user.role), server_session=server_session)
        uow.ctx = ctx.as_user(actor)
        uow.audit("angemeldet", "user", user.id, benutzer=user.username, zugangsschluessel=token.id)
        uow.commit()
        return SignedIn(actor, user.display_name, ROLE_LABELS[Role(user.role)])
