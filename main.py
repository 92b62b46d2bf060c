"""Composition root: the ``abh-desk`` command, which without arguments opens the window.

Only this module and ``ui/`` import Qt; the command-line part lives in ``abh_desk.cli``.
``abh-desk`` and ``abh-desk --db URL`` open the window without importing the command line's
modules (they bring SQLAlchemy and every service): the sign-in window comes first, the database
layer loads behind it (``ui.startup``).
"""

from __future__ import annotations

import sys
from collections.abc import Sequence


def start_gui(db_url: str | None) -> int:
    from ui.app import run

    return run(db_url)


def check_gui() -> str:
    from ui.selfcheck import check_gui

    return check_gui()


def window_only(argv: Sequence[str]) -> tuple[bool, str | None]:
    """(True, the --db URL or None) where the arguments ask for nothing but the window — exactly
    what ``abh_desk.cli`` would pass to ``start_gui``; (False, None) for everything else."""
    if not argv:
        return True, None
    if len(argv) == 2 and argv[0] == "--db" and not argv[1].startswith("-"):
        return True, argv[1]
    if len(argv) == 1 and argv[0].startswith("--db="):
        return True, argv[0].removeprefix("--db=")
    return False, None


def main() -> int:
    argv = sys.argv[1:]
    window, db_url = window_only(argv)
    if window:
        try:
            return start_gui(db_url)
        except BaseException as exc:  # the command's German message (a full disk, Ctrl+C)
            from abh_desk.cli import reported

            code = reported(exc)
            if code is None:
                raise
            return code
    from abh_desk.cli import main as cli_main

    return cli_main(argv, gui=start_gui, gui_check=check_gui)


if __name__ == "__main__":
    sys.exit(main())
