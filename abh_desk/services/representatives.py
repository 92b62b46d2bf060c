"""Gesetzliche Vertreter of a person: record, change and remove them (logged with the person, in the
same transaction), and ask to whom a notice about the person goes on a day
(``abh_desk.domain.representation``)."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from abh_desk.domain.addresses import postcode_error, sex_error
from abh_desk.domain.birth_dates import PartialDate
from abh_desk.domain.enums import Sex
from abh_desk.domain.names import check_name
from abh_desk.domain.representation import (
    KIND_LABELS,
    Addressing,
    RepresentationKind,
    Representative,
    addressees_on,
)
from abh_desk.domain.text import clean_text
from abh_desk.error_texts import Label
from abh_desk.errors import FieldErrors, NotFound, ValidationError
from abh_desk.services.case_access import require_person_access
from abh_desk.services.changes import stale_record
from abh_desk.services.context import Actor, ServiceContext
from abh_desk.services.read_log import note_read
from models import Case, LegalRepresentative, Person

#: The authority's name is one line of the address field.
MAX_AUTHORITY = 45
EARLIEST_VALID_FROM = date(1900, 1, 1)


@dataclass(frozen=True)
class RepresentativeInput:
    """What the form hands in, as typed."""

    kind: str
    family_name: str = ""
    given_names: str = ""
    sex: str = Sex.UNKNOWN.value
    authority: str = ""
    street: str = ""
    postcode: str = ""
    city: str = ""
    valid_from: date | None = None


@dataclass(frozen=True)
class RepresentativeRow:
    """One line of the person window's list of legal representatives."""

    id: int
    version: int
    kind: str
    kind_label: str
    name: str  # the person, or the authority with the named official
    address: str
    valid_from: date | None
    data: RepresentativeInput


@dataclass(frozen=True)
class Representation:
    """The person's representatives and, where the person is a minor today without a usable one, why
    a notice cannot go out (the person window's hint)."""

    rows: tuple[RepresentativeRow, ...]
    hint: ValidationError | None


NO_REPRESENTATION = Representation((), None)


def _validate(data: RepresentativeInput) -> dict[str, Any]:
    errors: list[ValidationError] = []
    values: dict[str, Any] = {}

    def attempt(field: str, check: Any) -> None:
        try:
            values[field] = check()
        except ValidationError as exc:
            errors.append(exc)

    try:
        kind = RepresentationKind(data.kind)
    except ValueError:
        raise ValidationError(
            "representatives.unknown_kind",
            field="art",
            kind=data.kind,
            kinds=", ".join(f"{k.value} ({label})" for k, label in KIND_LABELS.items()),
        ) from None
    office = kind == RepresentationKind.YOUTH_OFFICE
    family, given = Label("persons.label_family_name"), Label("persons.label_given_names")
    attempt("family_name", lambda: check_name(data.family_name, "familienname", family, required=not office))
    attempt("given_names", lambda: check_name(data.given_names, "vornamen", given, required=False))
    authority = Label("representatives.label_authority")
    attempt("authority", lambda: clean_text(data.authority, "behoerde", authority, MAX_AUTHORITY))
    attempt("street", lambda: clean_text(data.street, "strasse", Label("shared.label_street"), 200))
    attempt("city", lambda: clean_text(data.city, "ort", Label("shared.label_city"), 100))
    postcode = data.postcode.strip()
    errors += [e for e in (sex_error(data.sex), postcode_error(postcode, required=True)) if e is not None]
    if office and not values.get("authority", "x"):
        errors.append(ValidationError("representatives.authority_missing", field="behoerde"))
    for field, key in (("street", "representatives.street_missing"), ("city", "representatives.city_missing")):
        if field in values and not values[field]:
            errors.append(ValidationError(key, field=field))
    if data.valid_from is not None and data.valid_from < EARLIEST_VALID_FROM:
        errors.append(ValidationError("representatives.valid_from_too_early", field="gueltig_ab"))
    if errors:
        raise FieldErrors(errors=errors)
    sex = data.sex
    if sex == Sex.UNKNOWN.value:
        sex = {RepresentationKind.MOTHER: "w", RepresentationKind.FATHER: "m"}.get(kind, sex)
    return {
        "kind": kind.value,
        "family_name": values["family_name"],
        "given_names": values["given_names"],
        "sex": sex,
        "authority": (values["authority"] or None) if office else None,
        "street": values["street"],
        "postcode": postcode,
        "city": values["city"],
        "valid_from": data.valid_from,
    }


def _require_edit(session: Session, actor: Actor, person_id: int, today: date) -> Person:
    """Like the Stammdaten: anyone at the counter for a person without a case; once the person has
    cases, who may work on one of them (``require_person_access``) — the representation decides to
    whom the notices of those cases go."""
    person = session.get(Person, person_id)
    if person is None:
        raise NotFound("shared.person_not_found", person_id=person_id)
    if session.scalar(select(Case.id).where(Case.person_id == person_id).limit(1)) is not None:
        require_person_access(session, actor, person_id, today)
    return person


def _logged(values: dict[str, Any]) -> dict[str, Any]:
    return {k: (v.isoformat() if isinstance(v, date) else v) for k, v in values.items()}


def add_representative(ctx: ServiceContext, person_id: int, data: RepresentativeInput) -> int:
    """Record a legal representative; returns its id."""
    values = _validate(data)
    with ctx.unit_of_work() as uow:
        _require_edit(uow.session, ctx.actor, person_id, uow.today)
        row = LegalRepresentative(person_id=person_id, **values)
        uow.session.add(row)
        uow.session.flush()
        uow.audit("vertreter_erfasst", "person", person_id, vertreter_id=row.id, data=_logged(values))
        uow.commit()
        return row.id


def _load(ctx_session: Session, representative_id: int, expected_version: int) -> LegalRepresentative:
    row = ctx_session.get(LegalRepresentative, representative_id)
    if row is None:
        raise NotFound("representatives.not_found", representative_id=representative_id)
    if row.version != expected_version:
        raise stale_record(ctx_session, Label("representatives.stale"), "person", row.person_id)
    return row


def update_representative(
    ctx: ServiceContext, representative_id: int, expected_version: int, data: RepresentativeInput
) -> None:
    """Change a representative; every changed field is logged with its old and new value."""
    values = _validate(data)
    with ctx.unit_of_work() as uow:
        row = _load(uow.session, representative_id, expected_version)
        _require_edit(uow.session, ctx.actor, row.person_id, uow.today)
        changes = {}
        for key, value in values.items():
            old = getattr(row, key)
            if old != value:
                setattr(row, key, value)
                changes[key] = _logged({"alt": old, "neu": value})
        if changes:
            uow.audit("vertreter_geaendert", "person", row.person_id, vertreter_id=row.id, data=changes)
            uow.commit()


def remove_representative(ctx: ServiceContext, representative_id: int, expected_version: int) -> None:
    """Remove a representation that no longer exists; what it was is logged."""
    with ctx.unit_of_work() as uow:
        row = _load(uow.session, representative_id, expected_version)
        _require_edit(uow.session, ctx.actor, row.person_id, uow.today)
        was = _logged({c: getattr(row, c) for c in ("kind", "family_name", "given_names", "authority", "valid_from")})
        uow.session.delete(row)
        uow.session.flush()
        uow.audit("vertreter_entfernt", "person", row.person_id, vertreter_id=representative_id, data=was)
        uow.commit()


def _input_of(row: LegalRepresentative) -> RepresentativeInput:
    return RepresentativeInput(
        kind=row.kind,
        family_name=row.family_name,
        given_names=row.given_names,
        sex=row.sex,
        authority=row.authority or "",
        street=row.street,
        postcode=row.postcode,
        city=row.city,
        valid_from=row.valid_from,
    )


def _rule_view(row: LegalRepresentative) -> Representative:
    return Representative(id=row.id, **{**asdict(_input_of(row)), "kind": RepresentationKind(row.kind)})


def _stored(session: Session, person_id: int) -> list[LegalRepresentative]:
    return list(
        session.scalars(
            select(LegalRepresentative)
            .where(LegalRepresentative.person_id == person_id)
            .order_by(LegalRepresentative.id)
        )
    )


def addressing_of(session: Session, person: Person, day: date) -> Addressing:
    """To whom a notice about ``person`` dated ``day`` goes (``representation.addressees_on``). A
    person without a recorded birth year is taken as an adult (nothing says otherwise)."""
    if person.birth_year is None:
        return Addressing(False)
    birth = PartialDate(person.birth_year, person.birth_month, person.birth_day)
    name = f"{person.given_names} {person.family_name}".strip()
    return addressees_on(name, birth, [_rule_view(r) for r in _stored(session, person.id)], day)


def _row(row: LegalRepresentative) -> RepresentativeRow:
    view = _rule_view(row)
    name = view.name
    if view.kind == RepresentationKind.YOUTH_OFFICE:
        name = f"{view.authority} ({view.name})" if view.name else view.authority
    return RepresentativeRow(
        id=row.id,
        version=row.version,
        kind=row.kind,
        kind_label=KIND_LABELS[view.kind],
        name=name,
        address=f"{row.street}, {row.postcode} {row.city}",
        valid_from=row.valid_from,
        data=_input_of(row),
    )


def representation_in(session: Session, person: Person, today: date) -> Representation:
    """The rows for the person window, and the hint where a notice could not go out today."""
    rows = tuple(_row(r) for r in _stored(session, person.id))
    return Representation(rows, addressing_of(session, person, today).refusal)


def representation(ctx: ServiceContext, person_id: int) -> Representation:
    """The person's representation, read again after a change (noted as a read)."""
    with ctx.db.read() as session:
        person = session.get(Person, person_id)
        if person is None:
            raise NotFound("shared.person_not_found", person_id=person_id)
        result = representation_in(session, person, ctx.today())
    note_read(ctx, "vertretung_gelesen", "person", person_id)
    return result
