"""Start and memory, each run a new process beside a bare PySide6 window started the same way.

- ``start.anmeldung``: ABH Desk started as ``abh-desk --db URL`` (``main.main``) until its sign-in
  window is painted — the database layer loads behind it and is left out by design;
- ``start.fenster``: the same start, a caseworker signing in the moment the sign-in window appears
  (faster than the database), until the main window is usable (shown, the start page's figures
  there);
- ``start.speicher``: the resident memory once a search for one letter shows its result table.

Each run is a fresh ``python -m benchmarks.startup_child`` process; the time is its own clock
from interpreter start to its READY line (``bare`` and ABH Desk take it at the first paint of their
window, with the same event filter), so the process's exit is not part of it. The runs alternate
with the bare window's. The children may write bytecode (``__pycache__``) as an installed program
has it; without, compiling ABH Desk's own modules from source added about 0.2–0.3 s to every
start. They keep their settings and data directory in a temporary directory, never the user's.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile

from sqlalchemy import select

from abh_desk.demo.users import DEMO_PASSWORD, ensure_demo_users
from abh_desk.domain.enums import Role
from benchmarks.database import Opened
from benchmarks.harness import Figure, Spec, Stats, Target
from models import User

MS = 1_000_000
RUNS = 15
WARMUP = 2


def _launch(home: str, mode: str, *arguments: str) -> tuple[int, int]:
    """(ns from interpreter start to READY, RSS kB) of one child process on the workstation ``home``."""
    # An installed program starts from compiled bytecode (pip writes .pyc, the bundle holds only
    # .pyc): let the child write it (the warm-up runs do), even where the shell forbids it.
    env = {key: value for key, value in os.environ.items() if key != "PYTHONDONTWRITEBYTECODE"}
    env["QT_QPA_PLATFORM"] = "offscreen"
    env["ABH_DESK_CONFIG_DIR"] = os.path.join(home, "config")
    env["ABH_DESK_DATA_DIR"] = os.path.join(home, "data")
    command = [sys.executable, "-m", "benchmarks.startup_child", mode, *arguments]
    with subprocess.Popen(command, stdout=subprocess.PIPE, text=True, env=env) as child:
        assert child.stdout is not None
        for line in child.stdout:
            if line.startswith("READY"):
                _ready, elapsed, rss = line.split()
                child.wait(timeout=60)
                return int(elapsed), int(rss)
        child.wait(timeout=60)
    raise RuntimeError(f"{mode}: the child process ended without READY (exit {child.returncode})")


def _in_turns(mode: str, *arguments: str) -> tuple[Stats, Stats]:
    """ABH Desk (``mode``) and the bare window, alternating, after untimed warm-up runs of both.
    All runs share one workstation directory: the first does the day's integrity check (``PRAGMA
    quick_check``, seconds at 1M) as the first start of a day does; the others start as later
    starts of that day."""
    with tempfile.TemporaryDirectory(prefix="abh-start-") as home:
        for _run in range(WARMUP):
            _launch(home, mode, *arguments)
            _launch(home, "bare")
        ours: list[int] = []
        bare: list[int] = []
        for run in range(RUNS):
            if run % 2:
                bare.append(_launch(home, "bare")[0])
            ours.append(_launch(home, mode, *arguments)[0])
            if not run % 2:
                bare.append(_launch(home, "bare")[0])
    return Stats.of(ours), Stats.of(bare)


def _url(opened: Opened) -> str:
    return opened.ctx.db.url.render_as_string(hide_password=False)


def sign_in_window(opened: Opened) -> Figure:
    stats, baseline = _in_turns("anmeldung", _url(opened))
    return Figure(
        "start.anmeldung", "Start to the sign-in window (new process, abh-desk --db URL)", stats, baseline=baseline,
        baseline_label="bare PySide6 main window, new process", target=Target(ratio=2.0),
        note="until painted; the database layer loads behind it",
    )  # fmt: skip


def _caseworker(opened: Opened) -> str:
    ensure_demo_users(opened.ctx)  # the demo password for users without one (the built data has none)
    with opened.ctx.db.read() as session:
        name = session.scalar(select(User.username).where(User.role == Role.CASEWORKER.value).order_by(User.id))
    assert name is not None
    return name


def start_time(opened: Opened) -> Figure:
    stats, baseline = _in_turns("fenster", _url(opened), _caseworker(opened), DEMO_PASSWORD)
    return Figure(
        "start.fenster", "Start to a usable main window after sign-in (new process)", stats, baseline=baseline,
        baseline_label="bare PySide6 main window, new process", target=Target(1_500 * MS),
        note="signed in the moment the sign-in window appears; schema check, sign-in, main window, start page figures",
    )  # fmt: skip


def memory(opened: Opened) -> Figure:
    url = _url(opened)
    with tempfile.TemporaryDirectory(prefix="abh-start-") as home:
        ours = [_launch(home, "memory", url)[1] for _run in range(3)]
        bare = [_launch(home, "bare")[1] for _run in range(3)]
    kb = 1_000  # Stats hold "ns"; a unit other than "s" is scaled by 1e6: kB × 1,000 reads as MB
    return Figure(
        "start.speicher", "Resident memory: database open, search 'm' shown",
        Stats.of([value * kb for value in ours]), unit="MB", baseline=Stats.of([value * kb for value in bare]),
        baseline_label="bare PySide6 main window", target=Target(300 * MS), note="VmRSS of the process",
    )  # fmt: skip


FIGURES = (
    Spec("start.anmeldung", sign_in_window),
    Spec("start.fenster", start_time),
    Spec("start.speicher", memory),
)
