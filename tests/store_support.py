"""Helpers for tests of the office database's files: damage as a failing disk leaves it."""

from __future__ import annotations

import random
import shutil
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest


def damage_forty_pages(path: Path) -> None:
    """40 pages of noise in the middle of the file, as a failing disk leaves them; the header is whole."""
    page = 4096
    data = bytearray(path.read_bytes())
    first = (len(data) // page) // 2 - 20
    data[first * page:(first + 40) * page] = random.Random(14).randbytes(40 * page)
    path.write_bytes(bytes(data))


def pad_with_unread_rows(path: Path, factor: int = 4) -> None:
    """Grow a closed file about factor times with rows nothing reads at start, so that its middle is them."""
    conn = sqlite3.connect(path)
    try:
        table_pages = conn.execute("PRAGMA page_count").fetchone()[0] * factor
        conn.execute("CREATE TABLE filler (id INTEGER PRIMARY KEY, text TEXT)")
        conn.executemany("INSERT INTO filler (text) VALUES (?)", (("x" * 3000,) for _ in range(table_pages)))
        conn.commit()
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        conn.close()


@contextmanager
def small_disk(folder: Path, size_kb: int = 2048) -> Iterator[Path]:
    """A real file system of size_kb mounted at folder (tmpfs): the faithful way to run out of disk.

    Needs root (or CAP_SYS_ADMIN), as on the CI machines; elsewhere the test is skipped, saying why.
    """
    if sys.platform != "linux" or shutil.which("mount") is None:
        pytest.skip("a full disk is simulated with a small tmpfs mount, which needs Linux")
    folder.mkdir(parents=True, exist_ok=True)
    mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size_kb}k", "tmpfs", str(folder)],
                             capture_output=True, text=True)
    if mounted.returncode != 0:
        pytest.skip(f"cannot mount a small tmpfs to simulate a full disk (needs root): {mounted.stderr.strip()}")
    try:
        yield folder
    finally:
        subprocess.run(["umount", "-l", str(folder)], check=False)


def fill_leaving(folder: Path, free_kb: int) -> Path:
    """Fill the disk holding folder until only free_kb are left; delete the returned file to free it."""
    filler = folder / "pengisi"
    available = shutil.disk_usage(folder).free
    with open(filler, "wb") as handle:
        handle.write(b"\0" * max(0, available - free_kb * 1024))
    return filler
