"""How times, durations and states read in lists: short, Indonesian, and the same everywhere."""

from __future__ import annotations

from datetime import date, datetime

from PySide6.QtCore import QCoreApplication

from kpu_desk.gui import wallclock
from kpu_desk.indodate import CASE_STATE_WORDS, DAY_NAMES

_MONTHS = ("Jan", "Feb", "Mar", "Apr", "Mei", "Jun", "Jul", "Agu", "Sep", "Okt", "Nov", "Des")


def _tr(text: str) -> str:
    return QCoreApplication.translate("Format", text)


def state_label(state: str) -> str:
    word = CASE_STATE_WORDS.get(state)
    return _tr(word.capitalize()) if word else state


def run_state_label(run) -> str:
    """One step run's state (a kpu_desk.engine.HistoryEntry): open, done, late, skipped or cancelled."""
    if run.state == "open":
        return _tr("Terbuka, terlambat") if run.overdue else _tr("Terbuka")
    if run.state == "done":
        late = run.due_at is not None and run.completed_at is not None and run.completed_at > run.due_at
        return _tr("Selesai, terlambat") if late else _tr("Selesai")
    return _tr("Dilewati") if run.state == "skipped" else _tr("Dibatalkan")


def short_datetime(value: datetime | None) -> str:
    """"2 Mar 08.05" this year, "2 Mar 2025 08.05" before; the clock with a dot, as Indonesian offices write it."""
    if value is None:
        return "—"
    return f"{short_date(value)} {value:%H.%M}"


def short_date(value: date | None) -> str:
    if value is None:
        return "—"
    year = "" if value.year == wallclock.today().year else f" {value.year}"
    return f"{value.day} {_MONTHS[value.month - 1]}{year}"


def clock(value: datetime | None) -> str:
    return "—" if value is None else f"{value:%H.%M}"


def weekday(value: date) -> str:
    return _tr(DAY_NAMES[value.weekday()])


def duration(seconds: float) -> str:
    """A time span the way a clerk says it: "5 menit", "2 jam 10 menit", "3 hari"."""
    minutes = max(int(seconds // 60), 0)
    if minutes < 60:
        return _tr("{0} menit").format(max(minutes, 1))
    hours, rest = divmod(minutes, 60)
    if hours < 24:
        return _tr("{0} jam {1} menit").format(hours, rest) if rest else _tr("{0} jam").format(hours)
    return _tr("{0} hari").format(hours // 24)


def time_left(due: datetime | None, now: datetime) -> str:
    """"terlambat 2 jam" once past due, "sisa 15 menit" before it, "—" without a due time."""
    if due is None:
        return "—"
    seconds = (due - now).total_seconds()
    if seconds < 0:
        return _tr("terlambat {0}").format(duration(-seconds))
    return _tr("sisa {0}").format(duration(seconds))
