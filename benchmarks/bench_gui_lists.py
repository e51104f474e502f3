"""How the desktop application's lists behave on ten years of an office (the benchmark database).

    .venv/bin/python benchmarks/bench_gui_lists.py [--db FILE]

Uses the database bench_office.py builds (run that first). Opens it read-only in
spirit: nothing is written. Times what a clerk waits for on the UI thread: the
first page of Layanan with each filter, scrolling deeper (fetchMore), a refresh
after another workstation's change, the change poll and the guest book. Not run
by CI: it is a measurement, not a test.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from datetime import date
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication  # noqa: E402

from kpu_desk.changes import change_marker  # noqa: E402
from kpu_desk.guestbook import still_inside, visits_on  # noqa: E402
from kpu_desk.gui.models.cases_model import CaseFilter, CasesModel  # noqa: E402
from kpu_desk.store import models, open_database  # noqa: E402

TODAY = date(2026, 11, 20)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", default="/tmp/kpu-desk-bench.sqlite3")
    path = Path(parser.parse_args().db)
    if not path.exists():
        sys.exit(f"{path} does not exist; build it with benchmarks/bench_office.py first")
    _app = QApplication([])  # noqa: F841  (the models need one)
    open_database(f"sqlite:///{path}", migrate=False, check=False)
    print(f"{models.Case.select().count():,} cases")
    model = CasesModel()
    for label, case_filter in _filters():
        _time(label, lambda f=case_filter: model.set_filter(f))
    model.set_filter(CaseFilter())
    for _ in range(24):
        model.fetchMore()
    _time(f"fetchMore at row {model.rowCount():,}", model.fetchMore)
    _time(f"refresh with {model.rowCount():,} rows held", model.refresh)
    _time("change poll", change_marker)
    _time("guest book of a day", lambda: visits_on(TODAY))
    _time("guests still inside", lambda: still_inside(TODAY))


def _filters():
    yield "Layanan, first page", CaseFilter()
    yield "filter: one SOP", CaseFilter(sop_id="kupang-pelayanan-publik")
    yield "filter: waiting", CaseFilter(state="waiting")
    yield "filter: overdue", CaseFilter(overdue_only=True)
    yield "filter: a month in 2021", CaseFilter(started_from=date(2021, 3, 1), started_until=date(2021, 3, 31))
    yield "search: a surname", CaseFilter(search="Wijaya")
    yield "search: nothing found", CaseFilter(search="zzzzqqq")


def _time(label: str, work, rounds: int = 5) -> None:
    best = float("inf")
    for _ in range(rounds):
        start = time.perf_counter()
        work()
        best = min(best, time.perf_counter() - start)
    print(f"{label:40s} {best * 1000:8.1f} ms")


if __name__ == "__main__":
    main()
