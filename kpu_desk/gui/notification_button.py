"""Pemberitahuan: a button in the header with the number of unread notifications, and their list.

Refreshed after every poll of the shared database (kpu_desk.gui.watcher), so a
guest reported by reception reaches the Ketua's laptop within seconds. New
notifications flash the window in the task bar (QApplication.alert) and say so in
the status bar; choosing one opens its case and marks it read.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QMenu, QToolButton, QWidget

from kpu_desk import notifications
from kpu_desk.gui.formatting import short_datetime

SHOWN = 15


class NotificationButton(QToolButton):
    case_requested = Signal(str)
    letters_requested = Signal(str, str)  # a disposition's notification: its kind (the tab) and its case
    arrived = Signal(str)  # a sentence for the status bar when something new came in

    def __init__(self, user_id: int, parent: QWidget | None = None):
        super().__init__(parent)
        self.user_id = user_id
        self.unread = 0
        self.latest = -1  # unknown until the first refresh: nothing counts as "new" at start
        self.menu_ = QMenu(self)
        self.setMenu(self.menu_)
        self.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.setAccessibleName(self.tr("Pemberitahuan"))
        self.menu_.aboutToShow.connect(self._fill)
        self.refresh()

    def set_user(self, user_id: int) -> None:
        self.user_id, self.latest = user_id, -1
        self.refresh()

    def refresh(self) -> None:
        latest = notifications.latest_id(self.user_id)
        self.unread = notifications.unread_count(self.user_id)
        if 0 <= self.latest < latest and self.unread:
            newest = notifications.recent(self.user_id, limit=1)[0]
            self.arrived.emit(self.tr("Pemberitahuan baru: {0}").format(newest.text))
            QApplication.alert(self.window())
        self.latest = latest
        self.setText(self.tr("Pemberitahuan ({0})").format(self.unread) if self.unread
                     else self.tr("Pemberitahuan"))
        self.setProperty("unread", bool(self.unread))
        self.style().polish(self)

    def _fill(self) -> None:
        self.menu_.clear()
        shown = notifications.recent(self.user_id, limit=SHOWN)
        if not shown:
            self.menu_.addAction(self.tr("Belum ada pemberitahuan")).setEnabled(False)
            return
        for item in shown:
            action = self.menu_.addAction(f"{'' if item.read else '● '}{item.text} — {short_datetime(item.created_at)}")
            action.triggered.connect(lambda _checked=False, chosen=item: self._choose(chosen))
        self.menu_.addSeparator()
        read_all = QAction(self.tr("Tandai semua sudah dibaca"), self.menu_)
        read_all.triggered.connect(self._read_all)
        self.menu_.addAction(read_all)

    def _choose(self, item: notifications.NotificationView) -> None:
        notifications.mark_read(self.user_id, [item.id])
        self.refresh()
        if item.kind in notifications.LETTER_KINDS:
            self.letters_requested.emit(item.kind, item.case_number or "")
        elif item.case_number:
            self.case_requested.emit(item.case_number)

    def _read_all(self) -> None:
        notifications.mark_read(self.user_id)
        self.refresh()
