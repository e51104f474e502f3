"""PostgreSQL's errors in the clerk's words: which of the many ways a server can say no this one is.

Errors of a statement carry a SQLSTATE (psycopg2's pgcode); a connection that fails has none,
only libpq's text, so those are told apart by the words libpq uses (stable across versions).
"""

from __future__ import annotations

from datetime import datetime

import peewee as pw

from kpu_desk.store.connection import PG_SESSION_SETTINGS

# SQLSTATEs (https://www.postgresql.org/docs/current/errcodes-appendix.html)
DISK_FULL = "53100"
OUT_OF_RESOURCES = "53"  # class 53: disk, memory, connections
LOCK_NOT_AVAILABLE = "55P03"  # lock_timeout, NOWAIT
QUERY_CANCELED = "57014"  # statement_timeout (or cancelled by an administrator)
IDLE_IN_TRANSACTION_TIMEOUT = "25P03"
DEADLOCK = "40P01"
INVALID_PASSWORD = "28P01"
INVALID_AUTHORIZATION = "28000"
UNKNOWN_DATABASE = "3D000"

# The oldest open transaction holding a lock in this database: after our wait timed out it is
# no longer ours to ask pg_blocking_pids() about, and the oldest holder is the one that blocks.
_HOLDER_SQL = """
SELECT a.application_name, host(a.client_addr), a.xact_start
FROM pg_stat_activity a
WHERE a.datname = current_database() AND a.pid <> pg_backend_pid() AND a.xact_start IS NOT NULL
  AND EXISTS (SELECT 1 FROM pg_locks l WHERE l.pid = a.pid AND l.granted AND l.locktype <> 'virtualxid')
ORDER BY a.xact_start
LIMIT 1
"""


def message(exc: BaseException, db: pw.Database) -> str | None:
    """The user's words for a PostgreSQL error, or None when it is none of the known kinds."""
    code = pgcode(exc)
    server = _server(db)
    if code:
        return _statement_message(code, db, server)
    return _connection_message(str(exc).lower(), db, server)


def pgcode(exc: BaseException) -> str | None:
    """The SQLSTATE of a psycopg2 error, also when peewee wrapped it."""
    current: BaseException | None = exc
    seen = 0
    while current is not None and seen < 5:
        code = getattr(current, "pgcode", None)
        if code:
            return code
        inner = current.args[0] if current.args and isinstance(current.args[0], BaseException) else None
        current, seen = inner or current.__cause__ or current.__context__, seen + 1
    return None


def _server(db: pw.Database) -> str:
    params = db.connect_params
    return f"{params.get('host', 'localhost')}:{params.get('port', 5432)}"


def _statement_message(code: str, db: pw.Database, server: str) -> str | None:
    if code == DISK_FULL:
        return (f"disk server PostgreSQL {server} penuh; perubahan ini tidak tersimpan sedikit pun. "
                "Minta pengelola server mengosongkan ruang disk, lalu coba lagi")
    if code.startswith(OUT_OF_RESOURCES):
        return (f"server PostgreSQL {server} kehabisan sumber daya (memori atau jumlah koneksi); "
                "perubahan ini tidak tersimpan. Coba lagi sebentar lagi")
    if code in (LOCK_NOT_AVAILABLE, DEADLOCK):
        return _locked_message(db)
    if code == QUERY_CANCELED:
        return (f"perintah ke basis data dihentikan karena melebihi batas waktu "
                f"{PG_SESSION_SETTINGS['statement_timeout']}; perubahan ini tidak tersimpan. Coba lagi")
    if code == IDLE_IN_TRANSACTION_TIMEOUT:
        return ("server PostgreSQL menutup sesi ini karena transaksinya terbuka terlalu lama tanpa kegiatan; "
                "perubahan ini tidak tersimpan. Coba lagi")
    if code in (INVALID_PASSWORD, INVALID_AUTHORIZATION):
        return _wrong_password(db, server)
    if code == UNKNOWN_DATABASE:
        return _unknown_database(db, server)
    return None


def _connection_message(lowered: str, db: pw.Database, server: str) -> str | None:
    user = db.connect_params.get("user") or ""
    if "no password supplied" in lowered:
        return (f"server PostgreSQL {server} meminta kata sandi pengguna '{user}', tetapi alamat basis data "
                f"tidak memuatnya; tulis alamatnya sebagai postgresql://{user or 'PENGGUNA'}:KATA_SANDI@{server}/"
                f"{db.database}")
    if "password authentication failed" in lowered or "authentication failed" in lowered:
        return _wrong_password(db, server)
    if "role" in lowered and "does not exist" in lowered:
        return f"pengguna '{user}' tidak dikenal oleh server PostgreSQL {server}; periksa nama pengguna di alamat"
    if "database" in lowered and "does not exist" in lowered:
        return _unknown_database(db, server)
    if "no pg_hba.conf entry" in lowered:
        return (f"server PostgreSQL {server} tidak mengizinkan komputer ini masuk (pg_hba.conf); "
                "minta pengelola server menambahkan alamat komputer ini")
    if "connection refused" in lowered:
        return (f"server {server} menolak sambungan: PostgreSQL tidak berjalan di sana atau nomor port salah; "
                "pastikan server menyala dan periksa port di alamat")
    if "could not translate host" in lowered or "name or service not known" in lowered:
        return f"nama server '{db.connect_params.get('host')}' tidak dikenal; periksa penulisan nama server di alamat"
    if any(word in lowered for word in ("timeout expired", "no route to host", "network is unreachable",
                                        "could not connect", "server closed", "terminating connection")):
        return (f"server PostgreSQL {server} tidak dapat dihubungi; periksa jaringan kantor "
                "dan pastikan server menyala")
    if "deadlock" in lowered or "could not obtain lock" in lowered or "lock timeout" in lowered:
        return _locked_message(db)
    if "no space left" in lowered or "could not extend file" in lowered:
        return _statement_message(DISK_FULL, db, server)
    return None


def _wrong_password(db: pw.Database, server: str) -> str:
    user = db.connect_params.get("user") or ""
    return f"server PostgreSQL {server} menolak login pengguna '{user}': nama pengguna atau kata sandi salah"


def _unknown_database(db: pw.Database, server: str) -> str:
    return (f"basis data '{db.database}' tidak ada di server PostgreSQL {server}; periksa namanya di alamat "
            "atau buat dahulu dengan createdb")


def _locked_message(db: pw.Database) -> str:
    holder = _holder(db)
    who = "workstation atau program lain"
    if holder is not None:
        name, address, since = holder
        who = f"'{name}'" if name else "program tanpa nama"
        if address:
            who += f" dari {address}"
        if since is not None:
            who += f", sejak {_local(since):%d-%m-%Y %H.%M.%S}"
    return (f"basis data sedang dikunci oleh {who}; perubahan ini tidak tersimpan. Coba lagi sebentar lagi; "
            "bila tetap terkunci, tutup program itu atau minta pengelola server menghentikan sesinya")


def _holder(db: pw.Database) -> tuple[str, str | None, datetime | None] | None:
    """Who holds the lock we waited for, asked on a connection of its own (ours may be aborted)."""
    try:
        conn = db._connect()
    except Exception:  # noqa: BLE001  (the message is still useful without the name)
        return None
    try:
        with conn.cursor() as cursor:
            cursor.execute(_HOLDER_SQL)
            return cursor.fetchone()
    except Exception:  # noqa: BLE001
        return None
    finally:
        conn.close()


def _local(moment: datetime) -> datetime:
    return moment.astimezone() if moment.tzinfo else moment
