"""Schema migrations: numbered scripts in db/migrations/, applied in order on start.

Each script `NNN_name.py` defines `up(migrator, db)`; `migrator` is peewee's
playhouse.migrate SchemaMigrator for the database, so the same script runs on
SQLite and PostgreSQL. Scripts declare frozen copies of the tables they create
instead of importing kpu_desk.store.models: a later change to the models must
not change what an old migration did.

The schema version of the code is the number of scripts; the version of a
database is the number of those scripts recorded in its history table
(`schema_migration`, the layout playhouse.migrations uses). A database whose
history names a script this code does not have was made by a newer version and
is refused: opening it could damage it.
"""

from __future__ import annotations

import datetime as dt
import importlib.util
import re
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType

import peewee as pw
from playhouse.migrate import SchemaMigrator

from kpu_desk import paths
from kpu_desk.store.dbutil import is_postgres, is_sqlite, write_transaction
from kpu_desk.store.errors import StoreError

HISTORY_TABLE = "schema_migration"
_FILE_NAME = re.compile(r"^(\d{3})_\w+\.py$")
# Any constant does; it only has to be the same on every workstation.
_PG_LOCK_KEY = 0x4B50_5544_6573_6B  # "KPUDesk"

NEWER_VERSION_MESSAGE = (
    "Basis data ini dibuat oleh versi KPU Desk yang lebih baru (skema versi {db}, "
    "aplikasi ini hanya mengenal sampai versi {code}); perbarui KPU Desk di komputer ini "
    "sebelum membukanya"
)


def migrations_dir() -> Path:
    return paths.migrations_dir()


def migration_files() -> list[Path]:
    folder = migrations_dir()
    if not folder.is_dir():
        raise StoreError(f"folder migrasi {folder} tidak ditemukan; instalasi KPU Desk tidak lengkap")
    return sorted(p for p in folder.iterdir() if _FILE_NAME.match(p.name))


def code_version() -> int:
    return len(migration_files())


@dataclass(frozen=True)
class SchemaStatus:
    applied: tuple[str, ...]  # scripts this code knows that the database has run
    pending: tuple[str, ...]  # scripts still to run, in order
    unknown: tuple[str, ...]  # recorded by a newer version of KPU Desk

    @property
    def db_version(self) -> int:
        return len(self.applied) + len(self.unknown)

    @property
    def code_version(self) -> int:
        return len(self.applied) + len(self.pending)


def _history(db: pw.Database) -> type[pw.Model]:
    class SchemaMigration(pw.Model):
        name = pw.CharField(unique=True)
        applied = pw.DateTimeField(default=dt.datetime.now)

        class Meta:
            database = db
            table_name = HISTORY_TABLE

    return SchemaMigration


def applied_names(db: pw.Database) -> list[str]:
    if not db.table_exists(HISTORY_TABLE):
        return []
    history = _history(db)
    return [row.name for row in history.select(history.name).order_by(history.id)]


def status(db: pw.Database) -> SchemaStatus:
    return status_for(applied_names(db))


def status_for(done: list[str]) -> SchemaStatus:
    """The status of a database whose history holds the names `done`."""
    known = [p.stem for p in migration_files()]
    return SchemaStatus(
        applied=tuple(n for n in known if n in done),
        pending=tuple(n for n in known if n not in done),
        unknown=tuple(n for n in done if n not in known),
    )


def refuse_newer(state: SchemaStatus) -> None:
    if state.unknown:
        raise StoreError(NEWER_VERSION_MESSAGE.format(db=state.db_version, code=state.code_version))


def apply_pending(db: pw.Database) -> tuple[str, ...]:
    """Run every pending script in one transaction; return the names run.

    One transaction, so a failure leaves the schema as it was. The status is
    read again under the lock because another workstation may have migrated
    the shared server while this one waited.
    """
    with _schema_lock(db):
        state = status(db)
        refuse_newer(state)
        if not state.pending:
            return ()
        history = _history(db)
        history.create_table(safe=True)
        migrator = SchemaMigrator.from_database(db)
        for name in state.pending:
            _load(name).up(migrator, db)
            history.create(name=name)
        _check_foreign_keys(db)
        return state.pending


class _schema_lock:
    """Exclusive right to change the schema, for the length of one transaction.

    SQLite: foreign keys off (only possible outside a transaction) so that a
    table rebuilt by a migration does not cascade deletes, and BEGIN IMMEDIATE.
    PostgreSQL: an advisory lock held until commit.
    """

    def __init__(self, db: pw.Database):
        self.db = db
        self.fk_was_on = False
        self.txn = None

    def __enter__(self):
        if is_sqlite(self.db):
            self.fk_was_on = bool(self.db.pragma("foreign_keys"))
            self.db.pragma("foreign_keys", 0)
        self.txn = write_transaction(self.db)
        self.txn.__enter__()
        if is_postgres(self.db):
            # Waiting for another workstation's migration, and migrating a large table, may
            # rightly take longer than the everyday limits (connection.PG_SESSION_SETTINGS).
            self.db.execute_sql("SET LOCAL lock_timeout = '10min'")
            self.db.execute_sql("SET LOCAL statement_timeout = 0")
            self.db.execute_sql("SELECT pg_advisory_xact_lock(%s)", (_PG_LOCK_KEY,))
        return self

    def __exit__(self, *exc):
        try:
            return self.txn.__exit__(*exc)
        finally:
            if self.fk_was_on:
                self.db.pragma("foreign_keys", 1)


def _check_foreign_keys(db: pw.Database) -> None:
    if is_sqlite(db):
        broken = db.execute_sql("PRAGMA foreign_key_check").fetchall()
        if broken:
            raise StoreError(f"migrasi merusak rujukan antar tabel ({len(broken)} baris); dibatalkan")


def _load(name: str) -> ModuleType:
    path = migrations_dir() / f"{name}.py"
    # Loaded by path, not imported: the scripts are data files outside the package.
    spec = importlib.util.spec_from_file_location(f"kpu_desk_migration_{name}", path)
    if spec is None or spec.loader is None:
        raise StoreError(f"berkas migrasi {path.name} tidak dapat dibaca")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    if not callable(getattr(module, "up", None)):
        raise StoreError(f"berkas migrasi {path.name} tidak memiliki fungsi up()")
    return module
