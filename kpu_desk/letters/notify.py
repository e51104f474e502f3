"""Telling users in the application (models.Notification rows: who, which case, what kind; no text)."""

from __future__ import annotations

from datetime import datetime
from typing import Iterable

from kpu_desk.store import models


def notify(users: Iterable[models.User | int], kind: str, case_id: int | None, now: datetime) -> None:
    step = None
    if case_id is not None:
        step = models.Case.select(models.Case.current_step).where(models.Case.id == case_id).scalar()
    ids = sorted({u.id if isinstance(u, models.User) else int(u) for u in users})
    rows = [{"user": uid, "case": case_id, "kind": kind, "step_no": step, "created_at": now} for uid in ids]
    if rows:
        models.Notification.insert_many(rows).execute()


def settle(kind: str, case_id: int | None, now: datetime) -> None:
    """Everyone's unread notices of `kind` about a case, read: what they asked for is done, and an
    unread "menunggu tanda tangan" would lead to a signing list without it."""
    if case_id is not None:
        models.Notification.update(read_at=now).where(
            (models.Notification.case == case_id) & (models.Notification.kind == kind)
            & models.Notification.read_at.is_null()).execute()
