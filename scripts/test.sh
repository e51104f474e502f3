#!/bin/sh
# Sets up everything the tests need and runs the whole suite headless.
# Extra arguments go to pytest (e.g. `sh scripts/test.sh -k sop`).
set -eu
cd "$(dirname "$0")/.."
sh scripts/setup.sh --test
. scripts/pg-test-server.sh
export QT_QPA_PLATFORM=offscreen
# The habits that keep the architecture (pyproject.toml): the import contracts of the layers and
# the linter and the type checker of the core. They take seconds; a failure fails the run, after
# the tests have still run.
checks=0
.venv/bin/lint-imports --no-logo || checks=1
.venv/bin/ruff check --quiet . || checks=1
.venv/bin/mypy || checks=1
status=0
.venv/bin/python -m pytest "$@" || status=$?
[ "$status" -ne 0 ] || status=$checks
exit $status
