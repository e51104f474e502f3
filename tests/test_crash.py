"""A workstation killed while writing: the SQLite file stays sound and keeps what it committed.

A child process writes cases in a loop and prints each number after its
commit; the parent kills it (SIGKILL on POSIX: no handler, no clean-up) at a
random moment, several times over the same file. Afterwards the file must pass
its integrity check, hold every number the child reported, at most one more
per kill (committed but not yet printed), and an unbroken audit chain.
"""

from __future__ import annotations

import os
import random
import subprocess
import sys
import time
from pathlib import Path

import pytest

from kpu_desk.store import audit, open_database
from kpu_desk.store.backup import integrity_check
from kpu_desk.store.models import Case

WRITER = Path(__file__).with_name("crash_writer.py")
ROUNDS = 3


def _run_and_kill(url: str, lines_before_kill: int) -> list[str]:
    child = subprocess.Popen(
        [sys.executable, str(WRITER), url], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
        text=True, env=dict(os.environ),
    )
    reported = []
    try:
        while len(reported) < lines_before_kill:
            line = child.stdout.readline()
            if not line:
                pytest.fail(f"the writer stopped by itself: {child.stderr.read()}")
            reported.append(line.strip())
        time.sleep(random.uniform(0, 0.02))  # land the kill anywhere in a transaction
    finally:
        child.kill()
    rest, _ = child.communicate(timeout=30)
    reported.extend(line.strip() for line in rest.splitlines() if line.strip())
    assert child.returncode != 0  # it really was killed, not finished
    return reported


@pytest.mark.slow
def test_a_killed_writer_leaves_a_sound_database_with_everything_it_reported(sqlite_url):
    reported = []
    for _ in range(ROUNDS):
        reported += _run_and_kill(sqlite_url, random.randint(40, 120))

    db = open_database(sqlite_url)
    assert integrity_check(db) == []
    stored = {number for (number,) in Case.select(Case.number).tuples()}
    missing = [n for n in reported if n not in stored]
    assert missing == [], f"reported as committed but lost: {missing[:5]}"
    assert len(stored) <= len(reported) + ROUNDS
    result = audit.verify()
    assert result.ok, result.message
