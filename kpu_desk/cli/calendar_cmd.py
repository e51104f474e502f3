"""`kpu-desk calendar …`: the office's non-working days, and counting hari kerja.

Works without a database: the national calendar is built in. The office's own
corrections (HolidayOverride) are used when a database is named (--db or
KPU_DESK_DB) or the default database file already exists; a fresh machine is
never given an empty database just to look at the calendar.
"""

from __future__ import annotations

import argparse
import os

from kpu_desk.cli.context import database_from
from kpu_desk.cli.output import fail, print_json
from kpu_desk.engine.deadlines import office_calendar as calendar_from_database
from kpu_desk.engine.fields import parse_date
from kpu_desk.indodate import DAY_NAMES
from kpu_desk.store.connection import ENV_URL, data_dir
from kpu_desk.validation import stored_int
from kpu_desk.workcal import WorkingCalendar

DEFAULT_DB_FILE = "kpu-desk.sqlite3"
YEARS = range(1950, 2201)


def register(commands: argparse._SubParsersAction) -> None:
    calendar = commands.add_parser("calendar", help="kalender hari kerja: hari libur, menghitung hari kerja")
    actions = calendar.add_subparsers(dest="calendar_command", metavar="PERINTAH", required=True)
    holidays = actions.add_parser("holidays", help="hari libur nasional, cuti bersama dan libur kantor setahun")
    holidays.add_argument("year", metavar="TAHUN")
    holidays.add_argument("--json", action="store_true", help="keluaran JSON")
    holidays.set_defaults(handler=list_holidays)
    add = actions.add_parser("add", help="tanggal N hari kerja sesudah TANGGAL (TANGGAL sendiri tidak dihitung)")
    add.add_argument("start", metavar="TANGGAL")
    add.add_argument("days", metavar="N")
    add.set_defaults(handler=add_working_days)


def list_holidays(args: argparse.Namespace) -> int:
    year = stored_int(args.year)
    if year is None or year not in YEARS:
        return fail(f"tahun '{args.year}' tidak sah; tulis seperti 2025 (antara {YEARS.start} dan {YEARS.stop - 1})")
    days = office_calendar(args).holidays_in(year)
    if args.json:
        print_json([{"date": d.day.isoformat(), "weekday": DAY_NAMES[d.day.weekday()], "name": d.name,
                     "source": d.source} for d in days])
        return 0
    for d in days:
        print(f"{d.day.isoformat()}  {DAY_NAMES[d.day.weekday()]}  {d.name}")
    return 0


def add_working_days(args: argparse.Namespace) -> int:
    try:
        start = parse_date(args.start)
    except ValueError as exc:
        return fail(str(exc))
    days = stored_int(args.days)
    if days is None:
        return fail(f"jumlah hari kerja '{args.days}' tidak sah; tulis bilangan bulat 0 atau lebih, misalnya 10")
    try:
        print(office_calendar(args).add_working_days(start, days).isoformat())
    except ValueError as exc:  # past the calendar's last year
        return fail(str(exc))
    return 0


def office_calendar(args: argparse.Namespace) -> WorkingCalendar:
    """The national calendar, with the office's overrides when there is a database to read them from."""
    if not _database_named(args):
        return WorkingCalendar()
    database_from(args, migrate=False, must_exist=True)
    return calendar_from_database()


def _database_named(args: argparse.Namespace) -> bool:
    if getattr(args, "db", None) or os.environ.get(ENV_URL):
        return True
    return (data_dir() / DEFAULT_DB_FILE).is_file()
