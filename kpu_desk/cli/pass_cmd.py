"""`kpu-desk print badge NUMBER` and `kpu-desk pass check CODE`: guest passes from a terminal."""

from __future__ import annotations

import argparse
from datetime import datetime

from kpu_desk.cli.context import database_from
from kpu_desk.cli.output import fail, fail_unwritable
from kpu_desk.cli.print_group import print_documents

BADGE_SIZES = ("cr80", "62mm")


def register(commands: argparse._SubParsersAction) -> None:
    documents = print_documents(commands)
    badge = documents.add_parser("badge", help="pass tamu (kartu CR80 atau label 62 mm) sebuah kunjungan")
    badge.add_argument("number", metavar="NOMOR", help="nomor kasus kunjungan tamu, mis. TM-2026-00001")
    badge.add_argument("--size", choices=BADGE_SIZES, default="cr80", help="ukuran: cr80 (kartu) atau 62mm (label)")
    badge.add_argument("-o", "--output", metavar="BERKAS.pdf", required=True, help="berkas PDF keluaran")
    badge.set_defaults(handler=print_badge)

    passes = commands.add_parser("pass", help="pass tamu: periksa kode pass")
    actions = passes.add_subparsers(dest="pass_command", metavar="PERINTAH", required=True)
    check = actions.add_parser("check", help="periksa kode pass (dari QR atau diketik): asli, dikenal, masih berlaku")
    check.add_argument("payload", metavar="KODE", help="kode pass, mis. TM1.XXXX.YYYY")
    check.set_defaults(handler=check_pass)


def print_badge(args: argparse.Namespace) -> int:
    from kpu_desk.engine.errors import EngineError
    from kpu_desk.output_files import write_output
    from kpu_desk.printing.guest_pass import render_guest_pass
    from kpu_desk.visits import mark_printed, pass_info

    database_from(args, must_exist=True)
    try:
        info = pass_info(args.number)
    except EngineError as exc:
        return fail(str(exc))
    try:
        write_output(args.output, lambda stream: render_guest_pass(info, stream, size=args.size))
    except OSError as exc:
        return fail_unwritable(args.output, exc)
    mark_printed(info.case_number)
    print(f"Pass tamu {info.pass_number} dicetak ke {args.output}")
    return 0


def check_pass(args: argparse.Namespace) -> int:
    from kpu_desk.visits import PassRefused, check_pass as check

    database_from(args, must_exist=True)
    try:
        result = check(args.payload, datetime.now())
    except PassRefused as exc:
        return fail(str(exc))
    if not result.valid:
        return fail(result.line())
    print(result.line())
    return 0
