"""Backups in the running application: the daily copy on a timer in the background, the list in
Pengaturan → Basis data, the number of days kept, a restore with a confirmation that says what it
replaces (nothing lost), and the pg_dump commands for a PostgreSQL server."""

from __future__ import annotations

import sqlite3
from datetime import timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from kpu_desk.gui.daily_backup import DailyBackupScheduler
from kpu_desk.gui.pages.settings import database_tab
from kpu_desk.store import close_database, daily_backup, models, open_database, write_transaction
from kpu_desk.store.backup import backups_dir
from kpu_desk.store.connection import make_database
from kpu_desk.gui import wallclock


def _database_tab(open_main_window, username="admin"):
    window = open_main_window(username)
    page = window.show_page("settings")
    return window, page.show_tab("database")


def _rows(tab) -> list[list[str]]:
    return [[tab.backupList.topLevelItem(i).text(c) for c in range(4)] for i in range(tab.backupList.topLevelItemCount())]


def test_the_daily_copy_is_taken_in_the_background_after_opening(qtbot, demo_database, open_main_window):
    window = open_main_window("resepsionis")
    scheduler = DailyBackupScheduler(window, check_ms=60000, first_check_ms=0).start()
    try:
        today = daily_backup.daily_path(Path(demo_database.database), wallclock.today())
        qtbot.waitUntil(lambda: scheduler.last_check is not None, timeout=60000)
        assert scheduler.last_problem == "" and scheduler.last_result is not None, scheduler.last_problem
        assert today.is_file() and scheduler.last_result.path == today
        with sqlite3.connect(today) as copy:
            assert copy.execute('SELECT COUNT(*) FROM "user"').fetchone()[0] == 12

        taken = today.stat().st_mtime_ns
        second = scheduler.check()  # the next tick: today's copy is there, nothing to do
        qtbot.waitUntil(lambda: not second.running, timeout=20000)
        assert today.stat().st_mtime_ns == taken and scheduler.last_problem == ""
    finally:
        scheduler.stop()


def test_a_daily_copy_that_fails_is_said_in_the_status_bar(qtbot, demo_database, open_main_window):
    window = open_main_window("resepsionis")
    folder = backups_dir()
    folder.rmdir()
    folder.write_text("bukan folder")
    scheduler = DailyBackupScheduler(window, check_ms=60000, first_check_ms=0)
    problems = []
    scheduler.problem.connect(problems.append)
    scheduler.start()
    try:
        qtbot.waitUntil(lambda: bool(problems), timeout=20000)
    finally:
        scheduler.stop()
    assert "folder cadangan" in problems[0] and "tidak dapat dibuat" in problems[0]
    assert "Cadangan harian gagal" in window.statusBar().currentMessage()


def test_the_backups_are_listed_and_the_days_kept_are_set(qtbot, demo_database, open_main_window):
    source = Path(demo_database.database)
    daily_backup.run_daily(demo_database)
    old = [daily_backup.daily_path(source, wallclock.today() - timedelta(days=n)) for n in (3, 10, 20)]
    for path in old:
        path.write_bytes(b"x")
    (backups_dir() / f"{source.stem}-20260101-081500-sebelum-migrasi.sqlite3").write_bytes(b"y" * 2048)

    window, tab = _database_tab(open_main_window)
    assert not tab.restoreBox.isHidden() and tab.pgBox.isHidden()
    rows = _rows(tab)
    assert len(rows) == 5
    kinds = {row[3]: row[1] for row in rows}
    assert kinds[f"{source.stem}-20260101-081500-sebelum-migrasi.sqlite3"] == "Sebelum pembaruan"
    assert kinds[old[0].name] == "Harian"
    assert "1 Jan 2026 08.15" in [row[0] for row in rows] or "1 Jan 08.15" in [row[0] for row in rows]
    assert "2,0 kB" in [row[2] for row in rows]
    assert "Cadangan harian terakhir" in tab.dailyLabel.text()
    assert tab.keepDays.value() == daily_backup.DEFAULT_KEEP_DAYS

    tab.keepDays.setValue(7)
    qtbot.mouseClick(tab.keepButton, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: tab.keeping is not None and not tab.keeping.running, timeout=20000)
    assert "7 hari" in tab.backupLabel.text() and "2 cadangan harian" in tab.backupLabel.text()
    assert daily_backup.keep_days() == 7
    assert old[0].exists() and not old[1].exists() and not old[2].exists()
    assert len(_rows(tab)) == 3  # the copy before migration stays: it is never pruned


def test_others_do_not_restore_or_change_the_days(qtbot, demo_database, open_main_window):
    window, tab = _database_tab(open_main_window, "resepsionis")
    assert tab.restoreBox.isHidden() and not tab.backupBox.isHidden()
    assert not tab.keepDays.isEnabled() and tab.keepButton.isHidden()


def test_restore_from_a_backup_asks_first_replaces_the_database_and_loses_nothing(
        qtbot, demo_database, open_main_window, monkeypatch, _no_blocking_message_boxes):
    restarted = []
    monkeypatch.setattr(database_tab, "restart_application", restarted.append)
    source = Path(demo_database.database)
    copy = daily_backup.run_daily(demo_database).path
    with write_transaction(demo_database):
        models.Setting.create(key="dicatat.sesudah.cadangan", value=True)

    window, tab = _database_tab(open_main_window)
    names = [row[3] for row in _rows(tab)]
    tab.backupList.setCurrentItem(tab.backupList.topLevelItem(names.index(copy.name)))
    qtbot.mouseClick(tab.restoreButton, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(restarted) or "gagal" in tab.restoreLabel.text(), timeout=30000)
    assert restarted == [window], tab.restoreLabel.text()

    said = [entry for entry in _no_blocking_message_boxes if entry[0] == "confirm"]
    assert len(said) == 1
    question = said[0][2]
    assert "DIGANTI" in question and copy.name in question and str(source) in question
    assert "sebelum pemulihan" in question and "dimulai ulang" in question
    info = [entry for entry in _no_blocking_message_boxes if entry[0] == "info"]
    assert info and "dipulihkan" in info[-1][2]
    assert not window.watcher._timer.isActive()  # nothing read the file while it was replaced

    close_database()
    db = open_database(f"sqlite:///{source.as_posix()}")
    try:
        assert models.Setting.get_or_none(models.Setting.key == "dicatat.sesudah.cadangan") is None
        assert models.User.select().count() == 12
    finally:
        close_database()
    aside = [item for item in daily_backup.list_backups() if item.kind == daily_backup.BEFORE_RESTORE]
    assert len(aside) == 1 and aside[0].path.name in info[-1][2]
    with sqlite3.connect(aside[0].path) as kept:  # what was recorded after the backup is kept aside
        assert kept.execute("SELECT COUNT(*) FROM setting WHERE key='dicatat.sesudah.cadangan'").fetchone()[0] == 1
    del db
    open_database(f"sqlite:///{source.as_posix()}")  # the fixture closes it


def test_a_restore_refused_changes_nothing_and_says_why(qtbot, demo_database, open_main_window, monkeypatch, tmp_path):
    restarted = []
    monkeypatch.setattr(database_tab, "restart_application", restarted.append)
    not_a_backup = tmp_path / "bukan-cadangan.sqlite3"
    not_a_backup.write_bytes(b"ini bukan basis data" * 100)
    window, tab = _database_tab(open_main_window)
    tab.ask_restore_file = lambda: str(not_a_backup)
    qtbot.mouseClick(tab.restoreFileButton, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "gagal" in tab.restoreLabel.text(), timeout=20000)
    assert "tidak diubah" in tab.restoreLabel.text() and tab.restoreLabel.property("role") == "error"
    assert not restarted and window.watcher._timer.isActive()
    assert models.User.select().count() == 12


def test_a_declined_restore_does_nothing(qtbot, demo_database, open_main_window, monkeypatch):
    from kpu_desk.gui import messages

    monkeypatch.setattr(messages, "confirm", lambda *args: False)
    daily_backup.run_daily(demo_database)
    window, tab = _database_tab(open_main_window)
    assert tab.restore_from(tab.selected_path()) is None
    assert tab.restoring is None and window.watcher._timer.isActive()


def test_postgresql_shows_the_pg_dump_commands_without_the_password(qtbot, demo_database, open_main_window,
                                                                    monkeypatch):
    window, tab = _database_tab(open_main_window)
    server = make_database("postgresql://kpu:rahasia-sekali@192.168.1.10:5433/kpu_desk")  # never connected
    monkeypatch.setattr(database_tab, "current_database", lambda: server)
    tab.reload()
    assert not tab.pgBox.isHidden() and tab.backupBox.isHidden() and tab.restoreBox.isHidden()
    commands = tab.pgCommands.toPlainText()
    assert 'pg_dump --format=custom --file="kpu-desk-' in commands
    assert 'pg_restore --clean --if-exists --no-owner --dbname="postgresql://kpu@192.168.1.10:5433/kpu_desk"' in commands
    assert "rahasia" not in commands and "PGPASSWORD" in tab.pgHint.text()


@pytest.mark.parametrize("size, text", [(512, "512 B"), (2048, "2,0 kB"), (12_345_678, "12,3 MB")])
def test_sizes_read_the_indonesian_way(size, text):
    assert database_tab.size_text(size) == text


def test_a_closed_windows_scheduler_copies_nothing(qtbot, demo_database, open_main_window):
    window = open_main_window("resepsionis")
    scheduler = DailyBackupScheduler(window, check_ms=60000, first_check_ms=60000).start()
    window.close()
    try:
        assert scheduler.check() is None
    finally:
        scheduler.stop()
    assert daily_backup.is_due(demo_database)
