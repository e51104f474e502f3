"""Choosing and opening the office database: a SQLite file by default, PostgreSQL by URL."""

from __future__ import annotations

import json
import os
import socket
from pathlib import Path
from urllib.parse import unquote, urlparse

import peewee as pw
from platformdirs import user_data_dir

from kpu_desk.store import health, models
from kpu_desk.store.errors import StoreError

ENV_URL = "KPU_DESK_DB"
APP_NAME = "KPU Desk"

# WAL lets readers (another window, the backup) work while one writer writes;
# synchronous=FULL makes every commit survive a power cut, which an office PC sees.
SQLITE_PRAGMAS = {
    "journal_mode": "wal",
    "foreign_keys": 1,
    "synchronous": "full",
    "busy_timeout": 5000,
    "cache_size": -32000,
}


def data_dir() -> Path:
    """The user's data folder (attachments, the default database, backups)."""
    override = os.environ.get("KPU_DESK_DATA")
    path = Path(override) if override else Path(user_data_dir(APP_NAME, appauthor=False))
    path.mkdir(parents=True, exist_ok=True)
    return path


def default_url() -> str:
    return f"sqlite:///{(data_dir() / 'kpu-desk.sqlite3').as_posix()}"


def resolve_url(url: str | None = None) -> str:
    """--db URL, else KPU_DESK_DB, else this computer's saved choice, else the SQLite file in the data folder."""
    return url or os.environ.get(ENV_URL) or saved_url() or default_url()


def _workstation_file() -> Path:
    # In the data folder, not the database: it says which database to open.
    return data_dir() / "workstation.json"


def saved_url() -> str | None:
    """The database this computer was last set to use (Pengaturan → Basis data), if any."""
    try:
        value = json.loads(_workstation_file().read_text(encoding="utf-8")).get("database_url")
    except (OSError, ValueError, AttributeError):
        return None
    return value if isinstance(value, str) and value else None


def save_url(url: str | None) -> None:
    path = _workstation_file()
    temporary = path.with_suffix(".tmp")
    temporary.write_text(json.dumps({"database_url": url or None}), encoding="utf-8")
    os.replace(temporary, path)  # never a half-written file that would lose the choice


def make_database(url: str) -> pw.Database:
    try:
        # urlparse refuses an unclosed "[::1"; .port a port beyond 65535 or not a number.
        parsed = urlparse(url)
        if parsed.scheme in ("postgresql", "postgres"):
            return _postgres(parsed, parsed.port)
    except ValueError as exc:
        from kpu_desk.store.dbutil import display_url  # dbutil imports this module (via pgerrors)

        raise StoreError(f"alamat basis data '{display_url(url)}' tidak sah ({_url_problem(exc)}); "
                         "tulis seperti postgresql://PENGGUNA@SERVER:5432/NAMA") from None
    if parsed.scheme == "sqlite":
        return _sqlite(parsed)
    raise StoreError(f"alamat basis data '{url}' tidak dikenal; gunakan sqlite:///BERKAS atau postgresql://…")


def _url_problem(exc: ValueError) -> str:
    text = str(exc)
    if "Port" in text:
        return "nomor port harus 0 sampai 65535"
    if "IPv6" in text:
        return "alamat IPv6 harus ditutup dengan ]"
    return "bentuknya tidak dikenali"


def _sqlite(parsed) -> pw.SqliteDatabase:
    path = unquote(parsed.path)
    if parsed.netloc:  # sqlite://relative/path is a common slip; read it as a path
        path = parsed.netloc + path
    if path.startswith("/") and len(path) > 2 and path[2] == ":":  # sqlite:///C:/… on Windows
        path = path[1:]
    if path.startswith("//"):  # sqlite:////abs/path, the usual spelling of an absolute path
        path = path[1:]
    # Every write transaction begins IMMEDIATE: see dbutil.write_transaction for why.
    return _GuardedSqliteDatabase(path, pragmas=SQLITE_PRAGMAS, timeout=5, lock_type="IMMEDIATE")


class _GuardedSqliteDatabase(pw.SqliteDatabase):
    """Each connection refuses writes once the file is known to be damaged (see store.health)."""

    def _add_conn_hooks(self, conn):
        super()._add_conn_hooks(conn)
        conn.set_authorizer(health.authorizer)

    def rollback(self):
        # After SQLITE_FULL or an I/O error SQLite may have rolled the transaction back itself;
        # a second ROLLBACK would fail ("no transaction is active") and hide the real error.
        if self.is_closed() or self.connection().in_transaction:
            super().rollback()


# Every transaction of KPU Desk lasts milliseconds and none waits for a person, so long waits
# mean something is stuck; without limits one forgotten session (a psql left in BEGIN, a hung
# workstation) stops saving on every workstation for good. lock_timeout: a save waits at most
# 10 s for a lock, then says who holds it (dbutil.translate). statement_timeout: the largest
# report on ten years of data takes well under a second; 2 minutes only stops runaway queries.
# idle_in_transaction_session_timeout: a session that opened a transaction and went quiet for
# 2 minutes loses it, and with it the locks the others wait for. Migrations lift the first two
# for their own transaction (migrate._schema_lock).
PG_SESSION_SETTINGS = {
    "lock_timeout": "10s",
    "statement_timeout": "2min",
    "idle_in_transaction_session_timeout": "2min",
}


def application_name() -> str:
    """How this workstation shows in pg_stat_activity, so a blocked one can name the blocker."""
    return f"kpu-desk {socket.gethostname()}"[:63]  # NAMEDATALEN - 1


def _postgres(parsed, port: int | None) -> pw.PostgresqlDatabase:
    options = " ".join(f"-c {name}={value}" for name, value in PG_SESSION_SETTINGS.items())
    return pw.PostgresqlDatabase(
        parsed.path.lstrip("/"),
        user=unquote(parsed.username) if parsed.username else None,
        password=unquote(parsed.password) if parsed.password else None,
        host=parsed.hostname or "localhost",
        port=port or 5432,
        connect_timeout=5,
        application_name=application_name(),
        options=options,
    )


def bind(db: pw.Database) -> pw.Database:
    """Point every model at db."""
    models.database.initialize(db)
    return db
