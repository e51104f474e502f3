"""Laporan: cases per SOP and month, and how many steps were done within their time standard.

A step is on time when it was completed no later than its due time (StepRun.due_at,
from the step's mutu baku Waktu); steps whose SOP gives no time ("-") are counted
apart. Counting happens in the database (GROUP BY), so ten years of an office
take one query each, not a loop over every case.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from datetime import date, datetime, time, timedelta

import peewee as pw

from kpu_desk.engine.sops import latest_version, sop_for_version
from kpu_desk.engine.errors import UnknownSop
from kpu_desk.indodate import MONTHS
from kpu_desk.store import models
from kpu_desk.store.dbutil import is_sqlite

ACTIVE = ("open", "waiting")


@dataclass(frozen=True)
class MonthRow:
    sop_id: str
    sop_name: str
    month: str  # "2026-10"
    cases_started: int = 0
    cases_done: int = 0
    cases_active: int = 0
    cases_cancelled: int = 0
    steps_done: int = 0
    steps_on_time: int = 0
    steps_late: int = 0
    steps_untimed: int = 0  # steps whose SOP sets no time standard

    @property
    def on_time_percent(self) -> float | None:
        timed = self.steps_on_time + self.steps_late
        return 100.0 * self.steps_on_time / timed if timed else None


@dataclass(frozen=True)
class SopReport:
    start: date
    end: date  # inclusive
    rows: list[MonthRow] = field(default_factory=list)

    @property
    def total(self) -> MonthRow:
        counts = {f.name: sum(getattr(r, f.name) for r in self.rows) for f in fields(MonthRow) if f.type == "int"}
        return MonthRow(sop_id="", sop_name="Jumlah", month="", **counts)


def month_label(month: str) -> str:
    """"2026-10" → "Oktober 2026"."""
    year, number = month.split("-")
    return f"{MONTHS[int(number) - 1]} {year}"


def sop_month_report(start: date, end: date, sop_id: str | None = None) -> SopReport:
    """Per SOP and month from start to end (both days included)."""
    since, until = datetime.combine(start, time()), datetime.combine(end + timedelta(days=1), time())
    merged: dict[tuple[str, str], dict[str, int]] = {}
    for key, counts in [*_case_counts(since, until, sop_id), *_step_counts(since, until, sop_id)]:
        merged.setdefault(key, {}).update(counts)
    rows = [MonthRow(sop_id=s, sop_name=_sop_name(s), month=m, **counts) for (s, m), counts in merged.items()]
    return SopReport(start, end, sorted(rows, key=lambda r: (r.sop_name, r.month)))


def _case_counts(since: datetime, until: datetime, sop_id: str | None):
    case = models.Case
    month = _month(case.started_at)
    query = (
        case.select(case.sop_id, month.alias("month"), pw.fn.COUNT(case.id).alias("cases_started"),
                    _count(case.state == "done").alias("cases_done"),
                    _count(case.state.in_(ACTIVE)).alias("cases_active"),
                    _count(case.state == "cancelled").alias("cases_cancelled"))
        .where((case.started_at >= since) & (case.started_at < until))
        .group_by(case.sop_id, month)
    )
    if sop_id:
        query = query.where(case.sop_id == sop_id)
    return [((row["sop_id"], row["month"]), _ints(row, "sop_id", "month")) for row in query.dicts()]


def _step_counts(since: datetime, until: datetime, sop_id: str | None):
    run, case = models.StepRun, models.Case
    month = _month(run.completed_at)
    query = (
        run.select(case.sop_id, month.alias("month"), pw.fn.COUNT(run.id).alias("steps_done"),
                   _count(run.due_at.is_null(False) & (run.completed_at <= run.due_at)).alias("steps_on_time"),
                   _count(run.due_at.is_null(False) & (run.completed_at > run.due_at)).alias("steps_late"),
                   _count(run.due_at.is_null(True)).alias("steps_untimed"))
        .join(case)
        .where((run.state == "done") & (run.completed_at >= since) & (run.completed_at < until))
        .group_by(case.sop_id, month)
    )
    if sop_id:
        query = query.where(case.sop_id == sop_id)
    return [((row["sop_id"], row["month"]), _ints(row, "sop_id", "month")) for row in query.dicts()]


def _month(column: pw.Field) -> pw.Function:
    # One text key "YYYY-MM" on both engines; SQLite's strftime is a C function, fast on 100 000 rows.
    if is_sqlite(models.database.obj):
        return pw.fn.strftime("%Y-%m", column)
    return pw.fn.to_char(column, "YYYY-MM")


def _count(condition: pw.Expression) -> pw.Function:
    return pw.fn.SUM(pw.Case(None, [(condition, 1)], 0))


def _ints(row: dict, *skip: str) -> dict[str, int]:
    return {key: int(value or 0) for key, value in row.items() if key not in skip}


def _sop_name(sop_id: str) -> str:
    try:
        return sop_for_version(latest_version(sop_id).id).header.name
    except UnknownSop:
        return sop_id
