"""Eight workstations (eight processes) guessing one password at the same moment (issue 14).

The lock-out must hold across processes: at most MAX_FAILURES passwords are checked against the
hash before the account is locked, however many guess at once. Runs on a SQLite file and, when
KPU_DESK_TEST_PG names a server, on PostgreSQL.
"""

from __future__ import annotations

from pathlib import Path

from kpu_desk import accounts
from kpu_desk.store import models
from test_concurrency import run_together

WORKER = Path(__file__).with_name("signin_worker.py")
GUESSERS = 8


def test_eight_guessers_get_no_more_checks_than_the_lock_allows(database, database_url, tmp_path):
    accounts.create_user("sri", "Sri Wahyuni", "rahasia2026", {"resepsionis"})
    results = run_together([[str(WORKER), database_url, "sri"]] * GUESSERS, tmp_path)
    checks = sum(result["checks"] for result in results)
    assert checks == accounts.MAX_FAILURES, results
    assert all("terkunci sampai" in result["messages"][-1] for result in results), results
    logged = [e.action for e in models.AuditEntry.select().where(models.AuditEntry.entity == "user")]
    assert logged.count("user.signin_failed") == accounts.MAX_FAILURES - 1 and logged.count("user.locked") == 1
    assert models.User.get(models.User.username == "sri").locked_until is not None
