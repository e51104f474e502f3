"""Which steps of a visit SOP the front desk records itself, read off the SOP.

The desk acts in the lanes whose role is resepsionis (the visitor's own lane
too: the visitor does not use KPU Desk). Intake: from the start step along
`next` while the step is the desk's and names nobody (the first step with a
person field is the report to the pimpinan). Exit: the desk's steps just before
the closing steps of other lanes (Karanganyar: 9-10 before the pramusaji's 11).
"""

from __future__ import annotations

from kpu_desk.lanemap import suggest_role
from kpu_desk.sop.model import FieldType, Sop, Step

DESK_ROLE = "resepsionis"


def is_desk_step(sop: Sop, step: Step) -> bool:
    names = {lane.id: lane.name for lane in sop.lanes}
    return all(suggest_role(names.get(lane, "")) == DESK_ROLE for lane in step.lanes)


def names_someone(step: Step) -> bool:
    return any(f.type is FieldType.PERSON for f in step.form)


def intake_steps(sop: Sop) -> list[Step]:
    steps: list[Step] = []
    step: Step | None = sop.start_steps[0]
    while step is not None and not step.branches and is_desk_step(sop, step) and not names_someone(step):
        steps.append(step)
        step = sop.step(step.next) if step.next is not None else None
    return steps


def report_step(sop: Sop) -> Step | None:
    """The desk's step right after intake that names the pimpinan told, if the SOP has one."""
    intake = intake_steps(sop)
    following = sop.step(intake[-1].next) if intake and intake[-1].next is not None else None
    if following is not None and is_desk_step(sop, following) and names_someone(following):
        return following
    return None


def exit_steps(sop: Sop) -> list[Step]:
    ordered = sorted(sop.steps, key=lambda s: s.no)
    desk = [is_desk_step(sop, s) for s in ordered]
    if True not in desk:
        return []
    last = len(desk) - 1 - desk[::-1].index(True)
    first = last
    while first > 0 and desk[first - 1] and not ordered[first - 1].branches:
        first -= 1
    return ordered[first:last + 1]


def decision_step(sop: Sop) -> Step | None:
    return next((s for s in sop.steps if s.branches and not is_desk_step(sop, s)), None)
