"""When the database cannot be opened: say why, in the clerk's words, and let them choose another.

Nothing is touched: the dialog only collects the next URL to try.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QDialog, QWidget

from kpu_desk.gui.file_dialogs import ask_open_file

from kpu_desk.gui.uiload import load_ui
from kpu_desk.gui.widgets.field_errors import sentence
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
