"""How fast the letter documents are made: lembar disposisi (A4, half folio), tanda bukti, verification.

    .venv/bin/python benchmarks/bench_letters.py [--rounds 30]

Builds a small office in a throw-away SQLite file (a Kupang letter, the Ketua's disposition
signed by the Sekretaris, passed on twice), then times: gathering the sheet from the database,
rendering it to PDF on each paper, the receipt (database and PDF), and checking a QR code.
Medians and p95 in milliseconds; the first render (font loading) is left out. Not run by CI.
"""

from __future__ import annotations

import argparse
import io
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "tests"))


def _timed(label: str, run, rounds: int) -> None:
    run()
    times = []
    for _ in range(rounds):
        started = time.perf_counter()
        run()
        times.append((time.perf_counter() - started) * 1000)
    times.sort()
    p95 = times[max(0, int(len(times) * 0.95) - 1)]
    print(f"{label:<36} median {statistics.median(times):7.1f} ms   p95 {p95:7.1f} ms")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=30)
    rounds = parser.parse_args().rounds
    with tempfile.TemporaryDirectory() as folder:
        os.environ["KPU_DESK_DATA"] = folder
        from kpu_desk.store import close_database, open_database

        open_database(f"sqlite:///{Path(folder, 'bench.sqlite3').as_posix()}")
        try:
            _measure(rounds)
        finally:
            close_database()


def _measure(rounds: int) -> None:
    from letters_support import make_office, signed_letter_path

    from kpu_desk.letters import verify_code
    from kpu_desk.letters.receipt_info import receipt_info
    from kpu_desk.letters.sheet import sheet_info
    from kpu_desk.printing.disposition_sheet import render_disposition_sheet
    from kpu_desk.printing.receipt import render_receipt

    make_office()
    letter, signed, _ = signed_letter_path()
    info = sheet_info(signed.id)
    _timed("sheet from the database", lambda: sheet_info(signed.id), rounds)
    _timed("sheet PDF, A4", lambda: render_disposition_sheet(info, io.BytesIO(), "a4"), rounds)
    _timed("sheet PDF, half folio", lambda: render_disposition_sheet(info, io.BytesIO(), "half-folio"), rounds)
    _timed("sheet, database + A4 PDF", lambda: render_disposition_sheet(sheet_info(signed.id), io.BytesIO()), rounds)
    _timed("receipt, database + A5 PDF", lambda: render_receipt(receipt_info(letter.case.number), io.BytesIO()),
           rounds)
    _timed("verify a QR code", lambda: verify_code(signed.signature_code), rounds * 5)


if __name__ == "__main__":
    main()
