"""Backups, restores and integrity checks.

SQLite files are copied with SQLite's online backup API: the copy is consistent
even while the application (or another workstation's reception PC) is writing,
which a plain file copy of a WAL database is not. PostgreSQL is backed up with
its own tools; KPU Desk only says which command to run.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import peewee as pw

from kpu_desk.store import migrate
from kpu_desk.store.connection import data_dir, make_database
from kpu_desk.store.dbutil import display_url, is_sqlite, low_on_space, sqlite_path, translate
from kpu_desk.store.errors import StoreError
from kpu_desk.store.models import ALL_MODELS

_BUSY_CODES = (5, 6)  # SQLITE_BUSY, SQLITE_LOCKED
_BUSY_TRIES = 2  # each try already waits the connection's busy timeout
_BUSY_TIMEOUT_S = 5.0


@dataclass(frozen=True)
class BackupResult:
    path: Path
    size: int
    version: int


@dataclass(frozen=True)
class RestoreResult:
    target: Path
    set_aside: Path | None  # the copy of the database as it was before
    version: int


# --- where backups go ---------------------------------------------------------------


def backups_dir() -> Path:
    """The data folder's backups/, created when missing; a clear refusal when it cannot be."""
    try:
        folder = data_dir() / "backups"
        folder.mkdir(parents=True, exist_ok=True)
    except FileExistsError as exc:  # a file named backups where the folder should be
        raise StoreError(f"folder cadangan {exc.filename} tidak dapat dibuat: sudah ada berkas dengan nama itu; "
                         "pindahkan atau ganti nama berkas tersebut") from exc
    except OSError as exc:
        raise StoreError(f"folder cadangan {exc.filename or 'di folder data'} tidak dapat dibuat "
                         f"({exc.strerror or exc}); periksa izin folder data KPU Desk") from exc
    return folder


def writable_backups_dir() -> Path:
    """backups_dir(), after making sure a file can really be written there (not locked, not read-only)."""
    folder = backups_dir()
    probe = folder / f".uji-tulis-{os.getpid()}"
    try:
        with open(probe, "wb") as handle:
            handle.write(b"ok")
        probe.unlink()
    except OSError as exc:
        raise StoreError(f"folder cadangan {folder} tidak dapat ditulis ({exc.strerror or exc}); "
                         "folder itu terkunci atau hanya-baca: periksa izin folder atau ruang disk") from exc
    return folder


def _aside_name(source: Path, reason: str) -> Path:
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    candidate = backups_dir() / f"{source.stem}-{stamp}-{reason}.sqlite3"
    counter = 2
    while candidate.exists():  # two copies in one second (tests, quick retries)
        candidate = backups_dir() / f"{source.stem}-{stamp}-{reason}-{counter}.sqlite3"
        counter += 1
    return candidate


def copy_aside(source: Path, reason: str) -> Path:
    """Keep a copy of a SQLite file in the data folder's backups/ before changing it."""
    target = _aside_name(source, reason)
    try:
        _backup_file(source, target)
    except sqlite3.DatabaseError as exc:
        if not _is_corrupt(exc):
            _remove_with_companions(target)
            raise _backup_problem(exc, make_database(f"sqlite:///{source.as_posix()}"), target) from exc
        _raw_copy(source, target)  # a damaged file is still worth keeping as it is
    return target


# --- SQLite copies --------------------------------------------------------------------


class _GiveUpWhenBusy:
    """Progress callback: Python's backup() retries a locked database forever otherwise."""

    def __init__(self):
        self.busy = 0

    def __call__(self, status: int, remaining: int, total: int) -> None:
        if status in _BUSY_CODES:
            self.busy += 1
            if self.busy >= _BUSY_TRIES:
                raise sqlite3.OperationalError("database is locked")


def _backup_file(source: Path, target: Path) -> None:
    """Copy the SQLite database `source` into `target` (created or overwritten)."""
    src = _open_source(source)
    try:
        dst = sqlite3.connect(target, timeout=_BUSY_TIMEOUT_S)
        try:
            src.backup(dst, progress=_GiveUpWhenBusy())
        finally:
            dst.close()
    finally:
        src.close()


def _open_source(path: Path) -> sqlite3.Connection:
    if not path.is_file():
        raise StoreError(f"berkas basis data {path} tidak ada")
    return sqlite3.connect(path, timeout=_BUSY_TIMEOUT_S)


def _open_read_only(path: Path) -> sqlite3.Connection:
    # A restore must not change the file it restores from, not even by recovering a journal.
    return sqlite3.connect(path.resolve().as_uri() + "?mode=ro", uri=True, timeout=_BUSY_TIMEOUT_S)


def _make_standalone(path: Path) -> None:
    """A backup is one self-contained file: no WAL beside it; and it must read back."""
    conn = sqlite3.connect(path)
    try:
        conn.execute("PRAGMA journal_mode=DELETE")
        problems = [row[0] for row in conn.execute("PRAGMA quick_check")]
    finally:
        conn.close()
    if problems != ["ok"]:
        raise StoreError(f"salinan {path} gagal diperiksa: {'; '.join(problems[:3])}")
    with open(path, "rb") as handle:
        os.fsync(handle.fileno())


def _raw_copy(source: Path, target: Path) -> None:
    shutil.copy2(source, target)
    for suffix in ("-wal", "-shm"):
        companion = source.with_name(source.name + suffix)
        if companion.exists():
            shutil.copy2(companion, target.with_name(target.name + suffix))


def _is_corrupt(exc: BaseException) -> bool:
    text = str(exc).lower()
    return "not a database" in text or "malformed" in text


def _is_locked(exc: BaseException) -> bool:
    text = str(exc).lower()
    return "locked" in text or "busy" in text


# --- backup ------------------------------------------------------------------------


def _resolve(db_or_url: pw.Database | str) -> pw.Database:
    return make_database(db_or_url) if isinstance(db_or_url, str) else db_or_url


def backup_sqlite(db_or_url: pw.Database | str, target_file: str | Path, *, overwrite: bool = False) -> BackupResult:
    """Copy a SQLite database into target_file; safe while the application runs."""
    db = _resolve(db_or_url)
    target = Path(target_file)
    if not is_sqlite(db):
        raise StoreError(pg_dump_hint(db_or_url if isinstance(db_or_url, str) else _url_of(db), target))
    _check_target(target, overwrite)
    work = target.with_name(target.name + ".sementara")  # never a half backup under the real name
    try:
        _backup_file(sqlite_path(db), work)
        _make_standalone(work)
        os.replace(work, target)
    except (sqlite3.Error, OSError) as exc:
        raise _backup_problem(exc, db, target) from exc
    finally:
        _remove_with_companions(work)
    return BackupResult(target, target.stat().st_size, _version_of_file(target))


_TARGET_FAULTS = ("disk is full", "disk i/o", "readonly", "read-only", "unable to open")


def _backup_problem(exc: BaseException, db: pw.Database, target: Path) -> StoreError:
    """Whose fault a failed copy is: the copy is the only file written, so a write fault is the target's."""
    if isinstance(exc, OSError) and not isinstance(exc, sqlite3.Error):
        return StoreError(f"cadangan {target} tidak dapat ditulis ({exc.strerror or exc}); "
                          "periksa ruang dan izin tulis folder tujuan")
    text = str(exc).lower()
    if "disk is full" in text or low_on_space(target.parent, _size_of(sqlite_path(db))):
        return StoreError(f"disk tujuan penuh: cadangan {target} tidak dapat ditulis; basis data tidak "
                          "terganggu. Kosongkan ruang di disk tujuan atau pilih disk lain")
    if any(fault in text for fault in _TARGET_FAULTS):
        return StoreError(f"cadangan {target} tidak dapat ditulis ({exc}); basis data tidak terganggu. "
                          "Periksa disk dan izin tulis folder tujuan")
    return translate(exc, db)


def _size_of(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0


def _remove_with_companions(path: Path) -> None:
    """A file SQLite wrote, with the journal, WAL and shared-memory files it may have left beside it."""
    for suffix in ("", "-journal", "-wal", "-shm"):
        path.with_name(path.name + suffix).unlink(missing_ok=True)


def _check_target(target: Path, overwrite: bool) -> None:
    if not target.parent.is_dir():
        raise StoreError(f"folder tujuan {target.parent} tidak ada")
    if target.is_dir():
        raise StoreError(f"{target} adalah folder; sebutkan nama berkas cadangan")
    if target.exists() and not overwrite:
        raise StoreError(f"berkas {target} sudah ada; pilih nama lain atau pakai --force untuk menimpanya")


def _version_of_file(path: Path) -> int:
    conn = _open_read_only(path)
    try:
        return migrate.status_for(_history_names(conn)).db_version
    finally:
        conn.close()


def _history_names(conn: sqlite3.Connection) -> list[str]:
    tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    if migrate.HISTORY_TABLE not in tables:
        return []
    return [row[0] for row in conn.execute(f'SELECT name FROM "{migrate.HISTORY_TABLE}" ORDER BY id')]


# --- restore ------------------------------------------------------------------------


def restore_sqlite(source_file: str | Path, url: str) -> RestoreResult:
    """Replace the database at url with a backup; the current file is kept aside first."""
    source = Path(source_file)
    db = make_database(url)
    if not is_sqlite(db):
        raise StoreError(pg_restore_hint(url, source))
    target = sqlite_path(db)
    if not target.parent.is_dir():
        raise StoreError(f"folder basis data {target.parent} tidak ada")
    version = _check_backup(source)
    aside = copy_aside(target, "sebelum-pemulihan") if _has_content(target) else None
    try:
        _install(source, target)
    except sqlite3.Error as exc:
        raise translate(exc, db) from exc
    return RestoreResult(target, aside, version)


def _check_backup(source: Path) -> int:
    """The version of a backup, after making sure it is a whole KPU Desk database we can open."""
    if not source.is_file():
        raise StoreError(f"berkas cadangan {source} tidak ada")
    try:
        conn = _open_read_only(source)
        try:
            problems = [row[0] for row in conn.execute("PRAGMA quick_check")]
            names = _history_names(conn)
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        raise StoreError(f"berkas {source} bukan basis data KPU Desk yang utuh ({exc})") from exc
    if problems != ["ok"]:
        raise StoreError(f"berkas cadangan {source} rusak: {'; '.join(problems[:3])}")
    if not names:
        raise StoreError(f"berkas {source} bukan cadangan basis data KPU Desk (tidak ada riwayat skema)")
    state = migrate.status_for(names)
    migrate.refuse_newer(state)
    return state.db_version


def _has_content(path: Path) -> bool:
    return path.is_file() and path.stat().st_size > 0


def _install(source: Path, target: Path) -> None:
    """Write the backup's pages into the target file.

    Through the backup API when the target is a healthy database, so SQLite's
    locks protect a program that still has it open; by replacing the file when
    it is missing or too damaged to be written through SQLite.
    """
    try:
        _backup_file(source, target)
    except sqlite3.DatabaseError as exc:
        if not _is_corrupt(exc):
            raise
        _replace_file(source, target)


def _replace_file(source: Path, target: Path) -> None:
    work = target.with_name(target.name + ".sementara")
    try:
        _backup_file(source, work)
        _make_standalone(work)
        for suffix in ("-wal", "-shm"):  # they belong to the damaged file
            target.with_name(target.name + suffix).unlink(missing_ok=True)
        os.replace(work, target)
    finally:
        _remove_with_companions(work)


# --- PostgreSQL: its own tools --------------------------------------------------------


def server_url(db: pw.Database) -> str:
    """postgresql://user@host:port/name of an open PostgreSQL database; never its password."""
    return _url_of(db)


def _url_of(db: pw.Database) -> str:
    params = db.connect_params
    user = f"{params['user']}@" if params.get("user") else ""
    return f"postgresql://{user}{params.get('host', 'localhost')}:{params.get('port', 5432)}/{db.database}"


def _password_note(url: str) -> str:
    if display_url(url) == url:
        return ""
    return "\n(kata sandi tidak ditampilkan: isikan lewat variabel PGPASSWORD atau berkas .pgpass)"


def pg_dump_hint(url: str, target: Path | str) -> str:
    return (
        "basis data PostgreSQL dicadangkan dengan alat PostgreSQL, bukan oleh KPU Desk. Jalankan:\n"
        f'  pg_dump --format=custom --file="{target}" "{display_url(url)}"' + _password_note(url)
    )


def pg_restore_hint(url: str, source: Path | str) -> str:
    return (
        "basis data PostgreSQL dipulihkan dengan alat PostgreSQL, bukan oleh KPU Desk. Jalankan:\n"
        f'  pg_restore --clean --if-exists --no-owner --dbname="{display_url(url)}" "{source}"'
        + _password_note(url)
    )


# --- integrity ------------------------------------------------------------------------


def integrity_check(db: pw.Database) -> list[str]:
    """Problems found in an open database, in Bahasa Indonesia; empty when it is sound."""
    problems = _sqlite_problems(db) if is_sqlite(db) else _server_problems(db)
    return problems + _schema_problems(db)


def _sqlite_problems(db: pw.Database) -> list[str]:
    found = [row[0] for row in db.execute_sql("PRAGMA integrity_check").fetchall()]
    problems = [f"kerusakan berkas: {text}" for text in found if text != "ok"]
    for table, rowid, parent, _ in db.execute_sql("PRAGMA foreign_key_check").fetchall():
        problems.append(f"tabel {table} baris {rowid}: rujukan ke tabel {parent} tidak ditemukan")
    return problems


def _server_problems(db: pw.Database) -> list[str]:
    db.execute_sql("SELECT 1")  # a connection that answers; errors propagate as StoreError upstream
    return []


def _schema_problems(db: pw.Database) -> list[str]:
    state = migrate.status(db)
    if state.unknown:
        return [migrate.NEWER_VERSION_MESSAGE.format(db=state.db_version, code=state.code_version)]
    if state.pending:
        return [f"skema basis data versi {state.db_version}, aplikasi versi {state.code_version}: "
                "jalankan `kpu-desk db upgrade`"]
    tables = set(db.get_tables())
    return [f"tabel {model._meta.table_name} tidak ada" for model in ALL_MODELS
            if model._meta.table_name not in tables]
