"""The bundle an office workstation runs without Python: built once per test session with the
documented command (scripts/build-bundle.sh), then started offscreen. Slow (about a minute on two
cores): left out unless ``-m`` selects it (``-m bundle``); CI's first run does (.ci/run)."""

from __future__ import annotations

import fcntl
import os
import shutil
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

pytestmark = [pytest.mark.bundle, pytest.mark.slow]

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="session")
def bundle(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """Built once per run. Under pytest-xdist (``-n 2``) both processes may ask for it: the first
    builds it into the run's shared temporary directory, the other waits on the lock and uses it
    (two builds at once would also share PyInstaller's work directory, build/pyinstaller)."""
    shared = tmp_path_factory.getbasetemp()
    if os.environ.get("PYTEST_XDIST_WORKER"):
        shared = shared.parent  # the run's directory, above each worker's own
    dist = shared / "bundle-dist"
    executable = dist / "abh-desk" / "abh-desk"
    with open(shared / "bundle.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not executable.exists():
            started = time.perf_counter()
            result = subprocess.run(
                [str(ROOT / "scripts" / "build-bundle.sh"), str(dist)],
                capture_output=True,
                text=True,
                timeout=1200,
                env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
            )
            assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-4000:]
            # The build script ends with the bundle's own self test.
            assert "Selbsttest bestanden." in result.stdout
            size = sum(f.stat().st_size for f in executable.parent.rglob("*") if f.is_file() and not f.is_symlink())
            print(f"\nbundle built in {time.perf_counter() - started:.0f} s, {size / 2**20:.0f} MiB")
    yield executable


def _run(executable: Path, *args: str, home: Path, stdin: str = "") -> subprocess.CompletedProcess[str]:
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("PYTHON", "VIRTUAL_ENV")) and key not in ("DISPLAY", "WAYLAND_DISPLAY")
    }
    env.update(
        QT_QPA_PLATFORM="offscreen",
        ABH_DESK_DATA_DIR=str(home / "data"),
        ABH_DESK_CONFIG_DIR=str(home / "config"),
        PATH="/usr/bin:/bin",  # no .venv: the bundle brings its own Python
    )
    return subprocess.run(
        [str(executable), *args], input=stdin, capture_output=True, text=True, timeout=300, env=env, cwd=home
    )


def test_the_bundle_passes_its_self_test_offscreen(bundle: Path, tmp_path: Path) -> None:
    result = _run(bundle, "selbsttest", home=tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    lines = result.stdout.splitlines()
    assert [line.split()[1] for line in lines[:-1]] == [
        "Datenbank",
        "Zuständigkeit:",
        "Benutzer",
        "Frist:",
        "Schreiben",
        "Oberfläche:",
    ]
    assert "Frau Schweiger" in lines[1] and "Vereinigtes Königreich" in lines[1]
    assert "Fronleichnam" in lines[3]
    assert "gelesen" in lines[4]  # pypdf is in the bundle and read the letter back
    assert "Plattform „offscreen“, deutsch" in lines[5]
    assert lines[-1] == "Selbsttest bestanden."


def test_the_bundle_migrates_a_database_and_answers_the_command_line(bundle: Path, tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'buero.sqlite3'}"
    upgraded = _run(bundle, "--db", url, "db", "upgrade", home=tmp_path)
    assert upgraded.returncode == 0, upgraded.stderr
    assert "Schema leer →" in upgraded.stdout
    status = _run(bundle, "--db", url, "db", "status", home=tmp_path)
    assert "journal_mode: wal" in status.stdout
    # The first administrator of an empty database needs no sign-in; reading the routing does.
    password = "Sehr-geheim-2026!\n"
    admin = ("verwalter", "--anzeigename", "Herr Verwalter", "--rolle", "administration", "--passwort-stdin")
    created = _run(bundle, "--db", url, "benutzer", "anlegen", *admin, home=tmp_path, stdin=password)
    assert created.returncode == 0, created.stderr
    names = ("zustaendigkeit", "--bereich", "allgemein", "Çelik", "Öztürk")
    refused = _run(bundle, "--db", url, *names, home=tmp_path)
    assert refused.returncode != 0 and "braucht eine Anmeldung" in refused.stderr
    routed = _run(
        bundle, "--db", url, "--anmelden", "verwalter", "--anmeldung-stdin", *names, home=tmp_path, stdin=password
    )
    # A new office has its areas, but nobody's letter ranges yet (nothing of the demo office).
    assert routed.stdout.splitlines() == ["Çelik\tniemand", "Öztürk\tniemand"], routed.stderr
    rules = Path(__file__).resolve().parents[2] / "resources" / "assignment" / "singen.toml"
    from_file = _run(bundle, "zustaendigkeit", "--regeln", str(rules), "--bereich", "allgemein", "Çelik", "Öztürk",
                     home=tmp_path)  # fmt: skip
    assert from_file.stdout.splitlines() == ["Çelik\tFrau Rudolf", "Öztürk\tFrau Keller"], from_file.stderr
    deadline = _run(bundle, "frist", "widerspruch", "--bekanntgabe", "2026-05-04", "--land", "BW", home=tmp_path)
    assert deadline.stdout.strip() == "2026-06-05", deadline.stdout + deadline.stderr
    wrong = _run(bundle, "frist", "widerspruch", "--bekanntgabe", "gestern", "--land", "BW", home=tmp_path)
    assert wrong.returncode == 2 and "Fehler" in wrong.stderr and "Traceback" not in wrong.stderr


@pytest.mark.skipif(
    shutil.which("xvfb-run") is None, reason="xvfb-run not installed (scripts/setup.sh test installs it)"
)
def test_the_bundle_opens_its_window_on_an_x_display(bundle: Path, tmp_path: Path) -> None:
    """On a real X server (Xvfb) the bundle's xcb plugin and its libraries load."""
    env = {key: value for key, value in os.environ.items() if key != "QT_QPA_PLATFORM"}
    env.update(ABH_DESK_DATA_DIR=str(tmp_path / "data"), ABH_DESK_CONFIG_DIR=str(tmp_path / "config"))
    result = subprocess.run(
        ["xvfb-run", "-a", str(bundle), "selbsttest"], capture_output=True, text=True, timeout=300, env=env
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Plattform „xcb“, deutsch, Fenster „ABH Desk – Einrichtung des Arbeitsplatzes“" in result.stdout
