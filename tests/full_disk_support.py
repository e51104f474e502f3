"""A real full disk for the output-file tests: a 64 KiB tmpfs, mounted for one test and filled.

The writers then meet the kernel's own ENOSPC, wherever it comes (write, fsync or close), which a
monkeypatched write would not show. Mounting needs root, as CI has; elsewhere the test is skipped
saying why.
"""

from __future__ import annotations

import errno
import subprocess
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

import pytest

FILLER = "pengisi"


@contextmanager
def full_folder(folder: Path, keep: dict[str, bytes] | None = None) -> Iterator[Path]:
    """folder as a tmpfs holding the files in `keep` and a filler that takes every byte left."""
    folder.mkdir(parents=True, exist_ok=True)
    mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=64k,mode=0777", "tmpfs", str(folder)],
                             capture_output=True, text=True)
    if mounted.returncode != 0:
        pytest.skip(f"a small tmpfs cannot be mounted here (needs root): {mounted.stderr.strip()}")
    try:
        for name, data in (keep or {}).items():
            (folder / name).write_bytes(data)
        _fill(folder / FILLER)
        yield folder
    finally:
        subprocess.run(["umount", "-l", str(folder)], check=True)


def _fill(path: Path) -> None:
    with open(path, "wb", buffering=0) as stream:
        try:
            while True:
                stream.write(b"\0" * 4096)
        except OSError as exc:
            assert exc.errno == errno.ENOSPC, exc
    try:  # tmpfs may still take a few bytes in a part-used page
        with open(path, "ab", buffering=0) as stream:
            while True:
                stream.write(b"\0")
    except OSError as exc:
        assert exc.errno == errno.ENOSPC, exc


def leftovers(folder: Path) -> dict[str, bytes]:
    """Every file in folder but the filler, with its content."""
    return {p.name: p.read_bytes() for p in folder.iterdir() if p.name != FILLER}
