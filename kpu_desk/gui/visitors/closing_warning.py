"""At closing time, a warning listing the visits not checked out yet.

    warning = ClosingWarning(session, main_window)   # keep a reference (or rely on the parent)
    warning.start()                                   # checks once a minute from now on

The closing time is the office's setting (kpu_desk.office_hours.closing_time, Pengaturan → Kantor).
Once a day, at or after that time, if any guest is still recorded inside, a small window lists
them. It never takes the keyboard: it shows without activating and refuses focus, so the clerk's
typing (or the scanner's keystrokes) stays in the field it was going to. It is not modal.
Checking again after a check-out is cheap: the list is one query on the check-in index.
"""

from __future__ import annotations

from datetime import date, datetime, time
from typing import Callable

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QHBoxLayout, QLabel, QListWidget, QPushButton, QTimeEdit, QVBoxLayout, QWidget,
)

from kpu_desk.building import open_at_closing
from kpu_desk.guestbook import GuestRow, people_count
from kpu_desk.gui import wallclock
from kpu_desk.gui.session import Session
from kpu_desk.office_hours import closing_at, closing_time, set_closing_time

CHECK_INTERVAL_MS = 60_000


class ClosingWarning(QObject):
    warned = Signal(list)  # the GuestRows shown

    def __init__(self, session: Session, parent: QObject | None = None,
                 clock: Callable[[], datetime] = wallclock.now, interval_ms: int = CHECK_INTERVAL_MS):
        super().__init__(parent)
        self.session = session
        self.clock = clock
        self.warned_on: date | None = None
        self.popup: ClosingWarningPopup | None = None
        self.timer = QTimer(self)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self.check)

    def start(self) -> None:
        self.timer.start()
        QTimer.singleShot(0, self.check)

    def stop(self) -> None:
        self.timer.stop()

    def check(self) -> list[GuestRow]:
        """Warn when it is closing time today, not yet warned today, and someone is still inside."""
        now = self.clock()
        if self.warned_on == now.date():
            self._keep_current(now.date())
            return []
        if now < closing_at(now.date()):
            return []
        rows = self._still_inside(now.date())
        self.warned_on = now.date()
        if rows:
            self.show_warning(rows)
        return rows

    def _still_inside(self, day: date) -> list[GuestRow]:
        return [row for row in open_at_closing(day, self.session.roles) if row.inside]

    def _keep_current(self, day: date) -> None:
        """A warning already shown follows the check-outs: fewer names, and gone when nobody is left."""
        if self.popup is None or not self.popup.isVisible():
            return
        rows = self._still_inside(day)
        if rows:
            self.popup.set_rows(rows, closing_time())
        else:
            self.popup.hide()

    def show_warning(self, rows: list[GuestRow]) -> "ClosingWarningPopup":
        if self.popup is None:
            parent = self.parent() if isinstance(self.parent(), QWidget) else None
            self.popup = ClosingWarningPopup(parent)
        self.popup.set_rows(rows, closing_time())
        self.popup.show()  # shown, not activated: focus stays where the clerk is typing
        self.warned.emit(rows)
        return self.popup


class ClosingWarningPopup(QWidget):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent, Qt.WindowType.Tool | Qt.WindowType.WindowStaysOnTopHint
                         | Qt.WindowType.WindowDoesNotAcceptFocus)
        self.setAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setWindowTitle(self.tr("Jam tutup layanan: tamu belum keluar"))
        self.setAccessibleName(self.windowTitle())
        layout = QVBoxLayout(self)
        self.headingLabel = QLabel(self)
        self.headingLabel.setProperty("role", "heading")
        self.headingLabel.setWordWrap(True)
        self.list = QListWidget(self)
        self.list.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        hint = QLabel(self.tr("Catat keluarnya di Meja Tamu (pindai pass), atau periksa apakah tamu masih di gedung."))
        hint.setWordWrap(True)
        hint.setProperty("role", "hint")
        self.closeButton = QPushButton(self.tr("Tutup pemberitahuan"), self)
        self.closeButton.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.closeButton.clicked.connect(self.hide)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.closeButton)
        for widget in (self.headingLabel, self.list, hint):
            layout.addWidget(widget)
        layout.addLayout(row)
        self.resize(460, 320)

    def set_rows(self, rows: list[GuestRow], closing: time) -> None:
        held = sum(1 for row in rows if row.ktp_held)
        self.headingLabel.setText(self.tr("Sudah pukul {0}: {1} orang ({2} kunjungan) belum tercatat keluar; "
                                          "{3} KTP masih dititipkan.").format(
            f"{closing:%H.%M}", people_count(rows), len(rows), held))
        self.list.clear()
        for row in rows:
            self.list.addItem(self._line(row))

    def _line(self, row: GuestRow) -> str:
        ktp = self.tr(", KTP di baki {0}").format(row.ktp_tray) if row.ktp_held and row.ktp_tray else (
            self.tr(", KTP dititipkan") if row.ktp_held else "")
        group = self.tr(" (rombongan {0} orang)").format(row.group_size) if row.group_size > 1 else ""
        return self.tr("{0} {1}{2} — menemui {3}, masuk {4}{5}").format(
            row.pass_number, row.name, group, row.host or "—", f"{row.checked_in_at:%d-%m %H.%M}", ktp)


# --- Pengaturan → Kantor: the closing time field --------------------------------------------------


class ClosingTimeField(QWidget):
    """"Jam tutup layanan" for the office settings tab: load(), save(actor), set_editable(bool)."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.timeEdit = QTimeEdit(self)
        self.timeEdit.setDisplayFormat("HH.mm")
        self.timeEdit.setAccessibleName(self.tr("Jam tutup layanan"))
        hint = QLabel(self.tr("akhir hari kerja: batas waktu, peringatan tamu yang belum keluar, masa berlaku pass"), self)
        hint.setProperty("role", "hint")
        layout.addWidget(self.timeEdit)
        layout.addWidget(hint)
        layout.addStretch(1)

    def load(self) -> None:
        self.timeEdit.setTime(closing_time())

    def save(self, actor: str) -> None:
        chosen = self.timeEdit.time().toPython()
        if chosen != closing_time():
            set_closing_time(chosen, actor)

    def set_editable(self, allowed: bool) -> None:
        self.timeEdit.setReadOnly(not allowed)


def add_closing_time_row(tab: QWidget) -> ClosingTimeField:
    """Put the field under the retention row of the office tab's form (ui/pages/settings_office.ui)."""
    field = ClosingTimeField(tab)
    caption = QLabel(tab.tr("&Jam tutup layanan"), tab)
    caption.setBuddy(field.timeEdit)
    tab.formLayout.addRow(caption, field)
    return field
