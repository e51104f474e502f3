"""Which database this is: a URL tried before a workstation switches to it (Pengaturan → Basis data
→ Uji koneksi), and the one open now, named for the status bar and kept from the file dialogs.

It only looks: nothing is created, migrated or written, and a SQLite file that
does not exist yet is reported as such rather than made.
"""

from __future__ import annotations

import os

from kpu_desk.store import current_database, migrate, models
from kpu_desk.store.connection import make_database, resolve_url
from kpu_desk.store.dbutil import describe, is_database_file, is_sqlite, sqlite_path, translate
from kpu_desk.store.errors import StoreError


def probe(url: str | None) -> str:
    """What is at url, in a sentence for the clerk; StoreError when it cannot be used."""
    db = make_database(resolve_url(url or None))
    if is_sqlite(db) and not sqlite_path(db).is_file():
        folder = sqlite_path(db).parent
        if not folder.is_dir():
            raise StoreError(f"folder {folder} tidak ada")
        return f"Berkas {sqlite_path(db)} belum ada; akan dibuat ketika KPU Desk dibuka dengan alamat ini."
    try:
        db.connect()
        return _describe_contents(db)
    except StoreError:
        raise
    except Exception as exc:
        raise translate(exc, db) from exc
    finally:
        db.close()


def open_database_name() -> str:
    """The open database as messages name it (its file, or server and database); "" when none is open."""
    db = current_database()
    return describe(db) if db is not None else ""


def is_open_database_file(path: str | os.PathLike) -> bool:
    """Whether `path` is the database in use or one of its companion files: never to be overwritten."""
    return is_database_file(path, models.database.obj)


def _describe_contents(db) -> str:
    state = migrate.status(db)
    where = describe(db)
    if state.db_version == 0:
        return f"Terhubung ke {where}. Basis data masih kosong; akan disiapkan ketika KPU Desk dibuka."
    migrate.refuse_newer(state)
    users = db.execute_sql('SELECT COUNT(*) FROM "user"').fetchone()[0]
    cases = db.execute_sql('SELECT COUNT(*) FROM "case"').fetchone()[0]
    return f"Terhubung ke {where}: basis data KPU Desk dengan {users} pengguna dan {cases} kasus."
