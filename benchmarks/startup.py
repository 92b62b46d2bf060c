"""Start and memory: a new process until ABH Desk's main window is usable on the benchmark
database (schema checked, window shown, the start page's figures there) beside a bare PySide6
window started the same way; and the resident memory once a search for one letter shows its
result table (up to a million ids behind it).

Each run is a fresh ``python -m benchmarks.startup_child`` process, timed from launch to its
READY line; the sign-in dialog is left out (a person types there). The children may write
bytecode (``__pycache__``) as an installed program has it; without, compiling ABH Desk's own
modules from source added about 0.2–0.3 s to every start."""

from __future__ import annotations

import os
import subprocess
import sys
import time

from benchmarks.database import Opened
from benchmarks.harness import Figure, Spec, Stats, Target, measure

MS = 1_000_000
RUNS = 7


def _launch(mode: str, url: str | None = None) -> tuple[int, int]:
    """(wall ns from launch to READY, RSS kB) of one child process."""
    # An installed program starts from compiled bytecode (pip writes .pyc, the bundle holds only
    # .pyc): let the child write it (the warm-up run does), even where the shell forbids it.
    env = {key: value for key, value in os.environ.items() if key != "PYTHONDONTWRITEBYTECODE"}
    env["QT_QPA_PLATFORM"] = "offscreen"
    command = [sys.executable, "-m", "benchmarks.startup_child", mode, *([url] if url else [])]
    started = time.perf_counter_ns()
    with subprocess.Popen(command, stdout=subprocess.PIPE, text=True, env=env) as child:
        assert child.stdout is not None
        for line in child.stdout:
            if line.startswith("READY"):
                elapsed = time.perf_counter_ns() - started
                rss = int(line.split()[2])
                child.wait(timeout=60)
                return elapsed, rss
        child.wait(timeout=60)
    raise RuntimeError(f"{mode}: the child process ended without READY (exit {child.returncode})")


def start_time(opened: Opened) -> Figure:
    url = opened.ctx.db.url.render_as_string(hide_password=False)
    stats, baseline = measure(lambda _run: _launch("window", url), range(RUNS), lambda _run: _launch("bare"), warmup=1)
    return Figure(
        "start.fenster", "Start to a usable main window (new process)", stats, baseline=baseline,
        baseline_label="bare PySide6 main window, new process", target=Target(1_500 * MS, ratio=2.0),
        note="schema check, main window, start page figures; sign-in left out",
    )  # fmt: skip


def memory(opened: Opened) -> Figure:
    url = opened.ctx.db.url.render_as_string(hide_password=False)
    ours = [_launch("memory", url)[1] for _run in range(3)]
    bare = [_launch("bare")[1] for _run in range(3)]
    kb = 1_000  # Stats hold "ns"; a unit other than "s" is scaled by 1e6: kB × 1,000 reads as MB
    return Figure(
        "start.speicher", "Resident memory: database open, search 'm' shown",
        Stats.of([value * kb for value in ours]), unit="MB", baseline=Stats.of([value * kb for value in bare]),
        baseline_label="bare PySide6 main window", target=Target(300 * MS), note="VmRSS of the process",
    )  # fmt: skip


FIGURES = (Spec("start.fenster", start_time), Spec("start.speicher", memory))
