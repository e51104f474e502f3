"""Due times of steps and cases, and whether they are overdue.

A step's due time comes from its time standard (mutu baku, Waktu); a case's
from its SOP's legal deadline (UU 14/2008: 10 hari kerja, one extension of 7)
counted from the day the case started, that day not counted. Working days use
the national calendar corrected by the office's HolidayOverride rows.

Overdue is never stored: it is "not finished and the due time has passed",
computed against the clock whenever someone looks.
"""

from __future__ import annotations

from datetime import datetime

from kpu_desk import workcal
from kpu_desk.office_hours import closing_time
from kpu_desk.sop.model import LegalDeadline, Step
from kpu_desk.store import models

ACTIVE_CASE_STATES = ("open", "waiting")


def office_calendar() -> workcal.WorkingCalendar:
    """The working-day calendar with the office's own corrections and closing time from the database."""
    overrides = [
        workcal.HolidayOverride(day=row.day, working=row.working, name=row.name)
        for row in models.HolidayOverride.select().order_by(models.HolidayOverride.day)
    ]
    return workcal.WorkingCalendar(overrides, closing_time())


def step_due(
    calendar: workcal.WorkingCalendar, step: Step, started: datetime, case_started: datetime
) -> datetime | None:
    """When a step run that began at `started` is due; None when the step has no time standard."""
    return calendar.due(started, step.mutu_baku.waktu, case_started=case_started)


def case_due(calendar: workcal.WorkingCalendar, deadline: LegalDeadline | None, started: datetime) -> datetime | None:
    """The legal deadline: the end of the N-th working day after the start date."""
    if deadline is None:
        return None
    return calendar.end_of_day(calendar.add_working_days(started.date(), deadline.working_days))


def extended_due(
    calendar: workcal.WorkingCalendar, deadline: LegalDeadline, due_at: datetime | None, started: datetime
) -> datetime:
    """The deadline after its one extension: the extension's working days after the current deadline's day.

    Counted from the deadline itself, not from the start: a case opened from an incoming letter
    has its deadline counted from the day the letter arrived. A case without a stored deadline
    counts from its start.
    """
    day = due_at.date() if due_at is not None else calendar.add_working_days(started.date(), deadline.working_days)
    return calendar.end_of_day(calendar.add_working_days(day, deadline.extension_working_days))


def is_overdue(due_at: datetime | None, now: datetime, finished: bool = False) -> bool:
    return not finished and due_at is not None and now > due_at


def case_overdue(case: models.Case, open_run: models.StepRun | None, now: datetime) -> bool:
    """A case is overdue when its legal deadline or its open step's due time has passed."""
    if case.state not in ACTIVE_CASE_STATES:
        return False
    step_late = open_run is not None and is_overdue(open_run.due_at, now)
    return step_late or is_overdue(case.due_at, now)


def run_overdue(run: models.StepRun, case_state: str, now: datetime) -> bool:
    return run.state == "open" and case_state in ACTIVE_CASE_STATES and is_overdue(run.due_at, now)


def nearest_due(*dues: datetime | None) -> datetime | None:
    """The first of several due times: what the clerk must meet next."""
    known = [d for d in dues if d is not None]
    return min(known) if known else None
