"""When the database cannot be opened: say why, in the clerk's words, and let them choose another.

Nothing is touched: the dialog only collects the next URL to try. DamageWatch tells the clerk
when the background check of an opened SQLite file (store.health) finds it damaged.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QDialog, QMainWindow, QWidget

from kpu_desk.gui.file_dialogs import ask_open_file

from kpu_desk.gui import messages
from kpu_desk.gui.uiload import load_ui
from kpu_desk.gui.widgets.field_errors import sentence
from kpu_desk.store import health
from kpu_desk.store.dbutil import display_url


class DatabaseProblemDialog(QDialog):
    def __init__(self, problem: str, url: str | None, parent: QWidget | None = None):
        super().__init__(parent)
        load_ui("database_problem.ui", self)
        self._url = url or ""
        self.messageLabel.setText(sentence(problem))
        self.urlEdit.setText(display_url(self._url))
        self.openButton.clicked.connect(self.accept)
        self.quitButton.clicked.connect(self.reject)
        self.chooseFileButton.clicked.connect(self.choose_file)

    def chosen_url(self) -> str | None:
        """The URL to try next; None means the default SQLite file in the data folder."""
        typed = self.urlEdit.text().strip()
        if self._url and typed == display_url(self._url):
            return self._url  # the password, hidden on screen, is kept
        return typed or None

    def choose_file(self) -> None:
        path = ask_open_file(self, self.tr("Pilih berkas basis data"),
                             self.tr("Basis data SQLite (*.sqlite3 *.sqlite *.db);;Semua berkas (*)"))
        if path:
            self.urlEdit.setText(f"sqlite:///{Path(path).as_posix()}")


class DamageWatch(QObject):
    """Waits (by polling: the check runs on a plain thread) for store.health's verdict on the open file.

    A damaged file is said once, in a message box and for good in the status bar; the writes
    themselves are already refused by the store, whatever screen attempts them.
    """

    POLL_MS = 250

    def __init__(self, window: QWidget):
        super().__init__(window)
        self._window = window
        self._timer = QTimer(self)
        self._timer.setInterval(self.POLL_MS)
        self._timer.timeout.connect(self._poll)
        self.problem: str | None = None

    def start(self) -> "DamageWatch":
        self._timer.start()
        return self

    def _poll(self) -> None:
        finished, problem = health.verdict()
        if not finished:
            return
        self._timer.stop()
        if problem:
            self.problem = problem
            self._tell(problem)

    def _tell(self, problem: str) -> None:
        text = self.tr("Basis data tidak akan diubah lagi sampai dipulihkan: {0}").format(sentence(problem))
        if isinstance(self._window, QMainWindow):
            self._window.statusBar().showMessage(self.tr("Basis data rusak: perubahan tidak disimpan."))
        messages.show_error(self._window, self.tr("Berkas basis data rusak"), text)
