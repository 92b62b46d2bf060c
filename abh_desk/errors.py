"""Typed domain errors.

Every error carries its kind (``code``, the class's), the ``key`` of its sentence and its ``params``.
The sentence has one home, the catalogue (``abh_desk.error_texts``, ``resources/messages/``), in
German and English: ``message`` is the German one the command line prints, ``text(language)`` the one
the window shows (through ``ui.messages``). Services raise these; nothing above them parses text.

``DomainError("cards.order_date_in_future", field=…)`` names a key. A sentence given instead of a key
is shown as it is, in every language — the way of modules not yet moved to the catalogue.
"""

from __future__ import annotations

from typing import Any

from abh_desk import error_texts


class DomainError(Exception):
    """Base of all errors a user can cause and correct (Fehleingaben, fehlende Daten)."""

    code: str = "fehler"

    def __init__(self, key: str, /, **params: Any) -> None:
        self.key: str | None = key if error_texts.is_key(key) else None
        self.params = params
        self.message = key if self.key is None else error_texts.sentence(self.key, "de", params)
        super().__init__(self.message)

    def text(self, language: str = "de") -> str:
        """The sentence in ``language`` ("de" or "en")."""
        if self.key is None or language == "de":
            return self.message
        return error_texts.sentence(self.key, language, self.params)

    def __str__(self) -> str:
        return self.message


class ValidationError(DomainError):
    """Input that breaks a rule; ``field`` names the input field where the UI shows the message."""

    code = "ungueltig"

    def __init__(self, key: str, /, field: str | None = None, **params: Any) -> None:
        super().__init__(key, field=field, **params)
        self.field = field

    @classmethod
    def at(cls, field: str, error: DomainError) -> ValidationError:
        """``error``'s sentence, shown at ``field`` (a check of a part, refused for the whole)."""
        return cls(error.key or error.message, **{**error.params, "field": field})


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

    def text(self, language: str = "de") -> str:
        return " ".join(e.text(language) for e in self.errors)

    def by_field(self, language: str = "de") -> dict[str, str]:
        return {e.field or "": e.text(language) for e in self.errors}


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
