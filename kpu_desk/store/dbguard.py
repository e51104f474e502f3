"""In the desktop application's process only SQLite opens the database's files.

SQLite locks its files with POSIX advisory locks, which belong to the process: when any code of
the process opens one of the database's files and closes it again, every SQLite lock the process
holds on that file is gone, and the next `kpu-desk` command believes it is alone with the database
(it checkpoints and deletes the WAL under the running window; the window's later commits are lost).

While the guard is on, an audit hook (PEP 578) refuses every open() made by Python code (open,
os.open, Path.read_bytes, shutil.copy…) of the bound SQLite database or its -wal, -shm, -journal.
SQLite opens its files from C and raises no audit event, so it alone reaches them; a second
SQLite connection in this process is safe, SQLite shares its locks between its own connections.
Qt's C++ code is not seen by the hook: kpu_desk/gui/file_dialogs.py keeps that away.
"""

from __future__ import annotations

import errno
import os
import sys

from kpu_desk.store import models
from kpu_desk.store.dbutil import database_files

_installed = False
_on = False


def guard() -> None:
    """From now on no Python code of this process opens the bound database's files."""
    global _installed, _on
    if not _installed:
        sys.addaudithook(_refuse_database_files)  # a hook cannot be removed: it is installed once
        _installed = True
    _on = True


def release() -> None:
    """For replacing the database file itself (a restore over a damaged file copies it aside raw)."""
    global _on
    _on = False


def is_on() -> bool:
    return _on


def _refuse_database_files(event: str, args: tuple) -> None:
    if event != "open" or not _on:
        return
    path = args[0] if args else None
    if not isinstance(path, (str, bytes, os.PathLike)):  # a descriptor already open, or nothing
        return
    if _is_database_file(os.fsdecode(path)):
        raise PermissionError(errno.EACCES, "berkas basis data hanya dibuka oleh SQLite selama KPU Desk berjalan; "
                                            "membukanya dengan cara lain melepas kunci basis data", os.fsdecode(path))


def _is_database_file(path: str) -> bool:
    """dbutil.names_one_of's answer at the cost of a few stat() calls: this runs on every open().

    The database's own names, then the file's identity (a hard link, a symlinked folder): realpath()
    on every open cost 80 µs, which every module imported after the guard went on would pay.
    """
    files = database_files(models.database.obj)
    if not files:
        return False
    if os.path.abspath(path) in {os.path.abspath(name) for name in files}:
        return True
    try:
        opened = os.stat(path)
    except OSError:  # nothing there yet: only its name could have been one of the database's
        return False
    return any(_same_inode(opened, name) for name in files)


def _same_inode(opened: os.stat_result, name) -> bool:
    try:
        own = os.stat(name)
    except OSError:  # that companion file does not exist now
        return False
    return (own.st_dev, own.st_ino) == (opened.st_dev, opened.st_ino)
