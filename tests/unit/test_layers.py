"""The layers hold (issue 22, part 1): the import-linter contracts in pyproject.toml, and
migrations that import no application code, so a later change of the program cannot change what an
old revision does to a database."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
VERSIONS = ROOT / "models" / "migrations" / "versions"
#: What a revision may use besides the standard library: the migration tools themselves.
MIGRATION_PACKAGES = {"alembic", "sqlalchemy"}


@pytest.mark.slow  # runs lint-imports
def test_the_import_contracts_hold() -> None:
    lint = Path(sys.executable).with_name("lint-imports")
    result = subprocess.run(
        [str(lint), "--no-cache"], cwd=ROOT, capture_output=True, text=True, timeout=300, check=False
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 broken" in result.stdout and "6 kept" in result.stdout, result.stdout


def _imports(path: Path) -> set[str]:
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module.split(".")[0])
    return found


def test_migrations_import_no_application_code() -> None:
    allowed = set(sys.stdlib_module_names) | MIGRATION_PACKAGES
    revisions = sorted(VERSIONS.glob("*.py"))
    assert len(revisions) >= 8
    offending = {path.name: sorted(_imports(path) - allowed) for path in revisions if _imports(path) - allowed}
    assert offending == {}, "a revision imports the program: freeze what it needs into the revision"


def test_the_scan_sees_an_import_of_the_program(tmp_path: Path) -> None:
    revision = tmp_path / "rev.py"
    revision.write_text("import sqlalchemy as sa\nfrom abh_desk import audit_chain\nimport models.base\n")
    assert _imports(revision) - (set(sys.stdlib_module_names) | MIGRATION_PACKAGES) == {"abh_desk", "models"}
