#!/usr/bin/env bash
# Sets everything up for testing (scripts/setup.sh test: packages, PostgreSQL, venv) and runs all
# tests: unit, integration on SQLite and on a PostgreSQL server that the tests start on 127.0.0.1,
# and the window tests offscreen. Arguments go to pytest.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh test
export QT_QPA_PLATFORM=offscreen
exec .venv/bin/python -m pytest "$@"
