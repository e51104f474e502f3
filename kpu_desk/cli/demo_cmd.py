"""`kpu-desk demo`: fill the chosen database with a believable office."""

from __future__ import annotations

import argparse
import sys

from kpu_desk.cli.argparse_id import whole_number
from kpu_desk.cli.context import database_from
from kpu_desk.cli.output import fail
from kpu_desk.demo.generate import DEMO_PASSWORD, DEMO_USERS, DemoRefused
from kpu_desk.indodate import CASE_STATE_WORDS
from kpu_desk.office import load_demo



def register(commands: argparse._SubParsersAction) -> None:
    demo = commands.add_parser("demo", help="isi basis data kosong dengan data kantor contoh")
    demo.add_argument("--days", type=whole_number, default=30, metavar="N", help="banyaknya hari kerja (bawaan 30)")
    demo.add_argument("--seed", type=int, default=2026, help="benih acak, agar hasilnya dapat diulang")
    demo.set_defaults(handler=run_demo)


def run_demo(args: argparse.Namespace) -> int:
    if args.days < 1:
        return fail("--days harus paling sedikit 1")
    database_from(args)
    try:
        # The same office as "Muat data demo" in the window: one transaction, office data included.
        report = load_demo(days=args.days, seed=args.seed, progress=_progress)
    except DemoRefused as exc:
        return fail(str(exc))
    print(file=sys.stderr)
    states = ", ".join(f"{count} {CASE_STATE_WORDS.get(state, state)}" for state, count in sorted(report.cases.items()))
    print(f"Data demo terisi: {report.users} pengguna, {sum(report.cases.values())} kasus ({states}).")
    print(f"Masuk dengan salah satu nama pengguna ({', '.join(u[0] for u in DEMO_USERS)}) "
          f"dan kata sandi {DEMO_PASSWORD}.")
    return 0


def _progress(done: int, total: int) -> None:
    if done == total or done % 20 == 0:
        print(f"\rMengisi kasus {done}/{total}…", end="", file=sys.stderr, flush=True)
