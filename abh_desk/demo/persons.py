"""Demodaten: realistic persons, residence titles, cases and checklists, from 50 to 1,000,000 persons.

For trying the program out, for training and for load tests. Deterministic: the same seed and
``today`` give the same data in an empty database (``random.Random(seed)``, never the clock).

Speed: rows are planned in plain Python per chunk, then written with SQLAlchemy Core bulk inserts,
one transaction per chunk, so progress shows, a cancel takes effect between chunks and memory stays
flat. Ids are allocated per chunk inside the write transaction (max(id) + 1 under SQLite's write
lock, ``nextval`` of the table's sequence on PostgreSQL), so child rows reference their parents
without round trips; Aktenzeichen are reserved as one block per counter scope and chunk.
"""

from __future__ import annotations

import calendar
import math
import random
import re
import time
from bisect import bisect
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta, timezone
from itertools import accumulate, pairwise
from typing import Any, cast

from sqlalchemy import Table, func, insert, select, text
from sqlalchemy.orm import Session

from abh_desk.demo.names import (
    AGE_LIMITS,
    CARD_KINDS,
    EMAIL_DOMAIN,
    FICTION_KIND,
    FICTION_LEGAL_BASIS,
    KIND_MONTHS,
    LOCAL_BIRTH_PLACES,
    NOT_A_STATUS,
    PARAGRAPH_GROUPS,
    PHONE_BLOCKS,
    POOLS,
    POOLS_BY_NATIONALITY,
    RESERVED_PROCEDURES,
    SHOWCASE,
    TITLE_PROFILES,
    TOWNS,
    UNLIMITED_KINDS,
    WAIVER_REASONS,
    NationalityPool,
    TitleProfile,
)
from abh_desk.domain.assignment import Router
from abh_desk.domain.birth_dates import PartialDate
from abh_desk.domain.catalogue import CONDITIONS, Catalogue, ProcedureType
from abh_desk.domain.enums import CaseStatus, ChecklistStatus
from abh_desk.domain.file_numbers import FileNumberPattern
from abh_desk.domain.names import fold, routing_keys, search_key
from abh_desk.domain.representation import may_be_minor
from abh_desk.errors import ConfigurationError, ValidationError
from abh_desk.services.assignment import load_router
from abh_desk.services.cases import applies
from abh_desk.services.context import ServiceContext
from abh_desk.services.example_office import install_example_office
from abh_desk.services.fees import fee_for
from abh_desk.services.file_numbers import reserve_numbers
from abh_desk.services.office import read_office_settings
from models import Area, Base, Case, ChecklistItem, LegalRepresentative, Person, ResidenceTitle, User

MIN_PERSONS = 50
MAX_PERSONS = 1_000_000
#: Persons per chunk (one transaction each); their titles, cases and checklist items go along.
CHUNK_PERSONS = 10_000

Row = dict[str, Any]
#: Countries an unaccompanied minor in the demo comes from; the first such teenager gets the Jugendamt.
UNACCOMPANIED_NATIONALITIES = ("AFG", "SYR", "ERI", "IRQ")
#: The Jugendamt of the Landkreis Konstanz (Singen's), as Amtsvormund (§ 1786 BGB, § 42 SGB VIII).
YOUTH_OFFICE: Row = {
    "kind": "amtsvormund", "authority": "Landratsamt Konstanz – Jugendamt", "family_name": "Berger",
    "given_names": "Petra", "sex": "w", "street": "Benediktinerplatz 1", "postcode": "78467", "city": "Konstanz",
}  # fmt: skip
Progress = Callable[[int, int], None]


@dataclass(frozen=True)
class DemoSummary:
    persons: int
    titles: int
    cases: int
    checklist_items: int
    seconds: float


def generate_demo(
    ctx: ServiceContext,
    persons: int,
    seed: int = 1,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> DemoSummary:
    """Append ``persons`` demo persons with their titles, cases and checklists to the database.

    ``progress(done, total)`` is called after every committed chunk; ``cancelled()`` is asked
    between chunks: what was committed stays, and the summary counts it. One audit event per run.
    """
    if not MIN_PERSONS <= persons <= MAX_PERSONS:
        raise ValidationError(
            "demo_persons.count_out_of_range",
            field="personen",
            minimum=f"{MIN_PERSONS:,}".replace(",", "."),
            maximum=f"{MAX_PERSONS:,}".replace(",", "."),
        )
    started = time.perf_counter()
    today = ctx.today()
    install_example_office(ctx)  # the demo is Singen: its caseworkers, ranges and letterhead
    with ctx.db.read() as session:
        setup = _Setup.load(session, ctx.catalogue)
    planner = _Planner(random.Random(seed), setup, today)
    counts = [0, 0, 0, 0]
    if progress:
        progress(0, persons)
    with ctx.unit_of_work() as uow:
        try:
            while counts[0] < persons and not (cancelled and cancelled()):
                chunk = planner.chunk(counts[0], min(CHUNK_PERSONS, persons - counts[0]))
                _write(uow.session, ctx.db.backend, setup, chunk)
                uow.commit()
                for n, rows in enumerate((chunk.persons, chunk.titles, chunk.cases, chunk.items)):
                    counts[n] += len(rows)
                if progress:
                    progress(counts[0], persons)
        finally:
            uow.session.rollback()  # a chunk left half-written by an error
            if counts[0]:
                uow.audit(
                    "demo_erzeugt",
                    "demo",
                    None,
                    personen=counts[0],
                    angefordert=persons,
                    seed=seed,
                    stichtag=today.isoformat(),
                    titel=counts[1],
                    vorgaenge=counts[2],
                    unterlagen=counts[3],
                )
                uow.commit()
    persons_done, titles, cases, items = counts
    return DemoSummary(persons_done, titles, cases, items, seconds=time.perf_counter() - started)


# --- what the database and the catalogue hold ---------------------------------------------------


@dataclass(frozen=True)
class _Setup:
    router: Router
    area_ids: dict[str, int]
    user_ids: dict[str, int]
    pattern: FileNumberPattern
    procedures: tuple[ProcedureType, ...]

    @classmethod
    def load(cls, session: Session, catalogue: Catalogue) -> _Setup:
        area_ids = {code: id_ for id_, code in session.execute(select(Area.id, Area.code))}
        for procedure in catalogue:
            if procedure.area not in area_ids:
                raise ConfigurationError("demo_persons.area_missing", area=procedure.area)
        if not len(catalogue):
            raise ConfigurationError("demo_persons.catalogue_empty")
        return cls(
            router=load_router(session),
            area_ids=area_ids,
            user_ids={name: id_ for id_, name in session.execute(select(User.id, User.username))},
            pattern=FileNumberPattern(read_office_settings(session).file_number_pattern),
            procedures=tuple(catalogue),
        )


_LAWS = re.compile(r"(AufenthG|AufenthV|BeschV|AsylG|FreizügG/EU|VwVfG)")
_PARAGRAPH = re.compile(r"(?:§§?|,)\s*(\d+[a-z]?)\b")


def aufenthg_paragraphs(legal_basis: str) -> set[str]:
    """The AufenthG paragraphs a legal basis cites: "§ 19c Abs. 1 AufenthG i. V. m. § 12 BeschV" → {"19c"}."""
    parts = _LAWS.split(legal_basis)
    found: set[str] = set()
    for passage, law in zip(parts[::2], parts[1::2], strict=False):
        if law == "AufenthG":
            found.update(_PARAGRAPH.findall(passage))
    return found


class _Weighted:
    """Draws from weighted choices with one random number."""

    def __init__(self, pairs: Sequence[tuple[Any, float]]) -> None:
        pairs = [(item, weight) for item, weight in pairs if weight > 0]
        self.items = [item for item, _ in pairs]
        self.cumulative = list(accumulate(weight for _, weight in pairs))

    def __bool__(self) -> bool:
        return bool(self.items)

    def draw(self, rng: random.Random) -> Any:
        return self.items[bisect(self.cumulative, rng.random() * self.cumulative[-1])]


def _procedures_by_story(procedures: Sequence[ProcedureType]) -> dict[str, _Weighted]:
    """For each story (Syrian refugee, Indian engineer …) the procedures it likely leads to:
    those citing the story's paragraphs often, those citing no story's paragraphs now and then."""
    reserved = {p.key for p in procedures if any(word in p.name for word in RESERVED_PROCEDURES)}
    open_to_all = [p for p in procedures if p.key not in reserved]
    cited = {p.key: aufenthg_paragraphs(p.legal_basis) for p in open_to_all}
    result = {}
    for story, paragraphs in PARAGRAPH_GROUPS.items():
        weights = []
        for procedure in open_to_all:
            own = cited[procedure.key]
            if own & paragraphs:
                weights.append((procedure, 8.0))
            elif not any(own & other for other in PARAGRAPH_GROUPS.values()):
                weights.append((procedure, 2.0))
        result[story] = _Weighted(weights) or _Weighted([(p, 1.0) for p in open_to_all])
    return result


def _reserved_procedures(procedures: Sequence[ProcedureType]) -> dict[str, _Weighted]:
    """Procedures only some nationalities apply for (Swiss nationals' residence permit)."""
    by_nationality: dict[str, list[tuple[ProcedureType, float]]] = {}
    for procedure in procedures:
        for word, nationalities in RESERVED_PROCEDURES.items():
            if word in procedure.name:
                for nationality in sorted(nationalities):
                    by_nationality.setdefault(nationality, []).append((procedure, 1.0))
    return {nationality: _Weighted(pairs) for nationality, pairs in by_nationality.items()}


# --- planning rows in plain Python ----------------------------------------------------------


@dataclass
class _Chunk:
    """Rows of one chunk. Until ``_write`` assigns ids, ``person_id`` and ``case_id`` hold the
    index of the parent row within the chunk, and a few fields hold placeholders."""

    persons: list[Row] = field(default_factory=list)
    cases: list[Row] = field(default_factory=list)
    titles: list[Row] = field(default_factory=list)
    items: list[Row] = field(default_factory=list)
    representatives: list[Row] = field(default_factory=list)


#: The latest case of a person may still be open; earlier ones are decided.
_LATEST_STATUS = (
    (CaseStatus.NEW, 10), (CaseStatus.IN_PROGRESS, 16), (CaseStatus.WAITING_FOR_DOCUMENTS, 12),
    (CaseStatus.READY_FOR_DECISION, 7), (CaseStatus.GRANTED, 30), (CaseStatus.REJECTED, 5),
    (CaseStatus.WITHDRAWN, 4), (CaseStatus.CLOSED, 16),
)  # fmt: skip
_EARLIER_STATUS = (
    (CaseStatus.GRANTED, 50), (CaseStatus.REJECTED, 7), (CaseStatus.WITHDRAWN, 6), (CaseStatus.CLOSED, 37),
)  # fmt: skip
#: How many days ago an open case was applied for, by status.
_OPEN_AGE_DAYS = {
    CaseStatus.NEW: (0, 20), CaseStatus.IN_PROGRESS: (5, 120),
    CaseStatus.WAITING_FOR_DOCUMENTS: (10, 150), CaseStatus.READY_FOR_DECISION: (20, 180),
}  # fmt: skip
#: Chance that a document of an open case has been received / waived, by status (else missing).
_DOCUMENT_ODDS = {
    CaseStatus.NEW: (0.15, 0.02), CaseStatus.IN_PROGRESS: (0.55, 0.06),
    CaseStatus.WAITING_FOR_DOCUMENTS: (0.5, 0.05), CaseStatus.READY_FOR_DECISION: (0.9, 0.1),
}  # fmt: skip
_AGE_CONDITIONS = ("minderjaehrig", "volljaehrig")
#: Weights of 0, 1, 2, 3, 4 cases per person: third-country nationals, free movement.
_CASES_PER_PERSON = (12, 38, 30, 14, 6)
_CASES_FREE_MOVEMENT = (50, 40, 10)
#: Current titles: share already expired, share due for the expiry reminder (within eight weeks).
_EXPIRED, _DUE = 0.05, 0.025
_HISTORY_DAYS = 3 * 365
_REMINDER_DAYS = 56
_UTC = timezone.utc
_SERIAL_ALPHABET = "CFGHJKLMNPRTVWXYZ0123456789"  # the letters of German identity document numbers
_BASE36 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"


def _add_months(day: date, months: int) -> date:
    month = day.month - 1 + months
    year = day.year + month // 12
    month = month % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def _fits_age(procedure: ProcedureType, age: int) -> bool:
    return all(low <= age <= high for word, (low, high) in AGE_LIMITS.items() if word in procedure.name)


class _Planner:
    """Draws persons and everything that belongs to them. Only ``rng`` decides: no ids, no clock."""

    def __init__(self, rng: random.Random, setup: _Setup, today: date) -> None:
        self.rng = rng
        self.setup = setup
        self.today = today
        self.pools = _Weighted([(p, p.weight) for p in POOLS])
        self.towns = _Weighted([(t, t.weight) for t in TOWNS])
        self.stories = {p.nationality: _Weighted(p.titles) for p in POOLS if p.titles}
        self.profiles = {
            story: _Weighted([(profile, profile.weight) for profile in profiles])
            for story, profiles in TITLE_PROFILES.items()
        }
        self.story_procedures = _procedures_by_story(setup.procedures)
        self.reserved = _reserved_procedures(setup.procedures)
        self.by_key = {p.key: p for p in setup.procedures}
        self.case_counts = _Weighted(list(enumerate(_CASES_PER_PERSON)))
        self.free_movement_case_counts = _Weighted(list(enumerate(_CASES_FREE_MOVEMENT)))
        self.latest_status = _Weighted(_LATEST_STATUS)
        self.earlier_status = _Weighted(_EARLIER_STATUS)
        self.keys: dict[str, str] = {}
        self.routing_keys: dict[str, tuple[str, str | None]] = {}
        self.owners: dict[tuple[str, str], int | None] = {}
        self.stamps: dict[date, datetime] = {}
        self.youth_office_given = False

    # small caches: the pools are finite, so most of this work is a dict lookup
    def key(self, name: str) -> str:
        key = self.keys.get(name)
        if key is None:
            key = self.keys[name] = search_key(name)
        return key

    def routing(self, family_name: str) -> tuple[str, str | None]:
        keys = self.routing_keys.get(family_name)
        if keys is None:
            keys = self.routing_keys[family_name] = routing_keys(family_name)
        return keys

    def owner(self, area: str, family_name: str) -> int | None:
        cache_key = (area, family_name)
        if cache_key not in self.owners:
            username = self.setup.router.route(area, family_name)
            self.owners[cache_key] = self.setup.user_ids.get(username) if username else None
        return self.owners[cache_key]

    def stamp(self, day: date) -> datetime:
        """A point in time on ``day`` (during office hours, UTC), for created_at/updated_at."""
        value = self.stamps.get(day)
        if value is None:
            value = self.stamps[day] = datetime(day.year, day.month, day.day, 8, 30, tzinfo=_UTC)
        return value

    def days_ago(self, low: int, high: int) -> date:
        return self.today - timedelta(days=self.rng.randint(low, high))

    def chunk(self, first_index: int, count: int) -> _Chunk:
        chunk = _Chunk()
        for index in range(first_index, first_index + count):
            self.person(chunk, index)
        return chunk

    # -- a person ---------------------------------------------------------------------------------
    def person(self, chunk: _Chunk, index: int) -> None:
        rng = self.rng
        if index < len(SHOWCASE):
            nationality, family, given, sex = SHOWCASE[index]
            pool = POOLS_BY_NATIONALITY[nationality]
        else:
            pool = self.pools.draw(rng)
            sex = "w" if rng.random() < pool.female_share else "m"
            given = rng.choice(pool.female_given if sex == "w" else pool.male_given)
            family = rng.choice(pool.family_names)
            if sex == "w":
                family = pool.female_family.get(family, family)
        birth = self.birth_date(pool)
        born = date(birth.year, birth.month or 1, birth.day or 1)
        age = birth.age_on(self.today)
        birth_name = None
        if sex == "w" and age >= 20 and rng.random() < 0.08:
            other = rng.choice(pool.family_names)
            birth_name = pool.female_family.get(other, other) if other != family else None
        local_birth = age < 12 and rng.random() < 0.4
        birth_place = rng.choice(LOCAL_BIRTH_PLACES if local_birth else pool.birth_places)
        town = self.towns.draw(rng)
        street, postcode = rng.choice(town.streets)
        number = rng.randint(1, 120)
        house = f"{number}{rng.choice('abc')}" if rng.random() < 0.08 else str(number)
        phone = f"{rng.choice(PHONE_BLOCKS)}{rng.randint(0, 999):03d}" if rng.random() < 0.35 else None
        email = None
        if age >= 16 and rng.random() < 0.3:
            local = f"{fold(given.split()[0])}.{fold(family)}".lower()
            suffix = str(rng.randint(1, 99)) if rng.random() < 0.5 else ""
            email = f"{local}{suffix}@{EMAIL_DOMAIN}"

        person_index = len(chunk.persons)
        story = self.stories[pool.nationality].draw(rng) if pool.nationality in self.stories else None
        first_case, first_title = len(chunk.cases), len(chunk.titles)
        self.cases(chunk, person_index, pool.nationality, story, family, birth, born)
        self.titles(chunk, person_index, story, born, first_case)
        events = [row["applied_on"] for row in chunk.cases[first_case:]]
        events += [row["valid_from"] for row in chunk.titles[first_title:]]
        first_seen = min(min(events, default=self.days_ago(0, _HISTORY_DAYS)), self.today)
        last_seen = min(max(events, default=first_seen), self.today)
        routing, routing_skipped = self.routing(family)
        chunk.persons.append({
            "family_name": family, "given_names": given, "birth_name": birth_name,
            "family_name_key": self.key(family), "given_names_key": self.key(given),
            "routing_key": routing, "routing_key_skipped": routing_skipped,
            "birth_year": birth.year, "birth_month": birth.month, "birth_day": birth.day,
            "birth_place": birth_place, "nationality": pool.nationality, "sex": sex,
            "street": f"{street} {house}", "postcode": postcode, "city": town.name,
            "passport_number": pool.passport_prefix,  # _write appends a part unique per id
            "azr_number": None, "phone": phone, "email": email,
            "created_at": self.stamp(first_seen), "updated_at": self.stamp(last_seen),
            "version": 1,
        })  # fmt: skip
        if may_be_minor(birth, self.today):
            self.representatives(chunk, index, person_index, pool, family, given, birth)

    def representatives(
        self, chunk: _Chunk, index: int, person_index: int, pool: NationalityPool, family: str, given: str,
        birth: PartialDate,
    ) -> None:  # fmt: skip
        """A minor's legal representatives (§ 80 Abs. 4 AufenthG): mostly both parents at the child's
        address, some a mother with sole custody; the first unaccompanied-looking teenager (14+, a
        country of flight) the Jugendamt as Amtsvormund. Drawn from a generator of their own, seeded
        by the person, so the rest of the demo stays as it was."""
        child = chunk.persons[person_index]
        stamp = child["created_at"]
        common = {"person_id": person_index, "created_at": stamp, "updated_at": stamp, "version": 1,
                  "valid_from": None, "authority": None}  # fmt: skip
        if (
            not self.youth_office_given
            and pool.nationality in UNACCOMPANIED_NATIONALITIES
            and birth.age_on(self.today) >= 14
        ):
            self.youth_office_given = True
            chunk.representatives.append(common | YOUTH_OFFICE)
            return
        rng = random.Random(f"vertreter-{index}-{family}-{given}")
        address = {"street": child["street"], "postcode": child["postcode"], "city": child["city"]}
        male_family = {female: male for male, female in pool.female_family.items()}.get(family, family)
        mother = common | address | {
            "kind": "eltern", "family_name": pool.female_family.get(male_family, male_family),
            "given_names": rng.choice(pool.female_given), "sex": "w",
        }  # fmt: skip
        if rng.random() < 0.12:
            chunk.representatives.append(mother | {"kind": "mutter"})
            return
        father = common | address | {
            "kind": "eltern", "family_name": male_family, "given_names": rng.choice(pool.male_given), "sex": "m",
        }  # fmt: skip
        chunk.representatives += [father, mother]

    def birth_date(self, pool: NationalityPool) -> PartialDate:
        rng = self.rng
        u = rng.random()
        if u < 0.10:
            year = rng.randint(2008, self.today.year - 4)  # children, born before the history starts
        elif u < 0.14:
            year = rng.randint(1940, 1959)
        else:
            year = int(rng.triangular(1960, 2008, 1990))
        if rng.random() < pool.year_only_share:
            return PartialDate(year)
        if pool.new_year_share and rng.random() < pool.new_year_share:
            return PartialDate(year, 1, 1)  # as many passports of the country record an unknown day
        month = rng.randint(1, 12)
        return PartialDate(year, month, rng.randint(1, calendar.monthrange(year, month)[1]))

    # -- cases (Vorgänge) and their checklists ------------------------------------------------------
    def cases(
        self, chunk: _Chunk, person_index: int, nationality: str, story: str | None, family: str,
        birth: PartialDate, born: date,
    ) -> None:  # fmt: skip
        rng = self.rng
        if story is not None:
            procedures, count = self.story_procedures[story], self.case_counts.draw(rng)
        elif nationality in self.reserved:
            procedures, count = self.reserved[nationality], self.free_movement_case_counts.draw(rng)
        else:
            return
        if not count:
            return
        statuses = [self.earlier_status.draw(rng) for _ in range(count - 1)] + [self.latest_status.draw(rng)]
        dates = sorted(self.days_ago(42, _HISTORY_DAYS) for _ in range(count))
        for status, drawn_date in zip(statuses, dates, strict=True):
            applied_on = self.days_ago(*_OPEN_AGE_DAYS[status]) if status in _OPEN_AGE_DAYS else drawn_date
            applied_on = max(applied_on, born)
            age = birth.age_on(applied_on)
            procedure: ProcedureType = procedures.draw(rng)
            for _ in range(4):
                if _fits_age(procedure, age) and procedure.offered_on(applied_on):
                    break
                procedure = procedures.draw(rng)
            else:
                if not (_fits_age(procedure, age) and procedure.offered_on(applied_on)):
                    continue  # nothing in the person's story fits their age then (a child of an employee)
            decided_on = None
            if status not in _OPEN_AGE_DAYS:
                if status is CaseStatus.WITHDRAWN:
                    weeks = rng.randint(1, 8)
                elif procedure.processing_weeks:
                    weeks = rng.randint(procedure.processing_weeks[0], procedure.processing_weeks[1] + 3)
                else:
                    weeks = rng.randint(3, 14)
                decided_on = min(applied_on + timedelta(weeks=weeks, days=rng.randint(0, 6)), self.today)
            entry_date = applied_on - timedelta(days=rng.randint(3, 85)) if rng.random() < 0.12 else None
            case_index = len(chunk.cases)
            chunk.cases.append({
                "file_number": None, "person_id": person_index, "procedure_key": procedure.key,
                "area_id": self.setup.area_ids[procedure.area], "owner_id": self.owner(procedure.area, family),
                "status": status.value, "applied_on": applied_on, "decided_on": decided_on,
                "fee_cents": fee_for(procedure, age), "entry_date": entry_date, "facts_json": "[]", "note": None,
                "outcome_note": _outcome_note(status, decided_on),
                "created_at": self.stamp(applied_on), "updated_at": self.stamp(decided_on or applied_on),
                "version": 1,
            })  # fmt: skip
            if status in _DOCUMENT_ODDS:
                self.checklist(chunk, case_index, procedure, status, applied_on, age)

    def checklist(
        self, chunk: _Chunk, case_index: int, procedure: ProcedureType, status: CaseStatus, applied_on: date,
        age: int,
    ) -> None:  # fmt: skip
        """The documents of an open case: some received, some waived with a reason, the rest missing;
        a case ready for decision misses nothing, one waiting for documents misses at least one."""
        rng = self.rng
        received_odds, waived_odds = _DOCUMENT_ODDS[status]
        span = (self.today - applied_on).days
        rows: list[Row] = []
        for position, document in enumerate((d for d in procedure.documents if applies(d, age)), start=1):
            u = rng.random()
            waiver = None
            received_on = None
            condition = document.condition
            if condition is not None and condition not in _AGE_CONDITIONS and rng.random() < 0.6:
                waiver = f"Trifft nicht zu ({CONDITIONS.get(condition, condition)})."
            elif u < received_odds:
                received_on = applied_on + timedelta(days=rng.randint(0, span))
            elif u < received_odds + waived_odds or status is CaseStatus.READY_FOR_DECISION:
                waiver = rng.choice(WAIVER_REASONS)
            state = ChecklistStatus.WAIVED if waiver else ChecklistStatus.RECEIVED if received_on else None
            rows.append({
                "case_id": case_index, "position": position, "text": document.text, "condition": condition,
                "extra": False, "authority_check": False, "status": (state or ChecklistStatus.MISSING).value,
                "received_on": received_on, "waiver_reason": waiver, "version": 1,
            })  # fmt: skip
        missing = ChecklistStatus.MISSING.value
        if status is CaseStatus.WAITING_FOR_DOCUMENTS and rows and all(r["status"] != missing for r in rows):
            rng.choice(rows).update(status=missing, received_on=None, waiver_reason=None)
        # What the office checks itself (§ 24 VwVfG): done for a case ready for decision, else by chance.
        for position, check in enumerate((c for c in procedure.checks if applies(c, age)), start=len(rows) + 1):
            done = status is CaseStatus.READY_FOR_DECISION or rng.random() < received_odds
            rows.append({
                "case_id": case_index, "position": position, "text": check.text, "condition": check.condition,
                "extra": False, "authority_check": True,
                "status": (ChecklistStatus.RECEIVED if done else ChecklistStatus.MISSING).value,
                "received_on": applied_on + timedelta(days=rng.randint(0, span)) if done else None,
                "waiver_reason": None, "version": 1,
            })  # fmt: skip
        chunk.items.extend(rows)

    # -- residence titles (Aufenthaltstitel) --------------------------------------------------------
    def titles(self, chunk: _Chunk, person_index: int, story: str | None, born: date, first_case: int) -> None:
        """A person's titles, oldest first: one per granted case, the one held before them or now
        (of the kind usual for the person's story), and a Fiktionsbescheinigung where the title ran
        out while an extension is being decided. A new title ends the one before."""
        rng = self.rng
        cases = chunk.cases[first_case:]
        granted = []
        for offset, case in enumerate(cases):
            if case["status"] == CaseStatus.GRANTED.value or (
                case["status"] == CaseStatus.CLOSED.value and rng.random() < 0.8
            ):
                kind = self.by_key[case["procedure_key"]].title_kind
                if kind and not any(word in kind for word in NOT_A_STATUS):
                    granted.append(first_case + offset)
        titles = [
            self.granted_title(person_index, chunk.cases[index], index, last=index == granted[-1]) for index in granted
        ]
        titles.sort(key=lambda row: row["valid_from"])
        settled = next((n for n, row in enumerate(titles) if row["valid_until"] is None), None)
        if settled is not None:  # after a settlement permit only another unlimited title follows
            titles = titles[: settled + 1] + [row for row in titles[settled + 1 :] if row["valid_until"] is None]
        if story is not None and rng.random() < (0.2 if titles else 0.75):
            profile: TitleProfile = self.profiles[story].draw(rng)
            if not titles:  # the title held now
                current = self.profile_title(person_index, profile, born, None)
                titles.append(current)
                latest = cases[-1] if cases else None
                if latest and latest["status"] in _OPEN_AGE_DAYS and current["valid_until"] and rng.random() < 0.25:
                    self.expiring_during(current, latest, first_case + len(cases) - 1, titles, person_index)
            elif profile.kind not in UNLIMITED_KINDS:  # the title held before the first granted case
                before = titles[0]["valid_from"] - timedelta(days=1)
                titles.insert(0, self.profile_title(person_index, profile, born, before))
        for earlier, later in pairwise(titles):
            ends = earlier["valid_until"]
            if ends is not None and ends >= later["valid_from"] and later["kind"] != FICTION_KIND:
                earlier["valid_until"] = max(later["valid_from"] - timedelta(days=1), earlier["valid_from"])
        self.drop_moot_application(chunk, first_case, titles)
        chunk.titles.extend(titles)

    def drop_moot_application(self, chunk: _Chunk, first_case: int, titles: list[Row]) -> None:
        """A person settled for good (Niederlassungserlaubnis, Daueraufenthalt-EU held now) does not
        apply for a limited title, nor again for the one held: such an open application (only the
        latest case can be open) goes, with its checklist."""
        held = {
            row["kind"]
            for row in titles
            if row["kind"] in UNLIMITED_KINDS and row["valid_until"] is None and row["valid_from"] <= self.today
        }
        if not held or len(chunk.cases) == first_case:
            return
        index = len(chunk.cases) - 1
        latest = chunk.cases[index]
        if CaseStatus(latest["status"]) not in _OPEN_AGE_DAYS:
            return
        kind = self.by_key[latest["procedure_key"]].title_kind
        if not kind or any(word in kind for word in NOT_A_STATUS) or (kind in UNLIMITED_KINDS and kind not in held):
            return  # a new card, a travel document, the EU status beside the settlement permit: all asked for
        del chunk.cases[index]
        while chunk.items and chunk.items[-1]["case_id"] == index:
            chunk.items.pop()
        titles[:] = [row for row in titles if row["case_id"] != index]

    def current_offset(self, longest_days: int) -> int:
        """Days from today to the end of a title held now: a few expired, a few due soon."""
        rng = self.rng
        u = rng.random()
        if u < _EXPIRED:
            return -rng.randint(1, 365)  # left Germany, or overdue
        if u < _EXPIRED + _DUE:
            return rng.randint(0, _REMINDER_DAYS - 1)
        return rng.randint(_REMINDER_DAYS, max(_REMINDER_DAYS, longest_days - 1))

    def granted_title(self, person_index: int, case: Row, case_index: int, last: bool) -> Row:
        rng = self.rng
        procedure = self.by_key[case["procedure_key"]]
        kind = procedure.title_kind or ""
        valid_from: date = case["decided_on"]
        valid_until = None
        if kind not in UNLIMITED_KINDS:
            shortest, longest = KIND_MONTHS.get(kind, (12, 36))
            longest = min(longest, procedure.max_validity_months or longest)
            shortest = min(shortest, longest)
            latest_end = _add_months(valid_from, longest) - timedelta(days=1)
            if last:  # the title held now, unless it has run out
                wanted = self.today + timedelta(days=self.current_offset((latest_end - self.today).days))
                valid_until = min(max(wanted, _add_months(valid_from, shortest) - timedelta(days=1)), latest_end)
            else:
                valid_until = _add_months(valid_from, rng.randint(shortest, longest)) - timedelta(days=1)
        return self.title_row(person_index, case_index, kind, procedure.legal_basis, valid_from, valid_until, None)

    def profile_title(self, person_index: int, profile: TitleProfile, born: date, ends: date | None) -> Row:
        """A title of the story's usual kind: ending on ``ends`` (history) or held now."""
        rng = self.rng
        shortest, longest = (months * 30 for months in KIND_MONTHS.get(profile.kind, (12, 36)))
        valid_until: date | None
        if ends is not None:
            valid_until = ends
            valid_from = ends - timedelta(days=rng.randint(shortest, longest) - 1)
        elif profile.kind in UNLIMITED_KINDS:
            valid_until = None
            valid_from = self.days_ago(30, 10 * 365)
        else:
            offset = self.current_offset(longest)
            valid_until = self.today + timedelta(days=offset)
            duration = rng.randint(max(shortest, offset + 1), max(longest, offset + 1))
            valid_from = valid_until - timedelta(days=duration - 1)
        valid_from = max(valid_from, born)
        if valid_until is not None and valid_until < valid_from:
            valid_until = valid_from
        return self.title_row(
            person_index, None, profile.kind, profile.legal_basis, valid_from, valid_until, profile.conditions
        )

    def expiring_during(self, title: Row, case: Row, case_index: int, titles: list[Row], person_index: int) -> None:
        """The title ran out while the extension is decided: § 81 Abs. 4 keeps it in force, certified
        by a Fiktionsbescheinigung for three or six months (renewed if the case takes longer)."""
        rng = self.rng
        expiry = case["applied_on"] + timedelta(days=rng.randint(7, 50))
        title["valid_until"] = expiry
        title["valid_from"] = min(title["valid_from"], expiry - timedelta(days=180))
        if expiry >= self.today:
            return
        valid_from = max(expiry + timedelta(days=1), self.today - timedelta(days=rng.randint(0, 80)))
        titles.append(
            self.title_row(person_index, case_index, FICTION_KIND, FICTION_LEGAL_BASIS, valid_from,
                           valid_from + timedelta(days=rng.choice((91, 91, 182)) - 1), None)
        )  # fmt: skip

    def title_row(
        self, person_index: int, case_index: int | None, kind: str, legal_basis: str, valid_from: date,
        valid_until: date | None, conditions: str | None,
    ) -> Row:  # fmt: skip
        return {
            "person_id": person_index, "case_id": case_index, "kind": kind, "legal_basis": legal_basis,
            "valid_from": valid_from, "valid_until": valid_until, "conditions": conditions,
            "card_serial": kind in CARD_KINDS,  # _write puts the serial number here
            "reminded_on": None,
            "created_at": self.stamp(min(valid_from, self.today)), "version": 1,
        }  # fmt: skip


def _outcome_note(status: CaseStatus, decided_on: date | None) -> str | None:
    """How a demo case ended where no notice says it (the case window shows it)."""
    if status is CaseStatus.WITHDRAWN and decided_on is not None:
        return f"Antrag schriftlich zurückgenommen am {decided_on:%d.%m.%Y}"
    if status is CaseStatus.CLOSED:
        return "Erledigt"
    return None


# --- writing ------------------------------------------------------------------------------------


def _encode(value: int, alphabet: str, length: int) -> str:
    digits = []
    for _ in range(length):
        value, digit = divmod(value, len(alphabet))
        digits.append(alphabet[digit])
    return "".join(reversed(digits))


def _multiplier(modulus: int) -> int:
    """A multiplier near the golden section of ``modulus`` and prime to it."""
    candidate = int(modulus * 0.6180339887)
    while math.gcd(candidate, modulus) != 1:
        candidate += 1
    return candidate


_PASSPORT_SPACE, _AZR_SPACE, _SERIAL_SPACE = 36**8, 10**12, 27**8
_PASSPORT_STEP, _AZR_STEP, _SERIAL_STEP = (_multiplier(m) for m in (_PASSPORT_SPACE, _AZR_SPACE, _SERIAL_SPACE))


def _scatter(row_id: int, step: int, modulus: int) -> int:
    """A bijection of 0..modulus-1 that looks random (``step`` is prime to ``modulus``): unique
    ids give unique passport, AZR and card numbers, whatever the seed."""
    return (row_id * step + modulus // 3) % modulus


def _passport_part(person_id: int) -> str:
    return _encode(_scatter(person_id, _PASSPORT_STEP, _PASSPORT_SPACE), _BASE36, 8)


def _azr_number(person_id: int) -> str:
    return f"{_scatter(person_id, _AZR_STEP, _AZR_SPACE):012d}"


def _card_serial(title_id: int) -> str:
    return "Y" + _encode(_scatter(title_id, _SERIAL_STEP, _SERIAL_SPACE), _SERIAL_ALPHABET, 8)


def _table(model: type[Base]) -> Table:
    return cast(Table, model.__table__)


def _allocate_ids(session: Session, backend: str, table: Table, count: int) -> list[int]:
    """``count`` new ids for ``table``, inside the caller's write transaction."""
    if not count:
        return []
    if backend == "postgresql":
        rows = session.execute(
            text("SELECT nextval(CAST(pg_get_serial_sequence(:table, 'id') AS regclass)) FROM generate_series(1, :n)"),
            {"table": table.name, "n": count},
        )
        return sorted(rows.scalars())
    start = (session.scalar(select(func.max(table.c.id))) or 0) + 1  # SQLite: under the write lock
    return list(range(start, start + count))


def _write(session: Session, backend: str, setup: _Setup, chunk: _Chunk) -> None:
    """Give the chunk's rows ids and Aktenzeichen, link children to parents, insert in bulk."""
    person_ids = _allocate_ids(session, backend, _table(Person), len(chunk.persons))
    for row, person_id in zip(chunk.persons, person_ids, strict=True):
        row["id"] = person_id
        row["passport_number"] += _passport_part(person_id)
        row["azr_number"] = _azr_number(person_id)

    case_ids = _allocate_ids(session, backend, _table(Case), len(chunk.cases))
    area_codes = {id_: code for code, id_ in setup.area_ids.items()}
    scopes: dict[str, list[Row]] = {}
    for row, case_id in zip(chunk.cases, case_ids, strict=True):
        row["id"] = case_id
        row["person_id"] = person_ids[row["person_id"]]
        scope = setup.pattern.scope(row["applied_on"].year, area_codes[row["area_id"]])
        scopes.setdefault(scope, []).append(row)
    for scope in sorted(scopes):  # one block of Aktenzeichen per counter
        rows = scopes[scope]
        first = reserve_numbers(session, scope, len(rows))
        for number, row in enumerate(rows, start=first):
            row["file_number"] = setup.pattern.format(row["applied_on"].year, area_codes[row["area_id"]], number)

    title_ids = _allocate_ids(session, backend, _table(ResidenceTitle), len(chunk.titles))
    for row, title_id in zip(chunk.titles, title_ids, strict=True):
        row["id"] = title_id
        row["person_id"] = person_ids[row["person_id"]]
        if row["case_id"] is not None:
            row["case_id"] = case_ids[row["case_id"]]
        row["card_serial"] = _card_serial(title_id) if row["card_serial"] else None

    item_ids = _allocate_ids(session, backend, _table(ChecklistItem), len(chunk.items))
    for row, item_id in zip(chunk.items, item_ids, strict=True):
        row["id"] = item_id
        row["case_id"] = case_ids[row["case_id"]]

    representative_ids = _allocate_ids(session, backend, _table(LegalRepresentative), len(chunk.representatives))
    for row, representative_id in zip(chunk.representatives, representative_ids, strict=True):
        row["id"] = representative_id
        row["person_id"] = person_ids[row["person_id"]]

    for model, rows in ((Person, chunk.persons), (Case, chunk.cases), (ResidenceTitle, chunk.titles),
                        (ChecklistItem, chunk.items), (LegalRepresentative, chunk.representatives)):  # fmt: skip
        if rows:
            session.execute(insert(_table(model)), rows)
