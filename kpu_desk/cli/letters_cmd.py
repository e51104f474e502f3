"""`kpu-desk print disposisi|receipt|ekspedisi …` and `kpu-desk disposisi verify KODE`: letters from a terminal."""

from __future__ import annotations

import argparse
import time

from kpu_desk.cli.argparse_id import whole_number
from kpu_desk.cli.context import database_from
from kpu_desk.cli.output import fail, fail_unwritable
from kpu_desk.cli.print_group import print_documents
from kpu_desk.cli.signin import SignInError, add_user_option, credentials, signed_in_if_named

SHEET_PAPERS = ("a4", "half-folio")


def register(commands: argparse._SubParsersAction) -> None:
    documents = print_documents(commands)
    sheet = documents.add_parser(
        "disposisi", help="lembar disposisi (A4 atau setengah folio) dengan QR verifikasi",
        description="NOMOR: nomor disposisi (mis. 12), nomor agenda surat (mis. 0042/2026) atau nomor kasus "
                    "(mis. PI-2026-00003); untuk surat dan kasus dicetak disposisi pimpinan yang berlaku "
                    "(versi terbaru) beserta tingkat-tingkat terusannya.")
    sheet.add_argument("number", metavar="NOMOR", help="nomor disposisi, nomor agenda surat, atau nomor kasus")
    sheet.add_argument("--paper", choices=SHEET_PAPERS, default="a4",
                       help="a4, atau half-folio (setengah F4: 165 × 215 mm, tegak)")
    sheet.add_argument("-o", "--output", metavar="BERKAS.pdf", required=True, help="berkas PDF keluaran")
    add_user_option(sheet)  # a Rahasia letter's sheet is printed only for those who may read it
    sheet.set_defaults(handler=print_disposition)

    receipt = documents.add_parser("receipt", help="tanda bukti permohonan informasi atau pengaduan (A5)")
    receipt.add_argument("number", metavar="NOMOR", help="nomor kasus (nomor pendaftaran), mis. PI-2026-00003")
    receipt.add_argument("-o", "--output", metavar="BERKAS.pdf", required=True, help="berkas PDF keluaran")
    receipt.set_defaults(handler=print_receipt)

    register_book = documents.add_parser("ekspedisi", help="buku ekspedisi satu tahun (A4 mendatar)")
    register_book.add_argument("year", metavar="TAHUN", type=whole_number, help="tahun, mis. 2026")
    register_book.add_argument("-o", "--output", metavar="BERKAS.pdf", required=True, help="berkas PDF keluaran")
    register_book.set_defaults(handler=print_expedition_register)

    disposition = commands.add_parser("disposisi", help="disposisi: periksa kode verifikasi lembar disposisi")
    actions = disposition.add_subparsers(dest="disposition_command", metavar="PERINTAH", required=True)
    verify = actions.add_parser("verify", help="periksa kode QR lembar disposisi terhadap basis data "
                                               "(keluar 0 bila asli dan berlaku)")
    verify.add_argument("payload", metavar="KODE", help="kode verifikasi, mis. DS1.12.ABCDEFGHIJKLMNOP")
    verify.set_defaults(handler=verify_disposition)
    sign = actions.add_parser("sign", help="tanda tangani disposisi (Sekretaris atau pimpinan, dengan kata sandi)")
    sign.add_argument("number", metavar="NOMOR", help="nomor disposisi, nomor agenda surat, atau nomor kasus")
    add_user_option(sign)
    sign.set_defaults(handler=sign_disposition)


def print_disposition(args: argparse.Namespace) -> int:
    from kpu_desk.engine.errors import EngineError
    from kpu_desk.letters.sheet import sheet_info
    from kpu_desk.output_files import write_output
    from kpu_desk.printing.disposition_sheet import render_disposition_sheet

    database_from(args, must_exist=True)
    try:
        info = sheet_info(args.number, signed_in_if_named(args))
    except (EngineError, SignInError) as exc:
        return fail(str(exc))
    started = time.perf_counter()
    try:
        pages = write_output(args.output, lambda stream: render_disposition_sheet(info, stream, paper=args.paper))
    except OSError as exc:
        return fail_unwritable(args.output, exc)
    took = (time.perf_counter() - started) * 1000
    print(f"Lembar disposisi #{info.disposition_id} ({pages} halaman, {took:.0f} ms) dicetak ke {args.output}")
    return 0


def print_receipt(args: argparse.Namespace) -> int:
    from kpu_desk.engine.errors import EngineError
    from kpu_desk.letters.receipt_info import receipt_info
    from kpu_desk.output_files import write_output
    from kpu_desk.printing.receipt import render_receipt

    database_from(args, must_exist=True)
    try:
        info = receipt_info(args.number)
    except EngineError as exc:
        return fail(str(exc))
    try:
        write_output(args.output, lambda stream: render_receipt(info, stream))
    except OSError as exc:
        return fail_unwritable(args.output, exc)
    print(f"Tanda bukti {info.case_number} dicetak ke {args.output}")
    return 0


def print_expedition_register(args: argparse.Namespace) -> int:
    from kpu_desk.letters.expedition import expeditions, register_signatures
    from kpu_desk.office import load_office
    from kpu_desk.output_files import write_output
    from kpu_desk.printing.expedition_register import render_expedition_register

    database_from(args, must_exist=True)
    rows = list(reversed(expeditions(args.year)))  # oldest first, as the book is written
    office = load_office().name or "KPU"
    try:
        signatures = register_signatures(rows)
        pages = write_output(args.output, lambda stream: render_expedition_register(rows, args.year, office, stream,
                                                                                  signatures))
    except OSError as exc:
        return fail_unwritable(args.output, exc)
    print(f"Buku ekspedisi {args.year}: {len(rows)} penyerahan, {pages} halaman, dicetak ke {args.output}")
    return 0


def verify_disposition(args: argparse.Namespace) -> int:
    from kpu_desk.letters.codes import verify_code

    database_from(args, must_exist=True)
    result = verify_code(args.payload)
    if not result.ok:
        return fail(result.message)
    print(result.message)
    return 0


def sign_disposition(args: argparse.Namespace) -> int:
    from kpu_desk.engine.errors import EngineError
    from kpu_desk.letters.signing import sign

    database_from(args, must_exist=True)
    try:
        username, password = credentials(args)
        signed = sign(args.number, username, password)  # checks the password as the sign-in does
    except (EngineError, SignInError) as exc:
        return fail(str(exc))
    print(f"Disposisi #{signed.id} ditandatangani; kode verifikasi {signed.signature_code}")
    return 0
