#!/usr/bin/env bash
# Builds the one-folder bundle for office workstations: dist/abh-desk/abh-desk, runnable without
# Python (PyInstaller, installer.spec). Sets up .venv first (scripts/setup.sh bundle: the [bundle]
# extra, PyInstaller and pypdf for the self test), builds, and runs the bundle's self test.
# Usage: scripts/build-bundle.sh [DISTDIR]     (default: dist; the work files go to build/pyinstaller)
set -euo pipefail
cd "$(dirname "$0")/.."
distdir="$(realpath -m "${1:-dist}")"

# A test setup (scripts/test.sh) already holds the bundle's packages; otherwise set up for building.
mode=bundle
digest="$(sha256sum pyproject.toml | cut -d' ' -f1)"
[ "$(cat .venv/.abh-desk-installed-test 2>/dev/null)" = "$digest" ] && mode=test
scripts/setup.sh "$mode"
started=$SECONDS
.venv/bin/python -m PyInstaller --noconfirm --log-level WARN \
  --distpath "$distdir" --workpath build/pyinstaller installer.spec
echo "[bundle] $distdir/abh-desk in $((SECONDS - started)) s, $(du -sh "$distdir/abh-desk" | cut -f1)" >&2
QT_QPA_PLATFORM="${QT_QPA_PLATFORM:-offscreen}" "$distdir/abh-desk/abh-desk" selbsttest
