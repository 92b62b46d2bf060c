#!/usr/bin/env bash
# Prepares this checkout on a Debian or Ubuntu machine: the Debian libraries Qt needs (installed
# when run as root, otherwise the exact apt-get line is printed), a virtual environment in .venv
# with the Python packages, and the compiled translations. Safe to run again: it only does what
# is missing. Usage: scripts/setup.sh [run|test|bundle]   (test also installs PostgreSQL and
# poppler-utils; test and bundle add PyInstaller for scripts/build-bundle.sh)
set -euo pipefail
cd "$(dirname "$0")/.."
mode="${1:-run}"

say() { printf '[setup] %s\n' "$*" >&2; }

# Python 3.11 or newer.
python=""
for candidate in "${PYTHON:-}" python3 python3.13 python3.12 python3.11; do
  [ -n "$candidate" ] || continue
  if command -v "$candidate" >/dev/null 2>&1 &&
     "$candidate" -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then
    python="$candidate"; break
  fi
done
if [ -z "$python" ]; then
  say "Python 3.11 oder neuer wird benötigt: apt-get install -y python3 python3-venv"
  exit 1
fi

# Debian packages: Qt's libraries (offscreen and on a real X display), fonts; for tests
# also a PostgreSQL server, poppler-utils (pdftoppm), xvfb and faketime (the suite once more with
# the wall clock moved ahead, scripts/test.sh).
packages=(libglib2.0-0 libegl1 libgl1 libdbus-1-3 libfontconfig1 libxkbcommon0 libxkbcommon-x11-0
  libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 libxcb-render-util0 libxcb-shape0
  libxcb-randr0 libxcb-xinerama0 libxcb-xfixes0 fonts-dejavu-core)
if [ "$mode" = test ]; then
  packages+=(postgresql poppler-utils xvfb xauth faketime)
fi
if ! "$python" -c 'import ensurepip, venv' >/dev/null 2>&1; then
  packages+=("python3-venv")
fi
missing=()
if command -v dpkg-query >/dev/null 2>&1; then
  for package in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
  done
fi
if [ "${#missing[@]}" -gt 0 ]; then
  if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1; then
    say "Installiere Debian-Pakete: ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  else
    say "Es fehlen Debian-Pakete. Bitte als Administrator ausführen:"
    echo "sudo apt-get install -y --no-install-recommends ${missing[*]}"
    exit 1
  fi
fi

# Virtual environment and Python packages (again only when pyproject.toml changed).
if [ ! -x .venv/bin/python ]; then
  say "Lege die virtuelle Umgebung .venv an"
  "$python" -m venv .venv
fi
case "$mode" in
  test) extras="[test,bundle]" ;;
  bundle) extras="[bundle]" ;;
  *) extras="" ;;
esac
stamp=".venv/.abh-desk-installed-$mode"
digest="$(sha256sum pyproject.toml | cut -d' ' -f1)"
if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$digest" ]; then
  say "Installiere Python-Pakete"
  .venv/bin/python -m pip install --quiet --upgrade pip
  .venv/bin/python -m pip install --quiet -e ".$extras"
  echo "$digest" > "$stamp"
fi

# Translations (.ts sources → .qm, which are build output and not committed).
for ts in resources/translations/*.ts; do
  qm="${ts%.ts}.qm"
  if [ ! -f "$qm" ] || [ "$ts" -nt "$qm" ]; then
    .venv/bin/pyside6-lrelease -silent "$ts" -qm "$qm"
  fi
done
