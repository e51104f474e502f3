"""Printing results for people (aligned tables) and for programs (JSON)."""

from __future__ import annotations

import json
import sys
from typing import Any, Sequence


def print_json(data: Any) -> None:
    json.dump(data, sys.stdout, ensure_ascii=False, indent=2, default=str)
    sys.stdout.write("\n")


def print_table(headings: Sequence[str], rows: Sequence[Sequence[Any]]) -> None:
    cells = [[str(c) for c in headings], *[[str(c) for c in row] for row in rows]]
    widths = [max(len(row[i]) for row in cells) for i in range(len(headings))]
    for row in cells:
        print("  ".join(cell.ljust(width) for cell, width in zip(row, widths)).rstrip())


def fail(message: str, code: int = 1) -> int:
    """Print a user-facing error in Bahasa Indonesia and return the exit code."""
    print(f"kpu-desk: {message}", file=sys.stderr)
    return code


def fail_unwritable(path: Any, exc: OSError) -> int:
    """An output file that could not be written: the same words from every command."""
    from kpu_desk.output_files import unwritable_reason

    return fail(f"berkas {path} tidak dapat ditulis: {unwritable_reason(exc)}")
