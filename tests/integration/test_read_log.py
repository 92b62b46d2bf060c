"""Every read of personal data is in the audit trail (issue 24, part 5): a search with its text and
how many it found, a case file, a notice, a letter, the lists — with who and when, chained like every
entry. Reads are noted without a write of their own and go in with the next change or a flush; a
failed commit keeps them. On a real SQLite file and a real PostgreSQL server."""

from __future__ import annotations

import io
import json
from datetime import date, timedelta

import pytest
from sqlalchemy import exc, select

from abh_desk import audit_chain
from abh_desk.cli import main
from abh_desk.clock import FixedClock
from abh_desk.domain.enums import Role
from abh_desk.errors import DomainError
from abh_desk.services import read_log
from abh_desk.services.card_list import waiting_cards
from abh_desk.services.case_file import get_case_file
from abh_desk.services.case_letters import create_missing_documents_letter, letter_pdf
from abh_desk.services.caselists import Scope, case_ids
from abh_desk.services.cases import open_case
from abh_desk.services.context import Actor, ServiceContext
from abh_desk.services.notices import notice_view
from abh_desk.services.persons import PersonInput, create_person, search_person_ids
from abh_desk.services.rejections import RefusalGround, RejectionDraft, draft_rejection
from abh_desk.services.worklists import WorkScope, worklist
from models import AuditEvent, Person, User
from tests.conftest import TEST_DAY
from tests.support.cli_login import sign_in_cli

TODAY = date(2026, 11, 21)


def _entries(ctx: ServiceContext, after: int = 0) -> list[AuditEvent]:
    with ctx.db.read() as session:
        return list(session.scalars(select(AuditEvent).where(AuditEvent.id > after).order_by(AuditEvent.id)))


def _head(ctx: ServiceContext) -> int:
    entries = _entries(ctx)
    return entries[-1].id if entries else 0


@pytest.fixture
def office(ctx: ServiceContext) -> tuple[ServiceContext, dict[str, int]]:
    """Frau Schweiger's case of Rania Haddad, with a Nachforderung and a draft rejection."""
    person = create_person(ctx, PersonInput("Haddad", "Rania", "01.01.1990", nationality="SYR", street="Weg 1",
                                            postcode="78224", city="Singen"))  # fmt: skip
    case_id = open_case(ctx, person.id, "99010019001008", applied_on=TODAY - timedelta(days=30)).id
    with ctx.db.read() as session:
        user_id = session.scalar(select(User.id).where(User.username == "schweiger"))
    assert user_id is not None
    owner = ctx.as_user(Actor(user_id, "schweiger", Role.CASEWORKER))
    letter = create_missing_documents_letter(owner, case_id).id
    draft = RejectionDraft((RefusalGround("visum", "Einreise ohne Visum."),), "Einreise 2026.")
    notice = draft_rejection(owner, case_id, draft)
    read_log.flush(owner)
    return owner, {"person": person.id, "case": case_id, "letter": letter, "notice": notice, "user": user_id}


def test_reads_are_noted_without_a_write_and_logged_with_who_what_and_how_many(
    office: tuple[ServiceContext, dict[str, int]],
) -> None:
    ctx, ids = office
    head = _head(ctx)
    assert search_person_ids(ctx, "haddad") == [ids["person"]]
    assert search_person_ids(ctx, "nobody-here") == []
    get_case_file(ctx, ids["case"])
    notice_view(ctx, ids["notice"])
    assert letter_pdf(ctx, ids["letter"]).startswith(b"%PDF")
    worklist(ctx, WorkScope.MINE)
    case_ids(ctx, Scope.MINE)
    waiting_cards(ctx, "haddad")
    assert _entries(ctx, head) == []  # noted only: the counter search wrote nothing
    assert read_log.flush(ctx) == 8
    reads = _entries(ctx, head)
    assert [(e.action, e.user_id) for e in reads] == [
        ("suchergebnis_gelesen", ids["user"]),
        ("suchergebnis_gelesen", ids["user"]),
        ("vorgang_gelesen", ids["user"]),
        ("bescheid_gelesen", ids["user"]),
        ("schreiben_gelesen", ids["user"]),
        ("fristenliste_gelesen", ids["user"]),
        ("vorgangsliste_gelesen", ids["user"]),
        ("kartenliste_gelesen", ids["user"]),
    ]
    payloads = [json.loads(e.payload_json or "{}") for e in reads]
    assert payloads[0] == {"suchtext": "haddad", "treffer": 1}
    assert payloads[1] == {"suchtext": "nobody-here", "treffer": 0}  # that nobody is known here is told too
    assert (reads[2].entity, reads[2].entity_id, reads[2].case_id) == ("vorgang", ids["case"], ids["case"])
    assert (reads[3].entity_id, reads[3].case_id) == (ids["notice"], ids["case"])
    assert payloads[4] == {"art": "nachforderung"}
    assert payloads[6] == {"liste": "meine", "sachbearbeitung": None, "zeilen": 1}
    assert all(e.occurred_at is not None for e in reads)
    report = audit_chain.verify(ctx.db, audit_chain.anchor_state(ctx.db))
    assert report.ok, report
    # Reads stay out of the case's own history (Verlauf) and of the notice's steps.
    history = get_case_file(ctx, ids["case"]).history
    assert not [h for h in history if "gelesen" in h.action]


def test_reads_go_in_with_the_next_change_before_it(office: tuple[ServiceContext, dict[str, int]]) -> None:
    ctx, _ids = office
    head = _head(ctx)
    search_person_ids(ctx, "haddad")
    create_person(ctx, PersonInput("Nguyễn", "Văn An", "02.02.1992", nationality="VNM"))
    assert [e.action for e in _entries(ctx, head)] == ["suchergebnis_gelesen", "person_angelegt"]
    assert len(ctx.reads) == 0


def test_the_same_read_again_at_once_is_counted_not_repeated(office: tuple[ServiceContext, dict[str, int]]) -> None:
    ctx, ids = office
    head = _head(ctx)
    for _ in range(3):
        get_case_file(ctx, ids["case"])  # the case window reloads after each tick
    search_person_ids(ctx, "haddad")
    get_case_file(ctx, ids["case"])
    read_log.flush(ctx)
    entries = _entries(ctx, head)
    assert [(e.action, json.loads(e.payload_json or "{}").get("anzahl")) for e in entries] == [
        ("vorgang_gelesen", 3),
        ("suchergebnis_gelesen", None),
        ("vorgang_gelesen", None),
    ]


def test_a_failed_commit_keeps_the_reads(office: tuple[ServiceContext, dict[str, int]]) -> None:
    ctx, ids = office
    head = _head(ctx)
    search_person_ids(ctx, "haddad")
    with pytest.raises(Exception), ctx.unit_of_work() as uow:  # noqa: B017 (the database's own error)
        uow.session.add(Person(id=ids["person"], family_name="Doppelt"))  # the same key again
        uow.audit("person_angelegt", "person", ids["person"])
        uow.commit()
    assert _entries(ctx, head) == [] and len(ctx.reads) == 1
    read_log.flush(ctx)
    assert [e.action for e in _entries(ctx, head)] == ["suchergebnis_gelesen"]


@pytest.mark.parametrize("committed", [True, False], ids=["server-hat-festgeschrieben", "nicht-festgeschrieben"])
def test_reads_of_a_commit_in_doubt_are_written_once(
    office: tuple[ServiceContext, dict[str, int]], committed: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The client sees an error at COMMIT while the server did (or did not) commit: the reads are
    kept with the entry they were written as, and written again only where the trail lacks it."""
    ctx, _ids = office
    head = _head(ctx)
    search_person_ids(ctx, "haddad")

    dialect = ctx.db.engine.dialect
    real_commit = dialect.do_commit

    def connection_lost(dbapi_connection: object) -> None:
        """The driver's COMMIT: done (or not) on the server, then the connection is gone."""
        monkeypatch.setattr(dialect, "do_commit", real_commit)  # once
        if committed:
            real_commit(dbapi_connection)
        else:
            dialect.do_rollback(dbapi_connection)
        raise dialect.loaded_dbapi.OperationalError("server closed the connection unexpectedly")

    monkeypatch.setattr(dialect, "do_commit", connection_lost)
    with pytest.raises(exc.OperationalError, match="server closed the connection"):
        create_person(ctx, PersonInput("Nguyễn", "Văn An", "02.02.1992", nationality="VNM"))
    assert len(ctx.reads) == 1
    written = [e.action for e in _entries(ctx, head)]
    assert written == (["suchergebnis_gelesen", "person_angelegt"] if committed else [])
    search_person_ids(ctx, "nguyen")  # noted after: written, and not merged into the note in doubt
    read_log.flush(ctx)
    entries = [(e.action, json.loads(e.payload_json or "{}").get("suchtext")) for e in _entries(ctx, head)]
    assert entries == [
        ("suchergebnis_gelesen", "haddad"),
        *([("person_angelegt", None)] if committed else []),
        ("suchergebnis_gelesen", "nguyen"),
    ]
    assert len(ctx.reads) == 0
    assert audit_chain.verify(ctx.db, audit_chain.anchor_state(ctx.db)).ok


def test_a_full_read_log_is_written_at_once(
    office: tuple[ServiceContext, dict[str, int]], monkeypatch: pytest.MonkeyPatch
) -> None:
    ctx, _ids = office
    monkeypatch.setattr(read_log, "MAX_PENDING", 3)
    head = _head(ctx)
    for text in ("a", "b"):
        search_person_ids(ctx, text)
    assert _entries(ctx, head) == []
    search_person_ids(ctx, "c")
    assert [json.loads(e.payload_json or "{}")["suchtext"] for e in _entries(ctx, head)] == ["a", "b", "c"]


def test_the_command_line_logs_its_search(
    database_url: str, ctx: ServiceContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    create_person(ctx, PersonInput("Haddad", "Rania", "01.01.1990", nationality="SYR"))
    sign_in_cli(ctx, monkeypatch)
    head = _head(ctx)
    out = io.StringIO()
    assert main(["--db", database_url, "suche", "haddad", "--max", "100"], out=out, clock=FixedClock(TEST_DAY)) == 0
    assert "Haddad, Rania" in out.getvalue()
    reads = [e for e in _entries(ctx, head) if e.action.endswith("_gelesen")]
    assert [(e.action, json.loads(e.payload_json or "{}")) for e in reads] == [
        ("suchergebnis_gelesen", {"suchtext": "haddad", "treffer": 1})
    ]
    with ctx.db.read() as session:
        assert session.get(User, reads[0].user_id) is not None  # the signed-in user, not the system


def test_the_command_line_shows_nothing_it_could_not_log(
    database_url: str, ctx: ServiceContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    create_person(ctx, PersonInput("Haddad", "Rania", "01.01.1990", nationality="SYR"))
    sign_in_cli(ctx, monkeypatch)

    def broken(_ctx: ServiceContext) -> int:
        raise DomainError("Das Protokoll ist nicht erreichbar.")

    monkeypatch.setattr(read_log, "flush", broken)
    out = io.StringIO()
    assert main(["--db", database_url, "suche", "haddad"], out=out, clock=FixedClock(TEST_DAY)) == 2
    assert out.getvalue() == ""  # the hits were found, but not shown: their reading could not be logged
