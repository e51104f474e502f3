"""The child of test_crash.py: writes cases in a loop until it is killed.

    python tests/crash_writer.py DATABASE_URL

Each case number is printed (and flushed) only after its transaction has
committed: every number on stdout is a promise the database must keep.
Cases are started through the case engine when it is there, else written
directly through the models with their audit entry.
"""

from __future__ import annotations

import sys
from typing import Callable

from kpu_desk.store import audit, open_database, write_transaction
from kpu_desk.store.models import Case, SopVersion


def engine_writer() -> Callable[[], str] | None:
    try:
        from kpu_desk.engine import start_case, sync_definitions
        from kpu_desk.sop.library import load_sops, shipped_sop_paths
    except ImportError:
        return None
    sops, _ = load_sops(shipped_sop_paths())
    sync_definitions(sops)
    sop_id = sops[0].id
    return lambda: start_case(sop_id).number


def model_writer() -> Callable[[], str]:
    version, _ = SopVersion.get_or_create(sop_id="uji", version=1,
                                          defaults={"fingerprint": "0" * 64, "definition": "id: uji"})
    counter = [Case.select().count()]

    def write() -> str:
        counter[0] += 1
        number = f"UJ-2026-{counter[0]:05d}"
        with write_transaction(Case._meta.database.obj):
            Case.create(number=number, sop_version=version, sop_id="uji")
            audit.record("case.start", "case", number, {"step": 1})
        return number

    return write


def main(url: str) -> None:
    open_database(url)
    write = engine_writer() or model_writer()
    while True:
        number = write()
        print(number, flush=True)


if __name__ == "__main__":
    main(sys.argv[1])
