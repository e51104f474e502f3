"""One workstation in the race of tests/test_concurrency.py (run as a separate process).

    python race_worker.py URL CASE_NUMBER VERSION USERNAME FIELDS_JSON READY_FILE GO_FILE

Opens the database, loads the case as a form would, says it is ready, waits for
the start signal, completes the open step with the version it loaded, and prints
what happened as one line of JSON.

race_many() is the same workstation racing on many cases in one process (started by
multiprocessing), meeting the other at a barrier before each case, so the two start
within microseconds of each other and a narrow window is hit within a few dozen rounds.
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

from kpu_desk import engine
from kpu_desk.store import close_database, open_database


def main(url, number, version, username, fields_json, ready, go) -> None:
    open_database(url, migrate=False)
    fields = json.loads(fields_json)
    engine.find_case(number)  # the form is on screen
    Path(ready).touch()
    deadline = time.monotonic() + 30
    while not Path(go).exists():  # both wait here, then go together
        if time.monotonic() > deadline:
            raise SystemExit("no start signal")
        time.sleep(0.001)
    try:
        outcome = engine.complete_step(number, fields, actor=username, expected_version=int(version))
        print(json.dumps({"result": "won", "user": username, "step": outcome.completed.step_no}))
    except engine.StepAlreadyDone as exc:
        print(json.dumps({"result": "lost", "user": username, "message": str(exc), "data": exc.data}))
    finally:
        close_database()


def race_many(url, username, jobs, barrier, results) -> None:
    """For each (case number, version, fields, lag): wait for the other workstation, then complete.

    The lag (seconds, spun rather than slept) shifts this workstation's start a little each round,
    so the rounds sweep every offset between the two instead of hitting the same one each time.
    """
    open_database(url, migrate=False)
    try:
        for number, version, fields, lag in jobs:
            engine.find_case(number)  # the form is on screen
            barrier.wait(timeout=60)
            _spin(lag)
            results.put((number, username, _attempt(number, fields, username, version)))
    finally:
        close_database()


def _attempt(number, fields, username, version) -> dict:
    try:
        engine.complete_step(number, fields, actor=username, expected_version=version)
        return {"result": "won"}
    except engine.StepAlreadyDone as exc:
        return {"result": "lost", "message": str(exc), "data": exc.data}
    except Exception as exc:  # noqa: BLE001  (the test names what the loser was told)
        return {"result": "error", "message": f"{type(exc).__name__}: {exc}"}


if __name__ == "__main__":
    main(*sys.argv[1:])


def _spin(seconds: float) -> None:
    """Busy-wait: sleep() rounds sub-millisecond lags up to the scheduler's tick."""
    deadline = time.perf_counter() + seconds
    while time.perf_counter() < deadline:
        continue
