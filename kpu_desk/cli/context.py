"""What commands share: the database chosen by `--db URL` (or KPU_DESK_DB, or the default)."""

from __future__ import annotations

import argparse

import peewee as pw

from kpu_desk.store import StoreError, open_database
from kpu_desk.store.connection import make_database, resolve_url
from kpu_desk.store.dbutil import is_sqlite, sqlite_path


def database_url(args: argparse.Namespace) -> str:
    return resolve_url(getattr(args, "db", None))


def database_from(args: argparse.Namespace, *, migrate: bool = True, must_exist: bool = False,
                  check: bool = False) -> pw.Database:
    """Open, check, migrate and bind the database for a command.

    must_exist: for commands that only look, so that a mistyped SQLite path is
    reported instead of silently becoming a new, empty database. Failures raise
    StoreError, which main() prints as `kpu-desk: …` with exit code 2; main()
    also closes the database when the command returns.
    """
    url = database_url(args)
    if must_exist:
        _require_existing(url)
    return open_database(url, migrate=migrate, check=check)


def _require_existing(url: str) -> None:
    db = make_database(url)
    if is_sqlite(db) and not sqlite_path(db).is_file():
        raise StoreError(f"berkas basis data {sqlite_path(db)} tidak ada")
