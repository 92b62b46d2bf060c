"""The one place where a failure becomes a sentence on the screen (issue 22, part 3).

Every window shows what went wrong through ``error_text``:

- a ``DomainError`` (a rule, an input, a right, a record changed meanwhile) says what the service
  said, in the window's language: its sentence comes from the one catalogue of such sentences
  (``abh_desk.error_texts``, ``resources/messages/``) by the error's ``key`` and ``params``;
- anything else — the database server gone, a full disk, a fault of the program — is never shown
  raw (no SQL, no English library text, no traceback at the counter): the user reads what happened
  in German words and what to do, the log keeps the details.

The window's language is set once at the start (``set_language``, by ``ui.app``); the windows' own
words are translated by Qt's ``tr()``, the services' words (a case's status, a deadline's kind — a
``Label`` of the catalogue, German as text) by ``spoken``.
"""

from __future__ import annotations

import errno
import logging

from PySide6.QtCore import QCoreApplication

from abh_desk.error_texts import Label
from abh_desk.errors import DomainError, FieldErrors

log = logging.getLogger(__name__)

#: Modules whose exceptions mean the database failed (by name: the window layer imports no driver).
_DATABASE_MODULES = ("sqlalchemy", "psycopg", "sqlite3", "_sqlite3")


_language = "de"


def set_language(language: str) -> None:
    """The language ("de" or "en") the services' sentences are shown in from now on."""
    global _language
    _language = language


def _tr(text: str) -> str:
    return QCoreApplication.translate("messages", text)


def spoken(value: object) -> str:
    """A word of a service for the window: a ``Label`` (a status, a kind, a role …) in the window's
    language, anything else as its text. Table cells (``ui.rows_model.cell``) go through here."""
    if isinstance(value, Label):
        return value.text(_language)
    return str(value)


def is_database_failure(exc: BaseException) -> bool:
    module = type(exc).__module__ or ""
    return module.split(".")[0] in _DATABASE_MODULES


def field_texts(exc: FieldErrors) -> dict[str, str]:
    """Each wrong field's sentence in the window's language, by field name."""
    return exc.by_field(_language)


def error_text(exc: BaseException) -> str:
    """What to tell the user about ``exc``; an unexpected one is logged with its traceback."""
    if isinstance(exc, DomainError):
        return exc.text(_language)
    log.error("Unerwarteter Fehler in einem Fenster", exc_info=exc)
    if is_database_failure(exc):
        return _tr(
            "The database did not complete the work (the server may be unreachable or the disk full); "
            "what was being saved was not saved. Please try again; if it happens again, tell the "
            "administration (the details are in the log)."
        )
    if isinstance(exc, OSError):
        why = {
            errno.ENOENT: _tr("it does not exist"),
            errno.EACCES: _tr("access is not allowed"),
            errno.EPERM: _tr("access is not allowed"),
            errno.ENOSPC: _tr("the disk is full"),
            errno.EISDIR: _tr("it is a folder"),
            errno.EROFS: _tr("the drive is read-only"),
        }.get(exc.errno or 0, _tr("the system refused"))
        named = f"„{exc.filename}“" if exc.filename else _tr("(without a name)")
        return (
            _tr("The file %1 could not be read or written: %2. Please check the path and try again.")
            .replace("%1", named)
            .replace("%2", why)
        )
    return _tr(
        "Something went wrong that the program did not expect (%1). Please try again; if it happens again, "
        "tell the administration (the details are in the log)."
    ).replace("%1", type(exc).__name__)
