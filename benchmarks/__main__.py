"""``python -m benchmarks [--personen N] [--nur FIGURE ...] [--postgres URL|auto]``: print the figures.

Not part of the test suite. Builds (once) and reuses the benchmark database, measures each
selected figure on SQLite and, with ``--postgres``, on PostgreSQL, and prints the machine, a
table of median/p95/baseline/target per database and the query plans behind the figures.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence

from benchmarks import (
    appointments,
    assignment,
    letters,
    overview,
    paging,
    person_file,
    report,
    search,
    startup,
    worklists,
)
from benchmarks.database import Opened, open_postgresql, open_sqlite
from benchmarks.harness import Figure, S, Spec, Stats, machine


def build_figure(opened: Opened) -> Figure:
    info = opened.build
    when = "this run" if opened.built_now else f"cached, built {info.built_at}"
    analyze = f"; then VACUUM ANALYZE {info.analyze_seconds:.0f} s" if info.analyze_seconds else ""
    return Figure(
        "aufbau", f"Build the database ({info.persons:,} persons)", Stats(1, info.seconds * S, info.seconds * S),
        unit="s", note=f"{info.titles:,} titles, {info.cases:,} cases, {info.checklist_items:,} checklist items; "
        f"{info.persons / info.seconds:,.0f} persons/s ({when}){analyze}",
    )  # fmt: skip


SPECS: tuple[Spec, ...] = (
    Spec("aufbau", build_figure),
    *search.FIGURES,
    *person_file.FIGURES,
    *paging.FIGURES,
    *assignment.FIGURES,
    *worklists.FIGURES,
    *overview.FIGURES,
    *appointments.FIGURES,
    *letters.FIGURES,
    *startup.FIGURES,
)


def _arguments(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m benchmarks", description=__doc__)
    parser.add_argument("--personen", type=int, default=1_000_000, metavar="N", help="persons in the database")
    parser.add_argument("--nur", nargs="+", default=[], metavar="FIGURE", help="only these figures or groups: "
                        + ", ".join(s.id for s in SPECS))  # fmt: skip
    parser.add_argument("--postgres", metavar="URL", help="also measure on this server; 'auto' starts a throw-away one")
    parser.add_argument("--ohne-sqlite", action="store_true", help="measure on PostgreSQL only")
    args = parser.parse_args(argv)
    known = {s.id for s in SPECS} | {s.group for s in SPECS}
    if unknown := [name for name in args.nur if name not in known]:
        parser.error(f"unknown figure(s) {', '.join(unknown)}; known: {', '.join(sorted(known))}")
    if args.ohne_sqlite and not args.postgres:
        parser.error("--ohne-sqlite needs --postgres")
    return args


def _measure(opened: Opened, specs: Sequence[Spec]) -> list[Figure]:
    figures = []
    for spec in specs:
        print(f"[{opened.backend}] {spec.id} …", file=sys.stderr, flush=True)
        figures.append(spec.run(opened))
    return figures


def _print(opened: Opened, figures: Sequence[Figure]) -> None:
    rows = opened.raw.rows("SELECT version()" if opened.backend == "PostgreSQL" else "SELECT sqlite_version()")
    print(f"\n## {opened.backend} ({rows[0][0]}), database {opened.key}\n")
    print("\n".join(report.table(figures)))
    print("\n### Query plans")
    print("\n".join(report.plans(figures)))
    sys.stdout.flush()


def main(argv: Sequence[str] | None = None) -> int:
    args = _arguments(argv)
    specs = [s for s in SPECS if not args.nur or s.id in args.nur or s.group in args.nur]
    print("# ABH Desk benchmarks\n")
    print("\n".join(report.machine_lines(machine())))
    server = None
    openers: list[Callable[[], Opened]] = [] if args.ohne_sqlite else [lambda: open_sqlite(args.personen)]
    url = args.postgres
    if url == "auto":
        from tests.support.pgserver import PostgresServer

        server = PostgresServer()
        url = server.start()
    if url:
        openers.append(lambda: open_postgresql(url, args.personen))
    try:
        for number, opener in enumerate(openers):
            opened = opener()
            try:
                _print(opened, _measure(opened, [s for s in specs if s.per_backend or number == 0]))
            finally:
                opened.close()
    finally:
        if server is not None:
            server.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
