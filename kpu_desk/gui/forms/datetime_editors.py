"""Dates and times typed digit by digit into a mask (dd-mm-yyyy, hh.mm), with a calendar to pick from.

Not QDateEdit/QTimeEdit: those cannot be left empty (most dates in the SOPs'
forms are optional) and quietly turn 31-02 into another day, where the clerk
must keep what they typed and read why it is refused. The mask does the
typing help; the engine judges the date.
"""

from __future__ import annotations

import re
from datetime import date, datetime, time
from typing import Any

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QLineEdit, QToolButton, QWidget

from kpu_desk.gui import wallclock
from kpu_desk.gui.forms.calendar_popup import CalendarPopup
from kpu_desk.gui.forms.context import translate
from kpu_desk.gui.forms.editor import FieldEditor
from kpu_desk.sop.model import FormField
from kpu_desk.workcal import YEARS

_DIGITS = re.compile(r"\d")
# An ISO date typed into the mask: "2026-12-10" lands as "20-26-1210", the mask taking the digits
# in its own order and dropping the dashes. The same eight digits, read as year, month and day,
# are what the clerk meant whenever they make a date and the mask's order does not.
_TYPED_ISO = re.compile(r"(\d\d)-(\d\d)-(\d\d)(\d\d)(.*)", re.ASCII)


class MaskedEdit(QLineEdit):
    """A masked line edit whose cursor starts at the first digit when the field is still empty."""

    def focusInEvent(self, event) -> None:  # noqa: N802
        super().focusInEvent(event)
        if not _DIGITS.search(self.text()):
            QTimer.singleShot(0, lambda: self.setCursorPosition(0))


class MaskedEditor(FieldEditor):
    mask = ""
    display = ""  # strftime format of the mask's text

    def __init__(self, form_field: FormField, parent: QWidget | None = None):
        super().__init__(form_field, parent)
        self.edit = MaskedEdit(self)
        self.edit.setObjectName(f"field_{form_field.key}")
        self.edit.setInputMask(self.mask)
        self.edit.setMaximumWidth(self.edit.fontMetrics().horizontalAdvance(self.mask) + 40)
        self.edit.textEdited.connect(self._show_as_understood)
        self.row.addWidget(self.edit)
        self.buttons: list[QToolButton] = []

    # --- the engine's value --------------------------------------------------------------

    def raw_value(self) -> Any:
        text = self.edit.text().strip(" -.:")
        if not _DIGITS.search(text):
            return ""
        parsed = self.parse(text)
        return self.iso(parsed) if parsed is not None else text

    def parse(self, text: str):
        """The moment the mask's text means: as shown (dd-mm-yyyy), else typed the ISO way."""
        for reading in (text, _iso_typed(text)):
            try:
                moment = datetime.strptime(reading or "", self.display)
            except ValueError:
                continue
            if "%Y" not in self.display or moment.year in YEARS:
                return moment
        return None

    def _show_as_understood(self) -> None:
        # Once the last digit is typed, "20-26-1210" becomes "10-12-2026": the clerk sees the
        # date that will be saved, while still looking at the field.
        text = self.edit.text()
        if len(_DIGITS.findall(text)) < self.mask.count("0"):  # the mask's digits are all optional
            return
        moment = self.parse(text)
        shown = self.shown(moment) if moment is not None else None
        if shown is not None and shown != self.edit.text():
            self.edit.setText(shown)

    def iso(self, moment: datetime) -> str:
        raise NotImplementedError

    def set_raw_value(self, value: Any) -> None:
        shown = self.shown(value)
        self.edit.setText(shown if shown is not None else ("" if value is None else str(value)))

    def shown(self, value: Any) -> str | None:
        """A stored value (ISO text, date, time) as the mask shows it; None if it is not one."""
        raise NotImplementedError

    # --- focus and read-only ---------------------------------------------------------------

    def input_widget(self) -> QWidget:
        return self.edit

    def focus_widgets(self) -> list[QWidget]:
        return [self.edit, *self.buttons]

    def set_read_only(self, read_only: bool) -> None:
        self.edit.setReadOnly(read_only)
        for button in self.buttons:
            button.setVisible(not read_only)

    def add_button(self, text: str, tip: str, slot) -> QToolButton:
        button = QToolButton(self)
        button.setText(text)
        button.setToolTip(tip)
        button.clicked.connect(slot)
        self.row.addWidget(button)
        self.buttons.append(button)
        return button


class DateEditor(MaskedEditor):
    mask = "00-00-0000;_"
    display = "%d-%m-%Y"

    def __init__(self, form_field: FormField, parent: QWidget | None = None):
        super().__init__(form_field, parent)
        self.calendar: CalendarPopup | None = None
        self.calendarButton = self.add_button(translate("Kalender"), translate("Pilih tanggal dari kalender"),
                                              self.open_calendar)
        self.add_button(*self.now_texts(), self.fill_now)
        self.row.addStretch(1)

    def now_texts(self) -> tuple[str, str]:
        return translate("Hari ini"), translate("Isi dengan tanggal hari ini")

    def iso(self, moment: datetime) -> str:
        return moment.date().isoformat()

    def shown(self, value: Any) -> str | None:
        day = _as_date(value)
        return day.strftime(self.display) if day else None

    def open_calendar(self) -> CalendarPopup:
        if self.calendar is None:
            self.calendar = CalendarPopup(self)
            self.calendar.chosen.connect(self.pick_date)
        self.calendar.drop_down(self.edit, _as_date(self.raw_value()))
        return self.calendar

    def pick_date(self, day: date) -> None:
        self.edit.setText(day.strftime(self.display))
        self.edit.setFocus()

    def fill_now(self) -> None:
        self.pick_date(wallclock.today())


class TimeEditor(MaskedEditor):
    mask = "00.00;_"
    display = "%H.%M"

    def __init__(self, form_field: FormField, parent: QWidget | None = None):
        super().__init__(form_field, parent)
        self.add_button(translate("Sekarang"), translate("Isi dengan jam sekarang"), self.fill_now)
        self.row.addStretch(1)

    def iso(self, moment: datetime) -> str:
        return moment.strftime("%H:%M")

    def shown(self, value: Any) -> str | None:
        moment = _as_time(value)
        return moment.strftime(self.display) if moment else None

    def fill_now(self) -> None:
        self.edit.setText(wallclock.now().strftime(self.display))


class DateTimeEditor(DateEditor):
    mask = "00-00-0000 00.00;_"
    display = "%d-%m-%Y %H.%M"

    def now_texts(self) -> tuple[str, str]:
        return translate("Sekarang"), translate("Isi dengan tanggal dan jam sekarang")

    def iso(self, moment: datetime) -> str:
        return moment.isoformat(timespec="minutes")

    def shown(self, value: Any) -> str | None:
        moment = _as_datetime(value)
        return moment.strftime(self.display) if moment else None

    def pick_date(self, day: date) -> None:
        # Keep a time already typed; a date picked alone gets the time of now, the usual case.
        typed = self.edit.text().split(" ")
        clock = typed[1] if len(typed) == 2 and _DIGITS.search(typed[1]) else wallclock.now().strftime("%H.%M")
        self.edit.setText(f"{day.strftime('%d-%m-%Y')} {clock}")
        self.edit.setFocus()

    def fill_now(self) -> None:
        self.edit.setText(wallclock.now().strftime(self.display))
        self.edit.setFocus()


def _iso_typed(text: str) -> str | None:
    """The mask's text with its date digits read in ISO order, shown the mask's way; None unless all
    eight are there ("20-26-1210 09.00" gives "10-12-2026 09.00")."""
    match = _TYPED_ISO.fullmatch(text)
    if match is None:
        return None
    first, second, third, fourth, rest = match.groups()
    return f"{fourth}-{third}-{first}{second}{rest}"


def _as_date(value: Any) -> date | None:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


def _as_time(value: Any) -> time | None:
    if isinstance(value, time):
        return value
    try:
        return time.fromisoformat(str(value))
    except ValueError:
        return None


def _as_datetime(value: Any) -> datetime | None:
    if isinstance(value, datetime):
        return value
    try:
        return datetime.fromisoformat(str(value))
    except ValueError:
        return None
