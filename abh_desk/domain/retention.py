"""Retention periods (Aufbewahrung, domain.md §11): when a person's file is due for deletion.

A rule runs ``years`` from an event recorded for the person (Aufbewahrungsanlass). The rule table
lives in the database (``retention_rules``); the migration ships the rule the handbook names:
data about expulsion or deportation are deleted 10 years after the entry ban ends (§ 91 Abs. 1
AufenthG). The periods of § 68 AufenthV (Ausländerdatei B) are added there by the administration.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from dateutil.relativedelta import relativedelta

from abh_desk.errors import ValidationError

TRIGGERS = {
    "einreisesperre_ende": "Ende der Einreisesperre",
    "wegzug": "Wegzug aus dem Bezirk",
    "tod": "Tod",
    "einbuergerung": "Einbürgerung",
}


@dataclass(frozen=True)
class Rule:
    key: str
    label: str
    legal_basis: str
    trigger: str
    years: int


def due_on(rule: Rule, event_date: date) -> date:
    """The first day the file may be deleted: ``years`` after the event (29 February → 28th)."""
    due: date = event_date + relativedelta(years=rule.years)
    return due


def check_trigger(kind: str) -> str:
    if kind not in TRIGGERS:
        known = ", ".join(f"{k} ({v})" for k, v in TRIGGERS.items())
        raise ValidationError("domain_retention.unknown_trigger", field="anlass", kind=kind, known=known)
    return kind


# An entry ban is recorded with its end, which may lie ahead; the other events have happened.
FUTURE_ALLOWED = frozenset({"einreisesperre_ende"})


def check_event_date(kind: str, on: date, today: date) -> date:
    if on > today and kind not in FUTURE_ALLOWED:
        raise ValidationError("domain_retention.date_in_future", field="datum", trigger=TRIGGERS[kind])
    return on
