"""The daily backup while the application runs: today's copy of the SQLite database on opening
(when it is missing) and then on a timer, in the background, never holding up the window.

    self.daily_backup = DailyBackupScheduler(window).start()

The work is kpu_desk.store.daily_backup.run_daily, on a pool thread (kpu_desk.gui.operations).
Every check costs one look at the backup folder; the copy itself is taken once a day, and the
daily copies older than the office's number of days are pruned then. A problem (a folder that
cannot be written, a full disk) is shown in the main window's status bar and in Pengaturan →
Basis data, and tried again at the next check. A PostgreSQL database is never copied here.
"""

from __future__ import annotations

import logging
from datetime import datetime

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QWidget

from kpu_desk.gui import wallclock
from kpu_desk.gui.operations import Operation
from kpu_desk.store import current_database
from kpu_desk.store import daily_backup as core

log = logging.getLogger(__name__)

CHECK_MS = 30 * 60 * 1000  # the date may change while reception keeps the window open for days
FIRST_CHECK_MS = 3000  # after the first paint and the sign-in, not during them

_active: "DailyBackupScheduler | None" = None


def active() -> "DailyBackupScheduler | None":
    """The scheduler of the running window, if any (Pengaturan shows its last result)."""
    return _active


class DailyBackupScheduler(QObject):
    backed_up = Signal(object)  # core.DailyResult: a copy was taken or old copies were pruned
    problem = Signal(str)  # what went wrong, in Bahasa Indonesia

    def __init__(self, parent: QObject | None = None, check_ms: int = CHECK_MS, first_check_ms: int = FIRST_CHECK_MS):
        super().__init__(parent)
        self.timer = QTimer(self)
        self.timer.setInterval(check_ms)
        self.timer.timeout.connect(self.check)
        self.first = QTimer(self)
        self.first.setSingleShot(True)
        self.first.setInterval(first_check_ms)
        self.first.timeout.connect(self.check)
        self.running: Operation | None = None
        self.last_result: core.DailyResult | None = None
        self.last_problem: str = ""
        self.last_check: datetime | None = None
        self.problem.connect(self._show_problem)

    def start(self) -> "DailyBackupScheduler":
        global _active
        _active = self
        self.first.start()
        self.timer.start()
        return self

    def stop(self) -> None:
        global _active
        self.first.stop()
        self.timer.stop()
        if _active is self:
            _active = None

    def check(self) -> Operation | None:
        """Start a check in the background, unless one is running or the database is not SQLite."""
        db = current_database()
        if not core.applies_to(db) or (self.running is not None and self.running.running):
            return None
        window = self.parent()
        if isinstance(window, QWidget) and not window.isVisible():
            return None  # a closed window's timers must not copy whatever database is open now
        self.running = Operation(lambda progress: core.run_daily(db) if core.is_due(db) else None, self)
        self.running.succeeded.connect(self._done)
        self.running.failed.connect(self._failed)
        self.running.start()
        return self.running

    def _done(self, result: core.DailyResult | None) -> None:
        self.last_check = wallclock.now()
        self.last_problem = ""
        if result is not None:
            self.last_result = result
            self.backed_up.emit(result)

    def _failed(self, text: str) -> None:
        self.last_check = wallclock.now()
        self.last_problem = text
        log.warning("daily backup failed: %s", text)
        self.problem.emit(text)

    def _show_problem(self, text: str) -> None:
        window = self.parent()
        status_bar = getattr(window, "statusBar", None)
        if callable(status_bar):
            status_bar().showMessage(self.tr("Cadangan harian gagal: {0}").format(text), 60000)
