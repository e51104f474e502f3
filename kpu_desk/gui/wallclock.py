"""The windows' one clock: every screen asks here for the date and time.

It reads Python's clock, never Qt's (QDate.currentDate asks the operating system behind
Python's back), so the application and its tests agree on the time: a test sets it with
time-machine and every window follows.
"""

from __future__ import annotations

from datetime import date, datetime

from PySide6.QtCore import QDate


def now() -> datetime:
    return datetime.now()


def today() -> date:
    return now().date()


def qdate_today() -> QDate:
    """Today for a Qt date field or calendar."""
    return QDate(today())
