"""The daily copy of the SQLite database: taken while the database is in use, kept N days, the
other copies never pruned; a backup folder that cannot be written says so in Indonesian; a copy
restores with nothing lost."""

from __future__ import annotations

import os
import sqlite3
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest

from kpu_desk.store import close_database, daily_backup, models, open_database, write_transaction
from kpu_desk.store.backup import backups_dir, restore_sqlite
from kpu_desk.store.errors import StoreError
from kpu_desk.validation import FormError

TODAY = date(2026, 3, 31)


@pytest.fixture
def office(sqlite_url):
    db = open_database(sqlite_url)
    with write_transaction(db):
        models.Setting.create(key="office.name", value="KPU Kabupaten Karanganyar")
    yield db
    close_database()


def _dated_copy(db_file: Path, day: date, content: bytes = b"copy") -> Path:
    path = daily_backup.daily_path(db_file, day)
    path.write_bytes(content)
    return path


def test_the_daily_copy_is_taken_once_a_day_while_the_database_is_open(office):
    source = Path(office.database)
    first = daily_backup.run_daily(office, today=TODAY)
    assert first.created is not None and first.path == backups_dir() / "kpu-desk-harian-2026-03-31.sqlite3"
    assert first.path.is_file() and first.created.size == first.path.stat().st_size
    assert not daily_backup.is_due(office, TODAY) and daily_backup.is_due(office, TODAY + timedelta(days=1))

    # An open write transaction of the application does not stop tomorrow's copy, nor leak into it.
    with write_transaction(office):
        models.Setting.create(key="uncommitted", value=1)
        tomorrow = daily_backup.run_daily(office, today=TODAY + timedelta(days=1))
    copy = sqlite3.connect(tomorrow.path)
    try:
        keys = {row[0] for row in copy.execute("SELECT key FROM setting")}
        assert copy.execute("PRAGMA journal_mode").fetchone()[0] == "delete"  # one self-contained file
    finally:
        copy.close()
    assert "office.name" in keys and "uncommitted" not in keys

    again = daily_backup.run_daily(office, today=TODAY)
    assert again.created is None and again.pruned == ()
    assert source.is_file()


def test_daily_copies_older_than_the_kept_days_are_pruned_and_nothing_else(office):
    source = Path(office.database)
    folder = backups_dir()
    old = [_dated_copy(source, TODAY - timedelta(days=n)) for n in (1, 2, 3, 6, 7, 30)]
    before_migration = folder / "kpu-desk-20250101-080000-sebelum-migrasi.sqlite3"
    before_restore = folder / "kpu-desk-20250102-090000-sebelum-pemulihan.sqlite3"
    another_database = folder / "cabang-harian-2020-01-01.sqlite3"
    by_hand = folder / "salinan-flashdisk.sqlite3"
    for path in (before_migration, before_restore, another_database, by_hand):
        path.write_bytes(b"keep me")

    result = daily_backup.run_daily(office, today=TODAY, keep=7)
    # keep=7: today and the six days before it.
    assert sorted(result.pruned) == sorted([old[4], old[5]])
    assert all(path.exists() for path in old[:4])
    assert all(path.exists() for path in (before_migration, before_restore, another_database, by_hand))

    assert daily_backup.prune(source, 1, TODAY) == tuple(sorted(old[:4]))
    assert result.path.exists()  # today's copy is always kept


def test_the_number_of_days_is_an_office_setting(office):
    assert daily_backup.keep_days() == daily_backup.DEFAULT_KEEP_DAYS
    assert daily_backup.set_keep_days(30, actor="admin") == 30
    assert daily_backup.keep_days() == 30
    entry = models.AuditEntry.select().order_by(models.AuditEntry.id.desc()).first()
    assert (entry.action, entry.actor, entry.detail) == ("backup.keep_days", "admin", {"days": 30})
    for wrong in (0, -3, 1000, "tiga"):
        with pytest.raises(FormError) as problem:
            daily_backup.set_keep_days(wrong)
        assert "masa simpan cadangan harian" in str(problem.value)
    assert daily_backup.keep_days() == 30

    source = Path(office.database)
    for n in range(40):
        _dated_copy(source, TODAY - timedelta(days=n))
    pruned = daily_backup.run_daily(office, today=TODAY).pruned  # keep comes from the setting
    assert len(pruned) == 10


def test_the_list_of_backups_says_what_each_copy_is(office):
    daily_backup.run_daily(office, today=TODAY)
    folder = backups_dir()
    (folder / "kpu-desk-20260330-171500-sebelum-migrasi.sqlite3").write_bytes(b"x" * 10)
    (folder / "kpu-desk-20260329-101500-sebelum-pemulihan-2.sqlite3").write_bytes(b"x" * 20)
    (folder / "catatan.txt").write_text("not a backup")
    listed = daily_backup.list_backups()
    kinds = {item.name: item.kind for item in listed}
    assert kinds == {
        "kpu-desk-harian-2026-03-31.sqlite3": daily_backup.DAILY,
        "kpu-desk-20260330-171500-sebelum-migrasi.sqlite3": daily_backup.BEFORE_MIGRATION,
        "kpu-desk-20260329-101500-sebelum-pemulihan-2.sqlite3": daily_backup.BEFORE_RESTORE,
    }
    migration = next(item for item in listed if item.kind == daily_backup.BEFORE_MIGRATION)
    assert migration.taken_at.strftime("%Y-%m-%d %H:%M") == "2026-03-30 17:15" and migration.size == 10
    assert [item.taken_at for item in listed] == sorted((item.taken_at for item in listed), reverse=True)
    assert not migration.pruned_automatically


def test_a_daily_copy_restores_and_nothing_is_lost(office, sqlite_url):
    copy = daily_backup.run_daily(office, today=TODAY).path
    with write_transaction(office):
        models.Setting.create(key="after.backup", value="dicatat sesudah cadangan")
    close_database()

    result = restore_sqlite(copy, sqlite_url)
    assert result.set_aside is not None and result.set_aside.parent == backups_dir()
    db = open_database(sqlite_url)
    try:
        assert models.Setting.get_or_none(models.Setting.key == "after.backup") is None
        assert models.Setting.get_by_id("office.name").value == "KPU Kabupaten Karanganyar"
    finally:
        close_database()
    # What was recorded after the backup is still in the copy set aside before restoring.
    aside = sqlite3.connect(result.set_aside)
    try:
        assert aside.execute("SELECT value FROM setting WHERE key='after.backup'").fetchone() is not None
    finally:
        aside.close()
    listed = {item.path: item.kind for item in daily_backup.list_backups()}
    assert listed[result.set_aside] == daily_backup.BEFORE_RESTORE and listed[copy] == daily_backup.DAILY
    del db


def test_a_file_where_the_backup_folder_should_be_is_a_clear_message(office):
    folder = Path(os.environ["KPU_DESK_DATA"]) / "backups"
    folder.parent.mkdir(parents=True, exist_ok=True)
    if folder.is_dir():
        folder.rmdir()
    folder.write_text("not a folder")
    with pytest.raises(StoreError) as problem:
        daily_backup.run_daily(office, today=TODAY)
    text = str(problem.value)
    assert "folder cadangan" in text and "tidak dapat dibuat" in text and "sudah ada berkas" in text


def test_a_locked_backup_folder_is_a_clear_message(office, monkeypatch):
    backups_dir()  # exists
    real_open = open

    def refusing_open(path, *args, **kwargs):
        if ".uji-tulis-" in str(path):  # what a read-only or locked folder answers
            raise PermissionError(13, "Permission denied", str(path))
        return real_open(path, *args, **kwargs)

    if os.geteuid() != 0:  # a real read-only folder where permissions bind
        backups_dir().chmod(0o500)
    else:  # root writes everywhere: the folder answers as a locked one would
        monkeypatch.setattr("builtins.open", refusing_open)
    try:
        with pytest.raises(StoreError) as problem:
            daily_backup.run_daily(office, today=TODAY)
    finally:
        backups_dir().chmod(0o755)
    text = str(problem.value)
    assert "folder cadangan" in text and "tidak dapat ditulis" in text and "terkunci atau hanya-baca" in text
    assert not daily_backup.daily_path(Path(office.database), TODAY).exists()


def test_a_backup_folder_that_cannot_be_created_is_a_clear_message(office, monkeypatch, tmp_path):
    blocker = tmp_path / "berkas"
    blocker.write_text("x")
    monkeypatch.setenv("KPU_DESK_DATA", str(blocker / "data"))  # a folder inside a file cannot exist
    with pytest.raises(StoreError) as problem:
        daily_backup.run_daily(office, today=TODAY)
    assert "folder cadangan" in str(problem.value) and "tidak dapat dibuat" in str(problem.value)


def test_postgresql_has_no_daily_copy(postgres_url):
    db = open_database(postgres_url)
    try:
        assert not daily_backup.applies_to(db) and not daily_backup.is_due(db)
        with pytest.raises(StoreError) as problem:
            daily_backup.run_daily(db)
        assert "pg_dump" in str(problem.value)
    finally:
        close_database()


def test_only_copies_in_the_backup_folder_can_be_deleted(office, tmp_path):
    copy = daily_backup.run_daily(office, today=TODAY).path
    elsewhere = tmp_path / "kpu-desk.sqlite3"
    with pytest.raises(StoreError):
        daily_backup.delete_backup(elsewhere)
    daily_backup.delete_backup(copy)
    assert not copy.exists()


def test_a_daily_copy_is_dated_by_its_name_when_copied_in_later(office):
    copied = _dated_copy(Path(office.database), date(2025, 12, 30))  # e.g. brought back from a USB drive today
    listed = {item.path: item for item in daily_backup.list_backups()}
    assert listed[copied].kind == daily_backup.DAILY
    assert listed[copied].taken_at == datetime(2025, 12, 30, 0, 0)
