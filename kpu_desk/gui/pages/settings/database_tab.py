"""Pengaturan → Basis data: which database this computer uses, a connection test, and a backup."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from PySide6.QtWidgets import QFileDialog

from kpu_desk.dbprobe import probe
from kpu_desk.gui import workstation
from kpu_desk.gui.operations import Operation
from kpu_desk.gui.pages.settings.tab import SettingsTab
from kpu_desk.gui.widgets.progress_panel import ProgressPanel
from kpu_desk.store import current_database
from kpu_desk.store.backup import backup_sqlite
from kpu_desk.store.dbutil import describe, display_url, is_sqlite


class DatabaseTab(SettingsTab):
    form = "settings_database.ui"

    def __init__(self, session, parent=None):
        super().__init__(session, parent)
        self.progress = ProgressPanel(self)
        self.progressLayout.addWidget(self.progress)
        self._saved = ""
        self.testing: Operation | None = None
        self.backing_up: Operation | None = None
        self.testButton.clicked.connect(self.test_connection)
        self.saveButton.clicked.connect(self.use_here)
        self.backupButton.clicked.connect(self.back_up)

    def title(self) -> str:
        return self.tr("Basis data")

    def reload(self) -> None:
        db = current_database()
        self.currentLabel.setText(self.tr("Basis data yang sedang dipakai: <b>{0}</b>").format(
            describe(db) if db is not None else "—"))
        self._saved = workstation.saved_database_url() or ""
        self.urlEdit.setText(display_url(self._saved))  # a password in the URL is not shown on screen
        self.backupBox.setVisible(db is not None and is_sqlite(db))

    def test_connection(self) -> None:
        url = self.typed_url()
        self._result(self.tr("Menghubungi…"), ok=True)
        self.testButton.setEnabled(False)
        self.testing = Operation(lambda progress: probe(url), self)
        self.testing.succeeded.connect(lambda text: self._result(text, ok=True))
        self.testing.failed.connect(lambda text: self._result(text, ok=False))
        self.testing.finished.connect(lambda: self.testButton.setEnabled(True))
        self.testing.start()

    def use_here(self) -> None:
        workstation.save_database_url(self.typed_url() or None)
        self._result(self.tr("Tersimpan. Alamat ini dipakai sejak KPU Desk dibuka lagi di komputer ini."), ok=True)

    def back_up(self) -> None:
        target = self.ask_backup_path()
        if not target:
            return
        db = current_database()
        self.backing_up = Operation(lambda progress: backup_sqlite(db, target, overwrite=True), self)
        self.backing_up.succeeded.connect(
            lambda result: self._backup_result(self.tr("Cadangan tersimpan: {0}").format(result.path), ok=True))
        self.backing_up.failed.connect(lambda text: self._backup_result(text, ok=False))
        self.backing_up.finished.connect(lambda: self.backupButton.setEnabled(True))
        self.backupButton.setEnabled(False)
        self.progress.follow(self.backing_up, self.tr("Mencadangkan…"), cancellable=False)
        self.backing_up.start()

    def typed_url(self) -> str:
        typed = self.urlEdit.text().strip()
        return self._saved if self._saved and typed == display_url(self._saved) else typed

    def ask_backup_path(self) -> str:
        suggested = str(Path.home() / f"kpu-desk-{datetime.now():%Y%m%d-%H%M}.sqlite3")
        path, _filter = QFileDialog.getSaveFileName(self, self.tr("Simpan cadangan"), suggested,
                                                    self.tr("Basis data SQLite (*.sqlite3)"))
        return path

    def _result(self, text: str, ok: bool) -> None:
        _say(self.resultLabel, text, ok)

    def _backup_result(self, text: str, ok: bool) -> None:
        _say(self.backupLabel, text, ok)


def _say(label, text: str, ok: bool) -> None:
    label.setProperty("role", "ok" if ok else "error")
    label.style().unpolish(label)
    label.style().polish(label)
    label.setText(text[:1].upper() + text[1:])
