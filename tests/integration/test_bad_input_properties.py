"""Bad input, everywhere (issue #9): hostile text through the real services, on a real SQLite file
and a real PostgreSQL database.

Each property: either the save succeeds and what is stored is clean (NFC, no control or bidi
characters, within the column's length) and equal to the input as the rules normalize it — or the
service refuses with a German message naming the field, and then every table of the database is
exactly as before (nothing half-saved, not even an audit entry).

The expected values are worked out here, independently of ``abh_desk.domain.text``: one-line text
has its runs of spaces, tabs and line breaks made one space; multi-line text keeps line breaks.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Callable, Iterator
from dataclasses import replace
from datetime import date, datetime, timedelta, timezone
from typing import Any

import pytest
from hypothesis import HealthCheck, event, example, given, settings
from hypothesis import strategies as st
from sqlalchemy import String, select

from abh_desk import migrate
from abh_desk.clock import FixedClock
from abh_desk.domain.cards import RecipientKind
from abh_desk.domain.catalogue import Catalogue
from abh_desk.domain.enums import CardStatus, LetterStatus, Role
from abh_desk.domain.notice_flow import RemedyOutcome
from abh_desk.errors import DomainError, FieldErrors, ValidationError
from abh_desk.services.assignment import reassign_case
from abh_desk.services.auth import create_user
from abh_desk.services.card_handover import HandoverInput, hand_over
from abh_desk.services.cards import close_card, order_card, record_arrival
from abh_desk.services.case_file import add_document, waive_document
from abh_desk.services.cases import open_case
from abh_desk.services.context import Actor, ServiceContext
from abh_desk.services.deadlines import set_follow_up
from abh_desk.services.example_office import install_example_office
from abh_desk.services.notice_dispatch import decide_remedy
from abh_desk.services.notice_review import return_to_author, submit_for_review
from abh_desk.services.notices import notice_view
from abh_desk.services.office import get_office_settings, update_office_settings
from abh_desk.services.persons import PersonInput, create_person, get_person_file, update_person
from abh_desk.services.rejections import RejectionDraft, draft_rejection, update_rejection, waive_hearing
from abh_desk.services.titles import add_title
from abh_desk.storage import Database
from letters.data import RefusalGround, WithdrawnDocument
from letters.samples import SAMPLE_FINDINGS
from models import Base, CardHandover, CardOrder, Case, ChecklistItem, Deadline, Letter, Person, ResidenceTitle, User
from tests.conftest import drop_pg_database, new_pg_database, new_sqlite_database
from tests.support.granted import grant_case

TODAY = date(2026, 11, 21)
QUALIFICATION = "99010019001008"
FORBIDDEN = frozenset({"Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp"})
PROPERTY = settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.large_base_example],
)

# --- hostile text ---------------------------------------------------------------------------

LEGITIMATE = [
    "Müller",
    "Nguyễn",
    "Łukasz",
    "Øyvind",
    "Şahin",
    "Straße",
    "O'Brien",
    "Al-Hassan",
    "Ğürsel",
    "Þórunn",
    "Ærø",
    "ʻOkelani",
    "Dvořák",
]
CONTROL = [chr(c) for c in range(0x20)] + ["\x7f"] + [chr(c) for c in range(0x80, 0xA0)]
BIDI = ["\u202a", "\u202b", "\u202c", "\u202d", "\u202e", "\u2066", "\u2067", "\u2068", "\u2069", "\u200e", "\u200f"]
INVISIBLE = ["\u200b", "\u200d", "\ufeff", "\u00ad", "\u2028", "\u2029", "\ue000", "\U0010ffff", "\ufffe"]
FOREIGN = ["😀", "王", "Иван", "كريم", "\u0301", "ｍ", "١٢٣", "ǅ"]
MARKUP = ["<b>", "</para>", "&", "&amp;", "<script>", "%s", "{0}", "\\", "'; DROP TABLE persons; --", '"']

pieces = st.one_of(
    st.sampled_from(LEGITIMATE),
    st.sampled_from(LEGITIMATE).map(lambda s: unicodedata.normalize("NFD", s)),
    st.sampled_from(CONTROL + BIDI + INVISIBLE),
    st.sampled_from(FOREIGN + MARKUP),
    st.sampled_from([" ", "  ", "\t", "\n", "\r\n", "\n\n", "\u00a0"]),
    st.binary(max_size=40).map(lambda b: b.decode("latin-1")),  # pasted binary
    st.text(max_size=8),
)
short_text = st.lists(pieces, min_size=1, max_size=6).map("".join)
long_text = st.tuples(st.sampled_from([*LEGITIMATE, "a", "Antrag "]), st.integers(50, 2_500)).map(lambda t: t[0] * t[1])
hostile = st.one_of(short_text, short_text, long_text)
readable = st.lists(st.sampled_from([*LEGITIMATE, " ", "\n", "Antrag", "§ 16d", "–"]), min_size=1, max_size=8).map(
    "".join
)
text_input = st.one_of(hostile, readable)
# For texts rendered into a PDF at every save: long ones only as explicit examples (pages cost time).
letter_text = st.one_of(short_text, readable)


def one_line(text: str) -> str:
    return re.sub(r"[ \t\r\n]+", " ", unicodedata.normalize("NFC", text)).strip()


def multi_line(text: str) -> str:
    lines = re.sub(r"\r\n?", "\n", unicodedata.normalize("NFC", text)).replace("\t", " ").split("\n")
    return "\n".join(line.rstrip(" ") for line in lines).strip()


def assert_clean(value: str | None, limit: int | None, multiline: bool = False) -> None:
    if value is None:
        return
    assert unicodedata.is_normalized("NFC", value), ascii(value)
    bad = [c for c in value if unicodedata.category(c) in FORBIDDEN and not (multiline and c == "\n")]
    assert not bad, ascii(value)
    assert value == value.strip(), ascii(value)
    if limit is not None:
        assert len(value) <= limit, len(value)


def assert_refused(exc: DomainError, labels: dict[str, str]) -> None:
    """Each message is German and names its field (``labels``: field → a word of its label)."""
    errors = exc.errors if isinstance(exc, FieldErrors) else [exc]
    assert errors
    for error in errors:
        assert isinstance(error, ValidationError)
        assert error.field in labels, (error.field, error.message)
        assert labels[error.field].lower() in error.message.lower(), error.message
        german = (
            "fehlt",
            "bitte",
            "zu lang",
            "höchstens",
            "steuerzeichen",
            "nicht",
            "gibt es",
            "muss",
            "zeichen",
            "ziffern",
        )
        assert any(word in error.message.lower() for word in german), error.message


# --- the database -----------------------------------------------------------------------------


#: The examples make the same person again and again: that is not what they are about.
EXAMPLES = "Beispiel der Eigenschaftsprüfung"


class World:
    """The shared database: the system, a caseworker and a team lead, and what the examples edit."""

    def __init__(
        self,
        ctx: ServiceContext,
        clerk: ServiceContext,
        lead: ServiceContext,
        person_id: int,
        case_id: int,
        letter_id: int,
        card_case_id: int,
    ) -> None:
        self.ctx, self.clerk, self.lead = ctx, clerk, lead
        self.person_id = person_id  # edited by the update property (the case's person keeps its address)
        self.case_id, self.letter_id = case_id, letter_id
        self.card_case_id = card_case_id  # granted, so that its cards may be ordered and handed over
        self.serials = iter(range(1, 10_000_000))

    def __repr__(self) -> str:  # short, for hypothesis' falsifying examples
        return "World()"


_SNAPSHOT_SQL: dict[str, list[tuple[str, str]]] = {}


def snapshot(ctx: ServiceContext) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every table, in primary-key order, as the driver returns it (taken before every
    save: the statements compiled once, read on a bare connection without the ORM's row processing,
    which cost three quarters of it)."""
    dialect = ctx.db.engine.dialect
    statements = _SNAPSHOT_SQL.get(dialect.name)
    if statements is None:
        statements = _SNAPSHOT_SQL[dialect.name] = [
            (table.name, str(select(table).order_by(*table.primary_key.columns).compile(dialect=dialect)))
            for table in Base.metadata.sorted_tables
        ]
    connection = ctx.db.engine.raw_connection()
    try:
        cursor = connection.cursor()
        rows = {}
        for name, sql in statements:
            cursor.execute(sql)
            rows[name] = [tuple(row) for row in cursor.fetchall()]
        cursor.close()
        connection.rollback()
        return rows
    finally:
        connection.close()


def saves_or_refuses(
    world: World, save: Callable[[], object], labels: dict[str, str], check: Callable[[], None]
) -> bool:
    """Run ``save``; a refusal must leave the database unchanged, a save must pass ``check``."""
    before = snapshot(world.ctx)
    try:
        save()
    except (FieldErrors, ValidationError) as exc:
        assert_refused(exc, labels)
        assert snapshot(world.ctx) == before
        event("refused")
        return False
    check()
    event("saved")
    return True


@pytest.fixture(scope="module", params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def world(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory, catalogue: Catalogue
) -> Iterator[World]:
    """One database per module and backend, shared by all examples (function-scoped fixtures
    would be shared across hypothesis examples anyway)."""
    admin_url = None
    if request.param == "sqlite":
        url = new_sqlite_database(tmp_path_factory.mktemp("badinput"))
        db = Database(url)
        migrate.upgrade(db)
    else:
        admin_url = request.getfixturevalue("pg_admin_url")
        url = new_pg_database(admin_url)
        db = Database(url)
    ctx = ServiceContext(db, catalogue, clock=FixedClock(TODAY))  # 10 o'clock in Singen: 09:00 UTC
    install_example_office(ctx)
    create_user(ctx, "sb-bad", "Frau Eingabe", Role.CASEWORKER, area="allgemein")
    create_user(ctx, "tl-bad", "Frau Leitung", Role.TEAM_LEAD, area="allgemein")
    with db.read() as session:
        ids = dict(session.execute(select(User.username, User.id)).all())
    lead = ctx.as_user(Actor(ids["tl-bad"], "tl-bad", Role.TEAM_LEAD))
    person = create_person(
        ctx,
        PersonInput("Nguyễn", "Thị Hương", "12.03.1994", "", "VNM", "w", "Hadwigstraße 7", "78224", "Singen"),
    )
    edited = create_person(ctx, GOOD_PERSON)
    case_id = open_case(ctx, person.id, QUALIFICATION, applied_on=date(2026, 9, 1)).id
    with db.read() as session:  # the caseworker the letter ranges gave the case to writes its notice
        owner = session.scalars(select(User).join(Case, Case.owner_id == User.id).where(Case.id == case_id)).one()
    clerk = ctx.as_user(Actor(owner.id, owner.username, Role.CASEWORKER))
    draft = RejectionDraft(
        grounds=(RefusalGround("visum", "Sie reisten visumfrei ein."),),
        facts="Einreise 2026.",
        **SAMPLE_FINDINGS,
    )
    letter_id = draft_rejection(clerk, case_id, draft)
    waive_hearing(clerk, letter_id, notice_view(ctx, letter_id).version, "Verzicht schriftlich erklärt.")
    card_case_id = open_case(
        ctx, person.id, QUALIFICATION, date(2026, 9, 1), repeat_reason="zweiter Vorgang für die Karte"
    ).id
    grant_case(ctx, card_case_id, decided_on=date(2026, 9, 30))
    yield World(ctx, clerk, lead, edited.id, case_id, letter_id, card_case_id)
    db.dispose()
    if admin_url is not None:
        drop_pg_database(admin_url, url.rsplit("/", 1)[1])


def column_limit(model: type[Base], name: str) -> int | None:
    column_type = model.__table__.c[name].type
    return column_type.length if isinstance(column_type, String) else None


# --- persons ------------------------------------------------------------------------------------

PERSON_LABELS = {
    "familienname": "Familienname",
    "vornamen": "Vornamen",
    "geburtsort": "Geburtsort",
    "geburtsdatum": "Geburtsdatum",
    "strasse": "Straße",
    "ort": "Ort",
    "plz": "Postleitzahl",
    "passnummer": "Passnummer",
    "azr": "AZR-Nummer",
}
PERSON_TEXT = ("family_name", "given_names", "birth_place", "street", "city", "azr_number")
GOOD_PERSON = PersonInput(
    "Şahin", "Ayşe Nur", "00.05.1990", "İzmir", "TUR", "w", "Hadwigstraße 7", "78224", "Singen", "U12345678", ""
)
passports = st.one_of(
    st.text(alphabet="ABCXYZabcxyz0123456789 -", max_size=25),
    st.text(alphabet="ABC0123456789 -./,#_ÄÖßｍ١٢\x00\t\u202e", min_size=1, max_size=25),
    hostile,
)


@st.composite
def person_inputs(draw: st.DrawFn) -> PersonInput:
    """A good person with one to three fields replaced by hostile text."""
    fields = draw(st.sets(st.sampled_from([*PERSON_TEXT, "passport_number", "postcode"]), min_size=1, max_size=3))
    changes = {}
    for field in fields:
        if field == "passport_number":
            changes[field] = draw(passports)
        elif field == "postcode":
            changes[field] = draw(
                st.sampled_from(["78224", " 78224 ", "7822", "¹²³⁴⁵", "７８２２４", "78\x0024", "ABCDE"])
            )
        else:
            changes[field] = draw(text_input)
    return replace(GOOD_PERSON, **changes)


def expected_person(data: PersonInput) -> dict[str, object]:
    names = {
        k: " ".join(p for p in unicodedata.normalize("NFC", getattr(data, k)).split(" ") if p) for k in PERSON_TEXT[:3]
    }
    return {
        "family_name": names["family_name"],
        "given_names": names["given_names"],
        "birth_place": names["birth_place"] or None,
        "street": one_line(data.street) or None,
        "city": one_line(data.city) or None,
        "azr_number": one_line(data.azr_number) or None,
        "postcode": data.postcode.strip() or None,
        "passport_number": re.sub(r"[ \-]", "", data.passport_number).upper() or None,
    }


def check_person(world: World, person_id: int, data: PersonInput) -> None:
    with world.ctx.db.read() as session:
        person = session.get(Person, person_id)
        assert person is not None
        stored = {key: getattr(person, key) for key in expected_person(data)}
    for key, value in stored.items():
        assert_clean(value, column_limit(Person, key))
    assert stored == expected_person(data)
    passport = stored["passport_number"]
    assert passport is None or re.fullmatch(r"[A-Z0-9]{5,20}", str(passport)), passport
    postcode = stored["postcode"]
    assert postcode is None or re.fullmatch(r"[0-9]{5}", str(postcode)), postcode


@PROPERTY
@given(data=person_inputs())
@example(data=replace(GOOD_PERSON, family_name=unicodedata.normalize("NFD", "Nguyễn Müller")))
@example(data=replace(GOOD_PERSON, family_name="Mül\u202eler"))
@example(data=replace(GOOD_PERSON, street="Hauptstraße\u202e 1"))
@example(data=replace(GOOD_PERSON, city="Singen\x00"))
@example(data=replace(GOOD_PERSON, city="S" * 10_000))
@example(data=replace(GOOD_PERSON, passport_number="c01x 00t-47"))
@example(data=replace(GOOD_PERSON, passport_number="C01X00T4ÄÖ"))
@example(data=replace(GOOD_PERSON, postcode="¹²³⁴⁵"))
def test_create_person_stores_clean_values_or_nothing(world: World, data: PersonInput) -> None:
    saved: list[int] = []
    saves_or_refuses(
        world,
        lambda: saved.append(create_person(world.ctx, data, duplicate_reason=EXAMPLES).id),
        PERSON_LABELS,
        lambda: check_person(world, saved[0], data),
    )


@PROPERTY
@given(data=person_inputs())
@example(data=replace(GOOD_PERSON, given_names="Anna\u2066"))
@example(data=replace(GOOD_PERSON, azr_number="\x1b[31m123456789012"))
def test_update_person_stores_clean_values_or_nothing(world: World, data: PersonInput) -> None:
    with world.ctx.db.read() as session:
        person = session.get(Person, world.person_id)
        assert person is not None
        version = person.version
    saves_or_refuses(
        world,
        lambda: update_person(world.ctx, world.person_id, version, data),
        PERSON_LABELS,
        lambda: check_person(world, world.person_id, data),
    )


def _plausible(day: int, month: int, year: int) -> bool:
    if year < TODAY.year - 130 or (year, month or 1, day or 1) > (TODAY.year, TODAY.month, TODAY.day):
        return False
    if month == 0:
        return day == 0
    if month > 12:
        return False
    if day:
        try:
            date(year, month, day)
        except ValueError:
            return False
    return True


@settings(max_examples=40, deadline=None)
@given(day=st.integers(0, 32), month=st.integers(0, 13), year=st.integers(1790, 2210))
@example(day=31, month=2, year=1990)
@example(day=0, month=13, year=1990)
@example(day=1, month=1, year=1800)
@example(day=1, month=1, year=2200)
@example(day=0, month=0, year=1990)
@example(day=0, month=5, year=1990)
@example(day=29, month=2, year=2000)
@example(day=29, month=2, year=1900)
def test_birth_dates_partial_stored_as_partial_impossible_refused(
    world: World, day: int, month: int, year: int
) -> None:
    typed = f"{day:02d}.{month:02d}.{year}"
    saved: list[int] = []

    def check() -> None:
        assert _plausible(day, month, year), typed
        with world.ctx.db.read() as session:
            person = session.get(Person, saved[0])
            assert person is not None
            assert (person.birth_day, person.birth_month, person.birth_year) == (day or None, month or None, year)
        assert get_person_file(world.ctx, saved[0]).person.birth_date == typed

    if not saves_or_refuses(
        world,
        lambda: saved.append(create_person(world.ctx, replace(GOOD_PERSON, birth_date=typed), EXAMPLES).id),
        {"geburtsdatum": "Geburtsdatum"},
        check,
    ):
        assert not _plausible(day, month, year), typed


# --- the case file: checklist and follow-up -------------------------------------------------


@PROPERTY
@given(text=text_input)
@example(text="Nachweis\u202e der Krankenversicherung")
@example(text="Mietvertrag\x85Kopie")
@example(text="Kontoauszüge\x7f")
@example(text="Lohnabrechnung " * 100)
def test_extra_document_text(world: World, text: str) -> None:
    def check() -> None:
        with world.ctx.db.read() as session:
            item = session.scalars(
                select(ChecklistItem).where(ChecklistItem.case_id == world.case_id).order_by(ChecklistItem.id.desc())
            ).first()
            assert item is not None
            assert_clean(item.text, column_limit(ChecklistItem, "text"))
            assert item.text == one_line(text)

    saves_or_refuses(world, lambda: add_document(world.ctx, world.case_id, text), {"unterlage": "Unterlage"}, check)


@PROPERTY
@given(reason=text_input)
@example(reason="liegt vor\u200f")
@example(reason="Pass\x00bereits geprüft")
@example(reason="x" * 600)
def test_waiver_reason(world: World, reason: str) -> None:
    with world.ctx.db.read() as session:
        item_id = session.scalar(select(ChecklistItem.id).where(ChecklistItem.case_id == world.case_id).limit(1))
    assert item_id is not None

    def check() -> None:
        with world.ctx.db.read() as session:
            item = session.get(ChecklistItem, item_id)
            assert item is not None
            assert_clean(item.waiver_reason, column_limit(ChecklistItem, "waiver_reason"))
            assert item.waiver_reason == one_line(reason)

    saves_or_refuses(world, lambda: waive_document(world.ctx, item_id, reason), {"grund": "Grund"}, check)


@PROPERTY
@given(note=text_input)
@example(note="Rückruf\u202e erbeten")
@example(note="Zeile 1\r\nZeile 2\n")
@example(note="N" * 20_000)
def test_follow_up_note(world: World, note: str) -> None:
    saved: list[int] = []

    def check() -> None:
        with world.ctx.db.read() as session:
            deadline = session.get(Deadline, saved[0])
            assert deadline is not None
            assert_clean(deadline.note, 2_000, multiline=True)
            assert deadline.note == (multi_line(note) or None)

    saves_or_refuses(
        world,
        lambda: saved.append(set_follow_up(world.clerk, world.case_id, TODAY + timedelta(days=7), note)),
        {"notiz": "Notiz"},
        check,
    )


# --- the rejection notice -------------------------------------------------------------------


def _letter(world: World) -> Letter:
    with world.ctx.db.read() as session:
        letter = session.get(Letter, world.letter_id)
        assert letter is not None
        return letter


@settings(PROPERTY, max_examples=20)
@given(facts=letter_text, details=letter_text, reasons=letter_text, target=letter_text)
@example(facts="Absatz 1\n\nAbsatz\u202e 2", details="Sie reisten ein.", reasons="", target="")
@example(facts="<b>fett</b> & </para>", details="<script>", reasons="&amp;", target="Türkei")
@example(facts="F" * 25_000, details="", reasons="", target="")
@example(facts="Sachverhalt. " * 300, details="Begründung. " * 100, reasons="", target="T" * 101)
def test_rejection_facts_and_ground_details(world: World, facts: str, details: str, reasons: str, target: str) -> None:
    draft = RejectionDraft(
        grounds=(RefusalGround("visum", details),),
        facts=facts,
        entry_ban_months=12 if reasons else None,
        entry_ban_reasons=reasons,
        target_state=target,
        **SAMPLE_FINDINGS,
    )

    def check() -> None:
        stored = json.loads(_letter(world).data_json)
        paragraphs = [p.strip() for p in multi_line(facts).split("\n\n") if p.strip()]
        assert stored["facts"] == paragraphs
        for paragraph in stored["facts"]:
            assert_clean(paragraph, 20_000, multiline=True)
        [ground] = stored["grounds"]
        assert ground["details"] == multi_line(details)
        assert_clean(ground["details"], 5_000, multiline=True)
        assert stored["entry_ban_reasons"] == multi_line(reasons)
        assert_clean(stored["entry_ban_reasons"], 2_000, multiline=True)
        if one_line(target):
            assert stored["target_state"] == one_line(target)
        assert_clean(stored["target_state"], 100)

    saves_or_refuses(
        world,
        lambda: update_rejection(world.clerk, world.letter_id, _letter(world).version, draft),
        {
            "facts": "Sachverhalt",
            "grounds": "Ablehnungsgrund",
            "entry_ban_months": "Einreise",
            "sperrfrist_erwaegungen": "Einreise",
            "einzelfall": "Einzelfall",
            "target_state": "Zielstaat",
        },
        check,
    )


@settings(PROPERTY, max_examples=25)
@given(comment=text_input)
@example(comment="Bitte\u202e ergänzen")
@example(comment="Bitte ergänzen:\n- Sachverhalt\r\n- Begründung")
@example(comment="K" * 3_000)
def test_return_comment(world: World, comment: str) -> None:
    letter = _letter(world)
    if LetterStatus(letter.status) != LetterStatus.IN_REVIEW:
        submit_for_review(world.clerk, world.letter_id, letter.version)
        letter = _letter(world)

    def check() -> None:
        stored = _letter(world).review_comment
        assert stored == multi_line(comment)
        assert_clean(stored, 2_000, multiline=True)

    saves_or_refuses(
        world,
        lambda: return_to_author(world.lead, world.letter_id, letter.version, comment),
        {"kommentar": "Kommentar"},
        check,
    )


# --- the eAT handover -----------------------------------------------------------------------

HANDOVER_LABELS = {
    "identitaet": "Identität",
    "name": "Name",
    "ausweis": "Ausweis",
    "eingezogen": "Dokument",
}


GOOD_HANDOVER = {
    "identity": "Reisepass",
    "name": "Trần Văn Minh",
    "id_number": "Personalausweis L01X00T47",
    "kind": "Fiktionsbescheinigung",
    "serial": "F1234567",
}
handover_texts = st.sets(st.sampled_from(sorted(GOOD_HANDOVER)), min_size=1, max_size=2).flatmap(
    lambda keys: st.fixed_dictionaries(dict.fromkeys(keys, text_input)).map(lambda bad: GOOD_HANDOVER | bad)
)


@settings(PROPERTY, max_examples=20)
@given(texts=handover_texts)
@example(texts=GOOD_HANDOVER | {"identity": "Reisepass\u202e"})
@example(texts=GOOD_HANDOVER | {"name": "Иван"})
@example(texts=GOOD_HANDOVER | {"name": unicodedata.normalize("NFD", "Trần Văn Minh")})
@example(texts=GOOD_HANDOVER | {"id_number": "L" * 100})
@example(texts=GOOD_HANDOVER | {"identity": "W" * 200, "id_number": "L" * 40, "kind": "K" * 100, "serial": "1" * 40})
@example(texts=GOOD_HANDOVER | {"identity": "W" * 201})
@example(texts=GOOD_HANDOVER | {"kind": "K\x00arte", "serial": "1" * 5_000})
def test_handover_fields(world: World, texts: dict[str, str]) -> None:
    identity, name, id_number, kind, serial = (texts[k] for k in ("identity", "name", "id_number", "kind", "serial"))
    number = next(world.serials)
    card_serial = f"T{number:07d}K"
    card = order_card(world.clerk, world.card_case_id, date(2026, 10, 1))
    card_id = record_arrival(world.clerk, card.id, card.version, card_serial, True, date(2026, 11, 10)).id
    given_input = HandoverInput(
        card_serial=card_serial,
        identity_check=identity,
        recipient_kind=RecipientKind.AGENT,
        recipient_name=name,
        recipient_id_number=id_number,
        power_of_attorney=True,
        withdrawn=(WithdrawnDocument(kind, serial),),
        handed_over_at=datetime(2026, 11, 20, 10, tzinfo=timezone.utc),
    )

    def check() -> None:
        with world.ctx.db.read() as session:
            handover = session.scalars(select(CardHandover).where(CardHandover.card_order_id == card_id)).one()
            assert handover.identity_check == one_line(identity)
            assert_clean(handover.identity_check, column_limit(CardHandover, "identity_check"))
            assert handover.recipient_name == " ".join(unicodedata.normalize("NFC", name).split(" ")).strip()
            assert_clean(handover.recipient_name, column_limit(CardHandover, "recipient_name"))
            assert handover.agent_id_number == one_line(id_number)
            assert_clean(handover.agent_id_number, column_limit(CardHandover, "agent_id_number"))
            [document] = json.loads(handover.old_documents_json)
            assert document == {"kind": one_line(kind), "serial": one_line(serial)}
            assert_clean(document["kind"], 100)
            assert_clean(document["serial"], 40)

    saves_or_refuses(
        world,
        lambda: hand_over(world.clerk, card_id, None, given_input),
        HANDOVER_LABELS,
        check,
    )
    # A refused handover leaves the card waiting: withdraw it, so the next example can order one.
    with world.ctx.db.read() as session:
        stored = session.get(CardOrder, card_id)
        assert stored is not None
        status, version = CardStatus(stored.status), stored.version
    if status != CardStatus.HANDED_OVER:
        close_card(world.clerk, card_id, version, CardStatus.RETURNED, "Test")


# --- office settings ------------------------------------------------------------------------

OFFICE_TEXT = (
    "authority_name",
    "street",
    "postcode_city",
    "phone",
    "opening_hours",
    "court_name",
    "court_address",
    "department",
)


@settings(PROPERTY, max_examples=30)
@given(key=st.sampled_from(OFFICE_TEXT), value=text_input)
@example(key="authority_name", value="Ausländerbehörde\u202e Singen")
@example(key="court_address", value="Habsburgerstraße 103\n79104 Freiburg")
@example(key="opening_hours", value="Mo 8–12\x00")
@example(key="street", value="S" * 5_000)
def test_office_settings(world: World, key: str, value: str) -> None:
    previous = get_office_settings(world.ctx)

    def check() -> None:
        stored = getattr(get_office_settings(world.ctx), key)
        assert stored == one_line(value)
        assert_clean(stored, 200)

    saves_or_refuses(
        world,
        lambda: update_office_settings(world.ctx, **{key: value}),
        {key: ""},
        check,
    )
    update_office_settings(world.ctx, **{key: getattr(previous, key)})  # the letters of other tests


# --- the other free-text entry points -------------------------------------------------------

BAD_TEXTS = ("Grund\u202e bekannt", "Grund\x00", "Grund\x9b", "Grund\u2066", "G" * 6_000)


def test_other_free_text_entry_points_refuse_bad_text_and_keep_good_text(world: World) -> None:
    """Reasons and notes elsewhere: refused with a German message naming the field, nothing stored;
    a decomposed name is stored composed."""
    system, lead, clerk = world.ctx, world.lead, world.clerk
    calls: dict[str, Callable[[str], object]] = {
        "grund": lambda text: reassign_case(lead, world.case_id, "sb-bad", text),
        "titel": lambda text: add_title(system, world.case_id, text, "§ 16d AufenthG", TODAY, None),
        "nebenbestimmungen": lambda text: add_title(
            system, world.case_id, "Aufenthaltserlaubnis", "§ 16d", TODAY, None, text
        ),
        "notiz": lambda text: decide_remedy(clerk, world.letter_id, 1, RemedyOutcome.UPHELD, TODAY, text),
        "bestellnummer": lambda text: order_card(clerk, world.card_case_id, TODAY, text),
        "name": lambda text: create_user(system, f"u{next(world.serials)}", text, Role.CASEWORKER),
    }
    for field, call in calls.items():
        for text in BAD_TEXTS:
            before = snapshot(system)
            with pytest.raises(ValidationError) as refused:
                call(text)
            assert refused.value.field == field, refused.value.message
            assert "Steuerzeichen" in refused.value.message or "zu lang" in refused.value.message
            assert snapshot(system) == before
    title_id = add_title(
        system, world.case_id, unicodedata.normalize("NFD", "Aufenthaltserlaubnis für Ärzte"), "§ 18", TODAY, None
    )
    create_user(system, "nfd-name", unicodedata.normalize("NFD", "Frau Şahin-Müller"), Role.CASEWORKER)
    with system.db.read() as session:
        title = session.get(ResidenceTitle, title_id)
        assert title is not None and title.kind == "Aufenthaltserlaubnis für Ärzte"
        user = session.scalars(select(User).where(User.username == "nfd-name")).one()
        assert user.display_name == "Frau Şahin-Müller"
