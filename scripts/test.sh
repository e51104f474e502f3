#!/bin/sh
# Sets up everything the tests need and runs the whole suite headless.
# Extra arguments go to pytest (e.g. `sh scripts/test.sh -k sop`).
set -eu
cd "$(dirname "$0")/.."
sh scripts/setup.sh --test
. scripts/pg-test-server.sh
export QT_QPA_PLATFORM=offscreen
status=0
.venv/bin/python -m pytest "$@" || status=$?
exit $status
