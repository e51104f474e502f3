"""Helpers for tests of the office database's files: damage as a failing disk leaves it."""

from __future__ import annotations

import random
import sqlite3
from pathlib import Path


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
