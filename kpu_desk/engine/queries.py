"""Reading cases: lists, a case's history, and the step runs waiting in a user's lanes.

Rows come back as plain dataclasses, ready for a table model or JSON; overdue
is computed here from `now`, never read from the database.
"""

from __future__ import annotations

import functools
import operator
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Iterable

import peewee as pw

from kpu_desk.engine.cases import find_case, now_or
from kpu_desk.engine.deadlines import ACTIVE_CASE_STATES, is_overdue, nearest_due
from kpu_desk.engine.sops import sop_for_case, sop_for_version
from kpu_desk.nik import mask_nik
from kpu_desk.privacy import mask_phone
from kpu_desk.sop.model import FieldType
from kpu_desk.store import models


@dataclass(frozen=True)
class CaseSummary:
    number: str
    sop_id: str
    sop_version: int
    title: str
    state: str
    current_step: int | None
    started_at: datetime
    case_due: datetime | None  # the legal deadline
    step_due: datetime | None  # the open step's due time
    overdue: bool

    @property
    def due(self) -> datetime | None:
        """What must be met next: the earlier of the step's and the case's due time."""
        if self.state not in ACTIVE_CASE_STATES:
            return None
        return nearest_due(self.case_due, self.step_due)


@dataclass(frozen=True)
class HistoryEntry:
    run_id: int
    step_no: int
    activity: str
    state: str  # open, done, cancelled
    started_at: datetime
    due_at: datetime | None
    completed_at: datetime | None
    completed_by: str | None  # username
    completed_by_name: str | None
    form: dict[str, Any]
    branch: str | None
    overdue: bool


@dataclass(frozen=True)
class Task:
    step_run_id: int
    case_number: str
    sop_id: str
    title: str
    step_no: int
    activity: str
    started_at: datetime
    due_at: datetime | None
    overdue: bool


def list_cases(
    sop_id: str | None = None,
    state: str | None = None,
    overdue: bool | None = None,
    search: str | None = None,
    limit: int = 100,
    offset: int = 0,
    now: datetime | None = None,
    started_from: datetime | None = None,
    started_before: datetime | None = None,
) -> list[CaseSummary]:
    """Cases, newest first, filtered by SOP, state, overdue (as of `now`), a search text and start time."""
    now = now_or(now)
    run = models.StepRun.alias()
    query = _summary_query(run)
    for condition in _filters(run, sop_id, state, overdue, search, now):
        query = query.where(condition)
    if started_from is not None:
        query = query.where(models.Case.started_at >= started_from)
    if started_before is not None:
        query = query.where(models.Case.started_at < started_before)
    rows = query.order_by(models.Case.id.desc()).limit(limit).offset(offset).objects()
    return [_summary(row, row.step_due, now) for row in rows]


def case_summary(number: str, now: datetime | None = None) -> CaseSummary:
    now = now_or(now)
    case = find_case(number)
    run = models.StepRun.alias()
    row = _summary_query(run).where(models.Case.id == case.id).objects().get()
    return _summary(row, row.step_due, now)


def case_history(number: str, now: datetime | None = None, reveal_nik: bool = False) -> list[HistoryEntry]:
    """Every step run of the case in order: who did it, when, the form and the branch.

    NIK fields come masked (see kpu_desk.nik.mask_nik) unless the caller's role
    needs the whole number and says so with reveal_nik.
    """
    now = now_or(now)
    case = find_case(number)
    sop = sop_for_case(case)
    query = (
        models.StepRun.select(models.StepRun, models.User.id, models.User.username, models.User.full_name)
        .join(models.User, pw.JOIN.LEFT_OUTER, on=(models.StepRun.completed_by == models.User.id))
        .where(models.StepRun.case == case.id)
        .order_by(models.StepRun.id)
    )
    return [_history_entry(run, sop, case.state, now, reveal_nik) for run in query]


def tasks_for_lanes(
    lanes: Iterable[tuple[str, str]], now: datetime | None = None, limit: int = 500
) -> list[Task]:
    """Open steps of running cases in any of the (sop_id, lane_id) lanes, the most urgent first."""
    pairs = set(lanes)
    if not pairs:
        return []
    now = now_or(now)
    in_lanes = functools.reduce(
        operator.or_, ((models.StepRunLane.sop_id == s) & (models.StepRunLane.lane_id == lane) for s, lane in pairs)
    )
    # Start from the few open step runs (index state, due_at, already in due order) and check
    # their lanes; starting from the lanes would walk every step ever done in them.
    in_my_lanes = models.StepRunLane.select(pw.SQL("1")).where(
        (models.StepRunLane.step_run == models.StepRun.id) & in_lanes
    )
    query = (
        models.StepRun.select(models.StepRun, models.Case)
        .join(models.Case)
        .where((models.StepRun.state == "open") & pw.fn.EXISTS(in_my_lanes))
        .order_by(models.StepRun.due_at.asc(nulls="LAST"), models.StepRun.started_at, models.StepRun.id)
    )
    # The case state is checked here, not in SQL: with it in the WHERE clause SQLite builds a
    # bloom filter over every case ever opened (170 ms on ten years), for a few hundred rows.
    runs = [run for run in query if run.case.state == "open"][:limit]  # EXISTS: no duplicates
    # One look-up per SOP version, not per task: a busy desk has hundreds of open steps.
    sops = {vid: sop_for_version(vid) for vid in {run.case.sop_version_id for run in runs}}
    return [_task(run, sops[run.case.sop_version_id], now) for run in runs]


def _summary_query(run) -> pw.ModelSelect:
    return (
        models.Case.select(models.Case, models.SopVersion.version.alias("sop_version_no"), run.due_at.alias("step_due"))
        .join(models.SopVersion, on=(models.Case.sop_version == models.SopVersion.id))
        .switch(models.Case)
        .join(run, pw.JOIN.LEFT_OUTER, on=((run.case == models.Case.id) & (run.state == "open")))
    )


def _filters(run, sop_id, state, overdue, search, now) -> list[pw.Expression]:
    found = []
    if sop_id:
        found.append(models.Case.sop_id == sop_id)
    if state:
        found.append(models.Case.state == state)
    if overdue is not None:
        found.append(_late(run, now) if overdue else ~_late(run, now))
    if search and search.strip():
        text = search.strip()
        found.append(models.Case.title.contains(text) | models.Case.number.contains(text))
    return found


def _late(run, now: datetime) -> pw.Expression:
    # COALESCE keeps NOT(...) meaningful where a due time is NULL (no deadline).
    case_late = pw.fn.COALESCE(models.Case.due_at < now, False)
    step_late = pw.fn.COALESCE(run.due_at < now, False)
    return models.Case.state.in_(ACTIVE_CASE_STATES) & (case_late | step_late)


def _summary(case: models.Case, step_due: datetime | None, now: datetime) -> CaseSummary:
    active = case.state in ACTIVE_CASE_STATES
    step_due = _as_datetime(step_due)
    late = active and (is_overdue(case.due_at, now) or is_overdue(step_due, now))
    return CaseSummary(
        number=case.number, sop_id=case.sop_id, sop_version=case.sop_version_no, title=case.title,
        state=case.state, current_step=case.current_step, started_at=case.started_at,
        case_due=case.due_at, step_due=step_due if active else None, overdue=late,
    )


def _as_datetime(value: Any) -> datetime | None:
    # An aliased column is not converted by its field on SQLite; it comes back as text.
    if value is None or isinstance(value, datetime):
        return value
    return pw.format_date_time(value, models.StepRun.due_at.formats)


def _history_entry(run: models.StepRun, sop, case_state: str, now: datetime, reveal_nik: bool) -> HistoryEntry:
    user = run.completed_by if run.completed_by_id else None
    return HistoryEntry(
        run_id=run.id, step_no=run.step_no, activity=_activity(sop, run.step_no), state=run.state,
        started_at=run.started_at, due_at=run.due_at, completed_at=run.completed_at,
        completed_by=user.username if user else None, completed_by_name=user.full_name if user else None,
        form=_display_form(sop, run.step_no, dict(run.form_data or {}), reveal_nik), branch=run.branch,
        overdue=run.state == "open" and case_state in ACTIVE_CASE_STATES and is_overdue(run.due_at, now),
    )


_MASKS = {FieldType.NIK: mask_nik, FieldType.PHONE: mask_phone}  # personal data (kpu_desk.privacy)


def _display_form(sop, step_no: int, form: dict[str, Any], reveal_nik: bool) -> dict[str, Any]:
    """The form in the order the step asks for it, NIK and telephone masked unless revealed."""
    try:
        fields = sop.step(step_no).form
    except KeyError:
        return form
    order = {f.key: i for i, f in enumerate(fields)}
    maskers = {} if reveal_nik else {f.key: _MASKS[f.type] for f in fields if f.type in _MASKS}
    ordered = sorted(form.items(), key=lambda item: order.get(item[0], len(order)))
    return {key: maskers[key](value) if key in maskers and value else value for key, value in ordered}


def _task(run: models.StepRun, sop, now: datetime) -> Task:
    case = run.case
    return Task(
        step_run_id=run.id, case_number=case.number, sop_id=case.sop_id, title=case.title, step_no=run.step_no,
        activity=_activity(sop, run.step_no), started_at=run.started_at, due_at=run.due_at,
        overdue=is_overdue(run.due_at, now),
    )


def _activity(sop, step_no: int) -> str:
    try:
        return sop.step(step_no).activity
    except KeyError:
        return ""


def case_version(case_id: int) -> int | None:
    """The case's row_version now: cheap enough to ask after every poll of the shared database."""
    row = models.Case.select(models.Case.row_version).where(models.Case.id == case_id).first()
    return row.row_version if row else None
