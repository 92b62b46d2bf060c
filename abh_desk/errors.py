"""Typed domain errors.

Every error carries a stable ``code`` and its ``params``; ``message`` is the German sentence the
CLI prints and the UI shows. Services raise these; nothing above them needs to parse text.
"""

from __future__ import annotations

from typing import Any


class DomainError(Exception):
    """Base of all errors a user can cause and correct (Fehleingaben, fehlende Daten)."""

    code: str = "fehler"

    def __init__(self, message: str, **params: Any) -> None:
        super().__init__(message)
        self.message = message
        self.params = params

    def __str__(self) -> str:
        return self.message


class ValidationError(DomainError):
    """Input that breaks a rule; ``field`` names the input field where the UI shows the message."""

    code = "ungueltig"

    def __init__(self, message: str, field: str | None = None, **params: Any) -> None:
        super().__init__(message, field=field, **params)
        self.field = field


class NotFound(DomainError):
    code = "nicht_gefunden"


class ConfigurationError(DomainError):
    """Settings or shipped data that cannot be used (database URL, catalogue file, rule file)."""

    code = "konfiguration"


class FieldErrors(DomainError):
    """Several fields are wrong at once; the UI shows each message next to its field."""

    code = "felder_ungueltig"

    def __init__(self, errors: list[ValidationError]) -> None:
        super().__init__(" ".join(e.message for e in errors), fields=[e.field for e in errors])
        self.errors = errors

    def by_field(self) -> dict[str, str]:
        return {e.field or "": e.message for e in self.errors}


def raise_all(errors: list[ValidationError]) -> None:
    """Refuse with every wrong field at once: one error as itself, several as FieldErrors."""
    if len(errors) == 1:
        raise errors[0]
    if errors:
        raise FieldErrors(errors)


class StaleRecord(DomainError):
    """Someone else saved the record since it was loaded (optimistic locking)."""

    code = "veraltet"


class PermissionDenied(DomainError):
    code = "keine_berechtigung"


class Cancelled(DomainError):
    """The user cancelled long work; its transaction was rolled back."""

    code = "abgebrochen"
