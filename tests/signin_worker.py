"""One process guessing a password, for tests/test_signin_race.py (run as a separate process).

    python signin_worker.py URL USERNAME READY_FILE GO_FILE

Opens the database, says it is ready, waits for the start signal, then tries wrong passwords
until the account is locked (at most 10 tries), and prints as one line of JSON how many
passwords it had checked against the hash and the messages it got.
"""

from __future__ import annotations

import json
import os
import sys
import time
from pathlib import Path

from kpu_desk import accounts
from kpu_desk.accounts import signin
from kpu_desk.store import close_database, open_database


def main(url, username, ready, go) -> None:
    open_database(url, migrate=False)
    checks = []
    verify = signin.verify_password
    signin.verify_password = lambda stored, password: checks.append(1) or verify(stored, password)
    Path(ready).touch()
    deadline = time.monotonic() + 30
    while not Path(go).exists():  # every guesser waits here, then all go together
        if time.monotonic() > deadline:
            raise SystemExit("no start signal")
        time.sleep(0.001)
    messages = []
    try:
        for attempt in range(10):
            try:
                accounts.authenticate(username, f"salah-{os.getpid()}-{attempt}x")
            except accounts.SignInError as exc:
                messages.append(str(exc))
                if "terkunci" in str(exc):
                    break
    finally:
        close_database()
    print(json.dumps({"checks": len(checks), "messages": messages}))


if __name__ == "__main__":
    main(*sys.argv[1:])
