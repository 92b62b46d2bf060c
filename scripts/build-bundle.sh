#!/usr/bin/env bash
# Builds the one-folder bundle for office workstations: dist/abh-desk/abh-desk, runnable without
# Python (PyInstaller, installer.spec). Sets up .venv first (scripts/setup.sh), adds the [bundle]
# extra (PyInstaller, pypdf for the self test), builds, and runs the bundle's self test.
# Usage: scripts/build-bundle.sh [DISTDIR]     (default: dist; the work files go to build/pyinstaller)
set -euo pipefail
cd "$(dirname "$0")/.."
distdir="$(realpath -m "${1:-dist}")"

scripts/setup.sh run
if ! .venv/bin/python -c 'import PyInstaller, pypdf' >/dev/null 2>&1; then
  echo "[bundle] Installiere PyInstaller" >&2
  .venv/bin/python -m pip install --quiet -e ".[bundle]"
fi
started=$SECONDS
.venv/bin/python -m PyInstaller --noconfirm --log-level WARN \
  --distpath "$distdir" --workpath build/pyinstaller installer.spec
echo "[bundle] $distdir/abh-desk in $((SECONDS - started)) s, $(du -sh "$distdir/abh-desk" | cut -f1)" >&2
QT_QPA_PLATFORM="${QT_QPA_PLATFORM:-offscreen}" "$distdir/abh-desk/abh-desk" selbsttest
