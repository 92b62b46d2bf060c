"""Persons: create and edit master data, search at the counter, open a person's file."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import bindparam, select, union
from sqlalchemy.orm import Session

from abh_desk.domain.addresses import postcode_error, sex_error
from abh_desk.domain.birth_dates import PartialDate, parse_birth_date
from abh_desk.domain.countries import check_nationality, nationality_name
from abh_desk.domain.enums import CASE_STATUS_LABELS, CaseStatus, Sex
from abh_desk.domain.file_numbers import FileNumberPattern
from abh_desk.domain.names import check_name, routing_keys, search_key, search_key_upper_bound
from abh_desk.domain.search import (
    BirthDateQuery,
    NameQuery,
    ReferenceQuery,
    SearchQuery,
    parse_query,
    partial_file_number,
    passport_key,
)
from abh_desk.domain.text import clean_text
from abh_desk.error_texts import Label
from abh_desk.errors import FieldErrors, NotFound, ValidationError
from abh_desk.services.assignment import active_deputy, reroute_open_cases
from abh_desk.services.changes import stale_record
from abh_desk.services.context import ServiceContext
from abh_desk.services.office import read_office_settings
from abh_desk.services.queries import birth_text
from abh_desk.services.read_log import note_read
from abh_desk.services.representatives import NO_REPRESENTATION, Representation, representation_in
from abh_desk.storage import PreparedRead
from models import Case, FileNumberCounter, Person, ResidenceTitle, User

MAX_RESULT_IDS = 1_000_000
# As typed: Latin letters A–Z and digits; spaces and hyphens are left out when stored.
_PASSPORT = re.compile(r"[A-Za-z0-9 \-]*")
# Columns computed from the names; not logged as changes of their own.
DERIVED_FIELDS = frozenset({"family_name_key", "given_names_key", "routing_key", "routing_key_skipped"})


@dataclass(frozen=True)
class PersonInput:
    """What the form or the CLI hands in, as typed. Validated by ``create_person``/``update_person``."""

    family_name: str
    given_names: str = ""
    birth_date: str = ""
    birth_place: str = ""
    nationality: str = ""
    sex: str = Sex.UNKNOWN.value
    street: str = ""
    postcode: str = ""
    city: str = ""
    passport_number: str = ""
    azr_number: str = ""


@dataclass(frozen=True)
class PersonSummary:
    """One row of the search result table."""

    id: int
    family_name: str
    given_names: str
    birth_date: str
    nationality: str
    passport_number: str
    city: str


@dataclass(frozen=True)
class PersonDetail:
    id: int
    version: int
    family_name: str
    given_names: str
    birth_date: str
    birth_place: str
    nationality: str
    nationality_name: str
    sex: str
    street: str
    postcode: str
    city: str
    passport_number: str
    azr_number: str


@dataclass(frozen=True)
class TitleRow:
    id: int
    kind: str
    legal_basis: str
    valid_from: date
    valid_until: date | None
    card_serial: str
    current: bool = True
    """False for a title that a later one has replaced (history, not a reason to act)."""


@dataclass(frozen=True)
class CaseRow:
    id: int
    file_number: str
    procedure_key: str
    procedure_name: str
    status: str
    status_label: str
    applied_on: date
    owner: str
    deputy: str = ""
    """Who stands in for the owner today (Vertretung), if anyone."""


@dataclass(frozen=True)
class PersonFile:
    person: PersonDetail
    titles: tuple[TitleRow, ...]
    cases: tuple[CaseRow, ...]
    representation: Representation = NO_REPRESENTATION
    """The legal representatives (gesetzliche Vertreter) and the hint where a minor has none."""


def _validate(data: PersonInput, today: date) -> dict[str, object]:
    errors: list[ValidationError] = []
    values: dict[str, object] = {}

    def attempt(field: str, check: object) -> None:
        try:
            values[field] = check() if callable(check) else check
        except ValidationError as exc:
            errors.append(exc)

    attempt("family_name", lambda: check_name(data.family_name, "familienname", Label("persons.label_family_name")))
    attempt(
        "given_names",
        lambda: check_name(data.given_names, "vornamen", Label("persons.label_given_names"), required=False),
    )
    attempt("birth", lambda: parse_birth_date(data.birth_date, today))
    attempt(
        "birth_place",
        lambda: check_name(data.birth_place, "geburtsort", Label("persons.label_birth_place"), required=False),
    )
    attempt("nationality", lambda: check_nationality(data.nationality))
    if (wrong_sex := sex_error(data.sex)) is not None:
        errors.append(wrong_sex)
    attempt("street", lambda: clean_text(data.street, "strasse", Label("shared.label_street"), 200))
    attempt("city", lambda: clean_text(data.city, "ort", Label("shared.label_city"), 100))
    attempt("azr_number", lambda: clean_text(data.azr_number, "azr", Label("persons.label_azr_number"), 20))
    passport = passport_key(data.passport_number)
    if not _PASSPORT.fullmatch(data.passport_number):
        errors.append(ValidationError("persons.passport_characters", field="passnummer"))
    elif data.passport_number.strip() and not 5 <= len(passport) <= 20:
        errors.append(ValidationError("persons.passport_length", field="passnummer"))
    postcode = data.postcode.strip()
    if (wrong_postcode := postcode_error(postcode, required=False)) is not None:
        errors.append(wrong_postcode)
    if errors:
        raise FieldErrors(errors=errors)
    birth = values["birth"]
    if birth is None:
        raise FieldErrors(errors=[ValidationError("persons.birth_date_missing", field="geburtsdatum")])
    assert isinstance(birth, PartialDate)
    family = str(values["family_name"])
    routing = routing_keys(family)
    given = str(values["given_names"])
    return {
        "family_name": family,
        "given_names": given,
        "family_name_key": search_key(family),
        "given_names_key": search_key(given),
        "routing_key": routing[0],
        "routing_key_skipped": routing[1],
        "birth_year": birth.year,
        "birth_month": birth.month,
        "birth_day": birth.day,
        "birth_place": values["birth_place"] or None,
        "nationality": values["nationality"],
        "sex": data.sex,
        "street": values["street"] or None,
        "postcode": postcode or None,
        "city": values["city"] or None,
        "passport_number": passport or None,
        "azr_number": values["azr_number"] or None,
    }


def person_detail(person: Person) -> PersonDetail:
    return PersonDetail(
        id=person.id,
        version=person.version,
        family_name=person.family_name,
        given_names=person.given_names,
        birth_date=birth_text(person),
        birth_place=person.birth_place or "",
        nationality=person.nationality,
        nationality_name=nationality_name(person.nationality),
        sex=person.sex,
        street=person.street or "",
        postcode=person.postcode or "",
        city=person.city or "",
        passport_number=person.passport_number or "",
        azr_number=person.azr_number or "",
    )


class LikelyDuplicate(ValidationError):
    """The person seems to be recorded already (Dublette): saved only with a reason, which is logged."""

    code = "dublette"

    def __init__(self, key: str, /, candidates: list[PersonSummary], **params: Any) -> None:
        super().__init__(key, field="dublette", candidates=[c.id for c in candidates], **params)
        self.candidates = candidates


MIN_DUPLICATE_REASON = 10
MAX_DUPLICATE_REASON = 500


def _same_first_name(stored: str, typed: str) -> bool:
    """The folded given names begin alike (or one is unknown): "ANNA" and "ANNAMARIA" do, "ADA" and
    "CHINEDU" (twins) do not."""
    return not stored or not typed or stored.startswith(typed) or typed.startswith(stored)


def _duplicate_ids(session: Session, values: dict[str, object]) -> list[int]:
    """Persons probably recorded already: the same folded family name, (partial) birth date and first
    given name — or the same passport number. (The dialog's hint while typing is wider: family name
    and birth date.)"""
    month, day = values["birth_month"], values["birth_day"]
    same_birth = select(Person.id, Person.given_names_key).where(
        Person.family_name_key == values["family_name_key"],
        Person.birth_year == values["birth_year"],
        Person.birth_month.is_(None) if month is None else Person.birth_month == month,
        Person.birth_day.is_(None) if day is None else Person.birth_day == day,
    )
    given = str(values["given_names"]).split()
    first = search_key(given[0]) if given else ""
    ids = [i for i, key in session.execute(same_birth.limit(50)) if _same_first_name(key or "", first)][:20]
    passport = values["passport_number"]
    if passport:
        ids += [i for i in session.scalars(select(Person.id).where(Person.passport_number == passport)) if i not in ids]
    return ids


def _described(person: PersonSummary) -> str:
    passport = f", Pass {person.passport_number}" if person.passport_number else ""
    return f"{person.family_name}, {person.given_names} ({person.birth_date}{passport})"


def create_person(ctx: ServiceContext, data: PersonInput, duplicate_reason: str | None = None) -> PersonDetail:
    """A new person. One that is probably recorded already — same family name, birth date and first
    given name, or the same passport number — is refused (``LikelyDuplicate``, naming them) unless ``duplicate_reason``
    says why it is another person; the reason and the persons it resembles are logged."""
    values = _validate(data, ctx.today())
    reason = None
    if duplicate_reason is not None:
        reason = clean_text(duplicate_reason, "dublette", Label("shared.label_reason"), MAX_DUPLICATE_REASON)
    with ctx.unit_of_work() as uow:
        similar = _duplicate_ids(uow.session, values)
        if similar and (reason is None or len(reason) < MIN_DUPLICATE_REASON):
            candidates = person_rows_in(uow.session, similar)
            names = "; ".join(_described(c) for c in candidates[:3])
            raise LikelyDuplicate("persons.likely_duplicate", candidates, names=names, min_length=MIN_DUPLICATE_REASON)
        person = Person(**values)
        uow.session.add(person)
        uow.session.flush()
        logged = {k: v for k, v in values.items() if k not in DERIVED_FIELDS}
        if similar:
            logged |= {"dublette_bestaetigt": reason, "aehnliche_personen": similar}
        uow.audit("person_angelegt", "person", person.id, data=logged)
        uow.commit()
        return person_detail(person)


def update_person(ctx: ServiceContext, person_id: int, expected_version: int, data: PersonInput) -> PersonDetail:
    values = _validate(data, ctx.today())
    with ctx.unit_of_work() as uow:
        person = uow.session.get(Person, person_id)
        if person is None:
            raise NotFound("shared.person_not_found", person_id=person_id)
        if person.version != expected_version:
            raise stale_record(uow.session, Label("persons.stale_person"), "person", person_id, person_id=person_id)
        old_routing = (person.routing_key, person.routing_key_skipped)
        changes = {}
        for key, value in values.items():
            old = getattr(person, key)
            if old != value:
                setattr(person, key, value)
                if key not in DERIVED_FIELDS:
                    changes[key] = {"alt": old, "neu": value}
        if changes:
            uow.audit("person_geaendert", "person", person.id, data=changes)
            if (person.routing_key, person.routing_key_skipped) != old_routing:
                uow.session.flush()
                reroute_open_cases(uow, person)
            uow.commit()
        return person_detail(person)


def _name_ids(given: bool) -> PreparedRead:
    stmt = select(Person.id).where(
        Person.family_name_key >= bindparam("family_low"), Person.family_name_key < bindparam("family_high")
    )
    if given:
        stmt = stmt.where(
            Person.given_names_key >= bindparam("given_low"), Person.given_names_key < bindparam("given_high")
        )
    ordered = stmt.order_by(Person.family_name_key, Person.given_names_key, Person.id)
    return PreparedRead(ordered.limit(bindparam("limit")))


def _birth_ids(parts: int) -> PreparedRead:
    columns = (Person.birth_year, Person.birth_month, Person.birth_day)
    stmt = select(Person.id).where(*(column == bindparam(column.key) for column in columns[:parts]))
    return PreparedRead(stmt.order_by(*columns, Person.id).limit(bindparam("limit")))


def _reference_ids() -> PreparedRead:
    # Two indexed look-ups joined by UNION: an OR across the two tables made PostgreSQL scan
    # every person (seen in the benchmark at 1,000,000 persons).
    matches = union(
        select(Person.id.label("id")).where(Person.passport_number == bindparam("passport")),
        select(Case.person_id.label("id")).where(Case.file_number == bindparam("file_number")),
    ).subquery()
    stmt = select(Person.id).where(Person.id.in_(select(matches.c.id))).order_by(Person.family_name_key, Person.id)
    return PreparedRead(stmt.limit(bindparam("limit")))


# Built once: the search runs on every keystroke, and building a statement costs more than
# SQLite's indexed look-up itself (BENCHMARKS.md).
_NAME_IDS = {given: _name_ids(given) for given in (False, True)}
_BIRTH_IDS = {parts: _birth_ids(parts) for parts in (1, 2, 3)}
_REFERENCE_IDS = _reference_ids()


def _ids_query(text: str, limit: int) -> tuple[PreparedRead, dict[str, Any]] | None:
    """The statement answering ``text`` and its parameters."""
    return _statement_for(parse_query(text), limit)


def _statement_for(query: SearchQuery | None, limit: int) -> tuple[PreparedRead, dict[str, Any]] | None:
    if query is None:
        return None
    if isinstance(query, NameQuery):
        family = query.family_prefix
        params: dict[str, Any] = {"family_low": family, "family_high": search_key_upper_bound(family)}
        if query.given_prefix:
            given = query.given_prefix
            params |= {"given_low": given, "given_high": search_key_upper_bound(given)}
        return _NAME_IDS[bool(query.given_prefix)], params | {"limit": limit}
    if isinstance(query, BirthDateQuery):
        parts = 1 if query.month is None else 2 if query.day is None else 3
        values = (query.year, query.month, query.day)[:parts]
        names = ("birth_year", "birth_month", "birth_day")[:parts]
        return _BIRTH_IDS[parts], dict(zip(names, values, strict=True)) | {"limit": limit}
    assert isinstance(query, ReferenceQuery)
    return _REFERENCE_IDS, {"passport": query.passport_key, "file_number": query.text, "limit": limit}


def search_statement(ctx: ServiceContext, text: str, limit: int = MAX_RESULT_IDS) -> tuple[str, Any] | None:
    """The SQL and driver parameters ``search_person_ids`` sends for ``text`` (for the benchmark's plans)."""
    found = _ids_query(text, limit)
    return None if found is None else found[0].sql(ctx.db.engine.dialect, found[1])


_PASSPORT_IDS = PreparedRead(
    select(Person.id).where(Person.passport_number == bindparam("passport")).order_by(Person.id).limit(20)
)


def search_person_ids(ctx: ServiceContext, text: str, limit: int = MAX_RESULT_IDS) -> list[int]:
    """The ids of all persons matching ``text``, in display order (the table fetches rows later).

    A word of letters may also be a passport number (some states issue them without digits): its
    holder comes first. A reference that matches no Aktenzeichen exactly may be the running number
    of one ("550", "2026-550"): the office's pattern makes the full Aktenzeichen of it.
    A prepared statement on a bare connection: see ``storage.PreparedRead``. The search, its text
    and how many it found are noted as a read (``services.read_log``)."""
    if not 1 <= limit <= MAX_RESULT_IDS:
        raise ValidationError("persons.result_limit", field="max", max_results=f"{MAX_RESULT_IDS:,}".replace(",", "."))
    ids = _search_ids(ctx, text, limit)
    if text.strip():  # also what found nobody: that a person is not known here is told too
        note_read(ctx, "suchergebnis_gelesen", "suche", suchtext=text, treffer=len(ids))
    return ids


def _search_ids(ctx: ServiceContext, text: str, limit: int) -> list[int]:
    query = parse_query(text)  # once: the search runs on every keystroke
    found = _statement_for(query, limit)
    if found is None:
        return []
    ids: list[int] = ctx.db.fetch(*found, first_column=True)
    if isinstance(query, NameQuery) and query.passport_key:
        holders = ctx.db.fetch(_PASSPORT_IDS, {"passport": query.passport_key}, first_column=True)
        if holders:
            first = set(holders)
            ids = holders + [i for i in ids if i not in first][: max(limit - len(holders), 0)]
    elif isinstance(query, ReferenceQuery) and not ids:
        ids = _by_running_number(ctx, text)[:limit]
    return ids


def _by_running_number(ctx: ServiceContext, text: str) -> list[int]:
    """Persons whose Aktenzeichen has this running number (and year): the candidates are made from the
    office's pattern for every counter that has reached the number."""
    partial = partial_file_number(text)
    if partial is None:
        return []
    with ctx.db.read() as session:
        pattern = FileNumberPattern(read_office_settings(session).file_number_pattern)
        candidates = set()
        for scope, last in session.execute(select(FileNumberCounter.scope, FileNumberCounter.last_value)):
            if last < partial.number:
                continue
            year_text, _, area = scope.partition("/")
            year = int(year_text) if year_text.isdigit() else (partial.year or ctx.today().year)
            if partial.year is not None and pattern.per_year and year != partial.year:
                continue
            try:
                candidates.add(pattern.format(year, area or "allgemein", partial.number))
            except ValidationError:
                continue
        if not candidates:
            return []
        return list(
            session.scalars(
                select(Person.id)
                .join(Case, Case.person_id == Person.id)
                .where(Case.file_number.in_(sorted(candidates)))
                .group_by(Person.id, Person.family_name_key)
                .order_by(Person.family_name_key, Person.id)
            )
        )


def person_rows(ctx: ServiceContext, ids: list[int]) -> list[PersonSummary]:
    """The summaries of ``ids``, in the order given (one query)."""
    if not ids:
        return []
    with ctx.db.read() as session:
        return person_rows_in(session, ids)


def person_rows_in(session: Session, ids: list[int]) -> list[PersonSummary]:
    people = {p.id: p for p in session.scalars(select(Person).where(Person.id.in_(ids)))}
    return [
        PersonSummary(
            id=p.id,
            family_name=p.family_name,
            given_names=p.given_names,
            birth_date=birth_text(p),
            nationality=p.nationality,
            passport_number=p.passport_number or "",
            city=p.city or "",
        )
        for p in (people[i] for i in ids if i in people)
    ]


def search_persons(ctx: ServiceContext, text: str, limit: int = 200) -> list[PersonSummary]:
    return person_rows(ctx, search_person_ids(ctx, text, limit))


def case_rows(ctx: ServiceContext, session: Session, person_id: int, today: date) -> tuple[CaseRow, ...]:
    rows = session.execute(
        select(Case, User.display_name)
        .outerjoin(User, User.id == Case.owner_id)
        .where(Case.person_id == person_id)
        .order_by(Case.applied_on.desc(), Case.id.desc())
    ).all()
    deputies: dict[int, str] = {}
    result = []
    for case, owner in rows:
        if case.owner_id is not None and case.owner_id not in deputies:
            deputy = active_deputy(session, case.owner_id, today)
            deputies[case.owner_id] = deputy.display_name if deputy else ""
        procedure = ctx.catalogue.name_of(case.procedure_key)
        result.append(
            CaseRow(
                id=case.id,
                file_number=case.file_number,
                procedure_key=case.procedure_key,
                procedure_name=procedure,
                status=case.status,
                status_label=CASE_STATUS_LABELS[CaseStatus(case.status)],
                applied_on=case.applied_on,
                owner=owner or "",
                deputy=deputies.get(case.owner_id, "") if case.owner_id is not None else "",
            )
        )
    return tuple(result)


def get_person_file(ctx: ServiceContext, person_id: int) -> PersonFile:
    """Open a person's file (Akte). The reading is logged (domain.md §11), in the same transaction:
    where the log entry cannot be written, the file is not shown."""
    with ctx.unit_of_work() as uow:
        session = uow.session
        person = session.get(Person, person_id)
        if person is None:
            raise NotFound("shared.person_not_found", person_id=person_id)
        titles = tuple(
            TitleRow(t.id, t.kind, t.legal_basis, t.valid_from, t.valid_until, t.card_serial or "", n == 0)
            for n, t in enumerate(
                session.scalars(
                    select(ResidenceTitle)
                    .where(ResidenceTitle.person_id == person_id)
                    .order_by(ResidenceTitle.valid_from.desc(), ResidenceTitle.id.desc())
                )
            )
        )
        result = PersonFile(
            person_detail(person),
            titles,
            case_rows(ctx, session, person_id, uow.today),
            representation_in(session, person, uow.today),
        )
        uow.audit("person_gelesen", "person", person_id)
        uow.commit()
        return result


def likely_duplicates(ctx: ServiceContext, family_name: str, birth_date: str) -> list[PersonSummary]:
    """Persons with the same folded family name and birth date: probably the same person, entered
    again (Dublette). Shown as a warning before a new person is saved."""
    try:
        birth = parse_birth_date(birth_date, ctx.today())
    except ValidationError:
        return []
    key = search_key(family_name)
    if birth is None or not key:
        return []
    with ctx.db.read() as session:
        ids = list(
            session.scalars(
                select(Person.id)
                .where(
                    Person.family_name_key == key,
                    Person.birth_year == birth.year,
                    Person.birth_month.is_(None) if birth.month is None else Person.birth_month == birth.month,
                    Person.birth_day.is_(None) if birth.day is None else Person.birth_day == birth.day,
                )
                .limit(20)
            )
        )
    if ids:  # the hint shows those persons' names and birth dates
        note_read(ctx, "dublettenhinweis_gelesen", "person", treffer=len(ids), personen=ids)
    return person_rows(ctx, ids)


def person_input(detail: PersonDetail) -> PersonInput:
    """The form values of a stored person (for editing)."""
    return PersonInput(
        family_name=detail.family_name,
        given_names=detail.given_names,
        birth_date=detail.birth_date,
        birth_place=detail.birth_place,
        nationality=detail.nationality,
        sex=detail.sex,
        street=detail.street,
        postcode=detail.postcode,
        city=detail.city,
        passport_number=detail.passport_number,
        azr_number=detail.azr_number,
    )
