"""Whether the open SQLite file is sound, found out without slowing the start.

`PRAGMA quick_check` reads every page of the file, so it runs on a thread of its
own from the moment the database is opened (open_database). Until it answers,
reading goes on. A write waits for the answer (up to WRITE_WAIT_S) where waiting is cheap (the
command line: the check ran while the command loaded its SOPs) and goes ahead
where it is not (the window, which is told when the answer comes). Once the
file is known to be damaged, every write of this process is refused, by
SQLite's authorizer on each connection, so no code path writes around it.
"""

from __future__ import annotations

import sqlite3
import threading
from pathlib import Path

from kpu_desk.store.errors import StoreError

RESTORE_HINT = ("pulihkan dari cadangan: Pengaturan → Basis data → Pulihkan dari cadangan, "
                "atau `kpu-desk db restore BERKAS_CADANGAN`")

# How long a write waits for the verdict: a whole office's file (0.5 GB) is checked in about
# 0.6 s; on a larger file or a busy disk the write goes ahead after this long, and the check,
# still running, stops the writes that come after it if it finds damage.
WRITE_WAIT_S = 3.0

# What changes the file; reading, BEGIN/COMMIT/ROLLBACK and pragmas stay allowed.
_WRITES = frozenset(getattr(sqlite3, name) for name in (
    "SQLITE_INSERT", "SQLITE_UPDATE", "SQLITE_DELETE", "SQLITE_ALTER_TABLE", "SQLITE_REINDEX",
    "SQLITE_CREATE_INDEX", "SQLITE_CREATE_TABLE", "SQLITE_CREATE_TRIGGER", "SQLITE_CREATE_VIEW",
    "SQLITE_DROP_INDEX", "SQLITE_DROP_TABLE", "SQLITE_DROP_TRIGGER", "SQLITE_DROP_VIEW",
))


def damaged_message(path: Path, found: list[str]) -> str:
    return (f"berkas basis data rusak ({path}): {'; '.join(found[:3])}; tidak ada yang ditulis ke berkas itu; "
            + RESTORE_HINT)


class _Check:
    """One quick_check of one file on a daemon thread; interruptible when the database is closed."""

    def __init__(self, path: Path, writes_wait: bool):
        self.path = path
        self.writes_wait = writes_wait
        self.done = threading.Event()
        self.problem: str | None = None
        self._conn: sqlite3.Connection | None = None
        self._lock = threading.Lock()
        self._stopped = False
        self._thread = threading.Thread(target=self._run, name="kpu-desk quick_check", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        try:
            found = self._quick_check()
            if found and found != ["ok"]:
                self.problem = damaged_message(self.path, found)
        finally:
            self.done.set()

    def _quick_check(self) -> list[str]:
        try:
            with self._lock:
                if self._stopped:
                    return []
                self._conn = sqlite3.connect(self.path, timeout=5, check_same_thread=False)
            try:
                return [row[0] for row in self._conn.execute("PRAGMA quick_check")]
            finally:
                with self._lock:
                    self._conn.close()
                    self._conn = None
        except sqlite3.DatabaseError as exc:
            text = str(exc).lower()
            if "malformed" in text or "not a database" in text or "disk image" in text:
                return [str(exc)]
            return []  # interrupted, locked by another program: no verdict, the queries report what they meet

    def stop(self) -> None:
        with self._lock:
            self._stopped = True
            if self._conn is not None:
                self._conn.interrupt()
        self._thread.join()


_current: _Check | None = None


def start(path: Path, *, writes_wait: bool = True) -> None:
    """Check the file at path in the background; writes_wait: a write waits for the answer."""
    global _current
    stop()
    _current = _Check(path, writes_wait)


def stop() -> None:
    """The database is being closed: the check is interrupted and its verdict forgotten."""
    global _current
    if _current is not None:
        _current.stop()
        _current = None


def wait() -> str | None:
    """The verdict once the check has ended: None when sound (or not checked), else the message."""
    check = _current
    if check is None:
        return None
    check.done.wait()
    return check.problem


def verdict() -> tuple[bool, str | None]:
    """(finished, problem) without waiting: for the window, which polls."""
    check = _current
    if check is None:
        return True, None
    return check.done.is_set(), check.problem


def problem() -> str | None:
    """The damage found so far, without waiting."""
    return verdict()[1]


def before_write() -> None:
    """Refuse to begin writing into a file known to be damaged (waiting a while for the verdict where writes wait)."""
    check = _current
    if check is None:
        return
    if check.writes_wait:
        check.done.wait(WRITE_WAIT_S)
    if check.problem:
        raise StoreError(check.problem)


def authorizer(action: int, *_args) -> int:
    """sqlite3 authorizer of every application connection: no writes once damage is known."""
    check = _current
    if check is not None and check.problem and action in _WRITES:
        return sqlite3.SQLITE_DENY
    return sqlite3.SQLITE_OK
