"""The residence status on the day of a decision decides what a refusal may order (§ 50, § 58,
§ 59, § 81 AufenthG)."""

from __future__ import annotations

from datetime import date

import pytest

from abh_desk.domain.residence_status import StatusCase, TitleFact, residence_status

DAY = date(2026, 12, 2)
PERMIT = TitleFact("Aufenthaltserlaubnis", "§ 18b AufenthG", date(2025, 2, 23), date(2027, 2, 22))
EXPIRED = TitleFact("Aufenthaltserlaubnis", "§ 16a AufenthG", date(2023, 9, 1), date(2026, 8, 31))
SETTLED = TitleFact("Niederlassungserlaubnis", "§ 9 AufenthG", date(2019, 5, 1), None)
SCHENGEN = TitleFact("Visum", "§ 6 Abs. 1 Nr. 1 AufenthG", date(2026, 7, 1), date(2026, 9, 28))
NATIONAL_VISA = TitleFact("Visum", "§ 6 Abs. 3 AufenthG", date(2026, 5, 1), date(2026, 8, 31))
TOLERATION = TitleFact("Duldung", "§ 60a Abs. 2 AufenthG", date(2026, 1, 1), date(2027, 1, 1))
CERTIFICATE = TitleFact("Fiktionsbescheinigung", "§ 81 Abs. 3 Satz 1 AufenthG", date(2026, 10, 1), date(2027, 3, 31))


@pytest.mark.parametrize(
    ("titles", "applied_on", "case", "duty", "norm"),
    [
        # Applied for a settlement permit while the residence permit runs: no duty to leave.
        ((PERMIT,), date(2026, 9, 1), StatusCase.TITLE, False, "§ 4 Abs. 1 AufenthG"),
        ((SETTLED,), date(2026, 9, 1), StatusCase.TITLE_UNLIMITED, False, "§ 4 Abs. 1 AufenthG"),
        # Extension applied for before expiry: the title continues (§ 81 Abs. 4 S. 1); refusal ends it.
        ((EXPIRED,), date(2026, 8, 3), StatusCase.FICTION, True, "§ 81 Abs. 4 Satz 1 AufenthG"),
        ((EXPIRED,), date(2026, 8, 31), StatusCase.FICTION, True, "§ 81 Abs. 4 Satz 1 AufenthG"),
        # One day late: no Fiktion, already obliged to leave.
        ((EXPIRED,), date(2026, 9, 1), StatusCase.LATE, True, "§ 58 Abs. 2 Satz 1 Nr. 2 AufenthG"),
        # A Schengen visa does not continue (§ 81 Abs. 4 S. 2); a national visa does.
        ((SCHENGEN,), date(2026, 9, 1), StatusCase.SCHENGEN_VISA, True, "§ 81 Abs. 4 Satz 2 AufenthG"),
        ((NATIONAL_VISA,), date(2026, 8, 20), StatusCase.FICTION, True, "§ 81 Abs. 4 Satz 1 AufenthG"),
        # A Duldung is no title: the duty to leave stands.
        ((TOLERATION,), date(2026, 9, 1), StatusCase.NO_TITLE, True, "§ 58 Abs. 2 Satz 1 Nr. 2 AufenthG"),
        ((), date(2026, 9, 1), StatusCase.NO_TITLE, True, "§ 58 Abs. 2 Satz 1 Nr. 2 AufenthG"),
        # A Fiktionsbescheinigung in force certifies the Fiktion (§ 81 Abs. 5), here of Abs. 3.
        ((CERTIFICATE,), date(2026, 9, 30), StatusCase.FICTION, True, "§ 81 Abs. 3 Satz 1 AufenthG"),
        # The newest of several: a permit that ran out, then a settlement permit.
        ((EXPIRED, SETTLED), date(2026, 9, 1), StatusCase.TITLE_UNLIMITED, False, "§ 4 Abs. 1 AufenthG"),
    ],
)
def test_status_by_the_persons_titles(
    titles: tuple[TitleFact, ...], applied_on: date, case: StatusCase, duty: bool, norm: str
) -> None:
    status = residence_status(titles, applied_on, DAY)
    assert (status.case, status.duty_to_leave, status.norm) == (case, duty, norm)
    assert status.reason  # a sentence the editor shows


def test_the_day_of_the_decision_decides_not_the_day_of_the_application() -> None:
    # The permit still runs when the draft is written; at its expiry the application keeps it alive.
    assert residence_status((PERMIT,), date(2026, 12, 1), date(2027, 2, 22)).case is StatusCase.TITLE
    after = residence_status((PERMIT,), date(2026, 12, 1), date(2027, 2, 23))
    assert after.case is StatusCase.FICTION and after.duty_to_leave
    assert "22.02.2027" in after.reason


def test_a_title_that_begins_after_the_day_does_not_count() -> None:
    later = TitleFact("Aufenthaltserlaubnis", "§ 16b AufenthG", date(2027, 1, 1), date(2028, 1, 1))
    assert residence_status((later,), date(2026, 9, 1), DAY).case is StatusCase.NO_TITLE
