"""Dates as Indonesian documents write them ("19 April 2022", "7-April - 2020"), and the one table
of the day and case-state words every screen, document and message uses."""

from __future__ import annotations

import datetime
import re

MONTHS = (
    "Januari", "Februari", "Maret", "April", "Mei", "Juni",
    "Juli", "Agustus", "September", "Oktober", "November", "Desember",
)
DAY_NAMES = ("Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu")  # by date.weekday()
# A case's state as a sentence says it ("kasus ... sedang dibatalkan"); lists capitalise it.
CASE_STATE_WORDS = {"open": "berjalan", "waiting": "menunggu", "done": "selesai", "cancelled": "dibatalkan"}
_MONTH_NUMBERS = {name.lower(): number for number, name in enumerate(MONTHS, start=1)}
# Older spellings still found on signed documents.
_MONTH_NUMBERS.update({"pebruari": 2, "nopember": 11, "agust": 8})

_DATE = re.compile(r"^\s*(\d{1,2})\s*[-/.]?\s*([A-Za-z]+)\s*[-/.]?\s*(\d{4})\s*$")


def parse_indonesian_date(text: str) -> datetime.date | None:
    """The date a text names, or None when it is not a date written this way."""
    match = _DATE.match(text or "")
    if not match:
        return None
    month = _MONTH_NUMBERS.get(match.group(2).lower())
    if month is None:
        return None
    try:
        return datetime.date(int(match.group(3)), month, int(match.group(1)))
    except ValueError:
        return None


def format_indonesian_date(day: datetime.date) -> str:
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"
