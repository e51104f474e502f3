"""The working-day calendar, checked against the official 2025 and 2026 calendars.

Dates are counted by hand from the Surat Keputusan Bersama Menteri Agama, Menteri
Ketenagakerjaan dan Menteri Pendayagunaan Aparatur Negara dan Reformasi Birokrasi
tentang Hari Libur Nasional dan Cuti Bersama Tahun 2025 (Nomor 1017 Tahun 2024,
Nomor 2 Tahun 2024, Nomor 2 Tahun 2024), signed 14 October 2024: 17 hari libur
nasional and 10 days of cuti bersama. It was amended on 7 August 2025 (SKB Nomor 933
Tahun 2025, Nomor 1 Tahun 2025, Nomor 3 Tahun 2025), which added cuti bersama on
Monday 18 August 2025 for the 80th Independence Day; the `holidays` package follows
the amended decree, and so do these tests.
"""

from __future__ import annotations

import subprocess
import sys
from datetime import date, datetime, time, timedelta
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kpu_desk import workcal
from kpu_desk.sop.timestd import parse_time_standard
from kpu_desk.workcal import HolidayOverride, NonWorkingDay, WorkingCalendar

# Hari libur nasional 2025, from the SKB (day of week in the comment, to count by hand).
LIBUR_NASIONAL_2025 = {
    date(2025, 1, 1),  # Wed  Tahun Baru 2025 Masehi
    date(2025, 1, 27),  # Mon  Isra Mikraj Nabi Muhammad SAW
    date(2025, 1, 29),  # Wed  Tahun Baru Imlek 2576 Kongzili
    date(2025, 3, 29),  # Sat  Hari Suci Nyepi (Tahun Baru Saka 1947)
    date(2025, 3, 31),  # Mon  Idul Fitri 1446 H
    date(2025, 4, 1),  # Tue  Idul Fitri 1446 H
    date(2025, 4, 18),  # Fri  Wafat Yesus Kristus
    date(2025, 4, 20),  # Sun  Kebangkitan Yesus Kristus (Paskah)
    date(2025, 5, 1),  # Thu  Hari Buruh Internasional
    date(2025, 5, 12),  # Mon  Hari Raya Waisak 2569 BE
    date(2025, 5, 29),  # Thu  Kenaikan Yesus Kristus
    date(2025, 6, 1),  # Sun  Hari Lahir Pancasila
    date(2025, 6, 6),  # Fri  Idul Adha 1446 H
    date(2025, 6, 27),  # Fri  1 Muharam Tahun Baru Islam 1447 H
    date(2025, 8, 17),  # Sun  Proklamasi Kemerdekaan
    date(2025, 9, 5),  # Fri  Maulid Nabi Muhammad SAW
    date(2025, 12, 25),  # Thu  Kelahiran Yesus Kristus
}

# Cuti bersama 2025, from the SKB; all fall on weekdays.
CUTI_BERSAMA_2025 = {
    date(2025, 1, 28),  # Tue  Tahun Baru Imlek
    date(2025, 3, 28),  # Fri  Hari Suci Nyepi
    date(2025, 4, 2),  # Wed  Idul Fitri
    date(2025, 4, 3),  # Thu  Idul Fitri
    date(2025, 4, 4),  # Fri  Idul Fitri
    date(2025, 4, 7),  # Mon  Idul Fitri
    date(2025, 5, 13),  # Tue  Waisak
    date(2025, 5, 30),  # Fri  Kenaikan Yesus Kristus
    date(2025, 6, 9),  # Mon  Idul Adha
    date(2025, 12, 26),  # Fri  Kelahiran Yesus Kristus
    # Added by the amending SKB of 7 August 2025 (not in the original decree):
    date(2025, 8, 18),  # Mon  HUT ke-80 Kemerdekaan RI
}


# 2026, from the SKB of 19 September 2025 (Nomor 1497 Tahun 2025, Nomor 2 Tahun 2025, Nomor 5
# Tahun 2025): 17 hari libur nasional and 8 days of cuti bersama. `holidays` carries the cuti
# bersama from 0.99 on; earlier versions have none for 2026, so the office would work on them.
LIBUR_NASIONAL_2026 = {
    date(2026, 1, 1),  # Thu  Tahun Baru 2026 Masehi
    date(2026, 1, 16),  # Fri  Isra Mikraj Nabi Muhammad SAW
    date(2026, 2, 17),  # Tue  Tahun Baru Imlek 2577 Kongzili
    date(2026, 3, 19),  # Thu  Hari Suci Nyepi (Tahun Baru Saka 1948)
    date(2026, 3, 21),  # Sat  Idul Fitri 1447 H
    date(2026, 3, 22),  # Sun  Idul Fitri 1447 H
    date(2026, 4, 3),  # Fri  Wafat Yesus Kristus
    date(2026, 4, 5),  # Sun  Kebangkitan Yesus Kristus (Paskah)
    date(2026, 5, 1),  # Fri  Hari Buruh Internasional
    date(2026, 5, 14),  # Thu  Kenaikan Yesus Kristus
    date(2026, 5, 27),  # Wed  Idul Adha 1447 H
    date(2026, 5, 31),  # Sun  Hari Raya Waisak 2570 BE
    date(2026, 6, 1),  # Mon  Hari Lahir Pancasila
    date(2026, 6, 16),  # Tue  1 Muharam Tahun Baru Islam 1448 H
    date(2026, 8, 17),  # Mon  Proklamasi Kemerdekaan
    date(2026, 8, 25),  # Tue  Maulid Nabi Muhammad SAW
    date(2026, 12, 25),  # Fri  Kelahiran Yesus Kristus
}

CUTI_BERSAMA_2026 = {
    date(2026, 2, 16),  # Mon  Tahun Baru Imlek
    date(2026, 3, 18),  # Wed  Hari Suci Nyepi
    date(2026, 3, 20),  # Fri  Idul Fitri
    date(2026, 3, 23),  # Mon  Idul Fitri
    date(2026, 3, 24),  # Tue  Idul Fitri
    date(2026, 5, 15),  # Fri  Kenaikan Yesus Kristus
    date(2026, 5, 28),  # Thu  Idul Adha
    date(2026, 12, 24),  # Thu  Kelahiran Yesus Kristus
}


@pytest.fixture
def cal() -> WorkingCalendar:
    return WorkingCalendar()


def at(year: int, month: int, day: int, hour: int = 0, minute: int = 0) -> datetime:
    return datetime(year, month, day, hour, minute)


# --- the 2025 calendar against the decree -------------------------------------


def test_national_holidays_2025_are_the_decree(cal):
    listed = {d.day for d in cal.holidays_in(2025) if d.source == "nasional"}
    assert listed == LIBUR_NASIONAL_2025


def test_cuti_bersama_2025_are_the_decree(cal):
    listed = {d.day for d in cal.holidays_in(2025) if d.source == "cuti_bersama"}
    assert listed == CUTI_BERSAMA_2025


def test_the_2026_calendar_is_the_decree(cal):
    listed = cal.holidays_in(2026)
    assert {d.day for d in listed if d.source == "nasional"} == LIBUR_NASIONAL_2026
    assert {d.day for d in listed if d.source == "cuti_bersama"} == CUTI_BERSAMA_2026


def test_a_day_counted_from_23_december_2026_skips_christmas_to_monday(cal):
    # Wed 23 Dec + 1: 24 Dec cuti bersama, 25 Dec Natal, 26-27 weekend -> Mon 28 Dec.
    assert cal.add_working_days(date(2026, 12, 23), 1) == date(2026, 12, 28)


def test_year_2025_has_237_working_days(cal):
    # 2025 starts and ends on a Wednesday: 52 weeks + 1 day = 261 weekdays.
    # Weekday holidays: 17 minus the four on weekends (29 Mar, 20 Apr, 1 Jun,
    # 17 Aug) -> 13; all 11 cuti bersama (10 + 18 Aug) are weekdays.
    # 261 - 13 - 11 = 237.
    assert cal.working_days_between(date(2024, 12, 31), date(2025, 12, 31)) == 237


def test_april_2025_has_16_working_days(cal):
    # 22 weekdays; closed 1 Apr (Idul Fitri), 2-4 and 7 Apr (cuti bersama), 18 Apr (Wafat).
    assert cal.working_days_between(date(2025, 3, 31), date(2025, 4, 30)) == 16


@pytest.mark.parametrize(
    "day",
    [date(2025, 3, 28), date(2025, 3, 31), date(2025, 4, 1), date(2025, 4, 2), date(2025, 4, 7),
     date(2025, 12, 25), date(2025, 12, 26), date(2025, 3, 29), date(2025, 3, 30)],
)
def test_closed_days_around_lebaran_and_christmas(cal, day):
    assert not cal.is_working_day(day)


@pytest.mark.parametrize(
    "day", [date(2025, 3, 27), date(2025, 4, 8), date(2025, 12, 24), date(2025, 12, 29)]
)
def test_open_days_around_lebaran_and_christmas(cal, day):
    assert cal.is_working_day(day)


# --- counting working days -----------------------------------------------------


@pytest.mark.parametrize(
    ("start", "n", "expected"),
    [
        # Thu 27 Mar: 28 Mar cuti, 29-30 weekend, 31 Mar-1 Apr Idul Fitri,
        # 2-4 Apr cuti, 5-6 weekend, 7 Apr cuti -> Tue 8 Apr.
        (date(2025, 3, 27), 1, date(2025, 4, 8)),
        (date(2025, 3, 27), 2, date(2025, 4, 9)),
        # Fri 16 May + 1 -> Mon 19 May.
        (date(2025, 5, 16), 1, date(2025, 5, 19)),
        # Wed 24 Dec: 25 Natal, 26 cuti, 27-28 weekend -> Mon 29 Dec.
        (date(2025, 12, 24), 1, date(2025, 12, 29)),
        # Wed 28 May: 29 Kenaikan, 30 cuti, 31 Sat, 1 Jun Sun (Pancasila) -> Mon 2 Jun.
        (date(2025, 5, 28), 1, date(2025, 6, 2)),
        # Fri 15 Aug: 16-17 weekend, 18 Aug cuti (amendment) -> Tue 19 Aug.
        (date(2025, 8, 15), 1, date(2025, 8, 19)),
        # Starting on a holiday or a weekend: the start never counts.
        (date(2025, 3, 31), 1, date(2025, 4, 8)),
        (date(2025, 3, 29), 1, date(2025, 4, 8)),
        # Across New Year: 31 Dec 2025 (Wed) + 1 skips 1 Jan 2026.
        (date(2025, 12, 31), 1, date(2026, 1, 2)),
    ],
)
def test_add_working_days(cal, start, n, expected):
    assert cal.add_working_days(start, n) == expected


def test_zero_working_days_is_the_start_even_on_a_holiday(cal):
    assert cal.add_working_days(date(2025, 3, 31), 0) == date(2025, 3, 31)


def test_information_request_deadline_across_lebaran(cal):
    # UU 14/2008 art. 22: answer within 10 hari kerja of the request.
    # A request arriving Thu 27 Mar 2025 is counted from 8 Apr: 8, 9, 10, 11, 14,
    # 15, 16, 17 (18 Apr is Wafat Yesus Kristus), 21, 22 -> Tue 22 Apr.
    deadline = cal.add_working_days(date(2025, 3, 27), 10)
    assert deadline == date(2025, 4, 22)
    # One extension of 7 hari kerja: 23, 24, 25, 28, 29, 30 Apr (1 May is Hari
    # Buruh), 2 May -> Fri 2 May.
    assert cal.add_working_days(deadline, 7) == date(2025, 5, 2)


@pytest.mark.parametrize(
    ("first", "n", "expected"),
    [
        (date(2025, 5, 16), 1, date(2025, 5, 16)),  # a working Friday is day 1
        (date(2025, 5, 16), 3, date(2025, 5, 20)),  # Fri, Mon, Tue
        (date(2025, 3, 29), 1, date(2025, 4, 8)),  # Saturday in Lebaran: day 1 is 8 Apr
        # Fri 9 May is day 1; 12 May Waisak, 13 May cuti; 14 May day 2; 15 May day 3.
        (date(2025, 5, 9), 3, date(2025, 5, 15)),
    ],
)
def test_nth_working_day(cal, first, n, expected):
    assert cal.nth_working_day(first, n) == expected


def test_lateness_is_counted_in_working_days(cal):
    # Due Thu 27 Mar, done Tue 8 Apr: one hari kerja late, not twelve calendar days.
    assert cal.working_days_between(date(2025, 3, 27), date(2025, 4, 8)) == 1
    assert cal.working_days_between(date(2025, 4, 8), date(2025, 4, 8)) == 0
    assert cal.working_days_between(date(2025, 4, 9), date(2025, 4, 8)) == 0


# --- holidays_in -----------------------------------------------------------------


def test_holidays_in_names_idul_fitri_in_indonesian(cal):
    days = cal.holidays_in(2025)
    assert NonWorkingDay(date(2025, 3, 31), "Hari Raya Idul Fitri", "nasional") in days
    assert NonWorkingDay(date(2025, 12, 25), "Hari Raya Natal", "nasional") in days
    for day in (date(2025, 4, 2), date(2025, 4, 3), date(2025, 4, 4), date(2025, 4, 7)):
        assert NonWorkingDay(day, "Cuti Bersama Hari Raya Idul Fitri", "cuti_bersama") in days


def test_holidays_in_is_sorted_lists_weekend_holidays_but_not_weekends(cal):
    days = [d.day for d in cal.holidays_in(2025)]
    assert days == sorted(days)
    assert len(days) == len(set(days))
    assert date(2025, 3, 29) in days  # Nyepi on a Saturday
    assert date(2025, 3, 30) not in days  # a plain Sunday
    assert all(d.year == 2025 for d in days)


# --- office overrides ------------------------------------------------------------


def test_regional_holiday_closes_a_weekday():
    regional = HolidayOverride(date(2025, 11, 18), False, "Libur daerah: Hari Jadi Kabupaten")
    cal = WorkingCalendar([regional])
    assert not cal.is_working_day(date(2025, 11, 18))
    assert cal.add_working_days(date(2025, 11, 17), 1) == date(2025, 11, 19)
    assert NonWorkingDay(regional.day, regional.name, "kantor") in cal.holidays_in(2025)


def test_one_office_override_does_not_leak_into_another_calendar():
    WorkingCalendar([HolidayOverride(date(2025, 11, 18), False, "Libur daerah")])
    other = WorkingCalendar()
    assert other.is_working_day(date(2025, 11, 18))
    assert date(2025, 11, 18) not in {d.day for d in other.holidays_in(2025)}


def test_working_saturday_counts():
    cal = WorkingCalendar([HolidayOverride(date(2025, 4, 5), True, "Pelayanan hari Sabtu")])
    assert cal.is_working_day(date(2025, 4, 5))
    assert cal.add_working_days(date(2025, 3, 27), 1) == date(2025, 4, 5)
    assert cal.add_working_days(date(2025, 3, 27), 2) == date(2025, 4, 8)


def test_override_wins_over_cuti_bersama():
    cal = WorkingCalendar([HolidayOverride(date(2025, 4, 7), True, "Piket pelayanan")])
    assert cal.is_working_day(date(2025, 4, 7))
    assert cal.add_working_days(date(2025, 3, 27), 1) == date(2025, 4, 7)
    assert date(2025, 4, 7) not in {d.day for d in cal.holidays_in(2025)}


def test_office_closure_on_a_national_day_off_is_listed_once_as_the_office_s():
    closure = HolidayOverride(date(2025, 12, 26), False, "Kantor tutup: perbaikan gedung")
    days = [d for d in WorkingCalendar([closure]).holidays_in(2025) if d.day == closure.day]
    assert days == [NonWorkingDay(closure.day, closure.name, "kantor")]


# --- due times ---------------------------------------------------------------------


def test_no_time_standard_is_never_due(cal):
    assert cal.due(at(2025, 5, 16, 9), parse_time_standard("-")) is None


def test_minutes_run_on_the_clock_across_midnight(cal):
    due = cal.due(at(2025, 12, 31, 23, 50), parse_time_standard("30 menit"))
    assert due == at(2026, 1, 1, 0, 20)  # New Year's Day, still on the clock


def test_hours_run_past_closing_time(cal):
    assert cal.due(at(2025, 5, 16, 15, 30), parse_time_standard("1 jam")) == at(2025, 5, 16, 16, 30)


def test_one_working_day_from_friday_afternoon_is_monday_at_closing(cal):
    due = cal.due(at(2025, 5, 16, 14, 30), parse_time_standard("1 hari kerja"))
    assert due == at(2025, 5, 19, 16, 0)


def test_one_day_before_lebaran_is_due_after_lebaran(cal):
    due = cal.due(at(2025, 3, 27, 15, 0), parse_time_standard("1 hari"))
    assert due == at(2025, 4, 8, 16, 0)


def test_hari_ke_3_of_a_case_started_friday_evening(cal):
    # The case started Fri 9 May at 19:30, a working day, so it is Hari Ke 1;
    # 12 May Waisak and 13 May cuti bersama; 14 May is day 2, 15 May day 3.
    step_started = at(2025, 5, 14, 9, 0)
    due = cal.due(step_started, parse_time_standard("Hari Ke 3"), case_started=at(2025, 5, 9, 19, 30))
    assert due == at(2025, 5, 15, 16, 0)


def test_hari_ke_counts_from_the_step_when_no_case_start_is_given(cal):
    assert cal.due(at(2025, 5, 9, 19, 30), parse_time_standard("Hari Ke 3")) == at(2025, 5, 15, 16, 0)


def test_closing_time_is_the_office_s():
    cal = WorkingCalendar(closing_time=time(15, 30))
    assert cal.end_of_day(date(2025, 5, 16)) == at(2025, 5, 16, 15, 30)
    assert cal.due(at(2025, 5, 16, 9), parse_time_standard("1 hari kerja")) == at(2025, 5, 19, 15, 30)


# --- bad input -------------------------------------------------------------------


def test_negative_working_days_are_refused(cal):
    with pytest.raises(ValueError):
        cal.add_working_days(date(2025, 5, 16), -1)


def test_hari_ke_0_is_refused(cal):
    with pytest.raises(ValueError):
        cal.nth_working_day(date(2025, 5, 16), 0)


def test_two_overrides_for_one_day_are_refused():
    with pytest.raises(ValueError, match="2025-04-07"):
        WorkingCalendar(
            [HolidayOverride(date(2025, 4, 7), True, "Piket"), HolidayOverride(date(2025, 4, 7), False, "Tutup")]
        )


def test_a_datetime_is_not_taken_for_a_date(cal):
    # datetime(2025, 3, 31) is not equal to date(2025, 3, 31); it would pass as a working day.
    with pytest.raises(TypeError):
        cal.is_working_day(datetime(2025, 3, 31, 10, 0))


# --- invariants and plumbing -------------------------------------------------------


@settings(max_examples=300, deadline=None, database=None)
@given(
    start=st.dates(min_value=date(2024, 1, 1), max_value=date(2026, 12, 31)),
    n=st.integers(min_value=0, max_value=40),
)
def test_adding_then_counting_gives_back_n(start, n):
    cal = WorkingCalendar()
    end = cal.add_working_days(start, n)
    assert cal.working_days_between(start, end) == n
    if n:
        assert cal.is_working_day(end)
        assert cal.nth_working_day(start + timedelta(days=1), n) == end


def test_holiday_tables_are_built_once_per_year(monkeypatch):
    calls = []
    real = workcal.holidays.country_holidays

    def counting(*args, **kwargs):
        calls.append(kwargs.get("years"))
        return real(*args, **kwargs)

    monkeypatch.setattr(workcal.holidays, "country_holidays", counting)
    workcal._national_days.cache_clear()
    try:
        WorkingCalendar().is_working_day(date(2031, 1, 2))
        built = len(calls)
        for cal in (WorkingCalendar(), WorkingCalendar()):
            cal.working_days_between(date(2031, 1, 1), date(2031, 12, 31))
            cal.holidays_in(2031)
        assert len(calls) == built
    finally:
        workcal._national_days.cache_clear()


def test_the_calendar_does_not_import_qt():
    code = (
        "import sys, kpu_desk.workcal;"
        "bad = [m for m in sys.modules if m.startswith(('PySide6', 'kpu_desk.gui'))];"
        "sys.exit(str(bad) if bad else 0)"
    )
    repo = Path(__file__).parents[1]
    subprocess.run([sys.executable, "-c", code], check=True, cwd=repo)
