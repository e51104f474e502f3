"""A month calendar that drops down under a date field and closes when a day is chosen.

Shown with show(), not exec(): nothing waits on it, so a test (or a clerk who
changes their mind and types the date) is never stuck behind it.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, QLocale, Qt, Signal
from PySide6.QtWidgets import QCalendarWidget, QWidget

from kpu_desk.gui import geometry, wallclock


class CalendarPopup(QCalendarWidget):
    chosen = Signal(object)  # datetime.date

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowFlags(Qt.WindowType.Popup)
        self.setLocale(QLocale(QLocale.Language.Indonesian, QLocale.Country.Indonesia))
        self.setFirstDayOfWeek(Qt.DayOfWeek.Monday)
        self.setGridVisible(True)
        self.setVerticalHeaderFormat(QCalendarWidget.VerticalHeaderFormat.NoVerticalHeader)
        self.clicked.connect(self._choose)
        self.activated.connect(self._choose)

    def drop_down(self, under: QWidget, current: date | None) -> None:
        self.setSelectedDate(QDate(current or wallclock.today()))
        self.move(under.mapToGlobal(under.rect().bottomLeft()))
        self.show()
        self.setFocus()

    def _choose(self, day: QDate) -> None:
        self.hide()
        self.chosen.emit(day.toPython())

    def showEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        super().showEvent(event)
        geometry.fit_on_screen(self)  # under a field low on a laptop screen it would hang off the bottom
