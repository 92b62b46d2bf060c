#!/usr/bin/env bash
# Sets everything up (scripts/setup.sh) and starts ABH Desk. On the first start the database is
# created in the user's data directory and filled with demo data. Arguments go to abh-desk.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh run
.venv/bin/abh-desk demo --personen 2000 --nur-wenn-leer
if [ -z "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ] && [ -z "${QT_QPA_PLATFORM:-}" ]; then
  echo "Kein Bildschirm gefunden (DISPLAY ist leer). Auf einem Server z. B.: xvfb-run -a scripts/start.sh" >&2
  exit 1
fi
exec .venv/bin/abh-desk "$@"
