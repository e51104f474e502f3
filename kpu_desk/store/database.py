"""Opening the office database: checked, bound to the models and migrated, or a clear refusal."""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import peewee as pw

from contextlib import contextmanager

from kpu_desk.store import backup, health
from kpu_desk.store import migrate as migrations
from kpu_desk.store.connection import bind, make_database, resolve_url
from kpu_desk.store.dbutil import is_driver_error, is_sqlite, sqlite_path, translate
from kpu_desk.store.errors import StoreError

_current: pw.Database | None = None


@dataclass(frozen=True)
class UpgradeResult:
    before: int
    after: int
    applied: tuple[str, ...]
    set_aside: Path | None  # the copy of the SQLite file taken before migrating


def open_database(url: str | None = None, *, migrate: bool = True, check: bool = False,
                  writes_wait: bool = True) -> pw.Database:
    """Open the database at url (see connection.resolve_url) and bind the models to it.

    With migrate=True pending migrations are applied (a SQLite file is copied
    aside first); with migrate=False the schema is left as it is, for commands
    that only look. A database from a newer KPU Desk is refused either way.
    check=True runs SQLite's quick_check here, which reads the whole file (see
    the figures in db/README.md): the `db` commands ask for it. Otherwise the
    same check runs in the background (store.health) and a damaged file is
    refused for writing once it has answered; writes_wait=True makes a write
    wait for that answer (the command line), False lets the window write on
    meanwhile and be told afterwards.
    """
    close_database()
    db = make_database(resolve_url(url))
    if is_sqlite(db):
        _check_sqlite_location(sqlite_path(db))
    try:
        _connect(db)
        _check_usable(db, check)
        if is_sqlite(db) and not check:
            health.start(sqlite_path(db), writes_wait=writes_wait)
        _refuse_newer(db)
        if migrate:
            upgrade_schema(db)
    except BaseException:
        health.stop()
        db.close()
        raise
    return _remember(bind(db))


def close_database() -> None:
    global _current
    health.stop()
    if _current is not None:
        _current.close()
        _current = None


def current_database() -> pw.Database | None:
    return _current


def _remember(db: pw.Database) -> pw.Database:
    global _current
    _current = db
    return db


def upgrade_schema(db: pw.Database) -> UpgradeResult:
    """Apply pending migrations; an existing SQLite file is copied aside before."""
    with translated(db):
        state = migrations.status(db)
        migrations.refuse_newer(state)
        if not state.pending:
            return UpgradeResult(state.db_version, state.db_version, (), None)
        if is_sqlite(db):
            _refuse_damaged()  # a migration rewrites tables: never into a damaged file
        aside = _set_aside(db)
    applied = _apply(db, aside)
    return UpgradeResult(state.db_version, state.db_version + len(applied), applied, aside)


def _apply(db: pw.Database, aside: Path | None) -> tuple[str, ...]:
    try:
        return migrations.apply_pending(db)
    except StoreError:
        raise
    except Exception as exc:
        if is_driver_error(exc) and _looks_locked(exc):
            raise translate(exc, db) from exc
        kept = f"; salinan sebelum pembaruan: {aside}" if aside else ""
        raise StoreError(f"pembaruan skema basis data gagal, basis data tidak diubah ({exc}){kept}") from exc


def _set_aside(db: pw.Database) -> Path | None:
    if not is_sqlite(db) or not db.get_tables():
        return None  # a new, empty file has nothing to lose; PostgreSQL has pg_dump
    return backup.copy_aside(sqlite_path(db), "sebelum-migrasi")


def _refuse_newer(db: pw.Database) -> None:
    with translated(db):
        migrations.refuse_newer(migrations.status(db))


# --- checks -------------------------------------------------------------------------


def _check_sqlite_location(path: Path) -> None:
    """Refuse paths SQLite would fail on with an unhelpful "unable to open database file"."""
    folder = path.parent
    if not folder.is_dir():
        raise StoreError(f"folder basis data {folder} tidak ada; buat foldernya atau periksa alamat --db")
    if path.is_dir():
        raise StoreError(f"{path} adalah folder, bukan berkas basis data")
    if path.exists() and not os.access(path, os.R_OK | os.W_OK):
        raise StoreError(f"berkas basis data {path} tidak dapat ditulis; periksa izin berkasnya")
    if not os.access(folder, os.W_OK):  # SQLite writes its -wal and -shm files beside the database
        raise StoreError(f"folder basis data {folder} tidak dapat ditulis; periksa izin foldernya")


def _connect(db: pw.Database) -> None:
    with translated(db):
        db.connect()


def _check_usable(db: pw.Database, thorough: bool) -> None:
    with translated(db):
        if is_sqlite(db) and thorough:
            _quick_check(db)
        elif is_sqlite(db):
            db.execute_sql("SELECT count(*) FROM sqlite_master")  # "not a database" shows here
        else:
            db.execute_sql("SELECT 1")


def _quick_check(db: pw.Database) -> None:
    found = [row[0] for row in db.execute_sql("PRAGMA quick_check").fetchall()]
    if found != ["ok"]:
        raise StoreError(health.damaged_message(sqlite_path(db), found))


def _refuse_damaged() -> None:
    problem = health.wait()
    if problem:
        raise StoreError(problem)


def _looks_locked(exc: BaseException) -> bool:
    text = str(exc).lower()
    return "locked" in text or "busy" in text


@contextmanager
def translated(db: pw.Database | None = None) -> Iterator[None]:
    """Turn the engine's errors into StoreError; our own bugs keep their traceback."""
    try:
        yield
    except Exception as exc:
        if is_driver_error(exc):
            raise translate(exc, db) from exc
        raise
