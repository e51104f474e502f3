"""Pengaturan → Basis data: which database this computer uses, a connection test, backups and restores.

SQLite (one computer): a backup to a file of the user's choice, the daily copies kept for the
number of days the administrator sets (kpu_desk.store.daily_backup; the copies themselves are
taken by kpu_desk.gui.daily_backup while the application runs), and a restore from any copy in
the backup folder or any other file. A restore asks first and says what it replaces; the current
database is copied aside before it is overwritten (kpu_desk.store.backup.restore_sqlite), so
nothing is lost; then KPU Desk starts again on the restored database (an older copy is migrated
on that start, after one more copy aside).

PostgreSQL (several computers): the exact pg_dump and pg_restore commands for the configured
server, without the password.
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QProcess, Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QHeaderView, QTreeWidgetItem

from kpu_desk.dbprobe import probe
from kpu_desk.gui import daily_backup as scheduler
from kpu_desk.gui import messages, wallclock, workstation
from kpu_desk.gui.file_dialogs import ask_open_file, ask_save_file
from kpu_desk.gui.formatting import short_datetime
from kpu_desk.gui.operations import Operation
from kpu_desk.gui.pages.settings.tab import SettingsTab
from kpu_desk.gui.widgets.progress_panel import ProgressPanel
from kpu_desk.store import StoreError, current_database, dbguard
from kpu_desk.store import daily_backup as daily
from kpu_desk.store.backup import backup_sqlite, backups_dir, pg_dump_hint, pg_restore_hint, restore_sqlite, server_url
from kpu_desk.store.dbutil import describe, display_url, is_sqlite, sqlite_path
from kpu_desk.validation import FormError

PATH_ROLE = Qt.ItemDataRole.UserRole


class DatabaseTab(SettingsTab):
    form = "settings_database.ui"

    def __init__(self, session, parent=None):
        super().__init__(session, parent)
        self.scrollArea.viewport().setAutoFillBackground(False)  # the tab's own background, scrolled or not
        self.scrollContents.setAutoFillBackground(False)
        self.progress = ProgressPanel(self)
        self.progressLayout.addWidget(self.progress)
        self.restore_progress = ProgressPanel(self)
        self.restoreProgressLayout.addWidget(self.restore_progress)
        self._saved = ""
        self.testing: Operation | None = None
        self.backing_up: Operation | None = None
        self.keeping: Operation | None = None
        self.restoring: Operation | None = None
        self._guarded = False  # whether dbguard was on before a restore released it
        self.backupList.header().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.backupList.header().setStretchLastSection(True)
        self.testButton.clicked.connect(self.test_connection)
        self.saveButton.clicked.connect(self.use_here)
        self.backupButton.clicked.connect(self.back_up)
        self.keepButton.clicked.connect(self.save_keep_days)
        self.restoreButton.clicked.connect(self.restore_selected)
        self.restoreFileButton.clicked.connect(self.restore_other_file)
        self.deleteButton.clicked.connect(self.delete_selected)
        self.openFolderButton.clicked.connect(self.open_folder)
        self.backupList.itemSelectionChanged.connect(self._selection_changed)
        self.backupList.itemActivated.connect(lambda _item, _column: self.restore_selected())

    def title(self) -> str:
        return self.tr("Basis data")

    def reload(self) -> None:
        db = current_database()
        self.currentLabel.setText(self.tr("Basis data yang sedang dipakai: <b>{0}</b>").format(
            describe(db) if db is not None else "—"))
        self._saved = workstation.saved_database_url() or ""
        self.urlEdit.setText(display_url(self._saved))  # a password in the URL is not shown on screen
        on_sqlite = db is not None and is_sqlite(db)
        self.backupBox.setVisible(on_sqlite)
        self.restoreBox.setVisible(on_sqlite and self.session.is_admin)
        self.pgBox.setVisible(db is not None and not on_sqlite)
        admin = self.session.is_admin
        self.keepDays.setEnabled(admin)
        self.keepButton.setVisible(admin)
        if on_sqlite:
            self.keepDays.setValue(daily.keep_days())
            self._show_daily_state()
            self.refresh_list()
        elif db is not None:
            self.pgCommands.setPlainText(self.pg_commands())

    # --- this computer's database -----------------------------------------------------------

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

    def typed_url(self) -> str:
        typed = self.urlEdit.text().strip()
        return self._saved if self._saved and typed == display_url(self._saved) else typed

    # --- a backup now, the daily copies -------------------------------------------------------

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
        self.backing_up.finished.connect(self.refresh_list)
        self.backupButton.setEnabled(False)
        self.progress.follow(self.backing_up, self.tr("Mencadangkan…"), cancellable=False)
        self.backing_up.start()

    def ask_backup_path(self) -> str:
        suggested = str(Path.home() / f"kpu-desk-{wallclock.now():%Y%m%d-%H%M}.sqlite3")
        return ask_save_file(self, self.tr("Simpan cadangan"), suggested,
                             self.tr("Basis data SQLite (*.sqlite3)")) or ""

    def save_keep_days(self) -> None:
        """Store the number of days, then prune (and take today's copy if missing) in the background."""
        try:
            days = daily.set_keep_days(self.keepDays.value(), actor=self.session.username)
        except FormError as exc:
            self._backup_result(exc.sentence, ok=False)
            return
        except StoreError as exc:
            self._backup_result(str(exc), ok=False)
            return
        db = current_database()
        self.keeping = Operation(lambda progress: daily.run_daily(db, keep=days), self)
        self.keeping.succeeded.connect(lambda result: self._kept(days, result))
        self.keeping.failed.connect(lambda text: self._backup_result(text, ok=False))
        self.keeping.finished.connect(self.refresh_list)
        self.keeping.start()

    def _kept(self, days: int, result: daily.DailyResult) -> None:
        text = self.tr("Tersimpan: cadangan harian disimpan selama {0} hari.").format(days)
        if result.pruned:
            text += " " + self.tr("{0} cadangan harian yang lebih lama dihapus.").format(len(result.pruned))
        self._backup_result(text, ok=True)
        self.changed.emit()

    def _show_daily_state(self) -> None:
        running = scheduler.active()
        try:
            folder = backups_dir()
        except StoreError as exc:
            _say(self.dailyLabel, str(exc), ok=False)
            return
        latest = next((item for item in daily.list_backups(folder) if item.kind == daily.DAILY), None)
        if running is not None and running.last_problem:
            _say(self.dailyLabel, self.tr("Cadangan harian terakhir gagal: {0}").format(running.last_problem), ok=False)
            return
        when = short_datetime(latest.taken_at) if latest else self.tr("belum ada")
        _say(self.dailyLabel, self.tr("Disimpan di {0}. Cadangan harian terakhir: {1}.").format(folder, when),
             ok=True, role="hint")

    # --- the list of backups, restoring -------------------------------------------------------

    def refresh_list(self) -> None:
        selected = self.selected_path()
        self.backupList.clear()
        try:
            found = daily.list_backups()
        except (StoreError, OSError) as exc:
            self._restore_result(str(exc), ok=False)
            found = []
        for item in found:
            row = QTreeWidgetItem([short_datetime(item.taken_at), kind_label(item.kind), size_text(item.size), item.name])
            row.setData(0, PATH_ROLE, str(item.path))
            row.setToolTip(3, str(item.path))
            self.backupList.addTopLevelItem(row)
            if selected is not None and item.path == selected:
                row.setSelected(True)
        if self.backupList.currentItem() is None and self.backupList.topLevelItemCount():
            self.backupList.setCurrentItem(self.backupList.topLevelItem(0))
        self._selection_changed()

    def selected_path(self) -> Path | None:
        item = self.backupList.currentItem()
        return Path(item.data(0, PATH_ROLE)) if item is not None else None

    def _selection_changed(self) -> None:
        chosen = self.selected_path() is not None and not self._restoring()
        self.restoreButton.setEnabled(chosen)
        self.deleteButton.setEnabled(chosen)

    def restore_selected(self) -> None:
        path = self.selected_path()
        if path is not None:
            self.restore_from(path)

    def restore_other_file(self) -> None:
        path = self.ask_restore_file()
        if path:
            self.restore_from(Path(path))

    def ask_restore_file(self) -> str:
        return ask_open_file(self, self.tr("Pilih berkas cadangan"),
                             self.tr("Basis data SQLite (*.sqlite3);;Semua berkas (*)"), str(Path.home())) or ""

    def restore_from(self, source: Path) -> Operation | None:
        """Ask, then restore `source` over the database in use, in the background."""
        db = current_database()
        if db is None or not is_sqlite(db) or self._restoring():
            return None
        target = sqlite_path(db)
        if not messages.confirm(self, self.tr("Pulihkan basis data"), self.restore_question(source, target),
                                self.tr("Ganti dan pulihkan")):
            return None
        url = f"sqlite:///{target.as_posix()}"
        self._pause_window()
        db.close()  # this thread's connection: nothing of the window holds the file while it is replaced
        self._guarded = dbguard.is_on()
        dbguard.release()  # a damaged file is copied aside as it is; the application restarts afterwards
        self.restoring = Operation(lambda progress: restore_sqlite(source, url), self)
        self.restoring.succeeded.connect(lambda result: self._restored(source, result))
        self.restoring.failed.connect(self._restore_failed)
        self.restoring.finished.connect(self._selection_changed)
        self.restore_progress.follow(self.restoring, self.tr("Memulihkan…"), cancellable=False)
        self.restoreFileButton.setEnabled(False)
        self.restoring.start()
        self._selection_changed()
        return self.restoring

    def restore_question(self, source: Path, target: Path) -> str:
        try:
            info = daily.describe_file(source)
            made = self.tr("dibuat {0}, {1}").format(short_datetime(info.taken_at), size_text(info.size))
        except OSError:
            made = ""
        return self.tr(
            "Basis data yang sedang dipakai akan DIGANTI dengan cadangan ini:\n\n{0}\n{1}\n\n"
            "Semua yang dicatat sesudah cadangan itu dibuat (tamu, kasus, surat, disposisi, pengguna) "
            "tidak ada di dalamnya dan tidak tampil lagi.\n\n"
            "Tidak ada yang hilang: basis data sekarang ({2}) lebih dulu disalin ke folder cadangan "
            "({3}) sebagai salinan \"sebelum pemulihan\", yang dapat dipulihkan kembali.\n\n"
            "Sesudah pemulihan KPU Desk dimulai ulang. Tutup dulu KPU Desk di komputer lain yang memakai "
            "berkas ini."
        ).format(source.name, made, target, _backups_folder_text())

    def _restored(self, source: Path, result) -> None:
        aside = str(result.set_aside) if result.set_aside else self.tr("(basis data kosong, tidak ada yang disalin)")
        text = self.tr("Basis data dipulihkan dari {0}.\nSalinan basis data sebelumnya: {1}\n\n"
                       "KPU Desk dimulai ulang sekarang.").format(source.name, aside)
        self._restore_result(text, ok=True)
        messages.show_info(self, self.tr("Basis data dipulihkan"), text)
        restart_application(self.window())

    def _restore_failed(self, text: str) -> None:
        if self._guarded:
            dbguard.guard()
        self._restore_result(self.tr("Pemulihan gagal, basis data tidak diubah: {0}").format(text), ok=False)
        self.restoreFileButton.setEnabled(True)
        self._resume_window()
        self.refresh_list()

    def delete_selected(self) -> None:
        path = self.selected_path()
        if path is None:
            return
        question = self.tr("Hapus salinan {0}? Berkas ini tidak dapat dikembalikan.").format(path.name)
        if not messages.confirm(self, self.tr("Hapus salinan"), question, self.tr("Hapus")):
            return
        try:
            daily.delete_backup(path)
        except StoreError as exc:
            self._restore_result(str(exc), ok=False)
            return
        self._restore_result(self.tr("Salinan {0} dihapus.").format(path.name), ok=True)
        self.refresh_list()

    def open_folder(self) -> None:
        try:
            folder = backups_dir()
        except StoreError as exc:
            self._restore_result(str(exc), ok=False)
            return
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))

    def _restoring(self) -> bool:
        return self.restoring is not None and self.restoring.running

    def _pause_window(self) -> None:
        """Nothing of the window reads the database while it is replaced."""
        window = self.window()
        for name in ("watcher", "daily_backup"):
            worker = getattr(window, name, None)
            if worker is not None:
                worker.stop()

    def _resume_window(self) -> None:
        window = self.window()
        for name in ("watcher", "daily_backup"):
            worker = getattr(window, name, None)
            if worker is not None:
                worker.start()

    # --- PostgreSQL ---------------------------------------------------------------------------

    def pg_commands(self) -> str:
        """The exact commands for the server in use (no password: PGPASSWORD or .pgpass)."""
        url = server_url(current_database())
        dump = f"kpu-desk-{wallclock.today():%Y-%m-%d}.dump"
        lines = [
            self.tr("# Mencadangkan:"),
            pg_dump_hint(url, dump).splitlines()[1].strip(),
            self.tr("# Memulihkan (menimpa isi basis data di server):"),
            pg_restore_hint(url, dump).splitlines()[1].strip(),
        ]
        return "\n".join(lines)

    # --- messages -----------------------------------------------------------------------------

    def _result(self, text: str, ok: bool) -> None:
        _say(self.resultLabel, text, ok)

    def _backup_result(self, text: str, ok: bool) -> None:
        _say(self.backupLabel, text, ok)
        self._show_daily_state()

    def _restore_result(self, text: str, ok: bool) -> None:
        _say(self.restoreLabel, text, ok)


def kind_label(kind: str) -> str:
    labels = {
        daily.DAILY: _tr("Harian"),
        daily.BEFORE_MIGRATION: _tr("Sebelum pembaruan"),
        daily.BEFORE_RESTORE: _tr("Sebelum pemulihan"),
        daily.OTHER: _tr("Lainnya"),
    }
    return labels.get(kind, kind)


def size_text(size: int) -> str:
    """1,5 MB: Indonesian decimal comma."""
    for unit, factor in (("GB", 1e9), ("MB", 1e6), ("kB", 1e3)):
        if size >= factor:
            return f"{size / factor:.1f} {unit}".replace(".", ",")
    return f"{size} B"


def restart_application(window) -> None:
    """Start KPU Desk again (same program, same arguments) and close this one."""
    if getattr(sys, "frozen", False):
        program, arguments = sys.executable, sys.argv[1:]
    else:
        program, arguments = sys.executable, ["-m", "kpu_desk", *sys.argv[1:]]
    QProcess.startDetached(program, arguments)
    if window is not None:
        window.close()
    QCoreApplication.quit()


def _backups_folder_text() -> str:
    try:
        return str(backups_dir())
    except StoreError:
        return _tr("folder cadangan")


def _tr(text: str) -> str:
    return QCoreApplication.translate("DatabaseTab", text)


def _say(label, text: str, ok: bool, role: str | None = None) -> None:
    label.setProperty("role", role or ("ok" if ok else "error"))
    label.style().unpolish(label)
    label.style().polish(label)
    label.setText(text[:1].upper() + text[1:])
