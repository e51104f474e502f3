"""The windows read the date and time in one place, kpu_desk.gui.wallclock, which follows Python's clock.

Qt's QDate.currentDate() and QDateTime.currentDateTime() read the operating system directly, so a
test that sets the time (time-machine) would not reach them, and a window reading them would
disagree with the core about what day it is.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from pathlib import Path

import kpu_desk.gui
from kpu_desk.gui import wallclock

GUI = Path(kpu_desk.gui.__file__).parent
CLOCK_READS = re.compile(r"\b(?:QDate\.currentDate|QDateTime\.currentDateTime|QTime\.currentTime|datetime\.now"
                         r"|date\.today|datetime\.today|time\.time)\b")


def test_no_window_reads_the_clock_but_through_the_wallclock():
    readers = [f"{path.relative_to(GUI)}:{number}: {line.strip()}"
               for path in sorted(GUI.rglob("*.py")) if path.name != "wallclock.py"
               for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
               if CLOCK_READS.search(line)]
    assert readers == []


def test_the_wallclock_follows_a_clock_set_by_the_test(time_machine):
    time_machine.move_to(datetime(2031, 12, 31, 23, 58), tick=False)
    assert wallclock.now() == datetime(2031, 12, 31, 23, 58)
    assert wallclock.today() == date(2031, 12, 31) == wallclock.qdate_today().toPython()
