"""`kpu-desk db …`: schema upgrade, backup, restore and checks of the office database."""

from __future__ import annotations

import argparse

from kpu_desk.cli.context import database_from, database_url
from kpu_desk.store import StoreError, open_database, upgrade_schema
from kpu_desk.store import audit, migrate
from kpu_desk.store.backup import backup_sqlite, integrity_check, restore_sqlite
from kpu_desk.store.dbutil import describe
from kpu_desk.store.models import AuditEntry


def register(commands: argparse._SubParsersAction) -> None:
    db = commands.add_parser("db", help="basis data: pembaruan skema, cadangan, pemulihan, pemeriksaan")
    actions = db.add_subparsers(dest="db_command", metavar="PERINTAH", required=True)
    actions.add_parser("upgrade", help="terapkan migrasi skema yang belum dijalankan").set_defaults(handler=upgrade)
    backup = actions.add_parser("backup", help="cadangkan basis data SQLite ke satu berkas")
    backup.add_argument("file", metavar="BERKAS")
    backup.add_argument("--force", action="store_true", help="timpa BERKAS bila sudah ada")
    backup.set_defaults(handler=backup_db)
    restore = actions.add_parser("restore", help="pulihkan basis data SQLite dari berkas cadangan")
    restore.add_argument("file", metavar="BERKAS")
    restore.set_defaults(handler=restore_db)
    actions.add_parser("check", help="periksa keutuhan basis data").set_defaults(handler=check)
    actions.add_parser("verify-audit", help="periksa rantai hash log audit").set_defaults(handler=verify_audit)


def upgrade(args: argparse.Namespace) -> int:
    db = database_from(args, migrate=False, check=True)
    result = upgrade_schema(db)
    print(f"Basis data: {describe(db)}")
    print(f"Versi skema sebelum: {result.before}")
    print(f"Versi skema sesudah: {result.after}")
    if result.applied:
        print("Migrasi dijalankan: " + ", ".join(result.applied))
    else:
        print("Skema sudah terbaru; tidak ada yang diubah.")
    if result.set_aside:
        print(f"Salinan sebelum pembaruan: {result.set_aside}")
    return 0


def backup_db(args: argparse.Namespace) -> int:
    result = backup_sqlite(database_url(args), args.file, overwrite=args.force)
    print(f"Cadangan tersimpan: {result.path} ({_size(result.size)}, skema versi {result.version})")
    return 0


def restore_db(args: argparse.Namespace) -> int:
    url = database_url(args)
    result = restore_sqlite(args.file, url)
    print(f"Basis data {result.target} dipulihkan dari {args.file} (skema versi {result.version}).")
    if result.set_aside:
        print(f"Basis data sebelumnya disimpan di {result.set_aside}")
    open_database(url)  # an older backup is brought up to this version now, not at the next start
    print(f"Versi skema sekarang: {migrate.code_version()}")
    return 0


def check(args: argparse.Namespace) -> int:
    db = database_from(args, migrate=False, must_exist=True, check=True)
    problems = integrity_check(db)
    if not problems:
        print(f"baik: {describe(db)}, skema versi {migrate.status(db).db_version}")
        return 0
    print(f"{len(problems)} masalah pada {describe(db)}:")
    for problem in problems:
        print(f"- {problem}")
    return 1


def verify_audit(args: argparse.Namespace) -> int:
    database_from(args, migrate=False, must_exist=True, check=True)
    if not AuditEntry.table_exists():
        raise StoreError("basis data ini belum berisi tabel KPU Desk; jalankan `kpu-desk db upgrade`")
    result = audit.verify()
    if result.ok:
        print(result.message)
        return 0
    print(f"log audit RUSAK: {result.message} ({result.count} entri pertama utuh)")
    return 1


def _size(size: int) -> str:
    if size >= 1 << 20:
        return f"{size / (1 << 20):.1f} MB"
    return f"{max(1, round(size / 1024))} KB"
