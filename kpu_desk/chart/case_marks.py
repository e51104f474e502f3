"""A case drawn on its bagan alur, as plain data: what a painter marks, and nothing about how.

    marks = case_marks("TM-2026-00042")        # from the case's history in the database
    marks.open_step, marks.done_steps[3].who, marks.taken_arrows, marks.untaken_steps

The path taken is the case's step runs in order: a done run followed by the
next run is an arrow taken (a loop taken twice is still one arrow). A step is
untaken when the case can no longer reach it: it lies behind a branch not
chosen at a decision the case has passed (or behind a way in the case did not
start from), and neither the steps done nor the open step lead to it.
Both painters (the Qt view, an export) read the same marks.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Iterable, Sequence

from kpu_desk.sop.model import Sop

ACTIVE_STATES = ("open", "waiting")


@dataclass(frozen=True)
class DoneMark:
    """Who completed a step and when (the last time, when a loop passed it twice)."""

    who: str
    when: datetime | None
    branch: str | None = None


@dataclass(frozen=True)
class CaseMarks:
    number: str
    state: str  # open, waiting, done, cancelled
    open_step: int | None = None
    done_steps: dict[int, DoneMark] = field(default_factory=dict)
    taken_arrows: frozenset[tuple[int, int]] = frozenset()
    untaken_steps: frozenset[int] = frozenset()
    untaken_arrows: frozenset[tuple[int, int]] = frozenset()  # the branches not chosen, and into untaken steps
    # Two branches of a decision may lead to the same step; their arrows are told apart by label.
    taken_branches: frozenset[tuple[int, str]] = frozenset()
    untaken_branches: frozenset[tuple[int, str]] = frozenset()
    overdue_steps: frozenset[int] = frozenset()
    open_due: datetime | None = None
    open_actors: str = ""  # the lanes that must act on the open step, as the SOP names them
    title: str = ""

    def is_taken(self, source: int, target: int) -> bool:
        return (source, target) in self.taken_arrows


@dataclass(frozen=True)
class RunView:
    """The little of a step run that the marks need (engine.HistoryEntry has more)."""

    step_no: int
    state: str  # open, done, cancelled
    who: str | None = None
    completed_at: datetime | None = None
    branch: str | None = None
    due_at: datetime | None = None
    overdue: bool = False


def case_marks(number: str, now: datetime | None = None) -> CaseMarks:
    """The marks of a case, read from the bound database (see kpu_desk.store.open_database)."""
    from kpu_desk import engine

    summary = engine.case_summary(number, now=now)
    runs = [_run_view(entry) for entry in engine.case_history(number, now=now)]
    sop = engine.sop_for_case(engine.find_case(number))
    return marks_from_runs(sop, summary.number, summary.state, runs, case_overdue=summary.overdue,
                           title=summary.title)


def marks_from_runs(
    sop: Sop, number: str, state: str, runs: Sequence[RunView], *, case_overdue: bool = False, title: str = ""
) -> CaseMarks:
    """The marks of runs (in the order they happened) of a case in `state` on `sop`."""
    open_run = next((r for r in reversed(runs) if r.state == "open"), None) if state in ACTIVE_STATES else None
    open_step = open_run.step_no if open_run else None
    taken = _taken_arrows(runs)
    chosen = {(r.step_no, r.branch) for r in runs if r.state == "done" and r.branch}
    ahead = _reachable(sop, [_position(runs)])
    untaken = _untaken_steps(sop, runs, ahead)
    return CaseMarks(
        number=number, state=state, open_step=open_step,
        done_steps={r.step_no: DoneMark(r.who or "—", r.completed_at, r.branch) for r in runs if r.state == "done"},
        taken_arrows=frozenset(taken),
        untaken_steps=frozenset(untaken),
        untaken_arrows=frozenset(_untaken_arrows(sop, runs, taken, untaken, ahead)),
        taken_branches=frozenset(chosen),
        untaken_branches=frozenset(_untaken_branches(sop, chosen, untaken, ahead)),
        # The case's own legal deadline running out makes the step that holds it late too.
        overdue_steps=frozenset({open_run.step_no} if open_run and (open_run.overdue or case_overdue) else ()),
        open_due=open_run.due_at if open_run else None,
        open_actors=_actors(sop, open_step), title=title,
    )


def _run_view(entry) -> RunView:
    return RunView(entry.step_no, entry.state, entry.completed_by_name or entry.completed_by,
                   entry.completed_at, entry.branch, entry.due_at, entry.overdue)


def _taken_arrows(runs: Sequence[RunView]) -> set[tuple[int, int]]:
    # Only a done run leads on; a cancelled run followed by the same step reopened is no arrow.
    return {(a.step_no, b.step_no) for a, b in zip(runs, runs[1:]) if a.state == "done"}


def _position(runs: Sequence[RunView]) -> int | None:
    """Where the case stands: its open step, or the step a cancelled case stopped at (reopening resumes there)."""
    if runs and runs[-1].state != "done":
        return runs[-1].step_no
    return None


def _untaken_steps(sop: Sop, runs: Sequence[RunView], ahead: set[int]) -> set[int]:
    visited = {r.step_no for r in runs}
    return _reachable(sop, _passed_by(sop, runs)) - visited - ahead


def _untaken_arrows(sop: Sop, runs, taken: set, untaken: set[int], ahead: set[int]) -> set[tuple[int, int]]:
    done = {r.step_no for r in runs if r.state == "done"}
    found = set()
    for step in sop.steps:
        for target in step.successors:
            passed = step.no in done and step.no not in ahead and (step.no, target) not in taken
            if passed or step.no in untaken or target in untaken:
                found.add((step.no, target))
    return found


def _untaken_branches(sop: Sop, chosen: set, untaken: set[int], ahead: set[int]) -> set[tuple[int, str]]:
    passed = {step_no for step_no, _ in chosen if step_no not in ahead} | untaken
    return {(no, b.label) for no in passed for b in sop.step(no).branches if (no, b.label) not in chosen}


def _passed_by(sop: Sop, runs: Sequence[RunView]) -> set[int]:
    """Where the branches not chosen (and the ways in not used) would have led."""
    chosen: dict[int, set[str]] = {}
    for run in runs:
        if run.state == "done" and run.branch:
            chosen.setdefault(run.step_no, set()).add(run.branch.casefold())
    heads = {
        branch.next
        for step_no, labels in chosen.items()
        for branch in sop.step(step_no).branches
        if branch.label.casefold() not in labels
    }
    if runs:
        heads |= {s.no for s in sop.start_steps if s.no != runs[0].step_no}
    return heads


def _reachable(sop: Sop, starts: Iterable[int | None]) -> set[int]:
    seen: set[int] = set()
    todo = [s for s in starts if s is not None]
    while todo:
        no = todo.pop()
        if no in seen:
            continue
        seen.add(no)
        todo.extend(sop.step(no).successors)
    return seen


def _actors(sop: Sop, step_no: int | None) -> str:
    if step_no is None:
        return ""
    return ", ".join(sop.lane(lane_id).name for lane_id in sop.step(step_no).lanes)
