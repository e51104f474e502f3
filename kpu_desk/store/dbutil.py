"""Small helpers shared by the storage modules: which engine, transactions, error words."""

from __future__ import annotations

import os
import re
import shutil
import sqlite3
from pathlib import Path
from urllib.parse import urlparse, urlunparse

import peewee as pw

from kpu_desk.store import health, pgerrors
from kpu_desk.store.errors import StoreError


def is_sqlite(db: pw.Database) -> bool:
    return isinstance(db, pw.SqliteDatabase)


def is_postgres(db: pw.Database) -> bool:
    return isinstance(db, pw.PostgresqlDatabase)


def sqlite_path(db: pw.Database) -> Path:
    path = str(db.database)
    # sqlite:////home/… (the absolute-path spelling) leaves "//home/…"; on Windows
    # a leading "//" is a network share and must stay.
    if os.name != "nt" and path.startswith("//") and not path.startswith("///"):
        path = path[1:]
    return Path(path)


def write_transaction(db: pw.Database):
    """A transaction that intends to write.

    On SQLite it begins IMMEDIATE: a deferred transaction that reads first and
    writes later fails with "database is locked" if another workstation wrote
    in between, and no busy timeout can cure that. Nested calls are savepoints.
    A SQLite file found damaged (store.health) is refused before anything begins.
    """
    if is_sqlite(db):
        health.before_write()
    if is_sqlite(db) and not db.in_transaction():
        return db.atomic("IMMEDIATE")
    return db.atomic()


def display_url(url: str) -> str:
    """The URL without its password: messages and hints are shown on screens."""
    try:
        parsed = urlparse(url)
        parsed.port  # noqa: B018 -- raises for a port that is not one, as urlparse for "[::1"
    except ValueError:  # not a URL we can take apart: hide all that stands before the "@"
        scheme, sep, rest = url.partition("://")
        return f"{scheme}{sep}…@{rest.rsplit('@', 1)[1]}" if "@" in rest else url
    if not parsed.password:
        return url
    netloc = parsed.netloc.rsplit("@", 1)[1]
    user = parsed.username or ""
    return urlunparse(parsed._replace(netloc=f"{user}@{netloc}" if user else netloc))


def describe(db: pw.Database) -> str:
    """How a database is named in messages: the file, or the server and database."""
    if is_sqlite(db):
        return str(sqlite_path(db))
    params = db.connect_params
    return f"{db.database} di {params.get('host', 'localhost')}:{params.get('port', 5432)}"


# --- errors ------------------------------------------------------------------------

DISK_FULL = ("disk penuh: basis data ({where}) tidak dapat ditulis karena ruang penyimpanan habis; "
             "perubahan ini tidak tersimpan sedikit pun. Kosongkan ruang disk, lalu coba lagi")
_ROLLBACK_NOISE = re.compile("no such savepoint|no transaction is active")
_LOCKED = ("database is locked", "database table is locked", "busy")
_CORRUPT = ("not a database", "malformed", "disk image", "file is encrypted")


def translate(exc: BaseException, db: pw.Database | None = None) -> StoreError:
    """Say what a driver error means for the user, in Bahasa Indonesia."""
    if isinstance(exc, StoreError):
        return exc
    exc = _unmasked(exc)
    text = str(exc)
    lowered = text.lower()
    where = describe(db) if db is not None else ""
    if db is not None and is_sqlite(db) and "disk i/o" in lowered and low_on_space(sqlite_path(db).parent):
        lowered = "disk is full"  # ENOSPC on the -shm or journal comes back as an I/O error
    if db is None or is_sqlite(db):
        message = _sqlite_message(lowered, where)
    else:
        message = pgerrors.message(exc, db)
    return StoreError(message or f"galat basis data ({where}): {text.strip()}")


def _unmasked(exc: BaseException) -> BaseException:
    """The real error when a rollback failed only because SQLite had already rolled back (disk full,
    I/O error): the connection's rollback() knows that, but a savepoint's ROLLBACK TO cannot."""
    current: BaseException | None = exc
    while current is not None and _ROLLBACK_NOISE.search(str(current).lower()):
        current = current.__context__  # peewee's wrapper, the failed rollback, then the real error
    return current if current is not None and is_driver_error(current) else exc


def low_on_space(folder: Path, need: int = 1 << 20) -> bool:
    """Whether the disk holding folder has less than need bytes free (an I/O error's likely cause)."""
    try:
        return shutil.disk_usage(folder).free < need
    except OSError:
        return False


def _sqlite_message(lowered: str, where: str) -> str | None:
    if any(word in lowered for word in _LOCKED):
        return (f"basis data sedang dikunci oleh program lain ({where}); "
                "tutup program lain yang memakainya lalu coba lagi")
    if "not authorized" in lowered and health.problem():  # the authorizer refused a write
        return health.problem()
    if any(word in lowered for word in _CORRUPT):
        return f"berkas basis data rusak ({where}); {health.RESTORE_HINT}"
    if "readonly" in lowered or "read-only" in lowered:
        return f"basis data hanya dapat dibaca ({where}); periksa izin tulis berkas dan foldernya"
    if "unable to open" in lowered:
        return f"berkas basis data tidak dapat dibuka ({where}); periksa folder dan izin tulisnya"
    if "disk is full" in lowered:  # SQLITE_FULL: "database or disk is full"
        return DISK_FULL.format(where=where)
    if "disk i/o" in lowered:
        return (f"basis data ({where}) tidak dapat dibaca atau ditulis: disk bermasalah (galat I/O); "
                "perubahan ini tidak tersimpan. Periksa disk, lalu coba lagi")
    return None


def is_driver_error(exc: BaseException) -> bool:
    """Errors that come from the database engine rather than from our code."""
    return isinstance(exc, (pw.DatabaseError, pw.InterfaceError, sqlite3.Error))


# --- the database's own files ----------------------------------------------------------

# The files SQLite keeps beside a database: the write-ahead log, its shared index, the rollback journal.
SQLITE_COMPANIONS = ("-wal", "-shm", "-journal")


def database_files(db: pw.Database | None) -> tuple[Path, ...]:
    """The SQLite database's file and its companions (existing or not); nothing for a server."""
    if db is None or not is_sqlite(db):
        return ()
    own = sqlite_path(db)
    return (own, *(own.with_name(own.name + suffix) for suffix in SQLITE_COMPANIONS))


def is_database_file(path: str | os.PathLike, db: pw.Database | None) -> bool:
    """Whether `path` is the open SQLite database `db` or one of its companion files.

    Decided from names and stat() only, never by opening: on POSIX systems closing any descriptor
    of those files drops every SQLite lock this process holds on them, and another process then
    believes it is alone with the database (checkpoints, deletes the WAL, loses our commits).
    """
    if db is None or db.is_closed():
        return False
    return names_one_of(path, database_files(db))


def names_one_of(path: str | os.PathLike, files: tuple[Path, ...]) -> bool:
    """Whether `path` is one of `files`: the same name once links are resolved, or the same inode."""
    return any(_same_file(path, name) for name in files)


def _same_file(a, b: Path) -> bool:
    try:
        if os.path.realpath(a) == os.path.realpath(b):
            return True
        return os.path.samefile(a, b)  # a hard link or another spelling of the same file (stat only)
    except (OSError, ValueError):  # one of them does not exist (yet): the names above already said no
        return False
