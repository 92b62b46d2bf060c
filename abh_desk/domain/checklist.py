"""Which documents of a procedure's checklist apply to a case (erforderliche Unterlagen).

A document without a condition always applies. Conditions of age are decided from the birth
date; every other condition ("nur bei Sprachkurs", "nur falls ein Visum erforderlich ist" …) is a
fact the caseworker records on the case, so that only the documents that apply are asked for.
"""

from __future__ import annotations

from collections.abc import Collection

ADULT_AGE = 18
AGE_CONDITIONS = frozenset({"minderjaehrig", "volljaehrig", "ueber_45", "kindernachzug_16_18"})


def applies_by_age(condition: str | None, age: int | None) -> bool | None:
    """True/False for a condition of age (unknown age: True, so nothing is silently left out);
    None when the condition is not about age."""
    if condition not in AGE_CONDITIONS:
        return None
    if age is None:
        return True
    if condition == "minderjaehrig":
        return age < ADULT_AGE
    if condition == "volljaehrig":
        return age >= ADULT_AGE
    if condition == "ueber_45":
        return age > 45
    return 16 <= age < ADULT_AGE  # kindernachzug_16_18


def applies(condition: str | None, age: int | None, facts: Collection[str]) -> bool:
    """Whether a document with ``condition`` is required for a case with these facts."""
    if condition is None:
        return True
    by_age = applies_by_age(condition, age)
    return by_age if by_age is not None else condition in facts


def case_facts(conditions: Collection[str | None]) -> list[str]:
    """The facts a caseworker can record for a procedure: its non-age conditions, in order."""
    seen: list[str] = []
    for condition in conditions:
        if condition and condition not in AGE_CONDITIONS and condition not in seen:
            seen.append(condition)
    return seen
