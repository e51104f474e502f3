"""The buku tamu on ten years of an office: first page, searches, a deep page, who is in the building.

    .venv/bin/python benchmarks/bench_guestbook.py [--db FILE] [--rounds 20]

Uses the database of benchmarks/bench_office.py (about 1,000,000 visits), building it with that
script's own builder when the file does not exist yet. Opening it migrates it to the current
schema, so point --db at a copy when others use the original. Not run by CI.
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
from datetime import date, timedelta
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE))

import bench_office  # noqa: E402  (the one generator of the big office)
from kpu_desk.guestbook_export import export_guestbook  # noqa: E402
from kpu_desk.printing.evacuation_list import evacuation_pdf_bytes  # noqa: E402
from kpu_desk.building import in_building  # noqa: E402
from kpu_desk.demo import people  # noqa: E402
from kpu_desk.guestbook import GuestbookQuery, count_visits, search_visits  # noqa: E402
from kpu_desk.store import models, open_database  # noqa: E402

NOW = bench_office.NOW
RECEPTION = frozenset({"resepsionis"})


def main() -> None:
    options = _options()
    path = Path(options.db)
    fresh = not path.exists()
    open_database(f"sqlite:///{path}")
    if fresh:
        bench_office._build(1.0)
    print(f"database: {path}, {models.Visit.select().count():,} visits")
    _measure(options.rounds)


def _options() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", default="/tmp/kpu-desk-bench.sqlite3")
    parser.add_argument("--rounds", type=int, default=20)
    return parser.parse_args()


def _measure(rounds: int) -> None:
    rng = random.Random(3)
    names = [f"{rng.choice(people.FIRST_NAMES)} {rng.choice(people.LAST_NAMES)}" for _ in range(rounds)]
    numbers = [models.Visit.select(models.Visit.pass_number).order_by(models.Visit.id.desc())
               .offset(rng.randint(0, 900_000)).limit(1).scalar() for _ in range(rounds)]
    month = GuestbookQuery(date_from=NOW.date() - timedelta(days=30), date_until=NOW.date())
    report = bench_office._report
    report("first page (200, everything)", lambda i: search_visits(GuestbookQuery(), RECEPTION), rounds)
    report("first page, last 30 days", lambda i: search_visits(month, RECEPTION), rounds)
    report("search common name", lambda i: search_visits(GuestbookQuery(names[i]), RECEPTION), rounds)
    report("search pass/case number", lambda i: search_visits(GuestbookQuery(numbers[i]), RECEPTION), rounds)
    report("search name in one year", lambda i: search_visits(
        GuestbookQuery(names[i], date(2025, 1, 1), date(2025, 12, 31)), RECEPTION), rounds)
    report("search, no match (full scan)", lambda i: search_visits(GuestbookQuery(f"zz{i}qq"), RECEPTION),
           max(3, rounds // 5))
    report("pages 1 to 50 in a row (total)", lambda i: _deep_page(50), max(3, rounds // 5))
    report("count for an export, one year", lambda i: count_visits(
        GuestbookQuery(date_from=date(2025, 1, 1), date_until=date(2025, 12, 31))), max(3, rounds // 5))
    report("who is in the building", lambda i: in_building(NOW), rounds)
    report("evacuation list PDF", lambda i: evacuation_pdf_bytes(in_building(NOW), "KPU"), max(3, rounds // 5))
    for kind in ("csv", "xlsx", "pdf"):
        report(f"export one month to {kind.upper()}", lambda i, k=kind: _export(month, k), 1)


def _export(query: GuestbookQuery, kind: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        result = export_guestbook(query, Path(folder) / f"buku.{kind}", RECEPTION, "KPU")
    print(f"  ({result.rows:,} visits)")


def _deep_page(pages: int):
    after = None
    for _ in range(pages):
        page = search_visits(GuestbookQuery(), RECEPTION, after=after)
        after = page[-1].key
    return page


if __name__ == "__main__":
    main()
