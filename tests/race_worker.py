"""One workstation in the race of tests/test_concurrency.py (run as a separate process).

    python race_worker.py URL CASE_NUMBER VERSION USERNAME FIELDS_JSON READY_FILE GO_FILE

Opens the database, loads the case as a form would, says it is ready, waits for
the start signal, completes the open step with the version it loaded, and prints
what happened as one line of JSON.
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


if __name__ == "__main__":
    main(*sys.argv[1:])
