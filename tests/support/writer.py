"""A second workstation that writes in a loop, for the backup, crash and two-process tests.

``python -m tests.support.writer URL [--bulk N] [--max M]``: each transaction inserts a person,
its audit entry and ``N`` further audit entries; after ``commit()`` has returned, the person's id
is printed on its own line (flushed) - an acknowledged commit. "ready" is printed first.

With ``--forks`` it is a fork server for the crash test, so that each writer starts in
milliseconds instead of importing everything again: for each line "start" on stdin it forks a
writer and prints "pid N"; for "wait" it reaps that writer and prints "reaped". The server itself
never opens the database, so no connection is shared across a fork.
"""

from __future__ import annotations

import argparse
import os
import sys

from sqlalchemy.orm import configure_mappers

from abh_desk import audit_key
from abh_desk.domain.catalogue import Catalogue, load_catalogue
from abh_desk.services.context import ServiceContext
from abh_desk.storage import Database
from models import Person

BULK_ACTION = "test_last"
KEY_VARIABLE = "ABH_DESK_TEST_PROTOKOLLSCHLUESSEL"
"""The office's key for the writer's process: the test's keyring lives in the test's process only."""


def environment(url: str) -> dict[str, str]:
    """The writer's environment: the test's, with the database's key from the test's keyring."""
    db = Database(url)
    try:
        key = audit_key.key_of(db)
    finally:
        db.dispose()
    return {**os.environ, **({KEY_VARIABLE: key.record()} if key is not None else {})}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("url")
    parser.add_argument("--bulk", type=int, default=0)
    parser.add_argument("--max", type=int, default=0)
    parser.add_argument("--forks", action="store_true")
    args = parser.parse_args(argv)
    if args.forks:
        return _fork_server(args)
    return _write(args)


def _fork_server(args: argparse.Namespace) -> int:
    catalogue = load_catalogue()
    _warm_up(args.url)
    print("ready", flush=True)
    child = 0
    for line in sys.stdin:
        if line.strip() == "start":
            child = os.fork()
            if child == 0:
                try:
                    _write(args, catalogue)
                finally:
                    os._exit(0)
            print(f"pid {child}", flush=True)
        elif line.strip() == "wait":
            os.waitpid(child, 0)
            print("reaped", flush=True)
    return 0


def _warm_up(url: str) -> None:
    """What every writer would otherwise do again after its fork, before its first commit: the
    database driver's and the audit trail's imports, SQLAlchemy's mappers. No connection is made."""
    Database(url).dispose()
    configure_mappers()


def _write(args: argparse.Namespace, catalogue: Catalogue | None = None) -> int:
    ctx = ServiceContext(Database(args.url), catalogue or load_catalogue())
    if os.environ.get(KEY_VARIABLE):
        audit_key.use_key(ctx.db, audit_key.parse_record(os.environ[KEY_VARIABLE], KEY_VARIABLE))
    if not args.forks:
        print("ready", flush=True)
    n = 0
    while not args.max or n < args.max:
        n += 1
        with ctx.unit_of_work() as uow:
            person = Person(
                family_name="Schreiber",
                family_name_key="SCHREIBER",
                given_names=f"Nr {n}",
                given_names_key=f"NR {n}",
                routing_key="SCHREIBER",
                nationality="TUR",
                sex="x",
                birth_year=1990,
            )
            uow.session.add(person)
            uow.session.flush()
            uow.audit("person_angelegt", "person", person.id, nummer=n)
            uow.audit_many(
                BULK_ACTION, "person", [(person.id, None, {"n": i, "text": "x" * 200}) for i in range(args.bulk)]
            )
            uow.commit()
        sys.stdout.write(f"{person.id}\n")
        sys.stdout.flush()
    return 0


if __name__ == "__main__":
    sys.exit(main())
