"""The layers of style.md: the domain, the mappings and the letters never import Qt or ui/."""

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
FORBIDDEN = ("PySide6", "PyQt5", "PyQt6", "shiboken6", "ui")


def _is_dynamic_import(call: ast.Call) -> bool:
    name = getattr(call.func, "attr", getattr(call.func, "id", ""))
    return name in ("import_module", "__import__") and bool(call.args)


def _imports(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.extend(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.append(node.module)
        elif isinstance(node, ast.Call) and _is_dynamic_import(node) and isinstance(node.args[0], ast.Constant):
            found.append(str(node.args[0].value))
    return found


@pytest.mark.parametrize("package", ["abh_desk", "models", "letters"])
def test_lower_layers_do_not_import_qt_or_ui(package: str) -> None:
    files = sorted((ROOT / package).rglob("*.py"))
    assert files, f"{package}/ has no modules"
    offenders = [
        f"{path.relative_to(ROOT)}: {name}"
        for path in files
        for name in _imports(path)
        if name.split(".")[0] in FORBIDDEN
    ]
    assert offenders == []


def test_models_do_not_import_services_or_ui() -> None:
    offenders = [
        f"{path.relative_to(ROOT)}: {name}"
        for path in sorted((ROOT / "models").rglob("*.py"))
        for name in _imports(path)
        if name.startswith(("abh_desk.services", "ui", "letters"))
    ]
    assert offenders == []


def test_the_checker_sees_an_offending_import(tmp_path: Path) -> None:
    bad = tmp_path / "bad.py"
    bad.write_text("from PySide6.QtWidgets import QWidget\nimport importlib\nimportlib.import_module('ui.app')\n")
    assert _imports(bad) == ["PySide6.QtWidgets", "importlib", "ui.app"]
