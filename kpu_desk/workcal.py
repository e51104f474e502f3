"""The working-day calendar (hari kerja) of a KPU office.

A hari kerja is Monday-Friday, not a national holiday and not cuti bersama.
National holidays and cuti bersama come from the `holidays` package (Indonesia:
category "public" holds the hari libur nasional, category "government" holds
cuti bersama). Each office corrects that calendar with its own overrides:
regional holidays, decrees issued mid-year, days the office was closed, or days
it worked although the national calendar says holiday. Overrides apply last.

Part of the core: no Qt here.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from functools import lru_cache
from types import MappingProxyType

import holidays

from kpu_desk.office_hours import DEFAULT_CLOSING
from kpu_desk.sop.timestd import Duration, DurationKind

SOURCE_NATIONAL = "nasional"
SOURCE_CUTI_BERSAMA = "cuti_bersama"
SOURCE_OFFICE = "kantor"

_ONE_DAY = timedelta(days=1)
# The years the calendar answers for, and the years a typed date may have (engine.fields): from
# the oldest guest's birth to the furthest deadline an office plans. Counting beyond them is a
# typo, and one more day after 9999-12-31 is an OverflowError.
YEARS = range(1900, 2201)
_SATURDAY = 5


@dataclass(frozen=True)
class HolidayOverride:
    """An office's own correction of the calendar for one day."""

    day: date
    working: bool  # False: the office is closed; True: it works despite the national calendar
    name: str


@dataclass(frozen=True)
class NonWorkingDay:
    """A named day off: a national holiday, cuti bersama, or the office's own closure."""

    day: date
    name: str
    source: str  # SOURCE_NATIONAL, SOURCE_CUTI_BERSAMA or SOURCE_OFFICE


class WorkingCalendar:
    """Counts hari kerja and turns time standards into due times."""

    def __init__(
        self, overrides: Iterable[HolidayOverride] = (), closing_time: time = DEFAULT_CLOSING
    ) -> None:
        self._overrides = _index_overrides(overrides)
        self.closing_time = closing_time

    def is_working_day(self, day: date) -> bool:
        _require_date(day)
        override = self._overrides.get(day)
        if override is not None:
            return override.working
        return day.weekday() < _SATURDAY and day not in _national_days(day.year)

    def holidays_in(self, year: int) -> list[NonWorkingDay]:
        """Every named day off in the year, weekend holidays included, sorted by date.

        Plain weekends are not listed: they carry no name and every clerk knows them.
        """
        days = dict(_national_days(year))
        for override in self._overrides.values():
            if override.day.year != year:
                continue
            if override.working:
                days.pop(override.day, None)
            else:
                days[override.day] = NonWorkingDay(override.day, override.name, SOURCE_OFFICE)
        return [days[day] for day in sorted(days)]

    def add_working_days(self, start: date, n: int) -> date:
        """The date n hari kerja after start; start itself never counts."""
        _require_date(start)
        _require_count(n, minimum=0)
        day = start
        for _ in range(n):
            if day.year not in YEARS:
                break
            day = self._next_working_day(day + _ONE_DAY)
        if day.year not in YEARS:
            raise ValueError(f"{n} hari kerja sesudah {start:%d-%m-%Y} jatuh di luar kalender "
                             f"(tahun {YEARS.start} sampai {YEARS.stop - 1})")
        return day

    def nth_working_day(self, first: date, n: int) -> date:
        """The date of "Hari Ke N": day 1 is `first` if a hari kerja, else the next hari kerja."""
        _require_date(first)
        _require_count(n, minimum=1)
        return self.add_working_days(self._next_working_day(first), n - 1)

    def end_of_day(self, day: date) -> datetime:
        """When the office closes on `day` (naive local time, kpu_desk.office_hours): a day's deadline."""
        _require_date(day)
        return datetime.combine(day, self.closing_time)

    def due(
        self, started: datetime, duration: Duration, case_started: datetime | None = None
    ) -> datetime | None:
        """When a step started at `started` with this time standard is due; None if untimed."""
        kind = duration.kind
        if kind is DurationKind.NONE:
            return None
        if kind is DurationKind.MINUTES:
            # Minutes and hours run on the clock, not on office hours.
            return started + timedelta(minutes=duration.amount)
        if kind is DurationKind.WORKING_DAYS:
            return self.end_of_day(self.add_working_days(started.date(), duration.amount))
        if kind is DurationKind.CASE_DAY:
            first = (case_started or started).date()
            return self.end_of_day(self.nth_working_day(first, duration.amount))
        raise ValueError(f"jenis waktu {kind!r} tidak dikenal")

    def working_days_between(self, start: date, end: date) -> int:
        """Hari kerja after start up to and including end: how many days late something was."""
        _require_date(start)
        _require_date(end)
        count = 0
        day = start + _ONE_DAY
        while day <= end:
            count += self.is_working_day(day)
            day += _ONE_DAY
        return count

    def _next_working_day(self, day: date) -> date:
        """`day` itself if it is a hari kerja, else the first hari kerja after it."""
        while not self.is_working_day(day):
            day += _ONE_DAY
        return day


@lru_cache(maxsize=None)
def _national_days(year: int) -> Mapping[date, NonWorkingDay]:
    """The national holidays and cuti bersama of one year, built once per process.

    Calendars ask about the same few years thousands of times, and building a
    `holidays` table is slow; the table is read-only so every calendar can share it.
    The two categories are fetched apart because the category is the only reliable
    way to tell a hari libur nasional from cuti bersama (the source of a day off).
    """
    days: dict[date, NonWorkingDay] = {}
    # Government first, so a day that is both keeps the stronger "nasional" source.
    for category, source in (("government", SOURCE_CUTI_BERSAMA), ("public", SOURCE_NATIONAL)):
        table = holidays.country_holidays("ID", years=year, categories=(category,), language="id")
        for day, name in table.items():
            days[day] = NonWorkingDay(day, name, source)
    return MappingProxyType(days)


def _index_overrides(overrides: Iterable[HolidayOverride]) -> dict[date, HolidayOverride]:
    """Overrides by day; two for the same day would leave the day ambiguous, so refuse."""
    index: dict[date, HolidayOverride] = {}
    for override in overrides:
        _require_date(override.day)
        if override.day in index:
            raise ValueError(
                f"tanggal {override.day.isoformat()} dikoreksi lebih dari sekali "
                f"({index[override.day].name!r} dan {override.name!r})"
            )
        index[override.day] = override
    return index


def _require_date(day: object) -> None:
    # A datetime is a date subclass but never equals a date key, so holiday
    # look-ups would silently say "working"; refuse it instead.
    if isinstance(day, datetime) or not isinstance(day, date):
        raise TypeError(f"diperlukan tanggal (date), bukan {type(day).__name__}")


def _require_count(n: int, minimum: int) -> None:
    if isinstance(n, bool) or not isinstance(n, int):
        raise TypeError(f"jumlah hari harus bilangan bulat, bukan {type(n).__name__}")
    if n < minimum:
        raise ValueError(f"jumlah hari harus paling sedikit {minimum}, bukan {n}")
