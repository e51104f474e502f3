"""Noticing what other workstations changed: a cheap poll of the shared database every few seconds.

The look-up (kpu_desk.changes.change_marker) runs off the UI thread, so a slow
or unreachable PostgreSQL server never freezes the window; a failed poll is
reported once in the status bar and retried at the next tick.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer, Signal

from kpu_desk.changes import change_marker
from kpu_desk.gui.operations import Operation


class ChangeWatcher(QObject):
    changed = Signal()
    problem = Signal(str)
    polled = Signal()  # after every successful look, changed or not

    def __init__(self, parent: QObject | None = None, interval_ms: int = 5000):
        super().__init__(parent)
        self._timer = QTimer(self)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self.poll)
        self._marker = None
        self._absorb = False
        self._busy: Operation | None = None

    def start(self) -> None:
        self._marker = None  # the first poll sets the baseline
        self._timer.start()
        self.poll()

    def stop(self) -> None:
        self._timer.stop()

    def note_own_change(self) -> None:
        """This window changed something and refreshed itself: take the new state as the baseline."""
        self._absorb = True
        self.poll()

    def poll(self) -> None:
        if self._busy is not None:
            return
        self._busy = Operation(lambda progress: change_marker(), self)
        self._busy.succeeded.connect(self._compare)
        self._busy.failed.connect(self.problem)
        self._busy.finished.connect(self._done)
        self._busy.start()

    def _compare(self, marker) -> None:
        before, self._marker = self._marker, marker
        absorb, self._absorb = self._absorb, False
        if before is not None and marker != before and not absorb:
            self.changed.emit()
        self.polled.emit()

    def _done(self) -> None:
        self._busy.deleteLater()  # one every few seconds, all day: do not let them pile up
        self._busy = None
