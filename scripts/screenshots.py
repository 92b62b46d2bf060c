"""Screenshots of the main screens for the README: ``.venv/bin/python scripts/screenshots.py [DIR] [--termine]``
(``--termine``: only those of the Termine page).

Builds a fresh demo database in a temporary directory, opens the real window offscreen at a
fixed size, drives it as a clerk would and saves PNGs (default: docs/).
"""

from __future__ import annotations

import os
import sys
import tempfile
from dataclasses import replace
from datetime import date, datetime, timedelta
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from PySide6.QtCore import QDate, QDeadlineTimer, QEventLoop, QTimer  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QApplication, QWidget  # noqa: E402

from abh_desk.bootstrap import open_context  # noqa: E402
from abh_desk.clock import OFFICE_ZONE, FixedClock  # noqa: E402
from abh_desk.config import ENV_DATA_DIR  # noqa: E402
from abh_desk.demo.appointments import generate_demo_appointments  # noqa: E402
from abh_desk.demo.cards import generate_demo_cards  # noqa: E402
from abh_desk.demo.deadlines import generate_demo_deadlines  # noqa: E402
from abh_desk.demo.persons import generate_demo  # noqa: E402
from abh_desk.demo.users import DEMO_PASSWORD, ensure_demo_users  # noqa: E402
from abh_desk.services.assignment import set_deputy  # noqa: E402
from abh_desk.services.auth import SignedIn, sign_in  # noqa: E402
from abh_desk.services.context import ServiceContext  # noqa: E402
from abh_desk.services.notice_review import submit_for_review  # noqa: E402
from abh_desk.services.notices import notice_view  # noqa: E402
from abh_desk.services.rejections import draft_rejection, new_draft, waive_hearing  # noqa: E402
from letters.data import RefusalGround  # noqa: E402
from ui.app import install_translators  # noqa: E402
from ui.first_start_dialog import FirstStartDialog  # noqa: E402
from ui.main_window import MainWindow  # noqa: E402
from ui.rules_dialog import RulesDialog  # noqa: E402

TODAY = date(2026, 11, 21)
#: Where the first-start dialog says the database file goes: a caseworker's home directory, not the
#: one of the machine that makes the screenshots (docs/einrichtung.png showed /root/.local/share/…).
SHOWN_DATA_DIR = "/home/sachbearbeitung/.local/share/ABH Desk"


def pump(ms: int) -> None:
    """Events for ``ms``; unlike QTest.qWait, whose waiting keeps Python's lock, the database
    thread runs meanwhile (the first start's migration took 10 s instead of 1 s)."""
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def settle(window: MainWindow, condition: object = None, timeout_ms: int = 5000) -> None:
    deadline = QDeadlineTimer(timeout_ms)
    while not deadline.hasExpired():
        pump(30)
        if not window.runner.busy and (condition is None or condition()):  # type: ignore[operator]
            pump(60)
            return
    raise RuntimeError("window did not settle")


def save(widget: QWidget, path: Path) -> None:
    widget.grab().save(str(path))
    print(f"saved {path}")


def main() -> int:
    only_appointments = "--termine" in sys.argv  # only the Termine page's screenshots
    args = [a for a in sys.argv[1:] if a != "--termine"]
    out = Path(args[0]) if args else ROOT / "docs"
    out.mkdir(parents=True, exist_ok=True)
    app = QApplication(sys.argv)
    if len(install_translators(app, "de")) < 2:  # Qt's and ours; without ours every screen is English
        sys.exit("resources/translations/abh_desk_de.qm is missing: run scripts/setup.sh (compiles it) first")
    with tempfile.TemporaryDirectory() as tmp:
        ctx = open_context(f"sqlite:///{tmp}/demo.sqlite3", clock=FixedClock(TODAY))
        generate_demo(ctx, 2000, seed=1)
        generate_demo_deadlines(ctx)
        generate_demo_cards(ctx)
        ensure_demo_users(ctx)
        set_deputy(ctx, "rudolf", "schweiger", TODAY, TODAY + timedelta(days=14))
        signed_in = sign_in(ctx, "schweiger", DEMO_PASSWORD)
        ctx = ctx.as_user(signed_in.actor)
        window = MainWindow(ctx, signed_in=signed_in)
        window.resize(1280, 800)
        window.show()
        settle(window, lambda: window.start.urgent.rowCount() > 0)
        if only_appointments:
            appointments(window, ctx, out)
            ctx.db.dispose()
            return 0
        save(window, out / "start.png")
        window.focus_search()
        QTest.keyClicks(window.search.search_field, "nguyen")
        settle(window, lambda: window.search.results.rowCount() > 0)
        for row in range(window.search.results.rowCount()):
            window.search.result_view.selectRow(row)
            settle(window)
            if window.search.cases.rowCount() >= 1 and window.search.titles.rowCount() >= 1:
                break
        save(window, out / "screenshot.png")
        window.tabs.setCurrentWidget(window.deadlines)
        settle(window, lambda: window.deadlines.rows.rowCount() > 0)
        save(window, out / "fristen.png")
        window.tabs.setCurrentWidget(window.my_cases)
        settle(window, lambda: window.my_cases.model.rowCount() > 0)
        window.my_cases.view.scrollToTop()
        settle(window)
        save(window, out / "meine-faelle.png")
        # A case of an adult's residence permit: the rejection below speaks of her income and is
        # addressed to her (the newest case was a 13-year-old's Passersatz).
        shown = [window.my_cases.model.row(i) for i in range(min(25, window.my_cases.model.rowCount()))]
        first = next(
            (
                row
                for row in shown
                if row is not None
                and not row.deputised
                and int(row.birth_date[-4:]) <= TODAY.year - 18
                and row.procedure_name.startswith("Aufenthaltserlaubnis")
            ),
            None,
        )
        if first is not None:
            case_dialog = window.open_case(first.id)
            case_dialog.resize(1000, 640)
            settle(window, lambda: case_dialog.file is not None)
            case_dialog.tabs.setCurrentIndex(1)
            case_dialog.checklist_view.selectRow(0)
            case_dialog.tick_received()
            settle(window)
            save(case_dialog, out / "vorgang.png")
            case_dialog.close()
        lead = sign_in(ctx, "soelter", DEMO_PASSWORD)
        dialog = RulesDialog(ctx.as_user(lead.actor), window.runner)
        dialog.resize(900, 640)
        dialog.show()
        settle(window, lambda: dialog.table.rowCount() > 0)
        schweiger = next(r for r in range(dialog.table.rowCount()) if dialog.table.item(r, 1).text() == "H–N")
        rudolf = next(r for r in range(dialog.table.rowCount()) if dialog.table.item(r, 1).text() == "C")
        dialog.table.item(rudolf, 1).setText("C, H–I")
        dialog.table.item(schweiger, 1).setText("J–N")
        settle(window, lambda: dialog.moves.rowCount() > 0, 8000)
        save(dialog, out / "zustaendigkeit.png")
        # Only a preview: the old letters go back, else closing asks whether to discard them.
        dialog.table.item(rudolf, 1).setText("C")
        dialog.table.item(schweiger, 1).setText("H–N")
        assert not dialog.unsaved()
        dialog.close()
        settle(window)
        if first is not None:
            notices(window, ctx, lead, first.id, out)
        window.tabs.setCurrentWidget(window.cards)
        settle(window, lambda: window.cards.rows.rowCount() > 0)
        save(window, out / "karten.png")
        appointments(window, ctx, out)
        ctx.db.dispose()
        first_start(window, out, Path(tmp))
    return 0


def notices(window: MainWindow, ctx: ServiceContext, lead: SignedIn, case_id: int, out: Path) -> None:
    """A rejection drafted by the caseworker and waiting in the team lead's queue."""
    draft = replace(
        new_draft(ctx, case_id),
        grounds=(RefusalGround("lebensunterhalt", "Ihr Einkommen von 600 EUR deckt den Bedarf von 1.100 EUR nicht."),),
        exit_period_days=21,
        deportation_assessment="Abschiebungsverbote haben Sie nicht geltend gemacht; Sie leben allein im "
        "Bundesgebiet, Ihre Familie lebt im Herkunftsstaat. Eine Erkrankung ist nicht bekannt.",
    )
    letter_id = draft_rejection(ctx, case_id, draft)
    waive_hearing(ctx, letter_id, notice_view(ctx, letter_id).version, "Verzicht schriftlich erklärt.")
    submit_for_review(ctx, letter_id, notice_view(ctx, letter_id).version)
    notice = window.open_notice(case_id, letter_id)
    notice.resize(1280, 820)
    settle(window, lambda: notice.view is not None and notice.preview.page_count() > 0)
    save(notice, out / "bescheid.png")
    notice.close()
    review = MainWindow(ctx.as_user(lead.actor), window.runner, signed_in=lead)
    review.resize(1280, 800)
    review.show()
    review.tabs.setCurrentWidget(review.reviews)
    settle(review, lambda: review.reviews.selected is not None and review.reviews.preview.page_count() > 0)
    save(review, out / "pruefung.png")
    review.close()


def appointments(window: MainWindow, ctx: ServiceContext, out: Path) -> None:
    """Monday 10:35 at the counter: the day, a caseworker's week and the booking dialog."""
    monday = TODAY + timedelta(days=2)
    assert isinstance(ctx.clock, FixedClock)
    ctx.clock.move_to(datetime(monday.year, monday.month, monday.day, 10, 35, tzinfo=OFFICE_ZONE))
    generate_demo_appointments(ctx)
    page = window.appointments
    window.tabs.setCurrentWidget(page)
    page.day_field.setDate(QDate(monday.year, monday.month, monday.day))
    settle(window, lambda: page.rows.rowCount() > 0 and page.who.count() > 1)
    page.reload()
    settle(window, lambda: page.rows.rowCount() > 0)
    waiting = next((i for i in range(page.rows.rowCount()) if page.rows.row(i).status == "wartet"), 0)
    page.view.selectRow(waiting)
    save(window, out / "termine.png")
    page.who.setCurrentIndex(page.who.findData("schweiger"))
    page.views.setCurrentIndex(1)
    settle(window, lambda: page.week.rowCount() > 0)
    save(window, out / "termine-woche.png")
    page.views.setCurrentIndex(0)
    page.who.setCurrentIndex(0)
    settle(window, lambda: page.rows.rowCount() > 0)
    person = page.rows.row(page.rows.rowCount() - 1)
    dialog = page.book_for(person.person_id, person.person_name)
    dialog.resize(640, 460)
    settle(window, lambda: dialog.slots.count() > 0)
    save(dialog, out / "termin-buchen.png")
    dialog.reject()
    settle(window)


def first_start(window: MainWindow, out: Path, tmp: Path) -> None:
    """The first start of a new workstation: both pages of the dialog."""
    made_in = os.environ.get(ENV_DATA_DIR)
    os.environ[ENV_DATA_DIR] = SHOWN_DATA_DIR  # read once, to fill the field; nothing is written there
    try:
        dialog = FirstStartDialog(window.runner)
    finally:
        if made_in is None:
            del os.environ[ENV_DATA_DIR]
        else:
            os.environ[ENV_DATA_DIR] = made_in
    assert dialog.sqlite_path.text().startswith(SHOWN_DATA_DIR)
    dialog.show()
    settle(window)
    save(dialog, out / "einrichtung.png")
    dialog.sqlite_path.setText(str(tmp / "buero.sqlite3"))
    dialog.connect_database()
    settle(window, lambda: dialog.pages.currentIndex() == 1)
    for field, text in (
        (dialog.authority_name, "Landratsamt Konstanz"),
        (dialog.street, "Benediktinerplatz 1"),
        (dialog.postcode_city, "78467 Konstanz"),
        (dialog.court_name, "Verwaltungsgericht Freiburg"),
        (dialog.admin_username, "m.weber"),
    ):
        field.setText(text)
    save(dialog, out / "einrichtung-behoerde.png")
    dialog.reject()
    settle(window)


if __name__ == "__main__":
    sys.exit(main())
