"""File dialogs beside the database: listing its folder must not drop the window's SQLite locks.

POSIX advisory locks belong to the process, and closing any descriptor of a file drops all of the
process's locks on it. When Qt's file dialog opened the database files to guess their type, the
next `kpu-desk` command believed it was alone, checkpointed and deleted the WAL under the window,
and what the window wrote afterwards was lost.
"""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QFileSystemModel, QLineEdit, QMessageBox, QWidget

from kpu_desk.gui.forms.context import dialog_file_chooser
from kpu_desk.gui.letters.register_dialog import choose_scan
from kpu_desk.gui.letters.specimen_dialog import choose_image
from kpu_desk.gui.pages.settings import database_tab
from kpu_desk.gui.printing.printing import ask_save_path
from kpu_desk.gui.widgets.logo_file import ask_logo_file
from kpu_desk.holiday_overrides import add_override, list_overrides
from kpu_desk.store import close_database, daily_backup, dbguard, open_database
from gui.gui_support import when_modal

pytestmark = pytest.mark.skipif(not Path("/proc/locks").exists(), reason="POSIX locks are read from /proc/locks")


def _locked_inodes() -> set[int]:
    """Inodes this process holds a POSIX lock on, from /proc/locks (… PID MAJ:MIN:INODE START END)."""
    held = set()
    for line in Path("/proc/locks").read_text().splitlines():
        fields = line.split()
        if "->" in fields:  # a waiter, not a holder
            continue
        if fields[4] == str(os.getpid()):
            held.add(int(fields[5].rsplit(":", 1)[1]))
    return held


def _kpu_desk(url: str, *args: str) -> str:
    """A second process beside the window, as the README invites."""
    result = subprocess.run([sys.executable, "-m", "kpu_desk", "--db", url, *args],
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    return result.stdout


def _list_folder_fully(qtbot, dialog: QFileDialog, folder: Path, how: str) -> None:
    """Show `folder` in the dialog (gone to, or only typed into the file-name box, which makes the
    completer list it) and ask for every cell a view would paint (names, sizes, types, icons).

    The dialog's name filter (*.pdf) hides the database files from the view, but the model still
    gathers every file of the folder, and the stock icon provider named each one's type.
    """
    model = dialog.findChild(QFileSystemModel)
    with qtbot.waitSignal(model.directoryLoaded, timeout=10000,
                          check_params_cb=lambda path: Path(path) == folder):
        if how == "typed":
            name_box = dialog.findChild(QLineEdit, "fileNameEdit")
            name_box.clear()
            qtbot.keyClicks(name_box, f"{folder}/")
        else:
            dialog.setDirectory(str(folder))
    qtbot.wait(50)  # the gathered files reach the model through queued signals
    root = model.index(str(folder))
    for row in range(model.rowCount(root)):
        for column in range(model.columnCount(root)):
            index = model.index(row, column, root)
            model.data(index, Qt.ItemDataRole.DisplayRole)
            model.data(index, Qt.ItemDataRole.DecorationRole)
    dialog.grab()  # and paint it, as the screen would


# The default name, and one the MIME database does not know by its extension (as *.sqlite3 is
# unknown to older shared-mime-info): then Qt's own dialog also read the database file itself.
@pytest.mark.parametrize("name", ["kpu-desk.sqlite3", "kantor.db"])
@pytest.mark.parametrize("how", ["opened", "typed"])
def test_a_save_dialog_in_the_database_folder_loses_nothing_written_after_it(qtbot, tmp_path, name, how):
    folder = tmp_path / "kantor"
    folder.mkdir()
    database_file = folder / name
    url = f"sqlite:///{database_file.as_posix()}"
    open_database(url)
    try:
        add_override(date(2026, 8, 3), "Libur sebelum dialog")
        wal, shm = (folder / f"{name}-wal", folder / f"{name}-shm")
        ours = {database_file.stat().st_ino, shm.stat().st_ino}
        assert ours <= _locked_inodes()
        seen = {}

        def in_the_dialog(dialog):
            try:
                _list_folder_fully(qtbot, dialog, folder, how)
                seen["locks"] = _locked_inodes()
                seen["beside"] = _kpu_desk(url, "calendar", "holidays", "2026")  # while the folder is listed
            finally:
                dialog.reject()  # whatever happened: a dialog left open would wait for ever

        when_modal(qtbot, QFileDialog, in_the_dialog)
        assert ask_save_path(None, "Pass tamu") == ""

        assert ours <= seen["locks"], "listing the folder dropped the window's SQLite locks"
        assert "Libur sebelum dialog" in seen["beside"]
        assert wal.exists() and shm.exists(), "the other process deleted the WAL under the window"
        add_override(date(2026, 8, 4), "Libur sesudah dialog")  # the window writes on
        assert "Libur sesudah dialog" in _kpu_desk(url, "calendar", "holidays", "2026")
    finally:
        close_database()
    open_database(url)
    try:
        assert [o.name for o in list_overrides(2026)] == ["Libur sebelum dialog", "Libur sesudah dialog"]
    finally:
        close_database()


def _type_and_accept(qtbot, chosen: Path):
    def pick(dialog):
        try:
            if dialog.acceptMode() == QFileDialog.AcceptMode.AcceptSave:  # "replace it?": yes
                when_modal(qtbot, QMessageBox, lambda box: box.button(QMessageBox.StandardButton.Yes).click())
            dialog.findChild(QLineEdit, "fileNameEdit").setText(str(chosen))  # typed, as a user may
            dialog.accept()
        finally:
            if dialog.isVisible():
                dialog.reject()  # never a dialog left waiting for ever

    when_modal(qtbot, QFileDialog, pick)


# Every way the application asks for a file it then reads (the page methods use the same helper).
CHOOSERS = {
    "logo": ask_logo_file,
    "specimen": choose_image,
    "scan": choose_scan,
    "form attachment": lambda parent: dialog_file_chooser(parent, "Lampiran", "Semua berkas (*)"),
}


@pytest.mark.parametrize("chooser", CHOOSERS.values(), ids=CHOOSERS.keys())
@pytest.mark.parametrize("suffix", ["", "-wal", "-shm"])
def test_the_open_database_cannot_be_chosen_as_a_file(qtbot, tmp_path, _no_blocking_message_boxes, chooser, suffix):
    database_file = tmp_path / "kpu-desk.sqlite3"
    open_database(f"sqlite:///{database_file.as_posix()}")
    try:
        parent = QWidget()
        qtbot.addWidget(parent)
        _type_and_accept(qtbot, tmp_path / f"kpu-desk.sqlite3{suffix}")
        assert not chooser(parent)
        assert "basis data KPU Desk yang sedang dipakai" in _no_blocking_message_boxes[-1][2]
    finally:
        close_database()


@pytest.mark.parametrize("ask", ["ask_backup_path", "ask_restore_file"])
def test_a_backup_is_never_written_over_nor_restored_from_the_open_database(
        qtbot, demo_database, open_main_window, _no_blocking_message_boxes, ask):
    tab = open_main_window("admin").show_page("settings").show_tab("database")
    _type_and_accept(qtbot, Path(demo_database.database))
    assert getattr(tab, ask)() == ""
    assert "basis data KPU Desk yang sedang dipakai" in _no_blocking_message_boxes[-1][2]


# The window's own refreshes fail on the damaged file meanwhile (the damage is what the restore cures).
@pytest.mark.qt_no_exception_capture
def test_a_restore_over_a_damaged_database_works_under_the_guard_and_a_failed_one_leaves_it_on(
        qtbot, demo_database, open_main_window, monkeypatch, tmp_path):
    restarted = []
    monkeypatch.setattr(database_tab, "restart_application", restarted.append)
    copy = daily_backup.run_daily(demo_database).path
    tab = open_main_window("admin").show_page("settings").show_tab("database")
    not_a_backup = tmp_path / "bukan-cadangan.sqlite3"
    not_a_backup.write_bytes(b"ini bukan basis data" * 100)
    with open(demo_database.database, "r+b") as damaged:  # its header: SQLite will not read it any more
        damaged.write(b"bukan SQLite lagi")
    dbguard.guard()  # as in the running application (gui/app.py main)
    try:
        tab.ask_restore_file = lambda: str(not_a_backup)
        qtbot.mouseClick(tab.restoreFileButton, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: not tab.restoring.running, timeout=20000)
        assert "gagal" in tab.restoreLabel.text() and dbguard.is_on()

        tab.ask_restore_file = lambda: str(copy)  # the damaged file is copied aside as it is, then replaced
        qtbot.mouseClick(tab.restoreFileButton, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: not tab.restoring.running, timeout=30000)
        assert restarted, tab.restoreLabel.text()  # the restarted application guards again
    finally:
        dbguard.release()
    assert Path(demo_database.database).read_bytes().startswith(b"SQLite format 3")
