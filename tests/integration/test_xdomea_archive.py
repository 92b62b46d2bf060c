"""Aussonderung: a retention run offers the due files to the archive first (0501), reads the
archive's evaluation (0502, written here as the archive's system would send it), hands over what
it keeps (0503) and deletes only what the archive released — destroyed, or confirmed as taken in
(0506) — or, with no answer in time, as the office's setting says. On SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import func, select

from abh_desk.domain.enums import CaseStatus, Role
from abh_desk.errors import PermissionDenied, ValidationError
from abh_desk.services import archive_offers, retention
from abh_desk.services.case_letters import create_missing_documents_letter
from abh_desk.services.cases import open_case
from abh_desk.services.context import Actor, ServiceContext
from abh_desk.services.office import update_office_settings
from abh_desk.services.persons import PersonInput, create_person
from abh_desk.xdomea.xml import MessageError
from models import ArchiveOffer, AuditEvent, Case, Person
from tests.support.xdomea import assert_valid, package_message

TODAY = date(2026, 11, 23)
X = 'xmlns="urn:xoev-de:xdomea:schema:3.0.0"'


def _due_file(ctx: ServiceContext, family: str) -> int:
    pid = create_person(ctx, PersonInput(family, "Ayşe", "12.03.1990", nationality="TUR", street="Weg 1",
                                         postcode="78224", city="Singen")).id  # fmt: skip
    case = open_case(ctx, pid, "99010019001008", applied_on=date(2013, 5, 2))
    create_missing_documents_letter(ctx, case.id)
    with ctx.unit_of_work() as uow:
        stored = uow.session.get(Case, case.id)
        assert stored is not None
        stored.status = CaseStatus.CLOSED.value
        uow.commit()
    retention.record_event(ctx, pid, "einreisesperre_ende", date(2014, 3, 1))
    return pid


def _kopf(kind: str, process: str) -> str:
    return (
        f'<Kopf><ProzessID>{process}</ProzessID><Nachrichtentyp listURI="urn:xoev-de:xdomea:codeliste:nachrichtentyp" '
        f'listVersionID="2.0"><code xmlns="">{kind}</code></Nachrichtentyp>'
        "<Erstellungszeitpunkt>2026-12-01T10:00:00</Erstellungszeitpunkt>"
        "<Absender><Institution><Name>Landesarchiv Baden-Württemberg</Name></Institution></Absender>"
        "<Empfaenger><Institution><Name>Ausländerbehörde Singen</Name></Institution></Empfaenger>"
    )


def evaluation(process: str, decisions: dict[str, str]) -> bytes:
    """A Bewertungsverzeichnis as the archive's system writes it."""
    objects = "".join(
        f"<BewertetesObjekt><ID>{uuid}</ID><Aussonderungsart><Aussonderungsart "
        f'listURI="urn:xoev-de:xdomea:codeliste:aussonderungsart" listVersionID="1.0"><code xmlns="">{code}</code>'
        "</Aussonderungsart></Aussonderungsart></BewertetesObjekt>"
        for uuid, code in decisions.items()
    )
    return (f'<?xml version="1.0" encoding="UTF-8"?><Aussonderung.Bewertungsverzeichnis.0502 {X}>'
            f"{_kopf('0502', process)}<Empfangsbestaetigung>false</Empfangsbestaetigung></Kopf>{objects}"
            "</Aussonderung.Bewertungsverzeichnis.0502>").encode()  # fmt: skip


def archive_receipt(process: str, taken: dict[str, str]) -> bytes:
    lines = "".join(
        f"<AusgesondertesSGO><IDSGO>{uuid}</IDSGO><Erfolgreich>true</Erfolgreich>"
        f"<Archivkennung>{reference}</Archivkennung></AusgesondertesSGO>"
        for uuid, reference in taken.items()
    )
    return (f'<?xml version="1.0" encoding="UTF-8"?><Aussonderung.AussonderungImportBestaetigen.0506 {X}>'
            f"{_kopf('0506', process)}</Kopf>{lines}"
            "</Aussonderung.AussonderungImportBestaetigen.0506>").encode()  # fmt: skip


def _people(ctx: ServiceContext) -> set[str]:
    with ctx.db.read() as session:
        return set(session.scalars(select(Person.family_name)))


def _offers(ctx: ServiceContext) -> dict[str, str]:
    with ctx.db.read() as session:
        rows = session.execute(select(Person.family_name, ArchiveOffer.file_uuid).join(Person)).all()
        return dict(rows)


def test_nothing_is_deleted_before_the_archive_released_it(ctx: ServiceContext, tmp_path: Path) -> None:
    kept, destroyed = _due_file(ctx, "Öztürk"), _due_file(ctx, "Kaya")
    due = retention.preview(ctx)
    assert {f.blocked for f in due} == {
        "noch nicht dem Archiv angeboten (Anbietung vor der Löschung, Landesarchivgesetz)"
    }
    assert retention.run(ctx, [kept, destroyed]).deleted == ()

    offered = archive_offers.offer_due_files(ctx, tmp_path / "anbieten.xml")
    message = (tmp_path / "anbieten.xml").read_bytes()
    assert_valid(message)
    assert b"Aussonderung.Anbieteverzeichnis.0501" in message and b"<xdomea:Aufbewahrungsende>2024-03-01" in message
    assert len(offered.lines) == 2
    assert all("Bewertung erwartet bis 23.05.2027" in f.blocked for f in retention.preview(ctx))
    with pytest.raises(ValidationError, match="Keine Akte ist zur Anbietung fällig"):
        archive_offers.offer_due_files(ctx, tmp_path / "nochmal.xml")

    ids = _offers(ctx)
    archive_offers.read_evaluation(ctx, evaluation(offered.process_id, {ids["Öztürk"]: "A", ids["Kaya"]: "V"}))
    result = retention.run(ctx, [kept, destroyed])
    assert [f.person_id for f in result.deleted] == [destroyed]
    assert "erst an das Archiv abgeben" in result.kept[0].blocked

    step = archive_offers.transfer_to_archive(ctx, tmp_path / "aussonderung.zip")
    name, message, files = package_message((tmp_path / "aussonderung.zip").read_bytes())
    assert name.endswith("_Aussonderung.Aussonderung.0503.xml")
    assert_valid(message)
    assert ids["Öztürk"].encode() in message and len(files) == 1
    assert "Übernahmebestätigung fehlt" in retention.run(ctx, [kept]).kept[0].blocked

    archive_offers.read_archive_receipt(ctx, archive_receipt(step.process_id, {ids["Öztürk"]: "LABW 123/4"}))
    assert [f.person_id for f in retention.run(ctx, [kept]).deleted] == [kept]
    assert _people(ctx) == set()
    with ctx.db.read() as session:
        actions = list(session.scalars(select(AuditEvent.action).where(AuditEvent.action.like("archiv_%"))))
    assert sorted(set(actions)) == ["archiv_abgegeben", "archiv_angeboten", "archiv_bestaetigt", "archiv_bewertet"]


def test_without_an_answer_in_time_the_setting_decides(ctx: ServiceContext, clock, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    pid = _due_file(ctx, "Öztürk")
    archive_offers.offer_due_files(ctx, tmp_path / "anbieten.xml")
    update_office_settings(ctx, archive_no_answer="warten")
    clock.move_to(date(2027, 6, 1))
    assert "es wird weiter gewartet" in retention.preview(ctx)[0].blocked
    update_office_settings(ctx, archive_no_answer="loeschen")
    assert [f.person_id for f in retention.run(ctx, [pid]).deleted] == [pid]


def test_answers_that_do_not_fit_change_nothing(ctx: ServiceContext, tmp_path: Path) -> None:
    _due_file(ctx, "Öztürk")
    offered = archive_offers.offer_due_files(ctx, tmp_path / "anbieten.xml")
    uuid = next(iter(_offers(ctx).values()))
    stranger = "0f0f0f0f-0000-4000-8000-000000000000"
    with pytest.raises(MessageError, match="die nicht angeboten wurde"):
        archive_offers.read_evaluation(ctx, evaluation(offered.process_id, {uuid: "V", stranger: "V"}))
    with pytest.raises(MessageError, match=r"erwartet A .archivieren. oder V"):
        archive_offers.read_evaluation(ctx, evaluation(offered.process_id, {uuid: "X"}))
    with pytest.raises(MessageError, match="keine Übernahmebestätigung"):
        archive_offers.read_archive_receipt(ctx, evaluation(offered.process_id, {uuid: "V"}))
    with ctx.db.read() as session:
        assert (
            session.scalar(select(func.count()).select_from(ArchiveOffer).where(ArchiveOffer.decision.is_not(None)))
            == 0
        )


def test_only_the_administration_offers(ctx: ServiceContext, tmp_path: Path) -> None:
    lead = ctx.as_user(Actor(None, "x", Role.TEAM_LEAD))
    with pytest.raises(PermissionDenied):
        archive_offers.offer_due_files(lead, tmp_path / "a.xml")
