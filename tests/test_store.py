"""Storage: opening, migrating, refusing bad databases, the audit chain, attachments, backups.

Through the public entry points: `kpu-desk --db URL db …` and kpu_desk.store.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import threading
from pathlib import Path

import peewee as pw
import pytest

from kpu_desk import paths
from pg_support import password_asking_server
from store_support import damage_forty_pages, fill_leaving, small_disk
from kpu_desk.store import StoreError, close_database, open_database, write_transaction
from kpu_desk.store import audit, health, migrate
from kpu_desk.store.attachments import open_attachment, path_for, store_file
from kpu_desk.store.backup import backup_sqlite, integrity_check
from kpu_desk.store.connection import data_dir
from kpu_desk.store.models import ALL_MODELS, AuditEntry, Case, Setting, SopVersion


def _path(url: str) -> Path:
    return Path(url[len("sqlite:///"):])


def _add_cases(count: int, start: int = 1) -> list[str]:
    db = Case._meta.database.obj
    numbers = []
    with write_transaction(db):
        version = SopVersion.get_or_create(sop_id="uji", version=1,
                                           defaults={"fingerprint": "f" * 64, "definition": "id: uji"})[0]
        for n in range(start, start + count):
            case = Case.create(number=f"UJ-2026-{n:05d}", sop_version=version, sop_id="uji", title=f"kasus {n}")
            audit.record("case.start", "case", case.number, {"step": 1}, actor="admin")
            numbers.append(case.number)
    return numbers


def _snapshot(db: pw.Database) -> dict[str, list[tuple]]:
    """Every row of every table, in a stable order: for comparing whole databases."""
    tables = {}
    for model in ALL_MODELS:
        query = model.select().order_by(*model._meta.get_primary_keys()).tuples()
        tables[model._meta.table_name] = list(query)
    return tables


def _future_migration(db: pw.Database) -> None:
    db.execute_sql(f'INSERT INTO "{migrate.HISTORY_TABLE}" (name, applied) VALUES (%s, %s)'
                   .replace("%s", db.param), ("999_from_the_future", "2030-01-01 00:00:00"))


@pytest.fixture
def extra_migration(tmp_path, monkeypatch):
    """A migrations folder holding the real scripts plus a 002 whose body the test writes."""
    folder = tmp_path / "migrations"
    shutil.copytree(paths.migrations_dir(), folder, ignore=shutil.ignore_patterns("__pycache__"))
    monkeypatch.setattr(paths, "migrations_dir", lambda: folder)

    def write(body: str) -> Path:
        script = folder / "002_test.py"
        script.write_text("from peewee import *\nfrom playhouse.migrate import migrate\n\n\n"
                          "def up(migrator, db):\n" + body, encoding="utf-8")
        return script

    return write


@pytest.fixture
def sqlite_database(sqlite_url):
    """The SQLite engine only: for what only SQLite files have (backups, file damage)."""
    db = open_database(sqlite_url)
    yield db
    close_database()


ADD_NOTE = "    migrate(migrator.add_column('setting', 'note', TextField(default='')))\n"


# --- opening and migrating ------------------------------------------------------------


def test_open_migrates_to_the_code_version(database):
    state = migrate.status(database)
    assert state.pending == () and state.unknown == ()
    assert state.db_version == migrate.code_version() >= 1
    assert {m._meta.table_name for m in ALL_MODELS} <= set(database.get_tables())
    assert _add_cases(2) == ["UJ-2026-00001", "UJ-2026-00002"]
    if isinstance(database, pw.SqliteDatabase):
        assert database.pragma("journal_mode") == "wal"
        assert database.pragma("foreign_keys") == 1
        assert database.pragma("synchronous") == 2  # FULL: a commit survives a power cut


def test_the_migrations_create_exactly_the_tables_of_the_models(database):
    """Guards against a model change without its migration (or the reverse)."""
    for model in ALL_MODELS:
        table = model._meta.table_name
        columns = {c.name: c.null for c in database.get_columns(table)}
        expected = {f.column_name: f.null for f in model._meta.sorted_fields}
        assert columns == expected, table
        pk_columns = {f.column_name for f in model._meta.get_primary_keys()}
        indexes = {(frozenset(i.columns), i.unique) for i in database.get_indexes(table)
                   if set(i.columns) != pk_columns}
        wanted = {(frozenset(f.column_name for f in index._expressions), index._unique)
                  for index in model._meta.fields_to_index()}
        assert indexes == wanted, table


def test_the_default_database_is_a_sqlite_file_in_the_data_folder(run_cli):
    code, out, _ = run_cli("db", "upgrade")
    assert code == 0 and f"Versi skema sesudah: {migrate.code_version()}" in out
    assert (data_dir() / "kpu-desk.sqlite3").is_file()


def test_kpu_desk_db_chooses_the_database(run_cli, sqlite_url, monkeypatch):
    monkeypatch.setenv("KPU_DESK_DB", sqlite_url)
    assert run_cli("db", "upgrade")[0] == 0
    assert _path(sqlite_url).is_file()
    assert not (data_dir() / "kpu-desk.sqlite3").exists()


def test_upgrade_prints_the_versions_and_is_idempotent(run_cli, database_url):
    code, out, _ = run_cli("--db", database_url, "db", "upgrade")
    assert code == 0
    now = migrate.code_version()
    assert "Versi skema sebelum: 0" in out and f"Versi skema sesudah: {now}" in out
    assert "001_initial" in out and "002_desk_letters" in out
    code, out, _ = run_cli("--db", database_url, "db", "upgrade")
    assert code == 0 and f"Versi skema sebelum: {now}" in out and "tidak ada yang diubah" in out


def test_a_database_from_a_newer_version_is_refused(database, database_url, run_cli):
    _future_migration(database)
    close_database()
    with pytest.raises(StoreError, match="dibuat oleh versi KPU Desk yang lebih baru"):
        open_database(database_url)
    for command in (["db", "check"], ["db", "upgrade"], ["db", "verify-audit"]):
        code, out, err = run_cli("--db", database_url, *command)
        assert code == 2, command
        assert err.startswith("kpu-desk: Basis data ini dibuat oleh versi KPU Desk yang lebih baru")
        assert "Traceback" not in err and out == ""


def test_an_existing_sqlite_file_is_copied_aside_before_migrating(sqlite_url, extra_migration, run_cli):
    open_database(sqlite_url, migrate=False)  # created at version 0: nothing to keep, no copy
    close_database()
    assert not (data_dir() / "backups").exists() or not any((data_dir() / "backups").iterdir())
    open_database(sqlite_url)
    Setting.create(key="kantor", value={"nama": "KPU Kota Contoh"})
    close_database()

    extra_migration(ADD_NOTE)
    code, out, _ = run_cli("--db", sqlite_url, "db", "upgrade")
    assert code == 0
    now = migrate.code_version()
    assert f"Versi skema sebelum: {now - 1}" in out and f"Versi skema sesudah: {now}" in out
    copies = list((data_dir() / "backups").glob("*-sebelum-migrasi.sqlite3"))
    assert len(copies) == 1 and f"Salinan sebelum pembaruan: {copies[0]}" in out
    with sqlite3.connect(copies[0]) as old:
        assert old.execute("SELECT key, value FROM setting").fetchall() == [("kantor", '{"nama": "KPU Kota Contoh"}')]
        assert "note" not in [row[1] for row in old.execute("PRAGMA table_info(setting)")]
    with sqlite3.connect(_path(sqlite_url)) as new:
        assert "note" in [row[1] for row in new.execute("PRAGMA table_info(setting)")]


def test_a_failing_migration_changes_nothing(database_url, extra_migration, run_cli):
    open_database(database_url)
    Setting.create(key="kantor", value="tetap")
    close_database()
    extra_migration(ADD_NOTE + "    raise RuntimeError('langkah migrasi gagal')\n")

    code, _, err = run_cli("--db", database_url, "db", "upgrade")
    assert code == 2
    assert "pembaruan skema basis data gagal, basis data tidak diubah" in err and "Traceback" not in err
    db = open_database(database_url, migrate=False)
    assert [c.name for c in db.get_columns("setting")] == ["key", "value"]
    assert migrate.status(db).pending == ("002_test",)
    assert Setting.get_by_id("kantor").value == "tetap"
    if database_url.startswith("sqlite"):
        assert "salinan sebelum pembaruan" in err
        assert len(list((data_dir() / "backups").glob("*-sebelum-migrasi.sqlite3"))) == 1


# --- bad input: missing folders, locks, damage -------------------------------------------


def test_a_sqlite_path_in_a_missing_folder_is_an_error(tmp_path, run_cli):
    missing = tmp_path / "tidak-ada"
    code, _, err = run_cli("--db", f"sqlite:///{missing.as_posix()}/kpu.sqlite3", "db", "upgrade")
    assert code == 2 and f"folder basis data {missing} tidak ada" in err
    assert not missing.exists()


def test_check_of_a_missing_file_does_not_create_it(tmp_path, run_cli):
    target = tmp_path / "salah-ketik.sqlite3"
    code, _, err = run_cli("--db", f"sqlite:///{target.as_posix()}", "db", "check")
    assert code == 2 and "tidak ada" in err
    assert not target.exists()


@pytest.mark.slow
def test_a_write_locked_database_is_reported_and_nothing_is_written(sqlite_url, extra_migration, run_cli):
    open_database(sqlite_url)
    close_database()
    extra_migration(ADD_NOTE)
    holder = sqlite3.connect(_path(sqlite_url), isolation_level=None)
    try:
        holder.execute("BEGIN IMMEDIATE")  # another program is in the middle of writing
        holder.execute("INSERT INTO setting (key, value) VALUES ('lain', '1')")
        code, out, err = run_cli("--db", sqlite_url, "db", "upgrade")
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert code == 2
    assert "basis data sedang dikunci oleh program lain" in err and "Traceback" not in err
    assert "Versi skema sesudah" not in out
    db = open_database(sqlite_url, migrate=False)
    assert migrate.status(db).pending == ("002_test",)
    assert "note" not in [c.name for c in db.get_columns("setting")]


@pytest.mark.slow
def test_an_exclusively_locked_database_cannot_even_be_opened(sqlite_url, run_cli):
    open_database(sqlite_url)
    close_database()
    holder = sqlite3.connect(_path(sqlite_url), isolation_level=None)
    try:
        holder.execute("PRAGMA journal_mode=DELETE")  # e.g. a copy another tool opened
        holder.execute("BEGIN EXCLUSIVE")
        holder.execute("INSERT INTO setting (key, value) VALUES ('lain', '1')")
        code, _, err = run_cli("--db", sqlite_url, "db", "check")
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert code == 2 and "basis data sedang dikunci oleh program lain" in err


def _damage_random(path: Path) -> None:
    path.write_bytes(os.urandom(64 * 1024))


def _damage_truncated(path: Path) -> None:
    with open(path, "r+b") as handle:
        handle.truncate(path.stat().st_size // 2)


def _damage_page(path: Path) -> None:
    # Scribble over the middle of the file but keep the header: only a check sees it.
    data = bytearray(path.read_bytes())
    middle = len(data) // 2
    data[middle:middle + 8192] = os.urandom(8192)
    path.write_bytes(bytes(data))


@pytest.mark.parametrize("damage", [_damage_random, _damage_truncated, _damage_page])
def test_a_damaged_file_is_reported_and_left_as_it_is(sqlite_url, run_cli, damage):
    open_database(sqlite_url)
    _add_cases(300)
    close_database()  # a clean close folds the WAL back into the file
    path = _path(sqlite_url)
    damage(path)
    before = path.read_bytes()
    for command in (["db", "check"], ["db", "upgrade"], ["db", "verify-audit"]):
        code, out, err = run_cli("--db", sqlite_url, *command)
        assert code in (1, 2), command
        assert "rusak" in err + out and "Traceback" not in err
    assert path.read_bytes() == before
    with pytest.raises(StoreError, match="rusak"):
        open_database(sqlite_url, check=True)


def test_a_damaged_file_takes_no_write_from_everyday_commands(sqlite_url, run_cli):
    from engine_support import make_users

    open_database(sqlite_url)
    make_users()
    _add_cases(3000)
    close_database()
    path = _path(sqlite_url)
    damage_forty_pages(path)
    before = path.read_bytes()
    code, out, err = run_cli("--db", sqlite_url, "case", "start", "karanganyar-pelayanan-umum",
                             "--field", "nama_tamu=Budi Santoso", "--field", "asal_tamu=Pribadi",
                             "--field", "jumlah_tamu=1", "--user", "resepsionis1")
    assert code == 2 and "Traceback" not in err
    assert "berkas basis data rusak" in err and "Pengaturan → Basis data → Pulihkan dari cadangan" in err
    assert "kpu-desk db restore" in err
    assert path.read_bytes() == before
    wal = path.with_name(path.name + "-wal")
    assert not wal.exists() or wal.stat().st_size == 0


def test_writes_that_bypass_the_transaction_helper_are_refused_too(sqlite_url):
    open_database(sqlite_url)
    _add_cases(3000)
    close_database()
    damage_forty_pages(_path(sqlite_url))
    open_database(sqlite_url, migrate=False, writes_wait=False)
    assert health.wait() is not None
    with pytest.raises(pw.DatabaseError, match="not authorized"):
        Setting.create(key="x", value="1")  # autocommit, no write_transaction
    close_database()


@pytest.mark.parametrize("free_kb", [32, 128])
def test_a_full_disk_is_said_and_nothing_is_half_written(tmp_path, run_cli, free_kb):
    from engine_support import make_users

    template = tmp_path / "kantor.sqlite3"
    open_database(f"sqlite:///{template.as_posix()}")
    make_users()
    close_database()
    with small_disk(tmp_path / "disk") as disk:
        shutil.copyfile(template, disk / "kantor.sqlite3")
        url = f"sqlite:///{(disk / 'kantor.sqlite3').as_posix()}"
        filler = fill_leaving(disk, free_kb)
        code, _, err = run_cli("--db", url, "case", "start", "karanganyar-pelayanan-umum",
                               "--field", "nama_tamu=Budi Santoso", "--field", "asal_tamu=Pribadi",
                               "--field", "jumlah_tamu=1", "--user", "resepsionis1")
        assert code == 2 and "Traceback" not in err
        assert "disk penuh" in err and "tidak tersimpan" in err and "rollback" not in err
        filler.unlink()
        assert run_cli("--db", url, "db", "check")[1].startswith("baik")
        assert run_cli("--db", url, "case", "list", "--json")[1].strip() == "[]"


def test_a_full_disk_inside_a_nested_transaction_is_said_as_such(tmp_path):
    from kpu_desk.store import translated

    with small_disk(tmp_path / "disk") as disk:
        db = open_database(f"sqlite:///{(disk / 'kantor.sqlite3').as_posix()}")
        try:
            db.execute_sql("PRAGMA cache_size = 10")  # pages spill to the WAL inside the savepoint
            fill_leaving(disk, 32)
            with pytest.raises(StoreError, match="disk penuh") as raised:
                with translated(db), write_transaction(db), write_transaction(db):
                    for n in range(50):
                        Setting.create(key=f"isi{n}", value="x" * 4000)
            assert "savepoint" not in str(raised.value)
        finally:
            close_database()


def test_a_backup_onto_a_full_disk_blames_that_disk_and_leaves_nothing_there(sqlite_database, sqlite_url, tmp_path,
                                                                             run_cli):
    _add_cases(300)
    close_database()
    with small_disk(tmp_path / "usb") as usb:
        filler = fill_leaving(usb, 64)
        code, _, err = run_cli("--db", sqlite_url, "db", "backup", str(usb / "cadangan.sqlite3"))
        assert code == 2 and "disk tujuan penuh" in err and str(usb / "cadangan.sqlite3") in err
        assert "kpu-desk.sqlite3" not in err  # the database is not the one to blame
        assert sorted(p.name for p in usb.iterdir()) == [filler.name]


def test_a_restore_whose_copy_aside_meets_a_full_disk_changes_nothing(sqlite_database, sqlite_url, tmp_path,
                                                                       run_cli, monkeypatch):
    _add_cases(300)
    backup = tmp_path / "cadangan.sqlite3"
    backup_sqlite(sqlite_database, backup)
    close_database()
    before = _path(sqlite_url).read_bytes()
    with small_disk(tmp_path / "data") as data:
        monkeypatch.setenv("KPU_DESK_DATA", str(data))  # backups/ lands on the small disk
        (data / "backups").mkdir()
        filler = fill_leaving(data, 64)
        code, _, err = run_cli("--db", sqlite_url, "db", "restore", str(backup))
        assert code == 2 and "disk tujuan penuh" in err and str(data / "backups") in err
        assert list((data / "backups").iterdir()) == []
        filler.unlink()
    assert _path(sqlite_url).read_bytes() == before


def test_check_reports_a_broken_reference(sqlite_url, run_cli):
    open_database(sqlite_url)
    close_database()
    with sqlite3.connect(_path(sqlite_url)) as raw:  # foreign keys are off in a plain connection
        raw.execute("INSERT INTO \"case\" (number, sop_version_id, sop_id, title, state, started_at, row_version) "
                    "VALUES ('UJ-2026-00009', 77, 'uji', '', 'open', '2026-01-05 08:00:00', 1)")
    code, out, _ = run_cli("--db", sqlite_url, "db", "check")
    assert code == 1
    assert "tabel case baris 1: rujukan ke tabel sop_version tidak ditemukan" in out


def test_check_says_baik(database, database_url, run_cli):
    _add_cases(3)
    assert integrity_check(database) == []
    code, out, _ = run_cli("--db", database_url, "db", "check")
    assert code == 0 and out.startswith("baik")


def test_a_postgresql_port_where_nothing_listens(run_cli):
    code, _, err = run_cli("--db", "postgresql://kpu:rahasia@127.0.0.1:1/kpu", "db", "check")
    assert code == 2 and "server 127.0.0.1:1 menolak sambungan" in err and "port" in err
    assert "rahasia" not in err


def test_an_unknown_postgresql_host(run_cli):
    code, _, err = run_cli("--db", "postgresql://kpu@server-kpu.invalid/kpu", "db", "check")
    assert code == 2 and "nama server 'server-kpu.invalid' tidak dikenal" in err


def test_a_missing_or_wrong_postgresql_password_is_said_as_such(run_cli):
    with password_asking_server() as port:
        code, _, err = run_cli("--db", f"postgresql://kpu@127.0.0.1:{port}/kpu", "db", "check")
        assert code == 2 and "meminta kata sandi pengguna 'kpu'" in err and "tidak dapat dihubungi" not in err
        code, _, err = run_cli("--db", f"postgresql://kpu:salah@127.0.0.1:{port}/kpu", "db", "check")
        assert code == 2 and "menolak login pengguna 'kpu': nama pengguna atau kata sandi salah" in err
        assert "salah@" not in err


@pytest.mark.postgres
def test_missing_postgresql_database_and_user(postgres_url, run_cli):
    base, _ = postgres_url.rsplit("/", 1)
    code, _, err = run_cli("--db", f"{base}/tidak_ada", "db", "check")
    assert code == 2 and "basis data 'tidak_ada' tidak ada di server PostgreSQL" in err
    stranger = postgres_url.replace("://kpu@", "://orang_asing@")
    code, _, err = run_cli("--db", stranger, "db", "check")
    assert code == 2 and "pengguna 'orang_asing' tidak dikenal" in err


@pytest.mark.postgres
def test_postgresql_sessions_have_time_limits_and_name_the_workstation(postgres_url):
    import socket

    db = open_database(postgres_url)
    try:
        shown = {name: db.execute_sql(f"SHOW {name}").fetchone()[0]
                 for name in ("lock_timeout", "statement_timeout", "idle_in_transaction_session_timeout",
                              "application_name")}
    finally:
        close_database()
    assert shown == {"lock_timeout": "10s", "statement_timeout": "2min",
                     "idle_in_transaction_session_timeout": "2min",
                     "application_name": f"kpu-desk {socket.gethostname()}"[:63]}


@pytest.mark.postgres
def test_a_lock_held_elsewhere_ends_the_wait_and_names_the_holder(postgres_url, run_cli, monkeypatch):
    import psycopg2

    from engine_support import make_users
    from kpu_desk.store import connection

    open_database(postgres_url)
    make_users()
    close_database()
    monkeypatch.setitem(connection.PG_SESSION_SETTINGS, "lock_timeout", "1s")  # the wait's length is not tested
    holder = psycopg2.connect(postgres_url, application_name="psql di meja TU")
    try:
        with holder.cursor() as cursor:  # BEGIN; the audit chain's lock; then nothing, for as long as it likes
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", (audit._PG_LOCK_KEY,))
        code, _, err = run_cli("--db", postgres_url, "case", "start", "karanganyar-pelayanan-umum",
                               "--field", "nama_tamu=Budi Santoso", "--field", "asal_tamu=Pribadi",
                               "--field", "jumlah_tamu=1", "--user", "resepsionis1")
    finally:
        holder.close()
    assert code == 2 and "Traceback" not in err
    assert "dikunci oleh 'psql di meja TU' dari 127.0.0.1, sejak " in err and "tidak tersimpan" in err
    assert run_cli("--db", postgres_url, "case", "list", "--json")[1].strip() == "[]"


@pytest.mark.postgres
def test_a_full_disk_on_the_postgresql_server_is_said_as_such(postgres_url, run_cli, tmp_path_factory):
    import tempfile

    import psycopg2

    from engine_support import make_users, sync_shipped

    open_database(postgres_url)
    make_users()
    sync_shipped()  # every role acts in every lane: the case start reaches the full disk, not a refusal
    close_database()
    admin = psycopg2.connect(postgres_url)
    admin.autocommit = True
    cursor = admin.cursor()
    cursor.execute("SHOW data_directory")
    server_uid = os.stat(cursor.fetchone()[0]).st_uid
    folder = Path(tempfile.mkdtemp(prefix="kpu-desk-pgdisk-"))  # outside pytest's root-only folders
    try:
        with small_disk(folder, size_kb=1024) as disk:
            os.chown(disk, server_uid, -1)
            cursor.execute(f"CREATE TABLESPACE uji_penuh LOCATION '{disk}'")
            try:
                cursor.execute('ALTER TABLE "case" SET TABLESPACE uji_penuh')
                filler = fill_leaving(disk, 0)
                code, _, err = run_cli("--db", postgres_url, "case", "start", "karanganyar-pelayanan-umum",
                                       "--field", "nama_tamu=Budi Santoso", "--field", "asal_tamu=Pribadi",
                                       "--field", "jumlah_tamu=1", "--user", "resepsionis1")
                filler.unlink()
                assert code == 2 and "Traceback" not in err
                assert "disk server PostgreSQL" in err and "penuh" in err and "tidak tersimpan" in err
                assert run_cli("--db", postgres_url, "case", "list", "--json")[1].strip() == "[]"
            finally:
                cursor.execute('ALTER TABLE "case" SET TABLESPACE pg_default')
                cursor.execute("DROP TABLESPACE uji_penuh")
    finally:
        admin.close()
        folder.rmdir()


# --- the audit chain --------------------------------------------------------------------


def test_the_audit_chain_verifies(database, database_url, run_cli):
    _add_cases(5)
    result = audit.verify()
    assert result.ok and result.count == 5
    first = AuditEntry.get_by_id(1)
    assert first.prev_hash == "0" * 64 and AuditEntry.get_by_id(2).prev_hash == first.hash
    code, out, _ = run_cli("--db", database_url, "db", "verify-audit")
    assert code == 0 and "rantai audit utuh: 5 entri" in out


def test_an_edited_audit_entry_is_named(database, database_url, run_cli):
    _add_cases(5)
    database.execute_sql(f"UPDATE audit_entry SET detail = {database.param} WHERE id = 3", ('{"step": 2}',))
    code, out, _ = run_cli("--db", database_url, "db", "verify-audit")
    assert code == 1 and "entri audit #3 telah diubah" in out


def test_an_edited_and_rehashed_audit_entry_is_named(database, database_url, run_cli):
    _add_cases(5)
    entry = AuditEntry.get_by_id(3)
    entry.actor = "penyusup"
    entry.hash = audit.entry_hash(entry.prev_hash, entry.at, entry.actor, entry.action, entry.entity,
                                  entry.entity_id, entry.detail)
    entry.save()
    code, out, _ = run_cli("--db", database_url, "db", "verify-audit")
    assert code == 1 and "entri audit #3 telah diubah" in out


def test_a_removed_audit_entry_is_named(database, database_url, run_cli):
    _add_cases(5)
    database.execute_sql("DELETE FROM audit_entry WHERE id = 3")
    code, out, _ = run_cli("--db", database_url, "db", "verify-audit")
    assert code == 1 and "entri audit sesudah #2 telah dihapus" in out
    database.execute_sql("DELETE FROM audit_entry WHERE id = 1")
    assert audit.verify().message == "entri audit sebelum #2 telah dihapus"


def test_a_rolled_back_entry_leaves_no_gap(database):
    _add_cases(1)
    with pytest.raises(RuntimeError):
        with write_transaction(database):
            audit.record("case.start", "case", "UJ-2026-00002")
            raise RuntimeError("dibatalkan")
    audit.record("case.start", "case", "UJ-2026-00003")
    result = audit.verify()
    assert result.ok and [e.id for e in AuditEntry.select().order_by(AuditEntry.id)] == [1, 2]


def test_two_workstations_appending_at_once_keep_one_chain(database):
    errors = []

    def workstation(name: str) -> None:
        try:
            for n in range(25):
                with write_transaction(database):
                    audit.record("visit.check_in", "visit", f"{name}-{n}", actor=name)
        except Exception as exc:  # reported below, with the thread's name
            errors.append(f"{name}: {exc!r}")
        finally:
            database.close()  # this thread's connection

    threads = [threading.Thread(target=workstation, args=(f"ws{i}",)) for i in range(3)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    result = audit.verify()
    assert result.ok and result.count == 75


# --- attachments ---------------------------------------------------------------------


def test_attachments_are_kept_once_per_hash(database, tmp_path):
    scan = tmp_path / "surat.pdf"
    scan.write_bytes(b"%PDF-1.4 surat permohonan")
    first = store_file(scan)
    second = store_file(b"%PDF-1.4 surat permohonan", "salinan.pdf")
    third = store_file(b"lain", "C:\\Users\\tamu\\catatan.txt")
    assert first.sha256 == second.sha256 != third.sha256
    assert (first.filename, first.mime, first.size) == ("surat.pdf", "application/pdf", 25)
    assert third.filename == "catatan.txt"
    files = [p for p in (data_dir() / "attachments").rglob("*") if p.is_file()]
    assert sorted(files) == sorted([path_for(first.sha256), path_for(third.sha256)])
    assert path_for(first.sha256).parent.name == first.sha256[:2]
    assert open_attachment(second).read_bytes() == b"%PDF-1.4 surat permohonan"


def test_a_changed_or_missing_attachment_file_is_refused(database):
    kept = store_file(b"isi asli", "a.txt")
    path_for(kept.sha256).write_bytes(b"isi palsu")
    with pytest.raises(StoreError, match="rusak atau telah diubah"):
        open_attachment(kept)
    again = store_file(b"isi asli", "b.txt")  # the good bytes repair the file
    assert open_attachment(again).read_bytes() == b"isi asli"
    path_for(kept.sha256).unlink()
    with pytest.raises(StoreError, match="tidak ada di folder data"):
        open_attachment(kept)


def test_the_open_database_is_never_read_as_an_attachment(sqlite_database, tmp_path):
    """Reading and closing it would drop this process's POSIX locks on it (see gui/file_dialogs.py)."""
    database_file = Path(sqlite_database.database)
    sqlite_database.execute_sql("CREATE TABLE uji(x)")  # a write: the WAL and its index exist
    other_spelling = tmp_path / "tautan.sqlite3"
    os.link(database_file, other_spelling)
    for chosen in (database_file, Path(f"{database_file}-wal"), Path(f"{database_file}-shm"), other_spelling):
        with pytest.raises(StoreError, match="basis data KPU Desk yang sedang dipakai"):
            store_file(chosen)
    assert store_file(b"bukan basis data", "surat.pdf").size == 16


def test_while_guarded_only_sqlite_opens_the_database_files(sqlite_database, tmp_path):
    """What the desktop application turns on at start (gui/app.py): Python code cannot open them."""
    from kpu_desk.store import dbguard

    database_file = Path(sqlite_database.database)
    sqlite_database.execute_sql("CREATE TABLE uji(x)")
    other_spelling = tmp_path / "tautan.sqlite3"
    os.link(database_file, other_spelling)
    dbguard.guard()
    try:
        for path in (database_file, Path(f"{database_file}-wal"), Path(f"{database_file}-shm"), other_spelling):
            with pytest.raises(PermissionError, match="hanya dibuka oleh SQLite"):
                path.read_bytes()
        with pytest.raises(PermissionError):
            shutil.copyfile(database_file, tmp_path / "salinan.sqlite3")
        with pytest.raises(PermissionError):
            os.open(database_file, os.O_RDONLY)
        sqlite_database.execute_sql("INSERT INTO uji VALUES (1)")  # SQLite itself goes on
        backup_sqlite(sqlite_database, tmp_path / "cadangan.sqlite3")  # so does a second SQLite connection
        assert (tmp_path / "elsewhere.txt").write_text("ok") == 2  # and every other file
    finally:
        dbguard.release()
    assert database_file.read_bytes().startswith(b"SQLite format 3")


# --- backup and restore -------------------------------------------------------------------


def test_backup_while_open_and_restore_round_trip(sqlite_database, sqlite_url, tmp_path, run_cli):
    database = sqlite_database
    _add_cases(20)
    expected = _snapshot(database)
    target = tmp_path / "cadangan.sqlite3"
    reader = database.atomic()  # the application is in the middle of its own transaction
    reader.__enter__()
    try:
        Case.select().count()
        result = backup_sqlite(database, target)
    finally:
        reader.__exit__(None, None, None)
    assert result.version == migrate.code_version() and result.path == target
    assert not Path(f"{target}-wal").exists()
    with sqlite3.connect(target) as copy:
        assert copy.execute("PRAGMA journal_mode").fetchone()[0] == "delete"

    _add_cases(5, start=21)
    Case.delete().where(Case.number == "UJ-2026-00001").execute()
    changed = _snapshot(database)
    close_database()

    code, out, _ = run_cli("--db", sqlite_url, "db", "restore", str(target))
    assert code == 0 and f"dipulihkan dari {target}" in out
    aside = list((data_dir() / "backups").glob("*-sebelum-pemulihan.sqlite3"))
    assert len(aside) == 1 and f"Basis data sebelumnya disimpan di {aside[0]}" in out
    db = open_database(sqlite_url)
    assert _snapshot(db) == expected
    assert audit.verify().ok
    close_database()
    assert _snapshot(open_database(f"sqlite:///{aside[0].as_posix()}", migrate=False)) == changed


def test_backup_through_the_cli(sqlite_database, sqlite_url, tmp_path, run_cli):
    _add_cases(2)
    target = tmp_path / "harian.sqlite3"
    code, out, _ = run_cli("--db", sqlite_url, "db", "backup", str(target))
    assert code == 0 and out.startswith(f"Cadangan tersimpan: {target}") and f"skema versi {migrate.code_version()}" in out
    code, _, err = run_cli("--db", sqlite_url, "db", "backup", str(target))
    assert code == 2 and "sudah ada" in err
    assert run_cli("--db", sqlite_url, "db", "backup", "--force", str(target))[0] == 0


def test_restore_refuses_what_is_not_a_whole_kpu_desk_backup(sqlite_database, sqlite_url, tmp_path, run_cli):
    _add_cases(2)
    newer = tmp_path / "baru.sqlite3"
    backup_sqlite(sqlite_database, newer)
    with sqlite3.connect(newer) as raw:
        raw.execute("INSERT INTO schema_migration (name, applied) VALUES ('999_from_the_future', '2030-01-01')")
    close_database()
    before = _path(sqlite_url).read_bytes()
    junk = tmp_path / "bukan.sqlite3"
    junk.write_bytes(b"ini bukan basis data" * 100)
    code, _, err = run_cli("--db", sqlite_url, "db", "restore", str(junk))
    assert code == 2 and "bukan basis data KPU Desk" in err

    other = tmp_path / "lain.sqlite3"
    with sqlite3.connect(other) as raw:
        raw.execute("CREATE TABLE t (x)")
    code, _, err = run_cli("--db", sqlite_url, "db", "restore", str(other))
    assert code == 2 and "bukan cadangan basis data KPU Desk" in err

    code, _, err = run_cli("--db", sqlite_url, "db", "restore", str(newer))
    assert code == 2 and "versi KPU Desk yang lebih baru" in err
    assert not (data_dir() / "backups").exists() or not any((data_dir() / "backups").iterdir())
    assert _path(sqlite_url).read_bytes() == before


def test_restore_replaces_a_damaged_database(sqlite_url, tmp_path, run_cli):
    open_database(sqlite_url)
    _add_cases(3)
    backup_sqlite(sqlite_url, tmp_path / "cadangan.sqlite3")
    close_database()
    _damage_random(_path(sqlite_url))
    code, out, err = run_cli("--db", sqlite_url, "db", "restore", str(tmp_path / "cadangan.sqlite3"))
    assert code == 0, err
    open_database(sqlite_url)
    assert Case.select().count() == 3 and audit.verify().ok


def test_postgresql_backup_and_restore_say_to_use_pg_dump(run_cli):
    url = "postgresql://kpu:rahasia@db.kantor:5433/kpu_kota"
    code, out, err = run_cli("--db", url, "db", "backup", "kpu.dump")
    assert code == 2 and out == ""
    assert 'pg_dump --format=custom --file="kpu.dump" "postgresql://kpu@db.kantor:5433/kpu_kota"' in err
    assert "rahasia" not in err and "PGPASSWORD" in err
    code, _, err = run_cli("--db", url, "db", "restore", "kpu.dump")
    assert code == 2
    assert 'pg_restore --clean --if-exists --no-owner --dbname="postgresql://kpu@db.kantor:5433/kpu_kota" "kpu.dump"' in err


def test_even_the_quick_way_in_refuses_a_file_that_is_not_a_database(sqlite_url):
    _damage_random(_path(sqlite_url))
    with pytest.raises(StoreError, match="berkas basis data rusak"):
        open_database(sqlite_url, check=False)


def test_the_computers_saved_database_is_used_by_the_command_line(run_cli, sqlite_url, monkeypatch, office_hours):
    from kpu_desk.store.connection import resolve_url, save_url

    save_url(sqlite_url)
    assert resolve_url() == sqlite_url
    assert run_cli("demo", "--days", "1")[0] == 0  # no --db: the saved choice
    code, out, _ = run_cli("--db", sqlite_url, "case", "list", "--json")
    assert code == 0 and out.strip() != "[]"
    monkeypatch.setenv("KPU_DESK_DB", "sqlite:///elsewhere.sqlite3")
    assert resolve_url() == "sqlite:///elsewhere.sqlite3"  # the environment still wins
    save_url(None)
    monkeypatch.delenv("KPU_DESK_DB")
    assert resolve_url().endswith("kpu-desk.sqlite3") and resolve_url() != sqlite_url
