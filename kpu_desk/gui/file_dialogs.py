"""Every file dialog of the application: one that never reads the files it lists, and never hands
back the open database.

Why. On Linux and macOS SQLite locks its files with POSIX advisory locks, and those belong to the
process: closing *any* descriptor the process holds on a file drops all of the process's locks on
that file, SQLite's included. Qt's own file dialog asks its icon provider for each file's icon and
"Type"; the stock provider asks QMimeDatabase with content sniffing, which opens and reads a file
whose name says nothing: the database's -shm and -wal always, the database file itself when the
MIME database does not know its extension (older shared-mime-info lacks *.sqlite3). Listing the
database's folder so dropped the window's locks; the next `kpu-desk` command then believed it was
alone, checkpointed and deleted the WAL under the window, and the window's later commits were lost.
GTK's native dialog runs in this process too and sniffs the same way, so outside Windows (whose
locks are per handle) the dialog is always Qt's, with an icon provider that only reads names.

The file chosen is read or written by the caller (an image, a scan, a PDF, a backup): choosing the
open database or one of its companion files is refused here, before anything opens it.
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QFileInfo, QMimeDatabase
from PySide6.QtGui import QAbstractFileIconProvider, QIcon
from PySide6.QtWidgets import QDialog, QFileDialog, QWidget

from kpu_desk.dbprobe import is_open_database_file
from kpu_desk.gui import messages


def _tr(text: str) -> str:
    return QCoreApplication.translate("FileDialogs", text)


class NameOnlyIconProvider(QAbstractFileIconProvider):
    """Icons and type names from the file name alone (and stat for folders): no file is ever opened."""

    def __init__(self):
        super().__init__()
        self._mime = QMimeDatabase()

    def icon(self, what):  # noqa: D401 - both Qt overloads arrive here: an IconType or a QFileInfo
        if not isinstance(what, QFileInfo):
            return super().icon(what)
        if what.isDir():
            return super().icon(QAbstractFileIconProvider.IconType.Folder)
        fallback = super().icon(QAbstractFileIconProvider.IconType.File)
        mime = self._by_name(what)
        if mime is None:
            return fallback
        return QIcon.fromTheme(mime.iconName(), QIcon.fromTheme(mime.genericIconName(), fallback))

    def type(self, info: QFileInfo) -> str:  # noqa: A003 - Qt's name
        if info.isDir():
            return _tr("Folder")
        mime = self._by_name(info)
        if mime is None or not mime.comment():
            return _tr("Berkas")
        return mime.comment()

    def _by_name(self, info: QFileInfo):
        found = self._mime.mimeTypesForFileName(info.fileName())  # the name only, never the content
        return found[0] if found else None


# One provider for every dialog, kept alive here: a dialog does not own the provider it is given.
_ICONS: NameOnlyIconProvider | None = None


def _icon_provider() -> NameOnlyIconProvider:
    global _ICONS
    if _ICONS is None:
        _ICONS = NameOnlyIconProvider()
    return _ICONS


def file_dialog(parent: QWidget | None, title: str, start: str, name_filter: str, *, save: bool) -> QFileDialog:
    """The application's file dialog, not yet shown: Qt's own outside Windows, listing by name only."""
    dialog = QFileDialog(parent, title, start, name_filter)
    if sys.platform != "win32":
        dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
    dialog.setIconProvider(_icon_provider())
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave if save else QFileDialog.AcceptMode.AcceptOpen)
    dialog.setFileMode(QFileDialog.FileMode.AnyFile if save else QFileDialog.FileMode.ExistingFile)
    return dialog


def ask_open_file(parent: QWidget | None, title: str, name_filter: str, start: str = "") -> str | None:
    """The existing file the user chose, or None when they cancelled or chose the open database."""
    return _ask(file_dialog(parent, title, start, name_filter, save=False), parent, "")


def ask_save_file(parent: QWidget | None, title: str, suggested: str, name_filter: str,
                  suffix: str = "") -> str | None:
    """The file to write (with `suffix` added when the user left it off), or None."""
    return _ask(file_dialog(parent, title, suggested, name_filter, save=True), parent, suffix)


def _ask(dialog: QFileDialog, parent: QWidget | None, suffix: str) -> str | None:
    title = dialog.windowTitle()
    try:
        if dialog.exec() != QDialog.DialogCode.Accepted or not dialog.selectedFiles():
            return None
        path = dialog.selectedFiles()[0]
    finally:
        dialog.deleteLater()
    if suffix and not path.lower().endswith(suffix):
        path += suffix
    if is_open_database_file(Path(path)):
        messages.show_error(parent, title, _tr(
            "Berkas itu adalah basis data KPU Desk yang sedang dipakai (atau berkas pendampingnya). "
            "Pilih berkas lain."))
        return None
    return path
