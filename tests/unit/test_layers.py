"""The layers hold (issue 22, parts 1 and 6): the import-linter contracts in pyproject.toml, and
migrations that import no application code, so a later change of the program cannot change what an
old revision does to a database. The domain uses no services; the demo is a package of its own that
only the command line and the window use (benchmarks and tests too, outside the program's packages):
nothing in services or domain imports it."""

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
    assert "0 broken" in result.stdout and "8 kept" in result.stdout, result.stdout


def _modules(path: Path) -> set[str]:
    """Every module ``path`` imports, by its full name, at the top or inside a function."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found |= {node.module, *(f"{node.module}.{alias.name}" for alias in node.names)}
    return found


def _imports(path: Path) -> set[str]:
    return {name.split(".")[0] for name in _modules(path)}


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


#: Who may use the demo inside the program's packages: the command line (the ``demo`` command) and the
#: demo package itself; the window (its first start) lives in ui/, benchmarks and tests outside.
DEMO_USERS = ("abh_desk/demo/", "abh_desk/cli")


def _program_files() -> list[Path]:
    return sorted(p for package in ("abh_desk", "models", "letters") for p in (ROOT / package).rglob("*.py"))


def test_only_the_command_line_and_the_window_import_the_demo() -> None:
    """A second net under the contracts, for modules added after them."""
    offending = [
        str(path.relative_to(ROOT))
        for path in _program_files()
        if not str(path.relative_to(ROOT)).startswith(DEMO_USERS)
        and any(name == "abh_desk.demo" or name.startswith("abh_desk.demo.") for name in _modules(path))
    ]
    assert offending == []


def test_the_domain_imports_no_services() -> None:
    offending = [
        str(path.relative_to(ROOT))
        for path in sorted((ROOT / "abh_desk" / "domain").rglob("*.py"))
        if any(name.startswith(("abh_desk.services", "abh_desk.demo")) for name in _modules(path))
    ]
    assert offending == []


def test_the_scan_sees_an_import_of_the_demo_inside_a_function(tmp_path: Path) -> None:
    module = tmp_path / "m.py"
    module.write_text("def f():\n    from abh_desk.demo import office\n    import abh_desk.demo.users\n")
    assert {"abh_desk.demo", "abh_desk.demo.office", "abh_desk.demo.users"} <= _modules(module)
