"""A second workstation that writes in a loop, for the backup, crash and two-process tests.

``python -m tests.support.writer URL [--bulk N] [--max M]``: each transaction inserts a person,
its audit entry and ``N`` further audit entries; after ``commit()`` has returned, the person's id
is printed on its own line (flushed) - an acknowledged commit. "ready" is printed first.
"""

from __future__ import annotations

import argparse
import sys

from abh_desk.domain.catalogue import load_catalogue
from abh_desk.services.context import ServiceContext
from abh_desk.storage import Database
from models import Person

BULK_ACTION = "test_last"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("url")
    parser.add_argument("--bulk", type=int, default=0)
    parser.add_argument("--max", type=int, default=0)
    args = parser.parse_args(argv)
    ctx = ServiceContext(Database(args.url), load_catalogue())
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
