"""The command line answers every argument with a German message or a result, never a traceback
(issue 24, part 7): extreme dates, huge numbers, unwritable paths, broken files."""

from __future__ import annotations

import io
import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from abh_desk.cli import main
from abh_desk.clock import FixedClock
from tests.conftest import TEST_DAY
from tests.support.cli_login import cli_token

TOKEN = "ABH_DESK_TOKEN"


@pytest.fixture(scope="module")
def db_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A database the commands run on signed in (as its administrator), so that every argument
    reaches the services' checks rather than stopping at the sign-in."""
    url = f"sqlite:///{tmp_path_factory.mktemp('cli') / 'abh.sqlite3'}"
    assert _run("--db", url, "db", "upgrade")[0] == 0
    yield url


@pytest.fixture(scope="module")
def db_token(db_url: str) -> str:
    return cli_token(db_url)


@pytest.fixture(autouse=True)
def signed_in(db_token: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(TOKEN, db_token)


def _run(*argv: str) -> tuple[int, str]:
    out, err = io.StringIO(), io.StringIO()
    import contextlib

    with contextlib.redirect_stderr(err):
        try:
            code = main(list(argv), out=out, clock=FixedClock(TEST_DAY))
        except SystemExit as exit_:  # argparse: a usage error, in German
            code = int(exit_.code or 0)
    return code, err.getvalue()


dates = st.one_of(
    st.dates().map(lambda d: f"{d.year:04d}-{d.month:02d}-{d.day:02d}"),
    st.text(alphabet="0123456789-.", max_size=12),
)
numbers = st.one_of(st.integers(-(10**30), 10**30).map(str), st.text(alphabet="0123456789-", max_size=25))
laender = st.sampled_from(["BW", "BY", "SN", "XX", "", "bw"])
commands = st.one_of(
    st.tuples(st.just("frist"), st.just("widerspruch"), st.just("--bekanntgabe"), dates, st.just("--land"), laender),
    st.tuples(st.just("frist"), st.just("bekanntgabe"), st.just("--aufgabe"), dates, st.just("--land"), laender),
    st.tuples(st.just("frist"), st.just("erinnerung"), st.just("--ablauf"), dates, st.just("--wochen"), numbers),
    st.tuples(st.just("fristen"), st.just("--alle"), st.just("--stichtag"), dates),
    st.tuples(st.just("karten"), st.just("--stichtag"), dates, st.just("--ueberfaellig")),
    st.tuples(st.just("aufbewahrung"), st.just("--anlass"), numbers, st.sampled_from(["tod", "x"]), dates),
    st.tuples(st.just("aufbewahrung"), st.just("--vorschau"), st.just("--stichtag"), dates),
    st.tuples(st.just("suche"), st.text(max_size=20), st.just("--max"), numbers),
    st.tuples(st.just("bescheide"), st.just("--bestandskraft"), st.just("--stichtag"), dates),
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(argv=commands)
def test_no_argument_ends_in_a_traceback(db_url: str, argv: tuple[str, ...]) -> None:
    code, err = _run("--db", db_url, *argv)
    assert code in (0, 1, 2), (argv, code, err)
    assert "Traceback" not in err
    if code and "Keine Treffer" not in err:  # a search without hits answers like grep
        assert err.strip() and ("Fehler" in err or "Verwendung" in err or "usage" in err.lower()), err


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (("frist", "widerspruch", "--bekanntgabe", "9999-12-31", "--land", "BW"), "außerhalb"),
        (("frist", "bekanntgabe", "--aufgabe", "9999-12-31", "--land", "BW"), "außerhalb"),
        (("frist", "erinnerung", "--ablauf", "0001-01-05", "--wochen", "2"), "05.01.0001 liegt außerhalb"),
        (("fristen", "--alle", "--stichtag", "9999-12-31"), "außerhalb"),
        (("karten", "--stichtag", "0001-01-01", "--ueberfaellig"), "außerhalb"),
        (("aufbewahrung", "--anlass", "99999999999999999999", "tod", "2020-01-01"), "keine Personennummer"),
        (("suche", "a", "--max", "-1"), "mindestens einer"),
    ],
)
def test_the_reported_inputs_get_a_german_message(db_url: str, argv: tuple[str, ...], message: str) -> None:
    code, err = _run("--db", db_url, *argv)
    assert code == 2 and message in err, err


def test_broken_files_and_paths_get_a_german_message(db_url: str, tmp_path: Path) -> None:
    binary = tmp_path / "regeln.toml"
    binary.write_bytes(b"\xff\xfe\x00bereich")
    broken = tmp_path / "kaputt.toml"
    broken.write_text("[[bereich]\ncode = ", encoding="utf-8")
    for rules in (binary, broken):
        code, err = _run("zustaendigkeit", "--regeln", str(rules), "--bereich", "allgemein", "Müller")
        assert code in (1, 2) and "Traceback" not in err and err.startswith("Fehler"), err
    code, err = _run("--db", db_url, "schreiben", "ablehnung", "--probe", "--ausgabe", str(tmp_path))
    assert code == 2 and "ist ein Verzeichnis" in err
    random_bytes, truncated = tmp_path / "zufall.sqlite3", tmp_path / "halb.sqlite3"
    random_bytes.write_bytes(os.urandom(8192))
    import sqlite3

    source = Path(db_url.removeprefix("sqlite:///"))
    with sqlite3.connect(source) as connection:  # everything in the main file, then cut it off
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    truncated.write_bytes(source.read_bytes()[:5000])
    for damaged in (random_bytes, truncated):
        code, err = _run("--db", f"sqlite:///{damaged}", "suche", "a")
        assert code in (1, 2) and "Traceback" not in err and err.startswith("Fehler"), err


def test_overwriting_a_backup_replaces_only_an_earlier_backup(db_url: str, tmp_path: Path) -> None:
    notes = tmp_path / "notizen.txt"
    notes.write_text("nicht überschreiben", encoding="utf-8")
    code, err = _run("--db", db_url, "sicherung", str(notes), "--ueberschreiben")
    assert code == 2 and "keine frühere Sicherung" in err and notes.read_text(encoding="utf-8") == "nicht überschreiben"
    backup = tmp_path / "sicherung.sqlite3"
    assert _run("--db", db_url, "sicherung", str(backup))[0] == 0
    assert _run("--db", db_url, "sicherung", str(backup), "--ueberschreiben")[0] == 0
    code, err = _run("--db", db_url, "sicherung", str(tmp_path), "--ueberschreiben")
    assert code == 2 and "keine frühere Sicherung" in err


def test_a_mistyped_db_path_or_a_password_in_the_address_is_refused(tmp_path: Path) -> None:
    missing = tmp_path / "tippfehler" / "abh.sqlite3"
    code, err = _run("--db", f"sqlite:///{missing}", "suche", "a")
    assert code == 2 and "gibt es nicht" in err and not missing.parent.exists()  # no folder, no empty database
    code, err = _run("--db", "postgresql+psycopg://abh:geheim@127.0.0.1:5432/abh", "suche", "a")
    assert code == 2 and "enthält ein Passwort" in err and "geheim" not in err
