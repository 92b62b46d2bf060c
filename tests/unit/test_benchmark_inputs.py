"""The benchmark database is rebuilt when its generator changes: the cache key hashes the files the
demo generator is made of, so a move of the generator must move the hashed paths with it."""

from __future__ import annotations

import sys
from pathlib import Path

from abh_desk.demo import names
from abh_desk.demo.deadlines import generate_demo_deadlines
from abh_desk.demo.persons import generate_demo
from benchmarks.database import GENERATOR_INPUTS, ROOT


def test_the_key_hashes_the_generator_its_name_pools_and_their_data() -> None:
    hashed = [ROOT / name for name in GENERATOR_INPUTS]
    assert all(path.exists() for path in hashed), [str(p) for p in hashed if not p.exists()]
    modules = [sys.modules[f.__module__].__file__ for f in (generate_demo, generate_demo_deadlines)]
    for file in [*modules, names.__file__, names.DATA_FILE]:
        assert file is not None
        path = Path(file).resolve()
        assert any(path == h or h in path.parents for h in hashed), f"{path} is not part of the cache key"
