"""Who is told, in the application, that a step concerns them.

Two rules, for every SOP, applied inside the transaction that completes a step:
- a person field names a user ("Pimpinan yang dilapori", "Pejabat yang ditunjuk"):
  that user is told the case now waits for them;
- a decision was taken: the user who registered the case is told which way it went
  (reception sees whether the pimpinan will meet the guest).
Nobody is told about their own action. Rows carry no text (see models.Notification).
"""

from __future__ import annotations

from datetime import datetime

from kpu_desk.engine.actors import ActingUser
from kpu_desk.sop.model import FieldType, Sop
from kpu_desk.store import models

NAMED = "disebut"  # a person field of the step named the user
DECISION = "keputusan"  # a decision on a case the user registered


def after_step(case: models.Case, sop: Sop, completion, acting: ActingUser, now: datetime) -> None:
    step = completion.step
    acting_id = acting.user.id if acting.user else None
    for user_id in _named_users(step, completion.form):
        if user_id != acting_id:
            _tell(user_id, case, NAMED, step.no, now)
    if completion.branch is not None and case.created_by_id and case.created_by_id != acting_id:
        _tell(case.created_by_id, case, DECISION, step.no, now)


def _named_users(step, form) -> list[int]:
    usernames = [str(form[f.key]) for f in step.form if f.type is FieldType.PERSON and form.get(f.key)]
    if not usernames:
        return []
    query = models.User.select(models.User.id).where(
        models.User.username.in_(usernames) & (models.User.active == True)  # noqa: E712 - SQL
    )
    return [row.id for row in query]


def _tell(user_id: int, case: models.Case, kind: str, step_no: int, now: datetime) -> None:
    models.Notification.create(user=user_id, case=case.id, kind=kind, step_no=step_no, created_at=now)
