"""The team lead's overview and the office's statistics (issue 20), on SQLite and PostgreSQL: every
bar equals the list it opens, the scope follows the role, the statistics agree with the rows
counted one by one, the suggested split evens the letters out, and the exports read back equal
the table with formulas neutralized."""

from __future__ import annotations

import csv
import io
import itertools
import shutil
import statistics as stdlib_statistics
from collections import Counter
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

import keyring
import openpyxl
import pytest
from pypdf import PdfReader
from sqlalchemy import func, select

from abh_desk import audit_key
from abh_desk.audit_key import AuditKey
from abh_desk.clock import FixedClock, office_time
from abh_desk.demo.office import fill_demo_office
from abh_desk.domain.catalogue import Catalogue
from abh_desk.domain.enums import CaseStatus, LetterStatus, Role
from abh_desk.errors import NotFound, PermissionDenied
from abh_desk.services.assignment import check_rule_rows, preview_rebalance
from abh_desk.services.audit_key_setup import set_up_if_new
from abh_desk.services.context import Actor, ServiceContext
from abh_desk.services.example_office import install_example_office
from abh_desk.services.overview import OPEN_ORDER, Overview, drill_ids, overview, percentile
from abh_desk.services.rebalance_suggestion import split_letters, suggest_rebalance
from abh_desk.services.rejections import RejectionDraft, draft_rejection
from abh_desk.services.statistics import (
    APPLICATIONS,
    GRANTS,
    MEDIAN,
    OBJECTIONS,
    REFUSALS,
    Statistics,
    year_statistics,
)
from abh_desk.services.statistics_export import (
    neutralize,
    statistics_csv,
    statistics_pdf,
    statistics_xlsx,
    table,
)
from abh_desk.storage import Database
from letters.data import RefusalGround
from models import Area, Case, Letter, User
from tests.conftest import (
    MemoryKeyring,
    drop_pg_database,
    migrated_sqlite,
    new_pg_database,
    new_sqlite_database,
)

TODAY = date(2026, 11, 21)


def _users(ctx: ServiceContext) -> dict[str, tuple[int, str]]:
    with ctx.db.read() as session:
        return {u: (i, r) for i, u, r in session.execute(select(User.id, User.username, User.role))}


def as_user(ctx: ServiceContext, username: str) -> ServiceContext:
    user_id, role = _users(ctx)[username]
    return ctx.as_user(Actor(user_id, username, Role(role)))


def demo_office(ctx: ServiceContext) -> None:
    """The demo office (300 persons), one rejection in review for five days, and one refusal sent
    in March on the ground "visum" with an objection that the office remedied in April."""
    fill_demo_office(ctx, 300)
    with ctx.db.read() as session:
        cases = session.execute(
            select(Case.id, User.username)
            .join(User, User.id == Case.owner_id)
            .where(Case.status == CaseStatus.IN_PROGRESS.value)
            .order_by(Case.id)
            .limit(2)
        ).all()
    letters = []
    for case_id, owner in cases:
        draft = RejectionDraft((RefusalGround("visum", "Einreise ohne Visum."),), "Einreise 2026.")
        letters.append(draft_rejection(as_user(ctx, owner), case_id, draft))
    with ctx.db.write_sessions() as session:
        review, sent = (session.get(Letter, i) for i in letters)
        assert review is not None and sent is not None
        review.status, review.submitted_at = LetterStatus.IN_REVIEW.value, office_time(TODAY - timedelta(days=5))
        sent.status, sent.posted_on = LetterStatus.CONTESTED.value, date(2026, 3, 10)
        sent.remedy_kind, sent.remedy_received_on = "widerspruch", date(2026, 3, 30)
        sent.remedy_outcome, sent.remedy_outcome_on = "abgeholfen", date(2026, 4, 20)
        session.commit()


@pytest.fixture(scope="module", params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def built_office(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory, catalogue: Catalogue
) -> Iterator[tuple[str, AuditKey | None]]:
    """The demo office built once per backend (1–3 s of work each): its database and its key.
    Every test works on a copy of its own (``office``); the building keyring and workstation
    directory are the fixture's own, as each test's are."""
    folder = tmp_path_factory.mktemp("overview")
    admin_url = request.getfixturevalue("pg_admin_url") if request.param == "postgresql" else None
    url = (
        new_pg_database(admin_url) if admin_url else migrated_sqlite(folder, request.getfixturevalue("sqlite_template"))
    )
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("ABH_DESK_DATA_DIR", str(folder / "data"))
        patch.setenv("ABH_DESK_CONFIG_DIR", str(folder / "config"))
        previous = keyring.get_keyring()
        keyring.set_keyring(MemoryKeyring())
        try:
            ctx = ServiceContext(Database(url), catalogue, clock=FixedClock(TODAY))
            set_up_if_new(ctx)
            install_example_office(ctx)
            demo_office(ctx)
            key = audit_key.key_of(ctx.db)
            ctx.db.dispose()
        finally:
            keyring.set_keyring(previous)
    yield url, key
    if admin_url:
        drop_pg_database(admin_url, url.rsplit("/", 1)[1])


@pytest.fixture
def office(
    built_office: tuple[str, AuditKey | None], tmp_path: Path, clock: FixedClock, request: pytest.FixtureRequest
) -> Iterator[ServiceContext]:
    """A copy of the built office: a test's changes stay its own."""
    built, key = built_office
    if built.startswith("sqlite"):
        url = new_sqlite_database(tmp_path)
        shutil.copyfile(built.removeprefix("sqlite:///"), url.removeprefix("sqlite:///"))
    else:
        url = new_pg_database(request.getfixturevalue("pg_admin_url"), template=built.rsplit("/", 1)[1])
    db = Database(url)
    audit_key.use_key(db, key)
    yield ServiceContext(db, request.getfixturevalue("catalogue"), clock=clock)
    db.dispose()
    if not built.startswith("sqlite"):
        drop_pg_database(request.getfixturevalue("pg_admin_url"), url.rsplit("/", 1)[1])


def _every_bar_equals_its_list(ctx: ServiceContext, figures: Overview) -> int:
    checked = 0
    for bars in (figures.case_ages, figures.new_per_week, figures.closed_per_week, figures.overdue,
                 figures.cards, figures.reviews):  # fmt: skip
        for bar in bars:
            assert len(drill_ids(ctx, bar.drill)) == bar.value, bar
            checked += 1
    for load in figures.owners:
        for status, count in zip(OPEN_ORDER, load.by_status, strict=True):
            assert len(drill_ids(ctx, figures.owner_drill(load.owner_id, status))) == count
            checked += 1
    for procedure in figures.procedures:
        assert len(drill_ids(ctx, procedure.drill)) == procedure.cases
        checked += 1
    return checked


def test_every_bar_equals_the_list_it_opens(office: ServiceContext) -> None:
    admin = as_user(office, "osswald")
    figures = overview(admin)
    assert figures.area is None and figures.open_total > 100
    with office.db.read() as session:
        open_cases = session.scalar(select(func.count()).where(Case.status.in_([s.value for s in OPEN_ORDER])))
    assert figures.open_total == open_cases
    assert sum(b.value for b in figures.case_ages) == figures.open_total
    assert sum(b.value for b in figures.reviews) == 1
    assert figures.reviews[1].value == 1  # five days: the 3–7 days bucket
    assert figures.oldest is not None and figures.oldest.age_days >= max(o.oldest_days for o in figures.owners)
    with office.db.read() as session:
        oldest_id = session.scalar(
            select(Case.id).where(Case.status.in_([s.value for s in OPEN_ORDER])).order_by(Case.applied_on, Case.id)
        )
    assert figures.oldest.case_id == oldest_id
    assert _every_bar_equals_its_list(admin, figures) > 70

    lead = as_user(office, "soelter")  # team lead of "allgemein"
    own = overview(lead)
    assert own.area == "allgemein" and 0 < own.open_total < figures.open_total
    _every_bar_equals_its_list(lead, own)


def test_a_decided_case_not_closed_counts_neither_as_closed_nor_in_the_processing_times(
    office: ServiceContext,
) -> None:
    """The closed state is a FILTER of the day's count (not in WHERE, where it cost SQLite a walk
    over every closed case ever): a case decided and then handed to another office has a decision
    day but is not closed, and leaves the closed bars, the processing times and the statistics."""
    admin = as_user(office, "osswald")
    before = overview(admin)
    stats_before = year_statistics(admin, 2026)
    with office.db.write_sessions() as session:
        case = session.scalars(
            select(Case)
            .where(
                Case.status == CaseStatus.GRANTED.value,
                Case.decided_on > max(TODAY - timedelta(days=300), date(2026, 1, 1)),
            )
            .order_by(Case.id)
            .limit(1)
        ).one()
        case.status = CaseStatus.HANDED_OVER.value
        month = case.decided_on.month if case.decided_on else 0
        session.commit()
    after = overview(admin)
    assert sum(b.value for b in after.closed_per_week) == sum(b.value for b in before.closed_per_week) - 1
    assert sum(p.cases for p in after.procedures) == sum(p.cases for p in before.procedures) - 1
    assert sum(b.value for b in after.new_per_week) == sum(b.value for b in before.new_per_week)
    _every_bar_equals_its_list(admin, after)
    stats = year_statistics(admin, 2026)
    assert stats.column(GRANTS)[month - 1] == stats_before.column(GRANTS)[month - 1] - 1
    assert stats.column(APPLICATIONS) == stats_before.column(APPLICATIONS)


def test_the_scope_follows_the_role(office: ServiceContext) -> None:
    lead = as_user(office, "soelter")
    with pytest.raises(PermissionDenied):
        overview(lead, "asyl")
    with pytest.raises(NotFound):
        overview(lead, "gibtsnicht")
    with pytest.raises(PermissionDenied):
        overview(as_user(office, "keller"))
    admin = as_user(office, "osswald")
    by_area = [overview(admin, code).open_total for code in ("allgemein", "asyl")]
    assert sum(by_area) == overview(admin).open_total


def test_the_processing_times_come_with_the_catalogue_where_it_has_them(office: ServiceContext) -> None:
    figures = overview(as_user(office, "osswald"))
    assert any(p.expected_days for p in figures.procedures) and any(not p.expected_days for p in figures.procedures)
    expected = {p.key: p.expected_days for p in figures.procedures}
    for key, days in expected.items():
        weeks = office.catalogue.get(key).processing_weeks
        assert days == ((weeks[0] * 7, weeks[1] * 7) if weeks else None)
    assert all(p.median_days <= p.p90_days for p in figures.procedures)


def test_percentiles() -> None:
    assert percentile([(1, 1), (2, 1), (3, 1), (4, 1)], 0.5) == 2.5
    assert percentile([(1, 1), (2, 1), (3, 1)], 0.5) == 2
    assert percentile([(d, 1) for d in range(1, 11)], 0.9) == 9
    assert percentile([(5, 3), (40, 1)], 0.5) == 5
    assert percentile([], 0.5) == 0


def test_the_statistics_agree_with_the_cases_counted_one_by_one(office: ServiceContext) -> None:
    admin = as_user(office, "osswald")
    stats = year_statistics(admin, 2026)
    with office.db.read() as session:
        cases = session.execute(select(Case.applied_on, Case.decided_on, Case.status)).all()
    applied = Counter(a.month for a, _d, _s in cases if a.year == 2026)
    granted = Counter(d.month for _a, d, s in cases if d and d.year == 2026 and s == CaseStatus.GRANTED.value)
    refused = Counter(d.month for _a, d, s in cases if d and d.year == 2026 and s == CaseStatus.REJECTED.value)
    closed = ("bewilligt", "abgelehnt", "zurueckgenommen", "abgeschlossen")
    took = {m: [(d - a).days for a, d, s in cases if d and d.year == 2026 and d.month == m and s in closed]
            for m in range(1, 13)}  # fmt: skip
    assert stats.column(APPLICATIONS)[:12] == tuple(applied.get(m, 0) for m in range(1, 13))
    assert stats.column(GRANTS)[:12] == tuple(granted.get(m, 0) for m in range(1, 13))
    assert stats.column(REFUSALS)[:12] == tuple(refused.get(m, 0) for m in range(1, 13))
    assert stats.column(MEDIAN)[:12] == tuple(
        stdlib_statistics.median(took[m]) if took[m] else None for m in range(1, 13)
    )
    every = [d for days in took.values() for d in days]
    assert stats.column(MEDIAN)[12] == stdlib_statistics.median(every)
    assert stats.column(APPLICATIONS)[12] == sum(applied.values())
    visum = next(c for c in stats.columns if c.startswith("Ablehnungsgrund: Einreise ohne"))
    assert stats.column(visum)[2] == 1 and stats.column(visum)[12] == 1  # the refusal sent in March
    assert stats.column(OBJECTIONS)[2] == 1
    assert stats.column("Rechtsbehelf abgeholfen")[3] == 1
    assert next(period for period, _v in stats.rows) == "Januar 2026" and stats.rows[-1][0] == "Jahr 2026"

    lead = year_statistics(as_user(office, "soelter"), 2026)
    assert lead.area_name == "Allgemeines Ausländerrecht"
    assert lead.column(APPLICATIONS)[12] < stats.column(APPLICATIONS)[12]
    with pytest.raises(PermissionDenied):
        year_statistics(as_user(office, "keller"), 2026)


def test_the_suggested_split_evens_the_open_cases(office: ServiceContext) -> None:
    lead = as_user(office, "soelter")
    suggestion = suggest_rebalance(lead)
    assert suggestion.area == "allgemein"
    assert suggestion.busiest_open == max(s.open_now for s in suggestion.shares)
    assert check_rule_rows(lead, suggestion.rule_rows).valid  # A–Z once, no gap, no overlap
    assert max(s.open_after for s in suggestion.shares) <= max(s.open_now for s in suggestion.shares)
    assert sum(s.open_after for s in suggestion.shares) == sum(s.open_now for s in suggestion.shares)
    moves = preview_rebalance(lead, suggestion.rule_rows)  # the existing preview takes it as it is
    assert all(m.area == "allgemein" for m in moves)
    with office.db.read() as session:
        assert session.scalar(select(Area.code).where(Area.code == "allgemein")) == "allgemein"


def test_split_letters_cuts_into_even_contiguous_runs() -> None:
    assert split_letters([5, 5, 5, 5], 2) == [(0, 1), (2, 3)]
    assert split_letters([10, 0, 0, 1, 1, 8], 2) == [(0, 2), (3, 5)]
    runs = split_letters([3] * 26, 4)
    assert runs[0][0] == 0 and runs[-1][1] == 25 and len(runs) == 4
    assert all(b[0] == a[1] + 1 for a, b in itertools.pairwise(runs))


EVIL = Statistics(
    2026,
    "=cmd|' /C calc'!A0",
    ("=SUMME(A1:A9)", "+49 7731", "-1", "@SUM(1)", "Anträge", "Median"),
    (("Januar 2026", (1, 2, 3, 4, 5, 12.5)), ('=HYPERLINK("http://x")', (0, 0, 0, 0, 0, None))),
)


def test_formulas_are_neutralized_in_csv_and_xlsx() -> None:
    assert neutralize("=1+1") == "'=1+1" and neutralize("+1") == "'+1" and neutralize("-1") == "'-1"
    assert neutralize("@A1") == "'@A1" and neutralize("Anträge") == "Anträge" and neutralize("") == ""
    rows = list(csv.reader(io.StringIO(statistics_csv(EVIL).decode("utf-8-sig")), delimiter=";"))
    assert rows[0] == ["Zeitraum", "'=SUMME(A1:A9)", "'+49 7731", "'-1", "'@SUM(1)", "Anträge", "Median"]
    assert rows[2][0] == '\'=HYPERLINK("http://x")'
    assert rows[1] == ["Januar 2026", "1", "2", "3", "4", "5", "12,5"]
    sheet = openpyxl.load_workbook(io.BytesIO(statistics_xlsx(EVIL))).active
    assert sheet is not None
    header = [c.value for c in sheet[1]]
    assert header[1:5] == ["'=SUMME(A1:A9)", "'+49 7731", "'-1", "'@SUM(1)"]
    assert all(c.data_type == "s" for c in sheet[1])  # text, not formulas
    assert sheet["A3"].value == '\'=HYPERLINK("http://x")' and sheet["A3"].data_type == "s"
    assert [c.value for c in sheet[2]] == ["Januar 2026", 1, 2, 3, 4, 5, 12.5]  # numbers stay numbers


def test_the_exports_read_back_equal_the_table(office: ServiceContext) -> None:
    admin = as_user(office, "osswald")
    stats = year_statistics(admin, 2026)
    shown = table(stats)
    rows = list(csv.reader(io.StringIO(statistics_csv(stats).decode("utf-8-sig")), delimiter=";"))
    assert rows == shown
    book = openpyxl.load_workbook(io.BytesIO(statistics_xlsx(stats)))
    sheet = book.active
    assert sheet is not None
    values = [[c.value for c in row] for row in sheet.iter_rows()]
    assert values[0] == shown[0]
    assert [row[0] for row in values[1:]] == [period for period, _v in stats.rows]
    assert [tuple(row[1:]) for row in values[1:]] == [v for _p, v in stats.rows]
    assert book.properties.creator == "ABH Desk" and not book.properties.lastModifiedBy

    pdf = statistics_pdf(admin, stats, overview(admin))
    reader = PdfReader(io.BytesIO(pdf))
    text = "".join(page.extract_text() for page in reader.pages)
    assert "Statistik 2026" in text and "Anträge" in text and "Offene Vorgänge je Sachbearbeitung" in text
    assert str(stats.column(APPLICATIONS)[12]) in text
    assert reader.metadata is not None and reader.metadata.author == "ABH Desk"
