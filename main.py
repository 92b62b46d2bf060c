"""Composition root: the ``abh-desk`` command, which without arguments opens the window.

Only this module and ``ui/`` import Qt; the command-line part lives in ``abh_desk.cli``.
"""

from __future__ import annotations

import sys


def start_gui(db_url: str | None) -> int:
    from ui.app import run

    return run(db_url)


def check_gui() -> str:
    from ui.selfcheck import check_gui

    return check_gui()


def main() -> int:
    from abh_desk.cli import main as cli_main

    return cli_main(sys.argv[1:], gui=start_gui, gui_check=check_gui)


if __name__ == "__main__":
    sys.exit(main())
