"""The one clock (Uhr): every "today" and "now" of the program comes from here.

Services read the clock of their ``ServiceContext``; nothing else in ``abh_desk/``, ``letters/``,
``models/`` or ``ui/`` reads the wall clock (``tests/unit/test_clock.py`` checks the source).
The program and the CLI run on ``SystemClock``; tests hand in a ``FixedClock`` and move it.

The office's day is the calendar day in Europe/Berlin, whatever zone the workstation is set to:
a deadline that ends on a German day ends at midnight in Germany, not at midnight UTC. Points in
time (audit entries, handovers, approvals) are aware datetimes in UTC.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from datetime import date, datetime, time, timedelta, timezone
from zoneinfo import ZoneInfo

OFFICE_ZONE = ZoneInfo("Europe/Berlin")


def office_day(moment: datetime) -> date:
    """The calendar day in the office's zone at ``moment`` (an aware datetime)."""
    if moment.tzinfo is None:
        raise ValueError("naive datetime given; use an aware datetime")
    return moment.astimezone(OFFICE_ZONE).date()


def office_time(day: date, at: time = time(10, 0)) -> datetime:
    """The moment ``at`` o'clock on ``day`` in the office's zone, as an aware UTC datetime."""
    return datetime.combine(day, at, OFFICE_ZONE).astimezone(timezone.utc)


def local_now(clock: Clock) -> datetime:
    """Now in the office's zone (for what a person reads: a time field, a file name)."""
    return clock.now().astimezone(OFFICE_ZONE)


class Clock(ABC):
    """Where today and now come from."""

    @abstractmethod
    def now(self) -> datetime:
        """Now, aware, in UTC."""

    def today(self) -> date:
        """The office's day now (Europe/Berlin)."""
        return office_day(self.now())


class SystemClock(Clock):
    """The workstation's clock: the only place the program reads the wall clock."""

    def now(self) -> datetime:
        return datetime.now(timezone.utc)

    def __repr__(self) -> str:
        return "SystemClock()"


class FixedClock(Clock):
    """A clock that stands still until it is moved: for tests, and for a key date given on the
    command line (``--stichtag``)."""

    def __init__(self, at: datetime | date) -> None:
        self._now = self._moment(at)

    @staticmethod
    def _moment(at: datetime | date) -> datetime:
        if isinstance(at, datetime):
            if at.tzinfo is None:
                raise ValueError("naive datetime given; use an aware datetime")
            return at.astimezone(timezone.utc)
        return office_time(at)

    def now(self) -> datetime:
        return self._now

    def move_to(self, at: datetime | date) -> None:
        """Set the clock to a moment, or to 10 o'clock office time on a day."""
        self._now = self._moment(at)

    def advance(self, delta: timedelta) -> None:
        self._now += delta

    def __repr__(self) -> str:
        return f"FixedClock({self._now.isoformat()})"


SYSTEM_CLOCK = SystemClock()
