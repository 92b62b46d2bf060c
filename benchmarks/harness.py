"""Timing, statistics, targets and the machine: what every benchmark figure is made of.

Each figure is measured over many different inputs (a name prefix, a birth date …), after a few
warm-up calls, with ``time.perf_counter_ns``; the service and its baseline are timed in turns on
the same inputs, so both see the same caches.
"""

from __future__ import annotations

import gc
import os
import platform
import sqlite3
import statistics
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

import sqlalchemy

if TYPE_CHECKING:
    from benchmarks.database import Opened

T = TypeVar("T")
MS = 1_000_000
S = 1_000_000_000
MIN_RUNS = 20


@dataclass(frozen=True)
class Stats:
    """Median and 95th percentile of ``runs`` timings, in nanoseconds."""

    runs: int
    median_ns: float
    p95_ns: float

    @classmethod
    def of(cls, samples: Sequence[int | float]) -> Stats:
        if len(samples) == 1:
            return cls(1, float(samples[0]), float(samples[0]))
        p95 = statistics.quantiles(samples, n=20, method="inclusive")[18]
        return cls(len(samples), float(statistics.median(samples)), float(p95))


@dataclass(frozen=True)
class Target:
    """What a figure should reach: a p95 in nanoseconds and/or at most ``ratio`` × the baseline's median."""

    p95_ns: float | None = None
    ratio: float | None = None

    def describe(self, scale: int, unit: str) -> str:
        parts = []
        if self.p95_ns is not None:
            parts.append(f"p95 ≤ {_number(self.p95_ns / scale)} {unit}")
        if self.ratio is not None:
            parts.append(f"≤ {self.ratio:g}× baseline")
        return ", ".join(parts)


@dataclass(frozen=True)
class Plan:
    """A query plan worth seeing: EXPLAIN QUERY PLAN (SQLite) or EXPLAIN (PostgreSQL)."""

    label: str
    sql: str
    lines: tuple[str, ...]


@dataclass(frozen=True)
class Figure:
    """One line of the result table."""

    id: str
    title: str
    stats: Stats
    unit: str = "ms"
    baseline: Stats | None = None
    baseline_label: str = ""
    target: Target | None = None
    note: str = ""
    plans: tuple[Plan, ...] = ()

    @property
    def scale(self) -> int:
        return S if self.unit == "s" else MS

    @property
    def ratio(self) -> float | None:
        if self.baseline is None or not self.baseline.median_ns:
            return None
        return self.stats.median_ns / self.baseline.median_ns

    @property
    def verdicts(self) -> dict[str, bool]:
        """Each part of the target and whether it was met: {"p95": True, "ratio": False}."""
        result: dict[str, bool] = {}
        if self.target is not None and self.target.p95_ns is not None:
            result["p95"] = self.stats.p95_ns <= self.target.p95_ns
        if self.target is not None and self.target.ratio is not None:
            result["ratio"] = self.ratio is not None and self.ratio <= self.target.ratio
        return result

    @property
    def met(self) -> bool | None:
        return all(self.verdicts.values()) if self.verdicts else None


@dataclass(frozen=True)
class Spec:
    """A figure that can be measured: ``--nur`` selects by ``id`` or its group (the part before the dot).

    ``per_backend`` is False for pure Python work, which is measured once, not per database."""

    id: str
    run: Callable[[Opened], Figure]
    per_backend: bool = True

    @property
    def group(self) -> str:
        return self.id.split(".")[0]


def _number(value: float) -> str:
    return f"{value:.3g}" if value < 100 else f"{value:,.0f}"


def elapsed_ns(call: Callable[[T], object], item: T) -> int:
    started = time.perf_counter_ns()
    call(item)
    return time.perf_counter_ns() - started


def _warm_up(
    call: Callable[[T], object],
    inputs: Sequence[T],
    baseline: Callable[[T], object] | None,
    warmup: int,
    budget_s: float,
) -> float:
    """Call both ``warmup`` times (fewer if slow: a tenth of the budget); returns seconds per input."""
    started = time.perf_counter()
    done = 0
    while done < max(warmup, 1) and (done == 0 or time.perf_counter() - started < budget_s / 10):
        item = inputs[done % len(inputs)]
        call(item)
        if baseline is not None:
            baseline(item)
        done += 1
    return (time.perf_counter() - started) / done


def measure(
    call: Callable[[T], object],
    inputs: Sequence[T],
    baseline: Callable[[T], object] | None = None,
    warmup: int = 10,
    budget_s: float = 120.0,
) -> tuple[Stats, Stats | None]:
    """Time ``call`` (and ``baseline``) once per input, in turns, after ``warmup`` untimed calls each.

    A slow figure gets fewer runs (at least ``MIN_RUNS``) so that it takes about ``budget_s``;
    the table shows how many runs were made."""
    per_input = _warm_up(call, inputs, baseline, warmup, budget_s)
    inputs = inputs[: max(MIN_RUNS, int(budget_s / per_input))]
    gc.collect()
    timed: list[int] = []
    floor: list[int] = []
    for n, item in enumerate(inputs):
        if baseline is not None and n % 2:
            floor.append(elapsed_ns(baseline, item))
        timed.append(elapsed_ns(call, item))
        if baseline is not None and not n % 2:
            floor.append(elapsed_ns(baseline, item))
    return Stats.of(timed), (Stats.of(floor) if baseline is not None else None)


def _cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def _ram_gib() -> str:
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                return f"{int(line.split()[1]) / 1024 / 1024:.1f} GiB"
    except OSError:
        pass
    return "unknown"


def machine() -> dict[str, str]:
    """The machine and the versions that shape the figures."""
    return {
        "CPU": _cpu_model(),
        "cores": str(os.cpu_count()),
        "RAM": _ram_gib(),
        "OS": platform.platform(),
        "Python": platform.python_version(),
        "SQLite": sqlite3.sqlite_version,
        "SQLAlchemy": sqlalchemy.__version__,
        "load average at start": " ".join(f"{load:.2f}" for load in os.getloadavg()),
    }
