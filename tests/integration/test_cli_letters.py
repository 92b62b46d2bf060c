"""``abh-desk schreiben`` and ``abh-desk bescheide``: probe letters per Land, a case's letters as
stored — a rejection never without ENTWURF before a team lead approved it."""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path

import pypdf
import pytest
from sqlalchemy import select

from abh_desk.cli import main
from abh_desk.clock import FixedClock
from abh_desk.domain.enums import Role
from abh_desk.services.auth import create_user
from abh_desk.services.cases import open_case
from abh_desk.services.context import Actor, ServiceContext
from abh_desk.services.notice_dispatch import dispatch
from abh_desk.services.notice_review import approve, submit_for_review
from abh_desk.services.notices import notice_view
from abh_desk.services.persons import PersonInput, create_person
from abh_desk.services.rejections import RejectionDraft, draft_rejection, waive_hearing
from letters.data import RefusalGround
from letters.samples import SAMPLE_FINDINGS
from models import User
from tests.conftest import TEST_DAY
from tests.support.cli_login import sign_in_cli


def run(*argv: str) -> tuple[int, str]:
    out = io.StringIO()
    return main(list(argv), out=out, clock=FixedClock(TEST_DAY)), out.getvalue()


def text_of(path: Path) -> str:
    return " ".join(page.extract_text() for page in pypdf.PdfReader(path).pages).replace("\n", " ")


def test_probe_prints_each_kind_and_each_lands_remedy(sqlite_ctx: ServiceContext, tmp_path: Path) -> None:
    url = str(sqlite_ctx.db.url)
    for art in ("ablehnung", "anhoerung", "nachforderung", "erinnerung", "abholung"):
        code, text = run("--db", url, "schreiben", art, "--probe", "--ausgabe", str(tmp_path / f"{art}.pdf"))
        assert code == 0 and "Probeschreiben" in text
        assert "ENTWURF" in text_of(tmp_path / f"{art}.pdf")
    bw = text_of(tmp_path / "ablehnung.pdf")
    assert "Widerspruch" in bw and "zur Niederschrift" in bw
    code, _ = run(
        "--db", url, "schreiben", "ablehnung", "--probe", "--land", "by", "--ausgabe", str(tmp_path / "by.pdf")
    )
    by = text_of(tmp_path / "by.pdf")
    assert code == 0 and "Klage" in by and "Verwaltungsgericht München" in by and "Widerspruch erheben" not in by


def test_bad_arguments_are_refused_in_german(
    sqlite_ctx: ServiceContext, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    url = str(sqlite_ctx.db.url)
    sign_in_cli(sqlite_ctx, monkeypatch)
    out = str(tmp_path / "x.pdf")
    assert run("--db", url, "schreiben", "ablehnung", "--probe", "--land", "XX", "--ausgabe", out)[0] == 2
    assert "Land „XX“ unbekannt" in capsys.readouterr().err
    assert run("--db", url, "schreiben", "ablehnung", "--vorgang", "ABH-0", "--ausgabe", out)[0] == 2
    assert "Aktenzeichen „ABH-0“ gibt es nicht" in capsys.readouterr().err
    assert run("--db", url, "schreiben", "ablehnung", "--probe", "--ausgabe", "/nirgends/x.pdf")[0] == 2
    assert "Verzeichnis /nirgends gibt es nicht" in capsys.readouterr().err
    assert not Path(out).exists()


def test_a_cases_rejection_comes_out_marked_until_approved(
    sqlite_ctx: ServiceContext, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    ctx = sqlite_ctx
    create_user(ctx, "lead", "Frau Leitung", Role.TEAM_LEAD, area="allgemein")
    with ctx.db.read() as session:
        ids = dict(session.execute(select(User.username, User.id)).all())
    clerk = ctx.as_user(Actor(ids["keller"], "keller", Role.CASEWORKER))
    lead = ctx.as_user(Actor(ids["lead"], "lead", Role.TEAM_LEAD))
    person = create_person(
        ctx,
        PersonInput(
            "Yılmaz", "Emre", "01.01.1990", nationality="TUR", sex="m", street="Weg 1", postcode="78224", city="Singen"
        ),
    )
    case = open_case(ctx, person.id, "99010019001008", applied_on=date(2026, 10, 1))
    url, out = str(ctx.db.url), tmp_path / "bescheid.pdf"
    sign_in_cli(ctx, monkeypatch, "keller")
    argv = ("--db", url, "schreiben", "ablehnung", "--vorgang", case.file_number, "--ausgabe", str(out))
    assert run(*argv)[0] == 2  # no rejection yet
    draft = RejectionDraft(
        (RefusalGround("visum", "Visumfreie Einreise am 01.09.2026."),),
        "Einreise 2026.",
        **SAMPLE_FINDINGS,
    )
    letter_id = draft_rejection(clerk, case.id, draft)
    code, text = run(*argv)
    assert code == 0 and "noch nicht von der Teamleitung freigegeben" in text and "ENTWURF" in text_of(out)
    waive_hearing(clerk, letter_id, notice_view(ctx, letter_id).version, "Verzicht schriftlich erklärt.")
    submit_for_review(clerk, letter_id, notice_view(ctx, letter_id).version)
    assert "ENTWURF" in text_of(out) and run(*argv)[0] == 0 and "ENTWURF" in text_of(out)
    approve(lead, letter_id, notice_view(ctx, letter_id).version)
    code, text = run(*argv)
    assert code == 0 and "freigegeben" in text and "ENTWURF" not in text_of(out)
    code, text = run("--db", url, "bescheide")
    assert text.splitlines() == [f"{case.file_number}\tfreigegeben\t{TEST_DAY:%d.%m.%Y}\t"]
    assert run("--db", url, "bescheide", "--bestandskraft")[1] == "0 Bescheid(e) bestandskräftig.\n"
    sent = dispatch(clerk, letter_id, notice_view(ctx, letter_id).version, TEST_DAY)
    code, text = run("--db", url, "bescheide")
    assert text.splitlines() == [f"{case.file_number}\tversandt\t{TEST_DAY:%d.%m.%Y}\t{sent.deadline_due:%d.%m.%Y}"]


def test_the_letterhead_comes_from_the_office_settings(
    sqlite_ctx: ServiceContext, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    url = str(sqlite_ctx.db.url)
    sign_in_cli(sqlite_ctx, monkeypatch)
    settings = (
        "authority_name=Landratsamt Konstanz", "department=Amt für Migration", "street=Benediktinerplatz 1",
        "postcode_city=78467 Konstanz", "website=www.lrakn.de", "bank_name=Sparkasse Bodensee",
        "iban=DE16 6905 0001 0024 3456 78", "bic=SOLADES1KNZ",
    )  # fmt: skip
    assert run("--db", url, "einstellungen", *settings)[0] == 0
    assert run("--db", url, "schreiben", "erinnerung", "--probe", "--ausgabe", str(tmp_path / "e.pdf"))[0] == 0
    text = text_of(tmp_path / "e.pdf")
    for expected in ("Landratsamt Konstanz", "Amt für Migration", "Benediktinerplatz 1", "www.lrakn.de",
                     "Sparkasse Bodensee", "DE16 6905 0001 0024 3456 78"):  # fmt: skip
        assert expected in text
    assert "August-Ruf" not in text and "Beispielbank" not in text  # nothing of the shipped letterhead left
    assert run("--db", url, "einstellungen", "iban=DE16 6905 0001 0024 3456 79")[0] == 2
    assert "IBAN „DE16 6905 0001 0024 3456 79“ ist ungültig" in capsys.readouterr().err
