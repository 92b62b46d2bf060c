"""The rejection's four-eyes path through the services, on SQLite and PostgreSQL: draft, hearing,
review, dispatch with its objection deadline, finality, remedies — and every refusal on the way."""

from __future__ import annotations

import io
from dataclasses import replace
from datetime import date, timedelta

import pypdf
import pytest
from sqlalchemy import select

from abh_desk.clock import FixedClock
from abh_desk.domain.deadlines import DispatchMethod
from abh_desk.domain.enums import CaseStatus, DeadlineKind, DeadlineStatus, LetterStatus, Role
from abh_desk.domain.notice_flow import NoticeAction, RemedyOutcome
from abh_desk.errors import PermissionDenied, StaleRecord, ValidationError
from abh_desk.services.auth import create_user
from abh_desk.services.case_access import ReasonRequired, open_with_reason
from abh_desk.services.cases import open_case
from abh_desk.services.context import Actor, ServiceContext
from abh_desk.services.notice_dispatch import (
    decide_remedy,
    dispatch,
    finalize_due_notices,
    notice_register,
    record_remedy,
)
from abh_desk.services.notice_review import approve, return_to_author, review_counts, review_queue, submit_for_review
from abh_desk.services.notices import notice_view
from abh_desk.services.office import update_office_settings
from abh_desk.services.persons import PersonInput, create_person
from abh_desk.services.rejections import (
    RejectionDraft,
    draft_of,
    draft_rejection,
    record_statement,
    send_hearing,
    update_rejection,
    waive_hearing,
)
from abh_desk.services.textblocks import get_textblocks, save_textblocks
from letters.data import RefusalGround
from letters.samples import SAMPLE_FINDINGS
from models import AuditEvent, Case, Deadline, Letter, User

# The path plays in 2036, a year whose calendar matches 2026 (3 November is a Monday), on the
# test's clock: submission, approval and dispatch are stamped with the day the clock shows.
TODAY = date(2036, 11, 3)
GENERAL = "99010019001008"
DRAFT = RejectionDraft(
    grounds=(RefusalGround("lebensunterhalt", "Ihr Einkommen deckt den Bedarf nicht."),),
    facts="Sie beantragten am 01.10.2036 die Verlängerung.\n\nIhr Einkommen beträgt 600 EUR.",
    exit_period_days=30,
    **SAMPLE_FINDINGS,
)


@pytest.fixture
def people(ctx: ServiceContext) -> dict[str, ServiceContext]:
    """A caseworker (the case's owner), two team leads (one of another area) and an administrator."""
    create_user(ctx, "lead", "Frau Leitung", Role.TEAM_LEAD, area="allgemein")
    create_user(ctx, "lead2", "Herr Zweitleitung", Role.TEAM_LEAD, area="allgemein")
    create_user(ctx, "asyllead", "Frau Asyl", Role.TEAM_LEAD, area="asyl")
    create_user(ctx, "admin", "Herr Admin", Role.ADMIN)
    with ctx.db.read() as session:
        ids = dict(session.execute(select(User.username, User.id)).all())
    roles = {"keller": Role.CASEWORKER, "rudolf": Role.CASEWORKER, "lead": Role.TEAM_LEAD, "lead2": Role.TEAM_LEAD}
    roles |= {"asyllead": Role.TEAM_LEAD, "admin": Role.ADMIN}
    return {name: ctx.as_user(Actor(ids[name], name, role)) for name, role in roles.items()}


def _case(ctx: ServiceContext) -> int:
    """A case of Frau Keller (W is hers in Singen's table): she drafts, leads of the area review."""
    person = create_person(
        ctx,
        PersonInput(
            "Wiśniewski", "Łukasz", "03.04.1990", nationality="UKR", sex="m",
            street="Hadwigstraße 7", postcode="78224", city="Singen",
        ),
        duplicate_reason="Testperson, bewusst gleich angelegt",
    )  # fmt: skip
    return open_case(ctx, person.id, GENERAL, applied_on=date(2036, 10, 1)).id


def _text(pdf: bytes) -> str:
    return "\n".join(page.extract_text() for page in pypdf.PdfReader(io.BytesIO(pdf)).pages)


def _pdf(ctx: ServiceContext, letter_id: int) -> bytes:
    with ctx.db.read() as session:
        letter = session.get(Letter, letter_id)
        assert letter is not None and letter.pdf is not None
        return letter.pdf


def _version(ctx: ServiceContext, letter_id: int) -> int:
    return notice_view(ctx, letter_id).version


def _approved(people: dict[str, ServiceContext], ctx: ServiceContext) -> tuple[int, int]:
    clerk, lead = people["keller"], people["lead"]
    case_id = _case(ctx)
    letter_id = draft_rejection(clerk, case_id, DRAFT)
    waive_hearing(clerk, letter_id, _version(ctx, letter_id), "Der Antragsteller hat auf Anhörung verzichtet.")
    submit_for_review(clerk, letter_id, _version(ctx, letter_id))
    approve(lead, letter_id, _version(ctx, letter_id))
    return case_id, letter_id


def test_the_whole_path_from_draft_to_final(
    ctx: ServiceContext, people: dict[str, ServiceContext], clock: FixedClock
) -> None:
    clerk, lead = people["keller"], people["lead"]
    case_id = _case(ctx)
    letter_id = draft_rejection(clerk, case_id, DRAFT)
    view = notice_view(clerk, letter_id)
    assert view.status == LetterStatus.DRAFT and not view.final_pdf
    assert "ENTWURF" in _text(_pdf(ctx, letter_id))
    assert "Łukasz Wiśniewski" in _text(_pdf(ctx, letter_id))

    hearing_id = send_hearing(clerk, letter_id, view.version, sent_on=TODAY)
    hearing_text = _text(_pdf(ctx, hearing_id))
    assert "Anhörung" in hearing_text and "Lebensunterhalt" in hearing_text
    with ctx.db.read() as session:
        hearing_deadline = session.scalars(select(Deadline).where(Deadline.kind == DeadlineKind.HEARING.value)).one()
    # Posted Mon 03.11.2036, Bekanntgabe on the fourth day (Fri 07.11.), two weeks → Fri 21.11.2036.
    assert hearing_deadline.due_date == date(2036, 11, 21)
    clock.move_to(date(2036, 11, 21))
    with pytest.raises(ValidationError, match=r"Anhörungsfrist läuft noch bis 21\.11\.2036"):
        submit_for_review(clerk, letter_id, _version(ctx, letter_id))
    clock.move_to(date(2036, 11, 14))
    record_statement(clerk, letter_id, _version(ctx, letter_id), date(2036, 11, 12), "Bittet um Nachsicht.")
    submit_for_review(clerk, letter_id, _version(ctx, letter_id))
    assert review_counts(lead).overdue == 0

    clock.move_to(date(2036, 11, 19))  # the queue's age counts from the submission
    queue = review_queue(lead)
    assert [row.letter_id for row in queue] == [letter_id]
    assert queue[0].grounds == "Lebensunterhalt nicht gesichert" and queue[0].age_days == 5 and queue[0].overdue
    assert review_counts(lead).pending == 1 and review_counts(lead).overdue == 1
    assert review_queue(clerk) == [] and review_queue(people["asyllead"]) == []

    approve(lead, letter_id, _version(ctx, letter_id), "Passt.")
    final_text = _text(_pdf(ctx, letter_id))
    assert "ENTWURF" not in final_text and "Widerspruch" in final_text  # Baden-Württemberg keeps it
    assert notice_view(clerk, letter_id).final_pdf

    clock.move_to(date(2036, 11, 24))
    sent = dispatch(clerk, letter_id, _version(ctx, letter_id), date(2036, 11, 24))
    # Posted Mon 24.11.2036 → Bekanntgabe Fri 28.11.2036 → one month → Sun 28.12. → Mon 29.12.2036.
    assert sent.notification_date == date(2036, 11, 28) and sent.deadline_due == date(2036, 12, 29)
    assert sent.remedy == "Widerspruch"
    with ctx.db.read() as session:
        case = session.get(Case, case_id)
        assert case is not None and case.status == CaseStatus.REJECTED.value
        objection = session.scalars(select(Deadline).where(Deadline.kind == DeadlineKind.REMEDY_PERIOD.value)).one()
        assert objection.due_date == date(2036, 12, 29) and objection.owner_id is not None

    clock.move_to(date(2036, 12, 29))
    assert finalize_due_notices(ctx) == 0  # the last day still counts
    clock.move_to(date(2036, 12, 30))
    assert finalize_due_notices(ctx) == 1
    view = notice_view(clerk, letter_id)
    assert view.status == LetterStatus.FINAL and view.final_on == date(2036, 12, 30)
    with ctx.db.read() as session:
        deadline = session.get(Deadline, objection.id)
        assert deadline is not None and deadline.status == DeadlineStatus.DONE.value
    assert [step.what for step in view.steps] == [
        "Entwurf angelegt",
        "Anhörung versandt",
        "Stellungnahme erfasst",
        "zur Prüfung vorgelegt",
        "freigegeben",
        "versandt",
        "bestandskräftig",
    ]
    assert {step.who for step in view.steps} >= {"Frau Leitung", "System"}


def test_the_line_under_the_subject_names_the_person_in_the_nominative(
    ctx: ServiceContext, people: dict[str, ServiceContext]
) -> None:
    """The address field says "Herrn" (to whom); the line under the subject names who it is about."""
    letter_id = draft_rejection(people["keller"], _case(ctx), DRAFT)
    text = _text(_pdf(ctx, letter_id))
    assert "Herrn\nŁukasz Wiśniewski" in text or "Herrn Łukasz Wiśniewski\n" in text  # the address field
    assert "Herr Łukasz Wiśniewski, geb. 03.04.1990" in text
    assert "Herrn Łukasz Wiśniewski, geb." not in text


def test_nobody_approves_their_own_draft_and_only_leads_approve(
    ctx: ServiceContext, people: dict[str, ServiceContext]
) -> None:
    lead = people["lead"]
    case_id = _case(ctx)
    letter_id = draft_rejection(lead, case_id, DRAFT)
    waive_hearing(lead, letter_id, _version(ctx, letter_id), "Antragsteller hat auf Anhörung verzichtet.")
    submit_for_review(lead, letter_id, _version(ctx, letter_id))
    with pytest.raises(PermissionDenied, match="Vier-Augen"):
        approve(lead, letter_id, _version(ctx, letter_id))
    for name in ("keller", "admin"):
        with pytest.raises(PermissionDenied, match="nur die Teamleitung"):
            approve(people[name], letter_id, _version(ctx, letter_id))
    with pytest.raises(ReasonRequired):  # another area's case: not even opened without a reason
        approve(people["asyllead"], letter_id, _version(ctx, letter_id))
    open_with_reason(people["asyllead"], case_id, "Vertretung der Teamleitung Allgemein heute")
    with pytest.raises(PermissionDenied, match="anderen Bereich"):  # opened, but not theirs to review
        approve(people["asyllead"], letter_id, _version(ctx, letter_id))
    approve(people["lead2"], letter_id, _version(ctx, letter_id))
    assert notice_view(ctx, letter_id).reviewer == "Herr Zweitleitung"


def test_a_lead_who_edited_a_draft_cannot_approve_it_even_after_others_saved_again(
    ctx: ServiceContext, people: dict[str, ServiceContext]
) -> None:
    clerk, lead = people["keller"], people["lead"]
    letter_id = draft_rejection(clerk, _case(ctx), DRAFT)
    waive_hearing(clerk, letter_id, _version(ctx, letter_id), "Antragsteller hat auf Anhörung verzichtet.")
    submit_for_review(clerk, letter_id, _version(ctx, letter_id))
    with pytest.raises(ValidationError, match="aus der Prüfung zurück") as refused:  # never silently
        update_rejection(lead, letter_id, _version(ctx, letter_id), replace(DRAFT, exit_period_days=14))
    assert refused.value.params["withdraw_review"] is True
    assert notice_view(ctx, letter_id).status == LetterStatus.IN_REVIEW
    update_rejection(
        lead, letter_id, _version(ctx, letter_id), replace(DRAFT, exit_period_days=14), withdraw_review=True
    )
    assert notice_view(ctx, letter_id).status == LetterStatus.DRAFT  # back to draft: needs resubmission
    update_rejection(clerk, letter_id, _version(ctx, letter_id), replace(DRAFT, exit_period_days=14))
    submit_for_review(clerk, letter_id, _version(ctx, letter_id))
    with pytest.raises(PermissionDenied, match="mitbearbeitet"):  # a co-author, though not the last editor
        approve(lead, letter_id, _version(ctx, letter_id))
    assert NoticeAction.APPROVE not in notice_view(lead, letter_id).actions
    assert NoticeAction.APPROVE in notice_view(people["lead2"], letter_id).actions
    approve(people["lead2"], letter_id, _version(ctx, letter_id))


def test_no_review_without_hearing_or_a_reason(ctx: ServiceContext, people: dict[str, ServiceContext]) -> None:
    clerk = people["keller"]
    letter_id = draft_rejection(clerk, _case(ctx), DRAFT)
    with pytest.raises(ValidationError, match="anhören"):
        submit_for_review(clerk, letter_id, _version(ctx, letter_id))
    with pytest.raises(ValidationError, match="mindestens 10 Zeichen"):
        waive_hearing(clerk, letter_id, _version(ctx, letter_id), "eilig")
    assert notice_view(ctx, letter_id).status == LetterStatus.DRAFT


def test_returned_with_a_comment_and_the_changes_since_are_shown(
    ctx: ServiceContext, people: dict[str, ServiceContext]
) -> None:
    clerk, lead = people["keller"], people["lead"]
    letter_id = draft_rejection(clerk, _case(ctx), DRAFT)
    waive_hearing(clerk, letter_id, _version(ctx, letter_id), "Antragsteller hat auf Anhörung verzichtet.")
    submit_for_review(clerk, letter_id, _version(ctx, letter_id))
    with pytest.raises(ValidationError, match="Kommentar"):
        return_to_author(lead, letter_id, _version(ctx, letter_id), "  ")
    return_to_author(lead, letter_id, _version(ctx, letter_id), "Ausreisefrist bitte 14 Tage, Zielstaat prüfen.")
    view = notice_view(clerk, letter_id)
    assert view.status == LetterStatus.RETURNED and view.review_comment.startswith("Ausreisefrist")
    assert view.changes_since_return == ()
    assert review_counts(clerk).returned_to_me == 1
    changed = replace(draft_of(clerk, letter_id), exit_period_days=14)
    update_rejection(clerk, letter_id, view.version, changed)
    view = notice_view(clerk, letter_id)
    assert [(c.label, c.before, c.after) for c in view.changes_since_return] == [("Ausreisefrist (Tage)", "30", "14")]
    assert view.review_comment.startswith("Ausreisefrist")  # still shown until the next review
    submit_for_review(clerk, letter_id, view.version)
    # The lead, reviewing again, sees what changed since the return.
    assert [c.label for c in notice_view(lead, letter_id).changes_since_return] == ["Ausreisefrist (Tage)"]
    approve(lead, letter_id, _version(ctx, letter_id))
    assert "14 Tage" in _text(_pdf(ctx, letter_id)).replace("\n", " ")


def test_a_change_after_approval_returns_the_notice_to_draft_and_drafts_never_leave(
    ctx: ServiceContext, people: dict[str, ServiceContext]
) -> None:
    clerk = people["keller"]
    _case_id, letter_id = _approved(people, ctx)
    assert "ENTWURF" not in _text(_pdf(ctx, letter_id))
    with pytest.raises(ValidationError, match="hebt die Freigabe auf"):
        update_rejection(clerk, letter_id, _version(ctx, letter_id), DRAFT)
    assert notice_view(clerk, letter_id).status == LetterStatus.APPROVED
    update_rejection(clerk, letter_id, _version(ctx, letter_id), DRAFT, withdraw_review=True)
    view = notice_view(clerk, letter_id)
    assert view.status == LetterStatus.DRAFT and not view.final_pdf and view.reviewer == ""
    assert "ENTWURF" in _text(_pdf(ctx, letter_id))
    with pytest.raises(ValidationError, match="nicht möglich"):
        dispatch(clerk, letter_id, view.version, TODAY)
    assert NoticeAction.DISPATCH not in view.actions


def test_stale_versions_are_refused_and_nothing_is_half_saved(
    ctx: ServiceContext, people: dict[str, ServiceContext]
) -> None:
    clerk = people["keller"]
    letter_id = draft_rejection(clerk, _case(ctx), DRAFT)
    old = _version(ctx, letter_id)
    waive_hearing(clerk, letter_id, old, "Antragsteller hat auf Anhörung verzichtet.")
    with pytest.raises(StaleRecord, match="Bitte neu laden"):
        update_rejection(clerk, letter_id, old, DRAFT)
    with ctx.db.read() as session:
        events = session.scalar(select(AuditEvent.id).where(AuditEvent.action == "bescheid_bearbeiten").offset(1))
    assert events is None  # only the creation was logged as an edit
    bad = replace(DRAFT, exit_period_days=3)
    with pytest.raises(ValidationError, match="Ausreisefrist"):
        update_rejection(clerk, letter_id, _version(ctx, letter_id), bad)
    assert draft_of(clerk, letter_id).exit_period_days == 30


def test_dispatch_by_pzu_needs_the_delivery_date_and_a_lawsuit_land_names_the_court(
    ctx: ServiceContext, people: dict[str, ServiceContext], clock: FixedClock
) -> None:
    update_office_settings(
        ctx,
        land="BY",
        court_name="Bayerisches Verwaltungsgericht München",
        court_address="Bayerstraße 30, 80335 München",
    )
    clerk = people["keller"]
    _case_id, letter_id = _approved(people, ctx)
    text = _text(_pdf(ctx, letter_id))
    assert "Klage" in text and "Verwaltungsgericht München" in text and "Widerspruch erheben" not in text
    with pytest.raises(ValidationError, match="Zustelldatum"):
        dispatch(clerk, letter_id, _version(ctx, letter_id), TODAY, DispatchMethod.PZU)
    with pytest.raises(ValidationError, match="Zukunft"):
        dispatch(clerk, letter_id, _version(ctx, letter_id), date(2036, 11, 4))
    clock.move_to(date(2036, 11, 7))
    sent = dispatch(
        clerk,
        letter_id,
        _version(ctx, letter_id),
        TODAY,
        DispatchMethod.PZU,
        date(2036, 11, 5),
    )
    assert sent.notification_date == date(2036, 11, 5) and sent.remedy == "Klage"
    assert sent.deadline_due == date(2036, 12, 5)


def test_an_objection_stops_finality_and_its_outcome_is_recorded(
    ctx: ServiceContext, people: dict[str, ServiceContext], clock: FixedClock
) -> None:
    clerk = people["keller"]
    case_id, letter_id = _approved(people, ctx)
    dispatch(clerk, letter_id, _version(ctx, letter_id), TODAY)
    with pytest.raises(ValidationError, match="Zukunft"):
        record_remedy(clerk, letter_id, _version(ctx, letter_id), date(2036, 11, 20))
    clock.move_to(date(2036, 11, 20))
    assert record_remedy(clerk, letter_id, _version(ctx, letter_id), date(2036, 11, 20)) is True
    clock.move_to(date(2037, 1, 31))
    assert finalize_due_notices(ctx) == 0
    view = notice_view(clerk, letter_id)
    assert view.status == LetterStatus.CONTESTED and view.remedy == "Widerspruch"
    decide_remedy(clerk, letter_id, view.version, RemedyOutcome.FORWARDED, date(2036, 11, 25))
    assert notice_view(clerk, letter_id).status == LetterStatus.CONTESTED
    # The objection rejected: a lawsuit against the Widerspruchsbescheid may follow, so not final yet.
    with pytest.raises(ValidationError, match="Zukunft"):
        decide_remedy(clerk, letter_id, _version(ctx, letter_id), RemedyOutcome.UPHELD, date(2037, 2, 1))
    clock.move_to(date(2037, 3, 5))
    status = decide_remedy(clerk, letter_id, _version(ctx, letter_id), RemedyOutcome.UPHELD, date(2037, 2, 1))
    assert status == LetterStatus.CONTESTED and notice_view(clerk, letter_id).final_on is None
    status = decide_remedy(clerk, letter_id, _version(ctx, letter_id), RemedyOutcome.UNAPPEALABLE, date(2037, 3, 5))
    assert status == LetterStatus.FINAL and notice_view(clerk, letter_id).final_on == date(2037, 3, 5)
    with ctx.db.read() as session:
        case = session.get(Case, case_id)
        assert case is not None and case.status == CaseStatus.REJECTED.value


def test_remedied_objection_lifts_the_notice_and_reopens_the_case(
    ctx: ServiceContext, people: dict[str, ServiceContext], clock: FixedClock
) -> None:
    clerk = people["keller"]
    case_id, letter_id = _approved(people, ctx)
    dispatch(clerk, letter_id, _version(ctx, letter_id), TODAY)
    clock.move_to(date(2036, 11, 17))
    record_remedy(clerk, letter_id, _version(ctx, letter_id), date(2036, 11, 10))
    assert (
        decide_remedy(clerk, letter_id, _version(ctx, letter_id), RemedyOutcome.REMEDIED, date(2036, 11, 17))
        == LetterStatus.LIFTED
    )
    with ctx.db.read() as session:
        case = session.get(Case, case_id)
        assert case is not None and case.status == CaseStatus.IN_PROGRESS.value


def test_two_notices_of_one_case_posted_on_one_day_keep_their_own_periods(
    ctx: ServiceContext, people: dict[str, ServiceContext], clock: FixedClock
) -> None:
    """The first notice is remedied the day it was posted and a second one goes out that day: each
    keeps its own Rechtsbehelfsfrist (joined by the letter, not by case, kind and day)."""
    clerk, lead = people["keller"], people["lead"]
    case_id, first = _approved(people, ctx)
    dispatch(clerk, first, _version(ctx, first), TODAY)
    record_remedy(clerk, first, _version(ctx, first), TODAY)
    decide_remedy(clerk, first, _version(ctx, first), RemedyOutcome.REMEDIED, TODAY)
    second = draft_rejection(clerk, case_id, DRAFT)
    waive_hearing(clerk, second, _version(ctx, second), "Der Antragsteller hat auf Anhörung verzichtet.")
    submit_for_review(clerk, second, _version(ctx, second))
    approve(lead, second, _version(ctx, second))
    sent = dispatch(clerk, second, _version(ctx, second), TODAY)
    with ctx.db.read() as session:
        periods = session.execute(
            select(Deadline.letter_id, Deadline.status).where(
                Deadline.case_id == case_id, Deadline.kind == DeadlineKind.REMEDY_PERIOD.value
            )
        ).all()
    assert sorted(periods) == sorted([(first, DeadlineStatus.DONE.value), (second, DeadlineStatus.OPEN.value)])
    register = [row for row in notice_register(ctx) if row.status in (LetterStatus.LIFTED, LetterStatus.SENT)]
    assert [(row.status, row.remedy_until) for row in register] == [
        (LetterStatus.LIFTED, sent.deadline_due),
        (LetterStatus.SENT, sent.deadline_due),
    ]
    clock.move_to(sent.deadline_due + timedelta(days=1))
    assert finalize_due_notices(ctx) == 1
    assert notice_view(clerk, second).status == LetterStatus.FINAL
    assert notice_view(clerk, first).status == LetterStatus.LIFTED


def test_the_upgrade_gives_existing_objection_periods_their_notice(
    ctx: ServiceContext, people: dict[str, ServiceContext]
) -> None:
    """Revision 5c1e7d2a9b40 joins the periods that were there before it to their notices."""
    from alembic import command

    from abh_desk import migrate

    clerk = people["keller"]
    case_id, letter_id = _approved(people, ctx)
    dispatch(clerk, letter_id, _version(ctx, letter_id), TODAY)
    config = migrate.alembic_config()
    with ctx.db.engine.begin() as connection:
        config.attributes["connection"] = connection
        command.downgrade(config, "41efcb10b6c0")
    migrate.upgrade(ctx.db)
    with ctx.db.read() as session:
        joined = session.scalars(
            select(Deadline.letter_id).where(
                Deadline.case_id == case_id, Deadline.kind == DeadlineKind.REMEDY_PERIOD.value
            )
        ).all()
    assert joined == [letter_id]


def test_a_late_objection_is_recorded_as_late(
    ctx: ServiceContext, people: dict[str, ServiceContext], clock: FixedClock
) -> None:
    clerk = people["keller"]
    _case_id, letter_id = _approved(people, ctx)
    dispatch(clerk, letter_id, _version(ctx, letter_id), TODAY)
    clock.move_to(date(2037, 1, 10))
    finalize_due_notices(ctx)
    clock.move_to(date(2037, 2, 20))
    assert notice_view(clerk, letter_id).status == LetterStatus.FINAL
    final_on = notice_view(clerk, letter_id).final_on
    assert record_remedy(clerk, letter_id, _version(ctx, letter_id), date(2037, 1, 11)) is False
    view = notice_view(clerk, letter_id)
    assert view.status == LetterStatus.CONTESTED and "verspätet" in view.steps[-1].details
    assert view.remedy == "Widerspruch (verspätet)" and view.final_on == final_on
    decide_remedy(clerk, letter_id, view.version, RemedyOutcome.UNAPPEALABLE, date(2037, 2, 20))
    assert notice_view(clerk, letter_id).final_on == final_on  # final since the period ended


def test_a_late_remedy_before_the_start_up_run_still_dates_finality(
    ctx: ServiceContext, people: dict[str, ServiceContext], clock: FixedClock
) -> None:
    clerk = people["keller"]
    _case_id, letter_id = _approved(people, ctx)
    sent = dispatch(clerk, letter_id, _version(ctx, letter_id), TODAY)
    clock.move_to(sent.deadline_due + timedelta(days=3))
    assert record_remedy(clerk, letter_id, _version(ctx, letter_id), sent.deadline_due + timedelta(days=3)) is False
    assert notice_view(clerk, letter_id).final_on == sent.deadline_due + timedelta(days=1)


def test_only_one_rejection_in_work_per_case(ctx: ServiceContext, people: dict[str, ServiceContext]) -> None:
    clerk = people["keller"]
    case_id = _case(ctx)
    draft_rejection(clerk, case_id, DRAFT)
    with pytest.raises(ValidationError, match="schon einen Ablehnungsbescheid"):
        draft_rejection(clerk, case_id, DRAFT)
    with pytest.raises(PermissionDenied):
        draft_rejection(people["admin"], _case(ctx), DRAFT)
    unknown = replace(DRAFT, grounds=(RefusalGround("gibtsnicht"),))
    with pytest.raises(ValidationError, match="gibtsnicht"):
        draft_rejection(clerk, _case(ctx), unknown)


def test_text_changed_after_the_draft_was_saved_is_not_approved_unseen(
    ctx: ServiceContext, people: dict[str, ServiceContext]
) -> None:
    clerk, lead = people["keller"], people["lead"]
    letter_id = draft_rejection(clerk, _case(ctx), DRAFT)
    waive_hearing(clerk, letter_id, _version(ctx, letter_id), "Antragsteller hat auf Anhörung verzichtet.")
    submit_for_review(clerk, letter_id, _version(ctx, letter_id))
    source = get_textblocks(ctx)
    edited = source.text.replace(
        "Die Erteilung eines Aufenthaltstitels setzt in der Regel voraus, dass der",
        "Ein Titel setzt voraus, dass der",
        1,
    )
    assert edited != source.text
    save_textblocks(people["admin"], edited, source.sha256)
    with pytest.raises(ValidationError, match="Textbausteine oder Briefkopf geändert"):
        approve(lead, letter_id, _version(ctx, letter_id))
    return_to_author(lead, letter_id, _version(ctx, letter_id), "Bitte neu speichern (Textbausteine).")
    update_rejection(clerk, letter_id, _version(ctx, letter_id), DRAFT)
    submit_for_review(clerk, letter_id, _version(ctx, letter_id))
    approve(lead, letter_id, _version(ctx, letter_id))
    assert "Ein Titel setzt voraus" in _text(_pdf(ctx, letter_id)).replace("\n", " ")


def test_a_second_hearing_runs_its_own_period(
    ctx: ServiceContext, people: dict[str, ServiceContext], clock: FixedClock
) -> None:
    clerk, lead = people["keller"], people["lead"]
    letter_id = draft_rejection(clerk, _case(ctx), DRAFT)
    send_hearing(clerk, letter_id, _version(ctx, letter_id), sent_on=TODAY)
    clock.move_to(date(2036, 11, 11))
    record_statement(clerk, letter_id, _version(ctx, letter_id), date(2036, 11, 10))
    submit_for_review(clerk, letter_id, _version(ctx, letter_id))
    return_to_author(lead, letter_id, _version(ctx, letter_id), "Bitte erneut anhören, neuer Grund.")
    clock.move_to(date(2036, 11, 12))
    send_hearing(clerk, letter_id, _version(ctx, letter_id), sent_on=date(2036, 11, 12))
    clock.move_to(date(2036, 11, 13))
    with pytest.raises(ValidationError, match="Anhörungsfrist läuft noch"):
        submit_for_review(clerk, letter_id, _version(ctx, letter_id))


def test_a_lead_who_is_the_only_possible_approver_is_told_at_submission(
    ctx: ServiceContext, people: dict[str, ServiceContext]
) -> None:
    """Issue 23, part 9: a lead's own draft, with no other lead of the area (or of every area), never
    goes into a queue nobody may clear; a second lead makes it possible."""
    lead = people["lead"]
    with ctx.db.engine.begin() as connection:  # the area's second lead has left
        connection.execute(User.__table__.update().where(User.__table__.c.username == "lead2").values(active=False))
    letter_id = draft_rejection(lead, _case(ctx), DRAFT)
    waive_hearing(lead, letter_id, _version(ctx, letter_id), "Antragsteller hat auf Anhörung verzichtet.")
    with pytest.raises(ValidationError, match="kann niemand freigeben") as refused:
        submit_for_review(lead, letter_id, _version(ctx, letter_id))
    assert "Allgemeines Ausländerrecht" in refused.value.message and refused.value.field == "pruefung"
    assert notice_view(ctx, letter_id).status == LetterStatus.DRAFT  # nothing was submitted
    create_user(ctx, "chefin", "Frau Amtsleitung", Role.TEAM_LEAD)  # a lead of every area
    submit_for_review(lead, letter_id, _version(ctx, letter_id))
    assert notice_view(ctx, letter_id).status == LetterStatus.IN_REVIEW


def test_the_fee_on_the_case_follows_the_notice(ctx: ServiceContext, people: dict[str, ServiceContext]) -> None:
    """Issue 23, part 9: 80,00 EUR set on the notice is 80,00 EUR on the case (was 100,00), logged."""
    clerk = people["keller"]
    case_id = _case(ctx)
    letter_id = draft_rejection(clerk, case_id, DRAFT)
    with ctx.db.read() as session:
        full = session.get(Case, case_id).fee_cents  # type: ignore[union-attr]
    assert full is not None and full > 2000
    reduced = replace(DRAFT, fee_cents=full - 2000, fee_reduction_reason="Geringes Einkommen, drei Kinder.")
    update_rejection(clerk, letter_id, _version(ctx, letter_id), reduced)
    with ctx.db.read() as session:
        assert session.get(Case, case_id).fee_cents == full - 2000  # type: ignore[union-attr]
        logged = session.scalars(select(AuditEvent).where(AuditEvent.action == "gebuehr_festgesetzt")).all()
    payload = logged[-1].payload_json or ""
    assert "80,00 EUR" in payload and "§ 53 Abs. 2" in payload


def test_changes_since_a_return_name_the_ground_not_its_key(
    ctx: ServiceContext, people: dict[str, ServiceContext]
) -> None:
    """Issue 23, part 12: "Lebensunterhalt nicht gesichert: …", never "lebensunterhalt – …"."""
    clerk, lead = people["keller"], people["lead"]
    letter_id = draft_rejection(clerk, _case(ctx), DRAFT)
    waive_hearing(clerk, letter_id, _version(ctx, letter_id), "Antragsteller hat auf Anhörung verzichtet.")
    submit_for_review(clerk, letter_id, _version(ctx, letter_id))
    return_to_author(lead, letter_id, _version(ctx, letter_id), "Bitte den Bedarf beziffern.")
    ground = RefusalGround("lebensunterhalt", "Ihr Einkommen von 600 EUR deckt den Bedarf von 1.100 EUR nicht.")
    update_rejection(clerk, letter_id, _version(ctx, letter_id), replace(DRAFT, grounds=(ground,)))
    [change] = notice_view(clerk, letter_id).changes_since_return
    assert change.before == "Lebensunterhalt nicht gesichert: Ihr Einkommen deckt den Bedarf nicht."
    assert change.after.startswith("Lebensunterhalt nicht gesichert: Ihr Einkommen von 600 EUR")
