#!/usr/bin/env bash
# Sets everything up for testing (scripts/setup.sh test: packages, PostgreSQL, venv) and runs the
# tests: unit, integration on SQLite and on a PostgreSQL server that the tests start on 127.0.0.1,
# and the window tests offscreen. Arguments go to pytest. The bundle's tests (PyInstaller, minutes)
# only with -m: `scripts/test.sh -m bundle`, or everything with -m "bundle or not bundle" (CI).
#
# ABH_TEST_CLOCK_AHEAD=+1300d runs the suite with the wall clock moved ahead (libfaketime, also for
# the PostgreSQL server the tests start): the tests fix the program's clock, so they must give the
# same answers on any day. CI runs the suite both ways (.ci/run).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh test
export QT_QPA_PLATFORM=offscreen
if [ -n "${ABH_TEST_CLOCK_AHEAD:-}" ]; then
  # The monotonic clock moves by the same offset (DONT_FAKE_MONOTONIC breaks time.sleep: EINVAL).
  echo "[test] Die Uhr steht ${ABH_TEST_CLOCK_AHEAD} voraus: $(faketime -f "$ABH_TEST_CLOCK_AHEAD" date -R)" >&2
  exec faketime -f "$ABH_TEST_CLOCK_AHEAD" .venv/bin/python -m pytest "$@"
fi
exec .venv/bin/python -m pytest "$@"
