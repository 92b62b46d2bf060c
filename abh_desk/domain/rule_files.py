"""Reading a Zuständigkeit rule file (TOML), like ``resources/assignment/singen.toml``."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from pathlib import Path

from abh_desk.domain.assignment import RangeRule, parse_ranges
from abh_desk.errors import ConfigurationError, ValidationError

RESOURCES = Path(__file__).resolve().parents[2] / "resources"
EXAMPLE_RULES = RESOURCES / "assignment" / "singen.toml"


@dataclass(frozen=True)
class AreaSpec:
    code: str
    name: str


@dataclass(frozen=True)
class CaseworkerSpec:
    username: str
    display_name: str
    phone: str | None


@dataclass(frozen=True)
class RuleFile:
    areas: tuple[AreaSpec, ...]
    caseworkers: tuple[CaseworkerSpec, ...]
    rules: tuple[RangeRule, ...]


def load_rule_file(path: Path) -> RuleFile:
    try:
        raw = tomllib.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise ConfigurationError("domain_rule_files.unreadable", path=path, detail=exc.strerror or exc) from exc
    except UnicodeDecodeError:
        raise ConfigurationError("domain_rule_files.not_utf8", file=path.name) from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigurationError("domain_rule_files.invalid_toml", file=path.name, detail=exc) from exc
    areas: list[AreaSpec] = []
    people: dict[str, CaseworkerSpec] = {}
    rules: list[RangeRule] = []
    for index, area in enumerate(raw.get("bereich", []), start=1):
        code = area.get("code")
        if not isinstance(code, str) or not code:
            raise ConfigurationError("domain_rule_files.code_missing", file=path.name, index=index)
        areas.append(AreaSpec(code, str(area.get("name", code))))
        for number, rule in enumerate(area.get("regel", []), start=1):
            username = rule.get("benutzer")
            letters = rule.get("buchstaben")
            if not isinstance(username, str) or not isinstance(letters, str):
                raise ConfigurationError(
                    "domain_rule_files.user_and_letters_required", file=path.name, area=code, number=number
                )
            people.setdefault(username, CaseworkerSpec(username, str(rule.get("name", username)), rule.get("telefon")))
            try:
                ranges = parse_ranges(letters)
            except ValidationError as exc:
                raise ConfigurationError(
                    "domain_rule_files.letters_invalid", file=path.name, area=code, number=number, problem=exc
                ) from exc
            rules.extend(RangeRule(code, username, r) for r in ranges)
    if not areas:
        raise ConfigurationError("domain_rule_files.no_areas", file=path.name)
    return RuleFile(tuple(areas), tuple(people.values()), tuple(rules))
