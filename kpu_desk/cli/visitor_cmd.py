"""`kpu-desk tamu …`: the buku tamu, the evacuation list and anonymising old visitor data from a terminal.

    kpu-desk tamu anonimkan [--dry-run]                       visitor data past the retention period
    kpu-desk tamu ekspor [--dari D] [--sampai D] [--cari TEKS] -o FILE.xlsx|.csv|.pdf
    kpu-desk tamu evakuasi -o FILE.pdf                        who is in the building now

Dates are written 21-11-2026 or 2026-11-21. A terminal has no signed-in user, so exports show
NIK and telephone masked (kpu_desk.privacy): whole numbers only through the application, by a
user whose role needs them.
"""

from __future__ import annotations

import argparse
from datetime import date, datetime

from kpu_desk.cli.context import database_from
from kpu_desk.cli.output import fail, fail_unwritable

DATE_HELP = "tanggal DD-MM-YYYY atau YYYY-MM-DD, mis. 21-11-2026"


def register(commands: argparse._SubParsersAction) -> None:
    visitors = commands.add_parser("tamu", help="buku tamu: ekspor, daftar evakuasi, anonimkan data lama")
    actions = visitors.add_subparsers(dest="tamu_command", metavar="PERINTAH", required=True)
    anonymize = actions.add_parser("anonimkan", help="anonimkan data pribadi tamu yang melewati masa simpan")
    anonymize.add_argument("--dry-run", action="store_true", help="hanya hitung, tidak mengubah apa pun")
    anonymize.set_defaults(handler=anonymize_command)

    export = actions.add_parser("ekspor", help="buku tamu ke berkas XLSX, CSV atau PDF (NIK dan telepon disamarkan)")
    export.add_argument("--dari", "--from", dest="date_from", metavar="TANGGAL", help=f"mulai {DATE_HELP}")
    export.add_argument("--sampai", "--to", dest="date_until", metavar="TANGGAL", help=f"sampai (termasuk) {DATE_HELP}")
    export.add_argument("--cari", dest="text", default="", metavar="TEKS",
                        help="nama, instansi, nomor pass/kasus, yang ditemui atau keperluan")
    export.add_argument("-o", "--output", metavar="BERKAS", required=True, help="berkas .xlsx, .csv atau .pdf")
    export.set_defaults(handler=export_command)

    evacuation = actions.add_parser("evakuasi", help="daftar evakuasi: semua tamu di gedung saat ini (PDF)")
    evacuation.add_argument("-o", "--output", metavar="BERKAS.pdf", required=True, help="berkas PDF keluaran")
    evacuation.set_defaults(handler=evacuation_command)


def parse_day(text: str | None) -> date | None:
    """A date written 21-11-2026, 21/11/2026 or 2026-11-21; ValueError with an Indonesian message."""
    if text is None:
        return None
    from kpu_desk.engine.fields import parse_date

    try:
        return parse_date(text)
    except ValueError:  # FieldError, or a day not in the calendar
        raise ValueError(f"tanggal '{text}' tidak dikenali; tulis DD-MM-YYYY (21-11-2026) "
                         f"atau YYYY-MM-DD (2026-11-21)") from None


def anonymize_command(args: argparse.Namespace) -> int:
    from kpu_desk.retention import anonymize_expired

    database_from(args, must_exist=True)
    print(anonymize_expired(dry_run=args.dry_run, actor="kpu-desk").line())
    return 0


def export_command(args: argparse.Namespace) -> int:
    from kpu_desk.guestbook import GuestbookQuery
    from kpu_desk.guestbook_export import export_guestbook, format_of

    try:
        format_of(args.output)
        query = GuestbookQuery(args.text, parse_day(args.date_from), parse_day(args.date_until))
    except ValueError as exc:
        return fail(str(exc))
    if query.date_from and query.date_until and query.date_from > query.date_until:
        return fail(f"tanggal --dari ({query.date_from:%d-%m-%Y}) sesudah --sampai ({query.date_until:%d-%m-%Y})")
    database_from(args, must_exist=True)
    try:
        result = export_guestbook(query, args.output, roles=(), office_name=_office_name())
    except OSError as exc:
        return fail_unwritable(args.output, exc)
    print(f"{result.rows} kunjungan ({result.people} orang) diekspor ke {result.path}")
    return 0


def evacuation_command(args: argparse.Namespace) -> int:
    from kpu_desk.building import in_building
    from kpu_desk.output_files import write_output
    from kpu_desk.printing.evacuation_list import render_evacuation_list

    database_from(args, must_exist=True)
    occupancy = in_building(datetime.now())
    try:
        office_name = _office_name()
        write_output(args.output, lambda stream: render_evacuation_list(occupancy, stream, office_name))
    except OSError as exc:
        return fail_unwritable(args.output, exc)
    print(f"Daftar evakuasi: {occupancy.people} orang dalam {occupancy.visits} kunjungan, dicetak ke {args.output}")
    return 0


def _office_name() -> str:
    from kpu_desk.office import load_office

    return load_office().name
