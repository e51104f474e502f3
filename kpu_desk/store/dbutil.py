"""Small helpers shared by the storage modules: which engine, transactions, error words."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path
from urllib.parse import urlparse, urlunparse

import peewee as pw

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
    """
    if is_sqlite(db) and not db.in_transaction():
        return db.atomic("IMMEDIATE")
    return db.atomic()


def display_url(url: str) -> str:
    """The URL without its password: messages and hints are shown on screens."""
    parsed = urlparse(url)
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

_LOCKED = ("database is locked", "database table is locked", "busy")
_CORRUPT = ("not a database", "malformed", "disk image", "file is encrypted")


def translate(exc: BaseException, db: pw.Database | None = None) -> StoreError:
    """Say what a driver error means for the user, in Bahasa Indonesia."""
    if isinstance(exc, StoreError):
        return exc
    text = str(exc)
    lowered = text.lower()
    where = describe(db) if db is not None else ""
    if db is None or is_sqlite(db):
        message = _sqlite_message(lowered, where)
    else:
        message = _postgres_message(lowered, db)
    return StoreError(message or f"galat basis data ({where}): {text.strip()}")


def _sqlite_message(lowered: str, where: str) -> str | None:
    if any(word in lowered for word in _LOCKED):
        return (f"basis data sedang dikunci oleh program lain ({where}); "
                "tutup program lain yang memakainya lalu coba lagi")
    if any(word in lowered for word in _CORRUPT):
        return (f"berkas basis data rusak ({where}); pulihkan dari cadangan dengan "
                "`kpu-desk db restore BERKAS_CADANGAN`")
    if "readonly" in lowered or "read-only" in lowered:
        return f"basis data hanya dapat dibaca ({where}); periksa izin tulis berkas dan foldernya"
    if "unable to open" in lowered:
        return f"berkas basis data tidak dapat dibuka ({where}); periksa folder dan izin tulisnya"
    if "disk is full" in lowered or "disk i/o" in lowered:
        return f"penyimpanan penuh atau rusak saat menulis basis data ({where})"
    return None


def _postgres_message(lowered: str, db: pw.Database) -> str | None:
    params = db.connect_params
    server = f"{params.get('host', 'localhost')}:{params.get('port', 5432)}"
    user = params.get("user") or ""
    if "password authentication failed" in lowered or "authentication failed" in lowered:
        return f"server PostgreSQL {server} menolak login pengguna '{user}': nama pengguna atau kata sandi salah"
    if "role" in lowered and "does not exist" in lowered:
        return f"pengguna '{user}' tidak dikenal oleh server PostgreSQL {server}"
    if "database" in lowered and "does not exist" in lowered:
        return f"basis data '{db.database}' tidak ada di server PostgreSQL {server}; buat dahulu dengan createdb"
    if any(word in lowered for word in ("could not connect", "connection refused", "timeout expired",
                                        "could not translate host", "failed:", "server closed")):
        return (f"server PostgreSQL {server} tidak dapat dihubungi; periksa jaringan kantor "
                "dan pastikan server menyala")
    if "deadlock" in lowered or "could not obtain lock" in lowered:
        return "basis data sedang dikunci oleh workstation lain; coba lagi"
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
