"""One clock: the program reads today and now only from ``abh_desk.clock``, and the office's day
is the day in Europe/Berlin — at midnight and across the change of summer time."""

from __future__ import annotations

import ast
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import pytest

from abh_desk.clock import OFFICE_ZONE, FixedClock, SystemClock, office_day, office_time

ROOT = Path(__file__).resolve().parents[2]
CHECKED = ("abh_desk", "letters", "models", "ui")
ALLOWED = {ROOT / "abh_desk" / "clock.py"}

# (object, attribute) of calls that read the wall clock.
WALL_CLOCK = {
    ("date", "today"),
    ("datetime", "now"),
    ("datetime", "utcnow"),
    ("datetime", "today"),
    ("time", "time"),
    ("time", "time_ns"),
    ("time", "localtime"),
    ("time", "gmtime"),
    ("time", "ctime"),
    ("time", "strftime"),
    ("QDate", "currentDate"),
    ("QDateTime", "currentDateTime"),
    ("QDateTime", "currentDateTimeUtc"),
    ("QDateTime", "currentMSecsSinceEpoch"),
    ("QDateTime", "currentSecsSinceEpoch"),
    ("QTime", "currentTime"),
    ("func", "now"),
    ("func", "current_date"),
    ("func", "current_timestamp"),
    ("func", "localtimestamp"),
}


def _name(node: ast.expr) -> str | None:
    """The last name of ``a.b.date`` or ``date``."""
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        return node.attr
    return None


def wall_clock_reads(source: str) -> list[tuple[int, str]]:
    """Lines that call the wall clock, as (line, "obj.attr")."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
            pair = (_name(node.func.value), node.func.attr)
            if pair in WALL_CLOCK:
                found.append((node.lineno, f"{pair[0]}.{pair[1]}"))
        # ``default=datetime.now`` (a mapping default) reads it too, without calling it here.
        if isinstance(node, ast.keyword) and isinstance(node.value, ast.Attribute):
            pair = (_name(node.value.value), node.value.attr)
            if pair in WALL_CLOCK:
                found.append((node.value.lineno, f"{pair[0]}.{pair[1]}"))
    return sorted(found)


def test_the_scan_finds_every_kind_of_wall_clock_read() -> None:
    source = (
        "import datetime as dt\n"
        "from datetime import date, datetime\n"
        "a = date.today()\n"
        "b = dt.datetime.now(tz)\n"
        "c = time.time()\n"
        "d = Column(default=datetime.utcnow)\n"
        "e = QDate.currentDate()\n"
        "f = select(func.now())\n"
        "g = ctx.today()\n"
        "h = clock.now()\n"
    )
    assert sorted(line for line, _what in wall_clock_reads(source)) == [3, 4, 5, 6, 7, 8]


@pytest.mark.slow  # parses every module
def test_no_module_outside_the_clock_reads_the_wall_clock() -> None:
    files = [p for folder in CHECKED for p in (ROOT / folder).rglob("*.py")] + [ROOT / "main.py"]
    assert len(files) > 100
    reads = [
        f"{path.relative_to(ROOT)}:{line}: {what}"
        for path in files
        if path not in ALLOWED
        for line, what in wall_clock_reads(path.read_text(encoding="utf-8"))
    ]
    assert reads == [], "read the context's clock instead:\n" + "\n".join(reads)


def test_the_system_clock_is_aware_utc_and_its_day_is_berlins() -> None:
    now = SystemClock().now()
    assert now.tzinfo is not None and now.utcoffset() == timedelta(0)
    assert SystemClock().today() in (office_day(now), office_day(now) + timedelta(days=1))


def test_the_office_day_turns_at_midnight_in_berlin_not_utc() -> None:
    clock = FixedClock(datetime(2026, 11, 21, 22, 59, 59, tzinfo=timezone.utc))  # 23:59:59 CET
    assert clock.today() == date(2026, 11, 21)
    clock.advance(timedelta(seconds=1))  # 00:00 in Berlin, still the 21st in UTC
    assert clock.today() == date(2026, 11, 22) and clock.now().date() == date(2026, 11, 21)


def test_the_office_day_across_the_end_of_summer_time() -> None:
    # Summer time ends on Sun 25.10.2026 at 03:00 CEST (01:00 UTC): clocks go back to 02:00 CET.
    clock = FixedClock(datetime(2026, 10, 24, 21, 59, tzinfo=timezone.utc))  # 23:59 CEST on the 24th
    assert clock.today() == date(2026, 10, 24)
    clock.advance(timedelta(minutes=1))  # midnight CEST is 22:00 UTC
    assert clock.today() == date(2026, 10, 25)
    clock.move_to(datetime(2026, 10, 25, 22, 59, tzinfo=timezone.utc))  # 23:59 CET: now one hour later in UTC
    assert clock.today() == date(2026, 10, 25)
    clock.advance(timedelta(minutes=1))
    assert clock.today() == date(2026, 10, 26)
    # The Sunday had 25 hours.
    assert office_time(date(2026, 10, 26), datetime.min.time()) - office_time(
        date(2026, 10, 25), datetime.min.time()
    ) == timedelta(hours=25)


def test_a_day_given_to_the_clock_is_ten_oclock_in_the_office() -> None:
    assert FixedClock(date(2026, 7, 1)).now() == datetime(2026, 7, 1, 8, 0, tzinfo=timezone.utc)  # CEST
    assert FixedClock(date(2026, 12, 1)).now() == datetime(2026, 12, 1, 9, 0, tzinfo=timezone.utc)  # CET
    assert FixedClock(date(2026, 12, 1)).now().astimezone(OFFICE_ZONE).hour == 10


def test_naive_times_are_refused() -> None:
    with pytest.raises(ValueError, match="naive"):
        FixedClock(datetime(2026, 12, 1, 10, 0))
    with pytest.raises(ValueError, match="naive"):
        office_day(datetime(2026, 12, 1, 10, 0))
