"""Moving a case through its steps: opening a step run, completing it, choosing the next step.

Every change to a case's flow raises Case.row_version with
`UPDATE … WHERE row_version = <the version read>`; if another workstation got
there first the update touches no row and `Lost` unwinds the transaction.
Callers turn `Lost` into a message naming who won (see conflicts.py).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Mapping

from kpu_desk import workcal
from kpu_desk.engine.actors import ActingUser
from kpu_desk.engine import notify
from kpu_desk.engine.deadlines import step_due
from kpu_desk.engine.errors import BranchError
from kpu_desk.engine.fields import validate_form
from kpu_desk.engine.parties import record_party
from kpu_desk.engine.storage import audit
from kpu_desk.engine.titles import render_title, template_keys
from kpu_desk.sop.model import Branch, Sop, Step
from kpu_desk.store import models


class Lost(Exception):
    """The case changed between reading and writing; the transaction must roll back."""


@dataclass(frozen=True)
class Completion:
    """A step's form and branch, checked and ready to be written."""

    step: Step
    form: dict[str, Any]
    branch: Branch | None
    raw: dict[str, Any] = field(default_factory=dict)


def prepare_completion(step: Step, fields: Mapping[str, Any] | None, branch: str | None) -> Completion:
    """Check the branch and the form before anything is written; raise BranchError or FormError."""
    chosen = choose_branch(step, branch)
    return Completion(step, validate_form(step, fields), chosen, dict(fields or {}))


def choose_branch(step: Step, label: str | None) -> Branch | None:
    labels = tuple(b.label for b in step.branches)
    if not step.branches:
        if label:
            raise BranchError(f"langkah {step.no} bukan langkah keputusan; tidak ada cabang untuk dipilih")
        return None
    if not label or not label.strip():
        raise BranchError(f"langkah {step.no} adalah keputusan; pilih cabang: {_quoted(labels)}", labels)
    chosen = step.branch(label)
    if chosen is None:
        raise BranchError(
            f"cabang '{label.strip()}' tidak ada pada langkah {step.no}; pilih salah satu: {_quoted(labels)}", labels
        )
    return chosen


def _quoted(labels: tuple[str, ...]) -> str:
    return ", ".join(f"'{label}'" for label in labels)


def current_run(case: models.Case) -> models.StepRun | None:
    """The case's open step run (a case has at most one)."""
    query = models.StepRun.select().where((models.StepRun.case == case.id) & (models.StepRun.state == "open"))
    return query.order_by(models.StepRun.id.desc()).first()


def open_run(
    case: models.Case, sop: Sop, step: Step, now: datetime, calendar: workcal.WorkingCalendar
) -> models.StepRun:
    run = models.StepRun.create(
        case=case.id,
        step_no=step.no,
        state="open",
        started_at=now,
        due_at=step_due(calendar, step, now, case.started_at),
        form_data={},
    )
    rows = [{"step_run": run.id, "sop_id": sop.id, "lane_id": lane} for lane in step.lanes]
    models.StepRunLane.insert_many(rows).execute()
    return run


def bump_case(case: models.Case, version: int, **changes: Any) -> int:
    """Write changes to the case if it is still at `version`; return the new version."""
    changes["row_version"] = version + 1
    query = models.Case.update(**changes).where((models.Case.id == case.id) & (models.Case.row_version == version))
    if query.execute() != 1:
        raise Lost()
    return version + 1


def finish_run(
    case: models.Case,
    sop: Sop,
    run: models.StepRun,
    completion: Completion,
    version: int,
    acting: ActingUser,
    now: datetime,
    calendar: workcal.WorkingCalendar,
) -> models.StepRun | None:
    """Complete the open run and open the next one; return it, or None when the case is done."""
    next_step = _next_step(sop, completion)
    new_version = bump_case(case, version, title=_title_after(case, sop, completion.form), **_flow_changes(next_step, now))
    _close_run(run, completion, acting, now)
    next_run = open_run(case, sop, next_step, now, calendar) if next_step else None
    record_party(case, sop.case.kind, completion.form)
    notify.after_step(case, sop, completion, acting, now)
    audit(
        "case.step", acting.username, "case", case.number,
        step=completion.step.no, run=run.id, fields=sorted(completion.form),
        branch=completion.branch.label if completion.branch else None,
        next=next_step.no if next_step else None, version=new_version,
    )
    return next_run


def _next_step(sop: Sop, completion: Completion) -> Step | None:
    if completion.branch is not None:
        return sop.step(completion.branch.next)
    step = completion.step
    return sop.step(step.next) if step.next is not None else None


def _flow_changes(next_step: Step | None, now: datetime) -> dict[str, Any]:
    if next_step is None:
        return {"state": "done", "current_step": None, "closed_at": now}
    return {"current_step": next_step.no}


def _close_run(run: models.StepRun, completion: Completion, acting: ActingUser, now: datetime) -> None:
    query = models.StepRun.update(
        state="done",
        completed_at=now,
        completed_by=acting.user.id if acting.user else None,
        form_data=completion.form,
        branch=completion.branch.label if completion.branch else None,
    ).where((models.StepRun.id == run.id) & (models.StepRun.state == "open"))
    if query.execute() != 1:
        raise Lost()


def _title_after(case: models.Case, sop: Sop, form: Mapping[str, Any]) -> str:
    if not template_keys(sop.case.title) & form.keys():
        return case.title
    recorded: dict[str, Any] = {}
    done = models.StepRun.select(models.StepRun.form_data).where(
        (models.StepRun.case == case.id) & (models.StepRun.state == "done")
    )
    for row in done.order_by(models.StepRun.id):
        recorded.update(row.form_data or {})
    recorded.update(form)
    return render_title(sop.case.title, recorded)
