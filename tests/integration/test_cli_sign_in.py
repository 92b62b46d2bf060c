"""The command line runs as a signed-in user (issue 24, part 1; issue 22, part 2): without a sign-in
it reads and changes no personal data and no settings; a caseworker is no administrator there
either; batch jobs use an access token the administration issued, which ends and can be revoked.
The breaks reported in issue 24 are each refused here."""

from __future__ import annotations

import io
import sys
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import func, select

from abh_desk.cli import main
from abh_desk.clock import FixedClock
from abh_desk.demo.users import DEMO_PASSWORD
from abh_desk.domain.enums import Role
from abh_desk.services.auth import create_user, set_password
from abh_desk.services.context import ServiceContext
from abh_desk.services.office import get_office_settings
from abh_desk.services.persons import PersonInput, create_person
from abh_desk.storage import Database
from models import AccessToken, AuditEvent, Person, User
from tests.conftest import TEST_DAY

PASSWORD = "richtig-geheim-1"


def run(*argv: str, password: str = PASSWORD, day: FixedClock | None = None) -> tuple[int, str]:
    out = io.StringIO()
    return main(list(argv), out=out, clock=day or FixedClock(TEST_DAY), prompt=lambda _text: password), out.getvalue()


@pytest.fixture
def office(sqlite_ctx: ServiceContext) -> str:
    """An office database: an administrator and a caseworker with passwords, one person."""
    create_user(sqlite_ctx, "osswald", "Herr Osswald", Role.ADMIN, PASSWORD)
    set_password(sqlite_ctx, "schweiger", PASSWORD)
    create_person(sqlite_ctx, PersonInput("Haddad", "Rania", "01.01.1990", nationality="SYR"))
    return str(sqlite_ctx.db.url)


def _users(ctx: ServiceContext) -> dict[str, str | None]:
    with ctx.db.read() as session:
        return dict(session.execute(select(User.username, User.password_hash)).all())


def _actions(ctx: ServiceContext, action: str) -> list[int | None]:
    with ctx.db.read() as session:
        return list(session.scalars(select(AuditEvent.user_id).where(AuditEvent.action == action)))


def test_the_reported_breaks_are_refused_without_a_sign_in(
    office: str, sqlite_ctx: ServiceContext, capsys: pytest.CaptureFixture[str]
) -> None:
    before = _users(sqlite_ctx)
    sys.stdin = io.StringIO("neues-passwort-9\n")
    attempts = [
        ("benutzer", "passwort", "osswald", "--passwort-stdin"),
        ("benutzer", "anlegen", "evil", "--anzeigename", "Evil", "--rolle", "teamleitung", "--passwort-stdin"),
        ("einstellungen", "idle_lock_minutes=0"),
        ("aufbewahrung", "--ausfuehren"),
        ("suche", "haddad"),
        ("fristen", "--alle"),
        ("bescheide",),
    ]
    for argv in attempts:
        code, text = run("--db", office, *argv)
        assert code == 2 and text == "", argv
        assert "braucht eine Anmeldung" in capsys.readouterr().err, argv
    assert _users(sqlite_ctx) == before
    assert get_office_settings(sqlite_ctx).idle_lock_minutes == 10


def test_a_demo_goes_only_into_a_new_or_a_demo_database(
    office: str, sqlite_ctx: ServiceContext, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = _users(sqlite_ctx)
    code, _ = run("--db", office, "demo", "--personen", "50")
    assert code == 2 and "nur in einer neuen oder einer Demo-Datenbank" in capsys.readouterr().err
    assert _users(sqlite_ctx) == before  # nobody got the published password
    with sqlite_ctx.db.read() as session:
        assert session.scalar(select(func.count()).select_from(Person)) == 1
    fresh = f"sqlite:///{tmp_path / 'demo.sqlite3'}"
    assert run("--db", fresh, "db", "upgrade")[0] == 0
    assert run("--db", fresh, "demo", "--personen", "50")[0] == 0
    assert run("--db", fresh, "demo", "--personen", "50", "--seed", "2")[0] == 0  # a demo database takes more
    demo = Database(fresh)
    with demo.read() as session:
        assert session.scalar(select(func.count()).select_from(Person)) == 100
    demo.dispose()
    code, _ = run("--anmelden", "osswald", "--db", fresh, "suche", "a", password=DEMO_PASSWORD)
    assert code in (0, 1)  # signed in with the demo password: found or not, no refusal


def test_signed_in_the_command_runs_as_that_user_and_is_logged(office: str, sqlite_ctx: ServiceContext) -> None:
    code, text = run("--anmelden", "osswald", "--db", office, "einstellungen", "idle_lock_minutes=5")
    assert code == 0 and "idle_lock_minutes=5" in text.splitlines()
    with sqlite_ctx.db.read() as session:
        admin_id = session.scalar(select(User.id).where(User.username == "osswald"))
    assert _actions(sqlite_ctx, "angemeldet") == [admin_id]
    assert admin_id in _actions(sqlite_ctx, "einstellungen_geaendert")
    code, text = run("--anmelden", "schweiger", "--db", office, "suche", "haddad")
    assert code == 0 and text.startswith("Haddad, Rania\t")


def test_a_wrong_password_is_refused_and_counted(
    office: str, sqlite_ctx: ServiceContext, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _ = run("--anmelden", "osswald", "--db", office, "einstellungen", "land=BY", password="falsch-falsch")
    assert code == 2 and "Benutzername oder Passwort falsch" in capsys.readouterr().err
    assert get_office_settings(sqlite_ctx).land == "BW"
    with sqlite_ctx.db.read() as session:
        assert session.scalar(select(User.failed_logins).where(User.username == "osswald")) == 1


def test_the_password_can_come_from_the_first_line_of_standard_input(
    office: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sys, "stdin", io.StringIO(f"{PASSWORD}\n"))
    code, text = run("--anmelden", "schweiger", "--anmeldung-stdin", "--db", office, "suche", "haddad", password="")
    assert code == 0 and "Haddad, Rania" in text


def test_a_caseworker_is_no_administrator_on_the_command_line(
    office: str, sqlite_ctx: ServiceContext, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    for argv in (
        ("einstellungen", "idle_lock_minutes=0"),
        ("benutzer", "anlegen", "evil", "--anzeigename", "Evil", "--rolle", "teamleitung"),
        ("aufbewahrung", "--ausfuehren"),
        ("sicherung", str(tmp_path / "kopie.sqlite3")),
        ("audit", "pruefen"),
        ("benutzer", "token", "schweiger", "--zweck", "eigener Stapellauf", "--gueltig-bis", "2027-01-01"),
    ):
        code, _ = run("--anmelden", "schweiger", "--db", office, *argv)
        assert code == 2 and "der Administration vorbehalten" in capsys.readouterr().err, argv
    assert not (tmp_path / "kopie.sqlite3").exists()
    assert "evil" not in _users(sqlite_ctx)


def test_a_batch_job_runs_with_a_token_until_it_ends_or_is_revoked(
    office: str, sqlite_ctx: ServiceContext, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    until = TEST_DAY + timedelta(days=30)
    code, secret = run(
        "--anmelden", "osswald", "--db", office, "benutzer", "token", "schweiger",
        "--zweck", "nächtliche Bestandskraft", "--gueltig-bis", until.isoformat(),
    )  # fmt: skip
    secret = secret.strip()
    assert code == 0 and secret.startswith("abh_") and len(secret) > 40
    assert "wird nur jetzt gezeigt" in capsys.readouterr().err
    with sqlite_ctx.db.read() as session:
        stored = session.scalars(select(AccessToken.token_hash)).all()
    assert len(stored) == 1 and secret not in stored[0]  # only its hash is kept

    monkeypatch.setenv("ABH_DESK_TOKEN", secret)
    code, text = run("--db", office, "suche", "haddad")
    assert code == 0 and "Haddad, Rania" in text
    with sqlite_ctx.db.read() as session:
        schweiger = session.scalar(select(User.id).where(User.username == "schweiger"))
    assert schweiger in _actions(sqlite_ctx, "angemeldet")
    code, _ = run("--db", office, "einstellungen", "land=BY")  # the token's user is a caseworker
    assert code == 2 and "der Administration vorbehalten" in capsys.readouterr().err

    code, _ = run("--db", office, "suche", "haddad", day=FixedClock(until + timedelta(days=1)))
    assert code == 2 and "abgelaufen oder widerrufen" in capsys.readouterr().err

    monkeypatch.delenv("ABH_DESK_TOKEN")
    code, text = run("--anmelden", "osswald", "--db", office, "benutzer", "tokens")
    assert code == 0 and "\tschweiger\tgültig bis" in text and "nächtliche Bestandskraft" in text
    number = text.split("\t")[0]
    assert run("--anmelden", "osswald", "--db", office, "benutzer", "token-widerrufen", number)[0] == 0
    monkeypatch.setenv("ABH_DESK_TOKEN", secret)
    code, _ = run("--db", office, "suche", "haddad")
    assert code == 2 and "abgelaufen oder widerrufen" in capsys.readouterr().err
    monkeypatch.setenv("ABH_DESK_TOKEN", "abh_erraten")
    assert run("--db", office, "suche", "haddad")[0] == 2


def test_a_token_runs_at_most_a_year(office: str, capsys: pytest.CaptureFixture[str]) -> None:
    late = (TEST_DAY + timedelta(days=400)).isoformat()
    argv = ("benutzer", "token", "schweiger", "--zweck", "für immer", "--gueltig-bis", late)
    code, text = run("--anmelden", "osswald", "--db", office, *argv)
    assert code == 2 and text == "" and "höchstens ein Jahr" in capsys.readouterr().err


def test_the_first_administrator_needs_no_sign_in_the_second_one_does(
    sqlite_ctx: ServiceContext, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    url = str(sqlite_ctx.db.url)
    argv = ("--db", url, "benutzer", "anlegen", "admin", "--anzeigename", "Frau Admin", "--rolle", "administration")
    monkeypatch.setattr(sys, "stdin", io.StringIO(f"{PASSWORD}\n"))
    assert run(*argv, "--passwort-stdin")[0] == 0
    monkeypatch.setattr(sys, "stdin", io.StringIO(f"{PASSWORD}\n"))
    code, _ = run("--db", url, "benutzer", "anlegen", "admin2", "--anzeigename", "Zweit", "--rolle", "administration")
    assert code == 2 and "braucht eine Anmeldung" in capsys.readouterr().err
    assert set(_users(sqlite_ctx)) >= {"admin"} and "admin2" not in _users(sqlite_ctx)


def test_what_touches_no_personal_data_runs_without_a_sign_in(office: str, tmp_path: Path) -> None:
    assert run("katalog")[0] == 0
    assert run("frist", "widerspruch", "--bekanntgabe", "2026-11-02", "--land", "BW")[0] == 0
    assert run("--db", office, "db", "status")[0] == 0
    pdf = tmp_path / "probe.pdf"
    assert run("--db", office, "schreiben", "ablehnung", "--probe", "--ausgabe", str(pdf))[0] == 0
    assert pdf.read_bytes().startswith(b"%PDF")
